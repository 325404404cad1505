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
from kazsec.dates import Period, period
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


def post_id(post: str, body: str = "") -> str:
    """A post's id: its body's id and its title in lowercase words joined by '-'
    ('ministry-of-defense/deputy-minister-of-defense'; the title alone without a body): two
    bodies' 'Chairman' are two posts."""
    from anyascii import anyascii

    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(post).lower()).strip("-")
    return f"{body}/{slug}" if body else slug


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
    date: Period | None  # when it happened: the new holder's start, if given
    gap: tuple[Period, Period] | None  # no holder known between these (both ends dated)
    overlap: bool  # the next holder started before the previous one's dated end
    concurrent: bool  # both held it at once (no dated end, started together or still held)
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
            "concurrent": self.concurrent,
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


def _may_precede(predecessor: Tenure, successor: Tenure) -> bool:
    """Nothing dated puts `predecessor` after `successor` began: a second term that ends
    after the successor took over is not the term the successor took over from."""
    if _dates_order(successor, predecessor):
        return False
    return not (
        predecessor.end is not None
        and successor.start is not None
        and successor.start.before(predecessor.end)
    )


def ordered(tenures: Sequence[Tenure], replaced: Replacements) -> list[Tenure]:
    """Dated tenures in time order; where the dates alone cannot tell, a predecessor the
    sources name is moved just before its successor (unless a term of theirs already
    comes before it)."""
    holders = sorted(tenures, key=Tenure.order)
    for _ in range(len(holders)):
        moved = False
        for later, tenure in enumerate(holders):
            before = {t.person for t in holders[:later]}
            for earlier in range(later + 1, len(holders)):
                predecessor = holders[earlier]
                if (
                    (predecessor.person, tenure.person) in replaced
                    and predecessor.person not in before
                    and _may_precede(predecessor, tenure)
                ):
                    holders.insert(later, holders.pop(earlier))
                    moved = True
                    break
            if moved:
                break
        if not moved:
            break
    return holders


def _dated(event: Mapping[str, Any]) -> list[Period]:
    found = [period(event["date"]), period(event.get("date_end", ""))]
    return [p for p in found if p is not None]


def _at(event: Mapping[str, Any], when: Period | None) -> bool:
    """The event is dated at (within the precision of) `when`."""
    return when is not None and any(p.overlaps(when) for p in _dated(event))


def _change_words(
    before: Tenure | None,
    after: Tenure,
    replaced: Replacements,
    events: Sequence[Mapping[str, Any]],
) -> tuple[str, list[dict[str, Any]]]:
    """What says this holder followed the previous one, and its quotes: a stated
    replacement; else the new holder's appointment (an event of theirs dated at their
    start, one naming the previous holder too first); else an event naming both, dated at
    the change; else the new holder's own quotes."""
    if before is not None and (before.person, after.person) in replaced:
        return "replaced", replaced[before.person, after.person]
    theirs = [e for e in events if after.person in e["people"] and _at(e, after.start)]
    if theirs:
        # The event that also names the body, and the previous holder, says most.
        def fit(event: Mapping[str, Any]) -> tuple[bool, bool]:
            named = before is not None and before.person in event["people"]
            return after.body not in event["bodies"], not named

        event = min(theirs, key=fit)
        return event["title"], event["cite"]
    if before is not None:
        change = after.start or before.end
        for event in events:
            named = before.person in event["people"] and after.person in event["people"]
            if named and _at(event, change):
                return "named together: " + event["title"], event["cite"]
    if after.start is not None:
        return (
            "took the post (the sources do not say from whom)" if before else "took the post",
            after.cite,
        )
    return "start not given", after.cite


def _concurrent(before: Tenure, after: Tenure) -> bool:
    """Both held it at once: the earlier has no dated end and started with the later (in
    one period), or was still reported in office once the later had started."""
    if before.end is not None or after.start is None:
        return False
    if before.start is not None and before.start.overlaps(after.start):
        return True
    return before.as_of is not None and not before.as_of.before(after.start)


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
        gap = None
        overlap = concurrent = False
        if before is not None and after.start is not None:
            if before.end is not None:
                if (after.start.first - before.end.last).days > 1:
                    gap = (before.end, after.start)
                overlap = after.start.before(before.end)
            concurrent = _concurrent(before, after)
        change = Change(before, after, after.start, gap, overlap, concurrent, how, list(cite))
        changes.append(change)
    return Succession(subject, label, holders, changes, undated)
