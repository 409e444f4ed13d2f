"""Incremental builds: article content hashes, stage fingerprints and the stale stages.

Each article has a content hash and, per stage, the fingerprint of the settings (and
upstream stages) its stored output was computed with.  A stage is *stale* for an article
when either differs or it failed last time; staleness propagates to the stages
downstream.  Which stages are upstream of which comes from the stage specs
(:class:`analysis.stages.StageGraph`).
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd

from analysis.settings import PIPELINE_VERSION, Settings
from analysis.stages import StageGraph, stage_graph

__all__ = ["article_hashes", "stage_fingerprints", "plan", "NON_CONTENT"]

#: Columns of articles that do not change what the stages compute.
NON_CONTENT = (
    "path",
    "paths",
    "format",
    "published_inferred",
    "published_source",
    "boilerplate_removed",
    "text_field",
    "duplicate_of",
    "story_id",
    "raw_text",
)


def stage_fingerprints(settings: Settings, graph: StageGraph | None = None) -> dict[str, str]:
    """Fingerprint of each per-article stage: its settings, its upstream stages and the version.

    Parameters
    ----------
    settings : Settings
        The build's settings.
    graph : StageGraph, optional
        The stages; the registered ones by default.

    Returns
    -------
    dict of str to str
        Stage name -> 16 hex digits, in run order.
    """
    graph = graph or stage_graph()
    out: dict[str, str] = {}
    for stage in graph.names:
        parts = {
            "settings": settings.fingerprint(stage),
            "upstream": [out[u] for u in graph.upstream[stage]],
            "version": PIPELINE_VERSION,
        }
        blob = json.dumps(parts, sort_keys=True).encode()
        out[stage] = hashlib.sha256(blob).hexdigest()[:16]
    return out


def article_hashes(articles: pd.DataFrame) -> pd.Series:
    """Content hash of each article (every column but where it was read from)."""
    cols = [c for c in articles.columns if c not in NON_CONTENT]
    values = articles[cols].astype(object).where(articles[cols].notna(), None)
    out = []
    for row in values.itertuples(index=False, name=None):
        blob = json.dumps(list(row), default=str, ensure_ascii=False).encode()
        out.append(hashlib.sha256(blob).hexdigest()[:16])
    return pd.Series(out, index=articles.index, dtype="string")


def _stored_fingerprint(row: dict, stage: str, graph: StageGraph) -> object:
    """The stored fingerprint of ``stage``, also under a former name of the stage."""
    value = row.get(f"fp_{stage}")
    if value is None or value is pd.NA:
        for alias in graph.specs[stage].aliases:
            old = row.get(f"fp_{alias}")
            if isinstance(old, str):
                return old
    return value


def plan(
    articles: pd.DataFrame,
    previous_index: pd.DataFrame | None,
    fingerprints: dict[str, str],
    hashes: pd.Series,
    graph: StageGraph | None = None,
) -> dict[str, frozenset[str]]:
    """Stale stages of each article (articles with nothing stale are left out).

    A stage is stale when the article is new or changed, when the stored fingerprint
    differs from ``fingerprints[stage]`` (settings, upstream stages, version), or when
    it failed last time.  Staleness propagates downstream.
    """
    graph = graph or stage_graph()
    prev = {}
    if previous_index is not None and len(previous_index):
        prev = previous_index.set_index("article_id").to_dict("index")
    everything = frozenset(graph.names)
    out: dict[str, frozenset[str]] = {}
    for aid, h in zip(articles["article_id"], hashes, strict=True):
        row = prev.get(aid)
        if row is None or row.get("article_hash") != h:
            out[aid] = everything
            continue
        stale: set[str] = set()
        for stage in graph.names:
            if _stored_fingerprint(row, stage, graph) != fingerprints[stage] or any(
                u in stale for u in graph.upstream[stage]
            ):
                stale.add(stage)
        if stale:
            out[aid] = frozenset(stale)
    return out
