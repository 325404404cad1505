"""Search results as text: the matched form with its characters highlighted, and its owner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from kazsec.render.search_lines import guesses_line, no_match_line
from kazsec.render.text import data_text

if TYPE_CHECKING:
    from kazsec.search import SearchResult

MATCH_STYLE = "bold reverse"
PASSAGE_ROW_CHARS = 70  # a passage hit's snippet on a one-line row, from a little before its match
PASSAGE_ROW_LEAD = 24  # characters of context ahead of the match: it shows at 80 columns
# A passage hit's source before its snippet: short enough that the match still shows on a row
# of an 80-column terminal (a full title pushed it past the edge); the reader names it whole.
PASSAGE_SOURCE_CHARS = 24


def matched_text(result: SearchResult, one_line: bool = False) -> Text:
    """The matched form (an alias, or a passage snippet) with the matched characters marked."""
    shown = result.matched.replace("\n", " ") if one_line else result.matched
    matched = data_text(shown, no_wrap=one_line, overflow="ellipsis")  # one for one: spans hold
    for start, end in result.spans:
        matched.stylize(MATCH_STYLE, start, end)
    return matched


def short_source(name: str) -> str:
    """A passage hit's 'source · title' cut to PASSAGE_SOURCE_CHARS, at a '·' if one is there."""
    if len(name) <= PASSAGE_SOURCE_CHARS:
        return name
    head = name[: PASSAGE_SOURCE_CHARS - 1].rstrip()
    if head.endswith("·"):
        return head.removesuffix("·").rstrip()  # the source alone, not a title cut to nothing
    return f"{head}…"


def result_prompt(result: SearchResult) -> Text:
    """One result line of the search box or the palette: what matched, and what it belongs to."""
    if result.type == "passage":
        # The row is one line, cut at the terminal's edge: the snippet starts a little ahead
        # of its first match so the match shows even on a narrow terminal.
        focused = matched_text(
            result.focused(PASSAGE_ROW_CHARS, before=PASSAGE_ROW_LEAD), one_line=True
        )
        return Text.assemble(data_text(f"{short_source(result.name)}  ", "dim"), focused)
    matched = matched_text(result, one_line=True)
    if result.matched != result.name:
        matched.append_text(data_text(f"  → {result.name}", "dim"))
    return matched


def no_match_text(query: str) -> Text:
    """'no match for …', the query shown as typed, never obeyed."""
    return data_text(no_match_line(query), "bold")


def searching_text(query: str, names_found: bool) -> Text:
    """The line that stands for passage hits still being looked for."""
    if names_found:
        return data_text("searching passages…", "dim italic")
    return data_text(f"no match for {query!r} among names; searching passages…", "dim italic")


def passages_heading(shown: int, more: bool) -> Text:
    """'Passages (58+)': how many passage hits are in the list, and whether more follow."""
    return data_text(f"Passages ({shown}{'+' if more else ''})", "bold underline")


def more_passages_text(shown: int, page: int, loading: bool) -> Text:
    """The last line while more passage hits follow: what Enter (or PageDown) does there."""
    if loading:
        return data_text(f"loading the next {page} passages…", "dim italic")
    return data_text(f"▾ more passages ({shown} shown): Enter or PgDn for the next {page}", "bold")


def guesses_text(results: Sequence[SearchResult], explain: bool = False) -> Text:
    """The closest guesses under the confidence bar, said as guesses (and how, if asked)."""
    text = data_text(guesses_line(results), "dim")
    for result in results[:3] if explain else ():
        if result.how:
            text.append_text(data_text(f"\n  {result.how}", "dim"))
    return text


def how_text(result: SearchResult) -> Text:
    """The route from the query to a result ('Масимова → Масимов (Russian genitive) → …')."""
    return data_text(result.how, "dim italic")


def results_table(query: str, results: Sequence[SearchResult], explain: bool = False) -> Table:
    """`kazsec search`: kind, the match highlighted under its entity's name, id and score;
    with `explain`, how the query reached each result under it."""
    table = Table(title=data_text(f"search: {query}"), expand=True)
    table.add_column("type", no_wrap=True)
    table.add_column("match", ratio=1)
    table.add_column("id", no_wrap=True, overflow="ellipsis", max_width=28)
    table.add_column("score", justify="right", no_wrap=True)
    for result in results:
        matched = matched_text(result)
        cell = (
            matched
            if result.matched == result.name
            else Text.assemble(data_text(result.name, "bold"), "\n", matched)
        )
        if explain and result.how:
            cell = Text.assemble(cell, "\n", how_text(result))
        table.add_row(result.type, cell, data_text(result.id), f"{result.score:.0f}")
    return table
