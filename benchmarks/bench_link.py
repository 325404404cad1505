"""Mention linking and name folding per passage, on a dense synthetic corpus.

The corpus is made (seeded, so every run sees the same text) from the bundled knowledge
base: passages of about 400 characters, each a run of sentences, most of which name known
people and bodies as the sources do (the curated name, the Russian name, cited aliases, a
bare surname, initials, 'President X', 'X, the NSC Chairman,'), mixed with plain filler
sentences; about one passage in five is filler only. Passages are grouped into sources of
PER_SOURCE passages, as the build links them.

Timed source by source, each in turn and each round over again (a source's best round
counts), so that other work on a shared machine weighs as little as it can:
  - link: Linker.link of the source (the Linker is built once, outside the clock; its build
    time is printed apart). On a checkout older than Linker, link_mentions of the source,
    its one-off compile likewise done once outside the clock (see linker_for);
  - fold: fold_key of every passage (the very first pass, with its caches still filling, is
    printed apart as fold_first_pass);
  - reference: re.finditer(r"\\w+", text) run through over every passage: a floor measured
    in the same run, so that figures from machines or loads that differ can be compared.
The same for the bundled sources' own passages. Prints one JSON line per measurement and
corpus: µs per passage, the reference, and the ratio.
    python benchmarks/bench_link.py [--passages 3000] [--rounds 7] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kazsec.build.compile import repair_all_sources
from kazsec.kb.anchor import SourceText
from kazsec.kb.loader import load_knowledge_base
from kazsec.kb.mentions import link_mentions
from kazsec.names import fold_key

DATA = Path(__file__).resolve().parent.parent / "data"
PER_SOURCE = 40
PASSAGE_CHARS = 400

Record = dict[str, Any]

FILLER = (
    "The report was published in the spring and widely discussed by analysts.",
    "Several observers noted that the reform had been prepared for years.",
    "In the regions the new rules were applied unevenly and with some delay.",
    "The budget for the coming year was approved after a long debate.",
    "Little is known about how the decision was taken behind closed doors.",
    "Critics argued that the changes concentrated power in fewer hands.",
    "According to official figures, the number of cases fell by a third.",
    "The document runs to forty pages and lists the duties of each department.",
    "Most of the meetings took place in the capital, a few in Almaty.",
    "It remains unclear whether the measures will outlast the crisis.",
    "Согласно официальным данным, число дел сократилось на треть.",
    "Документ состоит из сорока страниц и перечисляет обязанности ведомств.",
)
PERSON_SENTENCES = (
    "{p} spoke at the meeting and answered questions from the press.",
    "In a later interview {p} denied any role in the affair.",
    "President {p} signed the decree the same evening.",
    "{p}, the NSC Chairman, said the threat had been overstated.",
    "The former NSC Chairman {p} was arrested in January.",
    "As {p} wrote at the time, the service needed a new mandate.",
    "{p} met {q} twice that year.",
    "{p} заявил, что ситуация находится под контролем.",
    "По словам {p}, решение было принято заранее.",
)
AGENCY_SENTENCES = (
    "The {a} was given new powers over the border guards.",
    "Officers of the {a} took part in the operation.",
    "A spokesman for {a} declined to comment.",
    "The decree placed the {a} under the direct control of the President.",
    "{p} was appointed to head the {a}.",
    "Сотрудники {a} приняли участие в операции.",
)


def knowledge_base() -> tuple[list[Record], list[Record], list[Record]]:
    """The bundled passages, people and bodies, built as `kazsec build` builds them."""
    repaired = repair_all_sources(DATA)
    texts = {
        r.meta.id: SourceText(
            r.repaired_text, [p.start for p in r.passages], [p.id for p in r.passages]
        )
        for r in repaired
    }
    kb = load_knowledge_base(DATA, texts)
    passages = [p.to_record() for r in repaired for p in r.passages]
    return passages, kb.people, kb.agencies


def _names(record: Record) -> list[str]:
    names = [record["name"], record.get("native_ru", ""), *record.get("curator_aliases", [])]
    names += [a["name"] for a in record.get("aliases", [])]
    return [n for n in dict.fromkeys(names) if n]


def person_names(person: Record) -> list[str]:
    """A person as the sources write them: full names, the Russian name, a surname, initials."""
    names = _names(person)
    words = person["name"].split()
    if len(words) >= 2:
        names += [words[-1], f"{words[0][0]}. {words[-1]}"]
    ru = person.get("native_ru", "").split()
    if len(ru) >= 2:
        names.append(ru[-1])
    return names


def corpus(
    people: Sequence[Record], agencies: Sequence[Record], size: int, seed: int
) -> list[Record]:
    """`size` passages of about PASSAGE_CHARS characters, grouped into sources."""
    rng = random.Random(seed)
    person_forms = [person_names(p) for p in people]
    agency_forms = [_names(a) for a in agencies]

    def person() -> str:
        return rng.choice(rng.choice(person_forms))

    def sentence(filler_only: bool) -> str:
        roll = rng.random()
        if filler_only or roll < 0.4:
            return rng.choice(FILLER)
        if roll < 0.75:
            return rng.choice(PERSON_SENTENCES).format(p=person(), q=person())
        agency = rng.choice(rng.choice(agency_forms))
        return rng.choice(AGENCY_SENTENCES).format(a=agency, p=person())

    passages: list[Record] = []
    for n in range(size):
        source = f"bench-{n // PER_SOURCE:05}"
        if n % PER_SOURCE == 0:
            offset = 0
        filler_only = rng.random() < 0.2
        sentences: list[str] = []
        while sum(len(s) + 1 for s in sentences) < PASSAGE_CHARS:
            sentences.append(sentence(filler_only))
        text = " ".join(sentences)
        pid = f"{source}/p{n % PER_SOURCE + 1:03}"
        passages.append({"id": pid, "source": source, "start": offset, "text": text})
        offset += len(text) + 2
    return passages


def by_source(passages: Sequence[Record]) -> list[list[Record]]:
    groups: dict[str, list[Record]] = {}
    for passage in passages:
        groups.setdefault(passage["source"], []).append(passage)
    return list(groups.values())


def reference(passages: Sequence[Record]) -> None:
    for passage in passages:
        for _ in re.finditer(r"\w+", passage["text"]):
            pass


Linking = tuple[Callable[[list[Record]], list[Record]], float, str]  # link, build seconds, api


def linker_for(people: Sequence[Record], agencies: Sequence[Record]) -> Linking:
    """Something that links one source's passages, the seconds it took to make, its name.

    On a checkout older than Linker, link_mentions compiled the forms on every call: there
    its compile is done once, here, and reused (its time returned apart, as the Linker's), so
    that both figures are the work per passage."""
    from kazsec.kb import mentions

    started = time.perf_counter()
    if hasattr(mentions, "Linker"):
        linker = mentions.Linker(people, agencies)
        return linker.link, time.perf_counter() - started, "Linker"
    forms = mentions.collect_forms(people, agencies)
    matcher = mentions.compile_matcher(forms.owners)
    built = time.perf_counter() - started
    mentions.collect_forms = lambda *_: forms
    mentions.compile_matcher = lambda _: matcher
    return (lambda group: link_mentions(group, people, agencies)), built, "link_mentions"


def fold(passages: Sequence[Record]) -> None:
    for passage in passages:
        fold_key(passage["text"])


def measure(name: str, passages: list[Record], linking: Linking, rounds: int) -> None:
    """Print the figures for one corpus. Each source is timed in turn (reference, link, fold),
    each round over again; a source's time is its best round, a corpus's the sum over its
    sources, so that the other work on a shared machine weighs as little as it can."""
    groups = by_source(passages)
    count = len(passages)
    started = time.perf_counter()
    fold(passages)
    fold_first_us = (time.perf_counter() - started) / count * 1e6
    link, build_s, api = linking
    mentions = sum(len(link(group)) for group in groups)  # and warm
    steps: dict[str, Callable[[list[Record]], object]] = {
        "reference": reference,
        "link": link,
        "fold": fold,
    }
    best = {step: [float("inf")] * len(groups) for step in steps}
    for _ in range(rounds):
        for index, group in enumerate(groups):
            for step, run in steps.items():
                started = time.perf_counter()
                run(group)
                best[step][index] = min(best[step][index], time.perf_counter() - started)
    per_passage = {step: sum(times) / count * 1e6 for step, times in best.items()}
    chars = sum(len(p["text"]) for p in passages) / count
    common = {
        "corpus": name,
        "passages": count,
        "sources": len(groups),
        "mean_chars": round(chars),
        "reference_us": round(per_passage["reference"], 2),
    }
    rows: list[dict[str, Any]] = [
        {
            "measure": "link",
            "us_per_passage": per_passage["link"],
            "mentions_per_passage": round(mentions / count, 2),
            "api": api,
            "build_ms": round(build_s * 1000, 1),
        },
        {"measure": "fold", "us_per_passage": per_passage["fold"]},
        {"measure": "fold_first_pass", "us_per_passage": fold_first_us},
    ]
    for row in rows:
        ratio = row["us_per_passage"] / per_passage["reference"]
        row["us_per_passage"] = round(row["us_per_passage"], 2)
        row["ratio_to_reference"] = round(ratio, 2)
        print(json.dumps({**row, **common}, ensure_ascii=False), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    bundled, people, agencies = knowledge_base()
    dense = corpus(people, agencies, args.passages, args.seed)
    linking = linker_for(people, agencies)
    measure("dense", dense, linking, args.rounds)
    measure("bundled", bundled, linking, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
