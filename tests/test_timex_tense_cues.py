"""Tense cues of the temporal tagger that decide which way a month or weekday resolves."""

from __future__ import annotations

import pytest

from analysis.timex import tag_text

ANCHOR = "2021-02-10"  # a Wednesday in February


def value(text: str, phrase: str, anchor: str = ANCHOR) -> str:
    found = {t.text: t.value for t in tag_text(text, anchor)}
    return found[phrase]


# ------------------------------------------------------------ verbs of commitment
@pytest.mark.parametrize(
    "text",
    [
        "The council has decided to reopen the old bridge in April, an aide said.",
        "Shareholders voted to dissolve the cooperative in April.",
        "The two unions agreed to end the dispute in April.",
        "The club's owners threatened to move the team in April.",
    ],
)
def test_an_infinitive_after_a_commitment_points_forward(text):
    # the commitment is told in the past, the act it commits to is still to come
    assert value(text, "April") == "2021-04"


@pytest.mark.parametrize(
    "text",
    [
        "The two unions agreed to the new contract in April.",  # "to" + determiner
        "The council decided in April to reopen the bridge.",  # the date is the decision's
        "The bridge was reopened in April.",
    ],
)
def test_a_commitment_without_an_infinitive_before_the_date_stays_past(text):
    assert value(text, "April") == "2020-04"


# ------------------------------------------------------- prospective participles
@pytest.mark.parametrize(
    "text",
    [
        "The hearings, which are supposed to finish by June, resumed after a pause.",
        "The vote is expected to take place in June.",
    ],
)
def test_a_prospective_participle_after_an_auxiliary_points_forward(text):
    assert value(text, "June") == "2021-06"


def test_was_about_to_stays_past():
    # "was about to" is an imminence told as past (not the prospective reading)
    assert value("The ferry was about to leave on Monday when the storm hit.", "Monday") == (
        "2021-02-08"
    )


# ------------------------------------------------------------- "that same day"
def test_that_same_day_after_a_month_is_a_day_of_that_month():
    text = (
        "The ferry service was suspended on Monday. Its owner first warned of losses last "
        "October. The harbour master resigned that same day."
    )
    found = {t.text: t for t in tag_text(text, ANCHOR)}
    t = found["that same day"]
    # not the Monday mentioned earlier: the last date told is a month
    assert t.value == "2020-10-XX"
    assert (t.begin.month, t.end_date.month, t.precision) == (10, 11, "month")


def test_that_same_day_after_a_full_date_is_that_date():
    text = "Talks opened on May 3, 2019 in Geneva; that same day the army withdrew."
    assert value(text, "that same day") == "2019-05-03"


# ------------------------------------------------------------------- "Now,"
def test_now_comma_opening_a_sentence_is_a_connective():
    text = "The mill lost money for years. Now, its owners say, the order book is full."
    assert [t.text for t in tag_text(text, ANCHOR) if t.text == "Now"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The mill lost money for years. Now its owners say the order book is full.",
        "The mill, closed for years, is now open again.",
        "Until now, the mill has been closed.",
        '"Close the mill. Now," the union wrote.',  # "now" as "at once", a sentence alone
    ],
)
def test_now_as_a_time_reference_is_kept(text):
    assert [t.value for t in tag_text(text, ANCHOR) if t.text.lower() == "now"] == ["PRESENT_REF"]


# ------------------------------------------------------- "it was a great day"
def test_a_copula_makes_a_day_a_particular_day():
    assert value("It's the third day of the strike at the port.", "the third day") == ANCHOR
    assert value("Yesterday was a sad day for the club.", "a sad day") == "2021-02-09"


def test_a_day_in_the_past_tense_is_the_day_just_told_about():
    text = 'The bridge opened on May 3, 2019. The mayor said it was "a proud day for us."'
    assert value(text, "a proud day") == "2019-05-03"


@pytest.mark.parametrize(
    "text",
    [
        "The ferry runs twice a day.",
        "She said a day would come when the bridge reopens.",
        "It was the next day that the bridge reopened.",
    ],
)
def test_a_day_without_a_copula_is_not_a_particular_day(text):
    # a rate, a generic day, or an anaphoric day left to its own rule
    assert [t.text for t in tag_text(text, ANCHOR) if t.rule == "copula_day"] == []


# ------------------------------------------------------ "the day before X"
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The strike began the day after May 3, 2019.", "the day after May 3, 2019", "2019-05-04"),
        ("They met the day before last Monday's vote.", "the day before last Monday", "2021-02-07"),
    ],
)
def test_the_day_next_to_a_dated_day_is_shifted(text, phrase, expected):
    found = {t.text: t for t in tag_text(text, ANCHOR)}
    t = found[phrase]
    assert t.value == expected
    assert t.precision == "day" and t.begin.day == int(expected[-2:])


def test_the_day_before_without_a_date_after_is_anaphoric():
    text = "The dam broke on May 3, 2019. Villagers had been warned the day before, he said."
    assert value(text, "the day before") == "2019-05-02"


# ------------------------------------------------- "mid-afternoon yesterday"
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "At mid-afternoon yesterday, the shares were up.",
            "mid-afternoon yesterday",
            "2021-02-09TAF",
        ),
        ("The talks ended late morning Friday.", "late morning Friday", "2021-02-05TMO"),
        ("We met yesterday morning.", "yesterday morning", "2021-02-09TMO"),
    ],
)
def test_a_part_of_day_before_its_day(text, phrase, expected):
    assert value(text, phrase) == expected


def test_a_part_of_day_alone_stays_generic():
    assert tag_text("He runs in the late afternoon.", ANCHOR) == []


# ------------------------------------------------------------ "that May"
def test_that_month_is_the_month_of_the_year_just_told():
    text = "The mill opened in 2013. That March, it closed; it reopened in Leeds that May."
    found = {t.text: t.value for t in tag_text(text, ANCHOR)}
    assert found["That March"] == "2013-03"
    assert found["that May"] == "2013-05"


def test_that_as_a_conjunction_before_a_month_is_not_anaphoric():
    text = "In 2013 the mill said that May sales rose."
    assert value(text, "May") == "2020-05"
