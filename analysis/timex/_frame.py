"""Frame-level functions: the timexes frame of a set of articles.

``infer_published`` lives in :mod:`analysis.io.published` (re-exported here).
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from .. import schema
from ..io.published import infer_published
from ._tagger import Timex, tag_text

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
