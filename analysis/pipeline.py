"""The main job: run every stage over batches of articles, locally or on Dask.

One batch is one task: spaCy parses each article of the batch once, the Docs are
handed to every stage (actors, places, time, events) and dropped when the batch is
done, so memory stays flat however large the corpus grows.  Every per-article output
depends only on the article and the settings, so the batches can run in any order,
in any process, and be cached per article for incremental builds.

Incremental bookkeeping: each article has a content hash and, per stage, the
fingerprint of the settings (and upstream stages) its stored output was computed with.
A stage is *stale* for an article when either differs; stale stages are recomputed
and fresh ones are reused from the store.

Each stage is called with its documented signature (``docs/design.md``).  A stage that
raises on an article is isolated: the batch is retried article by article, the bad
article's stage is reported in the build's errors and recomputed on the next build.
The stage modules, spaCy and the heavy resources (pipeline, knowledge base, gazetteer,
reference timeline) are loaded only when a batch has work to do, once per process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from analysis import schema
from analysis.settings import PIPELINE_VERSION, Settings

if TYPE_CHECKING:  # dask is imported only by the Dask engine
    import distributed

__all__ = [
    "STAGES",
    "PER_ARTICLE",
    "BatchTask",
    "BatchResult",
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

log = logging.getLogger(__name__)

#: Stages in the order they run; "time" is publication-date inference + timexes.
STAGES = ("nlp", "actors", "places", "time", "events")
#: Settings.fingerprint name of each stage.
_SETTINGS_STAGE = {
    "nlp": "nlp",
    "actors": "actors",
    "places": "places",
    "time": "timexes",
    "events": "events",
}
#: Stages whose output a stage consumes, for staleness.  "time" reads only the sentence
#: boundaries of "nlp", which depend on the model alone (part of its own settings), so
#: a changed knowledge base or gazetteer (new entity patterns) does not retag dates.
UPSTREAM = {
    "nlp": (),
    "actors": ("nlp",),
    "places": ("nlp",),
    "time": (),
    "events": ("actors", "places", "time"),
}
#: Stages whose failure on an article makes a stage's stored output incomplete: the
#: stage is then recorded as failed too, so the next build recomputes it.
_FAILS_WITH = {**UPSTREAM, "time": ("nlp",)}
#: Module of each stage.
_STAGE_MODULE = {
    "nlp": "analysis.nlp",
    "actors": "analysis.actors",
    "places": "analysis.geo",
    "time": "analysis.timex",
    "events": "analysis.events",
}

#: Per-article frames kept in the store, with the frame schema they follow
#: (``actor_parts`` and ``edge_parts`` are per-article actors/edges plus ``article_id``).
PER_ARTICLE = {
    "articles": "articles",
    "sentences": "sentences",
    "mentions": "mentions",
    "quotes": "quotes",
    "places": "places",
    "timexes": "timexes",
    "events": "events",
    "actor_parts": "actors",
    "edge_parts": "edges",
}
_SORT_KEYS = {
    "sentences": ("sentence_id",),
    "mentions": ("start", "end", "label"),
    "quotes": ("start", "end"),
    "places": ("start", "end"),
    "timexes": ("start", "end"),
    "events": ("sentence_id", "event_id"),
    "actor_parts": ("actor_id",),
    "edge_parts": ("source", "target"),
}
#: Columns of articles that do not change what the stages compute.
_NON_CONTENT = ("path", "paths", "format", "published_inferred")


def stage_available(stage: str) -> bool:
    """True when the module behind ``stage`` (see :data:`STAGES`) is installed.

    Only looks the module up (nothing is imported, spaCy is not loaded).
    """
    try:
        return importlib.util.find_spec(_STAGE_MODULE[stage]) is not None
    except (ImportError, ValueError):
        return False


# --------------------------------------------------------------- fingerprints


def stage_fingerprints(settings: Settings) -> dict[str, str]:
    """Fingerprint of each stage: its settings, its upstream stages and the version."""
    out: dict[str, str] = {}
    for stage in STAGES:
        parts = {
            "settings": settings.fingerprint(_SETTINGS_STAGE[stage]),
            "upstream": [out[u] for u in UPSTREAM[stage]],
            "version": PIPELINE_VERSION,
        }
        blob = json.dumps(parts, sort_keys=True).encode()
        out[stage] = hashlib.sha256(blob).hexdigest()[:16]
    return out


def article_hashes(articles: pd.DataFrame) -> pd.Series:
    """Content hash of each article (every column but where it was read from)."""
    cols = [c for c in articles.columns if c not in _NON_CONTENT]
    values = articles[cols].astype(object).where(articles[cols].notna(), None)
    out = []
    for row in values.itertuples(index=False, name=None):
        blob = json.dumps(list(row), default=str, ensure_ascii=False).encode()
        out.append(hashlib.sha256(blob).hexdigest()[:16])
    return pd.Series(out, index=articles.index, dtype="string")


# ------------------------------------------------------------------ tasks


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


def plan(
    articles: pd.DataFrame,
    previous_index: pd.DataFrame | None,
    fingerprints: dict[str, str],
    hashes: pd.Series,
) -> dict[str, frozenset[str]]:
    """Stale stages of each article (articles with nothing stale are left out).

    A stage is stale when the article is new or changed, when the stored fingerprint
    differs from ``fingerprints[stage]`` (settings, upstream stages, version), or when
    it failed last time.  Staleness propagates downstream.
    """
    prev = {}
    if previous_index is not None and len(previous_index):
        prev = previous_index.set_index("article_id").to_dict("index")
    out: dict[str, frozenset[str]] = {}
    for aid, h in zip(articles["article_id"], hashes, strict=True):
        row = prev.get(aid)
        if row is None or row.get("article_hash") != h:
            out[aid] = frozenset(STAGES)
            continue
        stale: set[str] = set()
        for stage in STAGES:
            if row.get(f"fp_{stage}") != fingerprints[stage] or any(
                u in stale for u in UPSTREAM[stage]
            ):
                stale.add(stage)
        if stale:
            out[aid] = frozenset(stale)
    return out


# ------------------------------------------------------- worker-level resources

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


class _Resources:
    """The heavy objects the stages of one batch share, each loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = settings.fingerprint()

    def kb(self) -> pd.DataFrame:
        from analysis import actors

        return _resource(
            self.key, "kb", lambda: actors.load_knowledge_base(*self.settings.knowledge_bases)
        )

    def nlp(self):
        from analysis import nlp

        return _resource(
            self.key,
            "nlp",
            lambda: nlp.load_pipeline(
                self.settings.model,
                kb=self.kb(),
                gazetteer_additions=self.settings.gazetteer_additions,
            ),
        )

    def gazetteer(self):
        from analysis import geo

        return _resource(
            self.key,
            "gazetteer",
            lambda: geo.get_gazetteer(additions=self.settings.gazetteer_additions),
        )

    def reference(self) -> pd.DataFrame:
        from analysis import events

        return _resource(
            self.key,
            "reference",
            lambda: events.load_reference_events(*self.settings.reference_events),
        )


# ------------------------------------------------------------------ one batch

_EMPTY: dict[str, pd.DataFrame] = {}


def _empty(name: str) -> pd.DataFrame:
    """An empty per-article frame (``actor_parts``/``edge_parts`` with ``article_id``)."""
    df = _EMPTY.get(name)
    if df is None:
        df = schema.empty(PER_ARTICLE[name])
        if name in ("actor_parts", "edge_parts"):
            df.insert(0, "article_id", pd.Series([], dtype="string"))
        _EMPTY[name] = df
    return df.copy()


def _slice(df: pd.DataFrame | None, ids: list[str], name: str) -> pd.DataFrame:
    if df is None or len(df) == 0:
        return _empty(name)
    return df[df["article_id"].isin(ids)].reset_index(drop=True)


class _Guard:
    """Run a stage over the batch; on failure, per article, skipping the bad ones."""

    def __init__(self, task: BatchTask, errors: list[dict]) -> None:
        self.task = task
        self.errors = errors
        self.failed: dict[str, set[str]] = {}

    def run(self, stage: str, ids: list[str], fn: Callable[[list[str]], object]) -> list:
        """``[fn(ids)]`` or, after a failure, the results of the good articles one by one."""
        try:
            return [fn(ids)]
        except Exception as exc:
            if self.task.strict:
                raise
            if len(ids) == 1:
                self._fail(stage, ids[0], exc)
                return []
            log.warning("stage %s failed on a batch (%s); retrying article by article", stage, exc)
        out = []
        for aid in ids:
            try:
                out.append(fn([aid]))
            except Exception as exc:  # one bad article must not cost the batch
                self._fail(stage, aid, exc)
        return out

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
        if stage in failed or any(u in failed for u in _FAILS_WITH[stage]):
            return "error"
        return fingerprint


def _concat(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """Concatenate a stage's outputs (already conformed by the stage)."""
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return _empty(name)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


def _sub(df: pd.DataFrame, keep: list[str], all_ids: list[str]) -> pd.DataFrame:
    """Rows of ``keep``'s articles (the frame itself when it is the whole batch)."""
    if len(keep) == len(all_ids):
        return df
    return df[df["article_id"].isin(keep)].reset_index(drop=True)


def run_batch(task: BatchTask) -> BatchResult:
    """Compute the stale stages of one batch; reuse the task's previous frames for the rest.

    Stages run in order -- publication-date inference, parse, actors, places, timexes,
    events -- each called once for the whole batch with the Docs of the parse.
    """
    cpu0 = time.process_time()
    arts = task.articles.reset_index(drop=True)
    ids = arts["article_id"].tolist()
    need = set(task.stages)
    out = {name: _slice(task.previous.get(name), ids, name) for name in PER_ARTICLE}
    errors: list[dict] = []
    guard = _Guard(task, errors)
    res = _Resources(task.settings)
    stats = dict.fromkeys(("parsed", *STAGES), 0)
    timings: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock[0]
        clock[0] = now

    def sub(df: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
        return _sub(df, keep, ids)

    # --- time, part 1: the publication date (the anchor of every relative date)
    if "time" in need:
        from analysis.io.published import infer_published

        parts = guard.run("time", ids, lambda k: infer_published(sub(arts, k)))
        inferred = _concat(parts, "articles")
        got = set(inferred["article_id"])
        missing = [a for a in ids if a not in got]
        if missing:  # keep articles whose inference failed, undated as loaded
            inferred = pd.concat([inferred, sub(arts, missing)], ignore_index=True)
        arts = schema.conform(inferred, "articles")
    elif set(ids) <= set(out["articles"]["article_id"]):
        # same content, same time settings: the stored rows (with the inferred dates)
        # hold; only where the article was read from may have changed
        stored = out["articles"].set_index("article_id").loc[ids].reset_index()
        for col in ("path", "paths", "format"):
            if col in arts.columns:
                stored[col] = arts[col].to_numpy()
        arts = stored
    out["articles"] = arts

    lap("infer")
    # --- nlp: parse once; the Docs serve every stage of the batch
    docs: dict = {}
    sentences, mentions_raw = out["sentences"], _empty("mentions")
    if need - {"time"}:  # every other stage reads the parse (its Docs or its mentions)
        from analysis import nlp as nlp_stage

        pipe = res.nlp()
        parsed = guard.run(
            "nlp",
            ids,
            lambda k: nlp_stage.parse(sub(arts, k), nlp=pipe, settings=task.settings),
        )
        for p in parsed:
            docs.update(p.docs)
        sentences = _concat([p.sentences for p in parsed], "sentences")
        mentions_raw = _concat([p.mentions for p in parsed], "mentions")
        stats["parsed"] = len(docs)
        if "nlp" in need:
            stats["nlp"] = len(ids)
        out["sentences"] = sentences

    def docs_for(keep: list[str]) -> dict:
        return docs if len(keep) == len(ids) else {a: docs[a] for a in keep if a in docs}

    lap("parse")
    # --- actors: one call for the batch; per-article parts let corpus-wide actors and
    # edges be re-merged after filters, removals and incremental builds
    mentions = out["mentions"]
    if "actors" in need:
        from analysis import actors

        stats["actors"] = len(ids)
        kb = res.kb()
        results = guard.run(
            "actors",
            ids,
            lambda k: actors.resolve_actors(
                sub(arts, k), sub(sentences, k), sub(mentions_raw, k), docs=docs_for(k), kb=kb
            ),
        )
        mentions = _concat([r.mentions for r in results], "mentions")
        out["quotes"] = _concat([r.quotes for r in results], "quotes")
        out["actor_parts"] = _concat([r.actor_parts for r in results], "actor_parts")
        out["edge_parts"] = _concat([r.edge_parts for r in results], "edge_parts")

    lap("actors")
    # --- places
    if "places" in need:
        from analysis import geo

        stats["places"] = len(ids)
        gaz = res.gazetteer()
        parts = guard.run(
            "places",
            ids,
            lambda k: geo.geoparse(
                sub(arts, k),
                sub(sentences, k),
                sub(mentions_raw, k),
                docs=docs_for(k),
                gazetteer=gaz,
                overrides=task.settings.place_overrides,
            ),
        )
        out["places"] = _concat(parts, "places")
    if need & {"actors", "places"}:
        from analysis import geo

        mentions = mentions.assign(place_id=pd.Series(pd.NA, index=mentions.index, dtype="string"))
        if len(out["places"]) and len(mentions):
            mentions = geo.link_mentions(mentions, out["places"])
        out["mentions"] = mentions

    lap("places")
    # --- time, part 2: temporal expressions
    if "time" in need:
        from analysis import timex

        stats["time"] = len(ids)
        parts = guard.run(
            "time", ids, lambda k: timex.tag_timexes(sub(arts, k), sub(out["sentences"], k))
        )
        out["timexes"] = _concat(parts, "timexes")

    lap("timexes")
    # --- events
    if "events" in need:
        from analysis import events

        stats["events"] = len(ids)
        ref = res.reference()
        actors_batch = merge_actor_parts(out["actor_parts"])
        parts = guard.run(
            "events",
            ids,
            lambda k: events.extract_events(
                sub(arts, k),
                sub(out["sentences"], k),
                sub(out["mentions"], k),
                actors_batch,
                sub(out["places"], k),
                sub(out["timexes"], k),
                sub(out["quotes"], k),
                docs=docs_for(k),
                reference=ref,
            ),
        )
        out["events"] = _concat(parts, "events")
    lap("events")
    docs = {}  # the Docs live no longer than their batch

    fps = task.fingerprints
    index = pd.DataFrame(
        {
            "article_id": pd.Series(ids, dtype="string"),
            "article_hash": pd.Series([task.hashes[a] for a in ids], dtype="string"),
        }
    )
    for stage in STAGES:
        index[f"fp_{stage}"] = pd.Series(
            [guard.status(a, stage, fps[stage]) for a in ids], dtype="string"
        )
    # rows come per article in stage order; merge_state puts the corpus in order once
    return BatchResult(
        frames=out,
        index=index,
        stats=stats,
        errors=errors,
        timings=timings,
        cpu_seconds=time.process_time() - cpu0,
    )


# ------------------------------------------------------------------ merging


def merge_actor_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide actors from per-article parts (``analysis.actors.merge_actors``)."""
    from analysis.actors import merge_actors

    if len(parts) == 0:
        return schema.empty("actors")
    parts = parts.drop(columns="article_id")
    # parts stored by different versions of the actors stage may differ in their extra
    # columns (missing values after concatenation): merge each kind as its own frame
    extra = [c for c in parts.columns if c not in {c.name for c in schema.SCHEMAS["actors"]}]
    full = parts[extra].notna().all(axis=1) if extra else pd.Series(True, index=parts.index)
    frames = [parts[full]]
    if not full.all():
        frames.append(parts.loc[~full, [c for c in parts.columns if c not in extra]])
    return merge_actors([f for f in frames if len(f)])


def merge_edge_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide co-mention edges from per-article parts (``merge_edges``)."""
    from analysis.actors import merge_edges

    if len(parts) == 0:
        return schema.empty("edges")
    return merge_edges([parts.drop(columns="article_id")])


def _order(df: pd.DataFrame, name: str, article_order: list[str]) -> pd.DataFrame:
    """Sort a per-article frame by article order, then its natural keys (stable)."""
    if name == "articles" or len(df) == 0:
        if name == "articles" and len(df):
            rank = {a: i for i, a in enumerate(article_order)}
            df = df.iloc[df["article_id"].map(rank).fillna(len(rank)).argsort(kind="stable")]
        return df.reset_index(drop=True)
    rank = {a: i for i, a in enumerate(article_order)}
    keys = [k for k in _SORT_KEYS.get(name, ()) if k in df.columns]
    tmp = df.assign(_rank=df["article_id"].map(rank).fillna(len(rank)).astype("int64"))
    tmp = tmp.sort_values(["_rank", *keys], kind="stable", na_position="last")
    return tmp.drop(columns="_rank").reset_index(drop=True)


def merge_state(
    previous: dict[str, pd.DataFrame],
    results: Iterable[BatchResult | tuple[dict[str, pd.DataFrame], pd.DataFrame]],
    *,
    keep: list[str],
) -> dict[str, pd.DataFrame]:
    """Replace the previous rows of recomputed articles with the new ones.

    ``keep`` is the current article order; rows of articles not in it are dropped.
    """
    keep_set = set(keep)
    new: dict[str, list[pd.DataFrame]] = {name: [] for name in PER_ARTICLE}
    new_index: list[pd.DataFrame] = []
    done: set[str] = set()
    for r in results:
        frames, index = (r.frames, r.index) if isinstance(r, BatchResult) else r
        batch_ids = index["article_id"].tolist()
        # a batch is almost always wholly kept and new: filter only the rare one that is
        # not (``isin`` against the whole corpus, per batch and frame, grows with N^2).
        # An article already merged comes from a second part of the same batch (a Dask
        # task re-run after its worker died having written its part): counted once.
        gone = [a for a in batch_ids if a not in keep_set or a in done]
        done.update(batch_ids)
        if gone:
            skip = set(gone)
            wanted = [a for a in batch_ids if a not in skip]
            frames = {k: v[v["article_id"].isin(wanted)] for k, v in frames.items()}
            index = index[index["article_id"].isin(wanted)]
        for name in PER_ARTICLE:
            if name in frames:
                new[name].append(frames[name])
        new_index.append(index)
    state: dict[str, pd.DataFrame] = {}
    old_keep = None
    for name in PER_ARTICLE:
        old = previous.get(name)
        pieces = []
        if old is not None and len(old):
            if old_keep is None:
                old_keep = list(keep_set - done)
            pieces.append(old[old["article_id"].isin(old_keep)])
        pieces.extend(new[name])
        state[name] = _order(_concat(pieces, name), name, keep)
    old_index = previous.get("index")
    pieces = []
    if old_index is not None and len(old_index):
        pieces.append(old_index[old_index["article_id"].isin(list(keep_set - done))])
    pieces.extend(new_index)
    index = (
        pd.concat(pieces, ignore_index=True)
        if pieces
        else pd.DataFrame({"article_id": pd.Series([], dtype="string")})
    )
    index = index.drop_duplicates("article_id", keep="last")
    rank = {a: i for i, a in enumerate(keep)}
    state["index"] = index.iloc[index["article_id"].map(rank).argsort(kind="stable")].reset_index(
        drop=True
    )
    return state


def assemble(state: dict[str, pd.DataFrame], articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The corpus frames from the per-article state (actors and edges re-merged)."""
    arts = state["articles"]
    if len(arts):  # where each article was read from this time
        fresh = articles.set_index("article_id")
        for col in ("path", "paths", "format"):
            if col in fresh.columns:
                arts = arts.assign(**{col: arts["article_id"].map(fresh[col])})
    actors = merge_actor_parts(state["actor_parts"])
    frames = {
        "articles": arts,
        "sentences": state["sentences"],
        "mentions": state["mentions"],
        "actors": actors,
        "quotes": state["quotes"],
        "edges": merge_edge_parts(state["edge_parts"]),
        "places": state["places"],
        "timexes": state["timexes"],
        "events": group_events(state["events"], actors, state["places"]),
    }
    return {name: _conformed(df, name) for name, df in frames.items()}


def group_events(events: pd.DataFrame, actors: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``event_group`` recomputed over the whole corpus.

    Groups span articles (:func:`analysis.events.merge_events`), so they are never
    stored per article: every assemble and every :meth:`Corpus.filter` recomputes them.

    Parameters
    ----------
    events, actors, places : pandas.DataFrame
        The corpus' events, actors (which participants are generic) and places frames.

    Returns
    -------
    pandas.DataFrame
        ``events`` with the extra ``event_group`` column (as given when the events stage
        is not installed).
    """
    if not stage_available("events"):
        return events
    from analysis.events import merge_events

    return merge_events(_conformed(events, "events"), actors=actors, places=places)


def _conformed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` conformed to its schema (as is when it already is: no column is re-cast)."""
    from analysis.store import _conformed as is_conformed

    return df if is_conformed(df, name) else schema.conform(df, name)


# ------------------------------------------------------------------ engines


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


def _run_and_store(task: BatchTask, store_dir: str) -> BatchResult:
    """:func:`run_batch`, then the part written by the worker itself (same file system)."""
    result = run_batch(task)
    result.part_id = store_result(store_dir, result)
    return result


def _warm(settings: Settings) -> bool:
    """Load this process's heavy resources ahead of its first batch (a worker warm-up)."""
    try:
        res = _Resources(settings)
        res.nlp()
        res.gazetteer()
        res.reference()
        import analysis.timex  # noqa: F401  (the stage modules a batch imports)
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
        for result in _dask_results(tasks, dask, store=store):
            if store is not None and result.part_id is None:
                result.part_id = store_result(store, result)
            on_result(result)
    finally:
        if own:
            dask.close()


def _dask_results(
    tasks: list[BatchTask], engine: DaskEngine, *, store: str | os.PathLike | None
) -> Iterator[BatchResult]:
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
