"""Navigator rows as text: a date column, the label, a dim note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from kazsec.render.text import data_text, inert

if TYPE_CHECKING:
    from kazsec.library import ListRow


def list_row_text(row: ListRow) -> Text:
    """One navigator row; made only for the rows on display (lists may hold 10k items)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if row.date:
        text.append(f"{row.date:>11}  ", style="green")
    text.append(inert(row.label))
    if row.note:
        text.append(f"  {inert(row.note)}", style="dim")
    return text


def dim_line(message: str) -> Text:
    """A line of the app's own words, dimmed (hints, 'n more')."""
    return data_text(message, "dim")
