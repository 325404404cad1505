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
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kazsec.kb.forms import INITIALS, Forms, Key, collect_forms, how_named
from kazsec.kb.offices import Span, office_links, title_used_as_predicate
from kazsec.model import Record

_INITIALS_BEFORE = re.compile(rf"(?<![\w.]){INITIALS.pattern}$")


def compile_matcher(forms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for all forms, longest first, whole words; a plural family 's’' is allowed.

    A word glued to the one before by a lost space ('oursKazakhstan 2.0') still starts a form.
    """
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f) for f in ordered)
    start = r"(?:(?<!\w)|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ]))"
    return re.compile(rf"{start}(?P<form>{alternation})(?:s(?=[’']))?(?!\w)")


@dataclass
class Found:
    """A form found in a passage, before it is resolved."""

    passage: Record
    start: int  # within the passage text
    end: int
    form: str
    candidates: set[Key]


def _forms_at(matcher: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """Every form starting at `start` and ending by `end`, longest first."""
    found = []
    limit = end
    while (match := matcher.match(text, start, limit)) is not None:
        found.append(match)
        limit = match.end("form") - 1
        while limit > start and text[limit - 1].isalnum() and text[limit].isalnum():
            limit -= 1
        if limit <= start:
            break
    return found


def _own_kind(inner: str, outer_names: Iterable[str]) -> bool:
    """A shorter name of the same kind of body opening the outer body's own name ('Special
    Operations Forces' in 'Command of Special Operations Forces of Kazakhstan Army', 'NSC
    Department' in 'NSC Department of Aktyubinsk Region'): not another body. An abbreviation
    opening a unit's name is its organisation ('NSC' in 'NSC Department of Jambyl Region')."""
    letters = inner.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) >= 2:
        return False
    return any(name.startswith(inner + " ") for name in outer_names)


def _find(matcher: re.Pattern[str], forms: Forms, passage: Record) -> list[Found]:
    """Forms in a passage: the longest at each place, and other entities' forms inside it."""
    text, found = passage["text"], []
    for outer in matcher.finditer(text):
        start, end, form = outer.start("form"), outer.end("form"), outer.group("form")
        owners = forms.owners[form].candidates()
        found.append(Found(passage, start, end, form, owners))
        outer_names = [form, *(forms.entities[k].name for k in owners)]
        for position in range(start, end):
            if position > start and (text[position - 1].isalnum() or not text[position].isalnum()):
                continue
            for inner in _forms_at(matcher, text, position, end):
                span = (inner.start("form"), inner.end("form"))
                inner_form = inner.group("form")
                inner_owners = forms.owners[inner_form].candidates()
                if span == (start, end) or inner_owners & owners:
                    continue
                if _own_kind(inner_form, outer_names):
                    continue
                found.append(Found(passage, *span, inner_form, inner_owners))
                break
    return found


def _with_initials(found: Found, forms: Forms) -> Found | None:
    """'K. Massimov': the initials join the mention and keep only the people they fit;
    initials that fit nobody make it someone else's name, and no mention."""
    if " " in found.form or not any(k[0] == "person" for k in found.candidates):
        return found
    match = _INITIALS_BEFORE.search(found.passage["text"], 0, found.start)
    if match is None:
        return found
    first = match.group()[0]
    fitting = {k for k in found.candidates if first in forms.entities[k].initials}
    if not fitting:
        return None
    words = found.passage["text"][match.start() : found.end]
    return Found(found.passage, match.start(), found.end, words, fitting)


def _rank(
    candidates: set[Key],
    explicit: set[Key],
    in_passage: set[Key],
    in_source: Counter[Key],
    overall: Counter[Key],
) -> list[Key]:
    return sorted(
        candidates,
        key=lambda c: (c not in in_passage, c not in explicit, -in_source[c], -overall[c], c[1]),
    )


def _record(found: Found, ranked: list[Key], certainty: str, how: str) -> Record:
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


def _spans(records: Sequence[Record], offset: int) -> list[Span]:
    return [
        Span(
            r["start"] - offset,
            r["end"] - offset,
            n,
            r["entity_type"],
            "" if r["ambiguous"] else r["entity"],
        )
        for n, r in enumerate(records)
    ]


def _offices(passage: Record, records: list[Record]) -> list[Record]:
    """The passage's name records, less titles used as predicates, plus the offices it settles."""
    text, offset = passage["text"], passage["start"]
    spans = _spans(records, offset)
    kept = [
        r
        for r, span in zip(records, spans, strict=True)
        if r["how"] != "title" or not title_used_as_predicate(text, span.start, spans)
    ]
    spans = _spans(kept, offset)
    titles = []
    for link in office_links(text, spans):
        holder = kept[link.holder]
        certainty = "ambiguous" if holder["ambiguous"] else "settled"
        record = _record(
            Found(passage, link.start, link.end, text[link.start : link.end], set()),
            [(c["type"], c["id"]) for c in holder["candidates"]],
            certainty,
            "title",
        )
        titles.append(record)
    return kept + titles


def link_mentions(
    passages: Sequence[Record], people: Sequence[Record], agencies: Sequence[Record]
) -> list[Record]:
    """Mention records for all passages, in reading order."""
    forms = collect_forms(people, agencies)
    if not forms.owners:
        return []
    matcher = compile_matcher(forms.owners)
    found: list[Found] = []
    for passage in passages:
        for raw in _find(matcher, forms, passage):
            if (adjusted := _with_initials(raw, forms)) is not None:
                found.append(adjusted)

    # Certain mentions first: they settle ambiguous ones in the same passage and rank the rest.
    certain_in_passage: dict[str, set[Key]] = defaultdict(set)
    per_source: dict[str, Counter[Key]] = defaultdict(Counter)
    overall: Counter[Key] = Counter()
    for mention in found:
        if len(mention.candidates) == 1:
            (key,) = mention.candidates
            certain_in_passage[mention.passage["id"]].add(key)
            per_source[mention.passage["source"]][key] += 1
            overall[key] += 1

    by_passage: dict[str, list[Record]] = defaultdict(list)
    for mention in found:
        candidates = mention.candidates
        named_here = certain_in_passage[mention.passage["id"]] & candidates
        explicit = forms.owners[mention.form].explicit if mention.form in forms.owners else set()
        ranked = _rank(
            candidates, explicit, named_here, per_source[mention.passage["source"]], overall
        )
        if len(candidates) == 1:
            certainty = "certain"
        else:
            certainty = "settled" if len(named_here) == 1 else "ambiguous"
        how = how_named(mention.form, forms.entities[ranked[0]], forms)
        by_passage[mention.passage["id"]].append(_record(mention, ranked, certainty, how))

    records: list[Record] = []
    for passage in passages:
        here = _offices(passage, by_passage.get(passage["id"], []))
        records.extend(sorted(here, key=lambda r: (r["start"], -r["end"])))
    return _unique_ids(records)


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


class Linker:
    """Links one source's passages at a time (stand-in until the compiled linker lands)."""

    def __init__(self, people: Sequence[Record], agencies: Sequence[Record]) -> None:
        self.people = list(people)
        self.agencies = list(agencies)

    def link(self, passages: Sequence[Record]) -> list[Record]:
        """Mention records for the passages of one source, in reading order."""
        return link_mentions(passages, self.people, self.agencies)
