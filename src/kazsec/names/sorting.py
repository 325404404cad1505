"""Sort people by surname, wherever the surname stands in the name as written.

'Karim Massimov' sorts under M, 'Xi Jinping' under X (Chinese and Korean names put the
family name first), 'E.T. Seylekhanov' under S (initials are not names), 'Dr. Marlène
Laruelle' under L (nor are honorifics), 'NAZARBAYEV Nursultan' under N (a surname in
capitals, as in lists), 'Nazarbayev Nursultan Abishevich' under N (Russian order:
surname, given name, patronymic).

Which word is the family name cannot always be told from the text: 'Kim' may be a given
name. Family-name-first is assumed only for a two- or three-word name opening with one
of a short curated list of common Chinese and Korean family names, romanized.
"""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common Chinese (pinyin, Wade-Giles, Cantonese) and Korean family names, casefolded.
FAMILY_NAME_FIRST = _words(
    """
    xi li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo
    liang song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng
    lu su jiang cai jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao
    tan liao zou xiong jin lei bai meng qin qiu hou yin duan hao kong mao qian chang chiang
    chou chu hsu hsieh kuo tsai teo tse tsang wong chan cheung leung lau ng ho
    kim park pak bak lee yi choi choe jung jeong chung kang cho jo yoon yun jang lim im oh
    shin sin seo suh kwon hwang ahn an jeon yoo ryu hong ko moon mun son bae baek paek heo
    huh nam noh roh
    """
)
HONORIFICS = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev hon gen general col colonel
    maj major lt capt captain sgt adm admiral president academician
    """
)
SUFFIXES = _words("jr sr ii iii iv phd md")
_NOT_NAMES = HONORIFICS | SUFFIXES
PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ich", "ovna", "evna", "ichna", "inichna", "uly", "uli", "kyzy", "kizi",
    "ович", "евич", "ич", "овна", "евна", "ична", "инична", "улы", "ұлы", "кызы", "қызы",
)  # fmt: skip
# An initial: 'E.', 'E.T.', 'Iu.O.', 'K' (one or two letters, dotted, or a single letter).
_INITIAL = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$|^[^\W\d_]$")


def collate(text: str) -> str:
    """A word as it sorts: case and accents aside ('Äbish' beside 'Abish')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _plain(word: str) -> str:
    return collate(word).strip(".,;:()[]\"'«»“”")


def _is_patronymic(word: str) -> bool:
    plain = _plain(word)
    return len(plain) > 5 and plain.endswith(PATRONYMIC_ENDINGS)


def _surname_position(words: list[str]) -> int:
    """Which of the name's words is the surname."""
    capitals = [i for i, w in enumerate(words) if len(_plain(w)) > 1 and w.isupper()]
    if len(capitals) == 1 and len(words) > 1:
        return capitals[0]  # 'NAZARBAYEV Nursultan'
    if len(words) == 3 and _is_patronymic(words[2]) and not _is_patronymic(words[1]):
        return 0  # 'Nazarbayev Nursultan Abishevich'
    if 2 <= len(words) <= 3 and _plain(words[0]) in FAMILY_NAME_FIRST:
        return 0  # 'Xi Jinping', 'Kim Jong Un'
    return len(words) - 1


def sort_key(name: str) -> tuple[str, ...]:
    """The key to sort a person's name by: surname, then the other names, then the name.

    Initials and honorifics are left out when choosing the surname (and sort after it);
    a name of initials alone sorts by its last one.
    """
    words = name.split()
    named = [w for w in words if _plain(w) and _plain(w) not in _NOT_NAMES]
    named = [w for w in named if not _INITIAL.match(w)] or named
    if not named:
        named = words or [""]
    surname = _surname_position(named)
    others = [collate(w) for i, w in enumerate(named) if i != surname]
    return (_plain(named[surname]), " ".join(others), collate(name))


__all__ = ["FAMILY_NAME_FIRST", "HONORIFICS", "collate", "sort_key"]
