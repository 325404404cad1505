"""The one read model the CLI and the TUI share: lookups, dossiers, facts, mentions, lists.

Dossiers and facts are imported when first asked for: `kazsec search` never needs them.
"""

from typing import TYPE_CHECKING, Any

from kazsec.library.mentions import MentionTally
from kazsec.library.read_model import EntityView, Library, ListRow, Reading

if TYPE_CHECKING:
    from kazsec.library.facts import FactRow


def __getattr__(name: str) -> Any:
    if name == "FactRow":
        from kazsec.library.facts import FactRow

        return FactRow
    raise AttributeError(name)


__all__ = ["EntityView", "FactRow", "Library", "ListRow", "MentionTally", "Reading"]
