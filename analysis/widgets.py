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
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis import schema
from analysis.figures import actor_mentions, place_map, summit_timeline
from analysis.selection import UNKNOWN_SOURCE, Selector, View
from analysis.selection import select as _select

__all__ = ["explorer", "Explorer", "View", "select", "figure_bundle"]

log = logging.getLogger(__name__)

_FRAMES = tuple(schema.SCHEMAS)


def select(corpus: Any, **filters: Any) -> View:
    """Keep the articles (and what they say) matching every given filter.

    The same function as :func:`analysis.selection.select` (one meaning for every
    filter: see :mod:`analysis.selection`).
    """
    return _select(corpus, **filters)


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
        f = Selector(corpus).frames
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
