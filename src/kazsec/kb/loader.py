"""Compile the curated TOML files (data/kb/, then the user's own in their workspace's kb/)
into store records with anchored citations."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kazsec.kb.anchor import SourceText, anchor
from kazsec.kb.records import (
    KbError,
    compile_agency,
    compile_conflict,
    compile_event,
    compile_person,
    compile_position,
)
from kazsec.kb.tables import SLUG, KnowledgeBase, Orphan, read_table
from kazsec.kb.workspace_kb import add_user_records


def _read(data_dir: Path, table: str) -> tuple[str, list[Mapping[str, Any]]]:
    label = f"data/kb/{table}.toml"
    return label, read_table(data_dir / "kb" / f"{table}.toml", label, table)


def _check_ids(kb: KnowledgeBase, source_ids: set[str]) -> None:
    seen: dict[str, str] = {sid: "source" for sid in source_ids}
    for kind, records in kb.with_ids():
        for record in records:
            rid = record["id"]
            if kind != "event" and not SLUG.match(rid):
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


def load_knowledge_base(
    data_dir: Path,
    sources: Mapping[str, SourceText],
    workspace: Path | None = None,
    pending: Mapping[str, str] | None = None,
) -> KnowledgeBase:
    """Read, validate and anchor every curated file; KbError or AnchorError on the first problem.

    `workspace`: the user's own files (its kb/) are compiled onto the bundled ones (see
    kb.workspace_kb); a fact of theirs whose quote is gone is listed in `orphans`, not
    raised. `pending`: a workspace file's text by table name, read instead of the file (a
    fact being added is checked before it is written).
    """

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
    if workspace is not None:
        add_user_records(kb, workspace, cite, set(sources), pending or {})
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


__all__ = ["KbError", "KnowledgeBase", "Orphan", "iter_citations", "load_knowledge_base"]
