"""The summit timeline: events as the date intervals they are, by participants or type."""

from __future__ import annotations

import logging
import math
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.events.merge import PRECISION_RANK
from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate
from analysis.figures.timeline_text import DAY, group_hover, mention_hover, timeline_note, when
from analysis.figures.timeline_text import participants as _who

__all__ = ["date_window", "summit_timeline", "timeline_rows", "volume_counts"]

log = logging.getLogger(__name__)

#: Marker symbol (and bar pattern) per status: planned events are hollow and hatched.
STATUS_STYLE = {
    "occurred": {"symbol": "diamond", "pattern": "", "opacity": 0.9},
    "reported": {"symbol": "circle", "pattern": ".", "opacity": 0.75},
    "planned": {"symbol": "diamond-open", "pattern": "/", "opacity": 0.55},
    "denied": {"symbol": "x-open", "pattern": "x", "opacity": 0.4},
}
REFERENCE_ROW = "reference timeline"
#: Reference events are labelled on the chart only when there are this few of them.
MAX_REFERENCE_LABELS = 8
#: A group whose members disagree is drawn with the first status of this order.
STATUS_PRIORITY = ("occurred", "planned", "reported", "denied")
#: Participants named in a row label (then "+N"), and the longest label in characters.
MAX_ROW_PEOPLE = 3
ROW_CHARS = 60
#: Default number of event groups drawn (those reported by most articles).
TOP_GROUPS = 30
#: Largest share of the ``top`` rows one event type takes while other types are left.
MAX_TYPE_SHARE = 0.5
#: Default largest figure height in pixels.
MAX_HEIGHT = 1600
#: Pixels per row of the timeline and height of the volume strip.
ROW_PX = 26
#: Pixels per legend entry (the figure is made tall enough for its legend).
LEGEND_PX = 30
VOLUME_PX = 130
#: Event types drawn on their own in the volume strip (the most frequent); the others
#: are summed as "other types".
VOLUME_TYPES = 5
OTHER_TYPES = "other types"


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


_TEXT_COLUMNS = (
    "event_id", "article_id", "type", "status", "precision", "timex", "place_name",
    "evidence", "reference_id", "event_group",
)  # fmt: skip


def _slim(events: pd.DataFrame) -> pd.DataFrame:
    """The columns a timeline reads, text as plain objects, with ``start``/``stop``.

    Element access on Arrow-backed strings is slow; converting once keeps a corpus of
    thousands of events quick to summarise.
    """
    cols = {}
    for name in _TEXT_COLUMNS:
        if name in events.columns:
            col = events[name]
            cols[name] = col.astype("string").astype(object).where(col.notna(), None).to_numpy()
    cols["participants"] = events["participants"].to_numpy(dtype=object)
    cols["begin"] = events["begin"].to_numpy()
    cols["end_date"] = events["end_date"].to_numpy()
    return _intervals(pd.DataFrame(cols), copy=False)


def _intervals(events: pd.DataFrame, *, copy: bool = True) -> pd.DataFrame:
    """A copy of ``events`` with ``start``/``stop`` (tz-naive UTC; NaT when undated)."""
    ev = events.copy() if copy else events
    begin = pd.to_datetime(ev["begin"], utc=True).dt.tz_convert(None)
    end = pd.to_datetime(ev["end_date"], utc=True).dt.tz_convert(None)
    end = end.where(end.notna() & (end > begin), begin + DAY)
    ev["start"] = begin
    ev["stop"] = end.where(begin.notna())
    return ev


def _row_labels(ev: pd.DataFrame, names: dict[str, str], rows: str) -> list[str]:
    if rows not in ("group", "participants", "type"):
        raise ValueError(f"rows must be 'group', 'participants' or 'type', got {rows!r}")
    if rows == "type":
        return ev["type"].astype("string").fillna("other").tolist()

    def people(parts: object, limit: int | None) -> str:
        if not isinstance(parts, (list, tuple)) or not parts:
            return "(no participants)"
        if rows == "group":  # most mentioned first, as the group lists them
            who = [names.get(str(p), str(p)) for p in parts]
        else:
            who = sorted(names.get(str(p), str(p)) for p in parts)
        if limit is not None and len(who) > limit:
            who = [*who[:limit], f"+{len(who) - limit}"]
        return " – ".join(who)

    if rows == "participants":
        # cut like the group rows: a row label as long as the chart is wide (six
        # ministers of a conference) squeezes the bars into a sliver; the hover names all
        return [truncate(people(p, MAX_ROW_PEOPLE), ROW_CHARS) for p in ev["participants"]]
    # one row per group: participants and type, made unique by the date when needed
    labels = [
        f"{truncate(people(p, MAX_ROW_PEOPLE), ROW_CHARS)} · {t if isinstance(t, str) else 'event'}"
        for p, t in zip(ev["participants"], ev["type"], strict=True)
    ]
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    out, used = [], set()
    for label, start in zip(labels, ev["start"], strict=True):
        if seen[label] > 1 and pd.notna(start):
            label = f"{label} ({start:%Y-%m-%d})"
        base, k = label, 2
        while label in used:
            label, k = f"{base} #{k}", k + 1
        used.add(label)
        out.append(label)
    return out


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


def _keys(ev: pd.DataFrame, grouped: bool) -> pd.Series:
    """The group of each event: its ``event_group``, or the event itself."""
    own = "event:" + ev["event_id"].astype(str)
    if not grouped:
        return own
    return ev["event_group"].astype("string").fillna(own).astype(str)


def date_window(
    starts: pd.Series,
    *,
    quantiles: tuple[float, float] = (0.02, 0.98),
    min_points: int = 20,
    published: pd.Series | None = None,
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The date range a timeline shows: the events' real range, robust to stray dates.

    The range runs from the earliest to the latest start within a fence: the
    ``quantiles`` of the dated starts widened by a quarter of their span on each side.
    A date that far from the rest (an event "in 1900" in a corpus of 2018 news) is left
    outside.  With ``published`` (the articles' publication dates) the fence is also
    held to the period the corpus was published in -- its first to last publication
    date (leaving out only a date further from the ``quantiles`` of the others than
    twice their span, or five years), widened by a tenth of that period and at least half a year -- so
    background history the articles recall ("the 1953 armistice", "the 2000 summit")
    does not stretch the axis even when many events recall it.
    With fewer than ``min_points`` dates the range is simply the earliest to the latest.

    Returns
    -------
    (Timestamp, Timestamp) or None
        First and last instant (tz-naive UTC); ``None`` without any date.

    Examples
    --------
    >>> days = pd.Series(pd.to_datetime(["1900-01-01"] + ["2018-06-01"] * 30))
    >>> [str(d.date()) for d in date_window(days)]
    ['2018-06-01', '2018-06-01']
    """
    s = pd.to_datetime(starts.dropna())
    if not len(s):
        return None
    lo, hi = s.min(), s.max()
    if len(s) >= min_points:
        q_lo, q_hi = s.quantile(quantiles[0]), s.quantile(quantiles[1])
        fence = (q_hi - q_lo) / 4
        f_lo, f_hi = q_lo - fence, q_hi + fence
        pub = _naive_utc(published) if published is not None else None
        if pub is not None and len(pub) >= min_points:
            # every article's own date counts (an early article is news, not a stray
            # date), except one far outside the rest (a placeholder "1970-01-01")
            q_lo, q_hi = pub.quantile(quantiles[0]), pub.quantile(quantiles[1])
            reach = max(2 * (q_hi - q_lo), pd.Timedelta(days=5 * 365))
            pub = pub[(pub >= q_lo - reach) & (pub <= q_hi + reach)]
            p_lo, p_hi = pub.min(), pub.max()
            pad = max((p_hi - p_lo) / 10, pd.Timedelta(days=183))
            f_lo, f_hi = max(f_lo, p_lo - pad), min(f_hi, p_hi + pad)
        inside = s[(s >= f_lo) & (s <= f_hi)]
        if len(inside):
            lo, hi = inside.min(), inside.max()
    return lo, hi


def _naive_utc(values: pd.Series) -> pd.Series:
    """Dated values as tz-naive UTC timestamps (undated ones dropped)."""
    out = pd.to_datetime(values, utc=True, errors="coerce").dropna()
    return out.dt.tz_convert(None)


def _coverage(ev: pd.DataFrame, source_of: dict[str, str], window: tuple | None) -> pd.DataFrame:
    """One row per group (vectorised): articles, sources, dated span, in the window."""
    sources = ev["article_id"].astype(str).map(source_of)
    dated = ev["start"].notna()
    people = [len(p) if isinstance(p, (list, tuple, np.ndarray)) else 0 for p in ev["participants"]]
    g = ev.assign(_source=sources, _dated=dated, _people=people).groupby("_group", sort=True)
    out = pd.DataFrame(
        {
            "n_articles": g["article_id"].nunique(),
            "n_sources": g["_source"].nunique(),
            "first": g["start"].min(),
            "last": g["stop"].max(),
            "dated": g["_dated"].any(),
            "n_participants": g["_people"].max(),
        }
    )
    inside = out["dated"]
    if window is not None:
        lo, hi = window
        inside &= (out["last"] > lo) & (out["first"] <= hi)
    out["inside"] = inside
    return out


def _group_rows(
    events: Any,
    *,
    actors: pd.DataFrame | None,
    articles: pd.DataFrame | None = None,
    rows: Literal["group", "participants", "type"],
    grouped: bool = True,
    top: int | None = None,
    window: tuple | None = None,
    prepared: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, dict]:
    """One drawable row per event group: the tightest interval its members support.

    The interval is the intersection of the dated members' intervals (as
    :func:`analysis.events.event_summary` computes it); when they do not meet (members
    linked only by a reference event) the most precise member's interval is drawn.
    Groups without any dated member are left out, and so are groups outside
    ``window``; of the others the ``top`` reported by most articles (then sources) are
    kept, no event type taking more than :data:`MAX_TYPE_SHARE` of them while others
    are left (:func:`_varied_top`), and returned in date order.  Ranking is vectorised:
    the per-group detail is computed for kept groups only.

    Returns
    -------
    (DataFrame, dict)
        The rows, and counts: ``groups`` (all), ``shown``, ``undated``, ``outside``.
    """
    frame = frame_of(events, "events")
    names = actor_names(optional_frame(actors, events, "actors"))
    arts = optional_frame(articles, events, "articles")
    source_of: dict[str, str] = {}
    if arts is not None and len(arts):
        for aid, src in zip(arts["article_id"], arts["source"], strict=True):
            if isinstance(src, str) and src:
                source_of[str(aid)] = src
    ev = prepared if prepared is not None else _slim(frame)
    ev["_group"] = _keys(ev, grouped)
    cov = _coverage(ev, source_of, window)
    counts = {
        "groups": len(cov),
        "undated": int((~cov["dated"]).sum()),
        "outside": int((cov["dated"] & ~cov["inside"]).sum()),
    }
    ranked = cov[cov["inside"]].sort_values(
        ["n_articles", "n_sources", "n_participants", "first"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    chosen = ranked.index if top is None else _varied_top(ranked.index, _group_types(ev), top)
    counts["shown"] = len(chosen)
    counts["more"] = len(ranked) - len(chosen)
    if counts["undated"]:
        log.info("summit_timeline: %d undated event group(s) left out", counts["undated"])
    rank = {k: i for i, k in enumerate(chosen)}
    members_of = ev[ev["_group"].isin(rank)].groupby("_group", sort=False)
    out = []
    for group, members in members_of:
        dated = members[members["start"].notna()]
        start, stop = dated["start"].max(), dated["stop"].min()
        ranks = [_rank(p) for p in dated["precision"]]
        best = dated.iloc[max(range(len(dated)), key=lambda k: (ranks[k], -k))]
        if stop <= start:
            start, stop = best["start"], best["stop"]
        statuses = sorted({str(x) for x in members["status"] if pd.notna(x)})
        status = _status_of(statuses)
        types = members["type"].astype("string").fillna("unknown").value_counts()
        top_type = sorted(types.items(), key=lambda t: (-t[1], t[0]))[0][0]
        part_counts: dict[str, int] = {}
        for parts in members["participants"]:
            if isinstance(parts, (list, tuple)) or hasattr(parts, "__array__"):
                for p in parts:
                    part_counts[str(p)] = part_counts.get(str(p), 0) + 1
        places = members["place_name"].dropna().astype(str)
        place = places.value_counts().sort_index().idxmax() if len(places) else None
        # the evidence: a sentence of a member with the drawn status, most precise first
        pool = members[members["evidence"].notna()]
        p_status = [str(x) for x in pool["status"].tolist()]
        p_rank = [_rank(x) for x in pool["precision"].tolist()]
        order = sorted(range(len(pool)), key=lambda k: (p_status[k] != status, -p_rank[k], k))
        evidence = pool["evidence"].iloc[order[0]] if order else None
        refs = members["reference_id"].dropna()
        aids = list(dict.fromkeys(members["article_id"].astype(str)))
        single = not grouped
        out.append(
            {
                "event_id": str(members["event_id"].iloc[0]) if single else str(group),
                "article_id": aids[0],
                "type": top_type,
                "status": status,
                "statuses": statuses,
                "participants": sorted(part_counts, key=lambda p: (-part_counts[p], p)),
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
                "_rank": rank[group],
            }
        )
    cols = [
        "event_id", "article_id", "type", "status", "statuses", "participants", "start",
        "stop", "precision", "timex", "place_name", "evidence", "reference_id",
        "n_articles", "article_ids", "event_ids", "sources", "_rank",
    ]  # fmt: skip
    grouped_rows = pd.DataFrame(out, columns=cols)
    grouped_rows["row"] = _row_labels(grouped_rows, names, rows)
    grouped_rows["who"] = [_who(p, names) for p in grouped_rows["participants"]]
    # the kept groups are drawn in date order (then by coverage): the story reads
    # from the top of the chart down, whatever made each group one of the kept ones
    grouped_rows = grouped_rows.sort_values(["start", "stop", "_rank"], kind="stable")
    return grouped_rows.reset_index(drop=True), counts


def _group_types(ev: pd.DataFrame) -> pd.Series:
    """The type each group is drawn with: its members' most frequent (ties: by name)."""
    types = ev["type"].astype("string").fillna("unknown").astype(object)
    pairs = pd.DataFrame({"_group": ev["_group"].to_numpy(), "type": types.to_numpy()})
    n = pairs.groupby(["_group", "type"], sort=True).size().reset_index(name="n")
    n = n.sort_values(["_group", "n", "type"], ascending=[True, False, True], kind="stable")
    return n.drop_duplicates("_group").set_index("_group")["type"]


def _varied_top(ranked: pd.Index, type_of: pd.Series, top: int) -> list:
    """The ``top`` best ranked groups, no type filling more than its share of them.

    Statements usually outnumber every other kind of event many times over; ranked by
    coverage alone, a summary of a large corpus is then a column of statements and the
    meetings, agreements and votes it is about do not show.  A type takes at most
    :data:`MAX_TYPE_SHARE` of the ``top`` rows while groups of other types are left;
    the rows still free are then filled in rank order, so ``top`` rows are drawn
    whenever there are that many groups.
    """
    if top <= 0:
        return []
    cap = max(1, math.ceil(top * MAX_TYPE_SHARE))
    taken: dict[object, int] = {}
    chosen, waiting = [], []
    for group in ranked:
        kind = type_of.get(group, "unknown")
        if taken.get(kind, 0) < cap:
            taken[kind] = taken.get(kind, 0) + 1
            chosen.append(group)
            if len(chosen) == top:
                break
        else:
            waiting.append(group)
    if len(chosen) < top:
        chosen.extend(waiting[: top - len(chosen)])
    order = {g: i for i, g in enumerate(ranked)}
    return sorted(chosen, key=order.__getitem__)


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


def volume_counts(
    events: Any,
    *,
    freq: Literal["auto", "week", "month", "quarter"] = "auto",
    window: tuple | None = None,
    prepared: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Dated events per week (Monday), month or quarter, by type: the volume strip.

    Returns
    -------
    DataFrame
        ``period`` (start, tz-naive UTC), ``type``, ``events``; ``attrs["freq"]`` says
        which period was used ("auto": weeks up to 18 months of data, months up to
        eight years, else quarters: at most about a hundred periods).
    """
    ev = prepared if prepared is not None else _slim(frame_of(events, "events"))
    ev = ev[ev["start"].notna()]
    if window is not None:
        ev = ev[(ev["start"] >= window[0]) & (ev["start"] <= window[1])]
    if freq == "auto":
        span = (ev["start"].max() - ev["start"].min()) if len(ev) else pd.Timedelta(0)
        freq = (
            "week"
            if span <= pd.Timedelta(days=548)
            else "month"
            if span <= pd.Timedelta(days=8 * 365)
            else "quarter"
        )
    if freq not in ("week", "month", "quarter"):
        raise ValueError(f"freq must be 'auto', 'week', 'month' or 'quarter', got {freq!r}")
    day = ev["start"].dt.normalize()
    if freq == "week":
        period = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    else:
        period = day.dt.to_period("M" if freq == "month" else "Q").dt.start_time
    out = (
        pd.DataFrame({"period": period, "type": ev["type"].astype("string").fillna("unknown")})
        .groupby(["period", "type"], sort=True)
        .size()
        .rename("events")
        .reset_index()
    )
    out.attrs["freq"] = freq
    return out


def summit_timeline(
    events: Any,
    *,
    reference: pd.DataFrame | None = None,
    rows: Literal["group", "participants", "type"] = "group",
    actors: pd.DataFrame | None = None,
    reference_margin: int | None = 120,
    title: str | None = "auto",
    group: bool = True,
    articles: pd.DataFrame | None = None,
    top: int | None = TOP_GROUPS,
    volume: bool = True,
    volume_freq: Literal["auto", "week", "month", "quarter"] = "auto",
    quantiles: tuple[float, float] | None = (0.02, 0.98),
    max_height: int = MAX_HEIGHT,
    rangeslider: bool = True,
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

    At scale the figure summarises: only the ``top`` groups reported by most articles
    (then most sources) are drawn -- no event type taking more than half of the rows
    while other types are left, so the statements that outnumber everything else do not
    hide the meetings and agreements -- one row each in date order, and a note under
    the title says how many more there are; a strip above counts every dated event
    per week, month or quarter by type; the date axis spans the events' real range
    (:func:`date_window`: robust to stray dates such as "1900", and held to the period
    the articles were published in when ``articles`` is given) with a range slider to
    zoom; the height never exceeds ``max_height``.

    Parameters
    ----------
    events : DataFrame or Corpus
        Events frame.
    reference : DataFrame, optional
        Reference timeline (label/name, begin/date, optional end_date, reference_id).
    rows : {"group", "participants", "type"}
        One row per event group ("Donald Trump – Kim Jong Un · meeting", the default),
        per participant set, or per event type.
    actors : DataFrame, optional
        Actors frame, for participants' names (taken from a Corpus).
    reference_margin : int or None
        Only reference events within this many days of the corpus' events are drawn
        (``None``: all of them).
    title : str, optional
        Figure title; "auto" (the default) is "Summit timeline" when every event drawn is
        a meeting, visit or talks, else "Event timeline".
    group : bool
        Draw one mark per ``event_group`` (default); ``False`` draws every article's
        mention.  Without an ``event_group`` column every mention is drawn either way.
    articles : DataFrame, optional
        Articles frame, for the sources named in a group's hover (taken from a Corpus).
    top : int or None
        How many groups (or mentions) to draw, the most covered (no type over half of
        them); ``None``: all.  Rows are in date order either way.
    volume : bool
        Draw the volume strip (events per period by type) above the rows.
    volume_freq : {"auto", "week", "month", "quarter"}
        Period of the volume strip ("auto": see :func:`volume_counts`).
    quantiles : (float, float) or None
        Quantiles of the dated starts that anchor the date axis (:func:`date_window`);
        ``None`` spans every date.
    max_height : int
        Largest figure height in pixels.
    rangeslider : bool
        Show a range slider under the date axis.

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal ``bar`` trace per (type, status) with ``base`` = start and ``x`` =
        duration in milliseconds on a date axis (``meta.newsdesk`` = "timeline", with a
        "timeline_marker" scatter each).  ``customdata`` is ``[event_id, article_id,
        precision]`` per mention; for a group it is ``[event_group, first article_id,
        precision, member event ids, article ids]``.  The volume strip is one stacked
        step area per type (the :data:`VOLUME_TYPES` most frequent, then "other
        types"), ``meta.newsdesk`` = "volume", on ``yaxis2``; the note (how many more
        groups, dated outside the axis, undated) is the title's subtitle.
    """
    frame = frame_of(events, "events")
    grouped = group and "event_group" in frame.columns
    prepared = _slim(frame)
    starts = prepared["start"]
    window = None
    if len(starts.dropna()):
        if quantiles is None:
            window = (starts.min(), starts.max())
        else:
            arts = optional_frame(articles, events, "articles")
            window = date_window(
                starts,
                quantiles=quantiles,
                published=arts["published"] if arts is not None else None,
            )
    ev, counts = _group_rows(
        events, actors=actors, articles=articles, rows=rows, grouped=grouped, top=top,
        window=window, prepared=prepared,
    )  # fmt: skip
    if grouped:
        ev["hover"] = [group_hover(r) for r in ev.to_dict("records")]
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
        ev["hover"] = [mention_hover(r) for r in ev.to_dict("records")]
        ev["custom"] = [
            [str(i), str(a), str(p) if pd.notna(p) else ""]
            for i, a, p in zip(ev["event_id"], ev["article_id"], ev["precision"], strict=True)
        ]
    fig = go.Figure()
    all_types = frame["type"].astype("string").fillna("unknown").tolist()
    colors = category_colors(all_types, column="type") if len(frame) else {}
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
    if ref is not None and window is not None and reference_margin is not None:
        lo = window[0] - pd.Timedelta(days=reference_margin)
        hi = window[1] + pd.Timedelta(days=reference_margin)
        ref = ref[(ref["stop"] > lo) & (ref["start"] < hi)].reset_index(drop=True)
    if ref is not None and len(ref):
        _add_reference(fig, ref)
    order = list(dict.fromkeys(escape(r) for r in ev["row"]))
    if ref is not None and len(ref):
        order.append(REFERENCE_ROW)
    strip = volume and window is not None
    if strip:
        _add_volume(fig, frame, colors, volume_freq, window, prepared)
    if title == "auto":
        title = auto_title(ev.get("type", ()))
    _layout(fig, title, order, counts, window, strip, max_height, rangeslider, top)
    return fig


#: Event types a "summit timeline" is made of: meetings, visits and talks.
_SUMMIT_TYPES = frozenset(["meeting", "visit", "talks"])


def auto_title(types) -> str:
    """ "Summit timeline" when every event drawn is a meeting, visit or talks, else
    "Event timeline" (a corpus of general news draws statements, demands, elections)."""
    kinds = {str(t) for t in types if isinstance(t, str)}
    return "Summit timeline" if kinds and kinds <= _SUMMIT_TYPES else "Event timeline"


def _add_reference(fig: go.Figure, ref: pd.DataFrame) -> None:
    hover = [
        f"<b>reference</b>: {escape(lbl)}<br>{when(s, e, None)}"
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


def _add_volume(
    fig: go.Figure,
    frame: pd.DataFrame,
    colors: dict,
    freq: str,
    window: tuple,
    prepared: pd.DataFrame | None = None,
) -> None:
    counts = volume_counts(frame, freq=freq, window=window, prepared=prepared)
    legend = {
        str(t.meta["type"])
        for t in fig.data
        if isinstance(t.meta, dict) and t.meta.get("newsdesk") == "timeline"
    }
    used = counts.attrs.get("freq", "month")
    totals = counts.groupby("type")["events"].sum().sort_values(ascending=False, kind="stable")
    shown = sorted(totals.index[:VOLUME_TYPES])
    if len(totals) > VOLUME_TYPES:
        counts = counts.assign(type=counts["type"].where(counts["type"].isin(shown), OTHER_TYPES))
        counts = counts.groupby(["period", "type"], sort=True)["events"].sum().reset_index()
        shown.append(OTHER_TYPES)
    # one stacked step area per type: a few paths instead of a bar per period and type;
    # every period is listed (zeros where a type has none, and one after the last, so
    # each step ends where its period does)
    periods = pd.DatetimeIndex([])
    if len(counts):
        step = {"week": "7D", "month": "MS", "quarter": "QS"}[used]
        first, last = counts["period"].min(), counts["period"].max()
        periods = pd.date_range(first, last, freq=step)
        periods = periods.append(pd.date_range(last, periods=2, freq=step)[1:])
    table = counts.pivot_table(
        index="period", columns="type", values="events", aggfunc="sum", fill_value=0
    ).reindex(periods, fill_value=0)
    for etype in shown:
        part = pd.DataFrame({"period": table.index, "events": table[etype].to_numpy()})
        col = "#BDBDBD" if etype == OTHER_TYPES else colors.get(str(etype), "#7F7F7F")
        fig.add_trace(
            go.Scatter(
                x=[p.isoformat() for p in part["period"]],
                y=part["events"].astype(int).tolist(),
                mode="lines",
                stackgroup="volume",
                line={"width": 0.5, "shape": "hv", "color": col},
                fillcolor=col,
                # a colour of the strip that no mark below explains gets a legend entry
                name=f"{etype} (events per {used})" if etype in legend else escape(etype),
                legendgroup=f"volume:{etype}",
                showlegend=etype not in legend,
                yaxis="y2",
                hovertemplate=f"{escape(etype)}: %{{y}} event(s) in the {used} of "
                "%{x|%Y-%m-%d}<extra></extra>",
                meta={"newsdesk": "volume", "type": str(etype), "freq": used},
            )
        )


def _layout(
    fig: go.Figure,
    title: str | None,
    order: list[str],
    counts: dict,
    window: tuple | None,
    strip: bool,
    max_height: int,
    rangeslider: bool,
    top: int | None,
) -> None:
    n_rows = len(order)
    note = timeline_note(counts, window, top)
    head = 70 + 17 * (note.count("<br>") + 1 if note else 0)
    slider = 70 if rangeslider and window is not None else 40
    strip_px = VOLUME_PX if strip else 0
    # tall enough for the legend too (one line per type and status): a legend longer
    # than the figure is clipped and scrolls, and a printed page loses its last entries
    n_legend = sum(1 for t in fig.data if t.showlegend is not False)
    legend_px = head + slider + LEGEND_PX * (n_legend + 1) + 40
    rows_px = head + slider + strip_px + ROW_PX * max(n_rows, 1) + 20
    height = min(max_height, max(300, rows_px, legend_px))
    plot = max(height - head - slider, 1)
    strip_frac = min(strip_px / plot, 0.45) if strip else 0.0
    # the note is the title's subtitle: placed from the figure's left edge, not the plot's,
    # so a narrow plot (long row labels, a half-width pane) does not clip it
    heading: dict | None = (
        {"text": title or "", "yref": "container", "y": 1.0, "yanchor": "top", "pad": {"t": 14}}
        if (title or note)
        else None
    )
    if note and heading is not None:
        heading["subtitle"] = {"text": note, "font": {"size": 12, "color": "#555"}}
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=heading,
        barmode="overlay",
        height=height,
        legend_title_text="type · status",
        yaxis={
            "automargin": True,
            "title": None,
            "autorange": "reversed",
            "domain": [0.0, 1.0 - strip_frac - (0.04 if strip else 0.0)],
            "categoryorder": "array",
            "categoryarray": order,
        },
        hovermode="closest",
        margin={"t": head},
    )
    xaxis: dict = {"type": "date", "title": None}
    if window is not None:
        lo, hi = window
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=3))
        rng = [(lo - pad).isoformat(), (hi + pad + DAY).isoformat()]
        xaxis["range"] = rng
        if rangeslider:
            xaxis["rangeslider"] = {"visible": True, "thickness": 0.06, "range": rng}
    fig.update_layout(xaxis=xaxis)
    if strip:
        fig.update_layout(
            yaxis2={
                "domain": [1.0 - strip_frac, 1.0],
                "title": {"text": "events", "font": {"size": 11}},
                "rangemode": "tozero",
                "fixedrange": True,
            }
        )
