"""Actors born of a headline are mapped back to the body's actor (invented data)."""

from __future__ import annotations

import pandas as pd

from analysis.events.headline_actors import headline_remap


def _frames():
    # headline "Vale Blocks Tariff Vote" read as a person "Vale Blocks Tariff"
    text = "Vale Blocks Tariff Vote\nSenator Ana Vale blocked the vote. Vale said no."
    mentions = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a2"],
            "start": [0, 32, 59, 10],
            "end": [18, 40, 63, 14],
            "text": ["Vale Blocks Tariff", "Ana Vale", "Vale", "Vale"],
            "actor_id": [
                "x:vale-blocks-tariff",
                "x:ana-vale",
                "x:vale-blocks-tariff",
                "x:ana-vale",
            ],
        }
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["x:vale-blocks-tariff", "x:ana-vale"],
            "name": ["Vale Blocks Tariff", "Ana Vale"],
            "aliases": [["Vale", "Vale Blocks Tariff"], ["Vale", "Ana Vale"]],
            "mentions": [2, 8],
            "in_kb": [False, False],
        }
    )
    return text, mentions, actors


def test_body_mention_of_a_headline_actor_goes_to_the_body_actor():
    text, mentions, actors = _frames()
    out = headline_remap(mentions, actors, {"a1": text.index("\n"), "a2": 0})
    assert list(out["actor_id"]) == [
        "x:vale-blocks-tariff",  # the headline keeps it (events skip headlines)
        "x:ana-vale",
        "x:ana-vale",
        "x:ana-vale",
    ]


def test_an_actor_named_in_full_in_the_body_is_kept():
    text, mentions, actors = _frames()
    # the full name also occurs in a body: a real actor, not a headline artefact
    mentions.loc[len(mentions)] = ["a2", 40, 58, "Vale Blocks Tariff", "x:vale-blocks-tariff"]
    out = headline_remap(mentions, actors, {"a1": text.index("\n"), "a2": 0})
    assert out.loc[2, "actor_id"] == "x:vale-blocks-tariff"


def test_no_other_actor_of_that_name_keeps_the_mention():
    text, mentions, actors = _frames()
    actors.at[1, "aliases"] = ["Ana Vale"]
    mentions.loc[[1, 3], "text"] = "Ana Vale"
    out = headline_remap(mentions, actors, {"a1": text.index("\n"), "a2": 0})
    assert out.loc[2, "actor_id"] == "x:vale-blocks-tariff"


def test_a_title_linked_to_the_headline_actor_follows_its_names():
    text, mentions, actors = _frames()
    mentions.loc[len(mentions)] = ["a1", 64, 75, "the senator", "x:vale-blocks-tariff"]
    out = headline_remap(mentions, actors, {"a1": text.index("\n"), "a2": 0})
    assert out.loc[4, "actor_id"] == "x:ana-vale"


def test_a_headline_name_goes_to_the_body_actor_whose_full_name_ends_with_it():
    # headline "Vale Jr. Admits Fraud"; the body names Tom Vale Jr. and his wife Mia Vale,
    # who is mentioned more: the headline's "Vale Jr." is still Tom Vale Jr.
    text = "Vale Jr. Admits Fraud\nTom Vale Jr. admitted it. Mia Vale wept. Vale said no."
    mentions = pd.DataFrame(
        {
            "article_id": ["a1"] * 4,
            "start": [0, 22, 48, 63],
            "end": [8, 34, 56, 67],
            "text": ["Vale Jr.", "Tom Vale Jr.", "Mia Vale", "Vale"],
            "actor_id": ["x:vale-jr", "x:tom-vale-jr", "x:mia-vale", "x:vale-jr"],
        }
    )
    actors = pd.DataFrame(
        {
            "actor_id": ["x:vale-jr", "x:tom-vale-jr", "x:mia-vale"],
            "name": ["Vale Jr.", "Tom Vale Jr.", "Mia Vale"],
            "aliases": [["Vale", "Vale Jr."], ["Vale", "Tom Vale Jr."], ["Vale", "Mia Vale"]],
            "mentions": [2, 3, 9],
            "in_kb": [False, False, False],
        }
    )
    out = headline_remap(mentions, actors, {"a1": text.index("\n")})
    assert out.loc[3, "actor_id"] == "x:tom-vale-jr"
