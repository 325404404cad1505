"""The records of one passage's mentions, and the offices the passage gives to them.

A found form becomes a record (`mention_record`, `certain_record`); the passage's offices are then
read around its mentions (see `offices`): a title used as a predicate is dropped, and an
office the passage gives to a person becomes a record of its own (`with_offices`).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from typing import NamedTuple

from kazsec.kb.forms import Key
from kazsec.kb.offices import Span, Words, office_links, title_used_as_predicate
from kazsec.kb.titles import office_words
from kazsec.kb.tokens import OutsideWindow, Tokens
from kazsec.kb.windows import office_window
from kazsec.model import Record

_new = tuple.__new__  # a NamedTuple made from a tuple in C, without its Python __new__


class Found(NamedTuple):
    """A form found in a passage, before it is resolved."""

    passage: Record
    start: int  # within the passage text
    end: int
    form: str
    candidates: AbstractSet[Key]


# Found from a tuple (passage, start, end, form, candidates), made in C.
found_of = partial(_new, Found)


def mention_record(found: Found, ranked: list[Key], certainty: str, how: str) -> Record:
    """The store record of a mention: its place, its entity (the first of `ranked`), every
    candidate, and how it was linked and how surely."""
    entity_type, entity = ranked[0]
    offset = found.passage["start"]
    return {
        "id": f"{found.passage['id']}@{found.start}",
        "source": found.passage["source"],
        "passage": found.passage["id"],
        "start": offset + found.start,
        "end": offset + found.end,
        "text": found.passage["text"][found.start : found.end],
        "entity_type": entity_type,
        "entity": entity,
        "candidates": [{"type": t, "id": i} for t, i in ranked],
        "ambiguous": certainty == "ambiguous",
        "how": how,
        "certainty": certainty,
    }


def certain_record(found: Found, key: Key, how: str) -> Record:
    """The record of a mention only one entity can be (what `mention_record` makes of it)."""
    passage, start, end = found.passage, found.start, found.end
    offset = passage["start"]
    return {
        "id": f"{passage['id']}@{start}",
        "source": passage["source"],
        "passage": passage["id"],
        "start": offset + start,
        "end": offset + end,
        "text": passage["text"][start:end],
        "entity_type": key[0],
        "entity": key[1],
        "candidates": [{"type": key[0], "id": key[1]}],
        "ambiguous": False,
        "how": how,
        "certainty": "certain",
    }


def spans_of(records: Sequence[Record], offset: int) -> list[Span]:
    """The records as the office reading sees them (offsets within the passage)."""
    return [
        _new(
            Span,
            (
                r["start"] - offset,
                r["end"] - offset,
                n,
                r["entity_type"],
                "" if r["ambiguous"] else r["entity"],
            ),
        )
        for n, r in enumerate(records)
    ]


def with_offices(passage: Record, records: list[Record]) -> list[Record]:
    """The passage's name records, less titles used as predicates, plus the offices it settles."""
    text = passage["text"]
    titles, people = [], False
    for record in records:
        if record["how"] == "title":
            titles.append(record["start"] - passage["start"])
        people = people or record["entity_type"] == "person"
    words = office_words(text) if people else []
    if not titles and not words:
        return records  # no title to check, no office a person here could hold
    window = office_window(text, titles, words)
    try:
        return read_offices(passage, records, Tokens(text, window), words)
    except OutsideWindow:  # the offices are read past the window: read it all
        return read_offices(passage, records, Tokens(text), words)


def read_offices(
    passage: Record, records: list[Record], tokens: Tokens, words: Words | None = None
) -> list[Record]:
    """with_offices, the tokens (and office words) given: read the passage's offices."""
    text, offset = passage["text"], passage["start"]
    spans = spans_of(records, offset)
    kept = [
        r
        for r, span in zip(records, spans, strict=True)
        if r["how"] != "title" or not title_used_as_predicate(text, span.start, spans, tokens)
    ]
    if len(kept) < len(records):
        spans = spans_of(kept, offset)
    titles = []
    for link in office_links(text, spans, tokens, words):
        holder = kept[link.holder]
        certainty = "ambiguous" if holder["ambiguous"] else "settled"
        title = mention_record(
            Found(passage, link.start, link.end, "", frozenset()),
            [(c["type"], c["id"]) for c in holder["candidates"]],
            certainty,
            "title",
        )
        titles.append(title)
    return kept + titles
