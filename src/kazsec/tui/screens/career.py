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

from kazsec.render.careers import LABEL_WIDTH, LEGEND, career_axis, career_rows, career_words
from kazsec.tui.messages import TimeChoice
from kazsec.tui.widgets.steady_list import SteadyOptionList

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.library.chronology import Career
    from kazsec.tui.widgets.navigator import Matcher

SCROLL_BAR = 2  # columns the list's scroll bar may take


class CareerScreen(Screen[TimeChoice]):
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
        self._drawn_for = 0  # the screen width the bars were last drawn for

    def compose(self) -> ComposeResult:
        yield Input(placeholder="compare with: a person's name, any spelling", id="career-compare")
        yield Static(id="career-ruler")
        yield SteadyOptionList(id="career-bars")
        with VerticalScroll(id="career-words"):
            yield Static(id="career-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Drawn once the list has its place: the bars are cut to its width.
        self.call_after_refresh(self.redraw)
        self.query_one("#career-bars").focus()

    def on_resize(self, event: events.Resize) -> None:
        if self._drawn_for and event.size.width != self._drawn_for:
            self.call_after_refresh(self.redraw)

    def redraw(self) -> None:
        """Draw the bars for the list's width, every career on one axis."""
        bars = self.query_one("#career-bars", OptionList)
        self._drawn_for = self.size.width
        # An option is padded by a column on each side.
        room = (bars.content_region.width or self.size.width) - 2 - SCROLL_BAR
        axis = career_axis(self.careers, room - LABEL_WIDTH - 1)
        ruler = self.query_one("#career-ruler", Static)
        if axis is None:
            ruler.update("")
        else:
            # Above the bars: where they begin in the list (its border, an option's padding).
            indent = max(0, bars.content_region.x - ruler.content_region.x + 1)
            ruler.update(Text(" " * (indent + LABEL_WIDTH + 1)) + axis.ruler())
        options = [
            Option(line, id=key, disabled=key.startswith("name:"))
            for key, line in career_rows(self.careers, axis)
        ]
        highlighted = bars.highlighted
        bars.clear_options()
        bars.add_options(options)
        first = next((n for n, o in enumerate(options) if not o.disabled), None)
        bars.highlighted = highlighted if highlighted is not None else first
        words = Group(*career_words(self.careers), Text(LEGEND, style="dim"))
        self.query_one("#career-table", Static).update(words)

    @on(OptionList.OptionSelected, "#career-bars")
    def _bar_chosen(self, event: OptionList.OptionSelected) -> None:
        number, _, which = (event.option.id or "").partition(":")
        if not number.isdigit():
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
        self._stop_asking()
        self.redraw()

    def _stop_asking(self) -> None:
        field = self.query_one("#career-compare", Input)
        field.remove_class("asking")
        field.value = ""
        self.query_one("#career-bars").focus()

    def action_close(self) -> None:
        """Back to the explorer (from the compare box: back to the bars)."""
        if self.query_one("#career-compare", Input).has_class("asking"):
            self._stop_asking()
            return
        self.dismiss(("none", None))
