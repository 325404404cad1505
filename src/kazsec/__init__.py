"""kazsec: a terminal explorer of Kazakhstan's security apparatus, built on cited sources."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~50 ms to import: only pay it when the version is asked for.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("kazsec")
        except PackageNotFoundError:  # running from a source tree without an install
            return "0.0.0+source"
    raise AttributeError(name)
