"""Which words make an event, and which events stand without participants (invented texts)."""

from __future__ import annotations

import pytest
from test_events import SURFACES, _extract, _small


def _rows(spacy_nlp, text: str) -> list[tuple[str, str, list[str]]]:
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    return [(str(r.trigger), str(r.type), list(r.participants)) for r in ev.itertuples()]


@pytest.mark.parametrize("verb", ["chided", "rebuked"])
def test_chiding_someone_in_public_is_a_statement_of_the_chider(spacy_nlp, verb):
    rows = _rows(spacy_nlp, f"Mike Pompeo publicly {verb} Kim Jong Un on Friday.")
    assert (verb, "statement", ["kb:mike_pompeo"]) in rows


def test_an_election_is_kept_without_participants_and_a_country_is_not_one(spacy_nlp):
    rows = _rows(spacy_nlp, "Putin does not want to influence Russia's elections.")
    # Russia is where the elections are held; its candidates would take part
    assert ("elections", "election", []) in rows
    assert ("elections", "election", []) in _rows(spacy_nlp, "Trump spoke ahead of the elections.")


def test_an_anonymous_remark_still_makes_no_statement_row(spacy_nlp):
    assert not [
        r for r in _rows(spacy_nlp, "It was said that the talks went well.") if r[1] == "statement"
    ]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kim Jong Un warned that he would strike back.", "threat"),
        ("Mike Pompeo warned that we will respond with force.", "threat"),
        ("Mike Pompeo warned that the talks could fail.", "statement"),
        ("Mike Pompeo warned Kim Jong Un that he had two weeks.", "statement"),
        ("Vladimir Putin threatened to cut gas supplies.", "threat"),
    ],
)
def test_a_warning_threatens_only_when_it_announces_the_warner_s_act(spacy_nlp, text, type_):
    rows = _rows(spacy_nlp, text)
    assert rows and rows[0][1] == type_


def test_a_discussion_between_named_parties_is_a_meeting_and_a_debate_is_not(spacy_nlp):
    text = "Aides would not give details of the discussion between Donald Trump and Kim Jong Un."
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    rows = ev[ev["type"].eq("meeting")]
    assert len(rows) == 1
    assert set(rows["participants"].iloc[0]) == {"kb:donald_trump", "kb:kim_jong_un"}
    # refusing the details of a meeting does not deny the meeting
    assert rows["status"].iloc[0] == "occurred"
    assert not _rows(spacy_nlp, "The discussion of the budget lasted for hours.")


@pytest.mark.parametrize(
    "text",
    [
        '"It is an invasion," Donald Trump said.',
        "North Korea poses a threat to the region.",
        "Mike Pompeo wanted to address the nuclear threat from North Korea.",
    ],
)
def test_a_danger_named_or_faced_is_no_event(spacy_nlp, text):
    assert not [r for r in _rows(spacy_nlp, text) if r[1] in ("threat", "military_activity")]


def test_an_invasion_launched_is_still_an_event(spacy_nlp):
    rows = _rows(spacy_nlp, "Russia launched an invasion of North Korea on Monday.")
    assert [r for r in rows if r[1] == "military_activity"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Russia interfered in our elections, Mike Pompeo said.", 0),
        ("Kim Jong Un will not interfere in future elections.", 0),
        ("Putin does not want to influence the Russian elections.", 1),
    ],
)
def test_elections_of_a_kind_are_no_event(spacy_nlp, text, events):
    assert len([r for r in _rows(spacy_nlp, text) if r[1] == "election"]) == events


def test_saying_nothing_is_no_statement(spacy_nlp):
    text = "Mike Pompeo passed the reporters but said nothing new."
    assert not [r for r in _rows(spacy_nlp, text) if r[1] == "statement"]
    assert [
        r for r in _rows(spacy_nlp, "Mike Pompeo said little had changed.") if r[1] == "statement"
    ]


def test_a_predicate_that_describes_a_named_event_is_not_another(spacy_nlp):
    text = "The meeting was the first negotiation between Donald Trump and Kim Jong Un."
    assert not [r for r in _rows(spacy_nlp, text) if r[1] == "talks"]
    text = "Donald Trump held the first negotiation with Kim Jong Un."
    assert [r for r in _rows(spacy_nlp, text) if r[1] == "talks"]


@pytest.mark.parametrize(
    ("text", "agreements"),
    [
        ("Donald Trump agreed with Mike Pompeo's assessment.", 0),
        ("Kim Jong Un agreed with Mike Pompeo that the talks were useful.", 0),
        ("North Korea agreed with South Korea on a plan to reopen the border.", 1),
        ("North Korea agreed to a ceasefire with South Korea.", 1),
    ],
)
def test_agreeing_with_a_view_is_no_agreement(spacy_nlp, text, agreements):
    rows = [r for r in _rows(spacy_nlp, text) if r[1] == "agreement" and r[0].startswith("agree")]
    assert len(rows) == agreements


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "North Korea fired artillery rounds at a border post in South Korea.",
            "military_activity",
        ),
        ("North Korea launched rockets into a town in South Korea.", "military_activity"),
        ("North Korea fired two ballistic missiles into the sea on Monday.", "weapons_test"),
        ("North Korea test-fired a new missile on Monday.", "weapons_test"),
        ("North Korea fired a missile on the first day of the drills.", "weapons_test"),
    ],
)
def test_firing_at_a_target_is_an_attack_and_into_the_sea_a_test(spacy_nlp, text, type_):
    rows = _rows(spacy_nlp, text)
    assert rows and rows[0][1] == type_, rows


@pytest.mark.parametrize(
    ("text", "type_", "participants"),
    [
        (
            "Mike Pompeo defended the US airstrike that killed Kim Chang Son at the airport.",
            "military_activity",
            {"kb:us_gov", "kb:kim_chang_son"},
        ),
        (
            "North Korea launched missiles targeting US troops in South Korea.",
            "military_activity",
            {"kb:north_korea_gov", "kb:us_gov"},
        ),
    ],
)
def test_whom_an_attack_struck_takes_part(spacy_nlp, text, type_, participants):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    rows = ev[ev["type"].eq(type_)]
    assert len(rows) == 1, ev[["type", "trigger", "participants"]]
    assert set(rows.iloc[0]["participants"]) == participants


def test_an_attack_in_response_to_another_is_another_event(spacy_nlp):
    text = (
        "North Korea launched missiles targeting US troops in response to the US "
        "airstrike on its base."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    attacks = ev[ev["type"].eq("military_activity")]
    assert sorted(attacks["trigger"]) == ["airstrike", "launched"], attacks[["trigger"]]
