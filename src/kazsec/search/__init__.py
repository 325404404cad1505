"""Transliteration-aware search over names, event titles, sources and passage text."""

from kazsec.search.index import Entry, NameIndex, SearchResult
from kazsec.search.engine import SearchEngine

__all__ = ["Entry", "NameIndex", "SearchEngine", "SearchResult"]
