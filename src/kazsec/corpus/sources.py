"""Source metadata (data/sources.toml) and the pinned raw files it describes."""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import MutableMapping
from pathlib import Path
from typing import Annotated, Any

import msgspec
import regex

from kazsec.errors import SourceError, describe_type_error
from kazsec.model import CleanText
from kazsec.regular_files import read_file_bytes, read_file_text

SOURCE_FORMATS = ("web", "pdf")
_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class SourceMeta(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What is known about one raw source document, as sources.toml gives it (checked by type)."""

    id: CleanText
    file: CleanText
    sha256: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-fA-F]{64}$")]
    title: CleanText = ""
    publisher: CleanText = ""
    author: CleanText = ""
    date: CleanText = ""
    kind: CleanText = ""
    format: CleanText = "web"
    notes: CleanText = ""
    url: CleanText = ""  # where the document was published, when known
    boilerplate: tuple[CleanText, ...] = ()
    language: CleanText = ""  # ISO 639-1 code of most of its text ("ru", "kk"), when known
    added: CleanText = ""  # when `kazsec add` took it in (ISO date and time, UTC)


TABLE_LINE = re.compile(r"^\[\[source\]\][ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_NOTHING = re.compile(r"^(?:[ \t]*(?:#[^\n]*)?\n?)*$")  # blank lines and comments only

Parsed = MutableMapping[str, Any]  # a [[source]] table's text -> its parsed entry


def entries_by_table(text: str, parsed: Parsed) -> list[Any] | None:
    """The [[source]] entries, each table parsed on its own and remembered by its text, so
    that adding one document to a catalogue of 10,000 parses one table, not 10,000.

    None when the file is not a plain list of [[source]] tables (then it is parsed whole,
    which also gives the proper error for a mistake).
    """
    starts = [m.start() for m in TABLE_LINE.finditer(text)]
    if not starts or not _NOTHING.match(text[: starts[0]]):
        return None
    present: dict[str, Any] = {}
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        table = text[start:end]
        if table not in parsed:
            try:
                document = tomllib.loads(table)
            except tomllib.TOMLDecodeError:
                return None
            if list(document) != ["source"] or len(document["source"]) != 1:
                return None
            parsed[table] = document["source"][0]
        present[table] = parsed[table]
    parsed.clear()  # remember the tables of this file only
    parsed.update(present)
    return list(present.values()) if len(present) == len(starts) else None


def load_source_metadata(
    data_dir: Path, parsed: Parsed | None = None, allow_empty: bool = False
) -> list[SourceMeta]:
    """Read and validate sources.toml; raise SourceError naming the file on any problem.

    `parsed` remembers tables parsed before (see `entries_by_table`); it is updated.
    `allow_empty`: a catalogue without entries is no error (a workspace whose last document
    was removed).
    """
    path = data_dir / "sources.toml"
    try:
        text = read_file_text(path)
        found = entries_by_table(text, parsed) if parsed is not None else None
        document = {"source": found} if found is not None else tomllib.loads(text)
    except FileNotFoundError:
        raise SourceError(f"source metadata not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: not valid TOML ({exc}); fix the file") from None
    entries = document.get("source", [] if allow_empty else None)
    if not isinstance(entries, list) or not (entries or allow_empty):
        raise SourceError(f"{path}: no [[source]] entries")
    sources: list[SourceMeta] = []
    seen: set[str] = set()
    folder = data_dir / "sources"  # made once: 10,000 entries are checked against it
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: [[source]] #{number}"
        try:
            meta = msgspec.convert(entry, type=SourceMeta, strict=True)
            meta = msgspec.structs.replace(meta, sha256=meta.sha256.lower())
        except msgspec.ValidationError as exc:
            raise SourceError(f"{where}: {describe_type_error(str(exc))}") from None
        if not _ID_PATTERN.match(meta.id):
            raise SourceError(f"{where}: id {meta.id!r} must be lowercase words joined by '-'")
        if meta.id in seen:
            raise SourceError(f"{where}: duplicate id {meta.id!r}")
        if meta.format not in SOURCE_FORMATS:
            raise SourceError(
                f"{where}: format must be one of {SOURCE_FORMATS}, not {meta.format!r}"
            )
        if not _inside(folder, meta.file):
            raise SourceError(f"{where}: file {meta.file!r} must name a file inside sources/")
        for pattern in meta.boilerplate:
            try:
                regex.compile(pattern)  # the module that will run it (see corpus/boilerplate.py)
            except regex.error as exc:
                raise SourceError(f"{where}: bad boilerplate pattern {pattern!r}: {exc}") from None
        seen.add(meta.id)
        sources.append(meta)
    return sources


def _inside(folder: Path, name: str) -> bool:
    """Whether a file name stays inside a folder (no '..', no absolute path, no link out)."""
    if name and not any(mark in name for mark in "/\\:") and name not in (".", ".."):
        # A plain file right in the folder (the usual case, ten thousand times in a large
        # catalogue): one lstat, no path objects; only a link is followed to see where to.
        if not os.path.islink(f"{folder}{os.sep}{name}"):
            return True
    elif not name or Path(name).is_absolute() or ".." in Path(name).parts:
        return False
    return (folder / name).resolve().is_relative_to(folder.resolve())


def sha256_hex(data: bytes) -> str:
    """The lowercase hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def read_pinned_source(data_dir: Path, meta: SourceMeta) -> bytes:
    """The raw bytes of a source, refused unless they match the pinned sha256."""
    path = data_dir / "sources" / meta.file
    try:
        data = read_file_bytes(path)
    except FileNotFoundError:
        raise SourceError(f"raw source missing: {path} (copy it back from the corpus)") from None
    except OSError as exc:
        raise SourceError(f"cannot read raw source {path}: {exc.strerror}") from None
    actual = sha256_hex(data)
    if actual != meta.sha256:
        raise SourceError(
            f"raw source {path} has sha256 {actual[:12]}…, sources.toml pins "
            f"{meta.sha256[:12]}…; restore the original file byte for byte"
        )
    return data
