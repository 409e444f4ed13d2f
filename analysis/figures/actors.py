"""Actor charts: mentions by actor, the co-mention network, heatmaps, who quotes whom."""

from __future__ import annotations

import logging
from typing import Any, Literal

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate

__all__ = ["actor_mentions", "actor_counts", "co_mention_network", "actor_heatmap", "quote_chart"]

log = logging.getLogger(__name__)


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
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``bar`` trace per kind; ``customdata`` holds the actor_id.
    """
    counts = actor_counts(actors, mentions=mentions).head(top)
    fig = go.Figure()
    order = counts["name"].tolist()
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
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        barmode="stack",
        legend_title_text="kind",
        height=max(300, 60 + 24 * len(order)),
        xaxis_title="mentions",
        yaxis={
            "categoryorder": "array",
            "categoryarray": [escape(n) for n in order[::-1]],
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
        layout = nx.spring_layout(sub, seed=seed, weight="weight", iterations=100, scale=scale)
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
    return pos


def co_mention_network(
    edges: Any,
    actors: Any = None,
    *,
    min_weight: int = 1,
    top: int = 40,
    seed: int = 7,
    title: str | None = "Who is mentioned with whom",
) -> go.Figure:
    """The co-mention network: nodes sized by mentions, edge width by weight.

    The layout is a networkx spring layout with a fixed ``seed`` over nodes and edges
    added in sorted order, so the same frames always give the same picture.

    Parameters
    ----------
    edges : DataFrame or Corpus
        Edges frame (source, target, weight, articles).
    actors : DataFrame, optional
        Actors frame (names, kinds, mentions); taken from ``edges`` when it is a Corpus.
    min_weight : int
        Edges lighter than this are left out.
    top : int
        Keep the ``top`` most mentioned actors (and the edges between them).
    seed : int
        Seed of the spring layout.
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        Edge traces (lines, ``customdata`` = "source|target") then one node trace per kind
        (``customdata`` = actor_id).
    """
    e = frame_of(edges, "edges")
    act = optional_frame(actors, edges, "actors")
    if act is None:
        act = schema.empty("actors")
    e = e[e["weight"] >= min_weight]
    counts = actor_counts(act) if len(act) else act
    keep = set(counts["actor_id"].astype(str).head(top)) if len(act) else set()
    if not keep:  # no actors frame: nodes are the edge ends
        keep = set(e["source"].astype(str)) | set(e["target"].astype(str))
    e = e[e["source"].astype(str).isin(keep) & e["target"].astype(str).isin(keep)]
    graph = nx.Graph()
    for node in sorted(keep):
        graph.add_node(node)
    for s, t, w in sorted(
        zip(e["source"].astype(str), e["target"].astype(str), e["weight"].astype(int), strict=True)
    ):
        graph.add_edge(s, t, weight=w)
    pos = _layout(graph, seed)
    names = actor_names(act)
    info = {str(r.actor_id): r for r in counts.itertuples(index=False)} if len(act) else {}
    fig = go.Figure()
    if len(e):
        wmax = max(int(e["weight"].max()), 1)
        for s, t, w in sorted(
            zip(
                e["source"].astype(str),
                e["target"].astype(str),
                e["weight"].astype(int),
                strict=True,
            )
        ):
            (x0, y0), (x1, y1) = pos[s], pos[t]
            key = f"{s}|{t}"
            fig.add_trace(
                go.Scatter(
                    x=[x0, x1],
                    y=[y0, y1],
                    mode="lines",
                    showlegend=False,
                    line={"width": 1 + 7 * w / wmax, "color": "rgba(120,120,120,0.45)"},
                    hoverinfo="text",
                    text=escape(f"{names.get(s, s)} – {names.get(t, t)}: {w}"),
                    customdata=[[key], [key]],
                    meta={"newsdesk": "edge"},
                )
            )
    nodes = sorted(graph.nodes)
    kinds = {n: (str(info[n].kind) if n in info else "other") for n in nodes}
    mentions = {n: (int(info[n].mentions) if n in info else 1) for n in nodes}
    peak = max(mentions.values(), default=1)
    for kind, col in category_colors(kinds.values(), column="kind").items():
        part = [n for n in nodes if kinds[n] == kind]
        fig.add_trace(
            go.Scatter(
                x=[pos[n][0] for n in part],
                y=[pos[n][1] for n in part],
                mode="markers+text",
                name=kind,
                text=[escape(names.get(n, n)) for n in part],
                textposition="top center",
                marker={
                    "size": [mentions[n] for n in part],
                    "sizemode": "area",
                    "sizeref": 2.0 * peak / (40**2),
                    "sizemin": 6,
                    "color": col,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=[[n, mentions[n]] for n in part],
                hovertemplate="<b>%{text}</b><br>%{customdata[1]} mention(s)<extra></extra>",
                meta={"newsdesk": "node"},
            )
        )
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        height=520,
        legend={"title": {"text": "kind"}, "itemsizing": "constant"},
        xaxis={"visible": False},
        yaxis={"visible": False},
        hovermode="closest",
    )
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        fig.update_xaxes(range=[min(xs) - 0.35, max(xs) + 0.35])
        fig.update_yaxes(range=[min(ys) - 0.2, max(ys) + 0.25])
    return fig


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
    title: str | None = "Who is quoted, and who reports it",
) -> go.Figure:
    """Stacked bars: quotes per speaker, split by who relays them.

    The relay is the quote's ``via`` actor ("according to Reuters"), else the article's
    source outlet, else "direct".

    Returns
    -------
    plotly.graph_objects.Figure
        One ``bar`` trace per relaying outlet; ``y`` = speakers.
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
        names.get(str(s), str(s)) if pd.notna(s) else (str(t) if pd.notna(t) else "unknown")
        for s, t in zip(q["speaker"], q["speaker_text"], strict=True)
    ]
    via = [
        names.get(str(v), str(v)) if pd.notna(v) else sources.get(str(a), "direct")
        for v, a in zip(q["via"], q["article_id"], strict=True)
    ]
    q["_speaker"] = speaker
    q["_via"] = via
    totals = q.groupby("_speaker").size().sort_values(ascending=False, kind="stable")
    keep = totals.index[:top].tolist()
    q = q[q["_speaker"].isin(keep)]
    fig = go.Figure()
    for relay, col in category_colors(q["_via"].tolist()).items():
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
    return fig
