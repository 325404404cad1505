"""The timeline: every event under its year (or decade, month, day), titles in full, filters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from kazsec.chronology.timeline import KINDS, ZOOMS, TimelineEvent, filtered, grouped
from kazsec.dates import Period, period
from kazsec.render.chronology import event_date, involved
from kazsec.render.text import data_text
from kazsec.tui.messages import TimeChoice
from kazsec.tui.widgets.steady_list import SteadyOptionList

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.tui.widgets.navigator import Matcher


def event_prompt(row: TimelineEvent, names: Mapping[str, str], wide: bool = True) -> Table:
    """One event: its date as precise as known, its title in full, who, how many sources
    (on a narrow screen, who goes under the title)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=17 if wide else 13)
    grid.add_column(ratio=3)
    if wide:
        grid.add_column(ratio=2)
    grid.add_column(width=6, justify="right")
    who = data_text(involved(row, names), style="dim")
    title = data_text(row.title)
    if not wide and who.plain:
        title.append("\n")
        title.append_text(who)
    cells = [event_date(row), title, *([who] if wide else [])]
    grid.add_row(*cells, Text(f"{len(row.sources)} src", style="dim"))
    return grid


ZOOM_KEYS = ("plus", "equals_sign", "minus")
WIDE = 100  # columns from which who is involved gets a column of its own


class TimelineScreen(Screen[TimeChoice]):
    """Events by date; filter by entity (any spelling), kind and date range; zoom in and out."""

    DEFAULT_CSS = """
    TimelineScreen #timeline-filters { height: 3; }
    TimelineScreen #timeline-filters Input { width: 1fr; }
    TimelineScreen #timeline-filters .timeline-date { width: 16; }
    TimelineScreen #timeline-filters Select { width: 22; }
    TimelineScreen #timeline-status { height: 1; padding: 0 1; color: $text-muted; }
    TimelineScreen #timeline-events { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="timeline-close"),
        Binding("plus,equals_sign", "zoom(1)", "Zoom in", id="timeline-zoom-in"),
        Binding("minus", "zoom(-1)", "Zoom out", id="timeline-zoom-out"),
        Binding("down", "to_events", "To the events", show=False, id="timeline-to-events"),
    ]

    def __init__(self, library: Library, matcher: Matcher, entity: str = "") -> None:
        super().__init__()
        self.library = library
        self.matcher = matcher
        self.rows = library.chronology.timeline
        self.zoom = ZOOMS.index("year")
        self.entity = entity

    def compose(self) -> ComposeResult:
        with Horizontal(id="timeline-filters"):
            yield Input(
                self.entity,
                placeholder="person, body or words",
                id="timeline-entity",
                select_on_focus=False,  # typing on the list goes on into the box
            )
            yield Select([(kind, kind) for kind in KINDS], prompt="any kind", id="timeline-kind")
            yield Input(placeholder="from YYYY", id="timeline-from", classes="timeline-date")
            yield Input(placeholder="to YYYY", id="timeline-to", classes="timeline-date")
        yield Static(id="timeline-status", markup=False)
        yield SteadyOptionList(id="timeline-events")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refill()
        self.query_one("#timeline-events").focus()
        self._wide = self.app.size.width >= WIDE

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width >= WIDE) != getattr(self, "_wide", None):
            self._wide = event.size.width >= WIDE
            self.refill()

    def _range(self) -> tuple[Period | None, Period | None, str]:
        found: list[Period | None] = []
        for field in ("#timeline-from", "#timeline-to"):
            value = self.query_one(field, Input).value.strip()
            try:
                found.append(period(value))
            except ValueError as exc:
                return None, None, str(exc)
        low, high = found
        if low is not None and high is not None and high.before(low):
            return low, high, f"'to' ({high}) is before 'from' ({low}): nothing can fall between"
        return low, high, ""

    def shown_rows(self) -> tuple[list[TimelineEvent], str]:
        """The events the filters keep, and a problem with a filter, if any."""
        words = self.query_one("#timeline-entity", Input).value.strip()
        entities = set(self.matcher(words)) if words else None
        kind = self.query_one("#timeline-kind", Select).value
        kinds = {str(kind)} if isinstance(kind, str) else None
        low, high, problem = self._range()
        return filtered(self.rows, entities, kinds, low, high), problem

    def refill(self) -> None:
        """Show the events the filters keep, under headings at the zoom level."""
        rows, problem = self.shown_rows()
        wide = self.app.size.width >= WIDE
        options: list[Option] = []
        for heading, group in grouped(rows, ZOOMS[self.zoom]):
            options.append(Option(Text(heading, style="bold underline"), disabled=True))
            options += [
                Option(event_prompt(row, self.library.names, wide), id=row.id) for row in group
            ]
        events = self.query_one("#timeline-events", OptionList)
        events.clear_options()
        events.add_options(options)
        first = next((n for n, o in enumerate(options) if not o.disabled), None)
        events.highlighted = first
        status = f"{len(rows)} of {len(self.rows)} events · by {ZOOMS[self.zoom]} (+/- to zoom)"
        self.query_one("#timeline-status", Static).update(problem or status)

    @on(Input.Changed)
    @on(Select.Changed)
    def _filters_changed(self) -> None:
        self.refill()

    @on(OptionList.OptionSelected, "#timeline-events")
    def _event_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(("entity", event.option.id))

    def on_key(self, event: events.Key) -> None:
        """Typing on the list filters it: the letters go to the name filter."""
        character = event.character
        if (
            character
            and character.isprintable()
            and not character.isspace()
            and not isinstance(self.focused, Input | Select)
            and event.key not in ZOOM_KEYS  # even q: Qasym, Qonayev are names
        ):
            field = self.query_one("#timeline-entity", Input)
            field.focus()
            field.insert_text_at_cursor(character)
            event.stop()
            event.prevent_default()

    def action_zoom(self, step: int) -> None:
        """From decades to days and back."""
        self.zoom = max(0, min(len(ZOOMS) - 1, self.zoom + step))
        self.refill()

    def action_to_events(self) -> None:
        """From a filter box down into the events (where + and - zoom)."""
        self.query_one("#timeline-events").focus()

    def action_close(self) -> None:
        """Back to the explorer."""
        self.dismiss(("none", None))
