"""Helpers for driving the explorer headlessly."""

from __future__ import annotations

from kazsec.library import Library
from kazsec.store import Store
from kazsec.tui.app import KazsecApp
from kazsec.tui.scenes import open_fact, over_time, settle

__all__ = [
    "explorer",
    "make_app",
    "open_fact",
    "over_time",
    "quote_is_visible",
    "reader",
    "settle",
]
from kazsec.tui.screens.explorer import ExplorerScreen
from kazsec.tui.widgets.reader import Reader


def make_app(store: Store, open_id: str | None = None) -> KazsecApp:
    return KazsecApp(lambda: Library(store), open_id=open_id)


def explorer(app: KazsecApp) -> ExplorerScreen:
    return app.explorer


def reader(app: KazsecApp, number: int = 1) -> Reader:
    return app.explorer.query_one(f"#reader-{number}", Reader)


def quote_is_visible(app: KazsecApp, number: int = 1) -> bool:
    """The reader's current passage lies (at least partly) inside its visible area."""
    view = reader(app, number)
    body = view.query_one("#reader-body")
    passage = view._widgets[view.location.passage]  # type: ignore[union-attr]
    return passage.region.overlaps(body.region)
