"""The user's notes as the explorer shows them: rows of an entry's detail, the navigator's
Notes list, where a note opens in the reader. A note's quote is cited where it stands now
(re-anchored); an orphaned note is still listed, said to be orphaned, and opens nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kazsec.kinds import Location
from kazsec.library.rows import ListRow
from kazsec.names import fold_key

if TYPE_CHECKING:
    from kazsec.library.facts import FactRow
    from kazsec.library.notes import AnchoredNote

STATUS_WORDS = {
    "exact": "",
    "moved": "moved",
    "fuzzy": "reworded",
    "orphan": "orphaned: its words are no longer in the source",
    "no source": "its source is not in the store",
}


def note_citation(found: AnchoredNote) -> dict[str, Any] | None:
    """Where a note's quote stands now, as a citation (None when it stands nowhere)."""
    if found.start is None or found.end is None or found.passage is None:
        return None
    return {
        "source": found.note.source,
        "exact": found.found,
        "prefix": "",
        "suffix": "",
        "start": found.start,
        "end": found.end,
        "passage": found.passage,
    }


def note_location(found: AnchoredNote) -> Location | None:
    """Where a note opens in the reader."""
    cited = note_citation(found)
    return Location.of(cited) if cited is not None else None


def note_title(found: AnchoredNote) -> str:
    """A note's first line, else its quote."""
    text = found.note.text.strip() or f"“{found.note.quote.strip()}”"
    return text.splitlines()[0] if text else found.id


def note_rows(notes: Iterable[AnchoredNote]) -> list[FactRow]:
    """An entry's notes as detail rows: the note, its date and tags, its quote to open."""
    from kazsec.library.facts import FactRow

    rows = []
    for found in notes:
        cited = note_citation(found)
        status = STATUS_WORDS.get(found.status, found.status)
        tags = ", ".join(f"#{tag}" for tag in found.note.tags)
        rows.append(
            FactRow(
                "note",
                note_title(found),
                found.note.created[:10],
                "; ".join(part for part in (tags, status) if part),
                "curator",  # the user's own words, styled as words not from a source
                [cited] if cited else [],  # type: ignore[list-item]
            )
        )
    return rows


ORPHANED_FACT = "orphaned-fact:"  # the id prefix of a row standing for an orphaned fact


def orphaned_fact_rows(orphans: Iterable[Mapping[str, Any]]) -> list[ListRow]:
    """The user's facts left out of the store (their quotes gone; kept in their files), so
    that the explorer lists them too, as `kazsec check` does."""
    return [
        ListRow(
            f"{ORPHANED_FACT}{number}",
            str(orphan.get("record", "")),
            str(orphan.get("reason", "")),
            keys=fold_key(" ".join(str(v) for v in orphan.values())),
            group="Orphaned facts",
        )
        for number, orphan in enumerate(orphans)
        if isinstance(orphan, Mapping)
    ]


def note_list_rows(notes: Iterable[AnchoredNote], labels: Mapping[str, str]) -> list[ListRow]:
    """The navigator's Notes list: under their source's name, the orphans under their own."""

    rows = []
    for found in notes:
        orphaned = found.status in ("orphan", "no source")
        group = "Orphaned" if orphaned else labels.get(found.note.source, found.note.source)
        words = " ".join((found.note.text, " ".join(found.note.tags), found.note.quote))
        rows.append(
            ListRow(
                found.id,
                note_title(found),
                " ".join(f"#{tag}" for tag in found.note.tags),
                found.note.created[:10],
                keys=fold_key(words),
                group=group,
            )
        )
    return sorted(rows, key=lambda row: row.group == "Orphaned")
