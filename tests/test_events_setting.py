"""An event noun dated by the act its "where" clause tells (invented texts, real pipeline)."""

from __future__ import annotations

import pandas as pd
from test_parse_repairs import _events


def test_a_summit_takes_the_day_of_what_was_signed_at_it():
    ev = _events(
        {
            "a": "Leaders of the Andean states met in Quito for a regional summit where "
            "on Sunday the presidents of Peru and Bolivia signed the water pact."
        }
    )
    summit = ev[ev.trigger.eq("summit")]
    assert len(summit) == 1
    # published Wednesday 2019-06-12: the Sunday before
    assert str(summit.begin.iloc[0])[:10] == "2019-06-09"
    assert summit.precision.iloc[0] == "day"


def test_a_clause_that_only_describes_its_noun_does_not_date_it():
    ev = _events(
        {
            "a": "Leaders of the Andean states met in Quito for a regional summit that "
            "the presidents of Peru and Bolivia had called for on Sunday."
        }
    )
    # the summit (one event with the meeting) is not dated by the calling for it
    summit = ev[ev.type.eq("meeting")]
    assert len(summit) == 1 and pd.isna(summit.begin.iloc[0])
