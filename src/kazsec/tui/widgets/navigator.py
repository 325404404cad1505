"""The navigator: People, Agencies, Timeline, Sources and your Notes, each a filterable list
with a count."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static, TabbedContent, TabPane

from kazsec.render.lists import dim_line
from kazsec.tui.messages import EntitySelected
from kazsec.tui.widgets.search_box import shown_inert
from kazsec.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from kazsec.library import ListRow

Matcher = Callable[[str], list[str]]  # a filter text -> ids of the matching items, best first

# Tab labels stay short so that all four show at 80 columns; each list's count is in its filter.
TABS = (
    ("people", "People", "filter {n} people"),
    ("agencies", "Bodies", "filter {n} bodies"),
    ("timeline", "Events", "filter {n} events: person, body, words"),
    ("sources", "Sources", "filter {n} sources"),
    ("notes", "Notes", "filter {n} notes: words, tags"),
)
KIND_TABS = {"person": "people", "agency": "agencies", "event": "timeline", "source": "sources"}


class EntityList(Vertical):
    """A filter box over a list; Enter (or a click) opens the highlighted item."""

    DEFAULT_CSS = """
    EntityList .list-filter { border: none; height: 1; background: $boost; }
    EntityList .entity-list { height: 1fr; border: none; }
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
        Binding("pagedown", "page(1)", "A page down", show=False, id="filter-page-down"),
        Binding("pageup", "page(-1)", "A page up", show=False, id="filter-page-up"),
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
        self._shown_filter = ""  # the filter the list shows the rows of

    def compose(self) -> ComposeResult:
        yield Input(placeholder=self.placeholder, classes="list-filter")
        yield VirtualList(self.rows, classes="entity-list")

    @property
    def rows_list(self) -> VirtualList:
        """The list under the filter box."""
        return self.query_one(VirtualList)

    def matching(self, text: str) -> list[int]:
        """Indexes of the rows a filter text keeps: all of them for an empty filter."""
        if not text.strip():
            return list(range(len(self.rows)))
        if self.matcher is not None:
            # Once each, where first found: the timeline's matcher names an event both by
            # its title and through each person or body in it.
            found = dict.fromkeys(self._index[i] for i in self.matcher(text) if i in self._index)
            return list(found)
        from kazsec.names import fold_key  # loaded with the library, after the first frame

        wanted = fold_key(text).split()
        return [n for n, row in enumerate(self.rows) if all(w in row.keys for w in wanted)]

    def show_all(self) -> None:
        """Every row again (a cleared filter), at once rather than on the next change event."""
        self._shown_filter = ""
        self.rows_list.show_rows(self.rows)

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        if shown_inert(event.input) or event.value == self._shown_filter:
            # Already shown: a filter cleared by `follow` must not send the cursor it has
            # just placed back to the first row when the change event comes in.
            return
        self._shown_filter = event.value
        rows = self.rows
        self.rows_list.show_rows([rows[n] for n in self.matching(event.value)])

    @on(Input.Submitted, ".list-filter")
    def _submitted(self) -> None:
        self.rows_list.action_open()

    @on(VirtualList.RowOpened, ".entity-list")
    def _opened(self, event: VirtualList.RowOpened) -> None:
        event.stop()
        self.post_message(EntitySelected(event.row.entity_id))

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the list (1-4 switch tabs again there)."""
        self.query_one(Input).value = ""
        self.screen.set_focus(self.rows_list)

    def action_move(self, step: int) -> None:
        """Move through the list while typing in its filter."""
        self.rows_list.action_cursor(step)

    def action_page(self, step: int) -> None:
        """Page through the list while typing in its filter."""
        self.rows_list.action_page(step)

    def select(self, entity_id: str) -> bool:
        """Highlight an entity's row (without taking the focus); False if it is not shown."""
        rows_list = self.rows_list
        line = rows_list.line_of(entity_id)
        if line is None:
            return False
        rows_list.highlighted = line
        return True


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
        self.query_one(f"#list-{key}", EntityList).rows_list.focus()
