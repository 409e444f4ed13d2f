"""Whom "he", "she" and "they" as the subject of an event stand for (invented texts)."""

from __future__ import annotations

from test_events import _extract, _small

_PEOPLE = {
    "x:ana-vale": ("Ana Vale", "person", "RR"),
    "x:tomas-ruiz": ("Tomas Ruiz", "person", "RR"),
    "x:pedro-lima": ("Pedro Lima", "person", "RR"),
    "x:jorge-sato": ("Jorge Sato", "person", "BX"),
    "x:rr-mfa": ("Ruritanian Foreign Ministry", "government", "RR"),
}
_SURFACES = [
    ("Ruritanian Foreign Ministry", "ORG", "x:rr-mfa"),
    ("Ana Vale", "PERSON", "x:ana-vale"),
    ("Tomas Ruiz", "PERSON", "x:tomas-ruiz"),
    ("Pedro Lima", "PERSON", "x:pedro-lima"),
    ("Jorge Sato", "PERSON", "x:jorge-sato"),
    ("Vale", "PERSON", "x:ana-vale"),
    ("Ruiz", "PERSON", "x:tomas-ruiz"),
    ("Lima", "PERSON", "x:pedro-lima"),
    ("Sato", "PERSON", "x:jorge-sato"),
]


def _events(spacy_nlp, text: str) -> dict[str, list[str]]:
    """Trigger text -> participants of the events of ``text``."""
    frames = _small(spacy_nlp, text, _SURFACES, aid="pron1", actors=_PEOPLE)
    ev = _extract(frames)
    return {str(r.trigger): list(r.participants) for r in ev.itertuples()}


def test_she_is_the_woman_though_the_man_is_the_subject_before(spacy_nlp):
    text = "Mr. Tomas Ruiz met Ms. Ana Vale in Vienna. She said the talks were useful."
    assert _events(spacy_nlp, text)["said"] == ["x:ana-vale"]


def test_he_is_the_man_though_the_woman_is_the_subject_before(spacy_nlp):
    text = "Ms. Ana Vale met Mr. Tomas Ruiz in Vienna. He said the talks were useful."
    assert _events(spacy_nlp, text)["said"] == ["x:tomas-ruiz"]


def test_a_gendered_noun_before_the_name_tells_who_she_is(spacy_nlp):
    text = (
        "Jorge Sato met the spokeswoman Ana Vale in Vienna on Monday. She said the border was calm."
    )
    assert _events(spacy_nlp, text)["said"] == ["x:ana-vale"]


def test_a_name_inside_the_quote_is_not_who_said_it(spacy_nlp):
    text = (
        '"Jorge Sato has broken every promise he made," Pedro Lima said. '
        "He said the talks had failed."
    )
    # "He said" goes on with the speaker, not the man he spoke about
    assert [p for t, p in _events(spacy_nlp, text).items() if t == "said"] == [["x:pedro-lima"]]
    text2 = text.replace("He said", "He also noted")
    assert _events(spacy_nlp, text2)["noted"] == ["x:pedro-lima"]


def test_he_is_the_man_the_paragraph_is_about_not_the_last_speaker(spacy_nlp):
    text = (
        '"We are ready for talks," Pedro Lima said on Sunday.\n\n'
        "Jorge Sato arrived in the capital on Monday. "
        "He also noted that the border was calm."
    )
    assert _events(spacy_nlp, text)["noted"] == ["x:jorge-sato"]


def test_a_resolved_he_carries_the_person_to_the_next_one(spacy_nlp):
    text = (
        "Pedro Lima arrived in Vienna on Monday. He toured the old town. "
        "He met Jorge Sato in the evening. He said the talks were useful."
    )
    assert _events(spacy_nlp, text)["said"] == ["x:pedro-lima"]


def test_two_people_as_likely_give_nobody(spacy_nlp):
    text = "Pedro Lima and Jorge Sato spoke on Monday. He said the talks were useful."
    # a coordinated subject: either man could be "he" -- no guess
    assert _events(spacy_nlp, text).get("said", []) == []


def test_he_with_nobody_of_weight_in_reach_is_not_a_passing_mention(spacy_nlp):
    text = (
        "Jorge Sato criticised the decision on Monday.\n\n"
        "The government froze the accounts of a firm owned by Pedro Lima in 2009. "
        "The courts later upheld the order. He was sanctioned again in 2014."
    )
    # the subject of another paragraph two sentences back is not "he"
    assert "x:jorge-sato" not in _events(spacy_nlp, text).get("sanctioned", [])


def test_they_is_the_ministry_not_the_people_named_before(spacy_nlp):
    text = (
        "Pedro Lima met Jorge Sato in Vienna on Monday. "
        "The Ruritanian Foreign Ministry welcomed the meeting. "
        "They said the talks were a good start."
    )
    assert _events(spacy_nlp, text)["said"] == ["x:rr-mfa"]


def test_they_is_the_coordinated_pair(spacy_nlp):
    text = "Pedro Lima and Jorge Sato spoke by telephone on Monday. They said the call went well."
    assert _events(spacy_nlp, text)["said"] == ["x:pedro-lima", "x:jorge-sato"]


def test_they_after_unnamed_people_is_none_of_the_named(spacy_nlp):
    text = (
        "Prosecutors said Pedro Lima had lied to the court. "
        "They also said the case would go to trial."
    )
    said = [p for t, p in _events(spacy_nlp, text).items() if t == "said"]
    assert all("x:pedro-lima" not in p for p in said[1:])


def test_his_statement_before_the_name_is_the_subject_s(spacy_nlp):
    text = (
        "Jorge Sato spoke first. In his statement, Pedro Lima criticised the ruling of the court."
    )
    assert _events(spacy_nlp, text)["statement"] == ["x:pedro-lima"]


def test_according_to_makes_the_source_the_one_who_says_more(spacy_nlp):
    text = (
        '"The border is open," Pedro Lima said on Sunday. The ministry issued new rules. '
        "The guards were moved. According to Jorge Sato, the rules are harsh. "
        "He said the trade would suffer."
    )
    said = [p for t, p in _events(spacy_nlp, text).items() if t == "said"]
    assert said[-1] == ["x:jorge-sato"]


def test_he_added_goes_on_from_the_last_speaker_a_few_sentences_back(spacy_nlp):
    # "added" goes on from words just said, past a sentence about someone else
    text = (
        "Tomas Ruiz arrived in the capital on Sunday. "
        "Pedro Lima said the talks would be long. "
        "The two delegations met for three hours. "
        "He added that the talks would resume soon."
    )
    assert _events(spacy_nlp, text)["added"] == ["x:pedro-lima"]
