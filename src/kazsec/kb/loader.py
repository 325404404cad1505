"""Compile the curated TOML files (data/kb/) into store records with anchored citations."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kazsec.dates import date_precision
from kazsec.errors import KazsecError
from kazsec.kb.anchor import SourceText, anchor

Record = dict[str, Any]
Anchor = Callable[[Mapping[str, Any], str], dict[str, Any]]

PERSON_ROLES = ("official", "analyst", "politician", "author", "other")
AGENCY_KINDS = (
    "security service",
    "law enforcement",
    "military",
    "ministry",
    "state body",
    "council",
    "court",
    "party",
    "international organisation",
    "institute",
    "media",
    "company",
    "other",
)
RELATION_TYPES = (
    "replaced",
    "replaced_by",
    "nephew_of",
    "classmate_of",
    "close_to",
    "proxy_of",
    "relative_of",
    "subordinate_of",
    "accused_by",
    "arrested_by",
    "cited_by",
)
END_REASONS = ("", "dismissed", "arrested", "retired", "moved", "resigned", "died")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TABLE_KEYS = {
    "people": "person",
    "agencies": "agency",
    "positions": "position",
    "events": "event",
    "conflicts": "conflict",
}


class KbError(KazsecError):
    """A curated file that cannot be compiled; the message names file and record."""


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
    entries = document.get(_TABLE_KEYS[table], [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise KbError(f"{label}: expected [[{_TABLE_KEYS[table]}]] tables")
    return label, entries


def _require(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise KbError(f"{where}: missing {key!r}")
    return value


def _one_of(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise KbError(f"{where}: {what} {value!r} is not one of {choices}")
    return value


def _date(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, str]:
    value = str(entry.get(key, ""))
    try:
        return value, date_precision(value)
    except ValueError as exc:
        raise KbError(f"{where}: {key}: {exc}") from None


def _citations(
    item: Mapping[str, Any], where: str, cite: Anchor, required: bool = True
) -> list[dict[str, Any]]:
    """A fact's citations: `cite = [...]`, or `source` + `quote` on the item itself."""
    raw = item.get("cite")
    if isinstance(raw, dict):
        raw = [raw]
    if raw is None and "quote" in item:
        raw = [{"source": item.get("source", ""), "quote": item["quote"]}]
    if not raw:
        if required:
            raise KbError(f"{where}: no citation (give source and quote)")
        return []
    return [cite(c, where) for c in raw]


def _curated_fields(entry: Mapping[str, Any], cited_aliases: list[Record]) -> Record:
    """What the curator supplies; a curator alias a source also uses is listed as cited only."""
    cited = {a["name"] for a in cited_aliases} | {str(entry.get("name", ""))}
    return {
        "description": str(entry.get("description", "")),
        "native_ru": str(entry.get("native_ru", "")),
        "native_kk": str(entry.get("native_kk", "")),
        "curator_aliases": [
            str(a) for a in entry.get("curator_aliases", []) if str(a) not in cited
        ],
    }


def _aliases(entry: Mapping[str, Any], where: str, cite: Anchor) -> list[Record]:
    aliases: list[Record] = []
    for alias in entry.get("aliases", []):
        name = _require(alias, "name", f"{where}: alias")
        here = f"{where}: alias {name!r}"
        citations = _citations(alias, here, cite)
        for citation in citations:
            if name not in citation["exact"]:
                raise KbError(
                    f"{here}: the quote does not contain the alias: {citation['exact']!r}"
                )
        same = next((a for a in aliases if a["name"] == name), None)
        if same is None:
            aliases.append({"name": name, "cite": citations})
        else:  # one spelling cited twice is one alias with two citations
            same["cite"] += [c for c in citations if c not in same["cite"]]
    return aliases


def compile_person(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[person]]: names in every spelling, titles and relations, all cited."""
    pid = _require(entry, "id", f"{label}: person")
    where = f"{label}: person {pid!r}"
    aliases = _aliases(entry, where, cite)
    record: Record = {
        "id": pid,
        "name": _require(entry, "name", where),
        "role": _one_of(str(entry.get("role", "other")), PERSON_ROLES, "role", where),
        "standard_name": str(entry.get("standard_name", "")),
        **_curated_fields(entry, aliases),
        "aliases": aliases,
        "titles": [],
        "relations": [],
    }
    for title in entry.get("titles", []):
        name = _require(title, "title", f"{where}: title")
        record["titles"].append(
            {"title": name, "cite": _citations(title, f"{where}: title {name!r}", cite)}
        )
    for relation in entry.get("relations", []):
        kind = _one_of(str(relation.get("type", "")), RELATION_TYPES, "relation type", where)
        target = _require(relation, "target", f"{where}: relation {kind}")
        here = f"{where}: relation {kind} {target!r}"
        record["relations"].append(
            {"type": kind, "target": target, "cite": _citations(relation, here, cite)}
        )
    return record


def compile_agency(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[agency]]: names and abbreviations, kind, and the parent body a source states."""
    aid = _require(entry, "id", f"{label}: agency")
    where = f"{label}: agency {aid!r}"
    parent = str(entry.get("parent", ""))
    parent_cite = entry.get("parent_cite")
    aliases = _aliases(entry, where, cite)
    return {
        "id": aid,
        "name": _require(entry, "name", where),
        "kind": _one_of(str(entry.get("kind", "other")), AGENCY_KINDS, "kind", where),
        **_curated_fields(entry, aliases),
        "aliases": aliases,
        "parent": parent,
        "parent_cite": _citations({"cite": parent_cite}, f"{where}: parent {parent!r}", cite)
        if parent
        else [],
    }


def compile_position(entry: Mapping[str, Any], label: str, cite: Anchor, seq: int) -> Record:
    """One [[position]]: who held which post in which body, from when to when, how it ended."""
    person = _require(entry, "person", f"{label}: position #{seq}")
    where = f"{label}: position #{seq} ({person})"
    start, start_precision = _date(entry, "start", where)
    end, end_precision = _date(entry, "end", where)
    return {
        "id": f"{person}/position-{seq}",
        "person": person,
        "post": _require(entry, "post", where),
        "body": str(entry.get("body", "")),
        "start": start,
        "start_precision": start_precision,
        "end": end,
        "end_precision": end_precision,
        "end_reason": _one_of(str(entry.get("end_reason", "")), END_REASONS, "end_reason", where),
        "cite": _citations(entry, where, cite),
    }


def compile_event(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[event]]: a dated happening, summarised in the curator's words, cited."""
    eid = _require(entry, "id", f"{label}: event")
    where = f"{label}: event {eid!r}"
    date, precision = _date(entry, "date", where)
    date_end, end_precision = _date(entry, "date_end", where)
    return {
        "id": eid,
        "date": date,
        "date_precision": precision,
        "date_end": date_end,
        "date_end_precision": end_precision,
        "title": _require(entry, "title", where),
        "summary": str(entry.get("summary", "")),
        "people": [str(p) for p in entry.get("people", [])],
        "bodies": [str(b) for b in entry.get("bodies", [])],
        "cite": _citations(entry, where, cite),
    }


def compile_conflict(entry: Mapping[str, Any], label: str, cite: Anchor) -> Record:
    """One [[conflict]]: two or more readings of one matter, each with its quote."""
    cid = _require(entry, "id", f"{label}: conflict")
    where = f"{label}: conflict {cid!r}"
    readings = []
    for reading in entry.get("readings", []):
        text = _require(reading, "reading", f"{where}: reading")
        readings.append(
            {
                "reading": text,
                "cite": _citations(reading, f"{where}: reading {text!r}", cite, required=False),
            }
        )
    if len(readings) < 2:
        raise KbError(f"{where}: a conflict needs at least two readings")
    if not any(r["cite"] for r in readings):
        raise KbError(f"{where}: no reading is cited")
    return {
        "id": cid,
        "subject": _require(entry, "subject", where),
        "summary": str(entry.get("summary", "")),
        "readings": readings,
    }


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
