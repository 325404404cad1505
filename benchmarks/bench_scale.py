"""kazsec at 10k, 100k and 1M passages, through the real build path, each figure beside its floor.

For each size, a corpus is generated (generate_corpus.py: the bundled data plus generated
documents of ~100 passages) and built with the real command, `kazsec build --data DIR
--store PATH` where the build takes --data, else `KAZSEC_DATA=DIR kazsec build --store PATH`.
Then, one JSON line per figure, each with the reference measured in the same run, its floor
(the issue's, checked at 1M passages; shown at every size) and pass/fail:

  build_s             the build command's wall time; reference: the same folded passages
                      (fold_key of every passage's text, folding not timed) bulk-inserted into a
                      fresh FTS5 table (unicode61 remove_diacritics 0), one transaction. Floor: <= 2x
  build_max_rss_mb    the build process's peak RSS (wait4 rusage). Floor: <= 1024 MB
  store_mb            PATH plus the files beside it whose names start with PATH's name (the new
                      store keeps PATH and adds sibling files); reference: that FTS5 table's file
  open_s, open_rss_mb in a fresh process: Store.open + Library + its search engine ready (with
                      the collector handled as the explorer's loader does: off while loading,
                      then everything frozen, the morphology dictionaries loaded untimed as
                      the explorer loads them once searchable); RSS after it; reference:
                      opening the FTS5 table and a first query. (No floor.)
  passage_search_p99_ms  per kind (name, word, phrase, prefix, cyrillic; queries from
                      generate_corpus.sample_queries), in that process:
                      Library(...).engine.search(q, types={"passage"}). Floor: <= 50 ms
  passage_page_p99_ms engine.passage_page(q, 0, 50). Floor: <= 50 ms
                      reference for both: the FTS5 table queried directly, the query folded,
                      its tokens ANDed (a phrase as a phrase, a prefix as "abc"*), LIMIT 50 in
                      rowid order; run interleaved with kazsec's
  name_search_p99_ms  engine.search(q, types=people, bodies, events, sources) for the name
                      queries and the Cyrillic names. Floor: < 16 ms
                      (each query is run --rounds times, with 0, 1, 2... trailing spaces so that
                      no round is answered from the engine's cache of repeated queries)
  Every p99 is over --per-kind distinct queries of each kind (200: the names are fewer, as
  many as the knowledge base has), each met cold, once: with fewer than 100 timings the
  99th percentile is simply the slowest one, a measure of the machine's worst hiccup.
  cli_search_s        `kazsec search --store PATH Q` as a whole process, median over --runs
                      rounds of three name queries; reference: the same on the bundled store,
                      interleaved. Floor: <= 1.5x
  cli_search_bundled_s  the bundled store's figure; reference: `python -c "import rich"`
                      (the same interpreter), interleaved. Floor: <= 3x
  cli_max_rss_mb      the largest peak RSS of those commands. Floor: <= 300 MB
  tui_searchable_s    the explorer started in a pty (bench_tui.py's machinery, env
                      KAZSEC_STORE=PATH): from the spawn until typing '/' then "Massimov" shows
                      "Karim Massimov" under People; median of --tui-runs; reference: a bare
                      Textual app's first frame with its footer. Floor: <= 1.5 s
  tui_max_rss_mb      the explorer's peak RSS (VmHWM, read just before it is closed). Floor: <= 300 MB
  add_document_s      one more generated document and its sources.toml entry written, then
                      the same build command again, timed; reference: the first build. Floor:
                      < 2 s (the issue's case: a 10,000-document corpus, i.e. 1M passages)

Commands run with KAZSEC_DATA=DIR (the corpus's own data folder, so a search's freshness
check reads the inputs the store was built from) and kazsec's bytecode in a temporary
PYTHONPYCACHEPREFIX warmed by an untimed start (see bench_tui.child_environment).

    python benchmarks/bench_scale.py [--sizes 10000,100000,1000000] [--quick] [--keep DIR]

--quick is 10k only. No timed assertion: pass/fail is printed, never raised.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui import (
    BARE_APP,
    BARE_FOOTER,
    KAZSEC_FOOTER,
    SEARCH_FOOTER,
    bottom_row_shows,
    child_environment,
    first_paint,
    kazsec_command,
    result_row_shows,
)
from pty_terminal import PtyProgram

SIZES = (10_000, 100_000, 1_000_000)
SEED = 0
PER_KIND = 200
ROUNDS = 1
CLI_RUNS = 5
TUI_RUNS = 3
TIMEOUT_S = 1800.0  # no command may take longer (a 1M build on today's code would)
CLI_QUERIES = ("Massimov", "Масимов", "KNB")
TUI_QUERY, TUI_EXPECTED = "Massimov", "Karim Massimov"
KINDS = ("name", "word", "phrase", "prefix", "cyrillic")
NAME_TYPES = ("person", "agency", "event", "source")
UNICODE61 = "tokenize='unicode61 remove_diacritics 0'"


# -- measuring ----------------------------------------------------------------------------


def p50_p99(values: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def status_mb(field: str, pid: int | str = "self") -> float | None:
    """VmRSS, VmHWM... of a process, in MiB; None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


class Ran:
    """One finished command: wall seconds, peak RSS (MiB), exit code, output."""

    def __init__(self, seconds: float, max_rss_mb: float, code: int, stdout: str, stderr: str):
        self.seconds, self.max_rss_mb, self.code = seconds, max_rss_mb, code
        self.stdout, self.stderr = stdout, stderr


def run(argv: Sequence[str], env: dict[str, str], timeout: float = TIMEOUT_S) -> Ran:
    """Run a command; its wall time from spawn to exit and its own peak RSS (wait4's rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Ran(
            seconds,
            usage.ru_maxrss / 1024,
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def store_bytes(path: Path) -> int:
    """PATH and the files beside it whose names start with PATH's name."""
    return sum(
        f.stat().st_size
        for f in path.parent.iterdir()
        if f.is_file() and f.name.startswith(path.name)
    )


def figure(
    size: int,
    name: str,
    value: float | None,
    reference: float | None = None,
    reference_is: str = "",
    floor: str = "",
    passed: bool | None = None,
    **extra: object,
) -> dict[str, object]:
    line: dict[str, object] = {
        "benchmark": "scale",
        "passages": size,
        "figure": name,
        "value": value,
    }
    if reference is not None:
        line["reference"] = reference
        line["reference_is"] = reference_is
        if value is not None and reference:
            line["ratio"] = round(value / reference, 3)
    if floor:
        line["floor"] = floor
        line["pass"] = passed
    line.update(extra)
    return line


# -- kazsec commands --------------------------------------------------------------------------


class Kazsec:
    """The `kazsec` command in the benchmark's environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self.command = kazsec_command()
        self.env = env
        help_text = run([self.command, "build", "--help"], env).stdout
        self.takes_data = "--data" in help_text

    def build(self, data: Path, store: Path) -> Ran:
        env = {**self.env, "KAZSEC_DATA": str(data)}
        argv = [self.command, "build"]
        if self.takes_data:
            argv += ["--data", str(data)]
        done = run([*argv, "--store", str(store)], env)
        if done.code != 0:
            raise SystemExit(f"bench_scale: the build failed ({done.code}): {done.stderr[-2000:]}")
        return done

    def search(self, store: Path, query: str, data: Path | None) -> Ran:
        env = dict(self.env)
        if data is not None:
            env["KAZSEC_DATA"] = str(data)
        else:
            env.pop("KAZSEC_DATA", None)
        done = run([self.command, "search", "--store", str(store), query], env, timeout=600)
        if done.code != 0:
            raise SystemExit(f"bench_scale: search failed ({done.code}): {done.stderr[-2000:]}")
        return done


# -- the reference: FTS5 on the same folded passages -------------------------------------------


def reference_table(path: Path, size: int, seed: int, chunk: int = 10_000) -> dict[str, float]:
    """Fold every passage of the corpus and bulk-insert it into a fresh FTS5 table.

    One transaction; the passages go in chunks (folding each chunk is timed apart from
    inserting it), so memory stays flat at a million passages.
    """
    from itertools import islice

    from generate_corpus import corpus_passages

    from kazsec.names.fold import fold_key

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"CREATE VIRTUAL TABLE fts USING fts5(folded, {UNICODE61})")
    passages = enumerate(corpus_passages(size, seed), 1)
    folding = inserting = 0.0
    connection.execute("BEGIN")
    while True:
        start = time.perf_counter()
        rows = [(rowid, fold_key(text)) for rowid, (_, text) in islice(passages, chunk)]
        folding += time.perf_counter() - start
        if not rows:
            break
        start = time.perf_counter()
        connection.executemany("INSERT INTO fts(rowid, folded) VALUES (?, ?)", rows)
        inserting += time.perf_counter() - start
    start = time.perf_counter()
    connection.execute("COMMIT")
    inserting += time.perf_counter() - start
    connection.close()
    return {"fold_s": folding, "insert_s": inserting, "bytes": store_bytes(path)}


def fts5_query(kind: str, folded: str) -> str:
    tokens = folded.split()
    if kind == "phrase":
        return '"' + " ".join(tokens) + '"'
    if kind == "prefix":
        return f'"{tokens[0]}"*'
    return " ".join(f'"{t}"' for t in tokens)


# -- in one fresh process: open, memory, query times ----------------------------------------------

PROBE = "--probe"


def probe(
    store_path: str, reference_path: str, queries_path: str, rounds: int
) -> dict[str, object]:
    """Open the store with the library, then time every query, interleaved with the reference."""
    from kazsec.library import Library
    from kazsec.names.fold import fold_key
    from kazsec.store import Store

    queries = json.loads(Path(queries_path).read_text(encoding="utf-8"))
    before = status_mb("VmRSS") or 0.0
    # As the explorer loads (tui/app.py): the collector off while the store is read and
    # indexed, everything loaded frozen after it, full collections rare.
    gc.disable()
    start = time.perf_counter()
    library = Library(Store.open(Path(store_path)))
    engine = library.engine
    open_s = time.perf_counter() - start
    # And, as the explorer does once it is searchable, the morphology dictionaries loaded
    # before the first query (untimed: the explorer does it while the user reads).
    from kazsec.search.readings import warm_up

    warm_up()
    gc.freeze()
    gc.enable()
    gc.set_threshold(10_000, 20, 100)
    open_rss = status_mb("VmRSS") or 0.0
    start = time.perf_counter()
    reference = sqlite3.connect(reference_path, isolation_level=None)
    reference.execute("SELECT rowid FROM fts WHERE fts MATCH 'masimov' LIMIT 1").fetchall()
    reference_open_s = time.perf_counter() - start
    sql = "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 50"
    times: dict[str, dict[str, list[float]]] = {}
    hits: dict[str, list[int]] = {}

    def timed(key: str, kind: str, action: object) -> object:
        started = time.perf_counter()
        result = action()  # type: ignore[operator]
        times.setdefault(key, {}).setdefault(kind, []).append(
            (time.perf_counter() - started) * 1000
        )
        return result

    for round_number in range(rounds):
        pad = " " * round_number  # a query the engine has not cached
        for query in queries:
            kind, text = query["kind"], query["text"]
            match = fts5_query(kind, fold_key(text))
            found = timed("reference", kind, lambda: reference.execute(sql, (match,)).fetchall())  # noqa: B023
            timed("passage_search", kind, lambda: engine.search(text + pad, types={"passage"}))  # noqa: B023
            timed("passage_page", kind, lambda: engine.passage_page(text + pad, 0, 50))  # noqa: B023
            if kind == "name" or query.get("band") == "name":
                timed("name_search", kind, lambda: engine.search(text + pad, types=NAME_TYPES))  # noqa: B023
            if round_number == 0:
                hits.setdefault(kind, []).append(len(found))  # type: ignore[arg-type]
    result: dict[str, object] = {
        "open_s": round(open_s, 3),
        "open_rss_mb": round(open_rss, 1),
        "rss_before_open_mb": round(before, 1),
        "peak_rss_mb": round(status_mb("VmHWM") or 0.0, 1),
        "reference_open_s": round(reference_open_s, 4),
        "reference_hits_median_by_kind": {k: statistics.median(v) for k, v in hits.items()},
    }
    for key, by_kind in times.items():
        result[key] = {
            kind: [round(x, 3) for x in p50_p99(values)] for kind, values in by_kind.items()
        }
    return result


# -- the explorer in a pty ------------------------------------------------------------------


def tui_searchable(
    argv: list[str], env: dict[str, str]
) -> tuple[float | None, float | None, float | None]:
    """From the spawn: seconds to the first frame with the footer, and until the typed query's
    result row shows; and the explorer's peak RSS (MiB), read just before it is closed."""
    program = PtyProgram(argv, 120, 40, env=env)
    footer = found = peak = None
    try:
        program.start()
        program.watch("footer", bottom_row_shows(KAZSEC_FOOTER))
        footer = program.wait_for("footer", 60)
        if footer is not None:
            # As bench_tui does: '/', and the query once the search box has the focus.
            program.watch("focused", bottom_row_shows(SEARCH_FOOTER))
            program.send(b"/")
            if program.wait_for("focused", 60) is not None:
                program.watch("result", result_row_shows(TUI_EXPECTED))
                program.send(TUI_QUERY.encode())
                found = program.wait_for("result", 120)
        if program.process is not None:
            peak = status_mb("VmHWM", program.process.pid)
    finally:
        program.close()
    return footer, found, peak


# -- one size ---------------------------------------------------------------------------------


def one_size(
    size: int, work: Path, kazsec: Kazsec, bundled: Path, args: argparse.Namespace
) -> list[dict[str, object]]:
    from generate_corpus import append_document, generate, plan, sample_queries

    lines: list[dict[str, object]] = []

    def emit(line: dict[str, object]) -> None:
        lines.append(line)
        print(json.dumps(line, ensure_ascii=False), flush=True)

    data = work / f"data-{size}"
    store_folder = work / f"store-{size}"
    store_folder.mkdir()
    store = store_folder / "kazsec.json"
    made = generate(data, size, args.seed, jobs=args.jobs)
    emit({"benchmark": "scale", "passages": size, "figure": "corpus", **made})

    built = kazsec.build(data, store)
    reference_db = work / f"reference-{size}.db"
    reference = reference_table(reference_db, size, args.seed)
    emit(
        figure(
            size,
            "build_s",
            round(built.seconds, 2),
            round(reference["insert_s"], 2),
            "FTS5 bulk insert of the same folded passages (one transaction)",
            "<= 2x reference",
            built.seconds <= 2 * reference["insert_s"],
            reference_fold_s=round(reference["fold_s"], 2),
            build_command="kazsec build --data DIR --store PATH"
            if kazsec.takes_data
            else "KAZSEC_DATA=DIR kazsec build --store PATH",
        )
    )
    emit(
        figure(
            size,
            "build_max_rss_mb",
            round(built.max_rss_mb, 1),
            floor="<= 1024 MB",
            passed=built.max_rss_mb <= 1024,
        )
    )
    emit(
        figure(
            size,
            "store_mb",
            round(store_bytes(store) / 2**20, 1),
            round(reference["bytes"] / 2**20, 1),
            "the FTS5 table of the folded passages alone",
            files=sorted(f.name for f in store_folder.iterdir() if f.name.startswith(store.name)),
        )
    )

    samples = sample_queries(size, args.seed, args.per_kind)
    # Each text once per kind: a repeat would be answered from the engine's cache.
    distinct = {(q.kind, q.text): q for kind in KINDS for q in samples[kind]}
    queries_file = work / f"queries-{size}.json"
    queries_file.write_text(
        json.dumps([q._asdict() for q in distinct.values()], ensure_ascii=False),
        encoding="utf-8",
    )
    done = run(
        [
            sys.executable,
            __file__,
            PROBE,
            str(store),
            str(reference_db),
            str(queries_file),
            str(args.rounds),
        ],
        kazsec.env,
    )
    if done.code != 0:
        raise SystemExit(f"bench_scale: the query probe failed: {done.stderr[-3000:]}")
    probed = json.loads(done.stdout)
    emit(
        figure(
            size,
            "open_s",
            probed["open_s"],
            probed["reference_open_s"],
            "sqlite3.connect to the FTS5 table and a first query",
        )
    )
    emit(
        figure(
            size,
            "open_rss_mb",
            probed["open_rss_mb"],
            probed["rss_before_open_mb"],
            "the same process before opening (python + imports)",
            peak_rss_mb=probed["peak_rss_mb"],
        )
    )
    ref = probed["reference"]
    for key, limit, strict in (
        ("passage_search", 50.0, False),
        ("passage_page", 50.0, False),
        ("name_search", 16.0, True),
    ):
        for kind, (p50, p99) in probed.get(key, {}).items():
            ok = p99 < limit if strict else p99 <= limit
            emit(
                figure(
                    size,
                    f"{key}_p99_ms",
                    p99,
                    ref[kind][1],
                    "FTS5 directly: folded tokens ANDed, LIMIT 50, rowid order",
                    f"{'<' if strict else '<='} {limit:g} ms",
                    ok,
                    kind=kind,
                    p50_ms=p50,
                    reference_p50_ms=ref[kind][0],
                    reference_hits_median=probed["reference_hits_median_by_kind"].get(kind),
                )
            )

    # Whole-process search: this size, the bundled store, and the interpreter importing rich, interleaved.
    rich_argv = [sys.executable, "-c", "import rich"]
    ours, theirs, rich_times, peaks = [], [], [], []
    for _ in range(args.runs):
        for query in CLI_QUERIES:
            rich_times.append(run(rich_argv, kazsec.env).seconds)
            b = kazsec.search(bundled, query, None)
            o = kazsec.search(store, query, data)
            theirs.append(b.seconds)
            ours.append(o.seconds)
            peaks += [b.max_rss_mb, o.max_rss_mb]
    o50, b50, r50 = (
        statistics.median(ours),
        statistics.median(theirs),
        statistics.median(rich_times),
    )
    emit(
        figure(
            size,
            "cli_search_s",
            round(o50, 3),
            round(b50, 3),
            "kazsec search on the bundled store",
            "<= 1.5x reference",
            o50 <= 1.5 * b50,
            queries=list(CLI_QUERIES),
            runs=len(ours),
        )
    )
    emit(
        figure(
            size,
            "cli_search_bundled_s",
            round(b50, 3),
            round(r50, 3),
            'python -c "import rich"',
            "<= 3x reference",
            b50 <= 3 * r50,
        )
    )
    emit(
        figure(
            size,
            "cli_max_rss_mb",
            round(max(peaks), 1),
            floor="<= 300 MB",
            passed=max(peaks) <= 300,
        )
    )

    # The explorer, in a pty.
    tui_env = {**kazsec.env, "KAZSEC_STORE": str(store), "KAZSEC_DATA": str(data)}
    bare_script = work / "bare_app.py"  # written by main()
    ready, frames, tui_peaks, bare = [], [], [], []
    for _ in range(args.tui_runs):
        bare_run = first_paint([sys.executable, str(bare_script)], BARE_FOOTER, kazsec.env)
        if bare_run.moments.get("footer"):
            bare.append(bare_run.moments["footer"])
        frame, seconds, peak = tui_searchable([kazsec.command], tui_env)
        for values, value in ((frames, frame), (ready, seconds), (tui_peaks, peak)):
            if value is not None:
                values.append(value)
    searchable = statistics.median(ready) if ready else None
    emit(
        figure(
            size,
            "tui_searchable_s",
            round(searchable, 3) if searchable else None,
            round(statistics.median(bare), 3) if bare else None,
            "a bare Textual app's first frame with its footer",
            "<= 1.5 s",
            searchable is not None and searchable <= 1.5,
            runs=args.tui_runs,
            found_in=len(ready),
            first_frame_s=round(statistics.median(frames), 3) if frames else None,
            query=TUI_QUERY,
            expected=TUI_EXPECTED,
        )
    )
    tui_peak = max(tui_peaks) if tui_peaks else None
    emit(
        figure(
            size,
            "tui_max_rss_mb",
            round(tui_peak, 1) if tui_peak else None,
            floor="<= 300 MB",
            passed=tui_peak is not None and tui_peak <= 300,
        )
    )

    # One more document, rebuilt.
    documents = len(plan(size, args.seed))
    added = append_document(data, args.seed, documents)  # the corpus has documents 0..documents-1
    again = kazsec.build(data, store)
    emit(
        figure(
            size,
            "add_document_s",
            round(again.seconds, 2),
            round(built.seconds, 2),
            "the first, full build",
            "< 2 s",
            again.seconds < 2,
            documents_before=documents,
            added=added,
            max_rss_mb=round(again.max_rss_mb, 1),
        )
    )
    if not args.keep:
        import shutil

        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(store_folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            reference_db.unlink()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="passages, comma-separated"
    )
    parser.add_argument("--quick", action="store_true", help="10,000 passages only")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-kind", type=int, default=PER_KIND, help="queries of each kind")
    parser.add_argument(
        "--rounds", type=int, default=ROUNDS, help="in-process rounds of every query"
    )
    parser.add_argument(
        "--runs", type=int, default=CLI_RUNS, help="rounds of whole-process searches"
    )
    parser.add_argument("--tui-runs", type=int, default=TUI_RUNS)
    parser.add_argument("--jobs", type=int, default=2, help="processes generating a corpus")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep the corpora and stores"
    )
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="run kazsec with the environment as it is"
    )
    args, rest = parser.parse_known_args()
    if rest[:1] == [PROBE]:
        print(json.dumps(probe(rest[1], rest[2], rest[3], int(rest[4]))))
        return 0
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as name:
        work = args.keep or Path(name)
        work.mkdir(parents=True, exist_ok=True)
        env, bytecode = child_environment(
            None if args.no_bytecode_cache else Path(name) / "pycache"
        )
        env["PYTHONPATH"] = os.pathsep.join(
            p
            for p in (str(Path(__file__).resolve().parents[1] / "src"), env.get("PYTHONPATH", ""))
            if p
        )
        kazsec = Kazsec(env)
        bundled_folder = work / "store-bundled"
        bundled_folder.mkdir(exist_ok=True)
        bundled = bundled_folder / "kazsec.json"
        from generate_corpus import BUNDLED

        first = kazsec.build(BUNDLED, bundled)
        # Untimed: each program once, to warm the bytecode cache and the file cache.
        kazsec.search(bundled, "Massimov", None)
        run([sys.executable, "-c", "import rich"], env)
        bare_script = work / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        first_paint([sys.executable, str(bare_script)], BARE_FOOTER, env)
        first_paint([kazsec.command], KAZSEC_FOOTER, {**env, "KAZSEC_STORE": str(bundled)})
        print(
            json.dumps(
                {
                    "benchmark": "scale-setup",
                    "kazsec": kazsec.command,
                    "build_takes_data": kazsec.takes_data,
                    "bytecode": bytecode,
                    "bundled_build_s": round(first.seconds, 2),
                    "sizes": sizes,
                    "seed": args.seed,
                    "floors_apply_at": 1_000_000,
                }
            ),
            flush=True,
        )
        results: list[dict[str, object]] = []
        for size in sizes:
            results += one_size(size, work, kazsec, bundled, args)
    print()
    print("Summary (floors are the issue's, for 1M passages; shown at every size):")
    for line in results:
        if "floor" not in line:
            continue
        kind = f" [{line['kind']}]" if "kind" in line else ""
        reference = f" (reference {line['reference']})" if "reference" in line else ""
        verdict = "pass" if line["pass"] else "FAIL"
        print(
            f"  {line['passages']:>9,} {line['figure']}{kind}: {line['value']}{reference}, floor {line['floor']}: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
