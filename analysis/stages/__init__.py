"""Stages as specs: one :class:`StageSpec` per stage, in one registry.

A stage is declared once -- what it reads and writes, its settings, its sort keys, its
``run(batch, resources)`` -- and registered with :func:`register_stage`.  The pipeline
derives everything else from the registered specs (:class:`StageGraph`): run order,
fingerprints and staleness, per-article storage, sort orders.  The built-in stages are in
:mod:`analysis.stages.builtin`; ``CONTRIBUTING.md`` shows how to add one.

>>> from analysis.stages import StageSpec, register_stage          # doctest: +SKIP
>>> register_stage(StageSpec(name="lengths", run=run_lengths,
...                          requires=("articles.text",), assigns=("lengths",)))
"""

from __future__ import annotations

from . import builtin  # noqa: E402,F401  (registers the built-in stages)
from .graph import (
    STAGE_REGISTRY,
    StageGraph,
    StageRegistry,
    canonical_stage,
    register_stage,
    stage_available,
    stage_graph,
    unregister_stage,
)
from .spec import INPUT_FRAME, Batch, StageSpec

__all__ = [
    "INPUT_FRAME",
    "STAGE_REGISTRY",
    "Batch",
    "StageGraph",
    "StageRegistry",
    "StageSpec",
    "canonical_stage",
    "register_stage",
    "stage_available",
    "stage_graph",
    "unregister_stage",
]
