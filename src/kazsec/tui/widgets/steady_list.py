"""An option list whose scrollbar always shows where the list is scrolled."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import OptionList


def keep_thumb_in_step(widget: Widget, shown: bool) -> None:
    """Put a scrollbar that has just appeared at the widget's scroll position.

    Textual moves the thumb with the scroll only while the scrollbar is shown: a list cleared
    to its top while too short for a scrollbar kept the thumb of its last scroll once it grew
    again, drawing a list scrolled down that was not (and which of the two a snapshot caught
    depended on the machine's speed).
    """
    if shown:
        widget.vertical_scrollbar.position = widget.scroll_y


class SteadyOptionList(OptionList):
    """An `OptionList` refilled as the user types, its thumb in step with its scroll."""

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        keep_thumb_in_step(self, shown)
