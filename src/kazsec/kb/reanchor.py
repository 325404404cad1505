"""Finding a quote again after its text changed: where a note's words stand now.

A note remembers its quote, 32 characters of context on either side and its offsets in the
source's repaired text. When that text changes (a better repair, a document edited and
added again) the quote is looked for in order: at its old offsets (exact), verbatim
elsewhere (moved: the best context, then the nearest), nearly word for word (fuzzy: located
by a rapidfuzz alignment, the words found scoring at least FUZZY_SCORE against the quote),
else nowhere (orphan). Offsets are always inside the text: `text[start:end] == found`.
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz

from kazsec.kb.anchor import CONTEXT, _occurrences, best_occurrence

FUZZY_SCORE = 90.0  # a 30-letter quote may lose two letters to a repair and still be found
# The alignment only locates the place: its window is as long as the quote, so a word put in
# lowers its score more than the words found, measured whole, deserve.
LOCATE_SCORE = 75.0
EDGE = 8  # characters of context that pin where the words found begin and end
BOUND = "\ue000"  # the text's beginning or end, where a context shorter than CONTEXT reached


class Anchored(NamedTuple):
    """Where a quote stands in a text now; start and end are None for an orphan."""

    status: str  # "exact", "moved", "fuzzy" or "orphan"
    start: int | None
    end: int | None
    found: str  # the text at start:end ("" for an orphan)


ORPHAN = Anchored("orphan", None, None, "")


def reanchor(quote: str, prefix: str, suffix: str, start: int, text: str) -> Anchored:
    """Where `quote` (once at `start`, between `prefix` and `suffix`) stands in `text`.

    A `start` below 0 means no offset was ever known (a note written by hand): the quote
    found verbatim is then where it belongs, "exact", not "moved".
    """
    if not quote:
        return ORPHAN
    if start >= 0 and text[start : start + len(quote)] == quote:
        return Anchored("exact", start, start + len(quote), quote)
    found = _occurrences(text, quote)
    if found:
        best = best_occurrence(text, quote, prefix, suffix, max(start, 0), found)
        return Anchored("moved" if start >= 0 else "exact", best, best + len(quote), quote)
    if start >= 0:  # a context cut short was cut by the text's beginning or end: say so
        prefix = BOUND + prefix if len(prefix) < CONTEXT else prefix
        suffix = suffix + BOUND if len(suffix) < CONTEXT else suffix
    return _fuzzy(quote, prefix, suffix, text)


def _fuzzy(quote: str, prefix: str, suffix: str, text: str) -> Anchored:
    """The span of `text` most like `quote`, if it is alike enough."""
    if not text.strip():
        return ORPHAN
    if len(quote) > len(text):  # the whole text may be the quote with a letter or two less
        start, end = 0, len(text)
    else:
        # The quote as the shorter string: the alignment's dest_* are offsets into the text.
        aligned = fuzz.partial_ratio_alignment(quote, text, score_cutoff=LOCATE_SCORE)
        if aligned is None:
            return ORPHAN
        start, end = aligned.dest_start, aligned.dest_end
    reach = min(40, max(2, len(quote) // 5))
    start, end = _refine(quote, prefix, suffix, text, start, end, reach)
    start, end = _snap(quote, prefix, suffix, text, start, end, reach)
    if end <= start or fuzz.ratio(quote, text[start:end]) < FUZZY_SCORE:
        return ORPHAN
    return Anchored("fuzzy", start, end, text[start:end])


def _refine(
    quote: str, prefix: str, suffix: str, text: str, start: int, end: int, reach: int
) -> tuple[int, int]:
    """Move each end of an alignment by up to `reach` characters to where the quote with a
    little of its context is most alike: the alignment's window is as long as the quote, the
    words found may not be, and the context tells where they begin and end."""
    before, after = prefix[-EDGE:], suffix[:EDGE]
    target = before + quote + after
    bounded = BOUND + text + BOUND

    def best(spans: list[tuple[int, int]], old: tuple[int, int]) -> tuple[int, int]:
        # The span most alike, of equals the one that moved least.
        def key(span: tuple[int, int]) -> tuple[float, int]:
            s, e = span
            window = bounded[max(0, s + 1 - len(before)) : e + 1 + len(after)]
            return fuzz.ratio(target, window), -abs(s - old[0]) - abs(e - old[1])

        return max(spans, key=key)

    for _ in range(2):
        ends = range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
        start, end = best([(start, e) for e in ends], (start, end))
        starts = range(max(0, start - reach), min(end - 1, start + reach) + 1)
        start, end = best([(s, end) for s in starts], (start, end))
    return start, end


def _snap(
    quote: str, prefix: str, suffix: str, text: str, start: int, end: int, reach: int
) -> tuple[int, int]:
    """Whole words at the edges where the quote had whole words, no stray spaces."""
    if quote[0].isalnum() and not prefix[-1:].isalnum():  # the quote began a word
        limit = max(0, start - reach)
        while start > limit and text[start - 1].isalnum():
            start -= 1
    if quote[-1].isalnum() and not suffix[:1].isalnum():  # and ended one
        limit = min(len(text), end + reach)
        while end < limit and text[end].isalnum():
            end += 1
    if not quote[0].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not quote[-1].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
