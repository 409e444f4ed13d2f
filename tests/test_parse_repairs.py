"""Repairs of the parse that every reader needs (invented sentences, the real pipeline)."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import make_articles

import analysis


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_an_inverted_saying_takes_its_speaker_as_subject(nlp):
    doc = nlp(
        "It is not for the tribunal to weigh the motives, argued the ministry's counsel, "
        "Peter Hollis."
    )
    argued = _tok(doc, "argued")
    assert argued.dep_ == "ROOT"
    assert [c.text for c in argued.children if c.dep_ == "nsubj"] == ["counsel"]
    words = next(c for c in argued.children if c.dep_ == "ccomp")
    # the words are the clause before the verb, and only it
    assert words.text == "is" and words.right_edge.i < argued.i


@pytest.mark.parametrize(
    "text",
    [
        "Putin met the envoy in April, told reporters about it and left.",
        "The two leaders met in Hanoi in February, told reporters they had made progress and flew home.",
    ],
)
def test_a_saying_listed_after_another_verb_does_not_frame_it(nlp, text):
    doc = nlp(text)
    met, told = _tok(doc, "met"), _tok(doc, "told")
    assert met.dep_ == "ROOT"
    assert told.head.i == met.i and told.dep_ == "conj"


def test_a_verb_of_saying_with_its_own_subject_is_left_alone(nlp):
    doc = nlp("The talks failed, and Putin argued the point again.")
    argued = _tok(doc, "argued")
    assert [c.text for c in argued.children if c.dep_ == "nsubj"] == ["Putin"]
    assert _tok(doc, "point").dep_ == "dobj"


def test_according_to_keeps_its_source_when_a_named_speaker_follows(nlp):
    doc = nlp(
        "According to state media outlet Xinhua, a spokesman, Li Wei, said the talks went well."
    )
    said = _tok(doc, "said")
    assert _tok(doc, "Xinhua").dep_ == "pobj"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["spokesman"]
    assert _tok(doc, "Wei").head.text == "spokesman"


def test_according_to_leaves_the_agency_s_name_to_its_source(nlp):
    doc = nlp(
        "According to the news agency Tasnim, the chief judge of the province, "
        "Reza Karimi, said the smugglers would be tried."
    )
    said = _tok(doc, "said")
    # the agency's name belongs to "according to", the prosecutor speaks
    assert _tok(doc, "to").i in [t.i for t in _tok(doc, "Tasnim").ancestors]
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["judge"]


def test_a_name_after_a_role_is_its_apposition_without_the_closing_comma(nlp):
    doc = nlp("The Green Party's chairman, Martin Hollister announced he would retire.")
    announced = _tok(doc, "announced")
    assert [c.text for c in announced.children if c.dep_ == "nsubj"] == ["chairman"]
    assert _tok(doc, "Hollister").dep_ == "appos" and _tok(doc, "Hollister").head.text == "chairman"


def test_a_clause_after_a_subordinating_conjunction_is_not_the_root(nlp):
    doc = nlp(
        "Republican presidential candidate Tom Ruiz on Wednesday reiterated that he opposes "
        "same-sex marriage, a few hours after President Ana Vale said for the first time she "
        "supports it."
    )
    reiterated, said = _tok(doc, "reiterated"), _tok(doc, "said")
    assert reiterated.dep_ == "ROOT"
    assert said.head.i == reiterated.i and said.dep_ == "advcl"


def test_a_relative_clause_going_on_with_and_gives_its_subject_back_to_the_verb(nlp):
    doc = nlp(
        "On Thursday, the adviser, Ana Ruiz, 45, who has many followers on Twitter and at "
        "the time was an aide to a senator from Ohio, wrote a letter to the minister on her "
        "blog, saying he should resign."
    )
    wrote = _tok(doc, "wrote")
    assert wrote.dep_ == "ROOT"
    assert {c.text: c.dep_ for c in wrote.children}.get("adviser") == "nsubj"
    assert _tok(doc, "On").head.i == wrote.i  # the day opens the sentence: the writing's
    assert _tok(doc, "was").head.text == "has"  # the second conjunct of "who has ..."


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON -- President Tom Ruiz and Senator John Vale met on Thursday.",
        "KYIV, Ukraine (Reuters) - President Tom Ruiz and Senator John Vale met on Thursday.",
        "Leaders meet\n\nWASHINGTON -- President Tom Ruiz and Senator John Vale met on Thursday.",
    ],
)
def test_a_dateline_is_neither_subject_nor_place_of_the_lead(text):
    ev = _events({"a": text})
    met = ev[ev.trigger.eq("met")].iloc[0]
    assert met.names == ["John Vale", "Tom Ruiz"]  # not the capital's government
    assert pd.isna(met.place_name)  # where the story was filed, not where they met


def test_a_place_in_the_sentence_is_not_a_dateline(nlp):
    doc = nlp("Washington and Kyiv -- two capitals -- met on Thursday.")
    assert _tok(doc, "Washington").dep_ != "dep"


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        (
            "Angela Merkel said the army would withdraw from the border, adding that talks "
            "would resume.",
            "said",
        ),
        (
            "Mr. Trump on Monday firmly denied that farmers generally feel cheated by the "
            "tariff plan, saying that it helps them.",
            "denied",
        ),
    ],
)
def test_a_trailing_participle_of_saying_hangs_on_the_speaker_s_verb(nlp, text, frame):
    doc = nlp(text)
    part = next(t for t in doc if t.text in ("adding", "saying"))
    assert part.head.text == frame


def test_an_ing_saying_joins_the_ing_saying_it_is_coordinated_with(nlp):
    doc = nlp(
        "The minister has defended the reform, telling critics that the cuts should come "
        "as no shock and arguing that the old system cost too much."
    )
    arguing = _tok(doc, "arguing")
    assert arguing.dep_ == "conj" and arguing.head.text == "telling"


def test_a_second_saying_after_the_words_of_the_first_is_the_speaker_s(nlp):
    doc = nlp(
        "Mayor Tom Ruiz added that critics have not found a single flaw in the plan and "
        "predicted that voters would back it."
    )
    predicted = _tok(doc, "predicted")
    assert predicted.dep_ == "conj" and predicted.head.text == "added"
    # the clause's own second act stays in it
    doc = nlp("Senator Ana Vale said that Democrats met on Monday and agreed to the plan.")
    assert _tok(doc, "agreed").head.text == "met"


def test_a_trailing_participle_of_another_act_stays_with_the_words(nlp):
    doc = nlp("Angela Merkel said the army would withdraw from the border, ending the war.")
    assert _tok(doc, "ending").head.text == "withdraw"


def _events(texts: dict[str, str]) -> pd.DataFrame:
    arts = make_articles(texts)
    arts["published"] = pd.Timestamp("2019-06-12")
    corpus = analysis.build(arts, progress=False)
    names = dict(zip(corpus.actors.actor_id, corpus.actors.name, strict=False))
    ev = corpus.events.copy()
    ev["names"] = [sorted(names.get(a, a) for a in p) for p in ev.participants]
    return ev


def test_inverted_and_sourced_sayings_are_the_speakers_statements():
    ev = _events(
        {
            "a": "It is not for the tribunal to weigh the motives, argued the ministry's "
            "counsel, Peter Hollis.",
            "b": "According to the news agency Xinhua, a spokesman, Li Wei, said the talks "
            "went well.",
        }
    )
    said = ev[ev.type.eq("statement")].set_index("article_id")
    # the counsel speaks (not the tribunal of the words), and their "not" denies nothing
    assert said.loc["a", "names"] == ["Peter Hollis"]
    assert said.loc["a", "status"] == "occurred"
    # the agency passes the words on; the spokesman says them
    assert said.loc["b", "names"] == ["Li Wei"]


def test_the_speaker_of_a_trailing_saying_is_not_the_subject_of_the_words():
    ev = _events(
        {
            "a": "Donald Trump met the farmers on Monday. Mr. Trump firmly denied that "
            "farmers generally feel cheated by his tariff plan, saying that the more who look "
            "at it, the more will like it."
        }
    )
    said = ev[ev.type.eq("statement")]
    assert [n for n in said.names] == [["Donald Trump"]]


def test_the_party_of_a_named_leader_does_not_speak_with_him():
    ev = _events({"a": "The Green Party's chairman, Martin Hollister announced he would retire."})
    said = ev[ev.type.eq("statement")]
    assert [n for n in said.names] == [["Martin Hollister"]]
