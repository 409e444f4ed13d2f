"""An ipywidgets explorer: filters that update the map, actor chart and timeline together.

>>> from analysis.widgets import explorer          # doctest: +SKIP
>>> explorer(corpus)                               # doctest: +SKIP

The filters are those of :mod:`analysis.selection` (the same meaning as
:meth:`Corpus.filter <analysis.corpus.Corpus.filter>` and the offline report): actors,
sources, event types, publication date range and a plain text search select articles,
AND across filters; every view shows what the kept articles say.  Undated articles stay
unless a date is set, and the panel says how many of the kept articles are undated;
near-duplicates are hidden (the selection's default) and the panel says how many.  A
redraw recomputes the event groups over the kept events when they are at most
:data:`REGROUP_MAX`, else keeps the corpus-wide groups (``Selector.select(fast=True)``:
a group then may have been formed with members the filter dropped);
:meth:`Corpus.filter <analysis.corpus.Corpus.filter>` always regroups.

Built for real corpora: the per-article indexes are computed once (a
:class:`~analysis.selection.Selector`), each change filters with vectorised lookups and
redraws only the figures, typing in the text box is debounced, and the build and every
redraw say what they are doing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis.corrections.panel import CorrectionsPanel, has_store, selection_state
from analysis.figures import actor_mentions, place_map, summit_timeline
from analysis.selection import UNKNOWN_SOURCE, UNKNOWN_TYPE, Selector, View, select

__all__ = ["explorer", "Explorer", "View", "select", "figure_bundle"]

log = logging.getLogger(__name__)

#: Most actors listed in the actor control (the most mentioned).
MAX_ACTOR_OPTIONS = 1000
#: A redraw recomputes the event groups over the kept events when there are at most this
#: many (about 0.1 s at 3,000 events on a shared 2-core machine); above, it keeps the
#: corpus-wide groups.
REGROUP_MAX = 4000
_BUILD_STEPS = ("index", "controls", "filter", "map", "actors", "timeline")


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
    """The explorer panel (see :func:`explorer`); ``controls``, ``figures``, ``view``.

    ``corrections``: add the corrections panel (``.corrections``, a
    :class:`~analysis.corrections.panel.CorrectionsPanel`); by default when the corpus
    has a store, where its corrections are written."""

    def __init__(
        self,
        corpus: Any,
        *,
        reference: pd.DataFrame | None = None,
        debounce: float = 0.4,
        top_actors: int = 15,
        max_actor_options: int = MAX_ACTOR_OPTIONS,
        corrections: bool | None = None,
    ) -> None:
        self.corpus = corpus
        self.corrections = None  # the corrections panel (see _add_corrections)
        self.reference = reference
        self.top_actors = top_actors
        self.debounce = debounce
        self.timings: dict[str, float] = {}
        self.status = widgets.HTML(value="<i>Indexing the articles…</i>")
        self.progress = widgets.IntProgress(
            value=0, min=0, max=len(_BUILD_STEPS), description="Building", bar_style="info"
        )
        self.counts = widgets.HTML()
        self.outputs = {name: widgets.Output() for name in ("map", "actors", "timeline")}
        self.figures: dict[str, go.Figure] = {}
        self.view: View | None = None
        self._pending = None
        self._quiet = False
        super().__init__([self.progress, self.status])
        t0 = time.perf_counter()
        self._step("indexing the articles")
        self.selector = Selector(corpus, state=selection_state(corpus))
        f = self.selector.frames
        self._step("listing actors, sources and event types")
        self.controls = self._controls(f, max_actor_options)
        reset = widgets.Button(description="Reset", icon="undo")
        reset.on_click(lambda _: self.reset())
        c = self.controls
        layout = widgets.Layout(width="100%")
        panel = widgets.HBox(
            [
                widgets.VBox([c["actors"]]),
                widgets.VBox([c["sources"], c["event_types"]]),
                widgets.VBox([c["start"], c["end"], c["text"], reset]),
            ]
        )
        self._defaults = {k: w.value for k, w in self.controls.items()}
        for name, w in self.controls.items():
            w.observe(self._typed if name == "text" else self._changed, names="value")
        self.timings["index"] = time.perf_counter() - t0
        self.update(progress=True)
        self.children = (
            panel,
            self.counts,
            self.status,
            self.outputs["map"],
            widgets.HBox([self.outputs["actors"], self.outputs["timeline"]], layout=layout),
        )
        self._max_actor_options = max_actor_options
        if corrections or (corrections is None and has_store(corpus)):
            self._add_corrections()
        self.timings["build"] = time.perf_counter() - t0

    # ---------------------------------------------------------------- controls
    def _controls(self, f: dict[str, pd.DataFrame], limit: int) -> dict[str, widgets.Widget]:
        arts, actors, events = f["articles"], f["actors"], f["events"]
        active = actors[actors["mentions"] > 0].sort_values(
            ["mentions", "name"], ascending=[False, True]
        )
        if len(active) > limit:
            log.info("explorer: the %d most mentioned of %d actors listed", limit, len(active))
            active = active.head(limit)
        actor_options = [
            (f"{n} ({m})", str(a))
            for n, m, a in zip(
                active["name"].astype("string").fillna(active["actor_id"].astype("string")),
                active["mentions"],
                active["actor_id"],
                strict=True,
            )
        ]
        sources = sorted(set(arts["source"].astype("string").fillna(UNKNOWN_SOURCE)))
        types = sorted(set(events["type"].astype("string").fillna(UNKNOWN_TYPE)))
        layout = widgets.Layout(width="auto")
        return {
            "actors": widgets.SelectMultiple(
                options=actor_options, rows=6, description="Actors", layout=layout
            ),
            "sources": widgets.SelectMultiple(
                options=sources, value=tuple(sources), rows=4, description="Sources", layout=layout
            ),
            "event_types": widgets.SelectMultiple(
                options=types, value=tuple(types), rows=4, description="Event types", layout=layout
            ),
            # no date by default: undated articles stay until a date is set
            "start": widgets.DatePicker(description="From", value=None),
            "end": widgets.DatePicker(description="To", value=None),
            "text": widgets.Text(
                description="Text",
                placeholder="words in titles and text",
                continuous_update=True,
            ),
        }

    def _step(self, what: str) -> None:
        self.progress.value = min(self.progress.value + 1, self.progress.max)
        self.status.value = f"<i>{what.capitalize()}…</i>"

    def _changed(self, _change: dict) -> None:
        if not self._quiet:
            self.update()

    def _typed(self, _change: dict) -> None:
        """Text typing: redraw once the typing pauses for ``debounce`` seconds."""
        if self._quiet:
            return
        loop = _running_loop()
        if loop is None or self.debounce <= 0:
            self.update()
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.debounce, self.update)

    def reset(self) -> None:
        """Put every control back to its initial value (one redraw)."""
        self.apply(**{k: None for k in self.controls})

    def apply(self, **values: Any) -> None:
        """Set several controls at once (filter names of :func:`select`), one redraw.

        ``None`` puts a control back to its initial value; ``sources`` and
        ``event_types`` given as lists select those entries; ``actors`` takes ids.
        """
        unknown = set(values) - set(self.controls)
        if unknown:
            raise TypeError(f"unknown filter(s) {sorted(unknown)}; valid: {sorted(self.controls)}")
        self._quiet = True
        try:
            for name, value in values.items():
                w = self.controls[name]
                if value is None:
                    w.value = self._defaults[name]
                elif name in ("actors", "sources", "event_types"):
                    wanted = [value] if isinstance(value, str) else list(value)
                    if name == "actors":
                        wanted = sorted(self.selector.resolve_actors(wanted))
                    allowed = {v if isinstance(v, str) else v[1] for v in w.options}
                    w.value = tuple(v for v in wanted if v in allowed)
                elif name in ("start", "end"):
                    w.value = pd.Timestamp(value).date()
                else:
                    w.value = value
        finally:
            self._quiet = False
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

    # ------------------------------------------------------------------ redraw
    def update(self, *, progress: bool = False) -> None:
        """Filter the corpus with the current values and redraw every view."""
        self._pending = None
        say = self._step if progress else self._say
        t0 = time.perf_counter()
        say("filtering")
        view = self.selector.select(fast=True, regroup_max=REGROUP_MAX, **self.filters())
        self.view = view
        t1 = time.perf_counter()
        say("drawing the map")
        figures = {
            "map": place_map(
                view.places, sentences=view.sentences, events=view.events, actors=view.actors
            )
        }
        say("drawing the actors")
        figures["actors"] = actor_mentions(view.actors, top=self.top_actors)
        say("drawing the timeline")
        figures["timeline"] = summit_timeline(
            view.events, actors=view.actors, articles=view.articles, reference=self.reference
        )
        self.figures = figures
        t2 = time.perf_counter()
        for name, fig in figures.items():
            self.outputs[name].outputs = (
                {"output_type": "display_data", "data": figure_bundle(fig), "metadata": {}},
            )
        self.timings.update(
            select=t1 - t0, figures=t2 - t1, display=time.perf_counter() - t2,
            update=time.perf_counter() - t0,
        )  # fmt: skip
        self.counts.value = self._counts(view)
        if self.corrections is not None:  # its place and event lists follow the filters
            self.corrections.follow(view)
        self.status.value = ""
        if progress:
            self.progress.layout.display = "none"

    # ------------------------------------------------------------- corrections
    def _add_corrections(self) -> None:
        """A folded "Corrections" section: each correction redraws the views."""
        self.corrections = CorrectionsPanel(self.corpus, on_corrected=self.set_corpus)
        self.corrections.follow(self.view)
        fold = widgets.Accordion([self.corrections], selected_index=None)
        fold.set_title(0, "Corrections")
        self.children = (*self.children, fold)

    def set_corpus(self, corpus: Any) -> None:
        """Show ``corpus`` (e.g. just corrected): re-index it, refresh the choices of
        the controls (keeping what is still chosen), and redraw with the same filters."""
        self.corpus = corpus
        self.selector = Selector(corpus, state=selection_state(corpus))
        fresh = self._controls(self.selector.frames, self._max_actor_options)
        self._quiet = True
        try:
            for name in ("actors", "sources", "event_types"):
                w, options = self.controls[name], fresh[name].options
                every = name != "actors" and set(w.value) == set(self._defaults[name])
                keep = tuple(
                    v for v in w.value if v in {o if isinstance(o, str) else o[1] for o in options}
                )
                w.options = options
                w.value = tuple(options) if every else keep
                if name != "actors":
                    self._defaults[name] = tuple(options)
        finally:
            self._quiet = False
        for w in fresh.values():  # only their options were wanted
            w.close()
        self.update()

    def _say(self, what: str) -> None:
        self.status.value = f"<i>{what.capitalize()}…</i>"

    def _counts(self, view: View) -> str:
        n_places = view.places["place_id"].nunique()
        text = (
            f"<b>{len(view.articles):,}</b> of {view.total:,} articles, "
            f"<b>{n_places:,}</b> places, <b>{len(view.events):,}</b> events kept"
        )
        dated = self.controls["start"].value is not None or self.controls["end"].value is not None
        undated_all = int((~self.selector.dated).sum())
        if view.undated:
            text += f"; {view.undated:,} of the kept articles are undated"
        elif dated and undated_all:
            text += f"; {undated_all:,} undated article(s) left out by the date range"
        if view.duplicates_hidden:
            text += f"; {view.duplicates_hidden:,} near-duplicate(s) hidden"
        return text


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        try:  # a Jupyter kernel's loop runs, but not in this frame
            loop = asyncio.get_event_loop_policy().get_event_loop()
        except RuntimeError:
            return None
        return loop if loop.is_running() else None


def explorer(
    corpus: Any, *, reference: pd.DataFrame | None = None, debounce: float = 0.4
) -> Explorer:
    """An ipywidgets panel to explore ``corpus`` (JupyterLab 4).

    Controls (actors, date range, event types, sources, text search) update the map,
    the actor chart and the summit timeline together; a label says how many articles,
    places and events the filter keeps and how many kept articles are undated.  The
    filters mean what :mod:`analysis.selection` says.

    Parameters
    ----------
    corpus : Corpus
        Any object with the corpus frames as attributes.
    reference : DataFrame, optional
        Reference timeline marked on the summit timeline.
    debounce : float
        Seconds the text box waits after the last key before redrawing.

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox``; ``.controls`` holds the input widgets, ``.figures`` the
        current plotly figures, ``.view`` the filtered frames (a
        :class:`~analysis.selection.View`) and ``.timings`` the seconds of the last
        build and redraw.
    """
    return Explorer(corpus, reference=reference, debounce=debounce)
