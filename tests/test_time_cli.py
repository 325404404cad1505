"""`kazsec timeline`, `career`, `succession` and `held` as a user runs them: plain and --json,
names in any spelling, dates bounded, bad input refused in one line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import save_store_data, store_data

from kazsec.cli import main
from kazsec.dates import period

# What must never reach a terminal: C0 controls but newline and tab, DEL, C1, bidi overrides.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PAYLOAD = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\u202eevil"


def run(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--store", str(store), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> Any:
    code, out, err = run(capsys, store, *argv, "--json")
    assert code == 0, err
    assert err == ""
    return json.loads(out)


def strings(value: Any) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def assert_plain(out: str) -> None:
    found = RAW_CONTROL.findall(out)
    assert not found, f"raw control characters {sorted(set(found))!r}"


def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2, (code, err)
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("kazsec: error:"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


# -- timeline ---------------------------------------------------------------------------------


def test_timeline_plain_groups_by_year_with_the_undated_last(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    code, out, err = run(capsys, built_store_path, "timeline")
    assert code == 0 and err == ""
    assert_plain(out)
    # Both years, on one line or with 'disputed' wrapped under them in the date column.
    assert re.search(r"^2017/2018( disputed|\s.*\ndisputed)\b", out, re.MULTILINE)
    assert "Undated" in out and re.search(r"^no source gives( a date|\s.*\na date)", out, re.M)
    assert out.index("2022") < out.index("Undated")
    lines = out.splitlines()
    assert "2022" in lines and "Undated" in lines, "year and undated headings stand alone"


@pytest.mark.parametrize("given", ["Сагимбаев", "Sagimbaev", "ermek-sagimbayev"])
def test_timeline_entity_in_any_spelling(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, given: str
) -> None:
    rows = run_json(capsys, built_store_path, "timeline", "--entity", given)
    ids = [row["id"] for row in rows]
    assert "2022-01-06-sagimbayev-appointed-nsc-chairman" in ids
    assert "1994-sagimbayev-security-career" in ids
    for row in rows:
        assert "ermek-sagimbayev" in {p["id"] for p in row["people"]}, row["id"]
    assert "2022-01-06-massimov-dismissed" not in ids


@pytest.mark.parametrize("given", ["Sadykulov", "Sadykuov", "Садыкулов"])
def test_timeline_entity_sadykulov(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, given: str
) -> None:
    rows = run_json(capsys, built_store_path, "timeline", "--entity", given)
    ids = {row["id"] for row in rows}
    assert {"2022-01-06-sadykulov-dismissed", "sadykulov-arrested"} <= ids
    assert all("anuar-sadykulov" in {p["id"] for p in row["people"]} for row in rows)
    code, out, _ = run(capsys, built_store_path, "timeline", "--entity", given, "--zoom", "day")
    assert code == 0 and "6 Jan 2022" in out and "Sadykulov dismissed" in out
    assert_plain(out)


def test_timeline_entity_a_body(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    rows = run_json(capsys, built_store_path, "timeline", "--entity", "KNB")
    assert rows
    for row in rows:
        involved = {e["id"] for e in row["people"] + row["bodies"]}
        assert "nsc" in involved, row["id"]


@pytest.mark.parametrize(
    ("low", "high"),
    [("2022-01-05", "2022-01-06"), ("2022-01", "2022-01"), ("2017", "2018"), ("2019-03", "")],
)
def test_timeline_from_to_bound_the_dates(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, low: str, high: str
) -> None:
    argv = ["timeline", "--from", low] + (["--to", high] if high else [])
    rows = run_json(capsys, built_store_path, *argv)
    assert rows
    lo = period(low)
    hi = period(high) if high else None
    assert lo is not None
    for row in rows:
        assert row["readings"], f"{row['id']} is undated yet shown in a range"
        end = period(row["date_end"]) if row["date_end"] else None
        fits = []
        for reading in row["readings"]:
            found = period(reading)
            assert found is not None
            last = end.last if end is not None else found.last
            fits.append(last >= lo.first and (hi is None or found.first <= hi.last))
        assert any(fits), f"{row['id']} ({row['shown']}) is outside {low}..{high}"
    code, out, _ = run(capsys, built_store_path, *argv)
    assert code == 0 and "Undated" not in out and "no source gives" not in out


def test_timeline_range_examples(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    rows = run_json(
        capsys, built_store_path, "timeline", "--from", "2022-01-06", "--to", "2022-01-06"
    )
    ids = {row["id"] for row in rows}
    assert "2022-01-06-massimov-dismissed" in ids
    assert "2022-01-05-government-dismissed" not in ids
    assert "2022-01-13-irmenov-appointed-almaty-nsc" not in ids
    rows = run_json(capsys, built_store_path, "timeline", "--from", "2018", "--to", "2018")
    law = next(row for row in rows if row["id"] == "security-council-law-adopted")
    assert law["shown"] == "2017/2018 disputed" and law["disputed"] and law["date"] == ""


def test_timeline_kind_and_zoom(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    rows = run_json(capsys, built_store_path, "timeline", "--kind", "dismissal")
    assert rows and {row["kind"] for row in rows} == {"dismissal"}
    rows = run_json(capsys, built_store_path, "timeline", "--kind", "dismissal", "--kind", "arrest")
    assert {row["kind"] for row in rows} == {"dismissal", "arrest"}
    code, out, _ = run(capsys, built_store_path, "timeline", "--zoom", "day", "--to", "2012")
    assert code == 0 and "2012 (no month given)" in out
    code, out, _ = run(capsys, built_store_path, "timeline", "--zoom", "decade")
    assert code == 0 and "2010s" in out and "2020s" in out


def test_timeline_json_keeps_precision(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    rows = {row["id"]: row for row in run_json(capsys, built_store_path, "timeline")}
    assert rows["2012-national-security-law"]["date"] == "2012"
    assert rows["2012-national-security-law"]["shown"] == "2012"
    assert rows["1990-04-presidency-established"]["shown"] == "Apr 1990"
    assert rows["2022-01-06-massimov-dismissed"]["shown"] == "6 Jan 2022"
    undated = rows["massimov-arrested"]
    assert undated["readings"] == [] and undated["shown"] == "undated"
    assert undated["undated_reason"]


# -- career -----------------------------------------------------------------------------------


def test_career_of_two_people(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    code, out, err = run(capsys, built_store_path, "career", "karim-massimov", "Sagimbayev")
    assert code == 0 and err == ""
    assert_plain(out)
    assert "Karim Massimov" in out and "Ermek Sagimbayev" in out
    assert "6 Jan 2022" in out and "in office (as of 16" in out
    assert "former, end not" in out
    careers = run_json(capsys, built_store_path, "career", "karim-massimov", "ermek-sagimbayev")
    assert [c["person"] for c in careers] == ["karim-massimov", "ermek-sagimbayev"]
    assert [c["name"] for c in careers] == ["Karim Massimov", "Ermek Sagimbayev"]


def test_career_json_of_one_person(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    career = run_json(capsys, built_store_path, "career", "nurlan-yermekbayev")
    assert career["person"] == "nurlan-yermekbayev"
    posts = {t["post"]: t for t in career["tenures"]}
    secretary = posts["Assistant to the President – Secretary of the Security Council"]
    assert secretary["start"] == "2014-11" and secretary["end_state"] == "in office"
    assert secretary["shown"].startswith("Nov 2014 – ")
    assert "Nov. 2014" in " ".join(c["exact"] for c in secretary["cite"])
    ambassador = posts["Ambassador to China"]
    assert (ambassador["start"], ambassador["end"]) == ("2012", "2014")
    assert ambassador["shown"] == "2012 – 2014"


def test_career_in_cyrillic(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    career = run_json(capsys, built_store_path, "career", "Мәсімов")
    assert career["person"] == "karim-massimov"


# -- succession -------------------------------------------------------------------------------


def test_succession_posts_lists_nsc(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    code, out, err = run(capsys, built_store_path, "succession", "--posts")
    assert code == 0 and err == ""
    assert_plain(out)
    assert re.search(r"^nsc\s+Head of National Security", out, re.MULTILINE)
    rows = run_json(capsys, built_store_path, "succession", "--posts")
    nsc = next(row for row in rows if row["id"] == "nsc")
    assert nsc["label"] == "Head of National Security Committee" and nsc["holders"] == 5
    assert "nsc/chairman-of-the-national-security-committee" in {row["id"] for row in rows}


def test_succession_posts_in_a_pipe_are_id_tab_name_lines(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    rows = run_json(capsys, built_store_path, "succession", "--posts")
    code, out, err = run(capsys, built_store_path, "succession", "--posts")
    assert code == 0 and err == ""
    assert out.splitlines() == [f"{row['id']}\t{row['label']}" for row in rows]


@pytest.mark.parametrize("columns", ["80", "200"])
def test_succession_posts_on_a_terminal_keep_every_id_whole_on_its_line(
    capsys: pytest.CaptureFixture[str],
    built_store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: str,
) -> None:
    ids = [row["id"] for row in run_json(capsys, built_store_path, "succession", "--posts")]
    assert max(map(len, ids)) > 80  # some are longer than the narrow terminal is wide
    monkeypatch.setattr("kazsec.cli.time_commands.to_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = run(capsys, built_store_path, "succession", "--posts")
    assert code == 0 and err == ""
    # Each row starts with its id, whole: copied from the line, it is the id.
    firsts = [line.split()[0] for line in out.splitlines() if line and not line[0].isspace()]
    assert firsts == ["Id", *ids]
    (nsc,) = [line.split() for line in out.splitlines() if line.startswith("nsc ")]
    assert nsc[1:3] == ["Head", "of"] and nsc[-1] == "5"  # the post and holders beside it


def test_succession_of_the_nsc(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    code, out, err = run(capsys, built_store_path, "succession", "nsc")
    assert code == 0 and err == ""
    assert_plain(out)
    assert out.index("Karim Massimov") < out.index("Ermek Sagimbayev")
    assert "Nartai Dutbayev" in out  # held it at a time no source gives, listed apart
    found = run_json(capsys, built_store_path, "succession", "nsc")
    assert found["subject"] == "nsc"
    assert [h["person"] for h in found["holders"]] == ["karim-massimov", "ermek-sagimbayev"]
    change = found["changes"][1]
    assert (change["from"], change["to"], change["date"]) == (
        "karim-massimov",
        "ermek-sagimbayev",
        "2022-01-06",
    )
    assert any("appointed to the position of NSC Chairman" in c["exact"] for c in change["cite"])
    assert "nartai-dutbayev" in {t["person"] for t in found["undated"]}


def test_succession_by_name(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    found = run_json(capsys, built_store_path, "succession", "National Security Committee")
    assert found["subject"] == "nsc"


# -- held -------------------------------------------------------------------------------------


def test_held_nsc_on_7_january_2022(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    found = run_json(capsys, built_store_path, "held", "nsc", "--on", "2022-01-07")
    assert found["on"] == "2022-01-07"
    assert [h["person"] for h in found["holders"]] == ["ermek-sagimbayev"]
    assert found["holders"][0]["certainty"] == "certain"
    code, out, _ = run(capsys, built_store_path, "held", "nsc", "--on", "2022-01-07")
    assert code == 0 and "Ermek Sagimbayev" in out and "certain" in out
    assert "7 Jan 2022" in out and "Karim Massimov" not in out
    assert_plain(out)


def test_held_nsc_on_5_january_2022(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    found = run_json(capsys, built_store_path, "held", "nsc", "--on", "2022-01-05")
    holders = {h["person"]: h for h in found["holders"]}
    assert "ermek-sagimbayev" not in holders
    assert holders["karim-massimov"]["certainty"] == "possible"
    assert "start not given" in holders["karim-massimov"]["reasons"]


def test_held_keeps_the_precision_asked(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    found = run_json(capsys, built_store_path, "held", "nsc", "--on", "2022-01")
    assert found["on"] == "2022-01"
    holders = {h["person"]: h["certainty"] for h in found["holders"]}
    assert holders == {"karim-massimov": "possible", "ermek-sagimbayev": "possible"}


def test_held_json_names_the_subject_by_id(
    capsys: pytest.CaptureFixture[str], built_store_path: Path
) -> None:
    # As `succession --json` does: a script reading "subject" gets the id, not what was typed.
    found = run_json(
        capsys, built_store_path, "held", "National Security Committee", "--on", "2022-01-07"
    )
    assert [h["person"] for h in found["holders"]] == ["ermek-sagimbayev"]
    assert found["subject"] == "nsc"


# -- bad input: one line, exit 2 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["held", "nsc", "--on", "2022-13"], ["--on", "2022-13"]),
        (["held", "nsc", "--on", "2022-02-30"], ["--on", "2022-02-30"]),
        (["held", "nsc", "--on", "22"], ["--on"]),
        (["held", "nsc", "--on", "2022-1"], ["--on"]),
        (["held", "nsc", "--on", ""], ["--on"]),
        (["timeline", "--from", "yesterday"], ["--from", "yesterday"]),
        (["timeline", "--to", "2022-00"], ["--to"]),
        (["timeline", "--from", "2022", "--to", "2021"], ["--to", "--from"]),
    ],
)
def test_bad_dates_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, argv: list[str], words: list[str]
) -> None:
    code, out, err = run(capsys, built_store_path, *argv)
    assert_one_line_error(code, out, err, *words)
    code, out, err = run(capsys, built_store_path, *argv, "--json")
    assert_one_line_error(code, out, err, *words)


@pytest.mark.parametrize(
    "argv",
    [
        ["held", "no-such-post", "--on", "2022"],
        ["succession", "no-such-post"],
        ["career", "no-such-person-zzz"],
        ["career", "karim-massimov", "no-such-person-zzz"],
        ["timeline", "--entity", "qqqzzzxxx"],
    ],
)
def test_unknown_ids_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], built_store_path: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, built_store_path, *argv)
    # Each names where to look: a search for a name, the list of posts for a post.
    hint = "kazsec succession --posts" if argv[1] == "no-such-post" else "kazsec search"
    assert_one_line_error(code, out, err, hint)
    code, out, err = run(capsys, built_store_path, *argv, "--json")
    assert_one_line_error(code, out, err)


def test_a_body_is_not_a_person(capsys: pytest.CaptureFixture[str], built_store_path: Path) -> None:
    code, out, err = run(capsys, built_store_path, "career", "nsc")
    assert_one_line_error(code, out, err)


# -- data with escape sequences in it ---------------------------------------------------------


@pytest.fixture(scope="module")
def poisoned_store(built_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built store with an escape-sequence payload after every name, title and post."""
    data = store_data(built_store_path)
    fields = {"people": "name", "agencies": "name", "events": "title", "positions": "post"}
    for table, field in fields.items():
        for record in data[table].values():
            record[field] += PAYLOAD
    target = tmp_path_factory.mktemp("poisoned") / "kazsec.json"
    return save_store_data(data, built_store_path, target)


POISONED_COMMANDS = [
    ["timeline"],
    ["timeline", "--zoom", "day", "--from", "2022-01"],
    ["timeline", "--entity", "ermek-sagimbayev"],
    ["career", "karim-massimov", "ermek-sagimbayev"],
    ["succession", "nsc"],
    ["succession", "--posts"],
    ["held", "nsc", "--on", "2022-01-06"],
]


@pytest.mark.parametrize("argv", POISONED_COMMANDS, ids=" ".join)
def test_no_raw_escape_from_the_data_in_plain_output(
    capsys: pytest.CaptureFixture[str], poisoned_store: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, poisoned_store, *argv)
    assert code == 0, err
    assert "\u241b" in out, "the poisoned words are shown, their escapes as pictures (␛)"
    assert_plain(out)
    assert_plain(err)


@pytest.mark.parametrize("argv", POISONED_COMMANDS, ids=" ".join)
def test_json_escapes_every_control_and_keeps_it(
    capsys: pytest.CaptureFixture[str], poisoned_store: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, poisoned_store, *argv, "--json")
    assert code == 0, err
    assert_plain(out)
    assert "\\u001b]52" in out
    assert any(PAYLOAD in text for text in strings(json.loads(out))), "every character kept"
