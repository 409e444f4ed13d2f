"""The summit timeline: events as the date intervals they are, by participants or type."""

from __future__ import annotations

import logging
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate

__all__ = ["summit_timeline", "timeline_rows"]

log = logging.getLogger(__name__)

#: Marker symbol (and bar pattern) per status: planned events are hollow and hatched.
STATUS_STYLE = {
    "occurred": {"symbol": "diamond", "pattern": "", "opacity": 0.9},
    "reported": {"symbol": "circle", "pattern": ".", "opacity": 0.75},
    "planned": {"symbol": "diamond-open", "pattern": "/", "opacity": 0.55},
    "denied": {"symbol": "x-open", "pattern": "x", "opacity": 0.4},
}
DAY = pd.Timedelta(days=1)
REFERENCE_ROW = "reference timeline"
#: Reference events are labelled on the chart only when there are this few of them.
MAX_REFERENCE_LABELS = 8


def timeline_rows(
    events: Any,
    *,
    actors: pd.DataFrame | None = None,
    rows: Literal["participants", "type"] = "participants",
) -> pd.DataFrame:
    """Events with a row label and a drawable interval, undated events left out.

    An event without ``end_date`` is taken to last one ``precision`` unit from
    ``begin``: a day for day precision, else the bar is as long as its precision says.

    Returns
    -------
    DataFrame
        The events columns plus ``row`` (label), ``start`` and ``stop`` (tz-naive UTC).
    """
    ev = frame_of(events, "events").copy()
    names = actor_names(optional_frame(actors, events, "actors"))
    dated = ev["begin"].notna()
    if (~dated).any():
        log.info("summit_timeline: %d undated event(s) left out", int((~dated).sum()))
    ev = ev[dated].copy()
    begin = pd.to_datetime(ev["begin"], utc=True).dt.tz_convert(None)
    end = pd.to_datetime(ev["end_date"], utc=True).dt.tz_convert(None)
    end = end.where(end.notna() & (end > begin), begin + DAY)
    ev["start"] = begin
    ev["stop"] = end
    if rows == "participants":

        def label(parts: object) -> str:
            if not isinstance(parts, (list, tuple)) or not parts:
                return "(no participants)"
            return " – ".join(sorted(names.get(str(p), str(p)) for p in parts))

        ev["row"] = [label(p) for p in ev["participants"]]
    elif rows == "type":
        ev["row"] = ev["type"].astype("string").fillna("other")
    else:
        raise ValueError(f"rows must be 'participants' or 'type', got {rows!r}")
    return ev.sort_values(["start", "row"]).reset_index(drop=True)


def _reference_frame(reference: pd.DataFrame) -> pd.DataFrame:
    ref = reference.copy()
    label_col = next(
        (c for c in ("name", "label", "title", "description", "type") if c in ref.columns), None
    )
    begin_col = next((c for c in ("begin", "date", "start") if c in ref.columns), None)
    if begin_col is None:
        raise ValueError(
            "reference events need a 'begin' (or 'date') column; got "
            + ", ".join(map(str, ref.columns))
        )
    begin = pd.to_datetime(ref[begin_col], utc=True, errors="coerce").dt.tz_convert(None)
    end_col = next((c for c in ("end_date", "end") if c in ref.columns), None)
    if end_col is not None:
        end = pd.to_datetime(ref[end_col], utc=True, errors="coerce").dt.tz_convert(None)
    else:
        end = pd.Series(pd.NaT, index=ref.index)
    end = end.where(end.notna() & (end > begin), begin + DAY)
    id_col = next((c for c in ("reference_id", "event_id", "id") if c in ref.columns), None)
    out = pd.DataFrame(
        {
            "label": ref[label_col].astype(str) if label_col else "reference event",
            "start": begin,
            "stop": end,
            "id": ref[id_col].astype(str) if id_col else [str(i) for i in range(len(ref))],
        }
    )
    return out[out["start"].notna()].reset_index(drop=True)


def summit_timeline(
    events: Any,
    *,
    reference: pd.DataFrame | None = None,
    rows: Literal["participants", "type"] = "participants",
    actors: pd.DataFrame | None = None,
    reference_margin: int | None = 120,
    title: str | None = "Summit timeline",
) -> go.Figure:
    """Events on a date axis, each drawn as the interval its date really covers.

    A summit known to the day is a one-day bar; "June 2018" is a bar over all of June
    and "by the end of April" a bar from the publication date to 1 May: no day is
    invented.  Bars are coloured by event type; planned events are hatched, lighter and
    marked with hollow symbols, occurred ones solid.  Reference events (a curated
    timeline) are drawn on their own row as grey bars with star markers, and events
    matched to one (``reference_id``) get a star.

    Parameters
    ----------
    events : DataFrame or Corpus
        Events frame.
    reference : DataFrame, optional
        Reference timeline (label/name, begin/date, optional end_date, reference_id).
    rows : {"participants", "type"}
        One row per participant set ("Donald Trump – Kim Jong Un") or per event type.
    actors : DataFrame, optional
        Actors frame, for participants' names (taken from a Corpus).
    reference_margin : int or None
        Only reference events within this many days of the corpus' events are drawn
        (``None``: all of them).
    title : str, optional
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal ``bar`` trace per (type, status) with ``base`` = start and ``x`` =
        duration in milliseconds on a date axis; ``customdata`` starts with event_id.
    """
    ev = timeline_rows(events, actors=actors, rows=rows)
    fig = go.Figure()
    colors = category_colors(ev["type"].tolist(), column="type") if len(ev) else {}
    for (etype, status), part in ev.groupby(
        [
            ev["type"].astype("string").fillna("unknown"),
            ev["status"].astype("string").fillna("reported"),
        ],
        sort=True,
    ):
        style = STATUS_STYLE.get(str(status), STATUS_STYLE["reported"])
        col = colors.get(str(etype), "#7F7F7F")
        hover = [
            f"<b>{escape(t)}</b> ({escape(s)})<br>{escape(r)}<br>"
            f"{_when(b, e, p)}  <i>{escape(x) if pd.notna(x) else ''}</i><br>"
            f"{escape(pn) if pd.notna(pn) else ''}<br>{escape(truncate(evd, 160))}"
            for t, s, r, b, e, p, x, pn, evd in zip(
                part["type"],
                part["status"],
                part["row"],
                part["start"],
                part["stop"],
                part["precision"],
                part["timex"],
                part["place_name"],
                part["evidence"],
                strict=True,
            )
        ]
        custom = [
            [str(i), str(a), str(p) if pd.notna(p) else ""]
            for i, a, p in zip(part["event_id"], part["article_id"], part["precision"], strict=True)
        ]
        name = f"{etype} · {status}"
        fig.add_trace(
            go.Bar(
                base=[s.isoformat() for s in part["start"]],
                x=[
                    (e - s).total_seconds() * 1000.0
                    for s, e in zip(part["start"], part["stop"], strict=True)
                ],
                y=[escape(r) for r in part["row"]],
                orientation="h",
                name=name,
                legendgroup=name,
                marker={
                    "color": col,
                    "opacity": style["opacity"],
                    "line": {"color": col, "width": 1.5},
                    "pattern": {
                        "shape": style["pattern"],
                        "fillmode": "overlay",
                        "fgcolor": "white",
                        "size": 6,
                    },
                },
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=custom,
                width=0.5,
                meta={"newsdesk": "timeline", "type": str(etype), "status": str(status)},
            )
        )
        # a marker at the middle of each bar keeps one-day events visible on long axes
        mids = [s + (e - s) / 2 for s, e in zip(part["start"], part["stop"], strict=True)]
        matched = [pd.notna(r) for r in part["reference_id"]]
        fig.add_trace(
            go.Scatter(
                x=[m.isoformat() for m in mids],
                y=[escape(r) for r in part["row"]],
                mode="markers",
                legendgroup=name,
                showlegend=False,
                marker={
                    "symbol": [("star" if m else style["symbol"]) for m in matched],
                    "size": [14 if m else 11 for m in matched],
                    "color": col,
                    "line": {"width": 1.5, "color": col},
                },
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=custom,
                meta={"newsdesk": "timeline_marker", "type": str(etype), "status": str(status)},
            )
        )
    ref = _reference_frame(reference) if reference is not None and len(reference) else None
    if ref is not None and len(ev) and reference_margin is not None:
        lo = ev["start"].min() - pd.Timedelta(days=reference_margin)
        hi = ev["stop"].max() + pd.Timedelta(days=reference_margin)
        ref = ref[(ref["stop"] > lo) & (ref["start"] < hi)].reset_index(drop=True)
    if ref is not None and len(ref):
        hover = [
            f"<b>reference</b>: {escape(lbl)}<br>{_when(s, e, None)}"
            for lbl, s, e in zip(ref["label"], ref["start"], ref["stop"], strict=True)
        ]
        fig.add_trace(
            go.Bar(
                base=[s.isoformat() for s in ref["start"]],
                x=[
                    (e - s).total_seconds() * 1000.0
                    for s, e in zip(ref["start"], ref["stop"], strict=True)
                ],
                y=[REFERENCE_ROW] * len(ref),
                orientation="h",
                name="reference events",
                marker={"color": "#BBBBBB", "line": {"color": "#666", "width": 1}},
                width=0.5,
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[[i] for i in ref["id"]],
                meta={"newsdesk": "reference"},
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[
                    (s + (e - s) / 2).isoformat()
                    for s, e in zip(ref["start"], ref["stop"], strict=True)
                ],
                y=[REFERENCE_ROW] * len(ref),
                mode="markers+text" if len(ref) <= MAX_REFERENCE_LABELS else "markers",
                showlegend=False,
                text=[escape(truncate(lbl, 30)) for lbl in ref["label"]],
                textposition="top center",
                textfont={"size": 10, "color": "#555"},
                marker={"symbol": "star", "size": 12, "color": "#666"},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[[i] for i in ref["id"]],
                meta={"newsdesk": "reference_marker"},
            )
        )
    n_rows = len(set(ev["row"])) + (1 if ref is not None and len(ref) else 0)
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        barmode="overlay",
        height=max(300, 120 + 46 * n_rows),
        legend_title_text="type · status",
        xaxis={"type": "date", "title": None},
        yaxis={"automargin": True, "title": None, "autorange": "reversed"},
        hovermode="closest",
    )
    return fig


def _when(start: pd.Timestamp, stop: pd.Timestamp, precision: object) -> str:
    last = stop - DAY
    text = start.strftime("%Y-%m-%d") if last <= start else f"{start:%Y-%m-%d} – {last:%Y-%m-%d}"
    if precision is not None and pd.notna(precision) and str(precision) != "day":
        text += f" ({escape(precision)} precision)"
    return text
