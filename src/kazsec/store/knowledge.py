"""The knowledge store: one TinyDB JSON file with a schema version, validated on open.

It holds what people curate and read whole (the source catalogue, people, bodies, posts,
events, conflicts) and names the generation of the corpus (kazsec.store.corpus) that
holds the passages, texts and mentions; opening a store opens that corpus, loads nothing
of it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.errors import LookupFailed, StoreError
from kazsec.kinds import CORPUS_TABLES, KNOWLEDGE_TABLES, META_TABLE, SCHEMA_VERSION, Record
from kazsec.store.atomic import atomic_write_text

if TYPE_CHECKING:
    from kazsec.model import FullSourceRecord


def not_a_store(path: Path) -> str | None:
    """Why an existing file is not a kazsec store that a build may replace, or None.

    A store (damaged ones too) starts with its _meta table, written by kazsec; an empty
    file (`mktemp`) holds nothing to lose. Anything else is somebody's file.
    """
    try:
        with path.open("rb") as file:
            head = file.read(16384)
    except OSError as exc:
        return f"cannot read {path} to see whether it is a store: {exc.strerror}"
    if not head or (head.startswith(b'{"_meta":') and b'"generator":"kazsec' in head):
        return None
    return (
        f"refusing to replace {path}: it is not a kazsec store; "
        "choose another path, or add --force to replace this file"
    )


def check_replaceable(path: Path, force: bool = False) -> None:
    """Refuse, before any work, to build over what is not a store (or not a file at all)."""
    from kazsec.store.atomic import write_target

    target = write_target(path)
    if target.is_dir():
        raise StoreError(f"store path is a directory, not a file: {target}")
    if target.exists() and not target.is_file():
        raise StoreError(f"refusing to replace {target}: it is a pipe or a device, not a file")
    if target.exists() and not force and (why := not_a_store(target)):
        raise StoreError(why)


def write_store(
    path: Path, tables: Mapping[str, Sequence[Record]], meta: Record, force: bool = False
) -> None:
    """Write a complete store; same tables and meta give a byte-identical file.

    Only a store (or, with `force`, any regular file) is replaced; a link is written through.
    """
    from tinydb import TinyDB  # writing only: reading a store is plain JSON
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    db.table(META_TABLE).insert({**meta, "schema_version": SCHEMA_VERSION})
    for name in KNOWLEDGE_TABLES:
        records = tables.get(name, ())
        if records:
            db.table(name).insert_multiple(records)
    data = db.storage.read() or {}
    for name in KNOWLEDGE_TABLES:  # TinyDB leaves empty tables out; the schema keeps them
        data.setdefault(name, {})
    # In TinyDB's own order (the meta table first, then the tables, records by id): the
    # same tables give the same bytes, and a reader takes the records in build order as
    # they come, with no sorting.
    ordered = {META_TABLE: data.pop(META_TABLE), **{name: data[name] for name in KNOWLEDGE_TABLES}}
    import json  # writing only: a command that reads never needs it

    text = json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))
    atomic_write_text(path, text, ownership=None if force else not_a_store)


def read_store_file(path: Path) -> bytes:
    """A store file's bytes; only a regular file is read (a FIFO would hang, /dev/zero not end)."""
    store_file_stat(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None


def store_file_stat(path: Path) -> os.stat_result:
    """A store file's status; StoreError if there is none, or it is no regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise StoreError(
            f"store not found: {path}; create it with `kazsec build --store {path}`"
        ) from None
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"store path is a directory, not a file: {path}")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"store path is not a regular file (a pipe or a device): {path}")
    return info


def previous_generation(path: Path) -> str | None:
    """The corpus generation the store at `path` names now, if it is a readable store."""
    import msgspec

    try:
        raw = read_store_file(path)
        envelope = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
        meta = next(iter(msgspec.json.decode(envelope[META_TABLE], type=dict[str, Any]).values()))
        generation = meta["corpus"]["generation"]
    except (StoreError, msgspec.MsgspecError, KeyError, TypeError, StopIteration, RecursionError):
        return None
    return generation if isinstance(generation, str) else None


def _in_build_order(table: dict[str, Record]) -> dict[str, Record]:
    """A table's records by document id, 1, 2, ... 10 (JSON sorted them as strings once)."""
    if all(key == str(number) for number, key in enumerate(table, start=1)):
        return table  # written in order already (a catalogue of 10,000 needs no sorting)
    return dict(sorted(table.items(), key=lambda item: _doc_order(item[0])))


def _doc_order(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (-1, doc_id)


def _rebuild_hint(path: Path) -> str:
    return f"rebuild it with `kazsec build --store {path}`"


class Store:
    """A read-only view of a built store: the knowledge in memory, the corpus on disk."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        from kazsec.store.corpus import Corpus, corpus_path

        self.path = path
        # JSON keeps TinyDB's document ids as strings, sorted as strings ("1", "10", "2"):
        # put each table back in the order it was built.
        self._data: dict[str, dict[str, Record]] = {
            name: _in_build_order(data[name]) for name in KNOWLEDGE_TABLES
        }
        self._by_id: dict[str, dict[str, Record]] = {}
        self.meta: Record = dict(next(iter(data[META_TABLE].values())))
        generation = self.meta["corpus"]["generation"]
        self.corpus = Corpus(corpus_path(path), generation, _rebuild_hint(path))

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open a store file and check every record by type; StoreError says what and how to fix."""
        from kazsec.store import validated

        key = validated.key_of(store_file_stat(path))
        tables = validated.recall(key)
        if tables is None:
            raw = read_store_file(path)
            from kazsec.store.schema import decode_store

            def fail(why: str) -> StoreError:
                return StoreError(f"store {path} {why}; {_rebuild_hint(path)}")

            tables = decode_store(raw, fail)
            # Remembered only if the file read is the one whose identity was taken (not
            # replaced by a build in between).
            if validated.key_of(store_file_stat(path)) == key:
                validated.remember(key, tables)
        return cls(path, tables)

    def all(self, name: str) -> list[Record]:
        """Every record of a table, in build order. Treat them as read-only.

        Passages and mentions come from the corpus, every one of them: fine for checks
        and tests, not for what a screen shows (ask the corpus for just that).
        """
        if name == "passages":
            return list(self.corpus.all_passages())  # type: ignore[arg-type]
        if name == "mentions":
            return list(self.corpus.all_mentions())  # type: ignore[arg-type]
        return list(self._data[name].values())

    def counts(self) -> dict[str, int]:
        """Records per table (the corpus's counts as the build recorded them)."""
        counts = {name: len(self._data[name]) for name in KNOWLEDGE_TABLES}
        for name in CORPUS_TABLES:
            counts[name] = int(self.meta["corpus"][name])
        return counts

    def source(self, source_id: str) -> FullSourceRecord:
        """One source by id with its texts, or LookupFailed naming the way to list them."""
        found = self.get("sources", source_id)
        texts = self.corpus.texts(source_id) if found is not None else None
        if found is None or texts is None:
            known = ", ".join(sorted(s["id"] for s in self.all("sources")))
            raise LookupFailed(f"unknown source {source_id!r}; known sources: {known}")
        return {**found, "raw_text": texts[0], "repaired_text": texts[1]}  # type: ignore[typeddict-item]

    def get(self, table: str, record_id: str) -> Record | None:
        """One record by id, or None (read-only, like `all`)."""
        by_id = self._by_id.get(table)
        if by_id is None:  # built on first use: a scan per lookup would cost milliseconds
            by_id = self._by_id[table] = {r["id"]: r for r in self._data[table].values()}
        return by_id.get(record_id)
