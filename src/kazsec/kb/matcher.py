"""Where the written forms of people and bodies stand in a passage: compiled once, run often.

The rule (see `mentions`): a form is matched as written, whole words, the longest form at a
place first, a plural family 's’' allowed after it; a word glued to the one before by a lost
space ('oursKazakhstan 2.0') still starts a form. Written as one regular expression, that is

    (?:(?<!\\w)|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ]))(?P<form>LONGEST|...|SHORTEST)(?:s(?=[’']))?(?!\\w)

with every form in the alternation, longest first. Tried at every place of every passage,
that alternation is slow (the engine tries each of some 500 forms in turn), so the same
rule is compiled differently here, to the same matches:

- the forms become a trie ('Nazarbayev' and 'Nazarbayeva' share 'Nazarbayev', ending there
  is tried after going on), so the engine follows one branch per letter;
- the start condition moves behind the first letter, as lookbehinds over two characters,
  so the pattern opens with a set of first letters, which the engine scans for in C;
- forms opening with a lowercase letter ('the government', 'parliament') have a pattern of
  their own: their first letters are the commonest of all, so that pattern runs only on a
  passage that holds one of them; so do forms opening with a Cyrillic capital, run only on
  a passage with a Cyrillic letter; the patterns' matches are merged in reading order (a
  form's first letter says which pattern can match at a place, never two).

A form found inside a longer one ('NSC' in 'NSC Department of Jambyl Region') depends on the
longer form's words alone, so it is worked out once per form and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kazsec.kb.forms import Forms
from kazsec.kb.trie import trie_alternation

_ENDS_WORD = r"(?:s(?=[’']))?(?!\w)"
Span = tuple[int, int, str]  # start, end, the form
# Up to this many lowercase-initial forms, a passage is searched for each (a scan in C each)
# before their pattern is run; past it, their pattern is simply run on every passage.
_FEW = 32


_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _cyrillic(form: str) -> bool:
    """Whether a form opens with a Cyrillic letter (a place can then start no other form)."""
    return "\u0400" <= form[:1] <= "\u04ff"


def _compile(forms: list[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    return re.compile(rf"(?P<form>{trie_alternation(forms)}){_ENDS_WORD}")


def _own_kind(inner: str, outer_names: Iterable[str]) -> bool:
    """A shorter name of the same kind of body opening the outer body's own name ('Special
    Operations Forces' in 'Command of Special Operations Forces of Kazakhstan Army', 'NSC
    Department' in 'NSC Department of Aktyubinsk Region'): not another body. An abbreviation
    opening a unit's name is its organisation ('NSC' in 'NSC Department of Jambyl Region')."""
    letters = inner.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) >= 2:
        return False
    return any(name.startswith(inner + " ") for name in outer_names)


class FormMatcher:
    """The forms of a knowledge base, compiled to find them in passages."""

    def __init__(self, forms: Forms) -> None:
        self.forms = forms
        names = sorted(forms.owners)
        self._lower_forms = tuple(f for f in names if f[:1].islower())
        self._lower = _compile(list(self._lower_forms))
        self._other = _compile([f for f in names if not f[:1].islower() and not _cyrillic(f)])
        # Forms opening with a Cyrillic capital (thousands: every case form of every
        # person's Russian and Kazakh names) are compiled when a passage first holds a
        # Cyrillic letter: an English archive never pays the ~0.4 s that costs a build.
        self._cyrillic_forms = [f for f in names if not f[:1].islower() and _cyrillic(f)]
        self._cyrillic: re.Pattern[str] | None = None
        self._inside: dict[str, list[Span]] = {}

    def _cyrillic_pattern(self) -> re.Pattern[str] | None:
        if self._cyrillic is None and self._cyrillic_forms:
            self._cyrillic = _compile(self._cyrillic_forms)
        return self._cyrillic

    def _match(self, text: str, start: int, limit: int) -> re.Match[str] | None:
        """The longest form at `start` ending by `limit` (the pattern's `match`)."""
        first = text[start : start + 1]
        if first.islower():
            pattern = self._lower
        elif _cyrillic(first):
            pattern = self._cyrillic_pattern()
        else:
            pattern = self._other
        return pattern.match(text, start, limit) if pattern is not None else None

    def outer(self, text: str) -> list[re.Match[str]]:
        """The longest form at each place, left to right, never overlapping: what `finditer`
        of the one alternation gives."""
        patterns = [self._other] if self._other is not None else []
        if self._cyrillic_forms and _ANY_CYRILLIC.search(text):
            cyrillic = self._cyrillic_pattern()
            if cyrillic is not None:
                patterns.append(cyrillic)
        if self._lower is not None and (
            len(self._lower_forms) > _FEW or any(map(text.__contains__, self._lower_forms))
        ):
            patterns.append(self._lower)
        if len(patterns) <= 1:
            return list(patterns[0].finditer(text)) if patterns else []
        # Both: each pattern's next match from where the last one ended (finditer's way on);
        # the earlier of the two is the alternation's, as no place can start both.
        found: list[re.Match[str]] = []
        following = [pattern.search(text) for pattern in patterns]
        while matches := [m for m in following if m is not None]:
            first = min(matches, key=lambda m: m.start())
            found.append(first)
            following = [
                m if m is None or m.start() >= first.end() else pattern.search(text, first.end())
                for pattern, m in zip(patterns, following, strict=True)
            ]
        return found

    def find(self, text: str) -> list[Span]:
        """Forms in a passage: the longest at each place, and other entities' forms inside it."""
        found: list[Span] = []
        for outer in self.outer(text):
            start, end = outer.span(1)  # the form, without a plural 's'
            form = text[start:end]
            found.append((start, end, form))
            inside = self._inside.get(form)
            if inside is None:
                inside = self._inside[form] = self._forms_inside(form)
            if inside:
                found.extend((start + s, start + e, inner) for s, e, inner in inside)
        return found

    def _forms_inside(self, form: str) -> list[Span]:
        """Other entities' forms within a form, at most one per word start, the longest.

        They depend on the form's own characters alone: at its first character the start
        condition holds (the form itself was found there), later ones look back only at the
        form, and no inner form reaches past its end."""
        owners = self.forms.owners[form].candidates()
        outer_names = [form, *(self.forms.entities[k].name for k in owners)]
        found: list[Span] = []
        for position in range(len(form)):
            if position > 0 and (form[position - 1].isalnum() or not form[position].isalnum()):
                continue
            for inner in self._forms_at(form, position):
                start, end = inner.span("form")
                inner_form = inner.group("form")
                if (start, end) == (0, len(form)):
                    continue
                if self.forms.owners[inner_form].candidates() & owners:
                    continue
                if _own_kind(inner_form, outer_names):
                    continue
                found.append((start, end, inner_form))
                break
        return found

    def _forms_at(self, text: str, start: int) -> list[re.Match[str]]:
        """Every form starting at `start` and ending by the end of `text`, longest first."""
        found = []
        limit = len(text)
        while (match := self._match(text, start, limit)) is not None:
            found.append(match)
            limit = match.end("form") - 1
            while limit > start and text[limit - 1].isalnum() and text[limit].isalnum():
                limit -= 1
            if limit <= start:
                break
        return found
