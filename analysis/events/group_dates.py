"""Dates of undated mentions from the event group they belong to.

"The summit" of one article may carry no date while other reports of the same summit
say "on Monday": once :func:`analysis.events.merge_events` has put them in one group,
the undated mention takes the day on which every dated report of the group agrees.
"""

from __future__ import annotations

import pandas as pd

from .types import EVENT_TYPES

__all__ = ["date_from_groups", "undo_group_dates"]

#: Families whose mentions take a group's day: acts held on one day.  Not statements
#: (an undated "has said" is a standing position) nor elections of a year.
_FAMILIES = frozenset({"meeting", "weapons_test", "military_activity", "agreement"})
#: Sources of a date that a report states for the event itself.
_STATED = frozenset({"timex", "coreference"})


def _fits_its_tense(status: object, d: pd.Timestamp, published: int | None) -> bool:
    """False when the day ``d`` falls on the wrong side of the article's publication day
    for the event's status: after it for an act told as past, before it for a planned
    one."""
    if published is None or status is None or pd.isna(status):
        return True
    pub = pd.Timestamp(published, tz="UTC").normalize()
    day = pd.Timestamp(d)
    day = day.tz_localize("UTC") if day.tzinfo is None else day.tz_convert("UTC")
    if str(status) in ("occurred", "reported"):
        return day <= pub
    if str(status) == "planned":
        return day >= pub
    return True


def _family(type_name: object) -> str:
    t = EVENT_TYPES.get(str(type_name))
    return t.family if t is not None else str(type_name)


def date_from_groups(
    events: pd.DataFrame, *, min_reports: int = 1, published: dict[str, int] | None = None
) -> pd.DataFrame:
    """Give the undated members of an event group the day its dated members agree on.

    Parameters
    ----------
    events : pandas.DataFrame
        The events frame with ``event_group`` (from :func:`merge_events`),
        ``time_source``, ``begin``, ``end_date`` and ``precision``.
    min_reports : int
        Least number of dated members (each a stated date, to the day) the group needs.
    published : dict, optional
        ``article_id -> publication day`` (ns since the epoch).  A member does not take
        a day its own article's tense rules out: a past act ("occurred", "reported") no
        day after its publication, a planned one no day before it.

    Returns
    -------
    pandas.DataFrame
        ``events`` (a copy when something changed): a member of a meeting, test,
        military activity or agreement without a date (``time_source`` "none") takes
        the group's day with ``time_source`` "group" when the group has at least
        ``min_reports`` members dated to the day by their own text and all of them give
        the same day.  Groups whose dated members disagree are left alone.
    """
    need = {"event_group", "time_source", "begin", "end_date", "precision", "type"}
    if not len(events) or not need <= set(events.columns):
        return events
    src = events["time_source"].astype("string").fillna("none")
    fam = events["type"].map(_family)
    ok_family = fam.isin(_FAMILIES).to_numpy(dtype=bool)
    undated = (src.eq("none").to_numpy(dtype=bool)) & ok_family
    if not undated.any():
        return events
    stated = (
        src.isin(_STATED).to_numpy(dtype=bool)
        & events["precision"]
        .astype("string")
        .isin(["day", "time"])
        .fillna(False)
        .to_numpy(dtype=bool)
        & events["begin"].notna().to_numpy(dtype=bool)
        & ok_family
    )
    days: dict[str, set] = {}
    counts: dict[str, int] = {}
    for g, b in zip(events["event_group"][stated], events["begin"][stated], strict=True):
        if pd.isna(g):
            continue
        days.setdefault(str(g), set()).add(pd.Timestamp(b).normalize())
        counts[str(g)] = counts.get(str(g), 0) + 1
    out = events.copy()
    changed = False
    for k in events.index[undated]:
        g = events.at[k, "event_group"]
        if pd.isna(g):
            continue
        agreed = days.get(str(g), set())
        if len(agreed) != 1 or counts.get(str(g), 0) < min_reports:
            continue
        d = next(iter(agreed))
        if published and not _fits_its_tense(
            events.at[k, "status"] if "status" in events else None,
            d,
            published.get(str(events.at[k, "article_id"])) if "article_id" in events else None,
        ):
            continue  # "asked him to travel to Moscow": not a day before the asking's news
        out.at[k, "begin"] = d
        out.at[k, "end_date"] = d + pd.Timedelta(days=1)
        out.at[k, "precision"] = "day"
        out.at[k, "time_source"] = "group"
        changed = True
    return out if changed else events


def undo_group_dates(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with the days :func:`date_from_groups` gave taken back (undated again),
    so that grouping the same events again gives the same groups."""
    if "time_source" not in events or not len(events):
        return events
    filled = events["time_source"].astype("string").eq("group").fillna(False)
    if not filled.any():
        return events
    out = events.copy()
    out.loc[filled, "begin"] = pd.NaT
    out.loc[filled, "end_date"] = pd.NaT
    out.loc[filled, "precision"] = pd.NA
    out.loc[filled, "time_source"] = "none"
    return out
