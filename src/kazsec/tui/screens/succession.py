"""A succession: every holder of a post or of a body's head in order; who held it on a date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kazsec.dates import period
from kazsec.render.chronology import change_notes, held_table, holder_name, undated_line
from kazsec.render.text import data_text
from kazsec.tui.messages import TimeChoice
from kazsec.tui.widgets.steady_list import SteadyOptionList

if TYPE_CHECKING:
    from kazsec.chronology.succession import Change
    from kazsec.library import Library


def change_prompt(number: int, change: Change, names: Mapping[str, str]) -> Text:
    """One holder: who, when, what the sources say of the change, gaps, overlaps, disputes."""
    text = Text(f"{number:>2}. ", style="dim")
    name = holder_name(change.after, names)
    name.stylize("bold", 0, len(names.get(change.after.person, change.after.person)))
    text.append_text(name)
    text.append("  ")
    text.append_text(data_text(change.after.span_text()))
    text.append("\n")
    notes = change_notes(change)
    notes.stylize("dim", 0, len(change.how))
    for line in notes.split("\n"):
        text.append("    ")
        text.append_text(line)
        text.append("\n")
    text.rstrip()
    return text


class SuccessionScreen(Screen[TimeChoice]):
    """Holders in order; Enter opens the quote for a change; a date asks who held it then."""

    DEFAULT_CSS = """
    SuccessionScreen #succession-title { height: auto; padding: 0 1; text-style: bold; }
    SuccessionScreen #succession-holders { height: auto; max-height: 70%; }
    SuccessionScreen #succession-undated { height: auto; padding: 0 1; color: $text-muted; }
    SuccessionScreen #succession-held { height: auto; max-height: 12; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "close", "Back", id="succession-close")]

    def __init__(self, library: Library, subject: str) -> None:
        super().__init__()
        self.library = library
        self.subject = subject
        self.found = library.chronology.succession(subject)

    def compose(self) -> ComposeResult:
        yield Static(data_text(self.found.label), id="succession-title")
        yield SteadyOptionList(id="succession-holders")
        names = self.library.names
        yield Static(
            undated_line(self.found.undated, names, "Also held it"), id="succession-undated"
        )
        yield Input(placeholder="who held it on… YYYY-MM-DD, YYYY-MM or YYYY", id="succession-on")
        yield Static(id="succession-held")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        holders = self.query_one("#succession-holders", OptionList)
        names = self.library.names
        holders.add_options(
            [
                Option(change_prompt(n, change, names), id=str(n - 1))
                for n, change in enumerate(self.found.changes, start=1)
            ]
            or [
                Option(Text("No holder of it is dated by the sources.", style="dim"), disabled=True)
            ]
        )
        holders.highlighted = 0 if self.found.changes else None
        holders.focus()

    @on(OptionList.OptionSelected, "#succession-holders")
    def _change_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            change = self.found.changes[int(event.option.id)]
            if change.cite:
                self.dismiss(("quotes", change.cite))

    @on(Input.Submitted, "#succession-on")
    def _held_on(self, event: Input.Submitted) -> None:
        shown = self.query_one("#succession-held", Static)
        try:
            day = period(event.value.strip())
        except ValueError as exc:
            shown.update(Text(str(exc), style="red"))
            return
        if day is None:
            shown.update(Text("Type a date: YYYY, YYYY-MM or YYYY-MM-DD.", style="red"))
            return
        label, holdings, undated = self.library.chronology.held(self.subject, day)
        shown.update(held_table(label, day, holdings, undated, self.library.names))

    def action_close(self) -> None:
        """Back to the explorer."""
        self.dismiss(("none", None))
