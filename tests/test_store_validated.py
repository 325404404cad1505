"""A store whose exact bytes passed the type check is not checked again; any other bytes are."""

from __future__ import annotations

import re
from pathlib import Path

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
        validated.remember(b"store %d" % n, {"n": n})
    folder = tmp_path / "cache" / "kazsec" / "validated"
    assert len(list(folder.glob("*.marshal"))) == validated.KEPT
    assert validated.recall(b"store %d" % (validated.KEPT + 2)) == {"n": validated.KEPT + 2}
