"""One meaning for every filter: which articles a selection keeps, and what they say.

:meth:`analysis.corpus.Corpus.filter`, the explorer (:mod:`analysis.widgets`) and the
offline report all select articles through this module, so a filter means the same in a
script, in JupyterLab and in a shared HTML page.

>>> from analysis.selection import select
>>> view = select(corpus, actors=["Kim Jong Un"], start="2019-04-01")   # doctest: +SKIP
>>> view.describe()                                                       # doctest: +SKIP
'12 of 952 articles (1 undated), 30 places, 41 events'

The filters
-----------
=============  =========================================================================
filter         an article is kept when ...
=============  =========================================================================
actors         one of its mentions (``mentions.actor_id``) is one of the actors named.
               A value names an actor by its ``actor_id``, its ``name`` or one of its
               ``aliases`` (case-insensitive, whole value); a value naming no actor in
               the actors frame is still taken as an id.
start          it is dated and published on or after ``start``.
end            it is dated and published on or before ``end``; a plain date
               (``"2019-04-30"``, a :class:`datetime.date`) includes that whole day, a
               month (``"2019-04"``) or a year (``"2019"``) its whole period; a
               timestamp with a time of day is an instant (inclusive).
               Dates are compared in UTC; naive values are read as UTC.
               Undated articles (``published`` is NaT) are kept unless ``start`` or
               ``end`` is set; :attr:`View.undated` says how many kept ones are undated.
sources        its ``source`` equals one of the values (case-insensitive); an article
               without a source has the source ``"(unknown source)"``
               (:data:`UNKNOWN_SOURCE`).
places         one of its ``places`` rows has a ``place_id``, ``name``, surface
               ``text`` or ``country_code`` equal to one of the values
               (case-insensitive): ``"Vladivostok"``, ``"gn:2013348"``, ``"RU"``.
event_types    it reports an event (``events.type``, case-insensitive; a missing type
               is ``"unknown"``) of one of the types.  Only the events of those types
               are kept in the selection; every other frame keeps all rows of the
               kept articles.
text           the value (stripped of surrounding whitespace) is a case-insensitive
               plain substring -- not a regular expression: ``"U.S."`` does not match
               ``"UAS"`` -- of ``title + "\\n" + text`` (a missing title or text is
               ``""``).  An empty or blank value is no filter.
duplicates     ``False`` (the default): it is not a near-duplicate -- its
               ``duplicate_of`` (set by :mod:`analysis.io.duplicates` on syndicated
               copies and updated versions of a story) is missing, so each story is
               counted once, by its representative.  ``True`` keeps the copies too.
               :attr:`View.duplicates_hidden` says how many articles it hid.
=============  =========================================================================

How filters combine: AND across filters, OR within one (an article is kept when it
passes every filter given; a filter with several values passes when any value
matches).  ``None`` (the default) means no filter; an empty list keeps no article.  A
single string is a list of one value.  "Case-insensitive" is both sides lowercased
with the Unicode default mapping (Python ``str.lower``, JavaScript
``String.prototype.toLowerCase``), so the rule can be written identically in the
report's JavaScript; :func:`filter_spec` describes every filter as data for that.

What a selection holds
----------------------
Every per-article frame (sentences, mentions, quotes, places, timexes, events) keeps
the rows of the kept articles (events: also of the kept types).  The corpus-wide
frames are re-derived from those rows by :func:`derive` with the functions the build
uses: actors (mentions and article counts) and co-mention edges are merged from the
per-article parts (:func:`analysis.pipeline.merge_actor_parts`,
:func:`analysis.pipeline.merge_edge_parts`) when the corpus has them, else recounted
from the kept actor mentions; event groups are recomputed over the kept events
(:func:`analysis.pipeline.group_events`).  A selection that keeps everything returns
the corpus' own frames.

For many selections of one corpus (the explorer), build a :class:`Selector` once: it
precomputes per-article indexes so that each selection is a few vectorised lookups.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis import schema

__all__ = [
    "FILTERS",
    "UNKNOWN_SOURCE",
    "Selector",
    "View",
    "derive",
    "filter_spec",
    "normalize_filters",
    "recount_actors",
    "recount_edges",
    "select",
]

log = logging.getLogger(__name__)

#: The filters, in the order the table of the module docstring lists them.
FILTERS = ("actors", "start", "end", "sources", "places", "event_types", "text", "duplicates")
#: The source of an article without one (what the ``sources`` filter matches).
UNKNOWN_SOURCE = "(unknown source)"
#: The type of an event without one (what the ``event_types`` filter matches).
UNKNOWN_TYPE = "unknown"

_FRAMES = tuple(schema.SCHEMAS)
_PER_ARTICLE = ("sentences", "mentions", "quotes", "places", "timexes", "events")
_STATE = ("actor_parts", "edge_parts", "index")
_PERIOD = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*$")


def filter_spec() -> dict[str, Any]:
    """Every filter's meaning as data: the contract another implementation follows.

    The report's JavaScript filter implements these rules; a test runs the same
    filters through :func:`select` and the page and compares the kept article ids.

    Returns
    -------
    dict
        ``{"filters": {name: {...}}, "combine": ..., "none": ..., "empty": ...,
        "case": ..., "unknown_source": ..., "unknown_type": ...}``.  Each filter has
        ``frame`` and ``fields`` (the columns it reads), ``match`` (``"any_equal"``,
        ``"min_day"``, ``"max_day"`` or ``"substring"``) and ``doc``.
    """
    return {
        "filters": {
            "actors": {
                "frame": "mentions",
                "fields": ["actor_id"],
                "match": "any_equal",
                "resolve": {"frame": "actors", "fields": ["actor_id", "name", "aliases"]},
                "doc": "articles with a mention of any of the actors; values are actor ids, "
                "names or aliases (case-insensitive), resolved to ids first",
            },
            "start": {
                "frame": "articles",
                "fields": ["published"],
                "match": "min_day",
                "doc": "dated articles whose UTC publication day (YYYY-MM-DD) is >= start",
            },
            "end": {
                "frame": "articles",
                "fields": ["published"],
                "match": "max_day",
                "doc": "dated articles whose UTC publication day (YYYY-MM-DD) is <= end "
                "(the whole end day is included)",
            },
            "sources": {
                "frame": "articles",
                "fields": ["source"],
                "match": "any_equal",
                "doc": f"articles whose source (missing: {UNKNOWN_SOURCE!r}) equals any "
                "value, case-insensitive",
            },
            "places": {
                "frame": "places",
                "fields": ["place_id", "name", "text", "country_code"],
                "match": "any_equal",
                "doc": "articles with a places row whose id, name, surface text or country "
                "code equals any value, case-insensitive",
            },
            "event_types": {
                "frame": "events",
                "fields": ["type"],
                "match": "any_equal",
                "keeps_events": "only the events of the kept articles with these types",
                "doc": f"articles reporting an event of any of the types (missing type: "
                f"{UNKNOWN_TYPE!r}), case-insensitive; only those events are kept",
            },
            "text": {
                "frame": "articles",
                "fields": ["title", "text"],
                "match": "substring",
                "haystack": 'lower(title or "") + "\\n" + lower(text or "")',
                "strip": True,
                "doc": "the stripped value, lowercased, is a plain substring (no regular "
                "expression) of the lowercased title + newline + text; blank = no filter",
            },
            "duplicates": {
                "frame": "articles",
                "fields": ["duplicate_of"],
                "match": "keep_duplicates",
                "default": False,
                "doc": "false (the default) drops the near-duplicates (duplicate_of set); "
                "true keeps them",
            },
        },
        "combine": "AND across filters, OR within one filter's values",
        "none": "a filter that is None (or omitted) does not filter",
        "empty": "a filter given as an empty list keeps no article",
        "undated": "undated articles are kept unless start or end is set",
        "case": "both sides lowercased: Python str.lower == JavaScript toLowerCase",
        "unknown_source": UNKNOWN_SOURCE,
        "unknown_type": UNKNOWN_TYPE,
    }


# ------------------------------------------------------------------ normalising


def _values(name: str, value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        out = []
        for v in value:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                continue
            out.append(str(v))
        return out
    raise TypeError(f"{name}: expected a string or a list of strings, got {type(value).__name__}")


def _bound(name: str, value: Any, *, end: bool) -> pd.Timestamp | None:
    """The first instant kept (start) or the first instant dropped (end): UTC."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        m = _PERIOD.match(value)
        if m:
            freq = "D" if m.group(3) else "M" if m.group(2) else "Y"
            try:
                period = pd.Period(value.strip(), freq=freq)
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{name}: {value!r} is not a valid date") from exc
            ts = (period + 1).start_time if end else period.start_time
            return ts.tz_localize("UTC")
    elif isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        ts = pd.Timestamp(value) + (pd.Timedelta(days=1) if end else pd.Timedelta(0))
        return ts.tz_localize("UTC")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{name}: {value!r} is not a date or a timestamp") from exc
    if ts is pd.NaT:
        return None
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return ts + pd.Timedelta(1, "ns") if end else ts  # an instant as end is inclusive


def normalize_filters(
    *,
    actors: Iterable[str] | str | None = None,
    start: Any = None,
    end: Any = None,
    sources: Iterable[str] | str | None = None,
    places: Iterable[str] | str | None = None,
    event_types: Iterable[str] | str | None = None,
    text: str | None = None,
    duplicates: bool | None = False,
) -> dict[str, Any]:
    """The filters in canonical form (see the module docstring for their meaning).

    Returns
    -------
    dict
        Every name of :data:`FILTERS`: lists of strings (or ``None``), ``start`` the
        first UTC instant kept, ``end`` the first UTC instant dropped (or ``None``),
        ``text`` the stripped needle (``None`` when blank), ``duplicates`` a bool
        (``None`` is the default, ``False``).

    Raises
    ------
    ValueError
        A date that cannot be read.
    TypeError
        A list filter given something that is neither a string nor an iterable.
    """
    needle = None
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"text: expected a string, got {type(text).__name__}")
        needle = text.strip() or None
    return {
        "actors": _values("actors", actors),
        "start": _bound("start", start, end=False),
        "end": _bound("end", end, end=True),
        "sources": _values("sources", sources),
        "places": _values("places", places),
        "event_types": _values("event_types", event_types),
        "text": needle,
        "duplicates": bool(duplicates),
    }


# ------------------------------------------------------------------ the view


@dataclass(repr=False)
class View:
    """The frames a selection keeps (the same attributes as a Corpus: figures accept it).

    Attributes
    ----------
    articles, sentences, mentions, actors, quotes, edges, places, timexes, events
        The frames (:mod:`analysis.schema`); actors, edges and event groups re-derived.
    filters : dict
        The filters as given (``None`` values left out).
    total : int
        Articles in the corpus the selection was made from.
    undated : int
        Kept articles without a publication date.
    duplicates_hidden : int
        Near-duplicates (``duplicate_of`` set) the other filters would keep, hidden
        because ``duplicates`` was not ``True``.
    state : dict or None
        The kept per-article parts (``actor_parts``, ``edge_parts``, ``index``) when
        the corpus had them (a filtered :class:`~analysis.corpus.Corpus` keeps them).
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    edges: pd.DataFrame
    places: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    filters: dict = field(default_factory=dict)
    total: int = 0
    undated: int = 0
    state: dict | None = None
    duplicates_hidden: int = 0

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames by name."""
        return {name: getattr(self, name) for name in _FRAMES}

    @property
    def article_ids(self) -> list[str]:
        """Ids of the kept articles, in corpus order."""
        return self.articles["article_id"].astype(str).tolist()

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return f"<View: {self.describe()}>"

    def describe(self) -> str:
        """One line: kept articles of the total, undated ones, places and events."""
        undated = f" ({self.undated:,} undated)" if self.undated else ""
        n_places = self.places["place_id"].nunique()
        hidden = (
            f"; {self.duplicates_hidden:,} near-duplicate(s) hidden"
            if self.duplicates_hidden
            else ""
        )
        return (
            f"{len(self.articles):,} of {self.total:,} articles{undated}, "
            f"{n_places:,} places, {len(self.events):,} events{hidden}"
        )


# ------------------------------------------------------------------ selector


def _frames_of(corpus: Any) -> dict[str, pd.DataFrame]:
    out = {}
    for name in _FRAMES:
        value = getattr(corpus, name, None)
        out[name] = schema.check(value, name) if isinstance(value, pd.DataFrame) else None
        if out[name] is None:
            out[name] = schema.empty(name)
    return out


def _state_of(corpus: Any) -> dict[str, pd.DataFrame] | None:
    """The per-article parts of a Corpus (None for other objects or without them)."""
    load = getattr(type(corpus), "_load_state", None)
    if load is None:
        return None
    state = load(corpus)
    if state is None or not set(_STATE) <= set(state):
        return None
    return state


def _lower(series: pd.Series, missing: str = "") -> np.ndarray:
    """Python ``str.lower`` of each value (the full Unicode mapping, as JavaScript's
    ``toLowerCase``: "İ" -> "i̇", a final "Σ" -> "ς"; Arrow's own lowercasing differs)."""
    values = series.astype(object).where(series.notna(), None).tolist()
    return np.array(
        [v.lower() if isinstance(v, str) else missing.lower() for v in values], dtype=object
    )


class Selector:
    """Per-article indexes of one corpus, built once; :meth:`select` as often as needed.

    Parameters
    ----------
    corpus : Corpus or any object with the frames as attributes
        The corpus to select from.
    state : dict, optional
        Per-article parts (``actor_parts``, ``edge_parts``, ``index``); taken from a
        :class:`~analysis.corpus.Corpus` when omitted.
    """

    def __init__(self, corpus: Any, *, state: dict[str, pd.DataFrame] | None = None) -> None:
        self.frames = _frames_of(corpus)
        self.state = state if state is not None else _state_of(corpus)
        #: the corpus-wide actor joins (article id -> corpus id, None: dropped), made
        #: from the parts as the build made them; applied to every selection
        self.joins: dict | None = None
        if self.state is not None and "actor_parts" in self.state:
            self.joins = corpus_identity(
                self.state["actor_parts"], self.frames["actors"], self.frames.get("mentions")
            )
            _, self.frames = _joined({}, self.frames, self.joins)
        arts = self.frames["articles"]
        self.ids = arts["article_id"].astype(str).to_numpy(dtype=object)
        self._position = pd.Index(self.ids)
        published = pd.to_datetime(arts["published"], utc=True).dt.tz_convert(None)
        self.published = published.to_numpy(dtype="datetime64[ns]")
        self.dated = ~pd.isna(self.published)
        self.sources = _lower(arts["source"], UNKNOWN_SOURCE)
        dup = arts["duplicate_of"] if "duplicate_of" in arts.columns else None
        self.duplicate = (
            dup.notna().to_numpy(dtype=bool) if dup is not None else np.zeros(len(arts), bool)
        )
        self._haystack: np.ndarray | None = None
        # article position of every row of every per-article frame (-1: not an article)
        self.codes = {name: self._codes(self.frames[name]) for name in _PER_ARTICLE}
        self.state_codes = (
            {k: self._codes(v) for k, v in self.state.items() if k in _STATE}
            if self.state is not None
            else {}
        )
        m = self.frames["mentions"]
        self._mention_actor = m["actor_id"].astype("string").to_numpy(dtype=object)
        pl = self.frames["places"]
        self._place_keys = [_lower(pl[c]) for c in ("place_id", "name", "text", "country_code")]
        self._event_types = _lower(self.frames["events"]["type"], UNKNOWN_TYPE)
        self._actor_lookup: dict[str, set[str]] | None = None

    def _codes(self, df: pd.DataFrame) -> np.ndarray:
        if "article_id" not in df.columns or not len(df):
            return np.zeros(0, dtype=np.int64)
        return self._position.get_indexer(df["article_id"].astype(str))

    @property
    def haystack(self) -> np.ndarray:
        """``lower(title) + "\\n" + lower(text)`` per article (computed on first use)."""
        if self._haystack is None:
            arts = self.frames["articles"]
            title, text = _lower(arts["title"]), _lower(arts["text"])
            self._haystack = np.array(
                [t + "\n" + x for t, x in zip(title, text, strict=True)], dtype=object
            )
        return self._haystack

    def resolve_actors(self, values: Iterable[str]) -> set[str]:
        """The actor ids that ``values`` name (ids, names or aliases, case-insensitive)."""
        if self._actor_lookup is None:
            lookup: dict[str, set[str]] = {}
            act = self.frames["actors"]
            for aid, name, aliases in zip(
                act["actor_id"], act["name"], act["aliases"], strict=True
            ):
                if not isinstance(aid, str):
                    continue
                keys = [aid, name]
                if isinstance(aliases, (list, tuple, set, np.ndarray)):
                    keys.extend(aliases)
                for k in keys:
                    if isinstance(k, str) and k:
                        lookup.setdefault(k.lower(), set()).add(aid)
            self._actor_lookup = lookup
        out: set[str] = set()
        for v in values:
            out.add(v)
            out |= self._actor_lookup.get(v.lower(), set())
        return out

    def _hit(self, codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Articles having at least one of the ``rows`` (bool mask over frame rows)."""
        mask = np.zeros(len(self.ids), dtype=bool)
        found = codes[rows]
        mask[found[found >= 0]] = True
        return mask

    def mask(self, **filters: Any) -> np.ndarray:
        """The kept articles as a boolean array in corpus order (see :func:`select`)."""
        f = normalize_filters(**filters)
        keep = self._mask(f)
        if not f["duplicates"]:
            keep &= ~self.duplicate
        return keep

    def _mask(self, f: dict[str, Any]) -> np.ndarray:
        """The articles every filter but ``duplicates`` keeps."""
        keep = np.ones(len(self.ids), dtype=bool)
        if f["actors"] is not None:
            wanted = self.resolve_actors(f["actors"])
            rows = pd.Series(self._mention_actor).isin(wanted).to_numpy()
            keep &= self._hit(self.codes["mentions"], rows)
        if f["start"] is not None or f["end"] is not None:
            ok = self.dated.copy()
            pub = self.published
            if f["start"] is not None:
                ok &= pub >= f["start"].tz_convert(None).to_datetime64()
            if f["end"] is not None:
                ok &= pub < f["end"].tz_convert(None).to_datetime64()
            keep &= ok
        if f["sources"] is not None:
            keep &= np.isin(self.sources, [s.lower() for s in f["sources"]])
        if f["places"] is not None:
            wanted = [p.lower() for p in f["places"]]
            rows = np.zeros(len(self.codes["places"]), dtype=bool)
            for col in self._place_keys:
                rows |= np.isin(col, wanted)
            keep &= self._hit(self.codes["places"], rows)
        if f["event_types"] is not None:
            rows = np.isin(self._event_types, [t.lower() for t in f["event_types"]])
            keep &= self._hit(self.codes["events"], rows)
        if f["text"] is not None:
            needle = f["text"].lower()
            keep &= np.fromiter((needle in h for h in self.haystack), bool, len(self.ids))
        return keep

    def article_ids(self, **filters: Any) -> list[str]:
        """Ids of the articles the filters keep, in corpus order."""
        return self.ids[self.mask(**filters)].tolist()

    def select(
        self,
        *,
        derive_frames: bool = True,
        regroup: bool = True,
        fast: bool = False,
        regroup_max: int = 0,
        progress: Callable[[str], None] | None = None,
        **filters: Any,
    ) -> View:
        """The frames the filters keep (see :func:`select` for the parameters).

        ``fast=True`` (the explorer) keeps the corpus-wide event groups and sums the
        actor parts with one group-by (:func:`derive` with ``regroup=False,
        exact=False``): the same articles, events and counts, a few times quicker.
        With ``fast=True`` the event groups are still recomputed over the kept events
        when there are at most ``regroup_max`` of them (a fraction of a second at a few
        thousand events; grouping grows faster than linearly with the events).
        """
        norm = normalize_filters(**filters)
        keep = self._mask(norm)
        hidden = 0
        if not norm["duplicates"]:
            hidden = int((keep & self.duplicate).sum())
            keep &= ~self.duplicate
        types = norm["event_types"]
        everything = bool(keep.all()) and types is None
        given = {k: v for k, v in filters.items() if v is not None and v is not False}
        undated = int((~self.dated[keep]).sum())
        if everything:
            return View(
                **self.frames, filters=given, total=len(self.ids), undated=undated,
                state=self.state, duplicates_hidden=hidden,
            )  # fmt: skip
        frames = {"articles": self.frames["articles"][keep].reset_index(drop=True)}
        for name in _PER_ARTICLE:
            codes = self.codes[name]
            rows = keep[codes] & (codes >= 0) if len(codes) else np.zeros(0, dtype=bool)
            if name == "events" and types is not None and len(rows):
                rows &= np.isin(self._event_types, [t.lower() for t in types])
            frames[name] = self.frames[name][rows].reset_index(drop=True)
        state = None
        if self.state is not None:
            state = {}
            for k, codes in self.state_codes.items():
                rows = keep[codes] & (codes >= 0) if len(codes) else np.zeros(0, dtype=bool)
                state[k] = self.state[k][rows].reset_index(drop=True)
        frames["actors"] = self.frames["actors"]
        frames["edges"] = self.frames["edges"]
        rows_events = len(frames["events"])
        if derive_frames:
            frames = derive(
                frames,
                state=state,
                regroup=regroup and (not fast or int(rows_events) <= regroup_max),
                exact=not fast,
                progress=progress,
                joins=self.joins,
            )
        return View(
            **frames, filters=given, total=len(self.ids), undated=undated, state=state,
            duplicates_hidden=hidden,
        )  # fmt: skip


# ------------------------------------------------------------------ derive


def _actor_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that count for actors: an actor_id, and the role "actor" if known."""
    m = mentions[mentions["actor_id"].notna()]
    if "role" in m.columns:
        role = m["role"].astype("string")
        m = m[role.isna() | (role == "actor")]
    return m


def recount_actors(actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """``actors`` restricted to those in ``mentions``, with mentions/articles recounted."""
    m = _actor_mentions(mentions)
    counts = m.groupby("actor_id").agg(
        mentions=("start", "size"), articles=("article_id", "nunique")
    )
    act = actors.drop(columns=["mentions", "articles"]).merge(
        counts, left_on="actor_id", right_index=True, how="inner"
    )
    act = act.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable")
    return schema.conform(act, "actors")


def recount_edges(mentions: pd.DataFrame) -> pd.DataFrame:
    """Co-mention edges of ``mentions``, counted per sentence.

    The vectorised form of :func:`analysis.actors.graph.pair_weights` (sentence scope)
    summed over articles as :func:`analysis.actors.graph.merge_edges` does.
    """
    m = _actor_mentions(mentions)
    pairs = m[["article_id", "sentence_id", "actor_id"]].astype(
        {"article_id": str, "actor_id": str}
    )
    pairs = pairs.drop_duplicates()
    joined = pairs.merge(pairs, on=["article_id", "sentence_id"], suffixes=("_a", "_b"))
    joined = joined[joined["actor_id_a"] < joined["actor_id_b"]]
    if not len(joined):
        return schema.empty("edges")
    out = joined.groupby(["actor_id_a", "actor_id_b"], sort=True).agg(
        weight=("sentence_id", "size"), articles=("article_id", "nunique")
    )
    out = out.reset_index().rename(columns={"actor_id_a": "source", "actor_id_b": "target"})
    out = out.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return schema.conform(out, "edges")


def derive(
    frames: dict[str, pd.DataFrame],
    *,
    state: dict[str, pd.DataFrame] | None = None,
    regroup: bool = True,
    exact: bool = True,
    progress: Callable[[str], None] | None = None,
    joins: dict | None = None,
) -> dict[str, pd.DataFrame]:
    """Re-derive the corpus-wide frames of a selection from its per-article rows.

    Parameters
    ----------
    frames : dict of str to DataFrame
        The selection's frames; ``actors`` is the corpus' actors frame (names, kinds of
        actors when no per-article parts exist).
    state : dict, optional
        The selection's per-article parts (``actor_parts``, ``edge_parts``): actors and
        edges are merged from them as the build does.  Without them, actors are the
        corpus' actors recounted from the kept mentions and edges are recounted per
        sentence (:func:`recount_edges`).
    regroup : bool
        Recompute ``event_group`` over the kept events (default).  ``False`` keeps the
        corpus-wide groups (faster; a group may then list members that are not kept).
    exact : bool
        With per-article parts: merge them as the build does (default).  ``False`` sums
        their counts with one vectorised group-by and keeps the corpus' names, kinds and
        countries (the counts are the same; only the voted name of an actor outside the
        knowledge base could differ): what the explorer uses.
    progress : callable, optional
        Called with the name of each step ("actors", "edges", "event groups").
    joins : dict, optional
        The corpus-wide actor joins (:meth:`Selector` passes the corpus' own); made
        from ``state``'s parts when omitted.

    Returns
    -------
    dict of str to DataFrame
        ``frames`` with ``actors``, ``edges`` and ``events`` replaced.
    """
    from analysis import pipeline

    out = dict(frames)
    say = progress or (lambda _step: None)
    say("actors")
    if state is not None and {"actor_parts", "edge_parts"} <= set(state):
        # the parts hold each article's own ids: the corpus-wide joins (given, else made
        # from these parts) go to the parts and to every frame alike
        if joins is None:
            joins = corpus_identity(
                state["actor_parts"], frames.get("actors"), frames.get("mentions")
            )
        state, out = _joined(state, out, joins)
    if not exact and state is not None and {"actor_parts", "edge_parts"} <= set(state):
        parts = state["actor_parts"]
        counts = parts.groupby("actor_id")[["mentions", "articles"]].sum()
        act = (
            frames["actors"]
            .drop(columns=["mentions", "articles"])
            .merge(counts, left_on="actor_id", right_index=True, how="inner")
        )
        act = act.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="stable")
        out["actors"] = schema.conform(act, "actors")
        say("edges")
        out["edges"] = pipeline.merge_edge_parts(state["edge_parts"])
    elif state is not None and {"actor_parts", "edge_parts"} <= set(state):
        out["actors"] = pipeline.merge_actor_parts(state["actor_parts"])
        say("edges")
        out["edges"] = pipeline.merge_edge_parts(state["edge_parts"])
    else:
        out["actors"] = recount_actors(frames["actors"], frames["mentions"])
        say("edges")
        out["edges"] = recount_edges(frames["mentions"])
    if regroup and "event_group" in frames["events"].columns:
        say("event groups")
        out["events"] = pipeline.group_events(
            frames["events"], out["actors"], frames["places"], articles=frames.get("articles")
        )
    return out


def corpus_identity(
    actor_parts: pd.DataFrame,
    actors: pd.DataFrame | None,
    mentions: pd.DataFrame | None = None,
) -> dict:
    """The corpus-wide joins of these per-article parts, and the actors the corpus
    dropped (ids of the parts that are not in ``actors`` nor joined) mapped to None --
    or, with the built ``mentions``, to the one id the build gave all their mentions (a
    join made from the text, such as an alias: "under the alias Ann Smith")."""
    from analysis.actors.identity import corpus_joins

    joins: dict = dict(corpus_joins(actor_parts))
    if actors is not None and len(actors) and len(actor_parts):
        built = _built_ids(mentions)
        known = set(actors["actor_id"])
        for aid in set(actor_parts["actor_id"]) - known - set(joins):
            dst = built.get(aid)
            joins[aid] = dst if dst in known else None  # a place taken for a body
    return joins


def _built_ids(mentions: pd.DataFrame | None) -> dict:
    """Article id -> the one corpus id the build gave all its mentions (when one)."""
    col = "actor_id_article"
    if mentions is None or col not in mentions.columns or not len(mentions):
        return {}
    pairs = mentions[[col, "actor_id"]].dropna()
    pairs = pairs[pairs[col] != pairs["actor_id"]]
    one = pairs.groupby(col)["actor_id"].agg(
        lambda ids: ids.iloc[0] if ids.nunique() == 1 else None
    )
    return {k: v for k, v in one.items() if v is not None}


def _joined(
    state: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], joins: dict
) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Parts and frames with ``joins`` applied to every actor id (frames from their
    articles' own ids, so joining again changes nothing)."""
    from analysis.actors.identity import apply_joins

    return dict(apply_joins(state, joins)), dict(apply_joins(frames, joins))


def select(
    corpus: Any,
    *,
    actors: Iterable[str] | str | None = None,
    start: Any = None,
    end: Any = None,
    sources: Iterable[str] | str | None = None,
    places: Iterable[str] | str | None = None,
    event_types: Iterable[str] | str | None = None,
    text: str | None = None,
    duplicates: bool = False,
    regroup: bool = True,
) -> View:
    """Keep the articles matching every given filter, and what they say.

    The meaning of each filter is the table of the module docstring (:mod:`analysis.
    selection`); for many selections of one corpus use a :class:`Selector`.

    Parameters
    ----------
    corpus : Corpus or any object with the frames as attributes
        The corpus.
    actors : str or list of str, optional
        Actor ids, names or aliases (case-insensitive); articles mentioning any.
    start, end : date, str or timestamp, optional
        Publication date range in UTC, both ends included (a plain date as ``end``
        includes that day); undated articles are dropped only when one is set.
    sources : str or list of str, optional
        Sources (case-insensitive; ``"(unknown source)"`` for articles without one).
    places : str or list of str, optional
        Place ids, names, surface texts or country codes; articles locating any.
    event_types : str or list of str, optional
        Articles reporting an event of any of these types; only those events are kept.
    text : str, optional
        A case-insensitive plain substring of the title and text (not a regex).
    duplicates : bool
        Keep the near-duplicates (articles whose ``duplicate_of`` is set); by default
        they are hidden and ``view.duplicates_hidden`` counts them.
    regroup : bool
        Recompute event groups over the kept events (see :func:`derive`).

    Returns
    -------
    View
        The kept frames; ``view.undated`` counts the kept undated articles.
    """
    return Selector(corpus).select(
        actors=actors,
        start=start,
        end=end,
        sources=sources,
        places=places,
        event_types=event_types,
        text=text,
        duplicates=duplicates,
        regroup=regroup,
    )
