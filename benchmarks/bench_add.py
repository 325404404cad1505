"""`kazsec add`: one document into a workspace of 10,000, start to searchable (floor < 2 s).

A corpus of the given size is generated (generate_corpus.py) and its generated documents
become a workspace (hard links to the same files, its own sources.toml); the store is built
with it once, untimed. Then, --runs times: one new generated document is written to a
folder and `kazsec add --workspace W FILE` is timed as a whole process, with `kazsec search`
on a word of it afterwards to prove it searchable. Reference in the same run: `kazsec
build` of the same store with nothing new (the cost any command pays to check it).

    python benchmarks/bench_add.py [--passages 1000000] [--runs 3] [--keep DIR]

Prints JSON lines. No timed assertion anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import BUNDLED, Writer, document_bytes, generate, plan

from kazsec.workspace import catalogue

MARK = "\n# Generated documents follow"
KAZSEC = str(Path(sys.executable).with_name("kazsec"))


def as_workspace(corpus: Path, workspace: Path) -> int:
    """The generated part of a corpus folder as a workspace; returns its documents."""
    text = (corpus / "sources.toml").read_text(encoding="utf-8")
    generated = text[text.index(MARK) :]
    (workspace / "sources").mkdir(parents=True)
    (workspace / "sources.toml").write_text(generated.lstrip("\n"), encoding="utf-8")
    bundled = {p.name for p in (BUNDLED / "sources").iterdir()}
    count = 0
    for source in (corpus / "sources").iterdir():
        if source.name not in bundled:
            os.link(source, workspace / "sources" / source.name)
            count += 1
    return count


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return seconds, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-add-") as name:
        work = args.keep or Path(name)
        work.mkdir(parents=True, exist_ok=True)
        corpus, workspace, store = work / "corpus", work / "workspace", work / "store.json"
        if not corpus.exists():
            generate(corpus, args.passages, args.seed, jobs=2)
        if not workspace.exists():
            as_workspace(corpus, workspace)
        env = {**os.environ, "KAZSEC_WORKSPACE": str(workspace), "KAZSEC_STORE": str(store)}
        env.pop("KAZSEC_DATA", None)
        built, _ = timed([KAZSEC, "build"], env)
        documents = len(plan(args.passages, args.seed))
        print(json.dumps({"benchmark": "add-setup", "documents": documents, "build_s": built}))
        unchanged = [timed([KAZSEC, "build"], env)[0] for _ in range(args.runs)]
        writer = Writer(args.seed, BUNDLED)
        adds = []
        first = documents + len(catalogue.entries(workspace))  # never one added before
        for run in range(args.runs):
            number = first + run
            document = writer.document(number, 100)
            inbox = work / f"inbox-{run}"
            inbox.mkdir(exist_ok=True)
            path = inbox / f"new-{number}.txt"
            path.write_bytes(document_bytes(document))
            seconds, out = timed([KAZSEC, "add", str(path)], env)
            newest = catalogue.entries(workspace)[-1].id
            words = " ".join(document.lines[document.body[0]].split()[:4])
            _, found = timed([KAZSEC, "search", "--type", "passage", "--json", words], env)
            adds.append(seconds)
            print(
                json.dumps(
                    {
                        "benchmark": "add",
                        "run": run,
                        "add_s": round(seconds, 3),
                        "added": "1 added" in out,
                        "searchable": any(
                            hit.get("source") == newest for hit in json.loads(found or "[]")
                        ),
                    }
                )
            )
        median = statistics.median(adds)
        print(
            json.dumps(
                {
                    "benchmark": "add",
                    "figure": "add_one_document_s",
                    "workspace_documents": documents,
                    "value": round(median, 3),
                    "reference": round(statistics.median(unchanged), 3),
                    "reference_is": "kazsec build with nothing new",
                    "floor": "< 2 s",
                    "pass": median < 2,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
