"""Mention linking: every occurrence of every person and body in every passage.

Names are matched as written (case-sensitive, whole words, the longest form first),
so 'Karim Massimov' is one mention, not two; a body named inside a longer body's name
is a mention of its own. Initials before a surname ('K. Massimov') keep only the people
whose given name they fit. Surnames and family names derived from full names can belong
to several people; such mentions keep every candidate, ranked, and are ambiguous unless
the passage itself names one of them unambiguously. Offices ('the President') stand for
a person only where the passage says who holds them (see `offices`).

Each record says how it was linked (`how`: name, alias, surname, initials, title) and how
sure it is (`certainty`): certain (only one entity has these words), settled (several
could, the passage says which) or ambiguous (several could, nothing here says which).

A `Linker` is compiled once per knowledge base and links one source at a time: nothing
outside a source changes its mentions, so the build links sources apart and keeps each
source's mentions with it. `link_mentions` links a whole corpus that way.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from kazsec.kb.forms import INITIALS, Forms, Key, collect_forms, how_named
from kazsec.kb.matcher import FormMatcher
from kazsec.kb.mention_records import (
    Found,
    certain_record,
    found_of,
    mention_record,
    with_offices,
)
from kazsec.model import Record

_INITIALS_BEFORE = re.compile(rf"(?<![\w.]){INITIALS.pattern}$")
# The longest initials _INITIALS_BEFORE can match: three of 'Iu.-Iu. ', with room to spare.
_INITIALS_REACH = 32


def _initials_may_end_at(text: str, at: int) -> bool:
    """Initials ending at `at` end in a full stop, or a full stop and a space, or those and a
    line end (_INITIALS_BEFORE's `$` also matches before a final newline): one of the three
    characters before `at` is a full stop."""
    return "." in text[max(0, at - 3) : at]


def _with_initials(found: Found, forms: Forms) -> Found | None:
    """'K. Massimov': the initials join the mention and keep only the people they fit;
    initials that fit nobody make it someone else's name, and no mention."""
    if " " in found.form or not any(k[0] == "person" for k in found.candidates):
        return found
    text = found.passage["text"]
    if not _initials_may_end_at(text, found.start):
        return found
    # Initials end right before the name, so a search from just before them finds what a
    # search from the passage's start finds (lookbehinds still see the text before).
    reach = max(0, found.start - _INITIALS_REACH)
    match = _INITIALS_BEFORE.search(text, reach, found.start)
    if match is None:
        return found
    first = match.group()[0]
    fitting = {k for k in found.candidates if first in forms.entities[k].initials}
    if not fitting:
        return None
    words = text[match.start() : found.end]
    return Found(found.passage, match.start(), found.end, words, fitting)


def _rank(
    candidates: AbstractSet[Key],
    explicit: AbstractSet[Key],
    in_passage: AbstractSet[Key],
    in_source: Counter[Key],
    own: AbstractSet[Key],
) -> list[Key]:
    """Candidates named for certain in the passage first, then those the words name outright,
    then those named more often for certain in the source, then those whose own surname the
    words are ('Nazarbayev' is Nursultan Nazarbayev's, and only the family name of Dariga
    Nazarbayeva); ties by id. Nothing outside the source counts: a source links alone."""
    return sorted(
        candidates,
        key=lambda c: (c not in in_passage, c not in explicit, -in_source[c], c not in own, c[1]),
    )


class Linker:
    """Compiled once per knowledge base (people, agencies); links one source's passages at a
    time, so sources can be linked apart (in worker processes) and their mentions kept apart.

    Pickling sends the people and bodies, and the Linker is compiled again where it lands."""

    def __init__(self, people: Sequence[Record], agencies: Sequence[Record]) -> None:
        self._people, self._agencies = list(people), list(agencies)
        self.forms: Forms = collect_forms(people, agencies)
        self.matcher = FormMatcher(self.forms)
        owners = self.forms.owners
        self._owners = {form: frozenset(o.candidates()) for form, o in owners.items()}
        self._explicit = {form: frozenset(o.explicit) for form, o in owners.items()}
        self._own_surname: dict[str, set[Key]] = defaultdict(set)  # surname -> whose it is
        for key, names in self.forms.entities.items():
            for full in names.full_names:
                self._own_surname[full.split()[-1].strip(".,")].add(key)
        self._initialled = {  # forms initials may stand before (see _with_initials)
            form
            for form, keys in self._owners.items()
            if " " not in form and any(k[0] == "person" for k in keys)
        }
        self._how: dict[tuple[str, Key], str] = {}

    def __reduce__(self) -> tuple[type[Linker], tuple[list[Record], list[Record]]]:
        return Linker, (self._people, self._agencies)

    def _found(self, passage: Record) -> list[Found]:
        text, owners, initialled = passage["text"], self._owners, self._initialled
        found = []
        for start, end, form in self.matcher.find(text):
            mention = found_of((passage, start, end, form, owners[form]))
            if form in initialled and _initials_may_end_at(text, start):
                adjusted = _with_initials(mention, self.forms)
                if adjusted is None:
                    continue
                mention = adjusted
            found.append(mention)
        return found

    def _how_named(self, form: str, key: Key) -> str:
        how = self._how.get((form, key))
        if how is None:
            how = self._how[form, key] = how_named(form, self.forms.entities[key], self.forms)
        return how

    def link(self, passages: Sequence[Record]) -> list[Record]:
        """Mention records for the passages of ONE source, in reading order.

        An ambiguous mention's candidates are ranked by what the passage and its source say
        (see `_rank`), never by other sources, so a source links the same alone or with others.
        """
        if not self.forms.owners:
            return []
        found = [(passage, self._found(passage)) for passage in passages]

        # Certain mentions first: they settle ambiguous ones in the same passage and rank the rest.
        certain_in_passage: dict[str, set[Key]] = defaultdict(set)
        per_source: dict[str, Counter[Key]] = defaultdict(Counter)
        for passage, mentions in found:
            for mention in mentions:
                if len(mention.candidates) == 1:
                    (key,) = mention.candidates
                    certain_in_passage[passage["id"]].add(key)
                    per_source[passage["source"]][key] += 1

        by_passage: dict[str, list[Record]] = defaultdict(list)
        for passage, mentions in found:
            records_here = by_passage[passage["id"]]
            for mention in mentions:
                candidates = mention.candidates
                if len(candidates) == 1:
                    (key,) = candidates
                    how = self._how.get((mention.form, key)) or self._how_named(mention.form, key)
                    records_here.append(certain_record(mention, key, how))
                    continue
                named_here = certain_in_passage[passage["id"]] & candidates
                explicit = self._explicit.get(mention.form, frozenset())
                in_source = per_source[passage["source"]]
                own: AbstractSet[Key] = self._own_surname.get(mention.form, frozenset())
                ranked = _rank(candidates, explicit, named_here, in_source, own)
                certainty = "settled" if len(named_here) == 1 else "ambiguous"
                how = self._how_named(mention.form, ranked[0])
                records_here.append(mention_record(mention, ranked, certainty, how))

        records: list[Record] = []
        for passage in passages:
            here = with_offices(passage, by_passage.get(passage["id"], []))
            records.extend(sorted(here, key=_reading_order) if len(here) > 1 else here)
        return _unique_ids(records)


def _reading_order(record: Record) -> tuple[int, int]:
    return record["start"], -record["end"]


def link_mentions(
    passages: Sequence[Record], people: Sequence[Record], agencies: Sequence[Record]
) -> list[Record]:
    """Mention records for all passages: each source's (in first-seen order) linked on its own."""
    by_source: dict[str, list[Record]] = {}
    for passage in passages:
        by_source.setdefault(passage["source"], []).append(passage)
    if not by_source:
        return []
    linker = Linker(people, agencies)
    return [record for group in by_source.values() for record in linker.link(group)]


def _unique_ids(records: list[Record]) -> list[Record]:
    """Two mentions starting at one place (a body inside a longer name) get distinct ids."""
    seen: set[str] = set()
    for record in records:
        if record["id"] in seen:
            record["id"] = f"{record['id']}:{record['end'] - record['start']}"
        seen.add(record["id"])
    return records


def mention_counts(mentions: Sequence[Mapping[str, Any]]) -> tuple[Counter[str], Counter[str]]:
    """Mentions per entity (its top candidate) and per source."""
    per_entity = Counter(m["entity"] for m in mentions)
    per_source = Counter(m["source"] for m in mentions)
    return per_entity, per_source
