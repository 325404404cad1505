"""Undo: the workspace's journal of the changes `kazsec fact add` made, last one first.

Each change is one file in `<workspace>/.undo/`, numbered: the file it changed, its bytes
before, a hash of its bytes after, and what the change was. It is written before the change
itself, so a change is never made without a way back. Undo puts the bytes back only when
the file is still as the change left it: an edit made by hand since is never overwritten.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec

from kazsec.errors import KazsecError
from kazsec.regular_files import read_file_bytes
from kazsec.store.atomic import atomic_write_bytes
from kazsec.workspace.catalogue import locked

JOURNAL = ".undo"
KEPT = 40  # changes that can be taken back, one after the other
_UNDOABLE = {
    f"kb/{name}.toml" for name in ("people", "agencies", "positions", "events", "conflicts")
}


class UndoError(KazsecError):
    """The last change cannot be taken back (its file was edited since, or the journal is
    damaged); the message says what to do."""


class Change(msgspec.Struct, forbid_unknown_fields=True):
    """One change as the journal keeps it."""

    description: str
    file: str  # relative to the workspace: kb/people.toml
    before: str | None  # the file's text before (None: there was no file)
    after_sha256: str


def _digest(data: bytes | None) -> str:
    return "" if data is None else hashlib.sha256(data).hexdigest()


def _entries(workspace: Path) -> list[Path]:
    folder = workspace / JOURNAL
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.stem.isdigit())


def record(workspace: Path, file: str, before: bytes | None, after: bytes, what: str) -> None:
    """Journal a change about to be written (call while holding the workspace's lock)."""
    entries = _entries(workspace)
    number = int(entries[-1].stem) + 1 if entries else 1
    change = Change(what, file, None if before is None else before.decode("utf-8"), _digest(after))
    atomic_write_bytes(workspace / JOURNAL / f"{number:08d}.json", msgspec.json.encode(change))
    for old in entries[: max(0, len(entries) + 1 - KEPT)]:
        old.unlink(missing_ok=True)


def forget_last(workspace: Path) -> None:
    """Drop the last entry: the change it was written for did not happen."""
    entries = _entries(workspace)
    if entries:
        entries[-1].unlink(missing_ok=True)


def _read(entry: Path) -> Change:
    try:
        change = msgspec.json.decode(read_file_bytes(entry), type=Change)
    except (OSError, msgspec.MsgspecError) as exc:
        raise UndoError(f"{entry}: not a change kazsec can take back ({exc}); remove it") from None
    if change.file not in _UNDOABLE:
        raise UndoError(f"{entry}: names {change.file!r}, not a file of yours kazsec writes")
    return change


def undo_last(workspace: Path) -> str | None:
    """Take back the last change `kazsec fact add` made: its file as it was before, atomically,
    under the workspace's lock. Returns what the change was, or None with nothing to undo.
    UndoError when the file was edited since: the edit is kept, not overwritten."""
    with locked(workspace):
        entries = _entries(workspace)
        if not entries:
            return None
        change = _read(entries[-1])
        path = workspace / change.file
        try:
            now: bytes | None = read_file_bytes(path)
        except FileNotFoundError:
            now = None
        before = None if change.before is None else change.before.encode("utf-8")
        if _digest(now) == change.after_sha256:
            if before is None:
                path.unlink()
            else:
                atomic_write_bytes(path, before)
        elif now != before:  # equal: taken back already (the entry outlived a killed undo)
            raise UndoError(
                f"{path} was edited after '{change.description}'; it is left as it is. Edit "
                f"it by hand, or remove {entries[-1]} to forget that change"
            )
        entries[-1].unlink()
        return change.description
