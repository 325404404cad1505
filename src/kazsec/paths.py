"""Where the bundled data lives, where the built store goes, and the user's settings."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
STORE_FILENAME = "kazsec-store.json"


def data_dir() -> Path:
    """The folder holding sources.toml, sources/ and kb/.

    A source checkout (editable install, tests) uses the repository's data/;
    an installed wheel carries a copy as kazsec/_data. KAZSEC_DATA overrides both.
    """
    override = os.environ.get("KAZSEC_DATA")
    if override:
        return Path(override)
    checkout = _PACKAGE_DIR.parent.parent / "data"
    if (checkout / "sources.toml").is_file():
        return checkout
    return _PACKAGE_DIR / "_data"


def default_store_path() -> Path:
    """The store kazsec builds and keeps current by itself when none is named."""
    return Path(platformdirs.user_cache_dir("kazsec")) / STORE_FILENAME


def explicit_store_path(cli_value: str | None) -> Path | None:
    """The store the user named with --store or KAZSEC_STORE, if any."""
    value = cli_value or os.environ.get("KAZSEC_STORE")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """The per-user folder of settings (keymap.toml)."""
    return Path(platformdirs.user_config_dir("kazsec"))
