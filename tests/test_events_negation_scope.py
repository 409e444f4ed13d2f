"""A negation denies an event noun only through a verb that holds or allows it (invented texts)."""

from __future__ import annotations

import pytest
from test_events import SURFACES, _extract, _small


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # the negated verb is an act about the event: the event itself stands
        ("Donald Trump did not criticize the summit with Kim Jong Un.", "meeting", "occurred"),
        ("Vladimir Putin did not comment on the talks with Kim Jong Un.", "meeting", "occurred"),
        # the negated verb holds or allows the event: it did not happen
        ("Vladimir Putin did not hold talks with Kim Jong Un.", "meeting", "denied"),
        ("Donald Trump never signed the agreement with Kim Jong Un.", "agreement", "denied"),
        ("Donald Trump did not attend the summit with Kim Jong Un.", "meeting", "denied"),
    ],
)
def test_negation_reaches_an_event_noun_only_through_a_verb_that_realises_it(
    spacy_nlp, text, type_, status
):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    rows = ev[ev["type"].eq(type_)]
    assert len(rows) == 1, ev[["type", "trigger", "status"]]
    assert rows.iloc[0]["status"] == status
