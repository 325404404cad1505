"""The one read model the CLI and the TUI share: lookups, dossiers, facts, mentions, lists."""

from kazsec.library.facts import FactRow
from kazsec.library.mentions import MentionTally
from kazsec.library.read_model import EntityView, Library, ListRow, Reading

__all__ = ["EntityView", "FactRow", "Library", "ListRow", "MentionTally", "Reading"]
