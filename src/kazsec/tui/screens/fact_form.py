"""A fact made from a selection: its kind, then the fields that kind needs; the selection is
its citation. People and bodies may be named in any spelling: the explorer finds their ids."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from kazsec.render.text import data_text

# Each kind's fields: (name, placeholder). The first one gets the selection as its value
# where the selection is what it names (a new person's name, an alias).
FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "alias": (("name", "the spelling (the selection)"), ("entity", "whose: a person or body")),
    "person": (
        ("name", "full name (the selection)"),
        ("role", "official, analyst, politician…"),
        ("description", "one line, your words"),
    ),
    "body": (
        ("name", "name (the selection)"),
        ("kind", "security service, ministry, court…"),
        ("description", "one line, your words"),
    ),
    "post": (
        ("person", "who"),
        ("post", "the post, as the text names it"),
        ("body", "of which body (optional)"),
        ("start", "from: YYYY[-MM[-DD]]"),
        ("end", "to: YYYY[-MM[-DD]]"),
        ("status", "in office / former (if no end)"),
        ("as_of", "in office as of: YYYY[-MM[-DD]]"),
    ),
    "event": (
        ("title", "what happened, your words"),
        ("date", "YYYY[-MM[-DD]]"),
        ("people", "who, separated by commas"),
        ("bodies", "which bodies"),
        ("summary", "a sentence, your words"),
    ),
    "relation": (
        ("person", "who"),
        ("type", "replaced, replaced_by, close_to, relative_of…"),
        ("target", "whom (a person or body)"),
    ),
    "disagreement": (
        ("subject", "about whom or what: a person, body or event"),
        ("reading", "what this selection says"),
        ("other_reading", "what the other source says"),
        ("other_source", "the other source's id"),
        ("other_quote", "its exact words"),
        ("summary", "the disagreement"),
    ),
}
NAMED_BY_SELECTION = {"alias": "name", "person": "name", "body": "name"}


class FactForm(ModalScreen[tuple[str, dict[str, Any]] | None]):
    """Asks for a fact's kind and fields; dismissed with them, or None when cancelled."""

    DEFAULT_CSS = """
    FactForm { align: center middle; }
    FactForm > Vertical {
        width: 80%; max-width: 100; height: 80%; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    FactForm #fact-quote { color: $text-muted; height: auto; margin-bottom: 1; }
    FactForm #fact-fields { height: 1fr; }
    FactForm #fact-hint { color: $text-muted; height: auto; }
    FactForm #fact-problem { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="fact-cancel"),
        Binding("ctrl+s", "keep", "Add", tooltip="Add the fact", id="fact-add"),
    ]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("A fact citing", classes="title")
            shown = self.quote if len(self.quote) <= 300 else self.quote[:300] + "…"
            yield Static(data_text(f"“{shown}”"), id="fact-quote")
            yield Select(
                [(kind, kind) for kind in FIELDS], prompt="what kind of fact", id="fact-kind"
            )
            yield VerticalScroll(id="fact-fields")
            yield Static("Enter on the last field (or Ctrl+S) adds it.", id="fact-hint")
            yield Static("", id="fact-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one("#fact-kind").focus()

    @property
    def kind(self) -> str | None:
        """The kind chosen, if any."""
        value = self.query_one("#fact-kind", Select).value
        return value if isinstance(value, str) else None

    @on(Select.Changed, "#fact-kind")
    async def _kind_chosen(self) -> None:
        fields = self.query_one("#fact-fields", VerticalScroll)
        await fields.remove_children()
        kind = self.kind
        if kind is None:
            return
        named = NAMED_BY_SELECTION.get(kind)
        inputs = [
            Input(
                self.quote if name == named else "",
                placeholder=f"{name}: {hint}",
                id=f"fact-{name}",
            )
            for name, hint in FIELDS[kind]
        ]
        await fields.mount_all(inputs)
        inputs[0].focus()

    @on(Input.Submitted)
    def _next_or_keep(self, event: Input.Submitted) -> None:
        inputs = list(self.query_one("#fact-fields").query(Input))
        at = inputs.index(event.input) if event.input in inputs else -1
        if 0 <= at < len(inputs) - 1:
            inputs[at + 1].focus()
        else:
            self.action_keep()

    def values(self) -> dict[str, str]:
        """The fields filled in, by name."""
        return {
            (field.id or "").removeprefix("fact-"): field.value.strip()
            for field in self.query_one("#fact-fields").query(Input)
            if field.value.strip()
        }

    def action_keep(self) -> None:
        """Hand the fact back (the explorer validates it, then writes it)."""
        kind = self.kind
        if kind is None:
            self.query_one("#fact-problem", Static).update("Choose what kind of fact first.")
            return
        self.dismiss((kind, self.values()))

    def action_cancel(self) -> None:
        """Drop the fact."""
        self.dismiss(None)
