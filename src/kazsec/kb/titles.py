"""Titles and offices: which name forms are titles, and how a title is written in running text.

A form is *title-like* when it has a title word (an office, a rank, an honorific) and no
personal-name token: 'First President', 'Leader of the Nation', 'Elbasy', 'the NSC Chairman'.
Every other capitalised word that is not a function word, an acronym or an institution's word
counts as a personal name ('Wild Arman', 'General Sadykulov' are names). A title-like form
never yields a surname. It names one person by its words only when it is a *personal* title:
an honorific ('Elbasy', 'Leader of the Nation') or an ordinal office ('First President');
an office held in turn by many ('President', 'the NSC Chairman') names whoever the passage
says holds it, and nobody when the passage does not say.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from kazsec.kb.tokens import Token, Tokens
from kazsec.kb.trie import trie_alternation

# Offices a bare title may stand for a person by (single words, capitalised in the text).
OFFICE_HEADS = frozenset(
    {
        "President", "Chairman", "Chairwoman", "Chairperson", "Chair", "Premier", "Minister",
        "Secretary", "Speaker", "Head", "Chief", "Director", "Commander", "Commander-in-Chief",
        "Ambassador", "Governor", "Mayor", "Akim", "Prosecutor",
    }
)  # fmt: skip
# Offices written in two words, matched before their single words.
OFFICE_PAIRS = frozenset(
    {
        ("Prime", "Minister"), ("General", "Prosecutor"), ("Prosecutor", "General"),
        ("Secretary", "General"),
    }
)  # fmt: skip
# Military and security ranks: titles, but written before a name rather than for a person.
RANKS = frozenset(
    {
        "general", "lieutenant-general", "major-general", "colonel-general", "colonel",
        "lieutenant-colonel", "major", "captain", "lieutenant", "admiral", "vice-admiral",
        "rear-admiral", "marshal", "brigadier", "sergeant",
    }
)  # fmt: skip
# Honorifics that name one person for life; address forms that only precede a name.
HONORIFICS = frozenset(
    {"elbasy", "yelbasy", "leader", "father", "founder", "excellency", "елбасы", "лидер",
     "көшбасшысы", "отец"}
)  # fmt: skip
ADDRESS_FORMS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "господин", "г-н"})
ORDINALS = frozenset({"first", "second", "third", "первый", "тұңғыш"})
# Words before an office that may change which office it is (kept in its key) or not.
KEY_QUALIFIERS = frozenset(
    {"first", "second", "third", "deputy", "deputies", "vice", "former", "ex", "late", "assistant"}
)
QUALIFIERS = KEY_QUALIFIERS | frozenset({"acting", "incumbent", "current", "new", "executive"})
_OTHER_TITLE_WORDS = frozenset(
    {"chairman", "chairwoman", "chairperson", "chair", "premier", "prime", "minister",
     "secretary", "speaker", "president", "head", "chief", "director", "commander",
     "commander-in-chief", "ambassador", "governor", "mayor", "akim", "prosecutor", "nation",
     "президент", "председатель", "премьер-министр", "министр", "генерал", "глава", "нации",
     "ұлт", "секретарь"}
)  # fmt: skip
TITLE_WORDS = (
    frozenset(w.lower() for w in OFFICE_HEADS)
    | RANKS
    | HONORIFICS
    | ADDRESS_FORMS
    | ORDINALS
    | QUALIFIERS
    | _OTHER_TITLE_WORDS
)
FUNCTION_WORDS = frozenset(
    {"the", "of", "a", "an", "and", "for", "in", "to", "on", "at", "de", "his", "her", "their"}
)
# Capitalised words of states and institutions: in a title they are not a person's name.
INSTITUTION_WORDS = frozenset(
    {"nation", "people", "state", "republic", "country", "kazakhstan", "kazakh", "national",
     "security", "council", "committee", "government", "service", "guard", "presidential",
     "office", "ministry", "defense", "defence", "internal", "affairs", "foreign", "parliament",
     "senate", "mazhilis", "army", "forces", "party", "armed", "supreme", "soviet", "union"}
)  # fmt: skip
COUNTRIES = {
    "kazakhstan": "kz", "kazakh": "kz", "kazakhstani": "kz", "rk": "kz", "china": "cn",
    "chinese": "cn", "russia": "ru", "russian": "ru", "rf": "ru", "kyrgyzstan": "kg",
    "uzbekistan": "uz", "tajikistan": "tj", "turkmenistan": "tm", "u.s": "us", "usa": "us",
}  # fmt: skip

_SPLIT = re.compile(r"[\s\-–—/]+")
_EDGES = "()[]{}“”\"'‘’«»,;:!?"


def words_of(form: str) -> list[str]:
    """The words of a form, split at spaces and hyphens, without surrounding punctuation."""
    return [w for w in (part.strip(_EDGES) for part in _SPLIT.split(form)) if w]


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper()


def personal_tokens(form: str, institutional: Collection[str] = ()) -> list[str]:
    """The words of a form that can only be a person's name (not title, glue, acronym, body)."""
    found = []
    for word in words_of(form):
        low = word.rstrip(".").lower()
        if low in FUNCTION_WORDS or low in TITLE_WORDS or low in INSTITUTION_WORDS:
            continue
        if _is_acronym(word) or low in institutional:
            continue
        found.append(word)
    return found


def is_title_like(form: str, institutional: Collection[str] = ()) -> bool:
    """A title or office rather than a personal name: a title word, and no personal-name token.

    `institutional` adds words (lowercase) known from body names, so 'the Mazhilis Speaker'
    stays a title even if 'Mazhilis' were missing from the built-in list.
    """
    words = [w.rstrip(".").lower() for w in words_of(form)]
    if not any(w in TITLE_WORDS for w in words):
        return False
    return not personal_tokens(form, institutional)


def is_personal_title(form: str, institutional: Collection[str] = ()) -> bool:
    """A title only one person holds, by its words: an honorific, or an ordinal office.

    'Elbasy', 'Leader of the Nation', 'First President' are; 'the NSC Chairman', 'President'
    and 'First Deputy Chairman' (an office held in turn) are not.
    """
    if not is_title_like(form, institutional):
        return False
    words = [w.rstrip(".").lower() for w in words_of(form) if w.lower() not in FUNCTION_WORDS]
    if any(w in HONORIFICS for w in words):
        return True
    if any(w in ("deputy", "deputies", "vice", "assistant") for w in words):
        return False
    return len(words) >= 2 and words[0] in ORDINALS


# The office words office_at looks for: alone, or opening a two-word office.
_PAIR_FIRSTS = frozenset(first for first, _ in OFFICE_PAIRS)
_OFFICE_FIRST_WORDS = OFFICE_HEADS | _PAIR_FIRSTS
# Each written as a token can carry it: 'President', 'President.', 'President’s', ...
_OFFICE_TOKENS = frozenset(
    word + ending for word in _OFFICE_FIRST_WORDS for ending in ("", ".", "’s", "'s", "’s.", "'s.")
)
_OFFICE_WORD = re.compile(trie_alternation(_OFFICE_FIRST_WORDS))


def office_words(text: str) -> list[tuple[int, int]]:
    """Where office words are written in a text, each where a word starts (see trie). A
    token an office may start at starts at one of these: such a token starts a word, and no
    token starts inside the letters of another match (no token starts after a letter, and a
    hyphen inside 'Commander-in-Chief' is inside its token)."""
    return [m.span() for m in _OFFICE_WORD.finditer(text)]


def office_starts(tokens: Tokens, words: Sequence[tuple[int, int]]) -> list[int]:
    """The indices of the tokens where an office may start (office_at says which do), given
    the text's office words (all of them in the tokens read)."""
    found = []
    starts, texts = tokens.starts, tokens.texts
    for start, _ in words:
        index = bisect_left(starts, start)
        if index < len(starts) and starts[index] == start and texts[index] in _OFFICE_TOKENS:
            found.append(index)
    return found


def office_at(tokens: Tokens, index: int) -> int:
    """How many tokens an office word takes at `index` (0: none); 'Prime Minister' takes 2."""
    token = tokens[index]
    if not token.capitalised:
        return 0
    after = tokens.get(index + 1) if token.word in _PAIR_FIRSTS else None
    if after is not None and (token.word, after.word) in OFFICE_PAIRS:
        return 2
    return 1 if token.word in OFFICE_HEADS else 0


def sentence_end(token: Token) -> bool:
    """A word closing a sentence ('Council.'), not an abbreviation ('Mr.', 'K.', 'U.S.')."""
    return (
        token.text.endswith(".")
        and token.low not in ADDRESS_FORMS
        and len(token.word) > 1
        and "." not in token.word
    )


def normal_office(words: list[str]) -> str:
    """One spelling per office: 'Chairwoman' and 'Chair' are 'chair', 'Premier' 'prime minister'."""
    joined = " ".join(w.lower() for w in words)
    if joined in ("chairman", "chairwoman", "chairperson", "chair"):
        return "chair"
    if joined in ("premier", "prime minister"):
        return "prime minister"
    if joined in ("prosecutor general", "general prosecutor"):
        return "prosecutor general"
    return joined


def country_of(word: str) -> str:
    """The country a word names ('Kazakh' -> 'kz'), or ''."""
    return COUNTRIES.get(word.rstrip(".").lower(), "")
