"""The Corpus: every frame of a build in one object, saved as Parquet, queried with SQL.

>>> import analysis
>>> corpus = analysis.build("data/articles", store="out/corpus")    # doctest: +SKIP
>>> corpus.sql("select label, count(*) n from mentions group by 1")  # doctest: +SKIP
>>> corpus.filter(actors=["Vladimir Putin"], start="2019-04-01")     # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis import pipeline, schema
from analysis import store as _store
from analysis.settings import PIPELINE_VERSION, Settings

__all__ = ["Corpus", "build", "BuildError"]

log = logging.getLogger(__name__)

FRAMES = _store.FRAMES


class _StateFrameNames:
    """The store's ``_state/`` frames, read from the registered stages at each use."""

    def __iter__(self):
        from analysis.stages import stage_graph

        return iter(stage_graph().state_frames)


#: per-article frames that are not corpus frames (actor and edge parts), and the index
_STATE_FRAMES = _StateFrameNames()


class BuildError(RuntimeError):
    """The build could not run (no articles, unreadable sources, a locked store)."""


class Corpus:
    """Every frame of a corpus, with its settings and manifest.

    Parameters
    ----------
    frames : dict of str to DataFrame, optional
        Frames by name (see :data:`analysis.store.FRAMES`); missing ones are empty.
    settings : Settings, optional
        The settings the frames were built with.
    manifest : dict, optional
        Versions, fingerprints, counts and the last build's statistics.

    Attributes
    ----------
    articles, sentences, mentions, actors, quotes, edges, places, timexes, events : DataFrame
        The frames; their columns are documented in :mod:`analysis.schema`.
    """

    def __init__(
        self,
        frames: dict[str, pd.DataFrame] | None = None,
        *,
        settings: Settings | None = None,
        manifest: dict | None = None,
        state: dict[str, pd.DataFrame] | None = None,
    ) -> None:
        frames = dict(frames or {})
        unknown = sorted(set(frames) - set(FRAMES))
        if unknown:
            raise KeyError(f"unknown frame(s) {unknown}; valid frames: {', '.join(FRAMES)}")
        self._frames = {
            name: schema.check(frames[name], name) if name in frames else schema.empty(name)
            for name in FRAMES
        }
        self.settings = settings or Settings()
        self.manifest = dict(manifest or {})
        self._state = state
        self._state_dir: Path | None = None
        self._duck = None
        # analyst corrections (analysis.corrections): the pipeline's own frames, the
        # corrections replayed over them, and where new ones are written
        self._raw: dict[str, pd.DataFrame] | None = None
        self._corrections: list = []
        self._ledger = None
        self._correction_status: pd.DataFrame | None = None
        self._correction_problems: list[tuple[int, str]] = []

    # ---------------------------------------------------------------- frames
    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames by name (the same objects as the attributes)."""
        return dict(self._frames)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in FRAMES:
            return self.__dict__["_frames"][name]
        raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *FRAMES})

    def __len__(self) -> int:
        return len(self._frames["articles"])

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={len(self._frames[n]):,}" for n in FRAMES[1:])
        return f"<Corpus: {len(self):,} articles; {counts}>"

    @property
    def corrections(self):
        """The analyst's corrections: make them (``merge_actors``, ``drop_event``...),
        list them with their state (``status()``); see :mod:`analysis.corrections`."""
        from analysis.corrections import CorpusCorrections

        return CorpusCorrections(self)

    @property
    def build_stats(self) -> dict:
        """Statistics of the build that produced this corpus (computed, reused, errors...)."""
        return dict(self.manifest.get("build", {}))

    def summary(self) -> dict[str, Any]:
        """Key figures: articles, words, sources, date range and the size of every frame."""
        arts = self._frames["articles"]
        published = arts["published"].dropna() if len(arts) else pd.Series([], dtype=object)
        sources = arts["source"].fillna("(unknown)").value_counts() if len(arts) else pd.Series()
        return {
            "articles": len(arts),
            "words": int(arts["n_words"].sum()) if len(arts) else 0,
            "sources": {str(k): int(v) for k, v in sources.items()},
            "first_published": published.min() if len(published) else None,
            "last_published": published.max() if len(published) else None,
            "undated": int(arts["published"].isna().sum()) if len(arts) else 0,
            "frames": {name: len(df) for name, df in self._frames.items()},
        }

    # ------------------------------------------------------------------- SQL
    def sql(self, query: str) -> pd.DataFrame:
        """Run DuckDB SQL over the frames, which are tables named after them.

        >>> corpus.sql("select name, mentions from actors order by mentions desc limit 5")
        ... # doctest: +SKIP
        """
        import duckdb

        if self._duck is None:
            con = duckdb.connect()
            for name, df in self._frames.items():
                con.register(name, _store.to_arrow(df))
            self._duck = con
        return self._duck.sql(query).df()

    # ---------------------------------------------------------------- filter
    def filter(
        self,
        *,
        actors: Iterable[str] | str | None = None,
        start: str | datetime | pd.Timestamp | None = None,
        end: str | datetime | pd.Timestamp | None = None,
        sources: Iterable[str] | str | None = None,
        places: Iterable[str] | str | None = None,
        event_types: Iterable[str] | str | None = None,
        text: str | None = None,
        duplicates: bool = False,
    ) -> Corpus:
        """Keep the articles that match every given criterion, and their rows in every frame.

        The filters mean what :mod:`analysis.selection` says (the explorer and the report
        use the same rules): AND across filters, OR within one; ``None`` is no filter.

        Parameters
        ----------
        actors : str or list of str, optional
            Actor ids, names or aliases (case-insensitive); articles mentioning any.
        start, end : date-like, optional
            Publication date range (UTC), both ends included; a plain date as ``end``
            includes that whole day.  Undated articles are kept unless either is given.
        sources : str or list of str, optional
            Article sources (case-insensitive; ``"(unknown source)"`` for none).
        places : str or list of str, optional
            Place ids, names, surface texts or country codes; articles locating any.
        event_types : str or list of str, optional
            Articles reporting an event of any of these types; only those events are kept.
        text : str, optional
            A case-insensitive plain substring (not a regular expression) of the title
            and text.
        duplicates : bool
            Keep the near-duplicates (``duplicate_of`` set); by default they are left
            out, and ``manifest["selection"]["duplicates_hidden"]`` counts them.

        Returns
        -------
        Corpus
            A new corpus; actors and edges are re-merged from the kept articles only and
            event groups recomputed over the kept events.  ``manifest["selection"]``
            records the filters and how many kept articles are undated.
        """
        from analysis import selection

        view = selection.Selector(self, state=self._load_state()).select(
            actors=actors,
            start=start,
            end=end,
            sources=sources,
            places=places,
            event_types=event_types,
            text=text,
            duplicates=duplicates,
        )
        manifest = {
            **self.manifest,
            "filtered_from": self.manifest.get("generation"),
            "counts": {n: len(df) for n, df in view.frames.items()},
            "selection": {
                "filters": {
                    k: v if isinstance(v, list | str) else str(v) for k, v in view.filters.items()
                },
                "articles": len(view),
                "of": view.total,
                "undated": view.undated,
                "duplicates_hidden": view.duplicates_hidden,
            },
        }
        frames = view.frames
        if self._corrections:  # re-derived frames get the corrections again (idempotent)
            from analysis.corrections import apply_corrections

            frames = apply_corrections(frames, self._corrections).frames
        out = Corpus(frames, settings=self.settings, manifest=manifest, state=view.state)
        out._correction_status = self._correction_status
        return out

    def _load_state(self) -> dict[str, pd.DataFrame] | None:
        if self._state is None and self._state_dir is not None:
            try:
                raw = _store.read_frames(self._state_dir, names=(), state=True)
                self._state = {k[1:]: v for k, v in raw.items() if k.startswith("_")}
            except _store.StoreError:
                self._state = None
            if self._state is not None and not set(_STATE_FRAMES) <= set(self._state):
                self._state = None
        return self._state

    # ------------------------------------------------------------ save / load
    def save(self, directory: str | os.PathLike, *, lock_timeout: float = 0.0) -> Path:
        """Write the corpus to ``directory`` as Parquet (one file per frame) + manifest.json.

        The write is atomic (a killed save leaves the previous store intact) and
        holds the folder's lock.
        """
        d = Path(directory)
        with _store.StoreLock(d, timeout=lock_timeout):
            self._commit(d)
        return d

    def _commit(self, d: Path) -> None:
        state = self._load_state()
        # the store keeps the pipeline's own output; corrections are replayed on load
        frames = self._raw if self._raw is not None else self._frames
        if self._corrections and (self._state_dir is None or Path(d) != Path(self._state_dir)):
            from analysis.corrections import FILE_NAME, Ledger

            ledger = Ledger(Path(d) / FILE_NAME)
            known = {c.id for c in ledger.read().corrections}
            ledger.append([c for c in self._corrections if c.id not in known])
        manifest = {
            **self.manifest,
            **_manifest_base(self.settings),
            "counts": {n: len(df) for n, df in frames.items()},
            "saved": datetime.now(UTC).isoformat(),
        }
        _store.commit(
            d, frames, manifest, state={k: state[k] for k in _STATE_FRAMES} if state else None
        )
        self.manifest = _store.read_manifest(d)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> Corpus:
        """Read a corpus saved by :meth:`save` or :func:`build`.

        Raises
        ------
        analysis.store.StoreError
            When the folder holds no corpus; the message says how to build one.
        """
        d = Path(directory)
        manifest = _store.read_manifest(d)
        frames = _store.read_frames(d)
        settings = _settings_from(manifest.get("settings", {}))
        corpus = cls(frames, settings=settings, manifest=manifest)
        corpus._state_dir = d
        from analysis.corrections.accessor import attach

        return attach(corpus, store_dir=d)


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str | os.PathLike):
        return [value]
    return list(value)


def _settings_from(d: dict) -> Settings:
    known = {k: v for k, v in d.items() if k in Settings.__dataclass_fields__}
    for k in ("knowledge_bases", "gazetteer_additions", "reference_events"):
        if isinstance(known.get(k), list):
            known[k] = tuple(known[k])
    return Settings(**known)


def _manifest_base(settings: Settings) -> dict:
    from analysis import __version__

    return {
        "package": "newsdesk",
        "package_version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "settings": settings.to_dict(),
        "fingerprints": pipeline.stage_fingerprints(settings),
    }


# ------------------------------------------------------------------- build


def _load_sources(sources, *, strict: bool, settings: Settings) -> pd.DataFrame:
    if isinstance(sources, pd.DataFrame):
        arts = schema.conform(schema.check(sources, "articles"), "articles")
    else:
        srcs = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
        from analysis.io import load_articles

        arts = load_articles(*srcs, strict=strict, max_bytes=settings.max_bytes)
        arts = schema.conform(schema.check(arts, "articles"), "articles")
        report = getattr(arts, "attrs", {}).get("load_report")
        if report is not None and len(report):
            log.warning(
                "%d input(s) skipped while loading; see corpus.manifest['load_report']", len(report)
            )
    dup = arts["article_id"].duplicated()
    if dup.any():
        log.warning("%d duplicate article_id(s) dropped", int(dup.sum()))
        arts = arts[~dup].reset_index(drop=True)
    return arts


def build(
    sources: str | os.PathLike | Sequence[str | os.PathLike] | pd.DataFrame,
    *,
    settings: Settings | None = None,
    store: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    progress: bool = True,
    strict: bool = False,
    batch_size: int = 16,
    lock_timeout: float = 0.0,
    corrections: str | os.PathLike | None = None,
) -> Corpus:
    """Run the whole flow: load articles, parse once, then actors, places, time, events.

    Parameters
    ----------
    sources : path, list of paths, or DataFrame
        Files, folders, globs or zips for :func:`analysis.io.load_articles`, or an
        articles frame already loaded.
    settings : Settings, optional
        Model, knowledge bases, gazetteer additions...; defaults to ``Settings()``.
    store : path, optional
        Corpus folder.  When it holds a corpus already, only new or changed articles,
        and only the stages whose settings changed, are computed; removed articles
        drop out.  Batch results are streamed into it and the corpus is committed at
        the end (atomically, under the folder's lock).
    engine : {"local", "dask"}
        Run batches in this process, or spread them over a dask.distributed cluster.
    scheduler : str, optional
        Address of a running Dask scheduler ("tcp://host:8786"); a LocalCluster of
        ``n_workers`` processes is started when None.
    n_workers : int, optional
        Workers of the LocalCluster (default 2).
    progress : bool
        Show a tqdm progress bar (notebook-aware).
    strict : bool
        Raise on the first bad input or failing article instead of skipping it.
    batch_size : int
        Articles per batch (one task; the spaCy Docs of a batch are dropped after it).
        On a LocalCluster, batches are made smaller when needed so every worker gets
        several of them (no worker idles while the last batch runs).
    lock_timeout : float
        Seconds to wait when another build holds the store's lock.
    corrections : path, optional
        A shared corrections file (:mod:`analysis.corrections`): its rows join the
        store's own ``corrections.csv`` and are replayed after the stages.

    Returns
    -------
    Corpus
        ``corpus.build_stats`` says how many articles each stage computed.

    Raises
    ------
    analysis.store.StoreLocked
        When another process is writing ``store``.
    """
    from tqdm.auto import tqdm

    t0 = time.perf_counter()
    settings = settings or Settings()
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; valid engines: local, dask")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    lock = store_dir = dask = None
    if store is not None:
        store_dir = Path(store)
        lock = _store_lock(store_dir, lock_timeout)
    try:
        if engine == "dask":
            # the cluster comes up (and, for a fresh build, its workers load spaCy)
            # while the articles are read and planned
            fresh = store_dir is None or not _store.is_store(store_dir)
            dask = pipeline.DaskEngine(
                scheduler=scheduler, n_workers=n_workers, warm=settings if fresh else None
            )
        articles = _load_sources(sources, strict=strict, settings=settings)
        load_report = getattr(articles, "attrs", {}).get("load_report")
        ids = articles["article_id"].tolist()
        previous: dict[str, pd.DataFrame] = {}
        if store_dir is not None:
            previous = _previous_state(store_dir, ids)
        fps = pipeline.stage_fingerprints(settings)
        hashes = pipeline.article_hashes(articles)
        stale = pipeline.plan(articles, previous.get("index"), fps, hashes)
        hash_map = dict(zip(ids, hashes, strict=True))
        tasks = _tasks(
            articles,
            stale,
            previous,
            settings=settings,
            fps=fps,
            hashes=hash_map,
            strict=strict,
            batch_size=_engine_batch_size(batch_size, len(stale), engine, n_workers, scheduler),
        )
        removed = 0
        if previous.get("_stored_ids") is not None:
            removed = len(set(previous["_stored_ids"]["article_id"]) - set(ids))

        stats = dict.fromkeys(("parsed", *pipeline.STAGES), 0)
        errors: list[dict] = []
        timings: dict[str, float] = {}
        results: list[pipeline.BatchResult] = []
        cpu = [0.0]
        bar = tqdm(
            total=len(stale),
            unit="article",
            desc="newsdesk build",
            disable=not progress or not stale,
        )

        def on_result(res: pipeline.BatchResult) -> None:
            for k, v in res.stats.items():
                stats[k] = stats.get(k, 0) + v
            errors.extend(res.errors)
            for k, v in res.timings.items():
                timings[k] = timings.get(k, 0.0) + v
            cpu[0] += res.cpu_seconds
            # run_tasks streamed the result to the store (_parts/), so a killed build
            # resumes from it; the frames (no Docs) are what the corpus holds in the
            # end anyway: keep them rather than read every part back from disk
            results.append(res)
            bar.update(len(res.index))

        try:
            pipeline.run_tasks(
                tasks,
                engine=engine,
                scheduler=scheduler,
                n_workers=n_workers,
                on_result=on_result,
                store=store_dir,
                dask=dask,
            )
        finally:
            bar.close()
            if dask is not None:  # the workers are done: shut them down while we merge
                dask.close(background=True)
        state = pipeline.merge_state(previous, results, keep=ids)
        results = []  # the batch results are merged; free them
        frames = pipeline.assemble(state, articles, settings=settings)
        build_info = {
            "engine": engine,
            "articles": len(ids),
            "processed": len(stale),
            "reused": len(ids) - len(stale),
            "removed": removed,
            "computed": stats,
            "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
            "batch_cpu_seconds": round(cpu[0], 3),
            "errors": errors,
            "seconds": round(time.perf_counter() - t0, 3),
            "finished": datetime.now(UTC).isoformat(),
        }
        manifest = {
            **_manifest_base(settings),
            "build": build_info,
            "sources": [str(s) for s in _as_list(sources)]
            if not isinstance(sources, pd.DataFrame)
            else ["<DataFrame>"],
        }
        if load_report is not None and len(load_report):
            manifest["load_report"] = load_report.astype(str).to_dict("records")
        corpus = Corpus(
            frames, settings=settings, manifest=manifest, state={k: state[k] for k in _STATE_FRAMES}
        )
        if store_dir is not None:
            corpus._commit(store_dir)
            _store.clear_parts(store_dir)
            corpus._state_dir = store_dir
        from analysis.corrections.accessor import attach

        corpus = attach(corpus, store_dir=store_dir, extra=corrections)
        if errors:
            log.warning(
                "%d article stage(s) failed and were skipped; see corpus.build_stats['errors']",
                len(errors),
            )
        log.info(
            "built %d articles (%d processed, %d reused) in %.1fs",
            len(ids),
            len(stale),
            len(ids) - len(stale),
            build_info["seconds"],
        )
        return corpus
    finally:
        if dask is not None:
            dask.close(background=True)
            dask.join()
        if lock is not None:
            lock.release()


def _store_lock(d: Path, timeout: float) -> _store.StoreLock:
    if d.exists() and not d.is_dir():
        raise BuildError(f"{d} exists and is not a folder; choose another output folder")
    if (
        d.is_dir()
        and any(d.iterdir())
        and not _store.is_store(d)
        and not (d / _store.LOCK).exists()
    ):
        raise BuildError(
            f"{d} is not empty and holds no newsdesk corpus; choose an empty or new output folder"
        )
    lock = _store.StoreLock(d, timeout=timeout).acquire()
    _store.recover(d)
    return lock


def _previous_state(d: Path, ids: list[str]) -> dict[str, pd.DataFrame]:
    """The committed per-article state, plus batches a killed build left behind."""
    prev: dict[str, pd.DataFrame] = {}
    if _store.is_store(d):
        try:
            raw = _store.read_frames(
                d, names=tuple(n for n in pipeline.PER_ARTICLE if n in FRAMES), state=True
            )
        except _store.StoreError as exc:
            log.warning("%s; rebuilding from scratch", exc)
            raw = {}
        if all(f"_{k}" in raw for k in _required_state(raw.get("_index"))):
            prev = {k: v for k, v in raw.items() if not k.startswith("_")}
            prev.update({k: raw[f"_{k}"] for k in _STATE_FRAMES if f"_{k}" in raw})
            prev["_stored_ids"] = prev["index"][["article_id"]]
        elif raw:
            log.warning("%s has no incremental state; rebuilding every article", d)
    leftovers = [
        (frames, frames.pop("index")) for _, frames, _ in _store.read_parts(d) if "index" in frames
    ]
    if leftovers:
        log.warning("%s: reusing %d batch(es) from an interrupted build", d, len(leftovers))
        stored = prev.get("_stored_ids")
        prev = pipeline.merge_state(prev, leftovers, keep=ids)
        if stored is not None:
            prev["_stored_ids"] = stored
    return prev


def _required_state(index: pd.DataFrame | None) -> list[str]:
    """The ``_state/`` frames an incremental build needs: the index, and the frames of
    every stage the index has fingerprints of (a stage added since has none yet: its
    frame may be missing, and the stage is stale for every article)."""
    if index is None:
        return ["index"]
    from analysis.stages import stage_graph

    graph = stage_graph()
    return [
        f for f in _STATE_FRAMES if f == "index" or f"fp_{graph.creator.get(f)}" in index.columns
    ]


#: Batches per worker a LocalCluster build aims at, and the smallest batch it makes.
_BATCHES_PER_WORKER = 8
_MIN_BATCH = 4


def _engine_batch_size(
    batch_size: int, n_articles: int, engine: str, n_workers: int | None, scheduler: str | None
) -> int:
    """The batch size to use: ``batch_size``, smaller on a LocalCluster with few articles."""
    if engine != "dask" or scheduler:
        return batch_size
    per_batch = -(-n_articles // (_BATCHES_PER_WORKER * (n_workers or 2)))
    return max(1, min(batch_size, max(_MIN_BATCH, per_batch)))


def _tasks(articles, stale, previous, *, settings, fps, hashes, strict, batch_size):
    groups: dict[frozenset, list[str]] = {}
    for aid in articles["article_id"]:
        if aid in stale:
            groups.setdefault(stale[aid], []).append(aid)
    by_id = articles.set_index("article_id", drop=False)
    prev_frames = {k: v for k, v in previous.items() if k in pipeline.PER_ARTICLE}
    rows_of: dict[str, dict] = {}  # frame -> article_id -> its row positions (built once)
    if any(stages != frozenset(pipeline.STAGES) for stages in groups):
        rows_of = {
            k: v.groupby("article_id", sort=False, observed=True).indices if len(v) else {}
            for k, v in prev_frames.items()
        }
    from analysis.stages import stage_graph

    specs = tuple(stage_graph().order)  # a Dask worker runs the stages planned here
    tasks = []
    for stages, aids in groups.items():
        reuse = stages != frozenset(pipeline.STAGES)
        for i in range(0, len(aids), batch_size):
            chunk = aids[i : i + batch_size]
            prev = {}
            if reuse:  # the stored rows of the chunk's articles, in stored order
                prev = {k: _rows(v, rows_of[k], chunk) for k, v in prev_frames.items()}
            tasks.append(
                pipeline.BatchTask(
                    articles=by_id.loc[chunk].reset_index(drop=True),
                    stages=stages,
                    settings=settings,
                    fingerprints=fps,
                    hashes={a: hashes[a] for a in chunk},
                    previous=prev,
                    strict=strict,
                    specs=specs,
                )
            )
    return tasks


def _rows(df: pd.DataFrame, positions: dict, ids: list[str]) -> pd.DataFrame:
    """Rows of ``df`` whose article is in ``ids``, in ``df``'s order (``isin``, but O(rows))."""
    found = [positions[a] for a in ids if a in positions]
    if not found:
        return df.iloc[:0]
    return df.iloc[np.sort(np.concatenate(found))]
