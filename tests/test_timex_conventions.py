"""News conventions of the temporal tagger: reported quarters, titles, vague spans, the future."""

from __future__ import annotations

import pytest

from analysis.timex import tag_text

EARNINGS_DAY = "1989-11-02"  # a Thursday of the fourth quarter


def values(text: str, anchor: str = EARNINGS_DAY) -> dict[str, str]:
    return {t.text: t.value for t in tag_text(text, anchor)}


# --------------------------------------------------------------------------- quarters
def test_forecast_of_the_running_quarter_is_not_the_reported_quarter():
    text = (
        "Zenith's third-quarter profit rose 8%. The company said the strike will lead to a "
        "fourth-quarter loss. Profit fell 31% in the latest quarter, compared with "
        "$4 million a year ago."
    )
    v = values(text)
    assert v["fourth-quarter"] == "1989-Q4"  # still tagged, with its own value
    assert v["the latest quarter"] == "1989-Q3"
    assert v["a year ago"] == "1988-Q3"


def test_a_reported_running_quarter_stays_the_reference():
    # a fiscal fourth quarter that ended in September is reported in November
    v = values(
        "Harbor Mills reported a 22% drop in fourth-quarter sales. It sold $30 million of "
        "goods, compared with $41 million a year earlier."
    )
    assert v["fourth-quarter"] == "1989-Q4"
    assert v["a year earlier"] == "1988-Q4"
    v = values(
        "For its fiscal fourth quarter ended June 30, net income fell to $3 million from a "
        "year ago."
    )
    assert v["a year ago"] == "1988-Q4"


def test_forecast_quarter_without_a_reported_one_leaves_the_previous_quarter():
    v = values("Sales will rise in the fourth quarter. The latest quarter was weak.")
    assert v["the fourth quarter"] == "1989-Q4"
    assert v["The latest quarter"] == "1989-Q3"


# --------------------------------------------------------------------------- titles
@pytest.mark.parametrize(
    "text",
    [
        'The minister, speaking on "This Month in Politics," said the talks go on.',
        'He said on "This Week With Ana Lopez" that the talks go on.',
        "This is Europe Today.",
        "She told Harbour Today that the talks go on.",
    ],
)
def test_programme_and_newspaper_names_are_not_dates(text):
    assert tag_text(text, "2019-04-22") == []


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Today the talks resume.", "Today"),
        ('He said: "Today we sign."', "Today"),
        ("Peskov spoke. Today the talks resume.", "Today"),
        ("The talks resume this week.", "this week"),
    ],
)
def test_sentence_initial_or_lower_case_words_stay_dates(text, surface):
    assert [t.text for t in tag_text(text, "2019-04-22")] == [surface]


# --------------------------------------------------------------------------- vague spans
@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("Over the years many farmers left.", "the years", "PXY"),
        ("In the years that followed, the town grew.", "the years", "PXY"),
        ("Throughout the decades of exile he wrote.", "the decades", "PXY"),
        ("In the months since, prices rose.", "the months", "PXM"),
    ],
)
def test_the_years_after_a_preposition_is_a_vague_duration(text, surface, value):
    found = tag_text(text, "2019-04-22")
    assert [(t.text, t.type, t.value) for t in found] == [(surface, "DURATION", value)]


@pytest.mark.parametrize(
    "text",
    ["In the years of war he wrote.", "The years were hard.", "He counted the years."],
)
def test_the_years_without_a_time_preposition_is_not_tagged(text):
    assert tag_text(text, "2019-04-22") == []


# --------------------------------------------------------------------------- the future
@pytest.mark.parametrize(
    "text",
    [
        "The board will decide the club's future.",
        "The ruling would take the choice about Anna's future away from her parents.",
        "The new plant will lift output in future years.",
    ],
)
def test_future_as_a_noun_or_before_a_unit_is_future_ref(text):
    found = [t for t in tag_text(text, "2019-04-22") if t.value == "FUTURE_REF"]
    assert [t.text for t in found] == ["future"]


@pytest.mark.parametrize(
    "text",
    [
        "The company's future earnings look weak.",
        "Intel's future flagship chip is late.",
        "The fund holds reserves for future pensions.",
    ],
)
def test_future_before_an_ordinary_noun_is_not_tagged(text):
    assert tag_text(text, "2019-04-22") == []


# --------------------------------------------------------------------------- TIMEX3 guidelines
@pytest.mark.parametrize(
    "text, anchor, surface, typ, value",
    [
        # a weekday with a part of the day keeps the part (not a plain day)
        (
            "The rally ended on Wednesday night.",
            "2019-04-26",
            "Wednesday night",
            "TIME",
            "2019-04-24TNI",
        ),
        ("They spoke on Friday evening.", "2019-04-22", "Friday evening", "TIME", "2019-04-19TEV"),
        ("It was cold last night.", "2019-04-22", "last night", "TIME", "2019-04-21TNI"),
        # a decade is three digits (not 198X)
        ("The plant opened in the 1980s.", "2019-04-22", "the 1980s", "DATE", "198"),
        ("Prices doubled in the nineties.", "2019-04-22", "the nineties", "DATE", "199"),
        # ISO weeks are zero-padded (not 2000-W7)
        ("The vote was last week.", "2000-02-23", "last week", "DATE", "2000-W07"),
        # "the weekend" is the weekend of a week (not a two-day duration)
        ("Talks went on over the weekend.", "2019-04-22", "the weekend", "DATE", "2019-W16-WE"),
        # a plain year is the year (not 1968-XX)
        ("The treaty dates from 1968.", "2019-04-22", "1968", "DATE", "1968"),
    ],
)
def test_values_follow_the_timex3_guidelines(text, anchor, surface, typ, value):
    found = {t.text: (t.type, t.value) for t in tag_text(text, anchor)}
    assert found[surface] == (typ, value), found
