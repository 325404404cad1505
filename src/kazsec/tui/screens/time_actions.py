"""What the explorer does with time: the timeline, a person's career, a body's succession.
Mixed into the explorer screen; each view is a screen of its own that hands back a choice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kazsec.model import Location
from kazsec.render.text import inert
from kazsec.tui.screens.reading import ReadingActions

if TYPE_CHECKING:
    from kazsec.tui.messages import TimeChoice


class TimeActions(ReadingActions):
    """Open the time screens and act on what they hand back."""

    def show_entity(self, entity_id: str, remember: bool = True, focus: bool = True) -> None:
        raise NotImplementedError  # provided by the explorer

    def action_timeline(self, entity: str = "") -> None:
        """Every event by date, filtered by the open entry's name when one is given."""
        from kazsec.tui.matchers import timeline_matcher
        from kazsec.tui.screens.timeline import TimelineScreen

        if self.library is None:
            return
        screen = TimelineScreen(self.library, timeline_matcher(self.library), entity)
        self.app.push_screen(screen, self._time_choice)

    def action_over_time(self) -> None:
        """The open entry over time: a person's career, a body's succession, an event's
        place on the timeline."""
        library = self.library
        entity = getattr(self, "entity_id", None)
        if library is None:
            return
        kind = library.kind_of(entity) if entity else None
        if kind == "person" and entity:
            self.open_career([entity])
        elif kind == "agency" and entity:
            self.open_succession(entity)
        elif kind == "event" and entity:
            self.action_timeline(library.names.get(entity, ""))
        else:
            self.notify("Open a person (career) or a body (succession) first.", markup=False)

    def open_career(self, people: list[str]) -> None:
        """A person's career (two people: side by side on one axis)."""
        from kazsec.tui.matchers import search_matcher
        from kazsec.tui.screens.career import CareerScreen

        library = self.library
        if library is None:
            return
        career = library.chronology.career(people[0])
        if not career.tenures and not career.titles:
            self.notify(inert(f"The sources give {career.name} no post or rank."), markup=False)
            return
        matcher = search_matcher(library, {"person"})
        self.app.push_screen(CareerScreen(library, matcher, people), self._time_choice)

    def open_succession(self, subject: str) -> None:
        """Every holder of a body's head (or a post) in order."""
        from kazsec.tui.screens.succession import SuccessionScreen

        if self.library is None:
            return
        _, held = self.library.chronology.holders(subject)
        if not held:
            name = self.library.names.get(subject, subject)
            self.notify(inert(f"The sources name no head of {name}."), markup=False)
            return
        self.app.push_screen(SuccessionScreen(self.library, subject), self._time_choice)

    def _time_choice(self, choice: TimeChoice | None) -> None:
        if not choice:
            return
        what, value = choice
        if what == "entity":
            self.show_entity(str(value))
        elif what == "quotes":
            citations: list[Any] = list(value)
            first = Location.of(citations[0])
            others = [c for c in citations[1:] if c["source"] != citations[0]["source"]]
            self.open_locations(first, Location.of(others[0]) if others else None)
