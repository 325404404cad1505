"""What the explorer writes into the user's workspace, through the command line's own code:
documents added, notes kept, facts made from a selection, the last fact taken back. Each
returns a line saying what was done and the library as it is afterwards."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kazsec.cli.commands import workspace_for

if TYPE_CHECKING:
    from kazsec.library import Library
    from kazsec.library.selection import Selected
    from kazsec.store import Store


class Researcher:
    """The explorer's writes, for one command line's store and workspace."""

    def __init__(self, args: argparse.Namespace, load: Callable[[], Library]) -> None:
        self.args = args
        self.load = load

    def add(self, paths: list[str]) -> tuple[str, Library]:
        """Add documents to the workspace and build them in."""
        from kazsec.cli.workspace_commands import add_paths, summary

        added = add_paths(self.args, paths)
        return summary(added), self.load()

    def note(self, selected: Selected, text: str, tags: Sequence[str]) -> tuple[str, Library]:
        """Keep a note on the selected words (notes.toml; no rebuild needed)."""
        from kazsec.workspace.notebook import add_note

        workspace = workspace_for(self.args)
        kept = add_note(
            workspace,
            selected.source,
            selected.quote,
            selected.prefix,
            selected.suffix,
            selected.start,
            selected.end,
            text,
            list(tags),
        )
        return f"Note {kept.id} kept in {workspace / 'notes.toml'}", self.load()

    def fact(
        self,
        kind: str,
        fields: Mapping[str, Any],
        citation: Mapping[str, Any],
        store: Store | None = None,
    ) -> tuple[str, Library]:
        """Add a fact citing the selection to the workspace's knowledge base, validated
        first (against the texts of `store`, the one being read, when given), and build it in."""
        from kazsec.cli.workspace_commands import _data_of, _rebuild
        from kazsec.workspace.facts import add_fact

        workspace = workspace_for(self.args)
        data = _data_of(self.args)
        said = add_fact(data, workspace, kind, fields, citation, store=store)
        _rebuild(self.args, data, workspace, {})
        return said, self.load()

    def undo(self) -> tuple[str, Library | None]:
        """Take back the last fact added, and build the store without it."""
        from kazsec.cli.workspace_commands import _data_of, _rebuild
        from kazsec.workspace.facts import undo_last

        workspace = workspace_for(self.args)
        said = undo_last(workspace)
        if said is None:
            return "Nothing to undo: no fact added from a selection yet.", None
        _rebuild(self.args, _data_of(self.args), workspace, {})
        return f"Undone: {said}", self.load()
