"""A family named by its plural stands for the members the article names (invented)."""

from __future__ import annotations

import pandas as pd
from test_parse_repairs import _events

from analysis.events.families import family_names


def _actors() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "actor_id": ["x:jo-hale", "x:mary-hale", "x:hales", "x:tom-lima", "x:wales"],
            "name": ["Jo Hale", "Mary Hale", "Hales", "Tom Lima", "Wales"],
            "kind": ["person", "person", "person", "person", "country"],
        }
    )


def test_a_plural_surname_is_a_family_and_stands_for_its_named_members():
    fam = family_names(_actors())
    assert fam.plural == {"x:hales": "hale"}  # "Wales" is no plural of a surname here
    spans = [(10, [], "x:mary-hale"), (40, [], "x:tom-lima"), (90, [], "x:jo-hale")]
    assert fam.members(["x:hales", "x:tom-lima"], spans) == [
        "x:mary-hale",
        "x:jo-hale",
        "x:tom-lima",
    ]
    # members the article does not name: the family stays as it is
    assert fam.members(["x:hales"], [(5, [], "x:tom-lima")]) == ["x:hales"]


def test_an_act_told_also_takes_the_day_of_the_same_people_s_act_before():
    ev = _events(
        {
            "a": "Senator John Vale visited Kyiv on Monday. He also met Governor Tom Lima.",
            "b": "Senator John Vale visited Kyiv on Monday. Governor Tom Lima met the "
            "mayor of Lyon.",
        }
    )
    met = ev[ev.article_id.eq("a") & ev.trigger.eq("met")]
    assert len(met) == 1 and str(met.begin.iloc[0])[:10] == "2019-06-10"
    other = ev[ev.article_id.eq("b") & ev.trigger.eq("met")]
    assert other.empty or pd.isna(other.begin.iloc[0])
