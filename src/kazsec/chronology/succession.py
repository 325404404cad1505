"""Succession: every holder of a post, or of the head of a body, in order; who held it on a day.

Built only from [[position]] records and the `replaced` / `replaced_by` relations the
sources state. A holder the sources never date is listed apart, never placed in the
order by guess; a change of holder cites the words that say it (a replacement, an event
naming both people, the appointment), and a gap or an overlap is shown only where both
dates are given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from kazsec.chronology.tenures import Tenure
from kazsec.dates import Period
from kazsec.names import fold_key

# A post is the head of its body when (a part of) its title is one of these words and,
# after it, nothing but the body's own name: 'Chairman of the National Security Committee',
# 'Head of Presidential Guard Service' in 'Deputy Head of State Guard Service – Head of
# Presidential Guard Service', or the word alone ('Chairman', body nsc).
HEAD_WORDS = (
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "head",
    "director",
    "minister",
    "president",
    "commander-in-chief",
    "commander",
    "speaker",
    "leader",
)
_HEAD = re.compile(
    r"^(?:acting\s+)?(?P<word>" + "|".join(map(re.escape, HEAD_WORDS)) + r")\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_OF = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?", re.IGNORECASE)
_ASIDE = re.compile(r"\([^)]*\)")


def post_id(post: str) -> str:
    """A post's id: its title in lowercase words joined by '-' ('deputy-minister-of-defense')."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(post).lower()).strip("-")


def heads_body(post: str, body_names: Iterable[str]) -> bool:
    """Whether a post's title makes its holder the head of the body whose names are given."""
    names = {fold_key(name) for name in body_names}
    # 'Minister of Defense' heads the 'Ministry of Defense': the ministry's name without
    # 'Ministry of' is what follows 'Minister of'.
    ministry = fold_key("Ministry of") + " "
    names |= {n.removeprefix(ministry) for n in names if n.startswith(ministry)}
    for part in post.split(" – "):
        match = _HEAD.match(part.strip())
        if match is None:
            continue
        rest = fold_key(_OF.sub("", _ASIDE.sub("", match["rest"]), count=1))
        if not rest or rest in names:
            return True
    return False


class Change(NamedTuple):
    """One holder followed by the next (or the first known holder), with the words for it."""

    before: Tenure | None
    after: Tenure
    date: Period | None  # when it happened, as dated: the new holder's start, else the old end
    gap: tuple[Period, Period] | None  # no holder known between these (both ends dated)
    overlap: bool  # the next holder started before the previous one's dated end
    how: str  # what the cited words say: 'replaced', 'named together', 'appointed', ...
    cite: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        """The change as `--json` prints it."""
        return {
            "from": self.before.person if self.before else "",
            "to": self.after.person,
            "date": self.date.iso if self.date else "",
            "gap": [self.gap[0].iso, self.gap[1].iso] if self.gap else None,
            "overlap": self.overlap,
            "how": self.how,
            "cite": self.cite,
        }


class Succession(NamedTuple):
    """The holders of one post (or of a body's head) in time order, and the changes."""

    subject: str  # the body id or post id asked for
    label: str  # what is held: 'Head of National Security Committee', or the post's title
    holders: list[Tenure]  # dated, in order
    changes: list[Change]  # one per holder in `holders`
    undated: list[Tenure]  # held it too, at a time no source gives: not placed


Replacements = Mapping[tuple[str, str], list[dict[str, Any]]]


def replacements(people: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], list[Any]]:
    """(predecessor, successor) -> the quotes that say so, from `replaced` and `replaced_by`."""
    found: dict[tuple[str, str], list[Any]] = {}
    for person in people:
        for relation in person.get("relations", []):
            if relation["type"] == "replaced":
                pair = (relation["target"], person["id"])
            elif relation["type"] == "replaced_by":
                pair = (person["id"], relation["target"])
            else:
                continue
            found.setdefault(pair, []).extend(relation["cite"])
    return found


def _dates_order(earlier: Tenure, later: Tenure) -> bool:
    """The dates alone put `earlier` first: it certainly starts, or ends, before `later`
    starts (two starts in one year cannot tell)."""
    if later.start is None:
        return False
    if earlier.start is not None and earlier.start.before(later.start):
        return True
    return earlier.end is not None and earlier.end.last <= later.start.first


def ordered(tenures: Sequence[Tenure], replaced: Replacements) -> list[Tenure]:
    """Dated tenures in time order; where the dates alone cannot tell, a predecessor the
    sources name is moved just before its successor."""
    holders = sorted(tenures, key=Tenure.order)
    for _ in range(len(holders)):
        moved = False
        for later, tenure in enumerate(holders):
            for earlier in range(later + 1, len(holders)):
                predecessor = holders[earlier]
                if (predecessor.person, tenure.person) in replaced and not _dates_order(
                    tenure, predecessor
                ):
                    holders.insert(later, holders.pop(earlier))
                    moved = True
                    break
            if moved:
                break
        if not moved:
            break
    return holders


def _change_words(
    before: Tenure | None,
    after: Tenure,
    replaced: Replacements,
    events: Sequence[Mapping[str, Any]],
) -> tuple[str, list[dict[str, Any]]]:
    """What says this holder followed the previous one, and its quotes."""
    if before is not None:
        if (before.person, after.person) in replaced:
            return "replaced", replaced[before.person, after.person]
        for event in events:
            if before.person in event["people"] and after.person in event["people"]:
                return "named together: " + event["title"], event["cite"]
    if after.start is not None:
        for event in events:
            if after.person in event["people"] and event["date"] == after.start.iso:
                return event["title"], event["cite"]
        return (
            "took the post (the sources do not say from whom)" if before else "took the post",
            after.cite,
        )
    return "start not given", after.cite


def succession(
    subject: str,
    label: str,
    tenures: Sequence[Tenure],
    replaced: Replacements,
    events: Sequence[Mapping[str, Any]],
) -> Succession:
    """The holders of one post in order, each change with its quote."""
    dated = [t for t in tenures if t.anchor() is not None]
    undated = sorted((t for t in tenures if t.anchor() is None), key=lambda t: t.person)
    holders = ordered(dated, replaced)
    changes = []
    for index, after in enumerate(holders):
        before = holders[index - 1] if index else None
        how, cite = _change_words(before, after, replaced, events)
        date = after.start or (before.end if before else None)
        gap = None
        overlap = False
        if before is not None and before.end is not None and after.start is not None:
            if (after.start.first - before.end.last).days > 1:
                gap = (before.end, after.start)
            overlap = after.start.before(before.end)
        changes.append(Change(before, after, date, gap, overlap, how, list(cite)))
    return Succession(subject, label, holders, changes, undated)


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
    elif tenure.end_state == "in office" and tenure.as_of is not None:
        if not day.last <= tenure.as_of.first:
            reasons.append(f"last reported in office {tenure.as_of}")
    elif tenure.end_state == "former":
        reasons.append("left at a date not given")
    else:
        reasons.append("end not given")
    return Holding(tenure, "possible" if reasons else "certain", tuple(reasons))


def held_on(tenures: Iterable[Tenure], day: Period) -> list[Holding]:
    """Who held a post on a day: the certain first, then the possible, each with why."""
    found = [h for t in tenures if (h := holding(t, day)) is not None]
    return sorted(found, key=lambda h: (h.certainty != "certain", h.tenure.order()))
