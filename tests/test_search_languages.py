"""Names as every language writes them: case endings, European spellings, name order, parts,
initials and the wrong keyboard layout all land on the entity they mean.

The forms below were written from how Russian, Ukrainian, Kazakh, Polish and Czech decline
names and how German, French, Polish, Czech and Turkish romanize them, not read off the code.
"""

from __future__ import annotations

import pytest

from kazsec.search import Entry, SearchEngine
from kazsec.search.index import NameIndex
from kazsec.store import Store

# (query as copied from a text in that language, the entity it names)
CASE_FORMS: list[tuple[str, str]] = [
    # Russian: Massimov in every case, with and without the given name
    ("Масимова", "karim-massimov"),
    ("Масимову", "karim-massimov"),
    ("Масимовым", "karim-massimov"),
    ("Масимове", "karim-massimov"),
    ("Карима Масимова", "karim-massimov"),
    ("Кариму Масимову", "karim-massimov"),
    ("Каримом Масимовым", "karim-massimov"),
    ("о Кариме Масимове", "karim-massimov"),
    ("Ермекбаева", "nurlan-yermekbayev"),
    ("Ермекбаеву", "nurlan-yermekbayev"),
    ("Ермекбаевым", "nurlan-yermekbayev"),
    ("Нурлана Ермекбаева", "nurlan-yermekbayev"),
    ("Нурланом Ермекбаевым", "nurlan-yermekbayev"),
    ("Сагимбаевым", "ermek-sagimbayev"),
    ("Сагимбаеву", "ermek-sagimbayev"),
    ("Ермека Сагимбаева", "ermek-sagimbayev"),
    ("Садыкулова", "anuar-sadykulov"),
    ("Садыкулову", "anuar-sadykulov"),
    ("Садыкуловым", "anuar-sadykulov"),
    ("Токаева", "kassym-jomart-tokayev"),
    ("Токаеву", "kassym-jomart-tokayev"),
    ("Токаевым", "kassym-jomart-tokayev"),
    ("Токаеве", "kassym-jomart-tokayev"),
    ("Нурсултана Назарбаева", "nursultan-nazarbayev"),
    ("Назарбаеву", "nursultan-nazarbayev"),
    ("Назарбаевым", "nursultan-nazarbayev"),
    ("Назарбаевой", "dariga-nazarbayeva"),
    ("Дариги Назарбаевой", "dariga-nazarbayeva"),
    ("Дарине Назарбаевой", "dariga-nazarbayeva"),
    ("Мамина", "askar-mamin"),
    ("Аскару Мамину", "askar-mamin"),
    ("Ерлана Карина", "erlan-karin"),
    ("Ерланом Кариным", "erlan-karin"),
    ("Осипова", "marat-osipov"),
    ("Маратом Осиповым", "marat-osipov"),
    ("Ергожину", "daulet-yergozhin"),
    ("Джаксыбекова", "adilbek-dzhaksybekov"),
    ("Майлыбаеву", "baglan-mailybayev"),
    ("Чингиса Аринова", "chingis-arinov"),
    ("Сыроежкина", "konstantin-syroyezhkin"),
    ("Константином Сыроежкиным", "konstantin-syroyezhkin"),
    ("Умбеталиевой", "tolganay-umbetaliyeva"),
    ("Волошину", "georgiy-voloshin"),
    ("Шибутова", "marat-shibutov"),
    ("Ашимбаевым", "daniyar-ashimbayev"),
    ("Жумаканова", "vladimir-zhumakanov"),
    ("Баяновым", "gabit-bayanov"),
    ("Абиша", "samat-abish"),
    ("Самату Абишу", "samat-abish"),
    ("Абыкаева", "nurtai-abykayev"),
    # Ukrainian
    ("Сагімбаєва", "ermek-sagimbayev"),
    ("Єрмека Сагімбаєва", "ermek-sagimbayev"),
    ("Сагімбаєвим", "ermek-sagimbayev"),
    ("Масимові", "karim-massimov"),
    ("Каріма Масимова", "karim-massimov"),
    ("Токаєва", "kassym-jomart-tokayev"),
    ("Токаєві", "kassym-jomart-tokayev"),
    ("Єрмекбаєва", "nurlan-yermekbayev"),
    ("Назарбаєву", "nursultan-nazarbayev"),
    ("Садикулова", "anuar-sadykulov"),
    # Kazakh: genitive, dative, accusative, instrumental, locative, ablative
    ("Ермекбаевтың", "nurlan-yermekbayev"),
    ("Ермекбаевқа", "nurlan-yermekbayev"),
    ("Ермекбаевпен", "nurlan-yermekbayev"),
    ("Сағымбаевтың", "ermek-sagimbayev"),
    ("Тоқаевтың", "kassym-jomart-tokayev"),
    ("Тоқаевқа", "kassym-jomart-tokayev"),
    ("Тоқаевты", "kassym-jomart-tokayev"),
    ("Тоқаевпен", "kassym-jomart-tokayev"),
    ("Тоқаевтан", "kassym-jomart-tokayev"),
    ("Мәсімовтің", "karim-massimov"),
    ("Мәсімовке", "karim-massimov"),
    ("Мәсімовті", "karim-massimov"),
    ("Мәсімовпен", "karim-massimov"),
    ("Мәсімовтен", "karim-massimov"),
    ("Назарбаевтың", "nursultan-nazarbayev"),
    ("Назарбаевқа", "nursultan-nazarbayev"),
    ("Назарбаевтан", "nursultan-nazarbayev"),
    ("Маминнің", "askar-mamin"),
    ("Мамин­ге".replace("\u00ad", ""), "askar-mamin"),
    ("Қариннің", "erlan-karin"),
    ("Әбіштің", "samat-abish"),
    ("Әбішке", "samat-abish"),
    ("Масимовтын", "karim-massimov"),  # Kazakh ending typed with Russian letters
    ("Токаевка", "kassym-jomart-tokayev"),
    # Polish and Czech case endings on romanized names
    ("Jermekbajewa", "nurlan-yermekbayev"),
    ("Jermekbajewowi", "nurlan-yermekbayev"),
    ("Jermekbajewem", "nurlan-yermekbayev"),
    ("Sagimbajewa", "ermek-sagimbayev"),
    ("Tokajewa", "kassym-jomart-tokayev"),
    ("Tokajewowi", "kassym-jomart-tokayev"),
    ("Tokajewem", "kassym-jomart-tokayev"),
    ("Masimowa", "karim-massimov"),
    ("Masimowem", "karim-massimov"),
    ("Masimovem", "karim-massimov"),
    ("Masimovovi", "karim-massimov"),
    ("Tokajevem", "kassym-jomart-tokayev"),
    ("Sadykulowa", "anuar-sadykulov"),
]

SPELLINGS: list[tuple[str, str]] = [
    # German
    ("Jermekbajew", "nurlan-yermekbayev"),
    ("Nurlan Jermekbajew", "nurlan-yermekbayev"),
    ("Nasarbajew", "nursultan-nazarbayev"),
    ("Nursultan Nasarbajew", "nursultan-nazarbayev"),
    ("Tokajew", "kassym-jomart-tokayev"),
    ("Massimow", "karim-massimov"),
    ("Sagimbajew", "ermek-sagimbayev"),
    ("Schibutow", "marat-shibutov"),
    ("Woloschin", "georgiy-voloshin"),
    ("Dschaksybekow", "adilbek-dzhaksybekov"),
    ("Aschimbajew", "daniyar-ashimbayev"),
    ("Tschingis Arinow", "chingis-arinov"),
    ("Abisch", "samat-abish"),
    # French
    ("Sadykoulov", "anuar-sadykulov"),
    ("Nazarbaïev", "nursultan-nazarbayev"),
    ("Tokaïev", "kassym-jomart-tokayev"),
    ("Ermekbaïev", "nurlan-yermekbayev"),
    ("Chiboutov", "marat-shibutov"),
    ("Volochine", "georgiy-voloshin"),
    ("Achimbaïev", "daniyar-ashimbayev"),
    ("Sagimbaïev", "ermek-sagimbayev"),
    ("Djaksybekov", "adilbek-dzhaksybekov"),
    # Polish
    ("Sadykułow", "anuar-sadykulov"),
    ("Szybutow", "marat-shibutov"),
    ("Wołoszyn", "georgiy-voloshin"),
    ("Nazarbajew", "nursultan-nazarbayev"),
    ("Aszimbajew", "daniyar-ashimbayev"),
    ("Czingis Arinow", "chingis-arinov"),
    ("Dżaksybekow", "adilbek-dzhaksybekov"),
    ("Abisz", "samat-abish"),
    # Czech
    ("Jermekbajev", "nurlan-yermekbayev"),
    ("Tokajev", "kassym-jomart-tokayev"),
    ("Šibutov", "marat-shibutov"),
    ("Vološin", "georgiy-voloshin"),
    ("Čingis Arinov", "chingis-arinov"),
    ("Abiš", "samat-abish"),
    ("Nazarbajev", "nursultan-nazarbayev"),
    # Turkish
    ("Şibutov", "marat-shibutov"),
    ("Çingis Arinov", "chingis-arinov"),
    ("Abiş", "samat-abish"),
]

ORDER_AND_PARTS: list[tuple[str, str]] = [
    ("Nazarbayev Dariga", "dariga-nazarbayeva"),
    ("Назарбаев Дарига", "dariga-nazarbayeva"),
    ("Nazarbayeva Dariga", "dariga-nazarbayeva"),
    ("Massimov Karim", "karim-massimov"),
    ("Масимов Карим", "karim-massimov"),
    ("Massimov Karim Kazhimkanovich", "karim-massimov"),
    ("Масимов Карим Кажимканович", "karim-massimov"),
    ("Karim Kazhimkanovich Massimov", "karim-massimov"),
    ("Назарбаев Нурсултан Абишевич", "nursultan-nazarbayev"),
    ("Nursultan Abishevich Nazarbayev", "nursultan-nazarbayev"),
    ("Tokayev Kassym-Jomart Kemelevich", "kassym-jomart-tokayev"),
    ("Tokayev K.-Zh.", "kassym-jomart-tokayev"),
    ("Токаев К.-Ж.", "kassym-jomart-tokayev"),
    ("K.-Zh. Tokayev", "kassym-jomart-tokayev"),
    ("K.K. Massimov", "karim-massimov"),
    ("Масимов К.К.", "karim-massimov"),
    ("Massimov K.", "karim-massimov"),
    ("Сагимбаев Е.", "ermek-sagimbayev"),
    ("Ермекбаев Нурлан Байузакович", "nurlan-yermekbayev"),
    ("Nurlan Yermekbayev uly", "nurlan-yermekbayev"),
    ("Sagimbayev Ermek", "ermek-sagimbayev"),
    ("Mamin Askar", "askar-mamin"),
]

# The ЙЦУКЕН layout by key: what a Latin key types with the Russian layout on.
_KEYS_EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_KEYS_RU = "йцукенгшщзхъфывапролджэячсмитьбюё"
TYPED_ON_ENGLISH = str.maketrans(_KEYS_RU + _KEYS_RU.upper(), _KEYS_EN + _KEYS_EN.upper())
TYPED_ON_RUSSIAN = str.maketrans(_KEYS_EN + _KEYS_EN.upper(), _KEYS_RU + _KEYS_RU.upper())

WRONG_LAYOUT: list[tuple[str, str]] = [
    ("Cfubv,ftd", "ermek-sagimbayev"),  # Сагимбаев with the English layout on
    ("Ыфвнлгдщм", "anuar-sadykulov"),  # Sadykulov with the Russian layout on
    *(
        (name.translate(TYPED_ON_ENGLISH), wanted)
        for name, wanted in [
            ("Масимов", "karim-massimov"),
            ("Токаев", "kassym-jomart-tokayev"),
            ("Назарбаев", "nursultan-nazarbayev"),
            ("Ермекбаев", "nurlan-yermekbayev"),
            ("Карим Масимов", "karim-massimov"),
            ("Шибутов", "marat-shibutov"),
        ]
    ),
    *(
        (name.translate(TYPED_ON_RUSSIAN), wanted)
        for name, wanted in [
            ("Massimov", "karim-massimov"),
            ("Tokayev", "kassym-jomart-tokayev"),
            ("Yermekbayev", "nurlan-yermekbayev"),
            ("Nazarbayev", "nursultan-nazarbayev"),
            ("Karim Massimov", "karim-massimov"),
        ]
    ),
]

BODIES: list[tuple[str, str]] = [
    ("Комитета национальной безопасности", "nsc"),
    ("Комитету национальной безопасности", "nsc"),
    ("Комитетом национальной безопасности", "nsc"),
    ("Совета безопасности", "security-council"),
    ("Советом безопасности", "security-council"),
    ("Министерства обороны", "ministry-of-defense"),
    ("Национальной гвардии", "national-guard"),
    ("Парламента", "parliament"),
    ("Акорды", "akorda-presidential-residence"),
    ("Ақордаға", "akorda-presidential-residence"),
]

ALL_FORMS = CASE_FORMS + SPELLINGS + ORDER_AND_PARTS + WRONG_LAYOUT + BODIES


@pytest.fixture(scope="module")
def engine(store: Store) -> SearchEngine:
    return SearchEngine.from_store(store)


def _ranked(engine: SearchEngine, query: str) -> list[str]:
    return [r.id for r in engine.search(query, types={"person", "agency"}, limit=5)]


def test_the_set_is_large_and_covers_every_kind() -> None:
    assert len(ALL_FORMS) >= 150
    assert min(map(len, (CASE_FORMS, SPELLINGS, ORDER_AND_PARTS, WRONG_LAYOUT, BODIES))) >= 10


def test_the_named_entity_ranks_first_for_97_percent_and_top_5_for_all(
    engine: SearchEngine,
) -> None:
    ranked = {query: _ranked(engine, query) for query, _ in ALL_FORMS}
    outside_top5 = [(q, want, ranked[q]) for q, want in ALL_FORMS if want not in ranked[q]]
    assert outside_top5 == []
    not_first = [(q, want, ranked[q][:2]) for q, want in ALL_FORMS if ranked[q][:1] != [want]]
    assert len(not_first) / len(ALL_FORMS) <= 0.03, not_first


@pytest.mark.parametrize(("query", "wanted"), CASE_FORMS[:12] + SPELLINGS[:6] + WRONG_LAYOUT[:4])
def test_a_case_form_or_spelling_is_a_confident_match(
    engine: SearchEngine, query: str, wanted: str
) -> None:
    best = engine.search(query, types={"person", "agency"}, limit=1)[0]
    assert best.id == wanted and best.confident


def test_the_person_ranks_above_events_and_passages_naming_them(engine: SearchEngine) -> None:
    for query in ("Масимова", "Massimov", "Tokajew", "Назарбаевым"):
        results = engine.search(query, limit=10)
        assert results[0].type == "person", (query, [(r.type, r.id) for r in results[:3]])


@pytest.mark.parametrize(
    ("query", "fragments"),
    [
        ("Масимова", ["Масимова", "Russian", "Масимов"]),
        ("Ермекбаевтың", ["Kazakh", "genitive"]),
        ("Jermekbajew", ["German"]),
        ("Cfubv,ftd", ["layout", "Сагимбаев"]),
        ("Massimov Karim Kazhimkanovich", ["patronymic"]),
        ("Massimov", ["as typed"]),
    ],
)
def test_each_result_says_how_it_matched(
    engine: SearchEngine, query: str, fragments: list[str]
) -> None:
    best = engine.search(query, types={"person"}, limit=1)[0]
    assert all(fragment in best.how for fragment in fragments), best.how
    assert best.to_json()["how"] == best.how


MUST_STAY_APART = [
    ("Максимова", "karim-massimov"),
    ("Максимову", "karim-massimov"),
    ("Maksimowa", "karim-massimov"),
    ("Токарева", "kassym-jomart-tokayev"),
    ("Tokarewa", "kassym-jomart-tokayev"),
    ("Назарова", "nursultan-nazarbayev"),
    ("Назаровым", "nursultan-nazarbayev"),
    ("Nazarowa", "nursultan-nazarbayev"),
    ("Касымова", "kassym-jomart-tokayev"),
    ("Маминой", "askar-mamin"),  # a woman's name: no man called Mamin is meant
]


@pytest.mark.parametrize(("query", "not_meant"), MUST_STAY_APART)
def test_case_forms_of_other_names_stay_apart(
    engine: SearchEngine, query: str, not_meant: str
) -> None:
    confident = [r.id for r in engine.search(query, types={"person"}) if r.confident]
    assert not_meant not in confident


def test_a_declension_never_beats_an_exact_match() -> None:
    # 'Ахметова' is a woman's name as written, and the genitive of a man's surname.
    index = NameIndex(
        [
            Entry("person", "ahmet", "Ерлан Ахметов", "Ерлан Ахметов"),
            Entry("person", "ahmeta", "Айгуль Ахметова", "Айгуль Ахметова"),
        ]
    )
    assert index.search("Ахметова", limit=2)[0].id == "ahmeta"
    assert index.search("Ахметову", limit=2)[0].id in {"ahmet", "ahmeta"}
    assert index.search("Ахметовым", limit=2)[0].id == "ahmet"
    # 'Назарбаева' names Dariga as written; Nursultan only through the genitive.
    assert index.search("Ахметов", limit=2)[0].id == "ahmet"


def test_dariga_is_found_as_written_before_her_father_through_a_genitive(
    engine: SearchEngine,
) -> None:
    assert _ranked(engine, "Назарбаева")[0] == "dariga-nazarbayeva"
    assert _ranked(engine, "Nazarbayeva")[0] == "dariga-nazarbayeva"


@pytest.mark.parametrize(
    ("query", "mode", "found"),
    [
        ("Massimov", "exact", True),
        ("Масимов", "exact", True),  # an alias written so
        ("Мәсімов", "exact", True),
        ("Masimova", "exact", False),  # no alias is written so
        ("Масимова", "exact", False),
        ("Massimvo", "exact", False),
        ("Масимова", "scripts", True),
        ("Jermekbajew", "exact", False),
        ("Massimvo", "scripts", False),  # a typo stays a guess by default...
        ("Massimvo", "fuzzy", True),  # ...and is taken for the name in fuzzy mode
        ("Masmiov", "fuzzy", True),
        ("Maksimov", "scripts", False),  # another name, unless typos are asked for
    ],
)
def test_search_modes(engine: SearchEngine, query: str, mode: str, found: bool) -> None:
    results = engine.search(query, types={"person"}, limit=3, mode=mode)  # type: ignore[arg-type]
    hit = bool(results) and results[0].id in ("karim-massimov", "nurlan-yermekbayev")
    assert (hit and results[0].confident) is found, [(r.id, r.score, r.how) for r in results]


def test_a_typo_is_still_the_first_guess_by_default(engine: SearchEngine) -> None:
    assert engine.search("Massimvo", types={"person"}, limit=1)[0].id == "karim-massimov"


def test_exact_mode_keeps_only_passages_written_as_typed(engine: SearchEngine) -> None:
    hits = engine.search("Massimov", types={"passage"}, limit=20, mode="exact")
    assert hits and all("massimov" in r.matched.casefold() for r in hits)
    folded = engine.search("Масимов", types={"passage"}, limit=20, mode="scripts")
    assert folded, "a Cyrillic query still finds Latin text in the default mode"


@pytest.mark.parametrize("prefix", ["Masi", "Сагим", "Yermekb", "Назарб", "Tokay", "Шибу"])
def test_four_letters_of_a_name_put_it_in_the_top_5(engine: SearchEngine, prefix: str) -> None:
    ranked = [r.id for r in engine.search(prefix, types={"person"}, limit=5)]
    wanted = {
        "Masi": "karim-massimov",
        "Сагим": "ermek-sagimbayev",
        "Yermekb": "nurlan-yermekbayev",
        "Назарб": "nursultan-nazarbayev",
        "Tokay": "kassym-jomart-tokayev",
        "Шибу": "marat-shibutov",
    }[prefix]
    assert wanted in ranked


def _prefixes(store: Store) -> list[tuple[str, str]]:
    """Every 4 to 9 letters typed of every person's surname and full name, in each script
    the knowledge base writes them in."""
    typed = []
    for person in store.all("people"):
        forms = [person["name"], person.get("native_ru", ""), person.get("native_kk", "")]
        for form in filter(None, forms):
            words = form.replace(".", " ").split()
            for written in {words[-1], form}:
                for end in range(4, min(len(written), 9) + 1):
                    if sum(char.isalpha() for char in written[:end]) >= 4:
                        typed.append((written[:end], person["id"]))
    return typed


def test_every_prefix_of_four_letters_or_more_puts_the_person_in_the_top_5(
    engine: SearchEngine, store: Store
) -> None:
    typed = _prefixes(store)
    assert len(typed) > 1000
    missed = [
        (prefix, wanted)
        for prefix, wanted in typed
        if wanted not in [r.id for r in engine.search(prefix, types={"person"}, limit=5)]
    ]
    assert missed == []
