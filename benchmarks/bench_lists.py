"""The navigator's lists at 10,000 rows: the virtual list beside the OptionList it replaced.

Both lists run in the same process, in the same small Textual app (120x40, headless), on
the same 10,000 generated source rows, their runs interleaved:
  - mount: from mounting the list (filter box and rows) until the frame that shows it is
    composed;
  - keystroke: from a key typed in the filter box until the frame with the filtered list is
    composed (queries typed one character at a time, then erased back to the full list);
  - end: from pressing End in the list until that frame is composed, and which row it reached.
A frame counts when the screen's compositor has drawn it (Screen._compositor_refresh is
wrapped to tell the time).
The filter is the navigator's own (EntityList.matching: folded words looked up in each row's
keys), so both lists filter the same way and differ only in how they show the result.
A filter box over an empty pane is measured the same way, as the floor (Textual's own cost).
The OptionList version is the navigator as it was before the virtual list (commit a0faaf1),
copied here: at most 500 rows shown, "… N more" below them.

Prints one JSON line per measurement, with the ratio of the virtual list to the OptionList.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Callable

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kazsec.library import ListRow
from kazsec.names import fold_key
from kazsec.render.lists import dim_line, list_row_text
from kazsec.tui.widgets.navigator import EntityList
from kazsec.tui.widgets.virtual_list import VirtualList

ROWS = 10_000
MOUNT_RUNS = 9
QUERIES = ["kazakh security", "nsc 2019", "tokayev", "committee report 77", "border guard"]
OLD_MAX_SHOWN = 500


class OptionListEntityList(Vertical):
    """The navigator's list before the virtual list: an Input over an OptionList (a0faaf1)."""

    DEFAULT_CSS = """
    OptionListEntityList .list-filter { border: none; height: 1; background: $boost; }
    OptionListEntityList .entity-list {
        height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, rows: list[ListRow], placeholder: str) -> None:
        super().__init__()
        self.rows = rows
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="list-filter")
        yield OptionList(*self._options(list(range(len(self.rows)))), classes="entity-list")

    def _options(self, indexes: list[int]) -> list[Option]:
        shown: list[Option] = []
        group = None
        for n in indexes[:OLD_MAX_SHOWN]:
            row = self.rows[n]
            if row.group and row.group != group:
                shown.append(Option(dim_line(row.group), disabled=True))
                group = row.group
            shown.append(Option(list_row_text(row)))
        if not indexes:
            shown.append(Option(dim_line("no match"), disabled=True))
        if len(indexes) > OLD_MAX_SHOWN:
            more = f"… {len(indexes) - OLD_MAX_SHOWN} more: type above to narrow"
            shown.append(Option(dim_line(more), disabled=True))
        return shown

    def matching(self, text: str) -> list[int]:
        if not text.strip():
            return list(range(len(self.rows)))
        wanted = fold_key(text).split()
        return [n for n, row in enumerate(self.rows) if all(w in row.keys for w in wanted)]

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(self.matching(event.value)))
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.highlighted = first


def generated_rows(count: int, seed: int = 7) -> list[ListRow]:
    """Source rows like the navigator's: a title, a publisher, a year, a passage count."""
    pick = random.Random(seed)
    words = (  # noqa: SIM905 (a list of words reads best as one)
        "Kazakhstan security committee national report border guard service intelligence "
        "NSC KNB Tokayev Nazarbayev Massimov transit power reform court treason Astana Almaty "
        "agency counter terrorism police prosecutor interview decree law analysis"
    ).split()
    rows = []
    for n in range(count):
        title = " ".join(pick.choice(words) for _ in range(pick.randint(3, 8))).capitalize()
        label = f"{title} ({pick.randint(1991, 2025)}) {n}"
        rows.append(ListRow(f"source-{n:05d}", label, f"{pick.randint(1, 400)} passages"))
    return [ListRow(r.entity_id, r.label, r.note, keys=fold_key(r.label)) for r in rows]


class Bench(App[None]):
    """An empty room for one list at a time; the first frame after a change is timed.

    A frame is timed when the screen's compositor has finished drawing it. Waiting with
    call_after_refresh instead would time some later frame: the request to be called
    back can reach the screen after the frame with the change has already been drawn.
    """

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[float] = []
        self.pending = False  # something changed: the next frame drawn is the one to time

    def compose(self) -> ComposeResult:
        yield Vertical(id="room")

    def frame_drawn(self) -> None:
        if self.pending:
            self.pending = False
            self.marks.append(time.perf_counter())

    def watch_changes(self, widget: Widget) -> None:
        """Time the frame after each change of what this list shows (filtered, End)."""
        the_list = widget.query_one(".entity-list")
        if isinstance(the_list, VirtualList):
            names = ["show_rows", "action_last"]
        elif isinstance(the_list, OptionList):
            names = ["add_options", "action_last"]
        else:  # the floor: its filter box changes
            the_list, names = (
                widget.query_one(Input),
                ["insert_text_at_cursor", "action_delete_left"],
            )
        for name in names:
            original = getattr(the_list, name)

            def changed(*args: object, _original: Callable[..., object] = original) -> object:
                result = _original(*args)
                self.pending = True
                return result

            setattr(the_list, name, changed)


def time_frames(app: Bench) -> None:
    """Let the screen tell the app when it has drawn a frame."""
    draw = Screen._compositor_refresh

    def drawn(screen: Screen[object]) -> None:
        draw(screen)
        app.frame_drawn()

    Screen._compositor_refresh = drawn  # type: ignore[method-assign,assignment]


class InputOnly(Vertical):
    """The floor: a filter box over nothing, so the figures show what the list itself adds."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter nothing", classes="list-filter")
        yield Vertical(classes="entity-list")


Maker = Callable[[list[ListRow]], Widget]
MAKERS: dict[str, Maker] = {
    "input_only": lambda rows: InputOnly(),
    "option_list": lambda rows: OptionListEntityList(rows, f"filter {len(rows)} sources"),
    "virtual_list": lambda rows: EntityList(rows, f"filter {len(rows)} sources"),
}


async def until_marked(app: Bench) -> float:
    while not app.marks:
        await asyncio.sleep(0.0005)
    return app.marks[0]


Timings = dict[str, dict[str, list[float]]]


async def measure() -> tuple[Timings, dict[str, str]]:
    rows = generated_rows(ROWS)
    found: Timings = {kind: {"mount": [], "keystroke": [], "end": []} for kind in MAKERS}
    reached: dict[str, str] = {}
    app = Bench()
    time_frames(app)
    async with app.run_test(size=(120, 40)) as pilot:
        room = app.query_one("#room")
        for run in range(MOUNT_RUNS):
            for kind, make in MAKERS.items():
                await room.remove_children()
                await pilot.pause()
                widget = make(rows)
                app.marks.clear()
                started = time.perf_counter()
                await room.mount(widget)
                app.pending = True
                found[kind]["mount"].append((await until_marked(app) - started) * 1000)
                await pilot.pause()
                app.watch_changes(widget)
                if not run:  # typing is timed on the first list of each kind
                    await type_queries(app, pilot, widget, found[kind]["keystroke"])
                if kind == "input_only":
                    continue  # no list to move in
                the_list = widget.query_one(".entity-list")
                the_list.focus()
                await pilot.pause()
                app.marks.clear()
                started = time.perf_counter()
                await pilot.press("end")
                found[kind]["end"].append((await until_marked(app) - started) * 1000)
                reached[kind] = last_row_label(the_list)
    return found, reached


def last_row_label(the_list: Widget) -> str:
    if not isinstance(the_list, (VirtualList, OptionList)):
        return ""
    if isinstance(the_list, VirtualList):
        row = the_list.highlighted_row
        return row.label if row else ""
    if the_list.highlighted is None:
        return ""
    return str(the_list.get_option_at_index(the_list.highlighted).prompt)


async def type_queries(app: Bench, pilot: object, widget: Widget, times: list[float]) -> None:
    field = widget.query_one(Input)
    field.focus()
    for query in QUERIES:
        keys = [*query, *["backspace"] * len(query)]  # narrowing, then back to all the rows
        for key in keys:
            app.marks.clear()
            started = time.perf_counter()
            await pilot.press(key)  # type: ignore[attr-defined]
            times.append((await until_marked(app) - started) * 1000)
        await pilot.pause()  # type: ignore[attr-defined]


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def main() -> int:
    found, reached = asyncio.run(measure())
    method = {
        "mount": "mount until the frame showing the list is composed",
        "keystroke": "a key typed in the filter box until the frame with the filtered list is composed",
        "end": "End pressed in the list until the frame showing the row it reached is composed",
    }
    for what in ("mount", "keystroke", "end"):
        old, new = summary(found["option_list"][what]), summary(found["virtual_list"][what])
        print(
            json.dumps(
                {
                    "benchmark": f"navigator-list-{what}",
                    "rows": ROWS,
                    "method": method[what],
                    "samples": len(found["virtual_list"][what]),
                    "option_list": old,
                    "virtual_list": new,
                    **(
                        {"input_only_floor": summary(found["input_only"][what])}
                        if found["input_only"][what]
                        else {}
                    ),
                    "ratio_p50": round(new["p50_ms"] / old["p50_ms"], 3),
                    "ratio_p90": round(new["p90_ms"] / old["p90_ms"], 3),
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    print(
        json.dumps(
            {
                "benchmark": "navigator-list-reach",
                "rows": ROWS,
                "last_row": generated_rows(ROWS)[-1].label,
                "end_reaches": {kind: reached[kind] for kind in ("option_list", "virtual_list")},
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
