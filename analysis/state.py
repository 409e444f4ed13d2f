"""The corpus state: per-article rows merged across batches and builds, then assembled.

A build keeps, per article, the rows every per-article stage produced (the frames named
by the stage specs, plus an index of content hashes and stage fingerprints).
:func:`merge_state` replaces the rows of recomputed articles and drops removed ones;
:func:`assemble` turns the state into the corpus frames by running the corpus-level
stages (actors and edges merged from per-article parts, events grouped across articles).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from analysis import schema
from analysis.settings import Settings
from analysis.stages import Batch, StageGraph, stage_available, stage_graph

if TYPE_CHECKING:
    from analysis.batch import BatchResult

__all__ = [
    "merge_state",
    "assemble",
    "group_events",
    "merge_actor_parts",
    "merge_edge_parts",
]


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


def _concat(frames: list[pd.DataFrame], name: str, graph: StageGraph) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    if not frames:
        return graph.empty(name)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


def _order(
    df: pd.DataFrame, name: str, article_order: list[str], graph: StageGraph | None = None
) -> pd.DataFrame:
    """Sort a per-article frame by article order, then its natural keys (stable)."""
    if name == "articles" or len(df) == 0:
        if name == "articles" and len(df):
            rank = {a: i for i, a in enumerate(article_order)}
            df = df.iloc[df["article_id"].map(rank).fillna(len(rank)).argsort(kind="stable")]
        return df.reset_index(drop=True)
    graph = graph or stage_graph()
    rank = {a: i for i, a in enumerate(article_order)}
    keys = [k for k in graph.sort_keys.get(name, ()) if k in df.columns]
    tmp = df.assign(_rank=df["article_id"].map(rank).fillna(len(rank)).astype("int64"))
    tmp = tmp.sort_values(["_rank", *keys], kind="stable", na_position="last")
    return tmp.drop(columns="_rank").reset_index(drop=True)


def merge_state(
    previous: dict[str, pd.DataFrame],
    results: Iterable[BatchResult | tuple[dict[str, pd.DataFrame], pd.DataFrame]],
    *,
    keep: list[str],
    graph: StageGraph | None = None,
) -> dict[str, pd.DataFrame]:
    """Replace the previous rows of recomputed articles with the new ones.

    Parameters
    ----------
    previous : dict of str to DataFrame
        The stored per-article frames and ``index``.
    results : iterable
        Batch results, or ``(frames, index)`` pairs (parts read back from the store).
    keep : list of str
        The current article order; rows of articles not in it are dropped.
    graph : StageGraph, optional
        The stages (which frames are per-article, their sort keys); the registered ones.

    Returns
    -------
    dict of str to DataFrame
        Every per-article frame and the ``index``, in article order.
    """
    graph = graph or stage_graph()
    names = list(graph.per_article)
    keep_set = set(keep)
    new: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    new_index: list[pd.DataFrame] = []
    done: set[str] = set()
    for r in results:
        frames, index = _frames_index(r)
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
        for name in names:
            if name in frames:
                new[name].append(frames[name])
        new_index.append(index)
    state: dict[str, pd.DataFrame] = {}
    old_keep = None
    for name in names:
        old = previous.get(name)
        pieces = []
        if old is not None and len(old):
            if old_keep is None:
                old_keep = list(keep_set - done)
            pieces.append(old[old["article_id"].isin(old_keep)])
        pieces.extend(new[name])
        state[name] = _order(_concat(pieces, name, graph), name, keep, graph)
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


def _frames_index(r) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    if isinstance(r, tuple):
        return r
    return r.frames, r.index


def assemble(
    state: dict[str, pd.DataFrame],
    articles: pd.DataFrame,
    *,
    settings: Settings | None = None,
    graph: StageGraph | None = None,
) -> dict[str, pd.DataFrame]:
    """The corpus frames from the per-article state, after the corpus-level stages.

    Parameters
    ----------
    state : dict of str to DataFrame
        From :func:`merge_state`.
    articles : pandas.DataFrame
        The articles as loaded this time (where each was read from).
    settings : Settings, optional
        Handed to the corpus-level stages.
    graph : StageGraph, optional
        The stages; the registered ones by default.

    Returns
    -------
    dict of str to DataFrame
        Every corpus frame (:data:`analysis.store.FRAMES`), conformed to its schema.
    """
    graph = graph or stage_graph()
    settings = settings or Settings()
    arts = state["articles"]
    if len(arts):  # where each article was read from this time
        fresh = articles.set_index("article_id")
        for col in ("path", "paths", "format"):
            if col in fresh.columns:
                arts = arts.assign(**{col: arts["article_id"].map(fresh[col])})
        arts = _duplicates(arts, articles)
    frames = {name: state[name] for name in graph.per_article if name in state}
    frames["articles"] = arts
    ids = arts["article_id"].tolist()
    for spec in graph.corpus_order:
        out = spec.run(Batch(frames, ids, settings, whole=True), None)
        frames.update(out)
    return {
        name: _conformed(frames[name], name) if name in frames else schema.empty(name)
        for name in schema.SCHEMAS
    }


def _duplicates(arts: pd.DataFrame, loaded: pd.DataFrame) -> pd.DataFrame:
    """``arts`` with near-duplicates flagged over the whole corpus.

    The per-article state keeps the flags of the build that processed each article, so a
    copy added later would leave its original unflagged.  The loader flags the articles
    it read together; those flags are taken when they cover the corpus, else (a frame
    given without them) the flags are computed here.
    """
    from analysis.io.duplicates import flag_duplicates

    cols = ("story_id", "duplicate_of")
    if all(c in loaded.columns for c in cols) and loaded["story_id"].notna().all():
        fresh = loaded.drop_duplicates("article_id").set_index("article_id")
        ids = arts["article_id"]
        if ids.isin(fresh.index).all() and fresh["story_id"].isin(ids).all():
            return arts.assign(**{c: ids.map(fresh[c]).astype("string") for c in cols})
    return flag_duplicates(arts)


def group_events(
    events: pd.DataFrame,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``events`` with ``event_group`` recomputed over the whole corpus.

    Groups span articles (:func:`analysis.events.merge_events`), so they are never
    stored per article: every assemble and every :meth:`Corpus.filter` recomputes them.

    Parameters
    ----------
    events, actors, places : pandas.DataFrame
        The corpus' events, actors (which participants are generic) and places frames.
    articles : pandas.DataFrame, optional
        The articles frame: the publication day of each article, near which an undated
        event's group must lie.

    Returns
    -------
    pandas.DataFrame
        ``events`` with the extra ``event_group`` column (as given when the events stage
        is not installed).
    """
    if not stage_available("events"):
        return events
    from analysis.events import merge_events

    return merge_events(
        _conformed(events, "events"), actors=actors, places=places, articles=articles
    )


def _conformed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` conformed to its schema (as is when it already is: no column is re-cast)."""
    from analysis.store import _conformed as is_conformed

    return df if is_conformed(df, name) else schema.conform(df, name)
