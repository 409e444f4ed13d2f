"""Actor charts: mentions by actor, the co-mention network, heatmaps, who quotes whom."""

from __future__ import annotations

import logging
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.segments import join_segments
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate

__all__ = [
    "label_choices",
    "wrap_label",
    "actor_counts",
    "actor_heatmap",
    "actor_mentions",
    "co_mention_network",
    "network_nodes",
    "quote_chart",
]

log = logging.getLogger(__name__)

#: Colour and id of the "others" bars (every actor, speaker or outlet past the top N).
OTHERS_COLOR = "#BDBDBD"
OTHERS_ID = "(others)"
#: An "others" bar longer than this many times the longest named bar is cut at the plot's
#: edge (its value written on it), so that it does not squash the bars people read.
OTHERS_CUT = 1.5
#: The bar of quotes whose speaker is no named actor ("they", "analysts", "the report").
UNNAMED_SPEAKERS = "speakers not named"
#: Words that may open an unnamed speaker with a capital (at the start of a sentence).
_UNNAMED_LEADS = frozenset({"a", "an", "the", "he", "she", "they", "it", "we", "i", "you"})


def _unnamed(text: str) -> bool:
    """True for a speaker text that names nobody: no capitalised word past a lead word."""
    words = text.split()
    if words and words[0].lower() in _UNNAMED_LEADS:
        words = words[1:]
    return not any(w[:1].isupper() for w in words)


def _cut_others(fig: go.Figure, named_max: float, others: float, label: str) -> None:
    """Cut an "others" bar much longer than the named bars at the plot's edge."""
    if named_max <= 0 or others <= OTHERS_CUT * named_max:
        return
    fig.update_xaxes(range=[0, named_max * 1.3])
    fig.add_annotation(
        x=named_max * 1.3,
        y=label,
        xref="x",
        yref="y",
        text=f"<b>{int(others):,}</b> →",
        showarrow=False,
        xanchor="right",
        font={"size": 11},
        bgcolor="rgba(255,255,255,0.8)",
    )


def actor_counts(actors: Any, *, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions and articles per actor: from ``mentions`` when given, else the actors frame.

    Returns
    -------
    DataFrame
        actor_id, name, kind, mentions, articles; most mentioned first.
    """
    act = frame_of(actors, "actors")
    base = act[["actor_id", "name", "kind", "mentions", "articles"]].copy()
    if mentions is not None:
        m = schema.check(mentions, "mentions")
        m = m[m["actor_id"].notna()]
        counts = m.groupby("actor_id").agg(
            mentions=("start", "size"), articles=("article_id", "nunique")
        )
        base = base.drop(columns=["mentions", "articles"]).merge(
            counts, left_on="actor_id", right_index=True, how="inner"
        )
    base["kind"] = base["kind"].astype("string").fillna("other")
    base["name"] = base["name"].astype("string").fillna(base["actor_id"].astype("string"))
    base = base[base["mentions"] > 0]
    return base.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


def actor_mentions(
    actors: Any,
    *,
    mentions: pd.DataFrame | None = None,
    top: int = 20,
    others: bool = True,
    title: str | None = "Mentions by actor",
) -> go.Figure:
    """Horizontal bars: mentions per actor, one colour (and legend entry) per actor kind.

    Parameters
    ----------
    actors : DataFrame or Corpus
        Actors frame (its ``mentions`` column is used unless ``mentions`` is given).
    mentions : DataFrame, optional
        Mentions frame to count from (e.g. a filtered corpus' mentions).
    top : int
        Number of actors shown (most mentioned).
    others : bool
        Add one bar for all the other actors together ("4,980 other actors"), so the
        chart stays readable with thousands of actors and still accounts for every
        mention.
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``bar`` trace per kind (``meta.newsdesk`` = "actor_mentions"; ``customdata``
        = [actor_id, articles]) and the "actor_others" bar (``customdata`` =
        ["(others)", number of actors]).
    """
    everyone = actor_counts(actors, mentions=mentions)
    counts = everyone.head(top)
    rest = everyone.iloc[top:]
    fig = go.Figure()
    order = [escape(n) for n in counts["name"]]
    for kind, col in category_colors(counts["kind"].tolist(), column="kind").items():
        part = counts[counts["kind"] == kind]
        fig.add_trace(
            go.Bar(
                x=part["mentions"].astype(int).tolist(),
                y=[escape(n) for n in part["name"]],
                orientation="h",
                name=kind,
                marker_color=col,
                customdata=[
                    [a, int(n)] for a, n in zip(part["actor_id"], part["articles"], strict=True)
                ],
                hovertemplate="<b>%{y}</b><br>%{x} mention(s) in %{customdata[1]} article(s)"
                "<extra>%{fullData.name}</extra>",
                meta={"newsdesk": "actor_mentions"},
            )
        )
    if others and len(rest):
        label = f"{len(rest):,} other actors"
        order.append(label)
        _cut_others(
            fig,
            float(counts["mentions"].max()) if len(counts) else 0.0,
            float(rest["mentions"].sum()),
            label,
        )
        fig.add_trace(
            go.Bar(
                x=[int(rest["mentions"].sum())],
                y=[label],
                orientation="h",
                name="others",
                marker_color=OTHERS_COLOR,
                customdata=[[OTHERS_ID, len(rest)]],
                hovertemplate="<b>%{y}</b><br>%{x} mention(s) together<extra></extra>",
                meta={"newsdesk": "actor_others", "actors": len(rest)},
            )
        )
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        barmode="stack",
        legend_title_text="kind",
        height=max(300, 60 + 24 * len(order)),
        xaxis_title="mentions",
        yaxis={
            "categoryorder": "array",
            "categoryarray": order[::-1],
            "automargin": True,
        },
    )
    return fig


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Deterministic positions: each connected component laid out on its own (seeded
    spring layout), components placed side by side, largest first, singletons in a row."""
    comps = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    pos: dict[str, tuple[float, float]] = {}
    x_offset = 0.0
    singles = [c[0] for c in comps if len(c) == 1]
    for comp in (c for c in comps if len(c) > 1):
        sub = graph.subgraph(comp)
        scale = 1.0 if x_offset == 0.0 else 0.5
        k = 2.0 / max(len(comp), 1) ** 0.5  # twice networkx's default spacing
        layout = nx.spring_layout(sub, seed=seed, weight="pull", k=k, iterations=150, scale=scale)
        xs = [p[0] for p in layout.values()]
        shift = x_offset - min(xs)
        for n in comp:
            pos[n] = (float(layout[n][0] + shift), float(layout[n][1]))
        x_offset = max(p[0] for p in pos.values()) + 0.6
    if singles:
        width = max(x_offset - 0.6, 1.0) if pos else 1.0
        y = min((p[1] for p in pos.values()), default=0.0) - 0.5
        step = width / max(len(singles) - 1, 1) if len(singles) > 1 else 0.0
        for i, n in enumerate(singles):
            pos[n] = (float(i * step), float(y))
    return _spread(pos)


def _spread(
    pos: dict[str, tuple[float, float]], mix: float = 0.5
) -> dict[str, tuple[float, float]]:
    """Spread a crowded layout: each coordinate moves halfway to its rank's position.

    A spring layout packs the hubs of a news network into its centre and throws the
    loosely tied actors far out; mixing each coordinate (scaled to 0..1) with its rank
    among the nodes (also 0..1) keeps the picture's order and neighbourhoods and fills
    the plot evenly.  Ties keep the node order (stable), so the result is deterministic.
    """
    if len(pos) < 3:
        return pos
    nodes = sorted(pos)
    out: dict[str, list[float]] = {n: [0.0, 0.0] for n in nodes}
    for axis in (0, 1):
        values = [pos[n][axis] for n in nodes]
        lo, hi = min(values), max(values)
        width = (hi - lo) or 1.0
        order = sorted(range(len(nodes)), key=lambda i: (values[i], i))
        for rank, i in enumerate(order):
            scaled = (values[i] - lo) / width
            out[nodes[i]][axis] = (1 - mix) * scaled + mix * rank / (len(nodes) - 1)
    return {n: (float(x), float(y)) for n, (x, y) in out.items()}


def network_nodes(edges: pd.DataFrame, actors: pd.DataFrame | None, *, top: int) -> pd.DataFrame:
    """The ``top`` actors by weighted degree (sum of their edges' weights).

    Returns
    -------
    DataFrame
        actor_id, degree (weighted), mentions, kind, name; ties broken by mentions, then id.
    """
    e = edges
    deg = pd.concat(
        [
            e[["source", "weight"]].rename(columns={"source": "actor_id"}),
            e[["target", "weight"]].rename(columns={"target": "actor_id"}),
        ]
    )
    deg = deg.assign(actor_id=deg["actor_id"].astype(str)).groupby("actor_id")["weight"].sum()
    if actors is not None and len(actors):
        counts = actor_counts(actors).set_index("actor_id")
        counts.index = counts.index.astype(str)
        ids = sorted(set(deg.index) | set(counts.index))
    else:
        counts = pd.DataFrame(columns=["name", "kind", "mentions"])
        ids = sorted(deg.index)
    out = pd.DataFrame({"actor_id": ids})
    out["degree"] = out["actor_id"].map(deg).fillna(0).astype(int)
    out["mentions"] = out["actor_id"].map(counts["mentions"]).fillna(1).astype(int)
    out["kind"] = out["actor_id"].map(counts["kind"]).fillna("other").astype(str)
    out["name"] = out["actor_id"].map(counts["name"]).fillna(out["actor_id"]).astype(str)
    out = out.sort_values(
        ["degree", "mentions", "actor_id"], ascending=[False, False, True], kind="stable"
    )
    return out.head(top).reset_index(drop=True)


def _auto_weight(weights: pd.Series, max_edges: int) -> int:
    """The least weight that leaves at most ``max_edges`` edges (at least 1)."""
    if len(weights) <= max_edges:
        return 1
    ranked = weights.sort_values(ascending=False).to_numpy()
    w = int(ranked[max_edges - 1])
    return max(w + 1 if (ranked >= w).sum() > max_edges else w, 1)


def _place_labels(
    nodes: list[str],
    pos: dict[str, tuple[float, float]],
    labels: dict[str, str | list[str]],
    order: list[str],
    *,
    limit: int,
    box: tuple[float, float, float, float],
    px: tuple[float, float],
    radius: dict[str, float] | None = None,
) -> dict[str, tuple[str, str]]:
    r"""Text positions of the labels that fit: the largest nodes first, no overlap.

    Each label is tried above, below, right, left and at the four corners of its node;
    a label that would overlap a label already placed, cover another node's marker
    (``radius``: marker radius in pixels) or leave ``box`` (x0, x1, y0, y1) is not
    drawn (the node keeps its hover).  Then the nodes of ``order[:limit]`` still without
    a label are tried again, allowed to cover the smallest markers (radius up to
    :data:`COVERABLE_PX`; never a label or a larger node): in a crowded
    centre the hubs, the actors a reader looks for first, would otherwise be the ones
    left unnamed.  Sizes are estimated from the characters (``px`` = plot width and
    height in pixels, font 11 px); a label's lines are separated by ``"\n"``.  A node
    given a list of labels (:func:`label_choices`) takes the first that fits.

    Returns
    -------
    dict
        node -> (text position, the label drawn).
    """
    x0, x1, y0, y1 = box
    per_px_x = (x1 - x0) / max(px[0], 1)
    per_px_y = (y1 - y0) / max(px[1], 1)
    radius = radius or {}
    marks = [
        (
            pos[n][0] - radius.get(n, 4.0) * per_px_x,
            pos[n][0] + radius.get(n, 4.0) * per_px_x,
            pos[n][1] - radius.get(n, 4.0) * per_px_y,
            pos[n][1] + radius.get(n, 4.0) * per_px_y,
            n,
        )
        for n in nodes
    ]
    placed: list[tuple[float, float, float, float]] = []
    out: dict[str, str] = {}

    def free(a0: float, a1: float, b0: float, b1: float, own: str, markers: bool) -> bool:
        if not (a0 >= x0 and a1 <= x1 and b0 >= y0 and b1 <= y1):
            return False
        if any(not (a1 <= c0 or a0 >= c1 or b1 <= d0 or b0 >= d1) for c0, c1, d0, d1 in placed):
            return False
        # the second pass may cover the smallest markers (a dot under a word still
        # reads as the word's), never a larger node the label could be taken to name
        return all(
            n == own
            or (not markers and radius.get(n, 4.0) <= COVERABLE_PX)
            or a1 <= c0
            or a0 >= c1
            or b1 <= d0
            or b0 >= d1
            for c0, c1, d0, d1, n in marks
        )

    def options_of(n: str, text: str) -> dict[str, tuple[float, float, float, float]]:
        lines = text.split("\n")
        w = (max(len(line) for line in lines) * 6.6 + 4) * per_px_x
        h = 15 * len(lines) * per_px_y
        r = radius.get(n, 4.0)
        gx, gy = (r + 3) * per_px_x, (r + 2) * per_px_y
        cx, cy = pos[n]
        options = {
            "top center": (cx - w / 2, cx + w / 2, cy + gy, cy + gy + h),
            "bottom center": (cx - w / 2, cx + w / 2, cy - gy - h, cy - gy),
            "middle right": (cx + gx, cx + gx + w, cy - h / 2, cy + h / 2),
            "middle left": (cx - gx - w, cx - gx, cy - h / 2, cy + h / 2),
            "top right": (cx + gx * 0.7, cx + gx * 0.7 + w, cy + gy * 0.7, cy + gy * 0.7 + h),
            "top left": (cx - gx * 0.7 - w, cx - gx * 0.7, cy + gy * 0.7, cy + gy * 0.7 + h),
            "bottom right": (cx + gx * 0.7, cx + gx * 0.7 + w, cy - gy * 0.7 - h, cy - gy * 0.7),
            "bottom left": (cx - gx * 0.7 - w, cx - gx * 0.7, cy - gy * 0.7 - h, cy - gy * 0.7),
        }
        return options

    # first pass: labels that cover nothing; second pass, for the largest nodes still
    # without one (a hub in a crowded centre): a label may cover small markers, never
    # another label -- the most mentioned actors are named on the picture itself
    for strict in (True, False):
        for n in order[:limit]:
            if n in out or (not strict and len(out) >= limit):
                continue
            for text in labels[n] if isinstance(labels[n], list) else [labels[n]]:
                spot = next(
                    (
                        (where, box4)
                        for where, box4 in options_of(n, text).items()
                        if free(*box4, n, markers=strict)
                    ),
                    None,
                )
                if spot is not None:
                    placed.append(spot[1])
                    out[n] = (spot[0], text)
                    break
    return out


def label_choices(name: str) -> list[str]:
    r"""The labels a node may carry, best first: the whole name on one line (when not
    over :data:`LABEL_LONG` characters), on two lines (:func:`wrap_label`), then cut to
    :data:`LABEL_CHARS`.

    Parameters
    ----------
    name : str
        The actor's name.

    Returns
    -------
    list of str
        Distinct labels, lines separated by ``"\n"``.
    """
    name = " ".join(str(name).split())
    out = [name] if len(name) <= LABEL_LONG else []
    out += [wrap_label(name), truncate(name, LABEL_CHARS)]
    return list(dict.fromkeys(out))


def wrap_label(name: str, width: int | None = None) -> str:
    r"""A node label: the name on one line, or on two (split at the space nearest the
    middle) when longer than ``width``; each line cut with "…" past ``width``.

    "Government of the United States" is read whole on two short lines where one
    line would have to be cut ("Government of the Uni…").

    Parameters
    ----------
    name : str
        The actor's name.
    width : int, optional
        Longest line in characters (default :data:`LABEL_CHARS`).

    Returns
    -------
    str
        The label, lines separated by ``"\n"`` (plain text, not escaped).

    Examples
    --------
    >>> wrap_label("Ministry of Foreign Affairs of Ruritania")
    'Ministry of Foreign\nAffairs of Ruritania'
    """
    width = LABEL_CHARS if width is None else width
    name = " ".join(str(name).split())
    if len(name) <= width or " " not in name:
        return truncate(name, width)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: (abs(len(name) / 2 - i), i))
    return truncate(name[:cut], width) + "\n" + truncate(name[cut + 1 :], width)


def co_mention_network(
    edges: Any,
    actors: Any = None,
    *,
    min_weight: int | None = None,
    top: int = 40,
    max_edges: int = 120,
    labels: int = 15,
    seed: int = 7,
    height: int = 560,
    width: int | None = None,
    title: str | None = "Who is mentioned with whom",
) -> go.Figure:
    """The co-mention network of the most connected actors, readable at any corpus size.

    Nodes are the ``top`` actors by weighted degree (the summed weights of their
    co-mention edges), sized by mentions; edges between them at least ``min_weight``
    heavy are drawn, width by weight.  Only the ``labels`` largest nodes are labelled,
    and only where the label fits inside the plot without covering another; every node
    has its name in the hover.  The layout is a networkx spring layout with a fixed
    ``seed`` over nodes and edges added in sorted order, so the same frames always give
    the same picture.

    Parameters
    ----------
    edges : DataFrame or Corpus
        Edges frame (source, target, weight, articles).
    actors : DataFrame, optional
        Actors frame (names, kinds, mentions); taken from ``edges`` when it is a Corpus.
    min_weight : int or None
        Edges lighter than this are left out; ``None`` (default) picks the least weight
        that leaves at most ``max_edges`` edges.
    top : int
        Number of actors drawn (by weighted degree).
    max_edges : int
        Most edges drawn when ``min_weight`` is ``None``.
    labels : int
        At most this many node labels (the most mentioned nodes first).
    seed : int
        Seed of the spring layout.
    height : int
        Figure height in pixels.
    width : int or None
        Figure width in pixels; ``None`` lets the page size it (labels are then fitted
        for :data:`FIT_WIDTH` pixels, a half-width pane).
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        Edge traces (lines, ``meta.newsdesk`` = "edge": one gapped trace per width
        class, :data:`EDGE_WIDTHS`; per point ``customdata`` = ["source|target",
        weight], ``None`` at the gaps) then one node trace per kind ("node", ``customdata`` =
        [actor_id, mentions, name]; ``text`` is the label or "").
    """
    e = frame_of(edges, "edges")
    act = optional_frame(actors, edges, "actors")
    nodes = network_nodes(e, act, top=top)
    keep = set(nodes["actor_id"])
    src, tgt = e["source"].astype(str), e["target"].astype(str)
    e = e[src.isin(keep) & tgt.isin(keep)]
    threshold = _auto_weight(e["weight"], max_edges) if min_weight is None else min_weight
    e = e[e["weight"] >= threshold]
    graph = nx.Graph()
    for node in sorted(keep):
        graph.add_node(node)
    triples = sorted(
        zip(e["source"].astype(str), e["target"].astype(str), e["weight"].astype(int), strict=True)
    )
    for s, t, w in triples:
        # the layout pulls by log weight: a hub's heavy edges do not crush its neighbours
        graph.add_edge(s, t, weight=w, pull=float(np.log1p(w)))
    pos = _layout(graph, seed)
    info = nodes.set_index("actor_id")
    names = info["name"].to_dict()
    fig = go.Figure()
    if triples:
        _add_edges(fig, triples, pos, names)
    ordered = sorted(graph.nodes)
    mentions = {n: int(info.loc[n, "mentions"]) for n in ordered}
    peak = max(mentions.values(), default=1)
    box = _bounds(pos)
    by_size = sorted(ordered, key=lambda n: (-mentions[n], n))
    where = _place_labels(
        ordered,
        pos,
        {n: label_choices(names.get(n, n)) for n in ordered},
        by_size,
        limit=labels,
        box=box,
        px=((width or FIT_WIDTH) - 40.0, max(height - 150.0, 100.0)),
        radius={n: max(5.0, NODE_PX * (mentions[n] / max(peak, 1)) ** 0.5) / 2 for n in ordered},
    )
    kinds = {n: str(info.loc[n, "kind"]) for n in ordered}
    for kind, col in category_colors(kinds.values(), column="kind").items():
        part = [n for n in ordered if kinds[n] == kind]
        fig.add_trace(
            go.Scatter(
                x=[pos[n][0] for n in part],
                y=[pos[n][1] for n in part],
                mode="markers+text",
                name=kind,
                text=[
                    "<br>".join(escape(x) for x in where[n][1].split("\n")) if n in where else ""
                    for n in part
                ],
                textposition=[where[n][0] if n in where else "top center" for n in part],
                textfont={"size": 11},
                marker={
                    "size": [mentions[n] for n in part],
                    "sizemode": "area",
                    "sizeref": 2.0 * peak / (NODE_PX**2),
                    "sizemin": 5,
                    "color": col,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=[[n, mentions[n], escape(names.get(n, n))] for n in part],
                hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[1]} mention(s)"
                "<extra></extra>",
                cliponaxis=False,
                meta={"newsdesk": "node"},
            )
        )
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        height=height,
        width=width,
        margin={"l": 20, "r": 20, "t": 50 if title else 20, "b": 60},
        # the legend under the plot: the nodes get the pane's whole width
        legend={
            "title": {"text": "kind"},
            "itemsizing": "constant",
            "orientation": "h",
            "x": 0,
            "y": -0.02,
            "yanchor": "top",
        },
        xaxis={"visible": False, "range": [box[0], box[1]]},
        yaxis={"visible": False, "range": [box[2], box[3]]},
        hovermode="closest",
        meta={"newsdesk_min_weight": int(threshold), "newsdesk_labels": len(where)},
    )
    return fig


#: Plot width in pixels the labels are fitted for when the figure has no width (a
#: half-width pane of a report or notebook).
FIT_WIDTH = 600
#: Largest marker radius in pixels a label of a hub may cover (see ``_place_labels``).
COVERABLE_PX = 4.0
#: Longest name drawn whole on one line as a node label.
LABEL_LONG = 34
#: Longest node label in characters (longer names are cut with "…"; the hover has them).
LABEL_CHARS = 22
#: Diameter in pixels of the most mentioned node.
NODE_PX = 34
#: Line widths of the edge classes, lightest first (an edge's class: its weight's share
#: of the heaviest edge, in equal steps).
EDGE_WIDTHS = (1.2, 2.4, 4.0, 6.5)


def _add_edges(
    fig: go.Figure,
    triples: list[tuple[str, str, int]],
    pos: dict[str, tuple[float, float]],
    names: dict[str, str],
) -> None:
    """One gapped line trace per width class (:mod:`analysis.figures.segments`)."""
    wmax = max(w for _, _, w in triples)
    classes: dict[int, list] = {}
    for s, t, w in triples:
        k = min(len(EDGE_WIDTHS) - 1, int(len(EDGE_WIDTHS) * w / max(wmax, 1)))
        (x0, y0), (x1, y1) = pos[s], pos[t]
        text = escape(f"{names.get(s, s)} – {names.get(t, t)}: {w} co-mention(s)")
        classes.setdefault(k, []).append(([x0, x1], [y0, y1], [f"{s}|{t}", w], text))
    for k in sorted(classes):
        seg = join_segments(classes[k])
        fig.add_trace(
            go.Scatter(
                x=seg["a"],
                y=seg["b"],
                mode="lines",
                showlegend=False,
                line={"width": EDGE_WIDTHS[k], "color": "rgba(120,120,120,0.45)"},
                hoverinfo="text",
                text=seg["text"],
                customdata=seg["customdata"],
                meta={"newsdesk": "edge", "gaps": True, "edges": len(classes[k])},
            )
        )


def _bounds(pos: dict[str, tuple[float, float]]) -> tuple[float, float, float, float]:
    """Axis ranges around the nodes, with room for labels at the edges."""
    if not pos:
        return (-1.0, 1.0, -1.0, 1.0)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    wx = max(max(xs) - min(xs), 1.0)
    wy = max(max(ys) - min(ys), 1.0)
    return (min(xs) - 0.12 * wx, max(xs) + 0.12 * wx, min(ys) - 0.08 * wy, max(ys) + 0.1 * wy)


def actor_heatmap(
    mentions: Any,
    articles: Any = None,
    *,
    by: Literal["article", "week"] = "article",
    actors: pd.DataFrame | None = None,
    top: int = 15,
    title: str | None = None,
) -> go.Figure:
    """Heatmap of mentions: actors (rows) by article or by publication week (columns).

    Parameters
    ----------
    mentions : DataFrame or Corpus
        Mentions frame (rows with an ``actor_id``).
    articles : DataFrame, optional
        Articles frame (titles, publication dates); taken from a Corpus when given one.
    by : {"article", "week"}
        Columns: one per article (titled), or one per ISO week of publication.
    actors : DataFrame, optional
        Actors frame for names.
    top : int
        Most mentioned actors shown.
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``heatmap`` trace; ``z`` counts mentions.
    """
    if by not in ("article", "week"):
        raise ValueError(f"by must be 'article' or 'week', got {by!r}")
    m = frame_of(mentions, "mentions")
    arts = optional_frame(articles, mentions, "articles")
    act = optional_frame(actors, mentions, "actors")
    names = actor_names(act)
    m = m[m["actor_id"].notna()].copy()
    m["actor_id"] = m["actor_id"].astype(str)
    if by == "week":
        if arts is None:
            raise ValueError("actor_heatmap(by='week') needs the articles frame")
        pub = dict(
            zip(
                arts["article_id"].astype(str),
                pd.to_datetime(arts["published"], utc=True),
                strict=True,
            )
        )
        when = m["article_id"].astype(str).map(pub)
        undated = when.isna()
        if undated.any():
            log.info(
                "actor_heatmap: %d mention(s) in undated articles left out", int(undated.sum())
            )
        m = m[~undated]
        when = when[~undated]
        m["col"] = [
            (w - pd.Timedelta(days=w.weekday())).strftime("%Y-%m-%d")
            for w in when.dt.tz_convert(None)
        ]
        col_label = {c: f"week of {c}" for c in m["col"].unique()}
    else:
        m["col"] = m["article_id"].astype(str)
        titles = {}
        if arts is not None:
            titles = {str(a): t for a, t in zip(arts["article_id"], arts["title"], strict=True)}
        col_label = {c: truncate(titles.get(c) or c, 40) for c in m["col"].unique()}
    table = m.pivot_table(
        index="actor_id", columns="col", values="start", aggfunc="size", fill_value=0
    )
    if len(table):
        order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
        table = table.loc[order.index[:top]]
        table = table.reindex(sorted(table.columns), axis=1)
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy().tolist(),
            x=[escape(col_label[c]) for c in table.columns],
            y=[escape(names.get(a, a)) for a in table.index],
            colorscale="Blues",
            colorbar={"title": "mentions"},
            hovertemplate="%{y}<br>%{x}<br>%{z} mention(s)<extra></extra>",
            meta={"newsdesk": "heatmap", "by": by},
        )
    )
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title if title is not None else f"Actors by {by}",
        height=max(320, 80 + 26 * len(table)),
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"automargin": True},
    )
    return fig


def quote_chart(
    quotes: Any,
    actors: Any = None,
    *,
    articles: pd.DataFrame | None = None,
    top: int = 20,
    top_relays: int = 8,
    title: str | None = "Who is quoted, and who reports it",
) -> go.Figure:
    """Stacked bars: quotes per speaker, split by who relays them.

    The relay is the quote's ``via`` actor ("according to Reuters"), else the article's
    source outlet, else "direct".  The ``top`` speakers get a bar each and the others
    share one ("1,204 other speakers"); quotes whose speaker is no named actor ("they",
    "analysts", "the report") share the bar :data:`UNNAMED_SPEAKERS`; the ``top_relays``
    relays get a colour each and the others share "other outlets": every quote is counted
    once.  A shared bar much longer than the named ones is cut at the plot's edge, with
    its value written on it.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``bar`` trace per relay (``meta.newsdesk`` = "quotes"); ``y`` = speakers.
    """
    q = frame_of(quotes, "quotes").copy()
    act = optional_frame(actors, quotes, "actors")
    arts = optional_frame(articles, quotes, "articles")
    names = actor_names(act)
    sources = {}
    if arts is not None:
        sources = {
            str(a): s
            for a, s in zip(arts["article_id"], arts["source"], strict=True)
            if pd.notna(s)
        }
    speaker = [
        names.get(str(s), str(s))
        if pd.notna(s)
        else (str(t) if pd.notna(t) and not _unnamed(str(t)) else UNNAMED_SPEAKERS)
        for s, t in zip(q["speaker"], q["speaker_text"], strict=True)
    ]
    via = [
        names.get(str(v), str(v)) if pd.notna(v) else sources.get(str(a), "direct")
        for v, a in zip(q["via"], q["article_id"], strict=True)
    ]
    q["_speaker"] = speaker
    q["_via"] = via
    totals = q.groupby("_speaker").size().sort_values(ascending=False, kind="stable")
    named = totals.drop(UNNAMED_SPEAKERS, errors="ignore")
    keep = named.index[:top].tolist()
    other = None
    if len(named) > top:
        other = f"{len(named) - top:,} other speakers"
        rest = ~q["_speaker"].isin(keep) & (q["_speaker"] != UNNAMED_SPEAKERS)
        q.loc[rest, "_speaker"] = other
        keep.append(other)
    if UNNAMED_SPEAKERS in totals.index:
        keep.append(UNNAMED_SPEAKERS)
    relays = q.groupby("_via").size().sort_values(ascending=False, kind="stable")
    if len(relays) > top_relays:
        q.loc[~q["_via"].isin(relays.index[:top_relays]), "_via"] = "other outlets"
    fig = go.Figure()
    colors = category_colors([v for v in q["_via"].unique() if v != "other outlets"])
    if "other outlets" in set(q["_via"]):
        colors["other outlets"] = OTHERS_COLOR
    for relay, col in colors.items():
        part = q[q["_via"] == relay]
        counts = part.groupby("_speaker").size()
        examples = part.groupby("_speaker")["text"].first()
        fig.add_trace(
            go.Bar(
                x=counts.astype(int).tolist(),
                y=[escape(s) for s in counts.index],
                orientation="h",
                name=escape(relay),
                marker_color=col,
                customdata=[[escape(truncate(examples[s], 140))] for s in counts.index],
                hovertemplate="<b>%{y}</b> via "
                + escape(relay)
                + ": %{x} quote(s)<br>“%{customdata[0]}”<extra></extra>",
                meta={"newsdesk": "quotes"},
            )
        )
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        barmode="stack",
        legend_title_text="reported by",
        xaxis_title="quotes",
        height=max(280, 80 + 28 * len(keep)),
        yaxis={
            "categoryorder": "array",
            "categoryarray": [escape(s) for s in keep[::-1]],
            "automargin": True,
        },
    )
    sizes = q.groupby("_speaker").size()
    top_named = sizes.drop([k for k in (other, UNNAMED_SPEAKERS) if k], errors="ignore")
    longest = float(top_named.max()) if len(top_named) else 0.0
    for label in (other, UNNAMED_SPEAKERS):
        if label and label in sizes.index:
            _cut_others(fig, longest, float(sizes[label]), escape(label))
    return fig
