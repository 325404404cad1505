"""The domain knows nothing of the UI: only the TUI package may import Textual."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kazsec"
UI_PACKAGES = {"tui"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_modules_do_not_import_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in UI_PACKAGES:
            continue
        if any(name == "textual" or name.startswith("textual.") for name in imported_modules(path)):
            offenders.append(str(relative))
    assert offenders == []
