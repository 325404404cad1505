"""Aliases scored against a query: the key typed so far, or its tokens aligned one by one.

The key typed so far ('kasimJo') and the tokens aligned one by one are two readings of
the query; the better one counts. Words a name's aliases leave out (a patronymic after the
given name, its initial, a preposition copied with the name) are no evidence against it.

First each query token is read against the index's vocabulary (`Vocabulary.matches`):
equal, a case form or spelling, the other gender of a surname, the start of the last
token, or near (fuzzy). Up to MAX_CANDIDATES aliases are then scored per query, so what
can be known of the query alone (which tokens are initials, patronymics, prepositions;
which name token each matched vocabulary token answers) is worked out once, in `Query`,
not once per alias.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from kazsec.names.fold import digraph_beginnings
from kazsec.names.gender import feminine_forms, masculine_forms
from kazsec.search.align import KEY_PREFIX, WHOLE_KEY, Indexed, ends_in_other_gender
from kazsec.search.readings import (
    FUNCTION_WORDS,
    SearchMode,
    looks_like_patronymic,
    word_readings,
)

LEFT_OUT = 75.0  # a patronymic (or its initial) the alias leaves out: neither there nor wrong
# A token that only resembles a name token is worth less than one that equals it.
FUZZY_DISCOUNT = 0.9
MAX_PREFIX_TOKENS = 40
FUZZY_TOKENS_PER_QUERY_TOKEN = 25
FUZZY_TOKEN_CUTOFF = 70.0
# Fuzzy mode (asked for: typos expected) looks further and discounts less.
LOOSE_FUZZY_CUTOFF = 60.0
LOOSE_FUZZY_DISCOUNT = 0.95
# A masculine surname stands for its feminine form ('Nazarbayev Dariga'), just under an
# equal token so that, when both a man and a woman of the family are known, the given
# name decides. A feminine query for a man's name is only a guess on its own.
FEMININE_OF_QUERY = 96.0
MASCULINE_OF_QUERY = 80.0
MATCHES_KEPT = 4096  # query tokens whose matches are remembered (typing repeats them)


def continued(token: str) -> list[str]:
    """The folded beginnings a token being typed may be of, once the digraph it stops in is
    complete ('abis' -> 'abiW', for Abish; see fold.digraph_beginnings)."""
    return [token[: -len(end)] + to for end, to in digraph_beginnings() if token.endswith(end)]


def prefixed(sorted_keys: list[str], prefix: str, cap: int) -> range:
    """Where the keys starting with `prefix` are in `sorted_keys`, at most `cap` of them."""
    start = bisect_left(sorted_keys, prefix)
    end = start
    while end < len(sorted_keys) and end - start < cap and sorted_keys[end].startswith(prefix):
        end += 1
    return range(start, end)


def by_length(tokens: list[str]) -> tuple[list[str], list[int]]:
    """`tokens` (sorted) ordered by length, and where each length starts: the tokens of
    lengths a..b are then one slice, [starts[a]:starts[b + 1]], in sorted order."""
    ordered = sorted(tokens, key=len)  # stable: sorted within each length
    starts = [0]
    for position, token in enumerate(ordered):
        while len(starts) <= len(token):
            starts.append(position)
    starts.append(len(ordered))
    return ordered, starts


class Vocabulary:
    """Every token the index holds, for what a query token may stand for."""

    def __init__(
        self, known: Mapping[str, object], tokens: list[str], ordered: list[str], starts: list[int]
    ) -> None:
        self.known = known  # membership: the index's postings
        self.tokens = tokens  # sorted
        self.ordered, self.starts = ordered, starts  # see by_length
        self._kept: dict[tuple[str, bool, str, str], tuple[dict[str, float], dict[str, str]]]
        self._kept = {}

    def _of_lengths(self, shortest: int, longest: int) -> list[str]:
        last = len(self.starts) - 1
        start = self.starts[min(max(shortest, 0), last)]
        return self.ordered[start : self.starts[min(max(longest + 1, 0), last)]]

    def matches(
        self, token: str, is_last: bool, mode: SearchMode = "scripts", word: str = ""
    ) -> tuple[dict[str, float], dict[str, str]]:
        """Vocabulary tokens a query token may stand for, with how well they match, and the
        route of each that came from another reading of the typed `word`."""
        key = (token, is_last, mode, word)
        if key not in self._kept:
            if len(self._kept) >= MATCHES_KEPT:
                self._kept.clear()
            self._kept[key] = self._matches(token, is_last, mode, word)
        found, routes = self._kept[key]
        return dict(found), dict(routes)

    def _matches(
        self, token: str, is_last: bool, mode: SearchMode, word: str
    ) -> tuple[dict[str, float], dict[str, str]]:
        found: dict[str, float] = {}
        routes: dict[str, str] = {}
        known = self.known
        if token in known:
            found[token] = 100.0
        if mode == "exact":
            if is_last and len(token) >= 2:
                for i in prefixed(self.tokens, token, MAX_PREFIX_TOKENS):
                    candidate = self.tokens[i]
                    found.setdefault(candidate, 85.0 + 15.0 * len(token) / len(candidate))
            return found, routes
        if word and token not in known:
            for reading in word_readings(word):
                if reading.token in known and found.get(reading.token, 0.0) < reading.quality:
                    found[reading.token] = reading.quality
                    routes[reading.token] = reading.route
        for forms, quality in (
            (feminine_forms(token), FEMININE_OF_QUERY),
            (masculine_forms(token), MASCULINE_OF_QUERY),
        ):
            for form in forms:
                if form in known and found.get(form, 0.0) < quality:
                    found[form] = quality
        if is_last and len(token) >= 2:
            for begun in (token, *continued(token)):
                for i in prefixed(self.tokens, begun, MAX_PREFIX_TOKENS):
                    candidate = self.tokens[i]
                    prefix_quality = 85.0 + 15.0 * len(token) / len(candidate)
                    if found.get(candidate, 0.0) < prefix_quality:
                        found[candidate] = prefix_quality
        if len(token) >= 3 and token not in known:  # a known token is meant as typed
            loose = mode == "fuzzy"
            spread = 3 if loose else 2
            discount = LOOSE_FUZZY_DISCOUNT if loose else FUZZY_DISCOUNT
            for candidate, score, _ in process.extract(
                token,
                self._of_lengths(len(token) - spread, len(token) + spread),
                scorer=fuzz.ratio,
                limit=FUZZY_TOKENS_PER_QUERY_TOKEN * (2 if loose else 1),
                score_cutoff=LOOSE_FUZZY_CUTOFF if loose else FUZZY_TOKEN_CUTOFF,
            ):
                if score * discount > found.get(candidate, 0.0):
                    found[candidate] = float(score) * discount
                    routes.pop(candidate, None)
        return found, routes


class Query(NamedTuple):
    """What scoring needs of a query, worked out once for all its candidates."""

    tokens: list[str]
    compact: str
    typing: bool  # the last token may be a word being typed
    feminine: bool  # some token has a feminine ending
    # Each vocabulary token a query token may stand for: [(query token index, quality)].
    table: dict[str, list[tuple[int, float]]]
    initial: list[bool]  # a one-letter token: 'K. Massimov'
    function: list[bool]  # a preposition or conjunction, not the last token
    patronymic: list[bool]


def plan(
    tokens: list[str], compact: str, matches: list[dict[str, float]], typing: bool, feminine: bool
) -> Query:
    table: dict[str, list[tuple[int, float]]] = {}
    for i, found in enumerate(matches):
        for token, quality in found.items():
            table.setdefault(token, []).append((i, quality))
    last = len(tokens) - 1
    return Query(
        tokens,
        compact,
        typing,
        feminine,
        table,
        [len(token) == 1 for token in tokens],
        [token in FUNCTION_WORDS and i != last for i, token in enumerate(tokens)],
        [looks_like_patronymic(token) for token in tokens],
    )


def score_all(
    items: Sequence[Indexed], candidates: Iterable[int], query: Query, types: set[str] | None
) -> list[tuple[float, int, list[int]]]:
    """(score, index, aligned) of each candidate alias of one of `types` (any if None)."""
    scored = []
    for index in candidates:
        item = items[index]
        if types and item.entry.type not in types:
            continue
        score, aligned = score_alias(item, query)
        scored.append((score, index, aligned))
    return scored


def score_alias(item: Indexed, query: Query) -> tuple[float, list[int]]:
    """Score one alias against the query; also return where each query token aligned:
    its position in item.tokens (-1 for none), or [WHOLE_KEY] or [KEY_PREFIX].

    The key typed so far ('kasimJo') and the tokens aligned one by one are two readings
    of the query; the better one counts ('Xi' is a whole token of 'Xi Jinping').
    """
    compact = query.compact
    if compact == item.compact:
        return 100.0, [WHOLE_KEY]
    tokens = query.tokens
    count = len(tokens)
    names = item.tokens
    base_count = item.base_count
    # Each query token's best quality among the alias's tokens, and where (the first of
    # equals). A feminine query token does not stand for a joined pair it only begins
    # ('nazarbaeva' is not 'nazarbaev' + 'a[nnounces]').
    qualities = [0.0] * count
    positions = [-1] * count
    table = query.table
    feminine = query.feminine
    for position, name_token in enumerate(names):
        hits = table.get(name_token)
        if hits is None:
            continue
        for i, quality in hits:
            if quality > qualities[i]:
                if (
                    feminine
                    and position >= base_count
                    and tokens[i] in feminine_forms(names[position - base_count])
                ):
                    continue
                qualities[i] = quality
                positions[i] = position
    prefix_score = 0.0
    if (
        query.typing
        and len(compact) >= 2
        and item.compact.startswith(compact)
        and not (feminine and ends_in_other_gender(item, tokens))
    ):
        prefix_score = 92.0 + 8.0 * len(compact) / len(item.compact)
        # Tokens can only do better through one token better than the prefix (initials
        # count 90, under any prefix score): most often there is none, and no work.
        if max(qualities) <= prefix_score:
            return prefix_score, [KEY_PREFIX]
    surname = item.surname
    total = weight_sum = left_out = 0.0
    given = initial_found = False  # a given name (an initial) of the alias was found
    used: set[int] = set()
    aligned: list[int] = []
    for i in range(count):
        quality = qualities[i]
        position = positions[i]
        initial = query.initial[i]
        if initial:  # an initial: 'K. Massimov'
            token = tokens[i]
            position = next(
                (p for p in range(base_count) if names[p].startswith(token) and p not in used),
                -1,
            )
            quality = 90.0 if position >= 0 else 0.0
        if quality < 60.0:
            quality, position = 0.0, -1
        weight = 1.5 if position == surname and position >= 0 else 1.0
        if position < 0 and query.function[i]:
            weight = 0.0  # 'о Кариме Масимове': the preposition is not part of the name
        elif position < 0 and ((initial and initial_found) or (query.patronymic[i] and given)):
            # 'Massimov Karim Kazhimkanovich', 'K.K. Massimov': a patronymic the aliases
            # leave out, after the given name (or its initial) was found, is weak evidence
            # against the name: worth LEFT_OUT, under a patronymic mistyped but there
            # ('Alekseveič' for an alias with 'Alekseevich'), once the surname is found too.
            quality = LEFT_OUT
            left_out += weight * LEFT_OUT
        if position >= 0 and position != surname:
            given = True
            initial_found = initial_found or initial
        total += weight * quality
        weight_sum += weight
        aligned.append(position)
        if position >= 0:
            if position < base_count:
                used.add(position)
            else:
                used.add(position - base_count)
                used.add(position - base_count + 1)
    if surname < 0 or surname not in used:
        total -= left_out  # 'Karim Ivanovich' is not every Karim
    score = total / weight_sum if weight_sum else 0.0
    score *= 0.98 ** max(0, base_count - len(used))
    if prefix_score and prefix_score >= score:
        return prefix_score, [KEY_PREFIX]
    return score, aligned
