"""`kazsec add`: one document into a workspace of 10,000, start to searchable (floor < 2 s);
with --formats, 100 PDFs and 1,000 web pages against pdfminer.six and trafilatura alone
(floor 1.5x each).

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


LIBRARY_ALONE = {
    "pdf": "from pdfminer.high_level import extract_text as read\n",
    "html": "import trafilatura\n"
    "def read(path):\n"
    "    return trafilatura.extract(open(path, 'rb').read())\n",
}


def formats(work: Path, pdf_count: int, html_count: int) -> None:
    """`kazsec add` of a folder of PDFs, then of web pages, as a whole process, against the
    library alone reading the same files in one process (its import included)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_extract import pages, pdfs

    for kind, files in (("pdf", pdfs(pdf_count)), ("html", pages(html_count))):
        folder = work / f"{kind}-files"
        folder.mkdir(parents=True, exist_ok=True)
        for n, data in enumerate(files):
            (folder / f"{kind}-{n:04d}.{kind}").write_bytes(data)
        workspace, store = work / f"{kind}-workspace", work / f"{kind}-store.json"
        env = {**os.environ, "KAZSEC_WORKSPACE": str(workspace), "KAZSEC_STORE": str(store)}
        env.pop("KAZSEC_DATA", None)
        timed([KAZSEC, "build"], env)  # the bundled store, untimed
        script = LIBRARY_ALONE[kind] + (
            "import sys, pathlib\n"
            "for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
            "    read(str(path))\n"
        )
        alone, _ = timed([sys.executable, "-c", script, str(folder)], env)
        added, out = timed([KAZSEC, "add", str(folder)], env)
        print(
            json.dumps(
                {
                    "benchmark": "add",
                    "figure": f"add_{kind}_files_s",
                    "files": len(files),
                    "value": round(added, 2),
                    "reference": round(alone, 2),
                    "reference_is": f"{'pdfminer.six' if kind == 'pdf' else 'trafilatura'} "
                    "alone on the same files, one process",
                    "ratio": round(added / alone, 3),
                    "floor": "<= 1.5x",
                    "pass": added <= 1.5 * alone,
                    "all_added": f"{len(files)} added" in out,
                }
            ),
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path)
    parser.add_argument(
        "--formats",
        action="store_true",
        help="instead: 100 PDFs and 1,000 web pages added, against the libraries alone",
    )
    args = parser.parse_args()
    if args.formats:
        with tempfile.TemporaryDirectory(prefix="bench-add-") as name:
            formats(args.keep or Path(name), 100, 1000)
        return 0
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
            # Eight words of a generated paragraph: filler words recur across the corpus,
            # and a hit may rank among others holding them all.
            words = " ".join(document.lines[document.body[0]].split()[:8])
            search = [KAZSEC, "search", "--type", "passage", "--limit", "100", "--json", words]
            _, found = timed(search, env)
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
