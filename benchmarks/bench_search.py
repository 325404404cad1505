"""Search speed, memory and recall on synthetic alias sets, kazsec against three references.

One balanced query set (synthetic_names.balanced_queries) is used for kazsec and for every
reference alike: equal numbers of queries of six kinds (a full name in a romanization the
entity was not indexed under, Russian Cyrillic, Kazakh Cyrillic, one typo, the surname
alone, and 4+ letters typed so far). Engines:
  - kazsec: the NameIndex the app searches with (search(query, limit=20));
  - rapidfuzz_raw: process.extract with WRatio over the raw aliases (no processor);
  - rapidfuzz_folded: the same over kazsec's fold_key of every alias, the query folded too;
  - fzf: `fzf --filter QUERY` on a file of the raw aliases, one process per query (its time
    includes starting the process and reading the aliases).
A result list is read as entities, best first (an alias hit stands for its entity, repeats
dropped). A query is found at k when one of the first k entities is the one it was made from
or one it cannot be told from, judged on the names, not on any engine's folding: an entity
whose name, in Cyrillic or in any of the six romanizations, equals the query; for surname
queries one with that surname; for prefixes one whose name, so written, has a word starting
with the typed text. Recall@1 and @5 per kind and overall, and @20 for prefixes.

Each size runs in a fresh process so its memory figure is its own; in it, queries run in
rounds of 12 (two per kind), each engine in turn, so drifting load hits all alike.
Prints one JSON line per engine per size, then one for the bundled data.
    python benchmarks/bench_search.py [--sizes 1000,10000,100000] [--million] [--per-kind 50]
At 1M aliases the references see only the first --reference-per-kind queries of each kind
(default 8): a raw rapidfuzz pass takes seconds there. kazsec runs the whole set, and its
recall on that same sample is printed beside each reference's.
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
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import (
    KAZAKH_TO_RUSSIAN,
    KINDS,
    SYSTEM_NAMES,
    Query,
    alias_set,
    balanced_queries,
    romanize,
)

SIZES = (1_000, 10_000, 100_000)
MILLION = 1_000_000
PER_KIND = 50
REFERENCE_PER_KIND_AT_1M = 8
LIMIT = 20  # entities asked of every engine
ROUND = 2 * len(KINDS)  # queries per round of the interleaving
FZF_TIMEOUT_S = 120.0


def resident_mb() -> float:
    """This process's resident memory now, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(times_ms: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(times_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def distinct(entities: Sequence[str], limit: int = LIMIT) -> list[str]:
    """Entities in first-seen order, at most `limit`."""
    seen: dict[str, None] = {}
    for entity in entities:
        seen.setdefault(entity, None)
        if len(seen) >= limit:
            break
    return list(seen)


class Judge:
    """Which entities answer a query: the one it was made from, and those it cannot be told from.

    Judged on the names themselves, never on kazsec's folding: an entity answers when its
    name, written in Cyrillic (Kazakh or Russian letters) or in one of the six romanizations,
    equals what was typed; for a surname query, when such a form ends with it as a word (or
    the Cyrillic surnames are the same); for a prefix, when the typed text begins a word of
    such a form.
    """

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.all_aliases = {alias.casefold() for _, alias in pairs}
        self._forms: dict[str, tuple[str, ...]] = {}

    def forms(self, entity: str) -> tuple[str, ...]:
        if entity not in self._forms:
            written = {entity, entity.translate(KAZAKH_TO_RUSSIAN)}
            written |= {romanize(entity, system) for system in SYSTEM_NAMES}
            self._forms[entity] = tuple(sorted(w.casefold() for w in written))
        return self._forms[entity]

    def exact(self, query: Query) -> bool:
        """Whether the query equals an indexed alias (of any entity), capitals aside."""
        return query.text.casefold() in self.all_aliases

    def answers(self, query: Query, entity: str) -> bool:
        if entity == query.entity:
            return True
        typed = query.text.casefold()
        forms = self.forms(entity)
        if typed in forms:
            return True
        if query.kind == "surname":
            same = entity.split()[-1] == query.entity.split()[-1]
            return same or any(form.split()[-1] == typed for form in forms)
        if query.kind == "prefix":
            return any(start.startswith(typed) for form in forms for start in _word_starts(form))
        return False

    def found_at(self, query: Query, ranked: Sequence[str]) -> int | None:
        """1-based rank of the first answering entity, or None."""
        for rank, entity in enumerate(ranked, 1):
            if self.answers(query, entity):
                return rank
        return None


def _word_starts(name: str) -> list[str]:
    """The name from each of its words on: 'ivan petrov' -> ['ivan petrov', 'petrov']."""
    starts = [name]
    for i, char in enumerate(name[:-1]):
        if char in " -":
            starts.append(name[i + 1 :])
    return starts


class Engine:
    """One searcher: a name, a function from query text to ranked entities, and what it measured."""

    def __init__(self, name: str, search: Callable[[str], list[str]], note: str = "") -> None:
        self.name, self.search, self.note = name, search, note
        self.times: dict[Query, float] = {}
        self.cpu_times: dict[Query, float] = {}  # this thread's CPU only: the work, not the waits
        self.ranks: dict[Query, int | None] = {}

    def run(self, query: Query, judge: Judge) -> None:
        cpu = time.thread_time()
        start = time.perf_counter()
        ranked = self.search(query.text)
        self.times[query] = (time.perf_counter() - start) * 1000
        self.cpu_times[query] = (time.thread_time() - cpu) * 1000
        self.ranks[query] = judge.found_at(query, ranked)


def recall(engine: Engine, queries: Sequence[Query], k: int) -> float:
    found = [engine.ranks[q] for q in queries]
    return round(sum(r is not None and r <= k for r in found) / len(found), 3)


def scores(engine: Engine, queries: Sequence[Query]) -> dict[str, object]:
    """Recall@1/@5 per kind and overall, @20 for prefixes, p50/p99 overall and p50 per kind."""
    by_kind = {kind: [q for q in queries if q.kind == kind] for kind in KINDS}
    p50, p99 = percentiles([engine.times[q] for q in queries])
    return {
        "queries": len(queries),
        "p50_ms": round(p50, 3),
        "p99_ms": round(p99, 3),
        "recall_at_1": recall(engine, queries, 1),
        "recall_at_5": recall(engine, queries, 5),
        "recall_at_1_by_kind": {k: recall(engine, qs, 1) for k, qs in by_kind.items() if qs},
        "recall_at_5_by_kind": {k: recall(engine, qs, 5) for k, qs in by_kind.items() if qs},
        "prefix_recall_at_20": recall(engine, by_kind["prefix"], 20) if by_kind["prefix"] else None,
        "p50_ms_by_kind": {
            k: round(statistics.median(engine.times[q] for q in qs), 3)
            for k, qs in by_kind.items()
            if qs
        },
    }


def cpu_scores(engine: Engine, queries: Sequence[Query]) -> dict[str, object]:
    """CPU time per query (p50/p99) and the slowest queries by wall time, with their CPU time.

    On a shared machine a query's wall time includes waiting for a core; its CPU time is
    the work alone, so a wall-time tail that the CPU times lack is the machine's, not ours.
    """
    p50, p99 = percentiles([engine.cpu_times[q] for q in queries])
    slowest = sorted(queries, key=lambda q: -engine.times[q])[:3]
    return {
        "cpu_p50_ms": round(p50, 3),
        "cpu_p99_ms": round(p99, 3),
        "slowest": [
            {
                "kind": q.kind,
                "query": q.text,
                "ms": round(engine.times[q], 1),
                "cpu_ms": round(engine.cpu_times[q], 1),
            }
            for q in slowest
        ],
    }


def fzf_search(listing: Path, owners: dict[str, list[str]]) -> Callable[[str], list[str]]:
    def search(text: str) -> list[str]:
        with listing.open("rb") as stdin:
            done = subprocess.run(
                ["fzf", "--filter", text], stdin=stdin, capture_output=True, timeout=FZF_TIMEOUT_S
            )
        ranked: dict[str, None] = {}
        for line in done.stdout.decode("utf-8").splitlines():
            for entity in owners.get(line, ()):
                ranked.setdefault(entity, None)
            if len(ranked) >= LIMIT:
                break
        return list(ranked)[:LIMIT]

    return search


def one_size(size: int, per_kind: int, reference_per_kind: int | None) -> list[dict[str, object]]:
    from rapidfuzz import fuzz, process

    from kazsec.names import fold_key
    from kazsec.search import Entry, NameIndex

    pairs = alias_set(size)
    aliases = [alias for _, alias in pairs]
    owner_of = [entity for entity, _ in pairs]
    entries = [Entry("person", entity, entity, alias) for entity, alias in pairs]
    before = resident_mb()
    start = time.perf_counter()
    index = NameIndex(entries)
    build_s = time.perf_counter() - start
    memory = resident_mb() - before
    # As the app does after loading: the index lives for the whole session, so the
    # collector need not rescan its millions of objects (a full pass costs ~100 ms).
    gc.collect()
    gc.freeze()

    queries = balanced_queries(pairs, per_kind)
    judge = Judge(pairs)
    sample = set(queries[: reference_per_kind * len(KINDS)]) if reference_per_kind else set(queries)
    for query in balanced_queries(
        pairs, 4, seed=99
    ):  # warm caches as a running app would have them
        index.search(query.text, limit=LIMIT)

    start = time.perf_counter()
    folded = [fold_key(alias) for alias in aliases]
    fold_s = time.perf_counter() - start
    owners: dict[str, list[str]] = defaultdict(list)
    for entity, alias in pairs:
        if entity not in owners[alias]:
            owners[alias].append(entity)

    def by_alias(hits: list[tuple[str, float, int]]) -> list[str]:
        return distinct([owner_of[i] for _, _, i in hits])

    engines = [
        Engine("kazsec", lambda text: [r.id for r in index.search(text, limit=LIMIT)]),
        Engine(
            "rapidfuzz_raw",
            lambda text: by_alias(
                process.extract(text, aliases, scorer=fuzz.WRatio, limit=4 * LIMIT)
            ),
            "process.extract(query, aliases, scorer=WRatio, processor=None), 80 alias hits read as entities",
        ),
        Engine(
            "rapidfuzz_folded",
            lambda text: by_alias(
                process.extract(fold_key(text), folded, scorer=fuzz.WRatio, limit=4 * LIMIT)
            ),
            "fold_key on every alias (done once, not timed per query) and on the query (timed), then WRatio",
        ),
    ]
    folder = tempfile.TemporaryDirectory()
    fzf_note = "not installed (apt-get install fzf)"
    if shutil.which("fzf"):
        listing = Path(folder.name) / "aliases.txt"
        listing.write_text("\n".join(aliases) + "\n", encoding="utf-8")
        version = subprocess.run(
            ["fzf", "--version"], capture_output=True, text=True
        ).stdout.split()[0]
        fzf_note = f"fzf {version} --filter QUERY (default smart case, sorted by score); times include starting the process"
        engines.append(Engine("fzf", fzf_search(listing, owners), fzf_note))
    # The references' own setup (100k lists of owners, the folded aliases) is frozen too: a
    # full collection over it (~70 ms) would otherwise land in whichever query came next.
    gc.collect()
    gc.freeze()
    try:
        for first in range(0, len(queries), ROUND):
            block = queries[first : first + ROUND]
            for engine in engines:
                for query in block:
                    if engine.name == "kazsec" or query in sample:
                        engine.run(query, judge)
    finally:
        folder.cleanup()

    sampled = [q for q in queries if q in sample]
    exact = {
        kind: round(sum(judge.exact(q) for q in queries if q.kind == kind) / per_kind, 3)
        for kind in KINDS
    }
    ours = engines[0]
    lines: list[dict[str, object]] = [
        {
            "benchmark": "search",
            "engine": "kazsec",
            "aliases": size,
            "entities": len({entity for entity, _ in pairs}),
            "build_s": round(build_s, 3),
            "memory_mb": round(memory, 1),
            "per_kind": per_kind,
            **scores(ours, queries),
            **cpu_scores(ours, queries),
            "queries_equal_to_an_indexed_alias_by_kind": exact,
        }
    ]
    kazsec_p50 = percentiles([ours.times[q] for q in sampled])[0]
    for engine in engines[1:]:
        figures: dict[str, object] = {
            "benchmark": "search",
            "engine": engine.name,
            "aliases": size,
            "how": engine.note,
            **scores(engine, sampled),
        }
        if engine.name == "rapidfuzz_folded":
            figures["fold_aliases_s"] = round(fold_s, 3)
        if engine.name == "fzf":
            figures["includes_process_start"] = True
        if len(sampled) < len(queries):
            figures["sampled"] = (
                f"the first {reference_per_kind} queries of each kind ({len(sampled)} of {len(queries)}); "
                "kazsec_on_same_queries is kazsec on that sample"
            )
            mine = scores(ours, sampled)
            figures["kazsec_on_same_queries"] = {
                key: mine[key]
                for key in ("p50_ms", "p99_ms", "recall_at_1", "recall_at_5", "prefix_recall_at_20")
            }
        figures["ratio_p50_kazsec_vs_this"] = round(kazsec_p50 / float(figures["p50_ms"]), 4)  # type: ignore[arg-type]
        lines.append(figures)
    missing = (
        []
        if shutil.which("fzf")
        else [{"benchmark": "search", "engine": "fzf", "aliases": size, "skipped": fzf_note}]
    )
    return lines + missing


def bundled() -> dict[str, object]:
    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir
    from kazsec.search import SearchEngine

    with tempfile.TemporaryDirectory() as folder:
        store = open_or_build(data_dir(), Path(folder) / "store.json", notify=lambda _: None)
        start = time.perf_counter()
        engine = SearchEngine.from_store(store)
        build_ms = (time.perf_counter() - start) * 1000
    queries = [
        "Masimov", "Мәсімов", "masimof", "Karim M", "K. Massimov", "KNB", "ҰҚК", "Kasym-Zhomart Tokaev",
        "Қасым-Жомарт Тоқаев", "Syroezhkin", "Putin", "n", "na", "naz", "naza", "nazar", "secret courts", "treason",
    ]  # fmt: skip
    names, full = [], []
    for round_number in range(10):
        for query in queries:
            fresh = query + " " * round_number  # defeat the engine's result cache: measure the work
            start = time.perf_counter()
            engine.names.search(fresh, limit=20)
            names.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            engine.search(fresh, limit=20)
            full.append((time.perf_counter() - start) * 1000)
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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="alias counts, comma-separated"
    )
    parser.add_argument("--million", action="store_true", help="also 1,000,000 aliases (minutes)")
    parser.add_argument(
        "--per-kind", type=int, default=PER_KIND, help="queries of each of the six kinds"
    )
    parser.add_argument(
        "--reference-per-kind",
        type=int,
        default=REFERENCE_PER_KIND_AT_1M,
        help="at 1M aliases and more, queries of each kind the references run",
    )
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        cap = args.reference_per_kind if args.size >= MILLION else None
        for line in one_size(args.size, args.per_kind, cap):
            print(json.dumps(line, ensure_ascii=False), flush=True)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.million and MILLION not in sizes:
        sizes.append(MILLION)
    for size in sizes:
        command = [sys.executable, __file__, "--size", str(size), "--per-kind", str(args.per_kind)]
        command += ["--reference-per-kind", str(args.reference_per_kind)]
        subprocess.run(command, check=True)
    print(json.dumps(bundled()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
