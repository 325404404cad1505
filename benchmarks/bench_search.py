"""Search speed, memory and recall on synthetic alias sets, against fzf and a plain rapidfuzz pass.

Each size runs in a fresh process so its memory figure is its own. One JSON line of
figures per size, then one for the bundled data; `make bench` runs it.
    python benchmarks/bench_search.py [--sizes 1000,10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import alias_set, query_mix  # noqa: E402

from kazsec.search import Entry, SearchEngine  # noqa: E402
from kazsec.search.index import NameIndex  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)


def resident_mb() -> float:
    """This process's resident memory now, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(times_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(times_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(action: object) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000, value


def run_fzf(aliases_file: Path, query: str) -> tuple[float, str | None]:
    with aliases_file.open("rb") as stdin:
        elapsed, done = timed(
            lambda: subprocess.run(["fzf", "--filter", query], stdin=stdin, capture_output=True)
        )
    first = done.stdout.split(b"\n", 1)[0].decode() if done.stdout else None  # type: ignore[union-attr]
    return elapsed, first


def one_size(size: int) -> dict[str, object]:
    from rapidfuzz import fuzz, process

    pairs = alias_set(size)
    entries = [Entry("person", entity, entity, alias) for entity, alias in pairs]
    before = resident_mb()
    build_ms, index = timed(lambda: NameIndex(entries))
    memory = resident_mb() - before
    # As the app does after loading: the index lives for the whole session, so the
    # collector need not rescan its millions of objects (a full pass costs ~100 ms).
    gc.collect()
    gc.freeze()
    queries = query_mix(pairs, 200)
    for _, query, _ in queries[:20]:  # warm caches as a running app would have them
        index.search(query, limit=20)  # type: ignore[union-attr]
    ours, hits, full = [], 0, 0
    for kind, query, expected in queries:
        elapsed, results = timed(lambda: index.search(query, limit=20))  # type: ignore[union-attr]
        ours.append(elapsed)
        if kind in ("latin", "typo") or (kind == "cyrillic" and " " in query):
            full += 1
            hits += bool(results) and results[0].id == expected  # type: ignore[index,union-attr]
    p50, p99 = percentiles(ours)

    reference = [q for q in queries if q[0] != "prefix"][: 20 if size >= 1_000_000 else 60]
    aliases = [alias for _, alias in pairs]
    owner = {}
    for entity, alias in pairs:
        owner.setdefault(alias, entity)
    rf_times, rf_hits = [], 0
    for _, query, expected in reference:
        elapsed, found = timed(
            lambda: process.extract(query, aliases, scorer=fuzz.WRatio, limit=20)
        )
        rf_times.append(elapsed)
        rf_hits += bool(found) and owner[found[0][0]] == expected  # type: ignore[index]
    rf50, rf99 = percentiles(rf_times)
    figures: dict[str, object] = {
        "benchmark": "search",
        "aliases": size,
        "build_s": round(build_ms / 1000, 3),
        "memory_mb": round(memory, 1),
        "p50_ms": round(p50, 3),
        "p99_ms": round(p99, 3),
        "queries": len(queries),
        "recall_at_1_full_names": round(hits / full, 3),
        "rapidfuzz_wratio_p50_ms": round(rf50, 3),
        "rapidfuzz_wratio_p99_ms": round(rf99, 3),
        "rapidfuzz_recall_at_1": round(rf_hits / len(reference), 3),
        "ratio_p50_vs_rapidfuzz": round(p50 / rf50, 3),
    }
    if shutil.which("fzf"):
        with tempfile.TemporaryDirectory() as folder:
            listing = Path(folder) / "aliases.txt"
            listing.write_text("\n".join(aliases) + "\n", encoding="utf-8")
            fzf_times, fzf_hits = [], 0
            for _, query, expected in reference:
                elapsed, first = run_fzf(listing, query)
                fzf_times.append(elapsed)
                fzf_hits += first is not None and owner.get(first) == expected
        f50, f99 = percentiles(fzf_times)
        figures.update(
            {
                "fzf_p50_ms": round(f50, 3),
                "fzf_p99_ms": round(f99, 3),
                "fzf_recall_at_1": round(fzf_hits / len(reference), 3),
                "fzf_includes_process_start": True,
                "ratio_p50_vs_fzf": round(p50 / f50, 3),
            }
        )
    else:
        figures["fzf"] = "not installed (apt-get install fzf)"
    return figures


def bundled() -> dict[str, object]:
    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir

    with tempfile.TemporaryDirectory() as folder:
        store = open_or_build(data_dir(), Path(folder) / "store.json", notify=lambda _: None)
        build_ms, engine = timed(lambda: SearchEngine.from_store(store))
    queries = [
        "Masimov",
        "Мәсімов",
        "masimof",
        "Karim M",
        "K. Massimov",
        "KNB",
        "ҰҚК",
        "Kasym-Zhomart Tokaev",
        "Қасым-Жомарт Тоқаев",
        "Syroezhkin",
        "Putin",
        "n",
        "na",
        "naz",
        "naza",
        "nazar",
        "secret courts",
        "treason",
    ]
    names, full = [], []
    for round_number in range(10):
        for query in queries:
            fresh = query + " " * round_number  # defeat the engine's result cache: measure the work
            names.append(timed(lambda: engine.names.search(fresh, limit=20))[0])
            full.append(timed(lambda: engine.search(fresh, limit=20))[0])
    n50, n99 = percentiles(names)
    e50, e99 = percentiles(full)
    return {
        "benchmark": "search-bundled",
        "aliases": len(engine.names),
        "index_build_ms": round(build_ms, 1),
        "names_p50_ms": round(n50, 3),
        "names_p99_ms": round(n99, 3),
        "names_and_passages_p50_ms": round(e50, 3),
        "names_and_passages_p99_ms": round(e99, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        print(json.dumps(one_size(args.size)), flush=True)
        return 0
    for size in (int(s) for s in args.sizes.split(",")):
        subprocess.run([sys.executable, __file__, "--size", str(size)], check=True)
    print(json.dumps(bundled()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
