"""What a researcher copies: the quote of a fact, the sentence around a mention, or a
whole passage, never a lone matched word, with a citation that names where it stands."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kazsec.dates import format_date
from kazsec.model import Location

# A sentence ends at . ! ? or … followed by space (closing quotes and brackets stay with it).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")


@dataclass(frozen=True)
class Excerpt:
    """Words taken from a passage, and what they are ('the quote', 'the sentence', …)."""

    what: str
    exact: str
    source: str
    passage: str


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence(s) of `text` that hold the span start..end."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end and b > first), default=len(text))
    return first, last


def excerpt(passage: Mapping[str, Any], location: Location) -> Excerpt:
    """What to copy for a location in a passage (offsets are into the source's text)."""
    text, base = passage["text"], passage["start"]
    if location.start is not None and location.end is not None:
        start, end = location.start - base, location.end - base
        if location.role == "quote" and 0 <= start < end <= len(text):
            return Excerpt("the quote", text[start:end], location.source, location.passage)
        if location.role == "mention" and 0 <= start < end <= len(text):
            first, last = sentence_around(text, start, end)
            sentence = text[first:last].strip()
            return Excerpt(
                "the sentence around the mention", sentence, location.source, passage["id"]
            )
    return Excerpt("the passage", text, location.source, passage["id"])


def citation_text(source: Mapping[str, Any] | None, label: str, exact: str, passage: str) -> str:
    """“…” — title, publisher, date, author, URL [kazsec passage id], ready to paste."""
    if source is None:
        return f"“{exact}” — [kazsec {passage}]"
    date = format_date(source["date"]) if source["date"] else ""
    parts = [label, source["publisher"], date, source["author"], source.get("url", "")]
    reference = ", ".join(p for p in parts if p)
    return f"“{exact}” — {reference} [kazsec {passage}]"
