"""Run every benchmarks/bench_*.py script in turn; each prints JSON lines of figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Scripts whose full run is too long for a routine `make bench`: the arguments it gets here.
ARGUMENTS = {
    "bench_scale.py": ["--quick"],  # 10k passages; the 100k and 1M sizes are run by hand
}


def main() -> int:
    failures = 0
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        print(f"# {script.name}", flush=True)
        command = [sys.executable, str(script), *ARGUMENTS.get(script.name, [])]
        failures += subprocess.run(command).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
