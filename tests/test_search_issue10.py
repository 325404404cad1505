"""Issue 10: surname-first and masculine-surname queries, snippets centred on the match,
short queries that are no longer confident by accident, and sorting people by surname."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazsec.names.fold import fold_key
from kazsec.search import Entry, SearchEngine, SearchResult
from kazsec.search.index import NameIndex
from kazsec.store import Store

# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(store: Store) -> SearchEngine:
    return SearchEngine.from_store(store)


@pytest.fixture(scope="module")
def people(store: Store) -> list[dict[str, Any]]:
    return list(store.all("people"))


@pytest.fixture(scope="module")
def passage_texts(store: Store) -> dict[str, str]:
    return {p["id"]: p["text"] for p in store.all("passages")}


def _top(engine: SearchEngine, query: str, types: set[str] | None = None) -> SearchResult:
    results = engine.search(query, types=types, limit=5)
    assert results, f"nothing found for {query!r}"
    return results[0]


def _given_words(name: str) -> list[str]:
    return name.split()[:-1]


# -- 1. surname first, masculine surname for a woman ------------------------------------------

SURNAME_FIRST = [
    ("Nazarbayev Dariga", "dariga-nazarbayeva"),
    ("Назарбаев Дарига", "dariga-nazarbayeva"),
    ("Назарбаев Дариға", "dariga-nazarbayeva"),
    ("Nazarbaev Dariga", "dariga-nazarbayeva"),
    ("Dariga Nazarbayev", "dariga-nazarbayeva"),
    ("Nazarbayeva Dariga", "dariga-nazarbayeva"),
    ("Назарбаева Дарига", "dariga-nazarbayeva"),
    ("Nazarbayev D.", "dariga-nazarbayeva"),
    ("Umbetaliyev Tolganay", "tolganay-umbetaliyeva"),
    ("Умбеталиев Толганай", "tolganay-umbetaliyeva"),
    ("Tolganay Umbetaliev", "tolganay-umbetaliyeva"),
    ("Kurmanov A.", "a-kurmanova"),
    ("Курманов А.", "a-kurmanova"),
    ("Iazkov A.D.", "a-d-iazkova"),
    ("Massimov Karim", "karim-massimov"),
    ("Масимов Карим", "karim-massimov"),
    ("Мәсімов Кәрім", "karim-massimov"),
    ("Tokayev Kassym-Jomart", "kassym-jomart-tokayev"),
    ("Тоқаев Қасым-Жомарт", "kassym-jomart-tokayev"),
    ("Токаев Касым-Жомарт", "kassym-jomart-tokayev"),
    ("Jomart Tokayev Kassym", "kassym-jomart-tokayev"),
    ("Tokayev Jomart Kassym", "kassym-jomart-tokayev"),
    ("Nazarbayev Nursultan", "nursultan-nazarbayev"),
    ("Назарбаев Нұрсұлтан", "nursultan-nazarbayev"),
    ("Syroyezhkin Konstantin", "konstantin-syroyezhkin"),
    ("Ермекбаев Нурлан", "nurlan-yermekbayev"),
    ("Jinping Xi", "xi-jinping"),
]


@pytest.mark.parametrize(("query", "wanted"), SURNAME_FIRST)
def test_surname_first_and_masculine_surnames_find_the_person(
    engine: SearchEngine, query: str, wanted: str
) -> None:
    best = _top(engine, query)
    assert (best.id, best.confident) == (wanted, True), (query, best)
    assert best.spans and all(0 <= s < e <= len(best.matched) for s, e in best.spans)


def test_every_bundled_person_is_found_surname_first_in_each_script(
    engine: SearchEngine, people: list[dict[str, Any]]
) -> None:
    misses = []
    for person in people:
        for form in (person["name"], person.get("native_ru", ""), person.get("native_kk", "")):
            words = form.split()
            if len(words) < 2:
                continue
            for order in {tuple(reversed(words)), (words[-1], *words[:-1])}:
                query = " ".join(order)
                best = _top(engine, query, {"person"})
                if (best.id, best.confident) != (person["id"], True):
                    misses.append((query, person["id"], best.id, round(best.score, 1)))
    assert misses == []


def _masculine(surname: str) -> str | None:
    for feminine, masculine in (
        ("ova", "ov"),
        ("eva", "ev"),
        ("ina", "in"),
        ("skaya", "skiy"),
        ("ова", "ов"),
        ("ева", "ев"),
        ("ина", "ин"),
        ("ская", "ский"),
    ):
        if surname.endswith(feminine):
            return surname[: -len(feminine)] + masculine
    return None


def test_every_bundled_woman_is_found_by_the_masculine_surname_in_any_order(
    engine: SearchEngine, people: list[dict[str, Any]]
) -> None:
    checked = 0
    for person in people:
        for form in (person["name"], person.get("native_ru", "")):
            words = form.split()
            masculine = _masculine(words[-1]) if len(words) >= 2 else None
            if masculine is None:
                continue
            for order in itertools.permutations([*words[:-1], masculine]):
                best = _top(engine, " ".join(order), {"person"})
                assert (best.id, best.confident) == (person["id"], True), (order, best)
                checked += 1
    assert checked >= 8


FAMILY = [
    Entry("person", "timur", "Timur Nazarbayev", "Timur Nazarbayev"),
    Entry("person", "aliya", "Aliya Nazarbayeva", "Aliya Nazarbayeva"),
    Entry("person", "ivan", "Ivan Petrov", "Иван Петров"),
    Entry("person", "maria", "Maria Petrova", "Мария Петрова"),
    Entry("person", "sergey", "Sergey Belinsky", "Sergey Belinsky"),
    Entry("person", "anna", "Anna Belinskaya", "Anna Belinskaya"),
    Entry("person", "oleg", "Oleg Pushkin", "Oleg Pushkin"),
    Entry("person", "olga", "Olga Pushkina", "Olga Pushkina"),
    Entry("person", "lev", "Lev Trotsky", "Лев Троцкий"),
    Entry("person", "natalia", "Natalia Trotskaya", "Наталья Троцкая"),
]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("Nazarbayev Aliya", "aliya"),
        ("Aliya Nazarbayev", "aliya"),
        ("Nazarbayeva Timur", "timur"),
        ("Nazarbayev Timur", "timur"),
        ("Nazarbayev", "timur"),
        ("Nazarbayeva", "aliya"),
        ("Petrov Maria", "maria"),
        ("Петров Мария", "maria"),
        ("Petrova Ivan", "ivan"),
        ("Петров", "ivan"),
        ("Петрова", "maria"),
        ("Belinsky Anna", "anna"),
        ("Белинский Анна", "anna"),
        ("Belinskaya Sergey", "sergey"),
        ("Belinskiy", "sergey"),
        ("Belinskaya", "anna"),
        ("Pushkin Olga", "olga"),
        ("Pushkina Oleg", "oleg"),
        ("Trotsky Natalia", "natalia"),
        ("Троцкий Наталья", "natalia"),
        ("Trotskaya", "natalia"),
        ("Trotsky", "lev"),
    ],
)
def test_a_gender_ending_never_merges_two_people_who_both_exist(query: str, wanted: str) -> None:
    best = NameIndex(FAMILY).search(query, types={"person"}, limit=3)[0]
    assert (best.id, best.confident) == (wanted, True), best


@pytest.mark.parametrize(
    ("query", "known"),
    [
        ("Masimov", "Maksimova"),
        ("Maksimova", "Masimov"),
        ("Tokayev", "Tokareva"),
        ("Tokareva", "Tokayev"),
        ("Nazarbayev", "Nazarova"),
        ("Nazarova", "Nazarbayev"),
        ("Kassymov", "Kassymbekova"),
        ("Kassymova", "Kassymbekov"),
        ("Masimova", "Maksimov"),
    ],
)
def test_gender_forms_keep_different_surnames_apart(query: str, known: str) -> None:
    index = NameIndex([Entry("person", known.lower(), known, known)])
    assert not any(r.confident for r in index.search(query))


def test_a_feminine_surname_alone_is_only_a_guess_for_a_man() -> None:
    index = NameIndex([Entry("person", "oleg", "Oleg Pushkin", "Oleg Pushkin")])
    best = index.search("Pushkina")[0]
    assert best.id == "oleg" and not best.confident
    assert index.search("Pushkina Oleg")[0].confident, "the given name settles it"


def test_a_feminine_surname_is_not_the_masculine_one_with_the_next_word_begun(
    engine: SearchEngine,
) -> None:
    # 'Nazarbayev announces…' starts with the letters of 'Nazarbayeva'.
    for result in engine.search("Nazarbayeva", types={"event", "person"}, limit=20):
        if result.confident:
            assert "Nazarbayeva" in result.matched, result


# -- 3. short queries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "wanted"),
    [("ҰҚК", "nsc"), ("KNB", "nsc"), ("КНБ", "nsc"), ("ODKB", "csto"), ("ОДКБ", "csto")],
)
def test_abbreviations_find_their_body_first_and_confidently(
    engine: SearchEngine, query: str, wanted: str
) -> None:
    best = _top(engine, query)
    assert (best.id, best.confident) == (wanted, True)


def test_the_kazakh_abbreviation_of_the_nsc_is_nothing_else_confidently(
    engine: SearchEngine,
) -> None:
    results = engine.search("ҰҚК", limit=20)
    assert [r.id for r in results if r.confident] == ["nsc"]
    assert not any(r.id == "ukraina-ru" and r.confident for r in results)


@pytest.mark.parametrize("query", ["x", "X", "ab", "Ab", "h", "xi", "ka", "ж", "ко", "ш", "me"])
def test_one_or_two_letters_are_guesses_unless_a_whole_key(
    engine: SearchEngine, query: str
) -> None:
    for result in engine.search(query, limit=20):
        if result.confident:
            assert result.type != "passage" and fold_key(result.matched).replace(
                " ", ""
            ) == fold_key(query).replace(" ", ""), result


def _one_and_two_letter_queries() -> Iterator[str]:
    latin = string.ascii_lowercase
    yield from latin
    yield from "абвгдежзиклмнопрстуфхцчшщыэюяәғқңөұүһі"
    yield from ("".join(pair) for pair in itertools.product(latin, repeat=2))


def test_every_tiny_query_is_confident_only_on_a_whole_key(engine: SearchEngine) -> None:
    wrong = []
    for query in _one_and_two_letter_queries():
        key = fold_key(query).replace(" ", "")
        for result in engine.search(query, limit=10):
            whole = fold_key(result.matched).replace(" ", "") == key
            if result.confident and (result.type == "passage" or not whole):
                wrong.append((query, result.id, result.matched, round(result.score, 1)))
    assert wrong == []


def test_three_letters_are_confident_only_on_whole_keys_or_whole_tokens(
    engine: SearchEngine, store: Store
) -> None:
    queries = {"kaz", "nur", "tok", "mas", "sec", "gen", "kar", "ука", "наз", "тоқ"}
    for agency in store.all("agencies"):
        for form in (agency["name"], *agency.get("curator_aliases", [])):
            queries.update(w for w in form.split() if len(w) == 3 and w.isalpha())
    wrong = []
    for query in sorted(queries):
        key = fold_key(query)
        for result in engine.search(query, types={"person", "agency", "event"}, limit=10):
            if result.confident and key not in fold_key(result.matched).split():
                wrong.append((query, result.id, result.matched))
    assert len(queries) > 20 and wrong == []


def test_short_prefix_guesses_still_come_in_a_sensible_order(engine: SearchEngine) -> None:
    assert _top(engine, "Xi", {"person", "agency"}).id == "xi-jinping"  # a whole token first
    assert not _top(engine, "Xi").confident
    assert _top(engine, "x", {"person", "agency"}).score < 85


def test_an_alias_written_as_typed_wins_a_tie_in_folding() -> None:
    index = NameIndex(
        [
            Entry("agency", "uk", "United Kingdom", "UK"),
            Entry("agency", "nsc", "National Security Committee", "ҰҚК"),
        ]
    )
    assert index.search("ҰҚК")[0].id == "nsc"
    assert index.search("UK")[0].id == "uk"
    assert index.search("uk")[0].id == "uk"


# -- 2. snippets centred on the match -----------------------------------------------------------


def _allowed_highlights(query: str) -> set[str]:
    """The query's folded tokens, and each in the other gender (folded endings)."""
    allowed = set(fold_key(query).split())
    for token in list(allowed):
        for masculine, feminine in (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("ski", "skaia")):
            if token.endswith(masculine):
                allowed.add(token[: -len(masculine)] + feminine)
            if token.endswith(feminine):
                allowed.add(token[: -len(feminine)] + masculine)
    return allowed


def _check_passage_result(result: SearchResult, text: str, query: str) -> None:
    snippet = result.matched
    assert result.spans, f"{query!r}: no highlight in {snippet!r}"
    allowed = _allowed_highlights(query)
    for start, end in result.spans:
        assert 0 <= start < end <= len(snippet), (query, snippet, start, end)
        shown = snippet[start:end]
        assert shown == text[start + result.offset : end + result.offset], (query, shown)
        assert fold_key(shown) in allowed, (query, shown, snippet)
    body = snippet.removeprefix("…").removesuffix("…")
    low = text.index(body)
    assert snippet.startswith("…") == (low > 0)
    assert snippet.endswith("…") == (low + len(body) < len(text))
    # Cut between words, about as long as before.
    assert low == 0 or text[low - 1].isspace() or not text[low - 1].isalnum()
    high = low + len(body)
    assert high == len(text) or text[high].isspace() or not text[high].isalnum()
    assert len(body) <= 240
    # Centred on a match, unless an end of the text is nearer.
    if low > 0 and high < len(text):
        middle = len(snippet) / 2
        nearest = min(abs((s + e) / 2 - middle) for s, e in result.spans)
        assert nearest <= 60, (query, snippet)


def _passage_queries(texts: dict[str, str]) -> list[str]:
    words = sorted(
        {w for text in texts.values() for w in re.findall(r"[^\W\d_]{4,}", text)},
        key=lambda w: (fold_key(w), w),
    )
    sample = words[::23]
    queries = [*sample, *(w[:5] for w in sample[::3])]
    queries += [
        "Masimov",
        "Massimov",
        "Масимов",
        "CSTO",
        "ОДКБ",
        "KNB",
        "treason",
        "secret courts",
        "gray cardinal",
        "Karim Masimov",
        "Nazarbayev Dariga",
        "Umbetaliyev Tolganay",
        "Tokayev",
        "Қасым-Жомарт Тоқаев",
        "Security Council",
        "Massim",
        "Nazarbayeva",
    ]
    return queries


def test_every_snippet_shows_its_highlighted_words_and_they_fold_to_the_query(
    engine: SearchEngine, passage_texts: dict[str, str]
) -> None:
    queries = _passage_queries(passage_texts)
    assert len(queries) >= 150
    checked = 0
    for query in queries:
        for result in engine.search(query, types={"passage"}, limit=20):
            assert result.passage is not None
            _check_passage_result(result, passage_texts[result.passage], query)
            checked += 1
    assert checked >= 500


@pytest.mark.parametrize(
    ("query", "passage", "words"),
    [
        ("Masimov", "ciss-2022-nsc/p052", ["Massimov"]),
        ("CSTO", "astana-times-2015-yermekbayev/p002", ["CSTO"]),
        ("gray cardinal", "ciss-2022-nsc/p052", ["gray", "cardinal"]),
    ],
)
def test_the_reported_snippets_now_show_the_match_near_their_middle(
    engine: SearchEngine, passage_texts: dict[str, str], query: str, passage: str, words: list[str]
) -> None:
    hit = next(r for r in engine.search(query, types={"passage"}, limit=50) if r.id == passage)
    shown = [hit.matched[s:e] for s, e in hit.spans]
    assert shown[: len(words)] == words
    start, end = hit.spans[0]
    assert abs((start + end) / 2 - len(hit.matched) / 2) <= 25, hit.matched


def test_the_best_match_is_the_centre_not_an_earlier_weaker_one() -> None:
    from corpus_helpers import passage_index

    from kazsec.search.passages import PassageDoc

    filler = " ".join(["word"] * 120)
    text = f"Masimova opened it. {filler} Then Karim Masimov spoke. {filler} The end."
    index = passage_index([PassageDoc("p1", "s", "S · body", text)])
    hit = index.search("Masimov")[0]
    shown = [hit.matched[s:e] for s, e in hit.spans]
    assert shown == ["Masimov"] and "Karim Masimov spoke" in hit.matched
    assert hit.matched.startswith("…") and hit.matched.endswith("…")
    start, end = hit.spans[0]
    assert text[start + hit.offset : end + hit.offset] == "Masimov"
    assert abs((start + end) / 2 - len(hit.matched) / 2) < 20


def test_a_phrase_is_the_centre_when_the_passage_has_one() -> None:
    from corpus_helpers import passage_index

    from kazsec.search.passages import PassageDoc

    filler = " ".join(["word"] * 80)
    text = f"secret {filler} courts {filler} the secret courts met {filler} end"
    hit = passage_index([PassageDoc("p1", "s", "S · body", text)]).search("secret courts")[0]
    assert "the secret courts met" in hit.matched
    assert [hit.matched[s:e] for s, e in hit.spans] == ["secret", "courts"]


def test_a_prefix_is_highlighted_as_far_as_it_was_typed(engine: SearchEngine) -> None:
    for result in engine.search("Massim", types={"passage"}, limit=10):
        assert all(fold_key(result.matched[s:e]) == "masim" for s, e in result.spans)


def test_words_with_apostrophes_are_highlighted_whole() -> None:
    from corpus_helpers import passage_index

    from kazsec.search.passages import PassageDoc

    text = "Qasym-Jomart To'qaev spoke."
    hit = passage_index([PassageDoc("p1", "s", "S · body", text)]).search("Tokayev")[0]
    assert [hit.matched[s:e] for s, e in hit.spans] == ["To'qaev"]


def test_a_result_can_be_focused_for_a_narrow_row(engine: SearchEngine) -> None:
    hit = next(iter(engine.search("Massimov", types={"passage"}, limit=20)))
    narrow = hit.focused(60)
    assert len(narrow.matched) <= 62 and narrow.spans
    for (s, e), (s2, e2) in zip(narrow.spans, hit.spans[: len(narrow.spans)], strict=False):
        assert s + narrow.offset == s2 + hit.offset and e + narrow.offset == e2 + hit.offset
        assert narrow.matched[s:e] == hit.matched[s2:e2]


# -- 4. sorting people by surname ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Karim Massimov", "massimov"),
        ("Kassym-Jomart Tokayev", "tokayev"),
        ("Xi Jinping", "xi"),
        ("Kim Jong Un", "kim"),
        ("Park Geun-hye", "park"),
        ("Lee Kuan Yew", "lee"),
        ("Wang Yi", "wang"),
        ("Li Keqiang", "li"),
        ("Jinping Xi", "xi"),
        ("E.T. Seylekhanov", "seylekhanov"),
        ("Iu.O. Buluktaev", "buluktaev"),
        ("A. Ivanov-Vayskopf", "ivanov-vayskopf"),
        ("K Massimov", "massimov"),
        ("Dr. Marlène Laruelle", "laruelle"),
        ("Prof. M. Laruelle", "laruelle"),
        ("Mr Wang", "wang"),
        ("Martin Luther King Jr.", "king"),
        ("NAZARBAYEV Nursultan", "nazarbayev"),
        ("Nazarbayev Nursultan Abishevich", "nazarbayev"),
        ("Nursultan Abishevich Nazarbayev", "nazarbayev"),
        ("Мәсімов Кәрім Қажымқанұлы", "мәсімов"),
        ("Ardak Ashimbekuly", "ashimbekuly"),
        ("Nursultan Nazarbayev", "nazarbayev"),
        ("Wang Li Ming Hua", "hua"),  # four words: not taken as family-name-first
        ("Elbasy", "elbasy"),
    ],
)
def test_sort_key_starts_with_the_surname(name: str, surname: str) -> None:
    from kazsec.names.sorting import sort_key

    assert sort_key(name)[0] == surname


def test_people_sort_by_surname(people: list[dict[str, Any]]) -> None:
    from kazsec.names.sorting import sort_key

    names = [
        "Xi Jinping",
        "Karim Massimov",
        "E.T. Seylekhanov",
        "Dariga Nazarbayeva",
        "Nursultan Nazarbayev",
        "Samat Abish",
        "Äbish Zhan",
        "Kim Jong Un",
        "M. Laruelle",
    ]
    assert sorted(names, key=sort_key) == [
        "Samat Abish",
        "Kim Jong Un",
        "M. Laruelle",
        "Karim Massimov",
        "Nursultan Nazarbayev",
        "Dariga Nazarbayeva",
        "E.T. Seylekhanov",
        "Xi Jinping",
        "Äbish Zhan",
    ]
    ordered = sorted((p["name"] for p in people), key=sort_key)
    assert ordered.index("Xi Jinping") > ordered.index("Karim Massimov")
    assert all(isinstance(part, str) for name in ordered for part in sort_key(name))
    assert len({sort_key(name) for name in ordered}) == len(set(ordered)), "a total order"


def test_centred_window_edges() -> None:
    from kazsec.search.snippets import centred_window, snippet_around

    assert centred_window("short text", 0, 5, 220) == (0, 10)
    text = "alpha " * 100
    low, high = centred_window(text, 0, 5, 50)
    assert low == 0 and high <= 50 and text[high - 1] != " "
    low, high = centred_window(text, len(text) - 6, len(text) - 1, 50)
    assert high == len(text) - 1 and len(text) - low <= 51
    word = "x" * 300
    assert centred_window(f"a {word} b", 2, 302, 50) == (2, 302), "the match is kept whole"
    assert snippet_around("nospacesatall" * 30, 100, 105, 40).text.count("…") == 2


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab \n", max_size=400),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=10, max_value=200),
)
def test_centred_window_holds_the_match_and_cuts_between_words(
    text: str, start: int, size: int, length: int
) -> None:
    from kazsec.search.snippets import centred_window, cut

    start = min(start, len(text))
    end = min(len(text), start + size)
    low, high = centred_window(text, start, end, length)
    assert 0 <= low <= start <= end <= high <= len(text)
    assert high - low <= max(length, end - start)
    assert low in (0, start) or text[low - 1].isspace()
    assert high in (len(text), end) or text[high].isspace()
    shown = cut(text, low, high)
    assert shown.text[start + shown.shift : end + shown.shift] == text[start:end]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab \n", max_size=400),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=10, max_value=200),
)
def test_a_leading_window_keeps_the_match_near_its_start(
    text: str, start: int, size: int, before: int, length: int
) -> None:
    from kazsec.search.snippets import cut, leading_window

    start = min(start, len(text))
    end = min(len(text), start + size)
    low, high = leading_window(text, start, end, before, length)
    assert 0 <= low <= start <= end <= high <= len(text)
    assert start - low <= before, "never more context ahead of the match than asked"
    assert high - low <= max(length, end - low)
    assert low in (0, start) or text[low - 1].isspace()
    assert high in (len(text), end) or text[high].isspace()
    shown = cut(text, low, high)
    assert shown.text[start + shown.shift : end + shown.shift] == text[start:end]


@pytest.mark.parametrize(
    "query", ["Massimov", "Масимов", "Tokayev", "Sagimbayev", "KNB", "Дутбаев"]
)
def test_a_passage_row_shows_its_match_on_an_80_column_terminal(
    engine: SearchEngine, query: str
) -> None:
    """The search box's list is 72 cells wide at 80 columns: each passage hit's row (its
    source, then its snippet) shows the first matched word whole within them."""
    from kazsec.render.search import result_prompt

    hits = [hit for hit in engine.search(query, types={"passage"}, limit=40) if hit.spans]
    assert hits, query
    for hit in hits:
        row = result_prompt(hit)
        start, end = hit.spans[0]
        word = hit.matched[start:end].replace("\n", " ")
        assert word in row.plain[:72], (query, row.plain)
        assert not row.plain.startswith(hit.name) or len(hit.name) <= 24, "the source is cut"
