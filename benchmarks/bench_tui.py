"""TUI speed as a user sees it: first frame in a real pseudo-terminal, against a bare Textual app.

First paint: each app runs as a fresh process in its own pty (TERM=xterm-256color, 120x40 set
with TIOCSWINSZ before the child starts, COLUMNS/LINES too), and the clock runs from just
before the spawn until the app's output, read from the pty and drawn by a small terminal
emulator (pty_terminal.py), shows two moments:
  - first_draw: the first output that draws a character on the screen;
  - footer: the first frame whose bottom row shows the footer's first key description
    ("Search" in kazsec's footer, "Bare footer key" in the bare app's).
kazsec is started as the real command (`kazsec --store <bundled store>`); the reference, a
Textual app with a Header and a Footer, is started the same way (the venv's python on a
script file). Runs are interleaved so drifting machine load hits both alike.

On a generated store of 10,000 people: time until searchable, also in a pty (the query is
typed as soon as the first full frame is up, the clock stops when the result row naming the
person is on the screen), and keystroke-to-results latency, measured in-process with
Textual's pilot against a bare app's input echo.

Prints one JSON line per measurement; `make bench` runs it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_terminal import PtyProgram, Screen

RUNS = 9  # first-paint runs of each app
SEARCHABLE_RUNS = 5  # 10k-people startups
COLUMNS, ROWS = 120, 40
TIMEOUT_S = 30.0  # no wait is longer than this
BARE_FOOTER = "Bare footer key"
KAZSEC_FOOTER = "Search"  # the description of the footer's first key ('/')
SEARCH_FOOTER = "Leave search"  # in kazsec's footer while the search box has the focus

BARE_APP = f'''
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Header


class Bare(App):
    BINDINGS = [Binding("f2", "nothing", "{BARE_FOOTER}")]

    def compose(self):
        yield Header()
        yield Footer()

    def action_nothing(self):
        pass


Bare().run()
'''

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
    from kazsec.library import Library
    from kazsec.store import Store
    from kazsec.tui.app import KazsecApp
    from kazsec.tui.widgets.search_box import SearchBox

    shown = SearchBox.show_results
    def timed(self, query):
        shown(self, query)
        after_refresh(self)
    SearchBox.show_results = timed

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


# -- helpers ---------------------------------------------------------------------------


def kazsec_command() -> str:
    """The `kazsec` console script of the interpreter running this benchmark."""
    beside = Path(sys.executable).parent / "kazsec"
    if beside.exists():
        return str(beside)
    from shutil import which

    found = which("kazsec")
    if found is None:
        raise SystemExit("bench_tui: no `kazsec` command beside this python or on PATH")
    return found


def bottom_row_shows(text: str) -> Callable[[Screen], bool]:
    return lambda screen: text in screen.line(screen.rows - 1)


def result_row_shows(name: str) -> Callable[[Screen], bool]:
    """The search box's result list is up, with `name` in one of the rows under its 'People (n)' heading."""

    def shown(screen: Screen) -> bool:
        lines = screen.lines()
        for row, line in enumerate(lines):
            if "People (" in line and any(name in below for below in lines[row + 1 : row + 9]):
                return True
        return False

    return shown


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def spread(values: list[float]) -> dict[str, float]:
    """min, quartiles and max of seconds, in ms."""
    ordered = sorted(values)
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = q3 = ordered[0]
    return {"min": ms(ordered[0]), "q1": ms(q1), "q3": ms(q3), "max": ms(ordered[-1])}


class Outcome:
    """What one pty run saw; `None` for a moment that did not come before the timeout."""

    def __init__(self, program: PtyProgram, moments: dict[str, float | None]) -> None:
        self.moments = moments
        self.exit_code = program.process.returncode if program.process else None
        self.left_behind = program.process is not None and group_alive(program.process.pid)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def first_paint(argv: list[str], footer_text: str, env: dict[str, str]) -> Outcome:
    """Spawn `argv` in a fresh pty; the times of its first drawn output and its first frame with the footer."""
    program = PtyProgram(argv, COLUMNS, ROWS, env=env)
    try:
        program.start()
        program.watch("footer", bottom_row_shows(footer_text))
        first = program.wait_for_first_draw(TIMEOUT_S)
        footer = program.wait_for("footer", TIMEOUT_S)
    finally:
        program.close()
    return Outcome(program, {"first_draw": first, "footer": footer})


def searchable(
    argv: list[str], footer_text: str, query: str, expected: str, env: dict[str, str]
) -> Outcome:
    """Spawn kazsec in a pty, type `/` and `query` once its first full frame is up; when does `expected` show as a result?"""
    program = PtyProgram(argv, COLUMNS, ROWS, env=env)
    try:
        program.start()
        program.watch("footer", bottom_row_shows(footer_text))
        first = program.wait_for_first_draw(TIMEOUT_S)
        footer = program.wait_for("footer", TIMEOUT_S)
        focused = found = None
        if footer is not None:
            # As a person would: '/', and type once the search box has the focus (its keys show in
            # the footer). Keys sent in the same burst as '/' would reach the list that had the
            # focus before: Textual moves the focus after the keys already queued.
            program.watch("focused", bottom_row_shows(SEARCH_FOOTER))
            program.send(b"/")
            focused = program.wait_for("focused", TIMEOUT_S)
            if focused is not None:
                program.watch("result", result_row_shows(expected))
                program.send(query.encode("utf-8"))
                found = program.wait_for("result", TIMEOUT_S)
    finally:
        program.close()
    return Outcome(
        program,
        {"first_draw": first, "footer": footer, "search_focused": focused, "searchable": found},
    )


def collect(outcomes: list[Outcome], moment: str) -> list[float]:
    return [o.moments[moment] for o in outcomes if o.moments.get(moment) is not None]  # type: ignore[misc]


def pair_ratios(ours: list[Outcome], bare: list[Outcome], moment: str) -> list[float]:
    """kazsec/bare for each interleaved pair of runs where both moments came."""
    return [
        o.moments[moment] / b.moments[moment]  # type: ignore[operator]
        for o, b in zip(ours, bare, strict=True)
        if o.moments.get(moment) and b.moments.get(moment)
    ]


def synthetic_store(path: Path, people: int) -> tuple[str, str, int]:
    """The bundled store plus `people` generated people with romanized aliases (not committed).

    Returns a query (a generated person's Cyrillic name, its native_ru), the display name its
    result row shows, and how many people the store holds in all.
    """
    import shutil

    from synthetic_names import alias_set

    from kazsec.build.freshness import open_or_build
    from kazsec.model import KNOWLEDGE_TABLES
    from kazsec.paths import data_dir
    from kazsec.store import write_store

    with tempfile.TemporaryDirectory() as folder:
        base = open_or_build(data_dir(), Path(folder) / "base.json", notify=lambda _: None)
        tables = {name: base.all(name) for name in KNOWLEDGE_TABLES}
        corpus = base.meta["corpus"]
        # The generated people join the bundled knowledge; the passages stay the bundled ones.
        shutil.copyfile(Path(folder) / "base.json.corpus", f"{path}.corpus")
    by_name: dict[str, list[str]] = {}
    for entity, alias in alias_set(people * 5, seed=3):  # 4 aliases a name, some names twice
        by_name.setdefault(entity, []).append(alias)
    added = list(by_name.items())[:people]
    for number, (name, aliases) in enumerate(added):
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
    meta = {"generator": "kazsec benchmark", "inputs": "synthetic", "corpus": corpus}
    write_store(path, tables, meta)
    # A person from the middle of the generated ones, named in Cyrillic, shown in Latin: the
    # typed query itself (echoed in the search box) can never be mistaken for the result row.
    for name, aliases in added[people // 2 :]:
        shown = aliases[1] if len(aliases) > 1 else name
        if shown.isascii() and " " in name:
            return name, shown, len(tables["people"])
    raise RuntimeError("no generated person with an ASCII display name")


# -- the measurements ---------------------------------------------------------------------


def tui_first_paint(
    bare_argv: list[str], kazsec_argv: list[str], env: dict[str, str], bytecode: str
) -> dict[str, object]:
    bare, ours = [], []
    for _ in range(RUNS):  # interleaved
        bare.append(first_paint(bare_argv, BARE_FOOTER, env))
        ours.append(first_paint(kazsec_argv, KAZSEC_FOOTER, env))
    figures: dict[str, object] = {
        "benchmark": "tui-first-paint",
        "method": "pty: fresh process, clock from just before the spawn to the output read from the pty",
        "terminal": f"xterm-256color {COLUMNS}x{ROWS}",
        "bytecode": bytecode,
    }
    for moment in ("first_draw", "footer"):
        b, o = collect(bare, moment), collect(ours, moment)
        if not b or not o:
            figures[f"{moment}_missing"] = True
            continue
        ratios = pair_ratios(ours, bare, moment)
        figures.update(
            {
                f"bare_{moment}_ms": ms(statistics.median(b)),
                f"kazsec_{moment}_ms": ms(statistics.median(o)),
                f"ratio_{moment}": round(statistics.median(o) / statistics.median(b), 3),
                f"ratio_{moment}_pairs_min": round(min(ratios), 3),
                f"ratio_{moment}_pairs_max": round(max(ratios), 3),
                f"bare_{moment}_spread_ms": spread(b),
                f"kazsec_{moment}_spread_ms": spread(o),
            }
        )
    # How long after its first drawn output each app's footer came (the first frame is not always whole).
    figures["bare_footer_after_first_draw_ms"] = ms(
        statistics.median(
            [
                x.moments["footer"] - x.moments["first_draw"]
                for x in bare
                if x.moments["footer"] and x.moments["first_draw"]
            ]
            or [0.0]
        )
    )
    figures["kazsec_footer_after_first_draw_ms"] = ms(
        statistics.median(
            [
                x.moments["footer"] - x.moments["first_draw"]
                for x in ours
                if x.moments["footer"] and x.moments["first_draw"]
            ]
            or [0.0]
        )
    )
    figures.update(health(bare + ours, RUNS))
    return figures


def health(outcomes: list[Outcome], runs: int) -> dict[str, object]:
    timeouts = sum(1 for o in outcomes for v in o.moments.values() if v is None)
    return {
        "runs": runs,
        "timeouts": timeouts,
        "children_left_behind": sum(o.left_behind for o in outcomes),
        "exit_codes": sorted({o.exit_code for o in outcomes}, key=lambda c: (c is None, c or 0)),
    }


def tui_10k(
    folder: Path, bare_argv: list[str], env: dict[str, str], bytecode: str
) -> dict[str, object]:
    big = folder / "synthetic-10k.json"
    query, expected, people = synthetic_store(big, 10_000)
    kazsec_argv = [kazsec_command(), "--store", str(big)]
    bare, ours = [], []
    for _ in range(SEARCHABLE_RUNS):
        bare.append(first_paint(bare_argv, BARE_FOOTER, env))
        ours.append(searchable(kazsec_argv, KAZSEC_FOOTER, query, expected, env))
    ready = collect(ours, "searchable")
    typed = json.loads(
        subprocess.run(
            [sys.executable, "-c", KEYSTROKES, str(big)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout
    )
    times, reference = sorted(typed["kazsec"]), sorted(typed["bare"])

    def p99(values: list[float]) -> float:
        return values[min(len(values) - 1, int(len(values) * 0.99))]

    figures: dict[str, object] = {
        "benchmark": "tui-10k-people",
        "people": 10_000,
        "people_in_store": people,
        "bytecode": bytecode,
        "searchable_method": "pty: '/' pressed when the first full frame is up, the query typed once the search box has "
        "the focus, the clock stopped when the result row naming the person is on the screen",
        "query": query,
        "expected_row": expected,
    }
    if ready:
        figures.update(
            {
                "startup_until_searchable_ms": ms(statistics.median(ready)),
                "startup_until_searchable_spread_ms": spread(ready),
            }
        )
    else:
        figures["startup_until_searchable_ms"] = None
    for moment in ("first_draw", "footer"):
        o, b = collect(ours, moment), collect(bare, moment)
        if o and b:
            figures[f"kazsec_{moment}_ms"] = ms(statistics.median(o))
            figures[f"bare_{moment}_ms"] = ms(statistics.median(b))
    if collect(ours, "search_focused"):
        figures["kazsec_search_focused_ms"] = ms(statistics.median(collect(ours, "search_focused")))
    if ready and collect(bare, "footer"):
        figures["searchable_vs_bare_footer_ratio"] = round(
            statistics.median(ready) / statistics.median(collect(bare, "footer")), 3
        )
    figures.update(
        {
            "keystroke_method": "in-process (Textual pilot, 120x40): key press until the frame with the new results is composed",
            "keystroke_to_results_p50_ms": round(statistics.median(times), 2),
            "keystroke_to_results_p99_ms": round(p99(times), 2),
            "bare_input_echo_p50_ms": round(statistics.median(reference), 2),
            "bare_input_echo_p99_ms": round(p99(reference), 2),
            "keystrokes": len(times),
        }
    )
    figures.update(health(bare + ours, SEARCHABLE_RUNS))
    return figures


def child_environment(cache: Path | None) -> tuple[dict[str, str], str]:
    """The environment the apps run in, and how their bytecode is had.

    A user's installed kazsec has its bytecode compiled (pip does it, or the first run writes
    __pycache__). Where PYTHONDONTWRITEBYTECODE is set and src/ has no __pycache__ (this
    project's machines), every start would compile kazsec's modules from source; so by
    default both apps keep their bytecode in a temporary PYTHONPYCACHEPREFIX, warmed by one
    untimed start of each.
    """
    env = dict(os.environ)
    if cache is None:
        return env, "as the environment has it (PYTHONDONTWRITEBYTECODE=" + env.get(
            "PYTHONDONTWRITEBYTECODE", ""
        ) + ")"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return (
        env,
        "cached: PYTHONPYCACHEPREFIX in a temporary folder, warmed by one untimed start of each app",
    )


def main() -> int:
    import argparse

    from kazsec.build.freshness import open_or_build
    from kazsec.paths import data_dir

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="start the apps with the environment as it is (kazsec compiled from source at each start where "
        "PYTHONDONTWRITEBYTECODE is set and src/ has no __pycache__)",
    )
    parser.add_argument(
        "--first-paint-only", action="store_true", help="measure the first frame only (quick)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env, bytecode = child_environment(None if args.no_bytecode_cache else folder / "pycache")
        bundled = folder / "bundled.json"
        open_or_build(data_dir(), bundled, notify=lambda _: None)
        bare_script = folder / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        bare_argv = [sys.executable, str(bare_script)]
        kazsec_argv = [kazsec_command(), "--store", str(bundled)]
        first_paint(
            bare_argv, BARE_FOOTER, env
        )  # untimed: warms the bytecode cache and the file cache
        first_paint(kazsec_argv, KAZSEC_FOOTER, env)
        print(json.dumps(tui_first_paint(bare_argv, kazsec_argv, env, bytecode)), flush=True)
        if not args.first_paint_only:
            print(
                json.dumps(tui_10k(folder, bare_argv, env, bytecode), ensure_ascii=False),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
