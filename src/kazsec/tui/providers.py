"""The Ctrl+P palette: every person, body, event and source, found by any spelling."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from kazsec.tui.widgets.search_box import result_prompt

KIND_LABELS = {"person": "person", "agency": "body", "event": "event", "source": "source"}


class EntityProvider(Provider):
    """Open any entity from the palette, with the same transliteration-aware search."""

    async def search(self, query: str) -> Hits:
        library = getattr(self.app, "library", None)
        if library is None:
            return
        for result in library.engine.search(query, types=set(KIND_LABELS), limit=20):
            if result.confident:
                yield Hit(
                    result.score / 100,
                    result_prompt(result),
                    partial(self.app.open_entity, result.id),  # type: ignore[attr-defined]
                    text=result.name,
                    help=f"open {KIND_LABELS[result.type]} {result.id}",
                )

    async def discover(self) -> Hits:
        library = getattr(self.app, "library", None)
        if library is None:
            return
        for source_id in library.sources:
            yield DiscoveryHit(Text(library.source_label(source_id)), partial(self.app.open_entity, source_id), help="open source")  # type: ignore[attr-defined]
