"""Any query at all returns normally; folding with and without offsets agrees."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.names.fold import fold, fold_key
from kazsec.search import SearchEngine
from kazsec.store import Store


@pytest.fixture(scope="module")
def engine(store: Store) -> SearchEngine:
    return SearchEngine.from_store(store)


ABSURD = [
    "",
    " ",
    "\x00\x1b[31m\x07",
    "…—–“”",
    "🙂🔥👮‍♂️",
    "שלום עולם",
    "مرحبا",
    "ـــ",
    "a" * 10_000,
    "Масимов " * 2_000,
    "[bold]x[/bold]",
    "[@click=app.quit]quit[/]",
    "\u202eKNB\u202c",
    "\ufffd\U0003ffff",
    "ǅǈǋ ß ﬁ",
]


@pytest.mark.parametrize("query", ABSURD)
def test_absurd_queries_return_normally(engine: SearchEngine, query: str) -> None:
    results = engine.search(query, limit=10)
    assert isinstance(results, list) and len(results) <= 10


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_unicode_query_returns_normally(engine: SearchEngine, query: str) -> None:
    for result in engine.search(query, limit=5):
        assert 0 <= result.score <= 100
        assert all(0 <= s < e <= len(result.matched) for s, e in result.spans)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_fold_with_offsets_agrees_with_the_fast_path(text: str) -> None:
    folded = fold(text)
    assert folded.key == fold_key(text)
    assert len(folded.spans) == len(folded.key)
    assert all(0 <= s <= e <= len(text) for s, e in folded.spans)


NAME_LIKE = st.text(
    alphabet="абвгдежзийклмнопрстуфхцчшщыэюяәғқңөұүһіїєАБВГДЕЖКМНСТабwłszczjšžçşïabcdefghijklmnopqrstuvwxyzKMNST-.',;[]`",
    min_size=1,
    max_size=24,
)
ENDINGS = st.sampled_from(["", "а", "у", "ым", "ой", "тың", "қа", "пен", "owi", "em", "ova"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(NAME_LIKE, ENDINGS), min_size=1, max_size=4),
    st.sampled_from(["exact", "scripts", "fuzzy"]),
)
def test_name_like_queries_in_every_mode_return_normally_and_say_how(
    engine: SearchEngine, words: list[tuple[str, str]], mode: str
) -> None:
    """Case endings, European letters and keyboard-layout punctuation in any mix: every
    reading (declension, spelling, layout) runs without error, and each result's route
    starts from what was typed."""
    query = " ".join(word + ending for word, ending in words)
    results = engine.search(query, limit=5, mode=mode)  # type: ignore[arg-type]
    for result in results:
        assert 0 <= result.score <= 100
        assert all(0 <= s < e <= len(result.matched) for s, e in result.spans)
        if result.type != "passage":
            assert result.how.startswith(" ".join(query.split())[:1]), (query, result.how)


@pytest.mark.parametrize("mode", ["exact", "fuzzy"])
@pytest.mark.parametrize("query", ABSURD)
def test_absurd_queries_return_normally_in_every_mode(
    engine: SearchEngine, query: str, mode: str
) -> None:
    results = engine.search(query, limit=10, mode=mode)  # type: ignore[arg-type]
    assert isinstance(results, list) and len(results) <= 10
