"""Mention linking: every occurrence of every person and body in every passage.

Names are matched as written (case-sensitive, whole words, the longest form first),
so 'Karim Massimov' is one mention, not two. Surnames and family names derived
from full names can belong to several people; such mentions keep every candidate,
ranked, and are flagged ambiguous unless the passage itself names one of them in full.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kazsec.model import Record

_FEMININE_SURNAME = re.compile(r"^(\w+?[vn])a$")  # Nazarbayeva -> Nazarbayev, Kalinina -> Kalinin


@dataclass
class FormOwners:
    """Who a written form can refer to: entities naming it outright, and those it is derived for."""

    explicit: set[tuple[str, str]] = field(default_factory=set)  # (entity_type, id)
    derived: set[tuple[str, str]] = field(default_factory=set)

    def candidates(self) -> set[tuple[str, str]]:
        return self.explicit | self.derived

    def is_certain(self) -> bool:
        return len(self.candidates()) == 1


def _usable(form: str) -> bool:
    """Forms worth matching in running text: capitalised or non-Latin, not a lone letter."""
    form = form.strip()
    if len(form) < 2 or (len(form) == 2 and not form.isupper()):
        return False
    return form[0].isupper() or not form[0].isascii()


def family_root(surname: str) -> str:
    """The shared family form of a surname: 'Nazarbayeva' -> 'Nazarbayev'."""
    match = _FEMININE_SURNAME.match(surname)
    return match.group(1) if match else surname


def _surnames(name: str) -> set[str]:
    tokens = [t for t in re.split(r"\s+", name.strip()) if t]
    if len(tokens) < 2 or not tokens[-1][:1].isupper():
        return set()
    surname = tokens[-1].strip(".,")
    return {surname, family_root(surname)} if len(surname) > 2 else set()


def collect_forms(people: Sequence[Record], agencies: Sequence[Record]) -> dict[str, FormOwners]:
    """Every written form that names a person or body, with its owners.

    Forms a source itself uses for an entity (cited aliases) are matched however they
    are written ('the government', 'lower chamber'); names the curator supplies only
    when they look like names, so a lowercase common word never becomes a mention.
    """
    forms: dict[str, FormOwners] = defaultdict(FormOwners)
    for entity_type, records in (("person", people), ("agency", agencies)):
        for record in records:
            key = (entity_type, record["id"])
            names = [
                record["name"],
                record.get("standard_name", ""),
                *record.get("curator_aliases", []),
            ]
            cited = [a["name"] for a in record.get("aliases", []) if len(a["name"].strip()) >= 2]
            for name in [*filter(_usable, names), *cited]:
                forms[name].explicit.add(key)
            names += cited
            if entity_type == "person":
                for name in names:
                    for surname in _surnames(name):
                        if _usable(surname):
                            forms[surname].derived.add(key)
    for owners in forms.values():
        owners.derived -= owners.explicit
    return dict(forms)


def compile_matcher(forms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for all forms, longest first, whole words; a plural family 's’' is allowed."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f) for f in ordered)
    return re.compile(rf"(?<!\w)(?P<form>{alternation})(?:s(?=[’']))?(?!\w)")


@dataclass
class RawMention:
    passage: Record
    start: int  # within the passage text
    end: int
    form: str


def _nested(
    matcher: re.Pattern[str], forms: Mapping[str, FormOwners], outer: RawMention
) -> list[RawMention]:
    """Other entities named inside a longer name: the Ministry inside 'Military Institute of the
    Soviet Ministry of Defence'. Shorter forms of the outer entity itself are not repeated."""
    text, inner = outer.passage["text"], []
    outer_owners = forms[outer.form].candidates()
    position = outer.start
    while position < outer.end:
        match = matcher.search(text, position, outer.end)
        if match is None:
            break
        form = match.group("form")
        if (match.start(), match.end()) != (outer.start, outer.end) and not forms[
            form
        ].candidates() & outer_owners:
            inner.append(RawMention(outer.passage, match.start("form"), match.end("form"), form))
        position = match.start() + 1
    return inner


def _rank(
    candidates: set[tuple[str, str]],
    owners: FormOwners,
    in_passage: set[tuple[str, str]],
    in_source: Counter[tuple[str, str]],
    overall: Counter[tuple[str, str]],
) -> list[tuple[str, str]]:
    return sorted(
        candidates,
        key=lambda c: (
            c not in in_passage,
            c not in owners.explicit,
            -in_source[c],
            -overall[c],
            c[1],
        ),
    )


def _how(
    form: str, owners: FormOwners, key: tuple[str, str], names: Mapping[tuple[str, str], str]
) -> str:
    """How a form names its entity: its name, a surname derived from a name, or another form."""
    if names.get(key) == form:
        return "name"
    if key in owners.derived:
        return "surname"
    return "alias"


def link_mentions(
    passages: Sequence[Record], people: Sequence[Record], agencies: Sequence[Record]
) -> list[Record]:
    """Mention records for all passages, in reading order."""
    forms = collect_forms(people, agencies)
    names = {("person", p["id"]): p["name"] for p in people}
    names.update({("agency", a["id"]): a["name"] for a in agencies})
    if not forms:
        return []
    matcher = compile_matcher(forms)
    found: list[RawMention] = []
    for passage in passages:
        text = passage["text"]
        for match in matcher.finditer(text):
            outer = RawMention(passage, match.start("form"), match.end("form"), match.group("form"))
            found.append(outer)
            found.extend(_nested(matcher, forms, outer))

    # Certain mentions first: they settle ambiguous ones in the same passage and rank the rest.
    certain_in_passage: dict[str, set[tuple[str, str]]] = defaultdict(set)
    per_source: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    overall: Counter[tuple[str, str]] = Counter()
    for mention in found:
        owners = forms[mention.form]
        if owners.is_certain():
            (key,) = owners.candidates()
            certain_in_passage[mention.passage["id"]].add(key)
            per_source[mention.passage["source"]][key] += 1
            overall[key] += 1

    records: list[Record] = []
    for mention in found:
        owners = forms[mention.form]
        candidates = owners.candidates()
        named_here = certain_in_passage[mention.passage["id"]] & candidates
        ranked = _rank(
            candidates, owners, named_here, per_source[mention.passage["source"]], overall
        )
        settled = len(candidates) == 1 or len(named_here) == 1
        entity_type, entity = ranked[0]
        offset = mention.passage["start"]
        records.append(
            {
                "id": f"{mention.passage['id']}@{mention.start}",
                "source": mention.passage["source"],
                "passage": mention.passage["id"],
                "start": offset + mention.start,
                "end": offset + mention.end,
                "text": mention.form,
                "entity_type": entity_type,
                "entity": entity,
                "candidates": [{"type": t, "id": i} for t, i in ranked],
                "ambiguous": not settled,
                "how": _how(mention.form, owners, (entity_type, entity), names),
                "certainty": "certain"
                if len(candidates) == 1
                else ("settled" if settled else "ambiguous"),
            }
        )
    return records


def mention_counts(mentions: Sequence[Mapping[str, Any]]) -> tuple[Counter[str], Counter[str]]:
    """Mentions per entity (its top candidate) and per source."""
    per_entity = Counter(m["entity"] for m in mentions)
    per_source = Counter(m["source"] for m in mentions)
    return per_entity, per_source
