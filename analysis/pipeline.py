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

Stage modules that are not installed yet are skipped with one logged warning and
empty typed frames (their fingerprint records the absence, so they run once they exist).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from analysis import schema
from analysis.settings import PIPELINE_VERSION, Settings

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
    "assemble",
    "stage_available",
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
#: Stages whose output a stage consumes.
UPSTREAM = {
    "nlp": (),
    "actors": ("nlp",),
    "places": ("nlp",),
    "time": ("nlp",),
    "events": ("actors", "places", "time"),
}
#: Stages that need the spaCy Docs.
_NEEDS_DOCS = {"nlp", "actors", "places", "events"}
#: (module, function) each stage needs to exist.
_STAGE_FUNCS = {
    "nlp": ("analysis.nlp", ("parse",)),
    "actors": ("analysis.actors", ("resolve_actors", "merge_actors", "merge_edges")),
    "places": ("analysis.geo", ("geoparse",)),
    "time": ("analysis.timex", ("tag_timexes",)),
    "events": ("analysis.events", ("extract_events",)),
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
#: Which stage produces each per-article frame.
_PRODUCER = {
    "sentences": "nlp",
    "mentions": "actors",
    "quotes": "actors",
    "actor_parts": "actors",
    "edge_parts": "actors",
    "places": "places",
    "timexes": "time",
    "events": "events",
    "articles": "time",
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


# ------------------------------------------------------------------ stage modules

_warned: set[str] = set()
_warn_lock = threading.Lock()


def _module(stage: str):
    """The stage's module when it and its functions exist, else None (warned once)."""
    modname, funcs = _STAGE_FUNCS[stage]
    try:
        mod = importlib.import_module(modname)
    except ModuleNotFoundError as exc:
        if exc.name != modname:
            _broken(stage, modname, exc)
        mod = None
    except Exception as exc:  # a stage that cannot even be imported is a bug: say so loudly
        _broken(stage, modname, exc)
        mod = None
    missing = [f for f in funcs if _attr(mod, f) is None]
    if missing:
        with _warn_lock:
            if stage not in _warned:
                _warned.add(stage)
                log.warning(
                    "stage %r skipped: %s.%s is not available yet; its frames stay empty",
                    stage,
                    modname,
                    missing[0],
                )
        return None
    return mod


def _broken(stage: str, modname: str, exc: Exception) -> None:
    with _warn_lock:
        if f"broken:{stage}" not in _warned:
            _warned.add(f"broken:{stage}")
            log.error(
                "stage %r skipped: importing %s failed: %s: %s",
                stage,
                modname,
                type(exc).__name__,
                exc,
            )


def _attr(mod, name: str):
    """``getattr`` that treats a lazily imported submodule that is missing as absent."""
    if mod is None:
        return None
    try:
        return getattr(mod, name)
    except (AttributeError, ImportError):
        return None


def stage_available(stage: str) -> bool:
    """True when the module behind ``stage`` (see :data:`STAGES`) can be imported."""
    return _module(stage) is not None


def _optional(modname: str, func: str) -> Callable | None:
    try:
        mod = importlib.import_module(modname)
    except Exception:  # missing or broken: _module() has said so
        return None
    return _attr(mod, func)


def _call(fn: Callable, *args, **kwargs):
    """Call ``fn`` with the keyword arguments its signature accepts."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return fn(*args, **kwargs)
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return fn(*args, **kwargs)
    return fn(*args, **{k: v for k, v in kwargs.items() if k in params})


# --------------------------------------------------------------- fingerprints


def stage_fingerprints(settings: Settings) -> dict[str, str]:
    """Fingerprint of each stage: its settings, its upstream stages, and its availability."""
    out: dict[str, str] = {}
    for stage in STAGES:
        parts = {
            "settings": settings.fingerprint(_SETTINGS_STAGE[stage]),
            "available": stage_available(stage),
            "upstream": [out[u] for u in UPSTREAM[stage]],
            "version": PIPELINE_VERSION,
        }
        if stage == "places":
            # geoparse reads the mentions, and the parser's entity ruler is built from the
            # knowledge bases: a changed knowledge base changes the places too
            parts["mentions"] = settings.fingerprint("actors")
        if stage == "time":
            parts["infer"] = _optional("analysis.timex", "infer_published") is not None
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
    differs from ``fingerprints[stage]`` (settings, upstream, availability), or when it
    failed last time.  Staleness propagates downstream.
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
_RES_LOCK = threading.Lock()


def _resource(settings: Settings, name: str, make: Callable[[], object]):
    """Load a heavy resource once per process and settings (a worker-level cache)."""
    key = settings.fingerprint()
    with _RES_LOCK:
        bucket = _RESOURCES.setdefault(key, {})
        if len(_RESOURCES) > 2:  # keep at most two settings' worth of pipelines
            for old in list(_RESOURCES)[:-2]:
                _RESOURCES.pop(old)
        if name not in bucket:
            t0 = time.perf_counter()
            bucket[name] = make()
            log.debug("loaded %s in %.1fs", name, time.perf_counter() - t0)
        return bucket[name]


def _nlp(settings: Settings):
    mod = importlib.import_module("analysis.nlp")
    loader = getattr(mod, "load_pipeline", None)
    if loader is None:
        return None
    return _resource(
        settings,
        "nlp",
        lambda: _call(
            loader, settings.model, kb=settings.knowledge_bases or None, settings=settings
        ),
    )


def _kb(settings: Settings):
    loader = _optional("analysis.actors", "load_knowledge_base")
    if loader is None:
        return None
    return _resource(
        settings, "kb", lambda: _call(loader, *settings.knowledge_bases, settings=settings)
    )


def _gazetteer(settings: Settings):
    for name in ("get_gazetteer", "load_gazetteer"):
        loader = _optional("analysis.geo", name)
        if loader is not None:
            return _resource(
                settings,
                "gazetteer",
                lambda ld=loader: _call(
                    ld, additions=settings.gazetteer_additions, settings=settings
                ),
            )
    return None


def _reference(settings: Settings):
    loader = _optional("analysis.events", "load_reference_events")
    if loader is None:
        return None
    return _resource(
        settings, "reference", lambda: _call(loader, *settings.reference_events, settings=settings)
    )


# ------------------------------------------------------------------ one batch


def _empty_frames() -> dict[str, pd.DataFrame]:
    out = {}
    for name, frame in PER_ARTICLE.items():
        df = schema.empty(frame)
        if name in ("actor_parts", "edge_parts"):
            df.insert(0, "article_id", pd.Series([], dtype="string"))
        out[name] = df
    return out


def _slice(df: pd.DataFrame | None, ids, frame: str) -> pd.DataFrame:
    if df is None or len(df) == 0:
        return _empty_frames()[frame] if frame in PER_ARTICLE else df
    return df[df["article_id"].isin(ids)].reset_index(drop=True)


class _Guard:
    """Run a stage over the batch; on failure, per article, skipping the bad ones."""

    def __init__(self, task: BatchTask, errors: list[dict]) -> None:
        self.task = task
        self.errors = errors
        self.failed: dict[str, set[str]] = {}

    def run(self, stage: str, ids: list[str], fn: Callable[[list[str]], object], empty) -> list:
        """Return ``[fn(ids)]`` or, after a failure, the results of the good articles."""
        try:
            return [fn(ids)]
        except Exception as exc:
            if self.task.strict:
                raise
            if len(ids) == 1:
                self._fail(stage, ids[0], exc)
                return [empty]
            log.warning("stage %s failed on a batch (%s); retrying article by article", stage, exc)
        out = []
        for aid in ids:
            try:
                out.append(fn([aid]))
            except Exception as exc:  # one bad article must not cost the batch
                self._fail(stage, aid, exc)
        return out or [empty]

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


def _concat(frames: list[pd.DataFrame], frame: str) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return _empty_frames()[frame] if frame in PER_ARTICLE else schema.empty(frame)
    return pd.concat(frames, ignore_index=True)


def run_batch(task: BatchTask) -> BatchResult:
    """Compute the stale stages of one batch; reuse the task's previous frames for the rest."""
    arts = task.articles.reset_index(drop=True)
    ids = arts["article_id"].tolist()
    need = set(task.stages)
    prev = {name: _slice(task.previous.get(name), ids, name) for name in PER_ARTICLE}
    errors: list[dict] = []
    guard = _Guard(task, errors)
    stats = dict.fromkeys(("parsed", *STAGES), 0)
    out = {name: prev[name] for name in PER_ARTICLE}
    empties = _empty_frames()

    def sub(df: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
        return df[df["article_id"].isin(keep)].reset_index(drop=True)

    timings: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock[0]
        clock[0] = now

    # --- time, part 1: the publication date (the anchor of every relative date)
    infer = _optional("analysis.timex", "infer_published") if stage_available("time") else None
    if "time" in need and infer is not None:
        arts = _concat(
            guard.run(
                "time",
                ids,
                lambda k: schema.conform(infer(sub(arts, k)), "articles"),
                empties["articles"],
            ),
            "articles",
        )
        missing = [a for a in ids if a not in set(arts["article_id"])]
        if missing:  # keep articles whose inference failed, undated as loaded
            arts = pd.concat(
                [arts, sub(task.articles.reset_index(drop=True), missing)], ignore_index=True
            )
    elif "time" not in need and set(ids) <= set(prev["articles"]["article_id"]):
        # same content, same time settings: the stored rows (with the inferred dates)
        # hold; only where the article was read from may have changed
        stored = prev["articles"].set_index("article_id").loc[ids].reset_index()
        for col in ("path", "paths", "format"):
            if col in arts.columns:
                stored[col] = arts[col].to_numpy()
        arts = stored
    out["articles"] = schema.conform(arts, "articles")

    lap("infer")
    # --- nlp: parse once; the Docs serve every stage of the batch
    docs: dict | None = None
    sentences, mentions_raw = prev["sentences"], empties["mentions"]
    nlp_mod = _module("nlp")
    if need & _NEEDS_DOCS and nlp_mod is not None:
        nlp = _nlp(task.settings)
        parsed_parts = guard.run(
            "nlp",
            ids,
            lambda k: _call(nlp_mod.parse, sub(arts, k), nlp=nlp, settings=task.settings),
            None,
        )
        parsed_parts = [p for p in parsed_parts if p is not None]
        docs = {}
        for p in parsed_parts:
            docs.update(getattr(p, "docs", None) or {})
        sentences = schema.conform(
            _concat([p.sentences for p in parsed_parts], "sentences"), "sentences"
        )
        mentions_raw = schema.conform(
            _concat([p.mentions for p in parsed_parts], "mentions"), "mentions"
        )
        stats["parsed"] = len(docs) or len({*sentences["article_id"]})
        if "nlp" in need:
            stats["nlp"] = len(ids)
        out["sentences"] = sentences
    elif "nlp" in need:
        out["sentences"] = sentences = empties["sentences"]

    def docs_for(keep: list[str]):
        return None if docs is None else {a: docs[a] for a in keep if a in docs}

    lap("parse")
    # --- actors: per article, so corpus-wide actors/edges can be re-merged from parts
    mentions = prev["mentions"]
    actors_mod = _module("actors")
    if "actors" in need:
        stats["actors"] = len(ids)
        if actors_mod is not None:
            kb = _kb(task.settings)
            res_m, res_a, res_q, res_e = [], [], [], []

            def one(k: list[str]):
                r = _call(
                    actors_mod.resolve_actors,
                    sub(arts, k),
                    sub(sentences, k),
                    sub(mentions_raw, k),
                    docs=docs_for(k),
                    kb=kb,
                )
                return r

            for aid in ids:
                for r in guard.run("actors", [aid], one, None):
                    if r is None:
                        continue
                    res_m.append(r.mentions)
                    res_q.append(r.quotes)
                    a = schema.conform(r.actors, "actors")
                    a.insert(0, "article_id", pd.Series([aid] * len(a), dtype="string"))
                    res_a.append(a)
                    e = schema.conform(r.edges, "edges")
                    e.insert(0, "article_id", pd.Series([aid] * len(e), dtype="string"))
                    res_e.append(e)
            mentions = schema.conform(_concat(res_m, "mentions"), "mentions")
            out["quotes"] = schema.conform(_concat(res_q, "quotes"), "quotes")
            out["actor_parts"] = _concat(res_a, "actor_parts")
            out["edge_parts"] = _concat(res_e, "edge_parts")
        else:
            mentions = mentions_raw
            out["quotes"], out["actor_parts"], out["edge_parts"] = (
                empties["quotes"],
                empties["actor_parts"],
                empties["edge_parts"],
            )

    lap("actors")
    # --- places
    geo_mod = _module("places")
    if "places" in need:
        stats["places"] = len(ids)
        if geo_mod is not None:
            gaz = _gazetteer(task.settings)
            parts = guard.run(
                "places",
                ids,
                lambda k: _call(
                    geo_mod.geoparse,
                    sub(arts, k),
                    sub(sentences, k),
                    sub(mentions_raw, k),
                    docs=docs_for(k),
                    gazetteer=gaz,
                ),
                empties["places"],
            )
            out["places"] = schema.conform(
                _concat([p.places if hasattr(p, "places") else p for p in parts], "places"),
                "places",
            )
        else:
            out["places"] = empties["places"]
    if need & {"actors", "places"}:
        mentions = mentions.copy()
        mentions["place_id"] = pd.Series(pd.NA, index=mentions.index, dtype="string")
        link = _optional("analysis.geo", "link_mentions")
        if link is not None and len(out["places"]) and len(mentions):
            mentions = link(mentions, out["places"])
        out["mentions"] = schema.conform(mentions, "mentions")

    lap("places")
    # --- time, part 2: temporal expressions
    timex_mod = _module("time")
    if "time" in need:
        stats["time"] = len(ids)
        if timex_mod is not None:
            parts = guard.run(
                "time",
                ids,
                lambda k: timex_mod.tag_timexes(sub(arts, k), sub(out["sentences"], k)),
                empties["timexes"],
            )
            out["timexes"] = schema.conform(_concat(parts, "timexes"), "timexes")
        else:
            out["timexes"] = empties["timexes"]

    lap("timexes")
    # --- events
    events_mod = _module("events")
    if "events" in need:
        stats["events"] = len(ids)
        if events_mod is not None:
            ref = _reference(task.settings)
            actors_batch = merge_actor_parts(out["actor_parts"])
            parts = guard.run(
                "events",
                ids,
                lambda k: _call(
                    events_mod.extract_events,
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
                empties["events"],
            )
            out["events"] = schema.conform(_concat(parts, "events"), "events")
        else:
            out["events"] = empties["events"]
    lap("events")
    docs = None  # the Docs live no longer than their batch

    fps = task.fingerprints
    index = pd.DataFrame(
        {
            "article_id": pd.Series(ids, dtype="string"),
            "article_hash": pd.Series([task.hashes[a] for a in ids], dtype="string"),
        }
    )
    for stage in STAGES:
        index[f"fp_{stage}"] = pd.Series(
            ["error" if stage in guard.failed.get(a, ()) else fps[stage] for a in ids],
            dtype="string",
        )
    frames = {name: _order(df, name, ids) for name, df in out.items()}
    return BatchResult(frames=frames, index=index, stats=stats, errors=errors, timings=timings)


# ------------------------------------------------------------------ merging


def merge_actor_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide actors from per-article parts (``analysis.actors.merge_actors``)."""
    mod = _module("actors")
    if mod is None or len(parts) == 0:
        return schema.empty("actors")
    parts = parts.drop(columns="article_id")
    # parts stored by different versions of the actors stage may differ in their extra
    # columns (missing values after concatenation): merge each kind as its own frame
    extra = [c for c in parts.columns if c not in {c.name for c in schema.SCHEMAS["actors"]}]
    full = parts[extra].notna().all(axis=1) if extra else pd.Series(True, index=parts.index)
    frames = [parts[full]]
    if not full.all():
        frames.append(parts.loc[~full, [c for c in parts.columns if c not in extra]])
    return schema.conform(mod.merge_actors([f for f in frames if len(f)]), "actors")


def merge_edge_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide co-mention edges from per-article parts (``merge_edges``)."""
    mod = _module("actors")
    if mod is None or len(parts) == 0:
        return schema.empty("edges")
    return schema.conform(mod.merge_edges([parts.drop(columns="article_id")]), "edges")


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
    new: dict[str, list[pd.DataFrame]] = {name: [] for name in PER_ARTICLE}
    new_index: list[pd.DataFrame] = []
    done: set[str] = set()
    for r in results:
        frames, index = (r.frames, r.index) if isinstance(r, BatchResult) else r
        for name in PER_ARTICLE:
            if name in frames:
                new[name].append(frames[name])
        new_index.append(index)
        done.update(index["article_id"].tolist())
    keep_set = set(keep)
    state: dict[str, pd.DataFrame] = {}
    for name in PER_ARTICLE:
        old = previous.get(name)
        pieces = []
        if old is not None and len(old):
            pieces.append(old[old["article_id"].isin(keep_set - done)])
        pieces.extend(f[f["article_id"].isin(keep_set)] for f in new[name])
        state[name] = _order(_concat(pieces, name), name, keep)
    old_index = previous.get("index")
    pieces = []
    if old_index is not None and len(old_index):
        pieces.append(old_index[old_index["article_id"].isin(keep_set - done)])
    pieces.extend(i[i["article_id"].isin(keep_set)] for i in new_index)
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
    frames = {
        "articles": schema.conform(arts, "articles"),
        "sentences": state["sentences"],
        "mentions": state["mentions"],
        "actors": merge_actor_parts(state["actor_parts"]),
        "quotes": state["quotes"],
        "edges": merge_edge_parts(state["edge_parts"]),
        "places": state["places"],
        "timexes": state["timexes"],
        "events": state["events"],
    }
    return {name: schema.conform(df, name) for name, df in frames.items()}


# ------------------------------------------------------------------ engines


def run_tasks(
    tasks: list[BatchTask],
    *,
    engine: str = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    on_result: Callable[[BatchResult], None],
) -> None:
    """Run ``tasks`` and hand each result to ``on_result`` as soon as it is ready.

    ``engine="local"`` runs them in this process; ``engine="dask"`` submits them to
    the dask.distributed scheduler at ``scheduler`` (a LocalCluster with ``n_workers``
    processes when None), keeping a bounded number in flight and streaming results
    back with ``as_completed``.
    """
    if engine == "local":
        for task in tasks:
            on_result(run_batch(task))
        return
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}; valid engines: local, dask")
    for result in _dask_results(tasks, scheduler=scheduler, n_workers=n_workers):
        on_result(result)


def _dask_results(
    tasks: list[BatchTask], *, scheduler: str | None, n_workers: int | None
) -> Iterator[BatchResult]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise RuntimeError(
            "engine='dask' needs the 'distributed' package: pip install 'dask[distributed]'"
        ) from exc
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(
            n_workers=n_workers or 2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        )
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or (n_workers or 2))
        window = 2 * workers  # bounded: memory does not grow with the corpus
        pending = iter(tasks)
        ac = as_completed()
        for task in _take(pending, window):
            ac.add(client.submit(run_batch, task, pure=False))
        for fut in ac:
            result = fut.result()
            fut.release()
            for task in _take(pending, 1):
                ac.add(client.submit(run_batch, task, pure=False))
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(it: Iterator, n: int) -> list:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
