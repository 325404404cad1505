"""Source passages as text: the quote highlighted, mentions marked, raw text on demand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from kazsec.dates import format_date
from kazsec.render.text import data_text

if TYPE_CHECKING:
    from kazsec.library import Reading

QUOTE_STYLE = "bold reverse"
MENTION_STYLE = "underline bold cyan"
NOTE_STYLE = "on #3a2a4a"  # the words a note of the user's is on: a tint, under every other mark
KIND_STYLES = {
    "heading": "bold",
    "note": "dim",
    "meta": "italic dim",
    "quote": "italic",
    "question": "bold italic",  # an interviewer's question, apart from the answers
}


def passage_text(
    passage: Mapping[str, Any],
    marks: Sequence[tuple[int, int]],
    quote: tuple[int, int] | None,
    notes: Sequence[tuple[int, int]] = (),
) -> Text:
    """A passage as Text (never markup), with the user's notes tinted, mentions marked and
    the quote highlighted, all given as source offsets."""
    base = passage["start"]
    text = data_text(passage["text"], KIND_STYLES.get(passage["kind"], ""))
    for start, end in notes:
        if start < passage["end"] and end > base:
            text.stylize(NOTE_STYLE, max(0, start - base), end - base)
    for start, end in marks:
        if start < passage["end"] and end > base:
            text.stylize(MENTION_STYLE, max(0, start - base), end - base)
    if quote and quote[0] < passage["end"] and quote[1] > base:
        text.stylize(QUOTE_STYLE, max(0, quote[0] - base), quote[1] - base)
    return text


def raw_passage_text(
    source: Mapping[str, Any], passage: Mapping[str, Any], quote: str | None = None
) -> Text:
    """What the passage was made from, exactly as collected (control characters shown),
    with the raw words the quote was repaired from highlighted."""
    raw = "\n".join(source["raw_text"][s:e] for s, e in passage["raw_spans"])
    text = data_text(raw)
    if quote:
        span = raw_span_of(quote, raw)
        if span:
            text.stylize(QUOTE_STYLE, *span)
    return text


def raw_span_of(quote: str, raw: str) -> tuple[int, int] | None:
    """Where a repaired quote stands in the raw text it was repaired from (hyphens, line
    breaks, ligatures and mojibake differ, so the closest stretch, if it is close enough)."""
    found = raw.find(quote)
    if found >= 0:
        return found, found + len(quote)
    from rapidfuzz import fuzz  # only when raw text is shown

    alignment = fuzz.partial_ratio_alignment(quote, raw, score_cutoff=70)
    if alignment is None:
        return None
    return alignment.dest_start, alignment.dest_end


def reader_header(reading: Reading, raw: bool) -> Text:
    """Where the text comes from, always in view: short source id, passage, repaired or raw;
    then date and publisher (the date first: a long publisher is what gets cut)."""
    source = reading.source
    mode = "raw" if raw else "repaired"
    first = f"{source['id']} · {reading.location.passage.split('/')[-1]} · {mode}"
    date = format_date(source["date"]) if source["date"] else "date not stated"
    second = " · ".join(part for part in (date, source["publisher"] or reading.label) if part)
    header = data_text(first, "bold")
    header.append_text(data_text("\n" + second, "dim"))
    return header


def reader_title(reading: Reading) -> Text:
    """The reader's border title: the source's title, after what is being read (a conflict's
    reading, a mention's number) when there is something to say."""
    return data_text(f"{reading.caption} · {reading.label}" if reading.caption else reading.label)
