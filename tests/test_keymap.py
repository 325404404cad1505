"""The user's keymap.toml (per-user config folder) remaps keys by binding id."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static
from tui_helpers import make_app, reader, settle

from kazsec.config import ConfigError, keymap_path, load_keymap
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.screens.explorer import ExplorerScreen
from kazsec.tui.screens.help import HelpScreen


def _write_keymap(text: str) -> Path:
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_keymap_lives_in_the_per_user_config_folder() -> None:
    assert str(keymap_path()).startswith(os.environ["XDG_CONFIG_HOME"])
    assert load_keymap() == {}, "no file: default keys"


async def test_side_by_side_moves_from_s_to_ctrl_s(store: Store) -> None:
    _write_keymap('side-by-side = "ctrl+s"\n')
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.explorer.query_one("#facts").focus()
        await pilot.press("s")
        await settle(app, pilot)
        assert not reader(app, 2).display, "s no longer splits the readers"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert reader(app, 2).display, "ctrl+s does"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not reader(app, 2).display
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, file=io.StringIO(), record=True)
        for widget in app.screen.query(Static):
            console.print(widget.content)
        line = next(line for line in console.export_text().splitlines() if "Side by side" in line)
        assert (
            "side-by-side" in line
            and "^s" in line
            and " s " not in line.replace("Side by side", "")
        )


@pytest.mark.parametrize(
    ("text", "fault"),
    [("side-by-side = ", "not valid TOML"), ("side-by-side = 3", "must be keys in quotes")],
)
def test_a_broken_keymap_is_one_line_and_the_defaults_stay(text: str, fault: str) -> None:
    path = _write_keymap(text)
    with pytest.raises(ConfigError, match=fault) as caught:
        load_keymap()
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


async def test_the_app_starts_with_default_keys_when_the_keymap_is_broken(store: Store) -> None:
    _write_keymap("side-by-side = [")
    app = make_app(store, open_id="karim-massimov")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.keymap_problem and "default keys are used" in app.keymap_problem
        app.explorer.query_one("#facts").focus()
        await pilot.press("s")
        await settle(app, pilot)
        assert reader(app, 2).display


def test_every_binding_has_an_id_and_ids_are_unique() -> None:
    from kazsec.tui.widgets.navigator import EntityList
    from kazsec.tui.widgets.search_box import SearchBox

    ids = []
    for owner in (KazsecApp, ExplorerScreen, SearchBox, EntityList, HelpScreen):
        for binding in owner.BINDINGS:
            assert binding.id, f"{owner.__name__}: {binding.key}"  # type: ignore[union-attr]
            ids.append(binding.id)  # type: ignore[union-attr]
    assert len(ids) == len(set(ids))
