"""The summit timeline: events as the date intervals they are, by participants or type."""

from __future__ import annotations

import logging
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from analysis.events.merge import PRECISION_RANK
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
#: A group whose members disagree is drawn with the first status of this order.
STATUS_PRIORITY = ("occurred", "planned", "reported", "denied")
#: Date precisions, most precise highest (the member whose date a group shows).
#: Sources named in a group's hover text (then "and N more").
MAX_SOURCES = 5


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
    ev = _intervals(frame_of(events, "events"))
    names = actor_names(optional_frame(actors, events, "actors"))
    dated = ev["start"].notna()
    if (~dated).any():
        log.info("summit_timeline: %d undated event(s) left out", int((~dated).sum()))
    ev = ev[dated].copy()
    ev["row"] = _row_labels(ev, names, rows)
    return ev.sort_values(["start", "row"]).reset_index(drop=True)


def _intervals(events: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``events`` with ``start``/``stop`` (tz-naive UTC; NaT when undated)."""
    ev = events.copy()
    begin = pd.to_datetime(ev["begin"], utc=True).dt.tz_convert(None)
    end = pd.to_datetime(ev["end_date"], utc=True).dt.tz_convert(None)
    end = end.where(end.notna() & (end > begin), begin + DAY)
    ev["start"] = begin
    ev["stop"] = end.where(begin.notna())
    return ev


def _row_labels(ev: pd.DataFrame, names: dict[str, str], rows: str) -> list[str]:
    if rows == "participants":

        def label(parts: object) -> str:
            if not isinstance(parts, (list, tuple)) or not parts:
                return "(no participants)"
            return " – ".join(sorted(names.get(str(p), str(p)) for p in parts))

        return [label(p) for p in ev["participants"]]
    if rows == "type":
        return ev["type"].astype("string").fillna("other").tolist()
    raise ValueError(f"rows must be 'participants' or 'type', got {rows!r}")


def _rank(precision: object) -> int:
    if precision is None or precision is pd.NA or not isinstance(precision, str):
        return 0
    return PRECISION_RANK.get(precision, 0)


def _status_of(statuses: list[str]) -> str:
    """The status a group is drawn with: occurred over planned over reported over denied."""
    known = [s for s in STATUS_PRIORITY if s in statuses]
    if known:
        return known[0]
    return sorted(statuses)[0] if statuses else "reported"


def _group_rows(
    events: Any,
    *,
    actors: pd.DataFrame | None,
    articles: pd.DataFrame | None = None,
    rows: Literal["participants", "type"],
) -> pd.DataFrame:
    """One drawable row per ``event_group``: the tightest interval its members support.

    The interval is the intersection of the dated members' intervals (as
    :func:`analysis.events.event_summary` computes it); when they do not meet (members
    linked only by a reference event) the most precise member's interval is drawn.
    Groups without any dated member are left out.
    """
    frame = frame_of(events, "events")
    names = actor_names(optional_frame(actors, events, "actors"))
    arts = optional_frame(articles, events, "articles")
    source_of: dict[str, str] = {}
    if arts is not None and len(arts):
        for aid, src in zip(arts["article_id"], arts["source"], strict=True):
            if isinstance(src, str) and src:
                source_of[str(aid)] = src
    ev = _intervals(frame)
    gid = ev["event_group"].astype("string")
    ev["_group"] = gid.fillna("event:" + ev["event_id"].astype(str))
    out = []
    undated = 0
    for group, members in ev.groupby("_group", sort=True):
        dated = members[members["start"].notna()]
        if not len(dated):
            undated += 1
            continue
        start, stop = dated["start"].max(), dated["stop"].min()
        ranks = [_rank(p) for p in dated["precision"]]
        best = dated.iloc[max(range(len(dated)), key=lambda k: (ranks[k], -k))]
        if stop <= start:
            start, stop = best["start"], best["stop"]
        statuses = sorted({str(x) for x in members["status"] if pd.notna(x)})
        status = _status_of(statuses)
        types = members["type"].astype("string").fillna("unknown").value_counts()
        top_type = sorted(types.items(), key=lambda t: (-t[1], t[0]))[0][0]
        counts: dict[str, int] = {}
        for parts in members["participants"]:
            if isinstance(parts, (list, tuple)) or hasattr(parts, "__array__"):
                for p in parts:
                    counts[str(p)] = counts.get(str(p), 0) + 1
        places = members["place_name"].dropna().astype(str)
        place = places.value_counts().sort_index().idxmax() if len(places) else None
        # the evidence: a sentence of a member with the drawn status, most precise first
        pool = members[members["evidence"].notna()]
        ranked = sorted(
            range(len(pool)),
            key=lambda k: (
                str(pool["status"].iloc[k]) != status,
                -_rank(pool["precision"].iloc[k]),
                k,
            ),
        )
        evidence = pool["evidence"].iloc[ranked[0]] if ranked else None
        refs = members["reference_id"].dropna()
        aids = list(dict.fromkeys(members["article_id"].astype(str)))
        out.append(
            {
                "event_id": str(group),
                "article_id": aids[0],
                "type": top_type,
                "status": status,
                "statuses": statuses,
                "participants": sorted(counts, key=lambda p: (-counts[p], p)),
                "start": start,
                "stop": stop,
                "precision": best["precision"],
                "timex": best["timex"],
                "place_name": place,
                "evidence": evidence,
                "reference_id": str(refs.iloc[0]) if len(refs) else None,
                "n_articles": len(aids),
                "article_ids": aids,
                "event_ids": sorted(members["event_id"].astype(str)),
                "sources": sorted({source_of[a] for a in aids if a in source_of}),
            }
        )
    if undated:
        log.info("summit_timeline: %d undated event group(s) left out", undated)
    cols = [
        "event_id", "article_id", "type", "status", "statuses", "participants", "start",
        "stop", "precision", "timex", "place_name", "evidence", "reference_id",
        "n_articles", "article_ids", "event_ids", "sources",
    ]  # fmt: skip
    grouped = pd.DataFrame(out, columns=cols)
    grouped["row"] = _row_labels(grouped, names, rows)
    return grouped.sort_values(["start", "row"]).reset_index(drop=True)


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
    group: bool = True,
    articles: pd.DataFrame | None = None,
) -> go.Figure:
    """Events on a date axis, each drawn as the interval its date really covers.

    A summit known to the day is a one-day bar; "June 2018" is a bar over all of June
    and "by the end of April" a bar from the publication date to 1 May: no day is
    invented.  Bars are coloured by event type; planned events are hatched, lighter and
    marked with hollow symbols, occurred ones solid.  Reference events (a curated
    timeline) are drawn on their own row as grey bars with star markers, and events
    matched to one (``reference_id``) get a star.

    When the events frame has an ``event_group`` column (added corpus-wide by
    :func:`analysis.events.merge_events`), each group -- one real-world event reported
    by several articles -- is drawn once: over the tightest interval its members
    support (their intersection, still the interval it is when imprecise), with the
    status "occurred" over "planned" over "reported" when the members disagree (the
    hover lists them), the number of articles and sources and one evidence sentence.

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
    group : bool
        Draw one mark per ``event_group`` (default); ``False`` draws every article's
        mention.  Without an ``event_group`` column every mention is drawn either way.
    articles : DataFrame, optional
        Articles frame, for the sources named in a group's hover (taken from a Corpus).

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal ``bar`` trace per (type, status) with ``base`` = start and ``x`` =
        duration in milliseconds on a date axis.  ``customdata`` is ``[event_id,
        article_id, precision]`` per mention; for a group it is ``[event_group,
        first article_id, precision, member event ids, article ids]``.
    """
    grouped = group and "event_group" in frame_of(events, "events").columns
    if grouped:
        ev = _group_rows(events, actors=actors, articles=articles, rows=rows)
        ev["hover"] = [_group_hover(r) for r in ev.to_dict("records")]
        ev["custom"] = [
            [
                r["event_id"],
                r["article_id"],
                str(r["precision"]) if pd.notna(r["precision"]) else "",
                r["event_ids"],
                r["article_ids"],
            ]
            for r in ev.to_dict("records")
        ]
    else:
        ev = timeline_rows(events, actors=actors, rows=rows)
        ev["hover"] = [_mention_hover(r) for r in ev.to_dict("records")]
        ev["custom"] = [
            [str(i), str(a), str(p) if pd.notna(p) else ""]
            for i, a, p in zip(ev["event_id"], ev["article_id"], ev["precision"], strict=True)
        ]
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
        hover = part["hover"].tolist()
        custom = part["custom"].tolist()
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
                meta={
                    "newsdesk": "timeline",
                    "type": str(etype),
                    "status": str(status),
                    "grouped": bool(grouped),
                },
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


def _mention_hover(r: dict) -> str:
    x, pn = r["timex"], r["place_name"]
    return (
        f"<b>{escape(r['type'])}</b> ({escape(r['status'])})<br>{escape(r['row'])}<br>"
        f"{_when(r['start'], r['stop'], r['precision'])}  "
        f"<i>{escape(x) if pd.notna(x) else ''}</i><br>"
        f"{escape(pn) if pd.notna(pn) else ''}<br>{escape(truncate(r['evidence'], 160))}"
    )


def _group_hover(r: dict) -> str:
    status = escape(r["status"])
    if len(r["statuses"]) > 1:
        status += "; reported as " + ", ".join(escape(s) for s in r["statuses"])
    n = r["n_articles"]
    reports = f"{n} article{'s' if n != 1 else ''}"
    sources = r["sources"]
    if sources:
        named = ", ".join(escape(s) for s in sources[:MAX_SOURCES])
        more = f" and {len(sources) - MAX_SOURCES} more" if len(sources) > MAX_SOURCES else ""
        reports += f", {len(sources)} source{'s' if len(sources) != 1 else ''}: {named}{more}"
    x, pn = r["timex"], r["place_name"]
    return (
        f"<b>{escape(r['type'])}</b> ({status})<br>{escape(r['row'])}<br>"
        f"{_when(r['start'], r['stop'], r['precision'])}  "
        f"<i>{escape(x) if pd.notna(x) else ''}</i><br>"
        f"{escape(pn) if pd.notna(pn) else ''}<br>reported by {reports}<br>"
        f"{escape(truncate(r['evidence'], 160))}"
    )


def _when(start: pd.Timestamp, stop: pd.Timestamp, precision: object) -> str:
    last = stop - DAY
    text = start.strftime("%Y-%m-%d") if last <= start else f"{start:%Y-%m-%d} – {last:%Y-%m-%d}"
    if precision is not None and pd.notna(precision) and str(precision) != "day":
        text += f" ({escape(precision)} precision)"
    return text
