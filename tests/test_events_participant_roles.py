"""Participants in roles away from the trigger's subject: an election's candidates, an
attack's victims, the one a passive "he" stands for, the gender a kin or role noun tells
of a name, the state a demand is made of (invented texts, the real spaCy model)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import _extract, _small

_PEOPLE = {
    "x:ana-vale": ("Ana Vale", "person", "RR"),
    "x:tomas-ruiz": ("Tomas Ruiz", "person", "RR"),
    "x:pedro-lima": ("Pedro Lima", "person", "RR"),
    "x:mika-oduya": ("Mika Oduya", "person", "RR"),
    "x:kim-tae-ho": ("Kim Tae Ho", "person", "RR"),
    "x:rr": ("Ruritania", "country", "RR"),
    "x:bx": ("Bexley", "country", "BX"),
}
_SURFACES = [
    ("Kim Tae Ho", "PERSON", "x:kim-tae-ho"),
    ("Ana Vale", "PERSON", "x:ana-vale"),
    ("Tomas Ruiz", "PERSON", "x:tomas-ruiz"),
    ("Pedro Lima", "PERSON", "x:pedro-lima"),
    ("Mika Oduya", "PERSON", "x:mika-oduya"),
    ("Ruritanian", "NORP", "x:rr"),
    ("Ruritania", "GPE", "x:rr"),
    ("Bexley", "GPE", "x:bx"),
    ("Vale", "PERSON", "x:ana-vale"),
    ("Ruiz", "PERSON", "x:tomas-ruiz"),
    ("Kim", "PERSON", "x:kim-tae-ho"),
]


def _events(spacy_nlp, text: str) -> list[tuple[str, str, list[str]]]:
    """(type, trigger, participants) of the events of ``text``, in text order."""
    frames = _small(spacy_nlp, text, _SURFACES, aid="roles1", actors=_PEOPLE)
    ev = _extract(frames).sort_values("trigger_start")
    return [(str(r.type), str(r.trigger), list(r.participants)) for r in ev.itertuples()]


def _of(events, type_: str) -> list[list[str]]:
    return [p for t, _trig, p in events if t == type_]


# ---------------------------------------------------------------- election candidates


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Ana Vale, an opposition candidate for the presidential election to be held "
            "on May 3, addressed a rally in the capital.",
            "x:ana-vale",
        ),
        ("Tomas Ruiz ran in the 2012 election.", "x:tomas-ruiz"),
        ("The frontrunner in Sunday's election, Ana Vale, addressed a rally.", "x:ana-vale"),
        ("Ana Vale is a candidate in the presidential election.", "x:ana-vale"),
        ("Tomas Ruiz is running for president in the election next year.", "x:tomas-ruiz"),
        ("Tomas Ruiz won the presidential election in 2012.", "x:tomas-ruiz"),
        ("Tomas Ruiz won the general election race in 2012.", "x:tomas-ruiz"),
        ("Tomas Ruiz, who ran in the 2012 election, addressed a rally.", "x:tomas-ruiz"),
    ],
)
def test_a_candidate_takes_part_in_the_election(spacy_nlp, text, who):
    assert _of(_events(spacy_nlp, text), "election") == [[who]]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Tomas Ruiz lost the 2012 election to Ana Vale.", ["x:tomas-ruiz", "x:ana-vale"]),
        ("In the 2012 election, Ana Vale defeated Tomas Ruiz.", ["x:ana-vale", "x:tomas-ruiz"]),
        ("Ana Vale avoided a costly primary.", ["x:ana-vale"]),
        ("Tomas Ruiz survived the 2012 election.", ["x:tomas-ruiz"]),
    ],
)
def test_the_rival_and_the_one_who_faces_the_election_are_candidates(spacy_nlp, text, who):
    assert _of(_events(spacy_nlp, text), "election") == [who]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Vale voted in the election.",  # a voter is no candidate
        "Tomas Ruiz called the election for May.",  # nor who calls it
    ],
)
def test_a_voter_or_who_calls_the_election_is_no_candidate(spacy_nlp, text):
    assert _of(_events(spacy_nlp, text), "election") in ([], [[]])


def test_a_new_vote_has_none_of_the_candidates_of_the_election(spacy_nlp):
    text = (
        "Ana Vale, a candidate for the presidential election, held a rally. "
        "She promised to hold a constitutional referendum."
    )
    events = _events(spacy_nlp, text)
    by_trigger = {trig: p for t, trig, p in events if t == "election"}
    assert by_trigger["election"] == ["x:ana-vale"]
    assert by_trigger.get("referendum", []) == []


# ---------------------------------------------------------------- whom an attack struck


def test_he_killed_by_an_airstrike_is_its_target(spacy_nlp):
    text = (
        "Tomas Ruiz led the militia for a decade. "
        "He was killed last week by an airstrike in the capital."
    )
    assert _of(_events(spacy_nlp, text), "military_activity") == [["x:tomas-ruiz"]]


@pytest.mark.parametrize(
    "text",
    [
        "Bexley forces killed Tomas Ruiz in an airstrike.",
        "The airstrike killed Tomas Ruiz.",
        "Tomas Ruiz was killed in an airstrike by Bexley forces.",
        "Tomas Ruiz died in a drone strike.",
    ],
)
def test_the_one_killed_in_a_strike_takes_part(spacy_nlp, text):
    (parts,) = _of(_events(spacy_nlp, text), "military_activity")
    assert "x:tomas-ruiz" in parts
    if "Bexley" in text:
        assert "x:bx" in parts  # who struck


def test_a_later_victim_of_the_airstrike_joins_the_same_event(spacy_nlp):
    text = (
        "Bexley carried out an airstrike that killed Tomas Ruiz. "
        "He was meeting Pedro Lima, who was also killed in the airstrike."
    )
    attacks = _of(_events(spacy_nlp, text), "military_activity")
    assert attacks == [["x:bx", "x:tomas-ruiz", "x:pedro-lima"]]


def test_the_nationality_of_a_named_victim_is_not_struck(spacy_nlp):
    # "the airstrike that killed Ruritanian general, Tomas Ruiz", parsed as written
    # (the small model hangs a final apposition elsewhere)
    from spacy.tokens import Doc

    from analysis.events.generic import attack_targets

    words = ["the", "airstrike", "that", "killed", "Ruritanian", "general", ",", "Tomas", "Ruiz"]
    heads = [1, 1, 3, 1, 5, 3, 5, 8, 5]
    deps = ["det", "ROOT", "nsubj", "relcl", "amod", "dobj", "punct", "compound", "appos"]
    pos = ["DET", "NOUN", "PRON", "VERB", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN"]
    lemmas = ["the", "airstrike", "that", "kill", "ruritanian", "general", ",", "tomas", "ruiz"]
    doc = Doc(spacy_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    struck = [t.text for t in attack_targets(doc[1])]
    assert struck == ["general"]  # and through it its apposition, the person
    # a group keeps its state: "the airstrike that killed Ruritanian troops"
    words[5], lemmas[5] = "troops", "troop"
    doc = Doc(
        spacy_nlp.vocab,
        words=words[:6],
        heads=heads[:6],
        deps=deps[:6],
        pos=pos[:6],
        lemmas=lemmas[:6],
    )
    assert [t.text for t in attack_targets(doc[1])] == ["troops", "Ruritanian"]


def test_an_act_in_response_to_the_strike_does_not_lend_it_its_actors(spacy_nlp):
    text = "Ruritania fired missiles at Bexley troops in response to the airstrike."
    by_trigger = {trig: p for t, trig, p in _events(spacy_nlp, text) if t == "military_activity"}
    assert "x:rr" in by_trigger["fired"]
    # "the airstrike" is another act than the firing that answers it
    assert "x:rr" not in by_trigger.get("airstrike", [])


# ---------------------------------------------------------------- a passive "he"


def test_a_new_paragraph_does_not_take_the_one_person_named_before_it(spacy_nlp):
    text = (
        "Pedro Lima has criticised the plan for months.\n\n"
        "The senator said the vote should wait because Tomas Ruiz must act first.\n\n"
        "He was sanctioned again in 2014 over a bribery scheme."
    )
    # a passing mention at the end of another paragraph is not whom "he" goes back to
    assert _of(_events(spacy_nlp, text), "sanctions") in ([], [[]])


def test_he_sanctioned_is_the_one_person_named_just_before(spacy_nlp):
    text = (
        "In 2007 the government labeled Tomas Ruiz a terrorist and froze his assets. "
        "He was sanctioned again in 2014 over a bribery scheme."
    )
    assert _of(_events(spacy_nlp, text), "sanctions") == [["x:tomas-ruiz"]]


# ---------------------------------------------------------------- gender from nouns


def test_a_name_said_to_be_a_mother_is_no_he(spacy_nlp):
    text = "Mika Oduya was the mother of Tomas Ruiz. He met Pedro Lima in Vienna."
    assert _of(_events(spacy_nlp, text), "meeting") == [["x:tomas-ruiz", "x:pedro-lima"]]


def test_a_kin_noun_of_another_person_tells_nothing_of_the_name(spacy_nlp):
    # "the mother of Tomas Ruiz": the mother is a woman, not Ruiz
    text = "The mother of Tomas Ruiz addressed the crowd. He met Pedro Lima in Vienna."
    assert _of(_events(spacy_nlp, text), "meeting") == [["x:tomas-ruiz", "x:pedro-lima"]]


def test_a_son_is_a_he_though_his_first_word_is_a_womans_name(spacy_nlp):
    # "Kim" is a woman's first name in English and a family name in Korean: the text
    # says he is a son
    text = "Kim Tae Ho, 45, is the eldest son of a former minister. He met Pedro Lima in Vienna."
    assert _of(_events(spacy_nlp, text), "meeting") == [["x:kim-tae-ho", "x:pedro-lima"]]


# ---------------------------------------------------------------- whom a demand is made of


@pytest.mark.parametrize(
    "text",
    [
        "Ana Vale called on the Ruritanian government to cut spending.",
        "Ana Vale called for the Ruritanian government to cut spending.",
        "Ana Vale urged Ruritania to cut spending.",
    ],
)
def test_the_state_asked_to_act_takes_part_in_the_demand(spacy_nlp, text):
    assert _of(_events(spacy_nlp, text), "demand") == [["x:ana-vale", "x:rr"]]


def test_a_party_leader_title_is_not_the_state_asked(spacy_nlp):
    text = "Ruritanian opposition leader Ana Vale called for new talks with Bexley."
    (parts,) = _of(_events(spacy_nlp, text), "demand")
    assert "x:ana-vale" in parts and "x:rr" not in parts


# ---------------------------------------------------------------- time spent at an event


def test_who_spent_the_day_meeting_others_met_them(spacy_nlp):
    met = _of(_events(spacy_nlp, "Ana Vale spent Wednesday meeting with Tomas Ruiz."), "meeting")
    assert met and "x:ana-vale" in met[0] and "x:tomas-ruiz" in met[0]
    # money spent on an election makes no candidate of the spender
    assert _of(_events(spacy_nlp, "Ana Vale spent millions on the 2012 election."), "election") in (
        [],
        [[]],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who speaks during or at a meeting with others takes part in it
        ("Paul LePage said during a meeting with Mike Pompeo that he would stay.", True),
        ("Paul LePage spoke at a meeting with Mike Pompeo on Monday.", True),
        # not in a meeting between others
        (
            "Paul LePage said during the talks between Mike Pompeo and Kim Jong Un that he would stay.",
            False,
        ),
    ],
)
def test_who_speaks_during_a_meeting_takes_part_in_it(text, expected):
    from test_parse_repairs import _events as _built

    ev = _built({"a": text})
    met = ev[ev["type"].isin(["meeting", "talks"])]
    assert len(met) == 1
    assert ("Paul LePage" in met["names"].iloc[0]) is expected


def test_the_person_whose_election_it_is_is_its_candidate(spacy_nlp):
    text = "Tomas Ruiz's re-election campaign began on Monday."
    assert _of(_events(spacy_nlp, text), "election") == [["x:tomas-ruiz"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Tom Cotton called on Monday for Bob Corker's resignation.", "Bob Corker"),
        ("Senator Tom Cotton demanded the ouster of Bob Corker.", "Bob Corker"),
        # whose release is asked is no one the demand is about here
        ("Senator Tom Cotton demanded the release of Bob Corker's papers.", None),
    ],
)
def test_whose_resignation_a_demand_asks_for_takes_part(text, expected):
    from test_parse_repairs import _events as _built

    ev = _built({"a": text})
    names = ev.loc[ev["type"].eq("demand"), "names"].tolist()
    assert len(names) == 1 and "Tom Cotton" in names[0]
    assert (expected in names[0]) if expected else names[0] == ["Tom Cotton"]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Bob Corker said on Monday that he would end his re-election bid.",
        # the parser reads "her" as the object here: the word before the compound
        "Senator Susan Collins was indicted, and announced days later that she had "
        "suspended her re-election campaign.",
    ],
)
def test_his_or_her_re_election_is_the_election_of_the_one_it_stands_for(text):
    from test_parse_repairs import _events as _built

    ev = _built({"a": text})
    names = ev.loc[ev["type"].eq("election"), "names"].tolist()
    assert names == [[ev.loc[ev["type"].eq("statement"), "names"].iloc[0][0]]], names


def test_an_election_told_by_its_candidate_takes_no_other_election_s_people():
    from test_parse_repairs import _events as _built

    ev = _built(
        {
            "a": "Senator Ann Vale was first elected in 2008. Days after Tom Ruiz's "
            "election, she resigned from the party.",
        }
    )
    second = ev[ev.trigger.eq("election")].iloc[0]
    assert second.names == ["Tom Ruiz"]
    assert pd.isna(second.begin)  # not Vale's 2008
