"""Back and forward through everything opened, like a browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kazsec.model import Location

T = TypeVar("T")


@dataclass
class History(Generic[T]):
    """A list of visited places with a cursor; visiting after going back drops the forward part."""

    entries: list[T] = field(default_factory=list)
    cursor: int = -1

    def visit(self, place: T) -> None:
        """Record a newly opened place (the same place twice in a row counts once)."""
        if self.cursor >= 0 and self.entries[self.cursor] == place:
            return
        del self.entries[self.cursor + 1 :]
        self.entries.append(place)
        self.cursor = len(self.entries) - 1

    def back(self) -> T | None:
        """The previous place, or None at the start."""
        if self.cursor <= 0:
            return None
        self.cursor -= 1
        return self.entries[self.cursor]

    def forward(self) -> T | None:
        """The next place, or None at the end."""
        if self.cursor >= len(self.entries) - 1:
            return None
        self.cursor += 1
        return self.entries[self.cursor]


@dataclass(frozen=True)
class EntityPlace:
    """An entry shown in the detail pane."""

    entity_id: str


@dataclass(frozen=True)
class ReadingPlace:
    """Passages open in the readers, and the entry they were opened for (if any)."""

    entity_id: str | None
    first: Location
    second: Location | None = None


Place = EntityPlace | ReadingPlace
