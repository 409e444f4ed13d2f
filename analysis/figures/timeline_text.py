"""The words of the summit timeline: its note, hover texts and date ranges.

Everything here is HTML-escaped text for plotly (hover text, the title's subtitle),
written for a reader who does not know the frames behind the chart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.figures.template import escape, truncate

__all__ = ["group_hover", "mention_hover", "participants", "timeline_note", "when"]

DAY = pd.Timedelta(days=1)
#: Sources named in a group's hover text (then "and N more").
MAX_SOURCES = 5
#: Participants named in a hover (then "and N more").
MAX_HOVER_PEOPLE = 8


def timeline_note(counts: dict, window: tuple | None, top: int | None) -> str:
    """The lines under the title: what is shown and how many more there are.

    At most about 60 characters a line (lines joined by ``<br>``), so the note fits a
    half-width pane.

    Parameters
    ----------
    counts : dict
        ``shown``, ``more``, ``outside`` and ``undated`` event (group) counts.
    window : (Timestamp, Timestamp) or None
        The date axis' range.
    top : int or None
        How many rows were asked for (unused: ``counts`` says what was drawn).

    Returns
    -------
    str
        Plain words, ``<br>`` between lines; empty when everything is drawn.
    """
    lines = []
    shown, more = counts.get("shown", 0), counts.get("more", 0)
    if more:
        lines.append(f"The {shown:,} events reported by most articles, by date;")
        lines.append(f"{more:,} more not shown (filter to see them)")
    parts = []
    if counts.get("outside") and window is not None:
        parts.append(
            f"{counts['outside']:,} dated outside {window[0]:%Y-%m-%d} – {window[1]:%Y-%m-%d}"
        )
    if counts.get("undated"):
        parts.append(f"{counts['undated']:,} undated")
    if parts:
        lines.append(" · ".join(parts))
    return "<br>".join(lines)


def participants(parts: object, names: dict[str, str]) -> str:
    """Every participant's name (up to :data:`MAX_HOVER_PEOPLE`), for the hover.

    Parameters
    ----------
    parts : list of str
        Actor ids, most involved first.
    names : dict
        Actor id -> display name (an id without a name is shown as it is).

    Returns
    -------
    str
        Unescaped names joined by commas, then "and N more".
    """
    if not isinstance(parts, (list, tuple, np.ndarray)) or not len(parts):
        return "(no participants)"
    who = [names.get(str(p), str(p)) for p in parts]
    more = len(who) - MAX_HOVER_PEOPLE
    return ", ".join(who[:MAX_HOVER_PEOPLE]) + (f" and {more} more" if more > 0 else "")


def mention_hover(r: dict) -> str:
    """The hover of one event mention (a row of the timeline's rows frame).

    Parameters
    ----------
    r : dict
        type, status, who (or row), start, stop, precision, timex, place_name, evidence.

    Returns
    -------
    str
        Escaped HTML.
    """
    x, pn = r["timex"], r["place_name"]
    return (
        f"<b>{escape(r['type'])}</b> ({escape(r['status'])})<br>{escape(r.get('who') or r['row'])}<br>"
        f"{when(r['start'], r['stop'], r['precision'])}  "
        f"<i>{escape(x) if pd.notna(x) else ''}</i><br>"
        f"{escape(pn) if pd.notna(pn) else ''}<br>{escape(truncate(r['evidence'], 160))}"
    )


def group_hover(r: dict) -> str:
    """The hover of one event group: what, who, when, where, how many reports, evidence.

    Parameters
    ----------
    r : dict
        A group row: as :func:`mention_hover` plus statuses, n_articles and sources.

    Returns
    -------
    str
        Escaped HTML.
    """
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
        f"<b>{escape(r['type'])}</b> ({status})<br>{escape(r.get('who') or r['row'])}<br>"
        f"{when(r['start'], r['stop'], r['precision'])}  "
        f"<i>{escape(x) if pd.notna(x) else ''}</i><br>"
        f"{escape(pn) if pd.notna(pn) else ''}<br>reported by {reports}<br>"
        f"{escape(truncate(r['evidence'], 160))}"
    )


def when(start: pd.Timestamp, stop: pd.Timestamp, precision: object) -> str:
    """A date or date range as read ("2019-04-25", "2019-06-01 – 2019-06-30 (month
    precision)"); ``stop`` is exclusive.

    Parameters
    ----------
    start, stop : Timestamp
        The interval, ``stop`` the instant after it.
    precision : str or None
        Said when it is not "day".

    Returns
    -------
    str
        Escaped text.
    """
    last = stop - DAY
    text = start.strftime("%Y-%m-%d") if last <= start else f"{start:%Y-%m-%d} – {last:%Y-%m-%d}"
    if precision is not None and pd.notna(precision) and str(precision) != "day":
        text += f" ({escape(precision)} precision)"
    return text
