"""Filters that find names in any spelling or script, as the search box does."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.tui.widgets.navigator import Matcher


def search_matcher(library: Library, kinds: set[str]) -> Matcher:
    """A list filter that finds names in any spelling or script, as the search box does."""

    def match(text: str) -> list[str]:
        found = library.engine.search(text, types=kinds, limit=100_000)
        return [r.id for r in found if r.confident]

    return match


def timeline_matcher(library: Library) -> Matcher:
    """The timeline's filter: events whose title matches, or that involve a matching person
    or body (any spelling, script or abbreviation: KNB, ОДКБ, Elbasy), as the search box finds."""
    names = search_matcher(library, {"person", "agency", "event"})

    def match(text: str) -> list[str]:
        found = names(text)
        return [*found, *(e for entity in found for e in library.events_involving(entity))]

    return match
