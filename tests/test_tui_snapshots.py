"""SVG snapshots of the main screens at a fixed terminal size (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest
from tui_helpers import make_app

from kazsec.store import Store
from kazsec.tui.scenes import SCENES

SIZE = (110, 32)


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_main_screens(snap_compare, store: Store, scene: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=SCENES[scene])
