"""Time on a terminal: career bars on a shared axis, successions, the timeline, who held what.

Shared by `kazsec timeline/career/succession/held` and the explorer's time screens. Bars
never draw more than the dates say: a date known to the month is shaded across its month,
an end or start not given is dotted to the edge, an office held as of a source ends in ▶.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kazsec.render.text import data_text

if TYPE_CHECKING:
    from kazsec.chronology.succession import Holding, Succession
    from kazsec.chronology.tenures import Tenure
    from kazsec.chronology.timeline import TimelineEvent
    from kazsec.dates import Period
    from kazsec.library.chronology import Career

HELD, WITHIN, UNSAID, IN_OFFICE, POINT = "█", "▒", "┄", "▶", "◆"
LEGEND = (
    f"{HELD} held  {WITHIN} within a date known only to the month or year  "
    f"{UNSAID} start or end not given  {IN_OFFICE} in office as of the latest source  "
    f"{POINT} rank or title (as of its source)  ≠ disputed by a source"
)
LABEL_WIDTH = 30


class Axis(NamedTuple):
    """A span of whole years drawn across `width` columns."""

    first: dt.date
    last: dt.date
    width: int

    def column(self, day: dt.date) -> int:
        """The column a day falls in."""
        total = (self.last - self.first).days or 1
        offset = (min(max(day, self.first), self.last) - self.first).days
        return min(self.width - 1, offset * self.width // total)

    def ruler(self) -> Text:
        """Year marks, as many as fit."""
        years = self.last.year - self.first.year + 1
        step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s * 6 <= self.width), 100)
        line = [" "] * self.width
        for year in range(self.first.year, self.last.year + 1):
            if year % step:
                continue
            at = self.column(dt.date(year, 1, 1))
            label = str(year)
            if at + len(label) <= self.width and all(c == " " for c in line[at : at + 5]):
                line[at : at + len(label)] = label
        return Text("".join(line), style="dim")


def axis_for(tenures: Iterable[Tenure], width: int, points: Iterable[Period] = ()) -> Axis:
    """An axis of whole years over every date the tenures and points give."""
    days = [p.first for p in points] + [p.last for p in points]
    for tenure in tenures:
        for found in (tenure.start, tenure.end, tenure.as_of):
            if found is not None:
                days += [found.first, found.last]
    today = dt.date.today()
    if not days:
        days = [dt.date(today.year, 1, 1)]
    first = dt.date(min(days).year, 1, 1)
    last = dt.date(max(days).year, 12, 31)
    return Axis(first, last, max(10, width))


def bar(tenure: Tenure, axis: Axis) -> Text:
    """One tenure drawn on the axis, as precisely as it is dated, and no more."""
    cells = [" "] * axis.width
    start, end, as_of = tenure.start, tenure.end, tenure.as_of
    if start is None and end is None and as_of is None:
        return Text("dates not given".ljust(axis.width)[: axis.width], style="dim italic")
    left = axis.column(start.last) if start else 0
    if end is not None:
        right = axis.column(end.first)
    elif tenure.end_state == "in office" and as_of is not None:
        right = axis.column(as_of.last)
    else:
        right = left if start else axis.column((as_of or end or start).first)  # type: ignore[union-attr]
    for at in range(left, right + 1):
        cells[at] = HELD
    if start is None:
        for at in range(0, right):
            cells[at] = UNSAID
    else:
        for at in range(axis.column(start.first), left):
            cells[at] = WITHIN
    if end is not None:
        for at in range(right + 1, axis.column(end.last) + 1):
            cells[at] = WITHIN
    elif tenure.end_state == "in office" and as_of is not None:
        if right + 1 < axis.width:
            cells[right + 1] = IN_OFFICE
    else:
        for at in range(right + 1, axis.width):
            cells[at] = UNSAID
    style = "yellow" if tenure.disputed_by else ("cyan" if tenure.acting else "green")
    return Text("".join(cells), style=style)


def tenure_label(tenure: Tenure, width: int = LABEL_WIDTH) -> Text:
    """A bar's label: the post, cut to fit, marked acting or disputed."""
    marks = ("≠ " if tenure.disputed_by else "") + ("acting " if tenure.acting else "")
    post = data_text(tenure.post.removeprefix("Acting ").removeprefix("acting "))
    post.truncate(width - len(marks), overflow="ellipsis")
    label = Text()
    label.append(marks, style="yellow")
    label.append_text(post)
    return label


def points_line(career: Career, axis: Axis) -> Text:
    """Ranks and titles as points at the dates of their sources."""
    cells = [" "] * axis.width
    for point in career.titles:
        if point.as_of is not None:
            cells[axis.column(point.as_of.first)] = POINT
    return Text("".join(cells), style="magenta")


def career_chart(careers: Sequence[Career], names: Mapping[str, str], width: int) -> Group:
    """One or more careers on one axis: a bar per post, ranks as points, every span in words."""
    axis = axis_for(
        [t for c in careers for t in c.tenures],
        width - LABEL_WIDTH - 1,
        [p.as_of for c in careers for p in c.titles if p.as_of is not None],
    )
    parts: list[RenderableType] = []
    for career in careers:
        parts.append(data_text(career.name, style="bold"))
        parts.append(Text(" " * (LABEL_WIDTH + 1)) + axis.ruler())
        for tenure in career.tenures:
            label = tenure_label(tenure)
            parts.append(label + _pad(label) + bar(tenure, axis))
        if any(p.as_of for p in career.titles):
            parts.append(
                Text("ranks and titles".ljust(LABEL_WIDTH + 1), style="dim")
                + points_line(career, axis)
            )
        parts.append(tenure_table(career))
    parts.append(Text(LEGEND, style="dim"))
    return Group(*parts)


def _pad(label: Text) -> Text:
    return Text(" " * max(1, LABEL_WIDTH + 1 - label.cell_len))


def tenure_table(career: Career) -> Table:
    """Every post of a career in words, with its quotes counted, and its ranks and titles."""
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Post", ratio=3)
    table.add_column("Held", ratio=2)
    table.add_column("Quotes", justify="right")
    for tenure in career.tenures:
        disputed = f" (disputed: {', '.join(tenure.disputed_by)})" if tenure.disputed_by else ""
        table.add_row(
            tenure_label(tenure, 200),
            data_text(tenure.span_text() + disputed),
            str(len(tenure.cite)),
        )
    for point in career.titles:
        table.add_row(
            data_text(point.title, style="magenta"),
            data_text(point.text().removeprefix(point.title).strip(" ()") or "undated source"),
            str(len(point.cite)),
        )
    return table


def succession_table(found: Succession, names: Mapping[str, str]) -> Group:
    """The holders in order, each change with what the sources say of it."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Holder", ratio=2)
    table.add_column("Held", ratio=3)
    table.add_column("The change, as the sources give it", ratio=3)
    for number, change in enumerate(found.changes, start=1):
        tenure = change.after
        holder = data_text(names.get(tenure.person, tenure.person))
        if tenure.acting:
            holder.append(" (acting)", style="cyan")
        notes = data_text(change.how)
        if change.gap:
            notes.append(
                f"\ngap: no holder known {change.gap[0]} – {change.gap[1]}", style="yellow"
            )
        if change.overlap:
            notes.append("\noverlap: started before the previous holder left", style="yellow")
        table.add_row(str(number), holder, data_text(tenure.span_text()), notes)
    parts: list[RenderableType] = [data_text(found.label, style="bold"), table]
    if not found.changes:
        parts.append(Text("No holder of it is dated by the sources.", style="dim"))
    if found.undated:
        who = ", ".join(names.get(t.person, t.person) for t in found.undated)
        parts.append(
            data_text(f"Also held it, at a time the sources do not give: {who}", style="dim")
        )
    return Group(*parts)


def held_table(
    label: str,
    day: Period,
    holdings: Sequence[Holding],
    undated: Sequence[Tenure],
    names: Mapping[str, str],
) -> Group:
    """Who held a post on a day, how sure that is, and why."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Holder", ratio=2)
    table.add_column("How sure", ratio=1)
    table.add_column("Held", ratio=3)
    table.add_column("Why not certain", ratio=3)
    for found in holdings:
        style = "green" if found.certainty == "certain" else "yellow"
        table.add_row(
            data_text(names.get(found.tenure.person, found.tenure.person)),
            Text(found.certainty, style=style),
            data_text(found.tenure.span_text()),
            data_text("; ".join(found.reasons)),
        )
    parts: list[RenderableType] = [data_text(f"{label} on {day}", style="bold")]
    parts.append(table if holdings else Text("No dated holder covers that day.", style="dim"))
    if undated:
        who = ", ".join(names.get(t.person, t.person) for t in undated)
        parts.append(data_text(f"Held it at a time the sources do not give: {who}", style="dim"))
    return Group(*parts)


def involved(row: TimelineEvent, names: Mapping[str, str]) -> str:
    """The people and bodies of an event, by name."""
    return ", ".join(names.get(i, i) for i in (*row.people, *row.bodies))


def timeline_view(
    groups: Sequence[tuple[str, Sequence[TimelineEvent]]], names: Mapping[str, str]
) -> Group:
    """The timeline under its headings: date as precise as known, title in full, who, sources."""
    parts: list[RenderableType] = []
    for heading, rows in groups:
        parts.append(data_text(heading, style="bold underline"))
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("Date", width=16, no_wrap=False)
        table.add_column("Event", ratio=3)
        table.add_column("Involved", ratio=2)
        table.add_column("Src", justify="right", width=3)
        for row in rows:
            date = row.dating.text() if row.dating.readings else row.dating.reason
            style = "yellow" if row.dating.disputed else ("dim" if not row.dating.readings else "")
            table.add_row(
                data_text(date, style=style),
                data_text(row.title),
                data_text(involved(row, names), style="dim"),
                str(len(row.sources)),
            )
        parts.append(table)
    if not parts:
        parts.append(Text("No event matches.", style="dim"))
    return Group(*parts)


def posts_table(rows: Sequence[tuple[str, str, int]]) -> Table:
    """The bodies with a head and the posts, with their ids and holders."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Id")
    table.add_column("Post or head of body", ratio=1)
    table.add_column("Holders", justify="right")
    for subject, label, holders in rows:
        table.add_row(data_text(subject), data_text(label), str(holders))
    return table
