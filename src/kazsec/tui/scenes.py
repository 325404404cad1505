"""Named situations of the explorer, replayed by the snapshot tests and `make screenshots`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from kazsec.tui.app import KazsecApp

Scene = Callable[[Pilot], Awaitable[None]]  # the same shape as pytest-textual-snapshot's run_before


async def settle(app: KazsecApp, pilot: Pilot) -> None:
    """Let the loader and reader workers finish and the screen catch up.

    Text cursors stop blinking: a picture taken half a second later (a slower machine, a
    first run compiling its modules) would otherwise catch the cursor in its other phase.
    """
    for field in app.query(Input):
        field.cursor_blink = False
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_fact(app: KazsecApp, pilot: Pilot, label: str) -> None:
    """Put the cursor on the first fact whose text contains `label` and press Enter."""
    facts = app.explorer.query_one("#facts", OptionList)
    index = next(
        i for i in range(facts.option_count) if label in str(facts.get_option_at_index(i).prompt)
    )
    facts.focus()
    facts.highlighted = index
    await pilot.press("enter")
    await settle(app, pilot)


async def over_time(app: KazsecApp, pilot: Pilot, entity_id: str) -> None:
    """Open an entry, then its view over time (`e`): a career or a succession."""
    await settle(app, pilot)
    app.open_entity(entity_id)
    await settle(app, pilot)
    await pilot.press("e")
    await settle(app, pilot)


async def start(pilot: Pilot) -> None:
    """The app as it opens: lists on the left, an invitation to search."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)


async def search_cyrillic(pilot: Pilot) -> None:
    """Results while typing a Kazakh Cyrillic spelling."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    await pilot.press("slash", *"Мәсімов")
    await settle(app, pilot)
    # The passages' page lands after the names, and the list's height (and scrollbar) with
    # it, one refresh later: settle again so the picture never catches the frame between.
    await pilot.wait_for_scheduled_animations()
    await settle(app, pilot)


async def person_side_by_side(pilot: Pilot) -> None:
    """Karim Massimov, and a post of his cited by two sources, read side by side."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    app.open_entity("karim-massimov")
    await settle(app, pilot)
    await open_fact(app, pilot, "2 sources")


async def timeline(pilot: Pilot) -> None:
    """The timeline, filtered to one person."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    await pilot.press("3")
    app.explorer.query_one("#list-timeline Input", Input).value = "Sadykulov"
    await settle(app, pilot)
    app.open_entity("2022-01-06-sadykulov-dismissed")
    await settle(app, pilot)


async def raw_text(pilot: Pilot) -> None:
    """The academic article's opening, raw as extracted from the PDF."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    app.open_entity("journal-2019-power-transit")
    await settle(app, pilot)
    app.explorer.query_one("#reader-1").focus()
    await pilot.press("r")
    await settle(app, pilot)


async def help_screen(pilot: Pilot) -> None:
    """Every key."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    await pilot.press("f1")
    await settle(app, pilot)


async def timeline_screen(pilot: Pilot) -> None:
    """The timeline screen: January 2022 by day, filtered by a Cyrillic spelling."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await settle(app, pilot)
    await pilot.press("t")
    await settle(app, pilot)
    await pilot.press(*"Садыкулов")
    await pilot.press("down", "plus", "plus")
    await settle(app, pilot)


async def career(pilot: Pilot) -> None:
    """Two careers on one axis: Massimov's and Sagimbayev's."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await over_time(app, pilot, "ermek-sagimbayev")
    await pilot.press("a", *"Масимов", "enter")
    await settle(app, pilot)


async def succession(pilot: Pilot) -> None:
    """The heads of the NSC in order, and who headed it on 7 January 2022."""
    app: KazsecApp = pilot.app  # type: ignore[assignment]
    await over_time(app, pilot, "nsc")
    app.screen.query_one("#succession-on", Input).focus()
    await pilot.press(*"2022-01-07", "enter")
    await settle(app, pilot)


SCENES: dict[str, Scene] = {
    "start": start,
    "search": search_cyrillic,
    "side-by-side": person_side_by_side,
    "timeline": timeline,
    "raw-text": raw_text,
    "help": help_screen,
    "timeline-screen": timeline_screen,
    "career": career,
    "succession": succession,
}
