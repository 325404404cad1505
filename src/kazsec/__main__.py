"""`python -m kazsec` is the same as the `kazsec` command."""

from kazsec.cli import run

run()
