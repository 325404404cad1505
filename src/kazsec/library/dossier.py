"""An entity's dossier: its record and everything that points at it, from indexes built once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kazsec.dates import sort_key
from kazsec.library.mentions import CorpusMentions, MentionIndex, MentionTally
from kazsec.model import (
    AgencyRecord,
    ConflictRecord,
    EntityKind,
    EventRecord,
    MentionRecord,
    PersonRecord,
    PositionRecord,
    Record,
)


@dataclass
class Dossier:
    """Everything known about one id, each fact with its citations."""

    kind: EntityKind
    record: Record
    conflicts: list[ConflictRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    positions: list[PositionRecord] = field(default_factory=list)
    related_from: list[Record] = field(default_factory=list)  # relations others state of it
    units: list[AgencyRecord] = field(default_factory=list)
    mentions_by_source: dict[str, tuple[MentionTally, MentionRecord]] = field(default_factory=dict)
    # Each event shown, dated with every reading the sources give (see chronology.timeline).
    event_dates: dict[str, str] = field(default_factory=dict)

    @property
    def mentions(self) -> MentionTally:
        """Mentions in every source together."""
        return sum((tally for tally, _ in self.mentions_by_source.values()), MentionTally())

    def to_json(self) -> dict[str, Any]:
        """The dossier as `kazsec show --json` prints it."""
        data: dict[str, Any] = {"kind": self.kind, "record": self.record}
        if self.kind == "source":
            return data
        data["conflicts"] = self.conflicts
        data["mentions"] = self.mentions.to_json()
        data["mentions_by_source"] = {
            source: {**tally.to_json(), "first": first}
            for source, (tally, first) in self.mentions_by_source.items()
        }
        if self.kind == "event":
            return data
        data.update(events=self.events, positions=self.positions, related_from=self.related_from)
        if self.kind == "agency":
            data["units"] = self.units
        return data


class Links:
    """Who points at whom: posts, events, relations, units and disagreements, by entity id."""

    def __init__(
        self,
        people: list[PersonRecord],
        agencies: list[AgencyRecord],
        positions: list[PositionRecord],
        events: list[EventRecord],
        conflicts: list[ConflictRecord],
    ) -> None:
        self.positions: dict[str, list[PositionRecord]] = defaultdict(list)
        for position in sorted(
            positions, key=lambda p: (sort_key(p["start"] or p["end"]), p["id"])
        ):
            for holder in {position["person"], position["body"]} - {""}:
                self.positions[holder].append(position)
        self.events: dict[str, list[EventRecord]] = defaultdict(list)
        for event in sorted(events, key=lambda e: (sort_key(e["date"]), e["id"])):
            for entity_id in dict.fromkeys(event["people"] + event["bodies"]):
                self.events[entity_id].append(event)
        self.conflicts: dict[str, list[ConflictRecord]] = defaultdict(list)
        for conflict in conflicts:
            self.conflicts[conflict["subject"]].append(conflict)
        self.related_from: dict[str, list[Record]] = defaultdict(list)
        for person in people:
            for relation in person["relations"]:
                self.related_from[relation["target"]].append({"from": person["id"], **relation})
        self.units: dict[str, list[AgencyRecord]] = defaultdict(list)
        for agency in agencies:
            if agency["parent"]:
                self.units[agency["parent"]].append(agency)

    def event_date(self, event: EventRecord | Record) -> str:
        """An event's date as the timeline shows it: every reading of a disputed one, the
        reason when none is given."""
        from kazsec.chronology.timeline import event_dating

        dating = event_dating(event, self.conflicts.get(f"event:{event['id']}", []))
        return dating.text() if dating.readings else dating.reason

    def dossier(
        self, kind: EntityKind, record: Record, mentions: MentionIndex | CorpusMentions
    ) -> Dossier:
        """The dossier of one record of a known kind."""
        entity_id = record["id"]
        if kind == "source":
            texts = ("raw_text", "repaired_text")
            return Dossier(kind, {k: v for k, v in record.items() if k not in texts})
        found = Dossier(kind, record)
        found.conflicts = self.conflicts.get(f"{kind}:{entity_id}", [])
        found.mentions_by_source = mentions.by_source(entity_id)
        if kind == "event":
            found.event_dates = {entity_id: self.event_date(record)}
            return found
        found.events = self.events.get(entity_id, [])
        found.event_dates = {e["id"]: self.event_date(e) for e in found.events}
        found.positions = self.positions.get(entity_id, [])
        found.related_from = self.related_from.get(entity_id, [])
        if kind == "agency":
            found.units = self.units.get(entity_id, [])
        return found
