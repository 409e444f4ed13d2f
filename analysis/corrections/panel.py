"""The explorer's corrections panel: merge actors, re-geocode a place, drop an event.

>>> from analysis.corrections.panel import CorrectionsPanel      # doctest: +SKIP
>>> panel = CorrectionsPanel(corpus, on_corrected=show)          # doctest: +SKIP

Each button makes the correction through ``corpus.corrections`` (so it is validated,
written to the store's ``corrections.csv`` and replayed like any other), replaces the
panel's corpus with the corrected one, and calls ``on_corrected(corpus)`` so the views
can redraw.  The last tab lists every correction with its state (applied or stale, and
why).  In the explorer, the place and event lists follow its filters (:meth:`follow`):
filter the views down to what looks wrong, then correct it.  :class:`analysis.widgets.Explorer` adds the panel, folded, under its views.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import pandas as pd

__all__ = ["CorrectionsPanel", "has_store", "selection_state", "MAX_OPTIONS"]

#: Most places or events listed in a chooser (the filter box narrows the list).
MAX_OPTIONS = 500

#: Operations after which the per-article actor parts of a store no longer match the
#: corrected frames (views then recount actors and edges from the corrected mentions).
_ACTOR_OPS = {"merge-actors", "split-alias", "exclude-article"}


def has_store(corpus: Any) -> bool:
    """Whether ``corpus`` writes its corrections to a file (a store or a ledger)."""
    return (
        getattr(corpus, "_ledger", None) is not None
        or getattr(corpus, "_state_dir", None) is not None
    )


def selection_state(corpus: Any) -> dict | None:
    """The per-article parts a :class:`~analysis.selection.Selector` should use.

    ``None`` (the corpus' own parts) unless an applied correction changed actors
    (merge, split, excluded article): then ``{}``, so selections recount actors and
    edges from the corrected mentions instead of the pipeline's stored parts.
    """
    st = getattr(corpus, "_correction_status", None)
    if st is None or not len(st):
        return None
    hit = st[(st["state"] == "applied") & st["op"].isin(_ACTOR_OPS)]
    return {} if len(hit) else None


class CorrectionsPanel(widgets.VBox):
    """Tabs to correct a corpus (actors, places, events) and the list of corrections.

    Parameters
    ----------
    corpus : Corpus
        The corpus to correct (normally one loaded from, or built into, a store).
    on_corrected : callable, optional
        Called with the corrected corpus after each correction.

    Attributes
    ----------
    corpus : Corpus
        The current (corrected) corpus.
    message : ipywidgets.HTML
        What the last action did, or why it was refused.
    """

    def __init__(self, corpus: Any, *, on_corrected: Callable[[Any], None] | None = None):
        self.corpus = corpus
        self.on_corrected = on_corrected
        self._gazetteer: dict[str, pd.DataFrame] = {}  # place text -> its candidates
        self._found = pd.DataFrame()
        self._labels: pd.Series | None = None  # event id -> label, for the current corpus
        self._shown: tuple[set[str], set[str]] | None = None  # (place texts, event ids)
        wide = widgets.Layout(width="98%")
        self.message = widgets.HTML()
        self.who = widgets.Text(description="Who", placeholder="your name (optional)")
        self.why = widgets.Text(description="Why", placeholder="reason, kept in the file")
        # actors
        self.actors = widgets.SelectMultiple(description="Actors", rows=8, layout=wide)
        self.merge_into = widgets.Dropdown(description="Keep", layout=wide)
        self.merge_button = widgets.Button(description="Merge actors", icon="compress")
        self.actors.observe(self._actors_chosen, names="value")
        self.merge_button.on_click(lambda _b: self.merge())
        # places
        self.place_filter = widgets.Text(description="Find", placeholder="place text")
        self.place = widgets.Dropdown(description="Place", layout=wide)
        self.place_scope = widgets.Dropdown(description="Where", layout=wide)
        self.candidates = widgets.RadioButtons(description="Candidates", layout=wide)
        self.geocode_button = widgets.Button(description="Re-geocode", icon="map-marker")
        self.not_place_button = widgets.Button(description="Not a place", icon="ban")
        self.place_filter.observe(lambda _c: self._list_places(), names="value")
        self.place.observe(self._place_chosen, names="value")
        self.geocode_button.on_click(lambda _b: self.geocode())
        self.not_place_button.on_click(lambda _b: self.not_a_place())
        # events
        self.event_filter = widgets.Text(description="Find", placeholder="type, actor, place")
        self.event = widgets.Dropdown(description="Event", layout=wide)
        self.drop_button = widgets.Button(description="Drop event", icon="trash")
        self.event_filter.observe(lambda _c: self._list_events(), names="value")
        self.drop_button.on_click(lambda _b: self.drop())
        # the list
        self.listing = widgets.HTML()
        tabs = widgets.Tab(
            [
                widgets.VBox([self.actors, self.merge_into, self.merge_button]),
                widgets.VBox(
                    [
                        self.place_filter,
                        self.place,
                        self.place_scope,
                        self.candidates,
                        widgets.HBox([self.geocode_button, self.not_place_button]),
                    ]
                ),
                widgets.VBox([self.event_filter, self.event, self.drop_button]),
                self.listing,
            ]
        )
        for i, title in enumerate(("Actors", "Places", "Events", "Corrections made")):
            tabs.set_title(i, title)
        self.tabs = tabs
        super().__init__([widgets.HBox([self.who, self.why]), tabs, self.message])
        self.refresh()

    # ------------------------------------------------------------- options
    def refresh(self) -> None:
        """List the current corpus' actors, places, events and corrections."""
        self._labels = None
        act = self.corpus.actors
        act = act[act["mentions"] > 0].sort_values(
            ["mentions", "actor_id"], ascending=[False, True]
        )
        names = act["name"].astype("string").fillna(act["actor_id"].astype("string"))
        self.actors.options = [
            (f"{n} ({m}) · {a}", str(a))
            for n, m, a in zip(names, act["mentions"], act["actor_id"], strict=True)
        ]
        self._list_places()
        self._list_events()
        self.listing.value = self._listing()

    def follow(self, view: Any) -> None:
        """Offer only the places and events of ``view`` (the explorer's current filter;
        a :class:`~analysis.selection.View`), or all of them when nothing is filtered."""
        if getattr(view, "filters", None):
            self._shown = (
                set(view.places["text"].astype(str)),
                set(view.events["event_id"].astype(str)),
            )
        else:
            self._shown = None
        self._list_places()
        self._list_events()

    def _actors_chosen(self, _change: dict | None = None) -> None:
        labels = dict((v, k) for k, v in self.actors.options)
        chosen = list(self.actors.value)
        self.merge_into.options = [(labels[a], a) for a in chosen]
        if chosen:
            self.merge_into.value = chosen[0]

    def _list_places(self) -> None:
        pl = self.corpus.places
        text = pl["text"].astype("string")
        if self._shown is not None:
            text = text[text.isin(self._shown[0])]
        if self.place_filter.value:
            text = text[
                text.str.casefold().str.contains(self.place_filter.value.casefold(), regex=False)
            ]
        counts = text.value_counts().head(MAX_OPTIONS)
        where = pl.drop_duplicates("text").set_index("text")["name"].astype("string")
        options = [
            (f"{t} ({n}) → {where.get(t) if pd.notna(where.get(t)) else '?'}", t)
            for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        before = self.place.value
        _choices(self.place, options)
        if self.place.value == before:  # the observer did not run: same text, new corpus
            self._place_chosen()

    def _place_chosen(self, _change: dict | None = None) -> None:
        text = self.place.value
        if text is None:
            self.place_scope.options, self.candidates.options = [], []
            return
        pl = self.corpus.places
        arts = sorted(set(pl.loc[pl["text"].eq(text).fillna(False), "article_id"].astype(str)))
        self.place_scope.options = [("everywhere", "")] + [(f"article {a}", a) for a in arts]
        self.place_scope.value = ""
        if text not in self._gazetteer:
            self._gazetteer[text] = self.corpus.corrections.candidates(text).reset_index(drop=True)
        self._found = self._gazetteer[text]
        self.candidates.options = [
            (_candidate_label(r), i) for i, r in enumerate(self._found.itertuples(index=False))
        ]
        if len(self._found):
            self.candidates.value = 0

    def _list_events(self) -> None:
        if self._labels is None:
            self._labels = _event_labels(self.corpus.events, self.corpus.actors)
        labels = self._labels
        if self._shown is not None:
            labels = labels[labels.index.isin(self._shown[1])]
        if self.event_filter.value:
            labels = labels[
                labels.str.casefold().str.contains(self.event_filter.value.casefold(), regex=False)
            ]
        labels = labels.head(MAX_OPTIONS)
        _choices(self.event, list(zip(labels, labels.index, strict=True)))

    def _listing(self) -> str:
        st = self.corpus.corrections.status()
        problems = self.corpus.corrections.problems()
        if not len(st) and not problems:
            return "<i>No corrections yet.</i>"
        stale = int((st["state"] == "stale").sum())
        head = f"<b>{len(st)}</b> correction(s): {len(st) - stale} applied, {stale} stale"
        rows = []
        for r in st.itertuples(index=False):
            colour = "#b00" if r.state == "stale" else "#060"
            cells = [r.when, r.who, r.op, r.target, r.value, r.article_id, r.why]
            cells = [html.escape("" if pd.isna(c) else str(c)) for c in cells]
            state = html.escape(r.state + (f": {r.reason}" if r.reason else ""))
            rows.append(
                "<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                + f'<td style="color:{colour}">{state}</td></tr>'
            )  # fmt: skip
        cols = ("when", "who", "operation", "target", "value", "article", "why", "state")
        table = (
            '<table style="font-size:90%"><tr>'
            + "".join(f"<th>{c}</th>" for c in cols)
            + "</tr>"
            + "".join(rows)
            + "</table>"
        )
        skipped = "".join(
            f"<div style='color:#b00'>line {n} skipped: {html.escape(m)}</div>" for n, m in problems
        )
        return head + table + skipped

    # ------------------------------------------------------------- actions
    def _ask(self) -> dict:
        return {"why": self.why.value, "who": self.who.value or None}

    def _done(self, corpus: Any, what: str) -> None:
        self.corpus = corpus
        self.refresh()
        self.message.value = f"<span style='color:#060'>{html.escape(what)}</span>"
        if self.on_corrected is not None:
            self.on_corrected(corpus)

    def _refuse(self, why: str) -> None:
        self.message.value = f"<span style='color:#b00'>{html.escape(why)}</span>"

    def merge(self) -> None:
        """Merge the chosen actors into the one chosen to keep."""
        chosen, keep = list(self.actors.value), self.merge_into.value
        if len(chosen) < 2 or keep not in chosen:
            self._refuse("Choose two or more actors, and the one to keep.")
            return
        corpus = self.corpus
        try:
            for a in chosen:
                if a != keep:
                    corpus = corpus.corrections.merge_actors(a, keep, **self._ask())
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self._done(corpus, f"Merged {len(chosen) - 1} actor(s) into {keep}.")

    def geocode(self) -> None:
        """Re-geocode the chosen place text to the chosen candidate."""
        text, pick = self.place.value, self.candidates.value
        if text is None or pick is None:
            self._refuse("Choose a place and one of its candidates.")
            return
        c = self._found.iloc[pick]
        try:
            corpus = self.corpus.corrections.geocode_place(
                text,
                name=str(c["name"]),
                lat=float(c["lat"]),
                lon=float(c["lon"]),
                country_code=c["country_code"] if pd.notna(c["country_code"]) else None,
                place_id=c["place_id"] if pd.notna(c["place_id"]) else None,
                feature=c["feature"] if pd.notna(c["feature"]) else None,
                article_id=self.place_scope.value or None,
                **self._ask(),
            )
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self._done(corpus, f"{text!r} is now {c['name']}.")

    def not_a_place(self) -> None:
        """Mark the chosen place text as not a place (everywhere or in one article)."""
        text = self.place.value
        if text is None:
            self._refuse("Choose a place.")
            return
        try:
            corpus = self.corpus.corrections.not_a_place(
                text, article_id=self.place_scope.value or None, **self._ask()
            )
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self._done(corpus, f"{text!r} is no longer a place.")

    def drop(self) -> None:
        """Drop the chosen event."""
        eid = self.event.value
        if eid is None:
            self._refuse("Choose an event.")
            return
        try:
            corpus = self.corpus.corrections.drop_event(eid, **self._ask())
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self._done(corpus, f"Event {eid} dropped.")


def _choices(w: widgets.Dropdown, options: list[tuple[str, Any]]) -> None:
    """Give ``w`` new options, keeping its value when still offered, else the first."""
    before = w.value
    w.options = options
    values = [v for _, v in options]
    w.value = before if before in values else (values[0] if values else None)


def _candidate_label(c: Any) -> str:
    where = ", ".join(str(v) for v in (c.country_code, c.feature) if pd.notna(v) and v)
    return (
        f"{c.name} ({where}) {c.lat:.3f}, {c.lon:.3f}"
        if where
        else f"{c.name} {c.lat:.3f}, {c.lon:.3f}"
    )


def _event_labels(events: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """One label per event (date, type, participants' names, place), by event id."""
    names = dict(
        zip(actors["actor_id"].astype(str), actors["name"].astype("string").fillna(""), strict=True)
    )
    begin = pd.to_datetime(events["begin"], utc=True, errors="coerce").dt.strftime("%Y-%m-%d")
    labels = []
    for b, t, parts, place, art in zip(
        begin.fillna("undated"),
        events["type"].astype("string").fillna("?"),
        events["participants"],
        events["place_name"].astype("string").fillna(""),
        events["article_id"].astype("string"),
        strict=True,
    ):
        who = ", ".join(names.get(str(a), str(a)) for a in (parts if parts is not None else ()))
        at = f" at {place}" if place else ""
        labels.append(f"{b} {t}: {who}{at} [{art}]")
    return pd.Series(labels, index=events["event_id"].astype(str).to_numpy(), dtype=object)
