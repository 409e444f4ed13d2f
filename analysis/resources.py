"""The heavy objects stages share, loaded once per process and settings.

A batch's stages ask :class:`Resources` for the spaCy pipeline, the actor knowledge base,
the gazetteer and the reference timeline; each is built on first use and cached for the
process (a Dask worker loads its pipeline once for all its batches).  A stage added later
caches its own objects with :meth:`Resources.get`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd

from analysis.settings import Settings

__all__ = ["Resources", "LOADS"]

log = logging.getLogger(__name__)

_RESOURCES: dict[str, dict] = {}
#: How many times this process loaded each resource (a Dask worker: once per settings).
LOADS: Counter = Counter()
_RES_LOCK = threading.RLock()  # a resource may load another (the pipeline, its KB)


def _resource(key: str, name: str, make: Callable[[], object]):
    """Load a heavy resource once per process and settings (a worker-level cache)."""
    with _RES_LOCK:
        bucket = _RESOURCES.setdefault(key, {})
        if len(_RESOURCES) > 2:  # keep at most two settings' worth of pipelines
            for old in list(_RESOURCES)[:-2]:
                _RESOURCES.pop(old)
        if name not in bucket:
            t0 = time.perf_counter()
            bucket[name] = make()
            LOADS[name] += 1
            log.debug("loaded %s in %.1fs", name, time.perf_counter() - t0)
        return bucket[name]


class Resources:
    """The heavy objects the stages of one batch share, each loaded on first use.

    Parameters
    ----------
    settings : Settings
        The build's settings; resources are cached per settings fingerprint.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = settings.fingerprint()

    def get(self, name: str, make: Callable[[], Any]) -> Any:
        """The resource ``name`` of these settings, built by ``make()`` on first use."""
        return _resource(self.key, name, make)

    def kb(self) -> pd.DataFrame:
        """The actor knowledge base (bundled + ``settings.knowledge_bases``)."""
        from analysis import actors

        return self.get("kb", lambda: actors.load_knowledge_base(*self.settings.knowledge_bases))

    def nlp(self):
        """The spaCy pipeline (:func:`analysis.nlp.load_pipeline`)."""
        from analysis import nlp

        return self.get(
            "nlp",
            lambda: nlp.load_pipeline(
                self.settings.model,
                kb=self.kb(),
                gazetteer_additions=self.settings.gazetteer_additions,
            ),
        )

    def gazetteer(self):
        """The offline gazetteer (:func:`analysis.geo.get_gazetteer`)."""
        from analysis import geo

        return self.get(
            "gazetteer", lambda: geo.get_gazetteer(additions=self.settings.gazetteer_additions)
        )

    def reference(self) -> pd.DataFrame:
        """The reference timeline of ``settings.reference_events`` (empty when none is set)."""
        from analysis import events

        return self.get(
            "reference",
            lambda: events.load_reference_events(*self.settings.reference_paths(), bundled=False),
        )
