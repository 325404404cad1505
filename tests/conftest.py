"""Shared fixtures: the bundled data, one store built per session, an isolated user cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kazsec.build.compile import build_store, repair_all_sources
from kazsec.corpus.pipeline import RepairedSource
from kazsec.store import Store

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's own cached store, settings or environment choices."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))  # the user's workspace
    monkeypatch.delenv("KAZSEC_WORKSPACE", raising=False)
    monkeypatch.delenv("KAZSEC_STORE", raising=False)
    monkeypatch.delenv("KAZSEC_DATA", raising=False)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def built_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kazsec.json"
    build_store(DATA, path)
    return path


@pytest.fixture(scope="session")
def store(built_store_path: Path) -> Store:
    return Store.open(built_store_path)


def copy_store(source: Path, target: Path) -> Path:
    """Copy a store: its knowledge file and the corpus beside it (with its write-ahead log)."""
    shutil.copyfile(source, target)
    for suffix in (".corpus", ".corpus-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture()
def store_copy(built_store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the built store that a test may damage."""
    return copy_store(built_store_path, tmp_path / "copy.json")


@pytest.fixture(scope="session")
def repaired() -> dict[str, RepairedSource]:
    return {r.meta.id: r for r in repair_all_sources(DATA)}


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may alter."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="module")
def pdf() -> bytes:
    """The generated two-column article (tests/documents.py) as PDF bytes."""
    from documents import article_pdf

    return article_pdf()
