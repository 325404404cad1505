"""Snippets: a window of a text centred on a match, cut between words, marked with '…'.

A snippet is a slice of the text with an optional '…' before and after, so a span of
the text shifted by the snippet's `shift` is the same characters in the snippet, and a
span of the snippet minus `shift` is back in the text (SearchResult.offset is -shift).
"""

from __future__ import annotations

from typing import NamedTuple

ELLIPSIS = "…"


class Snippet(NamedTuple):
    """The shown text, and what to add to a text offset to get a snippet offset."""

    text: str
    shift: int


def centred_window(text: str, start: int, end: int, length: int) -> tuple[int, int]:
    """About `length` characters of `text` around text[start:end], cut at spaces.

    The window is centred on the match unless an end of the text is nearer; it always
    holds the whole match, and it is cut only between words (inward, so it never grows
    past `length` unless the match itself is longer).
    """
    size = len(text)
    start, end = max(0, min(start, size)), max(0, min(end, size))
    if size <= length:
        return 0, size
    middle = (start + end) // 2
    low = max(0, min(middle - length // 2, size - length))
    return between_words(text, low, low + length, start, end)


def leading_window(text: str, start: int, end: int, before: int, length: int) -> tuple[int, int]:
    """About `length` characters of `text` from at most `before` characters ahead of the
    match text[start:end]: for a row whose right end a narrow terminal may cut, so the match
    stays near its left. Cut between words like `centred_window`."""
    size = len(text)
    start, end = max(0, min(start, size)), max(0, min(end, size))
    low = max(0, start - before)
    return between_words(text, low, min(size, low + length), start, end)


def between_words(text: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """The window text[low:high] widened to hold text[start:end] whole, then narrowed so it
    neither begins nor ends inside a word, nor with spaces."""
    size = len(text)
    low, high = min(low, start), max(high, end)
    if 0 < low < size and not (text[low - 1].isspace() or text[low].isspace()):
        space = next((i for i in range(low, start) if text[i].isspace()), None)
        low = start if space is None else space + 1
    if high < size and not (text[high].isspace() or text[high - 1].isspace()):
        space = next((i for i in range(high - 1, end - 1, -1) if text[i].isspace()), None)
        high = end if space is None else space
    while low < start and text[low].isspace():
        low += 1
    while high > end and text[high - 1].isspace():
        high -= 1
    return low, high


def cut(text: str, low: int, high: int) -> Snippet:
    """text[low:high] with '…' where text was left out on either side."""
    lead = ELLIPSIS if low > 0 else ""
    tail = ELLIPSIS if high < len(text) else ""
    return Snippet(lead + text[low:high] + tail, len(lead) - low)


def snippet_around(text: str, start: int, end: int, length: int) -> Snippet:
    """A snippet of about `length` characters (plus marks) centred on text[start:end]."""
    low, high = centred_window(text, start, end, length)
    return cut(text, low, high)


__all__ = [
    "ELLIPSIS",
    "Snippet",
    "between_words",
    "centred_window",
    "cut",
    "leading_window",
    "snippet_around",
]
