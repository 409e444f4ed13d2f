"""A one-word outlet of the knowledge base that is a person's surname in the sentence
(invented sentences, real pipeline)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def ents(nlp):
    def run(text: str) -> list[tuple[str, str, str]]:
        return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]

    return run


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Former mayor Michael Bloomberg opened the new library on Monday.", "Michael Bloomberg"),
        ("Mr. Bloomberg said the library had cost too much.", "Bloomberg"),
    ],
)
def test_a_first_name_or_honorific_makes_the_outlet_a_person(ents, text, person):
    found = ents(text)
    assert (person, "PERSON", "") in found
    assert not any(e[2] == "kb:bloomberg" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The minister told Bloomberg that the talks had failed.",
        "Bloomberg News reported the deal on Monday.",
    ],
)
def test_the_outlet_stays_the_outlet(ents, text):
    assert any(e[2] == "kb:bloomberg" for e in ents(text))


def test_a_full_name_before_an_outlet_is_not_extended(ents):
    found = ents("Anthony Wainwright Twitter posts were deleted on Monday.")
    assert not any(e[0].endswith("Twitter") and e[1] == "PERSON" for e in found)
