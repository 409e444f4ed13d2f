"""Who takes part: speakers of "he said" named in the same sentence (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import SURFACES, _extract, _small


def _speakers(spacy_nlp, text: str) -> list[list[str]]:
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    return [list(p) for p in ev.loc[ev["type"].eq("statement"), "participants"]]


def test_he_is_the_subject_of_the_clause_before_in_the_same_sentence(spacy_nlp):
    text = (
        '"The talks were useful," Vladimir Putin said. '
        "Mike Pompeo, the top diplomat, stopped short of endorsing the talks, "
        "but he said the mood was good."
    )
    # not the last person quoted (Putin): the subject of the sentence's first clause
    assert _speakers(spacy_nlp, text) == [["kb:vladimir_putin"], ["kb:mike_pompeo"]]


def test_he_without_a_subject_before_is_the_last_speaker(spacy_nlp):
    text = '"The talks were useful," Vladimir Putin said. He said the mood was good.'
    assert _speakers(spacy_nlp, text) == [["kb:vladimir_putin"], ["kb:vladimir_putin"]]


def test_a_parse_across_a_paragraph_break_neither_hedges_nor_dates(spacy_nlp):
    # a run-on "sentence" whose parse hangs the next paragraph's claim on a "said"
    from spacy.tokens import Doc

    from analysis.events import syntax
    from analysis.events.cues import status_cues

    words = ["Pompeo", "said", "so", ".", "\n\n", "Kim", "tested", "missiles", "."]
    spaces = [True, True, False, False, False, True, True, False, False]
    heads = [1, 1, 1, 1, 1, 6, 1, 6, 6]
    deps = ["nsubj", "ROOT", "advmod", "punct", "dep", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["PROPN", "VERB", "ADV", "PUNCT", "SPACE", "PROPN", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "RB", ".", "_SP", "NNP", "VBD", "NNS", "."]
    doc = Doc(
        spacy_nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=[w.lower() if w != "said" else "say" for w in words],
    )
    tested = doc[6]
    assert not syntax.same_paragraph(tested, doc[1])
    assert syntax.same_paragraph(tested, doc[7])
    cues = status_cues(tested)
    assert not cues["hedged"] and cues["attributed"] == ""
    # the same parse inside one paragraph is a claim of Pompeo's
    one = Doc(
        spacy_nlp.vocab,
        words=words[:2] + words[5:],
        spaces=[True, True, True, True, False, False],
        heads=[1, 1, 3, 1, 3, 3],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "VERB", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "VBD", "NNS", "."],
        lemmas=["pompeo", "say", "kim", "test", "missile", "."],
    )
    assert status_cues(one[3])["hedged"]


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # issuing a statement makes it; it is not a source reporting it
        ("The Kremlin issued a statement on the talks.", "statement", "occurred"),
        # a verb of saying with a to-infinitive demands it: the summit is still planned
        ("Mike Pompeo tweeted to Donald Trump to cancel the summit.", "meeting", "planned"),
        ("Mike Pompeo cancelled the summit.", "meeting", "denied"),
    ],
)
def test_status_of_issued_and_demanded(spacy_nlp, text, type_, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    rows = ev[ev["type"].eq(type_)]
    assert list(rows["status"]) == [status], ev[["type", "trigger", "status", "status_cues"]]


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        ("Vladimir Putin met Kim Jong Un at the Kremlin on Sunday.", True),  # the building
        ("The Kremlin said Vladimir Putin met Kim Jong Un.", False),  # its government
    ],
)
def test_a_government_name_after_a_locative_preposition_is_the_place(spacy_nlp, text, placed):
    kremlin = ("Kremlin", 0, "nd:kremlin", "Kremlin", 55.75, 37.62, "RU", "site", "government")
    ev = _extract(_small(spacy_nlp, text, SURFACES, [], [kremlin]))
    rows = ev[ev["type"].eq("meeting")]
    assert len(rows) == 1
    assert (str(rows.iloc[0]["place_id"]) == "nd:kremlin") is placed


@pytest.mark.parametrize(
    ("text", "participants", "status"),
    [
        # the named members of a group that demands
        (
            "A few senators, including Mike Pompeo, urged Donald Trump to cancel the summit.",
            ["kb:mike_pompeo", "kb:donald_trump"],
            "occurred",
        ),
        # who is called on; who stopped short of it, and that it was not done
        (
            "Mike Pompeo stopped short of calling on Donald Trump to cancel.",
            ["kb:mike_pompeo", "kb:donald_trump"],
            "denied",
        ),
    ],
)
def test_who_demands_and_of_whom(spacy_nlp, text, participants, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    rows = ev[ev["type"].eq("demand")]
    assert len(rows) == 1
    assert list(rows.iloc[0]["participants"]) == participants
    assert rows.iloc[0]["status"] == status


def test_whoever_is_called_on_to_cancel_a_meeting_takes_part_in_it(spacy_nlp):
    text = (
        "Mike Pompeo and Dmitry Peskov called on Donald Trump to cancel his meeting "
        "with Vladimir Putin."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    rows = ev[ev["type"].eq("meeting")]
    assert len(rows) == 1
    assert set(rows.iloc[0]["participants"]) == {"kb:vladimir_putin", "kb:donald_trump"}


def _participants(spacy_nlp, text: str, type_: str) -> list[list[str]]:
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    return [list(p) for p in ev.loc[ev["type"].eq(type_), "participants"]]


def test_he_as_subject_of_an_event_is_the_person_named_before(spacy_nlp):
    text = "Vladimir Putin arrived late in the evening. He met Kim on the next morning."
    # "He" stands for Putin: the person who met Kim, not only Kim
    assert _participants(spacy_nlp, text, "meeting") == [["kb:vladimir_putin", "kb:kim_jong_un"]]


def test_he_too_far_from_any_named_person_stays_unresolved(spacy_nlp):
    text = (
        "Vladimir Putin arrived late. The weather was cold. The roads were icy. "
        "The hall was full. He met Kim."
    )
    assert _participants(spacy_nlp, text, "meeting") == [["kb:kim_jong_un"]]


def test_a_visit_does_not_take_the_parties_of_talks_said_before(spacy_nlp):
    text = (
        "Pompeo praised the talks between Washington and Pyongyang. The visit has angered critics."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    visits = ev[ev["type"].eq("visit")]
    assert not any("kb:north_korea_gov" in list(p) for p in visits["participants"])


def test_the_place_where_the_addressees_were_told(spacy_nlp):
    # "told reporters in Vladivostok", parsed with the place on the addressee noun
    from spacy.tokens import Doc

    from analysis.events import syntax
    from analysis.events.location import _object_then_place

    words = ["Kim", "told", "reporters", "in", "Vladivostok", "."]
    doc = Doc(
        spacy_nlp.vocab,
        words=words,
        spaces=[True, True, True, True, False, False],
        heads=[1, 1, 1, 2, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
        lemmas=["Kim", "tell", "reporter", "in", "Vladivostok", "."],
    )
    up, down = syntax.path(doc[1], doc[4])
    assert not up and [t.i for t in down] == [2, 3]
    assert _object_then_place(doc[1], down, True) == 1
    assert not _object_then_place(doc[1], down, False)  # a meeting's object is not told
    # "told reporters from Vladivostok": where they come from, not where it was said
    from_doc = Doc(
        spacy_nlp.vocab,
        words=["Kim", "told", "reporters", "from", "Vladivostok", "."],
        spaces=[True, True, True, True, False, False],
        heads=[1, 1, 1, 2, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    _, down = syntax.path(from_doc[1], from_doc[4])
    assert not _object_then_place(from_doc[1], down, True)


def _parsed(spacy_nlp, words, heads, deps, pos, ents):
    from spacy.tokens import Doc

    return Doc(
        spacy_nlp.vocab,
        words=words,
        spaces=[True] * (len(words) - 2) + [False, False],
        heads=heads,
        deps=deps,
        pos=pos,
        ents=ents,
    )


@pytest.mark.parametrize(
    ("prep", "where"),
    [("in", True), ("at", True), ("from", False), ("to", False)],
)
def test_a_place_parsed_onto_the_person_met_is_where_they_met(spacy_nlp, prep, where):
    # "Vale met Ruiz in Vladivostok", parsed with the place on the person's name: a
    # name takes no place of its own, so it is where they met ("from" is whence)
    from analysis.events import syntax
    from analysis.events.location import _object_then_place

    doc = _parsed(
        spacy_nlp,
        ["Vale", "met", "Ruiz", prep, "Vladivostok", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O"],
    )
    _, down = syntax.path(doc[1], doc[4])
    assert _object_then_place(doc[1], down, False) == (1 if where else 0)
    # "met with Ruiz in Vladivostok": through the "with" phrase
    doc = _parsed(
        spacy_nlp,
        ["Vale", "met", "with", "Ruiz", prep, "Vladivostok", "."],
        [1, 1, 1, 2, 3, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["B-PERSON", "O", "O", "B-PERSON", "O", "B-GPE", "O"],
    )
    _, down = syntax.path(doc[1], doc[5])
    assert _object_then_place(doc[1], down, False) == (2 if where else 0)
    # the rule reads through names only: a meeting's common-noun object keeps its phrase
    doc = _parsed(
        spacy_nlp,
        ["Vale", "met", "envoys", prep, "Vladivostok", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["B-PERSON", "O", "O", "O", "B-GPE", "O"],
    )
    _, down = syntax.path(doc[1], doc[4])
    assert _object_then_place(doc[1], down, False) == 0


def test_the_title_the_article_gave_a_person_names_that_person(spacy_nlp):
    text = (
        "Secretary Mike Pompeo arrived in Vladivostok with Donald Trump. "
        "The secretary said the talks went well."
    )
    assert _speakers(spacy_nlp, text) == [["kb:mike_pompeo"]]


def test_the_title_of_a_modified_noun_is_someone_else(spacy_nlp):
    text = "Secretary Mike Pompeo arrived. The Russian secretary said the talks went well."
    assert _speakers(spacy_nlp, text) == []


def test_they_of_a_meeting_are_the_two_persons_named_before(spacy_nlp):
    text = "Donald Trump urged Vladimir Putin to free the sailors when they meet in June."
    assert _participants(spacy_nlp, text, "meeting") == [["kb:donald_trump", "kb:vladimir_putin"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("There is no chance that the summit with Kim will be cancelled.", "planned"),
        ("There is zero chance the summit with Kim would be cancelled.", "planned"),
        ("The summit with Kim will be cancelled.", "denied"),
    ],
)
def test_no_chance_of_cancelling_leaves_the_event_planned(spacy_nlp, text, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    assert list(ev.loc[ev["type"].eq("meeting"), "status"]) == [status]


# ------------------------------------------------- who else a clause names (invented)

_RUSSIA = ("Russia", 0, "gn:2017370", "Russia", 60.0, 100.0, "RU", "country", "literal")
_RUSSIAN = ("Russian", 0, "gn:2017370", "Russia", 60.0, 100.0, "RU", "country", "demonym")


def _events(spacy_nlp, text: str, places=()) -> dict[str, list[str]]:
    ev = _extract(_small(spacy_nlp, text, SURFACES, [], list(places)))
    return {str(r.trigger): list(r.participants) for r in ev.itertuples()}


def test_the_bare_title_is_the_holder_the_article_did_not_qualify(spacy_nlp):
    text = (
        "President Donald Trump will meet President Vladimir Putin of Russia in July. "
        "The president said the talks would be useful."
    )
    # Putin was titled last, but "of Russia" marks him as the foreign president
    assert _events(spacy_nlp, text, [_RUSSIA])["said"] == ["kb:donald_trump"]


def test_a_demonym_with_leader_or_counterpart_names_that_country_s_person(spacy_nlp):
    text = (
        "Donald Trump spoke with Vladimir Putin on Monday. "
        "Mike Pompeo said Trump would meet the Russian leader again."
    )
    assert set(_events(spacy_nlp, text, [_RUSSIAN])["meet"]) == {
        "kb:donald_trump",
        "kb:vladimir_putin",
    }
    text = "Dmitry Peskov spoke on Monday. Mike Pompeo will meet his Russian counterpart in Vienna."
    assert set(_events(spacy_nlp, text, [_RUSSIAN])["meet"]) == {
        "kb:mike_pompeo",
        "kb:dmitry_peskov",
    }


def test_as_did_adds_the_subjects_of_the_ellipsis_and_for_x_to_the_one_asked(spacy_nlp):
    text = "Mike Pompeo called for Kim Jong Un to cancel the test, as did Dmitry Peskov."
    assert set(_events(spacy_nlp, text)["called for"]) == {
        "kb:mike_pompeo",
        "kb:dmitry_peskov",
        "kb:kim_jong_un",
    }


def test_the_addressee_of_a_verb_of_saying_is_asked_to_act(spacy_nlp):
    text = "Mike Pompeo tweeted to Donald Trump to cancel his summit with Vladimir Putin."
    # who cancels the summit is Trump, a party to it -- not Pompeo, who tweeted
    assert set(_events(spacy_nlp, text)["summit"]) == {"kb:donald_trump", "kb:vladimir_putin"}


def test_a_letter_that_calls_on_someone_speaks_for_its_signers(spacy_nlp):
    text = (
        "Peskov was one of several members of the Kremlin who signed a letter "
        "calling on Donald Trump to resign."
    )
    assert set(_events(spacy_nlp, text)["calling on"]) == {"kb:russia_gov", "kb:donald_trump"}


def test_each_conjunct_of_a_subject_list_counts_even_without_an_actor_head(spacy_nlp):
    text = "The Kremlin and Mike Pompeo's office issued identical statements."
    assert set(_events(spacy_nlp, text)["statements"]) == {"kb:russia_gov", "kb:mike_pompeo"}


def test_an_including_list_that_runs_into_the_subject_keeps_its_first_member(spacy_nlp):
    from spacy.tokens import Doc

    from analysis.events import syntax
    from analysis.events.roles import list_members_before

    # the parse a small model gives "Few spoke, though a handful -- including Pompeo;
    # Peskov -- urged Trump.": Peskov is the subject, Pompeo stays in "including"
    words = [
        "Few",
        "spoke",
        ",",
        "though",
        "a",
        "handful",
        "—",
        "including",
        "Pompeo",
        ";",
        "Peskov",
        "—",
        "urged",
        "Trump",
        ".",
    ]
    heads = [1, 1, 1, 5, 5, 1, 5, 5, 7, 5, 12, 12, 1, 12, 1]
    deps = ["nsubj", "ROOT", "punct", "mark", "det", "advcl", "punct", "prep", "pobj"]
    deps += ["punct", "nsubj", "punct", "conj", "dobj", "punct"]
    pos = ["ADJ", "VERB", "PUNCT", "SCONJ", "DET", "NOUN", "PUNCT", "VERB", "PROPN"]
    pos += ["PUNCT", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    doc = Doc(spacy_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in list_members_before(doc[10])] == ["Pompeo"]
    assert {t.text for t in syntax.argument_heads(doc[12])} == {"Pompeo", "Peskov", "Trump"}
    # a subject whose phrase does not close an "including" list gains nobody
    assert list_members_before(doc[13]) == []


def test_a_demonym_before_a_title_tells_the_country_the_actors_frame_lacks(spacy_nlp):
    from test_events import ACTORS, _actors

    text = (
        "Russian Prime Minister Dmitry Peskov arrived on Monday. "
        "Donald Trump will not meet his Russian counterpart this week."
    )
    second = ("Russian", 1, *_RUSSIAN[2:])
    frames = _small(spacy_nlp, text, SURFACES, [], [_RUSSIAN, second])
    table = {**ACTORS, "kb:dmitry_peskov": ("Dmitry Peskov", "person", None)}
    frames["actors"] = _actors(table)
    ev = _extract(frames)
    meet = ev[ev["trigger"].eq("meet")]
    assert set(meet["participants"].iloc[0]) == {"kb:donald_trump", "kb:dmitry_peskov"}


def test_both_sides_of_a_statement_are_the_two_parties_of_the_last_meeting(spacy_nlp):
    text = (
        "Donald Trump met Kim Jong Un in Hanoi on Monday. "
        "After the meeting ended, both sides put out identical statements."
    )
    assert set(_events(spacy_nlp, text)["statements"]) == {"kb:donald_trump", "kb:kim_jong_un"}
    # without a meeting before, "both sides" names nobody: no statement row
    assert "statements" not in _events(spacy_nlp, "Both sides put out identical statements.")


def test_a_determiner_before_a_run_of_modifiers_makes_the_noun_definite(spacy_nlp):
    from analysis.events.anaphora import definite_noun

    doc = spacy_nlp("Aides were silent about the surprise Monday afternoon meeting.")
    assert definite_noun(doc[-2])
    doc = spacy_nlp("Aides spoke of a surprise Monday afternoon meeting.")
    assert not definite_noun(doc[-2])


def test_a_conjunct_that_repeats_a_modal_takes_the_subject_of_the_verb_bearing_it(spacy_nlp):
    text = (
        "Mike Pompeo said Donald Trump should insist that other Americans be present "
        "and should demand that Kim Jong Un free the prisoners."
    )
    # the parse hangs "should demand" on "be present": the demander is Trump, not others
    assert set(_events(spacy_nlp, text)["demand"]) == {"kb:donald_trump", "kb:kim_jong_un"}


def test_a_statement_that_speaks_has_the_speakers_of_its_issuing(spacy_nlp):
    text = (
        "The Kremlin and Mike Pompeo's office issued identical statements. "
        '"The talks were useful," said the statements.'
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    said = ev[ev["trigger"].eq("said")]
    assert len(said) == 1
    assert set(said["participants"].iloc[0]) == {"kb:russia_gov", "kb:mike_pompeo"}


def test_whose_members_act_counts_but_what_describes_a_named_speaker_does_not(spacy_nlp):
    text = "Several members of the Kremlin called for Kim Jong Un to cancel the test, as did Mike Pompeo."
    assert set(_events(spacy_nlp, text)["called for"]) == {
        "kb:russia_gov",
        "kb:mike_pompeo",
        "kb:kim_jong_un",
    }
    text = (
        "Dmitry Peskov, a spokesman and a member of the Kremlin staff, said the talks were useful."
    )
    assert _events(spacy_nlp, text)["said"] == ["kb:dmitry_peskov"]


def test_a_former_title_holder_is_not_the_bare_title(spacy_nlp):
    text = (
        "President Donald Trump met former President Vladimir Putin. "
        "The president said the talks were useful."
    )
    assert _events(spacy_nlp, text)["said"] == ["kb:donald_trump"]


def test_an_event_mention_without_participants_is_the_last_of_its_kind(spacy_nlp):
    text = (
        "Mike Pompeo will travel to Pyongyang on Monday. "
        "Donald Trump said he will not meet Kim Jong Un during his visit."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    visit = ev[ev["type"].eq("visit")]
    # "his visit" names nobody an actor stands for: it is Pompeo's visit, mentioned again
    assert len(visit) == 1 and list(visit["participants"].iloc[0]) == ["kb:mike_pompeo"]
    assert list(visit["sentence_ids"].iloc[0]) == [0, 1]
    # the refused meeting does not deny the visit it is dated by
    assert visit["status"].iloc[0] == "planned"


def test_i_in_the_quoted_words_is_the_speaker(spacy_nlp):
    text = '"I will meet Kim Jong Un next month," Donald Trump said.'
    assert set(_events(spacy_nlp, text)["meet"]) == {"kb:donald_trump", "kb:kim_jong_un"}


def test_a_capital_stands_for_its_country_named_in_the_article(spacy_nlp):
    from test_events import ACTORS, _actors

    text = "Ruritania is ready. Mike Pompeo praised the talks between Washington and Bexley."
    surfaces = [*SURFACES, ("Ruritania", "GPE", "x:ruritania"), ("Bexley", "GPE", "x:bexley")]
    places = [
        ("Ruritania", 0, "gn:1", "Ruritania", 1.0, 1.0, "RR", "country", "literal"),
        ("Bexley", 0, "gn:2", "Bexley", 1.0, 1.0, "RR", "capital", "literal"),
    ]
    frames = _small(spacy_nlp, text, surfaces, [], places)
    table = {
        **ACTORS,
        "x:ruritania": ("Ruritania", "government", None),
        "x:bexley": ("Bexley", "government", None),
    }
    frames["actors"] = _actors(table)
    mentions = frames["mentions"].copy()
    mentions["place_id"] = mentions["text"].map({"Ruritania": "gn:1", "Bexley": "gn:2"})
    frames["mentions"] = mentions
    ev = _extract(frames)
    talks = ev[ev["trigger"].eq("talks")]
    assert set(talks["participants"].iloc[0]) == {"kb:us_gov", "x:ruritania"}
    # without the country in the article, the capital stays what the actors stage made it
    frames["mentions"] = mentions[mentions["text"].ne("Ruritania")]
    ev = _extract(frames)
    talks = ev[ev["trigger"].eq("talks")]
    assert set(talks["participants"].iloc[0]) == {"kb:us_gov", "x:bexley"}


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("The two leaders negotiated the deal.", False),
        ("Their envoys negotiated the deal.", False),
        ("They negotiated the deal.", False),
        # doers introduced as new: not the last event's people
        ("Senior officials negotiated the deal.", True),
        ("Some regional leaders negotiated the deal.", True),
    ],
)
def test_new_unnamed_doers_are_not_read_as_the_last_event_s_people(spacy_nlp, text, new):
    from analysis.events.participants import _indefinite_doers

    doc = spacy_nlp(text)
    verb = next(t for t in doc if t.lower_ == "negotiated")
    assert _indefinite_doers(verb) is new


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # the name before the participle is where or to whom, not who speaks
        (
            "Mike Pompeo posted a message on Twitter blaming Russia for the attack.",
            "blaming",
            "kb:mike_pompeo",
        ),
        (
            "Mike Pompeo sent a letter to Vladimir Putin urging him to meet Kim Jong Un.",
            "urging",
            "kb:mike_pompeo",
        ),
        # "by" names the author
        (
            "Officials cited a statement by Mike Pompeo calling for talks.",
            "calling for",
            "kb:mike_pompeo",
        ),
    ],
)
def test_a_participle_of_words_speaks_for_their_author(spacy_nlp, text, trigger, speaker):
    surfaces = [*SURFACES, ("Twitter", "ORG", "x:twitter")]
    ev = _extract(_small(spacy_nlp, text, surfaces))
    row = ev[ev["trigger"].eq(trigger)]
    assert len(row) == 1, ev[["trigger", "participants"]]
    parts = list(row.iloc[0]["participants"])
    assert speaker in parts
    assert "x:twitter" not in parts


def test_a_person_in_apposition_is_the_speaker_not_the_place_of_the_title(spacy_nlp):
    # "the prosecutor general of Pyongyang, Kim Chang Son, said": the parser may hang
    # the name on the place; a place has no apposition of a person
    text = "The prosecutor general of Pyongyang, Kim Chang Son, said the talks had failed."
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    said = ev[ev["trigger"].eq("said")]
    assert len(said) == 1
    assert list(said.iloc[0]["participants"]) == ["kb:kim_chang_son"]


def test_a_place_of_another_clause_is_not_that_of_a_noun_deep_in_its_subject(spacy_nlp):
    from test_events import PLACES

    text = "Mike Pompeo, the candidate of the party for the election, held a rally in Vladivostok."
    ev = _extract(_small(spacy_nlp, text, SURFACES, [], PLACES[:1]))
    rows = ev[ev["type"].eq("election")]
    assert len(rows) == 1, ev[["type", "trigger", "place_name"]]
    assert pd.isna(rows.iloc[0]["place_name"])  # the rally's place, not the election's


def test_where_stands_for_the_place_it_follows(spacy_nlp):
    from test_events import PLACES

    text = "Vladimir Putin flew to Vladivostok, where he met Kim Jong Un."
    ev = _extract(_small(spacy_nlp, text, SURFACES, [], PLACES[:1]))
    met = ev[ev["type"].eq("meeting")]
    assert len(met) == 1
    assert met.iloc[0]["place_name"] == "Vladivostok"


def test_the_words_of_a_posted_message_are_its_poster_s_statement(spacy_nlp):
    # "Pompeo posted a message on Twitter blaming Iran", parsed with "blaming" on Twitter
    from spacy.tokens import Doc

    from analysis.events.cues import status_cues
    from analysis.events.participants import speaker_heads
    from analysis.events.scope import message_told
    from analysis.lexicon.documents import MESSAGES

    doc = Doc(
        spacy_nlp.vocab,
        words=["Pompeo", "posted", "a", "message", "on", "Twitter", "blaming", "Iran", "."],
        heads=[1, 1, 3, 1, 3, 4, 5, 6, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "acl", "dobj", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "VBG", "NNP", "."],
        lemmas=["Pompeo", "post", "a", "message", "on", "Twitter", "blame", "Iran", "."],
    )
    blaming = doc[6]
    assert message_told(blaming, MESSAGES).i == 3
    assert [t.text for t in speaker_heads(blaming)] == ["Pompeo"]
    assert not status_cues(blaming, speech_act=True)["hedged"]  # his own words, posted


@pytest.mark.parametrize(
    "text",
    ["Mike Pompeo met the government of Ukraine in Kyiv.", "Mike Pompeo met officials of Ukraine."],
)
def test_the_state_a_body_of_people_acts_for_takes_part(spacy_nlp, text):
    surfaces = [*SURFACES, ("Ukraine", "GPE", "x:ukraine")]
    ev = _extract(_small(spacy_nlp, text, surfaces))
    met = ev[ev["type"].eq("meeting")]
    assert len(met) == 1
    assert set(met.iloc[0]["participants"]) == {"kb:mike_pompeo", "x:ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired mortar rounds aimed at a radar mast in South Korea.",
        "North Korea fired shells at a guard post in South Korea on Monday.",
    ],
)
def test_a_thing_fired_at_on_a_country_s_soil_strikes_the_country(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    fired = ev[ev["trigger"].eq("fired")]
    assert len(fired) == 1
    assert list(fired.iloc[0]["participants"]) == ["kb:north_korea_gov", "kb:south_korea_gov"]


def test_a_country_a_missile_flew_over_is_no_target(spacy_nlp):
    text = "North Korea fired two missiles over the sea near South Korea on Monday."
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    fired = ev[ev["trigger"].eq("fired")]
    assert list(fired.iloc[0]["participants"]) == ["kb:north_korea_gov"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donald Trump flew to Hanoi on Tuesday for talks with Kim Jong Un.",
            {"kb:donald_trump", "kb:kim_jong_un"},
        ),
        # what one leaves is no purpose of going
        ("Donald Trump left the talks with Kim Jong Un early.", {"kb:kim_jong_un"}),
    ],
)
def test_who_goes_somewhere_for_talks_takes_part_in_them(spacy_nlp, text, expected):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    talks = ev[ev["trigger"].eq("talks")]
    assert len(talks) == 1
    assert set(talks.iloc[0]["participants"]) == expected


def test_the_voters_of_a_referendum_take_part_in_it(spacy_nlp):
    text = "North Korea voted on May 4, 2011, to quit the fishing pact in a referendum."
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    vote = ev[ev["trigger"].eq("referendum")]
    assert len(vote) == 1
    assert list(vote.iloc[0]["participants"]) == ["kb:north_korea_gov"]


def test_the_country_of_an_election_is_no_participant(spacy_nlp):
    text = "North Korea held an election in March."
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    assert all(list(p) == [] for p in ev.loc[ev["type"].eq("election"), "participants"])


def test_he_who_said_the_quote_is_not_the_subject_of_its_words(spacy_nlp):
    text = (
        "Mike Pompeo criticized the plan on Wednesday. "
        '"Donald Trump is wrong about the talks and about the sanctions," he said.'
    )
    assert _speakers(spacy_nlp, text)[-1] == ["kb:mike_pompeo"]


@pytest.mark.parametrize(
    "text",
    [
        "Mike Pompeo's lawyer said on Monday that the talks had been fair.",
        "Mike Pompeo's critics complain that the talks were a waste of time.",
        "Donald Trump's parents said on Monday that they were proud.",
    ],
)
def test_the_possessor_of_a_lawyer_critic_or_relative_does_not_speak(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    speakers = {a for p in ev.loc[ev["type"].eq("statement"), "participants"] for a in p}
    assert not speakers & {"kb:mike_pompeo", "kb:donald_trump"}, ev[["trigger", "participants"]]


def test_a_spokesman_speaks_for_his_principal(spacy_nlp):
    text = "Vladimir Putin's spokesman said on Monday that the talks would go on."
    assert _speakers(spacy_nlp, text) == [["kb:vladimir_putin"]]


def test_a_body_in_a_title_run_into_the_name_does_not_speak():
    # "chairman of the ... Committee Rep. X" without commas: the parser hangs the
    # committee's "the" on the person; the committee only says what the person chairs
    from helpers import make_articles

    from analysis import build

    text = (
        "Earlier Friday, chairman of the House Judiciary Committee Rep. Jerry Nadler "
        "revealed that his committee had begun."
    )
    corpus = build(make_articles({"a": text}), progress=False)
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"], strict=False))
    said = corpus.events[corpus.events["trigger"].eq("revealed")]
    assert [[names[a] for a in p] for p in said["participants"]] == [["Jerry Nadler"]]


@pytest.mark.parametrize(
    "second",
    [
        "A spokeswoman for his office told reporters that he was waiting.",
        "His spokesman said on Monday that the senator was waiting.",
    ],
)
def test_his_spokesman_or_office_speaks_for_the_one_his_stands_for(second):
    from helpers import make_articles

    from analysis import build

    text = "Senator Bob Corker faced questions about the bill. " + second
    corpus = build(make_articles({"a": text}), progress=False)
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"], strict=False))
    said = corpus.events[corpus.events["type"].eq("statement")]
    assert [[names[a] for a in p] for p in said["participants"]] == [["Bob Corker"]]
