"""The explorer's keys: each with an id (for keymap.toml), words for the footer and for help."""

from __future__ import annotations

from textual.binding import Binding


def _binding(
    key: str, action: str, short: str, long: str, binding_id: str, show: bool = True
) -> Binding:
    # The footer shows the short words; help shows the long ones (tooltip).
    return Binding(key, action, short, show=show, tooltip=long, id=binding_id)


EXPLORER_KEYS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    _binding("slash", "focus_search", "Search", "Search", "search"),
    _binding("n", "next_mention(1)", "Mention", "Next mention", "next-mention"),
    _binding("p", "next_mention(-1)", "Prev", "Prev mention", "previous-mention", False),
    _binding(
        "s", "split", "Split", "Side by side (show or hide the second reader)", "side-by-side"
    ),
    _binding(
        "o",
        "open_other",
        "Other",
        "Open the highlighted fact in the other reader",
        "open-other",
        False,
    ),
    _binding("w", "swap_readers", "Swap", "Swap the two readers", "swap-readers", False),
    _binding("x", "close_reader", "Close", "Close the second reader", "close-reader", False),
    _binding("r", "toggle_raw", "Raw", "Raw text (as collected) or repaired", "raw-text"),
    _binding("c", "copy_quote", "Copy", "Copy quote, mention's sentence or passage", "copy-quote"),
    _binding("left_square_bracket,alt+left", "back", "Back", "Back", "back"),
    _binding("right_square_bracket,alt+right", "forward", "Fwd", "Forward", "forward", False),
    _binding(
        "t",
        "timeline",
        "Timeline",
        "Timeline: every event by date, filters, zoom",
        "timeline",
        False,
    ),
    _binding(
        "e",
        "over_time",
        "Over time",
        "The open entry over time: a person's career, a body's succession",
        "over-time",
        False,
    ),
    _binding(
        "v",
        "select",
        "Select",
        "Select words of the passage being read: a to note them, f to make a fact of them",
        "select",
        False,
    ),
    _binding(
        "E",
        "export_dossier",
        "Export",
        "Export the open entry's dossier (Markdown, every fact footnoted) to your exports folder",
        "export-dossier",
        False,
    ),
    _binding("u", "undo", "Undo", "Take back the last fact you added", "undo", False),
    _binding("1", "tab('people')", "People", "People", "tab-people", False),
    _binding("2", "tab('agencies')", "Bodies", "Bodies (agencies)", "tab-agencies", False),
    _binding("3", "tab('timeline')", "Timeline", "Timeline", "tab-timeline", False),
    _binding("4", "tab('sources')", "Sources", "Sources", "tab-sources", False),
    _binding("5", "tab('notes')", "Notes", "Your notes", "tab-notes", False),
    _binding("z", "zoom", "Zoom", "Zoom pane (give it the whole screen, and back)", "zoom", False),
    _binding("less_than_sign", "resize(-4)", "Narrower", "Narrower lists", "narrower", False),
    _binding("greater_than_sign", "resize(4)", "Wider", "Wider lists", "wider", False),
]
