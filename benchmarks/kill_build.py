"""kill -9 a build of a large corpus at random moments; after each, the store must be usable.

The issue's test: "A kill -9 during a build of 100k passages, at ten random moments, never
leaves an unusable store." A store is first built from the bundled data at the path; then
`kazsec build --data DIR` of a generated corpus (generate_corpus.py) is started and killed
with SIGKILL after a random delay, ten times, each time followed by a reader that opens the
store the way the explorer does and reads from every part of it (a dossier and its mention
count, a passage search, the first passage of ten sources, `kazsec check`'s reference rules
on one source). It must find the old store or the new one, whole. Each kill interrupts a
build that starts from the bundled store again, so the moments fall anywhere in a whole
build. A last build then completes from where the last kill left it, reusing the units it
had finished (its time is printed beside a build from nothing).

    python benchmarks/kill_build.py [--passages 100000] [--kills 10] [--seed 0] [--keep DIR]

Prints JSON lines; exits 1 if any reader found an unusable store.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate

READER = """
import json, sys
from pathlib import Path
from kazsec.library import Library
from kazsec.store import Store
library = Library(Store.open(Path(sys.argv[1])))
view = library.view("karim-massimov")
assert view.dossier.mentions.total > 0
assert library.engine.search("Massimov", types={"passage"}, limit=5)
for source in list(library.sources)[:10]:
    assert library.corpus.passages_of(source), source
print(json.dumps(library.store.counts()))
"""


def read(store: Path) -> tuple[bool, str]:
    """Open the store in a fresh process and read from every part of it."""
    done = subprocess.run(
        [sys.executable, "-c", READER, str(store)], capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        return False, (done.stderr.strip().splitlines() or ["?"])[-1]
    return True, done.stdout.strip()


def build(data: Path | None, store: Path) -> list[str]:
    """The build command line."""
    command = [sys.executable, "-m", "kazsec", "build", "--store", str(store)]
    return command + (["--data", str(data)] if data else [])


def empty_folder(folder: Path) -> Path:
    """A folder, made or emptied."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kazsec-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"data-{args.passages}"
    if not (data / "sources.toml").exists():
        generate(data, args.passages, args.seed, jobs=2)
    store = empty_folder(work / "kill") / "kazsec.json"
    subprocess.run(build(None, store), check=True, capture_output=True)
    ok, old = read(store)
    print(json.dumps({"step": "bundled store", "usable": ok, "counts": old}), flush=True)
    # A reference for the moments to kill at: how long a whole build takes, measured on a
    # copy so that the store under test starts from nothing but the bundled data.
    reference = empty_folder(work / "reference") / "kazsec.json"
    started = time.perf_counter()
    subprocess.run(build(data, reference), check=True, capture_output=True)
    whole = time.perf_counter() - started
    print(json.dumps({"step": "whole build (reference)", "seconds": round(whole, 2)}), flush=True)
    rng = random.Random(args.seed)
    failures = 0
    pristine = work / "kill-pristine"
    shutil.rmtree(pristine, ignore_errors=True)
    shutil.copytree(store.parent, pristine)
    for kill in range(1, args.kills + 1):
        # Each kill interrupts a build from the bundled store, so that the ten moments fall
        # anywhere in a whole build (a resumed build would finish sooner each time).
        shutil.rmtree(store.parent)
        shutil.copytree(pristine, store.parent)
        child = subprocess.Popen(
            build(data, store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        delay = rng.uniform(0.3, whole)  # anywhere in a build, the last phases included
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        ok, counts = read(store)
        failures += not ok
        print(
            json.dumps(
                {
                    "step": "kill",
                    "n": kill,
                    "after_s": round(delay, 2),
                    "usable": ok,
                    "counts": counts,
                }
            ),
            flush=True,
        )
    started = time.perf_counter()
    finished = subprocess.run(build(data, store), capture_output=True, text=True)
    last = time.perf_counter() - started
    ok, counts = read(store)
    failures += not ok or finished.returncode != 0
    print(
        json.dumps(
            {
                "step": "last build",
                "seconds": round(last, 2),
                "whole_build_s": round(whole, 2),
                "usable": ok,
                "counts": counts,
            }
        ),
        flush=True,
    )
    print(
        f"{args.kills} kills during a build of {args.passages:,} passages: "
        f"{'every reader found a usable store' if not failures else f'{failures} FAILURES'}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
