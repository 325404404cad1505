"""How a query's tokens line up with one alias: where each lands, whether it is whole, and
which characters of the alias to highlight."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from kazsec.names.fold import fold
from kazsec.names.gender import feminine_forms
from kazsec.search.results import Entry

# Highlighting folds the shown aliases again, with offsets; the same few recur at every keystroke.
_fold_for_display = lru_cache(maxsize=32768)(fold)

WHOLE_KEY = -2  # aligned == [WHOLE_KEY]: the query's key equals the alias's key
KEY_PREFIX = -3  # aligned == [KEY_PREFIX]: the alias's key starts with the query's key


class Indexed(NamedTuple):
    """One alias as the index holds it."""

    entry: Entry
    tokens: tuple[str, ...]  # folded tokens, then joined neighbours ('kasimJomart')
    base_count: int  # how many of `tokens` are real tokens (the rest are joined pairs)
    compact: str
    surname: int  # index of the surname token, -1 if none


def ends_in_other_gender(item: Indexed, query: list[str]) -> bool:
    """Whether the query's last token is the feminine of the alias token in its place.

    'Nazarbayeva' against 'Nazarbayev announces…' is a word of its own, not 'Nazarbayev'
    with the next word begun, though the alias's key starts with the query's.
    """
    start = sum(len(token) for token in query) - len(query[-1])
    boundary = 0
    for token in item.tokens[: item.base_count]:
        if boundary >= start:
            return boundary == start and query[-1] in feminine_forms(token)
        boundary += len(token)
    return False


def is_whole(item: Indexed, query: list[str], aligned: list[int], tiny: bool) -> bool:
    """Whether a short query matched whole: the whole key, or (unless tiny) whole tokens."""
    if aligned == [WHOLE_KEY]:
        return True
    if tiny:
        return False
    if aligned == [KEY_PREFIX]:
        return item.tokens[: min(len(query), item.base_count)] == tuple(query)
    return all(
        0 <= p < item.base_count and item.tokens[p] == t
        for t, p in zip(query, aligned, strict=True)
    )


def alias_spans(item: Indexed, query: list[str], aligned: list[int]) -> list[tuple[int, int]]:
    """Spans of the alias to highlight, from `aligned`: for each query token the position
    it matched in item.tokens (-1 for none), or [WHOLE_KEY] or [KEY_PREFIX]. A token the
    query only began (a prefix) is highlighted as far as the query went."""
    folded = _fold_for_display(item.entry.alias)
    token_spans = folded.token_spans()
    key_spans: list[tuple[int, int]] = []
    if aligned in ([WHOLE_KEY], [KEY_PREFIX]):  # whole key, or its first len(query) letters
        wanted = sum(len(t) for t in query) if aligned == [KEY_PREFIX] else len(item.compact)
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
            name_token = item.tokens[position]
            prefix_only = name_token != token and name_token.startswith(token)
            key_spans.append((start, start + len(token)) if prefix_only else (start, end))
    return sorted({folded.source_span(s, e) for s, e in key_spans if e > s})


__all__ = [
    "KEY_PREFIX",
    "WHOLE_KEY",
    "Indexed",
    "alias_spans",
    "ends_in_other_gender",
    "is_whole",
]
