"""Select words of a passage with the keyboard or the mouse, then note them or make a fact.

The passage is shown in a read-only text area: Shift with the arrows (or the mouse) selects
as anywhere else; `v` starts a selection at the cursor that the plain arrows then extend.
`a` writes a note on the selection, `f` makes a fact citing it. The selection's offsets
are the passage's own plus its start in the source, so they are offsets into the source's
repaired text, as every citation's are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from kazsec.library.selection import Selected, selected_in
from kazsec.render.text import data_text, inert

if TYPE_CHECKING:
    from kazsec.model import PassageRecord

# Moves that extend the selection once `v` has started one.
EXTENDING = {
    "left": "cursor_left",
    "right": "cursor_right",
    "up": "cursor_up",
    "down": "cursor_down",
    "home": "cursor_line_start",
    "end": "cursor_line_end",
    "ctrl+left": "cursor_word_left",
    "ctrl+right": "cursor_word_right",
    "w": "cursor_word_right",
    "b": "cursor_word_left",
}


def index_of(text: str, location: tuple[int, int]) -> int:
    """A (row, column) of a text area holding `text` as the index of that character."""
    row, column = location
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + min(
        column, len(lines[row]) if row < len(lines) else 0
    )


def location_of(text: str, index: int) -> tuple[int, int]:
    """The (row, column) of a character of `text` in a text area."""
    before = text[:index]
    return before.count("\n"), index - (before.rfind("\n") + 1)


class SelectionScreen(ModalScreen[tuple[str, Selected] | None]):
    """A passage to select in; hands back ("note" or "fact", the selection)."""

    DEFAULT_CSS = """
    SelectionScreen { align: center middle; }
    SelectionScreen > Vertical {
        width: 90%; max-width: 110; height: 80%; border: thick $accent; background: $surface;
    }
    SelectionScreen #selection-where { height: auto; padding: 0 1; color: $text-muted; }
    SelectionScreen #selection-text { height: 1fr; }
    SelectionScreen #selection-status { height: 1; padding: 0 1; }
    """
    BINDINGS = [
        Binding("v", "start_selection", "Select", priority=True, id="selection-start"),
        Binding(
            "a",
            "annotate",
            "Note",
            tooltip="Write a note on the selection",
            priority=True,
            id="selection-note",
        ),
        Binding(
            "f",
            "fact",
            "Fact",
            tooltip="Make a fact citing the selection",
            priority=True,
            id="selection-fact",
        ),
        Binding("escape", "cancel", "Cancel", id="selection-cancel"),
    ]

    def __init__(
        self,
        passage: PassageRecord,
        source_text: str,
        label: str,
        span: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.passage = passage
        self.source_text = source_text
        self.label = label
        self.span = span  # a quote of this passage to start from, in source offsets
        self.extending = False

    def compose(self) -> ComposeResult:
        with Vertical():
            where = f"{self.label} · {self.passage['id']} · shift+arrows or the mouse select; "
            where += "v starts a selection the arrows extend; a: note, f: fact"
            yield Static(data_text(where), id="selection-where")
            yield TextArea(
                inert(self.passage["text"]), read_only=True, soft_wrap=True, id="selection-text"
            )
            yield Static("", id="selection-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        if self.span is not None:
            low = max(0, self.span[0] - self.passage["start"])
            high = min(len(self.passage["text"]), self.span[1] - self.passage["start"])
            if high > low:
                shown = area.text
                area.selection = Selection(location_of(shown, low), location_of(shown, high))
        self._show_status()

    def chosen(self) -> Selected | None:
        """What is selected now, in source offsets."""
        area = self.query_one(TextArea)
        first, second = sorted(area.selection)
        low, high = index_of(area.text, first), index_of(area.text, second)
        return selected_in(self.source_text, self.passage, low, high)

    def _show_status(self) -> None:
        found = self.chosen()
        words = f"{len(found.quote.split())} words selected" if found else "nothing selected"
        mode = " · extending (v to stop)" if self.extending else ""
        self.query_one("#selection-status", Static).update(words + mode)

    def on_text_area_selection_changed(self, _: TextArea.SelectionChanged) -> None:
        self._show_status()

    def on_key(self, event: events.Key) -> None:
        """While extending, the plain moves select."""
        action = EXTENDING.get(event.key) if self.extending else None
        if action is not None:
            getattr(self.query_one(TextArea), f"action_{action}")(select=True)
            event.stop()
            event.prevent_default()

    def action_start_selection(self) -> None:
        """Start (or stop) a selection at the cursor that the arrows extend."""
        area = self.query_one(TextArea)
        self.extending = not self.extending
        if self.extending:
            area.selection = Selection.cursor(area.cursor_location)
        self._show_status()

    def _hand_back(self, what: str) -> None:
        found = self.chosen()
        if found is None:
            self.notify("Select some words first (shift+arrows, the mouse, or v).", markup=False)
            return
        self.dismiss((what, found))

    def action_annotate(self) -> None:
        """A note on the selection."""
        self._hand_back("note")

    def action_fact(self) -> None:
        """A fact citing the selection."""
        self._hand_back("fact")

    def action_cancel(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
