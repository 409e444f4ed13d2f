"""Undated articles: relative expressions keep their type and no invented date (issue 13).

Without an anchor (no publication date, or one known only to the month or year), "on
Tuesday", "next month", "last year" get their TIMEX3 type and an underspecified value with
``X`` digits, NaT begin and end and a reason; absolute dates ("12 June 2018") keep their
values.  Nothing downstream (the timexes frame, the events of a full build) invents one.
"""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import make_articles

from analysis import schema
from analysis.timex import NO_ANCHOR, anchor_of, tag_text, tag_timexes

TEXT = (
    "The envoys met on Tuesday. Talks resume next month, after a pause last year. "
    "The leaders will meet in Singapore on 12 June 2018."
)


def by_text(found) -> dict:
    return {t.text: t for t in found}


@pytest.mark.parametrize(
    "text, surface, typ, value",
    [
        ("The envoys met on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
        ("Talks resume next month.", "next month", "DATE", "XXXX-XX"),
        ("Trade fell last year.", "last year", "DATE", "XXXX"),
        ("The vote is next week.", "next week", "DATE", "XXXX-WXX"),
        ("They talked this weekend.", "this weekend", "DATE", "XXXX-WXX-WE"),
        ("He arrived yesterday.", "yesterday", "DATE", "XXXX-XX-XX"),
        ("He arrives tonight.", "tonight", "TIME", "XXXX-XX-XXTNI"),
        ("She spoke on Friday morning.", "Friday morning", "TIME", "XXXX-XX-XXTMO"),
        ("The truce began in June.", "June", "DATE", "XXXX-06"),
        ("The truce began on June 12.", "June 12", "DATE", "XXXX-06-12"),
        ("Sales rose in the first quarter.", "the first quarter", "DATE", "XXXX-Q1"),
        ("It rained this summer.", "this summer", "DATE", "XXXX-SU"),
        ("The plant closed two years ago.", "two years ago", "DATE", "XXXX"),
        ("The plant closed three weeks ago.", "three weeks ago", "DATE", "XXXX-WXX"),
        ("The plant closed five days ago.", "five days ago", "DATE", "XXXX-XX-XX"),
        ("The plant will reopen in six months.", "six months", "DATE", "XXXX-XX"),
        ("The market closes at Christmas.", "Christmas", "DATE", "XXXX-12-25"),
        ("Stocks rose by year-end.", "year-end", "DATE", "XXXX"),
        ("He is now in Oslo.", "now", "DATE", "PRESENT_REF"),
    ],
)
def test_relative_expression_keeps_its_type_and_an_underspecified_value(text, surface, typ, value):
    t = by_text(tag_text(text, None))[surface]
    assert (t.type, t.value) == (typ, value)
    assert pd.isna(t.begin) and pd.isna(t.end_date) and pd.isna(t.anchor)
    assert t.reason == NO_ANCHOR and t.precision == "unknown"


@pytest.mark.parametrize(
    "text, surface, typ, value",
    [
        ("It lasted three days.", "three days", "DURATION", "P3D"),
        ("Prices rose over the past year.", "the past year", "DURATION", "P1Y"),
        ("She visits every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("Output fell year-to-date.", "year-to-date", "DURATION", "P1Y"),
    ],
)
def test_durations_and_sets_keep_their_values_but_no_interval(text, surface, typ, value):
    t = by_text(tag_text(text, None))[surface]
    assert (t.type, t.value) == (typ, value)
    assert pd.isna(t.begin) and pd.isna(t.end_date)


def test_absolute_dates_keep_their_values_and_intervals():
    found = by_text(tag_text(TEXT, None))
    summit = found["12 June 2018"]
    assert summit.value == "2018-06-12" and summit.precision == "day"
    assert summit.begin == pd.Timestamp("2018-06-12", tz="UTC")
    # "the next day" takes its date from the full date the text gave, not from nowhere
    t = by_text(tag_text("They met on 12 June 2018. The next day, talks went on.", None))
    assert t["The next day"].value == "2018-06-13"


def test_the_same_text_with_an_anchor_is_resolved():
    found = by_text(tag_text(TEXT, "2018-06-08"))  # a Friday
    assert found["Tuesday"].value == "2018-06-05"
    assert found["next month"].value == "2018-07"
    assert found["last year"].value == "2017"


@pytest.mark.parametrize(
    "published, precision, expected",
    [
        (pd.Timestamp("2018-06-08", tz="UTC"), "day", pd.Timestamp("2018-06-08", tz="UTC")),
        (pd.Timestamp("2018-06-08", tz="UTC"), pd.NA, pd.Timestamp("2018-06-08", tz="UTC")),
        (pd.Timestamp("2018-06-01", tz="UTC"), "month", None),
        (pd.Timestamp("2018-01-01", tz="UTC"), "year", None),
        (pd.NaT, "unknown", None),
    ],
)
def test_anchor_of_needs_a_date_known_to_the_day(published, precision, expected):
    assert anchor_of(published, precision) == expected


def _undated_articles() -> pd.DataFrame:
    arts = make_articles({"nodate": TEXT, "month": TEXT, "dated": TEXT})
    arts["published"] = pd.Series(
        [pd.NaT, pd.Timestamp("2018-06-01", tz="UTC"), pd.Timestamp("2018-06-08", tz="UTC")],
        dtype="datetime64[ns, UTC]",
    )
    arts["published_precision"] = pd.Series(["unknown", "month", "day"], dtype="string")
    return schema.conform(arts, "articles")


def test_timexes_frame_of_undated_and_month_precision_articles_invents_nothing():
    df = tag_timexes(_undated_articles())
    schema.check(df, "timexes")
    for aid in ("nodate", "month"):
        rows = df[df["article_id"].eq(aid)].set_index("text")
        assert rows.loc["Tuesday", "value"] == "XXXX-WXX-2"
        assert rows.loc["next month", "value"] == "XXXX-XX"
        assert rows.loc["last year", "value"] == "XXXX"
        relative = rows.loc[["Tuesday", "next month", "last year"]]
        assert relative["begin"].isna().all() and relative["end_date"].isna().all()
        assert relative["anchor"].isna().all()
        assert (relative["reason"] == NO_ANCHOR).all()
        assert rows.loc["12 June 2018", "value"] == "2018-06-12"
        assert rows.loc["12 June 2018", "begin"] == pd.Timestamp("2018-06-12", tz="UTC")
    dated = df[df["article_id"].eq("dated")].set_index("text")
    assert dated.loc["Tuesday", "value"] == "2018-06-05"
    assert dated.loc["Tuesday", "begin"] == pd.Timestamp("2018-06-05", tz="UTC")


def test_a_build_of_an_undated_article_dates_no_event_from_a_relative_expression(
    tmp_path, monkeypatch
):
    from analysis.corpus import build

    monkeypatch.setenv("NEWSDESK_CACHE", str(tmp_path))
    arts = make_articles(
        {
            "nodate": "Vladimir Putin met Kim Jong Un in Vladivostok on Tuesday. "
            "The two leaders will meet again next month.",
            "dated": "Vladimir Putin met Kim Jong Un in Vladivostok on Tuesday. "
            "The two leaders will meet again next month.",
        }
    )
    arts["published"] = pd.Series(
        [pd.NaT, pd.Timestamp("2019-04-26", tz="UTC")], dtype="datetime64[ns, UTC]"
    )
    arts["published_precision"] = pd.Series(["unknown", "day"], dtype="string")
    corpus = build(arts, progress=False)
    articles = corpus.articles.set_index("article_id")
    assert pd.isna(articles.loc["nodate", "published"])  # nothing to infer it from
    tx = corpus.timexes
    undated = tx[tx["article_id"].eq("nodate")].set_index("text")
    assert undated.loc["Tuesday", "value"] == "XXXX-WXX-2"
    assert undated[["begin", "end_date"]].isna().all().all()
    events = corpus.events
    undated_events = events[events["article_id"].eq("nodate")]
    assert len(undated_events), "the meeting is still an event"
    assert undated_events["begin"].isna().all() and undated_events["end_date"].isna().all()
    # the dated copy of the same text dates its meeting from "Tuesday"
    dated = events[events["article_id"].eq("dated") & events["type"].eq("meeting")]
    assert pd.Timestamp("2019-04-23", tz="UTC") in set(dated["begin"])
