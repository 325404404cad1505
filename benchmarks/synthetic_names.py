"""Synthetic alias sets: Cyrillic names romanized through several real-world systems.

Each entity is a Kazakh or Russian name in Cyrillic; its aliases are that name as
written by different romanization habits, so a benchmark can measure both speed
and whether a search finds the entity from a spelling it was not indexed under.
"""

from __future__ import annotations

import random

GIVEN = (
    "Карим Нурсултан Касым-Жомарт Нурлан Марат Ермек Асқар Дариға Самат Ануар Берік Ерлан Серік Бауыржан "
    "Әлихан Жанар Гүлнар Айгүл Мұрат Ерболат Қайрат Тимур Данияр Ержан Болат Дархан Ғабит Нұрғали Арман "
    "Владимир Константин Сергей Юрий Алексей Дмитрий Николай Пётр Андрей Михаил Ольга Татьяна Наталья"
).split()
SURNAME_ROOTS = (
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


_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
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
        name = name.translate(_KAZAKH_TO_RUSSIAN)
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


def query_mix(
    pairs: list[tuple[str, str]], count: int = 200, seed: int = 11
) -> list[tuple[str, str, str]]:
    """(kind, query, expected entity): Latin in an unindexed system, Cyrillic, typo, and as-you-type prefixes."""
    rng = random.Random(seed)
    cyrillic = [
        (e, a) for e, a in pairs if any("а" <= c.lower() <= "я" or c in "әғқңөұүһі" for c in a)
    ]
    queries: list[tuple[str, str, str]] = []
    while len(queries) < count:
        entity, name = rng.choice(cyrillic)
        kind = ("latin", "cyrillic", "typo", "prefix")[len(queries) % 4]
        if kind == "latin":
            queries.append((kind, romanize(name, rng.choice(["bgn", "simple", "french"])), entity))
        elif kind == "cyrillic":
            queries.append((kind, name.split()[-1] if rng.random() < 0.5 else name, entity))
        elif kind == "typo":
            latin = list(romanize(name, "bgn"))
            spot = rng.randrange(1, len(latin) - 1)
            latin[spot], latin[spot + 1] = latin[spot + 1], latin[spot]
            queries.append((kind, "".join(latin), entity))
        else:
            surname = romanize(name, "bgn").split()[-1]
            for length in range(2, min(len(surname), 7) + 1):
                queries.append((kind, surname[:length], entity))
    return queries[:count]
