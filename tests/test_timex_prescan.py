"""The cheap pre-scan (absolute_timexes) finds what the full tagger finds with a year.

Publication-date inference no longer uses a tagger (analysis.io.published); its
tests are in tests/test_io_published.py.  The last test here checks it on texts of
this module.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from helpers import make_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.timex import infer_published, tag_text
from analysis.timex._tagger import absolute_timexes


def dated(found) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.type, t.value) for t in found if re.match(r"\d{4}", t.value)]


def full(text: str):
    return tag_text(text, None)


FILLER = (
    "The ministers met behind closed doors and said little to the reporters who waited "
    "outside the building for most of the afternoon. "
)

TEXTS = [
    "MOSCOW, April 22, 2019 (Reuters) - The Kremlin said on Monday that talks go on.",
    "Kim met Trump in February 2019. On Monday, April 22 the Kremlin confirmed it.",
    FILLER * 4 + "The summit of 12 June 2018 failed. " + FILLER * 3 + "The next day talks resumed.",
    FILLER * 3 + "Profit rose in the 1989 third quarter; in fiscal 1988 it fell." + FILLER * 2,
    "Filed 2019-04-22T08:30Z. " + FILLER * 5 + "In nineteen ninety-six the bridge opened.",
    "Posted 22/04/19. " + FILLER + "It was built in the 1990s, in the spring of 2001.",
    FILLER * 6 + "the talks of Monday, Sept. 30, 2019 and Oct. 1 ended early in 2019.",
    "The deal, worth 2019 dollars, closed at 5 p.m. April 22, 2019." + FILLER,
    FILLER * 8,  # no year at all
    "Talks resumed last week, on Monday, and will go on until Friday.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_prescan_finds_the_dated_expressions_of_the_full_tagger(text):
    assert dated(absolute_timexes(text)) == dated(full(text))


def test_text_without_a_year_is_not_tagged_at_all():
    assert absolute_timexes(FILLER * 8 + "It happened on Monday, last week.") == []
    assert absolute_timexes("") == []


_PIECES = st.sampled_from(
    [
        FILLER,
        "On April 22, 2019 ",
        "in March 2018, ",
        "Monday, April 22 ",
        "the next day ",
        "that day, ",
        "the 1989 quarter ",
        "fiscal 1990 ",
        "12/04/2019 ",
        "2019-04-22 ",
        "nineteen eighty-four ",
        "early 2017 ",
        "the week of Monday, Sept. 30, 2019 ",
        "at 5 p.m. April 22, 2019 ",
        "last week ",
        "2,019 people ",
        "\n",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=25))
def test_prescan_agrees_with_the_full_tagger_on_composed_texts(pieces):
    text = "".join(pieces)
    assert dated(absolute_timexes(text)) == dated(full(text))


def test_infer_published_takes_only_strong_evidence_and_keeps_its_reasons():
    arts = make_articles(
        {
            "dateline": "MOSCOW, April 22, 2019 (Reuters) - The Kremlin said on Monday ...",
            "late": FILLER * 5
            + "The summit of 12 June 2018 failed. "
            + FILLER * 3
            + "The next day, talks went on.",
            "none": FILLER * 3,
        }
    )
    arts["published"] = pd.NaT
    out = infer_published(arts).set_index("article_id")
    assert out.loc["dateline", "published"] == pd.Timestamp("2019-04-22", tz="UTC")
    assert out.loc["dateline", "published_source"] == "inferred"
    # a date mentioned deep in the text is history, not the publication date
    assert pd.isna(out.loc["late", "published"])
    assert out.loc["late", "published_source"] == "none"
    assert pd.isna(out.loc["none", "published"])
    assert out.loc["none", "published_reason"].startswith("no strong evidence")
