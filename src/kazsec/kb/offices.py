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
from dataclasses import dataclass, field
from typing import NamedTuple

from kazsec.kb.phrases import APPOSITION_END, PassageWords, Span
from kazsec.kb.titles import (
    ADDRESS_FORMS,
    KEY_QUALIFIERS,
    QUALIFIERS,
    country_of,
    normal_office,
    office_at,
    office_starts,
    office_words,
    sentence_end,
)
from kazsec.kb.tokens import OutsideWindow, Token, Tokens


class OfficeLink(NamedTuple):
    """An office word that stands for a person: its span, and the person mention that settles it."""

    start: int
    end: int
    holder: int  # the Span.ref of the person mention
    written_against: bool  # True: next to the name; False: a bare office the passage settles


Words = Sequence[tuple[int, int]]  # where office words are written (see office_words)
Key = tuple[frozenset[str], str]  # an office's qualifiers that matter, and its normal name


@dataclass(slots=True)
class Office:
    """An office as written: its word, its extent in tokens, and what it is. What it is (key,
    then body and country) is read from its words when first asked for: only offices given to
    someone are compared with the others, and body and country only where the keys agree."""

    passage: PassageWords = field(repr=False, compare=False)
    index: int  # the office word's first token
    size: int  # its tokens
    head: tuple[int, int]
    first: int
    last: int
    quals: list[str]  # qualifiers before it, lowercase
    mods: list[Token]  # capitalised words before it ('NSC')
    predicative: bool
    holder: Span | None = None
    _key: Key | None = field(default=None, repr=False, compare=False)
    _where: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def plural(self) -> bool:
        return "deputies" in self.quals

    @property
    def key(self) -> Key:
        """The office's qualifiers that change which office it is, and its normal name."""
        if self._key is None:
            tokens = self.passage.tokens
            quals = frozenset("deputy" if q == "deputies" else q for q in self.quals)
            words = [tokens[i].word for i in range(self.index, self.index + self.size)]
            self._key = (quals & KEY_QUALIFIERS, normal_office(words))
        return self._key

    @property
    def body(self) -> str:
        return self._body_and_country()[0]

    @property
    def country(self) -> str:
        return self._body_and_country()[1]

    def _body_and_country(self) -> tuple[str, str]:
        if self._where is None:
            self._where = _body_and_country(self)
        return self._where


def _body_and_country(office: Office) -> tuple[str, str]:
    passage, tokens = office.passage, office.passage.tokens
    after = office.index + office.size
    words = [tokens[i] for i in range(after, office.last + 1)] + office.mods
    start, end = tokens[office.first].start, tokens[office.last].end
    bodies = [s.entity for s in passage.spans if s.kind == "agency" and start <= s.start < end]
    named = sorted(
        t.low
        for t in words
        if t.word[:1].isalpha() and not country_of(t.word) and t.low != "republic"
    )
    return (
        bodies[0] if bodies else " ".join(named),
        next((c for t in words if (c := country_of(t.word))), ""),
    )


def read_office(passage: PassageWords, index: int, size: int) -> Office:
    """The office whose word starts at token `index` and takes `size` tokens: the qualifiers
    and body words before it ('the First Deputy NSC'), and after it ('of China')."""
    quals: list[str] = []
    mods: list[Token] = []
    first = index
    at, in_person = passage.at, passage.in_person
    while (token := at(first - 1)) is not None and first - 1 not in in_person:
        if sentence_end(token):
            break
        if token.low in QUALIFIERS:
            quals.append(token.low)
        elif (
            token.low == "of"
            and (before := at(first - 2)) is not None
            and before.low
            in (
                "deputy",
                "deputies",
            )
        ):
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
    head, head_end = passage.tokens[index], passage.tokens[index + size - 1]
    return Office(
        passage,
        index,
        size,
        head=(head.start, head_end.start + len(head_end.word)),
        first=first,
        last=last,
        quals=quals,
        mods=mods,
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


def offices_in(
    text: str, spans: Sequence[Span], tokens: Tokens | None = None, words: Words | None = None
) -> list[Office]:
    """Every office written in a passage (outside other mentions), with the holder it is
    written against, if any. `tokens`, `words`: the text's tokens and office words, if the
    caller has them already."""
    words = office_words(text) if words is None else words
    if not words:
        return []
    passage = PassageWords(text, spans, tokens)
    if not passage.tokens.holds(words[0][0], words[-1][1]):
        raise OutsideWindow("an office word outside the tokens read")
    found: list[Office] = []
    index = 0  # the first token after the last office read
    for start in office_starts(passage.tokens, words):
        size = office_at(passage.tokens, start) if start >= index else 0
        if not size:
            continue
        office = read_office(passage, start, size)
        index = start + size
        if passage.inside_mention(*office.head) or office.plural:
            continue
        if not office.predicative:
            office.holder = holder_after(passage, office.last + 1) or holder_before(passage, office)
        found.append(office)
    return found


def office_links(
    text: str, spans: Sequence[Span], tokens: Tokens | None = None, words: Words | None = None
) -> list[OfficeLink]:
    """The offices of a passage that stand for a person the passage names, in reading order."""
    if not any(span.kind == "person" for span in spans):
        return []  # nobody to hold an office
    offices = offices_in(text, spans, tokens, words)
    held = [o for o in offices if o.holder is not None and o.holder.entity]
    links: list[OfficeLink] = []
    for office in offices:
        if office.predicative:
            continue
        if office.holder is not None:
            links.append(OfficeLink(*office.head, office.holder.ref, True))
            continue
        if not held:
            continue
        holders = {o.holder.entity: o.holder for o in held if o.holder and _compatible(o, office)}
        if len(holders) == 1:
            (holder,) = holders.values()
            links.append(OfficeLink(*office.head, holder.ref, False))
    return links


def title_used_as_predicate(
    text: str, start: int, spans: Sequence[Span], tokens: Tokens | None = None
) -> bool:
    """Whether a title written at `start` is used as a predicate ('the status of the First
    President', 'as the Leader of the Nation'): an article and qualifiers before it skipped."""
    passage = PassageWords(text, spans, tokens)
    first = passage.tokens.first_from(start)
    if first is None:
        return False
    while (token := passage.at(first - 1)) is not None and (
        token.low in QUALIFIERS or token.low in ("the", "a", "an")
    ):
        first -= 1
    return passage.predicate_before(first)
