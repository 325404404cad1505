"""The Ctrl+P palette: every person, body, event and source, found by any spelling."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from kazsec.model import ENTITY_KINDS, KIND_LABELS
from kazsec.render.search import result_prompt
from kazsec.render.text import data_text, inert

if TYPE_CHECKING:
    from kazsec.tui.app import KazsecApp


class EntityProvider(Provider):
    """Open any entity from the palette, with the same transliteration-aware search."""

    @property
    def kazsec(self) -> KazsecApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        library = self.kazsec.library
        if library is None:
            return
        for result in library.engine.search(query, types=set(ENTITY_KINDS), limit=20):
            if result.confident:
                yield Hit(
                    result.score / 100,
                    result_prompt(result),
                    partial(self.kazsec.open_entity, result.id),
                    text=inert(result.name),
                    help=inert(f"open {KIND_LABELS[result.type]} {result.id}"),  # type: ignore[index]
                )

    async def discover(self) -> Hits:
        library = self.kazsec.library
        if library is None:
            return
        for source_id in library.sources:
            label = data_text(library.source_label(source_id))
            yield DiscoveryHit(
                label, partial(self.kazsec.open_entity, source_id), help="open source"
            )


_TIME_WORDS = re.compile(r"^\s*(?:career|succession|holders?)\b(?:\s+of\b)?", re.IGNORECASE)


class TimeProvider(Provider):
    """'Career of …' for people and 'Succession of …' for bodies, by any spelling."""

    @property
    def kazsec(self) -> KazsecApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        library = self.kazsec.library
        if library is None:
            return
        explorer = self.kazsec.explorer
        # 'career of Massimov', 'succession KNB': the name is what is searched for.
        name = _TIME_WORDS.sub("", query).strip()
        if not name:
            return
        for result in library.engine.search(name, types={"person", "agency"}, limit=10):
            if not result.confident:
                continue
            if result.type == "person":
                title, action = "Career of ", partial(explorer.open_career, [result.id])
            elif library.chronology.holders(result.id)[1]:  # a body the sources name a head of
                title, action = "Succession of ", partial(explorer.open_succession, result.id)
            else:
                continue
            yield Hit(
                result.score / 100 * 0.9,  # below the entity itself
                title + inert(result.name),
                action,
                text=title + inert(result.name),
                help=inert(f"{title.strip().lower()} {result.id} over time"),
            )
