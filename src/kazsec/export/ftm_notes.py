"""Notes in the FtM export: each disagreement between sources and each of the user's notes
as an FtM Note, its quotes cited like every other fact (Documentation entities)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kazsec.export.ftm import FtmGraph, ftm_props
from kazsec.export.ftm_ids import hashed_id, record_id

if TYPE_CHECKING:
    from kazsec.library.notes import AnchoredNote
    from kazsec.model import Citation, ConflictRecord

# A disagreement's subject names its kind as the store does; FtM ids say "body" for agency.
_ID_KINDS = {"agency": "body", "person": "person", "event": "event"}


def add_conflict(graph: FtmGraph, record: ConflictRecord) -> None:
    """A disagreement between sources as a Note on its subject, each reading cited."""
    kind, _, subject = record["subject"].partition(":")
    readings = [r["reading"] + (f" ({r['date']})" if r["date"] else "") for r in record["readings"]]
    made = graph.add(
        "Note",
        record_id("disagreement", record["id"]),
        ftm_props(
            name=f"Disagreement: {record['id']}",
            entity=record_id(_ID_KINDS.get(kind, kind), subject),
            summary=record["summary"],
            description="\n".join(readings),
        ),
    )
    graph.of_record[record["id"]] = made
    for reading in record["readings"]:
        graph.cite(made, reading["cite"], f"reading: {reading['reading']}")


def add_note(graph: FtmGraph, found: AnchoredNote) -> None:
    """One of the user's notes as a Note on its document, its quote cited where it stands
    now (a note whose quote is gone is kept, uncited; one whose source is gone, unlinked)."""
    note = found.note
    doc = graph.doc_ids.get(note.source, "")
    made = graph.add(
        "Note",
        hashed_id("note", note.id),
        ftm_props(
            name=f"Note {note.id}",
            entity=doc,
            description=note.text,
            keywords=note.tags,
            summary=note.quote,
        ),
    )
    graph.sides[made].add("yours")
    graph.of_record[note.id] = made
    if not doc or found.start is None or found.end is None:
        return
    quote = {
        "source": note.source,
        "exact": found.found,
        "prefix": note.prefix,
        "suffix": note.suffix,
        "start": found.start,
        "end": found.end,
        "passage": found.passage or "",
    }
    graph.cite(made, [cast("Citation", quote)], "note", side="yours")
