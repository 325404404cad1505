"""The `kazsec` command line: every subcommand, and clear errors for bad input."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_helpers import save_store_data, store_data

from kazsec.cli import COMMANDS, build_parser, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("kazsec ")


@pytest.mark.parametrize("command", ["build", "check", "stats", "sources", "source"])
def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert "--store" in capsys.readouterr().out


def test_build_check_stats_sources(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = str(tmp_path / "s.json")
    code, out, _ = run(capsys, "--store", store, "build")
    assert code == 0 and "passages" in out
    code, out, _ = run(capsys, "--store", store, "check")
    assert code == 0 and out.startswith("ok:")
    code, out, _ = run(capsys, "stats", "--json", "--store", store)
    figures = json.loads(out)
    assert code == 0 and figures["store"] == store and figures["counts"]["sources"] == 5
    code, out, _ = run(capsys, "--store", store, "sources")
    assert code == 0 and "ciss-2022-nsc" in out and "Caspian" in out


def test_source_prints_repaired_or_raw(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--store", str(built_store_path), "source", "journal-2019-power-transit"
    )
    assert code == 0 and "Kazakhstan has been following its own path" in out and "\ufffd" not in out
    code, out, _ = run(
        capsys, "--store", str(built_store_path), "source", "journal-2019-power-transit", "--raw"
    )
    assert code == 0 and "azakhstan has been following" in out and "\ufffd" in out


def test_store_from_environment(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAZSEC_STORE", str(built_store_path))
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["store"] == str(built_store_path)


def test_default_store_is_built_on_first_use(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "stats", "--json")
    assert code == 0 and "building the store" in err
    code, out, err = run(capsys, "stats", "--json")
    assert code == 0 and err == ""


def _write(path: Path, content: bytes | None) -> Path:
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "store not found"),
        (b'{"_meta": {"1": {"sch', "damaged or truncated"),
        (b"\x00\x01garbage\xff", "binary"),
        (b'{"_meta": {"1": {"schema_version": 99}}}', "schema version 99"),
    ],
)
def test_bad_store_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = _write(tmp_path / "bad.json", content)
    for command in (["stats"], ["check"], ["sources"], ["source", "ciss-2022-nsc"]):
        code, out, err = run(capsys, "--store", str(path), *command)
        assert code == 2
        assert (
            err.count("\n") == 1
            and err.startswith("kazsec: error:")
            and message in err
            and str(path) in err
        )
        assert "Traceback" not in err and out == ""
    if content is not None:
        assert path.read_bytes() == content, "a damaged store is reported, never overwritten"


def test_unknown_source_id(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    code, out, err = run(capsys, "--store", str(built_store_path), "source", "no-such-source")
    assert (
        code == 2
        and err.startswith("kazsec: error: unknown source 'no-such-source'")
        and "ciss-2022-nsc" in err
    )


def _damage(path: Path, passage_index: int, text: str) -> None:
    data = store_data(path)
    passage = data["passages"][str(passage_index)]
    source = next(s for s in data["sources"].values() if s["id"] == passage["source"])
    repaired = source["repaired_text"]
    source["repaired_text"] = repaired[: passage["start"]] + text + repaired[passage["end"] :]
    passage["text"] = text
    delta = len(text) - (passage["end"] - passage["start"])
    passage["end"] += delta
    for other in data["passages"].values():
        if other["source"] == passage["source"] and other["seq"] > passage["seq"]:
            other["start"] += delta
            other["end"] += delta
    save_store_data(data, path, path)


@pytest.mark.parametrize(
    ("damaged_text", "reported"),
    [
        ("the central\ufffdfigure", "replacement character U+FFFD"),
        ("the key \U0003ffffgure", "PDF ligature glyph U+3FFFF"),
        ("16 ôåâðàëÿ 2022", "cp1251 read as Latin-1"),
        ("the multifaceted inÀuence", "lost 'fl' ligature"),
        ("did not opt for total democrati- zation", "word broken by a line-end hyphen"),
        ("I n t r o d u c t i o n", "letter-spaced heading"),
        ("the hands of the\npresident", "hard line break"),
        ("Read 5752 times", "web page boilerplate"),
    ],
)
def test_check_names_each_kind_of_damage(
    capsys: pytest.CaptureFixture[str], store_copy: Path, damaged_text: str, reported: str
) -> None:
    _damage(store_copy, 5, damaged_text)
    code, out, err = run(capsys, "--store", str(store_copy), "check")
    assert code == 1
    assert "passage kz20-security-council/p005" in out and reported in out


def test_check_finds_broken_offsets_references_and_repeats(
    capsys: pytest.CaptureFixture[str], store_copy: Path
) -> None:
    data = store_data(store_copy)
    data["passages"]["3"]["start"] += 1
    data["passages"]["4"]["source"] = "nowhere"
    data["passages"]["7"]["text"] = data["passages"]["6"]["text"]
    data["sources"]["2"]["sha256"] = "0" * 64
    save_store_data(data, store_copy, store_copy)
    code, out, _ = run(capsys, "--store", str(store_copy), "check")
    assert code == 1
    assert "kz20-security-council/p003: offsets" in out
    assert "refers to source 'nowhere'" in out
    assert "paragraph repeated 2 times" in out
    assert "ciss-2022-nsc: store was built from another file version" in out


def test_check_reports_a_stale_store(capsys: pytest.CaptureFixture[str], store_copy: Path) -> None:
    data = json.loads(store_copy.read_text())
    data["_meta"]["1"]["inputs"] = "stale"
    data["_meta"]["1"]["input_stats"] = "stale"
    store_copy.write_text(json.dumps(data))
    code, out, _ = run(capsys, "--store", str(store_copy), "check")
    assert code == 1 and "older than its inputs" in out


def test_console_script_runs_in_a_fresh_process(built_store_path: Path) -> None:
    env = {**os.environ, "KAZSEC_STORE": str(built_store_path)}
    done = subprocess.run(
        [sys.executable, "-m", "kazsec", "stats", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["counts"]["sources"] == 5


def test_search_json_and_types(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    code, out, _ = run(
        capsys, "--store", str(built_store_path), "search", "Мәсімов", "--json", "--limit", "3"
    )
    results = json.loads(out)
    assert code == 0 and results[0]["type"] == "person" and results[0]["id"] == "karim-massimov"
    assert {"type", "id", "name", "score", "matched", "spans"} <= set(results[0])
    code, out, _ = run(
        capsys,
        "--store",
        str(built_store_path),
        "search",
        "secret courts",
        "--type",
        "passage",
        "--json",
    )
    assert code == 0 and all(r["type"] == "passage" for r in json.loads(out))
    code, out, _ = run(capsys, "--store", str(built_store_path), "search", "KNB")
    assert code == 0 and "National Security Committee" in out


def test_search_says_no_match_plainly(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    code, out, _ = run(
        capsys, "--store", str(built_store_path), "search", "Putin", "--type", "person"
    )
    assert code == 0 and out.startswith("no match for 'Putin'")


def test_search_rejects_a_bad_limit(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--store", str(built_store_path), "search", "x", "--limit", "0"])
    assert exited.value.code == 2 and "between 1 and 1000" in capsys.readouterr().err


@pytest.mark.parametrize("case", ["directory", "unwritable-cache", "missing-data"])
def test_os_level_trouble_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    if case == "directory":
        argv = ["--store", str(tmp_path), "build"]
    elif case == "unwritable-cache":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("a file where the cache folder should be")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
        argv = ["stats"]
    else:
        monkeypatch.setenv("KAZSEC_DATA", str(tmp_path / "nowhere"))
        argv = ["stats"]
    code, out, err = run(capsys, *argv)
    errors = [line for line in err.splitlines() if "error" in line]
    assert (
        code == 2
        and len(errors) == 1
        and errors[0].startswith("kazsec: error:")
        and "Traceback" not in err
    )


def test_a_store_missing_fields_is_refused_not_crashed_on(
    capsys: pytest.CaptureFixture[str], store_copy: Path
) -> None:
    data = json.loads(store_copy.read_text())
    data["sources"]["1"] = {"id": "x"}
    store_copy.write_text(json.dumps(data))
    for command in (["stats"], ["check"], ["search", "KNB"], ["sources"]):
        code, out, err = run(capsys, "--store", str(store_copy), *command)
        assert code == 2 and "sources record 1 lacks" in err and err.count("\n") == 1


def test_check_verifies_mention_offsets(
    capsys: pytest.CaptureFixture[str], store_copy: Path
) -> None:
    data = store_data(store_copy)
    mention = data["mentions"]["1"]
    mention["start"] += 3
    mention["end"] += 3
    save_store_data(data, store_copy, store_copy)
    code, out, _ = run(capsys, "--store", str(store_copy), "check")
    assert code == 1 and "do not hold" in out


def test_a_source_with_no_text_is_refused(data_copy: Path, tmp_path: Path) -> None:
    import hashlib

    from kazsec.build.compile import build_store
    from kazsec.errors import SourceError

    raw = b"   \n"
    (data_copy / "sources" / "empty.txt").write_bytes(raw)
    with (data_copy / "sources.toml").open("a", encoding="utf-8") as toml:
        toml.write(
            f'\n[[source]]\nid = "empty-src"\nfile = "empty.txt"\nsha256 = "{hashlib.sha256(raw).hexdigest()}"\nkind = "test"\nformat = "web"\n'
        )
    with pytest.raises(SourceError, match=r"empty\.txt has no text left after repair"):
        build_store(data_copy, tmp_path / "x.json")


def test_a_piped_search_prints_one_tab_separated_line_per_result(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    code, out, _ = run(capsys, "--store", str(built_store_path), "search", "Масимова", "--explain")
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t") == ["type", "id", "score", "name", "match", "how"]
    first = lines[1].split("\t")
    assert first[:2] == ["person", "karim-massimov"] and "Russian" in first[5]
    assert all(line.count("\t") == 5 for line in lines), "no field brings a tab of its own"


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def test_every_subcommand_is_made_when_named_and_all_for_help() -> None:
    # The parser makes only the subcommand a command line names (a faster start): the list
    # of names it checks against must be the whole set, or a command would be refused.
    assert _subcommands(build_parser()) == set(COMMANDS)
    for name in COMMANDS:
        assert _subcommands(build_parser([name, "x"])) == {name}
        assert _subcommands(build_parser(["--store", "search", name])) == {name}
    assert _subcommands(build_parser(["serch"])) == set(COMMANDS)
    assert _subcommands(build_parser(["-h"])) == set(COMMANDS)
