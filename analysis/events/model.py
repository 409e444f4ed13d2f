"""The working records of event extraction and small shared helpers.

:class:`Span` is a frame row (timex, place) anchored on the parse; :class:`Event` is one
trigger with everything the extractor has found for it so far.  :func:`is_na`, :func:`day`
and :func:`overlap` are the date helpers every step uses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Token

from .types import EventType

__all__ = ["DAY", "Event", "Span", "day", "event_id", "is_na", "overlap"]

DAY = pd.Timedelta(days=1)


def event_id(article_id: str, sentence_id: int, type_: str, offset: int, extra: str = "") -> str:
    """Stable id of an event: 16 hex digits of SHA-256 of its article, sentence, type
    and trigger offset (plus ``extra`` for one trigger split into several events)."""
    key = f"{article_id}|{sentence_id}|{type_}|{offset}|{extra}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass
class Span:
    start: int
    end: int
    head: Token
    row: dict


@dataclass
class Event:
    article_id: str
    sentence_id: int
    etype: EventType
    trigger: Token
    trigger_text: str
    trigger_start: int
    evidence: str
    participants: list[str] = field(default_factory=list)
    timex: Span | None = None
    place: Span | None = None
    place_cost: float = 0.0
    cues: dict = field(default_factory=dict)
    status: str = "reported"
    begin: pd.Timestamp = pd.NaT
    end: pd.Timestamp = pd.NaT
    precision: str | None = None
    time_source: str = "none"
    coref: bool = False
    split: str = ""
    sentence_ids: list[int] = field(default_factory=list)
    definite: bool = False
    status_decided: bool = True
    status_from: Event | None = None
    place_from: Event | None = None  # the mention the place was taken from

    def take_date(self, other: Event, source: str, *, timex: bool = False) -> None:
        """Take the interval and precision of ``other`` (and its timex when ``timex``),
        with ``source`` as the ``time_source``: an event dated through another one."""
        self.begin, self.end, self.precision = other.begin, other.end, other.precision
        self.time_source = source
        if timex:
            self.timex = other.timex


def is_na(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def day(ts) -> pd.Timestamp:
    if is_na(ts):
        return pd.NaT
    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return ts.tz_convert("UTC").floor("D")


def overlap(a: Event, b: Event) -> bool | None:
    if any(is_na(x) for x in (a.begin, a.end, b.begin, b.end)):
        return None
    return a.begin < b.end and b.begin < a.end
