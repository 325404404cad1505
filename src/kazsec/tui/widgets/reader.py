"""The source reader: repaired passages, the quote highlighted, mentions marked; raw on demand."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from kazsec.model import Location, PassageRecord
from kazsec.render.lists import dim_line
from kazsec.render.reader import (
    QUOTE_STYLE,
    passage_text,
    raw_passage_text,
    reader_header,
    reader_title,
)

if TYPE_CHECKING:
    from kazsec.library import Reading

__all__ = ["QUOTE_STYLE", "Reader"]

Span = tuple[int, int]


def _css_class(kind: str) -> str:
    # A passage's kind names its CSS class; a kind that is no plain word (damaged data) is not one.
    return kind if re.fullmatch(r"[a-z][a-z_]{0,30}", kind) else "other"


def _touches(passage: PassageRecord, span: Span | None) -> bool:
    return span is not None and span[0] < passage["end"] and span[1] > passage["start"]


class Reader(Vertical):
    """One reader; the explorer holds two and shows the second when split."""

    DEFAULT_CSS = """
    Reader #reader-body {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;  /* a scrollbar appearing must not re-wrap the text */
    }
    Reader #reader-source {
        height: 2; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis;
    }
    Reader .passage { margin-bottom: 1; }
    Reader .passage.current { background: $boost; }
    """

    can_focus = True

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.reading: Reading | None = None
        self.raw = False
        self._shown_source: str | None = None
        self._state: tuple[object, ...] | None = None  # what the shown passages were rendered with
        self._shown_quote: Span | None = None
        self._widgets: dict[str, Static] = {}
        self._centred_at: float | None = None  # where the body was when the quote was centred
        self._top: str | None = None  # the passage at the top once the reader has been scrolled

    def compose(self) -> ComposeResult:
        yield Static(id="reader-source")
        with VerticalScroll(id="reader-body", can_focus=False):
            yield Static(
                dim_line(
                    "Enter on a fact opens the source passage behind it here, "
                    "the quote highlighted."
                )
            )

    @property
    def location(self) -> Location | None:
        return self.reading.location if self.reading else None

    @property
    def marks(self) -> list[Span]:
        return self.reading.marks if self.reading else []

    @property
    def notes(self) -> tuple[Span, ...]:
        return self.reading.notes if self.reading else ()

    @property
    def quote(self) -> Span | None:
        loc = self.location
        return (
            (loc.start, loc.end) if loc and loc.start is not None and loc.end is not None else None
        )

    async def show(self, reading: Reading) -> None:
        """Show a reading: its source's passages, the quote highlighted and scrolled into view."""
        self.reading = reading
        await self._show_passages()

    async def toggle_raw(self) -> None:
        """Switch between repaired and raw text of the same passages."""
        self.raw = not self.raw
        self._shown_source = None  # every passage changes
        await self._show_passages()

    def _content(self, passage: PassageRecord) -> Text:
        assert self.reading is not None
        if self.raw:
            quote = self._quote_text() if passage["id"] == self.reading.location.passage else None
            return raw_passage_text(self.reading.source, passage, quote)
        return passage_text(passage, self.marks, self.quote, self.notes)

    def _quote_text(self) -> str | None:
        span = self.quote
        if self.reading is None or span is None:
            return None
        return self.reading.source["repaired_text"][span[0] : span[1]]

    def _show_header(self) -> None:
        if self.reading is not None:
            header = reader_header(self.reading, self.raw)
            self.query_one("#reader-source", Static).update(header)
            self.border_title = reader_title(self.reading)

    async def _show_passages(self) -> None:
        reading = self.reading
        if reading is None:
            return
        source_id = reading.source["id"]
        body = self.query_one("#reader-body", VerticalScroll)
        state = (source_id, self.raw, tuple(reading.marks), tuple(reading.notes))
        if self._shown_source != source_id:
            # Mounted with their text, so the first layout already knows every passage's height.
            await body.remove_children()
            self._widgets = {
                p["id"]: Static(self._content(p), classes=f"passage {_css_class(p['kind'])}")
                for p in reading.passages
            }
            await body.mount_all(self._widgets.values())
            self._shown_source = source_id
        else:
            # Stepping to the next quote in the same text restyles two passages, not all of them.
            changed = (
                reading.passages
                if state != self._state
                else [
                    p
                    for p in reading.passages
                    if _touches(p, self._shown_quote) or _touches(p, self.quote)
                ]
            )
            for passage in changed:
                self._widgets[passage["id"]].update(self._content(passage))
        self._state, self._shown_quote = state, self.quote
        for passage_id, widget in self._widgets.items():
            widget.set_class(passage_id == reading.location.passage, "current")
        self._show_header()
        self.call_after_refresh(self._scroll_to_current, 3)

    def on_mount(self) -> None:
        body = self.query_one("#reader-body", VerticalScroll)
        self.watch(body, "scroll_y", self._note_top, init=False)

    def _note_top(self, scroll_y: float) -> None:
        # Which passage is at the top, noted while the layout that placed it is current:
        # after a resize (a zoom, a split) the same scroll offset lands elsewhere.
        if self._centred_at is not None and scroll_y != self._centred_at:
            self._top = next(
                (p for p, w in self._widgets.items() if w.virtual_region.bottom > scroll_y), None
            )

    def on_resize(self) -> None:
        # A split, a zoom or a new terminal size re-wraps every passage. If the reader has not
        # been scrolled since the quote was centred, centre it again; otherwise keep the
        # passage that was at the top at the top.
        self._show_header()
        top = self._widgets.get(self._top) if self._top else None
        if top is None:
            self.call_after_refresh(self._scroll_to_current, 3)
            return
        body = self.query_one("#reader-body", VerticalScroll)
        self.call_after_refresh(body.scroll_to_widget, top, animate=False, top=True)

    def _scroll_to_current(self, tries: int, last_y: int | None = None) -> None:
        """Centre the current passage, again after any re-wrap that moved it (a few passes)."""
        target = self._widgets.get(self.location.passage) if self.location else None
        if target is None:
            return
        y = target.virtual_region.y
        body = self.query_one("#reader-body", VerticalScroll)
        if y != last_y:
            body.scroll_to_center(target, animate=False, immediate=True)
        self._centred_at = body.scroll_y
        self._top = None
        if tries > 0:
            self.call_after_refresh(self._scroll_to_current, tries - 1, y)
