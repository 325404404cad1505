"""The name index's rankings stay as they were unless a change means to move them.

Speed work on search (issue: p99 under 16 ms at 100k aliases) must leave every ranking
alone. This records, for the benchmark's balanced query set on two small synthetic alias
sets (3,000 aliases: every key also scanned with plain fuzzy; 5,000: candidates from the
postings only, as at 100k), each query's ranked entities with their scores, in every
search mode, and checks them against tests/fixtures/ranking_stable.json.

A change that means to move rankings rewrites the fixture and shows the moves in its diff:
    PYTHONPATH=src python tests/test_search_ranking_stable.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic_names import alias_set, balanced_queries

from kazsec.search import Entry, NameIndex
from kazsec.search.readings import SEARCH_MODES

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ranking_stable.json"
SIZES = (3_000, 5_000)
PER_KIND = 10
# Beyond the balanced set: the wrong keyboard layout, case forms, initials, typing.
EXTRA = (
    "Cfubv,ftd",
    "Vfcbvjd",
    "Масимова",
    "Jermekbajewa",
    "nazarbaeva d",
    "K. Massimov",
    "kasimJo",
    "Alekseveič",
    "о Кариме Масимове",
    "Nur",
)


def rankings(size: int) -> dict[str, str]:
    """For each mode and query: the ranked entities and scores, one line per result."""
    pairs = alias_set(size)
    index = NameIndex(Entry("person", entity, entity, alias) for entity, alias in pairs)
    texts = [query.text for query in balanced_queries(pairs, PER_KIND)] + list(EXTRA)
    found: dict[str, str] = {}
    for mode in SEARCH_MODES:
        for text in texts:
            results = index.search(text, limit=20, mode=mode)
            found[f"{size}|{mode}|{text}"] = "\n".join(
                f"{r.id}\t{r.score:.4f}\t{r.confident}" for r in results
            )
    return found


def digest(ranked: str) -> str:
    return hashlib.sha256(ranked.encode("utf-8")).hexdigest()[:16]


def current() -> dict[str, dict[str, str]]:
    """Each query's digest of its ranking, and its first entity to read by eye."""
    out: dict[str, dict[str, str]] = {}
    for size in SIZES:
        for key, ranked in rankings(size).items():
            top = [line.split("\t")[0] for line in ranked.splitlines()[:1]]
            out[key] = {"digest": digest(ranked), "top": " | ".join(top)}
    return out


@pytest.fixture(scope="module")
def now() -> dict[str, dict[str, str]]:
    return current()


def test_rankings_are_as_recorded(now: dict[str, dict[str, str]]) -> None:
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(recorded)
    moved = [key for key in recorded if recorded[key] != now[key]]
    assert not moved, "rankings moved (rewrite the fixture if meant): " + "; ".join(
        f"{key}: {recorded[key]['top']} -> {now[key]['top']}" for key in moved[:10]
    )


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    FIXTURE.write_text(
        json.dumps(current(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
