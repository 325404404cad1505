"""Hand-edited TOML of the wrong type or with hostile text: one line naming file, record and
field; never a traceback, never silent damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazsec.cli import main

# (file, text to find, replacement, words the one-line error must hold)
CASES = {
    "aliases as a string": (
        "kb/people.toml",
        'curator_aliases = ["Nursultan Nazarbaev"]',
        'curator_aliases = "Zz"',
        ["people.toml", "nursultan-nazarbayev", "curator_aliases", "array"],
    ),
    "a typo in a key": (
        "kb/people.toml",
        'standard_name = ""',
        'standard_nme = ""',
        ["people.toml", "unknown field", "standard_nme"],
    ),
    "an escape in a name": (
        "kb/people.toml",
        'name = "Nursultan Nazarbayev"',
        'name = "Nursultan \\u001b]52;c;eA==\\u0007Nazarbayev"',
        ["people.toml", "name", "control character"],
    ),
    "a bidi override in a quote": (
        "kb/people.toml",
        'quote = "the First President (Nursultan Nazarbayev)" }',
        'quote = "the First \\u202ePresident (Nursultan Nazarbayev)" }',
        ["people.toml", "quote", "control character"],
    ),
    "an id as a number": (
        "kb/people.toml",
        'id = "nursultan-nazarbayev"',
        "id = 5",
        ["people.toml", "id", "Expected str, got int"],
    ),
    "relations as a table": (
        "kb/people.toml",
        "relations = []",
        'relations = { type = "x" }',
        ["people.toml", "relations", "array"],
    ),
    "an alias without its table": (
        "kb/people.toml",
        '{ name = "Elbasy", source = "ciss-2022-nsc"',
        '"Elbasy", { name = "Elbasy", source = "ciss-2022-nsc"',
        ["people.toml", "aliases", "Expected object, got str"],
    ),
    "a date as a TOML date": (
        "kb/positions.toml",
        'end = "2019-03-19"',
        "end = 2019-03-19",
        ["positions.toml", "end", "Expected str"],
    ),
    "a post as a list": (
        "kb/positions.toml",
        'post = "President of the Republic"',
        'post = ["President"]',
        ["positions.toml", "post", "Expected str"],
    ),
    "a reading as a bare string": (
        "kb/conflicts.toml",
        "readings = [\n  { reading = ",
        'readings = [\n  "both", { reading = ',
        ["conflicts.toml", "readings", "Expected object, got str"],
    ),
    "an unknown table": (
        "kb/people.toml",
        '[[person]]\nid = "nursultan-nazarbayev"',
        '[[persons]]\nid = "x"\n\n[[person]]\nid = "nursultan-nazarbayev"',
        ["people.toml", "unknown table", "persons"],
    ),
    "year_inferred as text": (
        "kb/events.toml",
        "[[event]]\n",
        '[[event]]\nyear_inferred = "yes"\n',
        ["events.toml", "year_inferred", "Expected bool"],
    ),
    "a source file outside sources/": (
        "sources.toml",
        'file = "kz20-security-council.txt"',
        'file = "../../../etc/passwd"',
        ["sources.toml", "inside sources/"],
    ),
    "an absolute source file": (
        "sources.toml",
        'file = "kz20-security-council.txt"',
        'file = "/etc/passwd"',
        ["sources.toml", "inside sources/"],
    ),
    "a sha256 as a number": (
        "sources.toml",
        'sha256 = "5ee54c01b5c029849a3489cae8982f7a91ad75ae9bfdba390f6ec79b2b226428"',
        "sha256 = 5",
        ["sources.toml", "sha256", "Expected str"],
    ),
    "a title as a list": (
        "sources.toml",
        'title = "Who Is Behind the Rise of the Security Council?"',
        "title = []",
        ["sources.toml", "title", "Expected str"],
    ),
    "boilerplate as a string": (
        "sources.toml",
        "boilerplate = []",
        'boilerplate = "x"',
        ["sources.toml", "boilerplate", "array"],
    ),
    "an escape in a title": (
        "sources.toml",
        'title = "Who Is Behind the Rise of the Security Council?"',
        'title = "Who \\u001b[2J Is"',
        ["sources.toml", "title", "control character"],
    ),
    "a typo in a source key": (
        "sources.toml",
        'kind = "analysis"',
        'knd = "analysis"',
        ["sources.toml", "unknown field", "knd"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_curated_file_of_the_wrong_type_is_one_clear_line(
    case: str,
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name, find, replace, words = CASES[case]
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert find in text, f"the fixture no longer holds {find!r}"
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    monkeypatch.setenv("KAZSEC_DATA", str(data_copy))
    code = main(["build", "--store", str(tmp_path / "s.json")])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("kazsec: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, (word, err)
    assert "\x1b" not in err and "\u202e" not in err
    assert not (tmp_path / "s.json").exists(), "nothing is written"


def test_a_pathological_boilerplate_pattern_fails_the_build_instead_of_hanging_it(
    data_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import time

    path = data_copy / "sources.toml"
    # (a|aa)+$ backtracks without end on a long line of a's that ends otherwise.
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "boilerplate = []", 'boilerplate = ["^(a|aa|a)+$"]', 1
        ),
        encoding="utf-8",
    )
    raw = data_copy / "sources" / "kz20-security-council.txt"
    original = raw.read_bytes()
    raw.write_bytes(original + b"\n" + b"a" * 60 + b"!\n")
    import hashlib

    text = path.read_text(encoding="utf-8")
    old = hashlib.sha256(original).hexdigest()
    path.write_text(
        text.replace(old, hashlib.sha256(raw.read_bytes()).hexdigest()), encoding="utf-8"
    )
    monkeypatch.setenv("KAZSEC_DATA", str(data_copy))
    started = time.monotonic()
    code = main(["build", "--store", str(tmp_path / "s.json")])
    err = capsys.readouterr().err
    assert code == 2 and "takes too long" in err and "kz20-security-council" in err, err
    assert time.monotonic() - started < 30
