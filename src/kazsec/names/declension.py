"""Case forms of names: from a form a user typed back to nominatives, and from a known
nominative to the forms texts use.

People copy names out of Russian, Ukrainian, Kazakh, Polish and Czech texts as they stand
there, declined: 'Сагимбаевым', 'Сагімбаєва', 'Сағымбаевқа', 'Sagimbajewa'. The knowledge
base holds nominatives, so `query_bases` lists what a typed word may be a case form of and
`name_forms` lists the forms a known name word takes, each with a short route label. Both
over-generate on purpose: the caller keeps only what meets a known name (by fold key).

Russian and Ukrainian go by paradigm tables (one table serves both directions, so every
form made is read back) plus pymorphy3's dictionaries for what the tables miss; Kazakh is
in `kazakh_suffixes`, Polish and Czech in `west_slavic`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kazsec.names.fold import fold_key
from kazsec.names.kazakh_suffixes import kazakh_forms, kazakh_stems
from kazsec.names.west_slavic import (
    cyrillic_to_latin,
    czech_forms,
    latin_to_cyrillic,
    polish_forms,
    west_slavic_bases,
)

Route = tuple[str, str]

_CONS = "бвгджзклмнпрстфхцчшщғқңһ"
_VOWEL = "аеёиоуыэюяєіїәөұү"
_SIBILANT = "жшчщц"
_VELAR = "гкх"
# Which letter may end the stem before an ending (a stem is the word minus the ending).
_WHERE = {
    "cons": _CONS,
    "vowel": _VOWEL,
    "plain": "".join(c for c in _CONS if c not in _SIBILANT),  # -ом, -ой, not -ем, -ей
    "sib": _SIBILANT,
    "hard": "".join(c for c in _CONS if c not in _SIBILANT + _VELAR),  # -ы, not -и
    "soft": _SIBILANT + _VELAR,
    "nonvelar": "".join(c for c in _CONS if c not in _VELAR),  # Ukrainian -і, not -зі
    "any": _CONS + _VOWEL,
}
_LANG = {"ru": "Russian", "uk": "Ukrainian"}

# Given names and patronymics: (language, nominative ending, case ending, case, stem end).
_GIVEN: tuple[tuple[str, str, str, str, str], ...] = tuple(
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
    )  # fmt: skip
    for nom, end, case, where in (row.split("|") for row in rows.split("  "))
)


def _surname_rows() -> tuple[tuple[str, str, str, str, str], ...]:
    """Surname paradigms as rows like _GIVEN's; 'f' in the case marks a feminine form."""
    rows = []
    paradigms = (
        ("ru", ("ов", "ев", "ёв", "ин", "ын"), "",
         "а genitive/accusative|у dative|ым instrumental|е prepositional|ы plural|"
         "ых plural genitive|ыми plural instrumental|а nominative f|ой genitive/dative/"
         "instrumental/prepositional f|у accusative f|ою instrumental f"),
        ("uk", ("ов", "ев", "єв", "ін", "ин"), "",
         "а genitive/accusative|у dative/locative|ові dative/locative|им instrumental|"
         "е vocative|и plural|их plural genitive|а nominative f|ої genitive f|"
         "ій dative/locative f|у accusative f|ою instrumental f"),
        ("ru", ("ск", "цк"), "ий",
         "ого genitive/accusative|ому dative|им instrumental|ом prepositional|ие plural|"
         "их plural genitive|ая nominative f|ой genitive/dative/instrumental/prepositional f|"
         "ую accusative f|ою instrumental f"),
        ("uk", ("ськ", "цьк"), "ий",
         "ого genitive/accusative|ому dative|им instrumental|ім locative|а nominative f|"
         "ої genitive f|ій dative/locative f|у accusative f|ою instrumental f"),
    )  # fmt: skip
    for lang, suffixes, ending, table in paradigms:
        for suffix in suffixes:
            for item in table.split("|"):
                end, case = item.split(" ", 1)
                rows.append((lang, suffix + ending, suffix + end, case, "any"))
    return tuple(rows)


_SURNAME = _surname_rows()
_FEMININE = re.compile(r"(?i)(?<=..)(ов|ев|ёв|єв|ин|ын|ін|ow|ew|ov|ev|in|yn)(а|a|á)$")
_FEMININE_ADJ = re.compile(r"(?i)(?<=..)(ск|цк|ськ|цьк|sk|ck)(ая|а|a|á)$")
_MASCULINE_ADJ = {"ая": "ий", "а": "ий", "a": "i", "á": "ý"}


def _masculine_of(base: str) -> str | None:
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
        return f"{_LANG[lang]} {case[:-2]} (feminine)"
    return f"{_LANG[lang]} {case}"


def _has_vowel(text: str) -> bool:
    return any(c in _VOWEL for c in text.lower())


def _table_bases(word: str, rows: tuple[tuple[str, str, str, str, str], ...]) -> list[Route]:
    lower = word.lower()
    out = []
    for lang, nom, end, case, where in rows:
        if not lower.endswith(end):
            continue
        stem = word[: len(word) - len(end)] if end else word
        if len(stem) >= 2 and _has_vowel(stem) and stem[-1].lower() in _WHERE[where]:
            out.append((stem + nom, _label(lang, case)))
    return out


def _table_forms(word: str, rows: tuple[tuple[str, str, str, str, str], ...]) -> list[Route]:
    lower = word.lower()
    out = []
    for lang, nom, end, case, where in rows:
        if not lower.endswith(nom):
            continue
        stem = word[: len(word) - len(nom)] if nom else word
        if len(stem) >= 2 and _has_vowel(stem) and stem[-1].lower() in _WHERE[where]:
            out.append((stem + end, _label(lang, case)))
    return out


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    """A pymorphy3 analyzer, made on first use: loading it costs tens of milliseconds."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=lang)


_CASE_NAMES = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative",
               "ablt": "instrumental", "loct": "prepositional", "voct": "vocative",
               "gen2": "genitive", "acc2": "accusative", "loc2": "locative"}  # fmt: skip
_NAME_TAGS = ("Name", "Surn", "Patr")


def _recase(new: str, model: str) -> str:
    """pymorphy3 answers in lower case: give the result the typed word's capitals."""
    if model.isupper() and len(model) > 1:
        return new.upper()
    if model[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in new.split("-"))
    return new


def _dictionary_bases(word: str) -> list[tuple[float, str, str]]:
    """Every lemma pymorphy3 offers for the word, in Russian and Ukrainian, scored."""
    out = []
    for lang in ("ru", "uk"):
        for parse in _analyzer(lang).parse(word.lower()):
            is_name = any(tag in parse.tag for tag in _NAME_TAGS)
            case = _CASE_NAMES.get(str(parse.tag.case), "form")
            label = f"{_LANG[lang]} {case} (dictionary)"
            score = (4.0 if is_name else 1.0) + float(parse.score) - (0.5 if lang == "uk" else 0)
            out.append((score, _recase(parse.normal_form, word), label))
    return out


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@lru_cache(maxsize=65536)
def _query_bases(word: str) -> tuple[Route, ...]:
    scored: list[tuple[float, str, str]] = []
    if _is_cyrillic(word):
        scored += [(5.0, base, label) for base, label in _table_bases(word, _SURNAME)]
        scored += [(3.0 + 0.2 * (len(word) - len(stem)), stem, label)
                   for stem, label in kazakh_stems(word)]  # fmt: skip
        scored += [(2.5 + 0.1 * len(word) - 0.1 * len(base), base, label)
                    for base, label in _table_bases(word, _GIVEN)]  # fmt: skip
        scored += _dictionary_bases(word)
    else:
        latin = [(3.0, base, label) for base, label in west_slavic_bases(word)]
        latin += [(2.8, stem, label) for stem, label in kazakh_stems(word)]
        own = latin_to_cyrillic(word)
        if fold_key(own) != fold_key(word):  # 'Jermekbajew' folds apart from 'Ермекбаев'
            latin.append((2.9, own, "Polish/Czech spelling, in Cyrillic"))
        for score, base, label in latin:
            scored.append((score, base, label))
            cyrillic = latin_to_cyrillic(base)
            if fold_key(cyrillic) != fold_key(base):
                scored.append((score - 0.01, cyrillic, label + ", in Cyrillic"))
    for score, base, label in list(scored):
        masculine = _masculine_of(base)
        if masculine:
            scored.append((score - 0.05, masculine, label + ", masculine form"))
    scored.sort(key=lambda item: -item[0])  # stable: equal scores keep the order made
    out: dict[str, Route] = {}
    for _, base, label in scored:
        key = base.casefold()
        if key != word.casefold() and key not in out and base.strip("-'’"):
            out[key] = (base, label)
    return tuple(out.values())


def query_bases(word: str) -> list[Route]:
    """The nominatives one typed word (any script) may be a case form of, most plausible
    first, each with a route label: 'Масимова' -> [('Масимов', 'Russian genitive/
    accusative'), ...], 'Ермекбаевтың' -> [('Ермекбаев', 'Kazakh genitive')],
    'Jermekbajewa' -> [('Jermekbajew', ...), ('Ермекбаев', '..., in Cyrillic')].

    The word itself is left out. Candidates need not be names: the caller keeps those
    whose fold key meets a known name's. Results are cached; pymorphy3 loads on first use.
    """
    word = word.strip()
    return list(_query_bases(word)) if word else []


def _kind(word: str) -> str:
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
    return "given" if lower[-1:] not in _VOWEL + "aeiouy" else "kazakh"


_TO_UKRAINIAN = ((re.compile(r"(?<=[аеиоуяюєії])ев$"), "єв"), (re.compile(r"ин$"), "ін"),
                 (re.compile(r"ын$"), "ин"), (re.compile(r"([сц])кий$"), r"\1ький"),
                 (re.compile(r"([сц])кая$"), r"\1ька"))  # fmt: skip


def _ukrainian(word: str) -> str:
    """A Russian-spelled surname's Ukrainian ending ('Сагимбаев' -> 'Сагимбаєв')."""
    for pattern, replacement in _TO_UKRAINIAN:
        word = pattern.sub(replacement, word)
    return word


def _dictionary_forms(word: str) -> list[Route]:
    """pymorphy3's singular forms of a given name it knows ('Павел' -> 'Павла', ...)."""
    out = []
    for lang in ("ru", "uk"):
        for parse in _analyzer(lang).parse(word.lower()):
            if "Name" in parse.tag and parse.normal_form == word.lower():
                for form in parse.lexeme:
                    if "sing" in form.tag and form.word != word.lower():
                        case = _CASE_NAMES.get(str(form.tag.case), "form")
                        out.append((_recase(form.word, word), f"{_LANG[lang]} {case} (dictionary)"))
    return out


def _cyrillic_forms(word: str, kind: str) -> list[Route]:
    slavic = [row for row in _SURNAME if row[0] == "ru"]
    ukrainian = [row for row in _SURNAME if row[0] == "uk"]
    out: list[Route] = []
    if kind in ("surname", "adjective", "surname_f", "adjective_f"):
        masculine = _masculine_of(word) if kind.endswith("_f") else word
        if masculine:
            if kind.endswith("_f"):
                out.append((masculine, "masculine nominative"))
            out += _table_forms(masculine, tuple(slavic))
            out += _table_forms(_ukrainian(masculine), tuple(ukrainian))
            for feminine, _ in _table_forms(masculine, tuple(slavic))[7:8] or []:
                out += [(form, label) for form, label in kazakh_forms(feminine)]
            out = [(form, label) for form, label in out]
        out += _table_forms(word, _GIVEN) if re.search(r"(?i)[иы]на?$", word) else []
    if kind in ("given", "given_f"):
        out += _table_forms(word, _GIVEN) + _dictionary_forms(word)
    out += list(kazakh_forms(word))
    # Polish and Czech spell the name their own way before declining it.
    if kind in ("adjective", "adjective_f"):
        stem = re.sub(r"(?i)(ий|ая|ьк?ий|ька|кий|кая)$", "", word)
        stem = re.sub(r"(?i)(с|ц)ь?к?$", r"\1к", stem)
        for language, endings, forms in (("pl", "ia", polish_forms), ("cs", "ýá", czech_forms)):
            latin = cyrillic_to_latin(stem, language)
            for ending, sort in zip(endings, ("adjective", "adjective_f"), strict=True):
                out.append(
                    (latin + ending, f"{'Polish' if language == 'pl' else 'Czech'} nominative")
                )
                out += forms(latin + ending, sort)
    elif kind != "kazakh":
        for language, forms in (("pl", polish_forms), ("cs", czech_forms)):
            latin = cyrillic_to_latin(word, language)
            out.append((latin, f"{'Polish' if language == 'pl' else 'Czech'} nominative"))
            out += forms(latin, kind)
    return out


_FROM_ENGLISH = {"shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я",
                 "yu": "ю", "ye": "е", "yo": "ё", "iy": "ий", "j": "ж", "q": "к", "x": "кс",
                 "w": "в", "h": "х", "c": "к"}  # fmt: skip
_ENGLISH = re.compile(
    "|".join(sorted(_FROM_ENGLISH, key=len, reverse=True)) + r"|(?<=[aeiou])y|y|."
)
_PLAIN_LATIN = dict(zip("abdefgiklmnoprstuvz", "абдефгиклмнопрстувз", strict=True))


def _from_english(word: str) -> str:
    """An English romanization back in Cyrillic ('Yermekbayev' -> 'Ермекбаев')."""

    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        if found == "y":
            return "й" if match.start() and word.lower()[match.start() - 1] in "aeiou" else "ы"
        return _FROM_ENGLISH.get(found) or _PLAIN_LATIN.get(found, found)

    return _recase(_ENGLISH.sub(one, word.lower()), word)


@lru_cache(maxsize=65536)
def _name_forms(word: str) -> tuple[Route, ...]:
    kind = _kind(word)
    if _is_cyrillic(word):
        made = _cyrillic_forms(word, kind)
    else:
        made = polish_forms(word, kind) + czech_forms(word, kind) if kind != "kazakh" else []
        cyrillic = _from_english(word)
        if fold_key(cyrillic) == fold_key(word):  # a faithful reading: decline it in Cyrillic
            made += _cyrillic_forms(cyrillic, kind)
    out: dict[str, Route] = {}
    for form, label in made:
        if form.casefold() != word.casefold():
            out.setdefault(form.casefold(), (form, label))
    return tuple(out.values())


def name_forms(word: str) -> list[Route]:
    """The case forms one nominative name word takes in Russian, Ukrainian, Kazakh, Polish
    and Czech texts, each with a route label ('Сагимбаев' -> 'Сагимбаева', 'Сагимбаєва',
    'Сағымбаевтың'-like 'Сагимбаевтың', 'Sagimbajewa', ...). A surname gets both genders'
    forms, the other gender's labelled as such; Polish and Czech forms are spelled as those
    languages spell the name. For linking mentions in documents; results are cached.
    """
    word = word.strip()
    return list(_name_forms(word)) if len(word) >= 2 else []


__all__ = ["name_forms", "query_bases"]
