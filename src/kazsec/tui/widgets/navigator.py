"""The navigator: People, Agencies, Timeline and Sources, each a filterable list with a count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from kazsec.names import fold_key
from kazsec.tui.messages import EntitySelected

if TYPE_CHECKING:
    from kazsec.library import Library


@dataclass(frozen=True)
class ListItem:
    """One row of a navigator list: what to show, what to match a filter against, what it opens."""

    entity_id: str
    prompt: Text
    keys: str  # folded names and other words the filter looks in


class EntityList(Vertical):
    """A filter box over a list; Enter (or a click) opens the highlighted item."""

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False)]

    def __init__(self, items: list[ListItem], placeholder: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.items = items
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="list-filter")
        yield OptionList(*self._options(self.items), classes="entity-list")

    @staticmethod
    def _options(items: list[ListItem]) -> list[Option]:
        return [Option(item.prompt, id=f"item-{n}") for n, item in enumerate(items)]

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        wanted = fold_key(event.value).split()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(item.prompt, id=f"item-{n}") for n, item in enumerate(self.items) if all(w in item.keys for w in wanted)
        )
        options.highlighted = 0 if options.option_count else None

    @on(Input.Submitted, ".list-filter")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, ".entity-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        if option_id:
            self.post_message(EntitySelected(self.items[int(option_id.removeprefix("item-"))].entity_id))

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""


def _keys(*values: str) -> str:
    return " ".join(fold_key(v) for v in values if v)


def build_lists(library: Library) -> dict[str, list[ListItem]]:
    """The four navigator lists from a library."""
    people = [
        ListItem(p["id"], Text.assemble(p["name"], (f"  {p['role']}", "dim"), no_wrap=True, overflow="ellipsis"),
                 _keys(p["name"], p["native_ru"], p["native_kk"], *(a["name"] for a in p["aliases"]), *p["curator_aliases"]))
        for p in library.people
    ]
    agencies = [
        ListItem(a["id"], Text.assemble(a["name"], (f"  {a['kind']}", "dim"), no_wrap=True, overflow="ellipsis"),
                 _keys(a["name"], a["native_ru"], a["native_kk"], *(x["name"] for x in a["aliases"]), *a["curator_aliases"]))
        for a in library.agencies
    ]
    timeline = [
        ListItem(
            e["id"],
            Text.assemble((f"{library.event_date(e) if e['date'] else 'undated':>11}  ", "green"), e["title"], no_wrap=True, overflow="ellipsis"),
            # The timeline filters by person or body as well as by words of the title.
            _keys(e["title"], *(library.names.get(i, i) for i in e["people"] + e["bodies"])),
        )
        for e in library.events
    ]
    sources = [
        ListItem(s["id"], Text.assemble(library.source_label(s["id"]), (f"  {s['passage_count']} passages", "dim"), no_wrap=True, overflow="ellipsis"),
                 _keys(s["id"], s["title"], s["publisher"]))
        for s in library.sources.values()
    ]
    return {"people": people, "agencies": agencies, "timeline": timeline, "sources": sources}


TABS = (("people", "People", "filter people"), ("agencies", "Agencies", "filter bodies"),
        ("timeline", "Timeline", "filter by person, body or words"), ("sources", "Sources", "filter sources"))


class Navigator(Vertical):
    """Tabs of lists; numbers 1-4 switch tabs from anywhere."""

    def __init__(self, library: Library | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.library = library

    def compose(self) -> ComposeResult:
        lists = build_lists(self.library) if self.library else {key: [] for key, _, _ in TABS}
        with TabbedContent(id="navigator-tabs"):
            for key, title, placeholder in TABS:
                with TabPane(f"{title} {len(lists[key])}", id=f"tab-{key}"):
                    yield EntityList(lists[key], placeholder, id=f"list-{key}")

    def show_tab(self, key: str) -> None:
        """Switch to a tab and focus its list."""
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.query_one(f"#list-{key} OptionList").focus()
