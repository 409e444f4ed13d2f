"""Boilerplate removal: invented web furniture lines out, news text kept, ids stable."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.io import article_id, load_articles
from analysis.io.boilerplate import classify, strip_boilerplate

NEWS = [
    "The foreign ministers of the two countries met in the capital on Tuesday.",
    "By contrast, the opposition said the deal gave away too much.",
    "By Monday, most of the troops had left the border region.",
    "Published reports said the minister would resign.",
    "Share prices fell sharply after the announcement.",
    "He told Reuters the talks would go on.",
    "The vote is set for 2019.",
    "“We will not accept this,” she said.",
    "Related talks in the capital ended without a deal.",
    "Copyright disputes between the two firms went to court.",
    "The vote was held on Tuesday, Oct. 8, 2019, in Lublin.",
    "He said he would follow the rules on Twitter.",
    "Roe said he spoke for the Example Party.",
    "GOP Tussle: Rep. Example Enters The Race For House Leadership",
    "The report said: Example Corp. was fined.",
    "* * *",
    "---",
    "First published in 1851, the paper was sold on Monday.",
    "The software is released under an open licence, the company said.",
    "The report, first published on Monday, said the port was closed.",
]
FURNITURE = [
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Sign up for our Morning Briefing newsletter", "subscribe"),
    ("Click here to get the Example News app", "subscribe"),
    ("Share this article", "share"),
    ("Follow Jane Roe on Twitter", "share"),
    ("Copyright 2016 Example Media Group. All rights reserved.", "copyright"),
    ("© 2019 Example Wire", "copyright"),
    ("Slideshow (7 images)", "gallery"),
    ("Soldiers patrol the border on Monday. (Photo: Jane Roe/Example)", "caption"),
    ("Protesters gather outside parliament. Jane Roe/Getty Images", "caption"),
    ("By Jane Roe and John Doe, Example Wire", "byline"),
    ("Reporting by Jane Roe; Editing by John Doe", "byline"),
    ("Example Wire’s Jane Roe contributed to this report.", "byline"),
    ("Add Jane Roe as an interest", "link"),
    ("Related: Minister quits over budget row", "link"),
    ("Updated 10:42 a.m. ET, June 12, 2018", "stamp"),
    ("1520 Politics Minister quits over a budget row in the capital", "link"),
    ("The summit ended early. Read More:", "link"),
    ("https://example.org/news/1", "link"),
    (".", "junk"),
    ("Your tax-deductible gift can help us report from the front line.", "appeal"),
    ("Investments can fall. Past performance is not a guide to future returns.", "legal"),
    ("Harbour Days 2019 04/05/2019 - 06/05/2019. A weekend of boats and music.", "listing"),
    ("We are in the capital this week. Follow #ExampleTag on Twitter for updates.", "share"),
    ('"Minister quits", Example News, 2019-01-02. https://example.org/x (CC BY 4.0)', "copyright"),
    ("A farmer sorts apples at a market on Tuesday, Oct. 8, 2019, in Lublin, Poland.", "caption"),
    ("Fans cheer at the stadium in the capital. Jane Roe for Example Media.", "caption"),
    ("Rangers walk along the lagoon shore at dawn. Picture: Jane Roe.", "caption"),
    ("Rescue workers search the rubble, Oslo, May 3, 2018. © 2018 Example Photo.", "copyright"),
    ("Licensed under the Open Example Licence, version 2.", "licence"),
    ("This story was originally published by the Example Herald.", "licence"),
    ("This article first appeared on Example Weekly.", "licence"),
    ("Republished with permission from Example Monitor.", "licence"),
    ("Read the original article.", "licence"),
]


@pytest.mark.parametrize("line", NEWS)
def test_news_lines_are_kept(line):
    assert classify(line) is None


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_lines_are_removed(line, kind):
    assert classify(line) == kind


def test_long_lines_are_always_kept():
    long = "Sign up " + "and the ministers talked for hours " * 8
    assert classify(long) is None


def test_strip_keeps_order_counts_removed_and_drops_repeats():
    para = "The two sides agreed to meet again next month in the capital."
    text = "\n\n".join(
        ["Advertisement", NEWS[0], "Share this article", para, "Slideshow (3 images)", para]
    )
    out = strip_boilerplate(text)
    assert out.text == NEWS[0] + "\n\n" + para
    assert [k for k, _ in out.removed] == ["advert", "share", "gallery", "repeat"]


def test_short_repeats_are_separators_and_kept():
    text = "First part.\n\n* * *\n\nSecond part.\n\n* * *\n\nThird part."
    assert strip_boilerplate(text).text == text


def test_loader_cleans_keeps_raw_text_and_ids_stay_on_the_loaded_text(tmp_path):
    raw = "\n\n".join([NEWS[0], "Advertisement", NEWS[1], "© 2019 Example Wire"])
    (tmp_path / "a.txt").write_text(raw)
    row = load_articles(tmp_path).iloc[0]
    assert row["text"] == NEWS[0] + "\n\n" + NEWS[1]
    assert row["raw_text"] == raw
    assert row["boilerplate_removed"] == 2
    # the id is the hash of the text as loaded: better rules never change an id
    assert row["article_id"] == article_id(raw)
    off = load_articles(tmp_path, boilerplate=False).iloc[0]
    assert off["text"] == raw and off["article_id"] == row["article_id"]
    assert off["boilerplate_removed"] == 0 and off["raw_text"] is pd.NA


def test_an_article_of_furniture_only_is_kept_whole(tmp_path):
    (tmp_path / "a.txt").write_text("Advertisement\n\nShare this article")
    row = load_articles(tmp_path).iloc[0]
    assert row["text"] == "Advertisement\n\nShare this article"
    assert row["boilerplate_removed"] == 0 and row["raw_text"] is pd.NA
