"""SQLite FTS5 against tantivy on the same folded passages, in one run.

The data: the generated passages of a corpus of --passages (default 100,000; see
generate_corpus.py), each folded with kazsec's fold_key as the index will hold it (no
repair is needed: a generated line is its own passage text). Row ids are the passages in
document order, 1..N. Every engine indexes that same folded text:

  fts5               fts5(folded, tokenize='unicode61 remove_diacritics 0') - the issue's baseline
  fts5-prefix        the same with prefix='2 3 4': prefix indexes for 2-4 letters typed
  fts5-detail-column detail=column: no positions (no phrase queries)
  fts5-detail-none   detail=none: no positions, no columns (no phrase queries)
  fts5-ascii         tokenize='ascii': folded text is ASCII letters and digits, nothing to fold
  fts5-contentless   content='': the index without its own copy of the text (deletes need
                     the old text: INSERT INTO t(t, rowid, folded) VALUES('delete', ...))
  tantivy            tantivy-py: folded (text, default tokenizer, positions), seq (u64 fast
                     field: the row id), doc (u64 indexed: the document, for deletes);
                     writer of 1 thread and 128 MB, so both engines build on one core
(tantivy is skipped, saying so, when the package is not installed: pip install '.[bench]'.)

For each engine, in the same run:
  - build: bulk insert of every row in one transaction (FTS5 executemany; tantivy
    add_document per row, then commit), then merge (FTS5 'optimize'; tantivy's merge
    threads), each timed; size on disk after it;
  - open and memory: in a fresh process per engine (page cache warm): time to open and answer
    a first query; RSS after opening, after every query once, and its peak;
  - queries: words (frequent, middling, rare, as generate_corpus.sample_queries bands them),
    two words ANDed (from one passage, 4+ letters each), phrases of 2-3 words, prefixes
    (3-5 letters of a word); each run with LIMIT 20 in document order (FTS5: rowid order,
    its natural one; tantivy: ordered by the seq fast field) and ranked (FTS5 ORDER BY rank,
    i.e. bm25; tantivy's BM25 top 20); p50/p99 per kind and order. All engines are open in
    this process and take each query in turn (interleaved, so drifting load hits all alike;
    which engine goes first rotates from query to query), for --rounds rounds, with the
    collector's objects frozen first; result ids must agree with the baseline fts5 in
    document order;
  - change: delete one document's rows (about 100) and commit; insert them again and commit;
    replace them (delete + insert, one commit); check the index sees the change;
  - isolation: a reader that started before a write, what it sees before and after the
    commit, and whether the commit waits for it (SQLite in WAL and in rollback-journal
    mode; tantivy searchers and reload).
Prints one JSON line per figure, then a short summary for people.

    python benchmarks/bench_engines.py [--passages 100000] [--per-kind 30] [--rounds 2]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generated_passages, sample_queries

PASSAGES = 100_000
PER_KIND = 30
ROUNDS = 2
LIMIT = 20
KINDS = ("word_frequent", "word_middling", "word_rare", "and2", "phrase", "prefix")
ORDERS = ("doc", "ranked")
TANTIVY_HEAP = 128_000_000

try:
    import tantivy
except ImportError:  # an optional extra: pip install '.[bench]'
    tantivy = None


# -- measuring ----------------------------------------------------------------------------


def status_mb(field_name: str) -> float:
    """A figure of /proc/self/status (VmRSS, VmHWM) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(times_ms: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(times_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def folder_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def files_with_prefix(path: Path) -> int:
    """The file and its siblings named after it (SQLite's -wal and -shm)."""
    return sum(f.stat().st_size for f in path.parent.iterdir() if f.name.startswith(path.name))


# -- queries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Q:
    """A folded query: its kind, its tokens, and how they combine (terms ANDed, phrase, prefix)."""

    kind: str
    tokens: tuple[str, ...]
    mode: str  # "terms" | "phrase" | "prefix"

    def fts5(self) -> str:
        if self.mode == "phrase":
            return '"' + " ".join(self.tokens) + '"'
        if self.mode == "prefix":
            return f'"{self.tokens[0]}"*'
        return " ".join(f'"{t}"' for t in self.tokens)

    def text(self) -> str:
        return " ".join(self.tokens) + ("*" if self.mode == "prefix" else "")


def make_queries(
    rows: list[tuple[int, str, int]], passages: int, seed: int, per_kind: int
) -> list[Q]:
    """per_kind queries of each kind, folded as the index is (see the module docstring)."""
    from kazsec.names.fold import fold_key

    samples = sample_queries(passages, seed, per_kind * 3)
    queries: list[Q] = []
    for band in ("frequent", "middling", "rare"):
        words = [q for q in samples["word"] if q.band == band][:per_kind]
        queries += [Q(f"word_{band}", tuple(fold_key(q.text).split()), "terms") for q in words]
    queries += [
        Q("phrase", tuple(fold_key(q.text).split()), "phrase") for q in samples["phrase"][:per_kind]
    ]
    queries += [Q("prefix", (fold_key(q.text),), "prefix") for q in samples["prefix"][:per_kind]]
    rng = random.Random(seed + 5)
    pairs: list[Q] = []
    while len(pairs) < per_kind:
        tokens = [t for t in rng.choice(rows)[1].split() if len(t) >= 4 and t.isalpha()]
        if len(set(tokens)) >= 2:
            first, second = rng.sample(sorted(set(tokens)), 2)
            pairs.append(Q("and2", (first, second), "terms"))
    return queries + pairs


# -- engines ------------------------------------------------------------------------------


class Unsupported(Exception):
    """The engine, so configured, cannot answer this kind of query."""


class Engine:
    name = ""
    options = ""

    def build(self, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        raise NotImplementedError

    def open(self) -> None:
        raise NotImplementedError

    def search(self, query: Q, order: str) -> list[int]:
        raise NotImplementedError

    def size(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def change(self, doc: int, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        raise NotImplementedError


class Fts5(Engine):
    def __init__(
        self, folder: Path, name: str, columns: str, options: str, contentless: bool = False
    ) -> None:
        self.name, self.options, self.contentless = name, options, contentless
        self.path = folder / f"{name}.db"
        self.table = f"CREATE VIRTUAL TABLE fts USING fts5({columns}, {options})"
        self.connection: sqlite3.Connection | None = None

    def build(self, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        connection = sqlite3.connect(self.path, isolation_level=None)
        connection.execute(self.table)
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO fts(rowid, folded) VALUES (?, ?)", ((r, text) for r, text, _ in rows)
        )
        connection.execute("COMMIT")
        inserted = time.perf_counter()
        connection.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        optimized = time.perf_counter()
        connection.close()
        return {"insert_s": inserted - start, "merge_s": optimized - inserted}

    def open(self) -> None:
        self.connection = sqlite3.connect(self.path, isolation_level=None)

    def search(self, query: Q, order: str) -> list[int]:
        assert self.connection is not None
        sql = "SELECT rowid FROM fts WHERE fts MATCH ?"
        sql += " ORDER BY rank LIMIT 20" if order == "ranked" else " LIMIT 20"
        try:
            return [r for (r,) in self.connection.execute(sql, (query.fts5(),))]
        except sqlite3.OperationalError as exc:
            if "not supported" in str(exc):
                raise Unsupported(str(exc)) from None
            raise

    def count(self, query: Q) -> int:
        assert self.connection is not None
        sql = "SELECT count(*) FROM fts WHERE fts MATCH ?"
        return int(self.connection.execute(sql, (query.fts5(),)).fetchone()[0])

    def size(self) -> int:
        return files_with_prefix(self.path)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def change(self, doc: int, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        """Delete a document's rows, put them back, replace them: each committed and timed."""
        assert self.connection is not None
        c = self.connection
        first, last = rows[0][0], rows[-1][0]
        marked = [(r, text + " zzmarker", d) for r, text, d in rows]

        def delete(old: list[tuple[int, str, int]]) -> None:
            if self.contentless:
                c.executemany(
                    "INSERT INTO fts(fts, rowid, folded) VALUES ('delete', ?, ?)",
                    ((r, text) for r, text, _ in old),
                )
            else:
                c.execute("DELETE FROM fts WHERE rowid BETWEEN ? AND ?", (first, last))

        def insert(new: list[tuple[int, str, int]]) -> None:
            c.executemany(
                "INSERT INTO fts(rowid, folded) VALUES (?, ?)", ((r, t) for r, t, _ in new)
            )

        times = {}
        for name, action in (
            ("delete_ms", lambda: delete(rows)),
            ("insert_ms", lambda: insert(rows)),
            ("replace_ms", lambda: (delete(rows), insert(marked))),
        ):
            start = time.perf_counter()
            c.execute("BEGIN")
            action()
            c.execute("COMMIT")
            times[name] = (time.perf_counter() - start) * 1000
        seen = c.execute("SELECT count(*) FROM fts WHERE fts MATCH 'zzmarker'").fetchone()[0]
        return {**times, "replaced_rows_seen": seen, "rows": len(rows)}


class Tantivy(Engine):
    name = "tantivy"

    def __init__(self, folder: Path) -> None:
        assert tantivy is not None
        self.path = folder / "tantivy"
        self.path.mkdir()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field(
            "folded", stored=False, tokenizer_name="default", index_option="position"
        )
        builder.add_unsigned_field("seq", stored=False, indexed=True, fast=True)
        builder.add_unsigned_field("doc", stored=False, indexed=True, fast=False)
        self.schema = builder.build()
        self.options = (
            "folded: text, default tokenizer (lowercase), positions; seq: u64 fast; doc: u64 indexed; "
            f"writer {TANTIVY_HEAP // 1_000_000} MB, 1 thread"
        )
        self.index: Any = None

    def _document(self, row: tuple[int, str, int]) -> Any:
        document = tantivy.Document()
        document.add_text("folded", row[1])
        document.add_unsigned("seq", row[0])
        document.add_unsigned("doc", row[2])
        return document

    def build(self, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        index = tantivy.Index(self.schema, path=str(self.path))
        start = time.perf_counter()
        writer = index.writer(TANTIVY_HEAP, 1)
        make = self._document
        for row in rows:
            writer.add_document(make(row))
        writer.commit()
        inserted = time.perf_counter()
        writer.wait_merging_threads()
        merged = time.perf_counter()
        return {"insert_s": inserted - start, "merge_s": merged - inserted}

    def open(self) -> None:
        self.index = tantivy.Index.open(str(self.path))
        self.index.reload()

    def query(self, query: Q) -> Any:
        Query, Occur = tantivy.Query, tantivy.Occur
        tokens = [t.lower() for t in query.tokens]  # the default tokenizer lowercases
        if query.mode == "phrase":
            return Query.phrase_query(self.schema, "folded", tokens)
        if query.mode == "prefix":  # every term with the prefix, as FTS5's "abc"* takes
            return Query.regex_query(self.schema, "folded", tokens[0] + ".*")
        if len(tokens) == 1:
            return Query.term_query(self.schema, "folded", tokens[0])
        return Query.boolean_query(
            [(Occur.Must, Query.term_query(self.schema, "folded", t)) for t in tokens]
        )

    def search(self, query: Q, order: str) -> list[int]:
        searcher = self.index.searcher()
        if order == "doc":
            found = searcher.search(
                self.query(query), LIMIT, count=False, order_by_field="seq", order=tantivy.Order.Asc
            )
            return [key for key, _ in found.hits]
        found = searcher.search(self.query(query), LIMIT, count=False)
        return searcher.fast_field_values("seq", [address for _, address in found.hits])

    def size(self) -> int:
        return folder_bytes(self.path)

    def close(self) -> None:
        self.index = None

    def change(self, doc: int, rows: list[tuple[int, str, int]]) -> dict[str, float]:
        marked = [(r, text + " zzmarker", d) for r, text, d in rows]
        start = time.perf_counter()
        writer = self.index.writer(TANTIVY_HEAP, 1)
        times = {"writer_open_ms": (time.perf_counter() - start) * 1000}

        def delete() -> None:
            writer.delete_documents_by_term("doc", doc)

        def insert(new: list[tuple[int, str, int]]) -> None:
            for row in new:
                writer.add_document(self._document(row))

        for name, action in (
            ("delete_ms", delete),
            ("insert_ms", lambda: insert(rows)),
            ("replace_ms", lambda: (delete(), insert(marked))),
        ):
            start = time.perf_counter()
            action()
            writer.commit()
            self.index.reload()
            times[name] = (time.perf_counter() - start) * 1000
        writer.wait_merging_threads()
        self.index.reload()
        seen = self.index.searcher().search(self.query(Q("", ("zzmarker",), "terms")), 1).count
        return {**times, "replaced_rows_seen": seen, "rows": len(rows)}


def engines(folder: Path) -> list[Engine]:
    unicode61 = "tokenize='unicode61 remove_diacritics 0'"
    made: list[Engine] = [
        Fts5(folder, "fts5", "folded", unicode61),
        Fts5(folder, "fts5-prefix", "folded", unicode61 + ", prefix='2 3 4'"),
        Fts5(folder, "fts5-detail-column", "folded", unicode61 + ", detail=column"),
        Fts5(folder, "fts5-detail-none", "folded", unicode61 + ", detail=none"),
        Fts5(folder, "fts5-ascii", "folded", "tokenize='ascii'"),
        Fts5(folder, "fts5-contentless", "folded", unicode61 + ", content=''", contentless=True),
    ]
    if tantivy is not None:
        made.append(Tantivy(folder))
    return made


# -- the probe: open time and memory in a fresh process --------------------------------------

PROBE = "--probe"


def probe(kind: str, path: str, queries_file: str) -> dict[str, float]:
    """Run in a fresh process: open the engine, answer a first query, then every query once."""
    queries = [
        Q(q["kind"], tuple(q["tokens"]), q["mode"])
        for q in json.loads(Path(queries_file).read_text())
    ]
    before = status_mb("VmRSS")
    start = time.perf_counter()
    engine: Engine
    if kind == "tantivy":
        engine = Tantivy.__new__(Tantivy)
        engine.path = Path(path)
        engine.open()
        engine.schema = engine.index.schema
    else:
        engine = Fts5.__new__(Fts5)
        engine.path = Path(path)
        engine.open()
    engine.search(queries[0], "doc")
    opened = (time.perf_counter() - start) * 1000
    after_open = status_mb("VmRSS")
    for query in queries:
        for order in ORDERS:
            with contextlib.suppress(Unsupported):
                engine.search(query, order)
    return {
        "open_and_first_query_ms": round(opened, 2),
        "rss_before_open_mb": round(before, 1),
        "rss_after_open_mb": round(after_open, 1),
        "rss_after_queries_mb": round(status_mb("VmRSS"), 1),
        "rss_peak_mb": round(status_mb("VmHWM"), 1),
        "rss_added_by_engine_mb": round(status_mb("VmRSS") - before, 1),
    }


def run_probe(engine: Engine, queries_file: Path, runs: int = 3) -> dict[str, float]:
    kind = "tantivy" if isinstance(engine, Tantivy) else "fts5"
    path = str(engine.path)
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, PROBE, kind, path, str(queries_file)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        results.append(json.loads(done.stdout))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


# -- isolation ------------------------------------------------------------------------------


def sqlite_isolation(folder: Path, journal: str) -> dict[str, object]:
    """A reader's transaction open across a writer's transaction: what it sees, who waits."""
    path = folder / f"isolation-{journal}.db"
    setup = sqlite3.connect(path, isolation_level=None)
    setup.execute(f"PRAGMA journal_mode={journal}")
    setup.execute("CREATE VIRTUAL TABLE fts USING fts5(folded)")
    setup.execute("INSERT INTO fts(rowid, folded) VALUES (1, 'alpha beta')")
    setup.close()
    reader = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    writer = sqlite3.connect(path, isolation_level=None, timeout=0.2)

    def seen() -> int:
        return reader.execute("SELECT count(*) FROM fts WHERE fts MATCH 'gamma'").fetchone()[0]

    reader.execute("BEGIN")
    before = seen()
    writer.execute("BEGIN")
    writer.execute("INSERT INTO fts(rowid, folded) VALUES (2, 'gamma delta')")
    during = seen()
    start = time.perf_counter()
    try:
        writer.execute("COMMIT")
        commit = "committed while the reader's transaction was open"
    except sqlite3.OperationalError as exc:
        commit = f"commit failed while the reader's transaction was open: {exc} (after the 0.2 s busy timeout)"
    commit_ms = (time.perf_counter() - start) * 1000
    same_transaction = seen()
    reader.execute("COMMIT")
    if writer.in_transaction:
        writer.execute("COMMIT")
    reader.execute("BEGIN")
    new_transaction = seen()
    reader.execute("COMMIT")
    reader.close()
    writer.close()
    return {
        "benchmark": "engines-isolation",
        "engine": f"sqlite journal_mode={journal}",
        "reader_sees_before_write": before,
        "reader_sees_uncommitted_write": during,
        "commit": commit,
        "commit_ms": round(commit_ms, 2),
        "reader_same_transaction_after_commit": same_transaction,
        "reader_new_transaction_after_commit": new_transaction,
    }


def tantivy_isolation(folder: Path) -> dict[str, object]:
    assert tantivy is not None
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("folded", stored=False)
    schema = builder.build()
    path = folder / "isolation-tantivy"
    path.mkdir()
    index = tantivy.Index(schema, path=str(path))
    writer = index.writer(15_000_000, 1)
    writer.add_document(tantivy.Document(folded="alpha beta"))
    writer.commit()
    index.reload()
    gamma = tantivy.Query.term_query(schema, "folded", "gamma")
    old = index.searcher()
    writer.add_document(tantivy.Document(folded="gamma delta"))
    during = index.searcher().search(gamma, 1).count
    start = time.perf_counter()
    writer.commit()
    commit_ms = (time.perf_counter() - start) * 1000
    held = old.search(gamma, 1).count
    fresh = index.searcher().search(gamma, 1).count
    index.reload()
    reloaded = index.searcher().search(gamma, 1).count
    other = tantivy.Index.open(str(path))
    try:
        other.writer(15_000_000, 1)
        second_writer = "opened"
    except Exception as exc:  # tantivy raises ValueError on the lock
        second_writer = f"refused: {str(exc).splitlines()[0][:160]}"
    writer.wait_merging_threads()
    return {
        "benchmark": "engines-isolation",
        "engine": "tantivy",
        "searcher_sees_uncommitted_add": during,
        "commit_ms": round(commit_ms, 2),
        "searcher_taken_before_commit_sees": held,
        "new_searcher_right_after_commit_sees": fresh,
        "after_reload_sees": reloaded,
        "second_writer_while_one_is_open": second_writer,
    }


def isolation_words(line: dict[str, object]) -> str:
    if "commit" in line:
        return (
            f"reader saw uncommitted rows: {line['reader_sees_uncommitted_write']}; {line['commit']}; "
            f"the reader's open transaction then saw {line['reader_same_transaction_after_commit']}, "
            f"its next one {line['reader_new_transaction_after_commit']}"
        )
    return (
        f"uncommitted add seen: {line['searcher_sees_uncommitted_add']}; searcher from before the commit sees "
        f"{line['searcher_taken_before_commit_sees']}, a new one right after {line['new_searcher_right_after_commit_sees']}, "
        f"after reload() {line['after_reload_sees']}; second writer {line['second_writer_while_one_is_open'][:40]}"
    )


# -- the run --------------------------------------------------------------------------------


def fold_rows(passages: int, seed: int) -> tuple[list[tuple[int, str, int]], float]:
    from kazsec.names.fold import fold_key

    start = time.perf_counter()
    rows = [
        (rowid, fold_key(text), int(pid[4:9]))
        for rowid, (pid, text) in enumerate(generated_passages(passages, seed), 1)
    ]
    return rows, time.perf_counter() - start


def query_times(
    engines_: list[Engine], queries: list[Q], rounds: int
) -> tuple[dict[str, dict[tuple[str, str], list[float]]], dict[str, str], dict[str, float]]:
    """Every query on every engine, interleaved; times, what is unsupported, and agreement.

    The engines take each query in turn, the first of them changing from one query to the
    next, so that no engine is always the one that meets a query first.
    """
    times: dict[str, dict[tuple[str, str], list[float]]] = {e.name: {} for e in engines_}
    unsupported: dict[str, str] = {}
    agree: dict[str, list[bool]] = {e.name: [] for e in engines_}
    turn = 0
    for round_number in range(rounds):
        for query in queries:
            for order in ORDERS:
                turn += 1
                shift = turn % len(engines_)
                found: dict[str, list[int]] = {}
                for engine in engines_[shift:] + engines_[:shift]:
                    start = time.perf_counter()
                    try:
                        found[engine.name] = engine.search(query, order)
                    except Unsupported as exc:
                        unsupported[f"{engine.name}:{query.kind}"] = str(exc)
                        continue
                    times[engine.name].setdefault((query.kind, order), []).append(
                        (time.perf_counter() - start) * 1000
                    )
                if order == "doc" and round_number == 0:
                    baseline = found[engines_[0].name]
                    for name, ids in found.items():
                        agree[name].append(ids == baseline)
    agreement = {
        name: round(sum(a) / len(a), 3) if a else float("nan") for name, a in agree.items()
    }
    return times, unsupported, agreement


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--passages", type=int, default=PASSAGES)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-kind", type=int, default=PER_KIND)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--only", help="comma-separated engine names (default: all)")
    args, rest = parser.parse_known_args()
    if rest[:1] == [PROBE]:
        print(json.dumps(probe(*rest[1:4])))
        return 0

    def emit(figures: dict[str, object]) -> None:
        print(json.dumps(figures, ensure_ascii=False), flush=True)

    rows, fold_s = fold_rows(args.passages, args.seed)
    emit(
        {
            "benchmark": "engines-corpus",
            "passages_in_corpus": args.passages,
            "rows_indexed": len(rows),
            "seed": args.seed,
            "folded_bytes": sum(len(t.encode()) for _, t, _ in rows),
            "fold_s": round(fold_s, 2),
            "sqlite": sqlite3.sqlite_version,
            "tantivy": getattr(tantivy, "__version__", None) if tantivy else None,
        }
    )
    if tantivy is None:
        emit(
            {
                "benchmark": "engines-build",
                "engine": "tantivy",
                "skipped": "tantivy is not installed: pip install tantivy (or '.[bench]')",
            }
        )
    queries = make_queries(rows, args.passages, args.seed, args.per_kind)
    summary: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as name:
        folder = Path(name)
        chosen = engines(folder)
        if args.only:
            keep = set(args.only.split(","))
            chosen = [e for e in chosen if e.name in keep]
        built: dict[str, dict[str, object]] = {}
        for engine in chosen:
            times = engine.build(rows)
            built[engine.name] = {
                "benchmark": "engines-build",
                "engine": engine.name,
                "options": engine.options,
                "rows": len(rows),
                "insert_s": round(times["insert_s"], 2),
                "merge_s": round(times["merge_s"], 2),
                "rows_per_s": round(len(rows) / times["insert_s"]),
                "size_mb": round(engine.size() / 2**20, 1),
            }
            emit(built[engine.name])
        reference = chosen[0]
        reference.open()
        hits = {}
        for kind in KINDS:
            counts = [reference.count(q) for q in queries if q.kind == kind]  # type: ignore[attr-defined]
            hits[kind] = {
                "median": statistics.median(counts),
                "min": min(counts),
                "max": max(counts),
            }
        emit(
            {
                "benchmark": "engines-queries",
                "per_kind": args.per_kind,
                "rounds": args.rounds,
                "matching_rows_by_kind": hits,
                "examples": {k: next(q.text() for q in queries if q.kind == k) for k in KINDS},
            }
        )
        queries_file = folder / "queries.json"
        queries_file.write_text(
            json.dumps([{"kind": q.kind, "tokens": q.tokens, "mode": q.mode} for q in queries])
        )
        probes = [run_probe(engine, queries_file) for engine in chosen]
        for engine, measured in zip(chosen, probes, strict=True):
            emit(
                {
                    "benchmark": "engines-open",
                    "engine": engine.name,
                    "method": "fresh process, median of 3",
                    **measured,
                }
            )
        for engine in chosen[1:]:
            engine.open()
        # The rows and the engines live for the whole query phase: a collection pass over
        # them (a full one costs tens of ms here) must not land inside a timed query.
        gc.collect()
        gc.freeze()
        times, unsupported, agreement = query_times(chosen, queries, args.rounds)
        base = times[reference.name]
        for engine in chosen:
            mine = times[engine.name]
            figures: dict[str, object] = {
                "benchmark": "engines-query",
                "engine": engine.name,
                "limit": LIMIT,
            }
            for (kind, order), values in sorted(
                mine.items(), key=lambda kv: (KINDS.index(kv[0][0]), kv[0][1])
            ):
                p50, p99 = percentiles(values)
                figures[f"{kind}_{order}_p50_ms"] = round(p50, 3)
                figures[f"{kind}_{order}_p99_ms"] = round(p99, 3)
                if engine is not reference and (kind, order) in base:
                    figures[f"{kind}_{order}_p50_vs_fts5"] = round(
                        p50 / percentiles(base[(kind, order)])[0], 2
                    )
            figures["unsupported"] = sorted(
                {k.split(":")[1] for k in unsupported if k.startswith(engine.name + ":")}
            )
            figures["doc_order_ids_agree_with_fts5"] = agreement[engine.name]
            emit(figures)
        for engine in chosen:
            middle = len({d for _, _, d in rows}) // 2
            own = [r for r in rows if r[2] == middle]
            emit(
                {
                    "benchmark": "engines-change",
                    "engine": engine.name,
                    "document": middle,
                    **{
                        k: round(v, 2) if isinstance(v, float) else v
                        for k, v in engine.change(middle, own).items()
                    },
                }
            )
            engine.close()
        isolation = [sqlite_isolation(folder, "wal"), sqlite_isolation(folder, "delete")]
        if tantivy is not None:
            isolation.append(tantivy_isolation(folder))
        for line in isolation:
            emit(line)
        opened = {e.name: run for e, run in zip(chosen, probes, strict=True)}
        for engine in chosen:
            mine = times[engine.name]
            b = built[engine.name]

            def p(kind: str, order: str, which: int = 1) -> str:
                values = mine.get((kind, order))  # noqa: B023 (used at once, in this loop)
                return f"{percentiles(values)[which]:.1f}" if values else "n/a"

            summary.append(
                f"{engine.name:<19} build {b['insert_s']:>6} s + {b['merge_s']:>5} s merge, {b['size_mb']:>6} MB, "
                f"open {opened[engine.name]['open_and_first_query_ms']:>5} ms, +{opened[engine.name]['rss_added_by_engine_mb']:>4} MB RSS | "
                "p99 ms doc/ranked: "
                + ", ".join(
                    f"{k.replace('word_', '')} {p(k, 'doc')}/{p(k, 'ranked')}" for k in KINDS
                )
            )
        summary.append(
            "matching rows, median by kind: "
            + ", ".join(f"{k.replace('word_', '')} {v['median']:g}" for k, v in hits.items())
        )
        summary += [f"isolation, {line['engine']}: {isolation_words(line)}" for line in isolation]
    if tantivy is None:
        summary.append(
            "tantivy             skipped: not installed (pip install tantivy, or '.[bench]')"
        )
    print()
    print(
        f"Summary ({len(rows):,} folded passages; p99 over {args.rounds} rounds of {args.per_kind} queries a kind; LIMIT {LIMIT}):"
    )
    for line in summary:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
