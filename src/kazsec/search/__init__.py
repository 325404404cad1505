"""Transliteration-aware search over names, event titles, sources and passage text."""

from kazsec.search.engine import SearchEngine
from kazsec.search.index import Entry, NameIndex, SearchResult

__all__ = ["Entry", "NameIndex", "SearchEngine", "SearchResult"]
