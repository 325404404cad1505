"""Time views that claim no more than the dates: bars, successions, quotes for changes, kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kazsec.chronology.succession import replacements, succession
from kazsec.chronology.tenures import Tenure, tenure_of
from kazsec.chronology.timeline import event_kind
from kazsec.cli import main
from kazsec.library import Library
from kazsec.render.careers import (
    END_NOT_GIVEN,
    ENDED_UNDATED,
    HELD,
    IN_OFFICE_AS_OF,
    IN_OFFICE_UNDATED,
    START_NOT_GIVEN,
    UNSAID,
    WITHIN,
    Axis,
    axis_for,
    bar,
)
from kazsec.store import Store

AXIS = Axis(dt.date(2018, 1, 1), dt.date(2025, 12, 31), 96)  # a column a month


def tenure(start: str = "", end: str = "", status: str = "", as_of: str = "", n: int = 1) -> Tenure:
    return tenure_of(
        {
            "id": f"p{n}/position-{n}",
            "person": f"p{n}",
            "post": "Head of the Board",
            "body": "board",
            "start": start,
            "end": end,
            "end_reason": "",
            "status": status,
            "as_of": as_of,
            "cite": [{"source": "s", "exact": "q", "start": n, "end": n + 1, "passage": "s/p1"}],
        }
    )


def drawn(found: Tenure, axis: Axis = AXIS) -> str:
    return bar(found, axis).plain


def month(iso: str) -> int:
    return AXIS.column(dt.date.fromisoformat(iso + "-01"))


def test_a_bar_is_solid_only_between_certain_days() -> None:
    line = drawn(tenure("2019-03-10", "2021-06-20"))
    began, ended = AXIS.column(dt.date(2019, 3, 10)), AXIS.column(dt.date(2021, 6, 20))
    assert set(line[began : ended + 1]) == {HELD}
    assert set(line[:began]) == {" "} and set(line[ended + 1 :]) == {" "}


def test_a_date_known_to_the_year_is_shaded_across_it() -> None:
    line = drawn(tenure("2019", "2021-06-20"))
    assert line[month("2019-01")] == WITHIN and line[month("2019-11")] == WITHIN
    assert line[month("2020-01")] == HELD


def test_shading_of_a_start_stops_at_a_dated_end() -> None:
    # Began some time in 2022, left in March 2022: no day of it is certain, and nothing
    # is drawn after March.
    line = drawn(tenure("2022", "2022-03"))
    assert HELD not in line
    assert line[month("2022-02")] == WITHIN
    assert set(line[month("2022-05") :]) == {" "}


def test_in_office_as_of_a_year_is_shaded_then_marked() -> None:
    line = drawn(tenure("2019-05-01", status="in office", as_of="2024"))
    assert line[month("2023-12")] == HELD
    assert line[month("2024-06")] == WITHIN, "the year of the report is not every day held"
    assert IN_OFFICE_AS_OF in line


def test_the_mark_for_in_office_fits_at_the_edge() -> None:
    line = drawn(tenure("2019-05-01", status="in office", as_of="2025"))
    assert line.endswith(IN_OFFICE_AS_OF)


@pytest.mark.parametrize(
    ("status", "mark"),
    [("", END_NOT_GIVEN), ("former", ENDED_UNDATED), ("in office", IN_OFFICE_UNDATED)],
)
def test_each_undated_end_has_its_own_mark(status: str, mark: str) -> None:
    line = drawn(tenure("2019-05-01", status=status))
    assert line[-1] == mark
    assert line[month("2019-05")] == HELD and line[month("2022-01")] == UNSAID


def test_a_start_not_given_is_dotted_and_marked() -> None:
    line = drawn(tenure(end="2022-01-06"))
    assert line[0] == START_NOT_GIVEN and line[month("2020-01")] == UNSAID
    assert line[month("2022-01")] == HELD


def test_the_axis_leaves_room_for_open_ends() -> None:
    axis = axis_for([tenure(end="2022-01-06"), tenure("2020-02-02", n=2)], 40)
    # 2020-2022 dated; a year more before (a start not given) and after (an end not given).
    assert axis is not None and (axis.first.year, axis.last.year) == (2019, 2023)
    assert axis_for([tenure(n=3)], 40) is None, "nothing dated: no axis, no invented years"


def chain(*found: Tenure, people: list[dict[str, Any]] | None = None) -> Any:
    return succession("board", "Head of the Board", list(found), replacements(people or []), [])


def test_holders_at_the_same_time_are_not_a_succession() -> None:
    one = tenure("2022-01-09", status="in office", as_of="2022-02-16", n=1)
    two = tenure("2022-01-09", status="in office", as_of="2022-02-16", n=2)
    change = chain(one, two).changes[1]
    assert change.concurrent and change.how != "replaced"


def test_a_second_term_ending_later_is_not_moved_before_the_successor() -> None:
    first = tenure("2000-01-01", "2005-06-01", n=1)._replace(person="a")
    other = tenure("2005-06-01", "2010-01-01", n=2)._replace(person="b")
    again = tenure(end="2015-01-01", n=3)._replace(person="a")
    people = [{"id": "b", "relations": [{"type": "replaced", "target": "a", "cite": []}]}]
    found = chain(first, other, again, people=people)
    assert [t.person for t in found.holders] == ["a", "b", "a"]
    assert found.changes[2].date is None, "a change is dated by the new start only"


def test_a_change_cites_an_event_of_its_own_day(store: Store) -> None:
    found = Library(store).chronology.succession("security-council")
    change = found.changes[-1]
    assert change.after.person == "kassym-jomart-tokayev"
    assert "Security Council" in change.how, change.how
    assert "2019" not in change.how


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Article 2 of the Constitution amended", "law"),
        ("Kazakhstan chairs the OSCE", "other"),
        ("New Constitution adopted by referendum", "law"),
        ("A. Kurtov's book on elections in Kazakhstan", "publication"),
        ("Voloshin's CACI Analyst article on antiterrorist policy", "publication"),
        ("Senate speaker Tokayev becomes president", "appointment"),
    ],
)
def test_kinds_read_from_titles(title: str, kind: str) -> None:
    assert event_kind(title) == kind


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--from", ""],
        ["timeline", "--entity", ""],
        ["career", "karim-massimov", "ermek-sagimbayev", "askar-mamin"],
        ["held", "nsc", "--on", "2022-1"],
    ],
)
def test_empty_or_extra_arguments_are_refused(
    argv: list[str], store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--store", str(store.path), *argv])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("kazsec: error:") and err.count("\n") == 1


def test_a_long_name_is_cut_in_the_error(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--store", str(store.path), "timeline", "--entity", "zq" * 50_000])
    _, err = capsys.readouterr()
    assert code == 2 and len(err) < 300
