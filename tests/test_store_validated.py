"""A store file that passed the type check is not checked again; any change to it is."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_store

from kazsec.errors import StoreError
from kazsec.store import Store, validated
from kazsec.store import schema as schema_module


def test_the_second_open_of_the_same_bytes_skips_the_check(
    built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_store(built_store_path, tmp_path / "s.json")
    first = Store.open(path)

    def no_check(*_: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(schema_module, "decode_store", no_check)
    again = Store.open(path)
    assert again.counts() == first.counts()
    assert again.all("people") == first.all("people")
    assert again.meta == first.meta


def test_one_byte_changed_is_checked_and_refused(built_store_path: Path, tmp_path: Path) -> None:
    path = copy_store(built_store_path, tmp_path / "s.json")
    Store.open(path)  # remembered
    raw = path.read_bytes()
    found = re.search(rb'"name": ?"', raw)
    assert found
    at = found.end() - 1  # the quote that opens a name: a digit there is no JSON
    damaged = raw[:at] + b"7" + raw[at + 1 :]
    assert len(damaged) == len(raw)
    path.write_bytes(damaged)
    with pytest.raises(StoreError):
        Store.open(path)


def test_a_damaged_cache_entry_only_costs_the_check(built_store_path: Path, tmp_path: Path) -> None:
    path = copy_store(built_store_path, tmp_path / "s.json")
    Store.open(path)
    entries = list((tmp_path / "cache" / "kazsec" / "validated").glob("*.marshal"))
    assert len(entries) == 1
    entries[0].write_bytes(validated.MAGIC + b"\x00garbage")
    assert Store.open(path).counts()["people"] > 0


def test_the_cache_keeps_only_a_few_stores(built_store_path: Path, tmp_path: Path) -> None:
    for n in range(validated.KEPT + 3):
        validated.remember(f"store-{n}", {"n": n})
    folder = tmp_path / "cache" / "kazsec" / "validated"
    assert len(list(folder.glob("*.marshal"))) == validated.KEPT
    assert validated.recall(f"store-{validated.KEPT + 2}") == {"n": validated.KEPT + 2}


def test_a_store_replaced_by_another_is_checked(built_store_path: Path, tmp_path: Path) -> None:
    # A rebuild replaces the file (os.replace): same path, maybe the same size and time
    # to the second, but another file; its damage must be found.
    path = copy_store(built_store_path, tmp_path / "s.json")
    Store.open(path)
    raw = path.read_bytes()
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(raw.replace(b'"people"', b'"peeple"', 1))
    info = path.stat()
    os.utime(damaged, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(damaged, path)
    with pytest.raises(StoreError):
        Store.open(path)


def test_a_store_changed_while_it_is_checked_is_not_remembered(
    built_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_store(built_store_path, tmp_path / "s.json")
    real_decode = schema_module.decode_store

    def decode_then_touch(*args: Any) -> Any:
        tables = real_decode(*args)
        path.write_bytes(path.read_bytes())  # a writer came by: new times
        return tables

    monkeypatch.setattr(schema_module, "decode_store", decode_then_touch)
    Store.open(path)
    assert list((tmp_path / "cache" / "kazsec" / "validated").glob("*.marshal")) == []


def test_tables_come_back_from_the_cache_as_they_went_in(tmp_path: Path) -> None:
    # Uniform tables are kept as columns, the others as they are: either way, equal.
    tables = {
        "sources": {
            str(n): {"id": f"s{n}", "kind": "analysis", "passage_count": n, "notes": ""}
            for n in range(1, 50)
        },
        "people": {"1": {"id": "a", "aliases": [{"text": "A"}]}, "2": {"id": "b"}},
        "empty": {},
    }
    validated.remember("k", tables)
    assert validated.recall("k") == tables
    assert list(validated.recall("k")["sources"]) == list(tables["sources"])  # type: ignore[index]
