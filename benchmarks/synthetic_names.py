"""Synthetic alias sets: Cyrillic names romanized through several real-world systems.

Each entity is a Kazakh or Russian name in Cyrillic; its aliases are that name as
written by different romanization habits, so a benchmark can measure both speed
and whether a search finds the entity from a spelling it was not indexed under.
"""

from __future__ import annotations

import random
from typing import NamedTuple

GIVEN = (  # noqa: SIM905 (a list of names reads best as one)
    "Карим Нурсултан Касым-Жомарт Нурлан Марат Ермек Асқар Дариға Самат Ануар Берік Ерлан Серік Бауыржан "
    "Әлихан Жанар Гүлнар Айгүл Мұрат Ерболат Қайрат Тимур Данияр Ержан Болат Дархан Ғабит Нұрғали Арман "
    "Владимир Константин Сергей Юрий Алексей Дмитрий Николай Пётр Андрей Михаил Ольга Татьяна Наталья"
).split()
SURNAME_ROOTS = (  # noqa: SIM905
    "Масим Назарбай Тоқай Ермекбай Жумакан Джаксыбек Абыкай Сыроежк Садықұл Құнанбай Сағымбай Нұртле "
    "Әбіш Бектан Жақсылық Ботакан Туяқ Запар Саден Жұрабай Жоламан Біләсбек Баян Ділман Көлкөбай Ірмен "
    "Күшербай Шибут Ашымбай Майлыбай Нығматулл Қасым Қасымбек Тоқар Назар Максим Ахмет Бекмұхамед "
    "Иван Петр Смирн Кузнец Попов Волош Щук Хрущ Цой Чернышёв Юсуп Ястреб Ёлкин Шаймерден Ыбырай"
).split()


MIDDLE = (
    "",
    "",
    "",
    "бек",
    "жан",
    "хан",
    "тай",
    "ғали",
    "сар",
    "құл",
    "нұр",
    "бол",
    "ман",
    "тас",
    "ер",
    "кен",
    "ба",
    "дос",
)
PATRONYMIC_ROOTS = (
    "Иван",
    "Сергей",
    "Марат",
    "Ерлан",
    "Болат",
    "Нұрлан",
    "Петр",
    "Тимур",
    "Самат",
    "Алексей",
)


def _surname(rng: random.Random) -> str:
    root = rng.choice(SURNAME_ROOTS) + rng.choice(MIDDLE)
    if root.endswith("й"):  # Назарбай -> Назарбаев
        return root[:-1] + "ев"
    return root + ("ев" if root[-1] in "аеиоуыэюяь" else "ов")


def _cyrillic_name(rng: random.Random) -> str:
    """Given name, sometimes a patronymic, and a surname: millions of combinations."""
    parts = [rng.choice(GIVEN)]
    if rng.random() < 0.5:
        root = rng.choice(PATRONYMIC_ROOTS)
        parts.append(root[:-1] + "евич" if root.endswith("й") else root + "ович")
    parts.append(_surname(rng))
    return " ".join(parts)


KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_BASE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "-": "-",
    " ": " ",
}
SYSTEMS: dict[str, dict[str, str]] = {
    "bgn": {},  # the base table, with 'ye' for е at word start and after vowels
    "iso": {
        "ж": "ž",
        "х": "h",
        "ц": "c",
        "ч": "č",
        "ш": "š",
        "щ": "ŝ",
        "ю": "ju",
        "я": "ja",
        "й": "j",
        "ы": "y",
        "ё": "ë",
    },
    "german": {
        "ж": "sch",
        "х": "ch",
        "ц": "z",
        "ч": "tsch",
        "ш": "sch",
        "щ": "schtsch",
        "ю": "ju",
        "я": "ja",
        "й": "j",
        "в": "w",
        "з": "s",
        "ё": "jo",
    },
    "french": {
        "ж": "j",
        "х": "kh",
        "ч": "tch",
        "ш": "ch",
        "щ": "chtch",
        "у": "ou",
        "ю": "iou",
        "я": "ia",
        "й": "ï",
    },
    "simple": {"ж": "j", "х": "h", "й": "i", "ю": "iu", "я": "ia", "ы": "i", "е": "e"},
}
_KAZAKH_LATIN_2021 = str.maketrans(
    {
        "ә": "ä",
        "ғ": "ğ",
        "қ": "q",
        "ң": "ñ",
        "ө": "ö",
        "ұ": "ū",
        "ү": "ü",
        "һ": "h",
        "і": "ı",
        "Ә": "Ä",
        "Ғ": "Ğ",
        "Қ": "Q",
        "Ң": "Ñ",
        "Ө": "Ö",
        "Ұ": "Ū",
        "Ү": "Ü",
        "Һ": "H",
        "І": "I",
    }
)


def romanize(name: str, system: str) -> str:
    """A Cyrillic name as one romanization habit writes it."""
    if system == "kazakh2021":
        name = name.translate(_KAZAKH_LATIN_2021)
        table = {**_BASE, "ш": "ş", "ч": "ç", "ж": "j", "й": "i", "х": "h", "ы": "y"}
    else:
        name = name.translate(KAZAKH_TO_RUSSIAN)
        table = {**_BASE, **SYSTEMS[system]}
    out = []
    for index, char in enumerate(name):
        lower = char.lower()
        piece = table.get(lower, lower)
        if (
            system == "bgn"
            and lower == "е"
            and (index == 0 or name[index - 1].lower() in "аеиоуыэюя -")
        ):
            piece = "ye"
        out.append(piece.capitalize() if char.isupper() else piece)
    return "".join(out)


def alias_set(size: int, seed: int = 7) -> list[tuple[str, str]]:
    """`size` (entity id, alias) pairs: each entity's Cyrillic name and several romanizations."""
    rng = random.Random(seed)
    systems = [*SYSTEMS, "kazakh2021"]
    pairs: list[tuple[str, str]] = []
    entity = 0
    while len(pairs) < size:
        name = _cyrillic_name(rng)
        entity_id = (
            name  # people of one name are one entity here: the search cannot tell them apart
        )
        pairs.append((entity_id, name))
        for system in rng.sample(systems, 3):
            pairs.append((entity_id, romanize(name, system)))
        entity += 1
    return pairs[:size]


SYSTEM_NAMES = (*SYSTEMS, "kazakh2021")  # every romanization romanize() knows
KINDS = ("romanized", "cyrillic_ru", "cyrillic_kk", "typo", "surname", "prefix")
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") | {c.lower() for c in KAZAKH_LETTERS}
_TYPO_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Query(NamedTuple):
    """One query of a balanced set: its kind, the text typed, and the entity it is meant to find."""

    kind: str
    text: str
    entity: str


def is_cyrillic(text: str) -> bool:
    return any(c.lower() in _CYRILLIC for c in text)


def by_entity(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each entity's indexed aliases, in index order."""
    aliases: dict[str, list[str]] = {}
    for entity, alias in pairs:
        aliases.setdefault(entity, []).append(alias)
    return aliases


def _romanized(rng: random.Random, name: str, indexed: list[str]) -> str | None:
    """The full name in a romanization none of the entity's indexed aliases is written in."""
    unindexed = {romanize(name, system) for system in SYSTEM_NAMES} - set(indexed)
    return rng.choice(sorted(unindexed)) if unindexed else None


def _typo(rng: random.Random, indexed: list[str]) -> str | None:
    """One edit (substitution, deletion, insertion or transposition) in a Latin alias, never on a word's first letter."""
    latin = [a for a in indexed if not is_cyrillic(a)]
    if not latin:
        return None
    chars = list(rng.choice(latin))
    spots = [i for i in range(1, len(chars)) if chars[i].isalpha() and chars[i - 1].isalpha()]
    if not spots:
        return None
    spot = rng.choice(spots)
    edit = rng.choice(("substitute", "delete", "insert", "transpose"))
    if edit == "substitute":
        chars[spot] = rng.choice([c for c in _TYPO_LETTERS if c != chars[spot].lower()])
    elif edit == "delete":
        del chars[spot]
    elif edit == "insert":
        chars.insert(spot, rng.choice(_TYPO_LETTERS))
    else:
        if (
            spot + 1 >= len(chars)
            or not chars[spot + 1].isalpha()
            or chars[spot] == chars[spot + 1]
        ):
            return None
        chars[spot], chars[spot + 1] = chars[spot + 1], chars[spot]
    typed = "".join(chars)
    return None if typed in indexed else typed


def _prefix(rng: random.Random, indexed: list[str], of_surname: bool) -> str | None:
    """What has been typed so far: 4 or more letters of an alias, or of its surname alone."""
    alias = rng.choice(indexed)
    word = alias.split()[-1] if of_surname else alias
    if len(word) < 5:
        return None
    typed = word[: rng.randrange(4, len(word))].rstrip(" -")
    return typed if sum(c.isalpha() for c in typed) >= 4 else None


def balanced_queries(
    pairs: list[tuple[str, str]], per_kind: int = 50, seed: int = 11
) -> list[Query]:
    """`per_kind` queries of each kind in KINDS, round-robin (any leading slice of 6n is balanced too).

    - romanized: the full name in a romanization the entity was not indexed under;
    - cyrillic_ru: the name in Russian Cyrillic (Kazakh letters as Russian ones write them);
    - cyrillic_kk: the name in Kazakh Cyrillic, with its ә ғ қ ң ө ұ ү һ і;
      both Cyrillic kinds are drawn from names that have Kazakh letters, so the two differ
      (the indexed Cyrillic alias is the Kazakh form: cyrillic_kk queries equal it);
    - typo: one edit in an indexed Latin alias;
    - surname: the surname alone, as one of the aliases writes it;
    - prefix: 4+ letters typed so far, of an alias (even ones) or of its surname (odd ones).
    An entity is used once per kind at most; capitals are kept as the aliases have them.
    """
    rng = random.Random(seed)
    aliases = by_entity(pairs)
    entities = list(aliases)
    with_kazakh = [e for e in entities if any(c in KAZAKH_LETTERS for c in e)]
    made: dict[str, list[Query]] = {kind: [] for kind in KINDS}
    for kind in KINDS:
        used: set[str] = set()
        pool = with_kazakh if kind.startswith("cyrillic") else entities
        attempts = 0
        while len(made[kind]) < per_kind:
            attempts += 1
            if attempts > per_kind * 200:
                raise ValueError(
                    f"cannot make {per_kind} {kind} queries from {len(entities)} entities"
                )
            entity = rng.choice(pool)
            if entity in used:
                continue
            indexed = aliases[entity]
            text: str | None
            if kind == "romanized":
                text = _romanized(rng, entity, indexed)
            elif kind == "cyrillic_ru":
                text = entity.translate(KAZAKH_TO_RUSSIAN)
            elif kind == "cyrillic_kk":
                text = entity
            elif kind == "typo":
                text = _typo(rng, indexed)
            elif kind == "surname":
                text = rng.choice(indexed).split()[-1]
            else:
                text = _prefix(rng, indexed, of_surname=len(made[kind]) % 2 == 1)
            if text:
                used.add(entity)
                made[kind].append(Query(kind, text, entity))
    return [made[kind][i] for i in range(per_kind) for kind in KINDS]
