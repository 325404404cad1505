"""Time on a terminal: successions, who held a post on a day, the timeline (careers: careers.py).

Shared by `kazsec timeline/succession/held` and the explorer's time screens.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kazsec.render.text import data_text, inert

if TYPE_CHECKING:
    from kazsec.chronology.holding import Holding
    from kazsec.chronology.succession import Change, Succession
    from kazsec.chronology.tenures import Tenure
    from kazsec.chronology.timeline import TimelineEvent
    from kazsec.dates import Period


def change_notes(change: Change) -> Text:
    """What the sources say of a change, and its gap, overlap or dispute."""
    notes = data_text(change.how)
    if change.gap:
        notes.append(f"\ngap: no holder known {change.gap[0]} – {change.gap[1]}", style="yellow")
    if change.concurrent:
        notes.append("\nheld at the same time as the previous holder", style="yellow")
    elif change.overlap:
        notes.append("\noverlap: started before the previous holder left", style="yellow")
    if change.after.disputed_by:
        notes.append("\n≠ disputed: " + ", ".join(change.after.disputed_by), style="yellow")
    return notes


def holder_name(tenure: Tenure, names: Mapping[str, str]) -> Text:
    """A holder's name, marked acting."""
    name = data_text(names.get(tenure.person, tenure.person))
    if tenure.acting:
        name.append(" (acting)", style="cyan")
    return name


def succession_table(found: Succession, names: Mapping[str, str]) -> Group:
    """The holders in order, each change with what the sources say of it."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Holder", ratio=2)
    table.add_column("Held", ratio=3)
    table.add_column("The change, as the sources give it", ratio=3)
    for number, change in enumerate(found.changes, start=1):
        tenure = change.after
        table.add_row(
            str(number),
            holder_name(tenure, names),
            data_text(tenure.span_text()),
            change_notes(change),
        )
    parts: list[RenderableType] = [data_text(found.label, style="bold"), table]
    if not found.changes:
        parts.append(Text("No holder of it is dated by the sources.", style="dim"))
    parts.append(undated_line(found.undated, names, "Also held it"))
    return Group(*parts)


def undated_line(undated: Sequence[Tenure], names: Mapping[str, str], lead: str) -> Text:
    """The holders no source dates, by name ('' when there are none)."""
    if not undated:
        return Text("")
    who = ", ".join(names.get(t.person, t.person) for t in undated)
    return data_text(f"{lead}, at a time the sources do not give: {who}", style="dim")


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
            holder_name(found.tenure, names),
            Text(found.certainty, style=style),
            data_text(found.tenure.span_text()),
            data_text("; ".join(found.reasons)),
        )
    parts: list[RenderableType] = [data_text(f"{label} on {day}", style="bold")]
    parts.append(table if holdings else Text("No dated holder covers that day.", style="dim"))
    parts.append(undated_line(undated, names, "Held it"))
    return Group(*parts)


def involved(row: TimelineEvent, names: Mapping[str, str]) -> str:
    """The people and bodies of an event, by name."""
    return ", ".join(names.get(i, i) for i in (*row.people, *row.bodies))


def event_date(row: TimelineEvent) -> Text:
    """An event's date as precisely as known, every reading of a disputed one, or why none."""
    if not row.dating.readings:
        return data_text(row.dating.reason, style="dim")
    return data_text(row.dating.text(), style="yellow" if row.dating.disputed else "")


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
            table.add_row(
                event_date(row),
                data_text(row.title),
                data_text(involved(row, names), style="dim"),
                str(len(row.sources)),
            )
        parts.append(table)
    if not parts:
        parts.append(Text("No event matches.", style="dim"))
    return Group(*parts)


POST_LABEL_ROOM = 20  # the narrowest the post column gets beside the longest id


def posts_table(rows: Sequence[tuple[str, str, int]], width: int) -> Table:
    """The bodies with a head and the posts, with their ids and holders, for a terminal
    `width` columns wide. An id is never wrapped nor cut (it is there to be copied): the
    post column takes the squeeze, and when even that is too little the table is wider
    than the terminal (print it uncropped) and the terminal wraps the line, not the id."""
    longest = max((len(subject) for subject, _, _ in rows), default=2)
    needed = longest + POST_LABEL_ROOM + len("Holders") + 2  # two gaps of one column
    table = Table(
        box=None, header_style="bold", pad_edge=False, width=needed if width < needed else None
    )
    table.add_column("Id", no_wrap=True, min_width=longest)
    table.add_column("Post or head of body", ratio=1, min_width=POST_LABEL_ROOM)
    table.add_column("Holders", justify="right", no_wrap=True)
    for subject, label, holders in rows:
        table.add_row(data_text(subject), data_text(label), str(holders))
    return table


def posts_lines(rows: Sequence[tuple[str, str, int]]) -> list[str]:
    """The posts for a pipe: `id<TAB>name` a line, each field inert and on one line."""
    return [
        "\t".join(" ".join(inert(f).split()) for f in (subject, label))
        for subject, label, _ in rows
    ]
