"""Anchor arithmetic of the rules: which year a month or a day lies in, which weekday is
meant, and the TIMEX3 value of a duration.

A month, a day or a weekday without a year is resolved against the anchor (the publication
date) in the direction of the clause's tense (:mod:`._tense`), else to the nearest one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from . import _lexicon as lx
from ._calendar import is_valid_date

__all__ = [
    "dur_value",
    "duration_delta",
    "resolve_day",
    "resolve_month_year",
    "resolve_weekday",
]


def resolve_month_year(anchor: date, month: int, tense: str | None) -> int:
    """The year of ``month`` said without one: this year's, else the last or next one
    the tense points to, else the nearer one."""
    y = anchor.year
    if month == anchor.month:
        return y
    if tense == "past":
        return y if month < anchor.month else y - 1
    if tense == "future":
        return y if month > anchor.month else y + 1
    fwd = (month - anchor.month) % 12
    if fwd < 6:
        return y if month > anchor.month else y + 1
    return y if month < anchor.month else y - 1


def resolve_day(anchor: date, month: int, day: int, tense: str | None) -> date | None:
    """The date of ``month``/``day`` said without a year (None when it is impossible):
    the last or next one the tense points to (within 330 days), else the nearest."""
    cands = [
        date(y, month, day)
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if is_valid_date(y, month, day)
    ]
    if not cands:
        return None
    if tense == "past":
        past = [c for c in cands if c <= anchor]
        if past and (anchor - max(past)).days < 330:
            return max(past)
    if tense == "future":
        fut = [c for c in cands if c >= anchor]
        if fut and (min(fut) - anchor).days < 330:
            return min(fut)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def resolve_weekday(anchor: date, wd: int, rel: str | None, tense: str | None) -> date:
    """The date of weekday ``wd`` (0 = Monday) near ``anchor``: "next"/"last" and the tense
    choose the direction; the anchor's own weekday is the anchor day."""
    diff_back = (anchor.weekday() - wd) % 7
    diff_fwd = (wd - anchor.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=diff_fwd or 7)
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=diff_back or 7)
    if diff_back == 0:
        return anchor
    if rel == "this":
        return (
            anchor + timedelta(days=diff_fwd)
            if tense != "past"
            else anchor - timedelta(days=diff_back)
        )
    if tense == "future":
        return anchor + timedelta(days=diff_fwd)
    return anchor - timedelta(days=diff_back)


def dur_value(n: float | None, unit_word: str) -> str:
    """The TIMEX3 value of ``n`` ``unit_word`` ("P3D", "PT1H30M"; "PXY" when ``n`` is
    vague)."""
    letter, mult, is_time = lx.UNITS[lx.unit_key(unit_word)]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    n = n * mult
    if n != int(n):  # 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M, 2.5 days -> P2DT12H
        whole, frac = int(n), n - int(n)
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("M", 60),
            "S": ("S", 1),
        }
        if is_time and letter == "M":
            sl, k = "S", 60
        else:
            sl, k = smaller[letter]
        rest = round(frac * k)
        head = f"{whole}{letter}" if whole else ""
        if letter == "D":
            return f"P{head}T{rest}H"
        return f"{prefix}{head}{rest}{sl}"
    return f"{prefix}{int(n)}{letter}"


def duration_delta(value: str) -> pd.DateOffset | None:
    """The offset of a simple duration value ("P3D" -> 3 days); None for other values."""
    m = re.fullmatch(r"P(?:T)?(\d+)([YMWDHS])", value)
    if not m:
        return None
    n, u = int(m[1]), m[2]
    is_time = value.startswith("PT")
    if is_time:
        return pd.DateOffset(**{{"H": "hours", "M": "minutes", "S": "seconds"}[u]: n})
    return pd.DateOffset(**{{"Y": "years", "M": "months", "W": "weeks", "D": "days"}[u]: n})
