"""Calendar arithmetic for TIMEX3 values: building values, shifting them, and the interval a
value covers.

Values follow TimeML's TIMEX3 ``value`` attribute: ``2019-04-22``, ``2019-04``, ``2019-W16``,
``2019-Q1``, ``2019-H2``, ``2019-SU``, ``2019``, ``201`` (a decade), ``20`` (a century),
``2019-04-22T14:30``, ``2019-04-22TMO`` (a part of a day), ``2019-W16-WE`` (a weekend).
Intervals are half-open ``[begin, end)`` on UTC midnights.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd

__all__ = [
    "Interval",
    "add_months",
    "day_value",
    "easter",
    "interval_of",
    "is_valid_date",
    "month_value",
    "nth_weekday",
    "quarter_of",
    "shift_value",
    "week_value",
]

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # northern meteorological seasons
PART_OF_DAY_HOURS = {
    "MO": (6, 12),
    "MI": (11, 13),
    "AF": (12, 18),
    "EV": (18, 24),
    "NI": (20, 30),
    "DT": (8, 18),
}


@dataclass(frozen=True)
class Interval:
    """A half-open interval ``[begin, end)`` with its precision; ``None`` bounds are open."""

    begin: datetime | None
    end: datetime | None
    precision: str
    reason: str | None = None


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Return True when ``year-month-day`` is a real calendar day (year 1..9999)."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and day >= 1):
        return False
    return day <= calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return ``(year, month)`` shifted by ``n`` months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def day_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0=Monday) of a month; ``n=-1`` for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def shift_value(anchor: date, unit: str, n: int) -> str:
    """The value of the calendar ``unit`` that lies ``n`` units from ``anchor``.

    ``unit`` is one of day, week, weekend, month, quarter, half, year, decade, century.
    """
    if unit == "day":
        return day_value(anchor + timedelta(days=n))
    if unit == "week":
        return week_value(anchor + timedelta(weeks=n))
    if unit == "weekend":
        return week_value(anchor + timedelta(weeks=n)) + "-WE"
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, n))
    if unit == "quarter":
        k = anchor.year * 4 + quarter_of(anchor.month) - 1 + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit == "half":
        k = anchor.year * 2 + (anchor.month - 1) // 6 + n
        return f"{k // 2:04d}-H{k % 2 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    raise ValueError(f"unknown calendar unit {unit!r}")


_DAY = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?|T(MO|MI|AF|EV|NI|DT))?$"
)
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE|-(\d))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{2,4})$")


def _dt(y: int, m: int = 1, d: int = 1, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d) + timedelta(hours=h, minutes=mi)


def _base_interval(value: str) -> tuple[datetime, datetime, str] | None:
    m = _DAY.match(value)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if not is_valid_date(y, mo, d):
            return None
        if m[4] is not None:
            h, mi = int(m[4]), int(m[5])
            if h > 24 or mi > 59:
                return None
            start = _dt(y, mo, d, h, mi)
            return start, start + timedelta(minutes=1), "time"
        if m[7] is not None:
            h0, h1 = PART_OF_DAY_HOURS[m[7]]
            return _dt(y, mo, d, h0), _dt(y, mo, d, h1), "time"
        start = _dt(y, mo, d)
        return start, start + timedelta(days=1), "day"
    m = _WEEK.match(value)
    if m:
        y, w = int(m[1]), int(m[2])
        try:
            monday = datetime.fromisocalendar(y, w, 1)
        except ValueError:
            return None
        if m[3] == "-WE":
            return monday + timedelta(days=5), monday + timedelta(days=7), "day"
        if m[4]:
            d0 = monday + timedelta(days=int(m[4]) - 1)
            return d0, d0 + timedelta(days=1), "day"
        return monday, monday + timedelta(days=7), "week"
    m = _MONTH.match(value)
    if m:
        y, mo = int(m[1]), int(m[2])
        if not (y >= 1 and 1 <= mo <= 12):
            return None
        ny, nm = add_months(y, mo, 1)
        return _dt(y, mo), _dt(ny, nm), "month"
    m = _QUARTER.match(value)
    if m:
        y, kind, k = int(m[1]), m[2], int(m[3])
        size = 3 if kind == "Q" else 6
        if y < 1 or (kind == "H" and k > 2):
            return None
        first = (k - 1) * size + 1
        ny, nm = add_months(y, first, size)
        return _dt(y, first), _dt(ny, nm), "quarter" if kind == "Q" else "half"
    m = _SEASON.match(value)
    if m:
        y, first = int(m[1]), SEASON_MONTHS[m[2]]
        if y < 1:
            return None
        ny, nm = add_months(y, first, 3)
        return _dt(y, first), _dt(ny, nm), "season"
    m = _YEAR.match(value)
    if m:
        digits = m[1]
        n = int(digits)
        if len(digits) == 4:
            return (_dt(n), _dt(n + 1), "year") if n >= 1 else None
        if len(digits) == 3:
            return (_dt(max(n * 10, 1)), _dt(n * 10 + 10), "decade") if n * 10 + 10 > 1 else None
        return _dt(max(n * 100, 1)), _dt(n * 100 + 100), "century"
    return None


def _split(begin: datetime, end: datetime, part: str) -> tuple[datetime, datetime]:
    third = (end - begin) / 3
    if part == "START":
        return begin, begin + third
    if part == "MID":
        return begin + third, end - third
    return end - third, end


def _ts(x: datetime | None) -> pd.Timestamp:
    return pd.Timestamp(x, tz="UTC") if x is not None else pd.NaT


def interval_of(value: str | None, mod: str | None = None) -> Interval:
    """Return the interval ``[begin, end)`` covered by a TIMEX3 ``value`` (and ``mod``).

    Parameters
    ----------
    value : str
        A calendar TIMEX3 value such as ``2019-04``; durations, ``*_REF`` values and values
        with ``X`` placeholders give an unresolved interval with a reason.
    mod : str, optional
        START, MID and END keep the corresponding third of the period; BEFORE / AFTER
        open the interval on one side; APPROX keeps the interval and says so.

    Returns
    -------
    Interval
        ``begin`` / ``end`` as naive UTC datetimes (``None`` when open or unresolved).
    """
    if not value:
        return Interval(None, None, "unknown", "no value")
    base = _base_interval(value)
    day_of_month = re.fullmatch(r"(\d{4}-\d\d)-XX", value)
    if base is None and day_of_month:
        # "that same day" after "in October" (2019-10-XX): some day of a known month
        month = interval_of(day_of_month[1], mod)
        return Interval(
            month.begin, month.end, month.precision, "a day of this month, not said which"
        )
    day_of_year = re.fullmatch(r"(\d{4})-XX-XX", value)
    if base is None and day_of_year:
        # "the same day" after "in 2019" (2019-XX-XX): some day of a known year
        year = interval_of(day_of_year[1], mod)
        return Interval(year.begin, year.end, year.precision, "a day of this year, not said which")
    if base is None:
        if "X" in value:
            return Interval(None, None, "unknown", "underspecified value (placeholders)")
        if value.startswith("P"):
            return Interval(None, None, "unknown", "duration without an anchor")
        return Interval(None, None, "unknown", f"not a calendar value: {value}")
    begin, end, precision = base
    reason = None
    if mod in ("START", "MID", "END"):
        begin, end = _split(begin, end, mod)
    elif mod == "BEFORE":
        return Interval(None, begin, precision, "open start (before)")
    elif mod == "ON_OR_BEFORE":
        return Interval(None, end, precision, "open start (on or before)")
    elif mod == "AFTER":
        return Interval(end, None, precision, "open end (after)")
    elif mod == "ON_OR_AFTER":
        return Interval(begin, None, precision, "open end (on or after)")
    elif mod == "APPROX":
        reason = "approximate"
    return Interval(begin, end, precision, reason)


#: The frames store nanosecond timestamps: dates outside this range have no interval.
NS_MIN = datetime(1678, 1, 1)
NS_MAX = datetime(2262, 1, 1)


def in_ns_range(x: datetime | date | None) -> bool:
    """True when ``x`` fits the frames' ``datetime64[ns]`` columns (years 1678-2261)."""
    if x is None:
        return True
    if not isinstance(x, datetime):
        x = datetime(x.year, x.month, x.day)
    return NS_MIN <= x < NS_MAX


def to_timestamp(x: datetime | date | None) -> pd.Timestamp:
    """A tz-aware UTC Timestamp (NaT for None and for dates outside :func:`in_ns_range`)."""
    if x is None:
        return pd.NaT
    if not isinstance(x, datetime):
        x = datetime(x.year, x.month, x.day)
    if not in_ns_range(x):
        return pd.NaT
    return _ts(x)
