"""Organisation names the knowledge base's place patterns cut in two (invented texts,
the real spaCy model and knowledge base)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        '"The vote was a cave," said Democracy for America.',
        "Members of Democracy for America protested on Monday.",
    ],
)
def test_a_group_named_for_a_country_is_one_organisation(nlp, text):
    ents = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]
    assert ("Democracy for America", "ORG", "") in ents  # the group, not the country
    assert not any(e[0] == "America" for e in ents)


def test_a_country_after_a_title_stays_the_country(nlp):
    ents = [(e.text, e.label_) for e in nlp("The President of Russia spoke on Monday.").ents]
    assert ("Russia", "GPE") in ents


def test_a_name_cut_before_of_or_in_is_not_joined(nlp):
    from analysis.nlp_organisations import whole_organisations

    doc = nlp.make_doc("Presidents Pedro Lima of Ruritania and Ana Vale signed it.")
    # a model that cut "Pedro Lima of" as an organisation: a person of a country, not
    # one body
    doc.ents = [doc.char_span(11, 24, label="ORG"), doc.char_span(25, 34, label="GPE")]
    assert [e.text for e in whole_organisations(doc).ents] == ["Pedro Lima of", "Ruritania"]


def test_the_join_needs_the_model_s_cut_name(nlp):
    from analysis.nlp_organisations import whole_organisations

    doc = nlp.make_doc("Aid for Ukraine rose.")
    # no organisation before the place: nothing to join
    doc.ents = [doc.char_span(8, 15, label="GPE")]
    assert [e.text for e in whole_organisations(doc).ents] == ["Ukraine"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Progress for Ruritania, the advocacy group founded by Ana Vale, said it was wrong.",
            True,
        ),
        ("Veterans Against Ruritania, a small coalition of former soldiers, said so.", True),
        # no apposition calling it a group: the place stays the place
        ("Money for Ruritania was promised on Monday.", False),
        ("She campaigned for Ruritania, a country she loved.", False),
    ],
)
def test_words_for_a_place_that_an_apposition_calls_a_group_are_one_name(nlp, text, group):
    from analysis.nlp_organisations import whole_organisations

    doc = nlp(text)  # tags and parse; the entities are set by hand below
    place = text.index("Ruritania")
    doc.ents = [doc.char_span(place, place + len("Ruritania"), label="GPE")]
    names = [(e.text, e.label_) for e in whole_organisations(doc).ents]
    assert any(label == "ORG" and name.endswith("Ruritania") for name, label in names) is group


def test_a_body_the_model_left_untagged_after_a_country_is_that_country_s_body(nlp):
    from analysis.nlp_organisations import whole_organisations

    doc = nlp.make_doc(
        "Ohio urged the U.S. Supreme Court to act, and the U.S. Senate Ethics Panel met."
    )
    # a model that tagged only the country before each body
    doc.ents = [doc.char_span(15, 19, label="GPE"), doc.char_span(50, 54, label="GPE")]
    ents = [(e.text, e.label_) for e in whole_organisations(doc).ents]
    assert ("U.S. Supreme Court", "ORG") in ents  # the court, not the country
    # a longer name than the body every country has stays as the model left it
    assert ("U.S.", "GPE") in ents


def test_the_court_of_a_country_acts_in_the_events(nlp):
    import pandas as pd
    from helpers import make_articles

    import analysis

    arts = make_articles(
        {"t": "Two states urged the U.S. Supreme Court on Monday to halt the fishing ban."}
    )
    arts["published"] = pd.Timestamp("2019-06-12")
    corpus = analysis.build(arts, progress=False)
    names = dict(zip(corpus.actors.actor_id, corpus.actors.name, strict=False))
    urged = corpus.events[corpus.events.trigger.eq("urged")]
    assert [names[a] for a in urged.participants.iloc[0]] == ["Supreme Court of United States"]
