"""The commands about time: timeline, career, succession and held, each with --json."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kazsec.cli.commands import open_library
from kazsec.cli.output import print_json, show, terminal_width, to_terminal, write_text
from kazsec.errors import KazsecError, LookupFailed

if TYPE_CHECKING:
    from collections.abc import Callable

    from kazsec.cli import Handler, TakesArguments
    from kazsec.dates import Period
    from kazsec.library import Library


class DateError(KazsecError):
    """A date given on the command line is not an ISO prefix."""


def date_argument(value: str, option: str) -> Period:
    """An ISO prefix given for `option` (2022, 2022-01, 2022-01-06) as a period."""
    from kazsec.dates import period

    try:
        found = period(value.strip())
    except ValueError as exc:
        raise DateError(f"{option} {value!r}: {exc}") from None
    if found is None:
        raise DateError(f"{option} needs a date: YYYY, YYYY-MM or YYYY-MM-DD")
    return found


def resolved(library: Library, given: str, kinds: set[str], what: str) -> str:
    """An id as given, or the one entity of `kinds` a name in any spelling or script names."""
    if not given.strip():
        raise LookupFailed(f"give a {what}: an id or a name")
    if library.kind_of(given) in kinds:
        return given
    found = [r for r in library.engine.search(given[:300], types=kinds, limit=20) if r.confident]
    if len(found) == 1 or (found and found[0].score > found[1].score):
        return found[0].id
    shown = given if len(given) <= 60 else given[:60] + "…"
    if found:
        named = ", ".join(f"{r.id} ({r.name})" for r in found[:5])
        more = f" and {len(found) - 5} more" if len(found) > 5 else ""
        raise LookupFailed(f"{shown!r} could be {named}{more}; give the id")
    raise LookupFailed(f"no {what} is called {shown!r}; try `kazsec search`")


def cmd_timeline(args: argparse.Namespace) -> int:
    """Events by date as precise as the sources give it, filtered and grouped."""
    from kazsec.chronology.timeline import filtered, grouped

    library = open_library(args)
    low = date_argument(args.date_from, "--from") if args.date_from is not None else None
    high = date_argument(args.date_to, "--to") if args.date_to is not None else None
    if low is not None and high is not None and high.before(low):
        raise DateError(f"--to {args.date_to} is before --from {args.date_from}")
    entities = None
    if args.entity is not None:
        entity = resolved(library, args.entity, {"person", "agency", "event"}, "person or body")
        entities = {entity}
    kinds = set(args.kind) if args.kind else None  # argparse has checked them
    rows = filtered(library.chronology.timeline, entities, kinds, low, high)
    if args.json:
        print_json([row.to_json(library.names) for row in rows], indent=1)
        return 0
    from kazsec.render.chronology import timeline_view

    show(timeline_view(grouped(rows, args.zoom), library.names))
    return 0


def cmd_career(args: argparse.Namespace) -> int:
    """A person's posts as bars on a time axis (two people on one axis to compare them)."""
    if len(args.person) > 2:
        raise LookupFailed("give one person, or two to compare")
    library = open_library(args)
    people = [resolved(library, given, {"person"}, "person") for given in args.person]
    careers = [library.chronology.career(person) for person in people]
    if args.json:
        print_json(
            [c.to_json() for c in careers] if len(careers) > 1 else careers[0].to_json(), indent=1
        )
        return 0
    from rich.console import Console

    from kazsec.render.careers import career_chart

    show(career_chart(careers, Console().width))
    return 0


def _post_or_body(library: Library, given: str) -> str:
    """A body's id or a post's, from an id, a post's title, or a body's name in any spelling."""
    chronology = library.chronology
    if given in chronology.agencies:
        return given
    try:
        return chronology.post_named(given)
    except LookupFailed:
        pass
    try:
        return resolved(library, given, {"agency"}, "body")
    except LookupFailed:
        return chronology.post_named(given)  # its message names the way to a post's id


def cmd_succession(args: argparse.Namespace) -> int:
    """Every holder of a post, or of a body's head, in order, each change with its quote."""
    if args.id is not None and not args.id.strip():
        raise KazsecError("an empty id: give a post or body id (`kazsec succession --posts`)")
    library = open_library(args)
    if args.posts or args.id is None:
        rows = library.chronology.post_list()
        if args.json:
            print_json([{"id": i, "label": label, "holders": n} for i, label, n in rows], indent=1)
            return 0
        if not to_terminal():  # a pipe or a file: `id<TAB>name` lines, as search gives
            from kazsec.render.chronology import posts_lines

            write_text("\n".join(posts_lines(rows)))
            return 0
        from kazsec.render.chronology import posts_table

        show(posts_table(rows, terminal_width()), crop=False)
        return 0
    found = library.chronology.succession(_post_or_body(library, args.id))
    if args.json:
        print_json(
            {
                "subject": found.subject,
                "label": found.label,
                "changes": [c.to_json() for c in found.changes],
                "holders": [t.to_json() for t in found.holders],
                "undated": [t.to_json() for t in found.undated],
            },
            indent=1,
        )
        return 0
    from kazsec.render.chronology import succession_table

    show(succession_table(found, library.names))
    return 0


def cmd_held(args: argparse.Namespace) -> int:
    """Who held a post (or headed a body) on a date, and how sure that is."""
    library = open_library(args)
    day = date_argument(args.on, "--on")
    subject = _post_or_body(library, args.id)
    label, holdings, undated = library.chronology.held(subject, day)
    if args.json:
        print_json(
            {
                "subject": subject,
                "label": label,
                "on": day.iso,
                "holders": [h.to_json() for h in holdings],
                "undated": [t.to_json() for t in undated],
            },
            indent=1,
        )
        return 0
    from kazsec.render.chronology import held_table

    show(held_table(label, day, holdings, undated, library.names))
    return 0


def add_time_commands(add: Callable[[str, Handler, str], TakesArguments]) -> None:
    """Register the four commands with the parser's `add` (see kazsec.cli.build_parser)."""
    from kazsec.chronology.timeline import KINDS, ZOOMS

    timeline = add("timeline", cmd_timeline, "events by date, as precise as the sources give it")
    timeline.add_argument(
        "--entity", metavar="ID", help="only events with this person, body or event (any spelling)"
    )
    timeline.add_argument(
        "--from", dest="date_from", metavar="DATE", help="from this date (YYYY[-MM[-DD]])"
    )
    timeline.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date")
    timeline.add_argument(
        "--kind", action="append", choices=KINDS, help="only events of this kind (repeatable)"
    )
    timeline.add_argument(
        "--zoom",
        choices=ZOOMS,
        default="year",
        help="group by decade, year (default), month or day",
    )
    timeline.add_argument("--json", action="store_true", help="print JSON")
    career = add("career", cmd_career, "a person's posts as bars on a time axis; two to compare")
    career.add_argument(
        "person",
        nargs="+",
        metavar="PERSON_ID",
        help="a person's id (or name); give two to compare",
    )
    career.add_argument("--json", action="store_true", help="print JSON")
    succession = add(
        "succession", cmd_succession, "every holder of a post or of a body's head, in order"
    )
    succession.add_argument(
        "id", nargs="?", metavar="POST_OR_BODY_ID", help="a body's id (nsc) or a post's"
    )
    succession.add_argument(
        "--posts", action="store_true", help="list the posts and bodies with holders"
    )
    succession.add_argument("--json", action="store_true", help="print JSON")
    held = add(
        "held", cmd_held, "who held a post (or headed a body) on a date, and how sure that is"
    )
    held.add_argument("id", metavar="POST_OR_BODY_ID", help="a body's id (nsc) or a post's")
    held.add_argument("--on", required=True, metavar="DATE", help="the date (YYYY[-MM[-DD]])")
    held.add_argument("--json", action="store_true", help="print JSON")
