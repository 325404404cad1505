"""Kazakh case endings on names, in both directions: 'Тоқаев' <-> 'Тоқаевтың'.

Kazakh declines a name by gluing a case ending to it, chosen by two rules:

- vowel harmony: the ending's vowel is back (а, ы) after a back-vowel word and front (е, і)
  after a front-vowel one. A Russian surname suffix (-ов, -ев, -ин) is borrowed and its
  vowel is often ignored by writers ('Тоқаевтың', 'Сүлейменовтің'), often not
  ('Мәсімовтың' beside 'Мәсімовтің'), so both the root's and the suffix's harmony count.
- assimilation: the ending's first consonant follows the last sound of the word (after a
  vowel -ның, after м/н/ң -ның, after л/р/й/у/ж/з -дың, after a voiceless or a final
  devoiced б/в/г/д -тың), and -ұлы/-қызы patronymics, being possessive forms, take the
  possessive endings (-ның, -на, -н, -нда, -нан).

Kazakh is also written with Russian letters only ('Токаевтын', 'Ермекбаевка') and in Latin
('Toqaevtyñ'); those spellings are read here too, with harmony left unchecked since the
letters that carry it are missing.
"""

from __future__ import annotations

from functools import lru_cache

from kazsec.names.kazakh_letters import KAZAKH_EXTRA, KAZAKH_TO_RUSSIAN

BACK = frozenset("аоұыяёю")
FRONT = frozenset("әеөүіэ")
# и is written for ый and ій, у for ұу and үу: either harmony follows.
EITHER = frozenset("иу")
VOWELS = BACK | FRONT | EITHER
KAZAKH_ONLY = frozenset(KAZAKH_EXTRA)
_NASAL = frozenset("мнң")
_SONORANT = frozenset("лрйу")
_VOICED = frozenset("жз")
_POSSESSIVE = ("ұлы", "улы", "қызы", "кызы")
# Russian-made surname suffixes whose vowel writers may skip when choosing harmony.
_BORROWED = ("ов", "ев", "ёв", "ин", "ын")

# Back-vowel endings by the class of the stem's last sound; front ones come by _TO_FRONT.
_CASES: tuple[tuple[str, dict[str, str]], ...] = (
    ("genitive", {"vowel": "ның", "nasal": "ның", "voiced": "дың", "voiceless": "тың"}),
    ("dative", {"vowel": "ға", "nasal": "ға", "voiced": "ға", "voiceless": "қа"}),
    ("accusative", {"vowel": "ны", "nasal": "ды", "voiced": "ды", "voiceless": "ты"}),
    ("locative", {"vowel": "да", "nasal": "да", "voiced": "да", "voiceless": "та"}),
    ("ablative", {"vowel": "дан", "nasal": "нан", "voiced": "дан", "voiceless": "тан"}),
    ("instrumental", {"vowel": "мен", "nasal": "мен", "voiced": "мен", "voiceless": "пен"}),
)
# ж and з take the д- endings like sonorants, except the instrumental: 'көзбен'.
_ZH_INSTRUMENTAL = "бен"
_POSSESSIVE_ENDINGS = (
    ("genitive", "ның"),
    ("dative", "на"),
    ("accusative", "н"),
    ("locative", "нда"),
    ("ablative", "нан"),
    ("instrumental", "мен"),
)
_TO_FRONT = str.maketrans("ыаұқғ", "іеүкг")

# Latin (2021 alphabet and English-keyboard spellings): ending -> case; harmony unchecked.
_LATIN_ENDINGS: dict[str, str] = {}
for _case, _forms in (
    ("genitive", "tyñ tiñ dyñ diñ nyñ niñ tyn tin dyn din nyn nin"),
    ("dative", "qa ke ğa ge ga ka na ne"),
    ("accusative", "ty ti dy di ny ni tı dı nı"),
    ("locative", "ta te da de nda nde"),
    ("ablative", "tan ten dan den nan nen"),
    ("instrumental", "men pen ben"),
):
    for _ending in _forms.split():
        _LATIN_ENDINGS[_ending] = _case
_LATIN_VOWELS = frozenset("aeiouyäöüūıéáó")


def _sound_class(stem: str) -> set[str]:
    """How the last sound of a stem shapes an ending: vowel, nasal, voiced or voiceless."""
    letters = stem.lower().rstrip("ьъ")
    if not letters:
        return set()
    last = letters[-1]
    if last in "иу":
        return {"vowel", "voiced"}  # a vowel or a glide, spellings differ
    if last in VOWELS:
        return {"vowel"}
    if last in _NASAL:
        return {"nasal"}
    if last in _SONORANT:
        return {"voiced"}
    if last in _VOICED:
        return {"zh"}
    return {"voiceless"}


# In Russian letters а, о, у also stand for ә, ө, ү ('Масимов' is Мәсімов): only ы stays back.
_PLAIN_BACK = frozenset("ы")
_PLAIN_EITHER = EITHER | frozenset("аоуяёю")


def _last_harmony(text: str, plain: bool) -> set[str]:
    back, either = (_PLAIN_BACK, _PLAIN_EITHER) if plain else (BACK, EITHER)
    for char in reversed(text):
        if char in either:
            return {"back", "front"}
        if char in back:
            return {"back"}
        if char in FRONT:
            return {"front"}
    return {"back", "front"}


def harmonies(stem: str) -> set[str]:
    """The vowel harmonies ('back', 'front') a stem's endings may take."""
    letters = stem.lower()
    plain = not any(c in KAZAKH_ONLY for c in letters)
    found = _last_harmony(letters, plain)
    for suffix in _BORROWED:
        if letters.endswith(suffix):
            found |= _last_harmony(letters[: -len(suffix)], plain)
    return found


def _is_possessive(stem: str) -> bool:
    return stem.lower().endswith(_POSSESSIVE)


@lru_cache(maxsize=16384)
def kazakh_forms(stem: str) -> tuple[tuple[str, str], ...]:
    """The Kazakh case forms of a nominative name word in Cyrillic, with route labels.

    A word in Russian letters ('Масимов') gets the endings of both harmonies unless an е
    or ы settles it, since its а, о, у may stand for ә, ө, ү.
    """
    if len(stem) < 2 or not any(c in VOWELS for c in stem.lower()):
        return ()
    out: dict[str, str] = {}
    if _is_possessive(stem):
        for case, ending in _POSSESSIVE_ENDINGS:
            for harmony in harmonies(stem):
                text = ending if harmony == "back" else ending.translate(_TO_FRONT)
                out.setdefault(stem + text, f"Kazakh {case}")
        return tuple(out.items())
    allowed = harmonies(stem)
    for case, by_class in _CASES:
        for sound in sorted(_sound_class(stem)):
            if sound == "zh":
                ending = _ZH_INSTRUMENTAL if case == "instrumental" else by_class["voiced"]
            else:
                ending = by_class[sound]
            for harmony in sorted(allowed):
                text = ending if harmony == "back" else ending.translate(_TO_FRONT)
                out.setdefault(stem + text, f"Kazakh {case}")
    return tuple(out.items())


def _all_endings() -> dict[str, str]:
    """Every Cyrillic ending, in Kazakh and in Russian letters, -> its case."""
    endings: dict[str, str] = {}
    for case, by_class in _CASES:
        for ending in [*by_class.values(), _ZH_INSTRUMENTAL if case == "instrumental" else ""]:
            for text in (ending, ending.translate(_TO_FRONT)):
                if text:
                    endings[text] = case
                    endings[text.translate(KAZAKH_TO_RUSSIAN)] = case
                    endings[text.translate(KAZAKH_TO_RUSSIAN).replace("и", "ы")] = case
    for case, ending in _POSSESSIVE_ENDINGS:
        for text in (ending, ending.translate(_TO_FRONT)):
            endings.setdefault(text, case)
    return endings


_ENDINGS = _all_endings()
_LONGEST = max(map(len, _ENDINGS))
_SEPARATORS = "-'’ʼ`"


def _russianize(text: str) -> str:
    # і typed as и or ы, Kazakh letters as their Russian look-alikes: one key for all.
    return text.lower().translate(KAZAKH_TO_RUSSIAN).replace("ы", "и")


@lru_cache(maxsize=16384)
def kazakh_stems(word: str) -> tuple[tuple[str, str], ...]:
    """The nominative stems a Kazakh case form may come from, with route labels.

    A stem counts only when declining it gives the word back (harmony and assimilation
    checked through `kazakh_forms`); words written with Russian letters only are compared
    without the letters Russian lacks. An ending after a hyphen or apostrophe
    ('Токаев-тың', "Tokayev'tyn") is taken as given.
    """
    lower = word.lower()
    if any("a" <= c <= "z" for c in lower) and not any("а" <= c <= "я" for c in lower):
        return _latin_stems(word)
    lower = "".join("і" if c == "i" else c for c in lower)  # a Latin i typed for і
    plain = not any(c in KAZAKH_ONLY for c in lower)
    out: dict[str, str] = {}
    for size in range(min(_LONGEST, len(lower) - 2), 0, -1):
        ending = lower[-size:]
        case = _ENDINGS.get(ending)
        if case is None:
            continue
        stem = word[:-size]
        if stem[-1] in _SEPARATORS:
            out.setdefault(stem[:-1], f"Kazakh {case} (after a separator)")
            continue
        if plain:
            wanted = _russianize(lower)
            hit = any(_russianize(form) == wanted for form, _ in kazakh_forms(stem))
        else:
            hit = any(form.lower() == lower for form, _ in kazakh_forms(stem))
        if hit:
            out.setdefault(stem, f"Kazakh {case}")
    return tuple(out.items())


def _latin_stems(word: str) -> tuple[tuple[str, str], ...]:
    """Latin Kazakh: strip an ending when what is left ends in a sound that allows it."""
    lower = word.lower()
    out: dict[str, str] = {}
    for ending, case in _LATIN_ENDINGS.items():
        if not lower.endswith(ending) or len(lower) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        if stem[-1] in _SEPARATORS:
            out.setdefault(stem[:-1], f"Kazakh {case} (after a separator)")
            continue
        last, first = stem[-1].lower(), ending[0]
        after_vowel = last in _LATIN_VOWELS
        # n- endings follow vowels and nasals, t/q/k/p ones voiceless sounds, the rest voiced.
        if first == "n" and not (after_vowel or last in "mnñ"):
            continue
        if first in "tqkp" and (after_vowel or last in "mnñlrjyzw"):
            continue
        if any(c in _LATIN_VOWELS for c in stem.lower()):
            out.setdefault(stem, f"Kazakh (Latin) {case}")
    return tuple(out.items())


__all__ = ["harmonies", "kazakh_forms", "kazakh_stems"]
