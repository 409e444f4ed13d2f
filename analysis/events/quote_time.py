"""Days that a quote counts from the day it was said.

"Today", "yesterday", "this afternoon" and "two days ago" count from the moment they are
said.  In a report that is the day of publication; inside a direct quote it is the day of
the saying: in ``"We met this afternoon," the speaker said on Sunday``, printed on Monday,
the meeting is Sunday's.  :func:`requote_times` moves such a date by the distance from the
publication day to the day of the saying that frames the quote.  A speech act done in
the quoted words ("we urge the court to act") is done on the day of the saying.  A period named from the
moment of speaking ("this year", "last month", "next week") moves by whole periods: "We
will vote this year," said on 30 December and printed on 2 January, is the year before
the printing's.
"""

from __future__ import annotations

import pandas as pd

from .model import Event, day, is_na
from .status import performative

__all__ = ["requote_times"]

#: Timex rules that count from the moment of speaking ("yesterday", "two days ago").
_DEICTIC_RULES = frozenset(["relday", "offset"])
#: Parts of day that count from it too ("this afternoon", "tonight", "last night").
_DEICTIC_PARTS = ("this ", "tonight", "last night", "today", "yesterday", "tomorrow")
#: Periods named from the moment of speaking ("this year", "last month", "next week"),
#: read on the words of a "relunit" timex; "that year" and "the same week" point back to
#: a date of the text instead.
_DEICTIC_PERIODS = frozenset(["this", "last", "next", "current", "coming"])
#: A period's unit and the offset that moves a date by one of it.
_UNITS = {
    "week": pd.DateOffset(weeks=1),
    "month": pd.DateOffset(months=1),
    "year": pd.DateOffset(years=1),
}
#: A saying dated by its own clause ("said on Sunday"): the day its words count from.
_SAID_ON = frozenset(["timex"])
#: Sayings whose day a performative in their quote takes ("we urge ...," he said).
_FRAMING = frozenset(["timex", "narrative"])


def _deictic(row: dict) -> bool:
    rule = str(row.get("rule") or "")
    if rule in _DEICTIC_RULES:
        return True
    return rule == "part_of_day" and str(row.get("text") or "").lower().startswith(_DEICTIC_PARTS)


def _period(row: dict) -> str | None:
    """The unit of a period named from the moment of speaking ("this year": "year"),
    else None."""
    if str(row.get("rule") or "") != "relunit":
        return None
    words = str(row.get("text") or "").lower().split()
    if len(words) != 2 or words[0] not in _DEICTIC_PERIODS or words[1] not in _UNITS:
        return None
    return words[1] if str(row.get("precision")) == words[1] else None


def _periods_between(a: pd.Timestamp, b: pd.Timestamp, unit: str) -> int:
    """How many whole ``unit`` periods (calendar weeks from Monday, months, years) lie
    from the one holding ``a`` to the one holding ``b``."""
    if unit == "year":
        return b.year - a.year
    if unit == "month":
        return (b.year - a.year) * 12 + b.month - a.month
    monday_a = a - pd.Timedelta(days=a.weekday())
    monday_b = b - pd.Timedelta(days=b.weekday())
    return (monday_b - monday_a).days // 7


def _saying_of(quote: dict, events: list[Event], sources=_SAID_ON) -> Event | None:
    """The statement that frames ``quote``: a verb of saying outside its words, in its
    sentence or the next, the speaker's if the quote names one, dated (by a timex of
    its own, or from ``sources``)."""
    lo, hi = int(quote["start"]), int(quote["end"])
    sid = quote.get("sentence_id")
    cands = [
        e
        for e in events
        if e.etype.family == "statement"
        and not lo <= e.trigger_start < hi
        and (is_na(sid) or e.sentence_id in (int(sid), int(sid) + 1))
        and e.time_source in sources
        and e.precision in ("day", "time")
    ]
    speaker = quote.get("speaker")
    if not is_na(speaker):
        cands = [e for e in cands if str(speaker) in e.participants] or cands
    if not cands:
        return None
    return min(cands, key=lambda e: min(abs(e.trigger_start - hi), abs(e.trigger_start - lo)))


def requote_times(
    events: list[Event], quotes: list[dict] | None, anchor_day: pd.Timestamp | None
) -> None:
    """Move the deictic date of an event told inside a direct quote to the day its words
    were said, when the saying's own clause dates it and it is not the publication day.

    Parameters
    ----------
    events : list of Event
        The events of one article, sayings already dated; changed in place.
    quotes : list of dict or None
        The article's rows of the "quotes" frame (``start``, ``end``, ``kind``,
        ``speaker``, ``sentence_id``).
    anchor_day : pandas.Timestamp or None
        The publication day.
    """
    if not quotes or is_na(anchor_day):
        return
    direct = [q for q in quotes if str(q.get("kind") or "") == "direct"]
    for e in events:
        if e.time_source == "publication" and performative(e.trigger):
            # '"We urge the court to act," Vale said on Monday': urged when said
            q = next(
                (q for q in direct if int(q["start"]) <= e.trigger_start < int(q["end"])), None
            )
            saying = None if q is None else _saying_of(q, events, _FRAMING)
            if saying is not None:
                e.take_date(saying, "narrative")
            continue
        if e.time_source != "timex" or e.timex is None:
            continue
        unit = _period(e.timex.row)
        if unit is None and not _deictic(e.timex.row):
            continue
        at = e.timex.start
        q = next((q for q in direct if int(q["start"]) <= at < int(q["end"])), None)
        if q is None:
            continue
        saying = _saying_of(q, events)
        if saying is None:
            continue
        anchor = e.timex.row.get("anchor")
        base = day(anchor) if not is_na(anchor) else anchor_day
        if unit is not None:
            # "this year" said in the year before the printing's: that year
            n = _periods_between(base, day(saying.begin), unit)
            if n:
                e.begin, e.end = e.begin + n * _UNITS[unit], e.end + n * _UNITS[unit]
            continue
        shift = day(saying.begin) - base
        if shift != pd.Timedelta(0):
            e.begin, e.end = e.begin + shift, e.end + shift
