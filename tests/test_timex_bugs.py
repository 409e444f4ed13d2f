"""Temporal tagger: general mistakes found in an error analysis on news text.

Each group exercises one general mistake with sentences invented for the test (none is
taken from a benchmark document): the tense of a far-away governing verb, past-tense
"planned"/"expected", Easter week, a fronted month adjunct, and "daily" used as a noun (a
newspaper).
"""

from __future__ import annotations

import pytest

from analysis.timex import tag_text


def values(text: str, anchor: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag_text(text, anchor)}


# --------------------------------------------------------------------------- 1. far past verb
@pytest.mark.parametrize(
    "text, anchor, surface, value",
    [
        (
            "The cargo turned up in a container at the northern port in the early hours of "
            "Thursday morning as the ship was about to sail.",
            "1999-10-08",  # a Friday
            "Thursday morning",
            "1999-10-07TMO",
        ),
        (
            "Troops detained the journalist at a checkpoint in the early hours of Wednesday "
            "morning as she was about to cross the border.",
            "2019-04-26",  # a Friday
            "Wednesday morning",
            "2019-04-24TMO",
        ),
        (
            "The rebels were about to leave the town on Tuesday when the army arrived.",
            "2019-04-26",
            "Tuesday",
            "2019-04-23",
        ),
    ],
)
def test_past_verb_governs_weekday_through_prepositions(text, anchor, surface, value):
    assert values(text, anchor)[surface][1] == value


def test_is_about_to_stays_future():
    # present tense "is about to": still ahead of the anchor (Friday -> next Tuesday)
    assert values("The army is about to leave the town on Tuesday.", "2019-04-26")["Tuesday"] == (
        "DATE",
        "2019-04-30",
    )


# --------------------------------------------------------------------------- 2. past "planned"
@pytest.mark.parametrize(
    "text, anchor, surface, value",
    [
        (
            "On Friday, the city council planned a day of remembrance.",
            "1998-09-30",  # a Wednesday
            "Friday",
            "1998-09-25",
        ),
        (
            "On Monday, the ministry planned a vote on the budget.",
            "2019-04-24",
            "Monday",
            "2019-04-22",
        ),
        ("On Monday, analysts expected a rate cut.", "2019-04-24", "Monday", "2019-04-22"),
        # an infinitive the weekday belongs to keeps the plan in the future
        ("The ministry planned to hold a vote on Friday.", "2019-04-24", "Friday", "2019-04-26"),
        ("The ministry plans to hold a vote on Friday.", "2019-04-24", "Friday", "2019-04-26"),
        ("The union is expected to strike on Friday.", "2019-04-24", "Friday", "2019-04-26"),
    ],
)
def test_past_tense_plan_verbs(text, anchor, surface, value):
    assert values(text, anchor)[surface][1] == value


# --------------------------------------------------------------------------- 3. Easter week
@pytest.mark.parametrize(
    "text, anchor, surface, value",
    [
        # Easter 2000 was April 23: its week is 2000-W16 (Monday April 17 to Sunday April 23)
        (
            "Pilgrims sang hymns as Easter week got under way.",
            "2000-04-17",
            "Easter week",
            "2000-W16",
        ),
        # Easter 2019 was April 21
        (
            "Pilgrims crowded the old city as Holy Week began.",
            "2019-04-15",
            "Holy Week",
            "2019-W16",
        ),
        ("Shops closed during Holy Week.", "2019-04-24", "Holy Week", "2019-W16"),
        ("Hotels are full for Easter week.", "2019-03-20", "Easter week", "2019-W16"),
    ],
)
def test_easter_week_is_an_iso_week(text, anchor, surface, value):
    assert values(text, anchor)[surface] == ("DATE", value)


def test_holiday_period_begun_by_the_anchor_stays_in_the_anchor_year():
    # the week has begun on the anchor day: a past verb must not send it a year back
    found = values("Pilgrims arrived as Easter week started.", "2019-04-16")
    assert found["Easter week"] == ("DATE", "2019-W16")


def test_easter_sunday_alone_keeps_its_day():
    assert values("Easter was celebrated quietly.", "2019-04-22")["Easter"] == (
        "DATE",
        "2019-04-21",
    )


# --------------------------------------------------------------------------- 4. fronted month
@pytest.mark.parametrize(
    "text, anchor, surface, value",
    [
        (
            "The feud dates to 1994. In January, a week after the tenth anniversary of the "
            "treaty signing, a fire in the northern port destroyed a warehouse.",
            "1998-10-25",
            "January",
            "1998-01",
        ),
        (
            "In March, two weeks after the start of the annual spring festival in the northern "
            "provinces of the country, a landslide buried a village.",
            "2019-10-20",
            "March",
            "2019-03",
        ),
        (
            "In January, after the holiday season and the end of the parliamentary recess in "
            "the capital, the government will present its budget.",
            "2019-10-20",
            "January",
            "2020-01",
        ),
    ],
)
def test_fronted_month_takes_the_main_verb_tense(text, anchor, surface, value):
    assert values(text, anchor)[surface][1] == value


# --------------------------------------------------------------------------- 5. "daily" noun
@pytest.mark.parametrize(
    "text",
    [
        "Friday's edition of the Ruritanian daily Courier said the talks failed.",
        "The daily Courier said the talks failed.",
        "The talks failed, according to the daily.",
        "The daily said the talks failed.",
        "The figures were published by a Ruritanian weekly, Vox, on Monday.",
        "The Harbour Daily said the talks failed.",
    ],
)
def test_daily_as_a_newspaper_is_not_a_set(text):
    found = tag_text(text, "2019-04-24")
    periodical = [t for t in found if t.text.lower() in ("daily", "weekly")]
    assert not periodical, [(t.text, t.value) for t in found]


@pytest.mark.parametrize(
    "text",
    [
        "The paper is published daily.",
        "There are flights daily from Sydney.",
        "He takes the pill twice daily.",
        "The newspaper appears daily in three cities.",
    ],
)
def test_daily_as_a_frequency_stays_a_set(text):
    found = [t for t in tag_text(text, "2019-04-24") if t.text.lower() == "daily"]
    assert [(t.type, t.value) for t in found] == [("SET", "P1D")]


def test_was_expected_after_a_fronted_weekday_is_past():
    text = "On Monday, the minister was expected to resign, but he stayed."
    assert values(text, "2019-04-24")["Monday"][1] == "2019-04-22"


# --------------------------------------------------------------------------- sentence bounds
def test_abbreviation_dot_does_not_end_the_sentence():
    # "vs." and "Gen." do not cut the sentence: the main verb after them still counts
    text = (
        "In February, a month after the ruling in Smith vs. Jones and a visit by Gen. Ward "
        "to the capital of the province, a bomb destroyed the court."
    )
    assert values(text, "2019-10-20")["February"][1] == "2019-02"


def test_next_to_is_a_place_not_a_future():
    # "next" would point to the coming Friday; "next to" is a place, so the weekday is the
    # last one
    text = "Fire gutted a shop next to the station in the old town Friday morning."
    assert values(text, "2019-04-27")["Friday morning"][1] == "2019-04-26TMO"


def test_daily_noun_before_a_preposition_and_in_uncased_text():
    for text in ("Details were reported by the daily on Friday.", "THE DAILY SAID IT FAILED."):
        found = tag_text(text, "2019-04-24")
        assert not [t for t in found if t.text.lower() == "daily"], text
