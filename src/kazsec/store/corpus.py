"""The corpus engine: passages, texts, mentions and the full-text index, in SQLite on disk.

The knowledge store (TinyDB JSON) is read whole; the corpus is opened, never loaded: a
command asks for the passages, mentions and hits it shows. SQLite (standard library,
FTS5 for full text) gives transactions, so a killed build leaves the last commit, and
WAL lets readers go on while a build writes.

Everything in the corpus belongs to a *unit*: one source document repaired by one
version of the code, keyed by a digest of both. Units are only ever added or deleted,
never changed. A *generation* is the list of units (and the mention linker) that one
build of the knowledge store names; a reader asks only within its own generation, so it
sees the store it opened, whole, while a later build adds units beside it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kazsec.errors import StoreError

if TYPE_CHECKING:
    from kazsec.model import MentionRecord, PassageRecord

APPLICATION_ID = int.from_bytes(b"kzsc", "big")  # marks a SQLite file as a kazsec corpus
CORPUS_SCHEMA = 3  # 3: the new names of the user's documents
_SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS units(
  num INTEGER PRIMARY KEY, unit TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
  raw_text TEXT NOT NULL, repaired_text TEXT NOT NULL, passage_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS passages(
  rowid INTEGER PRIMARY KEY, unit INTEGER NOT NULL, seq INTEGER NOT NULL,
  id TEXT NOT NULL, record BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS passages_by_unit ON passages(unit, seq);
CREATE INDEX IF NOT EXISTS passages_by_id ON passages(id);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_keys USING fts5(
  key, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS source_keys USING fts5(
  key, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS terms(term TEXT PRIMARY KEY, length INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS terms_by_length ON terms(length);
CREATE TABLE IF NOT EXISTS linked(
  unit INTEGER NOT NULL, linker TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(unit, linker)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions(
  rowid INTEGER PRIMARY KEY, unit INTEGER NOT NULL, linker TEXT NOT NULL,
  ambiguous INTEGER NOT NULL, record BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_by_unit ON mentions(unit, linker);
CREATE TABLE IF NOT EXISTS named(
  entity TEXT NOT NULL, linker TEXT NOT NULL, unit INTEGER NOT NULL, mention INTEGER NOT NULL,
  ambiguous INTEGER NOT NULL, PRIMARY KEY(entity, linker, unit, mention)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS new_names(
  unit INTEGER NOT NULL, linker TEXT NOT NULL, record BLOB NOT NULL,
  PRIMARY KEY(unit, linker)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS generations(
  generation TEXT PRIMARY KEY, linker TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS generation_units(
  generation TEXT NOT NULL, unit INTEGER NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY(generation, unit)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unit_sizes(
  num INTEGER PRIMARY KEY, passages INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS memos(
  key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS file_hashes(
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
  sha256 TEXT NOT NULL) WITHOUT ROWID;
"""


_SHOWN_FIELDS = ("id", "source", "section", "kind", "text")


@lru_cache(maxsize=1)
def _decoders() -> tuple[Any, Any, type[Exception]]:
    """The typed decoders of passage and mention records, made when first needed (msgspec
    and the record types are not loaded by a command that never reads a record)."""
    import msgspec

    from kazsec.model import MentionRecord, PassageRecord

    failed = (msgspec.ValidationError, msgspec.DecodeError)
    return msgspec.json.Decoder(PassageRecord), msgspec.json.Decoder(MentionRecord), failed  # type: ignore[return-value]


def corpus_path(store_path: Path) -> Path:
    """The corpus file that goes with a knowledge store file: beside it, named after it."""
    target = store_path.resolve() if store_path.is_symlink() else store_path
    return target.with_name(target.name + ".corpus")


def not_a_corpus(path: Path) -> str | None:
    """Why an existing file is not a kazsec corpus a build may write into, or None."""
    try:
        with path.open("rb") as file:
            head = file.read(100)
    except OSError as exc:
        return f"cannot read {path} to see whether it is a kazsec corpus: {exc.strerror}"
    if not head:
        return None
    if head.startswith(_SQLITE_MAGIC) and int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return None
    return (
        f"refusing to replace {path}: it is not a kazsec corpus; "
        "choose another store path, or add --force to replace this file"
    )


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection tuned for this workload; StoreError for anything that is no database."""
    try:
        connection = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        if readonly:
            connection.execute("PRAGMA cache_size = -16000")  # 16 MB of pages: RSS stays small
            connection.execute("PRAGMA query_only = 1")
        else:
            # The writer's indexes outgrow a small cache at a million passages, and every
            # miss is a read from disk: 400 MB keeps them in memory (the build's floor is 1 GB).
            connection.execute("PRAGMA cache_size = -400000")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"corpus {path} is unusable ({exc})") from None
    return connection


class Corpus:
    """One generation of a corpus file, read-only. Safe to share between threads."""

    def __init__(self, path: Path, generation: str, fail_hint: str) -> None:
        self.path = path
        self.generation = generation
        self._hint = fail_hint
        self._local = threading.local()
        row = self._one("SELECT linker FROM generations WHERE generation = ?", (generation,))
        if row is None:
            raise self._fail("lacks the generation its store names (a newer build removed it?)")
        self.linker: str = row[0]

    @cached_property
    def unit_of(self) -> dict[str, int]:
        """This generation's unit of each source, in catalogue order (read when first
        needed: a search never needs it)."""
        return {
            source: num
            for source, num in self._all(
                "SELECT u.source, u.num FROM generation_units g JOIN units u ON u.num = g.unit "
                "WHERE g.generation = ? ORDER BY g.position",
                (self.generation,),
            )
        }

    def _fail(self, why: str) -> StoreError:
        return StoreError(f"corpus {self.path} {why}; {self._hint}")

    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared across threads)."""
        found: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if found is None:
            found = self._local.connection = self._open()
        return found

    def _open(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise self._fail("is missing")
        if why := not_a_corpus(self.path):
            raise self._fail("is not a kazsec corpus" if "not a kazsec" in why else why)
        connection = connect(self.path, readonly=True)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"is unusable ({exc})") from None
        if version != CORPUS_SCHEMA:
            raise self._fail(f"has corpus schema {version}, this kazsec reads {CORPUS_SCHEMA}")
        return connection

    def _all(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.connection.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"is unusable ({exc})") from None

    def _one(self, sql: str, params: tuple[object, ...] = ()) -> tuple[Any, ...] | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    def _passage(self, blob: object) -> PassageRecord:
        try:
            return _decoders()[0].decode(blob)
        except _decoders()[2] as exc:
            raise self._fail(f"holds a damaged passage ({exc})") from None

    def _mention(self, blob: object) -> MentionRecord:
        try:
            return _decoders()[1].decode(blob)
        except _decoders()[2] as exc:
            raise self._fail(f"holds a damaged mention ({exc})") from None

    # -- texts and passages -----------------------------------------------------------

    def texts(self, source_id: str) -> tuple[str, str] | None:
        """A source's raw and repaired text, None if this generation has no such source."""
        unit = self.unit_of.get(source_id)
        row = self._one("SELECT raw_text, repaired_text FROM units WHERE num = ?", (unit,))
        return (str(row[0]), str(row[1])) if row else None

    def passage(self, passage_id: str) -> PassageRecord | None:
        """One passage of this generation by id."""
        row = self._one(
            "SELECT p.record FROM passages p JOIN generation_units g ON g.generation = ? "
            "AND g.unit = p.unit WHERE p.id = ?",
            (self.generation, passage_id),
        )
        return self._passage(row[0]) if row else None

    def passages_of(self, source_id: str) -> list[PassageRecord]:
        """A source's passages in reading order."""
        unit = self.unit_of.get(source_id)
        rows = self._all("SELECT record FROM passages WHERE unit = ? ORDER BY seq", (unit,))
        return [self._passage(blob) for (blob,) in rows]

    def passages_by_rowid(self, rowids: list[int]) -> dict[int, PassageRecord]:
        """Passages by their row numbers (what the full-text index gives back), for a list
        of search hits: only the fields a hit shows are checked (id, source, section, kind,
        text), which the standard json module does without loading the typed decoders; a
        passage opened to be read is checked whole (`passage`)."""
        marks = ",".join("?" * len(rowids))
        rows = self._all(f"SELECT rowid, record FROM passages WHERE rowid IN ({marks})", (*rowids,))
        return {int(rowid): self._shown_passage(blob) for rowid, blob in rows}

    def _shown_passage(self, blob: bytes | str) -> PassageRecord:
        import json

        try:
            record = json.loads(blob)
        except (ValueError, RecursionError):
            record = None
        if not isinstance(record, dict) or not all(
            isinstance(record.get(field), str) for field in _SHOWN_FIELDS
        ):
            raise self._fail("holds a damaged passage (a search hit's fields are missing)")
        return record  # type: ignore[return-value]

    def all_passages(self) -> Iterator[PassageRecord]:
        """Every passage of this generation, source by source in catalogue order."""
        for source in self.unit_of:
            yield from self.passages_of(source)

    # -- new names ------------------------------------------------------------------

    def new_names(self, source_id: str) -> list[dict[str, Any]]:
        """The names a user's document holds that the knowledge base does not know, most
        frequent first ([] for a bundled source): name, kind, count, forms, passages, and
        where it is first written (passage, start, end in the passage text)."""
        import json

        row = self._one(
            "SELECT record FROM new_names WHERE unit = ? AND linker = ?",
            (self.unit_of.get(source_id), self.linker),
        )
        if row is None:
            return []
        try:
            found = json.loads(row[0])
        except ValueError:
            raise StoreError(f"corpus {self.path}: damaged new names of {source_id}") from None
        return [n for n in found if isinstance(n, dict)] if isinstance(found, list) else []

    # -- mentions ---------------------------------------------------------------------

    def mentions_in(self, source_id: str) -> list[MentionRecord]:
        """A source's mentions in reading order."""
        rows = self._all(
            "SELECT record FROM mentions WHERE unit = ? AND linker = ? ORDER BY rowid",
            (self.unit_of.get(source_id), self.linker),
        )
        return [self._mention(blob) for (blob,) in rows]

    def all_mentions(self) -> Iterator[MentionRecord]:
        """Every mention of this generation, in reading order."""
        for source in self.unit_of:
            yield from self.mentions_in(source)

    def mentions_of(self, entity_id: str, source_id: str | None = None) -> list[MentionRecord]:
        """The mentions that may name an entity (in one source or all), in reading order."""
        where = "n.entity = ? AND n.linker = ?"
        params: tuple[object, ...] = (self.generation, entity_id, self.linker)
        if source_id is not None:
            where += " AND n.unit = ?"
            params += (self.unit_of.get(source_id, -1),)
        rows = self._all(
            "SELECT m.record FROM named n JOIN generation_units g ON g.generation = ? "
            f"AND g.unit = n.unit JOIN mentions m ON m.rowid = n.mention WHERE {where} "
            "ORDER BY g.position, n.mention",
            params,
        )
        return [self._mention(blob) for (blob,) in rows]

    def tallies_of(self, entity_id: str) -> list[tuple[str, int, int, int]]:
        """Per source naming an entity: (source, mentions, ambiguous ones, first mention row)."""
        rows = self._all(
            "SELECT u.source, count(*), sum(n.ambiguous), min(n.mention) FROM named n "
            "JOIN generation_units g ON g.generation = ? AND g.unit = n.unit "
            "JOIN units u ON u.num = n.unit WHERE n.entity = ? AND n.linker = ? "
            "GROUP BY n.unit ORDER BY g.position",
            (self.generation, entity_id, self.linker),
        )
        return [(str(s), int(t), int(a), int(f)) for s, t, a, f in rows]

    def mentions_by_rowid(self, rowids: list[int]) -> dict[int, MentionRecord]:
        """Mentions by their row numbers."""
        found: dict[int, MentionRecord] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rowid, blob in self._all(
                f"SELECT rowid, record FROM mentions WHERE rowid IN ({marks})", (*chunk,)
            ):
                found[int(rowid)] = self._mention(blob)
        return found

    def entity_tallies(self) -> list[tuple[str, int, int]]:
        """Every mentioned entity: (id, mentions, ambiguous ones)."""
        rows = self._all(
            "SELECT n.entity, count(*), sum(n.ambiguous) FROM named n JOIN generation_units g "
            "ON g.generation = ? AND g.unit = n.unit WHERE n.linker = ? GROUP BY n.entity",
            (self.generation, self.linker),
        )
        return [(str(e), int(t), int(a)) for e, t, a in rows]

    def source_tallies(self) -> list[tuple[str, int, int]]:
        """Per source: (id, mentions, ambiguous mentions)."""
        rows = self._all(
            "SELECT u.source, count(*), sum(m.ambiguous) FROM mentions m JOIN generation_units g "
            "ON g.generation = ? AND g.unit = m.unit JOIN units u ON u.num = m.unit "
            "WHERE m.linker = ? GROUP BY m.unit",
            (self.generation, self.linker),
        )
        return [(str(s), int(t), int(a)) for s, t, a in rows]
