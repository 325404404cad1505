"""Russian and Ukrainian case forms of names by paradigm tables, in both directions.

One table row says: in this language, a word ending in `nominative` has, where the stem
before it ends in one of these letters, this case form ending in `ending`. Reading a row
left to right declines a known name; right to left recovers the nominative from a typed
form. The same rows serve both, so every form made is read back.
"""

from __future__ import annotations

import re

Route = tuple[str, str]
Row = tuple[str, str, str, str, str]

_CONS = "бвгджзклмнпрстфхцчшщғқңһ"
VOWELS = "аеёиоуыэюяєіїәөұү"
_SIBILANT = "жшчщц"
_VELAR = "гкх"
# Which letter may end the stem before an ending (a stem is the word minus the ending).
_WHERE = {
    "cons": _CONS,
    "vowel": VOWELS,
    "plain": "".join(c for c in _CONS if c not in _SIBILANT),  # -ом, -ой, not -ем, -ей
    "sib": _SIBILANT,
    "hard": "".join(c for c in _CONS if c not in _SIBILANT + _VELAR),  # -ы, not -и
    "soft": _SIBILANT + _VELAR,
    "nonvelar": "".join(c for c in _CONS if c not in _VELAR),  # Ukrainian -і, not -зі
    "any": _CONS + VOWELS,
}
LANGUAGES = {"ru": "Russian", "uk": "Ukrainian"}

# Given names and patronymics: (language, nominative ending, case ending, case, stem end).
GIVEN: tuple[Row, ...] = tuple(
    (lang, nom, end, case, where)
    for lang, rows in (
        (
            "ru",
            "|а|genitive/accusative|cons  |у|dative|cons  |ом|instrumental|plain  "
            "|ем|instrumental|sib  |е|prepositional|cons  "
            "й|я|genitive/accusative|vowel  й|ю|dative|vowel  й|ем|instrumental|vowel  "
            "й|е|prepositional|vowel  ь|я|genitive/accusative|cons  ь|ю|dative|cons  "
            "ь|ем|instrumental|cons  ь|е|prepositional|cons  а|ы|genitive|hard  "
            "а|и|genitive|soft  а|е|dative/prepositional|cons  а|у|accusative|cons  "
            "а|ой|instrumental|plain  а|ою|instrumental|plain  а|ей|instrumental|sib  "
            "я|и|genitive|any  я|ю|accusative|any  я|ей|instrumental|any  "
            "я|е|dative/prepositional|cons",
        ),
        (
            "uk",
            "|а|genitive/accusative|cons  |у|dative/locative|cons  "
            "|ові|dative/locative|cons  |ом|instrumental|plain  |ем|instrumental|sib  "
            "й|я|genitive/accusative|vowel  й|ю|dative|vowel  й|єві|dative|vowel  "
            "й|єм|instrumental|vowel  ь|я|genitive/accusative|cons  ь|ю|dative|cons  "
            "ь|еві|dative|cons  ь|ем|instrumental|cons  а|и|genitive|cons  "
            "а|і|dative/locative|nonvelar  га|зі|dative/locative|any  "
            "ка|ці|dative/locative|any  ха|сі|dative/locative|any  а|у|accusative|cons  "
            "а|ою|instrumental|plain  а|ею|instrumental|sib  я|ї|genitive/dative|vowel  "
            "я|і|genitive/dative|cons  я|ю|accusative|any  я|єю|instrumental|vowel  "
            "я|ею|instrumental|cons",
        ),
    )
    for nom, end, case, where in (row.split("|") for row in rows.split("  "))
)


def _surname_rows() -> tuple[Row, ...]:
    """Surname paradigms as rows like GIVEN's; 'f' in the case marks a feminine form."""
    rows = []
    paradigms = (
        (
            "ru",
            ("ов", "ев", "ёв", "ин", "ын"),
            "",
            "а genitive/accusative|у dative|ым instrumental|е prepositional|ы plural|"
            "ых plural genitive|ыми plural instrumental|а nominative f|ой genitive/dative/"
            "instrumental/prepositional f|у accusative f|ою instrumental f",
        ),
        (
            "uk",
            ("ов", "ев", "єв", "ін", "ин"),
            "",
            "а genitive/accusative|у dative/locative|і dative/locative|им instrumental|"
            "е vocative|и plural|их plural genitive|а nominative f|ої genitive f|"
            "ій dative/locative f|у accusative f|ою instrumental f",
        ),
        (
            "ru",
            ("ск", "цк"),
            "ий",
            "ого genitive/accusative|ому dative|им instrumental|ом prepositional|ие plural|"
            "их plural genitive|ая nominative f|ой genitive/dative/instrumental/prepositional f|"
            "ую accusative f|ою instrumental f",
        ),
        (
            "uk",
            ("ськ", "цьк"),
            "ий",
            "ого genitive/accusative|ому dative|им instrumental|ім locative|а nominative f|"
            "ої genitive f|ій dative/locative f|у accusative f|ою instrumental f",
        ),
    )
    for lang, suffixes, ending, table in paradigms:
        for suffix in suffixes:
            items = [item.split(" ", 1) for item in table.split("|")]
            feminine = next(end for end, case in items if case == "nominative f")
            for end, case in items:
                # A feminine case form comes from the feminine nominative (Масимовой from
                # Масимова); the feminine nominative itself from the masculine.
                nominative = (
                    ending if case == "nominative f" or not case.endswith(" f") else feminine
                )
                rows.append((lang, suffix + nominative, suffix + end, case, "any"))
    return tuple(rows)


SURNAME = _surname_rows()
_FEMININE = re.compile(r"(?i)(?<=..)(ов|ев|ёв|єв|ин|ын|ін|ow|ew|ov|ev|in|yn)(а|a|á)$")
_FEMININE_ADJ = re.compile(r"(?i)(?<=..)(ск|цк|ськ|цьк|sk|ck)(ая|а|a|á)$")
_MASCULINE_ADJ = {"ая": "ий", "а": "ий", "a": "i", "á": "ý"}


def masculine_of(base: str) -> str | None:
    """The masculine of a feminine surname: 'Масимова' -> 'Масимов', 'Masimovová' ->
    'Masimov', 'Вишневская' -> 'Вишневский'; None for anything else."""
    if base.lower().endswith("ová") and len(base) > 6:
        return base[:-3]
    if match := _FEMININE.search(base):
        return base[: match.end(1)]
    if match := _FEMININE_ADJ.search(base):
        return base[: match.end(1)] + _MASCULINE_ADJ[match.group(2).lower()]
    return None


def _label(lang: str, case: str) -> str:
    if case.endswith(" f"):
        return f"{LANGUAGES[lang]} {case[:-2]} (feminine)"
    return f"{LANGUAGES[lang]} {case}"


def _has_vowel(text: str) -> bool:
    return any(c in VOWELS for c in text.lower())


def table_bases(word: str, rows: tuple[Row, ...]) -> list[Route]:
    """The nominatives a case form may come from, by the rows' endings."""
    return _swap_endings(word, rows, to_base=True)


def table_forms(word: str, rows: tuple[Row, ...]) -> list[Route]:
    """The case forms of a nominative, by the rows' endings."""
    return _swap_endings(word, rows, to_base=False)


def _swap_endings(word: str, rows: tuple[Row, ...], to_base: bool) -> list[Route]:
    lower = word.lower()
    out = []
    for lang, nom, end, case, where in rows:
        have, give = (end, nom) if to_base else (nom, end)
        if not lower.endswith(have):
            continue
        stem = word[: len(word) - len(have)] if have else word
        if len(stem) >= 2 and _has_vowel(stem) and stem[-1].lower() in _WHERE[where]:
            out.append((stem + give, _label(lang, case)))
    return out


RU_SURNAME = tuple(row for row in SURNAME if row[0] == "ru")
UK_SURNAME = tuple(row for row in SURNAME if row[0] == "uk")


def kind_of(word: str) -> str:
    """What paradigm a nominative name word follows, judged by its ending."""
    lower = word.lower()
    if lower.endswith(("ский", "цкий", "ський", "цький", "ski", "cki", "ský", "cký")):
        return "adjective"
    if lower.endswith(("ская", "цкая", "ська", "цька", "ska", "cka", "ská", "cká")):
        return "adjective_f"
    if lower.endswith(("ұлы", "улы", "қызы", "кызы", "uly", "kyzy", "qyzy")):
        return "kazakh"  # a Kazakh patronymic stays as it is in Russian text
    if _FEMININE.search(word):
        return "surname_f"
    if re.search(r"(?i)..(ов|ев|ёв|єв|ин|ын|ін|ow|ew|ov|ev|in|yn)$", word):
        return "surname"
    if lower[-1:] in "аяa":
        return "given_f"
    return "given" if lower[-1:] not in VOWELS + "aeiouy" else "kazakh"


_TO_UKRAINIAN = (
    (re.compile(r"(?<=[аеиоуяюєії])ев$"), "єв"),
    (re.compile(r"ин$"), "ін"),
    (re.compile(r"ын$"), "ин"),
    (re.compile(r"([сц])кий$"), r"\1ький"),
    (re.compile(r"([сц])кая$"), r"\1ька"),
)


def ukrainian_spelling(word: str) -> str:
    """A Russian-spelled surname's Ukrainian ending ('Сагимбаев' -> 'Сагимбаєв')."""
    for pattern, replacement in _TO_UKRAINIAN:
        word = pattern.sub(replacement, word)
    return word


__all__ = [
    "GIVEN",
    "LANGUAGES",
    "RU_SURNAME",
    "SURNAME",
    "UK_SURNAME",
    "VOWELS",
    "kind_of",
    "masculine_of",
    "table_bases",
    "table_forms",
    "ukrainian_spelling",
]
