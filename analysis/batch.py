"""One batch of articles through the stages: the unit of work of local and Dask builds.

spaCy parses each article of the batch once; the Docs are a transient product handed to
every stage of the batch and dropped when it is done, so memory stays flat however large
the corpus grows.  :func:`run_batch` is a loop over the stage specs in run order: each
stale stage's ``run`` is called once for the whole batch, inside an error guard that, when
a stage raises, retries article by article, skips the bad article's stage, reports it in
the build's errors and records it so the next build recomputes it.  Fresh stages keep
their stored rows (a fresh stage runs only when a stale one needs its transient output,
such as the Docs, or re-creates a frame it sets columns of).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.resources import Resources
from analysis.settings import Settings
from analysis.stages import INPUT_FRAME, Batch, StageGraph, StageSpec, stage_graph

__all__ = ["BatchTask", "BatchResult", "run_batch", "store_result"]

log = logging.getLogger(__name__)


@dataclass
class BatchTask:
    """One unit of work: a batch of articles and the stages to (re)compute for them."""

    articles: pd.DataFrame
    stages: frozenset[str]
    settings: Settings
    fingerprints: dict[str, str]
    hashes: dict[str, str]
    previous: dict[str, pd.DataFrame] = field(default_factory=dict)
    strict: bool = False
    #: the stage specs to run (the registered ones when None); a Dask worker runs the
    #: stages of the process that planned the build
    specs: tuple[StageSpec, ...] | None = None


@dataclass
class BatchResult:
    """Per-article frames of a batch, its index rows, counters and errors."""

    frames: dict[str, pd.DataFrame]
    index: pd.DataFrame
    stats: dict[str, int]
    errors: list[dict]
    timings: dict[str, float] = field(default_factory=dict)
    #: CPU time the batch used (``time.process_time``); with ``timings`` (wall clock) it
    #: shows whether the process had its core to itself
    cpu_seconds: float = 0.0
    #: id of the store part holding this result, when the process that computed it
    #: wrote it already (a LocalCluster worker); None when it is still to be written
    part_id: str | None = None

    @property
    def article_ids(self) -> list[str]:
        return self.index["article_id"].tolist()


# ------------------------------------------------------------------ the guard


class _Guard:
    """Run a stage over the batch; on failure, per article, skipping the bad ones."""

    def __init__(self, task: BatchTask, errors: list[dict], graph: StageGraph) -> None:
        self.task = task
        self.errors = errors
        self.graph = graph
        self.failed: dict[str, set[str]] = {}

    def run(self, stage: str, ids: list[str], fn: Callable[[list[str]], Any]) -> tuple[list, list]:
        """``([fn(ids)], [])`` or, after a failure, the good articles' results and the bad ids."""
        try:
            return [fn(ids)], []
        except Exception as exc:
            if self.task.strict:
                raise
            if len(ids) == 1:
                self._fail(stage, ids[0], exc)
                return [], list(ids)
            log.warning("stage %s failed on a batch (%s); retrying article by article", stage, exc)
        out, bad = [], []
        for aid in ids:
            try:
                out.append(fn([aid]))
            except Exception as exc:  # one bad article must not cost the batch
                self._fail(stage, aid, exc)
                bad.append(aid)
        return out, bad

    def _fail(self, stage: str, aid: str, exc: Exception) -> None:
        log.warning(
            "stage %s failed on article %s: %s: %s (skipped; the other articles are kept)",
            stage,
            aid,
            type(exc).__name__,
            exc,
        )
        self.failed.setdefault(aid, set()).add(stage)
        self.errors.append(
            {"article_id": aid, "stage": stage, "error": f"{type(exc).__name__}: {exc}"}
        )

    def status(self, aid: str, stage: str, fingerprint: str) -> str:
        """The fingerprint to record: "error" when the stage or its inputs failed."""
        failed = self.failed.get(aid, ())
        if stage in failed or any(u in failed for u in self.graph.fails_with[stage]):
            return "error"
        return fingerprint


# ------------------------------------------------------------------ frames


def _concat(frames: list, name: str, graph: StageGraph):
    """Combine a stage's outputs for parts of the batch (frames, or Docs mappings)."""
    if frames and all(isinstance(f, Mapping) for f in frames):
        out: dict = {}
        for f in frames:
            out.update(f)
        return out
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return graph.empty(name)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


def _slice(df: pd.DataFrame | None, ids: list[str], name: str, graph: StageGraph):
    if df is None or len(df) == 0:
        return graph.empty(name)
    return df[df["article_id"].isin(ids)].reset_index(drop=True)


def _start_articles(
    task: BatchTask, stored: pd.DataFrame, kept: set[str], graph: StageGraph
) -> pd.DataFrame:
    """The batch's articles before the stages run.

    When no re-run stage sets columns of the articles (the inferred dates), the stored
    rows hold (same content, same settings); only where each article was read from is
    refreshed.  Otherwise the loaded rows go in, with the columns of fresh stages restored.
    """
    arts = task.articles.reset_index(drop=True)
    ids = arts["article_id"].tolist()
    setters = [s for s in graph.order if INPUT_FRAME in s.columns]
    have = len(stored) and set(ids) <= set(stored["article_id"])
    if not have:
        return arts
    if not any(s.name in kept for s in setters):
        rows = stored.set_index("article_id").loc[ids].reset_index()
        for col in ("path", "paths", "format"):
            if col in arts.columns:
                rows[col] = arts[col].to_numpy()
        return rows
    by_id = stored.set_index("article_id")
    for s in setters:
        if s.name in kept:
            continue
        for col in s.columns[INPUT_FRAME]:
            if col in by_id.columns:
                arts[col] = by_id.loc[ids, col].to_numpy()
    return arts


# ------------------------------------------------------------------ one batch


def run_batch(task: BatchTask) -> BatchResult:
    """Compute the stale stages of one batch; reuse the task's previous frames for the rest.

    Parameters
    ----------
    task : BatchTask
        The articles, their stale stages, settings, fingerprints and stored rows.

    Returns
    -------
    BatchResult
        The batch's per-article frames, its index rows (content hash and the fingerprint
        of every stage, "error" where it failed), counters, errors and stage timings.
    """
    cpu0 = time.process_time()
    graph = StageGraph(task.specs) if task.specs is not None else stage_graph()
    ids = task.articles["article_id"].astype(str).tolist()
    kept, helpers = graph.executing(task.stages)
    frames: dict[str, Any] = {
        name: _slice(task.previous.get(name), ids, name, graph) for name in graph.per_article
    }
    frames[INPUT_FRAME] = _start_articles(task, frames[INPUT_FRAME], kept, graph)
    errors: list[dict] = []
    guard = _Guard(task, errors, graph)
    res = Resources(task.settings)
    stats = dict.fromkeys(("parsed", *graph.names), 0)
    timings: dict[str, float] = {}

    for spec in graph.order:
        if spec.name not in kept and spec.name not in helpers:
            continue
        t0 = time.perf_counter()
        keep = spec.name in kept
        outs, bad = guard.run(
            spec.name,
            ids,
            lambda k, spec=spec: spec.run(
                Batch(frames, k, task.settings, whole=len(k) == len(ids)), res
            ),
        )
        _merge_outputs(spec, outs, bad, frames, keep, graph)
        if spec.name in task.stages:
            stats[spec.name] = len(ids)
        timings[spec.name] = timings.get(spec.name, 0.0) + time.perf_counter() - t0
    stats["parsed"] = len(frames.get("docs") or ())
    for name in graph.transient:  # the Docs live no longer than their batch
        frames.pop(name, None)

    fps = task.fingerprints
    index = pd.DataFrame(
        {
            "article_id": pd.Series(ids, dtype="string"),
            "article_hash": pd.Series([task.hashes[a] for a in ids], dtype="string"),
        }
    )
    for stage in graph.names:
        index[f"fp_{stage}"] = pd.Series(
            [guard.status(a, stage, fps[stage]) for a in ids], dtype="string"
        )
    # rows come per article in stage order; merge_state puts the corpus in order once
    return BatchResult(
        frames=frames,
        index=index,
        stats=stats,
        errors=errors,
        timings=timings,
        cpu_seconds=time.process_time() - cpu0,
    )


def _merge_outputs(
    spec: StageSpec,
    outs: list[dict],
    bad: list[str],
    frames: dict[str, Any],
    keep: bool,
    graph: StageGraph,
) -> None:
    """Put a stage's outputs into the batch's frames.

    A created frame is replaced (a failed article has no rows in it); a frame the stage
    sets columns of keeps the failed articles' rows as they were.  A stage run only for
    its transients (``keep`` False) leaves the stored frames as they are.
    """
    allowed = set(spec.outputs)
    for out in outs:
        if not isinstance(out, Mapping):
            raise TypeError(f"stage {spec.name!r} returned {type(out).__name__}, not a dict")
        extra = set(out) - allowed
        if extra:
            raise ValueError(
                f"stage {spec.name!r} returned {sorted(extra)}, which its spec does not "
                f"declare (assigns/transient: {sorted(allowed)})"
            )
    for name in spec.outputs:
        if name not in spec.transient and not keep:
            continue
        parts = [o[name] for o in outs if name in o]
        if name in spec.columns and bad:  # rows of the failed articles, unchanged
            old = frames.get(name)
            if old is not None and len(old):
                parts.append(old[old["article_id"].isin(bad)])
        if not parts and name in spec.columns:
            continue
        frames[name] = _concat(parts, name, graph)


def store_result(store_dir: str | os.PathLike, result: BatchResult) -> str:
    """Write one batch result into the store's ``_parts/`` and return the part's id.

    A killed build resumes from the parts; ``analysis.corpus.build`` reads them back.

    Parameters
    ----------
    store_dir : str or os.PathLike
        The corpus folder being built.
    result : BatchResult
        The batch's frames, index, stats and errors.

    Returns
    -------
    str
        The id of the part (its folder name under ``_parts/``).
    """
    from analysis import store as _store

    return _store.write_part(
        store_dir,
        {**result.frames, "index": result.index},
        {"stats": result.stats, "errors": result.errors},
    )
