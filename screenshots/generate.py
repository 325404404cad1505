"""Regenerate the SVG screenshots of every main screen (`make screenshots`).

Each scene of kazsec.tui.scenes is replayed headlessly at a fixed terminal size on
a store freshly built from the bundled data, and saved as screenshots/NAME.svg.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from kazsec.build.compile import build_store
from kazsec.library import Library
from kazsec.paths import data_dir
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.scenes import SCENES

SIZE = (110, 32)
FOLDER = Path(__file__).resolve().parent


async def capture(store: Store, name: str) -> Path:
    app = KazsecApp(lambda: Library(store))
    async with app.run_test(size=SIZE) as pilot:
        await SCENES[name](pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(FOLDER)))


def main() -> int:
    # The help screen names the keymap file: show a researcher's, not this machine's.
    os.environ["XDG_CONFIG_HOME"] = "/home/researcher/.config"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.json"
        build_store(data_dir(), path)
        store = Store.open(path)
        for name in SCENES:
            print(asyncio.run(capture(store, name)).relative_to(FOLDER.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
