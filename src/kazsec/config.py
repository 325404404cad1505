"""The user's settings, read from the per-user config folder: for now, the keymap.

`keymap.toml` maps binding ids to keys, for example `side-by-side = "ctrl+s"`; F1 lists
every id beside its keys. A file that cannot be read gives one line saying why and the
defaults stay in force: a typo in a setting never keeps the explorer from starting.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from kazsec.errors import KazsecError
from kazsec.paths import config_dir

KEYMAP_FILE = "keymap.toml"


class ConfigError(KazsecError):
    """A settings file that cannot be used; the message names the file and the fault."""


def keymap_path() -> Path:
    """Where the user's keymap lives."""
    return config_dir() / KEYMAP_FILE


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """Binding id -> keys ("ctrl+s", or "ctrl+s,f5" for two); {} when there is no file."""
    path = path or keymap_path()
    if not path.exists():  # most people never write one: spare the TOML parser at start-up
        return {}
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc}); default keys are used") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); default keys are used") from None
    keymap: dict[str, str] = {}
    for binding_id, keys in document.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f'{path}: {binding_id} must be keys in quotes, like "ctrl+s"')
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return keymap


SETTINGS_FILE = "settings.json"
# What the explorer remembers between sessions, and what each must be to be used.
SETTING_TYPES: dict[str, type] = {"theme": str, "last_entry": str, "navigator_width": int}


def settings_path() -> Path:
    """Where the explorer keeps the user's choices."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, object]:
    """The remembered choices; a missing or damaged file is no choices (never an error)."""
    import json

    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, SETTING_TYPES.get(k, type(None)))}


def save_settings(settings: dict[str, object], path: Path | None = None) -> None:
    """Remember choices, written whole or not at all; a folder we may not write is let be."""
    import json

    from kazsec.store.atomic import atomic_write_text

    # Remembering is a convenience: failing to must never stop the explorer.
    with contextlib.suppress(KazsecError):
        atomic_write_text(path or settings_path(), json.dumps(settings, indent=1, sort_keys=True))
