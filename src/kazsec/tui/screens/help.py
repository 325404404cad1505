"""Help: every key of the app, gathered from the bindings themselves so it never drifts."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Type a name in any spelling, script or case (Masimov, Мәсімов, Масимова, Jermekbajew, KNB) "
    "after pressing /; the line above the results says how the highlighted one matched, and "
    "Ctrl+T switches between all scripts, fuzzy and exact. "
    "Enter opens the highlighted result. On a fact, Enter opens the quote behind it in the reader; "
    "a fact cited by two sources, or a disagreement between sources, opens both side by side."
)


def key_table(
    sections: list[tuple[str, list[Binding]]],
    describe_key: Callable[[str], str],
    keymap: Mapping[str, str],
) -> Table:
    """Keys and what they do, a section per part of the app; each binding's id, for keymap.toml."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    table.add_column(style="dim", no_wrap=True)
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "", "")
        for binding in bindings:
            if binding.description:
                keys = keymap.get(binding.id or "", binding.key)
                shown = ", ".join(describe_key(k.strip()) for k in keys.split(","))
                words = binding.tooltip or binding.description
                table.add_row(Text(shown), Text(words), Text(binding.id or ""))
        table.add_row("", "", "")
    return table


class HelpScreen(ModalScreen[None]):
    """F1 or ? shows this; Escape, q or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close help", id="close-help")]

    def __init__(
        self, sections: list[tuple[str, list[Binding]]], keymap: Mapping[str, str], keymap_file: str
    ) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap
        self.keymap_file = keymap_file

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(INTRO))
            yield Static(key_table(self.sections, self._describe, self.keymap))
            yield Static(
                Text(
                    f'Remap keys by id in {self.keymap_file}, e.g. side-by-side = "ctrl+s".',
                    style="dim",
                )
            )

    def _describe(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "kazsec keys"
