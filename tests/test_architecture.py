"""The house's rules, checked on the code itself.

- The domain knows nothing of the UI: only the TUI package may import Textual.
- Layers run one way: a module imports only from its own room or from a lower floor.
- No import cycle, and commands that need neither the UI nor search never load them.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kazsec"
UI_PACKAGES = {"tui"}

# Each room (a top-level module or package of kazsec) on its floor: imports go down or sideways
# within the room, never up. The vocabulary is at the bottom, the front ends at the top.
FLOORS = {
    "__init__": 0,
    "model": 0,
    "kinds": 0,
    "errors": 0,
    "dates": 0,
    "paths": 0,
    "regular_files": 0,
    "config": 1,
    "names": 1,
    "corpus": 1,
    "store": 1,
    "kb": 2,
    "workspace": 2,
    "chronology": 2,
    "build": 3,
    "search": 3,
    "library": 4,
    "render": 5,
    "export": 5,
    "cli": 6,
    "tui": 6,
    "__main__": 7,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imported_modules(path: Path, at_run_time_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    skipped: set[int] = set()
    if at_run_time_only:
        for node in ast.walk(tree):
            if _type_checking_block(node):
                skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def kazsec_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_domain_modules_do_not_import_textual() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in UI_PACKAGES:
            continue
        if any(name == "textual" or name.startswith("textual.") for name in imported_modules(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_every_room_has_a_floor_and_imports_only_downward() -> None:
    offenders = []
    for module, path in kazsec_modules().items():
        room = room_of(module)
        assert room in FLOORS, f"{module}: give the room {room!r} a floor in this test"
        for target in imported_modules(path):
            if target != "kazsec" and not target.startswith("kazsec."):
                continue
            other = room_of(target)
            if other != room and FLOORS[other] > FLOORS[room]:
                offenders.append(
                    f"{module} (floor {FLOORS[room]}) imports {target} (floor {FLOORS[other]})"
                )
    assert offenders == []


def test_no_import_cycle() -> None:
    modules = kazsec_modules()
    graph = {
        module: {
            t for t in imported_modules(path, at_run_time_only=True) if t in modules and t != module
        }
        for module, path in modules.items()
    }
    # A module imports its package's __init__ first; that is the import system, not a cycle.
    graph = {m: {t for t in targets if not m.startswith(t + ".")} for m, targets in graph.items()}
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycles.append([*trail[trail.index(module) :], module])
            return
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert cycles == []


HEAVY = ("textual", "ftfy", "rapidfuzz", "kazsec.search", "kazsec.tui", "kazsec.corpus")

IMPORTS_AFTER = """
import json, sys
from kazsec.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--version"], ["stats"], ["stats", "--json"]])
def test_light_commands_do_not_load_the_ui_search_or_repair(
    argv: list[str], built_store_path: Path
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            IMPORTS_AFTER,
            *argv,
            *(["--store", str(built_store_path)] if argv[0] == "stats" else []),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_a_piped_search_loads_no_ui_no_validation_machinery_and_no_morphology(
    built_store_path: Path, tmp_path: Path
) -> None:
    """`kazsec search` into a pipe, on a store already checked once: no rich, no msgspec,
    no textual, no pymorphy3 for a Latin name (each costs the command tens of ms)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = [sys.executable, "-c", IMPORTS_AFTER, "--store", str(built_store_path)]
    argv += ["search", "Massimov"]
    first = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    assert first.returncode == 0, first.stderr
    assert "msgspec" in json.loads(first.stderr.strip().splitlines()[-1]), "first open checks"
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split("\t")[:2] == ["type", "id"]
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    heavy = ("rich", "msgspec", "textual", "pymorphy3", "ftfy", "kazsec.corpus", "kazsec.tui")
    # The document readers (corpus/extract) and their libraries load only to read a file.
    heavy += ("trafilatura", "pdfminer", "docx2python", "charset_normalizer", "py3langid", "lxml")
    assert sorted(m for m in loaded if m.split(".")[0] in heavy or m in heavy) == []
