"""The Dask engine: batches spread over a dask.distributed cluster.

:class:`DaskEngine` starts (or connects to) a cluster in the background while the build
reads and plans its articles; with a LocalCluster, every worker loads the stages'
resources ahead of its first batch and writes its own batch results into the store's
``_parts/``, so only frames travel back.  :func:`analysis.pipeline.run_tasks` uses it.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from analysis.batch import BatchResult, BatchTask, run_batch, store_result
from analysis.resources import Resources
from analysis.settings import Settings

if TYPE_CHECKING:  # dask is imported only when the engine starts
    import distributed

__all__ = ["DaskEngine", "dask_results"]

log = logging.getLogger(__name__)


def _run_and_store(task: BatchTask, store_dir: str) -> BatchResult:
    """:func:`run_batch`, then the part written by the worker itself (same file system)."""
    result = run_batch(task)
    result.part_id = store_result(store_dir, result)
    return result


def _warm(settings: Settings) -> bool:
    """Load this process's heavy resources ahead of its first batch (a worker warm-up).

    Loads every resource the registered stages declare, and imports their modules.
    """
    from analysis.stages import stage_graph

    try:
        res = Resources(settings)
        graph = stage_graph()
        for spec in graph.order:
            for name in spec.resources:
                getattr(res, name)()
        for spec in graph.order:
            if spec.module:
                importlib.import_module(spec.module)
    except Exception as exc:  # the first batch loads them again and reports properly
        log.debug("warm-up failed (%s); the first batch loads the resources", exc)
        return False
    return True


class DaskEngine:
    """A dask.distributed client, connected in a background thread.

    Starting a LocalCluster takes seconds (each worker process imports dask); a build
    starts the engine first, so the cluster comes up -- and, with ``warm``, every
    worker loads spaCy and the stage resources -- while the articles are read and
    planned.  :meth:`close` can likewise run in the background while the build merges
    and commits its results.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler; a LocalCluster of ``n_workers`` worker
        processes (one thread each) is started when None.
    n_workers : int, optional
        Workers of the LocalCluster (default 2).
    warm : Settings, optional
        Make every LocalCluster worker load the resources of these settings at once.
    """

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        n_workers: int | None = None,
        warm: Settings | None = None,
    ) -> None:
        self.scheduler = scheduler
        self.n_workers = n_workers or 2
        self.client = None
        self.cluster = None
        self._warm_settings = warm
        self._warming: list = []
        self._error: BaseException | None = None
        self._closer: threading.Thread | None = None
        self._started = threading.Thread(target=self._start, name="newsdesk-dask", daemon=True)
        self._started.start()

    @property
    def local(self) -> bool:
        """True for a LocalCluster this engine started (its workers share our files)."""
        return not self.scheduler

    def _start(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - distributed is a dependency
            self._error = RuntimeError(
                "engine='dask' needs the 'distributed' package: pip install 'dask[distributed]'"
            )
            self._error.__cause__ = exc
            return
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
                return
            import dask

            with dask.config.set(_LOCAL_CLUSTER_CONFIG):
                self.cluster = LocalCluster(
                    n_workers=self.n_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.WARNING,
                )
            self.client = Client(self.cluster)
            if self._warm_settings is not None:
                for addr in self.client.scheduler_info().get("workers", {}):
                    self._warming.append(
                        self.client.submit(
                            _warm,
                            self._warm_settings,
                            workers=[addr],
                            allow_other_workers=False,
                            pure=False,
                        )
                    )
        except BaseException as exc:  # re-raised in the caller's thread by wait()
            self._error = exc

    def wait(self) -> distributed.Client:
        """The connected ``distributed.Client`` (blocks until the start is done).

        Raises
        ------
        Exception
            Whatever stopped the cluster from starting or the client from connecting.
        """
        self._started.join()
        if self._error is not None:
            raise self._error
        return self.client

    def close(self, *, background: bool = False) -> None:
        """Close the client and the cluster; with ``background``, in a thread (see :meth:`join`)."""
        if self._closer is not None:
            return
        self._closer = threading.Thread(target=self._close, name="newsdesk-dask-close", daemon=True)
        self._closer.start()
        if not background:
            self._closer.join()

    def _close(self) -> None:
        self._started.join()
        self._warming = []
        for what in (self.client, self.cluster):
            if what is not None:
                try:
                    what.close()
                except Exception as exc:  # closing must never fail a finished build
                    log.debug("closing %s: %s", type(what).__name__, exc)

    def join(self) -> None:
        """Wait until :meth:`close` is done."""
        if self._closer is not None:
            self._closer.join()


#: dask configuration of the LocalCluster a build starts.  The task thread is not
#: sampled by the statistical profiler (every 10 ms); and the worker processes do not
#: get ``MALLOC_TRIM_THRESHOLD_=65536`` (the nanny's default): with it glibc hands every
#: large buffer back to the kernel at once, and spaCy's many large temporary arrays
#: then cost ~5x the page faults and 10-30% more CPU per article.  The OMP/MKL/OpenBLAS
#: one-thread settings are kept (one worker per core, no thread over-subscription).
_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def dask_results(
    tasks: list[BatchTask], engine: DaskEngine, *, store: str | os.PathLike | None
) -> Iterator[BatchResult]:
    """Run ``tasks`` on ``engine``'s cluster; yield each result as soon as it is ready.

    A bounded number of tasks is in flight (memory does not grow with the corpus), the
    longest batches first.  With ``store`` and a LocalCluster, the workers write their
    results into the store's ``_parts/`` themselves (``result.part_id`` set).
    """
    from distributed import as_completed

    client = engine.wait()
    workers = max(1, len(client.scheduler_info().get("workers", {})) or engine.n_workers)
    window = 2 * workers  # bounded: memory does not grow with the corpus
    if store is not None and engine.local:  # the workers write their parts themselves
        fn, extra = _run_and_store, (str(store),)
    else:
        fn, extra = run_batch, ()
    # longest batches first: the last ones to finish are the shortest (less idle tail)
    pending = iter(sorted(tasks, key=_task_chars, reverse=True))
    ac = as_completed()
    for task in _take(pending, window):
        ac.add(client.submit(fn, task, *extra, pure=False))
    for fut in ac:
        result = fut.result()
        fut.release()
        for task in _take(pending, 1):
            ac.add(client.submit(fn, task, *extra, pure=False))
        yield result


def _task_chars(task: BatchTask) -> int:
    text = task.articles["text"] if "text" in task.articles.columns else ()
    return int(sum(len(t) for t in text if isinstance(t, str)))


def _take(it: Iterator, n: int) -> list:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
