"""A list that draws only the rows on screen: 10,000 rows scroll, filter and open at once.

Each line is a row (a `ListRow`, opened with Enter or a click) or a heading (a group's
name, or a note such as "no match"), one line each; a line is turned into text only when
it is drawn, so showing 10,000 rows costs one list of references.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from kazsec.render.lists import dim_line, list_row_text
from kazsec.tui.widgets.steady_list import keep_thumb_in_step

if TYPE_CHECKING:
    from kazsec.library import ListRow


class VirtualList(ScrollView, can_focus=True):
    """Rows under group headings; a cursor, paging keys, Enter or a click opens a row."""

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        overflow-x: hidden;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        & > .virtual-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-list--heading { color: $text-disabled; }
        & > .virtual-list--hover { background: $block-hover-background; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--row",
        "virtual-list--heading",
        "virtual-list--highlighted",
        "virtual-list--hover",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "Next row", show=False, id="list-down"),
        Binding("up", "cursor(-1)", "Previous row", show=False, id="list-up"),
        Binding("pagedown", "page(1)", "A page down", show=False, id="list-page-down"),
        Binding("pageup", "page(-1)", "A page up", show=False, id="list-page-up"),
        Binding("home", "first", "First row", show=False, id="list-first"),
        Binding("end", "last", "Last row", show=False, id="list-last"),
        Binding("enter", "open", "Open the highlighted row", show=False, id="list-open"),
    ]

    highlighted: reactive[int | None] = reactive(None)  # the cursor's line, never a heading
    _hover: reactive[int | None] = reactive(None)  # the line under the mouse

    class RowOpened(Message):
        """A row was opened (Enter, or a click)."""

        def __init__(self, virtual_list: VirtualList, row: ListRow) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.row = row

        @property
        def control(self) -> VirtualList:
            """The list the row belongs to (for `@on(..., selector)`)."""
            return self.virtual_list

    def __init__(self, rows: Sequence[ListRow] = (), empty: str = "no match", **kwargs: object):
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.empty = empty  # the note shown when there is no row
        self._lines: list[ListRow | str] = []
        self._line_of: dict[str, int] | None = None  # entity id -> line, made when first asked
        # Strips of the lines drawn lately, by line, look and width: scrolling back is free.
        self._strips: LRUCache[tuple[ListRow | str, Style, int], Strip] = LRUCache(1024)
        self._set_lines(rows)
        self.highlighted = self._next_row(0, 1)

    # -- contents -----------------------------------------------------------------------

    def show_rows(self, rows: Sequence[ListRow]) -> None:
        """Show these rows (a heading where a new group begins); the cursor on the first."""
        self._set_lines(rows)
        self._hover = None
        self._update_virtual_size()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.highlighted = self._next_row(0, 1)
        self.refresh()

    def _set_lines(self, rows: Sequence[ListRow]) -> None:
        lines: list[ListRow | str] = []
        group = None
        for row in rows:
            if row.group and row.group != group:
                lines.append(row.group)
                group = row.group
            lines.append(row)
        self._lines = lines or [self.empty]
        self._line_of = None

    @property
    def lines(self) -> Sequence[ListRow | str]:
        """Every line, rows and headings, in order."""
        return self._lines

    @property
    def highlighted_row(self) -> ListRow | None:
        """The row under the cursor, if any."""
        line = self.highlighted
        return None if line is None else self._row_at(line)

    def line_of(self, entity_id: str) -> int | None:
        """The line showing an entity's row, None if it is not shown."""
        if self._line_of is None:
            self._line_of = {}
            for n, line in enumerate(self._lines):
                if not isinstance(line, str):
                    self._line_of.setdefault(line.entity_id, n)  # a row shown twice: the first
        return self._line_of.get(entity_id)

    def _row_at(self, line: int) -> ListRow | None:
        item = self._lines[line] if 0 <= line < len(self._lines) else None
        return None if item is None or isinstance(item, str) else item

    def _next_row(self, start: int, step: int) -> int | None:
        """The first row's line from `start` on in the direction of `step` (headings skipped)."""
        line = start
        while 0 <= line < len(self._lines):
            if not isinstance(self._lines[line], str):
                return line
            line += 1 if step > 0 else -1
        return None

    # -- drawing ------------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._lines))
        old = self.virtual_size
        if size == old:
            return
        room = self.container_size.height
        if size.width == old.width and (size.height > room) == (old.height > room):
            # The scrollbar stays (or stays away): only its thumb changes. Setting the
            # reactive would lay out the whole screen again on every filter keystroke.
            self.set_reactive(VirtualList.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    def on_resize(self) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def on_show(self) -> None:
        self._scroll_to_cursor()  # a list in a tab that was hidden had no height to scroll in

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme, or focus gained or lost: the same lines look new

    def render_line(self, y: int) -> Strip:
        """Draw the line at row `y` of the widget (only lines on screen are ever drawn)."""
        number = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, self.get_visual_style("virtual-list--row").rich_style)
        line = self._lines[number]
        if isinstance(line, str):
            look = "virtual-list--heading"
        elif number == self.highlighted:
            look = "virtual-list--highlighted"
        elif number == self._hover:
            look = "virtual-list--hover"
        else:
            look = "virtual-list--row"
        style = self.get_visual_style("virtual-list--row", look)
        key = (line, style, width)
        strip = self._strips.get(key)
        if strip is None:
            # Rich renders one line of text several times faster than Textual's Visual path,
            # and a filter keystroke redraws every line on screen.
            text = dim_line(line) if isinstance(line, str) else list_row_text(line)
            text.truncate(width, overflow="ellipsis", pad=True)
            console = self.app.console
            # Text.render leaves the text's own style (a heading's dim) to its caller.
            base = style.rich_style + console.get_style(text.style, default=RichStyle.null())
            segments = Segment.apply_style(text.render(console), base)
            strip = Strip(segments).crop_extend(0, width, style.rich_style)
            self._strips[key] = strip
        return strip

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for line in (old, new):
            if line is not None:
                self.refresh_line(line)
        self._scroll_to_cursor()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        keep_thumb_in_step(self, shown)  # a list filtered while short and then grown again

    def watch__hover(self, old: int | None, new: int | None) -> None:
        for line in (old, new):
            if line is not None:
                self.refresh_line(line)

    def _scroll_to_cursor(self) -> None:
        line = self.highlighted
        if line is None or not self.is_mounted or not self.scrollable_content_region:
            return
        self.scroll_to_region(
            Region(0, line, self.scrollable_content_region.width, 1),
            animate=False,
            force=True,
            immediate=True,
        )

    # -- keys and mouse -----------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        """Move the cursor to the next (1) or the previous (-1) row."""
        if self.highlighted is None:
            self.action_first()
            return
        found = self._next_row(self.highlighted + step, step)
        if found is not None:
            self.highlighted = found

    def action_page(self, step: int) -> None:
        """Move the cursor a screenful down (1) or up (-1)."""
        if self.highlighted is None:
            self.action_first()
            return
        height = max(1, self.scrollable_content_region.height - 1)
        target = max(0, min(len(self._lines) - 1, self.highlighted + step * height))
        found = self._next_row(target, step)
        if found is None:  # only headings beyond: the nearest row back towards the cursor
            found = self._next_row(target, -step)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        """Move the cursor to the first row."""
        self.highlighted = self._next_row(0, 1)

    def action_last(self) -> None:
        """Move the cursor to the last row."""
        self.highlighted = self._next_row(len(self._lines) - 1, -1)

    def action_open(self) -> None:
        """Open the highlighted row."""
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.RowOpened(self, row))

    def _line_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + round(self.scroll_offset.y)
        return line if 0 <= line < len(self._lines) else None

    def on_click(self, event: events.Click) -> None:
        line = self._line_at(event)
        if line is not None and self._row_at(line) is not None:
            self.highlighted = line
            self.action_open()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._line_at(event)

    def on_leave(self) -> None:
        self._hover = None
