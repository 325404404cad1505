"""The search box's result lines: names by kind, passage hits, and the line that loads more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kazsec.model import KIND_PLURALS, SearchKind

if TYPE_CHECKING:
    from kazsec.library.notes import AnchoredNote
    from kazsec.search import SearchResult

PER_GROUP = 8  # names shown per kind, and passage hits on the first page
PAGE = 50  # passage hits each further page brings
NAME_KINDS: tuple[SearchKind, ...] = ("person", "agency", "event", "source")


class ResultOption(Option):
    """A search result of the list, carrying the result it shows."""

    def __init__(self, result: SearchResult) -> None:
        from kazsec.render.search import result_prompt  # with the first results, not at start

        super().__init__(result_prompt(result))
        self.result = result


class MoreOption(Option):
    """The last line while more passage hits follow: Enter, or PageDown onto it, loads them."""

    def __init__(self, shown: int) -> None:
        from kazsec.render.search import more_passages_text

        super().__init__(more_passages_text(shown, PAGE, loading=False))
        self.shown = shown


def heading(text: str, style: str) -> Option:
    """A line of the app's own words the cursor passes over."""
    return Option(Text(text, style=style), disabled=True)


def name_options(shown: list[SearchResult]) -> list[Option]:
    """Confident name results under a heading for each kind, at most PER_GROUP of each."""
    options: list[Option] = []
    for kind in NAME_KINDS:
        group = [r for r in shown if r.type == kind][:PER_GROUP]
        if group:
            options.append(heading(f"{KIND_PLURALS[kind]} ({len(group)})", "bold underline"))
            options += [ResultOption(result) for result in group]
    return options


class NoteOption(Option):
    """One of the user's notes the query matches: its words, its tags, the quote."""

    def __init__(self, found: AnchoredNote) -> None:
        from kazsec.library.note_views import note_title
        from kazsec.render.text import data_text

        prompt = data_text(note_title(found))
        if found.note.tags:
            prompt.append("  " + " ".join(f"#{tag}" for tag in found.note.tags), style="magenta")
        quote = found.note.quote.strip()
        prompt.append(f"\n  “{quote[:80]}{'…' if len(quote) > 80 else ''}”", style="dim")
        super().__init__(prompt)
        self.note_id = found.id


def note_options(notes: list[AnchoredNote]) -> list[Option]:
    """The user's notes a query matches, under their own heading."""
    if not notes:
        return []
    shown = notes[:PER_GROUP]
    return [
        heading(f"Your notes ({len(shown)} of {len(notes)})", "bold underline"),
        *(NoteOption(found) for found in shown),
    ]


def no_match_options(query: str, guesses: list[SearchResult]) -> list[Option]:
    """'no match for …', and the closest names under the bar, said to be guesses."""
    from kazsec.render.search import no_match_text

    options = [Option(no_match_text(query), disabled=True)]
    if guesses:
        options.append(heading("closest guesses (not the same name):", "dim italic"))
        options += [ResultOption(result) for result in guesses]
    return options


def first_enabled(options: OptionList) -> int | None:
    """The first line the cursor may stand on (not a heading), None if there is none."""
    count = options.option_count
    return next((i for i in range(count) if not options.get_option_at_index(i).disabled), None)


def absolute_span(result: SearchResult, passage_start: int) -> tuple[int | None, int | None]:
    """The first highlighted span of a passage hit, as offsets into its source's text."""
    if not result.spans:
        return None, None
    start, end = result.spans[0]
    base = passage_start + result.offset
    return base + start, base + end
