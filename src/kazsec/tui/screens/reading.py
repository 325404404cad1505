"""What the explorer does with its two readers: step through mentions, split, swap, close,
open into the other reader, raw text, copy. Mixed into the explorer screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from kazsec.model import Location, MentionRecord
from kazsec.render.text import inert

if TYPE_CHECKING:
    from textual.worker import Worker

    from kazsec.library import Library
    from kazsec.tui.widgets.reader import Reader


class ReadingActions(Screen[None]):
    """The readers' actions; the explorer provides the library, the readers and opening."""

    entity_id: str | None
    _split_by_hand: bool

    @property
    def library(self) -> Library | None:
        return getattr(self.app, "library", None)

    @property
    def readers(self) -> tuple[Reader, Reader]:
        from kazsec.tui.widgets.reader import Reader  # loaded with the panes

        return self.query_one("#reader-1", Reader), self.query_one("#reader-2", Reader)

    def open_locations(  # provided by the explorer (an exclusive worker)
        self,
        first: Location,
        second: Location | None = None,
        remember: bool = True,
        captions: tuple[str, str] = ("", ""),
        into: int = 1,
    ) -> Worker[None]:
        raise NotImplementedError

    # -- mentions -----------------------------------------------------------------------

    def action_next_mention(self, step: int) -> None:
        """Step through the current entry's mentions across all sources (held down too)."""
        if self.library is None or self.entity_id is None:
            return
        mentions = self.library.mentions_of(self.entity_id)
        if not mentions:
            self.notify("No mentions of this entry in the sources.", markup=False)
            return
        self._mention_index = self._next_mention_index(mentions, step)
        caption = f"mention {self._mention_index + 1} of {len(mentions)}"
        # The position is the reader's caption, not a toast: held down, toasts would stack.
        mention = mentions[self._mention_index]
        self.open_locations(Location.of(mention, role="mention"), captions=(caption, ""))

    def _next_mention_index(self, mentions: list[MentionRecord], step: int) -> int:
        """The mention after (or before) the last one opened, or the place being read.

        The last one opened counts even while its reader is still being filled, so that a
        key held down advances one mention per press.
        """
        index = getattr(self, "_mention_index", -1)
        last = mentions[index] if 0 <= index < len(mentions) else None
        here = self.readers[0].location
        if last is not None and (
            here is None
            or here.role == "mention"
            or (here.source, here.start) == (last["source"], last["start"])
        ):
            return (index + step) % len(mentions)
        if here is None or here.start is None:
            return 0 if step > 0 else len(mentions) - 1
        order = {source: n for n, source in enumerate(self.library.sources if self.library else ())}
        position = (order.get(here.source, 0), here.start)
        keys = [(order.get(m["source"], 0), m["start"]) for m in mentions]
        if step > 0:
            return next((i for i, key in enumerate(keys) if key > position), 0)
        return next((i for i in range(len(keys) - 1, -1, -1) if keys[i] < position), len(keys) - 1)

    # -- two readers --------------------------------------------------------------------

    def _focused_reader(self) -> Reader:
        one, two = self.readers
        return two if two.display and (two.has_focus or two.has_focus_within) else one

    def action_split(self) -> None:
        """Show or hide the second reader."""
        if self.library is None:
            return
        one, two = self.readers
        two.display = not two.display
        self._split_by_hand = two.display
        if two.display and two.location is None and one.location is not None:
            self.open_locations(one.location, into=2, remember=False)

    def action_swap_readers(self) -> None:
        """Put the left reader's text on the right and the right's on the left."""
        if self.library is None:
            return
        one, two = self.readers
        if not two.display or one.location is None or two.location is None:
            self.notify("Swap needs two readers open (s, or o on a fact).", markup=False)
            return
        captions = (
            two.reading.caption if two.reading else "",
            one.reading.caption if one.reading else "",
        )
        self.open_locations(two.location, one.location, remember=False, captions=captions)

    def action_close_reader(self) -> None:
        """Close the second reader (the one with focus, if it is the second)."""
        if self.library is None:
            return
        one, two = self.readers
        if not two.display:
            return
        if two.has_focus or two.has_focus_within or two.location is None:
            two.display = False
        else:  # closing the left one keeps the right one's text, on the left
            if two.location is not None:
                self.open_locations(two.location, remember=False)
            two.display = False
        self._split_by_hand = False
        one.focus()

    async def action_toggle_raw(self) -> None:
        """Raw text (as collected) or repaired text, in the reader that has focus."""
        if self.library is None:
            return
        reader = self._focused_reader()
        if reader.location is None:
            self.notify("Open a quote or a passage first.", markup=False)
            return
        await reader.toggle_raw()

    def action_copy_quote(self) -> None:
        """Copy the quote, the sentence around a mention, or the passage, with its citation."""
        if self.library is None:
            return
        location = self._focused_reader().location
        found = self.library.excerpt(location) if location is not None else None
        if found is None:
            self.notify("Open a quote, a mention or a passage first.", markup=False)
            return
        # Inert on the clipboard too: pasted into a terminal, an escape would run there.
        self.app.copy_to_clipboard(inert(self.library.excerpt_text(found)))
        words = len(found.exact.split())
        # A short word, at the top: a toast the size of the quote would cover the quote.
        self.notify(
            inert(f"Copied {found.what} ({words} words) with its citation."),
            markup=False,
            timeout=2.5,
        )
