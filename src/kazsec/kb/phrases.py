"""A passage read word by word around the mentions already found in it.

The pieces an office is written with: the body words after it ('of the Security Council
(SC)'), the words that make a title a predicate ('appointed to the position of', 'as',
'elected Nursultan Nazarbayev President'), and further titles written before a name
('Lieutenant-General of National Security').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from kazsec.kb.titles import QUALIFIERS, RANKS, office_at, sentence_end
from kazsec.kb.tokens import Token, Tokens, token

_PREDICATE_WORDS = frozenset(
    {"as", "appointed", "elected", "became", "become", "becomes", "named", "remain",
     "remained", "remains", "appoint", "elect"}
)  # fmt: skip
_PREDICATE_NOUNS = frozenset(
    {"position", "positions", "post", "status", "rank", "title", "office", "duties",
     "responsibilities", "authorities"}
)  # fmt: skip
_AS = frozenset({"well", "such", "so", "just"})
OFFICE_AS_NOUN = frozenset({"position", "post", "office", "seat", "candidate", "candidates"})
APPOSITION_END = frozenset({",", ";", ".", ")", "”", "–", "—", ":"})


class Span(NamedTuple):
    """A mention already found in the passage (offsets within the passage)."""

    start: int
    end: int
    ref: int  # the caller's index of the mention
    kind: str  # "person" or "agency"
    entity: str  # the entity's id ("" for an ambiguous person: it cannot give an office)


class PassageWords:
    """The tokens of one passage with the mentions already found in it."""

    def __init__(self, text: str, spans: Sequence[Span], tokens: Tokens | None = None) -> None:
        """`tokens`: the text's, if the caller has them already."""
        self.text = text
        self.tokens = tokens if tokens is not None else Tokens(text)
        self.spans = spans
        self.person_start: dict[int, Span] = {}
        self.person_last: dict[int, Span] = {}
        self.in_person: set[int] = set()
        starts, texts = self.tokens.starts, self.tokens.texts
        for span in spans:  # for a token in several, the first span counts
            if span.kind != "person":
                continue
            for index in self.tokens.overlapping(span.start, span.end):
                self.in_person.add(index)
                if starts[index] <= span.start:
                    self.person_start.setdefault(index, span)
                if starts[index] + len(texts[index]) >= span.end:
                    self.person_last.setdefault(index, span)

    def at(self, index: int) -> Token | None:
        """The token at `index`, None before the first or past the last."""
        tokens = self.tokens
        if 0 <= index < tokens.count:
            made = tokens.made[index]
            if made is None:
                made = tokens.made[index] = token(tokens.starts[index], tokens.texts[index])
            return made
        return tokens.get(index)

    def possessive(self, span: Span) -> bool:
        return self.text[span.end : span.end + 2] in ("’s", "'s")

    def inside_mention(self, start: int, end: int) -> bool:
        return any(s.start <= start and end <= s.end for s in self.spans)

    def complement(self, index: int) -> int:
        """Past the words naming the office's body: 'of the Security Council (SC)'."""
        while (token := self.at(index)) is not None:
            if token.low in ("of", "for") and not token.capitalised:
                after = index + 1
                if (the := self.at(after)) is not None and the.low == "the":
                    after += 1
                if not self._body_word(after):
                    break
                index = self._body_words(after)
            elif token.text == "(":
                close = next(
                    (i for i in range(index + 1, index + 8) if (t := self.at(i)) and t.text == ")"),
                    None,
                )
                inner = range(index + 1, close) if close is not None else range(0)
                if close is None or any(i in self.in_person for i in inner):
                    break
                index = close + 1
            else:
                break
        return index

    def _body_word(self, index: int) -> bool:
        token = self.at(index)
        return (
            token is not None
            and index not in self.in_person
            and (token.capitalised or token.text in ("“", "«"))
        )

    def _body_words(self, index: int) -> int:
        while (token := self.at(index)) is not None and index not in self.in_person:
            if token.capitalised or token.text in ("“", "”", "«", "»") or token.text[0].isdigit():
                index += 1
                if sentence_end(token):
                    break
            elif token.low in ("of", "the", "and", "for") and self._body_word(index + 1):
                index += 1
            else:
                break
        return index

    def predicate_before(self, first: int) -> bool:
        """Whether the words before token `first` make what follows a predicate."""
        before = self.at(first - 1)
        if before is None:
            return False
        if before.low in _PREDICATE_WORDS:
            # 'as well as the former NSC Chairman' is a list, not a predicate
            if before.low != "as":
                return True
            return not ((two_before := self.at(first - 2)) is not None and two_before.low in _AS)
        if before.low == "of":
            two_before = self.at(first - 2)
            if two_before is not None and two_before.low in _PREDICATE_NOUNS:
                return True
        span = self.person_last.get(first - 1)
        # 'elected Nursultan Nazarbayev President of the Republic'
        return span is not None and not self.possessive(span) and before.end == span.end

    def predicative(self, first: int, last: int) -> bool:
        after = self.at(last + 1)
        return self.predicate_before(first) or (after is not None and after.low in OFFICE_AS_NOUN)

    def skip_title(self, index: int) -> int | None:
        """Past a title written before a name ('Lieutenant-General of National Security')."""
        for _ in range(5):
            token = self.at(index)
            if token is None or index in self.in_person or sentence_end(token):
                return None
            size = office_at(self.tokens, index)
            if size or token.low in RANKS:
                return self.complement(index + max(size, 1))
            if not (token.low in QUALIFIERS or token.capitalised):
                return None
            index += 1
        return None
