"""A row of a navigator list, as the read model gives it to the explorer."""

from __future__ import annotations

from typing import NamedTuple


class ListRow(NamedTuple):
    """One row of a navigator list: what it opens, its label, a note, a date, words to filter by."""

    entity_id: str
    label: str
    note: str = ""
    date: str = ""
    keys: str = ""  # folded words a list without a matcher filters by (the notes')
    group: str = ""  # the heading it stands under: "Officials", "Security services"
