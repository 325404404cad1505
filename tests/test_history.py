"""Back and forward behave like a browser's."""

from kazsec.tui.history import History


def test_back_forward_and_a_new_visit_drops_the_forward_part() -> None:
    history: History[str] = History()
    assert history.back() is None
    for place in ("a", "b", "c"):
        history.visit(place)
    history.visit("c")  # the same place twice in a row counts once
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")
    assert history.forward() is None
    assert history.back() == "b" and history.entries == ["a", "b", "d"]
