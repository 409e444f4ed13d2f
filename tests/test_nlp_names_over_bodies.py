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


_FULL = "Michael Bloomberg opened a children's clinic in Queens on Monday. "


@pytest.mark.parametrize(
    "text",
    [
        _FULL + "Bloomberg said the clinic would serve ten thousand patients.",
        _FULL + "The clinic is open every day, said Bloomberg.",
        _FULL + "Bloomberg, who paid for the building, cut the ribbon.",
        _FULL + "Bloomberg, a former mayor, cut the ribbon.",
        _FULL + "The governor and Bloomberg spoke for an hour.",
        "Bloomberg Wins Praise for Clinic\n\n" + _FULL,
    ],
)
def test_a_bare_surname_acting_as_the_person_named_in_full_is_the_person(ents, text):
    found = ents(text)
    assert [e for e in found if e[0] == "Bloomberg"] == [("Bloomberg", "PERSON", "")]
    assert not any(e[2] == "kb:bloomberg" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        _FULL + "A nurse told Bloomberg that the clinic was full.",
        _FULL + "According to Bloomberg, the clinic cost ten million dollars.",
        _FULL + "Bloomberg reported that the clinic cost ten million dollars.",
        "Bloomberg Reports Clinic Costs\n\n" + _FULL,
    ],
)
def test_the_outlet_stays_the_outlet_beside_the_person(ents, text):
    bare = [e for e in ents(text) if e[0] == "Bloomberg"]
    assert bare == [("Bloomberg", "ORG", "kb:bloomberg")]


@pytest.mark.parametrize(
    "text",
    [
        "Bloomberg said the bank would cut two thousand jobs.",
        "Mr. Bloomberg opened a clinic. Bloomberg said the bank would cut two thousand jobs.",
    ],
)
def test_without_the_full_name_a_bare_outlet_stays_the_outlet(ents, text):
    bare = [e for e in ents(text) if e[0] == "Bloomberg" and e[2]]
    assert bare == [("Bloomberg", "ORG", "kb:bloomberg")]


def test_any_one_word_outlet_of_the_knowledge_base_takes_the_rule(tmp_path):
    from analysis.nlp import load_pipeline

    path = tmp_path / "outlets.csv"
    path.write_text(
        "actor_id,name,kind,country,aliases,titles,metonyms,demonyms,wikidata,"
        "valid_from,valid_to,notes\n"
        "hartwell,Hartwell,media,GB,Hartwell|Hartwell Wire,,,,,,,an invented outlet\n",
        encoding="utf-8",
    )
    nlp = load_pipeline(kb=[path])
    doc = nlp(
        "Laura Hartwell opened a shelter in Leeds on Monday. Hartwell said the shelter "
        "would take forty families. The shelter was full, according to Hartwell."
    )
    bare = [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.text == "Hartwell"]
    assert bare == [("Hartwell", "PERSON", ""), ("Hartwell", "ORG", "kb:hartwell")]
