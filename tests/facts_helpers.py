"""What the tests of the user's facts share: a document of their own, and a quote."""

from __future__ import annotations

import hashlib
from pathlib import Path

NOTES = (
    "Notes on the border service\n\n"
    "Aigerim Zhaksylykova was appointed head of the Steppe Border Directorate on 3 March 2023. "
    "She is a classmate of Karim Massimov, according to a former colleague, Karim Masimoff.\n\n"
    "On 5 March 2023 the Steppe Border Directorate opened a new office in Aktobe.\n\n"
    "Another account dates her appointment to February 2023.\n"
)
MASSIMOV = "The Lieutenant-General of National Security Karim Massimov"  # once in ciss-2022-nsc


def put_document(workspace: Path, source_id: str, text: str) -> None:
    """A text document in the workspace as `kazsec add` lists one (without reading it)."""
    raw = text.encode("utf-8")
    (workspace / "sources").mkdir(parents=True, exist_ok=True)
    (workspace / "sources" / f"{source_id}.txt").write_bytes(raw)
    entry = (
        f'\n[[source]]\nid = "{source_id}"\nfile = "{source_id}.txt"\n'
        f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\nkind = "document"\nlanguage = "en"\n'
    )
    catalogue = workspace / "sources.toml"
    before = catalogue.read_text(encoding="utf-8") if catalogue.is_file() else ""
    catalogue.write_text(before + entry, encoding="utf-8")


def rewrite_document(workspace: Path, source_id: str, text: str) -> None:
    """The document's text changed (a new version of it), its pin in sources.toml with it."""
    path = workspace / "sources" / f"{source_id}.txt"
    old, raw = path.read_bytes(), text.encode("utf-8")
    path.write_bytes(raw)
    catalogue = workspace / "sources.toml"
    pinned = catalogue.read_text(encoding="utf-8")
    old_pin, new_pin = hashlib.sha256(old).hexdigest(), hashlib.sha256(raw).hexdigest()
    catalogue.write_text(pinned.replace(old_pin, new_pin), encoding="utf-8")
