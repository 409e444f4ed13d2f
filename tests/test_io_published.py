"""Publication dates: metadata first, then only strong evidence in the text (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import make_articles

from analysis.io import load_articles
from analysis.io.published import infer_one, infer_published

BODY = (
    "The ministers met behind closed doors and said little to the reporters who waited "
    "outside the building for most of the afternoon."
)


def day(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Talks stall\n\nUpdated 10:42 a.m. ET, June 12, 2018\n\n" + BODY, "2018-06-12", "day"),
        (
            "Published: 3 May 2017 | Updated: 5 May 2017\n\n" + BODY,
            "2017-05-03",
            "day",
        ),
        (BODY + "\n\nFirst published on March 2, 2016", "2016-03-02", "day"),
        ("Border talks resume\n\nTuesday, March 5, 2019\n\n" + BODY, "2019-03-05", "day"),
        ("OSLO, Feb. 7, 2015 (Example Wire) - " + BODY, "2015-02-07", "day"),
        ("Talks stall\n\n2016-08-09T14:05:00Z\n\n" + BODY, "2016-08-09", "day"),
        (
            "Talks stall\n\nNovember 4, 2013 / 9:12 AM / Updated 3 hours ago\n\n" + BODY,
            "2013-11-04",
            "day",
        ),
        ("By Jane Roe | 21 January 2020\n\n" + BODY, "2020-01-21", "day"),
        (
            "Envoys from both countries signed the accord on Thursday, Oct. 3, 2019 in a "
            "small ceremony at the foreign ministry. " + BODY,
            "2019-10-03",
            "month",
        ),
    ],
)
def test_strong_evidence_gives_a_date_with_its_precision(text, expected, precision):
    ts, prec, why = infer_one(text)
    assert ts == day(expected), why
    assert prec == precision


@pytest.mark.parametrize(
    "text",
    [
        # a year merely mentioned: history or a target
        "The country wants to be carbon neutral by 2047. " + BODY,
        "The treaty of 1953 still shapes the border. " + BODY,
        # a full date deep in the text
        BODY + " " + BODY + " The summit of June 12, 2018 changed little.",
        # a lead date with a future verb
        "Leaders will meet on Tuesday, June 12, 2018 in the island state, officials said. " + BODY,
        # a lead date whose weekday is wrong is not trusted
        "Envoys signed the accord on Monday, Oct. 3, 2019 at the ministry. " + BODY,
        # a lead date among other years: background
        "Envoys signed on Thursday, Oct. 3, 2019 an accord first drafted in 2001. " + BODY,
        "Published reports said the minister had resigned. " + BODY,
        # a top line that is a sentence holding a date is not a date line
        "Talks stall\n\nOn June 12, 2018 the two leaders met for the first time.\n\n" + BODY,
        "",
    ],
)
def test_weak_or_no_evidence_leaves_nat(text):
    ts, prec, why = infer_one(text)
    assert pd.isna(ts), why
    assert prec == "unknown"


def test_url_date_path_is_month_precision():
    ts, prec, why = infer_one(BODY, url="https://news.example.com/2014/11/30/world/talks.html")
    assert ts == day("2014-11-30") and prec == "month" and "URL" in why
    assert pd.isna(infer_one(BODY, url="https://news.example.com/world/talks-2014")[0])


def test_infer_published_sets_published_source_and_reads_raw_text():
    arts = make_articles({"meta": BODY, "stamp": BODY, "none": BODY + " It began in 1999."})
    arts.loc[arts.article_id != "meta", "published"] = pd.NaT
    # the stamp line was removed from the text as boilerplate; raw_text still has it
    arts["raw_text"] = arts["text"]
    arts.loc[arts.article_id == "stamp", "raw_text"] = "Posted June 1, 2020\n\n" + BODY
    out = infer_published(arts).set_index("article_id")
    assert out.loc["meta", "published_source"] == "metadata"
    assert out.loc["meta", "published"] == day("2019-04-22")
    assert out.loc["stamp", "published_source"] == "inferred"
    assert out.loc["stamp", "published"] == day("2020-06-01")
    assert bool(out.loc["stamp", "published_inferred"])
    assert out.loc["none", "published_source"] == "none"
    assert pd.isna(out.loc["none", "published"])


def test_loader_marks_metadata_dates(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "a.json").write_text('{"published": "2018-06-12", "source": "Example"}')
    (tmp_path / "b.txt").write_text(BODY + " More words here.")
    df = load_articles(tmp_path).set_index("path")
    assert df.loc[str(tmp_path / "a.txt"), "published_source"] == "metadata"
    assert df.loc[str(tmp_path / "b.txt"), "published_source"] == "none"
