"""Temporal expressions: find them, normalize them as TIMEX3 (TimeML), give their intervals.

A rule-based tagger written for news (in the spirit of HeidelTime): regular expressions
find the expressions, a normalizer resolves them relative to the article's publication
date (the *anchor*), and every expression gets the half-open UTC interval it covers and
its precision.  Without an anchor, relative expressions keep their type and an
underspecified value (``XXXX-WXX-2`` for "on Tuesday") and get no interval.

>>> from analysis.timex import tag_text
>>> [(t.text, t.value) for t in tag_text("Peskov spoke on Monday.", "2019-04-22")]
[('Monday', '2019-04-22')]
>>> [(t.text, t.value) for t in tag_text("Peskov spoke on Monday.", None)]
[('Monday', 'XXXX-WXX-1')]

Public names
------------
tag_text(text, anchor)        -> list[Timex]
absolute_timexes(text)        -> list[Timex] carrying a calendar year, found cheaply
tag_timexes(articles, sentences=None) -> the "timexes" frame
anchor_of(published, precision) -> the anchor of an article (None unless known to the day)
infer_published(articles)     -> articles with missing publication dates inferred
interval_of(value, mod=None)  -> Interval of a TIMEX3 value

Modules: ``_tagger`` (the driver), ``_base`` (Timex, rule registry), ``_rules_*`` (the
rules, by family), ``_holidays``, ``_tense``, ``_sentences``, ``_resolve``, ``_modifiers``,
``_intervals``, ``_calendar`` (TIMEX3 value arithmetic), ``_lexicon`` (number and unit
words; months and weekdays come from :mod:`analysis.lexicon.calendar`), ``_frame``.
"""

from __future__ import annotations

from ._base import NO_ANTECEDENT
from ._calendar import Interval, interval_of
from ._frame import anchor_of, infer_published, tag_timexes
from ._tagger import NO_ANCHOR, Timex, absolute_timexes, tag_text

__all__ = [
    "Interval",
    "NO_ANCHOR",
    "NO_ANTECEDENT",
    "Timex",
    "absolute_timexes",
    "anchor_of",
    "infer_published",
    "interval_of",
    "tag_text",
    "tag_timexes",
]
