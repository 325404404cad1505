"""`kazsec notes`: the user's notes as a table, each quote where it stands now."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from kazsec.render.text import data_text

if TYPE_CHECKING:
    from kazsec.library.notes import AnchoredNote

# How each way of standing is shown: found where it was is the quiet case.
STATUS_STYLES = {
    "exact": ("", "dim"),
    "moved": ("moved", "yellow"),
    "fuzzy": ("reworded", "yellow"),
    "orphan": ("orphaned", "bold red"),
    "no source": ("no source", "bold red"),
}


def status_text(status: str) -> Text:
    """A note's status in words a reader understands, coloured by how much it matters."""
    words, style = STATUS_STYLES.get(status, (status, ""))
    return Text(words or "in place", style=style)


def notes_table(notes: Sequence[AnchoredNote], title: str) -> Table:
    """Each note: its id, where it stands (passage, or the source) and how; its tags and
    words; its quote, with the words now there when they changed."""
    table = Table(title=data_text(title), expand=True)
    table.add_column("note · where", no_wrap=True)
    table.add_column("tags · text", ratio=1)
    table.add_column("quote", ratio=1)
    for item in notes:
        note = item.note
        where = data_text(note.id, "bold")
        where.append_text(data_text(f"\n{item.passage or note.source}", "dim"))
        where.append("\n").append_text(status_text(item.status))
        words = data_text(" ".join(f"#{t}" for t in note.tags), "cyan")
        words.append_text(data_text(("\n" if note.tags else "") + note.text))
        quote = data_text(f"“{note.quote}”", "italic")
        if item.status == "fuzzy":
            quote.append_text(data_text(f"\nnow: “{item.found}”", "yellow"))
        table.add_row(where, words, quote)
    lost = sum(n.status in ("orphan", "no source") for n in notes)
    if lost:
        table.caption = (
            f"{lost} not found in their sources (orphaned): kept in notes.toml; "
            "edit their quotes or remove them with `kazsec note rm ID`"
        )
    return table
