"""What new-name detection asks of a word: is it a name, a place, an ordinary word, in which
case, and which key groups its case forms and spellings.

Keys are fold keys (`names.fold`) of nominatives: 'Петрову', 'Петрова', 'Petrov' and
'Петров' all have the key 'petrov'; 'Ивана' and 'Ivan' the key 'ivan'. A case form is read
back to its nominative with `names.declension.query_bases`, kept only where the route is
plausible for a name (see `word_key`); a woman's surname is keyed as her family's
('Петрова' is the genitive of 'Петров' as often as a woman's name, and no rule tells them
apart). Russian and Ukrainian words are looked up in pymorphy3's dictionaries, loaded on
first use (by `names.declension`, which keeps one analyzer per language); Kazakh words are
not (there is no Kazakh dictionary), and Latin words only by their endings.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from kazsec.kb.candidate_lexicon import (
    CYRILLIC,
    KAZAKH_LETTERS,
    OPENERS,
    PATRONYMIC,
    STOP_STEMS,
    STOP_WORDS,
    SURNAME_END,
)
from kazsec.names import declension
from kazsec.names.east_slavic import SURNAME, kind_of, masculine_of, table_bases
from kazsec.names.fold import fold_key
from kazsec.names.kazakh_suffixes import kazakh_stems

_MASCULINE_SURNAME = ("surname", "adjective")
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
_CLOSED_CLASSES = frozenset({"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "PRED", "INTJ", "VERB"})


class Morph(NamedTuple):
    """What the Russian or Ukrainian dictionary says of a word (all False where it has none)."""

    name: bool  # a given name, surname or patronymic
    place: bool  # a geographic name, and no name
    ordinary: bool  # a known word that is no name (an adverb, a common noun...)
    genitive: bool  # may be in the genitive (a noun, adjective or participle)
    dative: bool  # may be in the dative
    lemma: str  # its dictionary form, lowercase ('' for an unknown word)


_NONE = Morph(False, False, False, False, False, "")


def _analyzer(low: str) -> Any:
    """The dictionary that knows the word: Russian, else Ukrainian ('безпеки'), else none."""
    # One analyzer per language for the whole process, shared with names.declension.
    for lang in ("uk", "ru") if any(c in "іїєґ" for c in low) else ("ru", "uk"):
        analyzer = declension._analyzer(lang)
        if analyzer.word_is_known(low):
            return analyzer
    return None


@lru_cache(maxsize=65536)
def morph(word: str) -> Morph:
    """The dictionary's reading of a Cyrillic word; nothing for a word no dictionary has
    (a guess from its ending is no evidence, and costs ~1 ms), a Latin or a Kazakh word."""
    if not CYRILLIC.search(word) or KAZAKH_LETTERS.intersection(word):
        return _NONE
    low = word.lower()
    analyzer = _analyzer(low)
    if analyzer is None:
        return _NONE
    parses = [p for p in analyzer.parse(low) if p.score >= 0.01] or analyzer.parse(low)[:1]
    best = parses[0]
    # Grammemes as sets: the Ukrainian tag set lacks some Russian ones ('Geox').
    name = any(not _NAME_GRAMMEMES.isdisjoint(p.tag.grammemes) for p in parses)
    nominal = [p for p in parses if p.tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR")]
    genitive = best.tag.POS not in _CLOSED_CLASSES and any(p.tag.case == "gent" for p in nominal)
    dative = best.tag.POS not in _CLOSED_CLASSES and any(p.tag.case == "datv" for p in nominal)
    place = "Geox" in best.tag.grammemes and not name
    ordinary = not name and not place and "Orgn" not in best.tag.grammemes
    return Morph(name, place, ordinary, genitive, dative, best.normal_form)


@lru_cache(maxsize=65536)
def surname_shaped(word: str) -> bool:
    """Ends as family names end ('Петров', 'Сидоренко', 'Petrova', 'Кемелұлы')."""
    return bool(SURNAME_END.search(word))


def patronymic(word: str) -> bool:
    """A patronymic ('Сергеевич', 'Сергеевича', 'Кемелұлы')."""
    return bool(PATRONYMIC.search(word))


def _stop_stem(entry: str) -> str:
    key = fold_key(entry).replace(" ", "")
    stem = key.rstrip("aeiou")
    return stem if len(stem) >= 4 else key


_STOP_STEMS = frozenset(map(_stop_stem, STOP_STEMS))
_STOP_EXACT = frozenset(fold_key(entry).replace(" ", "") for entry in STOP_STEMS)


@lru_cache(maxsize=65536)
def is_stop(word: str) -> bool:
    """A month, weekday, country or city (in any case form), or a word no name is."""
    low = word.lower()
    if low in STOP_WORDS or low in OPENERS:
        return True
    key = fold_key(word).replace(" ", "")
    if key in _STOP_EXACT:
        return True
    if surname_shaped(word):
        return False  # 'Уралов' is a name, though 'Урал' is a place
    # A stem, then a case ending of up to four letters: 'Астане', 'Қазақстанда', 'Ukrainian'.
    if any(key[:n] in _STOP_STEMS for n in range(max(4, len(key) - 4), len(key))):
        return True
    return morph(word).place


@lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """A word that opens a sentence without being a name ('Вчера', 'However')."""
    return word.lower() in OPENERS or morph(word).ordinary


def _masculine(base: str) -> str | None:
    """A nominative surname as the family's (masculine) form, or None for no surname."""
    masculine = base if kind_of(base) in _MASCULINE_SURNAME else masculine_of(base)
    return masculine if masculine and kind_of(masculine) in _MASCULINE_SURNAME else None


def _plausible(word: str, base: str, route: str) -> bool:
    """A dictionary's route back to a nominative fit for a name: a case form (not another
    nominative), no longer than the word, and starting as it does."""
    if len(base) > len(word) or not fold_key(word).startswith(fold_key(base)[:2]):
        return False
    return "(dictionary)" in route and route.split()[1] != "nominative"


def _nominative(word: str) -> str:
    if _masculine(word):
        return _masculine(word) or word
    if not CYRILLIC.search(word):
        # Latin: Polish and Czech endings ('Petrova', 'Sagimbajewa'); no dictionary is asked.
        for base, _ in declension.query_bases(word):
            if (masculine := _masculine(base)) and not CYRILLIC.search(masculine):
                return masculine
        return word
    # Russian and Ukrainian surnames by the paradigm tables (both genders, all cases).
    for base, _ in table_bases(word, SURNAME):
        if masculine := _masculine(base):
            return masculine
    # Kazakh endings with a Kazakh letter in them ('Тоқаевтың', 'Нұрланның'): -тан, -да
    # and the like are Russian words' endings too ('Султан' is no ablative of 'Сул').
    for stem, _ in kazakh_stems(word):
        if KAZAKH_LETTERS.intersection(word[len(stem) :]):
            return _masculine(stem) or stem
    # Given names the dictionary knows ('Ивана' -> 'Иван', 'Анну' -> 'Анна').
    if morph(word).name:
        for base, route in declension.query_bases(word):
            if _plausible(word, base, route):
                return base
    return word


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one name word: the fold key of its nominative, a surname's masculine
    ('Петровой', 'Петрову', 'Petrova' -> 'petrov'; 'Ивана' -> 'ivan')."""
    if len(word) > 2 and word[1:].islower():
        word = _nominative(word)
    return fold_key(word).replace(" ", "-")


def person_key(words: list[str]) -> str:
    """A person's key: the keys of the name words, in alphabetical order, so 'Петров Иван'
    is 'Иван Петров'; a patronymic is left out of three words or more."""
    if len(words) >= 3:
        words = [w for w in words if not patronymic(w)] or words
    return " ".join(sorted(word_key(w) for w in words))
