"""Cross-article event merging: the same real-world event reported by several articles.

:func:`merge_events` adds an ``event_group`` column to the per-article events frame;
:func:`event_summary` gives one row per group.  Both are pure functions of the frames.

Two events (or an event and a group) belong together when

1. their types are of the same family ("meeting" covers summits, visits and talks), and
   when both are linked to the reference timeline, to the same reference event (two
   different reference events never group);
2. their participants overlap: Jaccard >= ``min_jaccard`` (0.5), or one set contains the
   other, and at least one shared participant is specific -- not a government or a
   country, which take part in too many events to identify one; or they share a
   specific participant and their places are stated and within ``near_km``.  Events
   that share only countries or governments group only when the group is known to the
   day and the event is dated ("North Korea tested" on 17 April, and "in April").  Events without participants
   group only through the same reference event;
3. their intervals overlap (an imprecise "April 2019" fits "25 April 2019"); the
   group keeps the intersection of its members' intervals, so every member overlaps
   every other one -- except that a meeting dated one day off a group of the same two
   or more specific participants joins it (a two-day visit, or a report whose "this
   afternoon" was anchored on the next day's publication) and leaves the group's
   interval as it was; :func:`event_summary` then gives the day most reports agree on.
   An event without an interval joins a dated group only when exactly one fits (two
   undated mentions never group by themselves);
4. their places, when both are stated, are not in two different countries nor two
   cities farther apart than ``max_km`` ("Russia" and "Vladivostok" are compatible).

Speech acts (the "statement" family: statements, demands, threats) group only when their
reports quote the same words (a shared word 5-gram inside quotation marks): one person
says many things a day.  An undated event joins a group only when the group is dated
within ``window_days`` of its article's publication and names exactly its participants
(a meeting mention that names two or more specific participants: or a subset or
superset of them -- reports of one meeting name some of those who meet);
persons outside the knowledge base ("x:" ids) compare by surname across articles.  The
method follows cross-document event coreference (ECB+): type, arguments, time, place.

Events are taken family by family, most precise first (then by begin and event id, so
the result does not depend on the order of the frame), each joining the one group it fits; an event that fits
several groups equally well starts its own (the month "April 2019" does not join the two
different tests of 17 and 25 April).  Blocking by type family, participant and year keeps
it near-linear: 50,000 events take seconds.

The group id is ``ref:<reference_id>`` for a group linked to the reference timeline and
otherwise ``grp:`` and 16 hex digits of SHA-256 of the sorted member event ids, so it is
the same for the same members whatever the order of the frame; it must be recomputed
over the whole corpus after every (incremental) build.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import schema
from .group_dates import date_from_groups, undo_group_dates
from .precision import PRECISION_RANK
from .types import EVENT_TYPES

__all__ = ["merge_events", "event_summary", "GENERIC_KINDS", "PRECISION_RANK"]

log = logging.getLogger(__name__)

#: Actor kinds too broad to identify an event on their own.
GENERIC_KINDS = frozenset({"government", "country"})
_NS_PER_YEAR = 365.2425 * 86400 * 1e9


def _family(type_name: object) -> str:
    t = EVENT_TYPES.get(str(type_name))
    return t.family if t is not None else str(type_name)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class _Group:
    key: int
    family: str
    members: list[int] = field(default_factory=list)
    participants: set[str] = field(default_factory=set)
    begin: int | None = None  # ns since epoch; None: no dated member
    end: int | None = None
    places: list[_Place] = field(default_factory=list)
    reference: str | None = None
    quotes: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Place:
    place_id: str
    lat: float
    lon: float
    broad: bool  # a country, first-level division, region or continent
    country: str


@dataclass
class _Item:
    row: int
    event_id: str
    family: str
    participants: frozenset[str]
    begin: int | None
    end: int | None
    place: _Place | None
    reference: str | None
    rank: int
    quotes: frozenset[str] = frozenset()
    window: tuple[int, int] | None = None  # undated: days around its article's publication


#: participant -> year bucket (None: undated or long) -> group keys
_Postings = dict[str, dict[int | None, list[int]]]


_BROAD_FEATURES = frozenset(
    {"country", "admin1", "region", "continent", "physical", "ocean", "sea", "area"}
)


def _place_relation(a: _Place, b: _Place, near_km: float, max_km: float) -> str:
    """ "same", "near", "far" (cannot be one event) or "compatible"."""
    if a.place_id and a.place_id == b.place_id:
        return "same"
    if a.country and b.country and a.country != b.country:
        return "far"
    if a.broad or b.broad:
        return "compatible"  # "Russia" and "Vladivostok"
    if any(math.isnan(x) for x in (a.lat, a.lon, b.lat, b.lon)):
        return "compatible"
    d = _km(a.lat, a.lon, b.lat, b.lon)
    if d <= near_km:
        return "near"
    return "far" if d > max_km else "compatible"


def merge_events(
    events: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    window_days: int = 14,
    min_jaccard: float = 0.5,
    near_km: float = 100.0,
    max_km: float = 1500.0,
    fill_dates: bool = True,
) -> pd.DataFrame:
    """Group the events that are one real-world event reported by several articles.

    Parameters
    ----------
    events : pandas.DataFrame
        The "events" frame of the whole corpus (any ``event_group`` column is replaced).
    actors : pandas.DataFrame, optional
        The actors frame; its ``kind`` tells which participants are generic
        (:data:`GENERIC_KINDS`).  Without it every participant counts as specific.
    places : pandas.DataFrame, optional
        The places frame; its ``feature`` and ``country_code`` tell a country or region
        ("Russia", compatible with "Vladivostok") from a city, and places in two
        different countries apart.  Without it places compare by distance only.
    min_jaccard : float
        Least Jaccard overlap of the participant sets (default 0.5).
    near_km : float
        Places within this distance are "the same place" for events that share only one
        specific participant (default 100 km).
    max_km : float
        Events whose stated cities or sites are farther apart never group (default
        1500 km).
    articles : pandas.DataFrame, optional
        The articles frame: the publication day of each article.  An undated event
        joins only a group dated within ``window_days`` of its article's publication
        (without it, the day of the article's statements dated by publication; an
        event of an undated article joins no group).
    window_days : int
        Days around the publication in which an undated event's group must lie
        (default 14).
    fill_dates : bool
        Date an undated meeting, test, military activity or agreement with the day its
        group's dated reports agree on (:func:`date_from_groups`; ``time_source``
        "group").  Default True.

    Returns
    -------
    pandas.DataFrame
        A copy of ``events`` with the extra string column ``event_group``; see the
        module docstring for the rules and the id.
    """
    schema.check(events, "events")
    out = undo_group_dates(events.drop(columns=["event_group"], errors="ignore")).copy()
    if not len(out):
        out["event_group"] = pd.Series([], dtype="string")
        return out
    generic: set[str] = set()
    persons: set[str] = set()
    if actors is not None and len(actors) and "kind" in actors:
        kinds = actors["kind"].astype("string").fillna("")
        generic = set(actors.loc[kinds.isin(GENERIC_KINDS), "actor_id"].astype(str))
        persons = set(actors.loc[kinds.eq("person"), "actor_id"].astype(str))

    place_info: dict[str, tuple[bool, str]] = {}
    if places is not None and len(places):
        cols = [c for c in ("place_id", "feature", "country_code") if c in places]
        for r in places[cols].dropna(subset=["place_id"]).to_dict("records"):
            feature = r.get("feature")
            cc = r.get("country_code")
            place_info[str(r["place_id"])] = (
                isinstance(feature, str) and feature in _BROAD_FEATURES,
                cc if isinstance(cc, str) else "",
            )
    published = _publication_days(out, articles)
    items = _items(out, place_info, published, window_days, persons)
    group_of = np.full(len(out), -1, dtype=np.int64)
    groups: list[_Group] = []
    by_family: dict[str, list[_Item]] = {}
    for it in items:
        by_family.setdefault(it.family, []).append(it)
    for family in sorted(by_family):
        block = by_family[family]
        # most precise first, then by begin and id: the result ignores the frame order
        block.sort(key=lambda i: (-i.rank, i.begin if i.begin is not None else 2**62, i.event_id))
        by_ref: dict[str, int] = {}
        postings: _Postings = {}
        for it in block:
            gid = _choose(it, groups, by_ref, postings, generic, min_jaccard, near_km, max_km)
            if gid is None:
                gid = len(groups)
                groups.append(_Group(key=gid, family=family))
            g = groups[gid]
            _add(g, it)
            if it.reference is not None:
                by_ref.setdefault(it.reference, gid)
            group_of[it.row] = gid
            # the group is found through each participant and year of its interval
            for p in it.participants:
                by_year = postings.setdefault(p, {})
                for year in _years(g.begin, g.end):
                    lst = by_year.setdefault(year, [])
                    if not lst or lst[-1] != gid:
                        lst.append(gid)

    ids = out["event_id"].astype(str).to_numpy()
    labels: dict[int, str] = {}
    used: set[str] = set()
    for g in groups:
        if g.reference is not None and f"ref:{g.reference}" not in used:
            labels[g.key] = f"ref:{g.reference}"
            used.add(labels[g.key])
        else:
            members = sorted(ids[k] for k in g.members)
            digest = hashlib.sha256("|".join(members).encode()).hexdigest()[:16]
            labels[g.key] = f"grp:{digest}"
    out["event_group"] = pd.Series([labels[int(k)] for k in group_of], index=out.index).astype(
        "string"
    )
    if fill_dates:
        out = date_from_groups(out, published=published)
    return out


def _publication_days(events: pd.DataFrame, articles: pd.DataFrame | None) -> dict[str, int]:
    """``article_id -> publication day`` (ns since epoch), from ``articles`` or else from
    the events dated by their article's publication."""
    out: dict[str, int] = {}
    if articles is not None and len(articles) and "published" in articles:
        pub = pd.to_datetime(articles["published"], utc=True, errors="coerce")
        for aid, ts in zip(articles["article_id"].astype(str), pub, strict=True):
            if not pd.isna(ts):
                out[aid] = int(ts.floor("D").value)
        return out
    if "time_source" in events:
        dated = events[events["time_source"].astype("string").eq("publication")]
        begins = pd.to_datetime(dated["begin"], utc=True, errors="coerce")
        for aid, ts in zip(dated["article_id"].astype(str), begins, strict=True):
            if not pd.isna(ts):
                out.setdefault(aid, int(ts.value))
    return out


def _items(
    events: pd.DataFrame,
    place_info: dict[str, tuple[bool, str]],
    published: dict[str, int] | None = None,
    window_days: int = 14,
    persons: set[str] | None = None,
) -> list[_Item]:
    published = published or {}
    half = window_days * _DAY_NS
    article_ids = events["article_id"].astype(str).tolist()

    def ns(col: str) -> list[int | None]:
        values = pd.to_datetime(events[col], utc=True, errors="coerce")
        arr = values.to_numpy(dtype="datetime64[ns]").astype("int64")
        mask = values.isna().to_numpy()
        return [None if m else int(v) for v, m in zip(arr, mask, strict=True)]

    begins, ends = ns("begin"), ns("end_date")
    lat = pd.to_numeric(events["lat"], errors="coerce").to_numpy(dtype=float)
    lon = pd.to_numeric(events["lon"], errors="coerce").to_numpy(dtype=float)
    place_ids = events["place_id"].astype("string").fillna("").tolist()
    refs = events["reference_id"].astype("string").tolist()
    precision = events["precision"].astype("string").fillna("").tolist()
    evidence = (
        events["evidence"].astype("string").fillna("").tolist()
        if "evidence" in events
        else [""] * len(events)
    )
    out = []
    for k, (eid, typ, parts) in enumerate(
        zip(events["event_id"].astype(str), events["type"], events["participants"], strict=True)
    ):
        b, e = begins[k], ends[k]
        if b is None or e is None or e <= b:
            b = e = None
        has_place = bool(place_ids[k]) or not (math.isnan(lat[k]) or math.isnan(lon[k]))
        ref = refs[k]
        out.append(
            _Item(
                row=k,
                event_id=eid,
                family=_family(typ),
                participants=frozenset(_person_key(str(p), persons) for p in _as_list(parts)),
                begin=b,
                end=e,
                place=(
                    _Place(
                        place_ids[k],
                        float(lat[k]),
                        float(lon[k]),
                        *place_info.get(place_ids[k], (False, "")),
                    )
                    if has_place
                    else None
                ),
                reference=None if ref is None or ref is pd.NA else str(ref),
                rank=PRECISION_RANK.get(precision[k], 0) if b is not None else -1,
                window=(
                    (published[article_ids[k]] - half, published[article_ids[k]] + half)
                    if b is None and article_ids[k] in published
                    else None
                ),
                quotes=(
                    quote_shingles(evidence[k]) if _family(typ) in SPEECH_FAMILIES else frozenset()
                ),
            )
        )
    return out


#: Families of speech acts: one speaker says many things a day, so sharing the speaker
#: and the day does not make two statements one; sharing quoted words does.
SPEECH_FAMILIES = frozenset({"statement"})
_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")
_WORD = re.compile(r"[a-z0-9']+")
_SHINGLE = 5


def quote_shingles(text: str) -> frozenset[str]:
    """Word 5-grams of the quoted words of ``text`` (lower case): two reports of one
    statement quote the same words ("We will not pay for that wall," he said)."""
    grams: set[str] = set()
    for m in _QUOTED.finditer(text or ""):
        words = _WORD.findall(m.group(1).lower().replace("’", "'"))
        grams |= {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
    return frozenset(grams)


def _person_key(actor_id: str, persons: set[str] | None) -> str:
    """How a participant compares across articles: a person outside the knowledge base
    by surname ("x:merkel" and "x:angela-merkel", "x:john-q-smith" and "x:john-smith"
    are one person reported by two outlets); every other actor by its id."""
    if not persons or actor_id not in persons or not actor_id.startswith("x:"):
        return actor_id
    last = actor_id[2:].rsplit("-", 1)[-1]
    return f"x:~{last}" if len(last) >= 3 else actor_id


def _as_list(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        return []


def _years(begin: int | None, end: int | None) -> list[int | None]:
    """Year buckets of an interval (None for undated or very long ones)."""
    if begin is None or end is None:
        return [None]
    y0 = 1970 + int(begin // _NS_PER_YEAR)
    y1 = 1970 + int((end - 1) // _NS_PER_YEAR)
    if y1 - y0 > 3:
        return [None]
    return list(range(y0, y1 + 1))


def _add(g: _Group, it: _Item) -> None:
    g.members.append(it.row)
    g.quotes |= it.quotes
    g.participants |= it.participants
    if it.begin is not None:
        if g.begin is None:
            g.begin, g.end = it.begin, it.end
        elif it.begin < g.end and g.begin < it.end:
            g.begin, g.end = max(g.begin, it.begin), min(g.end, it.end)
        # else a meeting one day off (_next_day_meeting): the group keeps its interval
    if it.place is not None:
        g.places.append(it.place)
    if it.reference is not None and g.reference is None:
        g.reference = it.reference


def _choose(
    it: _Item,
    groups: list[_Group],
    by_ref: dict[str, int],
    postings: _Postings,
    generic: set[str],
    min_jaccard: float,
    near_km: float,
    max_km: float,
) -> int | None:
    """The one group ``it`` joins, or None (no group fits, or several fit equally)."""
    if it.reference is not None and it.reference in by_ref:
        gid = by_ref[it.reference]
        if _interval_ok(it, groups[gid]):
            return gid
    if not it.participants:
        return None
    years = set(_years(it.begin, it.end))
    # groups are found through the event's specific participants; countries and
    # governments ("US") would otherwise make every US event a candidate of every other
    keys = (it.participants - generic) or it.participants
    candidates: set[int] = set()
    for p in keys:
        by_year = postings.get(p)
        if not by_year:
            continue
        if None in years:  # undated or very long: every year
            for lst in by_year.values():
                candidates.update(lst)
        else:
            for y in (*years, None):
                candidates.update(by_year.get(y, ()))
    scored: list[tuple[float, int]] = []
    for gid in sorted(candidates):
        g = groups[gid]
        if it.reference is not None and g.reference is not None and it.reference != g.reference:
            continue
        if not (_interval_ok(it, g) or _next_day_meeting(it, g, generic)):
            continue
        if it.begin is None and g.begin is None:
            continue  # two undated mentions: nothing says they are one event
        if it.begin is None and not _names_alike(it, g, generic):
            continue  # an undated mention must name who the dated group names
        if it.family in SPEECH_FAMILIES and not (it.quotes & g.quotes):
            continue  # one speaker's statements of one day are one only when they quote alike
        score = _participant_score(it, g, generic, min_jaccard, near_km, max_km)
        if score is not None:
            scored.append((score, gid))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[1]))
    if it.begin is None and len(scored) > 1:
        latest = _latest_at_publication(it, [groups[gid] for _, gid in scored])
        if latest is not None:
            return latest
        log.debug("undated event %s fits several groups; kept apart", it.event_id)
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 1e-9:
        log.debug("event %s fits several groups equally; kept apart", it.event_id)
        return None
    return scored[0][1]


_DAY_NS = 86_400 * 10**9


def _within_a_day(begin: int | None, end: int | None) -> bool:
    return begin is not None and end is not None and end - begin <= _DAY_NS


def _latest_at_publication(it: _Item, fitting: list[_Group]) -> int | None:
    """Of several dated groups an undated mention fits, the one of the day its article
    was published (a report of the evening's meeting mentions "the meeting" of that
    evening, not the one four days before) -- when every other lies three days or more
    from that day; else None."""
    if it.window is None:
        return None
    day = (it.window[0] + it.window[1]) // 2

    def gap(g: _Group) -> int:
        if g.begin is None or g.end is None:
            return 2**62
        return 0 if g.begin <= day < g.end else min(abs(g.begin - day), abs(g.end - day))

    ranked = sorted(fitting, key=gap)
    if gap(ranked[0]) < _DAY_NS and gap(ranked[1]) >= 3 * _DAY_NS:
        return ranked[0].key
    return None


def _names_alike(it: _Item, g: _Group, generic: set[str]) -> bool:
    """An undated mention names who the dated group names: exactly, or -- for a meeting
    whose mention names two or more specific participants (a pair who meet identifies
    the meeting; one well-known person, who meets many, does not) -- one set contains
    the other: reports of one meeting often name only some of those who meet."""
    if it.participants == g.participants:
        return True
    if it.family != "meeting" or len(it.participants - generic) < 2:
        return False
    return it.participants <= g.participants or g.participants <= it.participants


def _next_day_meeting(it: _Item, g: _Group, generic: set[str]) -> bool:
    """A dated meeting one day off a group of the same two or more specific participants:
    the same meeting (one that lasts two days, or a report whose "this afternoon" was
    anchored on the next day's publication), not a second one."""
    if it.family != "meeting" or it.begin is None or g.begin is None or it.end is None:
        return False
    if len((it.participants & g.participants) - generic) < 2:
        return False
    if not (_within_a_day(it.begin, it.end) and _within_a_day(g.begin, g.end)):
        return False
    return it.begin < g.end + _DAY_NS and g.begin < it.end + _DAY_NS


def _interval_ok(it: _Item, g: _Group) -> bool:
    if g.begin is None:
        return True
    if it.begin is None:
        # undated: the group must lie near the article's publication
        return it.window is not None and it.window[0] < g.end and g.begin < it.window[1]
    return it.begin < g.end and g.begin < it.end


def _participant_score(
    it: _Item,
    g: _Group,
    generic: set[str],
    min_jaccard: float,
    near_km: float,
    max_km: float,
) -> float | None:
    shared = it.participants & g.participants
    if not shared:
        return None
    near = False
    if it.place is not None and g.places:
        rel = {_place_relation(it.place, p, near_km, max_km) for p in g.places}
        if rel == {"far"}:
            return None
        near = bool(rel & {"same", "near"})
    jaccard = len(shared) / len(it.participants | g.participants)
    specific = bool(shared - generic)
    contained = it.participants <= g.participants or g.participants <= it.participants
    if not specific and not (it.begin is not None and _within_a_day(g.begin, g.end)):
        return None  # only countries/governments in common: a known day must say it is one
    if jaccard >= min_jaccard and (
        specific or len(shared) >= 2 or it.participants == g.participants
    ):
        ok = True  # "North Korea" and "North Korea": the interval tells the tests apart
    else:
        ok = specific and (contained or near)
    return jaccard + (0.5 if near else 0.0) if ok else None


def event_summary(events: pd.DataFrame, *, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event group of :func:`merge_events`.

    Parameters
    ----------
    events : pandas.DataFrame
        Events with an ``event_group`` column (:func:`merge_events` is applied first when
        it is missing).
    articles : pandas.DataFrame, optional
        The articles frame, for the sources and the first and last report (publication
        dates); without it those columns are empty.

    Returns
    -------
    pandas.DataFrame
        Columns ``event_group``, ``type`` (the most frequent), ``family``,
        ``participants`` (union, most mentioned first), ``begin``/``end_date`` (the
        tightest interval the members support: their intersection; when they do not
        meet, the day most reports agree on), ``precision`` (of
        the most precise member), ``place_id``, ``place_name``, ``lat``, ``lon`` (the
        most often stated place), ``statuses`` (sorted distinct statuses),
        ``reference_id``, ``n_events``, ``n_articles``, ``article_ids``, ``event_ids``,
        ``sources``, ``first_report``, ``last_report``; sorted by ``begin`` then group.
    """
    if "event_group" not in events:
        events = merge_events(events)
    cols = [
        "event_group",
        "type",
        "family",
        "participants",
        "begin",
        "end_date",
        "precision",
        "place_id",
        "place_name",
        "lat",
        "lon",
        "statuses",
        "reference_id",
        "n_events",
        "n_articles",
        "article_ids",
        "event_ids",
        "sources",
        "first_report",
        "last_report",
    ]
    if not len(events):
        return _typed(pd.DataFrame({c: [] for c in cols}))
    published: dict[str, pd.Timestamp] = {}
    source: dict[str, str] = {}
    if articles is not None and len(articles):
        for r in articles[["article_id", "source", "published"]].to_dict("records"):
            aid = str(r["article_id"])
            if not pd.isna(r["published"]):
                published[aid] = pd.Timestamp(r["published"])
            if isinstance(r["source"], str) and r["source"]:
                source[aid] = r["source"]
    members: dict[str, list[dict]] = {}
    events = events.assign(time_source=events.get("time_source", pd.NA))
    for r in events[
        [
            "time_source",
            "event_group",
            "event_id",
            "article_id",
            "type",
            "status",
            "participants",
            "begin",
            "end_date",
            "precision",
            "place_id",
            "place_name",
            "lat",
            "lon",
            "reference_id",
        ]
    ].to_dict("records"):
        members.setdefault(str(r["event_group"]), []).append(r)
    rows = [_summary_row(gid, g, published, source) for gid, g in sorted(members.items())]
    out = _typed(pd.DataFrame(rows, columns=cols))
    return out.sort_values(["begin", "event_group"], na_position="last").reset_index(drop=True)


def _na(value) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def _summary_row(
    gid: str, g: list[dict], published: dict[str, pd.Timestamp], source: dict[str, str]
) -> dict:
    types = Counter(str(r["type"]) for r in g)
    counts: Counter = Counter()
    for r in g:
        counts.update(str(p) for p in _as_list(r["participants"]))
    dated = [r for r in g if not _na(r["begin"]) and not _na(r["end_date"])]
    begin = max((r["begin"] for r in dated), default=pd.NaT)
    end = min((r["end_date"] for r in dated), default=pd.NaT)
    if dated and end <= begin:
        # members whose intervals do not meet (a meeting one day off, or linked by
        # reference): the day the reports agree on
        begin, end = _voted_day(dated)
    precision = None
    if dated:
        best = max(
            dated,
            key=lambda r: PRECISION_RANK.get("" if _na(r["precision"]) else r["precision"], 0),
        )
        precision = None if _na(best["precision"]) else best["precision"]
    placed = [r for r in g if not _na(r["place_id"])]
    place = (None, None, math.nan, math.nan)
    if placed:
        top = sorted(
            Counter(str(r["place_id"]) for r in placed).items(), key=lambda t: (-t[1], t[0])
        )
        p = next(r for r in placed if str(r["place_id"]) == top[0][0])
        place = (top[0][0], p["place_name"], p["lat"], p["lon"])
    refs = sorted({str(r["reference_id"]) for r in g if not _na(r["reference_id"])})
    aids = list(dict.fromkeys(str(r["article_id"]) for r in g))
    dates = [published[a] for a in aids if a in published]
    top_type = sorted(types.items(), key=lambda t: (-t[1], t[0]))[0][0]
    return {
        "event_group": gid,
        "type": top_type,
        "family": _family(top_type),
        "participants": [p for p, _ in sorted(counts.items(), key=lambda t: (-t[1], t[0]))],
        "begin": begin,
        "end_date": end,
        "precision": precision,
        "place_id": place[0],
        "place_name": None if _na(place[1]) else place[1],
        "lat": place[2],
        "lon": place[3],
        "statuses": sorted({str(r["status"]) for r in g if not _na(r["status"])}),
        "reference_id": refs[0] if refs else None,
        "n_events": len(g),
        "n_articles": len(aids),
        "article_ids": aids,
        "event_ids": sorted(str(r["event_id"]) for r in g),
        "sources": sorted({source[a] for a in aids if a in source}),
        "first_report": min(dates) if dates else pd.NaT,
        "last_report": max(dates) if dates else pd.NaT,
    }


def _voted_day(dated: list[dict]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The day most members are dated to: a report of something that occurred (told
    after the fact) counts twice, a date taken from another mention (coreference) half;
    ties go to the earlier day; ``NaT`` when no member is dated to the day."""
    votes: Counter = Counter()
    for r in dated:
        prec = "" if _na(r["precision"]) else str(r["precision"])
        if PRECISION_RANK.get(prec, 0) < PRECISION_RANK["day"]:
            continue
        day = pd.Timestamp(r["begin"]).floor("D")
        weight = 2.0 if str(r.get("status")) == "occurred" else 1.0
        if str(r.get("time_source")) != "timex":
            weight /= 2  # a date the mention took from another one, not its own words
        votes[day] += weight
    if not votes:
        return pd.NaT, pd.NaT
    day = sorted(votes.items(), key=lambda t: (-t[1], t[0]))[0][0]
    return day, day + pd.Timedelta(days=1)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in ("event_group", "type", "family", "precision", "place_id", "place_name"):
        df[c] = df[c].astype("string")
    df["reference_id"] = df["reference_id"].astype("string")
    for c in ("begin", "end_date", "first_report", "last_report"):
        df[c] = pd.to_datetime(df[c], utc=True).astype("datetime64[ns, UTC]")
    for c in ("lat", "lon"):
        df[c] = df[c].astype("float64")
    for c in ("n_events", "n_articles"):
        df[c] = df[c].astype("int64")
    for c in ("participants", "statuses", "article_ids", "event_ids", "sources"):
        df[c] = df[c].astype(object)
    return df
