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
TABS = (
    ("people", "People", "filter people"),
    ("agencies", "Agencies", "filter bodies"),
    ("timeline", "Timeline", "filter by person, body or words"),
    ("sources", "Sources", "filter sources"),
)


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
    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", show=False, id="clear-filter")]

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
        shown: list[Option] = [RowOption(self.rows[n]) for n in indexes[:MAX_SHOWN]]
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

    @on(Input.Changed, ".list-filter")
    def _filter(self, event: Input.Changed) -> None:
        if shown_inert(event.input):
            return
        matching = self.matching(event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(matching))
        options.highlighted = 0 if matching else None

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
        self.query_one(Input).value = ""


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
                with TabPane(f"{title} {len(rows)}", id=f"tab-{key}"):
                    yield EntityList(rows, placeholder, self.matchers.get(key), id=f"list-{key}")

    def show_tab(self, key: str) -> None:
        """Switch to a tab and focus its list."""
        if self.lists is None:
            return
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.query_one(f"#list-{key} OptionList").focus()
