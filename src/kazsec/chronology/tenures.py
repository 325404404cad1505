"""Tenures: who held which post from when to when, as the sources date it, and how sure that is.

A tenure is a [[position]] read through `kazsec.dates`: its start and end are periods (a
month is every day of it), an end the text does not date is said in words, each state its
own ("in office as of 16 Feb 2022" where the curated record gives the date the quoted text
has them in office, "in office when written" where it gives none, "former, end not dated",
"end not given"), and a tenure whose quotes a [[conflict]] also quotes is marked disputed.
Careers, successions and "who held it on" are all made of these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from kazsec.dates import Period, period
from kazsec.names import fold_key


def _overlapping(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Two citations quote some of the same characters of one source."""
    return (
        one["source"] == other["source"]
        and one["start"] < other["end"]
        and other["start"] < one["end"]
    )


class Tenure(NamedTuple):
    """One post held by one person, dated only as precisely as its quotes date it."""

    position_id: str
    person: str
    post: str
    body: str
    start: Period | None
    end: Period | None
    end_state: str  # "ended" (dated), "in office", "former" (end not dated), "unknown"
    as_of: Period | None  # for "in office": the date the quoted text has them in office
    end_reason: str
    disputed_by: tuple[str, ...]  # ids of the conflicts that quote what it quotes
    cite: list[dict[str, Any]]

    @property
    def acting(self) -> bool:
        """Held in an acting capacity (the post's own title says so)."""
        return self.post.casefold().startswith("acting ")

    def anchor(self) -> Period | None:
        """The date it is placed by: its start, else its end, else the date it was last
        reported held."""
        return self.start or self.end or self.as_of

    def order(self) -> tuple[int, int, int, int, str]:
        """Sort key: by start, else by end (else by when last reported), undated last. One
        known only by its end comes before one that starts that day: it began earlier."""
        if self.start is not None:
            return (
                0,
                self.start.first.toordinal(),
                1,
                -self.start.last.toordinal(),
                self.position_id,
            )
        anchor = self.end or self.as_of
        if anchor is None:
            return 1, 0, 0, 0, self.position_id
        return 0, anchor.first.toordinal(), 0, -anchor.last.toordinal(), self.position_id

    def start_text(self) -> str:
        """'5 Jan 2022', 'Jan 2022', '2017', or 'start not given'."""
        return str(self.start) if self.start else "start not given"

    def end_text(self, reason: bool = True) -> str:
        """'6 Jan 2022 (dismissed)', 'in office (as of 16 Feb 2022)', 'in office when
        written', 'former, end not dated', 'end not given' (`reason`: how it ended, if said)."""
        why = f" ({self.end_reason})" if reason and self.end_reason else ""
        if self.end is not None:
            return str(self.end) + why
        if self.end_state == "in office":
            return f"in office (as of {self.as_of})" if self.as_of else "in office when written"
        if self.end_state == "former":
            return "former, end not dated" + why
        return "end not given"

    def span_text(self, reason: bool = True) -> str:
        """Both ends: '19 Mar 2019 – in office (as of Jan 2022)'."""
        return f"{self.start_text()} – {self.end_text(reason)}"

    def to_json(self) -> dict[str, Any]:
        """The tenure as `--json` prints it: dates as ISO prefixes that keep their precision."""
        return {
            "position": self.position_id,
            "person": self.person,
            "post": self.post,
            "body": self.body,
            "acting": self.acting,
            "start": self.start.iso if self.start else "",
            "end": self.end.iso if self.end else "",
            "end_state": self.end_state,
            "as_of": self.as_of.iso if self.as_of else "",
            "end_reason": self.end_reason,
            "disputed_by": list(self.disputed_by),
            "shown": self.span_text(),
            "cite": self.cite,
        }


def _names_it(conflict: Mapping[str, Any], names: Sequence[str]) -> bool:
    """The conflict's words (summary, readings) name the post or its body."""
    words = fold_key(" ".join([conflict["summary"], *(r["reading"] for r in conflict["readings"])]))
    return any(f" {key} " in f" {words} " for name in names if (key := fold_key(name)))


def tenure_of(
    position: Mapping[str, Any],
    conflicts: Sequence[Mapping[str, Any]] = (),
    names: Sequence[str] = (),
) -> Tenure:
    """A position record as a tenure. `conflicts`: those about its holder or its body. One
    marks the tenure disputed when it quotes what the position quotes and, where `names`
    (the post's body's names) are given, names the post or its body: one quote can date two
    posts, and a conflict over one of them leaves the other alone."""
    end = period(position["end"])
    state = "ended" if end is not None else (position.get("status") or "unknown")
    cites = position["cite"]
    post_names = [*names, position["post"]]
    disputed = tuple(
        c["id"]
        for c in conflicts
        if any(_overlapping(q, mine) for r in c["readings"] for q in r["cite"] for mine in cites)
        and (not names or _names_it(c, post_names))
    )
    return Tenure(
        position["id"],
        position["person"],
        position["post"],
        position["body"],
        period(position["start"]),
        end,
        state,
        period(position.get("as_of", "")) if state == "in office" else None,
        position["end_reason"],
        disputed,
        list(cites),
    )


class TitlePoint(NamedTuple):
    """A rank or title a source gives, placed at the date of that source (the text may
    speak of an earlier day: it says only that the source, of that date, gives it)."""

    title: str
    as_of: Period | None
    cite: list[dict[str, Any]]

    def text(self) -> str:
        """'Major-General (in a source of 16 Feb 2022)', or the title alone when its source
        is undated."""
        return f"{self.title} (in a source of {self.as_of})" if self.as_of else self.title


def title_points(person: Mapping[str, Any], source_dates: Mapping[str, str]) -> list[TitlePoint]:
    """A person's titles and ranks, each at the date of the source that gives it."""
    merged: dict[tuple[str, Period | None], list[dict[str, Any]]] = {}
    for titled in person.get("titles", []):
        dated = [p for c in titled["cite"] if (p := period(source_dates.get(c["source"], "")))]
        when = min(dated, key=Period.order) if dated else None
        merged.setdefault((titled["title"], when), []).extend(titled["cite"])
    points = [TitlePoint(title, when, cites) for (title, when), cites in merged.items()]
    return sorted(points, key=lambda t: (t.as_of is None, t.as_of.order() if t.as_of else (0, 0)))
