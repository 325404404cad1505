"""The user's settings, read from the per-user config folder: for now, the keymap.

`keymap.toml` maps binding ids to keys, for example `side-by-side = "ctrl+s"`; F1 lists
every id beside its keys. A file that cannot be read gives one line saying why and the
defaults stay in force: a typo in a setting never keeps the explorer from starting.
"""

from __future__ import annotations

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
