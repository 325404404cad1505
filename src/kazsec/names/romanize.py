"""European spellings of Russian and Kazakh names, read back into fold keys and written out.

`fold_key` meets English-style romanizations ('Yermekbayev' and 'Ермекбаев') but not the
German 'Jermekbajew', French 'Sadykoulov' or Polish 'Szamil'. `readings` reads a typed word
as German, French, Polish, Czech and Turkish spelling: back to Cyrillic through a small
ordered rule table per system, then folded. `spellings` writes a Cyrillic name out in each.

A system is only tried when every letter is in its alphabet and the word has nothing the
system never writes (German 'kh', Turkish 'w'), so English spellings gain no junk readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, islice, product

from kazsec.names.fold import fold_key
from kazsec.names.kazakh_letters import KAZAKH_TO_RUSSIAN

_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
_WORD_END = r"(?![^\W\d_])"
_LATIN_VOWELS = "aeiouyàâäéèêëîïôöùûüÿáíóúůýěıąę"
_V = f"[{_LATIN_VOWELS}]"
# Latin letters the rules leave go to Cyrillic one by one, so fold_key's Latin digraph rules
# (sh, kh, ye...) never fire on letters a system meant one by one.
_BASIC = str.maketrans(
    dict(zip("abcdefghijklmnopqrstuvwyz", "абцдефгхийклмнопкрстуввыз", strict=True)) | {"x": "кс"}
)
# Cyrillic forms per system at most: ambiguous letters (German s: с or з) multiply them.
_MAX_FORMS = 32


@dataclass(frozen=True)
class _System:
    """One romanization system read backwards: ordered rules, first match wins."""

    label: str
    alphabet: frozenset[str]
    never: re.Pattern[str]  # something this system never writes: the word is not in it
    pattern: re.Pattern[str]  # one group per rule, tried in order, else one character
    options: tuple[tuple[str, ...], ...]  # the Cyrillic each rule may stand for, likeliest first

    def forms(self, text: str) -> list[str]:
        """The Cyrillic this text could be, if written in this system."""
        pieces: list[tuple[str, ...]] = []
        for match in self.pattern.finditer(text):
            group = match.lastindex
            pieces.append(self.options[group - 1] if group else (match.group(0),))
        combos = islice(_likeliest(pieces), _MAX_FORMS)
        return ["".join(map(_to_cyrillic, "".join(combo))) for combo in combos]


def _likeliest(pieces: list[tuple[str, ...]]) -> Iterator[list[str]]:
    """Every choice of one option per piece, fewest departures from the first options first,
    so a cut-off keeps the likeliest forms (Schischoschowa: each sch is ш, ж or сх)."""
    ambiguous = [index for index, options in enumerate(pieces) if len(options) > 1]
    for count in range(len(ambiguous) + 1):
        for chosen in combinations(ambiguous, count):
            for picks in product(*(pieces[index][1:] for index in chosen)):
                combo = [options[0] for options in pieces]
                for index, pick in zip(chosen, picks, strict=True):
                    combo[index] = pick
                yield combo


@lru_cache(maxsize=1024)
def _to_cyrillic(char: str) -> str:
    """Rule output is Cyrillic; leftover Latin letters (marks dropped) go letter by letter."""
    if "\u0400" <= char <= "\u04ff":
        return char  # rule output; NFD would split й into и and a breve
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return bare.translate(_BASIC)


def _system(label: str, extra_letters: str, never: str, table: str) -> _System:
    """A system from its rules, written 'regex→option|option' several to a line ('#' starts a
    comment); in a regex, V stands for a vowel, ^ and $ for the start and end of a word."""
    rules = [rule.split("→") for line in table.splitlines() for rule in line.split("#")[0].split()]
    regexes = [
        regex.replace("V", _V).replace("^", _NOT_AFTER_LETTER).replace("$", _WORD_END)
        for regex, _ in rules
    ]
    return _System(
        label,
        frozenset("abcdefghijklmnopqrstuvwxyz" + extra_letters),
        re.compile(never.replace("V", _V).replace("$", _WORD_END)),
        re.compile("|".join(f"({regex})" for regex in regexes) + "|.", re.DOTALL),
        tuple(tuple(options.split("|")) for _, options in rules),
    )


# Duden writes й as j and ц as z, so 'ya', 'kh', 'sh' or a lone 'c' mean another system.
_GERMAN = _system(
    "German spelling",
    "äöüß",
    "kh|zh|sh|sz|cz|ou|(?<!s)tch|q|yV|c(?![hk])",
    """
    schtsch→щ tsch→ч dsch→дж
    (?<=sch)ow(?=a?$)→ов|ёв  # Gorbatschow: ё after a sibilant is o
    sch→ш|ж|сх  # ж and ш alike (Schomart, Schamil), or с+х (Ischakow)
    ch→х ck→к tz|z→ц ss→с
    (?<=V)s(?=V)→з  # Nasarbajew: с between vowels would be ss
    s→с|з  # elsewhere s is both: Sagimbajew, Sarina
    ä→э j→й  # je, ju, ja fold like е, ю, я once j is й
    """,
)
_FRENCH = _system(
    "French spelling",
    "àâæçéèêëîïôœùûüÿ",
    "w|sh|zh|sz|cz|sch|j$",
    """
    chtch→щ tch→ч dj→дж ch→ш kh→х iou→ю ou→у
    io→ё|ио  # Fiodor, or a plain и + о
    ï→й  # Nazarbaïev, Khaïrat
    ^ie→е  # Iermek, the formal initial Е
    (?<=[bdfgklmnprstvz])ie→ие|ье  # Grigoriev
    gu(?=[eiyéèê])→г  # Tchinguiz: the u keeps the g hard
    qu→к ph→ф ss→с
    (?<=[aeiouyéèê])s(?=V)→з  # but ïs is йс: Aïssa
    c(?=[eiyéèê])→с c→к j→ж
    ine$→ин  # Poutine, Chtchoukine: a mute e after -in
    """,
)
_POLISH_CONSONANT = "[bcdfghklmnprstwzłńśćźż]"
_POLISH_NEVER = "v|q|sh|zh|kh|sch|ou|tch|(?<![czż])yV"  # y+vowel only as in Żyjenbajew
_POLISH_RULES = f"""
    (?:(?<=[czr]z)|(?<=ż))ow(?=a?$)→ов|ёв  # Gorbaczow
    szcz→щ sz→ш cz→ч dż→дж rz|ż→ж ch→х ł→л ó→у
    (?<={_POLISH_CONSONANT})ie→е  # Miedwiediew: i marks a soft consonant
    (?<={_POLISH_CONSONANT})io→ё|ио
    (?:(?<=sz)|(?<=rz)|(?<=[żc]))y→и  # szy, ży, cy are ши, жи, ци
    """
_POLISH = _system("Polish spelling", "ąćęłńóśźż", _POLISH_NEVER, _POLISH_RULES)
# Polish writes the hard л as ł and the soft one as l: Ludmiła is Людмила, Lazzat Ляззат. A
# word showing nothing Polish ('Nurlan') keeps the plain ла an English spelling means.
_POLISH_SOFT_L = _system(
    "Polish spelling",
    "ąćęłńóśźż",
    f"^(?!.*(?:ł|ż|ś|ć|ń|ź|ó|sz|cz|rz|w|j|{_POLISH_CONSONANT}iV))|{_POLISH_NEVER}",
    "lu→лю la→ля lo→лё" + _POLISH_RULES,
)
_CZECH = _system(
    "Czech spelling",
    "áčďéěíňóřšťúůýž",
    "w|q|sh|zh|kh|sz|cz|sch|ou|tch|yV",
    """
    (?<=[čšž])ov(?=a?$)→ов|ёв  # Gorbačov
    šč→щ š→ш č→ч ž→ж ch→х
    (?<=ov|ev|in)ová$→а  # a woman's surname: Nazarbajevová is Назарбаева
    (?<=ov|ev|in)ova$→ова|а  # unless the accent was left off
    """,
)
_TURKISH = _system(
    "Turkish spelling",
    "çğıöşüâîû",
    "w|q|x|sh|zh|kh|ch|sz|cz|j$",
    """
    (?<=[çşj])ov(?=a?$)→ов|ёв  # Gorbaçov
    şç→щ ş→ш ç→ч ı→ы ğ→г j→ж y→й
    c→дж  # Comart: Turkish c is dzh
    """,
)
_SYSTEMS = (_GERMAN, _FRENCH, _POLISH_SOFT_L, _POLISH, _CZECH, _TURKISH)
_LATIN_LETTERS = frozenset().union(*(system.alphabet for system in _SYSTEMS))


@lru_cache(maxsize=8192)
def _readings(word: str) -> tuple[tuple[str, str], ...]:
    # The Turkish dotted capital would casefold to i plus a combining dot.
    text = unicodedata.normalize("NFC", word.replace("İ", "i")).casefold()
    letters = {c for c in text if c.isalpha()}
    if not letters or not letters <= _LATIN_LETTERS:
        return ()  # not a Latin-script word
    seen = {fold_key(word)}
    found: list[tuple[str, str]] = []
    for system in _SYSTEMS:
        if not letters <= system.alphabet or system.never.search(text):
            continue
        for form in system.forms(text):
            key = fold_key(form)
            if key and key not in seen:
                seen.add(key)
                found.append((key, system.label))
    return tuple(found)


def readings(word: str) -> list[tuple[str, str]]:
    """Fold keys a typed Latin word has if it was written in a European romanization.

    Each reading is (fold key, system label), e.g. 'Jermekbajew' gives
    (fold_key('Ермекбаев'), 'German spelling'). The word's own fold key (its English
    reading) is never repeated; a key two systems agree on is listed once, under the first
    (German, French, Polish, Czech, Turkish). Readings of one system come likeliest first.
    Text with letters outside these alphabets (Cyrillic, say) has none.
    """
    return list(_readings(word))


# Writing Cyrillic out. Keys: a letter; a letter with a context mark ('е+' after a vowel,
# ь or ъ, 'е^' at the start of a word, falling back to 'е+'; 'е>' after a consonant; 'с~'
# between vowels; 'г<' before a soft vowel or ь); two letters ('ле', 'нь'); two letters
# ending a word ('ий$'). The longest applicable key wins.
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюя")
_SOFTENING = frozenset("еёиыэюяь")


def _table(text: str) -> dict[str, str]:
    """A writing table from 'key→spelling' pairs on top of the letters all five share."""
    common = "а→a б→b д→d з→z и→i к→k л→l м→m н→n о→o п→p р→r т→t ф→f ъ→ ь→ "
    return dict(pair.split("→") for pair in (common + text).split())


_GERMAN_OUT = _table("""
    в→w г→g е→e е+→je ё→jo ж→sch з→s й→j с→s с~→ss у→u х→ch ц→z ч→tsch ш→sch щ→schtsch
    ы→y э→e ю→ju я→ja ий$→i ый$→y шё→scho жё→scho чё→tscho щё→schtscho
""")
_FRENCH_OUT = _table("""
    в→v г→g г<→gu е→e е+→ïe е^→e ё→io ж→j й→i й+→ï с→s с~→ss у→ou х→kh ц→ts ч→tch ш→ch
    щ→chtch ы→y э→e ю→iou я→ia ий$→i ый$→y ин$→ine дж→dj ье→ie ъе→ie ия→ia
    шё→che жё→je чё→tche щё→chtche
""")  # -ёв after a sibilant is -ev in French: Gorbatchev, Khrouchtchev
_POLISH_OUT = _table("""
    в→w г→g е→e е+→je е>→ie ё→jo ё>→io ж→ż й→j л→ł с→s у→u х→ch ц→c ч→cz ш→sz щ→szcz
    ы→y э→e ю→ju ю>→iu я→ja я>→ia ий$→ij ый$→yj ле→le лё→lo ли→li лю→lu ля→la ль→l
    жи→ży ши→szy ци→cy же→że ше→sze че→cze ще→szcze це→ce нь→ń сь→ś зь→ź ць→ć
    ре→re шё→szo жё→żo чё→czo щё→szczo
""")  # Breżniew, Gorbaczow
_CZECH_OUT = _table("""
    в→v г→g е→e е+→je ё→jo ж→ž й→j с→s у→u х→ch ц→c ч→č ш→š щ→šč ы→y э→e ю→ju я→ja
    ий$→ij ый$→yj шё→šo жё→žo чё→čo щё→ščo
""")
_TURKISH_OUT = _table("""
    в→v г→g е→e е+→ye ё→yo ж→j й→y с→s у→u х→h ц→ts ч→ç ш→ş щ→şç ы→ı э→e ю→yu я→ya
    ий$→iy ый$→ıy дж→c шё→şo жё→jo чё→ço щё→şço
""")
_WRITERS = (
    ("German spelling", _GERMAN_OUT),
    ("French spelling", _FRENCH_OUT),
    ("Polish spelling", _POLISH_OUT),
    ("Czech spelling", _CZECH_OUT),
    ("Turkish spelling", _TURKISH_OUT),
)
# European papers spell Kazakh names from their Russian form: Тоқаев as Токаев.
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def _write_word(word: str, table: dict[str, str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        key = pair + "$" if i + 2 == len(word) and pair + "$" in table else pair
        if len(pair) == 2 and key in table:
            out.append(table[key])
            i += 2
            continue
        char, before, after = word[i], word[i - 1 : i], word[i + 1 : i + 2]
        marks = (
            "~" if before in _CYRILLIC_VOWELS and after in _CYRILLIC_VOWELS else "",
            "" if before else "^",
            "+" if not before or before in _CYRILLIC_VOWELS or before in "ьъ" else ">",
            "<" if after in _SOFTENING else "",
        )
        keys = [char + mark for mark in marks if mark and char + mark in table]
        out.append(table[keys[0]] if keys else table.get(char, char))
        i += 1
    return "".join(out)


def _write(text: str, table: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        written = _write_word(word.lower().translate(KAZAKH_TO_RUSSIAN), table)
        if len(word) > 1 and word.isupper():
            return written.upper()
        return written[:1].upper() + written[1:] if word[0].isupper() else written

    return _CYRILLIC_WORD.sub(one, text)


@lru_cache(maxsize=8192)
def _spellings(cyrillic: str) -> tuple[tuple[str, str], ...]:
    return tuple((_write(cyrillic, table), label) for label, table in _WRITERS)


def spellings(cyrillic: str) -> list[tuple[str, str]]:
    """How German, French, Polish, Czech and Turkish papers write a Cyrillic name.

    'Ермекбаев' gives ('Jermekbajew', 'German spelling'), ('Ermekbaïev', 'French
    spelling'), ('Jermiekbajew', 'Polish spelling': strict Polish softens ме to mie, as in
    Miedwiediew), ('Jermekbajev', 'Czech spelling') and ('Yermekbayev', 'Turkish
    spelling'), always in that order, one per system even when two agree. Kazakh letters
    are written as their Russian counterparts (Тоқаев as Токаев), as those papers do;
    anything not Cyrillic is kept as it is.
    """
    return list(_spellings(cyrillic))
