"""Publication dates from metadata: a UTC timestamp and how precise it is.

A value may be a ``datetime``/``date``/``Timestamp``, a year as a number, a Unix
timestamp, or a string: ISO 8601 (``2019-04-22``, ``2019-04-22T10:00:00+03:00``,
``2019-04`` month, ``2019`` year), RFC 2822 as in RSS (``Mon, 22 Apr 2019 10:00:00
+0000``), or anything :mod:`dateparser` reads (``April 22, 2019``, ``April 2019``).
A time without zone is taken as UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import math
import re
from functools import lru_cache

import pandas as pd

__all__ = ["parse_published", "PRECISIONS"]

logger = logging.getLogger(__name__)

#: Allowed values of ``published_precision``.
PRECISIONS = ("day", "month", "year", "unknown")

_NAT = (pd.NaT, "unknown")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_WEEK = re.compile(r"^\d{4}-?W\d{2}")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _utc(ts: pd.Timestamp) -> pd.Timestamp:
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _year_ok(year: int) -> bool:
    return 1000 <= year <= 2999


def parse_published(value: object) -> tuple[pd.Timestamp, str]:
    """Parse a publication date given as metadata.

    Parameters
    ----------
    value : object
        The metadata value (string, date, datetime, number or missing).

    Returns
    -------
    tuple of (pandas.Timestamp, str)
        A tz-aware UTC timestamp (``NaT`` when missing or unreadable) and its
        precision: "day", "month", "year" or "unknown".
    """
    if value is None or value is pd.NaT:
        return _NAT
    if isinstance(value, float) and math.isnan(value):
        return _NAT
    if isinstance(value, bool):
        return _NAT
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return _utc(pd.Timestamp(value)), "day"
    if isinstance(value, dt.date):
        return pd.Timestamp(value.year, value.month, value.day, tz="UTC"), "day"
    if isinstance(value, (int, float)):
        return _from_number(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        try:
            return parse_published(value.item())
        except (TypeError, ValueError):
            return _NAT
    text = str(value).strip()
    if not text:
        return _NAT
    return _from_string(text)


def _from_number(value: float) -> tuple[pd.Timestamp, str]:
    # infinities and epochs beyond pandas' range (years 1677-2262) are unknown dates
    try:
        return _epoch_or_year(value)
    except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
        return _NAT


def _epoch_or_year(value: float) -> tuple[pd.Timestamp, str]:
    if value == int(value) and _year_ok(int(value)):
        return pd.Timestamp(int(value), 1, 1, tz="UTC"), "year"
    if value > 1e11:  # milliseconds since the epoch
        value = value / 1000
    if value > 1e8:
        return pd.Timestamp(value, unit="s", tz="UTC"), "day"
    return _NAT


def _from_string(text: str) -> tuple[pd.Timestamp, str]:
    m = _YEAR.match(text)
    if m:
        year = int(m.group(1))
        return (pd.Timestamp(year, 1, 1, tz="UTC"), "year") if _year_ok(year) else _NAT
    m = _MONTH.match(text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if _year_ok(year) and 1 <= month <= 12:
            return pd.Timestamp(year, month, 1, tz="UTC"), "month"
        return _NAT
    if _ISO_WEEK.match(text):
        logger.warning("a week (%r) is not a publication date; published left missing", text)
        return _NAT
    if _ISO_DAY.match(text):
        try:
            return _utc(pd.Timestamp(text)), "day"
        except (ValueError, OverflowError):
            pass
    if text.isdigit():
        return _from_number(int(text))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _utc(pd.Timestamp(parsed)), "day"
    if not _FOUR_DIGITS.search(text):
        logger.warning("the date %r has no four-digit year; published left missing", text)
        return _NAT
    return _with_dateparser(text)


@lru_cache(maxsize=4096)
def _with_dateparser(text: str) -> tuple[pd.Timestamp, str]:
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises many kinds on odd input
        data = None
    if data is None or data.date_obj is None:
        logger.warning("could not read the date %r; published left missing", text)
        return _NAT
    period = data.period or "day"
    precision = {"year": "year", "month": "month"}.get(period, "day")
    ts = _utc(pd.Timestamp(data.date_obj))
    if precision == "month":
        ts = pd.Timestamp(ts.year, ts.month, 1, tz="UTC")
    elif precision == "year":
        ts = pd.Timestamp(ts.year, 1, 1, tz="UTC")
    return ts, precision


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            # metadata dates are absolute: no "yesterday", no year guessed from today
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["year"],
        },
    )
