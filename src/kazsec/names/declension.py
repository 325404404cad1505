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

from kazsec.names.east_slavic import (
    GIVEN,
    LANGUAGES,
    RU_SURNAME,
    SURNAME,
    UK_SURNAME,
    kind_of,
    masculine_of,
    table_bases,
    table_forms,
    ukrainian_spelling,
)
from kazsec.names.fold import fold_key
from kazsec.names.kazakh_letters import KAZAKH_SPECIFIC_LETTERS
from kazsec.names.kazakh_suffixes import kazakh_forms, kazakh_stems
from kazsec.names.west_slavic import (
    cyrillic_to_latin,
    czech_forms,
    latin_to_cyrillic,
    polish_forms,
    west_slavic_bases,
)

Route = tuple[str, str]


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    """A pymorphy3 analyzer, made on first use: loading it costs tens of milliseconds."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=lang)


def lemma_key(text: str) -> str:
    """A phrase's words each in its dictionary form, folded: 'Комитета национальной
    безопасности' and 'Комитет национальной безопасности' give one key (Russian words by
    pymorphy3; others as they are)."""
    words = []
    for word in text.split():
        if is_cyrillic(word):
            word = _analyzer("ru").parse(word.lower())[0].normal_form
        words.append(word)
    return fold_key(" ".join(words))


_CASE_NAMES = {
    "nomn": "nominative",
    "gent": "genitive",
    "datv": "dative",
    "accs": "accusative",
    "ablt": "instrumental",
    "loct": "prepositional",
    "voct": "vocative",
    "gen2": "genitive",
    "acc2": "accusative",
    "loc2": "locative",
}
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
            label = f"{LANGUAGES[lang]} {case} (dictionary)"
            score = (3.5 if is_name else 1.0) + float(parse.score) - (0.5 if lang == "uk" else 0)
            out.append((score, _recase(parse.normal_form, word), label))
    return out


def is_cyrillic(word: str) -> bool:
    """Whether a word holds a Cyrillic letter (Russian, Ukrainian or Kazakh)."""
    return any("\u0400" <= c <= "\u04ff" for c in word)


# A woman's adjective surname as Ukrainian, Polish or Czech end it (-ська, -ska, -ská).
_UKRAINIAN_FEMININE_ADJ = re.compile(r"(?i)([сц])ь?ка$")
_LATIN_FEMININE_ADJ = re.compile(r"(?i)([sc])k[aá]$")


@lru_cache(maxsize=65536)
def _query_bases(word: str) -> tuple[Route, ...]:
    scored: list[tuple[float, str, str]] = []
    if is_cyrillic(word):
        scored += [(5.0, base, label) for base, label in table_bases(word, SURNAME)]
        # Russian and Ukrainian have no ә, ғ, қ, ң, ө, ұ, ү, һ: a word with one is Kazakh.
        kazakh = 3.0 + (2.5 if any(c in KAZAKH_SPECIFIC_LETTERS for c in word) else 0.0)
        scored += [
            (kazakh + 0.2 * (len(word) - len(stem)), stem, label)
            for stem, label in kazakh_stems(word)
        ]
        scored += [
            (2.5 + 0.1 * len(word) - 0.1 * len(base), base, label)
            for base, label in table_bases(word, GIVEN)
        ]
        scored += _dictionary_bases(word)
    else:
        latin = [
            (3.0 + 0.1 * (len(word) - len(base)), base, label)
            for base, label in west_slavic_bases(word)
        ]
        latin += [(2.8, stem, label) for stem, label in kazakh_stems(word)]
        for own in latin_to_cyrillic(word):
            if fold_key(own) != fold_key(word):  # 'Jermekbajew' folds apart from 'Ермекбаев'
                latin.append((2.9, own, "Polish/Czech spelling, in Cyrillic"))
        for score, base, label in latin:
            scored.append((score, base, label))
            for cyrillic in latin_to_cyrillic(base):
                if fold_key(cyrillic) != fold_key(base):
                    scored.append((score - 0.01, cyrillic, label + ", in Cyrillic"))
    if own_masculine := masculine_of(word):  # 'Višnevská' is the feminine of 'Višnevský'
        scored.append((2.0, own_masculine, "masculine form"))
    for score, base, label in [*scored, (2.0, word, "feminine, as Russian ends it")]:
        if _UKRAINIAN_FEMININE_ADJ.search(base):  # Вишневська, Wiszniewska: Вишневская
            scored.append((score - 0.1, _UKRAINIAN_FEMININE_ADJ.sub(r"\1кая", base), label))
        elif _LATIN_FEMININE_ADJ.search(base):
            scored.append((score - 0.1, _LATIN_FEMININE_ADJ.sub(r"\1kaya", base), label))
        masculine = masculine_of(base)
        if masculine:
            # Below the feminine, even with a dictionary's agreement on top (+0.3).
            scored.append((score - 0.5, masculine, label + ", masculine form"))
    # A base both the rules and the dictionary give gains a little on its best route.
    best: dict[str, tuple[float, int, str, str]] = {}
    sources: dict[str, set[bool]] = {}
    for order, (score, base, label) in enumerate(scored):
        key = base.casefold()
        if key == word.casefold() or not base.strip("-'’"):
            continue
        sources.setdefault(key, set()).add("(dictionary)" in label)
        if key not in best or score > best[key][0]:
            best[key] = (score, best[key][1] if key in best else order, base, label)
    ranked = sorted(
        best.items(), key=lambda item: (-item[1][0] - 0.3 * (len(sources[item[0]]) - 1), item[1][1])
    )
    return tuple((base, label) for _, (_, _, base, label) in ranked)


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


def _dictionary_forms(word: str) -> list[Route]:
    """pymorphy3's singular forms of a given name it knows ('Павел' -> 'Павла', ...)."""
    out = []
    for lang in ("ru", "uk"):
        for parse in _analyzer(lang).parse(word.lower()):
            if "Name" in parse.tag and parse.normal_form == word.lower():
                for form in parse.lexeme:
                    if "sing" in form.tag and form.word != word.lower():
                        case = _CASE_NAMES.get(str(form.tag.case), "form")
                        label = f"{LANGUAGES[lang]} {case} (dictionary)"
                        out.append((_recase(form.word, word), label))
    return out


_ADJECTIVE_STEM = re.compile(r"(?i)([сц])ь?к(ий|ая|а|ой)$")


def _west_slavic_forms(word: str, kind: str) -> list[Route]:
    """Polish and Czech spell the name their own way, then decline it."""
    out: list[Route] = []
    for language, forms, name in (("pl", polish_forms, "Polish"), ("cs", czech_forms, "Czech")):
        if match := _ADJECTIVE_STEM.search(word):
            stem = cyrillic_to_latin(word[: match.start()] + match.group(1) + "к", language)
            latin, kind = stem + ("i" if language == "pl" else "ý"), "adjective"
        else:
            latin = cyrillic_to_latin(word, language)
        out.append((latin, f"{name} nominative"))
        out += forms(latin, kind)
    return out


def _cyrillic_forms(word: str, kind: str, dictionary: bool = True) -> list[Route]:
    out: list[Route] = []
    if kind in ("surname", "surname_f", "adjective", "adjective_f"):
        # Both genders from the masculine: the tables make the feminine forms from it.
        masculine = word if kind in ("surname", "adjective") else masculine_of(word) or word
        if masculine != word:  # a woman's surname: the family's masculine forms are made too
            out.append((masculine, "Russian nominative (masculine)"))
        for rows, spelled in ((RU_SURNAME, masculine), (UK_SURNAME, ukrainian_spelling(masculine))):
            made = table_forms(spelled, rows)
            feminines = [form for form, label in made if "nominative (feminine)" in label]
            for feminine in feminines:
                made += table_forms(feminine, rows)
                if rows is RU_SURNAME:
                    made += [
                        (form, f"{label} (feminine)") for form, label in kazakh_forms(feminine)
                    ]
            out += made
        if re.search(r"(?i)[иы]на?$", word):  # Амин, Дарина: given names look like surnames
            out += table_forms(word, GIVEN)
        out += list(kazakh_forms(masculine))
        out += _west_slavic_forms(masculine, "surname" if kind == "surname_f" else kind)
        if masculine == word:
            return out
        # Asked for a woman's surname: say which forms are the family's masculine ones.
        return [
            (form, label if "feminine" in label or "masculine" in label else label + " (masculine)")
            for form, label in out
        ]
    if kind in ("given", "given_f"):
        out += table_forms(word, GIVEN) + (_dictionary_forms(word) if dictionary else [])
        out += _west_slavic_forms(word, kind)
    return out + list(kazakh_forms(word))


_FROM_ENGLISH = {
    "shch": "щ",
    "sh": "ш",
    "ch": "ч",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ya": "я",
    "yu": "ю",
    "ye": "е",
    "yo": "ё",
    "iy": "ий",
    "j": "ж",
    "q": "к",
    "x": "кс",
    "w": "в",
    "h": "х",
    "c": "к",
}
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
def _name_forms(word: str, dictionary: bool = True) -> tuple[Route, ...]:
    kind = kind_of(word)
    if is_cyrillic(word):
        made = _cyrillic_forms(word, kind, dictionary)
    else:
        made = polish_forms(word, kind) + czech_forms(word, kind) if kind != "kazakh" else []
        cyrillic = _from_english(word)
        if fold_key(cyrillic) == fold_key(word):  # a faithful reading: decline it in Cyrillic
            made += _cyrillic_forms(cyrillic, kind, dictionary)
    out: dict[str, Route] = {}
    for form, label in made:
        if form.casefold() != word.casefold():
            out.setdefault(form.casefold(), (form, label))
    return tuple(out.values())


def name_forms(word: str, dictionary: bool = True) -> list[Route]:
    """The case forms one nominative name word takes in Russian, Ukrainian, Kazakh, Polish
    and Czech texts, each with a route label ('Сагимбаев' -> 'Сагимбаева', 'Сагимбаєва',
    'Сағымбаевтың'-like 'Сагимбаевтың', 'Sagimbajewa', ...). A surname gets both genders'
    forms, the other gender's labelled as such; Polish and Czech forms are spelled as those
    languages spell the name. For linking mentions in documents; results are cached.
    Without `dictionary`, only the tables (pymorphy3's dictionaries, ~0.3 s to load, are
    then never loaded: a build's linker needs only surnames, which the tables cover).
    """
    word = word.strip()
    return list(_name_forms(word, dictionary)) if len(word) >= 2 else []


__all__ = ["is_cyrillic", "name_forms", "query_bases"]
