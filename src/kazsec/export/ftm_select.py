"""Which FtM entities an export writes (all, one side, one entity and its neighbours), and
the JSON lines they are written as: sorted, so the same store gives the same bytes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from kazsec.errors import LookupFailed
from kazsec.export.ftm import Entity, FtmGraph, references
from kazsec.export.ftm_notes import add_conflict, add_note
from kazsec.render.text import json_text

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.model import (
        AgencyRecord,
        ConflictRecord,
        EventRecord,
        PersonRecord,
        PositionRecord,
    )


def ftm_graph(library: Library) -> FtmGraph:
    """Every entity of a store, bundled and the user's own."""
    graph = FtmGraph(library)
    store = library.store
    for source in library.sources.values():
        graph.source(source)
    for person in cast("list[PersonRecord]", store.all("people")):
        graph.person(person)
        graph.relations(person)
    for agency in cast("list[AgencyRecord]", store.all("agencies")):
        graph.agency(agency)
    for position in cast("list[PositionRecord]", store.all("positions")):
        graph.position(position)
    for event in cast("list[EventRecord]", store.all("events")):
        graph.event(event)
    for conflict in cast("list[ConflictRecord]", store.all("conflicts")):
        add_conflict(graph, conflict)
    for note in library.notebook.notes:
        add_note(graph, note)
    return graph


def _closed(graph: FtmGraph, chosen: Iterable[str]) -> set[str]:
    """The chosen entities and everything they point at, transitively: every reference in
    an export resolves to an entity in it (a tenure brings its post, a post its body)."""
    kept: set[str] = set()
    todo = [c for c in chosen if c in graph.entities]
    while todo:
        entity_id = todo.pop()
        if entity_id in kept:
            continue
        kept.add(entity_id)
        todo.extend(r for r in references(graph.entities[entity_id]) if r in graph.entities)
    return kept


def on_side(graph: FtmGraph, side: str) -> set[str]:
    """The entities of one side: "bundled" (the bundled documents, the curated facts and the
    quotes from those documents) or "yours" (your documents, your notes, the facts quoted
    from your documents, and the quotes from them), with what they point at."""
    chosen = [
        entity_id
        for entity_id, sides in graph.sides.items()
        if side in sides or (side == "bundled" and not sides)
    ]
    return _closed(graph, chosen)


def around(graph: FtmGraph, kazsec_id: str) -> set[str]:
    """One entity and what it connects to, one step out either way (its tenures, relations,
    events, notes and citations; what it points at), with what those point at."""
    found = graph.of_record.get(kazsec_id)
    if found is None:
        raise LookupFailed(
            f"no person, body, event, source, tenure, disagreement or note has the id "
            f"{kazsec_id!r}; try `kazsec search`"
        )
    step = {found, *references(graph.entities[found])}
    step.update(e for e, entity in graph.entities.items() if found in references(entity))
    return _closed(graph, step)


def ftm_lines(library: Library, only: str | None = None, entity: str | None = None) -> str:
    """The export as JSON lines, sorted by schema then id, each line's keys sorted."""
    graph = ftm_graph(library)
    kept = set(graph.entities)
    if only is not None:
        kept &= on_side(graph, only)
    if entity is not None:
        kept &= around(graph, entity)
    ordered = sorted((graph.entities[i] for i in kept), key=lambda e: (e["schema"], e["id"]))
    return "".join(ftm_line(e) for e in ordered)


def ftm_line(entity: Entity) -> str:
    """One entity as one line of JSON, its keys sorted. Every character is kept; those a
    terminal would act on (C1 controls, bidi overrides) and the line separators U+2028 and
    U+2029 are written as \\u escapes (render.text.json_text), so an export piped to a
    terminal shows, never obeys, what a document holds, and one entity is always one line."""
    props = entity["properties"]
    ordered = {
        "id": entity["id"],
        "properties": {name: props[name] for name in sorted(props)},
        "schema": entity["schema"],
    }
    return json_text(ordered) + "\n"
