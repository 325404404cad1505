"""What a search gives back, and the bar under which a result is only a guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# Below this a result is a guess and the UI says "no match" (offering it as a guess).
# A name equal after folding scores 100; one that only resembles a known name (Tokarev
# for Tokayev, Maksimov for Massimov: one letter apart) stays under the bar.
CONFIDENT = 85.0
MAX_QUERY_CHARS = 300
MAX_QUERY_TOKENS = 12


class Entry(NamedTuple):
    """One searchable form of one entity: 'Masimov' for karim-massimov, 'КНБ' for nsc.

    A named tuple: indexes hold hundreds of thousands of these.
    """

    type: str
    id: str
    name: str
    alias: str


@dataclass
class SearchResult:
    """One hit: what it is, how sure we are, and what to highlight in `matched`."""

    type: str
    id: str
    name: str
    score: float
    matched: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    confident: bool = False
    passage: str | None = None
    source: str | None = None
    offset: int = 0  # for passages: add to a span to get an offset into the passage text

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
        if self.passage:
            data["passage"] = self.passage
            data["source"] = self.source
        return data


__all__ = ["CONFIDENT", "MAX_QUERY_CHARS", "MAX_QUERY_TOKENS", "Entry", "SearchResult"]
