"""The search box with a slow passage index: typing while passages are looked for.

Passage hits will come from SQLite on disk, tens of milliseconds a page. Here a generated
engine takes PASSAGE_MS for each page (a sleep, which frees the GIL as a query in SQLite
does) and finds names at once. Two search boxes are timed in the same process (120x40,
headless), each typing the same queries one character at a time:
  - worker: the search box as it is, passages looked for in a thread worker;
  - inline: the same box with the page looked for on the UI thread, as a search box
    calling the engine in its keystroke handler would.
Timed from a key pressed until the frame with that key's names is composed (the frame
the user sees the keystroke in) and, for the worker, until the frame with the first page
of passage hits. A frame counts when the screen's compositor has drawn it.

Prints one JSON line per measurement.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from kazsec.search import SearchResult
from kazsec.search.engine import PassagePage
from kazsec.tui.widgets.search_box import SearchBox

PASSAGE_MS = 40
QUERIES = ["treason trial", "secret courts", "national security", "border guard service"]


class SlowEngine:
    """Names at once (none match); PASSAGE_MS for each page of thousands of passage hits."""

    def search(self, query: str, **options: object) -> list[SearchResult]:
        return []

    def passage_page(self, query: str, offset: int = 0, count: int = 50) -> PassagePage:
        time.sleep(PASSAGE_MS / 1000)  # frees the GIL, as a query in SQLite does
        results = [
            SearchResult(
                "passage", f"p{n}", "source · section", 90.0, f"… {query} …", [], True, f"p{n}", "s"
            )
            for n in range(offset, offset + count)
        ]
        return PassagePage(results, offset, True)


class SlowLibrary:
    engine = SlowEngine()


class InlineSearchBox(SearchBox):
    """The search box with each page of passages looked for on the UI thread."""

    def _find_passages(self, generation: int, query: str, offset: int, count: int) -> None:  # type: ignore[override]
        page = SlowEngine().passage_page(query, offset, count)
        self.call_later(self.post_message, self.PassagesFound(generation, page))


class Bench(App[None]):
    def __init__(self, box: type[SearchBox]) -> None:
        super().__init__()
        self.library = SlowLibrary()
        self.box = box
        self.frames: list[float] = []
        self.names_shown: list[float] = []  # when each keystroke's names were put in the list
        self.passages_shown: list[float] = []

    def compose(self) -> ComposeResult:
        yield self.box(id="search")
        yield Static("the panes")

    def on_mount(self) -> None:
        self.query_one("#search-input").focus()
        box = self.query_one(SearchBox)
        shown, results = box.show_results, box.results
        add = results.add_options

        def show_results(query: str) -> None:
            shown(query)
            self.names_shown.append(time.perf_counter())

        def add_options(options: list[object]) -> OptionList:
            added = add(options)  # type: ignore[arg-type]
            if any(getattr(getattr(o, "result", None), "type", "") == "passage" for o in options):
                self.passages_shown.append(time.perf_counter())
            return added

        box.show_results = show_results  # type: ignore[method-assign]
        results.add_options = add_options  # type: ignore[method-assign,assignment]


def next_frame(app: Bench, after: float) -> float | None:
    return next((t for t in app.frames if t >= after), None)


async def run(box: type[SearchBox]) -> tuple[list[float], list[float]]:
    app = Bench(box)
    draw = Screen._compositor_refresh

    def drawn(screen: Screen[object]) -> None:
        draw(screen)
        app.frames.append(time.perf_counter())

    Screen._compositor_refresh = drawn  # type: ignore[method-assign,assignment]
    keystroke: list[float] = []
    passages: list[float] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for query in QUERIES:
                app.query_one("#search-input", Input).value = ""
                await pilot.pause(0.2)
                for char in query:
                    app.names_shown.clear()
                    app.passages_shown.clear()
                    started = time.perf_counter()
                    await pilot.press(char)
                    while not app.names_shown or next_frame(app, app.names_shown[-1]) is None:
                        await asyncio.sleep(0.0005)
                    keystroke.append((next_frame(app, app.names_shown[-1]) - started) * 1000)  # type: ignore[operator]
                    if len(query[: query.index(char) + 1].strip()) < 3:
                        continue
                    deadline = time.perf_counter() + 2
                    while time.perf_counter() < deadline and (
                        not app.passages_shown or next_frame(app, app.passages_shown[-1]) is None
                    ):
                        await asyncio.sleep(0.0005)
                    if app.passages_shown:
                        shown = next_frame(app, app.passages_shown[-1])
                        passages.append((shown - started) * 1000)  # type: ignore[operator]
    finally:
        Screen._compositor_refresh = draw  # type: ignore[method-assign]
    return keystroke, passages


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))], 2),
        "samples": len(ordered),
    }


def main() -> int:
    worker_keys, worker_passages = asyncio.run(run(SearchBox))
    inline_keys, inline_passages = asyncio.run(run(InlineSearchBox))
    print(
        json.dumps(
            {
                "benchmark": "search-keystroke-with-slow-passages",
                "passage_page_ms": PASSAGE_MS,
                "method": "key pressed until the frame with that key's names is composed",
                "worker": summary(worker_keys),
                "inline": summary(inline_keys),
                "ratio_p50": round(
                    statistics.median(worker_keys) / statistics.median(inline_keys), 3
                ),
            }
        ),
        flush=True,
    )
    print(
        json.dumps(
            {
                "benchmark": "search-first-passage-page",
                "passage_page_ms": PASSAGE_MS,
                "method": "key pressed until the frame with the first page of passage hits",
                "worker": summary(worker_passages),
                "inline": summary(inline_passages),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
