"""An acronym defined in parentheses is the body it follows (invented texts)."""

from __future__ import annotations

from types import SimpleNamespace

from analysis.actors.acronyms import define_acronyms, initials


def _m(text: str, start: int, actor_id: str | None):
    return SimpleNamespace(
        text=text,
        start=start,
        end=start + len(text),
        actor_id=actor_id,
        kind="organisation",
        name=text,
        role="actor",
    )


def test_initials_skip_function_words():
    assert initials("Example Harbour Authority") == "EHA"
    assert initials("Organisation of the Example States") == "OES"
    assert initials("harbour authority") == ""


def test_an_acronym_in_parentheses_and_its_later_uses_are_the_body():
    text = "The Example Harbour Authority (EHA) met on Monday. Later the EHA said no. EHB too."
    full = _m("Example Harbour Authority", 4, "x:example-harbour-authority")
    first = _m("EHA", 31, "x:eha")
    later = _m("EHA", text.index("EHA said"), "x:eha")
    other = _m("EHB", text.index("EHB"), "x:ehb")
    changed = define_acronyms([later, other, first, full], lambda a, b: text[a:b])
    assert changed == 2
    assert first.actor_id == later.actor_id == "x:example-harbour-authority"
    assert other.actor_id == "x:ehb"


def test_an_acronym_that_is_not_the_initials_stays_apart():
    text = "The Example Harbour Authority (XYZ) met on Monday."
    full = _m("Example Harbour Authority", 4, "x:example-harbour-authority")
    acro = _m("XYZ", 31, "x:xyz")
    assert define_acronyms([full, acro], lambda a, b: text[a:b]) == 0
    assert acro.actor_id == "x:xyz"
