"""A person's name as other languages write it in running text: case forms and spellings.

Russian, Ukrainian and Kazakh documents decline names ('Ермека Сагимбаева', 'Сағымбаевтың'),
Polish and Czech ones decline their own spellings ('Sagimbajewa'), and Russian writing puts
initials after the surname ('Сагимбаев Е.'). The linker matches written forms, so each
person's Cyrillic names give these forms beforehand, made by the same tables the search
reads queries with (names/declension.py, names/romanize.py). They are derived forms: a
form two people share ('Назарбаева', a genitive and a woman's name) names both, and is
counted as ambiguous, like any shared surname.
"""

from __future__ import annotations

from collections.abc import Iterable

from kazsec.names.declension import is_cyrillic
from kazsec.names.kazakh_letters import KAZAKH_EXTRA_LETTERS

# Case forms a man's name does not take in a text about him: the feminine and the plural
# ('Сагимбаевой', 'Сагимбаевых' are his wife and his family).
_NOT_HIS = ("feminine", "plural", "vocative")


Case = tuple[str, str]  # (language group, grammatical case)
_CASES: tuple[str, ...] = ("nominative", "genitive", "dative", "accusative", "instrumental")
_CASES += ("locative", "prepositional", "ablative")


def _group(label: str) -> str:
    """Which languages' forms agree with each other: Russian and Ukrainian (their tables
    label a Ukrainian form by the Russian one it equals), Kazakh, and Polish/Czech/Slovak."""
    if label.startswith(("Russian", "Ukrainian")):
        return "east"
    return "kazakh" if label.startswith("Kazakh") else "west"


def _forms(word: str, groups: tuple[str, ...] = ("east", "kazakh", "west")) -> dict[Case, set[str]]:
    """(language group, case) -> the forms of one name word in that case ('east',
    'genitive': {'Ермека'}): a given name and a surname agree in both."""
    from kazsec.names.declension import name_forms

    found: dict[Case, set[str]] = {}
    for form, label in name_forms(word, dictionary=False):
        group = _group(label)
        if group not in groups or any(mark in label for mark in _NOT_HIS):
            continue
        for case in _CASES:
            if case in label:
                found.setdefault((group, case), set()).add(form)
    return found


# Russian letters Ukrainian writes otherwise in the same name ('Сагимбаев' -> 'Сагімбаєв');
# the endings are the morphology's own rule (names.east_slavic.ukrainian_spelling).
_UKRAINIAN_LETTERS = str.maketrans({"и": "і", "ы": "и", "э": "е", "ъ": "'"})


def ukrainian_spelling(name: str) -> str:
    """A Russian-spelled name as Ukrainian writes it ('Ермек Сагимбаев' -> 'Єрмек Сагімбаєв')."""
    from kazsec.names.east_slavic import ukrainian_spelling as ukrainian_ending

    words = [ukrainian_ending(word).translate(_UKRAINIAN_LETTERS) for word in name.split()]
    return " ".join("Є" + word[1:] if word[:1] == "Е" else word for word in words)


def declined_forms(full_names: Iterable[str]) -> set[str]:
    """Case forms and European spellings of a person's Cyrillic full names ('Ермек
    Сагимбаев'): the surname in every case, the name as written, the surname with the
    initial after it or before it."""
    from kazsec.names.romanize import spellings

    found: set[str] = set()
    cyrillic = [full for full in full_names if is_cyrillic(full) and len(full.split()) >= 2]
    russian = [full for full in cyrillic if not any(char in KAZAKH_EXTRA_LETTERS for char in full)]
    # The Ukrainian spelling takes only Russian/Ukrainian endings; Kazakh and Polish texts
    # decline the name as they spell it, from the Kazakh or Russian form.
    spelled_as: list[tuple[str, tuple[str, ...]]] = [
        (full, ("east", "kazakh", "west")) for full in cyrillic
    ]
    spelled_as += [(ukrainian_spelling(full), ("east",)) for full in russian]
    for full, groups in spelled_as:
        words = full.split()
        given, surname = words[0], words[-1]
        if "-" in surname:
            continue
        # The surname in every case names him (a given name before it is matched or not
        # like any other word): whole names in every case would be thousands of forms, and
        # what a build pays to compile them, for no mention the surname does not find.
        found |= {form for forms in _forms(surname, groups).values() for form in forms}
        found |= {f"{surname} {given[0]}.", f"{given[0]}. {surname}", full}
        for spelled, system in spellings(surname) if groups != ("east",) else ():
            if not (spelled.isascii() or not is_cyrillic(spelled)) or not spelled[:1].isupper():
                continue
            found.add(spelled)
            if system.startswith(("Polish", "Czech")):  # the languages that decline it
                found |= {
                    form
                    for forms in _forms(spelled, ("west",)).values()
                    for form in forms
                    if not is_cyrillic(form)
                }
    return {form for form in found if len(form) > 3 and _one_script(form)}


def _one_script(form: str) -> bool:
    """Whether every word of a form is in one script ('Sagimbaєva' is no spelling)."""
    return all(
        not (is_cyrillic(word) and any(char.isascii() and char.isalpha() for char in word))
        for word in form.split()
    )


__all__ = ["declined_forms"]
