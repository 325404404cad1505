"""The name index: every alias of every entity, ranked against a query in milliseconds.

Ranking, best first: the whole folded key equal to the query's; the key starting with
it (typing in progress); then tokens aligned one by one, order-free, each query token
to its best name token (equal, prefix of the last token, an initial, or fuzzy), the
surname weighing more and unmatched tokens costing; then a plain fuzzy comparison.
All fuzzy work is done once per distinct vocabulary token, never per name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from kazsec.names.fold import fold, fold_key
from kazsec.search.results import CONFIDENT, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, Entry, SearchResult

# A token that only resembles a name token is worth less than one that equals it.
FUZZY_DISCOUNT = 0.9
MAX_CANDIDATES = 800  # aliases scored per query, taken from the best-matching tokens first
RESCORE = 100  # front runners given the whole-key fuzzy comparison too
MAX_PREFIX_TOKENS = 40
FUZZY_TOKENS_PER_QUERY_TOKEN = 25
FUZZY_TOKEN_CUTOFF = 70.0
PLAIN_FUZZY_LIMIT = 3_000  # scan every whole key with plain fuzzy only on indexes this small


class _Indexed(NamedTuple):
    entry: Entry
    tokens: tuple[str, ...]  # folded tokens, then joined neighbours ('kasimJomart')
    base_count: int  # how many of `tokens` are real tokens (the rest are joined pairs)
    compact: str
    surname: int  # index of the surname token, -1 if none


# Highlighting folds the shown aliases again, with offsets; the same few recur at every keystroke.
_fold_for_display = lru_cache(maxsize=32768)(fold)


class NameIndex:
    """Aliases of people, bodies, events and sources, searchable by any spelling."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        items: list[_Indexed] = []
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        compacts: list[tuple[str, int]] = []
        for entry in entries:
            base = fold_key(entry.alias).split()
            if not base:
                continue
            index = len(items)
            compact = "".join(base)
            tokens = (*base, *(base[i] + base[i + 1] for i in range(len(base) - 1)))
            items.append(
                _Indexed(
                    entry,
                    tokens,
                    len(base),
                    compact,
                    len(base) - 1 if entry.type == "person" else -1,
                )
            )
            for position, token in enumerate(tokens):
                postings[token].append((index, position))
            compacts.append((compact, index))
        self._items = items
        self._postings = dict(postings)
        self._vocabulary = sorted(self._postings)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for token in self._vocabulary:
            self._by_length[len(token)].append(token)
        self._all_compacts = [item.compact for item in items]
        compacts.sort()
        self._compacts = [c for c, _ in compacts]
        self._compact_ids = [i for _, i in compacts]

    def __len__(self) -> int:
        return len(self._items)

    # -- candidate tokens ---------------------------------------------------------

    def _prefixed(self, sorted_keys: list[str], prefix: str, cap: int) -> range:
        start = bisect_left(sorted_keys, prefix)
        end = start
        while end < len(sorted_keys) and end - start < cap and sorted_keys[end].startswith(prefix):
            end += 1
        return range(start, end)

    def _token_matches(self, token: str, is_last: bool) -> dict[str, float]:
        """Vocabulary tokens a query token may stand for, with how well they match."""
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 100.0
        if is_last and len(token) >= 2:
            for i in self._prefixed(self._vocabulary, token, MAX_PREFIX_TOKENS):
                candidate = self._vocabulary[i]
                found.setdefault(candidate, 85.0 + 15.0 * len(token) / len(candidate))
        if (
            len(token) >= 3 and token not in self._postings
        ):  # a token some name has is meant as typed
            pool = [
                t for n in range(len(token) - 2, len(token) + 3) for t in self._by_length.get(n, ())
            ]
            for candidate, score, _ in process.extract(
                token,
                pool,
                scorer=fuzz.ratio,
                limit=FUZZY_TOKENS_PER_QUERY_TOKEN,
                score_cutoff=FUZZY_TOKEN_CUTOFF,
            ):
                if score * FUZZY_DISCOUNT > found.get(candidate, 0.0):
                    found[candidate] = float(score) * FUZZY_DISCOUNT
        return found

    # -- scoring --------------------------------------------------------------------

    def _score(
        self, item: _Indexed, query: list[str], compact: str, best: list[tuple[float, int]]
    ) -> tuple[float, list[int]]:
        """Score one alias; also return the aligned token position of each query token."""
        if compact == item.compact:
            return 100.0, [-2]
        if len(compact) >= 2 and item.compact.startswith(compact):
            return 92.0 + 8.0 * len(compact) / len(item.compact), [-3]
        total = weight_sum = 0.0
        used: set[int] = set()
        aligned: list[int] = []
        for i, token in enumerate(query):
            quality, position = best[i]
            if len(token) == 1:  # an initial: 'K. Massimov'
                position = next(
                    (p for p in range(item.base_count) if item.tokens[p].startswith(token)), -1
                )
                quality = 90.0 if position >= 0 else 0.0
            if quality < 60.0:
                quality, position = 0.0, -1
            weight = 1.5 if position == item.surname and position >= 0 else 1.0
            total += weight * quality
            weight_sum += weight
            aligned.append(position)
            if position >= 0:
                used.update(
                    (position,)
                    if position < item.base_count
                    else (position - item.base_count, position - item.base_count + 1)
                )
        score = total / weight_sum if weight_sum else 0.0
        return score * 0.98 ** max(0, item.base_count - len(used)), aligned

    def _candidates(
        self, tokens: list[str], matches: list[dict[str, float]], compact: str
    ) -> set[int]:
        """Aliases worth scoring: those holding the rarest query token(s), best matches first.

        Only the rarest tokens generate candidates; the others are checked on those
        candidates alone, so a common given name never floods the work.
        """
        found: set[int] = {
            self._compact_ids[i] for i in self._prefixed(self._compacts, compact, 200)
        }
        sizes = sorted(
            (sum(len(self._postings[t]) for t in m), i)
            for i, m in enumerate(matches)
            if m and len(tokens[i]) > 1
        )
        # The rarest token may fill most of the budget; the next rarest fills the rest, in
        # case the rarest was mistyped into another name's token.
        for share, (_, i) in zip((0.7, 1.0), sizes[:2], strict=False):
            budget = int(MAX_CANDIDATES * share) - len(found)
            for token, _quality in sorted(matches[i].items(), key=lambda kv: (-kv[1], len(kv[0]))):
                if budget <= 0:
                    break
                postings = self._postings[token][:budget]
                found.update(index for index, _ in postings)
                budget -= len(postings)
        if len(self._items) <= PLAIN_FUZZY_LIMIT and len(compact) >= 3:
            for _, _score, index in process.extract(
                compact, self._all_compacts, scorer=fuzz.WRatio, limit=10, score_cutoff=60
            ):
                found.add(index)
        return found

    @staticmethod
    def _best_slots(item: _Indexed, matches: list[dict[str, float]]) -> list[tuple[float, int]]:
        """For each query token, its best quality among this alias's tokens, and where."""
        slots = []
        for token_matches in matches:
            best = (0.0, -1)
            for position, token in enumerate(item.tokens):
                quality = token_matches.get(token)
                if quality is not None and quality > best[0]:
                    best = (quality, position)
            slots.append(best)
        return slots

    def search(
        self, query: str, types: set[str] | None = None, limit: int = 20
    ) -> list[SearchResult]:
        """The best entities for a query, one result per entity, best first."""
        tokens = fold_key(query[:MAX_QUERY_CHARS]).split()[:MAX_QUERY_TOKENS]
        if not tokens or not self._items:
            return []
        compact = "".join(tokens)
        last = len(tokens) - 1
        matches = [
            self._token_matches(t, i == last) if len(t) > 1 or len(tokens) == 1 else {}
            for i, t in enumerate(tokens)
        ]
        scored: list[tuple[float, int, list[int]]] = []
        for index in self._candidates(tokens, matches, compact):
            item = self._items[index]
            if types and item.entry.type not in types:
                continue
            score, aligned = self._score(item, tokens, compact, self._best_slots(item, matches))
            scored.append((score, index, aligned))
        # The whole-key fuzzy comparison is the costliest step: only for the front runners.
        scored.sort(key=lambda s: -s[0])
        rescored = []
        for score, index, aligned in scored[:RESCORE]:
            if len(compact) >= 3:
                score = max(score, 0.85 * fuzz.WRatio(compact, self._items[index].compact))
            rescored.append((score, index, aligned))
        best_per_entity: dict[tuple[str, str], tuple[float, int, list[int]]] = {}
        for score, index, aligned in rescored:
            entry = self._items[index].entry
            key = (entry.type, entry.id)
            if key not in best_per_entity or score > best_per_entity[key][0]:
                best_per_entity[key] = (score, index, aligned)
        ranked = sorted(
            best_per_entity.values(), key=lambda s: (-s[0], len(self._items[s[1]].compact), s[1])
        )[:limit]
        return [
            self._result(self._items[index], tokens, score, aligned)
            for score, index, aligned in ranked
        ]

    # -- highlighting -------------------------------------------------------------------

    def _result(
        self, item: _Indexed, query: list[str], score: float, aligned: list[int]
    ) -> SearchResult:
        folded = _fold_for_display(item.entry.alias)
        token_spans = folded.token_spans()
        key_spans: list[tuple[int, int]] = []
        if aligned in ([-2], [-3]):  # whole key, or its first len(query) letters
            wanted = sum(len(t) for t in query) if aligned == [-3] else len(item.compact)
            for start, end in token_spans:
                take = min(end - start, wanted)
                if take > 0:
                    key_spans.append((start, start + take))
                wanted -= take
        else:
            for token, position in zip(query, aligned, strict=True):
                if position < 0:
                    continue
                if position >= item.base_count:  # a joined pair: both tokens
                    first = position - item.base_count
                    key_spans += [token_spans[first], token_spans[first + 1]]
                    continue
                start, end = token_spans[position]
                prefix_only = item.tokens[position] != token and item.tokens[position].startswith(
                    token
                )
                key_spans.append((start, start + len(token)) if prefix_only else (start, end))
        spans = sorted({folded.source_span(s, e) for s, e in key_spans if e > s})
        entry = item.entry
        return SearchResult(
            entry.type, entry.id, entry.name, score, entry.alias, spans, score >= CONFIDENT
        )
