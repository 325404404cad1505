"""The workspace's notes.toml: the user's notes, each anchored to a quote in a source.

A plain TOML file of [[note]] tables that a user may read, edit by hand and keep in git.
Notes are appended and removed as text, never by writing the parsed file back: comments,
order and spacing the user gave it stay as they were. Every change happens under a lock
of its own (two kazsec processes take turns, neither loses the other's note), re-reads the
file first and refuses to touch one that does not parse; the write is atomic.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kazsec.errors import LookupFailed, StoreError
from kazsec.regular_files import read_file_bytes
from kazsec.store.atomic import atomic_write_text
from kazsec.workspace.notes_file import (
    NotesError,
    check_entry,
    parse_notes,
    render_entry,
    table_spans,
)

HEADER = """\
# Your notes: one [[note]] table each, anchored to a quote of a source. `source` and
# `quote` say where a note belongs; `prefix`, `suffix`, `start` and `end` help find the
# quote again when the text changes (leave them out and the quote alone is looked for).
# `text` and `tags` are yours to edit. `kazsec note add` adds a note, `kazsec note rm ID`
# takes one out, `kazsec notes` lists them and says where each quote stands now.
"""
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Note:
    """One note as notes.toml holds it; start and end are -1 when the file gives none."""

    id: str
    source: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    text: str
    tags: tuple[str, ...]
    created: str  # ISO 8601, UTC: "2026-12-01T03:58:37Z"


def notes_path(workspace: Path) -> Path:
    """The workspace's notes.toml."""
    return workspace / "notes.toml"


def normal_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, the empty ones dropped, each once (as first written; case aside)."""
    kept: dict[str, str] = {}
    for tag in tags:
        kept.setdefault(tag.strip().casefold(), tag.strip())
    return tuple(tag for tag in kept.values() if tag)


def read_notes(workspace: Path) -> list[Note]:
    """The notes in file order ([] when there is no notes.toml); NotesError names the
    file and line of the first mistake."""
    path = notes_path(workspace)
    text = _read(path)
    return [] if text is None else _notes(path, text)


def add_note(
    workspace: Path,
    source: str,
    quote: str,
    prefix: str,
    suffix: str,
    start: int,
    end: int,
    text: str,
    tags: Iterable[str],
) -> Note:
    """Append a note to notes.toml and return it with its new id. NotesError, and the file
    untouched, when it does not parse or the note's words hold a control character."""
    path = notes_path(workspace)
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    tags = tuple(tags)  # looked at twice: a generator would be empty the second time
    if any(_SURROGATE.search(v) for v in (source, quote, prefix, suffix, text, *tags)):
        raise NotesError("the note holds a character that is not text (a lone surrogate)")
    with _locked(workspace):
        current = _read(path)
        notes = _notes(path, current) if current is not None else []
        taken = {n.id for n in notes}
        note_id = next(i for i in iter(_new_id, "") if i not in taken)
        note = Note(
            note_id, source, quote, prefix, suffix, start, end, text, normal_tags(tags), created
        )
        entry = note_entry(note)
        problem = check_entry(dict(entry))[1]
        if problem:  # its own words are refused (a control character): nothing is written
            raise NotesError(f"the note was not added: {problem}")
        table = render_entry(entry)
        new = (current if current is not None else HEADER).rstrip("\n") + "\n\n" + table
        try:
            read_back = len(parse_notes(path, new))
        except NotesError:  # `note = [{...}]` written by hand: a table cannot follow it
            read_back = -1
        if read_back != len(notes) + 1:
            raise NotesError(
                f"{path}:1: a note cannot be appended to this file (its notes are not "
                "[[note]] tables); write them as [[note]] tables, or add the note by hand"
            )
        _write(path, new)
    return note


def remove_note(workspace: Path, note_id: str) -> Note:
    """Take one note's table out of notes.toml, the rest as it was; LookupFailed when no
    note has that id, NotesError (the file untouched) when it cannot be cut out cleanly."""
    path = notes_path(workspace)
    with _locked(workspace):
        current = _read(path)
        notes = _notes(path, current) if current is not None else []
        index = next((i for i, n in enumerate(notes) if n.id == note_id), None)
        if current is None or index is None:
            raise LookupFailed(
                f"no note has the id {note_id!r} in {path}; `kazsec notes` lists them"
            )
        rest = notes[:index] + notes[index + 1 :]
        for start, end in table_spans(current, len(notes), index):
            new = current[:start] + current[end:]
            try:
                if _notes(path, new) == rest:
                    _write(path, new)
                    return notes[index]
            except NotesError:
                continue
        raise NotesError(
            f"{path}: note {note_id} could not be cut out alone (not a plain list of [[note]] "
            "tables); take it out by hand"
        )


def _notes(path: Path, text: str) -> list[Note]:
    return [
        Note(
            id=e.id,
            source=e.source,
            quote=e.quote,
            prefix=e.prefix,
            suffix=e.suffix,
            start=e.start,
            end=e.end,
            text=e.text,
            tags=normal_tags(e.tags),
            created=e.created,
        )
        for e in parse_notes(path, text)
    ]


def note_entry(note: Note) -> dict[str, object]:
    """A note's fields as its [[note]] table holds them: what a reader of the file wants
    first comes first; offsets are given only when known."""
    entry: dict[str, object] = {
        "id": note.id,
        "source": note.source,
        "quote": note.quote,
        "text": note.text,
        "tags": list(note.tags),
        "created": note.created,
        "prefix": note.prefix,
        "suffix": note.suffix,
    }
    if note.start >= 0:
        entry.update(start=note.start, end=max(note.end, note.start))
    return entry


def _new_id() -> str:
    return f"note-{secrets.token_hex(4)}"


def _read(path: Path) -> str | None:
    try:
        data = read_file_bytes(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NotesError(f"{path}:1: cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotesError(f"{path}:{line}: not UTF-8 text; save it as UTF-8") from None


def _write(path: Path, text: str) -> None:
    try:
        atomic_write_text(path, text)
    except StoreError:
        raise NotesError(
            f"cannot write {path} (a folder you may not write, or a full disk); nothing changed"
        ) from None


def _locked(workspace: Path) -> AbstractContextManager[None]:
    """Hold notes.toml's lock (its own: a long `kazsec add` does not hold notes up)."""
    from kazsec.workspace.catalogue import locked

    return locked(workspace, ".notes.lock", str(notes_path(workspace)), NotesError)


__all__ = [
    "Note",
    "NotesError",
    "add_note",
    "normal_tags",
    "notes_path",
    "read_notes",
    "remove_note",
]
