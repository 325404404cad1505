"""The name index: every alias of every entity, ranked against a query in milliseconds.

Ranking, best first: the whole folded key equal to the query's; the key starting with
it (typing in progress); then tokens aligned one by one, order-free ('Nazarbayev
Dariga' as well as 'Dariga Nazarbayeva'), each query token to its best name token
(equal, the other gender of a surname, prefix of the last token, an initial, or fuzzy),
the surname weighing more and unmatched tokens costing; then a plain fuzzy comparison.
A query of a few letters is confident only on a whole key or whole tokens (see
results.SHORT_QUERY). All fuzzy work is done once per distinct vocabulary token.
"""

from __future__ import annotations

import marshal
import re
from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from kazsec.names.fold import fold_key
from kazsec.names.gender import masculine_forms
from kazsec.search.align import (
    WHOLE_KEY,
    Indexed,
    alias_spans,
    is_whole,
)
from kazsec.search.explain import explain, written_as_typed
from kazsec.search.readings import (
    WRONG_LAYOUT,
    SearchMode,
    layout_readings,
    query_words,
)
from kazsec.search.results import (
    CONFIDENT,
    GUESS_SCALE,
    MAX_QUERY_CHARS,
    MAX_QUERY_TOKENS,
    SHORT_QUERY,
    TINY_QUERY,
    Entry,
    SearchResult,
    literal,
    query_letters,
)
from kazsec.search.scoring import Vocabulary, by_length, plan, prefixed, score_all

_FORMAT = "kazsec-name-index-2"  # bump when the saved shape changes
MAX_CANDIDATES = 800  # aliases scored per query, taken from the best-matching tokens first
RESCORE = 100  # front runners given the whole-key fuzzy comparison too
FUZZY_CONFIDENT = 75.0  # fuzzy mode takes a near spelling for the name meant
PLAIN_FUZZY_LIMIT = 3_000  # scan every whole key with plain fuzzy only on indexes this small
# A query ending in a dotted initial ('Nazarbayev D.') is not a word being typed.
_ENDS_IN_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]\.\s*$")


class NameIndex:
    """Aliases of people, bodies, events and sources, searchable by any spelling."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        items: list[Indexed] = []
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        compacts: list[tuple[str, int]] = []
        for entry in entries:
            base = fold_key(entry.alias).split()
            if not base:
                continue
            index = len(items)
            compact = "".join(base)
            tokens = (*base, *(base[i] + base[i + 1] for i in range(len(base) - 1)))
            surname = len(base) - 1 if entry.type == "person" else -1
            items.append(Indexed(entry, tokens, len(base), compact, surname))
            for position, token in enumerate(tokens):
                postings[token].append((index, position))
            compacts.append((compact, index))
        self._items = items
        self._postings = dict(postings)
        vocabulary = sorted(self._postings)
        self._words = Vocabulary(self._postings, vocabulary, *by_length(vocabulary))
        self._all_compacts = [item.compact for item in items]
        compacts.sort()
        self._compacts = [c for c, _ in compacts]
        self._compact_ids = [i for _, i in compacts]

    def __len__(self) -> int:
        return len(self._items)

    # -- kept on disk ---------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The built index as plain data (marshal: loading it is a few C calls)."""
        items = [
            (tuple(i.entry), i.tokens, i.base_count, i.compact, i.surname) for i in self._items
        ]
        state = (
            _FORMAT,
            items,
            self._postings,
            self._words.tokens,
            self._words.ordered,
            self._words.starts,
            self._compacts,
            self._compact_ids,
        )
        return marshal.dumps(state)

    @classmethod
    def from_bytes(cls, data: bytes) -> NameIndex | None:
        """An index saved by `to_bytes`, None if the bytes are of another format or damaged."""
        try:
            state = marshal.loads(data)
            if state[0] != _FORMAT:
                return None
            _, items, postings, vocabulary, ordered, starts, compacts, compact_ids = state
            index = cls.__new__(cls)
            index._items = [Indexed(Entry(*entry), *rest) for entry, *rest in items]
            index._postings = postings
            index._words = Vocabulary(postings, vocabulary, ordered, starts)
            index._all_compacts = [item.compact for item in index._items]
            index._compacts = compacts
            index._compact_ids = compact_ids
        except (EOFError, ValueError, TypeError, IndexError):
            return None
        return index

    # -- scoring --------------------------------------------------------------------

    def _candidates(
        self,
        tokens: list[str],
        matches: list[dict[str, float]],
        compact: str,
        mode: SearchMode = "scripts",
    ) -> set[int]:
        """Aliases worth scoring: those holding the rarest query token(s), best matches first.

        Only the rarest tokens generate candidates; the others are checked on those
        candidates alone, so a common given name never floods the work.
        """
        found: set[int] = {self._compact_ids[i] for i in prefixed(self._compacts, compact, 200)}
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
        plain_fuzzy = len(self._items) <= PLAIN_FUZZY_LIMIT or mode == "fuzzy"
        if plain_fuzzy and mode != "exact" and len(compact) >= 3:
            for _, _score, index in process.extract(
                compact, self._all_compacts, scorer=fuzz.WRatio, limit=10, score_cutoff=60
            ):
                found.add(index)
        return found

    def search(
        self,
        query: str,
        types: set[str] | None = None,
        limit: int = 20,
        mode: SearchMode = "scripts",
    ) -> list[SearchResult]:
        """The best entities for a query, one result per entity, best first.

        Of equal scores, an alias written exactly as the query comes first ('ҰҚК' before
        a 'UK' it folds like), then the shorter alias. `mode`: "exact" (the letters as
        typed, no other script or spelling), "scripts" (any script, spelling, case form
        and keyboard layout; near typos) or "fuzzy" (typos looked for further).
        """
        query = query[:MAX_QUERY_CHARS]
        results = self._search(query, types, limit, mode)
        if mode == "exact" or (results and results[0].confident):
            return results
        for meant, why in layout_readings(query):
            for result in self._search(meant, types, limit, mode):
                score = result.score * WRONG_LAYOUT
                results.append(
                    result._replace(
                        score=score,
                        confident=score >= (FUZZY_CONFIDENT if mode == "fuzzy" else CONFIDENT),
                        how=f"{query} → {meant} ({why}) → " + result.how.partition(" → ")[2],
                    )
                )
        best: dict[tuple[str, str], SearchResult] = {}
        for result in results:
            key = (result.type, result.id)
            if key not in best or result.score > best[key].score:
                best[key] = result
        return sorted(best.values(), key=lambda r: -r.score)[:limit]

    def _search(
        self, query: str, types: set[str] | None, limit: int, mode: SearchMode
    ) -> list[SearchResult]:
        tokens = fold_key(query).split()[:MAX_QUERY_TOKENS]
        if not tokens or not self._items:
            return []
        compact = "".join(tokens)
        typing = not _ENDS_IN_INITIAL.search(query)
        feminine = any(masculine_forms(token) for token in tokens)
        letters = query_letters(query, compact)
        last = len(tokens) - 1
        words = query_words(query)
        matches: list[dict[str, float]] = []
        routes: list[dict[str, str]] = []
        for i, token in enumerate(tokens):
            found, route = (
                self._words.matches(token, i == last, mode, words[i])
                if len(token) > 1 or len(tokens) == 1
                else ({}, {})
            )
            matches.append(found)
            routes.append(route)
        scored = score_all(
            self._items,
            self._candidates(tokens, matches, compact, mode),
            plan(tokens, compact, matches, typing, feminine),
            types,
        )
        # The whole-key fuzzy comparison is the costliest step: only for the front runners.
        scored.sort(key=lambda s: -s[0])
        typed_letters = literal(query)
        best_per_entity: dict[tuple[str, str], tuple[float, bool, int, list[int]]] = {}
        for score, index, aligned in scored[:RESCORE]:
            item = self._items[index]
            if mode == "exact" and not written_as_typed(item.entry.alias, query):
                continue
            if len(compact) >= 3 and mode != "exact":
                score = max(score, 0.85 * fuzz.WRatio(compact, item.compact))
            if letters <= SHORT_QUERY and not is_whole(
                item, tokens, aligned, letters <= TINY_QUERY
            ):
                score *= GUESS_SCALE  # a few letters that only begin a name: a guess
            as_typed = aligned == [WHOLE_KEY] and literal(item.entry.alias) == typed_letters
            key = (item.entry.type, item.entry.id)
            if key not in best_per_entity or (score, as_typed) > best_per_entity[key][:2]:
                best_per_entity[key] = (score, as_typed, index, aligned)
        ranked = sorted(
            best_per_entity.values(),
            key=lambda s: (-s[0], not s[1], len(self._items[s[2]].compact), s[2]),
        )[:limit]
        return [
            self._result(self._items[index], (query, words), tokens, score, aligned, routes, mode)
            for score, _, index, aligned in ranked
        ]

    def _result(
        self,
        item: Indexed,
        typed: tuple[str, list[str]],
        tokens: list[str],
        score: float,
        aligned: list[int],
        routes: list[dict[str, str]],
        mode: SearchMode,
    ) -> SearchResult:
        spans = alias_spans(item, tokens, aligned)
        entry = item.entry
        how = explain(*typed, item, tokens, aligned, routes)
        bar = FUZZY_CONFIDENT if mode == "fuzzy" else CONFIDENT
        return SearchResult(
            entry.type, entry.id, entry.name, score, entry.alias, spans, score >= bar, how=how
        )
