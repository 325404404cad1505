"""The workspace's sources.toml: entries appended and removed as text, under a lock.

Written as text, not re-serialised from parsed data: what the user wrote by hand in the
file (comments, other entries, their order) stays exactly as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import msgspec

from kazsec.corpus.sources import (
    TABLE_LINE,
    SourceMeta,
    entries_by_table,
    load_source_metadata,
)
from kazsec.errors import KazsecError, SourceError, StoreError
from kazsec.regular_files import read_file_text
from kazsec.store.atomic import atomic_write_bytes, atomic_write_text

HEADER = """\
# Your documents, as `kazsec add` took them in: one [[source]] table each. Edit titles,
# authors, dates and kinds as you like; `id`, `file` and `sha256` tie an entry to its
# bytes in sources/ (change them and the document is refused). `kazsec remove ID` takes
# a document out.
"""
LOCK_WAIT_S = 60


def catalogue_path(workspace: Path) -> Path:
    """The workspace's sources.toml."""
    return workspace / "sources.toml"


@contextmanager
def locked(
    workspace: Path,
    name: str = ".kazsec.lock",
    what: str = "the workspace",
    error: type[KazsecError] = StoreError,
) -> Iterator[None]:
    """Hold one of the workspace's locks (`name`; `what` it guards, for the message): one
    kazsec process changes that part of it at a time. Problems are `error`s, in one line."""
    from filelock import FileLock, Timeout

    try:
        (workspace / "sources").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error(f"cannot write the workspace {workspace}: {exc.strerror}") from None
    lock = FileLock(str(workspace / name))
    try:
        lock.acquire(timeout=LOCK_WAIT_S)
    except Timeout:
        raise error(f"another kazsec has held {what} for a minute; try again") from None
    try:
        yield
    finally:
        lock.release()


def entries(workspace: Path) -> list[SourceMeta]:
    """The documents the workspace holds (none when it has no catalogue yet)."""
    if not catalogue_path(workspace).is_file():
        return []
    return load_source_metadata(workspace, allow_empty=True)


def known(workspace: Path) -> tuple[set[str], dict[str, str]]:
    """The ids the workspace's documents have, and each one's id by its sha256, as fast as
    a catalogue of 10,000 allows: each [[source]] table is parsed once and remembered by
    its text in the user's cache (parsing the whole file again would take a second).
    Unchecked: the build checks every entry."""
    import marshal

    path = catalogue_path(workspace)
    try:
        text = read_file_text(path)
    except FileNotFoundError:
        return set(), {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {path}: {exc}") from None
    memo = _memo_path(workspace)
    try:
        parsed: dict[str, Any] = marshal.loads(memo.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        parsed = {}
    if not isinstance(parsed, dict):
        parsed = {}
    before = set(parsed)
    found = entries_by_table(text, parsed)
    if found is None:  # not a plain list of tables: the whole file, parsed (or refused)
        found = [msgspec.structs.asdict(meta) for meta in entries(workspace)]
    elif set(parsed) != before:
        with contextlib.suppress(OSError, StoreError, ValueError):
            atomic_write_bytes(memo, marshal.dumps(parsed))
    ids = {str(e.get("id")) for e in found if isinstance(e, dict)}
    by_hash = {
        str(e.get("sha256", "")).lower(): str(e.get("id")) for e in found if isinstance(e, dict)
    }
    return ids, by_hash


def _memo_path(workspace: Path) -> Path:
    import hashlib

    from kazsec.paths import cache_dir

    name = hashlib.sha256(str(workspace.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / "catalogues" / f"{name}.marshal"


def append(workspace: Path, new: Sequence[Mapping[str, Any]]) -> None:
    """Add [[source]] tables at the end of the catalogue (call while `locked`)."""
    import tomli_w

    path = catalogue_path(workspace)
    try:
        text = read_file_text(path) if path.is_file() else HEADER
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {path}: {exc}") from None
    tables = "".join("\n" + tomli_w.dumps({"source": [dict(entry)]}) for entry in new)
    atomic_write_text(path, text.rstrip("\n") + "\n" + tables)


def remove(workspace: Path, source_id: str) -> tuple[str, set[str]]:
    """Take the [[source]] table of `source_id` out of the catalogue (call while `locked`),
    the rest of the file as it was; returns the file it named and the files the others
    name. SourceError when the workspace has no such document."""
    path = catalogue_path(workspace)
    text = read_file_text(path)
    parsed: dict[str, Any] = {}  # each table's text -> its entry, one parse each
    if entries_by_table(text, parsed) is None:
        raise SourceError(f"{path} is not a plain list of [[source]] tables; edit it by hand")
    starts = [m.start() for m in TABLE_LINE.finditer(text)] + [len(text)]
    kept, removed, others = [text[: starts[0]]], None, set()
    for start, end in pairwise(starts):
        entry = parsed[text[start:end]]
        if entry.get("id") == source_id:
            removed = entry
        else:
            kept.append(text[start:end])
            others.add(str(entry.get("file")))
    if removed is None:
        raise SourceError(f"your workspace {workspace} has no document {source_id!r}")
    atomic_write_text(path, "".join(kept))
    return str(removed.get("file")), others
