"""Compile the curated TOML files (data/kb/) into store records with anchored citations."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from kazsec.errors import describe_type_error
from kazsec.kb.anchor import SourceText, anchor
from kazsec.kb.records import (
    KbError,
    Record,
    compile_agency,
    compile_conflict,
    compile_event,
    compile_person,
    compile_position,
)
from kazsec.kb.schema import ENTRY_TYPES, checked

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TABLE_KEYS = {
    "people": "person",
    "agencies": "agency",
    "positions": "position",
    "events": "event",
    "conflicts": "conflict",
}


@dataclass
class KnowledgeBase:
    """Compiled curated records, ready for the store."""

    people: list[Record] = field(default_factory=list)
    agencies: list[Record] = field(default_factory=list)
    positions: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    conflicts: list[Record] = field(default_factory=list)


def _read(data_dir: Path, table: str) -> tuple[str, list[Mapping[str, Any]]]:
    path = data_dir / "kb" / f"{table}.toml"
    label = f"data/kb/{table}.toml"
    if not path.is_file():
        return label, []
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KbError(f"{label}: not valid TOML ({exc})") from None
    kind = _TABLE_KEYS[table]
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
    return label, entries


def _check_ids(kb: KnowledgeBase, source_ids: set[str]) -> None:
    seen: dict[str, str] = {sid: "source" for sid in source_ids}
    for kind, records in (
        ("person", kb.people),
        ("agency", kb.agencies),
        ("event", kb.events),
        ("conflict", kb.conflicts),
    ):
        for record in records:
            rid = record["id"]
            if kind != "event" and not _SLUG.match(rid):
                raise KbError(f"{kind} id {rid!r}: use lowercase words joined by '-'")
            if rid in seen:
                raise KbError(f"{kind} id {rid!r} is already used by a {seen[rid]}")
            seen[rid] = kind


def _check_references(kb: KnowledgeBase) -> None:
    people = {p["id"] for p in kb.people}
    agencies = {a["id"] for a in kb.agencies}
    known = {"person": people, "agency": agencies, "event": {e["id"] for e in kb.events}}

    def need(ids: set[str], value: str, where: str) -> None:
        if value and value not in ids:
            raise KbError(f"{where}: unknown id {value!r}")

    for person in kb.people:
        for relation in person["relations"]:
            need(
                people | agencies,
                relation["target"],
                f"data/kb/people.toml: person {person['id']!r}: relation",
            )
    for agency in kb.agencies:
        need(agencies, agency["parent"], f"data/kb/agencies.toml: agency {agency['id']!r}: parent")
    for position in kb.positions:
        need(people, position["person"], f"data/kb/positions.toml: {position['id']}: person")
        need(agencies, position["body"], f"data/kb/positions.toml: {position['id']}: body")
    for event in kb.events:
        for pid in event["people"]:
            need(people, pid, f"data/kb/events.toml: event {event['id']!r}: people")
        for aid in event["bodies"]:
            need(agencies, aid, f"data/kb/events.toml: event {event['id']!r}: bodies")
    for conflict in kb.conflicts:
        kind, _, rid = conflict["subject"].partition(":")
        where = f"data/kb/conflicts.toml: conflict {conflict['id']!r}: subject"
        if kind not in known:
            raise KbError(
                f"{where}: {conflict['subject']!r} must be person:ID, agency:ID or event:ID"
            )
        need(known[kind], rid, where)


def load_knowledge_base(data_dir: Path, sources: Mapping[str, SourceText]) -> KnowledgeBase:
    """Read, validate and anchor every curated file; KbError or AnchorError on the first problem."""

    def cite(citation: Mapping[str, Any], where: str) -> dict[str, Any]:
        return anchor(citation, sources, where)

    kb = KnowledgeBase()
    label, entries = _read(data_dir, "people")
    kb.people = [compile_person(e, label, cite) for e in entries]
    label, entries = _read(data_dir, "agencies")
    kb.agencies = [compile_agency(e, label, cite) for e in entries]
    label, entries = _read(data_dir, "positions")
    kb.positions = [compile_position(e, label, cite, seq) for seq, e in enumerate(entries, start=1)]
    label, entries = _read(data_dir, "events")
    kb.events = [compile_event(e, label, cite) for e in entries]
    label, entries = _read(data_dir, "conflicts")
    kb.conflicts = [compile_conflict(e, label, cite) for e in entries]
    _check_ids(kb, set(sources))
    _check_references(kb)
    return kb


def iter_citations(value: Any) -> Iterator[dict[str, Any]]:
    """Every anchored citation inside a record, however deeply nested."""
    if isinstance(value, dict):
        if {"source", "exact", "start", "end"} <= value.keys():
            yield value
        else:
            for item in value.values():
                yield from iter_citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from iter_citations(item)
