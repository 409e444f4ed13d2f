"""Frame-level functions: the timexes frame of a set of articles, inferred publication dates."""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import schema
from . import _lexicon as lx
from ._calendar import is_valid_date, to_timestamp
from ._tagger import Timex, absolute_timexes, tag_text

__all__ = ["anchor_of", "tag_timexes", "infer_published", "timexes_frame"]

_log = logging.getLogger(__name__)

_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "type",
    "value",
    "mod",
    "begin",
    "end_date",
    "precision",
    "anchor",
    "reason",
    "signal",
    "rule",
]


def timexes_frame(rows: list[dict]) -> pd.DataFrame:
    """Build a conformed timexes frame from row dicts (extra columns kept: signal, rule)."""
    if not rows:
        df = pd.DataFrame({c: [] for c in _COLUMNS})
    else:
        df = pd.DataFrame(rows, columns=_COLUMNS)
    out = schema.conform(df, "timexes")
    for col in ("signal", "rule"):
        out[col] = out[col].astype("string")
    return out


def _sentence_ids(starts: np.ndarray, sent: pd.DataFrame | None) -> np.ndarray:
    if sent is None or len(sent) == 0:
        return np.full(len(starts), -1, dtype="int64")
    s = sent.sort_values("start")
    bounds = s["start"].to_numpy(dtype="int64")
    ends = s["end"].to_numpy(dtype="int64")
    ids = s["sentence_id"].to_numpy(dtype="int64")
    pos = np.searchsorted(bounds, starts, side="right") - 1
    out = np.full(len(starts), -1, dtype="int64")
    ok = (pos >= 0) & (starts < ends[np.clip(pos, 0, None)])
    out[ok] = ids[pos[ok]]
    return out


#: publication dates known only to these precisions anchor no relative expression: "on
#: Tuesday" cannot be placed from "some day in June 2018" without inventing the day
_COARSE_PRECISIONS = frozenset({"month", "year"})


def anchor_of(published, precision) -> pd.Timestamp | None:
    """The anchor of an article's relative expressions: its publication date when that is
    known to the day, else None (the expressions keep their type and an underspecified
    value, and no interval).

    Parameters
    ----------
    published : pandas.Timestamp or NaT
        The ``published`` column of the articles frame.
    precision : str or NA
        Its ``published_precision``; "month" and "year" anchor nothing, anything else
        (day, missing, unknown) counts as a date given to the day.

    Returns
    -------
    pandas.Timestamp or None
    """
    if published is None or pd.isna(published):
        return None
    if isinstance(precision, str) and precision in _COARSE_PRECISIONS:
        return None
    return published


def tag_timexes(articles: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tag and normalize the temporal expressions of every article.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame; each article's ``published`` is the anchor of its relative
        expressions when it is known to the day (``published_precision``).  Otherwise
        (NaT, or a date known only to the month or year) relative expressions ("on
        Tuesday", "next month") keep their type and an underspecified TIMEX3 value
        (``XXXX-WXX-2``, ``XXXX-XX``) with NaT begin and end and a reason: no date is
        invented.  Absolute dates ("12 June 2018") are resolved either way.
    sentences : pandas.DataFrame, optional
        The sentences frame; when given, each expression gets the ``sentence_id`` of the
        sentence holding it, else -1.

    Returns
    -------
    pandas.DataFrame
        The "timexes" frame of :mod:`analysis.schema`, plus ``signal`` (the preposition in
        front, e.g. "by") and ``rule`` (the rule that found it).
    """
    schema.check(articles, "articles")
    if sentences is not None:
        schema.check(sentences, "sentences")
        by_article = {k: g for k, g in sentences.groupby("article_id", sort=False)}
    else:
        by_article = {}
    rows: list[dict] = []
    for art in articles.itertuples(index=False):
        text = art.text
        if not isinstance(text, str) or not text:
            continue
        try:
            found = tag_text(text, anchor_of(art.published, art.published_precision))
        except Exception as exc:  # one bad article must not stop the batch
            _log.warning("temporal tagging failed for article %s: %s", art.article_id, exc)
            continue
        sids = _sentence_ids(
            np.array([t.start for t in found], dtype="int64"), by_article.get(art.article_id)
        )
        for t, sid in zip(found, sids, strict=True):
            rows.append(_row(art.article_id, int(sid), t))
    return timexes_frame(rows)


def _row(article_id: str, sentence_id: int, t: Timex) -> dict:
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "mod": t.mod,
        "begin": t.begin,
        "end_date": t.end_date,
        "precision": t.precision,
        "anchor": t.anchor,
        "reason": t.reason,
        "signal": t.signal,
        "rule": t.rule,
    }


# --------------------------------------------------------------------------- inference
_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WD_MD = re.compile(
    rf"(?P<wd>{lx.WEEKDAY_RE}),?\s+(?:(?P<m>{lx.MONTH_RE})\s*(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})"
    rf"\s+(?P<m2>{lx.MONTH_RE}))(?!,?\s*\d{{4}})"
)


def _infer_one(text: str, *, tagger=absolute_timexes) -> tuple[pd.Timestamp, str, str]:
    """Return (published, precision, reason) inferred from an article's own text.

    Only expressions with a calendar year count, so ``tagger`` is the cheap
    :func:`absolute_timexes`; ``benchmarks/timex_tempeval.py --infer`` passes the full
    tagger to check that both give the same dates.
    """
    if not isinstance(text, str) or not text.strip():
        return pd.NaT, "unknown", "empty text"
    found = tagger(text)
    head = len(text) if len(text) < 400 else 400
    days = [
        (t.start, t.value)
        for t in found
        if t.type in ("DATE", "TIME") and _FULL.match(t.value[:10]) and "X" not in t.value[:10]
    ]
    # 1. a full date in the first lines (dateline) is the publication day
    early = [v for s, v in days if s < head]
    if early:
        d = date.fromisoformat(early[0][:10])
        return to_timestamp(d), "day", "explicit date at the top of the article"
    # 2. "Monday, April 22" without a year: the year comes from the text's years
    years = [int(t.value[:4]) for t in found if re.match(r"^\d{4}", t.value)]
    for m in _WD_MD.finditer(text):
        wd = lx.WEEKDAYS[m["wd"].lower().rstrip(".")]
        month = lx.MONTHS[(m["m"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d"] or m["d2"])
        ref = max(years) if years else None
        cands = range(ref - 1, ref + 2) if ref else ()
        hits = [
            y for y in cands if is_valid_date(y, month, day) and date(y, month, day).weekday() == wd
        ]
        if hits:
            d = date(min(hits, key=lambda y: abs(y - ref)), month, day)
            return to_timestamp(d), "day", "weekday and month-day clue, year from the text"
    # 3. the latest explicit full date mentioned: published on or after it
    if days:
        latest = max(date.fromisoformat(v[:10]) for _, v in days)
        wds = {
            lx.WEEKDAYS[w.lower()]
            for w in re.findall(
                r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text
            )
        }
        for k in range(0, 3):
            cand = latest + timedelta(days=k)
            if wds and cand.weekday() in wds and k == 0:
                return to_timestamp(cand), "day", "latest explicit date, weekday consistent"
        return (
            to_timestamp(latest),
            "month",
            ("latest explicit date in the text: published on or after it (month precision)"),
        )
    # 4. month and year, or a year
    months = [t.value for t in found if re.fullmatch(r"\d{4}-\d{2}", t.value)]
    if months:
        latest = max(months)
        return (
            to_timestamp(date(int(latest[:4]), int(latest[5:]), 1)),
            "month",
            ("latest month mentioned (lower bound)"),
        )
    if years:
        y = max(years)
        if 1000 <= y <= 2200:
            return to_timestamp(date(y, 1, 1)), "year", "latest year mentioned (lower bound)"
    return pd.NaT, "unknown", "no explicit date, month or year in the text"


def infer_published(articles: pd.DataFrame) -> pd.DataFrame:
    """Fill ``published`` where it is NaT from the article's own text.

    Explicit dates at the top (a dateline), a weekday with a month and day ("Monday,
    April 22", the year taken from the text), the latest explicit date, month or year are
    used in that order.  Inferred rows get ``published_inferred=True`` and their
    ``published_precision``; rows where nothing can be inferred keep NaT.  The column
    ``published_reason`` (extra) says how each inferred date was found or why none was.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame.

    Returns
    -------
    pandas.DataFrame
        A copy of ``articles`` (conformed), with the inferred dates filled in.
    """
    schema.check(articles, "articles")
    out = articles.copy()
    if "published_reason" not in out.columns:
        out["published_reason"] = pd.Series([pd.NA] * len(out), index=out.index, dtype="string")
    else:
        out["published_reason"] = out["published_reason"].astype("string")
    published = pd.to_datetime(out["published"], utc=True, errors="coerce")
    inferred = out["published_inferred"].fillna(False).astype(bool).to_numpy().copy()
    precision = out["published_precision"].astype("string").to_numpy(dtype=object).copy()
    values = list(published)
    reasons = out["published_reason"].to_numpy(dtype=object).copy()
    counts: Counter[str] = Counter()
    for i, (pub, text) in enumerate(zip(published, out["text"], strict=True)):
        if not pd.isna(pub):
            continue
        ts, prec, why = _infer_one(text)
        reasons[i] = why
        if pd.isna(ts):
            precision[i] = "unknown"
            counts["unresolved"] += 1
            continue
        values[i] = ts
        precision[i] = prec
        inferred[i] = True
        counts["inferred"] += 1
    if counts:
        _log.info(
            "publication dates: %d inferred, %d left unknown",
            counts["inferred"],
            counts["unresolved"],
        )
    out["published"] = pd.Series(values, index=out.index)
    out["published_precision"] = precision
    out["published_inferred"] = inferred
    out["published_reason"] = pd.Series(reasons, index=out.index, dtype="string")
    return schema.conform(out, "articles")
