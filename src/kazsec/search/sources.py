"""Sources by the words of their title, publisher, author or id, from the corpus's index.

A catalogue of a few hundred documents is searched like names (kazsec.search.index);
one of thousands would make that index slow to build at every start, so its sources are
found through a full-text table of their folded words instead, built with the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kazsec.names.fold import fold_key
from kazsec.search.results import (
    CONFIDENT,
    GUESS_SCALE,
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKENS,
    TINY_QUERY,
    SearchResult,
    query_letters,
)
from kazsec.store.fulltext import FullText, quoted

# Catalogues up to this size go into the name index with people, bodies and events.
SOURCES_IN_NAME_INDEX = 1_000
WHOLE_WORDS = 95.0  # every word of the query is a word of the source's
BEGUN_WORDS = 88.0  # the last one only begins a word (typing in progress)
HIGHLIGHTED = 100  # results given highlighted words
_WORD = re.compile(r"\w+")


class SourceSearch:
    """Sources of one corpus generation found by their words, any script or spelling."""

    def __init__(self, text: FullText, labels: Mapping[str, str]) -> None:
        self.text = text
        self.labels = labels

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """The sources whose words hold the query's words (the last may be begun), best first."""
        query = query[:MAX_QUERY_CHARS]
        tokens = fold_key(query).split()[:MAX_QUERY_TOKENS]
        if not tokens or limit <= 0:
            return []
        last = len(tokens) - 1
        expression = " AND ".join(
            quoted(t) + ("*" if i == last and len(t) >= 2 else "") for i, t in enumerate(tokens)
        )
        scale = GUESS_SCALE if query_letters(query, "".join(tokens)) <= TINY_QUERY else 1.0
        results = []
        for rank, (source_id, key) in enumerate(self.text.sources_matching(expression, limit)):
            words = set(key.split())
            score = WHOLE_WORDS if all(t in words for t in tokens) else BEGUN_WORDS
            label = self.labels.get(source_id, source_id)
            # Highlights for the rows a person reads; a list filter asking for thousands
            # of sources wants their ids, and folding every title word cost it half a second.
            spans = _spans(label, tokens) if rank < HIGHLIGHTED else []
            results.append(
                SearchResult(
                    "source",
                    source_id,
                    label,
                    score * scale,
                    label,
                    spans,
                    score * scale >= CONFIDENT,
                )
            )
        results.sort(key=lambda r: -r.score)  # stable: FTS5's ranking among equals
        return results


def _spans(label: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Where the label's words match the query's (the last one as a beginning)."""
    spans = []
    for match in _WORD.finditer(label):
        folded = fold_key(match.group())
        if folded in tokens or (tokens and folded.startswith(tokens[-1])):
            spans.append((match.start(), match.end()))
    return spans
