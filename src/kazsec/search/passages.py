"""Full-text search over passages: folded tokens, so 'Масимов' finds 'Massimov' in the text too.

A hit's snippet is a window of the passage centred on its best match (the first place
the query's words stand as a phrase, else the first of its best-matched words), cut
between words, with every matched word inside it highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from kazsec.names.fold import fold, fold_key, fold_keys
from kazsec.names.gender import feminine_forms, masculine_forms
from kazsec.search.results import (
    CONFIDENT,
    GUESS_SCALE,
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKENS,
    TINY_QUERY,
    SearchResult,
    query_letters,
)
from kazsec.search.snippets import centred_window, cut
from kazsec.store.fulltext import FullText, any_of

SNIPPET_LENGTH = 220
PREFIX_TERMS = 30  # words a word being typed may be the beginning of
MAX_CANDIDATES = 2_000  # passages scored at most in the first tier, in index order
MAX_FETCHED = 8  # batches of candidates asked of the index in one query, at most
LATER_CANDIDATES = 600  # and in each later tier (words in other forms, only some words)
PASSAGE_SCORE_CEILING = 90.0  # a passage hit never outranks an exact name
# The same surname in the other gender ('Nazarbayev' for 'Nazarbayeva'), see index.py.
FEMININE_OF_QUERY = 0.95
MASCULINE_OF_QUERY = 0.8
# A word as folding sees one: letters and digits, with the apostrophes and stress marks
# folding drops inside it ('To'qaev' is one word, as its folded token 'tokaev' is).
_WORD = re.compile(r"(?:[^\W_]|['’‘`´ʼʻ\u02bc\u0300-\u036f])+")


class PassageDoc(NamedTuple):
    """A passage as the search sees it."""

    id: str
    source: str
    label: str  # what to call it in a result list: source title and section
    text: str


def doc_of(passage: Mapping[str, Any]) -> PassageDoc:
    """A passage record as the search shows it, labelled with its source and section."""
    label = f"{passage['source']} · {passage['section'] or passage['kind']}"
    return PassageDoc(passage["id"], passage["source"], label, passage["text"])


class PassageIndex:
    """Passages found through the corpus's full-text index of folded keys.

    Which terms a query word stands for (as typed, the other gender of a surname, the
    words it begins while it is typed, near spellings of a long word) is decided here
    from the corpus's vocabulary; SQLite's FTS5 then finds the passages. Candidates come
    in index order and are scored exactly as before; the scan stops as soon as enough of
    them have the best score any passage could have, so a common word costs no more than
    a rare one.
    """

    def __init__(self, text: FullText) -> None:
        self.text = text
        self._word_cache: dict[PassageDoc, list[_Word]] = {}

    def _matches(self, token: str, is_last: bool) -> dict[str, float]:
        found: dict[str, float] = {}
        feminine, masculine = feminine_forms(token), masculine_forms(token)
        known = self.text.known([token, *feminine, *masculine])
        if token in known:
            found[token] = 1.0
        for forms, quality in ((feminine, FEMININE_OF_QUERY), (masculine, MASCULINE_OF_QUERY)):
            for form in forms:
                if form in known and found.get(form, 0.0) < quality:
                    found[form] = quality
        if is_last and len(token) >= 3:
            for candidate in self.text.starting_with(token, PREFIX_TERMS):
                found.setdefault(candidate, 0.9)
        if len(token) >= 5 and not found:  # a word the texts contain is meant as written
            pool = self.text.of_lengths(len(token) - 1, len(token) + 1)
            for candidate, score, _ in process.extract(
                token, pool, scorer=fuzz.ratio, limit=5, score_cutoff=85
            ):
                found.setdefault(candidate, 0.8 * score / 100)
        return found

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchResult]:
        """Passages holding the query's words (any spelling), best first, with a snippet.

        `offset` skips that many of the best (a later page). A query of one or two
        letters gives guesses only: a word that short is no name.
        """
        query = query[:MAX_QUERY_CHARS]
        tokens = fold_key(query).split()[:MAX_QUERY_TOKENS]
        if not tokens or limit <= 0:
            return []
        scale = GUESS_SCALE if query_letters(query, "".join(tokens)) <= TINY_QUERY else 1.0
        per_token = [self._matches(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]
        groups = [m for m in per_token if m]
        if len(groups) * 2 < len(tokens):
            return []
        need = offset + limit
        scored = self._scored(per_token, need)
        scored.sort(key=lambda s: (-s[0], s[1]))
        page = scored[offset:need]
        docs = self.text.corpus.passages_by_rowid([rowid for _, rowid in page])
        return [
            self._result(doc_of(docs[rowid]), tokens, per_token, score * scale)
            for score, rowid in page
            if rowid in docs
        ]

    def _tiers(self, per_token: list[dict[str, float]]) -> list[tuple[str, float, int]]:
        """FTS5 expressions to draw candidates from, each with the best score a passage it
        adds can have, and how many of its passages to score at most.

        First the passages holding every word as well as it can be matched (as typed, say);
        then those holding every word in any of its forms (a beginning, a near spelling);
        then those holding at least half of the words (drawn as pairs, triples... so that a
        passage with only 'of' in it is never drawn), which lack a word and score less.
        """
        width = len(per_token)
        groups = [m for m in per_token if m]
        top = [max(m.values()) for m in groups]
        phrase = 5.0 if width > 1 and len(groups) == width else 0.0

        def bound(total: float, bonus: float) -> float:
            return min(PASSAGE_SCORE_CEILING, PASSAGE_SCORE_CEILING * total / width + bonus)

        best = [
            [t for t, q in m.items() if q == level] for m, level in zip(groups, top, strict=True)
        ]
        tiers = [(" AND ".join(any_of(b) for b in best), bound(sum(top), phrase), MAX_CANDIDATES)]
        drops = [
            level - max((q for q in m.values() if q < level), default=0.0)
            for m, level in zip(groups, top, strict=True)
        ]
        if any(len(b) < len(m) for b, m in zip(best, groups, strict=True)):
            tiers.append(
                (
                    " AND ".join(any_of(list(m)) for m in groups),
                    bound(sum(top) - min(d for d in drops if d > 0), phrase),
                    LATER_CANDIDATES,
                )
            )
        if len(groups) > 1:
            least = max(1, (width + 1) // 2)
            if len(groups) <= 6:
                some = " OR ".join(
                    "(" + " AND ".join(any_of(list(m)) for m in combo) + ")"
                    for combo in combinations(groups, least)
                )
            else:
                some = " OR ".join(any_of(list(m)) for m in groups)
            maxima = sorted(top + [0.0] * (width - len(groups)), reverse=True)
            tiers.append((some, bound(sum(maxima[: width - 1]), 0.0), LATER_CANDIDATES))
        return tiers

    def _scored(self, per_token: list[dict[str, float]], need: int) -> list[tuple[float, int]]:
        """(score, row) of enough candidates to rank the best `need` (exactly, up to a cap).

        Candidates come in index order; a tier is left as soon as `need` of them score
        at least the best any passage still unseen could.
        """
        scored: dict[int, float] = {}
        for expression, best, budget in self._tiers(per_token):
            if sum(1 for s in scored.values() if s >= best) >= need:
                break
            cap = len(scored) + max(budget, need + 200)
            batch = min(cap, max(100, 2 * need))
            at_best = sum(1 for s in scored.values() if s >= best)
            # Candidates are scored a batch at a time, stopping between batches. They are
            # fetched one batch first, then twice as many each time (up to MAX_FETCHED
            # batches): FTS5 answers a query of many ORed groups more slowly the further on
            # it must start (seven pages of one six-word query cost 68 ms), and a query that
            # goes deep is seen to go deep. Same candidates, same stop.
            fetched: list[tuple[int, str]] = []
            after, done, position, size = 0, False, 0, batch
            while len(scored) < cap and at_best < need:
                if position >= len(fetched):
                    if done:
                        break
                    fetched = self.text.matching(expression, size, after)
                    position, done = 0, len(fetched) < size
                    size = min(size * 2, batch * MAX_FETCHED)
                    if fetched:
                        after = fetched[-1][0]
                rows = fetched[position : position + batch]
                position += batch
                for rowid, key in rows:
                    if rowid in scored:
                        continue
                    score = self._score(key, per_token)
                    if score is not None:
                        scored[rowid] = score
                        at_best += score >= best
                if len(rows) < batch:
                    break
        return [(score, rowid) for rowid, score in scored.items()]

    def _score(self, key: str, per_token: list[dict[str, float]]) -> float | None:
        padded = f" {key} "  # a term is in the key when it stands between spaces
        qualities = [
            max((q for t, q in m.items() if f" {t} " in padded), default=0.0) for m in per_token
        ]
        matched = sum(1 for q in qualities if q > 0)
        if matched * 2 < len(per_token):
            return None
        score = PASSAGE_SCORE_CEILING * sum(qualities) / len(per_token)
        # A phrase needs every word: only then is the (costlier) walk along the passage made.
        if 1 < len(per_token) == matched and self._has_phrase(key.split(), per_token):
            score = min(PASSAGE_SCORE_CEILING, score + 5)
        return score

    @staticmethod
    def _has_phrase(doc_tokens: list[str], per_token: Sequence[Mapping[str, float]]) -> bool:
        width = len(per_token)
        first = per_token[0]
        return any(
            token in first and all(doc_tokens[start + k] in per_token[k] for k in range(1, width))
            for start, token in enumerate(doc_tokens[: len(doc_tokens) - width + 1])
        )

    def _words(self, doc: PassageDoc) -> list[_Word]:
        """The passage's words with their folded tokens, worked out once per passage."""
        words = self._word_cache.get(doc)
        if words is None:
            found = list(_WORD.finditer(doc.text))
            texts = [match.group(0) for match in found]
            words = [
                _Word(match.start(), text, tuple(key.split()))
                for match, text, key in zip(found, texts, fold_keys(texts), strict=True)
            ]
            if len(self._word_cache) > 4096:  # hits are few per query; keep memory flat
                self._word_cache.clear()
            self._word_cache[doc] = words
        return words

    def _result(
        self,
        doc: PassageDoc,
        tokens: list[str],
        per_token: Sequence[Mapping[str, float]],
        score: float,
    ) -> SearchResult:
        hits = _hits(self._words(doc), tokens, per_token)
        anchor = _anchor(hits, per_token) if hits else (0, 0)
        low, high = centred_window(doc.text, anchor[0], anchor[1], SNIPPET_LENGTH)
        snippet = cut(doc.text, low, high)
        spans = [
            (hit.start + snippet.shift, hit.end + snippet.shift)
            for hit in hits
            if low <= hit.start and hit.end <= high
        ]
        return SearchResult(
            "passage",
            doc.id,
            doc.label,
            score,
            snippet.text,
            spans,
            score >= CONFIDENT,
            doc.id,
            doc.source,
            -snippet.shift,
        )


class _Word(NamedTuple):
    """A word of a passage: where it starts, its text, and its folded tokens."""

    start: int
    text: str
    tokens: tuple[str, ...]


class _Hit(NamedTuple):
    """A matched token of a passage: where it stands among the passage's tokens and text."""

    number: int  # the token's number in the passage
    token: str  # the folded token
    start: int  # the characters to highlight
    end: int
    quality: float


_fold_word = lru_cache(maxsize=65536)(fold)


def _hits(
    words: list[_Word], tokens: list[str], per_token: Sequence[Mapping[str, float]]
) -> list[_Hit]:
    """Every token of a text a query token matched, in text order, with what to highlight.

    Words are folded one by one with offsets (folding never crosses a space), so a span
    covers exactly the characters behind the matched token, and only as much of the word
    as the query typed when it matched as a prefix ('Massim' of 'Massimov').
    """
    wanted = set().union(*per_token)
    hits: list[_Hit] = []
    number = 0
    for word in words:
        if not wanted.isdisjoint(word.tokens):
            folded = _fold_word(word.text)
            for k, (key_start, key_end) in enumerate(folded.token_spans()):
                found = folded.key[key_start:key_end]
                quality, typed = max(
                    ((m.get(found, 0.0), t) for t, m in zip(tokens, per_token, strict=True)),
                    key=lambda pair: pair[0],
                )
                if quality <= 0.0:
                    continue
                prefix_only = found != typed and found.startswith(typed)
                length = len(typed) if prefix_only else len(found)
                start, end = folded.source_span(key_start, key_start + length)
                hits.append(_Hit(number + k, found, word.start + start, word.start + end, quality))
        number += len(word.tokens)
    return hits


def _anchor(hits: list[_Hit], per_token: Sequence[Mapping[str, float]]) -> tuple[int, int]:
    """What the snippet centres on: the first place the query's words stand in order as a
    phrase, else the first of the best-matched words."""
    width = len(per_token)
    if width > 1:
        by_number = {hit.number: hit for hit in hits}
        for hit in hits:
            run = [by_number.get(hit.number + k) for k in range(width)]
            ends = [h.end for k, h in enumerate(run) if h is not None and h.token in per_token[k]]
            if len(ends) == width:
                return hit.start, ends[-1]
    best = max(hit.quality for hit in hits)
    first = next(hit for hit in hits if hit.quality == best)
    return first.start, first.end
