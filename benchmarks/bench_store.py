"""Store build and open times, against a plain json.loads of the same file in the same run.

Prints one JSON line of figures; run with `make bench`.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kazsec.build.compile import build_store
from kazsec.paths import data_dir
from kazsec.store import Store


def best_of(runs: int, action: object) -> float:
    """Median wall time of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.json"
        build_ms = best_of(5, lambda: build_store(data_dir(), path))
        open_ms = best_of(20, lambda: Store.open(path))
        raw = path.read_bytes()
        json_ms = best_of(20, lambda: json.loads(raw))
        figures = {
            "benchmark": "store",
            "store_bytes": len(raw),
            "build_ms": round(build_ms, 2),
            "open_ms": round(open_ms, 2),
            "json_loads_ms": round(json_ms, 2),
            "open_vs_json_loads": round(open_ms / json_ms, 2),
        }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
