"""Full-text search over passages: folded tokens, so 'Масимов' finds 'Massimov' in the text too."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from kazsec.names.fold import fold_key
from kazsec.search.results import CONFIDENT, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, SearchResult

SNIPPET_BEFORE = 60
SNIPPET_LENGTH = 220
PASSAGE_SCORE_CEILING = 90.0  # a passage hit never outranks an exact name
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PassageDoc:
    """A passage as the search sees it."""

    id: str
    source: str
    label: str  # what to call it in a result list: source title and section
    text: str


class PassageIndex:
    """An inverted index of folded passage tokens."""

    def __init__(self, docs: Iterable[PassageDoc]) -> None:
        self._docs = list(docs)
        postings: dict[str, set[int]] = defaultdict(set)
        self._doc_tokens: list[list[str]] = []
        for number, doc in enumerate(self._docs):
            doc_tokens = fold_key(doc.text).split()
            self._doc_tokens.append(doc_tokens)
            for token in doc_tokens:
                postings[token].add(number)
        self._postings = dict(postings)
        self._vocabulary = sorted(self._postings)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for token in self._vocabulary:
            self._by_length[len(token)].append(token)

    def _matches(self, token: str, is_last: bool) -> dict[str, float]:
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 1.0
        if is_last and len(token) >= 3:
            start = bisect_left(self._vocabulary, token)
            for candidate in self._vocabulary[start : start + 30]:
                if not candidate.startswith(token):
                    break
                found.setdefault(candidate, 0.9)
        if len(token) >= 5 and not found:  # a word the texts contain is meant as written
            pool = [
                t for n in range(len(token) - 1, len(token) + 2) for t in self._by_length.get(n, ())
            ]
            for candidate, score, _ in process.extract(
                token, pool, scorer=fuzz.ratio, limit=5, score_cutoff=85
            ):
                found.setdefault(candidate, 0.8 * score / 100)
        return found

    def search(self, query: str, limit: int = 20) -> list[SearchResult]:
        """Passages holding the query's words (any spelling), best first, with a snippet."""
        tokens = fold_key(query[:MAX_QUERY_CHARS]).split()[:MAX_QUERY_TOKENS]
        if not tokens:
            return []
        per_token = [self._matches(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]
        hits: dict[int, list[float]] = defaultdict(lambda: [0.0] * len(tokens))
        for i, matches in enumerate(per_token):
            for candidate, quality in matches.items():
                for number in self._postings[candidate]:
                    if quality > hits[number][i]:
                        hits[number][i] = quality
        scored = []
        for number, qualities in hits.items():
            matched = sum(1 for q in qualities if q > 0)
            if matched * 2 < len(tokens):
                continue
            score = PASSAGE_SCORE_CEILING * sum(qualities) / len(tokens)
            if len(tokens) > 1 and self._has_phrase(self._doc_tokens[number], per_token):
                score = min(PASSAGE_SCORE_CEILING, score + 5)
            scored.append((score, number))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [self._result(self._docs[n], per_token, score) for score, n in scored[:limit]]

    @staticmethod
    def _has_phrase(doc_tokens: list[str], per_token: Sequence[Mapping[str, float]]) -> bool:
        width = len(per_token)
        return any(
            all(doc_tokens[start + k] in per_token[k] for k in range(width))
            for start in range(len(doc_tokens) - width + 1)
        )

    def _result(
        self, doc: PassageDoc, per_token: Sequence[Mapping[str, float]], score: float
    ) -> SearchResult:
        wanted = set().union(*per_token)
        text = doc.text
        # Words of the original text whose folded form was matched, folded word by word
        # so the spans land on the characters the reader sees; only the snippet's are needed.
        spans: list[tuple[int, int]] = []
        start, end = 0, min(len(text), SNIPPET_LENGTH)
        for match in _WORD.finditer(text):
            if spans and match.start() >= end:
                break
            if not any(token in wanted for token in _word_tokens(match.group(0))):
                continue
            if not spans:
                start = _snippet_start(text, match.start())
                end = min(len(text), start + SNIPPET_LENGTH)
            if match.end() <= end:
                spans.append((match.start(), match.end()))
        lead = "…" if start else ""
        snippet = lead + text[start:end] + ("…" if end < len(text) else "")
        shift = len(lead) - start
        inside = [(s + shift, e + shift) for s, e in spans]
        return SearchResult(
            "passage",
            doc.id,
            doc.label,
            score,
            snippet,
            inside,
            score >= CONFIDENT,
            doc.id,
            doc.source,
            -shift,
        )


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(fold_key(word).split())


def _snippet_start(text: str, first_match: int) -> int:
    """Start a snippet a little before the first match, at a word boundary."""
    start = max(0, first_match - SNIPPET_BEFORE)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first_match else start
    return start
