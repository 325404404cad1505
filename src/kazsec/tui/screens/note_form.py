"""A note on a selection: its words, and tags; Enter keeps it, Escape drops it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from kazsec.render.text import data_text


def tags_of(line: str) -> list[str]:
    """Tags typed as 'nsc, arrests  purge': split on commas and spaces, each once."""
    return list(dict.fromkeys(t for t in line.replace(",", " ").split() if t))


class NoteForm(ModalScreen[tuple[str, list[str]] | None]):
    """Asks for a note's text and tags; dismissed with them, or None when cancelled."""

    DEFAULT_CSS = """
    NoteForm { align: center middle; }
    NoteForm > Vertical {
        width: 80%; max-width: 100; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    NoteForm #note-quote { color: $text-muted; margin-bottom: 1; }
    NoteForm #note-problem { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note-cancel")]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("A note on", classes="title")
            shown = self.quote if len(self.quote) <= 300 else self.quote[:300] + "…"
            yield Static(data_text(f"“{shown}”"), id="note-quote")
            yield Input(placeholder="your note", id="note-text")
            yield Input(placeholder="tags: nsc, arrests (Enter keeps the note)", id="note-tags")
            yield Static("", id="note-problem", markup=False)

    @on(Input.Submitted, "#note-text")
    def _to_tags(self) -> None:
        self.query_one("#note-tags").focus()

    @on(Input.Submitted, "#note-tags")
    def _keep(self) -> None:
        text = self.query_one("#note-text", Input).value.strip()
        tags = tags_of(self.query_one("#note-tags", Input).value)
        if not text and not tags:
            self.query_one("#note-problem", Static).update("Write a note or a tag.")
            self.query_one("#note-text").focus()
            return
        self.dismiss((text, tags))

    def action_cancel(self) -> None:
        """Drop the note."""
        self.dismiss(None)
