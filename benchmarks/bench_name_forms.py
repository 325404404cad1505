"""Recall of the names-in-every-language query set on the bundled store, by kind.

The set is tests/test_search_languages.py's (case forms, European spellings, order and
parts, wrong layout, bodies); the figures are those its test asserts (>= 97% first, 100% in
the top 5), printed as JSON lines, one per kind and one for all.

    python benchmarks/bench_name_forms.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    """Build the bundled store in a temporary folder and rank every query of the set."""
    import test_search_languages as forms

    from kazsec.build.compile import build_store
    from kazsec.paths import data_dir
    from kazsec.search import SearchEngine
    from kazsec.store import Store

    kinds = {
        "case forms": forms.CASE_FORMS,
        "spellings": forms.SPELLINGS,
        "order and parts": forms.ORDER_AND_PARTS,
        "wrong layout": forms.WRONG_LAYOUT,
        "bodies": forms.BODIES,
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kazsec.json"
        build_store(data_dir(), path)
        engine = SearchEngine.from_store(Store.open(path))
        totals = [0, 0, 0]
        for kind, queries in kinds.items():
            first = top5 = 0
            for query, wanted in queries:
                ranked = [r.id for r in engine.search(query, types={"person", "agency"}, limit=5)]
                first += ranked[:1] == [wanted]
                top5 += wanted in ranked
            totals = [totals[0] + len(queries), totals[1] + first, totals[2] + top5]
            print(json.dumps({"kind": kind, "queries": len(queries), "first": first, "top5": top5}))
        count, first, top5 = totals
        print(
            json.dumps(
                {
                    "kind": "all",
                    "queries": count,
                    "first": first,
                    "top5": top5,
                    "first_share": round(first / count, 3),
                    "top5_share": round(top5 / count, 3),
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
