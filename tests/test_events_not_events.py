"""Words of events used for something else (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import SURFACES, _extract, _small


@pytest.mark.parametrize(
    ("text", "type_", "is_event"),
    [
        # how a thing was received is no meeting
        ("The offer from Donald Trump was met with silence in Seoul.", "meeting", False),
        ("Donald Trump met with Kim Jong Un in Hanoi.", "meeting", True),
        # what a text provides for is no demand
        ("The agreement calls for a ceasefire along the border.", "demand", False),
        ("The new budget calls for deep cuts in aid.", "demand", False),
        ("Mike Pompeo calls for a ceasefire along the border.", "demand", True),
        ("Mike Pompeo and many lawmakers called for a ceasefire.", "demand", True),
        # a verb used as an adjective, a territory claimed
        ("Mike Pompeo met the newly elected officials of Seoul.", "election", False),
        ("Mike Pompeo lost his re-election bid in Kansas.", "election", True),
        ("Vladimir Putin claimed Alaska for Russia.", "statement", False),
        # confirming a nominee is a vote on a person, not words
        ("Mike Pompeo wants the Senate to confirm Judge Ana Vale quickly.", "statement", False),
        ("Mike Pompeo wants the Senate to confirm Judge Vale quickly.", "statement", False),
        ("Mike Pompeo confirmed that the talks would resume.", "statement", True),
        # a disposition to act names no act
        ("Kim Jong Un praised the willingness of Mike Pompeo to negotiate.", "talks", False),
        ("Kim Jong Un and Mike Pompeo negotiated for hours.", "talks", True),
        # "appeal to" that courts, not asks
        ("Donald Trump has sought to appeal to voters with new claims.", "demand", False),
        ("Mike Pompeo appealed to Kim Jong Un to return to the talks.", "demand", True),
        # "add" that adds a thing, not words
        ("Mike Pompeo was added to the negotiating team.", "statement", False),
        ("The remarks of Mike Pompeo added fuel to the dispute.", "statement", False),
        ("Mike Pompeo added that the talks would resume.", "statement", True),
        # "admit" that lets in, not that owns up
        ("Judge Mike Pompeo admitted the phone records as evidence.", "statement", False),
        ("Mike Pompeo was admitted to hospital in Seoul.", "statement", False),
        ("North Korea admitted South Korea into the trade group.", "statement", False),
        ("Mike Pompeo admitted that the samples were flawed.", "statement", True),
        ("Mike Pompeo admitted to lying about the talks.", "statement", True),
        # "has alleged ties": an adjective before a noun of ties, not the perfect
        ("Mike Pompeo has alleged links to the smuggling ring.", "statement", False),
        ("Mike Pompeo has alleged fraud in the vote.", "statement", True),
    ],
)
def test_an_event_word_in_another_sense_is_no_event(spacy_nlp, text, type_, is_event):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq(type_).any() is is_event, ev[["type", "trigger", "participants"]]


@pytest.mark.parametrize(
    "text",
    [
        "Mike Pompeo won the Republican primary in Kansas.",
        "Donald Trump campaigned hard before the midterms.",
        "Donald Trump will not seek re-election.",
        "Donald Trump faces a runoff in Georgia.",
    ],
)
def test_primaries_midterms_runoffs_and_re_elections_are_elections(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq("election").any(), ev[["type", "trigger"]]


@pytest.mark.parametrize(
    ("text", "is_statement"),
    [
        ("Mike Pompeo accused Kim Jong Un of breaking the deal.", True),
        ("Donald Trump wrote that the talks had failed.", True),
        ("Vladimir Putin condemned the sanctions on Monday.", True),
        # a charge without its accuser, a work written: no one speaks
        ("Mike Pompeo was accused of breaking the deal.", False),
        ("Donald Trump expelled two envoys of Russia accused of spying.", False),
        ("Donald Trump expelled two envoys accused by Mike Pompeo of spying.", True),
        # "call" says something only when it names what it calls
        ("Mike Pompeo called the launch a reckless gamble.", True),
        ("Mike Pompeo called Kim Jong Un on Friday night.", False),
        ("Mike Pompeo wrote a memoir about the talks.", False),
    ],
)
def test_judging_and_writing_are_sayings_with_a_speaker(spacy_nlp, text, is_statement):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq("statement").any() is is_statement, ev[["type", "trigger"]]


def test_whom_a_demand_is_asked_of_takes_part(spacy_nlp):
    ev = _extract(
        _small(spacy_nlp, "Mike Pompeo demanded an explanation from Vladimir Putin.", SURFACES)
    )
    demand = ev[ev["type"].eq("demand")]
    assert len(demand) == 1, ev[["type", "trigger", "participants"]]
    assert set(demand.iloc[0]["participants"]) == {"kb:mike_pompeo", "kb:vladimir_putin"}


WASHINGTON = ("Washington", 0, "gn:4140963", "Washington", 38.9, -77.04, "US", "capital", "literal")
HAVANA = ("Havana", 0, "gn:3553478", "Havana", 23.13, -82.38, "CU", "capital", "literal")


@pytest.mark.parametrize(
    ("text", "place", "where"),
    [
        # a place inside the name of a paper, or what the words are about: not where
        ("Mike Pompeo wrote in a Washington Post op-ed that the talks failed.", WASHINGTON, None),
        ("Mike Pompeo announced new limits on flights to Havana.", HAVANA, None),
        # where the words were told
        ("Mike Pompeo told reporters in Havana that the talks failed.", HAVANA, "Havana"),
    ],
)
def test_a_saying_s_place_is_where_it_was_told(spacy_nlp, text, place, where):
    ev = _extract(_small(spacy_nlp, text, SURFACES, places=[place]))
    st = ev[ev["type"].eq("statement")]
    assert len(st) == 1, ev[["type", "trigger", "place_name"]]
    got = st.iloc[0]["place_name"]
    assert (None if pd.isna(got) else got) == where


@pytest.mark.parametrize(
    ("text", "word", "modifier"),
    [
        ("They fear a no-deal exit.", "deal", True),
        ("They fear the post-election period.", "election", True),
        ("They planned the re-election campaign.", "election", False),
        ("They praised the US-Korea talks.", "talks", False),
        ("They denied the alleged ties.", "alleged", True),
    ],
)
def test_a_word_inside_a_modifier_is_no_trigger(spacy_nlp, text, word, modifier):
    from analysis.events.generic import modifier_participle

    tok = next(t for t in spacy_nlp(text) if t.text == word)
    assert modifier_participle(tok) is modifier


@pytest.mark.parametrize(
    ("text", "is_visit"),
    [
        ("Kim Jong Un flew to Vladivostok on an armoured train.", True),
        ("Mike Pompeo landed in Pyongyang for the talks.", True),
        ("Mike Pompeo will head to Seoul after the summit.", True),
        # moving without a place, or another sense of the verb
        ("Mike Pompeo heads the State Department.", False),
        ("Donald Trump hopes to land a deal with Kim Jong Un.", False),
    ],
)
def test_flying_heading_and_landing_are_visits_only_to_a_place(spacy_nlp, text, is_visit):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq("visit").any() is is_visit, ev[["type", "trigger", "participants"]]


@pytest.mark.parametrize(
    ("text", "is_election"),
    [
        # a title, a body, a habit: no election
        ("Donald Trump met the incoming president elect on Monday.", False),
        ("Donald Trump met the president-elect on Monday.", False),
        ("Vladimir Putin appointed an election committee on Monday.", False),
        ("The council is the body that elects the chief executive.", False),
        ("Citizens do not elect the prime minister directly.", False),
        ("In Ruritania the prime minister is elected indirectly.", False),
        # the election itself, its day or its campaign
        ("Vladimir Putin won the election on Sunday.", True),
        ("On election day, Vladimir Putin voted in Moscow.", True),
        ("The election campaign of Vladimir Putin began on Monday.", True),
        ("Vladimir Putin was elected president in 2012.", True),
    ],
)
def test_election_words_that_name_no_election(spacy_nlp, text, is_election):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq("election").any() is is_election, ev[["type", "trigger"]]


@pytest.mark.parametrize(
    ("text", "type_", "kept"),
    [
        ("Vladimir Putin rejected the clashing claims of Kim Jong Un.", "military_activity", False),
        ("Mike Pompeo thanked the traveling public in Vladivostok.", "visit", False),
        # the event noun itself stays an event
        ("Vladimir Putin condemned the clashes with Kim Jong Un.", "military_activity", True),
    ],
)
def test_a_present_participle_before_a_noun_is_a_quality(spacy_nlp, text, type_, kept):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq(type_).any() is kept, ev[["type", "trigger"]]


def test_modifier_participle_reads_present_participles_too(spacy_nlp):
    from spacy.tokens import Doc

    from analysis.events.generic import modifier_participle

    def second(word: str) -> bool:
        doc = Doc(
            spacy_nlp.vocab,
            words=["the", word, "claims"],
            heads=[2, 2, 2],
            deps=["det", "amod", "ROOT"],
            tags=["DT", "VBG", "NNS"],
        )
        return modifier_participle(doc[1])

    assert second("clashing") and second("traveling")
    assert not second("visiting")  # "the visiting delegation" is a visit


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a text provides for what it "demands"
        ("Vladimir Putin said the Constitution demands a trial.", "demand"),
        # agreeing on a question is a view, not an agreement
        ("Members of the committee do not all agree on how the inquiry works.", "agreement"),
        # an event word inside the name of a body
        ("Kim Chang Son was the deputy commander of the Popular Mobilization Forces.", None),
        # a manner of choosing is no election
        ("Vladimir Putin backed a more representative process of electing the leaders.", None),
        # a thing that threatens is a danger, not a threat made
        ("Vladimir Putin said the presence of US troops threatens our security.", "threat"),
    ],
)
def test_words_of_events_that_tell_no_event(spacy_nlp, text, type_):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    if type_ is None:
        assert ev["type"].eq("statement").all(), ev[["type", "trigger"]]
    else:
        assert not ev["type"].eq(type_).any(), ev[["type", "trigger"]]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("North Korea threatened to strike back.", "threat"),
        ("Mike Pompeo and Vladimir Putin agreed on a ceasefire.", "agreement"),
        (
            "Vladimir Putin said the bill demands too much, and Mike Pompeo demanded a vote.",
            "demand",
        ),
    ],
)
def test_the_same_words_still_tell_events(spacy_nlp, text, type_):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq(type_).any(), ev[["type", "trigger"]]


def test_an_event_word_inside_a_body_s_name_is_part_of_the_name(spacy_nlp):
    from spacy.tokens import Doc

    from analysis.events.generic import inside_a_name

    words = ["the", "Popular", "Mobilization", "Forces", "and", "the", "Paris", "Agreement"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG"]
    doc = Doc(spacy_nlp.vocab, words=words, ents=ents)
    assert inside_a_name(doc[2], "military_activity")
    assert not inside_a_name(doc[7], "agreement")  # a treaty's name is its agreement


def test_an_ongoing_election_process_is_the_election(spacy_nlp):
    text = "Vladimir Putin praised the ongoing election campaign in Russia."
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert ev["type"].eq("election").any(), ev[["type", "trigger"]]


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        # however the parser attaches "elected", it describes the governor
        (
            "The panel requested notes of a call between Ruiz and then-newly elected "
            "Governor Vale in early May.",
            True,
        ),
        ("Vale was newly elected in April.", False),
        ("The voters elected Vale in April.", False),
    ],
)
def test_a_participle_of_recency_before_a_title_describes_the_person(spacy_nlp, text, modifier):
    from analysis.events.generic import modifier_participle

    doc = spacy_nlp(text)
    elected = next(t for t in doc if t.lower_ == "elected")
    assert modifier_participle(elected) is modifier


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kim Jong Un vowed to retaliate against the drills.", "threat"),
        ("Kim Jong Un vowed that North Korea would strike back.", "threat"),
        ("Donald Trump took office, vowing to rebuild the roads.", "statement"),
        ("Donald Trump vowed to publish the report in full.", "statement"),
    ],
)
def test_a_vow_threatens_only_an_act_against_someone(spacy_nlp, text, type_):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    vows = ev[ev["trigger"].str.startswith("vow")]
    assert list(vows["type"]) == [type_], ev[["type", "trigger"]]


def test_a_participle_of_recency_misread_as_a_conjunct_still_describes(spacy_nlp):
    # "a call between Ruiz and then-newly elected Governor Vale": a small model may make
    # "elected" a conjunct of "Ruiz" and "Vale" the object of "between"
    from spacy.tokens import Doc

    from analysis.events.generic import modifier_participle

    words = ["a", "call", "between", "Ruiz", "and", "then", "-", "newly", "elected"]
    words += ["Governor", "Vale", "."]
    heads = [1, 1, 1, 10, 3, 8, 8, 8, 3, 10, 2, 1]
    deps = ["det", "ROOT", "prep", "nmod", "cc", "advmod", "punct", "advmod", "conj"]
    deps += ["compound", "pobj", "punct"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "ADV", "PUNCT", "ADV", "VERB"]
    pos += ["PROPN", "PROPN", "PUNCT"]
    tags = ["DT", "NN", "IN", "NNP", "CC", "RB", "HYPH", "RB", "VBN", "NNP", "NNP", "."]
    spaces = [True, True, True, True, True, False, False, True, True, True, False, False]
    doc = Doc(
        spacy_nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=[w.lower() if w != "elected" else "elect" for w in words],
    )
    assert modifier_participle(doc[8])
