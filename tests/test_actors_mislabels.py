"""A person's surname the tagger labelled a place, a group or a work (invented names)."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.actors.mislabels import relabel_surnames, surname_organisations


@dataclass
class _M:
    text: str
    label: str
    pattern_id: str | None = None
    actor_id: str | None = None
    kind: str | None = None
    name: str | None = None


def test_a_surname_mislabelled_a_place_or_group_is_the_person_named_in_full():
    ms = [
        _M("Adam Vale", "PERSON"),
        _M("Vale", "LOC"),  # "told Vale": a place to the tagger
        _M("Vale’s", "PRODUCT"),  # "Vale's arrival"
        _M("Ruritanian", "NORP"),
        _M("Vale", "GPE"),  # a country of that name stays a country
        _M("Vale", "LOC", pattern_id="kb:vale_river"),  # a known place stays a place
        _M("Ruiz", "NORP"),  # no "... Ruiz" named in full in this article
    ]
    assert relabel_surnames(ms, lambda w: w == "Ruritanian") == 2
    assert [m.label for m in ms] == ["PERSON", "PERSON", "PERSON", "NORP", "GPE", "LOC", "NORP"]


def test_a_people_s_name_is_never_read_as_a_surname():
    ms = [_M("Ana Ruritanian", "PERSON"), _M("Ruritanian", "NORP")]
    assert relabel_surnames(ms, lambda w: w == "Ruritanian") == 0
    assert ms[1].label == "NORP"


def test_a_one_word_organisation_goes_to_the_one_person_of_that_surname():
    one, two = _M("Vale Denies Report", "ORG"), _M("Ruiz", "ORG")
    people = {"Vale": {"x:adam-vale"}, "Ruiz": {"x:ana-ruiz", "x:ivo-ruiz"}}
    surname_organisations([one, two], lambda w: people.get(w, set()))
    assert (one.actor_id, one.kind, one.text) == ("x:adam-vale", "person", "Vale")
    assert two.actor_id is None  # two people of that surname: not decided here
