"""Office words in a passage, and who holds them where the passage itself says so.

An office is written as an office word ('President', 'Chairman', 'Prime Minister') with the
words around it: qualifiers ('the incumbent', 'First Deputy'), the body ('NSC Chairman',
'Chairman of the National Security Committee (NSC)') and a country ('President of China').
The passage settles who holds an office where the office is written against a name:

- before it: 'President Tokayev', 'NSC Chairman Karim Massimov', 'the incumbent President
  (Kassym-Jomart Tokayev)', through ranks and further titles ('National Security Committee
  Chairman – Major-General Ermek Sagimbayev');
- after it, as an apposition: 'Massimov, the NSC Chairman,'.

Such an office stands for that person. A bare office elsewhere in the passage stands for the
one person the passage gives that same office to (same office word and qualifiers, no other
body or country); if the passage gives it to nobody, or to several, it stands for nobody.
An office used as a predicate ('appointed to the position of NSC Chairman', 'Tokayev as
President', 'elected Nursultan Nazarbayev President') is the office itself, never a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kazsec.kb.phrases import APPOSITION_END, PassageWords, Span
from kazsec.kb.titles import (
    ADDRESS_FORMS,
    KEY_QUALIFIERS,
    QUALIFIERS,
    Token,
    country_of,
    normal_office,
    office_at,
    sentence_end,
)


@dataclass(frozen=True)
class OfficeLink:
    """An office word that stands for a person: its span, and the person mention that settles it."""

    start: int
    end: int
    holder: int  # the Span.ref of the person mention
    written_against: bool  # True: next to the name; False: a bare office the passage settles


@dataclass
class Office:
    """An office as written: its word, its extent in tokens, and what it is."""

    head: tuple[int, int]
    first: int
    last: int
    key: tuple[frozenset[str], str]
    body: str
    country: str
    plural: bool
    predicative: bool
    holder: Span | None = None


def read_office(passage: PassageWords, index: int, size: int) -> Office:
    """The office whose word starts at token `index` and takes `size` tokens: the qualifiers
    and body words before it ('the First Deputy NSC'), and after it ('of China')."""
    quals: list[str] = []
    mods: list[Token] = []
    first = index
    while (token := passage.at(first - 1)) is not None and first - 1 not in passage.in_person:
        before = passage.at(first - 2)
        if sentence_end(token):
            break
        if token.low in QUALIFIERS:
            quals.append(token.low)
        elif token.low == "of" and before is not None and before.low in ("deputy", "deputies"):
            pass  # 'the First Deputy of NSC Chairman'
        elif token.low in ("the", "a", "an"):
            first -= 1
            break
        elif token.capitalised and token.text[0].isalpha():
            mods.append(token)
        else:
            break
        first -= 1
    last = passage.complement(index + size) - 1
    words = [passage.tokens[i] for i in range(index + size, last + 1)] + mods
    start, end = passage.tokens[first].start, passage.tokens[last].end
    bodies = [s.entity for s in passage.spans if s.kind == "agency" and start <= s.start < end]
    named = sorted(
        t.low
        for t in words
        if t.word[:1].isalpha() and not country_of(t.word) and t.low != "republic"
    )
    key_quals = frozenset("deputy" if q == "deputies" else q for q in quals) & KEY_QUALIFIERS
    head, head_end = passage.tokens[index], passage.tokens[index + size - 1]
    return Office(
        head=(head.start, head_end.start + len(head_end.word)),
        first=first,
        last=last,
        key=(key_quals, normal_office([t.word for t in passage.tokens[index : index + size]])),
        body=bodies[0] if bodies else " ".join(named),
        country=next((c for t in words if (c := country_of(t.word))), ""),
        plural="deputies" in quals,
        predicative=passage.predicative(first, last),
    )


def holder_after(passage: PassageWords, index: int) -> Span | None:
    """The person an office is written before, through ranks, titles and 'Mr.'."""
    for _ in range(12):
        token, before = passage.at(index), passage.at(index - 1)
        if token is None or (before is not None and sentence_end(before)):
            return None
        if index in passage.person_start:
            span = passage.person_start[index]
            if not passage.possessive(span):
                return span
            # 'Nazarbayev’s nephew Samat Abish' describes the next name; else it is the holder
            after = index
            while after in passage.in_person:
                after += 1
            for _ in range(2):
                if (word := passage.at(after)) is not None and word.text.islower():
                    after += 1
            if after not in passage.person_start:
                return span
            index = after
            continue
        if token.low in ADDRESS_FORMS or token.text in ("(", "–", "—"):
            index += 1
            continue
        if token.text == "," and passage.skip_title(index + 1) is not None:
            index += 1
            continue
        skipped = passage.skip_title(index)
        if skipped is None:
            return None
        index = skipped
    return None


def holder_before(passage: PassageWords, office: Office) -> Span | None:
    """The person an office stands in apposition to: 'Massimov, the NSC Chairman,'."""
    comma, after = passage.at(office.first - 1), passage.at(office.last + 1)
    if comma is None or comma.text != "," or office.first - 2 not in passage.person_last:
        return None
    span = passage.person_last[office.first - 2]
    if passage.possessive(span):
        return None
    closed = sentence_end(passage.tokens[office.last])
    if closed or after is None or after.text in APPOSITION_END or after.low == "and":
        return span
    return None


def _compatible(one: Office, other: Office) -> bool:
    return (
        one.key == other.key
        and (not one.body or not other.body or one.body == other.body)
        and (not one.country or not other.country or one.country == other.country)
    )


def offices_in(text: str, spans: Sequence[Span]) -> list[Office]:
    """Every office written in a passage (outside other mentions), with the holder it is
    written against, if any."""
    passage = PassageWords(text, spans)
    found: list[Office] = []
    index = 0
    while index < len(passage.tokens):
        size = office_at(passage.tokens, index)
        if not size:
            index += 1
            continue
        office = read_office(passage, index, size)
        index += size
        if passage.inside_mention(*office.head) or office.plural:
            continue
        if not office.predicative:
            office.holder = holder_after(passage, office.last + 1) or holder_before(passage, office)
        found.append(office)
    return found


def office_links(text: str, spans: Sequence[Span]) -> list[OfficeLink]:
    """The offices of a passage that stand for a person the passage names, in reading order."""
    offices = offices_in(text, spans)
    held = [o for o in offices if o.holder is not None and o.holder.entity]
    links: list[OfficeLink] = []
    for office in offices:
        if office.predicative:
            continue
        if office.holder is not None:
            links.append(OfficeLink(*office.head, office.holder.ref, True))
            continue
        holders = {o.holder.entity: o.holder for o in held if o.holder and _compatible(o, office)}
        if len(holders) == 1:
            (holder,) = holders.values()
            links.append(OfficeLink(*office.head, holder.ref, False))
    return links


def title_used_as_predicate(text: str, start: int, spans: Sequence[Span]) -> bool:
    """Whether a title written at `start` is used as a predicate ('the status of the First
    President', 'as the Leader of the Nation'): an article and qualifiers before it skipped."""
    passage = PassageWords(text, spans)
    first = next((i for i, t in enumerate(passage.tokens) if t.start >= start), None)
    if first is None:
        return False
    while (token := passage.at(first - 1)) is not None and (
        token.low in QUALIFIERS or token.low in ("the", "a", "an")
    ):
        first -= 1
    return passage.predicate_before(first)
