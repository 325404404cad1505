"""Words a user selected in a source: the exact text, its offsets into the repaired text and
its context, as every citation has them; a note or a fact cites it."""

from __future__ import annotations

from typing import Any, NamedTuple

from kazsec.model import PassageRecord

CONTEXT = 32  # characters of context kept on each side, as citations keep


class Selected(NamedTuple):
    """Words chosen in a source: the exact text, its offsets and its context."""

    source: str
    passage: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    def citation(self) -> dict[str, Any]:
        """As the knowledge base and the notes cite: the quote and where it stands."""
        return {
            "source": self.source,
            "quote": self.quote,
            "exact": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "passage": self.passage,
        }


def selected_in(text: str, passage: PassageRecord, low: int, high: int) -> Selected | None:
    """The selection [low, high) of a passage's text, trimmed of spaces; None if empty."""
    words = passage["text"][low:high]
    low += len(words) - len(words.lstrip())
    high -= len(words) - len(words.rstrip())
    if high <= low:
        return None
    start, end = passage["start"] + low, passage["start"] + high
    return Selected(
        passage["source"],
        passage["id"],
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )
