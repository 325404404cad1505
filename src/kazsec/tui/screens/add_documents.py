"""Add documents: a path (files, folders, globs) typed in, added in the background."""

from __future__ import annotations

import shlex

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

ABOUT = (
    "Files, folders or globs, separated by spaces (quote a path with spaces in it): web pages "
    "(.html), PDF, Word (.docx) and text in any language and encoding. They are copied into "
    "your workspace byte for byte, repaired, linked to the people and bodies they name, and "
    "searchable as soon as they are in. Enter adds, Escape cancels."
)


class AddDocumentsScreen(ModalScreen[list[str]]):
    """Asks for the paths to add; dismissed with them, or with [] when cancelled."""

    DEFAULT_CSS = """
    AddDocumentsScreen { align: center middle; }
    AddDocumentsScreen > Vertical {
        width: 80%; max-width: 100; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    AddDocumentsScreen #add-about { margin-bottom: 1; color: $text-muted; }
    AddDocumentsScreen #add-problem { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add-cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Add documents", classes="title")
            yield Static(ABOUT, id="add-about", markup=False)
            yield Input(placeholder="~/Downloads/report.pdf ~/clippings/", id="add-paths")
            yield Static("", id="add-problem", markup=False)

    @on(Input.Submitted, "#add-paths")
    def paths_given(self, event: Input.Submitted) -> None:
        """Split the line as a shell would (quotes kept together) and hand it back."""
        try:
            paths = shlex.split(event.value)
        except ValueError as exc:  # an unclosed quote
            self.query_one("#add-problem", Static).update(f"Cannot read that line: {exc}")
            return
        if not paths:
            self.query_one("#add-problem", Static).update("Type a file, a folder or a glob.")
            return
        self.dismiss(paths)

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss([])
