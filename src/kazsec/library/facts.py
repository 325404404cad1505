"""A dossier as rows of facts: the one list both `kazsec show` and the detail pane render.

Each row says what it is, its text, its dates and notes, the quotes behind it and what
opening it leads to; the renderers only decide how it looks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kazsec.chronology.tenures import tenure_of
from kazsec.library.dossier import Dossier
from kazsec.model import Citation, MentionRecord

RELATION_WORDS = {
    "replaced": "replaced",
    "replaced_by": "replaced by",
    "nephew_of": "nephew of",
    "classmate_of": "classmate of",
    "close_to": "close to",
    "proxy_of": "proxy of",
    "relative_of": "relative of",
    "subordinate_of": "subordinate of",
    "accused_by": "accused by",
    "arrested_by": "arrested by",
    "cited_by": "cited by",
}


@dataclass
class FactRow:
    """One fact about an entity."""

    label: str  # what kind of fact: written, also, title, position, relation, event, disagree, ...
    text: str
    when: str = ""  # dates or tenure, as precisely as known
    note: str = ""  # how a post ended, or who supplied a form
    note_kind: str = ""  # "end", "curator", "summary" or "count": how a renderer styles the note
    citations: list[Citation] = field(default_factory=list)
    opens: str | None = None  # an entity id this row leads to instead of a quote
    side_by_side: bool = False  # its quotes disagree: read them next to each other
    mention: MentionRecord | None = None  # the first mention this row leads to
    group: str = ""  # rows a display may fold into one: "spellings"
    captions: tuple[str, str] = ("", "")  # how to label the readers it opens


def _curated_forms(record: dict[str, Any]) -> list[tuple[str, str]]:
    forms = [
        (record.get("standard_name", ""), "standard"),
        (record.get("native_ru", ""), "ru"),
        (record.get("native_kk", ""), "kk"),
    ]
    forms += [(alias, "") for alias in record.get("curator_aliases", [])]
    return [(value, tag) for value, tag in forms if value]


def _disagreement(conflict: Mapping[str, Any]) -> list[FactRow]:
    """A disagreement, then each of its readings (all of them, however many) on a row."""
    readings = conflict["readings"]
    count = len(readings)
    captions = [f"reading {n} of {count}: {r['reading']}" for n, r in enumerate(readings, start=1)]
    cited = [c for reading in readings for c in reading["cite"]]
    # The first two cited readings open side by side, each reader saying which it shows.
    cited_captions = [cap for cap, r in zip(captions, readings, strict=True) if r["cite"]]
    pair = [*cited_captions, "", ""][:2]
    rows = [
        FactRow(
            "disagree",
            " ≠ ".join(r["reading"] for r in readings),
            note=conflict["summary"],
            note_kind="summary",
            citations=cited,
            side_by_side=True,
            captions=(pair[0], pair[1]),
        )
    ]
    for caption, reading in zip(captions, readings, strict=True):
        rows.append(
            FactRow("reading", caption, citations=reading["cite"], captions=(caption, caption))
        )
    return rows


def fact_rows(found: Dossier, names: Mapping[str, str]) -> list[FactRow]:
    """Every fact of a dossier, in reading order; `names` gives display names by id."""
    record, kind = found.record, found.kind
    rows: list[FactRow] = []
    if kind == "source":
        return rows
    if kind == "event":
        rows.append(FactRow("date", found.event_dates[record["id"]], citations=record["cite"]))
        if record["summary"]:
            rows.append(
                FactRow(
                    "summary",
                    record["summary"],
                    note="curator",
                    note_kind="curator",
                    citations=record["cite"],
                )
            )
        rows += [
            FactRow("involved", names.get(i, i), opens=i)
            for i in record["people"] + record["bodies"]
        ]
    rows += [
        FactRow("written", alias["name"], citations=alias["cite"], group="spellings")
        for alias in record.get("aliases", [])
    ]
    # Forms no source uses (standard spellings, Russian and Kazakh Cyrillic): the curator's.
    rows += [
        FactRow(
            "also",
            value,
            note=f"{tag + ', ' if tag else ''}curator",
            note_kind="curator",
            group="spellings",
        )
        for value, tag in _curated_forms(record)
    ]
    rows += [FactRow("title", t["title"], citations=t["cite"]) for t in record.get("titles", [])]
    if record.get("parent"):
        rows.append(
            FactRow(
                "part of",
                names.get(record["parent"], record["parent"]),
                citations=record["parent_cite"],
            )
        )
    rows += [FactRow("unit", unit["name"], citations=unit["parent_cite"]) for unit in found.units]
    for position in found.positions:
        other = position["person"] if kind == "agency" else position["body"]
        holder = names.get(other, other)
        text = position["post"] + (
            "" if not holder or holder in position["post"] else f", {holder}"
        )
        rows.append(
            FactRow(
                "position",
                text,
                tenure_of(position).span_text(reason=False),
                position["end_reason"],
                "end",
                position["cite"],
            )
        )
    for relation in record.get("relations", []):
        words = RELATION_WORDS.get(relation["type"], relation["type"])
        rows.append(
            FactRow(
                "relation",
                f"{words} {names.get(relation['target'], relation['target'])}",
                citations=relation["cite"],
            )
        )
    own = [c for relation in record.get("relations", []) for c in relation["cite"]]
    for relation in found.related_from:
        if any(c in own for c in relation["cite"]):
            continue  # the same statement, seen from the other side
        words = RELATION_WORDS.get(relation["type"], relation["type"])
        rows.append(
            FactRow(
                "relation",
                f"{names.get(relation['from'], relation['from'])} is {words} this",
                citations=relation["cite"],
            )
        )
    rows += [
        FactRow("event", e["title"], found.event_dates[e["id"]], citations=e["cite"])
        for e in found.events
    ]
    for conflict in found.conflicts:
        rows += _disagreement(conflict)
    for source, (tally, first) in found.mentions_by_source.items():
        rows.append(
            FactRow(
                "mentioned",
                names.get(source, source),
                note=tally.describe(),
                note_kind="count",
                mention=first,
            )
        )
    return rows


__all__ = ["RELATION_WORDS", "FactRow", "fact_rows"]
