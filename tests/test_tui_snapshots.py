"""SVG snapshots of the main screens at a fixed terminal size (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest
from tui_helpers import make_app

from kazsec.store import Store
from kazsec.tui.scenes import SCENES

SIZE = (110, 32)
# Help names the keymap file; a fixed settings folder keeps the picture the same on every machine.
CONFIG_HOME = "/home/researcher/.config"


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_main_screens(
    snap_compare, store: Store, scene: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CONFIG_HOME", CONFIG_HOME)
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=SCENES[scene])
