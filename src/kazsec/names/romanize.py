"""European spellings of Russian and Kazakh names, read back into fold keys and written out.

`fold_key` knows English-style romanizations, so 'Yermekbayev' meets 'Ермекбаев' but the
German 'Jermekbajew', the French 'Sadykoulov' or the Polish 'Szamil' do not. `readings`
takes one word a user typed and reads it as each of five systems would have written it
(German, French, Polish, Czech, Turkish): the word goes back to Cyrillic through a small
ordered rule table per system and is folded from there. `spellings` goes the other way,
for finding a known name inside a European document.

A system is only tried when the word could be written in it: every letter is in its
alphabet and nothing in the word is a digraph the system never makes (German never writes
'kh', Turkish never 'w'). That keeps English spellings from gaining junk readings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from kazsec.names.fold import fold_key

_LETTER = r"[^\W\d_]"
_NOT_AFTER_LETTER = rf"(?<!{_LETTER})"
_WORD_END = rf"(?!{_LETTER})"
_LATIN_VOWELS = "aeiouyàâäéèêëîïôöùûüÿáíóúůýěıąę"
_V = f"[{_LATIN_VOWELS}]"
# Whatever a system's rules leave in Latin letters goes to Cyrillic letter by letter, so
# fold_key sees pure Cyrillic and none of its Latin digraph rules (sh, kh, ye...) fire on
# letters the system meant one by one.
_BASIC = str.maketrans(
    {
        **dict(zip("abdefgiklmnoprstuvyz", "абдефгиклмнопрстувыз", strict=True)),
        "c": "ц",
        "h": "х",
        "j": "й",
        "q": "к",
        "w": "в",
        "x": "кс",
    }
)
# At most this many Cyrillic forms per system: a few letters are ambiguous (German 's' is
# both с and з), and a long word must not multiply them without bound.
_MAX_FORMS = 16


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
        combos = islice(product(*pieces), _MAX_FORMS)
        return [_to_cyrillic("".join(combo)) for combo in combos]


def _to_cyrillic(mixed: str) -> str:
    """Rule output is Cyrillic; leftover Latin letters (marks dropped) go letter by letter."""
    return "".join(map(_latin_to_cyrillic, mixed))


@lru_cache(maxsize=1024)
def _latin_to_cyrillic(char: str) -> str:
    if "\u0400" <= char <= "\u04ff":
        return char  # rule output; NFD would split й into и and a breve
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return bare.translate(_BASIC)


def _system(
    label: str, extra_letters: str, never: str, rules: list[tuple[str, tuple[str, ...]]]
) -> _System:
    alphabet = frozenset("abcdefghijklmnopqrstuvwxyz" + extra_letters)
    pattern = "|".join(f"({regex})" for regex, _ in rules) + "|."
    return _System(
        label,
        alphabet,
        re.compile(never),
        re.compile(pattern, re.DOTALL),
        tuple(options for _, options in rules),
    )


_GERMAN = _system(
    "German spelling",
    "äöüß",
    # Duden writes й as j and ц as z, so 'ya', 'kh', 'sh' or a lone 'c' mean another system.
    rf"kh|zh|sh|sz|cz|ou|(?<!s)tch|q|y{_V}|c(?![hk])",
    [
        ("schtsch", ("щ",)),
        ("tsch", ("ч",)),
        ("dsch", ("дж",)),
        (rf"(?<=sch)ow(?=a?{_WORD_END})", ("ов", "ёв")),  # Gorbatschow: ё after a sibilant is 'o'
        ("sch", ("ш", "ж", "сх")),  # ж and ш alike (Schomart, Schamil), or Ischakow
        ("ch", ("х",)),
        ("ck", ("к",)),
        ("tz|z", ("ц",)),
        ("ss", ("с",)),
        (rf"(?<={_V})s(?={_V})", ("з",)),  # Nasarbajew; с between vowels is written ss
        ("s", ("с", "з")),  # elsewhere s is both: Sagimbajew, Sarina
        ("ä", ("э",)),
        ("j", ("й",)),  # je, ju, ja fold like е, ю, я once j is й
    ],
)
_FRENCH = _system(
    "French spelling",
    "àâæçéèêëîïôœùûüÿ",
    rf"w|sh|zh|sz|cz|sch|j{_WORD_END}",
    [
        ("chtch", ("щ",)),
        ("tch", ("ч",)),
        ("dj", ("дж",)),
        ("ch", ("ш",)),
        ("kh", ("х",)),
        ("iou", ("ю",)),
        ("ou", ("у",)),
        ("io", ("ё", "ио")),  # Fiodor; but also a plain и + о
        ("ï", ("й",)),  # Nazarbaïev, Khaïrat
        ("(?<=[bdfgklmnprstvz])ie", ("ие", "ье")),  # Grigoriev: ie is also ье
        (rf"gu(?=[eiyéèê])", ("г",)),  # Tchinguiz: the u only keeps the g hard
        ("qu", ("к",)),
        ("ph", ("ф",)),
        ("ss", ("с",)),
        (rf"(?<={_V})s(?={_V})", ("з",)),
        ("c(?=[eiyéèê])", ("с",)),
        ("c", ("к",)),
        ("j", ("ж",)),  # Jomart
        (f"ine{_WORD_END}", ("ин",)),  # Poutine, Chtchoukine: a mute e added after -in
    ],
)
_POLISH_CONSONANT = "[bcdfghklmnprstwzłńśćźż]"
_POLISH_NEVER = rf"v|q|sh|zh|kh|sch|ou|tch|y{_V}"
_POLISH_RULES = [
    (f"(?:(?<=[czr]z)|(?<=ż))ow(?=a?{_WORD_END})", ("ов", "ёв")),  # Gorbaczow
    ("szcz", ("щ",)),
    ("sz", ("ш",)),
    ("cz", ("ч",)),
    ("dż", ("дж",)),
    ("rz|ż", ("ж",)),
    ("ch", ("х",)),
    ("ł", ("л",)),
    (f"(?<={_POLISH_CONSONANT})ie", ("е",)),  # Miedwiediew: i marks a soft consonant
    (f"(?<={_POLISH_CONSONANT})io", ("ё",)),
    ("ó", ("у",)),
]
_POLISH = _system("Polish spelling", "ąćęłńóśźż", _POLISH_NEVER, _POLISH_RULES)
# A word that writes ł for the hard л writes l for the soft one: Ludmiła is Людмила. Without
# an ł in sight, 'la' is read as the plain ла an English spelling means.
_POLISH_SOFT_L = _system(
    "Polish spelling",
    "ąćęłńóśźż",
    f"^[^ł]*$|{_POLISH_NEVER}",
    [("lu", ("лю",)), ("la", ("ля",)), ("lo", ("лё",)), *_POLISH_RULES],
)
_CZECH = _system(
    "Czech spelling",
    "áčďéěíňóřšťúůýž",
    rf"w|q|sh|zh|kh|sz|cz|sch|ou|tch|y{_V}",
    [
        (f"(?<=[čšž])ov(?=a?{_WORD_END})", ("ов", "ёв")),  # Gorbačov
        ("šč", ("щ",)),
        ("š", ("ш",)),
        ("č", ("ч",)),
        ("ž", ("ж",)),
        ("ch", ("х",)),
        # Czech adds -ová to a woman's surname: Nazarbajevová is Назарбаева.
        (f"(?<=ov|ev|in)ov[áa]{_WORD_END}", ("а",)),
    ],
)
_TURKISH = _system(
    "Turkish spelling",
    "çğıöşüâîû",
    rf"w|q|x|sh|zh|kh|ch|sz|cz|j{_WORD_END}",
    [
        (f"(?<=[çşj])ov(?=a?{_WORD_END})", ("ов", "ёв")),  # Gorbaçov
        ("şç", ("щ",)),
        ("ş", ("ш",)),
        ("ç", ("ч",)),
        ("c", ("дж",)),  # Comart: Turkish c is dzh
        ("ı", ("ы",)),
        ("ğ", ("г",)),
        ("j", ("ж",)),
        ("y", ("й",)),
    ],
)
_SYSTEMS = (_GERMAN, _FRENCH, _POLISH_SOFT_L, _POLISH, _CZECH, _TURKISH)
_LATIN_LETTERS = frozenset().union(*(system.alphabet for system in _SYSTEMS))


def _lower(word: str) -> str:
    # The Turkish dotted capital would casefold to i plus a combining dot.
    return unicodedata.normalize("NFC", word.replace("İ", "i")).casefold()


@lru_cache(maxsize=8192)
def _readings(word: str) -> tuple[tuple[str, str], ...]:
    text = _lower(word)
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
# between vowels; 'г<' before а soft vowel or ь); two letters ('ле', 'нь'); two letters
# ending a word ('ий$'). The longest applicable key wins.
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюя")
_SOFTENING = frozenset("еёиыэюяь")
_COMMON = dict(zip("абдзиклмнопртф", "abdziklmnoprtf", strict=True)) | {"ъ": "", "ь": ""}
_GERMAN_OUT = _COMMON | {
    **{"в": "w", "г": "g", "е": "e", "е+": "je", "ё": "jo", "ж": "sch", "з": "s", "й": "j"},
    **{"с": "s", "с~": "ss", "у": "u", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch"},
    **{"щ": "schtsch", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "ий$": "i", "ый$": "y"},
    **{"шё": "scho", "жё": "scho", "чё": "tscho", "щё": "schtscho"},
}
_FRENCH_OUT = _COMMON | {
    **{"в": "v", "г": "g", "г<": "gu", "е": "e", "е+": "ïe", "е^": "e", "ё": "io", "ж": "j"},
    **{"й": "i", "й+": "ï", "с": "s", "с~": "ss", "у": "ou", "х": "kh", "ц": "ts"},
    **{"ч": "tch", "ш": "ch", "щ": "chtch", "ы": "y", "э": "e", "ю": "iou", "я": "ia"},
    **{"ий$": "i", "ый$": "y", "ин$": "ine", "дж": "dj", "ье": "ie", "ъе": "ie", "ия": "ia"},
    # -ёв after a sibilant is -ev in French: Gorbatchev, Khrouchtchev.
    **{"шё": "che", "жё": "je", "чё": "tche", "щё": "chtche"},
}
_POLISH_OUT = _COMMON | {
    **{"в": "w", "г": "g", "е": "e", "е+": "je", "е>": "ie", "ё": "jo", "ё>": "io"},
    **{"ж": "ż", "й": "j", "л": "ł", "с": "s", "у": "u", "х": "ch", "ц": "c", "ч": "cz"},
    **{"ш": "sz", "щ": "szcz", "ы": "y", "э": "e", "ю": "ju", "ю>": "iu", "я": "ja"},
    **{"я>": "ia", "ий$": "ij", "ый$": "yj", "ле": "le", "лё": "lo", "ли": "li", "лю": "lu"},
    **{"ля": "la", "ль": "l", "жи": "ży", "ши": "szy", "ци": "cy", "же": "że", "ше": "sze"},
    **{"че": "cze", "ще": "szcze", "це": "ce", "нь": "ń", "сь": "ś", "зь": "ź", "ць": "ć"},
    **{"ре": "re", "шё": "szo", "жё": "żo", "чё": "czo", "щё": "szczo"},  # Breżniew, Gorbaczow
}
_CZECH_OUT = _COMMON | {
    **{"в": "v", "г": "g", "е": "e", "е+": "je", "ё": "jo", "ж": "ž", "й": "j", "с": "s"},
    **{"у": "u", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "э": "e"},
    **{"ю": "ju", "я": "ja", "ий$": "ij", "ый$": "yj"},
    **{"шё": "šo", "жё": "žo", "чё": "čo", "щё": "ščo"},  # Gorbačov
}
_TURKISH_OUT = _COMMON | {
    **{"в": "v", "г": "g", "е": "e", "е+": "ye", "ё": "yo", "ж": "j", "й": "y", "с": "s"},
    **{"у": "u", "х": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ы": "ı", "э": "e"},
    **{"ю": "yu", "я": "ya", "ий$": "iy", "ый$": "ıy", "дж": "c"},
    **{"шё": "şo", "жё": "jo", "чё": "ço", "щё": "şço"},  # Gorbaçov
}
_WRITERS = (
    ("German spelling", _GERMAN_OUT),
    ("French spelling", _FRENCH_OUT),
    ("Polish spelling", _POLISH_OUT),
    ("Czech spelling", _CZECH_OUT),
    ("Turkish spelling", _TURKISH_OUT),
)
# European papers spell Kazakh names from their Russian form: Тоқаев as Токаев.
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def _write_word(word: str, table: dict[str, str]) -> str:
    out: list[str] = []
    i, end = 0, len(word)
    while i < end:
        pair = word[i : i + 2]
        if i + 2 == end and pair + "$" in table:
            out.append(table[pair + "$"])
            break
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        char, before, after = word[i], word[i - 1 : i], word[i + 1 : i + 2]
        keys = [char]
        if after in _SOFTENING:
            keys.insert(0, char + "<")
        if before and before not in _CYRILLIC_VOWELS and before not in "ьъ":
            keys.insert(0, char + ">")
        if not before or before in _CYRILLIC_VOWELS or before in "ьъ":
            keys.insert(0, char + "+")
        if not before:
            keys.insert(0, char + "^")
        if before in _CYRILLIC_VOWELS and after in _CYRILLIC_VOWELS:
            keys.insert(0, char + "~")
        out.append(next((table[key] for key in keys if key in table), char))
        i += 1
    return "".join(out)


def _write(text: str, table: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        written = _write_word(word.lower().translate(_KAZAKH_TO_RUSSIAN), table)
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
    spelling'), ('Jermekbajew', 'Polish spelling'), ('Jermekbajev', 'Czech spelling') and
    ('Yermekbayev', 'Turkish spelling'), always in that order, one per system even when
    two agree. Kazakh letters are written as their Russian counterparts (Тоқаев as Токаев),
    as those papers do; anything not Cyrillic is kept as it is.
    """
    return list(_spellings(cyrillic))
