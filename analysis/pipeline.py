"""The main job: run every stage over batches of articles, locally or on Dask.

This module is the pipeline's front door; the parts live in modules named for what
they do:

- :mod:`analysis.stages` -- one :class:`~analysis.stages.StageSpec` per stage, in one
  registry; order, upstream stages, per-article frames and sort keys are derived from it;
- :mod:`analysis.incremental` -- content hashes, stage fingerprints, stale stages;
- :mod:`analysis.batch` -- one batch through the stages (:func:`run_batch`), with the
  per-article error guard;
- :mod:`analysis.resources` -- the heavy objects (spaCy, knowledge base, gazetteer,
  reference timeline), loaded once per process;
- :mod:`analysis.state` -- batch results merged into the per-article state, and the
  corpus frames assembled from it;
- :mod:`analysis.dask_engine` -- the Dask engine.

Every per-article output depends only on the article and the settings, so batches can
run in any order, in any process, and be cached per article for incremental builds.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from analysis.batch import BatchResult, BatchTask, run_batch, store_result
from analysis.dask_engine import DaskEngine, dask_results
from analysis.incremental import article_hashes, plan, stage_fingerprints
from analysis.resources import LOADS, Resources
from analysis.stages import stage_available, stage_graph
from analysis.state import (
    assemble,
    group_events,
    merge_actor_parts,
    merge_edge_parts,
    merge_state,
)

__all__ = [
    "STAGES",  # noqa: F822  (module __getattr__)
    "PER_ARTICLE",  # noqa: F822
    "BatchTask",
    "BatchResult",
    "Resources",
    "article_hashes",
    "stage_fingerprints",
    "plan",
    "run_batch",
    "run_tasks",
    "merge_state",
    "group_events",
    "merge_actor_parts",
    "merge_edge_parts",
    "assemble",
    "stage_available",
    "store_result",
    "DaskEngine",
    "LOADS",
]


def __getattr__(name: str) -> Any:
    # derived from the registered stages at each access, so a stage registered later
    # (a plugin, a test) is seen
    if name == "STAGES":  # per-article stages in the order they run
        return stage_graph().names
    if name == "PER_ARTICLE":  # per-article frames kept in the store -> their schema
        return dict(stage_graph().per_article)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run_tasks(
    tasks: list[BatchTask],
    *,
    engine: str = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    on_result: Callable[[BatchResult], None],
    store: str | os.PathLike | None = None,
    dask: DaskEngine | None = None,
) -> None:
    """Run ``tasks`` and hand each result to ``on_result`` as soon as it is ready.

    ``engine="local"`` runs them in this process; ``engine="dask"`` submits them to
    the dask.distributed scheduler at ``scheduler`` (a LocalCluster with ``n_workers``
    processes when None), keeping a bounded number in flight and streaming results
    back with ``as_completed``.  ``dask`` is an engine already started (see
    :class:`DaskEngine`); the caller closes it.  With ``store``, each result is written
    into the store's ``_parts/`` (its id in ``result.part_id``): by the LocalCluster
    worker that computed it, else by this process, before ``on_result`` sees it.
    """
    if engine == "local":
        for task in tasks:
            result = run_batch(task)
            if store is not None:  # (a writer thread was tried: GIL contention, no gain)
                result.part_id = store_result(store, result)
            on_result(result)
        return
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}; valid engines: local, dask")
    own = dask is None
    if own:
        dask = DaskEngine(scheduler=scheduler, n_workers=n_workers)
    try:
        for result in dask_results(tasks, dask, store=store):
            if store is not None and result.part_id is None:
                result.part_id = store_result(store, result)
            on_result(result)
    finally:
        if own:
            dask.close()
