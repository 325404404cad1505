"""One read model: `kazsec stats`, `kazsec show` and the detail pane agree on every count."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import make_app, settle

from kazsec.cli import main
from kazsec.library import Library
from kazsec.store import Store
from kazsec.tui.widgets.detail import DetailPane

_COUNT = re.compile(r"\((\d+) mentions?(?:, (\d+) ambiguous)?\)")


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_stats_show_and_the_detail_pane_count_every_entitys_mentions_alike(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, store: Store
) -> None:
    stats = _cli_json(capsys, "--store", str(built_store_path), "stats", "--json")
    library = Library(store)
    entities = [r["id"] for table in ("people", "agencies", "events") for r in store.all(table)]
    shown: dict[str, tuple[int, int]] = {}
    for entity_id in entities:
        found = _cli_json(capsys, "--store", str(built_store_path), "show", entity_id, "--json")
        per_source = found["mentions_by_source"].values()
        total = sum(s["mentions"] for s in per_source)
        assert found["mentions"] == {
            "mentions": total,
            "ambiguous": sum(s["ambiguous"] for s in per_source),
        }
        shown[entity_id] = (total, found["mentions"]["ambiguous"])
        assert stats["mentions_per_entity"].get(entity_id, 0) == total, entity_id
        assert stats["ambiguous_mentions_per_entity"].get(entity_id, 0) == shown[entity_id][1], (
            entity_id
        )
        assert library.mention_tally(entity_id).total == total
    # The figures the issue found apart: Dariga Nazarbayeva's mentions, counted one way everywhere.
    assert (
        shown["dariga-nazarbayeva"][0] > 1
        and stats["mentions_per_entity"]["dariga-nazarbayeva"] > 1
    )
    assert sum(stats["mentions_per_source"].values()) == stats["counts"]["mentions"]


async def test_the_detail_pane_shows_the_same_counts(store: Store) -> None:
    library = Library(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        pane = app.explorer.query_one(DetailPane)
        facts = pane.query_one("#facts", OptionList)
        for table in ("people", "agencies", "events"):
            for record in store.all(table):
                pane.show(library.view(record["id"]))
                rows = [str(facts.get_option_at_index(i).prompt) for i in range(facts.option_count)]
                counted = [_COUNT.search(row) for row in rows if row.startswith("mentioned")]
                total = sum(int(m.group(1)) for m in counted if m)
                ambiguous = sum(int(m.group(2) or 0) for m in counted if m)
                tally = library.mention_tally(record["id"])
                assert (total, ambiguous) == (tally.total, tally.ambiguous), record["id"]


def test_show_prints_the_same_counts_as_text(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one fact a line, so each count is read whole
    stats = _cli_json(capsys, "--store", str(built_store_path), "stats", "--json")
    for entity_id in ("karim-massimov", "dariga-nazarbayeva", "nursultan-nazarbayev", "nsc"):
        assert main(["--store", str(built_store_path), "show", entity_id]) == 0
        out = capsys.readouterr().out
        total = sum(int(m.group(1)) for m in _COUNT.finditer(out))
        assert total == stats["mentions_per_entity"][entity_id], entity_id


def test_mentions_lists_every_mention_with_how_and_how_sure(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _cli_json(
        capsys, "--store", str(built_store_path), "mentions", "dariga-nazarbayeva", "--json"
    )
    stats = _cli_json(capsys, "--store", str(built_store_path), "stats", "--json")
    assert len(listed) == stats["mentions_per_entity"]["dariga-nazarbayeva"]
    for mention in listed:
        assert {
            "source",
            "passage",
            "start",
            "end",
            "text",
            "how",
            "certainty",
            "candidates",
        } <= set(mention)
        assert any(c["id"] == "dariga-nazarbayeva" for c in mention["candidates"])
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["--store", str(built_store_path), "mentions", "dariga-nazarbayeva"]) == 0
    out = capsys.readouterr().out
    assert "Dariga Nazarbayeva:" in out and "ambiguous" in out and "Nursultan Nazarbayev" in out
    assert main(["--store", str(built_store_path), "mentions", "nobody"]) == 2
