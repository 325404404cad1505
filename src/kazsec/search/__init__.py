"""Transliteration-aware search over names, event titles, sources and passage text."""

from kazsec.search.engine import SearchEngine
from kazsec.search.index import NameIndex
from kazsec.search.results import Entry, SearchResult

__all__ = ["Entry", "NameIndex", "SearchEngine", "SearchResult"]
