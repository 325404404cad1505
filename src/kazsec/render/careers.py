"""Careers on a terminal: one bar per post on a shared time axis, ranks as points.

Shared by `kazsec career` and the explorer's career screen. Bars never draw more than the
dates say: a date known to the month or year is shaded across it, a start or end not
given is dotted with its own mark at the edge, an office reported held as of a date ends
in ▶ there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kazsec.render.text import data_text

if TYPE_CHECKING:
    from kazsec.chronology.tenures import Tenure
    from kazsec.dates import Period
    from kazsec.library.chronology import Career

HELD, WITHIN, UNSAID, POINT = "█", "▒", "┄", "◆"
# How a bar ends (or begins) where no date is given: each state its own mark.
START_NOT_GIVEN, END_NOT_GIVEN, ENDED_UNDATED = "?", "?", "⊣"
IN_OFFICE_AS_OF, IN_OFFICE_UNDATED = "▶", "▷"
LEGEND = (
    f"{HELD} held  {WITHIN} within a date known only to the month or year  {UNSAID} not "
    f"dated  {START_NOT_GIVEN} start or end not given  {ENDED_UNDATED} ended, date not "
    f"given  {IN_OFFICE_AS_OF} in office as of that date  {IN_OFFICE_UNDATED} in office "
    f"when written (undated)  {POINT} rank or title, at the date of its source  ≠ disputed"
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


def axis_for(tenures: Iterable[Tenure], width: int, points: Iterable[Period] = ()) -> Axis | None:
    """An axis of whole years over every date given (None when none is), with a year more
    on a side where a bar runs on undated, so that its mark has room."""
    tenures = list(tenures)
    days = [day for p in points for day in (p.first, p.last)]
    for tenure in tenures:
        for found in (tenure.start, tenure.end, tenure.as_of):
            if found is not None:
                days += [found.first, found.last]
    if not days:
        return None
    first, last = min(days).year, max(days).year
    # A year of room before an unknown start and after an open end, inside the calendar.
    if any(t.start is None and (t.end or t.as_of) for t in tenures):
        first = max(dt.MINYEAR, first - 1)
    if any(t.start and not t.end and (t.end_state != "in office" or not t.as_of) for t in tenures):
        last = min(dt.MAXYEAR, last + 1)
    return Axis(dt.date(first, 1, 1), dt.date(last, 12, 31), max(10, width))


def bar(tenure: Tenure, axis: Axis) -> Text:
    """One tenure on the axis, as precisely as it is dated, and no more."""
    cells = [" "] * axis.width
    column = axis.column
    start, end, as_of = tenure.start, tenure.end, tenure.as_of
    closes = end or as_of  # the last date it is known held (or the day it was left)

    def paint(low: int, high: int, mark: str) -> None:
        for at in range(max(0, low), min(axis.width - 1, high) + 1):
            cells[at] = mark

    if start is not None and closes is not None:
        began, ran = column(start.last), column(closes.first)
        if began > ran:  # the two dates' spans meet: no day between them is certain
            paint(column(start.first), column(closes.last), WITHIN)
        else:
            paint(column(start.first), began - 1, WITHIN)
            paint(began, ran, HELD)
            paint(ran + 1, column(closes.last), WITHIN)
    elif start is not None:
        paint(column(start.first), column(start.last) - 1, WITHIN)
        paint(column(start.last), column(start.last), HELD)
    elif closes is not None:
        paint(0, column(closes.first) - 1, UNSAID)
        cells[0] = START_NOT_GIVEN
        paint(column(closes.first), column(closes.first), HELD)
        paint(column(closes.first) + 1, column(closes.last), WITHIN)
    else:
        return Text("dates not given".ljust(axis.width)[: axis.width], style="dim italic")
    if as_of is not None and end is None:
        cells[min(column(as_of.last) + 1, axis.width - 1)] = IN_OFFICE_AS_OF
    elif end is None and start is not None:
        paint(column(start.last) + 1, axis.width - 2, UNSAID)
        marks = {"in office": IN_OFFICE_UNDATED, "former": ENDED_UNDATED}
        cells[-1] = marks.get(tenure.end_state, END_NOT_GIVEN)
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


def _row(label: Text, drawn: Text) -> Text:
    return label + Text(" " * max(1, LABEL_WIDTH + 1 - label.cell_len)) + drawn


def career_rows(careers: Sequence[Career], axis: Axis | None) -> list[tuple[str, Text]]:
    """Each line of the chart with what it stands for: 'name:N' (a heading), 'N:I' (person
    N's tenure I) or 'N:titles' (their ranks and titles as points)."""
    rows: list[tuple[str, Text]] = []
    for number, career in enumerate(careers):
        rows.append((f"name:{number}", data_text(career.name, style="bold")))
        if axis is None:
            rows.append(
                (f"name:{number}", Text("No post or rank of theirs is dated.", style="dim"))
            )
        for index, tenure in enumerate(career.tenures):
            drawn = bar(tenure, axis) if axis else Text("dates not given", style="dim italic")
            rows.append((f"{number}:{index}", _row(tenure_label(tenure), drawn)))
        dated = [p.as_of for p in career.titles if p.as_of is not None]
        if axis is not None and dated:
            cells = [" "] * axis.width
            for day in dated:
                cells[axis.column(day.first)] = POINT
            points = Text("".join(cells), style="magenta")
            rows.append((f"{number}:titles", _row(Text("ranks and titles", style="dim"), points)))
    return rows


def career_chart(careers: Sequence[Career], width: int) -> Group:
    """One or more careers on one axis: a bar per post, ranks as points, every span in words."""
    axis = career_axis(careers, width - LABEL_WIDTH - 1)
    parts: list[RenderableType] = []
    if axis is not None:
        parts.append(Text(" " * (LABEL_WIDTH + 1)) + axis.ruler())
    parts += [line for _, line in career_rows(careers, axis)]
    parts += [*career_words(careers), Text(LEGEND, style="dim")]
    return Group(*parts)


def career_axis(careers: Sequence[Career], width: int) -> Axis | None:
    """The one axis every career shown is drawn on."""
    tenures = [t for c in careers for t in c.tenures]
    return axis_for(tenures, width, [p.as_of for c in careers for p in c.titles if p.as_of])


def career_words(careers: Sequence[Career]) -> list[RenderableType]:
    """Every post of each career in words, with its quotes counted, and its ranks and titles."""
    parts: list[RenderableType] = []
    for career in careers:
        table = Table(box=None, header_style="bold", pad_edge=False, title_justify="left")
        table.title = data_text(career.name, style="bold")
        table.add_column("Post", ratio=3)
        table.add_column("Held", ratio=2)
        table.add_column("Quotes", justify="right")
        for tenure in career.tenures:
            held = tenure.span_text()
            if tenure.disputed_by:
                held += f" (disputed: {', '.join(tenure.disputed_by)})"
            table.add_row(tenure_label(tenure, 200), data_text(held), str(len(tenure.cite)))
        for point in career.titles:
            when = f"in a source of {point.as_of}" if point.as_of else "in an undated source"
            table.add_row(data_text(point.title, style="magenta"), Text(when), str(len(point.cite)))
        parts.append(table)
    return parts
