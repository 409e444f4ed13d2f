"""When an event happened: the date comes from the event's own clause (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import PUB, SURFACES, _extract, _small

MONDAY = ("Monday", 0, "DATE", "2019-04-22", None, "2019-04-22", "2019-04-23", "day")
FRIDAY = ("Friday", 0, "DATE", "2019-04-19", None, "2019-04-19", "2019-04-20", "day")


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
    ("text", "source"),
    [
        ("Donald Trump has said he will not attend.", None),  # a standing position
        ("Dmitry Peskov had said that the talks would fail.", None),  # earlier words
        # the perfect of news is before the day, at a time it does not say (the story's
        # day only where the narrative sets one: the sample's lead)
        ("The Kremlin has confirmed the visit.", None),
        ("Donald Trump says the talks went well.", "publication"),  # present: of the day
        # a past saying in an article that names no day: a reader cannot date it
        ("Donald Trump said the talks went well.", None),
    ],
)
def test_publication_day_only_for_words_of_the_day(spacy_nlp, text, source):
    ev = _one(spacy_nlp, text, "statement")
    if source is None:
        assert pd.isna(ev["begin"])
    else:
        assert (ev["time_source"], ev["begin"]) == (source, PUB)


SUNDAY = ("Sunday", 0, "DATE", "2019-04-21", None, "2019-04-21", "2019-04-22", "day")
SATURDAY = ("Saturday", 0, "DATE", "2019-04-20", None, "2019-04-20", "2019-04-21", "day")


def _statements(spacy_nlp, text, timexes) -> pd.DataFrame:
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes))
    return ev[ev["type"].eq("statement")].sort_values("trigger_start")


def test_a_past_saying_takes_the_day_the_story_names(spacy_nlp):
    # published on Monday 22 April; the story is Sunday's
    text = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Dmitry Peskov said the talks would be long."
    )
    rows = _statements(spacy_nlp, text, [SUNDAY])
    said = rows[rows["trigger"].eq("said")].iloc[0]
    assert said["begin"] == pd.Timestamp("2019-04-21", tz="UTC")
    assert said["time_source"] == "narrative"


def test_a_day_far_from_publication_is_not_the_story_day(spacy_nlp):
    # a day two weeks back is a past event, not the day the article reports
    early = ("April 8", 0, "DATE", "2019-04-08", None, "2019-04-08", "2019-04-09", "day")
    text = (
        "Vladimir Putin visited Vladivostok on April 8. Dmitry Peskov said the talks would be long."
    )
    rows = _statements(spacy_nlp, text, [early])
    said = rows[rows["trigger"].eq("said")].iloc[0]
    assert pd.isna(said["begin"])


def test_a_speaker_keeps_the_day_of_his_last_dated_words(spacy_nlp):
    text = (
        "Donald Trump said on Sunday that the summit went well. "
        "Mike Pompeo said on Saturday that the talks had failed. "
        "Mike Pompeo said the summit was over."
    )
    rows = _statements(spacy_nlp, text, [SUNDAY, SATURDAY])
    assert list(rows["begin"]) == [
        pd.Timestamp("2019-04-21", tz="UTC"),  # the story's day
        pd.Timestamp("2019-04-20", tz="UTC"),
        pd.Timestamp("2019-04-20", tz="UTC"),  # Pompeo's last dated words
    ]
    assert list(rows["time_source"]) == ["timex", "timex", "narrative"]


@pytest.mark.parametrize(
    ("text", "timex", "begin"),
    [
        # told in the past: last February, not the next one
        (
            "North Korea tested a missile in February.",
            ("February", 0, "DATE", "2020-02", None, "2020-02-01", "2020-03-01", "month"),
            "2019-02-01",
        ),
        # planned: next January, not the last one
        (
            "North Korea will test a missile in January.",
            ("January", 0, "DATE", "2019-01", None, "2019-01-01", "2019-02-01", "month"),
            "2020-01-01",
        ),
        # already the right way: unchanged
        (
            "North Korea tested a missile in March.",
            ("March", 0, "DATE", "2019-03", None, "2019-03-01", "2019-04-01", "month"),
            "2019-03-01",
        ),
    ],
)
def test_a_bare_month_follows_the_tense_of_its_event(spacy_nlp, text, timex, begin):
    ev = _one(spacy_nlp, text, "weapons_test", [timex])
    assert ev["begin"] == pd.Timestamp(begin, tz="UTC")


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


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("Mike Pompeo's latest remarks were the sharpest yet.", True),
        # a modifier that names an occasion of its own: other words than Friday's
        ("Mike Pompeo's resignation statement was the sharpest yet.", False),
        ("Mike Pompeo's closing statement was the sharpest yet.", False),
    ],
)
def test_a_speech_act_noun_of_an_occasion_of_its_own_is_other_words(spacy_nlp, second, same):
    text = "Mike Pompeo said on Friday that the talks had failed. " + second
    ev = _extract(_small(spacy_nlp, text, SURFACES, [FRIDAY]))
    rows = ev[ev["type"].eq("statement")].sort_values("trigger_start")
    assert len(rows) == 2 and rows["time_source"].iloc[0] == "timex"
    assert (rows["time_source"].iloc[1] == "coreference") is same


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


WEEK_AGO = ("three weeks ago", 0, "DATE", "2019-W13", None, "2019-03-25", "2019-04-01", "week")


def test_a_date_under_since_belongs_to_what_since_names(spacy_nlp):
    # "three weeks ago" dates the crisis, the bound of the talks, not the talks
    text = "Vladimir Putin and Kim Jong Un held talks, the first since the crisis three weeks ago."
    ev = _one(spacy_nlp, text, "meeting", [WEEK_AGO])
    assert ev["time_source"] != "timex"
    assert pd.isna(ev["begin"]) or ev["begin"] != pd.Timestamp("2019-03-25", tz="UTC")


def test_two_meetings_a_sentence_sets_apart_stay_two(spacy_nlp):
    text = (
        "The meeting between Vladimir Putin and Kim Jong Un was their first "
        "since the summit between Vladimir Putin and Kim Jong Un in 2011."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    meetings = ev[ev["type"].eq("meeting")]
    assert sorted(meetings["trigger"]) == ["meeting", "summit"]


def test_a_saying_in_a_clause_set_off_by_a_comma_goes_on_with_the_story(spacy_nlp):
    # published Monday 22 April; the story is Sunday's
    text = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "The plan angered Mike Pompeo, who called it a provocation. "
        "Donald Trump repeated the warning he issued."
    )
    rows = _statements(spacy_nlp, text, [SUNDAY])
    called = rows[rows["trigger"].eq("called")]
    assert len(called) == 1, rows[["trigger", "begin"]]
    assert called.iloc[0]["begin"] == pd.Timestamp("2019-04-21", tz="UTC")
    assert called.iloc[0]["time_source"] == "narrative"


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump will visit Seoul a month ahead of the summit with Kim Jong Un.",
        "Mike Pompeo spoke to reporters a month in advance of the summit with Kim Jong Un.",
        "Donald Trump flew to Vladivostok a month before the summit with Kim Jong Un.",
    ],
)
def test_the_gap_before_an_event_does_not_date_it(spacy_nlp, text):
    a_month = ("a month", 0, "DURATION", "P1M", None, "2019-03-22", "2019-04-22", "month")
    ev = _one(spacy_nlp, text, "meeting", [a_month])
    assert ev["time_source"] != "timex", ev[["trigger", "begin", "timex"]]


@pytest.mark.parametrize(
    ("second", "dated"),
    [
        ("Dmitry Peskov said in an interview that the talks would be long.", False),
        ("Mike Pompeo told the programme that the talks would be long.", False),
        ("Dmitry Peskov said in a statement that the talks would be long.", True),
    ],
)
def test_words_of_an_interview_or_a_programme_keep_their_unknown_day(spacy_nlp, second, dated):
    text = "Vladimir Putin arrived in Vladivostok on Sunday for the summit. " + second
    rows = _statements(spacy_nlp, text, [SUNDAY])
    assert len(rows) == 1, rows[["trigger", "begin"]]
    assert pd.notna(rows.iloc[0]["begin"]) is dated


@pytest.mark.parametrize(
    ("second", "dated"),
    [
        # the letter was signed on a day the story does not give
        (
            "Mike Pompeo is among the envoys who drafted a memo urging Vladimir Putin to leave.",
            False,
        ),
        # a letter sent in the story: its words are of the story's day
        ("Mike Pompeo sent a memo urging Vladimir Putin to leave.", True),
    ],
)
def test_a_document_s_words_are_dated_as_the_act_that_issued_it(spacy_nlp, second, dated):
    text = "Vladimir Putin arrived in Vladivostok on Sunday for the summit. " + second
    ev = _extract(_small(spacy_nlp, text, SURFACES, [SUNDAY]))
    calling = ev[ev["trigger"].str.startswith("urging")]
    assert len(calling) == 1, ev[["type", "trigger", "begin"]]
    assert pd.notna(calling.iloc[0]["begin"]) is dated


def test_a_saying_in_the_present_progressive_is_of_the_day(spacy_nlp):
    text = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Mike Pompeo and Donald Trump are urging Kim Jong Un to attend."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, [SUNDAY]))
    call = ev[ev["type"].eq("demand")]
    assert len(call) == 1, ev[["type", "trigger", "begin"]]
    assert call.iloc[0]["time_source"] == "publication"
    assert call.iloc[0]["begin"] == pd.Timestamp("2019-04-22", tz="UTC")


def test_an_earlier_speech_act_is_not_of_the_story_day(spacy_nlp):
    text = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Donald Trump recalled Mike Pompeo's earlier threats against Kim Jong Un."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES, [SUNDAY]))
    threats = ev[ev["trigger"].eq("threats")]
    assert len(threats) == 1, ev[["type", "trigger", "begin"]]
    assert threats.iloc[0]["time_source"] == "none"


@pytest.mark.parametrize(
    ("day", "dated"),
    [
        # written a day after the story: a reaction far from the story's day is undated
        (SUNDAY, False),
        # the day's own news: its reactions are the day's
        (MONDAY, True),
    ],
)
def test_a_reaction_far_down_a_later_report_is_undated(spacy_nlp, day, dated):
    when = day[0]
    text = (
        f"Vladimir Putin arrived in Vladivostok on {when} for the summit. "
        "Kim Jong Un came by train. The two leaders spoke for three hours. "
        "Many envoys waited outside. Dmitry Peskov said the talks had gone well."
    )
    rows = _statements(spacy_nlp, text, [day])
    said = rows[rows["trigger"].eq("said")]
    assert len(said) == 1, rows[["trigger", "begin"]]
    assert pd.notna(said.iloc[0]["begin"]) is dated


def test_a_saying_next_to_the_story_s_day_is_of_that_day(spacy_nlp):
    text = (
        "Kim Jong Un came by train. The two leaders spoke for three hours. "
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Dmitry Peskov said the talks had gone well."
    )
    rows = _statements(spacy_nlp, text, [SUNDAY])
    said = rows[rows["trigger"].eq("said")]
    assert said.iloc[0]["begin"] == pd.Timestamp("2019-04-21", tz="UTC")


def test_a_date_of_a_coordinated_clause_in_another_tense_is_not_the_saying_s(spacy_nlp):
    text = "The broadcasts began on Sunday and Kim Jong Un says they will go on for weeks."
    rows = _statements(spacy_nlp, text, [SUNDAY])
    says = rows[rows["trigger"].eq("says")]
    assert len(says) == 1, rows[["trigger", "begin", "time_source"]]
    assert says.iloc[0]["time_source"] == "publication"
    assert says.iloc[0]["begin"] == pd.Timestamp("2019-04-22", tz="UTC")


# ------------------------------------------------- a saying that goes on with another
APRIL_8 = ("April 8", 0, "DATE", "2019-04-08", None, "2019-04-08", "2019-04-09", "day")


def _last_saying(rows: pd.DataFrame, start: int) -> pd.Series:
    """The one saying of the text from ``start`` on."""
    hit = rows[rows["trigger_start"] >= start]
    assert len(hit) == 1, rows[["trigger", "participants", "begin"]]
    return hit.iloc[0]


@pytest.mark.parametrize(
    ("last", "dated"),
    [
        # the same speaker goes on: the day of the lead's saying
        ("He added that the summit would end soon.", True),
        ("Dmitry Peskov added that the summit would end soon.", True),
        # a "not" of the quoted words does not deny the saying
        ("\u201cAbsolutely not,\u201d he added.", True),
        # another speaker's reaction, far from the story's day: a reader cannot date it
        ("Mike Pompeo said that the summit would end soon.", False),
        # words he would not say are no saying of the occasion
        ("He would not say when the summit would end.", False),
    ],
)
def test_a_saying_that_goes_on_with_a_dated_one_takes_its_day(spacy_nlp, last, dated):
    # published on Monday 22 April; the lead's saying is Sunday's
    text = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Dmitry Peskov said the talks would be long. "
        "The two leaders spoke for three hours. " + last
    )
    rows = _statements(spacy_nlp, text, [SUNDAY])
    ev = _last_saying(rows, text.index(last))
    assert (ev["begin"] == pd.Timestamp("2019-04-21", tz="UTC")) is dated, ev
    if dated:
        assert ev["time_source"] == "narrative"


def test_a_saying_of_another_paragraph_goes_on_only_for_the_lead_s_speakers(spacy_nlp):
    # a report of Sunday's summit, published on Monday: the words the lead's speaker
    # says further on are of the story's day; another speaker's words in another
    # paragraph do not go on with the lead's
    lead = (
        "Vladimir Putin arrived in Vladivostok on Sunday for the summit. "
        "Dmitry Peskov said the talks would be long. "
        "The two leaders spoke for three hours.\n\n"
    )
    same = lead + "Dmitry Peskov said the summit would end soon."
    rows = _statements(spacy_nlp, same, [SUNDAY])
    assert _last_saying(rows, same.rindex("Dmitry Peskov said"))["begin"] == pd.Timestamp(
        "2019-04-21", tz="UTC"
    )
    other = lead + "Mike Pompeo said the summit would end soon."
    rows = _statements(spacy_nlp, other, [SUNDAY])
    assert pd.isna(_last_saying(rows, other.rindex("Mike Pompeo said"))["begin"])


@pytest.mark.parametrize(
    ("second", "dated"),
    [
        # another speaker, but at the occasion already told
        ("At the same press conference, Dmitry Peskov said the talks were a success.", True),
        ("Dmitry Peskov said the talks were a success.", False),
    ],
)
def test_a_saying_at_the_same_occasion_takes_its_day(spacy_nlp, second, dated):
    # April 8 is two weeks before publication: no story day dates the second saying
    text = "On April 8, Mike Pompeo said that the talks had failed. " + second
    rows = _statements(spacy_nlp, text, [APRIL_8])
    ev = rows[rows["participants"].map(lambda ps: "kb:dmitry_peskov" in list(ps))]
    assert len(ev) == 1, rows[["trigger", "participants", "begin"]]
    assert (ev.iloc[0]["begin"] == pd.Timestamp("2019-04-08", tz="UTC")) is dated


# ---------------------------------------------- a day told with the period that places it
@pytest.mark.parametrize(
    ("text", "timexes", "begin"),
    [
        (
            "Kim Jong Un and Vladimir Putin held a summit on March 20 last year.",
            [
                ("March 20", 0, "DATE", "2019-03-20", None, "2019-03-20", "2019-03-21", "day"),
                ("last year", 0, "DATE", "2018", None, "2018-01-01", "2019-01-01", "year"),
            ],
            "2018-03-20",
        ),
        (
            "Kim Jong Un will meet Vladimir Putin on Thursday next week.",
            [
                # the tagger took this week's Thursday; the week places it a week on
                ("Thursday", 0, "DATE", "2019-04-25", None, "2019-04-25", "2019-04-26", "day"),
                ("next week", 0, "DATE", "2019-W18", None, "2019-04-29", "2019-05-06", "week"),
            ],
            "2019-05-02",
        ),
        (
            "Kim Jong Un and Vladimir Putin signed the deal on the 5th of May last year.",
            [
                (
                    "the 5th of May",
                    0,
                    "DATE",
                    "2019-05-05",
                    None,
                    "2019-05-05",
                    "2019-05-06",
                    "day",
                ),
                ("last year", 0, "DATE", "2018", None, "2018-01-01", "2019-01-01", "year"),
            ],
            "2018-05-05",
        ),
    ],
)
def test_a_day_followed_by_its_period_dates_the_event_to_the_day(spacy_nlp, text, timexes, begin):
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes))
    assert len(ev) == 1, ev[["type", "trigger", "begin"]]
    assert ev.iloc[0]["begin"] == pd.Timestamp(begin, tz="UTC")
    assert ev.iloc[0]["end_date"] == pd.Timestamp(begin, tz="UTC") + pd.Timedelta(days=1)


def test_two_dates_with_their_own_years_stay_two():
    from analysis.events.timing import nest_timexes

    text = "on March 20, 2017 last year"
    rows = [
        {
            "start": 3,
            "end": 17,
            "text": "March 20, 2017",
            "type": "DATE",
            "precision": "day",
            "begin": pd.Timestamp("2017-03-20", tz="UTC"),
            "end_date": pd.Timestamp("2017-03-21", tz="UTC"),
        },
        {
            "start": 18,
            "end": 27,
            "text": "last year",
            "type": "DATE",
            "precision": "year",
            "begin": pd.Timestamp("2018-01-01", tz="UTC"),
            "end_date": pd.Timestamp("2019-01-01", tz="UTC"),
        },
    ]
    out = nest_timexes(rows, text)
    assert out[1]["begin"] == pd.Timestamp("2018-01-01", tz="UTC")
    assert not out[0].get("within") and "within" not in rows[0]


@pytest.mark.parametrize(
    ("text", "type_", "dated"),
    [
        # an appearance that is no saying is the occasion of the words told after it
        (
            "Vladimir Putin spoke at the Eastern Forum on April 8. "
            "Vladimir Putin said the talks would go on.",
            "statement",
            True,
        ),
        (
            "Mike Pompeo on April 8 unveiled the plan. "
            "He also demanded that Kim Jong Un free the prisoners.",
            "demand",
            True,
        ),
        # who was asked on a day answers on it -- not who asked
        (
            "Dmitry Peskov was asked by reporters on April 8 whether the talks would go on. "
            "Dmitry Peskov said the talks would go on.",
            "statement",
            True,
        ),
        (
            "Reporters asked Dmitry Peskov about it on April 8. "
            "Dmitry Peskov said the talks would go on.",
            "statement",
            True,
        ),
        (
            "Dmitry Peskov asked the reporters about it on April 8. "
            "Mike Pompeo said the talks would go on.",
            "statement",
            False,
        ),
        # another speaker after it: not the appearance's words
        (
            "Mike Pompeo gave a speech on April 8. Dmitry Peskov said the talks were over.",
            "statement",
            False,
        ),
        # a day of an act that is not an appearance: the words may be of any later day
        (
            "Mike Pompeo visited Pyongyang on April 8. Mike Pompeo said the talks would go on.",
            "statement",
            False,
        ),
    ],
)
def test_a_saying_goes_on_with_a_dated_appearance_of_its_speaker(spacy_nlp, text, type_, dated):
    ev = _extract(_small(spacy_nlp, text, SURFACES, [APRIL_8]))
    rows = ev[ev["type"].eq(type_) & (ev["trigger_start"] > text.index(". "))]
    assert len(rows) == 1, ev[["type", "trigger", "participants", "begin"]]
    assert (rows.iloc[0]["begin"] == pd.Timestamp("2019-04-08", tz="UTC")) is dated


def test_a_period_that_places_a_bound_is_part_of_the_bound():
    from analysis.events.timing import nest_timexes

    text = "since March 20 last year"
    day_ = ("2019-03-20", "2019-03-21", "day", "since")
    year = ("2018-01-01", "2019-01-01", "year", None)
    rows = [
        {
            "start": s,
            "end": e,
            "text": t,
            "type": "DATE",
            "begin": pd.Timestamp(b, tz="UTC"),
            "end_date": pd.Timestamp(x, tz="UTC"),
            "precision": p,
            "signal": g,
        }
        for (s, e, t), (b, x, p, g) in [((6, 14, "March 20"), day_), ((15, 24, "last year"), year)]
    ]
    out = nest_timexes(rows, text)
    assert out[1]["signal"] == "since"  # "last year" no longer dates an event on its own
    assert out[1]["begin"] == out[0]["begin"] == pd.Timestamp("2018-03-20", tz="UTC")


def test_an_event_to_be_held_on_a_day_takes_that_day_not_the_sentence_s(spacy_nlp):
    # the clause of holding hangs on "candidate"; its day is still the election's
    text = (
        "On Thursday, Vladimir Putin, a candidate for the presidential election to be "
        "held on August 9, held a rally in Vladivostok."
    )
    timexes = [
        ("Thursday", 0, "DATE", "2019-04-18", None, "2019-04-18", "2019-04-19", "day"),
        ("August 9", 0, "DATE", "2019-08-09", None, "2019-08-09", "2019-08-10", "day"),
    ]
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes))
    el = ev[ev["type"].eq("election")]
    assert len(el) == 1
    assert el.iloc[0]["begin"] == pd.Timestamp("2019-08-09", tz="UTC")
    assert el.iloc[0]["status"] == "planned"


def test_a_day_inside_the_year_on_the_event_noun_is_its_finer_date(spacy_nlp):
    text = "The 2020 presidential election on November 3 was close."
    timexes = [
        ("2020", 0, "DATE", "2020", None, "2020-01-01", "2021-01-01", "year"),
        ("November 3", 0, "DATE", "2020-11-03", None, "2020-11-03", "2020-11-04", "day"),
    ]
    published = pd.Timestamp("2020-11-26", tz="UTC")
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes, published=published))
    el = ev[ev["type"].eq("election")]
    assert len(el) == 1
    assert (el.iloc[0]["begin"], el.iloc[0]["precision"]) == (
        pd.Timestamp("2020-11-03", tz="UTC"),
        "day",
    )


def test_the_doer_of_a_passive_shares_its_time(spacy_nlp):
    # "killed last week by an airstrike": the airstrike is the killing's doer
    text = "Kim Chang Son was killed last week by a US military airstrike in Vladivostok."
    week = ("last week", 0, "DATE", "2019-W16", None, "2019-04-15", "2019-04-22", "week")
    ev = _one(spacy_nlp, text, "military_activity", [week])
    assert ev["begin"] == pd.Timestamp("2019-04-15", tz="UTC")


def test_providing_an_event_carries_it_out_at_the_sentence_s_time(spacy_nlp):
    text = (
        "In 2015, Russia started supporting the government of North Korea, providing "
        "airstrikes with its air force."
    )
    year = ("2015", 0, "DATE", "2015", None, "2015-01-01", "2016-01-01", "year")
    ev = _one(spacy_nlp, text, "military_activity", [year])
    assert ev["begin"] == pd.Timestamp("2015-01-01", tz="UTC")


@pytest.mark.parametrize(("verb", "dated"), [("condemned", True), ("has condemned", False)])
def test_the_perfect_further_down_the_day_s_news_is_undated(spacy_nlp, verb, dated):
    # the day's news: a past saying is the day's; a perfect tells an act before it
    text = (
        "Donald Trump arrived in Vladivostok on Monday for the summit. "
        "The two leaders spoke for three hours at the port. "
        "Kim Jong Un and Vladimir Putin walked to the hotel after lunch. "
        f"Mike Pompeo {verb} the summit was a mistake."
    )
    rows = _statements(spacy_nlp, text, [MONDAY])
    ev = rows[rows["trigger_start"] >= text.index("Mike Pompeo")]
    assert len(ev) == 1, rows[["trigger", "begin"]]
    assert (ev.iloc[0]["begin"] == PUB) is dated


def test_a_conjunct_shares_the_perfect_of_its_verb(spacy_nlp):
    text = (
        "Donald Trump arrived in Vladivostok on Monday for the summit. "
        "The two leaders spoke for three hours at the port. "
        "Kim Jong Un and Vladimir Putin walked to the hotel after lunch. "
        "Mike Pompeo has criticized the summit and argued that it was a mistake."
    )
    rows = _statements(spacy_nlp, text, [MONDAY])
    later = rows[rows["trigger_start"] >= text.index("Mike Pompeo")]
    assert len(later) >= 1, rows[["trigger", "begin"]]
    assert later["begin"].isna().all(), later[["trigger", "begin"]]


@pytest.mark.parametrize(
    ("text", "trigger", "dated"),
    [
        # a year before another noun dates that noun, not the act
        (
            "Mike Pompeo defended the reform, arguing it was no shock given his 2016 "
            "election pledges.",
            "arguing",
            False,
        ),
        # a verb describing a noun does not take the noun's date
        ("Mike Pompeo cited an 1871 statute that he argued was void.", "argued", False),
        # a noun that sets the time of the clause does date it
        ("During the 2016 season, Donald Trump threatened to sue the paper.", "threatened", True),
    ],
)
def test_a_date_of_another_noun_does_not_date_the_event(spacy_nlp, text, trigger, dated):
    year = ("2016", 0, "DATE", "2016", None, "2016-01-01", "2017-01-01", "year")
    old = ("1871", 0, "DATE", "1871", None, "1871-01-01", "1872-01-01", "year")
    tx = [t for t in (year, old) if t[0] in text]
    ev = _extract(_small(spacy_nlp, text, SURFACES, tx))
    row = ev[ev["trigger"].eq(trigger)]
    assert len(row) == 1, ev[["type", "trigger", "begin"]]
    assert (row.iloc[0]["time_source"] == "timex") is dated


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the show is the occasion of the saying
        ("Mike Pompeo said on a Sunday radio program that the talks would go on.", "said"),
    ],
)
def test_the_occasion_of_a_saying_dates_it(spacy_nlp, text, trigger):
    ev = _extract(_small(spacy_nlp, text, SURFACES, [SUNDAY]))
    row = ev[ev["trigger"].eq(trigger) & ev["trigger_start"].ge(text.index(trigger))]
    assert len(row) >= 1, ev[["type", "trigger", "begin"]]
    assert row.iloc[0]["time_source"] == "timex"


@pytest.mark.parametrize(
    ("text", "begin"),
    [
        # the parser hangs the interview on the complement's verb: still the saying's day
        (
            "Paul Ryan admitted there is a chance that the Republicans will lose the House "
            "in an interview Tuesday on a Sunday show.",
            "2019-06-11",
        ),
        # a meeting's day in the complement stays the meeting's
        ("Paul Ryan said the Republicans would hold the meeting on Tuesday.", None),
        # someone else's interview told in the words
        ("Paul Ryan said Nancy Pelosi lied during her interview on Tuesday.", None),
    ],
)
def test_the_day_of_an_interview_dates_the_saying_wherever_it_hangs(text, begin):
    from test_parse_repairs import _events as _built

    ev = _built({"a": text})
    said = ev[ev["type"].eq("statement")]
    assert len(said) == 1
    if begin is None:  # the day is not the saying's own
        assert said["time_source"].iloc[0] != "timex"
    else:
        assert str(said["begin"].iloc[0])[:10] == begin
        assert said["time_source"].iloc[0] == "timex"


@pytest.mark.parametrize(
    ("second", "friday"),
    [
        ("Sarah Palin posted an apology, saying she had erred.", True),
        # "later": after her Friday words, on a day the text does not give
        ("Sarah Palin later posted an apology, saying she had erred.", False),
    ],
)
def test_what_a_speaker_later_said_is_not_of_the_day_of_her_last_words(second, friday):
    from test_parse_repairs import _events as _built

    ev = _built({"a": "Sarah Palin wrote on Friday that the deal was dead. " + second})
    saying = ev[ev["trigger"].eq("saying")]
    assert len(saying) == 1
    assert (str(saying["begin"].iloc[0])[:10] == "2019-06-07") is friday


@pytest.mark.parametrize(
    ("second", "trigger", "dated"),
    [
        ("Mike Pompeo said the talks had failed.", "said", True),
        # "once", "repeatedly": some time, or many, not the story's day
        (
            "A new book reported that Mike Pompeo once told aides the talks had failed.",
            "told",
            False,
        ),
        ("Mike Pompeo has repeatedly said the talks had failed.", "said", False),
        # a saying the sentence looks back on in a clause of time
        ("The row began after Mike Pompeo said the talks had failed.", "said", False),
        # in a clause of time, a saying goes on with its speaker's words dated just before
        (
            "Mike Pompeo wrote on Facebook on Friday evening that the talks had failed. "
            "He was angry when he added that Kim had lied.",
            "added",
            True,
        ),
        # days from another act: not the story's day; hours from it may be
        ("Two days after the summit, Mike Pompeo said the talks had failed.", "said", False),
        ("Hours after the summit, Mike Pompeo said the talks had failed.", "said", True),
    ],
)
def test_a_saying_at_some_other_time_does_not_take_the_story_s_day(second, trigger, dated):
    from test_parse_repairs import _events as _built

    ev = _built({"a": "Kim Jong Un met Vladimir Putin on Wednesday in Vladivostok. " + second})
    rows = ev[ev["trigger"].eq(trigger)]
    assert len(rows) == 1
    assert (not pd.isna(rows["begin"].iloc[0])) is dated
