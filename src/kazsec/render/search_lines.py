"""Search results as tab-separated lines, for a pipe: `kazsec search Masimov | cut -f2`.

A terminal gets the table (render/search.py); a script reading the output gets one result
per line with a header, fields separated by tabs, nothing to strip. No rich here: piping a
search into another tool should cost no more than the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kazsec.render.text import inert

if TYPE_CHECKING:
    from kazsec.search import SearchResult

HEADER = ("type", "id", "score", "name", "match")


def _field(text: str) -> str:
    """One field: inert, on one line, with no tab to split it."""
    return " ".join(inert(text).split())


def result_lines(results: Sequence[SearchResult], explain: bool = False) -> list[str]:
    """A header and one line per result: type, id, score, name, what matched (and how)."""
    header = [*HEADER, "how"] if explain else list(HEADER)
    lines = ["\t".join(header)]
    for result in results:
        fields = [result.type, result.id, f"{result.score:.0f}", result.name, result.matched]
        if explain:
            fields.append(result.how)
        lines.append("\t".join(map(_field, fields)))
    return lines


def no_match_line(query: str) -> str:
    """'no match for …', the query shown as typed (the words of the table's line too)."""
    return f"no match for {query!r}"


def guesses_line(guesses: Sequence[SearchResult]) -> str:
    """The closest guesses under the confidence bar, said as guesses."""
    return "closest guesses: " + ", ".join(f"{r.name} ({r.score:.0f})" for r in guesses[:3])


def no_match_lines(query: str, guesses: Sequence[SearchResult]) -> list[str]:
    """'no match for …', and the closest guesses under the bar, each one inert line."""
    lines = [no_match_line(query)] + ([guesses_line(guesses)] if guesses else [])
    return [_field(line) for line in lines]


__all__ = ["HEADER", "guesses_line", "no_match_line", "no_match_lines", "result_lines"]
