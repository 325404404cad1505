"""TUI speed: time to first paint against a bare Textual app, and search-as-you-type on 10k people.

Every figure is measured in a fresh process, from interpreter start, so imports count.
Prints one JSON line per measurement; `make bench` runs it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RUNS = 9

BARE_APP = r"""
import time
start = time.perf_counter()
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

def painted(pilot):
    print(time.perf_counter() - start)
    pilot.app.exit()

async def auto(pilot):
    painted(pilot)

Bare().run(headless=True, size=(120, 40), auto_pilot=auto)
"""

# What `kazsec` does: start the app at once; its loader thread opens the store and builds
# the library and the search index after the first paint.
KAZSEC_APP = r"""
import time, sys
start = time.perf_counter()
from pathlib import Path
from kazsec.tui.app import KazsecApp


def load():
    from kazsec.build.freshness import is_current
    from kazsec.paths import data_dir
    from kazsec.store import Store

    from kazsec.library import Library

    store = Store.open(Path(sys.argv[1]))
    is_current(store, data_dir())
    return Library(store)


app = KazsecApp(load)

async def auto(pilot):
    print(time.perf_counter() - start)
    if len(sys.argv) > 2:  # also wait until the library is ready
        while app.library is None:
            await pilot.pause(0.01)
        print(time.perf_counter() - start)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=auto)
"""

KEYSTROKES = r"""
import asyncio, json, sys, time
from pathlib import Path
from textual.app import App
from textual.widgets import Footer, Header, Input

QUERIES = [
    "Nurlan Ermekbaev", "Масимов", "Karim M", "Zhumakanov", "Қасым-Жомарт", "Dzhaksybekov", "Sadykulov",
    "Nazarbayev", "secret courts", "Syroezhkin", "KNB", "Abykaev", "Tokaev", "Мәсімов", "Dutbayev",
    "Wild Arman", "Шибутов", "State Guard Service", "Yergozhin", "treason",
]
marks = []


def after_refresh(widget):
    # The moment the next frame (with the new content) has been composed.
    widget.call_after_refresh(lambda: marks.append(time.perf_counter()))


async def type_queries(pilot, field, updated):
    times = []
    for query in QUERIES:
        field.value = ""
        field.focus()
        await pilot.pause()
        for char in query:
            marks.clear()
            started = time.perf_counter()
            await pilot.press(char)
            await pilot.pause()
            assert marks, "the handler ran"
            times.append((marks[0] - started) * 1000)
            assert updated()
    return times


async def kazsec(store_path):
    from kazsec.store import Store
    from kazsec.tui.app import KazsecApp
    from kazsec.tui.widgets.search_box import SearchBox

    shown = SearchBox.show_results
    def timed(self, query):
        shown(self, query)
        after_refresh(self)
    SearchBox.show_results = timed
    from kazsec.library import Library

    store = Store.open(Path(store_path))
    app = KazsecApp(lambda: Library(store))
    async with app.run_test(size=(120, 40)) as pilot:
        while app.library is None:
            await pilot.pause(0.01)
        await pilot.pause()
        results = app.explorer.query_one("#search-results")
        return await type_queries(pilot, app.explorer.query_one("#search-input"), lambda: results.display)


class Bare(App):
    # The reference: a bare Textual app whose input only echoes what was typed.
    def compose(self):
        yield Header()
        yield Input()
        yield Footer()

    def on_input_changed(self, event):
        after_refresh(event.input)


async def bare():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        return await type_queries(pilot, app.query_one(Input), lambda: True)


async def main():
    print(json.dumps({"kazsec": await kazsec(sys.argv[1]), "bare": await bare()}))

asyncio.run(main())
"""


def run(code: str, *args: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return [float(line) for line in done.stdout.split() if line.strip()]


def synthetic_store(path: Path, people: int) -> None:
    """The bundled store plus `people` generated people with romanized aliases (not committed)."""
    from synthetic_names import alias_set

    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir
    from kazsec.model import TABLES
    from kazsec.store import write_store

    with tempfile.TemporaryDirectory() as folder:
        base = open_or_build(data_dir(), Path(folder) / "base.json", notify=lambda _: None)
        tables = {name: base.all(name) for name in TABLES}
    by_name: dict[str, list[str]] = {}
    for entity, alias in alias_set(people * 4, seed=3):
        by_name.setdefault(entity, []).append(alias)
    for number, (name, aliases) in enumerate(list(by_name.items())[:people]):
        tables["people"].append(
            {
                "id": f"synthetic-{number}",
                "name": aliases[1] if len(aliases) > 1 else name,
                "role": "other",
                "standard_name": "",
                "description": "",
                "native_ru": name,
                "native_kk": "",
                "curator_aliases": aliases[2:],
                "aliases": [],
                "titles": [],
                "relations": [],
            }
        )
    write_store(path, tables, {"generator": "kazsec benchmark", "inputs": "synthetic"})


def main() -> int:
    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir

    with tempfile.TemporaryDirectory() as folder:
        bundled = Path(folder) / "bundled.json"
        open_or_build(data_dir(), bundled, notify=lambda _: None)
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so drifting machine load hits both alike
            bare += run(BARE_APP)
            ours += run(KAZSEC_APP, str(bundled))
        bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
        print(
            json.dumps(
                {
                    "benchmark": "tui-first-paint",
                    "bare_textual_ms": round(bare_ms, 1),
                    "kazsec_ms": round(ours_ms, 1),
                    "ratio": round(ours_ms / bare_ms, 3),
                    "runs": RUNS,
                }
            ),
            flush=True,
        )

        big = Path(folder) / "synthetic-10k.json"
        synthetic_store(big, 10_000)
        startups = [run(KAZSEC_APP, str(big), "ready") for _ in range(3)]
        typed = json.loads(
            subprocess.run(
                [sys.executable, "-c", KEYSTROKES, str(big)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        times, reference = sorted(typed["kazsec"]), sorted(typed["bare"])
        print(
            json.dumps(
                {
                    "benchmark": "tui-10k-people",
                    "people": 10_000,
                    "first_paint_ms": round(statistics.median(s[0] for s in startups) * 1000, 1),
                    "startup_until_searchable_ms": round(
                        statistics.median(s[1] for s in startups) * 1000, 1
                    ),
                    "keystroke_to_results_p50_ms": round(statistics.median(times), 2),
                    "keystroke_to_results_p99_ms": round(
                        times[min(len(times) - 1, int(len(times) * 0.99))], 2
                    ),
                    "bare_input_echo_p50_ms": round(statistics.median(reference), 2),
                    "bare_input_echo_p99_ms": round(
                        reference[min(len(reference) - 1, int(len(reference) * 0.99))], 2
                    ),
                    "keystrokes": len(times),
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
