"""Perfects, counterfactuals, possible past acts, implied acts and denials by "neither"
(invented texts, real pipeline).

Published Wednesday 2019-06-12 (see ``test_parse_repairs._events``).
"""

from __future__ import annotations

import pandas as pd
from test_parse_repairs import _events


def _rows(ev: pd.DataFrame, article: str, trigger: str) -> pd.DataFrame:
    return ev[ev.article_id.eq(article) & ev.trigger.eq(trigger)]


def test_a_standing_demand_or_accusation_in_the_perfect_has_no_story_day():
    ev = _events(
        {
            "a": "Senator Ana Vale met Tom Ruiz on Monday. Activists in Ohio have demanded "
            "that Ruiz resign.",
            "b": "The parliament passed the budget on Friday, but it has been criticized by "
            "Senator Tom Ruiz.",
        }
    )
    demand = _rows(ev, "a", "demanded")
    assert demand.empty or demand.begin.isna().all()
    criticized = _rows(ev, "b", "criticized")
    assert len(criticized) == 1 and criticized.begin.isna().all()


def test_a_modal_perfect_is_a_possible_past_act_or_one_that_did_not_happen():
    ev = _events(
        {
            "a": "North Korea may have tested a missile on Monday.",
            "b": "Donald Trump would have met Kim Jong Un in Hanoi if the talks had gone well.",
            "c": "Had Senator Tom Ruiz stayed silent, he would have been praised by Ana Vale.",
        }
    )
    test = _rows(ev, "a", "tested").iloc[0]
    assert test.status == "reported" and str(test.begin)[:10] == "2019-06-10"
    assert _rows(ev, "b", "met").status.tolist() == ["denied"]
    assert _rows(ev, "c", "praised").empty  # no words were said


def test_went_on_to_is_done_and_neither_nor_denies():
    ev = _events(
        {
            "a": "Senator Ana Vale went on to praise Governor Tom Ruiz.",
            "b": "Senator Ana Vale went to Ohio to praise Governor Tom Ruiz.",
            "c": "Neither Ana Vale nor Tom Ruiz was elected in Ohio.",
        }
    )
    assert _rows(ev, "a", "praise").status.tolist() == ["occurred"]
    assert _rows(ev, "b", "praise").status.tolist() == ["planned"]
    assert _rows(ev, "c", "elected").status.tolist() == ["denied"]


def test_an_outlet_the_words_are_addressed_to_is_no_place_but_a_trip_is():
    ev = _events(
        {
            "a": "In remarks to The Baltic Times, Senator Ana Vale said the report was false.",
            "b": "On a trip to Ohio, Senator Ana Vale said the report was false.",
        }
    )
    assert _rows(ev, "a", "said").place_name.isna().all()
    trip = _rows(ev, "b", "trip").iloc[0]
    assert trip.names == ["Ana Vale"] and trip.place_name == "Ohio"


def test_a_saying_after_after_is_before_the_day_the_sentence_gives():
    ev = _events(
        {
            "a": "The Senate passed the bill on Wednesday. Senator Ana Vale quit the "
            "coalition after insisting that taxes fall.",
        }
    )
    assert _rows(ev, "a", "insisting").begin.isna().all()
