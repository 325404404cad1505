"""Source passages as text: the quote highlighted, mentions marked, raw text on demand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text

from kazsec.model import Location
from kazsec.render.text import data_text

QUOTE_STYLE = "bold reverse"
MENTION_STYLE = "underline bold cyan"
KIND_STYLES = {
    "heading": "bold",
    "note": "dim",
    "meta": "italic dim",
    "quote": "italic",
    "question": "bold italic",  # an interviewer's question, apart from the answers
}


def passage_text(
    passage: Mapping[str, Any], marks: Sequence[tuple[int, int]], quote: tuple[int, int] | None
) -> Text:
    """A passage as Text (never markup), with marks and the quote given as source offsets."""
    base = passage["start"]
    text = data_text(passage["text"], KIND_STYLES.get(passage["kind"], ""))
    for start, end in marks:
        if start < passage["end"] and end > base:
            text.stylize(MENTION_STYLE, max(0, start - base), end - base)
    if quote and quote[0] < passage["end"] and quote[1] > base:
        text.stylize(QUOTE_STYLE, max(0, quote[0] - base), quote[1] - base)
    return text


def raw_passage_text(source: Mapping[str, Any], passage: Mapping[str, Any]) -> Text:
    """What the passage was made from, exactly as collected (control characters shown)."""
    return data_text("\n".join(source["raw_text"][s:e] for s, e in passage["raw_spans"]))


def reader_title(label: str, location: Location, raw: bool) -> Text:
    """The reader's border title: source, passage, and whether the text is repaired or raw."""
    mode = "raw, as collected" if raw else "repaired"
    return data_text(f"{label} · {location.passage.split('/')[-1]} · {mode}")
