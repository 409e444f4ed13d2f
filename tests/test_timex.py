"""Temporal expressions: TIMEX3 values, intervals, precision, bad input, inferred dates."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.timex import NO_ANCHOR, infer_published, interval_of, tag_text, tag_timexes

ANCHOR = "2019-04-22"  # Monday, publication day of the sample article


def ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day, tz="UTC")


def one(text: str, anchor=ANCHOR, surface: str | None = None):
    found = tag_text(text, anchor)
    if surface is not None:
        found = [t for t in found if t.text == surface]
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def articles_frame(rows: list[dict]) -> pd.DataFrame:
    base = {
        "title": "t",
        "title_derived": False,
        "source": pd.NA,
        "url": pd.NA,
        "author": pd.NA,
        "published_precision": "day",
        "published_inferred": False,
        "language": "en",
        "path": "mem",
        "paths": None,
        "format": "txt",
        "n_words": 1,
    }
    return schema.conform(pd.DataFrame([{**base, **r} for r in rows]), "articles")


# --------------------------------------------------------------------------- the sample
@pytest.fixture(scope="module")
def sample_timexes(sample_text):
    return {t.text: t for t in tag_text(sample_text, ANCHOR)}


@pytest.mark.parametrize(
    "surface, typ, value, mod, begin, end, precision",
    [
        ("the end of April", "DATE", "2019-04", "END", "2019-04-22", "2019-05-01", "month"),
        ("the end of this month", "DATE", "2019-04", "END", "2019-04-22", "2019-05-01", "month"),
        (
            "the remaining days of April",
            "DATE",
            "2019-04",
            None,
            "2019-04-22",
            "2019-05-01",
            "month",
        ),
        ("the next week", "DURATION", "P1W", None, "2019-04-22", "2019-04-29", "week"),
        ("earlier this month", "DATE", "2019-04", None, "2019-04-01", "2019-04-22", "month"),
        ("last week", "DATE", "2019-W16", None, "2019-04-15", "2019-04-22", "week"),
        ("this week", "DATE", "2019-W17", None, "2019-04-22", "2019-04-29", "week"),
        ("Monday", "DATE", "2019-04-22", None, "2019-04-22", "2019-04-23", "day"),
        ("June 2018", "DATE", "2018-06", None, "2018-06-01", "2018-07-01", "month"),
        ("February 2019", "DATE", "2019-02", None, "2019-02-01", "2019-03-01", "month"),
        ("2011", "DATE", "2011", None, "2011-01-01", "2012-01-01", "year"),
        ("the past year", "DURATION", "P1Y", None, "2018-04-22", "2019-04-22", "year"),
    ],
)
def test_sample_expressions(sample_timexes, surface, typ, value, mod, begin, end, precision):
    t = sample_timexes[surface]
    assert (t.type, t.value, t.mod) == (typ, value, mod)
    assert (t.begin, t.end_date) == (ts(begin), ts(end))
    assert t.precision == precision
    assert t.anchor == ts(ANCHOR)


def test_sample_days_ago_is_a_vague_past_interval(sample_timexes):
    t = sample_timexes["days ago"]
    assert (t.type, t.value) == ("DATE", "PAST_REF")
    assert t.end_date == ts(ANCHOR) and ts("2019-04-08") < t.begin < ts("2019-04-21")
    assert "vague" in t.reason


def test_sample_signals_shape_intervals(sample_timexes):
    by = sample_timexes["the end of this month"]
    assert by.signal == "by"
    # without the signal the same value covers only the last third of April
    plain = one("It happens at the end of this month.")
    assert plain.value == "2019-04" and plain.mod == "END"
    assert plain.begin == ts("2019-04-21") and plain.end_date == ts("2019-05-01")


# --------------------------------------------------------------------------- values
@pytest.mark.parametrize(
    "text, surface, typ, value",
    [
        ("Talks resume next week.", "next week", "DATE", "2019-W18"),
        ("He arrived yesterday.", "yesterday", "DATE", "2019-04-21"),
        ("They will meet on Friday.", "Friday", "DATE", "2019-04-26"),
        ("They met on Friday.", "Friday", "DATE", "2019-04-19"),
        ("Sales rose in the first quarter.", "the first quarter", "DATE", "2019-Q1"),
        ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
        ("It rains this summer.", "this summer", "DATE", "2019-SU"),
        ("The vote is on April 30, 2019.", "April 30, 2019", "DATE", "2019-04-30"),
        ("The meeting starts at 2:30 p.m. Monday.", "2:30 p.m. Monday", "TIME", "2019-04-22T14:30"),
        ("It lasted three days.", "three days", "DURATION", "P3D"),
        ("The flight took two hours.", "two hours", "DURATION", "PT2H"),
        ("She visits every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The paper appears daily.", "daily", "SET", "P1D"),
        ("He is now in Moscow.", "now", "DATE", "PRESENT_REF"),
        ("It was recently announced.", "recently", "DATE", "PAST_REF"),
        ("They talked about the future.", "the future", "DATE", "FUTURE_REF"),
        ("It happened two years ago.", "two years ago", "DATE", "2017"),
        ("The summit of June 12, 2018 in Singapore.", "June 12, 2018", "DATE", "2018-06-12"),
        ("It opened in mid-2016.", "mid-2016", "DATE", "2016"),
        ("It fell by Christmas.", "Christmas", "DATE", "2018-12-25"),
        ("Over the past three years prices rose.", "the past three years", "DURATION", "P3Y"),
        ("The truce lasted about a decade.", "about a decade", "DURATION", "P10Y"),
        ("In nineteen ninety-six the bridge opened.", "nineteen ninety-six", "DATE", "1996"),
    ],
)
def test_values(text, surface, typ, value):
    t = one(text, surface=surface)
    assert (t.type, t.value) == (typ, value)


def test_modifiers():
    assert one("It began in early 2018.").mod == "START"
    assert one("It ended in late March 2018.").mod == "END"
    assert one("It lasted more than two years.").mod == "MORE_THAN"
    assert one("It lasted less than an hour.").mod == "LESS_THAN"
    assert one("It lasted about five years.").mod == "APPROX"


def test_precisions():
    got = {
        t.text: t.precision
        for t in tag_text(
            "In 2018, in March 2018, on 3 March 2018, in the week of March 5, 2018, in the second "
            "quarter of 2018, in the summer of 2018, in the 1980s and at 10:30 a.m. March 3, 2018.",
            ANCHOR,
        )
    }
    assert got["2018"] == "year"
    assert got["March 2018"] == "month"
    assert got["3 March 2018"] == "day"
    assert got["the week of March 5, 2018"] == "week"
    assert got["the second quarter of 2018"] == "quarter"
    assert got["the summer of 2018"] == "season"
    assert got["the 1980s"] == "decade"
    assert got["10:30 a.m. March 3"] == "time"


def test_interval_of_values():
    iv = interval_of("2019-W16")
    assert (iv.begin.isoformat()[:10], iv.end.isoformat()[:10]) == ("2019-04-15", "2019-04-22")
    iv = interval_of("2019-Q1")
    assert (iv.begin.month, iv.end.month, iv.precision) == (1, 4, "quarter")
    iv = interval_of("2018-WI")
    assert (iv.begin.isoformat()[:10], iv.end.isoformat()[:10]) == ("2018-12-01", "2019-03-01")
    assert interval_of("P1W").begin is None and "duration" in interval_of("P1W").reason
    assert interval_of("2019-02-29").begin is None  # not a leap year


# --------------------------------------------------------------------------- bad input
def test_relative_without_anchor_stays_unresolved():
    found = tag_text("He left last week, on Monday, in June and on 4 July 2018.", None)
    by = {t.text: t for t in found}
    for surface in ("last week", "Monday", "June"):
        assert pd.isna(by[surface].begin) and by[surface].reason == NO_ANCHOR
        assert "X" in by[surface].value
    absolute = by["4 July 2018"]
    assert absolute.value == "2018-07-04" and absolute.begin == ts("2018-07-04")


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 31 February 2019.",
        "Due 2019-13-01.",
        "Filed 13/45/2019.",
        "Paid on February 30.",
    ],
)
def test_impossible_dates_are_rejected(text):
    assert [t for t in tag_text(text, ANCHOR) if t.type in ("DATE", "TIME")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Do you have a car?",
        "May I come in?",
        "They will march on the capital.",
        "Protesters March on Washington.",
        "a long list 12 14 2019 33 45 1999 7",
        "It costs $2019 and weighs 1999 tons.",
        "Room 2011 is on the left.",
    ],
)
def test_false_positives(text):
    assert tag_text(text, ANCHOR) == []


def test_empty_and_huge_text():
    assert tag_text("", ANCHOR) == []
    assert tag_text(None, ANCHOR) == []  # type: ignore[arg-type]
    big = "Nothing happened here. " * 5000 + "It ended on 3 May 2018."
    found = tag_text(big, ANCHOR)
    assert [t.value for t in found] == ["2018-05-03"]


def test_bad_anchor_type_is_a_clear_error():
    with pytest.raises(TypeError, match="anchor"):
        tag_text("last week", anchor=3.5)


# --------------------------------------------------------------------------- frames
def test_tag_timexes_frame(sample_text):
    arts = articles_frame(
        [
            {"article_id": "a1", "text": sample_text, "published": ts("2019-04-22 09:30")},
            {"article_id": "a2", "text": "The talks ended last week.", "published": pd.NaT},
        ]
    )
    sents = pd.DataFrame(
        {
            "article_id": ["a2"],
            "sentence_id": [0],
            "start": [0],
            "end": [26],
            "text": ["The talks ended last week."],
        }
    )
    df = tag_timexes(arts, schema.conform(sents, "sentences"))
    schema.check(df, "timexes")
    assert list(df.columns[: len(schema.SCHEMAS["timexes"])]) == [
        c.name for c in schema.SCHEMAS["timexes"]
    ]
    a1 = df[df.article_id == "a1"]
    assert (a1.sentence_id == -1).all()  # no sentences given for a1
    row = a1[a1.text == "last week"].iloc[0]
    assert row.value == "2019-W16" and row.begin == ts("2019-04-15")
    assert str(df["begin"].dtype) == "datetime64[ns, UTC]"
    a2 = df[df.article_id == "a2"].iloc[0]
    assert a2.sentence_id == 0 and pd.isna(a2.begin) and a2.reason == NO_ANCHOR


def test_tag_timexes_empty():
    df = tag_timexes(articles_frame([{"article_id": "a", "text": "", "published": pd.NaT}]))
    assert len(df) == 0 and list(df.columns[:13]) == [c.name for c in schema.SCHEMAS["timexes"]]


def test_infer_published():
    arts = articles_frame(
        [
            {
                "article_id": "dateline",
                "published": pd.NaT,
                "text": "MOSCOW, April 22, 2019 (Reuters) - The Kremlin said on Monday ...",
            },
            {
                "article_id": "weekday",
                "published": pd.NaT,
                "text": "The Kremlin confirmed on Monday, April 22, 2019 that the talks went on.",
            },
            {
                "article_id": "month",
                "published": pd.NaT,
                "text": "The summits of June 2018 and February 2019 failed.",
            },
            {"article_id": "nothing", "published": pd.NaT, "text": "Talks resumed last week."},
            {"article_id": "known", "published": ts("2020-01-01"), "text": "On 3 May 2018."},
        ]
    )
    out = infer_published(arts).set_index("article_id")
    assert out.loc["dateline", "published"] == ts("2019-04-22")
    assert out.loc["dateline", "published_precision"] == "day"
    # a weekday-checked full date in the lead: the news day, month precision
    assert out.loc["weekday", "published"] == ts("2019-04-22")
    assert out.loc["weekday", "published_precision"] == "month"
    # months merely mentioned are never the publication date (analysis.io.published)
    assert pd.isna(out.loc["month", "published"])
    assert out.loc[["dateline", "weekday"], "published_inferred"].all()
    assert pd.isna(out.loc["nothing", "published"])
    assert not out.loc["nothing", "published_inferred"]
    assert "no strong evidence" in out.loc["nothing", "published_reason"]
    assert out.loc["known", "published"] == ts("2020-01-01")
    assert not out.loc["known", "published_inferred"]


def test_inferred_date_becomes_the_anchor():
    arts = infer_published(
        articles_frame(
            [
                {
                    "article_id": "x",
                    "published": pd.NaT,
                    "text": "WASHINGTON, March 12, 1999 - NATO expanded. The summit is next month.",
                }
            ]
        )
    )
    df = tag_timexes(arts)
    assert df[df.text == "next month"].iloc[0].value == "1999-04"


# --------------------------------------------------------------------------- tense cues
@pytest.mark.parametrize(
    "text, surface, value",
    [
        # "set for" / "is to" announce a plan: future
        ("The dispute will top a summit set for Lisbon in June.", "June", "2019-06"),
        ("The council is to vote Tuesday.", "Tuesday", "2019-04-23"),
        # "were planning" is a plan, not a past event
        (
            "Farmers called a march on Saturday but were planning to block the roads.",
            "Saturday",
            "2019-04-27",
        ),
        # "until" sets a deadline, unless the clause is in the pluperfect
        ("They have until Thursday to sign.", "Thursday", "2019-04-25"),
        ("Until Thursday, the ministry had not named an envoy.", "Thursday", "2019-04-18"),
        # a plan of the past: "had been due"
        ("The lease had been due to end Friday.", "Friday", "2019-04-19"),
        # a long name does not push the verb out of reach
        (
            "On Tuesday, the Northern Farmers and Growers Union plans to hold a rally in "
            "the square.",
            "Tuesday",
            "2019-04-23",
        ),
        # "..., the spokeswoman said": the reporting verb does not date the reported plan
        (
            "The envoy will fly out at dusk (6 p.m. EDT Thursday),'' the spokeswoman said.",
            "6 p.m. EDT Thursday",
            "2019-04-25T18:00",
        ),
    ],
)
def test_tense_cues(text, surface, value):
    found = [t for t in tag_text(text, ANCHOR) if surface is None or t.text == surface]
    assert found and found[-1].value == value, [(t.text, t.value) for t in found]


def test_un_adjective_is_not_a_past_tense():
    t = one("The fee would be paid on a still undisclosed date in January.", "2019-10-24")
    assert t.value == "2020-01"


# --------------------------------------------------------------------------- new forms
def test_midday_is_noon():
    t = one("The judge will hear him at midday.")
    assert (t.text, t.type, t.value) == ("midday", "TIME", "2019-04-22T12:00")


@pytest.mark.parametrize(
    "text",
    [
        "It was High Noon for the cabinet.",
        "For the coalition, high noon has come.",
        "They signed the long-term lease.",
        "She was soon freed.",
        "A trickle that soon turned into a flood.",
    ],
)
def test_idioms_and_adjectives_are_not_timexes(text):
    assert tag_text(text, ANCHOR) == []


def test_soon_and_the_long_term_as_references_stay():
    assert one("They will soon meet.").value == "FUTURE_REF"
    assert one("It pays off in the long term.").value == "FUTURE_REF"


def test_conjoined_day_after_a_date():
    found = tag_text("The fair is on May 7 and 8.", "2019-03-01")
    assert [(t.text, t.value) for t in found] == [("May 7", "2019-05-07"), ("8", "2019-05-08")]
    assert found[1].begin == ts("2019-05-08") and found[1].precision == "day"
    # the conjunction must end at punctuation: "8 people" is a count
    assert [t.text for t in tag_text("On May 7 and 8 people died.", "2019-03-01")] == ["May 7"]
    # a full date with a year is not continued by a bare number
    assert len(tag_text("It was May 3, 2018 and 4, then.", ANCHOR)) == 1


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("The envoys ended their second day-long session.", "day-long", "P1D"),
        ("The decades-long feud goes on.", "decades-long", "PXY"),
        ("A weeks-long strike ended.", "weeks-long", "PXW"),
    ],
)
def test_unit_long_adjectives_are_durations(text, surface, value):
    t = one(text, surface=surface)
    assert (t.type, t.value) == ("DURATION", value)


def test_this_month_of_followed_by_a_noun():
    assert one("The raids this month of rebel camps.").value == "2019-04"
    assert tag_text("In the week of the storm, nothing moved.", ANCHOR) == []


# --- regressions: expressions that used to raise and cost the article its timexes


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("The church was built in the year 1000.", "the year 1000", "1000"),
        ("Over the past 500 years the town grew.", "the past 500 years", "P500Y"),
        ("The fortress, begun in 1600, still stands.", "1600", "1600"),
    ],
)
def test_dates_beyond_nanosecond_range_keep_value_but_no_interval(text, surface, value):
    t = one(text, surface=surface)
    assert t.value == value
    assert pd.isna(t.begin) and pd.isna(t.end_date)
    assert "outside the representable dates" in t.reason
    arts = articles_frame([{"article_id": "old", "text": text, "published": ts(ANCHOR)}])
    frame = tag_timexes(arts)  # used to raise OutOfBoundsDatetime while conforming
    schema.check(frame, "timexes")
    assert value in frame["value"].tolist()


def test_moments_later_is_not_a_duration_and_does_not_raise():
    assert tag_text("Moments later, the police arrived.", ANCHOR) == []
    t = one("He left moments ago.", surface="moments ago")
    assert t.value == "PAST_REF"
    # the ordinary units of the same rule still give durations
    assert one("Days later, the army left.").value == "PXD"
