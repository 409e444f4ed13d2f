"""Co-mention edges, merging of per-batch actor and edge frames, and the networkx graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from analysis import schema

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["article_edges", "co_mention_graph", "merge_actors", "merge_edges"]

_VOTES = ("name_votes", "kind_votes", "country_votes")


def article_edges(mentions: Iterable, *, scope: str = "sentence") -> pd.DataFrame:
    """Co-mention edges of one article's actor mentions.

    Parameters
    ----------
    mentions : iterable
        Objects with ``actor_id`` and ``sentence_id`` attributes (one article).
    scope : {'sentence', 'article'}
        Pairs counted once per sentence, or once for the article.

    Returns
    -------
    pandas.DataFrame
        The edges frame of that article (``articles`` is 1 on every row).
    """
    weights = pair_weights(mentions, scope=scope)
    if not weights:
        return schema.empty("edges")
    frame = pd.DataFrame(
        [(a, b, w, 1) for (a, b), w in weights.items()],
        columns=["source", "target", "weight", "articles"],
    )
    return schema.conform(frame, "edges")


def pair_weights(mentions: Iterable, *, scope: str = "sentence") -> Counter:
    """(source, target) -> number of sentences (or 1 for the article) naming both."""
    groups: dict[object, set[str]] = {}
    for m in mentions:
        key = m.sentence_id if scope == "sentence" else 0
        groups.setdefault(key, set()).add(m.actor_id)
    weights: Counter = Counter()
    for ids in groups.values():
        for a, b in combinations(sorted(ids), 2):
            weights[(a, b)] += 1
    return weights


def edges_frame(weights: Counter, articles: Counter) -> pd.DataFrame:
    """The edges frame from summed pair weights and article counts."""
    if not weights:
        return schema.empty("edges")
    frame = pd.DataFrame(
        [(a, b, w, articles[(a, b)]) for (a, b), w in weights.items()],
        columns=["source", "target", "weight", "articles"],
    )
    frame = frame.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return schema.conform(frame, "edges")


def merge_edges(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine edge frames of disjoint batches: weights and article counts are summed.

    Parameters
    ----------
    frames : sequence of pandas.DataFrame
        Edges frames (batches must not share articles).

    Returns
    -------
    pandas.DataFrame
        The edges frame, heaviest first (ties by source, target).
    """
    frames = [schema.check(f, "edges") for f in frames if f is not None and len(f)]
    if not frames:
        return schema.empty("edges")
    allf = pd.concat(frames, ignore_index=True)
    out = allf.groupby(["source", "target"], as_index=False, sort=True)[
        ["weight", "articles"]
    ].sum()
    out = out.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return schema.conform(out, "edges")


def best_vote(counts: dict) -> str | None:
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(str(kv[0])), str(kv[0])))[0][0]


def merge_actors(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine actor frames of disjoint batches into one.

    Mentions and article counts are summed, aliases united; for actors outside the
    knowledge base the name, kind and country are the most voted across batches (the
    ``*_votes`` columns), so the result does not depend on how articles were batched.

    Parameters
    ----------
    frames : sequence of pandas.DataFrame
        Actors frames from :func:`analysis.actors.resolve_actors` (or per article).

    Returns
    -------
    pandas.DataFrame
        The actors frame sorted by mentions (descending), then actor_id.
    """
    frames = [schema.check(f, "actors") for f in frames if f is not None and len(f)]
    acc: dict[str, dict] = {}
    for frame in frames:
        has_votes = all(k in frame.columns for k in _VOTES)
        for row in frame.to_dict("records"):
            if not has_votes:
                row.update(
                    {
                        "name_votes": {row["name"]: row["mentions"]} if _ok(row["name"]) else {},
                        "kind_votes": {row["kind"]: row["mentions"]} if _ok(row["kind"]) else {},
                        "country_votes": {row["country"]: row["mentions"]}
                        if _ok(row["country"])
                        else {},
                    }
                )
            accumulate_actor(acc, row)
    return finish_actors(acc)


def accumulate_actor(acc: dict[str, dict], row: dict) -> None:
    """Add one per-article (or per-batch) actor row to the accumulator ``acc``."""
    aid = row["actor_id"]
    a = acc.get(aid)
    if a is None:
        a = acc[aid] = {
            "actor_id": aid,
            "name": None,
            "kind": None,
            "country": None,
            "aliases": set(),
            "wikidata": None,
            "mentions": 0,
            "articles": 0,
            "in_kb": bool(row["in_kb"]),
            **{k: Counter() for k in _VOTES},
        }
    a["mentions"] += int(row["mentions"])
    a["articles"] += int(row["articles"])
    a["aliases"].update(row["aliases"] or [])
    a["in_kb"] = a["in_kb"] or bool(row["in_kb"])
    if a["in_kb"]:
        for k in ("name", "kind", "country", "wikidata"):
            v = row.get(k)
            if a[k] is None and _ok(v):
                a[k] = v
    for k in _VOTES:
        for value, count in (row.get(k) or {}).items():
            if _ok(value) and _ok(count):
                a[k][value] += int(count)


def finish_rows(acc: dict[str, dict]) -> list[dict]:
    """Rows of the actors frame from an accumulator (votes decided, aliases sorted)."""
    rows = []
    for a in acc.values():
        a = dict(a)
        if not a["in_kb"]:
            a["name"] = best_vote(a["name_votes"])
            a["kind"] = best_vote(a["kind_votes"])
            a["country"] = best_vote(a["country_votes"])
        a["aliases"] = sorted(a["aliases"])
        for k in _VOTES:
            del a[k]
        rows.append(a)
    return rows


def finish_actors(acc: dict[str, dict]) -> pd.DataFrame:
    """The actors frame from an accumulator filled by :func:`accumulate_actor`."""
    if not acc:
        return schema.empty("actors")
    out = pd.DataFrame(finish_rows(acc)).sort_values(
        ["mentions", "actor_id"], ascending=[False, True], kind="stable"
    )
    return schema.conform(out, "actors")


def _ok(v) -> bool:
    return v is not None and not (isinstance(v, float) and pd.isna(v)) and v is not pd.NA


def co_mention_graph(
    edges: pd.DataFrame, actors: pd.DataFrame | None = None, *, min_weight: int = 1
) -> nx.Graph:
    """The co-mention network as a weighted, undirected networkx graph.

    Parameters
    ----------
    edges : pandas.DataFrame
        The edges frame.
    actors : pandas.DataFrame, optional
        The actors frame; its columns become node attributes (name, kind, mentions...).
    min_weight : int, default 1
        Keep edges at least this heavy.

    Returns
    -------
    networkx.Graph
        Nodes are actor_ids; edges carry ``weight`` and ``articles``.
    """
    import networkx as nx

    schema.check(edges, "edges")
    graph = nx.Graph()
    if actors is not None:
        schema.check(actors, "actors")
        for row in actors.to_dict("records"):
            attrs = {
                k: row[k] for k in ("name", "kind", "country", "mentions", "articles", "in_kb")
            }
            graph.add_node(row["actor_id"], **attrs)
    kept = edges[edges["weight"] >= min_weight]
    for s, t, w, n in zip(
        kept["source"], kept["target"], kept["weight"], kept["articles"], strict=True
    ):
        graph.add_edge(s, t, weight=int(w), articles=int(n))
    return graph
