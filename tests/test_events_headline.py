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
