"""Messages the panes send upward, named as what happened."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from kazsec.model import Citation, Location


class EntitySelected(Message):
    """A person, body, event or source was chosen."""

    def __init__(self, entity_id: str) -> None:
        super().__init__()
        self.entity_id = entity_id


class QuoteRequested(Message):
    """The quotes behind a fact were asked for; a second source opens beside the first."""

    def __init__(
        self,
        citations: list[Citation],
        side_by_side: bool = False,
        captions: tuple[str, str] = ("", ""),
    ) -> None:
        super().__init__()
        self.citations = citations
        self.side_by_side = side_by_side
        self.captions = captions  # what each reader shows: "reading 1 of 3: 2017"


class LocationRequested(Message):
    """A passage (a search hit, a mention) was asked for, with characters to mark in it."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location


# What a time screen (timeline, career, succession) hands back when it closes:
# ("entity", id) to show an entry, ("quotes", citations) to open the quotes behind a bar or
# a change, ("none", None) to go back.
TimeChoice = tuple[str, Any]
