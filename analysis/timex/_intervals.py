"""The interval an expression covers: ``[begin, end)`` in UTC, its precision and the reason
when it is open, vague or unresolved.

A calendar value gives its own interval (:func:`._calendar.interval_of`); the signal in front
reshapes it ("by the end of April": from the anchor to the end of April, "since 2018": from
2018 to the anchor, "after May": open end); a duration is placed before or after the anchor
("the past two years", "within three weeks"); vague references get a vague span around the
anchor ("recently", "days ago").  Without an anchor a relative expression has no interval.
"""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

from ._base import NO_ANCHOR, Ctx, Res
from ._calendar import in_ns_range, interval_of, to_timestamp
from ._resolve import duration_delta
from ._tense import tense_at

__all__ = ["OUT_OF_RANGE", "interval"]


def _interval_of_res(
    res: Res, ctx: Ctx, signal: str | None, special: str | None, start: int, end: int
) -> tuple[pd.Timestamp, pd.Timestamp, str, str | None]:
    a = ctx.anchor
    anchor_dt = datetime(a.year, a.month, a.day) if a else None
    reason = res.reason
    v = res.value
    if res.type == "DURATION":
        delta = duration_delta(v)
        low = ctx.text[start:end].lower()
        if delta is None or anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", reason or "duration without an anchor"
        prec = (
            "time"
            if v.startswith("PT")
            else {"Y": "year", "M": "month", "W": "week", "D": "day"}[v[-1]]
        )
        a_ts = to_timestamp(anchor_dt)
        if re.match(r"(?:the\s+)?(?:next|coming|following|remaining)\b", low) or (
            signal in ("within", "in")
            and tense_at(ctx, start, end) == "future"
            and not re.match(r"(?:the\s+)?(?:past|last|previous|recent)\b", low)
        ):
            return a_ts, a_ts + delta, prec, reason
        if re.match(r"(?:the\s+)?(?:past|last|previous|recent)\b", low):
            return a_ts - delta, a_ts, prec, reason
        return pd.NaT, pd.NaT, "unknown", reason or "duration not anchored in time"
    if res.type == "SET":
        return pd.NaT, pd.NaT, "unknown", reason or "recurring set of times"
    if v == "PRESENT_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        t = to_timestamp(anchor_dt)
        return t, t + pd.Timedelta(days=1), "day", "vague present: the anchor day"
    if v == "PAST_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        t = to_timestamp(anchor_dt)
        low = ctx.text[start:end].lower()
        for unit, back, near in (
            ("day", pd.Timedelta(days=7), pd.Timedelta(days=1)),
            ("week", pd.Timedelta(weeks=8), pd.Timedelta(days=7)),
            ("month", pd.DateOffset(years=1), pd.DateOffset(months=1)),
        ):
            if unit in low:
                return (
                    t - back,
                    t - near + pd.Timedelta(days=1) if unit == "day" else (t - near),
                    unit,
                    f"vague: a few {unit}s before the anchor",
                )
        if "year" in low:
            return pd.NaT, t - pd.DateOffset(years=1), "year", "vague: years before the anchor"
        return pd.NaT, t, "unknown", "vague past: some time before the anchor"
    if v == "FUTURE_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        return to_timestamp(anchor_dt), pd.NaT, "unknown", "vague future: after the anchor"
    iv = interval_of(v, res.mod)
    if iv.begin is None and iv.end is None:
        return pd.NaT, pd.NaT, iv.precision, reason or iv.reason
    begin, stop = iv.begin, iv.end
    reason = reason or iv.reason
    if special in ("EARLIER", "LATER", "REST") and anchor_dt is not None:
        full = interval_of(v)
        if full.begin is not None and full.begin <= anchor_dt < full.end:
            if special == "EARLIER":
                begin, stop = full.begin, anchor_dt
            else:
                begin, stop = anchor_dt, full.end
        elif full.begin is not None:
            third = (full.end - full.begin) / 2
            begin, stop = (
                (full.begin, full.begin + third)
                if special == "EARLIER"
                else (full.end - third, full.end)
                if special == "LATER"
                else (full.begin, full.end)
            )
    if (
        signal in ("by", "before", "until", "till", "no later than", "prior to", "ahead of")
        and begin is not None
    ):
        full = interval_of(v)
        stop = full.end if (signal != "before" or res.mod == "END") else full.begin
        if (
            anchor_dt is not None
            and stop > anchor_dt
            and tense_at(ctx, start, end, left_only=True) != "past"
        ):
            begin = anchor_dt
            reason = f"'{signal}': from the anchor until the end of the period"
        else:
            begin = None
            reason = f"open start ('{signal}')"
    elif signal == "since" and begin is not None and anchor_dt is not None and begin < anchor_dt:
        stop = anchor_dt
        reason = "'since': from then until the anchor"
    elif signal == "after" and stop is not None and res.type == "DATE":
        begin, stop = stop, None
        reason = "open end ('after')"
    if not (in_ns_range(begin) and in_ns_range(stop)):
        return pd.NaT, pd.NaT, iv.precision, OUT_OF_RANGE
    return to_timestamp(begin), to_timestamp(stop), iv.precision, reason


#: "the year 1000", "the past 500 years": valid TIMEX3 values whose interval lies beyond
#: the frames' nanosecond timestamps (pandas datetime64[ns]); the interval is left open.
OUT_OF_RANGE = "interval outside the representable dates (1678-2261)"


def interval(
    res: Res, ctx: Ctx, signal: str | None, special: str | None, start: int, end: int
) -> tuple[pd.Timestamp, pd.Timestamp, str, str | None]:
    """``(begin, end, precision, reason)`` of a normalized expression.

    Parameters
    ----------
    res : Res
        The rule's result (type, value, mod).
    ctx : Ctx
        The tagging context (anchor, text).
    signal : str or None
        The preposition in front ("by", "since").
    special : str or None
        EARLIER, LATER or REST from :func:`._modifiers.extend`.
    start, end : int
        The span of the expression.

    Returns
    -------
    tuple
        Begin and end as UTC timestamps (NaT when open or unresolved), the precision and
        the reason; an interval beyond the nanosecond range is left open with
        :data:`OUT_OF_RANGE`.
    """
    try:
        begin, stop, precision, reason = _interval_of_res(res, ctx, signal, special, start, end)
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT, pd.NaT, "unknown", OUT_OF_RANGE
    for ts in (begin, stop):
        if not pd.isna(ts) and not in_ns_range(ts.to_pydatetime().replace(tzinfo=None)):
            return pd.NaT, pd.NaT, precision, OUT_OF_RANGE
    return begin, stop, precision, reason
