"""Help: every key of the app, gathered from the bindings themselves so it never drifts."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Type a name in any spelling or script (Masimov, Масимов, Мәсімов, KNB) after pressing /. "
    "Enter opens the highlighted result. On a fact, Enter opens the quote behind it in the reader; "
    "a fact cited by two sources, or a disagreement between sources, opens both side by side."
)


def key_table(sections: list[tuple[str, list[Binding]]], describe_key: object) -> Table:
    """A table of keys and what they do, one section per part of the app."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "")
        for binding in bindings:
            if binding.description:
                keys = ", ".join(describe_key(Binding(k.strip(), "")) for k in binding.key.split(","))  # type: ignore[operator]
                table.add_row(Text(keys), Text(binding.description))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """F1 or ? shows this; Escape, q or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 90%; max-width: 100; height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close help")]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(INTRO))
            yield Static(key_table(self.sections, self.app.get_key_display))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "kazsec keys"
