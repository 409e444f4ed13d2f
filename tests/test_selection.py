"""analysis.selection: one meaning for every filter (the table of its docstring).

The corpus here is invented and hand-built as schema frames, so each rule of the table
has a case that passes and a case that fails; a property test compares the vectorised
selector with a plain per-article reading of :func:`filter_spec`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from browser_helpers import summit_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import schema
from analysis.selection import (
    FILTERS,
    UNKNOWN_SOURCE,
    Selector,
    derive,
    filter_spec,
    recount_edges,
    select,
)

# id, title, source, published, text
ARTICLES = [
    ("a1", "Leaders meet", "Wire One", "2021-03-01T10:00:00Z",
     "The U.S. envoy met Ana Lima in Porto. They agreed on a plan."),
    ("a2", "Drone report", "wire one", "2021-03-31T23:30:00Z",
     "A UAS flew over Lisbon. Officials said the UAS was a test."),
    ("a3", "Talks stall", None, None,
     "Talks between the envoy and Ben Ode stalled in Accra (a+b)."),
    ("a4", "April summit", "Daily Two", "2021-04-02T00:00:00Z",
     "Ana Lima and Ben Ode held a summit in Accra on Friday."),
]  # fmt: skip
ACTORS = [
    ("kb:lima", "Ana Lima", "person", ["Lima", "Minister Lima"]),
    ("kb:ode", "Ben Ode", "person", ["President Ode"]),
    ("x:envoy", "the envoy", "person", []),
]
# article, sentence, actor
MENTIONS = [
    ("a1", 0, "x:envoy"), ("a1", 0, "kb:lima"), ("a3", 0, "x:envoy"), ("a3", 0, "kb:ode"),
    ("a4", 0, "kb:lima"), ("a4", 0, "kb:ode"), ("a4", 1, "kb:lima"),
]  # fmt: skip
# article, place_id, name, surface text, country
PLACES = [
    ("a1", "gn:1", "Porto", "Porto", "PT"),
    ("a2", "gn:2", "Lisbon", "Lisbon", "PT"),
    ("a3", "gn:3", "Accra", "Accra", "GH"),
    ("a4", "gn:3", "Accra", "Accra", "GH"),
]
# event id, article, type
EVENTS = [
    ("e1", "a1", "meeting"), ("e2", "a1", "agreement"), ("e3", "a2", "test"),
    ("e4", "a4", "summit"), ("e5", "a4", "meeting"), ("e6", "a3", None),
]  # fmt: skip


class Frames:
    """An object with the frames as attributes (what figures and select accept)."""

    def __init__(self, **frames: pd.DataFrame) -> None:
        for name in schema.SCHEMAS:
            setattr(self, name, frames.get(name, schema.empty(name)))


def make_corpus() -> Frames:
    arts = pd.DataFrame(
        {
            "article_id": [a[0] for a in ARTICLES],
            "title": [a[1] for a in ARTICLES],
            "title_derived": False,
            "source": [a[2] for a in ARTICLES],
            "url": None,
            "author": None,
            "published": [a[3] for a in ARTICLES],
            "published_precision": "day",
            "published_inferred": False,
            "text": [a[4] for a in ARTICLES],
            "language": "en",
            "path": None,
            "paths": None,
            "format": "txt",
            "n_words": 10,
        }
    )
    ments = pd.DataFrame(
        {
            "article_id": [m[0] for m in MENTIONS],
            "sentence_id": [m[1] for m in MENTIONS],
            "start": range(len(MENTIONS)),
            "end": range(1, len(MENTIONS) + 1),
            "text": "x",
            "label": "PERSON",
            "source": "kb",
            "actor_id": [m[2] for m in MENTIONS],
            "place_id": None,
        }
    )
    counts = ments.groupby("actor_id").agg(
        mentions=("start", "size"), articles=("article_id", "nunique")
    )
    actors = pd.DataFrame(
        {
            "actor_id": [a[0] for a in ACTORS],
            "name": [a[1] for a in ACTORS],
            "kind": [a[2] for a in ACTORS],
            "country": None,
            "aliases": [a[3] for a in ACTORS],
            "wikidata": None,
            "mentions": [int(counts.loc[a[0], "mentions"]) for a in ACTORS],
            "articles": [int(counts.loc[a[0], "articles"]) for a in ACTORS],
            "in_kb": [a[0].startswith("kb:") for a in ACTORS],
        }
    )
    places = pd.DataFrame(
        {
            "article_id": [p[0] for p in PLACES],
            "sentence_id": 0,
            "start": 0,
            "end": 1,
            "text": [p[3] for p in PLACES],
            "place_id": [p[1] for p in PLACES],
            "name": [p[2] for p in PLACES],
            "lat": 1.0,
            "lon": 2.0,
            "country_code": [p[4] for p in PLACES],
            "feature": "city",
            "geonameid": None,
            "population": None,
            "score": 1.0,
            "runner_up": None,
            "role": "literal",
        }
    )
    events = pd.DataFrame(
        {
            "event_id": [e[0] for e in EVENTS],
            "article_id": [e[1] for e in EVENTS],
            "sentence_id": 0,
            "type": [e[2] for e in EVENTS],
            "status": "occurred",
            "participants": [["kb:lima"]] * len(EVENTS),
            "begin": pd.NaT,
            "end_date": pd.NaT,
            "precision": "day",
            "timex": None,
            "place_id": None,
            "place_name": None,
            "lat": np.nan,
            "lon": np.nan,
            "trigger": "met",
            "evidence": "x",
            "reference_id": None,
        }
    )
    return Frames(
        articles=schema.conform(arts, "articles"),
        mentions=schema.conform(ments, "mentions"),
        actors=schema.conform(actors, "actors"),
        places=schema.conform(places, "places"),
        events=schema.conform(events, "events"),
        edges=recount_edges(schema.conform(ments, "mentions")),
    )


@pytest.fixture(scope="module")
def corpus() -> Frames:
    return make_corpus()


@pytest.fixture(scope="module")
def selector(corpus) -> Selector:
    return Selector(corpus)


def kept(selector: Selector, **filters) -> list[str]:
    return selector.article_ids(**filters)


def test_no_filter_keeps_everything_and_counts_the_undated(corpus):
    view = select(corpus)
    assert view.article_ids == ["a1", "a2", "a3", "a4"]
    assert view.undated == 1 and view.total == 4
    assert "4 of 4 articles (1 undated)" in view.describe()
    assert view.actors is corpus.actors  # nothing filtered: the corpus' own frames


def test_text_is_a_plain_case_insensitive_substring(selector):
    assert kept(selector, text="U.S.") == ["a1"]  # the dots are not "any character"
    assert kept(selector, text="uas") == ["a2"]
    assert kept(selector, text="  u.s. envoy ") == ["a1"]  # stripped
    assert kept(selector, text="(a+b)") == ["a3"]  # regex metacharacters are literal
    assert kept(selector, text="summit") == ["a4"]  # title or text
    assert kept(selector, text="meet\nthe") == ["a1"]  # title, newline, text
    assert kept(selector, text="   ") == ["a1", "a2", "a3", "a4"]  # blank: no filter


def test_actors_by_id_name_or_alias_case_insensitive(selector):
    assert kept(selector, actors=["kb:lima"]) == ["a1", "a4"]
    assert kept(selector, actors=["ANA LIMA"]) == ["a1", "a4"]
    assert kept(selector, actors="minister lima") == ["a1", "a4"]
    assert kept(selector, actors=["President Ode", "the envoy"]) == ["a1", "a3", "a4"]
    assert kept(selector, actors=["Nobody Known"]) == []
    assert kept(selector, actors=["Ode"]) == []  # a whole name or alias, not a part


def test_dates_are_utc_days_with_inclusive_ends(selector):
    assert kept(selector, end="2021-03-31") == ["a1", "a2"]  # the whole end day
    assert kept(selector, start="2021-03-31") == ["a2", "a4"]
    assert kept(selector, end=dt.date(2021, 3, 30)) == ["a1"]
    assert kept(selector, start="2021-04") == ["a4"]  # a month starts on its first day
    assert kept(selector, end="2021-03") == ["a1", "a2"]  # ... and ends on its last
    assert kept(selector, start="2021", end="2021") == ["a1", "a2", "a4"]
    # a time of day is an instant, inclusive at both ends
    assert kept(selector, end="2021-03-31T23:30:00Z") == ["a1", "a2"]
    assert kept(selector, end="2021-03-31T23:29:59Z") == ["a1"]
    assert kept(selector, start=pd.Timestamp("2021-04-02", tz="UTC")) == ["a4"]
    # naive values are UTC; aware ones are converted
    assert kept(selector, end="2021-04-01T01:45:00+02:00") == ["a1", "a2"]
    # undated articles go only when a date is set; "" and None are no date
    assert kept(selector, start="", end=None) == ["a1", "a2", "a3", "a4"]
    with pytest.raises(ValueError, match="start"):
        kept(selector, start="2021-13-45")


def test_sources_places_and_unknown_source(selector):
    assert kept(selector, sources=["WIRE ONE"]) == ["a1", "a2"]
    assert kept(selector, sources=UNKNOWN_SOURCE) == ["a3"]
    assert kept(selector, places=["porto"]) == ["a1"]
    assert kept(selector, places=["gn:3"]) == ["a3", "a4"]
    assert kept(selector, places=["pt"]) == ["a1", "a2"]  # country code
    assert kept(selector, places=["Nowhere"]) == []


def test_event_types_keep_articles_and_only_those_events(corpus):
    view = select(corpus, event_types=["Meeting"])
    assert view.article_ids == ["a1", "a4"]
    assert sorted(view.events["event_id"]) == ["e1", "e5"]
    assert set(view.events["type"]) == {"meeting"}
    # the other frames keep every row of the kept articles
    assert sorted(view.places["article_id"]) == ["a1", "a4"]
    assert select(corpus, event_types="unknown").article_ids == ["a3"]


def test_filters_combine_and_across_or_within(selector):
    assert kept(selector, sources=["wire one", "daily two"], actors=["kb:lima"]) == ["a1", "a4"]
    assert kept(selector, sources=["wire one"], actors=["kb:ode"]) == []
    assert kept(selector, sources=[]) == []  # an empty list keeps nothing
    assert kept(selector, sources=None) == ["a1", "a2", "a3", "a4"]


def test_selection_recounts_actors_and_edges(corpus):
    view = select(corpus, actors=["kb:ode"])
    assert view.article_ids == ["a3", "a4"]
    counts = view.actors.set_index("actor_id")[["mentions", "articles"]].T.to_dict()
    assert counts == {
        "kb:lima": {"mentions": 2, "articles": 1},
        "kb:ode": {"mentions": 2, "articles": 2},
        "x:envoy": {"mentions": 1, "articles": 1},
    }
    edges = {(r.source, r.target): (r.weight, r.articles) for r in view.edges.itertuples()}
    assert edges == {("kb:lima", "kb:ode"): (1, 1), ("kb:ode", "x:envoy"): (1, 1)}


def test_filter_spec_names_every_filter_and_real_columns():
    spec = filter_spec()
    assert tuple(spec["filters"]) == FILTERS
    for name, rule in spec["filters"].items():
        columns = {c.name for c in schema.SCHEMAS[rule["frame"]]}
        assert set(rule["fields"]) <= columns, name
        assert rule["match"] in {
            "any_equal", "min_day", "max_day", "substring", "keep_duplicates"
        }  # fmt: skip
    assert spec["unknown_source"] == UNKNOWN_SOURCE


def test_bad_filter_values_are_clear_errors(selector):
    with pytest.raises(TypeError, match="sources"):
        kept(selector, sources=3)
    with pytest.raises(TypeError, match="unexpected keyword"):
        kept(selector, authors=["x"])


# ---- the vectorised selector agrees with a plain reading of the spec -----------


def reference_ids(corpus: Frames, filters: dict) -> list[str]:
    """The spec applied article by article, with plain Python (no shared code)."""
    spec = filter_spec()

    def low(v) -> str:
        return (
            ""
            if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
            else str(v).lower()
        )

    aliases = {}
    for r in corpus.actors.itertuples():
        for key in [r.actor_id, r.name, *r.aliases]:
            aliases.setdefault(key.lower(), set()).add(r.actor_id)
    out = []
    for a in corpus.articles.itertuples():
        ok = True
        if filters.get("actors") is not None:
            ids = set()
            for v in filters["actors"]:
                ids |= aliases.get(v.lower(), {v})
            mine = set(corpus.mentions.loc[corpus.mentions.article_id == a.article_id, "actor_id"])
            ok &= bool(mine & ids)
        day = a.published.strftime("%Y-%m-%d") if pd.notna(a.published) else None
        if filters.get("start"):
            ok &= day is not None and day >= filters["start"]
        if filters.get("end"):
            ok &= day is not None and day <= filters["end"]
        if filters.get("sources") is not None:
            src = low(a.source) or spec["unknown_source"]
            ok &= src in {s.lower() for s in filters["sources"]}
        if filters.get("places") is not None:
            rows = corpus.places[corpus.places.article_id == a.article_id]
            keys = {low(v) for c in ("place_id", "name", "text", "country_code") for v in rows[c]}
            ok &= bool(keys & {p.lower() for p in filters["places"]})
        if filters.get("event_types") is not None:
            rows = corpus.events[corpus.events.article_id == a.article_id]
            types = {low(t) or spec["unknown_type"] for t in rows["type"]}
            ok &= bool(types & {t.lower() for t in filters["event_types"]})
        if filters.get("text") and filters["text"].strip():
            hay = low(a.title) + "\n" + low(a.text)
            ok &= filters["text"].strip().lower() in hay
        if not filters.get("duplicates"):
            ok &= not low(a.duplicate_of)
        if ok:
            out.append(a.article_id)
    return out


_DAYS = st.dates(dt.date(2021, 2, 25), dt.date(2021, 4, 5)).map(lambda d: d.isoformat())
_FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "actors": st.lists(st.sampled_from(["kb:lima", "Ben Ode", "lima", "THE ENVOY", "zz"])),
        "start": _DAYS,
        "end": _DAYS,
        "sources": st.lists(st.sampled_from(["Wire One", "daily two", UNKNOWN_SOURCE, "x"])),
        "places": st.lists(st.sampled_from(["porto", "GH", "gn:2", "Accra", "nowhere"])),
        "event_types": st.lists(st.sampled_from(["meeting", "TEST", "summit", "unknown"])),
        "text": st.sampled_from(["u.s.", "UAS", "accra", " the ", "a+b", "", "x"])
        | st.text(alphabet="aeilnorstu. ", max_size=4),
        "duplicates": st.booleans(),
    },
)


def with_duplicate(corpus: Frames) -> Frames:
    """The corpus with a4 flagged as a near-duplicate of a1 (as io would flag a copy)."""
    arts = corpus.articles.copy()
    arts["duplicate_of"] = arts["duplicate_of"].astype("string")
    arts.loc[arts["article_id"] == "a4", "duplicate_of"] = "a1"
    return Frames(**{**corpus.__dict__, "articles": arts})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FILTERS, st.booleans())
def test_selector_agrees_with_the_spec_read_article_by_article(filters, dup):
    corpus = with_duplicate(make_corpus()) if dup else make_corpus()
    assert Selector(corpus).article_ids(**filters) == reference_ids(corpus, filters)


def test_near_duplicates_are_hidden_unless_asked_for(corpus):
    c = with_duplicate(corpus)
    view = select(c)
    assert view.article_ids == ["a1", "a2", "a3"] and view.duplicates_hidden == 1
    assert "1 near-duplicate(s) hidden" in view.describe()
    assert set(view.events["article_id"]) <= {"a1", "a2", "a3"}
    assert "kb:lima" in set(view.actors["actor_id"])  # recounted without the copy
    lima = view.actors.set_index("actor_id").loc["kb:lima", "mentions"]
    assert lima == 1  # a1 only; a4's two mentions are the copy's
    both = select(c, duplicates=True)
    assert both.article_ids == ["a1", "a2", "a3", "a4"] and both.duplicates_hidden == 0
    # counted among what the other filters keep: a filter that drops the copy hides none
    assert select(c, sources=["wire one"]).duplicates_hidden == 0
    assert select(c, places=["Accra"]).duplicates_hidden == 1


# ---- a built corpus: merged parts and recounts mean the same ---------------------


def test_built_corpus_parts_and_recount_agree():
    corpus = summit_corpus()
    state = {
        "actor_parts": corpus._state["actor_parts"],
        "edge_parts": corpus._state["edge_parts"],
    } if getattr(corpus, "_state", None) else None  # fmt: skip
    if state is None or not len(corpus.actors):
        pytest.skip("this build kept no per-article parts or found no actors")
    source = corpus.articles["source"].iloc[0]
    view = Selector(corpus).select(sources=[source])
    frames = {**view.frames, "actors": corpus.actors}
    merged = derive(frames, state=view.state)
    recounted = derive(frames, state=None)

    def counts(df):
        return df.set_index("actor_id")[["mentions", "articles"]].sort_index()

    pd.testing.assert_frame_equal(counts(merged["actors"]), counts(recounted["actors"]))
    key = ["source", "target"]
    pd.testing.assert_frame_equal(
        merged["edges"].sort_values(key).reset_index(drop=True),
        recounted["edges"].sort_values(key).reset_index(drop=True),
    )
    assert len(view) == (corpus.articles["source"] == source).sum()


def test_lowercasing_is_the_full_unicode_mapping_javascript_uses():
    corpus = make_corpus()
    arts = corpus.articles.copy()
    arts.loc[0, "title"] = "İSTANBUL ΟΔΟΣ"  # dotted capital I; a final sigma
    arts.loc[1, "source"] = "ΟΔΟΣ Press"
    corpus.articles = schema.conform(arts, "articles")
    sel = Selector(corpus)
    assert sel.article_ids(text="İstanbul") == ["a1"]
    assert sel.article_ids(text="i\u0307stanbul οδος") == ["a1"]  # what both languages give
    assert sel.article_ids(text="οδοσ") == []  # the final sigma is "ς", as in JavaScript
    assert sel.article_ids(sources=["οδος press"]) == ["a2"]


def test_fast_selection_regroups_small_selections_only():
    """fast=True keeps corpus-wide groups unless the kept events are few (regroup_max)."""
    from browser_helpers import SUMMIT_SOURCES

    corpus = summit_corpus()
    sel = Selector(corpus)
    one = [SUMMIT_SOURCES["kremlin"]]
    fast = sel.select(sources=one, fast=True)
    wide = corpus.events.set_index("event_id")["event_group"]
    kept = fast.events.set_index("event_id")["event_group"]
    assert len(kept) and (kept == wide.loc[kept.index]).all()  # the corpus' groups
    regrouped = sel.select(sources=one, fast=True, regroup_max=len(fast.events))
    exact = sel.select(sources=one)  # what Corpus.filter does
    got = regrouped.events.set_index("event_id")["event_group"].sort_index()
    pd.testing.assert_series_equal(
        got, exact.events.set_index("event_id")["event_group"].sort_index()
    )
    assert (got != wide.loc[got.index]).any()  # a group of three articles is now its own
    capped = sel.select(sources=one, fast=True, regroup_max=len(fast.events) - 1)
    assert (capped.events["event_group"].to_numpy() == fast.events["event_group"].to_numpy()).all()
