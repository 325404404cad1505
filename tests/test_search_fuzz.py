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
