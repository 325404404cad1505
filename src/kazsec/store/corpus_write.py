"""Writing the corpus: units added whole in transactions, generations named, the rest collected.

Every change is one SQLite transaction, so a build killed at any moment leaves the
corpus as its last commit left it: units already written stay (the next build reuses
them), a half-written unit is rolled back. Nothing a committed generation names is
deleted until a later generation replaces it (see `collect`).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from kazsec.errors import StoreError
from kazsec.model import Record
from kazsec.store.corpus import APPLICATION_ID, CORPUS_SCHEMA, SCHEMA, connect, not_a_corpus

_ENCODE = msgspec.json.Encoder(order="deterministic").encode

PassageRow = tuple[int, str, bytes]  # a passage as stored: its seq, id and encoded record
MentionRow = tuple[int, bytes, tuple[str, ...]]  # ambiguous, encoded record, entities it names


FTS_WRITE_OPTIONS = (("hashsize", 16 * 2**20), ("automerge", 8))


@dataclass(frozen=True)
class UnitData:
    """One repaired source as the corpus stores it: texts, passages and their folded keys.

    A worker hands a unit over packed (build/units.py): no passage records, but `rows` and
    `terms` made already, so that the one writer only writes and only bytes cross processes.
    """

    unit: str
    source: str
    raw_text: str
    repaired_text: str
    passages: Sequence[Record]  # empty once packed
    keys: Sequence[str]  # the folded key of each passage, in order
    source_key: str = ""  # the folded words of its title, publisher, author and id
    rows: Sequence[PassageRow] = ()  # the passages as stored, once packed
    terms: frozenset[str] | None = None  # every word of its keys, once packed


def unit_terms(keys: Sequence[str]) -> frozenset[str]:
    """Every word of some folded keys (a key is words joined by single spaces)."""
    return frozenset(" ".join(keys).split())


def generation_id(linker: str, units: Sequence[str]) -> str:
    """A generation named by what it holds: the same build twice is the same generation."""
    digest = hashlib.sha256(linker.encode())
    for unit in units:
        digest.update(b"\n" + unit.encode())
    return digest.hexdigest()[:32]


class CorpusWriter:
    """The one writer of a corpus file (the build holds a lock while it writes)."""

    def __init__(self, path: Path, force: bool = False) -> None:
        self.path = path
        self._terms: set[str] | None = None  # the vocabulary, read when first needed
        if path.exists() and (why := not_a_corpus(path)):
            if not force:
                raise StoreError(why)
            self._remove()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot write the corpus at {path}: {exc.strerror}") from None
        try:
            self.db = connect(path, readonly=False)
            self._prepare()
        except (sqlite3.DatabaseError, StoreError):
            # Ours but damaged (a disk filled up, a copy cut short): it only ever holds
            # what a build derives from the data folder, so it is built afresh.
            if hasattr(self, "db"):
                self.db.close()
            self._remove()
            self.db = connect(path, readonly=False)
            try:
                self._prepare()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot write the corpus at {path}: {exc}") from None

    def _remove(self) -> None:
        for leftover in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot replace the corpus {leftover}: {exc.strerror}") from None

    def _prepare(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, CORPUS_SCHEMA):
            # Another schema: its units mean nothing to this code (and this code cannot read
            # the store that names them either). Start afresh.
            self.db.close()
            self._remove()
            self.db = connect(self.path, readonly=False)
        # A build writes its whole archive through the WAL: checkpoint it every 64 MB instead
        # of every 4 MB, fewer times waiting for the disk (this connection only; not stored).
        self.db.execute("PRAGMA wal_autocheckpoint = 16384")
        with self.db:
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.db.execute(f"PRAGMA user_version = {CORPUS_SCHEMA}")
            # FTS5 writes its pending terms out as a new segment every 1 MB and merges
            # segments four at a time; at a million passages that merging is most of the
            # index's cost. 16 MB segments merged eight at a time: a 1M index takes 26 s of
            # CPU instead of 35, and answers queries as fast. Settings for writing only.
            for option, value in FTS_WRITE_OPTIONS:
                self.db.execute(
                    "INSERT INTO passage_keys(passage_keys, rank) VALUES (?, ?)", (option, value)
                )

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back into the file)."""
        self.db.close()

    # -- what is there ----------------------------------------------------------------

    def unit_numbers(self, units: Iterable[str]) -> dict[str, int]:
        """Row numbers of the units already stored, by unit key."""
        wanted = list(units)
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for unit, num in self.db.execute(
                f"SELECT unit, num FROM units WHERE unit IN ({marks})", chunk
            ):
                found[unit] = num
        return found

    def linked_units(self, linker: str) -> set[int]:
        """Units whose mentions this linker has already found."""
        rows = self.db.execute("SELECT unit FROM linked WHERE linker = ?", (linker,))
        return {num for (num,) in rows}

    def texts(self, num: int) -> tuple[str, list[Record]]:
        """A stored unit's repaired text and passages (to link it again)."""
        (repaired,) = self.db.execute(
            "SELECT repaired_text FROM units WHERE num = ?", (num,)
        ).fetchone()
        rows = self.db.execute("SELECT record FROM passages WHERE unit = ? ORDER BY seq", (num,))
        return repaired, [msgspec.json.decode(blob) for (blob,) in rows]

    def _known_terms(self) -> set[str]:
        if self._terms is None:
            self._terms = {term for (term,) in self.db.execute("SELECT term FROM terms")}
        return self._terms

    # -- adding -----------------------------------------------------------------------

    def add_units(self, units: Sequence[UnitData]) -> dict[str, int]:
        """Store repaired units in one transaction; returns their row numbers."""
        numbers: dict[str, int] = {}
        if not units:
            return numbers
        # A big build checks new words against the whole vocabulary in memory; adding a
        # document or two just lets SQLite ignore the words it has (reading a million-passage
        # vocabulary would cost more than the document).
        known = self._known_terms() if len(units) > 1 or self._terms is not None else set()
        added = set[str]()
        passages: list[tuple[int, int, int, str, bytes]] = []
        keys: list[tuple[int, str]] = []
        with self.db:
            # Row numbers given here (this is the only writer), so that every passage of the
            # batch goes in by one executemany per table, not a statement per passage.
            (last,) = self.db.execute("SELECT coalesce(max(rowid), 0) FROM passages").fetchone()
            for data in units:
                count = len(data.keys)
                cursor = self.db.execute(
                    "INSERT INTO units(unit, source, raw_text, repaired_text, passage_count) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (data.unit, data.source, data.raw_text, data.repaired_text, count),
                )
                num = int(cursor.lastrowid or 0)
                numbers[data.unit] = num
                self.db.execute("INSERT OR REPLACE INTO unit_sizes VALUES (?, ?)", (num, count))
                self.db.execute(
                    "INSERT INTO source_keys(rowid, key) VALUES (?, ?)", (num, data.source_key)
                )
                rowids = range(last + 1, last + 1 + count)
                last += count
                rows = data.rows or [(p["seq"], p["id"], _ENCODE(p)) for p in data.passages]
                passages += [
                    (rowid, num, seq, pid, record)
                    for rowid, (seq, pid, record) in zip(rowids, rows, strict=True)
                ]
                keys += zip(rowids, data.keys, strict=True)
                # Only words never seen before: after the first few thousand passages of an
                # archive, most of a document's words are already there.
                terms = data.terms if data.terms is not None else unit_terms(data.keys)
                added |= terms - known
            self.db.executemany(
                "INSERT INTO passages(rowid, unit, seq, id, record) VALUES (?, ?, ?, ?, ?)",
                passages,
            )
            self.db.executemany("INSERT INTO passage_keys(rowid, key) VALUES (?, ?)", keys)
            self.db.executemany(
                "INSERT OR IGNORE INTO terms(term, length) VALUES (?, ?)",
                ((t, len(t)) for t in sorted(added)),
            )
        known |= added  # only once committed
        return numbers

    def add_mentions(
        self, linker: str, found: Sequence[tuple[int, Sequence[MentionRow], bytes | None]]
    ) -> None:
        """Store the mentions one linker found in units (`mention_rows`), and the new names
        found in a user's documents (encoded, or None), one transaction for all of them."""
        with self.db:
            for num, mentions, new_names in found:
                # A unit's mentions and names go in with its `linked` row, in one transaction
                # (and `collect` deletes them together): without that row there is nothing to
                # delete. Asked first because `named` has no index by unit, and deleting from
                # it scans the whole table: at a million passages, 10,000 scans of 700,000 rows.
                if self.db.execute(
                    "SELECT 1 FROM linked WHERE unit = ? AND linker = ?", (num, linker)
                ).fetchone():
                    self.db.execute(
                        "DELETE FROM named WHERE unit = ? AND linker = ?", (num, linker)
                    )
                    self.db.execute(
                        "DELETE FROM mentions WHERE unit = ? AND linker = ?", (num, linker)
                    )
                    self.db.execute(
                        "DELETE FROM new_names WHERE unit = ? AND linker = ?", (num, linker)
                    )
                if new_names is not None:
                    self.db.execute(
                        "INSERT INTO new_names VALUES (?, ?, ?)", (num, linker, new_names)
                    )
                # Row numbers as SQLite would give them one by one (one more than the largest),
                # so that a unit's mentions go in by one executemany.
                (last,) = self.db.execute("SELECT coalesce(max(rowid), 0) FROM mentions").fetchone()
                rowids = range(last + 1, last + 1 + len(mentions))
                self.db.executemany(
                    "INSERT INTO mentions(rowid, unit, linker, ambiguous, record) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        (rowid, num, linker, ambiguous, record)
                        for rowid, (ambiguous, record, _) in zip(rowids, mentions, strict=True)
                    ),
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO named VALUES (?, ?, ?, ?, ?)",
                    (
                        (entity, linker, num, rowid, ambiguous)
                        for rowid, (ambiguous, _, names) in zip(rowids, mentions, strict=True)
                        for entity in names
                    ),
                )
                self.db.execute(
                    "INSERT OR REPLACE INTO linked VALUES (?, ?, ?)", (num, linker, len(mentions))
                )

    def add_generation(self, generation: str, linker: str, units: Sequence[int]) -> None:
        """Name a generation: these units, in catalogue order, with this linker's mentions."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO generations VALUES (?, ?)", (generation, linker))
            self.db.executemany(
                "INSERT OR IGNORE INTO generation_units VALUES (?, ?, ?)",
                ((generation, num, position) for position, num in enumerate(units)),
            )

    def counts(self, generation: str) -> dict[str, Any]:
        """Passages and mentions a generation holds, and passages per unit."""
        # From a small table of sizes: a unit's own row holds its texts, and reading past
        # them to its count would read the whole archive.
        per_unit: dict[int, int | None] = dict(
            self.db.execute(
                "SELECT g.unit, s.passages FROM generation_units g LEFT JOIN unit_sizes s "
                "ON s.num = g.unit WHERE g.generation = ?",
                (generation,),
            ).fetchall()
        )
        missing = [num for num, size in per_unit.items() if size is None]
        with self.db:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for num, size in self.db.execute(
                    f"SELECT unit, count(*) FROM passages WHERE unit IN ({marks}) GROUP BY unit",
                    chunk,
                ).fetchall():
                    per_unit[num] = size
                    self.db.execute("INSERT OR REPLACE INTO unit_sizes VALUES (?, ?)", (num, size))
        sizes = {num: size or 0 for num, size in per_unit.items()}
        (mentions,) = self.db.execute(
            "SELECT coalesce(sum(l.mentions), 0) FROM linked l JOIN generation_units g "
            "ON g.generation = ? AND g.unit = l.unit WHERE l.linker = "
            "(SELECT linker FROM generations WHERE generation = ?)",
            (generation, generation),
        ).fetchone()
        return {"passages": sum(sizes.values()), "mentions": mentions, "per_unit": sizes}

    # -- collecting -------------------------------------------------------------------

    def collect(self, keep: Iterable[str]) -> int:
        """Delete every generation but `keep`, and whatever no kept generation names.

        The build keeps the generation it wrote and the one the store named before, so a
        reader that opened the old store reads on undisturbed. Returns units deleted.
        """
        kept = sorted(set(keep))
        marks = ",".join("?" * len(kept))
        with self.db:
            self.db.execute(f"DELETE FROM generations WHERE generation NOT IN ({marks})", kept)
            self.db.execute(f"DELETE FROM generation_units WHERE generation NOT IN ({marks})", kept)
            dead = [
                num
                for (num,) in self.db.execute(
                    "SELECT num FROM units WHERE num NOT IN (SELECT unit FROM generation_units)"
                )
            ]
            for num in dead:
                rowids = [
                    r
                    for (r,) in self.db.execute("SELECT rowid FROM passages WHERE unit = ?", (num,))
                ]
                self.db.executemany(
                    "DELETE FROM passage_keys WHERE rowid = ?", ((r,) for r in rowids)
                )
                self.db.execute("DELETE FROM source_keys WHERE rowid = ?", (num,))
                self.db.execute("DELETE FROM unit_sizes WHERE num = ?", (num,))
                for table in ("passages", "mentions", "linked", "new_names"):
                    self.db.execute(f"DELETE FROM {table} WHERE unit = ?", (num,))
                self.db.execute("DELETE FROM units WHERE num = ?", (num,))
            # `named` has no index by unit: one pass over it for 500 dead units, not one each
            # (after a change to the repair code, every unit of an archive dies at once).
            for start in range(0, len(dead), 500):
                chunk = dead[start : start + 500]
                self.db.execute(
                    f"DELETE FROM named WHERE unit IN ({','.join('?' * len(chunk))})", chunk
                )
            linkers = [row[0] for row in self.db.execute("SELECT linker FROM generations")]
            lmarks = ",".join("?" * len(linkers))
            # Mentions and names are stored and deleted with their unit's `linked` row, so the
            # small `linked` table tells whether any linker is gone; only then are the big
            # tables read through (~0.3 s at a million passages, on every build).
            stale = self.db.execute(
                f"SELECT 1 FROM linked WHERE linker NOT IN ({lmarks}) LIMIT 1", linkers
            ).fetchone()
            for table in ("mentions", "named", "linked", "new_names") if stale else ():
                self.db.execute(f"DELETE FROM {table} WHERE linker NOT IN ({lmarks})", linkers)
        return len(dead)

    # -- memos: what a build worked out once, by a key naming everything it came from --

    def memo(self, key: str) -> bytes | None:
        """What was remembered under `key`, if anything."""
        row = self.db.execute("SELECT value FROM memos WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def remember(self, kind: str, key: str, value: bytes) -> None:
        """Remember `value` under `key`, forgetting earlier memos of the same kind."""
        with self.db:
            self.db.execute("DELETE FROM memos WHERE key LIKE ?", (f"{kind}:%",))
            self.db.execute("INSERT OR REPLACE INTO memos VALUES (?, ?)", (key, value))

    # -- the file-hash cache ------------------------------------------------------------

    def cached_hashes(self) -> dict[str, tuple[int, int, str]]:
        """Known sha256 of input files by path, with the size and mtime they had."""
        return {
            path: (size, mtime, sha)
            for path, size, mtime, sha in self.db.execute("SELECT * FROM file_hashes")
        }

    def remember_hashes(self, hashes: dict[str, tuple[int, int, str]]) -> None:
        """Keep input files' hashes for the next build (files unchanged are not read again)."""
        with self.db:
            self.db.execute("DELETE FROM file_hashes")
            self.db.executemany(
                "INSERT INTO file_hashes VALUES (?, ?, ?, ?)",
                ((p, s, m, h) for p, (s, m, h) in hashes.items()),
            )


def file_stat(path: Path) -> tuple[int, int]:
    """(size, mtime in ns) of a file: what says it may have changed."""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
