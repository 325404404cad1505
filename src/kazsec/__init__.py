"""kazsec: a terminal explorer of Kazakhstan's security apparatus, built on cited sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kazsec")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"
