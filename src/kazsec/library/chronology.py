"""Time in the read model: the timeline, careers, successions and who held a post on a day.

Made once per Library from the curated tables (small); the CLI and the explorer both ask
here and render what they get through kazsec.render.chronology.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from kazsec.chronology.holding import Holding, held_on
from kazsec.chronology.succession import (
    Succession,
    heads_body,
    post_id,
    replacements,
    succession,
)
from kazsec.chronology.tenures import Tenure, TitlePoint, tenure_of, title_points
from kazsec.chronology.timeline import TimelineEvent, timeline_events
from kazsec.dates import Period
from kazsec.errors import LookupFailed


class Career(NamedTuple):
    """A person's posts on one time axis, and the ranks and titles the sources give them."""

    person: str
    name: str
    tenures: list[Tenure]  # in time order, the undated last
    titles: list[TitlePoint]

    def to_json(self) -> dict[str, Any]:
        """The career as `kazsec career --json` prints it."""
        return {
            "person": self.person,
            "name": self.name,
            "tenures": [t.to_json() for t in self.tenures],
            "titles": [
                {"title": t.title, "as_of": t.as_of.iso if t.as_of else "", "cite": t.cite}
                for t in self.titles
            ],
        }


class Chronology:
    """Tenures, careers, successions and the timeline of one store's curated records."""

    def __init__(
        self,
        people: Sequence[Mapping[str, Any]],
        agencies: Sequence[Mapping[str, Any]],
        positions: Sequence[Mapping[str, Any]],
        events: Sequence[Mapping[str, Any]],
        conflicts: Sequence[Mapping[str, Any]],
        source_dates: Mapping[str, str],
    ) -> None:
        self.people = {p["id"]: p for p in people}
        self.agencies = {a["id"]: a for a in agencies}
        self.events = list(events)
        about: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for conflict in conflicts:
            about[conflict["subject"].partition(":")[2]].append(conflict)
        self.tenures = [
            tenure_of(
                p,
                [*about[p["person"]], *about[p["body"]]],
                self.body_names(p["body"]) if p["body"] else (),
            )
            for p in positions
        ]
        self.source_dates = source_dates
        self.timeline: list[TimelineEvent] = timeline_events(events, conflicts)
        self.replaced = replacements(people)
        self._holders: dict[str, tuple[str, list[Tenure]]] = {}
        self.posts: dict[str, str] = {}  # post id -> its title as written
        for tenure in self.tenures:
            self.posts.setdefault(post_id(tenure.post, tenure.body), tenure.post)

    def body_names(self, body_id: str) -> list[str]:
        """Every name of a body: its own, the curator's forms, the sources' spellings."""
        body = self.agencies.get(body_id)
        if body is None:
            return []
        names = [
            body["name"],
            body.get("native_ru", ""),
            body.get("native_kk", ""),
            *body.get("curator_aliases", []),
            *(a["name"] for a in body.get("aliases", [])),
        ]
        return [n for n in names if n]

    def career(self, person_id: str) -> Career:
        """A person's tenures in time order and their titles; LookupFailed for a non-person."""
        person = self.people.get(person_id)
        if person is None:
            raise LookupFailed(f"no person has the id {person_id!r}; try `kazsec search`")
        mine = sorted((t for t in self.tenures if t.person == person_id), key=Tenure.order)
        return Career(person_id, person["name"], mine, title_points(person, self.source_dates))

    def holders(self, subject: str) -> tuple[str, list[Tenure]]:
        """What `subject` names (a body: its head; a post: that post) and its tenures, worked
        out once per subject (the palette asks for every body a keystroke finds)."""
        if subject not in self._holders:
            self._holders[subject] = self._find_holders(subject)
        label, held = self._holders[subject]
        return label, list(held)

    def _find_holders(self, subject: str) -> tuple[str, list[Tenure]]:
        body = self.agencies.get(subject)
        if body is not None:
            names = self.body_names(subject)
            held = [t for t in self.tenures if t.body == subject and heads_body(t.post, names)]
            return f"Head of {body['name']}", held
        subject = self.post_named(subject)
        return self.posts[subject], [t for t in self.tenures if post_id(t.post, t.body) == subject]

    def post_named(self, given: str) -> str:
        """A post's id from its id, its title, or its title's id without the body (when one
        body alone has such a post); LookupFailed naming the choices otherwise."""
        if given in self.posts:
            return given
        bare = post_id(given)
        found = [pid for pid in self.posts if pid == bare or pid.endswith("/" + bare)]
        if len(found) == 1:
            return found[0]
        shown = given if len(given) <= 60 else given[:60] + "…"
        if found:
            raise LookupFailed(f"{shown!r} is a post at several bodies: {', '.join(sorted(found))}")
        raise LookupFailed(
            f"no body or post is called {shown!r}; give a body's id (nsc) or a post's "
            "(`kazsec succession --posts` lists them)"
        )

    def succession(self, subject: str) -> Succession:
        """Every holder of a post or of a body's head, in order, with each change's quote."""
        label, held = self.holders(subject)
        return succession(subject, label, held, self.replaced, self.events)

    def held(self, subject: str, day: Period) -> tuple[str, list[Holding], list[Tenure]]:
        """Who held a post (or headed a body) on a day, how surely, and who held it at some
        time the sources do not give (not counted either way)."""
        label, held = self.holders(subject)
        undated = sorted((t for t in held if t.anchor() is None), key=lambda t: t.person)
        return label, held_on(held, day), undated

    def post_list(self) -> list[tuple[str, str, int]]:
        """(post id, title, holders) of every post, and of every body with a head."""
        counts: dict[str, int] = defaultdict(int)
        for tenure in self.tenures:
            counts[post_id(tenure.post, tenure.body)] += 1
        bodies = []
        for body_id in sorted(self.agencies):
            label, held = self.holders(body_id)
            if held:
                bodies.append((body_id, label, len(held)))
        posts = [(pid, self.posts[pid], counts[pid]) for pid in sorted(self.posts)]
        return bodies + posts
