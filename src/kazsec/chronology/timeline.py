"""The timeline: events dated as the sources date them, filtered, and grouped at a zoom level.

An event's date is its record's, plus every date a [[conflict]] about it gives: where the
sources disagree the event carries every reading ('2017/2018 disputed'), and where none
dates it, it stands in its own group with the reason. Grouping never claims more than a
date holds: at the zoom of days, an event dated only '2017' stands under '2017 (no month
given)', not under a day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from kazsec.dates import Dating, Period, format_date, period

ZOOMS = ("decade", "year", "month", "day")
# Kinds of event, from the words of the curator's title (first rule that fits: a book on
# elections is a publication).
KIND_RULES: tuple[tuple[str, str], ...] = (
    (
        "publication",
        r"\barticle\b(?!\s+\d)|chapter|book|monograph|volume|interview|publishes|web piece|lists"
        r"|edited by|et al\.",
    ),
    ("death", r"suicide|\bdies\b|\bdied\b|death|killed"),
    ("arrest", r"arrest|detain|sentence|trial|treason"),
    ("dismissal", r"dismiss|retire|resign|removed|steps down"),
    ("election", r"election|\belect(?:s|ed)\b|\bwins\b"),
    (
        "appointment",
        r"appoint|becomes|takes over|sworn in|\bheads\b|\bmoves\b|replaces|serves as"
        r"|\bis (?:ambassador|presidential)|chairmanship",
    ),
    (
        "law",
        r"\blaw\b|decree|constitution|amend|adopted|referendum|term extended|programme"
        r"|strategy|bill\b",
    ),
    ("unrest", r"unrest|protest|clash|rebel|seized|violence|chaos|lethal|conspirat|coup|emergency"),
    ("meeting", r"summit|session|conference|meeting|visit|exercise|speech"),
    (
        "institution",
        r"created|creates|launched|established|approved|placed|granted|introduced|signed|opens",
    ),
)
KINDS = (*(kind for kind, _ in KIND_RULES), "other")
_KIND_PATTERNS = [(kind, re.compile(words, re.IGNORECASE)) for kind, words in KIND_RULES]


def event_kind(title: str) -> str:
    """The kind of an event, read from its title: appointment, dismissal, arrest, ..."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(title):
            return kind
    return "other"


def event_dating(event: Mapping[str, Any], conflicts: Iterable[Mapping[str, Any]]) -> Dating:
    """An event's date with every reading the sources give of it."""
    readings = [event["date"]] if event["date"] else []
    disputes = [c for c in conflicts if c["subject"] == f"event:{event['id']}"]
    for conflict in disputes:
        readings += [r["date"] for r in conflict["readings"] if r.get("date")]
    unique = tuple(dict.fromkeys(readings))
    if len(unique) > 1 and event["date"] in unique:
        # The record's own date stands for one of the readings: keep the readings alone.
        given = [r["date"] for c in disputes for r in c["readings"] if r.get("date")]
        unique = tuple(dict.fromkeys(given)) if len(set(given)) > 1 else unique
    reason = ""
    if not unique:
        reason = "the sources disagree and give no date" if disputes else "no source gives a date"
    end = event["date_end"] if len(unique) == 1 else ""
    return Dating(unique, end, bool(event.get("year_inferred")), reason)


class TimelineEvent(NamedTuple):
    """One row of the timeline."""

    id: str
    title: str
    dating: Dating
    kind: str
    people: tuple[str, ...]
    bodies: tuple[str, ...]
    sources: tuple[str, ...]  # the sources its quotes come from, in order
    cite: list[dict[str, Any]]

    def to_json(self, names: Mapping[str, str]) -> dict[str, Any]:
        """The row as `kazsec timeline --json` prints it."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.dating.readings[0] if len(self.dating.readings) == 1 else "",
            "readings": list(self.dating.readings),
            "date_end": self.dating.end,
            "disputed": self.dating.disputed,
            "year_inferred": self.dating.inferred,
            "undated_reason": self.dating.reason,
            "shown": self.dating.text(),
            "kind": self.kind,
            "people": [{"id": i, "name": names.get(i, i)} for i in self.people],
            "bodies": [{"id": i, "name": names.get(i, i)} for i in self.bodies],
            "sources": list(self.sources),
            "cite": self.cite,
        }


def timeline_events(
    events: Iterable[Mapping[str, Any]], conflicts: Sequence[Mapping[str, Any]]
) -> list[TimelineEvent]:
    """Every event as a timeline row, in time order (by its earliest reading), undated last."""
    rows = [
        TimelineEvent(
            e["id"],
            e["title"],
            event_dating(e, conflicts),
            event_kind(e["title"]),
            tuple(e["people"]),
            tuple(e["bodies"]),
            tuple(dict.fromkeys(c["source"] for c in e["cite"])),
            list(e["cite"]),
        )
        for e in events
    ]
    return sorted(rows, key=lambda r: (*r.dating.order(), r.id))


def within(row: TimelineEvent, low: Period | None, high: Period | None) -> bool:
    """Whether some reading of the event (with its range's end) may fall between `low` and
    `high` (either open); an undated event falls in no range."""
    if low is None and high is None:
        return True
    end = period(row.dating.end)
    wanted = Period("", low.first if low else dt.date.min, high.last if high else dt.date.max)
    for found in row.dating.periods:
        spanned = Period("", found.first, end.last) if end is not None else found
        if spanned.overlaps(wanted):
            return True
    return False


def filtered(
    rows: Iterable[TimelineEvent],
    entities: set[str] | None = None,
    kinds: set[str] | None = None,
    low: Period | None = None,
    high: Period | None = None,
) -> list[TimelineEvent]:
    """The rows involving any of `entities` (or an event among them), of `kinds`, in range."""
    return [
        row
        for row in rows
        if (
            entities is None
            or row.id in entities
            or not entities.isdisjoint(row.people)
            or not entities.isdisjoint(row.bodies)
        )
        and (kinds is None or row.kind in kinds)
        and within(row, low, high)
    ]


def group_label(row: TimelineEvent, zoom: str) -> str:
    """The heading an event stands under at a zoom level: '2010s', '2022', 'Jan 2022',
    '6 Jan 2022'; coarser when its date is ('2017 (no month given)'), and 'Undated'."""
    periods = row.dating.periods
    # A disputed date stands under its earliest reading; the row itself shows every reading.
    return _label(periods[0], zoom) if periods else "Undated"


def _label(found: Period, zoom: str) -> str:
    year = found.first.year
    if zoom == "decade":
        return f"{year // 10 * 10}s"
    if zoom == "year" or found.precision == "year":
        missing = {"month": " (no month given)", "day": " (no month given)"}
        return str(year) + (missing.get(zoom, "") if found.precision == "year" else "")
    month = format_date(found.iso[:7])
    if zoom == "month" or found.precision == "month":
        return month + (" (no day given)" if zoom == "day" else "")
    return format_date(found.iso)


def grouped(rows: Sequence[TimelineEvent], zoom: str) -> list[tuple[str, list[TimelineEvent]]]:
    """Rows under their headings, in time order, the undated group last."""
    groups: dict[str, list[TimelineEvent]] = {}
    for row in rows:
        groups.setdefault(group_label(row, zoom), []).append(row)
    return list(groups.items())
