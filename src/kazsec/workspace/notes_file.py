"""notes.toml as text: parsed and checked with the line of each mistake, tables rendered
and found again to be cut out."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Any

import msgspec

from kazsec.errors import KazsecError, describe_type_error
from kazsec.model import CleanText

# A [[note]] header on a line of its own (a comment may follow it).
NOTE_LINE = re.compile(r"^[ \t]*\[\[[ \t]*note[ \t]*\]\][ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_AT_LINE = re.compile(r" \(at line (\d+), column (\d+)\)$")
_AT_END = " (at end of document)"
# Characters TOML lets stand raw in a string that a terminal would act on (C1 controls,
# bidi overrides, line separators): written as escapes, `cat notes.toml` stays harmless.
_RAW_UNSAFE = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class NotesError(KazsecError):
    """notes.toml cannot be read or changed as it is: "<file>:<line>: <what is wrong>"."""


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One [[note]] table, checked by type. The quote and its context are a source's own
    words (shown inert, whatever they hold); the text and tags are the user's."""

    id: CleanText
    source: CleanText
    quote: Annotated[str, msgspec.Meta(min_length=1)]
    text: CleanText = ""
    tags: tuple[CleanText, ...] = ()
    created: CleanText = ""
    prefix: str = ""
    suffix: str = ""
    start: Annotated[int, msgspec.Meta(ge=0)] = -1
    end: Annotated[int, msgspec.Meta(ge=0)] = -1


def check_entry(entry: Any) -> tuple[Entry | None, str]:
    """A table as an Entry, or None and what is wrong with it in plain words."""
    if not isinstance(entry, dict):
        return None, "a note must be a [[note]] table"
    created = entry.get("created")
    if isinstance(created, datetime | date | time):  # written without quotes: still a time
        entry = {**entry, "created": created.isoformat()}
    try:
        checked = msgspec.convert(entry, type=Entry, strict=True)
    except msgspec.ValidationError as exc:
        return None, _plain(describe_type_error(str(exc)))
    if not _ID.match(checked.id):
        return None, f"id {checked.id!r}: letters, digits and - _ . : only, no spaces"
    if not checked.quote.strip():
        return None, "quote: empty; give the words of the source the note is about"
    return checked, ""


def parse_notes(path: Path, text: str) -> list[Entry]:
    """Every note of the file, checked; NotesError names the file and the line of the first
    mistake (for a table with a wrong field, the line of its [[note]] header)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise NotesError(_decode_error(path, text, str(exc))) from None
    for key in document:
        if key != "note":
            line = _line_of(text, re.compile(rf"^[ \t]*\[*[ \t]*[\"']?{re.escape(key)}\b", re.M))
            raise NotesError(f"{path}:{line}: {key!r} is not a note; only [[note]] tables belong")
    tables = document.get("note", [])
    if not isinstance(tables, list):
        line = _line_of(text, re.compile(r"^[ \t]*\[?[ \t]*note\b", re.M))
        raise NotesError(f"{path}:{line}: notes are [[note]] tables (two brackets each)")
    headers = [text.count("\n", 0, m.start()) + 1 for m in NOTE_LINE.finditer(text)]
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    for number, table in enumerate(tables):
        line = headers[number] if len(headers) == len(tables) else 1
        entry, problem = check_entry(table)
        if entry is None:
            raise NotesError(f"{path}:{line}: note #{number + 1}: {problem}")
        if entry.id in first_line:
            raise NotesError(
                f"{path}:{line}: duplicate id {entry.id!r} (line {first_line[entry.id]} has it)"
            )
        first_line[entry.id] = line
        entries.append(entry)
    return entries


def render_entry(entry: dict[str, object]) -> str:
    """One [[note]] table as TOML text, ending with a newline; a list of words on one line
    (`tags = ["knb", "2022"]`, as a person would write it)."""
    import tomli_w

    lines = ["[[note]]\n"]
    for key, value in entry.items():
        if isinstance(value, list | tuple):
            words = ", ".join(tomli_w.dumps({"v": str(v)})[4:-1] for v in value)
            lines.append(f"{key} = [{words}]\n")
        else:
            lines.append(tomli_w.dumps({key: value}))
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", "".join(lines))


def table_spans(text: str, count: int, index: int) -> list[tuple[int, int]]:
    """Where the text of table `index` (of `count`) may be, the likeliest first: its header
    to its last field with the blank lines before it, then its header to the next one.
    [] when the headers are not one per table (cut nothing then)."""
    starts = [m.start() for m in NOTE_LINE.finditer(text)]
    if len(starts) != count:
        return []
    start, end = starts[index], (starts[index + 1] if index + 1 < count else len(text))
    lines = text[start:end].splitlines(keepends=True)
    # Comments and blank lines at its end introduce the next table or close the file.
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    trimmed = start + sum(map(len, lines))
    before = start
    while before > 0 and text[:before].endswith("\n\n"):  # the blank line that set it apart
        before -= 1
    return [(before, trimmed), (start, trimmed), (start, end)]


def _plain(problem: str) -> str:
    """msgspec's words for a missing or unknown field, as a person would say them."""
    if found := re.fullmatch(r"Object missing required field (\w+)", problem):
        return f"{found.group(1)}: missing; a note needs an id, a source and a quote"
    if found := re.fullmatch(r"Object contains unknown field (.+)", problem):
        fields = ", ".join(Entry.__struct_fields__)
        return f"unknown field {found.group(1)!r}; a note's fields are {fields}"
    return problem


def _decode_error(path: Path, text: str, message: str) -> str:
    found = _AT_LINE.search(message)
    if found:
        reason = message[: found.start()]
        line, column = found.group(1), found.group(2)
        return f"{path}:{line}: not valid TOML: {reason.lower()} at column {column}; fix it"
    reason = message.removesuffix(_AT_END)
    line = str(text.count("\n") + (0 if text.endswith("\n") else 1))
    return f"{path}:{line}: not valid TOML: {reason.lower()} at the end of the file; fix it"


def _line_of(text: str, pattern: re.Pattern[str]) -> int:
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1
