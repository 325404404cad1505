"""Polish, Czech and Slovak case forms of names, and the spellings those languages use.

Polish and Czech texts spell a Kazakh name after its Russian form by their own rules
('Ермекбаев' is Polish 'Jermekbajew', Czech 'Jermekbajev') and decline it like a native
noun: Jermekbajewa, Jermekbajewowi, Jermekbajewem; Masimovovi, Masimovem; a woman is
Nazarbajewa / Nazarbajewej (Polish) or Nazarbajevová / Nazarbajevové (Czech). Those
spellings fold to other keys than 'Yermekbayev' (j before a vowel is zh to the folder), so
every Latin base found is also given back in Cyrillic, which folds like the known names.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = "aeiouyáéíóúůýěąęó"
_RU_VOWELS = "аеёиоуыэюяәөұүі"

# (case ending, what replaces it in the nominative, route label). Longest endings first
# is not needed: every rule is tried, and the caller keeps what matches a known name.
_RULES: tuple[tuple[str, str, str], ...] = (
    ("owi", "", "Polish dative"),
    ("iem", "", "Polish instrumental"),
    ("em", "", "Polish or Czech instrumental"),
    ("a", "", "Polish or Czech genitive/accusative"),
    ("u", "", "Polish locative or Czech vocative"),
    ("ie", "", "Polish locative"),
    ("cie", "t", "Polish locative"),
    ("dzie", "d", "Polish locative"),
    ("rze", "r", "Polish locative"),
    ("le", "ł", "Polish locative"),
    ("ej", "a", "Polish genitive/dative/locative (feminine)"),
    ("ą", "a", "Polish accusative/instrumental (feminine)"),
    ("ę", "a", "Polish accusative (feminine)"),
    ("y", "a", "Polish or Czech genitive (feminine)"),
    ("i", "a", "Polish genitive (feminine)"),
    ("dze", "ga", "Polish dative/locative (feminine)"),
    ("ce", "ka", "Polish or Czech dative/locative (feminine)"),
    ("ie", "a", "Polish dative/locative (feminine)"),
    ("ovi", "", "Czech dative/locative"),
    ("e", "", "Czech vocative"),
    ("om", "", "Slovak instrumental"),
    ("ová", "", "Czech/Slovak feminine"),
    ("ové", "ová", "Czech genitive/dative/locative (feminine)"),
    ("ové", "", "Czech genitive/dative/locative (feminine)"),
    ("ovou", "ová", "Czech accusative/instrumental (feminine)"),
    ("ovou", "", "Czech accusative/instrumental (feminine)"),
    ("ovej", "ová", "Slovak genitive/dative/locative (feminine)"),
    ("ovú", "ová", "Slovak accusative (feminine)"),
    ("ovej", "", "Slovak genitive/dative/locative (feminine)"),
    ("ovú", "", "Slovak accusative (feminine)"),
    # A Czech or Slovak woman's -ová is a Russian -ova: Nazarbajevová is Назарбаева.
    ("ová", "a", "Czech/Slovak feminine"),
    ("ové", "a", "Czech genitive/dative/locative (feminine)"),
    ("ovou", "a", "Czech accusative/instrumental (feminine)"),
    ("ovej", "a", "Slovak genitive/dative/locative (feminine)"),
    ("ovú", "a", "Slovak accusative (feminine)"),
    ("ze", "ga", "Czech dative/locative (feminine)"),
    ("ě", "a", "Czech dative/locative (feminine)"),
    ("e", "a", "Czech dative/locative (feminine)"),
    ("u", "a", "Czech accusative (feminine)"),
    ("ou", "a", "Czech instrumental (feminine)"),
    ("iego", "i", "Polish genitive/accusative"),
    ("iemu", "i", "Polish dative"),
    ("im", "i", "Polish instrumental/locative"),
    ("iej", "a", "Polish genitive/dative/locative (feminine)"),
    ("ého", "ý", "Czech genitive/accusative"),
    ("ému", "ý", "Czech dative"),
    ("ým", "ý", "Czech instrumental"),
    ("ém", "ý", "Czech locative"),
    ("é", "á", "Czech genitive/dative/locative (feminine)"),
    ("ego", "y", "Polish genitive/accusative"),
    ("ym", "y", "Polish instrumental/locative"),
    ("'s", "", "English possessive"),
    ("’s", "", "English possessive"),
)


def west_slavic_bases(word: str) -> list[tuple[str, str]]:
    """Nominatives a Latin word may be a Polish, Czech or Slovak case form of."""
    lower = word.lower()
    out: dict[str, str] = {}
    for ending, nominative, label in _RULES:
        if not lower.endswith(ending):
            continue
        base = word[: len(word) - len(ending)] + nominative
        letters = [c for c in base if c.isalpha()]
        if len(letters) < 3 or not any(c.lower() in _VOWELS for c in letters):
            continue
        out.setdefault(base, label)
    return list(out.items())


# Polish and Czech letters to Cyrillic in one table: the two rarely disagree on a name. A
# Polish rz stays р+з: a transliterated name writes ж as ż, so its rz is Марзабеков's.
_PAIRS = (
    "szcz:щ sz:ш cz:ч ch:х dż:дж ż:ж ź:з ś:с ć:ч ń:н ł:л w:в c:ц y:ы ó:у ą:он ę:ен x:кс "
    "q:к v:в šč:щ š:ш č:ч ž:ж ř:рж ý:ы ě:е á:а é:е í:и ú:у ů:у ň:н ť:т ď:д ja:я je:е "
    "jo:ё ju:ю j:й a:а b:б d:д e:е f:ф g:г h:х i:и k:к l:л m:м n:н o:о p:п r:р s:с t:т "
    "u:у z:з"
)
_TO_CYRILLIC = dict(pair.split(":") for pair in _PAIRS.split())
_TO_CYRILLIC_PATTERN = re.compile("|".join(sorted(_TO_CYRILLIC, key=len, reverse=True)))
# Polish writes я, ю after a consonant as ia, iu. Its io may be ё or и+о (Хіов, Chiow): ио
# is kept, since ё folds to e and would lose the o.
_SOFT_VOWEL = re.compile(r"(?<=[bcdfghklmnprstvwzłżśźń])i([aeu])")
_SOFT_O = re.compile(r"(?<=[bcdfghklmnprstvwzłżśźń])io")


def _match_case(new: str, model: str) -> str:
    if model[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in new.split("-"))
    return new


@lru_cache(maxsize=16384)
def latin_to_cyrillic(word: str) -> tuple[str, ...]:
    """A Polish or Czech spelling in Cyrillic ('Jermekbajew' -> 'Ермекбаев'); two readings
    when a Polish io after a consonant may be ё (Siemionow) or и+о (Chiow)."""
    lower = _SOFT_VOWEL.sub(lambda m: "j" + m.group(1), word.lower())
    # Polish y before a vowel is и after ж, ш, ц (Żyow is Жиов): ы there would fold as ё;
    # so before a j and a vowel, since je is е (Żyjew is Жиев, not Жыев).
    lower = re.sub(r"y(?=j?[aeou])", "i", lower)
    readings = [lower]
    if _SOFT_O.search(lower):
        readings.append(_SOFT_O.sub("jo", lower))
    return tuple(
        _match_case(_TO_CYRILLIC_PATTERN.sub(lambda m: _TO_CYRILLIC[m.group(0)], text), word)
        for text in readings
    )


_POLISH_LETTERS = "a b w g d z i j k ł m n o p r s t u f ch c cz sz szcz - y - e a g k n o u u h i"
_POLISH = dict(
    zip(
        "абвгдзийклмнопрстуфхцчшщъыьэәғқңөұүһі",
        _POLISH_LETTERS.split(),
        strict=True,
    )
)
_POLISH.update(ъ="", ь="")  # hard and soft signs leave no letter
_CZECH = dict(_POLISH, в="v", л="l", х="ch", ч="č", ш="š", щ="šč", ж="ž")
_POLISH["ж"] = "ż"
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}


@lru_cache(maxsize=16384)
def cyrillic_to_latin(word: str, language: str) -> str:
    """A Cyrillic name as Polish ('pl') or Czech ('cs') texts spell it."""
    table = _POLISH if language == "pl" else _CZECH
    lower = word.lower()
    out: list[str] = []
    for index, char in enumerate(lower):
        before = lower[index - 1] if index else ""
        if char in _IOTATED:
            vowel = _IOTATED[char]
            if not before or before in _RU_VOWELS or before in "ьъ-":
                out.append("j" + vowel)  # Ермекбаев -> Jermekbajew
            elif char == "е":
                out.append("e")
            else:
                out.append(("i" if language == "pl" else "j") + vowel)
        elif char == "л" and language == "pl" and lower[index + 1 : index + 2] in list("еёиьюяі"):
            out.append("l")  # ł only before hard vowels and consonants
        elif char == "и" and language == "pl" and before and before in "жшц":
            out.append("y")
        else:
            out.append(table.get(char, char))
    return _match_case("".join(out), word)


def _polish_locative(stem: str) -> str:
    for end, replaced in (("st", "ście"), ("t", "cie"), ("d", "dzie"), ("r", "rze"), ("ł", "le")):
        if stem.endswith(end):
            return stem[: -len(end)] + replaced
    if stem.endswith(("k", "g", "ch", "sz", "cz", "ż", "rz", "c", "j", "l")):
        return stem + "u"
    return stem + "ie"


def _polish_feminine_dative(stem: str) -> str:
    for end, replaced in (("g", "dze"), ("k", "ce"), ("ch", "sze"), ("t", "cie"), ("d", "dzie")):
        if stem.endswith(end):
            return stem[: -len(end)] + replaced
    if stem.endswith(("r", "ł")):
        return _polish_locative(stem)
    return stem + "ie"


def polish_forms(word: str, kind: str) -> list[tuple[str, str]]:
    """Polish forms of a Polish-spelled nominative; kind is 'surname', 'surname_f',
    'adjective', 'adjective_f', 'given' or 'given_f'."""
    if kind == "adjective":  # Dostojewski
        return [
            (word + "ego", "Polish genitive/accusative"),
            (word + "emu", "Polish dative"),
            (word + "m", "Polish instrumental/locative"),
            *polish_forms(word[:-1] + "a", "adjective_f"),
        ]
    if kind == "adjective_f":
        stem = word[:-1]
        return [
            (stem + "iej", "Polish genitive/dative/locative (feminine)"),
            (stem + "ą", "Polish accusative/instrumental (feminine)"),
        ]
    if kind == "surname_f":
        stem = word[:-1]
        return [
            (stem + "ej", "Polish genitive/dative/locative (feminine)"),
            (stem + "ą", "Polish accusative/instrumental (feminine)"),
        ]
    if kind == "given_f":
        stem = word[:-1]
        genitive = stem + ("i" if stem.endswith(("k", "g", "l", "j")) else "y")
        return [
            (genitive, "Polish genitive (feminine)"),
            (stem + "ę", "Polish accusative"),
            (_polish_feminine_dative(stem), "Polish dative/locative (feminine)"),
            (stem + "ą", "Polish instrumental (feminine)"),
        ]
    instrumental = word + ("iem" if word.endswith(("k", "g")) else "em")
    out = [
        (word + "a", "Polish genitive/accusative"),
        (word + "owi", "Polish dative"),
        (instrumental, "Polish instrumental"),
        (_polish_locative(word), "Polish locative"),
    ]
    if kind == "surname":
        feminine = word + "a"
        out.append((feminine, "Polish nominative (feminine)"))
        out.extend((form, label) for form, label in polish_forms(feminine, "surname_f"))
    return out


def _czech_feminine_dative(stem: str) -> str:
    for end, replaced in (("g", "ze"), ("h", "ze"), ("k", "ce"), ("ch", "še"), ("r", "ře")):
        if stem.endswith(end):
            return stem[: -len(end)] + replaced
    return stem + ("ě" if stem.endswith(("t", "d", "n", "m", "b", "p", "v", "f")) else "e")


def czech_forms(word: str, kind: str) -> list[tuple[str, str]]:
    """Czech (and Slovak) forms of a Czech-spelled nominative; kinds as in `polish_forms`."""
    if kind in ("adjective", "adjective_f"):  # Dostojevský / Dostojevská
        stem = word[:-1]
        if kind == "adjective_f":
            return [
                (stem + "é", "Czech genitive/dative/locative (feminine)"),
                (stem + "ou", "Czech accusative/instrumental (feminine)"),
            ]
        return [
            (stem + "ého", "Czech genitive/accusative"),
            (stem + "ému", "Czech dative"),
            (stem + "ým", "Czech instrumental"),
            (stem + "ém", "Czech locative"),
            (stem + "á", "Czech nominative (feminine)"),
            *czech_forms(stem + "á", "adjective_f"),
        ]
    if kind == "surname_f":  # a Russian -ova kept as it is, the Czech -ová added
        return czech_forms(word[:-1], "surname")[-5:]
    if kind == "given_f":
        stem = word[:-1]
        return [
            (stem + "y", "Czech genitive (feminine)"),
            (_czech_feminine_dative(stem), "Czech dative/locative (feminine)"),
            (stem + "u", "Czech accusative (feminine)"),
            (stem + "ou", "Czech instrumental (feminine)"),
        ]
    vocative = word + ("u" if word.endswith(("k", "g", "h", "ch")) else "e")
    out = [
        (word + "a", "Czech genitive/accusative"),
        (word + "ovi", "Czech dative/locative"),
        (word + "em", "Czech instrumental"),
        (vocative, "Czech vocative"),
        (word + "om", "Slovak instrumental"),
    ]
    if kind == "surname":
        out += [
            (word + "ová", "Czech/Slovak nominative (feminine)"),
            (word + "ové", "Czech genitive/dative/locative (feminine)"),
            (word + "ovou", "Czech accusative/instrumental (feminine)"),
            (word + "ovej", "Slovak genitive/dative/locative (feminine)"),
            (word + "ovú", "Slovak accusative (feminine)"),
        ]
    return out


__all__ = [
    "cyrillic_to_latin",
    "czech_forms",
    "latin_to_cyrillic",
    "polish_forms",
    "west_slavic_bases",
]
