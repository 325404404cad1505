"""The source reader: repaired passages with the quote highlighted and mentions marked; raw on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from kazsec.safe_text import make_control_chars_visible
from kazsec.location import Location

if TYPE_CHECKING:
    from kazsec.library import Library

QUOTE_STYLE = "bold reverse"
MENTION_STYLE = "underline bold cyan"
KIND_STYLES = {"heading": "bold", "note": "dim", "meta": "italic dim", "quote": "italic"}


def passage_text(passage: dict, marks: list[tuple[int, int]], quote: tuple[int, int] | None) -> Text:
    """A passage as Text (never markup), with marks and the quote given as source offsets."""
    base = passage["start"]
    text = Text(make_control_chars_visible(passage["text"]), style=KIND_STYLES.get(passage["kind"], ""))
    for start, end in marks:
        if start < passage["end"] and end > base:
            text.stylize(MENTION_STYLE, max(0, start - base), end - base)
    if quote and quote[0] < passage["end"] and quote[1] > base:
        text.stylize(QUOTE_STYLE, max(0, quote[0] - base), quote[1] - base)
    return text


def raw_passage_text(source: dict, passage: dict) -> Text:
    """What the passage was made from, exactly as collected (control characters shown)."""
    raw = "\n".join(source["raw_text"][s:e] for s, e in passage["raw_spans"])
    return Text(make_control_chars_visible(raw))


def _touches(passage: dict, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] < passage["end"] and span[1] > passage["start"]


class Reader(Vertical):
    """One reader; the explorer holds two and shows the second when split."""

    can_focus = True

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library: Library | None = None
        self.location: Location | None = None
        self.marks: list[tuple[int, int]] = []
        self.raw = False
        self._shown_source: str | None = None
        self._state: tuple[object, ...] | None = None  # what the shown passages were rendered with
        self._shown_quote: tuple[int, int] | None = None
        self._widgets: dict[str, Static] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-body", can_focus=False):
            yield Static(Text("Enter on a fact opens the source passage behind it here, the quote highlighted.", style="dim"))

    @property
    def quote(self) -> tuple[int, int] | None:
        loc = self.location
        return (loc.start, loc.end) if loc and loc.start is not None and loc.end is not None else None

    async def open(self, library: Library, location: Location, marks: list[tuple[int, int]] | None = None) -> None:
        """Show a location: its source's passages, the quote highlighted and scrolled into view."""
        self.library, self.location, self.marks = library, location, marks or []
        await self._show_passages()

    async def toggle_raw(self) -> None:
        """Switch between repaired and raw text of the same passages."""
        self.raw = not self.raw
        self._shown_source = None  # every passage changes
        await self._show_passages()

    def _content(self, source: dict, passage: dict) -> Text:
        return raw_passage_text(source, passage) if self.raw else passage_text(passage, self.marks, self.quote)

    async def _show_passages(self) -> None:
        if not self.library or not self.location:
            return
        source = self.library.sources[self.location.source]
        body = self.query_one("#reader-body", VerticalScroll)
        passages = self.library.passages_by_source[source["id"]]
        state = (source["id"], self.raw, tuple(self.marks))
        if self._shown_source != source["id"]:
            # Mounted with their text, so the first layout already knows every passage's height.
            await body.remove_children()
            self._widgets = {p["id"]: Static(self._content(source, p), classes=f"passage {p['kind']}") for p in passages}
            await body.mount_all(self._widgets.values())
            self._shown_source = source["id"]
        else:
            # Stepping to the next quote in the same text restyles two passages, not all of them.
            changed = passages if state != self._state else [
                p for p in passages if _touches(p, self._shown_quote) or _touches(p, self.quote)
            ]
            for passage in changed:
                self._widgets[passage["id"]].update(self._content(source, passage))
        self._state, self._shown_quote = state, self.quote
        for passage_id, widget in self._widgets.items():
            widget.set_class(passage_id == self.location.passage, "current")
        mode = "raw, as collected" if self.raw else "repaired"
        # Titles come from the data: a Text is shown as written, never read as markup.
        self.border_title = Text(f"{self.library.source_label(source['id'])} · {self.location.passage.split('/')[-1]} · {mode}")
        self.call_after_refresh(self._scroll_to_current, 3)

    def on_resize(self) -> None:
        # A split or a new terminal size re-wraps every passage: centre the current one again.
        self.call_after_refresh(self._scroll_to_current, 3)

    def _scroll_to_current(self, tries: int, last_y: int | None = None) -> None:
        """Centre the current passage, again after any re-wrap that moved it (a few passes at most)."""
        target = self._widgets.get(self.location.passage) if self.location else None
        if target is None:
            return
        y = target.virtual_region.y
        if y != last_y:
            self.query_one("#reader-body", VerticalScroll).scroll_to_center(target, animate=False)
        if tries > 0:
            self.call_after_refresh(self._scroll_to_current, tries - 1, y)
