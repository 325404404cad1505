"""Citation anchoring: W3C TextQuoteSelector + TextPositionSelector over repaired text.

Curators write `{source, quote}`; the build finds the quote, records its offsets and
32 characters of context on either side, and proves it on every build. A citation
that carries offsets is checked at them first; if the text moved, it is re-anchored
by quote and context; if the quote is gone, the build fails naming where it came from.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kazsec.errors import KazsecError

CONTEXT = 32


class AnchorError(KazsecError):
    """A citation whose quote cannot be found (or pinned down) in its source.

    `reason` is the message without the place it names; `source` and `quote` the citation's
    (a user's fact that fails so is listed as orphaned with them, not a failed build).
    """

    def __init__(self, message: str, reason: str = "", source: str = "", quote: str = "") -> None:
        super().__init__(message)  # args stay (message,): the error pickles like any other
        self.reason, self.source, self.quote = reason or message, source, quote


def _failed(where: str, reason: str, source: str, quote: str) -> AnchorError:
    return AnchorError(f"{where}: {reason}", reason, source, quote)


@dataclass(frozen=True)
class SourceText:
    """A source's repaired text and where its passages start, for passage lookup."""

    text: str
    passage_starts: Sequence[int]
    passage_ids: Sequence[str]

    @classmethod
    def of(cls, text: str, passages: Sequence[Mapping[str, Any]]) -> SourceText:
        """A text and its passage records in order (each with its "id" and "start"), as a
        corpus or a repair hands them over."""
        return cls(text, [p["start"] for p in passages], [p["id"] for p in passages])

    def passage_at(self, offset: int) -> str:
        """The id of the passage holding a character offset."""
        return self.passage_ids[max(0, bisect_right(self.passage_starts, offset) - 1)]


def _occurrences(text: str, quote: str) -> list[int]:
    found, start = [], text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def _context_score(text: str, start: int, quote: str, prefix: str, suffix: str) -> int:
    before = text[max(0, start - len(prefix)) : start]
    after = text[start + len(quote) : start + len(quote) + len(suffix)]
    # Near a text's edges the context is shorter than the one stored: compare what there is.
    matched_before = sum(a == b for a, b in zip(reversed(before), reversed(prefix), strict=False))
    return matched_before + sum(a == b for a, b in zip(after, suffix, strict=False))


def best_occurrence(
    text: str, quote: str, prefix: str, suffix: str, hint: int, found: list[int]
) -> int:
    """Of the places `found` where `quote` stands in `text`, the one whose context matches
    `prefix` and `suffix` best, then the nearest to `hint` (where it stood before)."""
    return max(
        found, key=lambda s: (_context_score(text, s, quote, prefix, suffix), -abs(s - hint))
    )


def anchor(
    citation: Mapping[str, Any], sources: Mapping[str, SourceText], where: str
) -> dict[str, Any]:
    """Resolve one citation to {source, exact, prefix, suffix, start, end, passage}.

    `where` names the data file and record for the error message.
    """
    source_id = str(citation.get("source", ""))
    quote = str(citation.get("quote", citation.get("exact", "")))
    if source_id not in sources:
        raise _failed(where, f"unknown source {source_id!r} for quote {quote!r}", source_id, quote)
    if not quote.strip():
        raise _failed(where, f"empty quote for source {source_id!r}", source_id, quote)
    text = sources[source_id].text
    start = citation.get("start")
    if isinstance(start, bool) or not isinstance(start, int) or not 0 <= start <= len(text):
        start = None  # no offset in the text (Python would read a negative one from its end)
    if not (start is not None and text[start : start + len(quote)] == quote):
        found = _occurrences(text, quote)
        if not found:
            raise _failed(where, f"quote not found in {source_id}: {quote!r}", source_id, quote)
        prefix, suffix = str(citation.get("prefix", "")), str(citation.get("suffix", ""))
        if len(found) > 1 and not (prefix or suffix or start is not None):
            raise _failed(
                where,
                f"quote occurs {len(found)} times in {source_id}, lengthen it: {quote!r}",
                source_id,
                quote,
            )
        start = best_occurrence(
            text, quote, prefix, suffix, start if start is not None else 0, found
        )
    end = start + len(quote)
    return {
        "source": source_id,
        "exact": quote,
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
        "start": start,
        "end": end,
        "passage": sources[source_id].passage_at(start),
    }


def verify(citation: Mapping[str, Any], texts: Mapping[str, str]) -> str | None:
    """Why a stored citation no longer holds, or None if quote and context stand at its offsets."""
    text = texts.get(citation.get("source", ""))
    if text is None:
        return f"unknown source {citation.get('source')!r}"
    start, end, exact = citation["start"], citation["end"], citation["exact"]
    if text[start:end] != exact:
        return f"quote not at {start}-{end} in {citation['source']}: {exact!r}"
    if (
        text[max(0, start - CONTEXT) : start] != citation["prefix"]
        or text[end : end + CONTEXT] != citation["suffix"]
    ):
        return f"context around {exact!r} changed in {citation['source']}"
    return None


class StoredTexts(Mapping[str, Any]):
    """Source texts by id for anchoring or checking citations, each loaded only when a
    citation asks for it (most of an archive is never cited)."""

    def __init__(self, ids: Sequence[str], load: Callable[[str], Any]) -> None:
        self._ids = list(ids)
        self._known = set(ids)
        self._load = load
        self._cache: dict[str, Any] = {}

    def __getitem__(self, source_id: str) -> Any:
        if source_id not in self._known:
            raise KeyError(source_id)
        if source_id not in self._cache:
            self._cache[source_id] = self._load(source_id)
        return self._cache[source_id]

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._known  # asking is not loading

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
