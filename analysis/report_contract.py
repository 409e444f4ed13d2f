"""The data contract of the offline report: the payload the page reads and the trace roles.

:func:`report_payload` turns a corpus and its figures into ONE JSON document, which
:mod:`analysis.report` gzips and base64-encodes into the page (:func:`pack`); the page's
script (``analysis/assets/report.js``) unpacks it with the browser's own
``DecompressionStream`` and reads nothing else.  Everything the page shows comes from here:
hover text and counts are the figures' own (computed in Python), the page only keeps or
drops marks.

Payload (``contract`` = :data:`CONTRACT_VERSION`); tables are columnar (one list per column):

``articles``
    ``id``, ``title`` (``"(untitled)"`` when missing), ``titled`` (false when the
    title is missing: the text filter then searches ``""``), ``source`` (index into
    ``sources``), ``date`` (UTC day ``YYYY-MM-DD`` or null), ``url`` (http(s) only, else
    null), ``snippet``, ``actors`` (indexes into ``actors``, most mentioned first),
    ``places`` (indexes into ``places``), ``placeKeys`` (the lower-cased place ids, names,
    surface texts and country codes of its places rows: what the places filter matches),
    ``actorNames`` (display string), ``nPlaces``, ``nEvents``, ``duplicate`` (1 for a
    near-duplicate: ``duplicate_of`` set; hidden unless the ``duplicates`` filter is
    true).
``text``
    Per article its full text (the evidence sentences are cut from it by character
    offsets; the text filter searches ``title + "\\n" + text``).  The page writer packs
    it apart from the rest (element ``#newsdesk-text``): the page draws without it and
    unpacks it when a text filter or a click first needs it.
``actors``, ``places``, ``events``
    ``actors``: ``id``, ``name``, ``kind``, ``mentions``, ``aliases`` (ids found only in
    mentions are appended after the first ``listed`` rows, with their id as name; only
    listed rows resolve names and aliases); ``places``: ``id``, ``name``,
    ``country``; ``events``: ``id``, ``article`` (index), ``type`` (index into
    ``eventTypes``), ``span`` (``[start, end]`` of the evidence sentence in the text).
``sources``, ``eventTypes``, ``dateMin``, ``dateMax``, ``undated``
    Filter options and the date range; ``undated`` counts the articles without a date.
``filters``
    :func:`analysis.selection.filter_spec`: the meaning of every filter, which the page's
    ``select`` implements.
``figures``
    ``[{"kind", "div", "figure"}]``: the plotly figures, drawn as Python made them.

Trace roles.  A trace takes part in filtering and clicking when its ``meta.newsdesk``
names a role of :data:`ROLES`; :func:`link_figure` then adds ``meta.links`` to it, one
entry per point (never by trace or point position elsewhere):

- ``{"articles": [[article index, ...], ...], "spans": [[[start, end], ...], ...]}`` for
  roles whose points stand for places, actors or actor pairs (``spans`` gives, per listed
  article, the sentence that shows the point, ``[-1, -1]`` for none), or
- ``{"events": [[event index, ...], ...]}`` for roles whose points stand for events or
  event groups,

and ``meta.labels`` (plain text, one per point) for the page's "articles of ..." line.
A point is shown while any of its articles (or events) is kept by the filter.  A trace
with ``meta.gaps`` holds many line segments (:mod:`analysis.figures.segments`): its
points with ``null`` coordinates separate the segments and link to nothing; a kept
segment keeps the separator after it, so a filtered segment disappears without joining
its neighbours.  Roles in
:data:`STATIC_ROLES` (reference marks, volume strips...) are drawn as they are; a role in
neither set is drawn as it is with a log note (tests fail on it, so a new figure role is
declared here, not guessed by the page).
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.figures.template import truncate
from analysis.selection import UNKNOWN_SOURCE, filter_spec

__all__ = [
    "CONTRACT_VERSION",
    "ROLES",
    "STATIC_ROLES",
    "Role",
    "UNKNOWN_SOURCE",
    "report_payload",
    "link_figure",
    "pack",
    "unpack",
]

log = logging.getLogger(__name__)

CONTRACT_VERSION = 2
SNIPPET_CHARS = 220
MAX_SPANS_PER_ARTICLE = 1


@dataclass(frozen=True)
class Role:
    """What the points of a trace stand for.

    Attributes
    ----------
    kind : str
        ``"place"``, ``"actor"``, ``"edge"`` (``"a|b"``: two actor ids), ``"country"``
        (ISO 3166 alpha-2 or alpha-3 code) or ``"event"``.
    cd : int
        Position of the id in each point's ``customdata`` row.
    members : int or None
        For grouped marks: position of the list of member ids (used when present).
    """

    kind: str
    cd: int = 0
    members: int | None = None


#: Roles (``meta.newsdesk``) the page links to articles, and what their ids are.
ROLES: dict[str, Role] = {
    "places": Role("place"),
    "countries": Role("country"),
    "events": Role("event"),
    "arc": Role("event", members=1),
    "timeline": Role("event", members=3),
    "timeline_marker": Role("event", members=3),
    "actor_mentions": Role("actor"),
    "node": Role("actor"),
    "edge": Role("edge"),
}
#: Roles drawn as Python made them, whatever the filter.
STATIC_ROLES = frozenset(
    {
        "reference",
        "reference_marker",
        "volume",
        "actor_others",
        "others",
        "more",
        "label",
        "heatmap",
        "quotes",
    }
)


def pack(payload: dict) -> str:
    """The payload as base64 of gzipped UTF-8 JSON (what the page embeds)."""
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0)).decode(
        "ascii"
    )


def unpack(blob: str) -> dict:
    """Inverse of :func:`pack`."""
    return json.loads(gzip.decompress(base64.b64decode(blob)).decode("utf-8"))


def _date(value: Any) -> str | None:
    """The UTC day ``YYYY-MM-DD`` (what the selection's date filters compare)."""
    if value is None or pd.isna(value):
        return None
    ts = pd.Timestamp(value)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return ts.strftime("%Y-%m-%d")


def _safe_url(url: Any) -> str | None:
    if url is None or pd.isna(url):
        return None
    text = str(url).strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _text(value: Any, default: str = "") -> str:
    return default if value is None or pd.isna(value) else str(value)


class _Index:
    """Lookups from ids to article indexes and evidence spans, built once per payload."""

    def __init__(self, f: dict[str, pd.DataFrame], art_index: dict[str, int]) -> None:
        self.art_index = art_index
        sents = f["sentences"]
        self.span = {
            (str(a), int(s)): (int(b), int(e))
            for a, s, b, e in zip(
                sents["article_id"], sents["sentence_id"], sents["start"], sents["end"], strict=True
            )
        }
        self.place = self._first_span(f["places"], "place_id")
        ments = f["mentions"]
        self.actor = self._first_span(ments[ments["actor_id"].notna()], "actor_id")
        self.country: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        places = f["places"]
        iso3 = _iso3_map()
        for cc, arts in self._first_span(places, "country_code").items():
            self.country[cc].update(arts)
            if cc in iso3:
                self.country[iso3[cc]].update(arts)

    def _first_span(self, df: pd.DataFrame, key: str) -> dict[str, dict[int, tuple[int, int]]]:
        out: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        if not len(df):
            return out
        for k, a, s in zip(df[key], df["article_id"], df["sentence_id"], strict=True):
            if k is None or pd.isna(k):
                continue
            i = self.art_index.get(str(a))
            if i is None:
                continue
            slot = out[str(k)]
            if i not in slot:
                sid = None if s is None or pd.isna(s) else int(s)
                slot[i] = self.span.get((str(a), sid), (-1, -1)) if sid is not None else (-1, -1)
        return out


def _aliases(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    return [str(v) for v in value if v is not None and str(v)]


def _iso3_map() -> dict[str, str]:
    try:
        import pycountry
    except ImportError:  # optional: alpha-3 country ids are then not linked
        return {}
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _ids_of(role: Role, row: Any) -> list[str]:
    if not isinstance(row, (list, tuple)):
        row = [row]
    if role.members is not None and len(row) > role.members:
        members = row[role.members]
        if isinstance(members, (list, tuple)) and members:
            return [str(m) for m in members]
    return [str(row[role.cd])] if len(row) > role.cd and row[role.cd] is not None else []


def link_figure(
    fig: dict,
    index: _Index,
    *,
    event_index: dict[str, int],
    event_label: Callable[[int], str],
    names: dict[str, dict[str, str]],
) -> set[str]:
    """Add ``meta.links`` and ``meta.labels`` to every linked trace of ``fig`` (in place).

    Returns
    -------
    set of str
        Roles of ``fig`` that are neither linked nor static (drawn as they are).
    """
    unknown: set[str] = set()
    for trace in fig.get("data") or []:
        meta = trace.get("meta")
        role_name = meta.get("newsdesk") if isinstance(meta, dict) else None
        if role_name is None or role_name in STATIC_ROLES:
            continue
        role = ROLES.get(str(role_name))
        if role is None:
            unknown.add(str(role_name))
            continue
        rows = trace.get("customdata") or []
        if not rows:  # nothing to link: drawn as it is
            continue
        labels: list[str] = []
        if role.kind == "event":
            events = []
            for row in rows:
                ids = [event_index[i] for i in _ids_of(role, row) if i in event_index]
                events.append(ids)
                labels.append(event_label(ids[0]) if ids else "")
            meta["links"] = {"events": events}
        else:
            arts, spans = [], []
            for row in rows:
                ids = _ids_of(role, row)
                key = ids[0] if ids else ""
                if not key:  # a separator of a gapped trace, or a point without an id
                    found = {}
                    labels.append("")
                elif role.kind == "edge":
                    a, _, b = key.partition("|")
                    both = set(index.actor.get(a, {})) & set(index.actor.get(b, {}))
                    found = {i: (-1, -1) for i in sorted(both)}
                    labels.append(f"{names['actor'].get(a, a)} and {names['actor'].get(b, b)}")
                else:
                    table = {"place": index.place, "actor": index.actor, "country": index.country}
                    found = table[role.kind].get(key, {})
                    labels.append(names.get(role.kind, {}).get(key, key))
                order = sorted(found)
                arts.append(order)
                spans.append([list(found[i]) for i in order])
            meta["links"] = {"articles": arts, "spans": spans}
        meta["labels"] = labels
    return unknown


def report_payload(f: dict[str, pd.DataFrame], figures: list[tuple[str, str, dict]]) -> dict:
    """The page's JSON payload (see the module docstring for its fields).

    Parameters
    ----------
    f : dict of str to DataFrame
        The corpus frames by name (checked by the caller against :mod:`analysis.schema`).
    figures : list of (kind, div id, figure dict)
        The figures, as plotly JSON; their linked traces gain ``meta.links``.

    Returns
    -------
    dict
        JSON-serialisable.
    """
    arts = f["articles"].copy()
    arts["_date"] = [_date(v) for v in arts["published"]]
    arts["_title"] = [_text(t, "(untitled)") for t in arts["title"]]
    arts = arts.sort_values(["_date", "_title"], na_position="last", kind="stable")
    ids = [str(a) for a in arts["article_id"]]
    art_index = {a: i for i, a in enumerate(ids)}
    actors = f["actors"]
    ments = f["mentions"]
    am = ments[ments["actor_id"].notna()]
    extra = sorted(set(am["actor_id"].astype(str)) - set(actors["actor_id"].astype(str)))
    actor_ids = [str(a) for a in actors["actor_id"]] + extra
    actor_pos = {a: i for i, a in enumerate(actor_ids)}
    actor_names = [_text(n, a) for n, a in zip(actors["name"], actor_ids, strict=False)] + extra
    actor_kinds = [_text(k, "other") for k in actors["kind"]] + ["other"] * len(extra)
    actor_mentions = [int(m) if pd.notna(m) else 0 for m in actors["mentions"]] + [
        int(n) for n in am[am["actor_id"].astype(str).isin(extra)].groupby("actor_id").size()
    ]
    aliases = [_aliases(v) for v in actors["aliases"]] + [[] for _ in extra]
    places = f["places"].dropna(subset=["place_id"])
    place_table = places.drop_duplicates("place_id")
    place_ids = [str(p) for p in place_table["place_id"]]
    place_pos = {p: i for i, p in enumerate(place_ids)}

    per_article: dict[str, list[str]] = {}
    if len(am):
        counts = am.groupby(["article_id", "actor_id"]).size().reset_index(name="n")
        counts = counts.sort_values(["article_id", "n"], ascending=[True, False], kind="stable")
        for aid, part in counts.groupby("article_id", sort=False):
            per_article[str(aid)] = [str(a) for a in part["actor_id"]]
    places_of: dict[str, list[int]] = defaultdict(list)
    for aid, pid in places[["article_id", "place_id"]].drop_duplicates().itertuples(index=False):
        places_of[str(aid)].append(place_pos[str(pid)])
    place_keys: dict[str, set[str]] = defaultdict(set)
    allp = f["places"]
    for col in ("place_id", "name", "text", "country_code"):
        for aid, value in zip(allp["article_id"], allp[col], strict=True):
            missing = value is None or pd.isna(value)
            place_keys[str(aid)].add("" if missing else str(value).lower())

    events = f["events"]
    ev_art = [art_index.get(str(a), -1) for a in events["article_id"]]
    keep_ev = [i >= 0 for i in ev_art]
    events = events.iloc[[i for i, k in enumerate(keep_ev) if k]]
    ev_art = [i for i in ev_art if i >= 0]
    n_events = pd.Series(ev_art).value_counts().to_dict() if ev_art else {}
    types = [_text(t, "unknown") for t in events["type"]]
    event_types = sorted(set(types))
    type_pos = {t: i for i, t in enumerate(event_types)}
    index = _Index(f, art_index)
    ev_span = [
        list(index.span.get((str(a), int(s)), (-1, -1))) if pd.notna(s) else [-1, -1]
        for a, s in zip(events["article_id"], events["sentence_id"], strict=True)
    ]
    ev_ids = [str(e) for e in events["event_id"]]
    event_index = {e: i for i, e in enumerate(ev_ids)}
    ev_dates = [_date(b) for b in events["begin"]]

    sources = [_text(s, UNKNOWN_SOURCE) for s in arts["source"]]
    source_list = sorted(set(sources))
    source_pos = {s: i for i, s in enumerate(source_list)}

    def event_label(i: int) -> str:
        return f"{types[i]}" + (f" ({ev_dates[i]})" if ev_dates[i] else "")

    names = {
        "actor": dict(zip(actor_ids, actor_names, strict=True)),
        "place": dict(zip(place_ids, (_text(n) for n in place_table["name"]), strict=True)),
    }
    unknown: set[str] = set()
    for _kind, _div, fig in figures:
        unknown |= link_figure(
            fig, index, event_index=event_index, event_label=event_label, names=names
        )
    if unknown:
        log.info("report: trace role(s) %s are not in the data contract", sorted(unknown))

    day_of = [d if isinstance(d, str) else None for d in arts["_date"]]
    dates = [d for d in day_of if d]
    article_actors = [[actor_pos[a] for a in per_article.get(i, []) if a in actor_pos] for i in ids]
    return {
        "contract": CONTRACT_VERSION,
        "articles": {
            "id": ids,
            "title": list(arts["_title"]),
            "titled": [bool(_text(t)) for t in arts["title"]],
            "source": [source_pos[s] for s in sources],
            "date": day_of,
            "url": [_safe_url(u) for u in arts["url"]],
            "snippet": [truncate(_text(t), SNIPPET_CHARS) for t in arts["text"]],
            "actors": article_actors,
            "actorNames": [", ".join(actor_names[a] for a in acts[:6]) for acts in article_actors],
            "places": [sorted(set(places_of.get(i, []))) for i in ids],
            "placeKeys": [sorted(place_keys.get(i, ())) for i in ids],
            "nPlaces": [len(set(places_of.get(i, []))) for i in ids],
            "nEvents": [int(n_events.get(k, 0)) for k in range(len(ids))],
            "duplicate": [
                0 if v is None or pd.isna(v) else 1
                for v in (
                    arts["duplicate_of"] if "duplicate_of" in arts.columns else [None] * len(ids)
                )
            ],
        },
        "text": [_text(t) for t in arts["text"]],
        "actors": {
            "id": actor_ids,
            "name": actor_names,
            "kind": actor_kinds,
            "mentions": actor_mentions,
            "aliases": aliases,
            "listed": len(actors),
        },
        "places": {
            "id": place_ids,
            "name": [_text(n) for n in place_table["name"]],
            "country": [_text(c) for c in place_table["country_code"]],
        },
        "events": {
            "id": ev_ids,
            "article": ev_art,
            "type": [type_pos[t] for t in types],
            "span": ev_span,
        },
        "sources": source_list,
        "eventTypes": event_types,
        "dateMin": min(dates) if dates else None,
        "dateMax": max(dates) if dates else None,
        "undated": len(ids) - len(dates),
        "unlinkedRoles": sorted(unknown),
        "filters": filter_spec(),
        "figures": [{"kind": k, "div": d, "figure": fig} for k, d, fig in figures],
    }
