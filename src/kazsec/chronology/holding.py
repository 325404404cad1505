"""Who held a post on a day, and how sure that is: certain only when the dates on both
sides of the day are given and no source disputes the tenure; otherwise possible, with why."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from kazsec.chronology.tenures import Tenure
from kazsec.dates import Period


class Holding(NamedTuple):
    """A tenure that covers a day, or may: how sure that is, and why."""

    tenure: Tenure
    certainty: str  # 'certain' or 'possible'
    reasons: tuple[str, ...]  # why only possible: 'start not given', 'left within Jan 2022'

    def to_json(self) -> dict[str, Any]:
        """The holding as `--json` prints it."""
        return {
            "person": self.tenure.person,
            "certainty": self.certainty,
            "reasons": list(self.reasons),
            "tenure": self.tenure.to_json(),
        }


def holding(tenure: Tenure, day: Period) -> Holding | None:
    """Whether a tenure covers `day` (any ISO prefix): None when the dates rule it out or
    give nothing to go by."""
    reasons = []
    start, end = tenure.start, tenure.end
    if start is None:
        if end is None and tenure.as_of is None:
            return None  # never dated: nothing says when
        reasons.append("start not given")
    elif day.before(start):
        return None
    elif not start.last <= day.first:
        reasons.append(
            f"took it within {start}" if start.precision != "day" else f"took it on {start}"
        )
    if end is not None:
        if end.before(day):
            return None
        if not day.last < end.first:
            reasons.append(f"left within {end}" if end.precision != "day" else f"left on {end}")
    elif tenure.end_state == "in office":
        if tenure.as_of is None:
            reasons.append("in office when written, at a date not given")
        elif not day.last <= tenure.as_of.first:
            reasons.append(f"in office as of {tenure.as_of}, not reported after")
    elif tenure.end_state == "former":
        reasons.append("left at a date not given")
    else:
        reasons.append("end not given")
    if tenure.disputed_by:
        reasons.append("disputed: " + ", ".join(tenure.disputed_by))
    return Holding(tenure, "possible" if reasons else "certain", tuple(reasons))


def held_on(tenures: Iterable[Tenure], day: Period) -> list[Holding]:
    """Who held a post on a day: the certain first, then the possible, each with why."""
    found = [h for t in tenures if (h := holding(t, day)) is not None]
    return sorted(found, key=lambda h: (h.certainty != "certain", h.tenure.order()))
