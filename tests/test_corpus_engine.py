"""The corpus engine: incremental builds, generations readers can trust, search through FTS5."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kazsec.build.compile import build_store
from kazsec.cli import main
from kazsec.errors import SourceError, StoreError
from kazsec.library import Library
from kazsec.names.fold import fold_key
from kazsec.store import Store
from kazsec.store.corpus import Corpus


def _add_source(data: Path, source_id: str, text: str, title: str = "") -> None:
    raw = text.encode()
    (data / "sources" / f"{source_id}.txt").write_bytes(raw)
    with (data / "sources.toml").open("a", encoding="utf-8") as toml:
        toml.write(
            f'\n[[source]]\nid = "{source_id}"\nfile = "{source_id}.txt"\n'
            f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\ntitle = "{title or source_id}"\n'
        )


def _replace_source(data: Path, source_id: str, text: str) -> None:
    toml = (data / "sources.toml").read_text(encoding="utf-8")
    old = hashlib.sha256((data / "sources" / f"{source_id}.txt").read_bytes()).hexdigest()
    (data / "sources" / f"{source_id}.txt").write_bytes(text.encode())
    new = hashlib.sha256(text.encode()).hexdigest()
    (data / "sources.toml").write_text(toml.replace(old, new), encoding="utf-8")


def _units(path: Path) -> dict[str, int]:
    db = sqlite3.connect(f"{path}.corpus")
    try:
        return dict(db.execute("SELECT source, num FROM units"))
    finally:
        db.close()


NEW_TEXT = "Karim Massimov spoke to the council.\n\nThe zephyrine committee met twice.\n"


def test_a_rebuild_touches_only_new_and_changed_documents(data_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    first = build_store(data_copy, path)
    assert first.units_built == 5
    assert build_store(data_copy, path).units_built == 0, "nothing changed, nothing redone"
    before = _units(path)
    _add_source(data_copy, "added-note", NEW_TEXT)
    added = build_store(data_copy, path)
    assert (added.units_built, added.units_linked) == (1, 1)
    after = _units(path)
    assert {k: v for k, v in after.items() if k in before} == before, "old units untouched"
    _replace_source(data_copy, "added-note", NEW_TEXT.replace("twice", "thrice"))
    assert build_store(data_copy, path).units_built == 1
    library = Library(Store.open(path))
    assert library.engine.search("thrice", types={"passage"})
    assert not library.engine.search("twice", types={"passage"})
    assert library.view("karim-massimov").dossier.mentions_by_source.get("added-note")


def test_a_reader_keeps_its_generation_while_a_build_replaces_it(
    data_copy: Path, tmp_path: Path
) -> None:
    path = tmp_path / "s.json"
    _add_source(data_copy, "added-note", NEW_TEXT)
    build_store(data_copy, path)
    old = Library(Store.open(path))
    _replace_source(data_copy, "added-note", NEW_TEXT.replace("zephyrine", "quartzite"))
    build_store(data_copy, path)
    new = Library(Store.open(path))
    # The old reader reads the old text whole: its passages, hits and mentions agree.
    assert old.engine.search("zephyrine", types={"passage"})
    assert not old.engine.search("quartzite", types={"passage"})
    assert new.engine.search("quartzite", types={"passage"})
    assert not new.engine.search("zephyrine", types={"passage"})
    old_passage = old.passage("added-note/p002")
    assert old_passage is not None and "zephyrine" in old_passage["text"]
    # A third build drops the first generation (two are kept: the current and the one before).
    _replace_source(data_copy, "added-note", NEW_TEXT.replace("zephyrine", "basaltic"))
    build_store(data_copy, path)
    newest = Library(Store.open(path))
    assert newest.engine.search("basaltic", types={"passage"})
    assert new.engine.search("quartzite", types={"passage"}), "the one before is kept"
    with pytest.raises(StoreError, match="lacks the generation"):
        Corpus(Path(f"{path}.corpus"), old.corpus.generation, "rebuild it")


def test_build_from_another_data_folder_leaves_the_bundled_one_alone(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_source(data_copy, "added-note", NEW_TEXT)
    path = tmp_path / "s.json"
    assert main(["build", "--data", str(data_copy), "--store", str(path)]) == 0
    capsys.readouterr()
    assert main(["--store", str(path), "check"]) == 0, "checked against the folder it came from"
    assert "6 sources" in capsys.readouterr().out
    assert main(["build", "--data", str(tmp_path / "nowhere"), "--store", str(path)]) == 2
    assert "no sources.toml" in capsys.readouterr().err


def test_a_large_catalogue_is_searched_through_the_corpus(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kazsec.search import sources

    monkeypatch.setattr(sources, "SOURCES_IN_NAME_INDEX", 1)
    monkeypatch.setattr("kazsec.search.engine.SOURCES_IN_NAME_INDEX", 1)
    library = Library(store)
    assert library.engine.sources is not None
    assert all(item.entry.type != "source" for item in library.engine.names._items)
    for query, expected in [
        ("Kazakhstan 2.0", "kz20-security-council"),
        ("Казахстан 2.0", "kz20-security-council"),
        ("antiterror", "caci-2013-antiterror"),
        ("Astana Tim", "astana-times-2015-yermekbayev"),
    ]:
        found = [r for r in library.engine.search(query, types={"source"}) if r.confident]
        assert found and found[0].id == expected, (query, found)
        assert all(found[0].matched[s:e] for s, e in found[0].spans)
    assert not [r for r in library.engine.search("zzqx", types={"source"}) if r.confident]


# -- passage search through the index ---------------------------------------------------------


@pytest.fixture(scope="module")
def library(built_store_path: Path) -> Library:
    return Library(Store.open(built_store_path))


def _texts(library: Library) -> dict[str, str]:
    return {p["id"]: p["text"] for s in library.sources for p in library.corpus.passages_of(s)}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_passage_holding_a_word_is_found(library: Library, data: st.DataObject) -> None:
    texts = _texts(library)
    keys = {pid: set(fold_key(text).split()) for pid, text in texts.items()}
    words = sorted({w for t in texts.values() for w in t.split() if len(w) >= 4 and w.isalpha()})
    word = data.draw(st.sampled_from(words))
    (token,) = fold_key(word).split()
    holding = {pid for pid, ws in keys.items() if token in ws}
    found = [r.id for r in library.engine.passages.search(word, limit=1000)]  # type: ignore[union-attr]
    assert holding <= set(found), word
    # Passages holding the word as written come before those it only begins.
    exact = [pid in holding for pid in found]
    assert exact == sorted(exact, reverse=True)


def test_pages_of_passage_hits_are_the_ranking_cut_in_pieces(library: Library) -> None:
    whole = [r.id for r in library.engine.passages.search("security", limit=500)]  # type: ignore[union-attr]
    assert len(whole) > 30
    pages, offset = [], 0
    while True:
        page = library.engine.passage_page("security", offset, 7)
        pages += [r.id for r in page.results]
        offset += 7
        if not page.more:
            break
    assert pages == whole


@pytest.mark.parametrize("query", ["Masimov", "Massimov", "Масимов", "security council", "KNB"])
@pytest.mark.parametrize("count", [1, 3, 8])
def test_exact_pages_hold_every_hit_written_as_typed_once_in_order(
    library: Library, query: str, count: int
) -> None:
    """Paged in exact mode, each page starting where the last one stopped looking, the
    pages are the whole ranking's hits written as typed: none lost, none twice."""
    from kazsec.search.explain import written_as_typed

    engine = library.engine
    ranking = engine.passages.search(query, limit=5000)  # type: ignore[union-attr]
    wanted = [r.id for r in ranking if written_as_typed(r.matched, query)]
    pages: list[str] = []
    offset = 0
    for _ in range(len(ranking) + 2):
        page = engine.passage_page(query, offset, count, mode="exact")
        assert len(page.results) <= count
        pages += [r.id for r in page.results]
        if not page.more:
            break
        assert page.next_offset > offset, "each page moves on"
        offset = page.next_offset
    assert pages == wanted
    first = engine.search(query, types={"passage"}, limit=count, mode="exact")
    assert [r.id for r in first] == wanted[:count], "the first page, as `kazsec search` sees it"


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("Масимов", "Massimov"),
        ("Мәсімов", "Massimov"),
        ("Nazarbaev", "Nazarbayev"),
        ("Токаев", "Tokayev"),
    ],
)
def test_any_script_reaches_the_passages(library: Library, query: str, written: str) -> None:
    hits = library.engine.search(query, types={"passage"}, limit=10)
    assert hits and all(r.confident for r in hits[:3])
    assert any(written in r.matched[s:e] for r in hits for s, e in r.spans)


def test_the_name_index_is_kept_beside_the_store_and_rebuilt_when_stale(
    store_copy: Path,
) -> None:
    from kazsec.search.name_cache import cache_path

    def hits(path: Path) -> list[tuple[str, float]]:
        engine = Library(Store.open(path)).engine
        return [(r.id, r.score) for r in engine.search("Масимов", limit=5)]

    first = hits(store_copy)
    cached = cache_path(store_copy)
    assert cached.is_file()
    assert hits(store_copy) == first, "the saved index answers as the built one did"
    cached.write_bytes(cached.read_bytes()[:200])  # damaged: rebuilt, not trusted
    assert hits(store_copy) == first
    cached.write_bytes(b"my own notes\n")  # somebody's file: read around, never replaced
    assert hits(store_copy) == first and cached.read_bytes() == b"my own notes\n"


def test_freshness_is_judged_by_the_pins_not_by_reading_every_document(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kazsec.build.freshness import is_current

    path = tmp_path / "s.json"
    build_store(data_copy, path)
    store = Store.open(path)
    assert is_current(store, data_copy)
    raw = data_copy / "sources" / "ciss-2022-nsc.txt"
    raw.write_bytes(raw.read_bytes() + b"tampered\n")  # against its pin: damage, not news
    assert is_current(store, data_copy)
    assert main(["--store", str(path), "check"]) == 1
    assert "does not match its pinned sha256" in capsys.readouterr().out
    _add_source(data_copy, "added-note", NEW_TEXT)  # a new pin: the store is behind
    assert not is_current(store, data_copy)


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "\n# a comment between tables\n",
        '\n[[source]]\nid = "odd"\nfile = "odd.txt"\nsha256 = "'
        + "a" * 64
        + '"\nnotes = """\n[[source]]\n"""\n',
        '\n[[source]]  # commented header\nid = "odd"\nfile = "odd.txt"\nsha256 = "'
        + "b" * 64
        + '"\n',
    ],
)
def test_sources_toml_read_table_by_table_is_read_as_a_whole(data_copy: Path, extra: str) -> None:
    from kazsec.corpus.sources import load_source_metadata

    toml = data_copy / "sources.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + extra, encoding="utf-8")
    whole = load_source_metadata(data_copy)
    parsed: dict[str, object] = {}
    assert load_source_metadata(data_copy, parsed) == whole
    assert load_source_metadata(data_copy, parsed) == whole, "and again from what it remembered"
    # A duplicate table is still refused, with the whole file's message.
    toml.write_text(toml.read_text(encoding="utf-8") * 2, encoding="utf-8")
    with pytest.raises(SourceError, match="duplicate id"):
        load_source_metadata(data_copy, parsed)
