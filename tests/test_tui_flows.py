"""The explorer's main flows, driven headlessly with Pilot."""

from __future__ import annotations

from rich.text import Text
from tui_helpers import explorer, make_app, open_fact, quote_is_visible, reader, settle

from kazsec.render.lists import list_row_text
from kazsec.store import Store
from kazsec.tui.screens.help import HelpScreen
from kazsec.tui.widgets.detail import DetailPane
from kazsec.tui.widgets.reader import QUOTE_STYLE
from kazsec.tui.widgets.virtual_list import VirtualList


def _rendered(screen) -> str:  # type: ignore[no-untyped-def]
    """The plain text of every Static on a screen, tables included."""
    import io

    from rich.console import Console

    console = Console(width=120, file=io.StringIO(), record=True)
    for widget in screen.query("Static"):
        console.print(widget.content)
    return console.export_text()


async def test_search_masimov_then_jump_to_a_highlighted_visible_quote(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"masimov")
        await pilot.pause()
        results = app.explorer.query_one("#search-results")
        assert results.display and results.highlighted is not None
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.explorer.query_one(DetailPane).entity_id == "karim-massimov"
        await open_fact(app, pilot, "Chairman of the National Security Committee")
        view = reader(app)
        assert view.location is not None and view.location.source == "ciss-2022-nsc"
        assert quote_is_visible(app)
        rendered = view._widgets[view.location.passage].content
        assert isinstance(rendered, Text) and any(
            str(span.style) == QUOTE_STYLE for span in rendered.spans
        )


async def test_cyrillic_search_finds_the_man(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Мәсімов", "enter")
        await settle(app, pilot)
        assert app.explorer.query_one(DetailPane).entity_id == "karim-massimov"


async def test_no_match_is_said_plainly(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Putin")
        await pilot.pause()
        first = app.explorer.query_one("#search-results").get_option_at_index(0)
        assert "no match for 'Putin'" in str(first.prompt)


async def test_a_fact_from_two_sources_opens_side_by_side(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "2 sources")
        one, two = reader(app, 1), reader(app, 2)
        assert two.display and one.location and two.location
        assert one.location.source != two.location.source
        assert quote_is_visible(app, 1) and quote_is_visible(app, 2)


async def test_a_conflict_opens_both_readings(store: Store) -> None:
    conflict = next(c for c in store.all("conflicts") if c["id"] == "security-council-law-year")
    kind, _, subject = conflict["subject"].partition(":")
    app = make_app(store, open_id=subject)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "≠")
        one, two = reader(app, 1), reader(app, 2)
        assert two.display and {one.location.source, two.location.source} == {  # type: ignore[union-attr]
            c["source"] for r in conflict["readings"] for c in r["cite"]
        }


async def test_back_and_forward(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_entity("karim-massimov")
        await settle(app, pilot)
        app.open_entity("nsc")
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert explorer(app).entity_id == "karim-massimov"
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert explorer(app).entity_id == "nsc"


async def test_copy_quote_with_citation(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "Chairman of the National Security Committee")
        await pilot.press("c")
        assert copied, "the quote went to the clipboard"
        assert "Karim Massimov was dismissed" in copied[0]
        assert "Caspian Institute for Strategic Studies" in copied[0] and "16 Feb 2022" in copied[0]


async def test_mentions_step_forward_and_back(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        first = reader(app).location
        await pilot.press("n")
        await settle(app, pilot)
        second = reader(app).location
        await pilot.press("p")  # previous mention (N now starts a search: type to search)
        await settle(app, pilot)
        assert first != second and reader(app).location == first
        assert quote_is_visible(app)


async def test_raw_toggle_shows_what_the_repair_changed(store: Store) -> None:
    app = make_app(store, open_id="journal-2019-power-transit")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = reader(app)
        first = view.location.passage  # type: ignore[union-attr]
        assert "Kazakhstan has been following" in str(
            view._widgets["journal-2019-power-transit/p002"].content
        )
        view.focus()
        await pilot.press("r")
        await settle(app, pilot)
        assert view.raw and "azakhstan has been following" in str(
            view._widgets["journal-2019-power-transit/p002"].content
        )
        assert "Kazakhstan has been following" not in str(
            view._widgets["journal-2019-power-transit/p002"].content
        )
        assert first


async def test_palette_opens_entities_by_any_spelling(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Масимов")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert explorer(app).entity_id == "karim-massimov"


async def test_help_lists_every_key(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = _rendered(app.screen)
            for description in (
                "Next mention",
                "Side by side",
                "Raw text",
                "Copy quote",
                "Back",
                "Forward",
                "Search",
            ):
                assert description in text
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_every_binding_has_a_description() -> None:
    from kazsec.tui.app import KazsecApp
    from kazsec.tui.screens.explorer import ExplorerScreen
    from kazsec.tui.widgets.navigator import EntityList
    from kazsec.tui.widgets.search_box import SearchBox

    for owner in (KazsecApp, ExplorerScreen, SearchBox, EntityList, HelpScreen):
        for binding in owner.BINDINGS:
            assert binding.description, f"{owner.__name__}: {binding.key}"  # type: ignore[union-attr]


async def test_timeline_shows_dates_as_precisely_as_known_and_filters_by_person(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        timeline = app.explorer.query_one("#list-timeline VirtualList", VirtualList)
        labels = [
            line if isinstance(line, str) else list_row_text(line).plain for line in timeline.lines
        ]
        assert any(label.strip().startswith("5 Jan 2022") for label in labels)
        assert any(
            label.strip().startswith("Apr 1990") or label.strip().startswith("1990")
            for label in labels
        )
        app.explorer.query_one("#list-timeline Input").value = "Massimov"
        await pilot.pause()
        assert 0 < len(timeline.lines) < len(labels)


async def test_open_id_starts_on_that_entity_and_works_at_80x24(store: Store) -> None:
    app = make_app(store, open_id="nsc")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert explorer(app).entity_id == "nsc"
        # The reader takes room once there is something to read (issue 10: an empty reader
        # gives its space to the detail).
        assert not app.explorer.query_one("#readers").display
        await open_fact(app, pilot, "[1 quote")
        for selector in ("#search-input", "#navigator", "#detail", "#reader-1"):
            region = app.explorer.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector


async def test_themes_are_switchable_from_the_palette(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any("theme" in title.lower() for title in titles)
        assert {"Side by side", "Raw text", "Copy quote with citation", "Back", "Forward"} <= set(
            titles
        )


async def test_a_bad_store_or_id_closes_the_app_with_one_clear_line() -> None:
    from kazsec.errors import LookupFailed
    from kazsec.tui.app import KazsecApp

    def load() -> Store:
        raise LookupFailed(
            "no person, body, event or source has the id 'nobody'; try `kazsec search`"
        )

    app = KazsecApp(load)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2


async def test_back_restores_the_entry_a_quote_belonged_to_and_a_lone_quote_closes_the_pair(
    store: Store,
) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "2 sources")
        assert reader(app, 2).display
        await open_fact(app, pilot, "[1 quote]")
        assert not reader(app, 2).display, (
            "a one-source quote does not leave the last pair's quote beside it"
        )
        await open_fact(app, pilot, "2 sources")
        app.open_entity("nsc")
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert explorer(app).entity_id == "karim-massimov" and reader(app, 2).display


async def test_copy_takes_the_focused_readers_quote(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_fact(app, pilot, "2 sources")
        reader(app, 2).focus()
        await pilot.press("c")
        assert copied and reader(app, 2).location.source == "kz20-security-council"  # type: ignore[union-attr]
        assert "Who Is Behind the Rise of the Security Council?" in copied[-1]


async def test_every_spelling_shows_in_both_scripts(store: Store) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        facts = app.explorer.query_one("#facts")
        rows = [str(facts.get_option_at_index(i).prompt) for i in range(facts.option_count)]
        for spelling in ("Massimov", "Masimov", "Карим Масимов", "Кәрім Мәсімов"):
            assert any(spelling in row for row in rows), spelling
        assert any("Кәрім Мәсімов" in row and "kk, curator" in row for row in rows)


async def test_stepping_within_one_source_restyles_only_the_passages_it_leaves_and_reaches(
    store: Store,
) -> None:
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        view = reader(app)
        updated: list[str] = []
        for passage_id, widget in view._widgets.items():
            original = widget.update
            widget.update = lambda content, _id=passage_id, _original=original: (
                updated.append(_id),
                _original(content),
            )  # type: ignore[method-assign]
        first = view.location
        await pilot.press("n")
        await settle(app, pilot)
        assert view.location != first and view.location.source == first.source  # type: ignore[union-attr]
        assert 1 <= len(updated) <= 2, updated
