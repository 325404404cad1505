"""Full-text lookups in a corpus: its vocabulary of folded terms and FTS5 matches.

Passages are indexed by their folded keys (kazsec.names.fold), so a query folded the
same way reaches 'Massimov', 'Масимов' and 'Мәсімов' alike. The search layer decides
which terms a query stands for; this module only asks SQLite.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Any

from kazsec.errors import StoreError
from kazsec.store.corpus import Corpus


def quoted(term: str) -> str:
    """A term as an FTS5 string: never read as an operator (AND, NEAR) or a column name."""
    return '"' + term.replace('"', '""') + '"'


def any_of(terms: list[str]) -> str:
    """An FTS5 expression matching any of the terms."""
    return "(" + " OR ".join(quoted(t) for t in terms) + ")"


class FullText:
    """The vocabulary and the index of one corpus generation."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._by_length = lru_cache(maxsize=64)(self._terms_of_length)

    def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        try:
            return self.corpus.connection.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"corpus {self.corpus.path} is unusable ({exc})") from None

    def known(self, terms: list[str]) -> set[str]:
        """Which of the terms some passage holds (or held: the vocabulary only grows)."""
        if not terms:
            return set()
        marks = ",".join("?" * len(terms))
        rows = self._rows(f"SELECT term FROM terms WHERE term IN ({marks})", (*terms,))
        return {str(term) for (term,) in rows}

    def starting_with(self, prefix: str, limit: int) -> list[str]:
        """Terms that begin with `prefix`, in order, at most `limit`."""
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = self._rows(
            "SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
            (prefix, end, limit),
        )
        return [str(term) for (term,) in rows]

    def _terms_of_length(self, length: int) -> list[str]:
        rows = self._rows("SELECT term FROM terms WHERE length = ?", (length,))
        return [str(term) for (term,) in rows]

    def of_lengths(self, low: int, high: int) -> list[str]:
        """Every term of a length in [low, high] (the pool a mistyped word is compared to)."""
        found: list[str] = []
        for length in range(low, high + 1):
            found += self._by_length(length)
        return found

    def matching(self, expression: str, limit: int, after: int = 0) -> list[tuple[int, str]]:
        """(row, folded key) of this generation's passages matching an FTS5 expression, in
        row order, starting after row `after`."""
        return [
            (int(rowid), str(key))
            for rowid, key in self._rows(
                "SELECT f.rowid, f.key FROM passage_keys f JOIN passages p ON p.rowid = f.rowid "
                "JOIN generation_units g ON g.generation = ? AND g.unit = p.unit "
                "WHERE passage_keys MATCH ? AND f.rowid > ? ORDER BY f.rowid LIMIT ?",
                (self.corpus.generation, expression, after, limit),
            )
        ]

    def sources_matching(self, expression: str, limit: int) -> list[tuple[str, str]]:
        """(source id, folded words) of this generation's sources matching an expression,
        best first by FTS5's own ranking."""
        return [
            (str(source), str(key))
            for source, key in self._rows(
                "SELECT u.source, k.key FROM source_keys k JOIN units u ON u.num = k.rowid "
                "JOIN generation_units g ON g.generation = ? AND g.unit = k.rowid "
                "WHERE source_keys MATCH ? ORDER BY k.rank LIMIT ?",
                (self.corpus.generation, expression, limit),
            )
        ]
