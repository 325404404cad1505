"""SVG snapshots of the main screens at a fixed terminal size (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest
from tui_helpers import make_app

from kazsec.store import Store
from kazsec.tui.scenes import SCENES

SIZES = {"80x24": (80, 24), "120x36": (120, 36), "200x60": (200, 60)}
# Help names the keymap file; a fixed settings folder keeps the picture the same on every machine.
CONFIG_HOME = "/home/researcher/.config"


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("scene", sorted(SCENES))
def test_main_screens(  # type: ignore[no-untyped-def]
    snap_compare, store: Store, scene: str, size: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", CONFIG_HOME)
    assert snap_compare(make_app(store), terminal_size=SIZES[size], run_before=SCENES[scene])
