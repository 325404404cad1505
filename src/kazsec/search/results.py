"""What a search gives back, and the bar under which a result is only a guess."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from kazsec.search.snippets import centred_window, cut, leading_window

# Below this a result is a guess and the UI says "no match" (offering it as a guess).
# A name equal after folding scores 100; one that only resembles a known name (Tokarev
# for Tokayev, Maksimov for Massimov: one letter apart) stays under the bar.
CONFIDENT = 85.0
MAX_QUERY_CHARS = 300
MAX_QUERY_TOKENS = 12
# Short queries are ambiguous: 'x' starts hundreds of names, 'ҰҚК' folds to 'uk' as
# 'Ukraina' begins. A query of at most SHORT_QUERY letters is confident only on a whole
# key (an abbreviation: KNB, ODKB) or on whole tokens ('КНБ' in 'Служба «А» КНБ'); one of
# at most TINY_QUERY letters only on a whole key. Other matches stay, scaled under the bar
# in their order, as guesses.
SHORT_QUERY = 3
TINY_QUERY = 2
GUESS_SCALE = (CONFIDENT - 1.0) / 100.0


@lru_cache(maxsize=65536)
def literal(text: str) -> str:
    """A text's letters as written, case aside: 'ҰҚК' and 'UK' fold alike but differ here."""
    return "".join(char for char in text.casefold() if char.isalnum())


def query_letters(query: str, compact: str) -> int:
    """How many letters a query has: as typed, or as folded when that is fewer.

    'ҰҚК' is three letters typed but 'uk' folded (doubled letters merge), and it is
    the folded key that is compared, so it counts as two.
    """
    return min(sum(1 for char in query if char.isalnum()), len(compact))


class Entry(NamedTuple):
    """One searchable form of one entity: 'Masimov' for karim-massimov, 'КНБ' for nsc.

    A named tuple: indexes hold hundreds of thousands of these.
    """

    type: str
    id: str
    name: str
    alias: str


class SearchResult(NamedTuple):
    """One hit: what it is, how sure we are, and what to highlight in `matched`.

    A named tuple, not a dataclass: `kazsec search` is a whole process per query, and
    dataclasses (with the inspect module they import) cost it about 15 ms.
    """

    type: str
    id: str
    name: str
    score: float
    matched: str
    spans: Sequence[tuple[int, int]] = ()
    confident: bool = False
    passage: str | None = None
    source: str | None = None
    offset: int = 0  # for passages: add to a span to get an offset into the passage text
    # The route from the query to `matched`: 'Масимова → Масимов (Russian genitive) → Massimov'.
    how: str = ""

    def to_json(self) -> dict[str, object]:
        """The JSON form used by `kazsec search --json`."""
        data: dict[str, object] = {
            "type": self.type,
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "confident": self.confident,
            "matched": self.matched,
            "spans": [list(s) for s in self.spans],
        }
        if self.how:
            data["how"] = self.how
        if self.passage:
            data["passage"] = self.passage
            data["source"] = self.source
        return data

    def focused(self, width: int, before: int | None = None) -> SearchResult:
        """This result with `matched` cut to about `width` characters around its first span
        (or, given `before`, starting at most that many characters ahead of it).

        For a row narrower than a passage snippet: the highlighted words stay in view,
        spans and offset still land on the same characters of the passage text.
        """
        if not self.spans:
            return self
        start, end = self.spans[0]
        if len(self.matched) <= width and (before is None or start <= before):
            return self
        if before is None:
            low, high = centred_window(self.matched, start, end, width)
        else:
            low, high = leading_window(self.matched, start, end, before, width)
        shown = cut(self.matched, low, high)
        spans = [
            (s + shown.shift, e + shown.shift) for s, e in self.spans if low <= s and e <= high
        ]
        return self._replace(matched=shown.text, spans=spans, offset=self.offset - shown.shift)


__all__ = [
    "CONFIDENT",
    "GUESS_SCALE",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TOKENS",
    "SHORT_QUERY",
    "TINY_QUERY",
    "Entry",
    "SearchResult",
    "literal",
    "query_letters",
]
