"""Geoparsing, the places stage: find the toponyms of each article and resolve them.

:func:`geoparse` runs, per article,

1. recognition (:mod:`analysis.geo.recognition`): entity spans, postal abbreviations and
   gazetteer phrase matches, each with its gazetteer candidates;
2. resolution (:mod:`analysis.geo.resolution`): one candidate per toponym, ranked by
   prior and the article's context with the weights of
   :class:`~analysis.geo.resolution.RankingWeights`; an override table wins;
3. role (:mod:`analysis.geo.role`): literal, government, demonym or modifier.

:func:`link_mentions` fills ``mentions.place_id`` from the places frame.  The module is not
named ``geoparse`` because it would hide the function ``analysis.geo.geoparse``.
"""

from __future__ import annotations

import bisect
import logging
import math
import os

import pandas as pd

from .. import schema
from ._normalize import normalize
from .gazetteer import KIND_NAME, Candidate, Gazetteer, get_gazetteer
from .recognition import Recognizer, keep_in_context
from .resolution import DEFAULT_WEIGHTS, RankingWeights, resolve
from .role import drop_people_demonyms, role

log = logging.getLogger(__name__)

__all__ = ["geoparse", "link_mentions", "load_overrides"]


def load_overrides(source: str | os.PathLike | pd.DataFrame | None) -> dict:
    """Read an override table (CSV or DataFrame: toponym[, article_id], geonameid).

    Returns
    -------
    dict
        (normalized toponym, article_id or None) -> geonameid.  Rows with a missing or
        non-numeric geonameid are skipped with a warning.
    """
    if source is None:
        return {}
    frame = source if isinstance(source, pd.DataFrame) else pd.read_csv(source, dtype=str)
    if "toponym" not in frame.columns or "geonameid" not in frame.columns:
        raise ValueError("an override table needs the columns toponym and geonameid")
    out = {}
    for i, row in enumerate(frame.itertuples(index=False)):
        try:
            gid = int(float(row.geonameid))
        except (TypeError, ValueError):
            log.warning("override row %d: bad geonameid %r, skipped", i, row.geonameid)
            continue
        aid = getattr(row, "article_id", None)
        aid = (
            None
            if aid is None or (isinstance(aid, float) and math.isnan(aid)) or aid is pd.NA
            else str(aid)
        )
        out[(normalize(str(row.toponym)), aid or None)] = gid
    return out


def _sentence_of(starts: list[int], ids: list[int], pos: int) -> int:
    k = bisect.bisect_right(starts, pos) - 1
    return ids[k] if k >= 0 else -1


def geoparse(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    *,
    docs: dict | None = None,
    gazetteer: Gazetteer | None = None,
    overrides: str | os.PathLike | pd.DataFrame | None = None,
    weights: RankingWeights = DEFAULT_WEIGHTS,
) -> pd.DataFrame:
    """Find and resolve the toponyms of each article.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame (``article_id`` and ``text`` are used).
    sentences, mentions : pandas.DataFrame, optional
        From :func:`analysis.nlp.parse`; parsed here when not given.
    docs : dict, optional
        The parsed Docs (accepted for the stage contract; recognition works from
        ``mentions`` and the text).
    gazetteer : Gazetteer, optional
        Default: the shared index (:func:`analysis.geo.get_gazetteer`).
    overrides : path or DataFrame, optional
        Table of toponym[, article_id] -> geonameid that wins over the ranking.
    weights : RankingWeights, optional
        The resolution weights (:class:`analysis.geo.resolution.RankingWeights`).

    Returns
    -------
    pandas.DataFrame
        The places frame (:mod:`analysis.schema` "places") plus the extra columns
        ``source`` (ner or gazetteer) and ``label`` (the entity label, if any).
    """
    schema.check(articles, "articles")
    if mentions is None or sentences is None:
        from ..nlp import parse

        parsed = parse(articles)
        sentences, mentions = parsed.sentences, parsed.mentions
    schema.check(sentences, "sentences")
    schema.check(mentions, "mentions")
    gaz = gazetteer or get_gazetteer()
    table = load_overrides(overrides)
    parser = Recognizer(gaz)
    ment_groups = {aid: g for aid, g in mentions.groupby("article_id", sort=False)}
    sent_groups = {aid: g for aid, g in sentences.groupby("article_id", sort=False)}
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        if not isinstance(text, str) or not text:
            continue
        aid = str(aid)
        ments = ment_groups.get(aid, mentions.iloc[:0])
        sents = sent_groups.get(aid)
        s_starts = sents["start"].astype(int).tolist() if sents is not None else [0]
        s_ids = sents["sentence_id"].astype(int).tolist() if sents is not None else [-1]
        tops, blocked = parser.from_mentions(text, ments)
        taken = [(t.start, t.end) for t in tops]
        tops += parser.abbreviations(text, taken)
        taken = [(t.start, t.end) for t in tops]
        tops += parser.phrase_matches(text, s_starts, taken, blocked)
        tops = keep_in_context(tops)
        parts = docs.get(aid) if docs else None
        tops = drop_people_demonyms(tops, parts)
        tops.sort(key=lambda t: t.start)
        if not tops:
            continue
        resolve(text, tops, weights)
        for t in tops:
            gid = table.get((normalize(t.text), aid)) or table.get((normalize(t.text), None))
            if gid is not None:
                place = gaz.by_geonameid(gid)
                if place is None:
                    log.warning("override: GeoNames id %s unknown to the gazetteer", gid)
                else:
                    t.chosen, t.score, t.override = Candidate(place, KIND_NAME, 0.0), 1.0, place
            p = t.chosen.place
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": _sentence_of(s_starts, s_ids, t.start),
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "place_id": p.place_id,
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "country_code": p.country_code,
                    "feature": p.feature,
                    "geonameid": p.geonameid,
                    "population": p.population,
                    "score": round(t.score, 4),
                    "runner_up": t.runner_up,
                    "role": role(text, t, parts),
                    "source": "override" if t.override is not None else t.source,
                    "label": t.label,
                }
            )
    if not rows:
        out = schema.empty("places")
        out["source"] = pd.Series([], dtype="string")
        out["label"] = pd.Series([], dtype="string")
        return out
    frame = schema.conform(pd.DataFrame(rows), "places")
    frame["source"] = frame["source"].astype("string")
    frame["label"] = frame["label"].astype("string")
    return frame


def link_mentions(mentions: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Fill ``mentions.place_id`` from the places whose span overlaps the mention.

    Parameters
    ----------
    mentions, places : pandas.DataFrame
        The mentions frame and the places frame of the same articles.

    Returns
    -------
    pandas.DataFrame
        A copy of ``mentions`` with ``place_id`` set where a toponym overlaps it (the
        one with the largest overlap), unchanged elsewhere.
    """
    schema.check(mentions, "mentions")
    schema.check(places, "places")
    out = mentions.copy()
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for aid, s, e, pid in zip(
        places["article_id"], places["start"], places["end"], places["place_id"], strict=True
    ):
        by_article.setdefault(str(aid), []).append((int(s), int(e), str(pid)))
    for spans in by_article.values():
        spans.sort()
    values = out["place_id"].astype(object).tolist()
    for i, (aid, s, e) in enumerate(zip(out["article_id"], out["start"], out["end"], strict=True)):
        spans = by_article.get(str(aid))
        if not spans:
            continue
        s, e = int(s), int(e)
        best, best_ov = None, 0
        k = bisect.bisect_left(spans, (s, -1))
        for j in range(max(0, k - 3), min(len(spans), k + 3)):
            ps, pe, pid = spans[j]
            ov = min(e, pe) - max(s, ps)
            if ov > best_ov:
                best, best_ov = pid, ov
        if best is not None:
            values[i] = best
    out["place_id"] = pd.Series(values, index=out.index, dtype="string")
    return out
