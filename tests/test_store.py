"""The store: deterministic, atomic, validated on open; the build refuses altered sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kazsec.build.compile import build_store
from kazsec.build.fingerprint import input_fingerprint
from kazsec.build.freshness import is_current, open_or_build
from kazsec.errors import SourceError, StoreError
from kazsec.model import META_TABLE, SCHEMA_VERSION, TABLES
from kazsec.store import Store


def test_build_is_deterministic(data_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    build_store(data_dir, first)
    build_store(data_dir, second)
    assert first.read_bytes() == second.read_bytes()


def test_store_has_every_table_and_its_schema_version(store: Store) -> None:
    assert store.meta["schema_version"] == SCHEMA_VERSION
    counts = store.counts()
    assert set(TABLES) <= set(counts)
    assert counts["sources"] == 5
    assert counts["passages"] > 300


def test_a_failed_build_leaves_the_old_store_whole(
    data_dir: Path, store_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_copy.read_bytes()

    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    real_dumps = json.dumps

    def dumps(obj: object, *args: Any, **kwargs: Any) -> str:
        if isinstance(obj, dict) and META_TABLE in obj:  # the store itself, as it is written
            explode()
        return real_dumps(obj, *args, **kwargs)

    monkeypatch.setattr(json, "dumps", dumps)
    with pytest.raises(RuntimeError):
        build_store(data_dir, store_copy)
    assert store_copy.read_bytes() == before
    assert list(store_copy.parent.glob("*.tmp")) == []


def test_an_altered_source_is_refused(data_copy: Path, tmp_path: Path) -> None:
    raw = data_copy / "sources" / "ciss-2022-nsc.txt"
    raw.write_bytes(raw.read_bytes().replace(b"Massimov", b"Masimov", 1))
    with pytest.raises(SourceError, match=r"ciss-2022-nsc\.txt has sha256 .* restore the original"):
        build_store(data_copy, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "store not found"),
        (b'{"_meta": {"1": {"schema_version": 1', "damaged or truncated"),
        (b"this is not json at all", "damaged or truncated"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "binary"),
        (b'{"sources": {}}', "not a kazsec store"),
        (
            b'{"_meta": {"1": {"schema_version": 0}}}',
            f"schema version 0, this kazsec reads version {SCHEMA_VERSION}",
        ),
        (b'{"_meta": {"1": {"schema_version": %d}}}' % SCHEMA_VERSION, "lacks the 'sources' table"),
    ],
)
def test_bad_stores_give_one_clear_message(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "store.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_default_store_builds_itself_when_missing_damaged_or_stale(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "auto.json"
    said: list[str] = []
    store = open_or_build(data_dir, path, said.append)
    assert "does not exist yet" in said[-1] and is_current(store, data_dir)
    open_or_build(data_dir, path, said.append)
    assert len(said) == 1, "a current store is simply opened"
    path.write_text("{broken")
    open_or_build(data_dir, path, said.append)
    assert "unusable" in said[-1]
    data = json.loads(path.read_text())
    data["_meta"]["1"]["inputs"] = "0" * 64
    data["_meta"]["1"]["input_stats"] = "0" * 64
    path.write_text(json.dumps(data))
    open_or_build(data_dir, path, said.append)
    assert "older than its inputs" in said[-1]


def test_fingerprint_follows_the_inputs(data_copy: Path) -> None:
    before = input_fingerprint(data_copy)
    (data_copy / "kb").mkdir(exist_ok=True)
    (data_copy / "kb" / "extra.toml").write_text("# a curator's edit\n")
    assert input_fingerprint(data_copy) != before


def test_all_returns_records_in_build_order_past_nine(store: Store) -> None:
    # JSON keeps document ids as strings sorted as strings ("1", "10", "100", "11", ...).
    passages = [p for p in store.all("passages") if p["source"] == store.all("sources")[0]["id"]]
    assert len(passages) > 20
    assert [p["seq"] for p in passages] == sorted(p["seq"] for p in passages)


def test_the_fingerprint_covers_the_building_code_found_from_its_imports(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kazsec.build import fingerprint

    modules = set(store.meta["code_modules"])
    # The repair steps, the curated-file compiler and the store writer are found without a list.
    assert {
        "kazsec.corpus.repair_text",
        "kazsec.kb.loader",
        "kazsec.kb.records",
        "kazsec.store.knowledge",
    } <= modules
    assert not any(m.startswith(("kazsec.tui", "kazsec.cli", "kazsec.search")) for m in modules)
    assert is_current(store, data_dir)
    # A building module whose code changes makes the store stale.
    changed = tmp_path / "repair_text.py"
    real = fingerprint.module_file("kazsec.corpus.repair_text")
    assert real is not None
    changed.write_bytes(real.read_bytes() + b"\n# a change\n")
    original = fingerprint.module_file
    monkeypatch.setattr(
        fingerprint,
        "module_file",
        lambda name: changed if name.endswith("repair_text") else original(name),
    )
    assert not is_current(store, data_dir)
    # One that can no longer be found does too: it is never skipped.
    monkeypatch.setattr(
        fingerprint,
        "module_file",
        lambda name: None if name.endswith("repair_text") else original(name),
    )
    assert not is_current(store, data_dir)
