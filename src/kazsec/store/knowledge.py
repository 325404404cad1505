"""The knowledge store: one TinyDB JSON file with a schema version, validated on open."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from kazsec.errors import LookupFailed, StoreError
from kazsec.model import META_TABLE, SCHEMA_VERSION, TABLES, Record, record_fields
from kazsec.store.atomic import atomic_write_text

# What every record of a table must hold for the app, the CLI and check to work on it.
REQUIRED_FIELDS: dict[str, frozenset[str]] = {name: record_fields(name) for name in TABLES}


def write_store(path: Path, tables: Mapping[str, Sequence[Record]], meta: Record) -> None:
    """Write a complete store; same tables and meta give a byte-identical file."""
    db = TinyDB(storage=MemoryStorage)
    db.table(META_TABLE).insert({**meta, "schema_version": SCHEMA_VERSION})
    for name in TABLES:
        records = tables.get(name, ())
        if records:
            db.table(name).insert_multiple(records)
    data = db.storage.read() or {}
    for name in TABLES:  # TinyDB leaves empty tables out; the schema keeps them
        data.setdefault(name, {})
    atomic_write_text(
        path, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    )


def _doc_order(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (-1, doc_id)


def _rebuild_hint(path: Path) -> str:
    return f"rebuild it with `kazsec build --store {path}`"


class Store:
    """A read-only view of a built store, held in memory."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        # JSON keeps TinyDB's document ids as strings, sorted as strings ("1", "10", "2"):
        # put each table back in the order it was built.
        self._data: dict[str, dict[str, Record]] = {
            name: dict(sorted(data[name].items(), key=lambda item: _doc_order(item[0])))
            for name in TABLES
        }
        self._by_id: dict[str, dict[str, Record]] = {}
        self.meta: Record = dict(next(iter(data[META_TABLE].values())))

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open and validate a store file; StoreError says what is wrong and how to fix it."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"store not found: {path}; create it with `kazsec build --store {path}`"
            ) from None
        except IsADirectoryError:
            raise StoreError(f"store path is a directory, not a file: {path}") from None
        except OSError as exc:
            raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise StoreError(
                f"store {path} is binary, not a JSON store; {_rebuild_hint(path)}"
            ) from None
        except json.JSONDecodeError as exc:
            raise StoreError(
                f"store {path} is damaged or truncated (invalid JSON at line {exc.lineno}, "
                f"column {exc.colno}); {_rebuild_hint(path)}"
            ) from None
        if (
            not isinstance(data, dict)
            or not isinstance(data.get(META_TABLE), dict)
            or not data[META_TABLE]
        ):
            raise StoreError(
                f"{path} is not a kazsec store (no {META_TABLE} table); {_rebuild_hint(path)}"
            )
        meta = next(iter(data[META_TABLE].values()))
        version = meta.get("schema_version") if isinstance(meta, dict) else None
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"store {path} has schema version {version}, this kazsec reads version "
                f"{SCHEMA_VERSION}; {_rebuild_hint(path)}"
            )
        for name in TABLES:
            table = data.get(name)
            if not isinstance(table, dict):
                raise StoreError(f"store {path} lacks the {name!r} table; {_rebuild_hint(path)}")
            required = REQUIRED_FIELDS[name]
            for doc_id, record in table.items():
                if not isinstance(record, dict) or not required <= record.keys():
                    missing = (
                        sorted(required - record.keys())
                        if isinstance(record, dict)
                        else ["(not a record)"]
                    )
                    raise StoreError(
                        f"store {path}: {name} record {doc_id} lacks {', '.join(missing)}; "
                        f"{_rebuild_hint(path)}"
                    )
        return cls(path, data)

    def all(self, name: str) -> list[Record]:
        """Every record of a table, in insertion (build) order. Treat them as read-only.

        Read straight from the loaded data: wrapping 10k records in TinyDB Documents on
        every call would cost a fifth of a second.
        """
        return list(self._data[name].values())

    def counts(self) -> dict[str, int]:
        """Records per table."""
        return {name: len(self._data[name]) for name in TABLES}

    def source(self, source_id: str) -> Record:
        """One source by id, or LookupFailed naming the way to list them."""
        found = self.get("sources", source_id)
        if found is None:
            known = ", ".join(sorted(s["id"] for s in self.all("sources")))
            raise LookupFailed(f"unknown source {source_id!r}; known sources: {known}")
        return dict(found)

    def get(self, table: str, record_id: str) -> Record | None:
        """One record by id, or None (read-only, like `all`)."""
        by_id = self._by_id.get(table)
        if (
            by_id is None
        ):  # built on first use: a scan per lookup would cost milliseconds at 10k records
            by_id = self._by_id[table] = {r["id"]: r for r in self._data[table].values()}
        return by_id.get(record_id)
