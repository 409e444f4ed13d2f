"""Honest publication dates: metadata first, then only strong evidence in the text.

When an article carries no publication date in its metadata, :func:`infer_published`
looks for evidence that news pages themselves print, in this order:

1. a *stamp line*: a short line that opens with "Published", "Posted", "First
   published", "Updated", "Last updated", "Filed" or "Modified" and holds a full date
   ("Updated 10:42 a.m. ET, June 12, 2018"); a published/posted stamp wins over an
   updated one (an update is later than the publication) -> day precision;
2. a *date line* at the top: one of the first lines is only a date (with an optional
   weekday, time, zone, "By ..." byline, or a few short pieces after "/" or "|":
   "June 12, 2018 / 10:42 AM / Updated 2 hours ago") -> day precision;
3. a *dateline*: the body opens with a place and a full date before a dash
   ("MOSCOW, April 22, 2019 (Reuters) - ...") -> day precision;
4. a *lead date*: the first sentence of the body holds one full date, after its
   day of the week, which must be right ("... said on Tuesday, June 12, 2018"), in
   the past or present tense, with no future marker ("will", "next", "plans to")
   and no other year in that sentence.  A lead reports the last day or two before
   publication, so the date is given with **month** precision;
5. a ``/YYYY/MM/DD/`` path in the article's URL (metadata that survives when the
   date field is missing) -> **month** precision (outlets put the print edition's
   day there, often the day after the web publication).

Nothing else counts: a year, a month or a full date mentioned later in the text is
history, background or a target ("by 2047"), never the publication date.  Without
such evidence ``published`` stays NaT and ``published_source`` is ``"none"``.

The origin of every date is in ``published_source``: ``"metadata"`` (given with the
article), ``"inferred"`` (found here; ``published_reason`` says how) or ``"none"``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date

import pandas as pd

from .. import schema
from ..lexicon.calendar import MONTHS, WEEKDAYS

__all__ = ["infer_published", "infer_one", "PUBLISHED_SOURCES"]

_log = logging.getLogger(__name__)

#: Values of the ``published_source`` column.
PUBLISHED_SOURCES = ("metadata", "inferred", "none")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")
# "June 12, 2018", "12 June 2018", "2018-06-12", "June 12th, 2018"
_FULL_DATE = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))(?![\d-])"
)
_DATE = re.compile(_FULL_DATE, re.I)
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}:\d{2}(?::\d{2})?)"
_ZONE = r"(?:[A-Z]{2,5}|UTC|GMT(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2}|Z)"

_STAMP = re.compile(
    r"^\s*(?P<label>(?:this\s+(?:article|story|page)\s+was\s+)?"
    r"(?:(?:last|first|originally)\s+)?(?:published|posted|updated|filed|modified))\b",
    re.I,
)
_DATE_ONLY = re.compile(
    rf"^\s*(?:By\s+[^|\n]{{1,60}}\s*[|•·]\s*)?(?:{_WEEKDAY},?\s+)?(?:{_TIME}\s*{_ZONE}?,?\s+)?"
    rf"{_FULL_DATE}(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"(?:,?\s*(?:at\s+)?{_TIME}\s*{_ZONE}?)?"
    # "June 12, 2018 / 10:42 AM / Updated 2 hours ago": short pieces after separators
    rf"(?:\s*[/|•·]\s*[^/|•·\n]{{1,40}}){{0,3}}\s*[|•·]?\s*$",
    re.I,
)
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.'’ ]{{1,30}})?,?\s+"
    rf"(?:\([^)\n]{{1,40}}\)\s*)?(?:{_WEEKDAY},?\s+)?{_FULL_DATE}\s*"
    rf"(?:\([^)\n]{{1,40}}\)\s*)?(?:[-–—_:/]|\bPRNewswire\b)",
    re.I,
)
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")
_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|No|U\.S|U\.K|U\.N|[A-Z]|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|next|upcoming|plans?\s+to|planning\s+to|expected\s+to|"
    r"scheduled|due\s+to|is\s+to|are\s+to|set\s+to|going\s+to)\b",
    re.I,
)
_PAST_OR_PRESENT = re.compile(
    r"\b(?:\w+ed|said|says|say|told|tells|met|meets|held|holds|took|takes|made|makes|"
    r"gave|gives|came|comes|went|goes|won|wins|lost|loses|began|begins|left|leaves|"
    r"announced|announces|is|are|was|were|has|have|had|signed|signs)\b",
    re.I,
)
_YEAR_ANY = re.compile(rf"(?<![\d,.])(?:{_YEAR})(?![\d,])")

#: How far into the text a stamp line or a date line is looked for (lines).
HEAD_LINES = 6
#: How many lines at the end are looked at for a stamp line.
TAIL_LINES = 6
#: Longest stamp or date line (characters).
MAX_STAMP_CHARS = 160


def _date_of(m: re.Match) -> date | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            return date(int(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
        if g.get("y2"):
            return date(int(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
        if g.get("y3"):
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except (ValueError, KeyError):
        return None
    return None


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _stamp(lines: list[str]) -> tuple[date, str] | None:
    found: list[tuple[int, date, str]] = []
    for ln in lines:
        if len(ln) > MAX_STAMP_CHARS:
            continue
        m = _STAMP.match(ln)
        if not m:
            continue
        d = next((_date_of(x) for x in _DATE.finditer(ln, m.end()) if _date_of(x)), None)
        if d is None:
            continue
        label = m["label"].lower()
        later = any(w in label for w in ("updated", "modified"))
        found.append((1 if later else 0, d, label))
    if not found:
        return None
    rank, d, label = min(found, key=lambda f: (f[0], f[1]))
    return d, f"'{label.split()[-1].capitalize()}' stamp line with a full date"


def _split_sentences(par: str) -> list[str]:
    out, start = [], 0
    for m in _SENT_END.finditer(par):
        if _ABBREV_END.search(par[max(0, m.start() - 6) : m.start()]):
            continue
        out.append(par[start : m.start()])
        start = m.end()
    out.append(par[start:])
    return [s for s in out if s.strip()]


def _lead(lines: list[str], title: str | None) -> tuple[date, str] | None:
    body = [ln for ln in lines if not (title and ln == title.strip())]
    # the lead is the first line that reads as a sentence (skip short title-like lines)
    par = next((ln for ln in body[:4] if len(ln.split()) >= 12 and ln[-1:] in ".!?\"”’'"), None)
    if par is None:
        return None
    sents = _split_sentences(par)
    if not sents:
        return None
    first = sents[0]
    dates = [(m, _date_of(m)) for m in _DATE.finditer(first)]
    dates = [(m, d) for m, d in dates if d is not None]
    if len(dates) != 1:
        return None
    m, d = dates[0]
    wd = re.search(rf"({_WEEKDAY}),?\s*$", first[: m.start()], re.I)
    if not wd or WEEKDAYS.get(wd.group(1).lower().rstrip(".")[:3]) != d.weekday():
        return None  # only "on Tuesday, June 12, 2018": the day of the week checks the date
    years = {int(y) for y in _YEAR_ANY.findall(first)}
    if years - {d.year}:
        return None  # another year in the lead: a history or a comparison, not the news day
    if _FUTURE.search(first):
        return None
    if not _PAST_OR_PRESENT.search(first):
        return None
    return d, "full date in the lead sentence, past or present tense"


def _from_url(url: object) -> date | None:
    m = _URL_DATE.search(url) if isinstance(url, str) else None
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def infer_one(
    text: str, *, title: str | None = None, url: str | None = None
) -> tuple[pd.Timestamp, str, str]:
    """Infer one article's publication date from strong evidence in its text.

    Parameters
    ----------
    text : str
        The article text as loaded (before boilerplate removal, when it is available:
        stamp lines are furniture but they are evidence).
    title : str, optional
        The article title; a first line equal to it is not taken as the lead.
    url : str, optional
        The article URL; a ``/YYYY/MM/DD/`` path is a date (month precision: outlets
        put the print edition's day there, often the day after publication).

    Returns
    -------
    tuple of (pandas.Timestamp, str, str)
        ``(published, precision, reason)``: a UTC midnight timestamp or NaT, its
        precision ("day", "month" or "unknown") and a sentence saying which evidence
        was used, or why there was none.
    """
    if not isinstance(text, str) or not text.strip():
        return pd.NaT, "unknown", "empty text"
    lines = _lines(text)
    stamp = _stamp(lines[:HEAD_LINES] + lines[HEAD_LINES:][-TAIL_LINES:])
    if stamp:
        return _ts(stamp[0]), "day", stamp[1]
    for ln in lines[:HEAD_LINES]:
        if len(ln) <= MAX_STAMP_CHARS:
            m = _DATE_ONLY.match(ln)
            d = _date_of(m) if m else None
            if d is not None:
                return _ts(d), "day", "a date line at the top of the article"
    for ln in lines[:3]:
        m = _DATELINE.match(ln)
        d = _date_of(m) if m else None
        if d is not None:
            return _ts(d), "day", "dateline (place and full date before a dash)"
    lead = _lead(lines, title)
    if lead:
        return _ts(lead[0]), "month", lead[1]
    d = _from_url(url)
    if d is not None:
        return _ts(d), "month", "a /YYYY/MM/DD/ date in the URL"
    return pd.NaT, "unknown", "no strong evidence (stamp, date line, dateline or dated lead)"


def _ts(d: date) -> pd.Timestamp:
    return pd.Timestamp(d.year, d.month, d.day, tz="UTC")


def infer_published(articles: pd.DataFrame) -> pd.DataFrame:
    """Fill a missing ``published`` from strong evidence in the article's own text.

    Rows with a date keep it (``published_source`` "metadata" unless it says
    otherwise).  For the others :func:`infer_one` reads ``raw_text`` when the frame
    has it (the text before boilerplate removal), else ``text``.  Inferred rows get
    ``published_inferred=True``, ``published_source="inferred"`` and their precision;
    the others stay NaT with ``published_source="none"``.  The extra column
    ``published_reason`` says which evidence was used, or why there was none.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame.

    Returns
    -------
    pandas.DataFrame
        A conformed copy of ``articles`` with the inferred dates filled in.
    """
    schema.check(articles, "articles")
    out = articles.copy()
    n = len(out)
    published = pd.to_datetime(out["published"], utc=True, errors="coerce")
    inferred = out["published_inferred"].fillna(False).astype(bool).to_numpy().copy()
    precision = out["published_precision"].astype("string").to_numpy(dtype=object).copy()
    if "published_source" in out.columns:
        source = out["published_source"].astype("string").to_numpy(dtype=object).copy()
    else:
        source = [pd.NA] * n
    if "published_reason" in out.columns:
        reasons = out["published_reason"].astype("string").to_numpy(dtype=object).copy()
    else:
        reasons = [pd.NA] * n
    texts = out["text"].tolist()
    if "raw_text" in out.columns:
        texts = [
            r if isinstance(r, str) and r else t
            for r, t in zip(out["raw_text"], texts, strict=True)
        ]
    titles = out["title"].tolist() if "title" in out.columns else [None] * n
    urls = out["url"].tolist() if "url" in out.columns else [None] * n
    values = list(published)
    counts: Counter[str] = Counter()
    for i, (pub, text, title, url) in enumerate(zip(published, texts, titles, urls, strict=True)):
        if not pd.isna(pub):
            if pd.isna(source[i]):
                source[i] = "inferred" if inferred[i] else "metadata"
            continue
        ts, prec, why = infer_one(
            text,
            title=title if isinstance(title, str) else None,
            url=url if isinstance(url, str) else None,
        )
        reasons[i] = why
        if pd.isna(ts):
            precision[i] = "unknown"
            source[i] = "none"
            counts["unresolved"] += 1
            continue
        values[i] = ts
        precision[i] = prec
        inferred[i] = True
        source[i] = "inferred"
        counts["inferred"] += 1
    if counts:
        _log.info(
            "publication dates: %d inferred, %d left unknown",
            counts["inferred"],
            counts["unresolved"],
        )
    out["published"] = pd.Series(values, index=out.index, dtype=object)
    out["published_precision"] = precision
    out["published_inferred"] = inferred
    out["published_source"] = pd.Series(source, index=out.index, dtype="string")
    out["published_reason"] = pd.Series(reasons, index=out.index, dtype="string")
    return schema.conform(out, "articles")
