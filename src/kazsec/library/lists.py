"""The navigator's lists, as the read model gives them: people by role, bodies by kind, the
timeline by year, the sources (yours apart), your notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kazsec.kinds import AGENCY_KINDS, ROLE_GROUPS
from kazsec.library.rows import ListRow

if TYPE_CHECKING:
    from kazsec.library.read_model import Library


def _rank(order: Sequence[str], value: str) -> int:
    return order.index(value) if value in order else len(order)


def source_rows(library: Library) -> list[ListRow]:
    """The sources; the user's own, once there are any, under a heading of their own."""
    mixed = any(s.get("yours") for s in library.sources.values())
    return [
        ListRow(
            sid,
            library.names[sid],
            f"{s['passage_count']} passages",
            group=("Yours" if s.get("yours") else "Bundled") if mixed else "",
        )
        for sid, s in sorted(library.sources.items(), key=lambda item: not item[1].get("yours"))
    ]


def list_rows(library: Library) -> dict[str, list[ListRow]]:
    """The navigator's lists: people, bodies, the timeline, the sources and your notes."""
    from kazsec.chronology.timeline import group_label
    from kazsec.library.note_views import note_list_rows, orphaned_fact_rows

    return {
        "people": [
            ListRow(p["id"], p["name"], group=ROLE_GROUPS.get(p["role"], "Others"))
            for p in sorted(library.people, key=lambda p: _rank(list(ROLE_GROUPS), p["role"]))
        ],
        "agencies": [
            ListRow(a["id"], a["name"], group=a["kind"].capitalize())
            for a in sorted(library.agencies, key=lambda a: _rank(AGENCY_KINDS, a["kind"]))
        ],
        "timeline": [
            ListRow(
                row.id,
                row.title,
                date=row.dating.text(),
                # No keys: the explorer's timeline filter is a matcher (tui.matchers), which
                # finds people and bodies in any spelling, not a scan of folded words.
                group=group_label(row, "year"),
            )
            for row in library.chronology.timeline
        ],
        "sources": source_rows(library),
        "notes": note_list_rows(library.notebook.notes, library.names)
        + orphaned_fact_rows(library.orphaned_facts()),
    }
