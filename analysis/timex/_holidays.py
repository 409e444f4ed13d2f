"""Holidays: their dates, and the rule that finds them ("Christmas", "Easter week", "last
Thanksgiving", "Labor Day 2019").

The one place holiday names live.  ``HOLIDAYS`` maps a name to the function giving its day
in a year; ``WEEK_HOLIDAYS`` the holidays that last a week (their value is the ISO week).
In a text without an anchor a holiday on a fixed day keeps its month and day
(``XXXX-12-25``); a movable one is fully underspecified.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._base import YEAR, Ctx, Res, no_anchor, rule
from ._calendar import day_value, easter, nth_weekday, week_value
from ._tense import tense_at

__all__ = ["HOLIDAYS", "WEEK_HOLIDAYS"]


def _thanksgiving(y: int) -> date:
    return nth_weekday(y, 11, 3, 4)


def _election_day(y: int) -> date:
    return nth_weekday(y, 11, 0, 1) + timedelta(days=1)


#: holiday name (lower case) -> its day in a year
HOLIDAYS = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1),
    "thanksgiving day": _thanksgiving,
    "thanksgiving": _thanksgiving,
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "independence day": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "election day": _election_day,
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "veterans day": lambda y: date(y, 11, 11),
    "armistice day": lambda y: date(y, 11, 11),
    "boxing day": lambda y: date(y, 12, 26),
    "bastille day": lambda y: date(y, 7, 14),
    "victory day": lambda y: date(y, 5, 9),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "mother's day": lambda y: nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: nth_weekday(y, 6, 6, 3),
}
#: holidays that last a week, given by a day inside it; the value is the ISO week.
#: "Holy Week" ends on Easter Sunday, and so does the ISO week (Monday to Sunday) that
#: holds it; news uses "Easter week" for the same days
WEEK_HOLIDAYS = {
    "holy week": easter,
    "easter week": easter,
}
_HOL_RE = "|".join(
    re.escape(k).replace(r"\ ", r"\s+").replace("'", "[’']?")
    for k in sorted([*HOLIDAYS, *WEEK_HOLIDAYS], key=len, reverse=True)
)


@rule(
    "holiday",
    rf"""
    (?:(?P<rel>last|next|this)\s+)?
    (?P<h>{_HOL_RE})
    (?:,?\s+(?P<y>{YEAR}))?                # "Christmas 2018"
    (?!\w)
    """,
)
def _holiday(m: re.Match, ctx: Ctx) -> Res | None:
    if ctx.cased and not m["h"][:1].isupper() and not m["h"].lower().startswith("the"):
        return None
    key = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    week_fn = WEEK_HOLIDAYS.get(key)
    fn = week_fn or HOLIDAYS.get(key) or HOLIDAYS.get(key.replace("new years", "new year's"))
    if fn is None:
        return None

    def period(y: int) -> tuple[date, date]:
        """First and last day of the holiday in year ``y``."""
        d = fn(y)
        if week_fn is None:
            return d, d
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)

    def value(first: date) -> str:
        return week_value(first) if week_fn else day_value(first)

    if m["y"]:
        return Res("DATE", value(period(int(m["y"]))[0]))
    if ctx.anchor is None:
        if week_fn is None and fn(2001).timetuple()[1:3] == fn(2002).timetuple()[1:3]:
            return no_anchor(ctx, f"XXXX{day_value(fn(2001))[4:]}")  # a fixed day: XXXX-12-25
        return no_anchor(ctx, "XXXX-WXX" if week_fn else "XXXX-XX-XX")
    a = ctx.anchor
    cands = [period(y) for y in (a.year - 1, a.year, a.year + 1)]
    rel = (m["rel"] or "").lower()
    if rel == "last":
        first = max(c for c in cands if c[1] < a)[0]
    elif rel == "next":
        first = min(c for c in cands if c[0] > a)[0]
    else:
        tense = tense_at(ctx, m.start(), m.end())
        if tense == "past":  # begun by the anchor: "as Holy Week started"
            first = max(c for c in cands if c[0] <= a)[0]
        elif tense == "future":  # not over by the anchor
            first = min(c for c in cands if c[1] >= a)[0]
        else:
            first = min(
                cands, key=lambda c: 0 if c[0] <= a <= c[1] else min(abs((x - a).days) for x in c)
            )[0]
    return Res("DATE", value(first))
