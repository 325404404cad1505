"""Where kazsec's time to first frame goes: imports, building the screen, loading the store.

Not one of the bench_*.py scripts `make bench` runs: an investigation to re-run after a
change to startup. Two parts, one JSON line per figure:

1. imports: `python -X importtime -c "import kazsec.cli; import kazsec.tui.app"` against the
   same for a bare Textual app (App, Header, Footer, Binding), several runs, medians of each
   module's own time. Lists the modules only kazsec brings in, the costliest first, and
   says which of kazsec's own modules have no kazsec package __pycache__ to load from.
2. pty: four programs started in a pseudo-terminal as bench_tui.py does (120x40), interleaved:
     bare            a Textual app with Header and Footer
     bare+imports    the same, after `import kazsec.cli, kazsec.tui.app`
     app-no-store    KazsecApp whose loader never returns (the screen, without the store)
     kazsec          the real `kazsec --store <bundled store>`
   The steps between them are the cost of kazsec's imports, of building its screen, and of
   the loader thread, on the first frame and on the first frame with the footer.

    python benchmarks/startup_breakdown.py [--runs 9] [--no-bytecode-cache]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui import (
    BARE_APP,
    BARE_FOOTER,
    KAZSEC_FOOTER,
    child_environment,
    first_paint,
    kazsec_command,
    ms,
)

KAZSEC_IMPORTS = "import kazsec.cli; import kazsec.tui.app"
BARE_IMPORTS = "from textual.app import App; from textual.widgets import Footer, Header; from textual.binding import Binding"
APP_NO_STORE = """
import os
import threading
from kazsec.tui.app import KazsecApp


def never():
    threading.Event().wait()  # the screen as it is before the store arrives, for as long as it runs


KazsecApp(never).run()
os._exit(0)  # the loader thread never returns: do not wait for it
"""
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


def import_times(code: str, env: dict[str, str], runs: int) -> dict[str, float]:
    """Median own time (ms) of every module `code` imports, over `runs` fresh processes."""
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for match in LINE.finditer(done.stderr):
            seen.setdefault(match.group(4), []).append(int(match.group(1)) / 1000)
    return {name: statistics.median(times) for name, times in seen.items()}


def imports(env: dict[str, str], runs: int, bytecode: str) -> dict[str, object]:
    ours = import_times(KAZSEC_IMPORTS, env, runs)
    bare = import_times(BARE_IMPORTS, env, runs)
    only = {name: t for name, t in ours.items() if name not in bare}
    source = Path(__file__).resolve().parent.parent / "src" / "kazsec"
    return {
        "benchmark": "startup-imports",
        "bytecode": bytecode,
        "runs": runs,
        "note": "-X importtime own times (inflated by the tracing); Textual's lazily loaded widget "
        "modules are not listed by it: their time shows in the kazsec module that first names them",
        "kazsec_total_ms": round(sum(ours.values()), 1),
        "bare_textual_total_ms": round(sum(bare.values()), 1),
        "only_kazsec_total_ms": round(sum(only.values()), 1),
        "only_kazsec_costliest_ms": {
            n: round(t, 2) for n, t in sorted(only.items(), key=lambda i: -i[1])[:20]
        },
        "not_imported_before_first_frame": [
            m
            for m in ("kazsec.search", "kazsec.library", "rapidfuzz", "tinydb", "ftfy")
            if m not in ours
        ],
        "src_has_pycache": (source / "__pycache__").is_dir(),
    }


def pty(env: dict[str, str], runs: int, bytecode: str, folder: Path) -> list[dict[str, object]]:
    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir

    store = folder / "bundled.json"
    open_or_build(data_dir(), store, notify=lambda _: None)
    bare = folder / "bare_app.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    with_imports = folder / "bare_with_imports.py"
    with_imports.write_text(KAZSEC_IMPORTS + "\n" + BARE_APP, encoding="utf-8")
    no_store = folder / "app_no_store.py"
    no_store.write_text(APP_NO_STORE, encoding="utf-8")
    programs = {
        "bare": ([sys.executable, str(bare)], BARE_FOOTER),
        "bare+imports": ([sys.executable, str(with_imports)], BARE_FOOTER),
        "app-no-store": ([sys.executable, str(no_store)], KAZSEC_FOOTER),
        "kazsec": ([kazsec_command(), "--store", str(store)], KAZSEC_FOOTER),
    }
    for argv, footer in programs.values():  # untimed: warm the caches
        first_paint(argv, footer, env)
    seen: dict[str, dict[str, list[float]]] = {
        name: {"first_draw": [], "footer": []} for name in programs
    }
    for _ in range(runs):
        for name, (argv, footer) in programs.items():
            outcome = first_paint(argv, footer, env)
            for moment, value in outcome.moments.items():
                if value is not None:
                    seen[name][moment].append(value)
    lines: list[dict[str, object]] = []
    base = {m: statistics.median(seen["bare"][m]) for m in ("first_draw", "footer")}
    for name, moments in seen.items():
        figures: dict[str, object] = {
            "benchmark": "startup-pty",
            "program": name,
            "bytecode": bytecode,
            "runs": runs,
        }
        for moment, values in moments.items():
            if values:
                figures[f"{moment}_ms"] = ms(statistics.median(values))
                figures[f"{moment}_minus_bare_ms"] = ms(statistics.median(values) - base[moment])
                figures[f"{moment}_timeouts"] = runs - len(values)
        lines.append(figures)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-bytecode-cache", action="store_true", help="the environment as it is")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env, bytecode = child_environment(None if args.no_bytecode_cache else folder / "pycache")
        if not args.no_bytecode_cache:  # fill the cache before timing imports
            subprocess.run(
                [sys.executable, "-c", KAZSEC_IMPORTS + "; " + BARE_IMPORTS], env=env, check=True
            )
        print(json.dumps(imports(env, max(3, args.runs // 3), bytecode)), flush=True)
        for line in pty(env, args.runs, bytecode, folder):
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
