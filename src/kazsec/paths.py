"""Where the bundled data lives, where the built store goes, and the user's settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    return cache_dir() / STORE_FILENAME


def _not_empty(option: str, cli_value: str | None) -> None:
    """An option given an empty path: said, not taken for the default (a note written to a
    folder the user never named would be lost to them). An empty variable counts as unset."""
    if cli_value is not None and not cli_value.strip():
        from kazsec.errors import KazsecError

        raise KazsecError(f"{option}: an empty path; name a file or folder, or leave it out")


def explicit_store_path(cli_value: str | None) -> Path | None:
    """The store the user named with --store or KAZSEC_STORE, if any."""
    _not_empty("--store", cli_value)
    value = cli_value or os.environ.get("KAZSEC_STORE")
    return Path(value).expanduser() if value else None


def workspace_dir(cli_value: str | None = None) -> Path:
    """The user's own documents (and later their notes and facts), laid out like data/:
    --workspace, else KAZSEC_WORKSPACE, else a folder in the per-user data directory."""
    _not_empty("--workspace", cli_value)
    value = cli_value or os.environ.get("KAZSEC_WORKSPACE")
    if value:
        return Path(value).expanduser()
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", ".local/share") / "kazsec" / "workspace"
    import platformdirs

    return Path(platformdirs.user_data_dir("kazsec")) / "workspace"


def cache_dir() -> Path:
    """The per-user folder of things kazsec can make again (the default store, checks).

    On Linux this is the XDG rule itself ($XDG_CACHE_HOME if absolute, else ~/.cache),
    as platformdirs gives it, without loading platformdirs (and the tempfile module it
    imports) on every command; elsewhere platformdirs decides.
    """
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CACHE_HOME", ".cache") / "kazsec"
    import platformdirs

    return Path(platformdirs.user_cache_dir("kazsec"))


def exports_dir() -> Path:
    """Where the explorer writes what it exports (a dossier): `exports` in the per-user data
    folder, beside the default workspace."""
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", ".local/share") / "kazsec" / "exports"
    import platformdirs

    return Path(platformdirs.user_data_dir("kazsec")) / "exports"


def _xdg(variable: str, default: str) -> Path:
    """An XDG base folder as platformdirs gives it: the variable if absolute, else
    ~/DEFAULT."""
    base = os.environ.get(variable, "").strip()
    return Path(base) if os.path.isabs(base) else Path.home() / default


def config_dir() -> Path:
    """The per-user folder of settings (keymap.toml)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("kazsec"))
