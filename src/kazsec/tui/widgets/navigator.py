"""The navigator: People, Agencies, Timeline and Sources, each a filterable list with a count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from kazsec.facts import event_date
from kazsec.names import fold_key
from kazsec.tui.messages import EntitySelected

if TYPE_CHECKING:
    from kazsec.library import Library


@dataclass(frozen=True)
class ListItem:
    """One row of a navigator list: what to show, and what it opens."""

    entity_id: str
    label: str
    note: str = ""  # dim text after the label (a role, a kind)
    date: str = ""  # a date column before the label (the timeline's)
    keys: str = ""  # folded words a simple filter looks in (the timeline's)

    @property
    def prompt(self) -> Text:
        """The row as shown; made only for the rows on display (lists may hold 10k items)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.date:
            text.append(f"{self.date:>11}  ", style="green")
        text.append(self.label)
        if self.note:
            text.append(f"  {self.note}", style="dim")
        return text


Matcher = Callable[[str], list[str]]  # a filter text -> ids of the matching items, best first

MAX_SHOWN = 500  # rows in a list at once; a filter narrows the rest (10k people stay instant)


class EntityList(Vertical):
    """A filter box over a list; Enter (or a click) opens the highlighted item."""

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False)]

    def __init__(self, items: list[ListItem], placeholder: str, matcher: Matcher | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.items = items
        self.placeholder = placeholder
        self.matcher = matcher
        self._index = {item.entity_id: n for n, item in enumerate(items)}

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="list-filter")
        yield OptionList(*self._options(list(range(len(self.items)))), classes="entity-list")

    def _options(self, indexes: list[int]) -> list[Option]:
        shown = [Option(self.items[n].prompt, id=f"item-{n}") for n in indexes[:MAX_SHOWN]]
        if len(indexes) > MAX_SHOWN:
            shown.append(Option(Text(f"… {len(indexes) - MAX_SHOWN} more: type above to narrow", style="dim"), disabled=True))
        return shown

    def matching(self, text: str) -> list[int]:
        """Indexes of the items a filter text keeps: all of them for an empty filter."""
        if not text.strip():
            return list(range(len(self.items)))
        if self.matcher is not None:
            return [self._index[i] for i in self.matcher(text) if i in self._index]
        wanted = fold_key(text).split()
        return [n for n, item in enumerate(self.items) if all(w in item.keys for w in wanted)]

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        matching = self.matching(event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(matching))
        options.highlighted = 0 if matching else None

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


def build_lists(library: Library) -> dict[str, list[ListItem]]:
    """The four navigator lists from a library (built in the loader thread)."""
    people = [ListItem(p["id"], p["name"], p["role"]) for p in library.people]
    agencies = [ListItem(a["id"], a["name"], a["kind"]) for a in library.agencies]
    timeline = [
        ListItem(
            e["id"],
            e["title"],
            date=event_date(e) if e["date"] else "undated",
            # The timeline filters by person or body as well as by words of the title.
            keys=" ".join(fold_key(v) for v in (e["title"], *(library.names.get(i, i) for i in e["people"] + e["bodies"]))),
        )
        for e in library.events
    ]
    sources = [ListItem(s["id"], library.source_label(s["id"]), f"{s['passage_count']} passages") for s in library.sources.values()]
    return {"people": people, "agencies": agencies, "timeline": timeline, "sources": sources}


def search_matcher(library: Library, kind: str) -> Matcher:
    """A list filter that finds names in any spelling or script, as the search box does."""

    def match(text: str) -> list[str]:
        return [r.id for r in library.engine.names.search(text, types={kind}, limit=MAX_SHOWN) if r.confident]

    return match


TABS = (("people", "People", "filter people"), ("agencies", "Agencies", "filter bodies"),
        ("timeline", "Timeline", "filter by person, body or words"), ("sources", "Sources", "filter sources"))


class Navigator(Vertical):
    """Tabs of lists; numbers 1-4 switch tabs from anywhere."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lists: dict[str, list[ListItem]] = {key: [] for key, _, _ in TABS}
        self.library: Library | None = None

    def compose(self) -> ComposeResult:
        lists = self.lists
        kinds = {"people": "person", "agencies": "agency", "sources": "source"}
        with TabbedContent(id="navigator-tabs"):
            for key, title, placeholder in TABS:
                matcher = search_matcher(self.library, kinds[key]) if self.library and key in kinds else None
                with TabPane(f"{title} {len(lists[key])}", id=f"tab-{key}"):
                    yield EntityList(lists[key], placeholder, matcher, id=f"list-{key}")

    def show_tab(self, key: str) -> None:
        """Switch to a tab and focus its list."""
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.query_one(f"#list-{key} OptionList").focus()
