"""The explorer's search reads case forms and says how each result matched; Ctrl+T changes
the mode, and the results follow it."""

from __future__ import annotations

from textual.widgets import Input, OptionList
from tui_helpers import make_app, settle

from kazsec.store import Store
from kazsec.tui.widgets.match_route import MatchRoute
from kazsec.tui.widgets.search_box import SearchBox
from kazsec.tui.widgets.search_results import ResultOption


def _highlighted_id(app: object) -> str | None:
    results = app.explorer.query_one("#search-results", OptionList)  # type: ignore[attr-defined]
    if results.highlighted is None:
        return None
    option = results.get_option_at_index(results.highlighted)
    return option.result.id if isinstance(option, ResultOption) else None


async def test_a_russian_genitive_opens_the_person_and_the_route_is_shown(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Масимова")
        await settle(app, pilot)
        assert _highlighted_id(app) == "karim-massimov"
        route = app.explorer.query_one(MatchRoute)
        assert route.display and "Russian" in str(route.render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.explorer.entity_id == "karim-massimov"


async def test_ctrl_t_cycles_the_modes_and_exact_mode_drops_the_case_form(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"Масимова")
        await settle(app, pilot)
        box = app.explorer.query_one(SearchBox)
        assert box.mode == "scripts" and _highlighted_id(app) == "karim-massimov"
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert box.mode == "fuzzy"
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert box.mode == "exact"
        assert "exact" in app.explorer.query_one("#search-input", Input).placeholder
        assert _highlighted_id(app) != "karim-massimov", "no alias is written 'Масимова'"
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert box.mode == "scripts" and _highlighted_id(app) == "karim-massimov"
