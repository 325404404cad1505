"""A place in a source: kept apart from the library so the UI can name it without loading search."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A passage of a source, and the characters to mark in it (offsets into the repaired text)."""

    source: str
    passage: str
    start: int | None = None
    end: int | None = None
