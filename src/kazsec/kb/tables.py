"""The curated files' tables: read and checked by type, and what compiling them gives.

Shared by the bundled knowledge base (data/kb/) and the user's own (their workspace's
kb/), which are written in the same format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from kazsec.errors import describe_type_error
from kazsec.kb.records import KbError, Record
from kazsec.kb.schema import ENTRY_TYPES, checked
from kazsec.regular_files import read_file_bytes

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # the ids of people, bodies and conflicts
# Each file's name (without .toml) and the one kind of [[table]] it holds, in the order
# they are compiled (people and bodies first: the rest refers to them).
TABLE_KEYS = {
    "people": "person",
    "agencies": "agency",
    "positions": "position",
    "events": "event",
    "conflicts": "conflict",
}


@dataclass(frozen=True)
class Orphan:
    """A fact of the user's whose quote can no longer be anchored (its document changed
    or is gone), or that rests on such a fact: kept in its file, left out of the store."""

    file: str  # the workspace file, as its path
    number: int  # the table's place in that file, from 1
    record: str  # "person 'x'", "person 'karim-massimov': alias 'Масимову'", "position #2 (x)"
    source: str
    quote: str
    reason: str

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Orphan:
        """As the store's meta keeps it (`to_record`)."""
        return cls(
            str(record["file"]),
            int(record["number"]),
            str(record["record"]),
            str(record["source"]),
            str(record["quote"]),
            str(record["reason"]),
        )

    def describe(self) -> str:
        """One line: where the fact is and why it is left out."""
        return (
            f"{self.file}: {self.record}: {self.reason} (kept in the file, left out of the store)"
        )

    def to_record(self) -> dict[str, Any]:
        """As the store's meta keeps it."""
        return {
            "file": self.file,
            "number": self.number,
            "record": self.record,
            "source": self.source,
            "quote": self.quote,
            "reason": self.reason,
        }


@dataclass
class KnowledgeBase:
    """Compiled curated records, ready for the store, and the user's facts left out."""

    people: list[Record] = field(default_factory=list)
    agencies: list[Record] = field(default_factory=list)
    positions: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    conflicts: list[Record] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)

    def with_ids(self) -> tuple[tuple[str, list[Record]], ...]:
        """The records that own an id, by kind: people, bodies, events, disagreements."""
        return (
            ("person", self.people),
            ("agency", self.agencies),
            ("event", self.events),
            ("conflict", self.conflicts),
        )

    def kinds_by_id(self, source_ids: Iterable[str] = ()) -> dict[str, str]:
        """Every id there is and its kind, sources (`source_ids`) first."""
        known = dict.fromkeys(source_ids, "source")
        for kind, records in self.with_ids():
            known.update((record["id"], kind) for record in records)
        return known


def read_table(
    path: Path, label: str, table: str, text: str | None = None
) -> list[Mapping[str, Any]]:
    """The [[tables]] of one curated file, each checked by type; KbError names `label`.

    `text`: the file's content to read instead of the file (a change not written yet).
    A file that is not there holds no tables.
    """
    if text is None:
        try:
            # Bytes decoded as they are: a hand-written file's line ends are its own.
            text = read_file_bytes(path).decode("utf-8")
        except FileNotFoundError:
            return []
        except UnicodeDecodeError as exc:
            raise KbError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            raise KbError(f"{label}: cannot read it: {exc.strerror}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KbError(f"{label}: not valid TOML ({exc})") from None
    kind = TABLE_KEYS[table]
    unknown = sorted(set(document) - {kind})
    if unknown:
        raise KbError(f"{label}: unknown table {unknown[0]!r}; this file holds [[{kind}]] tables")
    entries = document.get(kind, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise KbError(f"{label}: expected [[{kind}]] tables")
    for number, entry in enumerate(entries, start=1):
        try:
            checked(entry, ENTRY_TYPES[table])
        except msgspec.ValidationError as exc:
            name = entry.get("id") or entry.get("person") or f"#{number}"
            raise KbError(
                f"{label}: {kind} {str(name)!r}: {describe_type_error(str(exc))}"
            ) from None
    return entries
