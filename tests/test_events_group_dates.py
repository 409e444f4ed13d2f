"""Undated mentions take the day their event group's dated reports agree on (invented)."""

from __future__ import annotations

import pandas as pd

from analysis.events.group_dates import date_from_groups

MON = pd.Timestamp("2030-05-06", tz="UTC")


def _frame(rows):
    df = pd.DataFrame(rows, columns=["event_group", "type", "time_source", "begin", "precision"])
    df["begin"] = pd.to_datetime(df["begin"], utc=True)
    df["end_date"] = df["begin"] + pd.Timedelta(days=1)
    return df


def test_an_undated_summit_takes_the_day_of_its_group():
    ev = _frame(
        [
            ("g1", "meeting", "timex", MON, "day"),
            ("g1", "meeting", "timex", MON, "day"),
            ("g1", "meeting", "none", None, None),
        ]
    )
    out = date_from_groups(ev)
    assert out.at[2, "begin"] == MON and out.at[2, "end_date"] == MON + pd.Timedelta(days=1)
    assert out.at[2, "time_source"] == "group"


def test_reports_that_disagree_date_nothing():
    ev = _frame(
        [
            ("g1", "meeting", "timex", MON, "day"),
            ("g1", "meeting", "timex", MON + pd.Timedelta(days=1), "day"),
            ("g1", "meeting", "none", None, None),
        ]
    )
    assert pd.isna(date_from_groups(ev).at[2, "begin"])


def test_a_statement_or_a_publication_day_dates_nothing():
    ev = _frame(
        [
            ("g1", "statement", "timex", MON, "day"),
            ("g1", "statement", "none", None, None),  # "has said": a standing position
            ("g2", "meeting", "publication", MON, "day"),  # not a stated date
            ("g2", "meeting", "none", None, None),
        ]
    )
    out = date_from_groups(ev)
    assert pd.isna(out.at[1, "begin"]) and pd.isna(out.at[3, "begin"])


def test_grouping_again_starts_from_the_undated_mention():
    from analysis.events.group_dates import undo_group_dates

    ev = _frame(
        [
            ("g1", "meeting", "timex", MON, "day"),
            ("g1", "meeting", "none", None, None),
        ]
    )
    again = undo_group_dates(date_from_groups(ev))
    assert pd.isna(again.at[1, "begin"]) and again.at[1, "time_source"] == "none"
    assert again.at[0, "begin"] == MON


def test_a_day_on_the_wrong_side_of_the_publication_is_not_taken():
    ev = _frame(
        [
            ("g1", "meeting", "timex", MON, "day"),
            ("g1", "visit", "none", None, None),  # "asked him to travel there": planned
            ("g1", "meeting", "none", None, None),  # "they met": past, told a week later
            ("g1", "meeting", "none", None, None),  # "the talks will open": planned
        ]
    )
    ev["status"] = ["occurred", "planned", "occurred", "planned"]
    ev["article_id"] = ["a", "b", "c", "d"]
    day = 24 * 3600 * 10**9
    published = {
        "b": MON.value + 10 * day,  # printed ten days after the meeting: no plan of it
        "c": MON.value - 2 * day,  # printed before the day: it cannot have met then
        "d": MON.value - 2 * day,  # a plan printed before it: that day is its own
    }
    out = date_from_groups(ev, published=published)
    assert pd.isna(out.at[1, "begin"]) and pd.isna(out.at[2, "begin"])
    assert out.at[3, "begin"] == MON
