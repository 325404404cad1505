"""The navigator: People, Agencies, Timeline and Sources, each a filterable list with a count."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from kazsec.render.lists import dim_line, list_row_text
from kazsec.tui.messages import EntitySelected
from kazsec.tui.widgets.search_box import shown_inert

if TYPE_CHECKING:
    from kazsec.library import ListRow

Matcher = Callable[[str], list[str]]  # a filter text -> ids of the matching items, best first

MAX_SHOWN = 500  # rows in a list at once; a filter narrows the rest (10k people stay instant)
# Tab labels stay short so that all four show at 80 columns; each list's count is in its filter.
TABS = (
    ("people", "People", "filter {n} people"),
    ("agencies", "Bodies", "filter {n} bodies"),
    ("timeline", "Events", "filter {n} events: person, body, words"),
    ("sources", "Sources", "filter {n} sources"),
)
KIND_TABS = {"person": "people", "agency": "agencies", "event": "timeline", "source": "sources"}


class RowOption(Option):
    """A list row, carrying the row it shows."""

    def __init__(self, row: ListRow) -> None:
        super().__init__(list_row_text(row))
        self.row = row


class EntityList(Vertical):
    """A filter box over a list; Enter (or a click) opens the highlighted item."""

    DEFAULT_CSS = """
    EntityList .list-filter { border: none; height: 1; background: $boost; }
    EntityList .entity-list {
        height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """
    BINDINGS = [
        Binding(
            "escape",
            "clear_filter",
            "Clear filter, back to the list",
            show=False,
            id="clear-filter",
        ),
        Binding("down", "move(1)", "Next row", show=False, id="filter-down"),
        Binding("up", "move(-1)", "Previous row", show=False, id="filter-up"),
    ]

    def __init__(
        self,
        rows: list[ListRow],
        placeholder: str,
        matcher: Matcher | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows = rows
        self.placeholder = placeholder
        self.matcher = matcher
        self._index = {row.entity_id: n for n, row in enumerate(rows)}

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="list-filter")
        yield OptionList(*self._options(list(range(len(self.rows)))), classes="entity-list")

    def _options(self, indexes: list[int]) -> list[Option]:
        shown: list[Option] = []
        group = None
        for n in indexes[:MAX_SHOWN]:
            row = self.rows[n]
            if row.group and row.group != group:  # a heading where a new group begins
                shown.append(Option(dim_line(row.group), disabled=True))
                group = row.group
            shown.append(RowOption(row))
        if not indexes:
            shown.append(Option(dim_line("no match"), disabled=True))
        if len(indexes) > MAX_SHOWN:
            more = f"… {len(indexes) - MAX_SHOWN} more: type above to narrow"
            shown.append(Option(dim_line(more), disabled=True))
        return shown

    def matching(self, text: str) -> list[int]:
        """Indexes of the rows a filter text keeps: all of them for an empty filter."""
        if not text.strip():
            return list(range(len(self.rows)))
        if self.matcher is not None:
            return [self._index[i] for i in self.matcher(text) if i in self._index]
        from kazsec.names import fold_key  # loaded with the library, after the first frame

        wanted = fold_key(text).split()
        return [n for n, row in enumerate(self.rows) if all(w in row.keys for w in wanted)]

    def show_all(self) -> None:
        """Every row again (a cleared filter), at once rather than on the next change event."""
        self._show(list(range(len(self.rows))))

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        if shown_inert(event.input):
            return
        self._show(self.matching(event.value))

    def _show(self, matching: list[int]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(matching))
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.highlighted = first

    @on(Input.Submitted, ".list-filter")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, ".entity-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option)

    def _open(self, option: Option) -> None:
        if isinstance(option, RowOption):
            self.post_message(EntitySelected(option.row.entity_id))

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the list (1-4 switch tabs again there)."""
        self.query_one(Input).value = ""
        self.screen.set_focus(self.query_one(OptionList))

    def action_move(self, step: int) -> None:
        """Move through the list while typing in its filter."""
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def select(self, entity_id: str) -> bool:
        """Highlight an entity's row (without taking the focus); False if it is not shown."""
        options = self.query_one(OptionList)
        for index, option in enumerate(options.options):
            if isinstance(option, RowOption) and option.row.entity_id == entity_id:
                options.highlighted = index
                return True
        return False


class Navigator(Vertical):
    """Tabs of lists; numbers 1-4 switch tabs from anywhere."""

    DEFAULT_CSS = """
    Navigator #navigator-tabs { height: 1fr; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lists: dict[str, list[ListRow]] | None = None  # None until the store has loaded
        self.matchers: dict[str, Matcher] = {}

    async def fill(self, lists: dict[str, list[ListRow]], matchers: dict[str, Matcher]) -> None:
        """Show these lists, filtered by these matchers (a list without one filters by words)."""
        self.lists, self.matchers = lists, matchers
        await self.recompose()

    def compose(self) -> ComposeResult:
        if self.lists is None:
            # The tabs are built with their rows once the store has loaded: four lists and
            # their filters are a third of the first frame's widgets, and show nothing yet.
            yield Static(
                dim_line("Loading people, bodies, events and sources…"), id="navigator-loading"
            )
            return
        with TabbedContent(id="navigator-tabs"):
            for key, title, placeholder in TABS:
                rows = self.lists[key]
                with TabPane(title, id=f"tab-{key}"):
                    filter_hint = placeholder.format(n=len(rows))
                    yield EntityList(rows, filter_hint, self.matchers.get(key), id=f"list-{key}")

    def follow(self, kind: str, entity_id: str) -> None:
        """Show the tab of what was opened, its row highlighted (the focus stays where it is).

        A filter that hides the row is cleared first."""
        if self.lists is None or kind not in KIND_TABS:
            return
        key = KIND_TABS[kind]
        self.query_one(TabbedContent).active = f"tab-{key}"
        entity_list = self.query_one(f"#list-{key}", EntityList)
        if not entity_list.select(entity_id):
            entity_list.query_one(Input).value = ""
            entity_list.show_all()
            entity_list.select(entity_id)

    def show_tab(self, key: str) -> None:
        """Switch to a tab and focus its list."""
        if self.lists is None:
            return
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.query_one(f"#list-{key} OptionList").focus()
