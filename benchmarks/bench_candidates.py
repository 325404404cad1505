"""New-name candidates (kb.candidates.find_candidates) on a synthetic corpus.

Passages of about 400 characters (seeded, so every run sees the same text) mix sentences in
Russian, Kazakh, Ukrainian and English naming unknown people (made from the syllables of
synthetic_names, so most names are new to every cache), known people and bodies from the
bundled knowledge base, new bodies, and filler. Timed in CPU seconds, best of the rounds:
  - link: the Linker alone over the same passages (find_candidates calls it; apart here);
  - candidates: find_candidates over all passages, first round (cold caches) and best;
  - own: candidates minus link, the detection's own cost.
Prints one JSON line.
    python benchmarks/bench_candidates.py [--passages 10000] [--rounds 2] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import GIVEN, SURNAME_ROOTS

from kazsec.build.compile import repair_all_sources
from kazsec.kb.anchor import SourceText
from kazsec.kb.candidates import find_candidates, tally
from kazsec.kb.loader import load_knowledge_base
from kazsec.kb.mentions import Linker

DATA = Path(__file__).resolve().parent.parent / "data"
PER_SOURCE = 40
SENTENCES = (
    "Вчера {g} {s}ов встретился с генералом {s}енко в Астане.",
    "Позже {s}ову предъявили обвинение, а Министерство цифрового развития промолчало.",
    "Арест Карима Масимова стал неожиданностью для КНБ.",
    "In March, {g} {s}ov told reporters that General {s}enko had met Karim Massimov.",
    "The Agency for Civil Service Affairs declined to comment on the case.",
    "Бүгін Ақпарат министрлігі мәлімдеді: {g} {s}ов ҰҚК төрағасы болып тағайындалды.",
    "Іван {s}енко, голова Служби безпеки України, повідомив, що К. К. {s}ов звільнений.",
    "The report was published in the spring and widely discussed by analysts.",
    "Согласно официальным данным, число дел сократилось на треть.",
    "Most of the meetings took place in the capital, a few in Almaty.",
)


def corpus(count: int, seed: int) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    passages = []
    for number in range(count):
        text = ""
        while len(text) < 380:
            given = rnd.choice(GIVEN)
            root = rnd.choice(SURNAME_ROOTS) + rnd.choice(("", "ан", "ер", "ай", "ик"))
            text += rnd.choice(SENTENCES).format(g=given, s=root) + " "
        source = f"s{number // PER_SOURCE}"
        passages.append({"id": f"{source}/p{number}", "source": source, "start": 0, "text": text})
    return passages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sources = {
        r.meta.id: SourceText(
            r.repaired_text, [p.start for p in r.passages], [p.id for p in r.passages]
        )
        for r in repair_all_sources(DATA)
    }
    kb = load_knowledge_base(DATA, sources)
    linker = Linker(kb.people, kb.agencies)
    passages = corpus(args.passages, args.seed)
    by_source: dict[str, list[dict[str, Any]]] = {}
    for passage in passages:
        by_source.setdefault(passage["source"], []).append(passage)
    link, candidates, found = [], [], []
    for _ in range(args.rounds):
        started = time.process_time()
        found = find_candidates(passages, linker)
        candidates.append(time.process_time() - started)
        started = time.process_time()
        for group in by_source.values():
            linker.link(group)
        link.append(time.process_time() - started)
    figures = {
        "passages": len(passages),
        "chars_per_passage": round(sum(len(p["text"]) for p in passages) / len(passages)),
        "mentions": len(found),
        "candidates": len(tally(found)),
        "link_s": round(min(link), 2),
        "candidates_first_s": round(candidates[0], 2),
        "candidates_best_s": round(min(candidates), 2),
        "own_best_s": round(min(candidates) - min(link), 2),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
