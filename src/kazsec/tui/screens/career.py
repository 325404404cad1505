"""A career: one bar per post on a shared time axis; a second person's beside it to compare."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kazsec.render.chronology import (
    LABEL_WIDTH,
    LEGEND,
    axis_for,
    bar,
    points_line,
    tenure_label,
    tenure_table,
)
from kazsec.render.text import data_text
from kazsec.tui.screens.timeline import Choice

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.library.chronology import Career
    from kazsec.tui.widgets.navigator import Matcher

CHROME = 4  # columns an option's padding and the list's scroll bar take


class CareerScreen(Screen[Choice]):
    """Bars of every post a person held; Enter on a bar opens its quotes."""

    DEFAULT_CSS = """
    CareerScreen #career-compare { display: none; }
    CareerScreen #career-compare.asking { display: block; }
    CareerScreen #career-bars { height: auto; max-height: 60%; }
    CareerScreen #career-words { height: 1fr; }
    CareerScreen #career-ruler { height: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back", id="career-close"),
        Binding(
            "a", "compare", "Compare", tooltip="Add a second person to compare", id="career-compare"
        ),
    ]

    def __init__(self, library: Library, matcher: Matcher, people: list[str]) -> None:
        super().__init__()
        self.library = library
        self.matcher = matcher
        self.careers: list[Career] = [library.chronology.career(p) for p in people[:2]]

    def compose(self) -> ComposeResult:
        yield Input(placeholder="compare with: a person's name, any spelling", id="career-compare")
        yield Static(id="career-ruler")
        yield OptionList(id="career-bars")
        with VerticalScroll(id="career-words"):
            yield Static(id="career-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Drawn once the list has its place: the bars are cut to its width.
        self.call_after_refresh(self.redraw)
        self.query_one("#career-bars").focus()
        self._drawn_for = 0

    def on_resize(self, event: events.Resize) -> None:
        if self._drawn_for and event.size.width != self._drawn_for:
            self.call_after_refresh(self.redraw)

    def redraw(self) -> None:
        """Draw the bars for the screen's width, every career on one axis."""
        bars = self.query_one("#career-bars", OptionList)
        self._drawn_for = self.size.width
        room = bars.content_region.width or self.size.width - CHROME
        width = max(20, room - LABEL_WIDTH - 1 - CHROME)
        tenures = [t for c in self.careers for t in c.tenures]
        points = [p.as_of for c in self.careers for p in c.titles if p.as_of is not None]
        axis = axis_for(tenures, width, points)
        # The ruler stands above the bars: where they begin in the list (its border and an
        # option's padding), past the labels.
        ruler = self.query_one("#career-ruler", Static)
        indent = bars.content_region.x - ruler.content_region.x + 1 if bars.content_region.x else 2
        ruler.update(Text(" " * (max(0, indent) + LABEL_WIDTH + 1)) + axis.ruler())
        options: list[Option] = []
        for number, career in enumerate(self.careers):
            options.append(Option(data_text(career.name, style="bold"), disabled=True))
            for index, tenure in enumerate(career.tenures):
                label = tenure_label(tenure)
                pad = Text(" " * max(1, LABEL_WIDTH + 1 - label.cell_len))
                options.append(Option(label + pad + bar(tenure, axis), id=f"{number}:{index}"))
            if any(p.as_of for p in career.titles):
                label = Text("ranks and titles".ljust(LABEL_WIDTH + 1), style="dim")
                options.append(Option(label + points_line(career, axis), id=f"{number}:titles"))
        highlighted = bars.highlighted
        bars.clear_options()
        bars.add_options(options)
        first = next((n for n, o in enumerate(options) if not o.disabled), None)
        bars.highlighted = highlighted if highlighted is not None else first
        words = [
            part
            for c in self.careers
            for part in (data_text(c.name, style="bold"), tenure_table(c))
        ]
        self.query_one("#career-table", Static).update(Group(*words, Text(LEGEND, style="dim")))

    @on(OptionList.OptionSelected, "#career-bars")
    def _bar_chosen(self, event: OptionList.OptionSelected) -> None:
        number, _, which = (event.option.id or "").partition(":")
        if not number:
            return
        career = self.careers[int(number)]
        if which == "titles":
            cites = [c for p in career.titles for c in p.cite]
        else:
            cites = career.tenures[int(which)].cite
        if cites:
            self.dismiss(("quotes", cites))

    def action_compare(self) -> None:
        """Ask for a second person (any spelling or script) to draw on the same axis."""
        field = self.query_one("#career-compare", Input)
        field.add_class("asking")
        field.focus()

    @on(Input.Submitted, "#career-compare")
    def _compare_with(self, event: Input.Submitted) -> None:
        found = [i for i in self.matcher(event.value) if self.library.kind_of(i) == "person"]
        if not found:
            self.notify("No person by that name.", markup=False)
            return
        self.careers = [self.careers[0], self.library.chronology.career(found[0])]
        event.input.remove_class("asking")
        event.input.value = ""
        self.query_one("#career-bars").focus()
        self.redraw()

    def action_close(self) -> None:
        """Back to the explorer."""
        self.dismiss(("none", None))
