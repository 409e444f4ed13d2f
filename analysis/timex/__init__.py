"""Temporal expressions: find them, normalize them as TIMEX3 (TimeML), give their intervals.

A rule-based tagger written for news (in the spirit of HeidelTime): regular expressions
find the expressions, a normalizer resolves them relative to the article's publication
date (the *anchor*), and every expression gets the half-open UTC interval it covers and
its precision.

>>> from analysis.timex import tag_text
>>> [(t.text, t.value) for t in tag_text("Peskov spoke on Monday.", "2019-04-22")]
[('Monday', '2019-04-22')]

Public names
------------
tag_text(text, anchor)        -> list[Timex]
tag_timexes(articles, sentences=None) -> the "timexes" frame
infer_published(articles)     -> articles with missing publication dates inferred
interval_of(value, mod=None)  -> Interval of a TIMEX3 value
"""

from __future__ import annotations

from ._calendar import Interval, interval_of
from ._frame import infer_published, tag_timexes
from ._tagger import NO_ANCHOR, Timex, tag_text

__all__ = [
    "Interval",
    "NO_ANCHOR",
    "Timex",
    "infer_published",
    "interval_of",
    "tag_text",
    "tag_timexes",
]
