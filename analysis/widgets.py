"""An ipywidgets explorer: filters that update the map, actor chart and timeline together.

>>> from analysis.widgets import explorer          # doctest: +SKIP
>>> explorer(corpus)                               # doctest: +SKIP

The filters mean the same as in the offline report (:mod:`analysis.report`): sources,
actors (articles mentioning any of them), publication date range and text search select
articles; event types select events; every view shows what the kept articles say.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis import schema
from analysis.figures import actor_mentions, place_map, summit_timeline

__all__ = ["explorer", "Explorer", "View", "select", "figure_bundle"]

log = logging.getLogger(__name__)

_FRAMES = tuple(schema.SCHEMAS)
UNKNOWN_SOURCE = "(unknown source)"


@dataclass
class View:
    """The frames a filter keeps (same attributes as a Corpus, so figures accept it)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    edges: pd.DataFrame
    places: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame


def _frames(corpus: Any) -> dict[str, pd.DataFrame]:
    out = {}
    for name in _FRAMES:
        value = getattr(corpus, name, None)
        if isinstance(value, pd.DataFrame):
            out[name] = schema.check(value, name)
        else:
            out[name] = schema.empty(name)
    return out


def _day(value: Any) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    ts = pd.Timestamp(value)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def select(
    corpus: Any,
    *,
    actors: list[str] | tuple[str, ...] | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    sources: list[str] | tuple[str, ...] | None = None,
    event_types: list[str] | tuple[str, ...] | None = None,
    text: str | None = None,
) -> View:
    """Keep the articles (and what they say) matching every given filter.

    Parameters
    ----------
    corpus : Corpus
        Any object with the corpus frames as attributes.
    actors : list of str, optional
        actor_ids; keeps articles mentioning any of them.
    start, end : date or str, optional
        Publication date range, both days included (undated articles are dropped when a
        bound is given).
    sources : list of str, optional
        Article sources to keep ("(unknown source)" for articles without one).
    event_types : list of str, optional
        Event types to keep (filters events only).
    text : str, optional
        Case-insensitive text searched in titles and texts.

    Returns
    -------
    View
        Filtered frames; actors/edges keep only actors mentioned in the kept articles,
        with ``mentions``/``articles`` recounted.
    """
    f = _frames(corpus)
    arts = f["articles"]
    keep = pd.Series(True, index=arts.index)
    if sources is not None:
        src = arts["source"].astype("string").fillna(UNKNOWN_SOURCE)
        keep &= src.isin(list(sources))
    published = pd.to_datetime(arts["published"], utc=True)
    lo, hi = _day(start), _day(end)
    if lo is not None:
        keep &= published.notna() & (published >= lo)
    if hi is not None:
        keep &= published.notna() & (published < hi + pd.Timedelta(days=1))
    if actors:
        m = f["mentions"]
        hit = set(m.loc[m["actor_id"].isin(list(actors)), "article_id"].astype(str))
        keep &= arts["article_id"].astype(str).isin(hit)
    if text:
        needle = text.strip().lower()
        if needle:
            hay = (
                arts["title"].astype("string").fillna("")
                + "\n"
                + arts["text"].astype("string").fillna("")
            ).str.lower()
            keep &= hay.str.contains(needle, regex=False).fillna(False).astype(bool)
    ids = set(arts.loc[keep, "article_id"].astype(str))

    def by_article(df: pd.DataFrame) -> pd.DataFrame:
        return df[df["article_id"].astype(str).isin(ids)].reset_index(drop=True)

    mentions = by_article(f["mentions"])
    events = by_article(f["events"])
    if event_types is not None:
        events = events[events["type"].astype("string").isin(list(event_types))]
        events = events.reset_index(drop=True)
    am = mentions[mentions["actor_id"].notna()]
    counts = am.groupby("actor_id").agg(
        mentions=("start", "size"), articles=("article_id", "nunique")
    )
    act = (
        f["actors"]
        .drop(columns=["mentions", "articles"])
        .merge(counts, left_on="actor_id", right_index=True, how="inner")
    )
    act = schema.conform(act, "actors")
    present = set(act["actor_id"].astype(str))
    edges = f["edges"]
    edges = edges[
        edges["source"].astype(str).isin(present) & edges["target"].astype(str).isin(present)
    ].reset_index(drop=True)
    return View(
        articles=arts[keep].reset_index(drop=True),
        sentences=by_article(f["sentences"]),
        mentions=mentions,
        actors=act,
        quotes=by_article(f["quotes"]),
        edges=edges,
        places=by_article(f["places"]),
        timexes=by_article(f["timexes"]),
        events=events,
    )


def figure_bundle(fig: go.Figure) -> dict:
    """A display mimebundle of ``fig``: plotly's JSON (JupyterLab) and an HTML fallback."""
    spec = json.loads(fig.to_json())
    spec["config"] = {"displaylogo": False}
    return {
        "application/vnd.plotly.v1+json": spec,
        "text/html": pio.to_html(
            fig,
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            default_width="100%",
            config={"displaylogo": False},
        ),
        "text/plain": f"<{fig.layout.title.text or 'plotly figure'}>",
    }


class Explorer(widgets.VBox):
    """The explorer panel (see :func:`explorer`); ``controls``, ``figures``, ``view``."""

    def __init__(self, corpus: Any, *, reference: pd.DataFrame | None = None) -> None:
        self.corpus = corpus
        self.reference = reference
        f = _frames(corpus)
        arts, actors, events = f["articles"], f["actors"], f["events"]
        active = actors[actors["mentions"] > 0].sort_values(
            ["mentions", "name"], ascending=[False, True]
        )
        actor_options = [
            (f"{n} ({m})", str(a))
            for n, m, a in zip(active["name"], active["mentions"], active["actor_id"], strict=True)
        ]
        sources = sorted(set(arts["source"].astype("string").fillna(UNKNOWN_SOURCE)))
        types = sorted(set(events["type"].astype("string").dropna()))
        published = pd.to_datetime(arts["published"], utc=True).dropna()
        layout = widgets.Layout(width="auto")
        self.controls: dict[str, widgets.Widget] = {
            "actors": widgets.SelectMultiple(
                options=actor_options, rows=6, description="Actors", layout=layout
            ),
            "sources": widgets.SelectMultiple(
                options=sources, value=tuple(sources), rows=4, description="Sources", layout=layout
            ),
            "event_types": widgets.SelectMultiple(
                options=types, value=tuple(types), rows=4, description="Event types", layout=layout
            ),
            "start": widgets.DatePicker(
                description="From", value=published.min().date() if len(published) else None
            ),
            "end": widgets.DatePicker(
                description="To", value=published.max().date() if len(published) else None
            ),
            "text": widgets.Text(
                description="Text", placeholder="search titles and text", continuous_update=False
            ),
        }
        self.counts = widgets.HTML()
        self.outputs = {name: widgets.Output() for name in ("map", "actors", "timeline")}
        self.figures: dict[str, go.Figure] = {}
        self.view: View | None = None
        reset = widgets.Button(description="Reset", icon="undo")
        reset.on_click(lambda _: self.reset())
        c = self.controls
        panel = widgets.HBox(
            [
                widgets.VBox([c["actors"]]),
                widgets.VBox([c["sources"], c["event_types"]]),
                widgets.VBox([c["start"], c["end"], c["text"], reset]),
            ]
        )
        super().__init__(
            [
                panel,
                self.counts,
                self.outputs["map"],
                widgets.HBox(
                    [self.outputs["actors"], self.outputs["timeline"]],
                    layout=widgets.Layout(width="100%"),
                ),
            ]
        )
        self._defaults = {k: w.value for k, w in self.controls.items()}
        for w in self.controls.values():
            w.observe(self._changed, names="value")
        self.update()

    def _changed(self, _change: dict) -> None:
        self.update()

    def reset(self) -> None:
        """Put every control back to its initial value (one redraw)."""
        for name, w in self.controls.items():
            w.unobserve(self._changed, names="value")
            w.value = self._defaults[name]
            w.observe(self._changed, names="value")
        self.update()

    def filters(self) -> dict:
        """The current filter values, as keyword arguments of :func:`select`."""
        c = self.controls
        all_sources = tuple(c["sources"].options)
        all_types = tuple(c["event_types"].options)
        return {
            "actors": list(c["actors"].value) or None,
            "sources": None
            if set(c["sources"].value) == set(all_sources)
            else list(c["sources"].value),
            "event_types": None
            if set(c["event_types"].value) == set(all_types)
            else list(c["event_types"].value),
            "start": c["start"].value,
            "end": c["end"].value,
            "text": c["text"].value or None,
        }

    def update(self) -> None:
        """Filter the corpus with the current values and redraw every view."""
        view = select(self.corpus, **self.filters())
        self.view = view
        self.figures = {
            "map": place_map(
                view.places,
                sentences=view.sentences,
                events=view.events,
                actors=view.actors,
                arcs=True,
            ),
            "actors": actor_mentions(view.actors, top=15),
            "timeline": summit_timeline(
                view.events, actors=view.actors, articles=view.articles, reference=self.reference
            ),
        }
        for name, fig in self.figures.items():
            self.outputs[name].outputs = (
                {"output_type": "display_data", "data": figure_bundle(fig), "metadata": {}},
            )
        n_places = view.places["place_id"].nunique()
        self.counts.value = (
            f"<b>{len(view.articles)}</b> of {len(self.corpus.articles)} articles, "
            f"<b>{n_places}</b> places, <b>{len(view.events)}</b> events kept"
        )


def explorer(corpus: Any, *, reference: pd.DataFrame | None = None) -> Explorer:
    """An ipywidgets panel to explore ``corpus`` (JupyterLab 4).

    Controls (actors, date range, event types, sources, text search) update the map,
    the actor chart and the summit timeline together; a label says how many articles,
    places and events the filter keeps.

    Parameters
    ----------
    corpus : Corpus
        Any object with the corpus frames as attributes.
    reference : DataFrame, optional
        Reference timeline marked on the summit timeline.

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox``; ``.controls`` holds the input widgets, ``.figures`` the
        current plotly figures and ``.view`` the filtered frames.
    """
    return Explorer(corpus, reference=reference)
