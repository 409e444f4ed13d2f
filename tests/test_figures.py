"""analysis.figures: structure of the figures built from hand-built schema frames."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from browser_helpers import fixture_corpus, reference_events

from analysis import figures as F
from analysis.figures.basemap import script_json
from analysis.figures.segments import segment_ids

DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def corpus():
    return fixture_corpus()


def test_template_registered_and_used(corpus):
    assert "newsdesk" in pio.templates
    figs = [
        F.place_map(corpus),
        F.actor_mentions(corpus),
        F.co_mention_network(corpus),
        F.actor_heatmap(corpus),
        F.quote_chart(corpus),
        F.summit_timeline(corpus),
    ]
    for fig in figs:
        assert fig.layout.template.layout.colorway == pio.templates["newsdesk"].layout.colorway


def test_place_map_one_marker_per_place_sized_by_articles_log(corpus):
    fig = F.place_map(corpus, color="role")
    expected = corpus.places.groupby("place_id").size().to_dict()
    articles = corpus.places.groupby("place_id")["article_id"].nunique().to_dict()
    seen, sizes = {}, {}
    for trace in fig.data:
        if trace.meta["newsdesk"] != "places":
            continue
        assert trace.marker.sizemode == "diameter"
        for cd, size in zip(trace.customdata, trace.marker.size, strict=True):
            assert cd[0] not in seen  # one marker per place
            seen[cd[0]] = cd[1]
            assert cd[2] == articles[cd[0]]
            sizes[cd[0]] = size
    assert seen == expected
    peak = max(articles.values())
    for pid, n in articles.items():  # 1 article: the smallest marker; the peak: the largest
        want = F.map.MIN_MARKER_PX if n == 1 else None
        if n == peak:
            want = F.map.MAX_MARKER_PX
        if want is not None:
            assert sizes[pid] == pytest.approx(want)
    roles = {t.meta["value"] for t in fig.data if t.meta["newsdesk"] == "places"}
    assert roles == set(corpus.places["role"])


def test_place_map_legend_and_hover_speak_plain_words(corpus):
    """A colleague reading the map sees words, not the frame's codes ("literal")."""
    fig = F.place_map(corpus, color="role")
    places = [t for t in fig.data if t.meta["newsdesk"] == "places"]
    assert fig.layout.legend.title.text == "named as"
    names = {t.meta["value"]: t.name for t in places}
    assert names["literal"] == "the place itself"
    assert "government" in names["government"] and names["government"] != "government"
    codes = {"literal", "demonym", "modifier"}
    assert not codes & set(names.values())
    hovers = " ".join(h for t in places for h in t.hovertext)
    assert "named as the place itself" in hovers and "literal" not in hovers
    feature = F.place_map(corpus, color="feature")
    assert feature.layout.legend.title.text == "kind of place"
    assert "admin1" not in {t.name for t in feature.data}


def test_marker_sizes_are_logarithmic():
    sizes = F.marker_sizes([1, 10, 100, 1000])
    assert sizes[0] == F.map.MIN_MARKER_PX and sizes[-1] == F.map.MAX_MARKER_PX
    steps = [b - a for a, b in zip(sizes, sizes[1:], strict=False)]
    assert max(steps) - min(steps) < 0.6  # equal steps per tenfold


def test_place_map_country_choropleth_is_an_option(corpus):
    assert not [t for t in F.place_map(corpus).data if t.type == "choropleth"]
    fig = F.place_map(corpus, choropleth=True)
    (choro,) = [t for t in fig.data if t.type == "choropleth"]
    assert choro.meta["newsdesk"] == "countries" and choro.locationmode == "ISO-3"
    counts = corpus.places.dropna(subset=["country_code"]).groupby("country_code").size()
    got = {cd[0]: cd[1] for cd in choro.customdata}
    assert got == {c.upper(): int(n) for c, n in counts.items()}
    assert "RUS" in choro.locations and "PRK" in choro.locations


def _texts(fig: go.Figure) -> list[str]:
    out = []
    for t in fig.data:
        for attr in ("text", "hovertext", "name", "y", "x"):
            value = getattr(t, attr, None)
            if isinstance(value, str):
                out.append(value)
            elif isinstance(value, (list, tuple)):
                out.extend(v for v in value if isinstance(v, str))
        if t.customdata is not None:
            out.extend(str(c) for row in t.customdata if row is not None for c in row)
    return out


def test_place_map_hover_has_escaped_sentences(corpus):
    fig = F.place_map(corpus)
    texts = _texts(fig)
    hover = " ".join(texts)
    assert "Yonhap news agency, hinted that the summit" in hover  # the sentence, not the word
    assert "&lt;img src=x onerror=" in hover  # the hostile sentence, as text
    assert not any("<img" in t or "<script" in t for t in texts)


def test_place_map_feature_colour_events_and_arcs(corpus):
    fig = F.place_map(corpus, color="feature", events=corpus.events, arcs=True)
    features = {t.meta["value"] for t in fig.data if t.meta["newsdesk"] == "places"}
    assert features == set(corpus.places["feature"])
    stars = [t for t in fig.data if t.meta["newsdesk"] == "events"]
    located = corpus.events[corpus.events["lat"].notna()]
    assert len(stars) == 1 and len(stars[0].lat) == located["place_id"].nunique()
    assert sorted(i for cd in stars[0].customdata for i in cd[1]) == sorted(located["event_id"])
    arcs = [t for t in fig.data if t.meta["newsdesk"] == "arc"]
    # Vladivostok summit: Putin (Moscow) and Kim (Pyongyang); Hanoi: Trump and Kim;
    # drawn as gapped traces (one per style), a segment per movement
    segments = [(t, seg) for t in arcs for seg in _segments(t)]
    assert len(segments) == 4 and all(t.meta["gaps"] for t in arcs)
    for t, (lo, hi) in segments:  # a curve of many points, one customdata row, then a gap
        assert hi - lo > 2 and t.lat[hi] is None and t.customdata[hi] is None
        assert all(t.customdata[k] == t.customdata[lo] for k in range(lo, hi))
    planned = [(t, seg) for t, seg in segments if t.line.dash == "dash"]
    assert len(planned) == 2
    assert all(t.lat[hi - 1] == pytest.approx(43.1155) for t, (_, hi) in planned)
    assert sum(t.meta["movements"] for t in arcs) == 4


def _segments(trace) -> list[tuple[int, int]]:
    """(first point, gap) of each segment of a gapped trace."""
    out, lo = [], 0
    for k, v in enumerate(trace.lat):
        if v is None:
            out.append((lo, k))
            lo = k + 1
    return out


def test_map_arcs_stay_inside_the_map():
    """An arc from Washington to Beijing does not run over the pole, off the map."""
    lats, lons = F.map.arc_path(38.9, -77.0, 39.9, 116.4)
    assert (lats[0], lons[0], lats[-1], lons[-1]) == (38.9, -77.0, 39.9, 116.4)
    assert max(lats) <= F.map.ARC_MAX_LAT and max(lats) > 40  # bowed north, not polar
    steps = [abs(b - a) for a, b in zip(lons, lons[1:], strict=False)]
    assert max(steps) < 20  # short pieces: plotly draws each as a nearly straight line
    # never across the map's side edges (the 180th meridian); in the south, bowed south
    lats, lons = F.map.arc_path(35.7, 139.7, 34.0, -118.2)
    assert all(-118.2 <= v <= 139.7 for v in lons)
    lats, _ = F.map.arc_path(-33.9, 18.4, -34.6, -58.4)
    assert min(lats) < -34.6
    # the world view keeps the inhabited world: no arc pushes it to the pole
    events = pd.DataFrame(
        {"event_id": ["e1"], "article_id": ["a1"], "sentence_id": [0], "type": ["meeting"],
         "status": ["occurred"], "participants": [["x:us"]], "lat": [39.9], "lon": [116.4],
         "place_id": ["p:beijing"], "place_name": ["Beijing"]}
    )  # fmt: skip
    places = pd.DataFrame(
        {"article_id": ["a1", "a1"], "sentence_id": [0, 0], "start": [0, 9], "end": [8, 16],
         "text": ["Beijing", "Lima"], "place_id": ["p:beijing", "p:lima"],
         "name": ["Beijing", "Lima"], "lat": [39.9, -12.0], "lon": [116.4, -77.0],
         "country_code": ["CN", "PE"], "feature": ["capital", "capital"], "role": "literal"}
    )  # fmt: skip
    actors = pd.DataFrame(
        {"actor_id": ["x:us"], "name": ["Visitor"], "kind": ["person"], "country": ["US"]}
    )
    from analysis import schema

    def full(df: pd.DataFrame, name: str) -> pd.DataFrame:
        for col in schema.empty(name).columns:
            if col not in df.columns:
                df[col] = None
        return schema.conform(df, name)

    fig = F.place_map(
        full(places, "places"),
        events=full(events, "events"),
        actors=full(actors, "actors"),
        arcs=True,
    )
    (arc,) = [t for t in fig.data if t.meta["newsdesk"] == "arc"]
    assert max(v for v in arc.lat if v is not None) <= F.map.ARC_MAX_LAT
    assert list(fig.layout.geo.lataxis.range) == list(F.map.WORLD_LAT)


def test_place_map_skips_unlocated_and_rejects_bad_colour(corpus):
    places = corpus.places.copy()
    places.loc[places["name"] == "Russia", ["lat", "lon"]] = None
    fig = F.place_map(places)
    names = [n for t in fig.data for n in t.text]
    assert "Russia" not in names and "Vladivostok" in names
    with pytest.raises(ValueError, match="color"):
        F.place_map(places, color="size")
    with pytest.raises(TypeError, match="places"):
        F.place_map(object())


def test_basemap_names_and_script():
    fig = F.place_map(fixture_corpus())
    assert F.basemaps_for(fig) == ["world_110m"]
    assert F.basemaps_for(F.place_map(fixture_corpus(), resolution=50)) == ["world_50m"]
    assert F.basemaps_for(go.Figure(go.Bar(x=[1]))) == []
    topo = F.load_topojson("world_110m")
    assert topo["type"] == "Topology" and "countries" in topo["objects"]
    script = F.geo_assets_script(["world_110m"])
    assert 'g.topojson["world_110m"]=' in script and "</" not in script
    with pytest.raises(FileNotFoundError, match="world_110m"):
        F.geo_assets_script(["mars_10m"])


def test_script_json_cannot_close_the_element():
    text = script_json({"t": "</script><script>alert(1)</script> & \u2028"})
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["t"].startswith("</script>")


def test_actor_mentions_counts_and_recount(corpus):
    fig = F.actor_mentions(corpus)
    got = {cd[0]: x for t in fig.data for cd, x in zip(t.customdata, t.x, strict=True)}
    expected = corpus.actors.set_index("actor_id")["mentions"]
    assert got == {a: int(n) for a, n in expected.items() if n > 0}
    only_sample = corpus.mentions[corpus.mentions["article_id"] == corpus.articles.article_id[0]]
    fig2 = F.actor_mentions(corpus.actors, mentions=only_sample)
    got2 = {cd[0]: x for t in fig2.data for cd, x in zip(t.customdata, t.x, strict=True)}
    assert got2["kb:trump"] < got["kb:trump"]  # Trump also appears in the Hanoi article
    kinds = {t.name for t in fig.data}
    assert kinds == set(corpus.actors.loc[corpus.actors.mentions > 0, "kind"])


def test_co_mention_network_is_stable_and_sized(corpus):
    a = F.co_mention_network(corpus.edges, corpus.actors)
    b = F.co_mention_network(corpus.edges.sample(frac=1, random_state=3), corpus.actors)
    assert a.to_json() == b.to_json()  # same picture whatever the row order
    nodes = {cd[0]: cd[1] for t in a.data if t.meta["newsdesk"] == "node" for cd in t.customdata}
    assert nodes["kb:putin"] == int(corpus.actors.set_index("actor_id").loc["kb:putin", "mentions"])
    edges = [t for t in a.data if t.meta["newsdesk"] == "edge"]
    keys = [k for t in edges for k in segment_ids(t)]
    assert sorted(keys) == sorted(corpus.edges["source"] + "|" + corpus.edges["target"])
    assert len(edges) <= len(F.actors.EDGE_WIDTHS) and all(t.meta["gaps"] for t in edges)
    widths = {k: t.line.width for t in edges for k in segment_ids(t)}
    assert widths["kb:kim_jong_un|kb:putin"] > widths["kb:kremlin|kb:peskov"]


def test_actor_heatmap_article_and_week(corpus):
    fig = F.actor_heatmap(corpus, by="article")
    z = fig.data[0].z
    assert sum(map(sum, z)) == corpus.mentions["actor_id"].notna().sum()
    week = F.actor_heatmap(corpus, by="week")
    assert all(x.startswith("week of 2019-") for x in week.data[0].x)
    assert "week of 2019-04-22" in week.data[0].x  # Monday of the sample's week
    with pytest.raises(ValueError, match="by"):
        F.actor_heatmap(corpus, by="month")


def test_quote_chart_counts_every_quote(corpus):
    fig = F.quote_chart(corpus)
    assert sum(sum(t.x) for t in fig.data) == len(corpus.quotes)
    relays = {t.name for t in fig.data}
    assert {"Reuters", "Yonhap", "ZeroHedge"} <= relays
    texts = _texts(fig)
    assert any("&lt;script&gt;" in t for t in texts)  # the hostile speaker, escaped
    assert not any("<script" in t or "<b " in t for t in texts)


def test_timeline_draws_intervals_not_days(corpus):
    fig = F.summit_timeline(corpus, reference=reference_events())
    bars = [t for t in fig.data if t.meta["newsdesk"] == "timeline"]
    spans = {}
    for t in bars:
        for base, x, cd in zip(t.base, t.x, t.customdata, strict=True):
            spans[cd[0]] = (base, x / DAY_MS)
    ev = corpus.events.set_index("event_id")
    june = ev.index[ev["timex"] == "2018-06"][0]
    assert spans[june] == ("2018-06-01T00:00:00", 30)  # all of June, no invented day
    hanoi = ev.index[ev["timex"] == "2019-02-27"][0]
    assert spans[hanoi] == ("2019-02-27T00:00:00", 1)
    planned = [t for t in bars if t.meta["status"] == "planned"]
    occurred = [t for t in bars if t.meta["status"] == "occurred"]
    assert planned and occurred
    assert all(t.marker.pattern.shape == "/" for t in planned)
    assert all(t.marker.pattern.shape == "" for t in occurred)
    assert planned[0].marker.opacity < occurred[0].marker.opacity
    ref = [t for t in fig.data if t.meta["newsdesk"] == "reference"]
    assert len(ref) == 1 and len(ref[0].base) == 3
    markers = [t for t in fig.data if t.meta["newsdesk"] == "timeline_marker"]
    assert "star" in [s for t in markers for s in t.marker.symbol]  # matched to reference
    assert fig.layout.xaxis.type == "date"


def test_timeline_rows_and_undated(corpus):
    events = corpus.events.copy()
    events.loc[0, ["begin", "end_date"]] = pd.NaT
    fig = F.summit_timeline(events, actors=corpus.actors, rows="type")
    marks = [t for t in fig.data if t.meta["newsdesk"] == "timeline"]
    rows = {y for t in marks for y in t.y}
    assert rows == set(events["type"].iloc[1:])
    assert sum(len(t.base) for t in marks) == len(events) - 1
    assert "1 undated" in _note(fig)
    by_people = F.summit_timeline(corpus, rows="participants")
    labels = {y for t in by_people.data if t.meta["newsdesk"] == "timeline" for y in t.y}
    assert "Donald Trump – Kim Jong Un" in labels
    by_group = F.summit_timeline(corpus)  # one row per group (here: per event)
    labels = [y for t in by_group.data if t.meta["newsdesk"] == "timeline" for y in t.y]
    assert len(labels) == len(set(labels)) == len(corpus.events)
    hanoi = [lbl for lbl in labels if "Donald Trump" in lbl and "Kim Jong Un" in lbl]
    assert hanoi and all(" · " in lbl for lbl in hanoi)  # participants · type
    with pytest.raises(ValueError, match="rows"):
        F.summit_timeline(corpus, rows="place")


def _note(fig: go.Figure) -> str:
    return fig.layout.title.subtitle.text or ""


def test_empty_frames_give_empty_figures():
    from analysis import schema

    assert len(F.place_map(schema.empty("places")).data) == 0
    assert len(F.summit_timeline(schema.empty("events")).data) == 0
    assert len(F.actor_mentions(schema.empty("actors")).data) == 0


# ------------------------------------------------------------ timeline: one mark per event group


def _three_reports(corpus) -> pd.DataFrame:
    """The Putin-Kim summit reported by three articles: a month, a week and a day."""
    base = corpus.events.iloc[[0]]
    rows = []
    for k, (begin, end, precision, status, source_aid) in enumerate(
        [
            ("2019-04-01", "2019-05-01", "month", "planned", "a-month"),
            ("2019-04-22", "2019-04-29", "week", "reported", "a-week"),
            ("2019-04-25", "2019-04-26", "day", "occurred", "a-day"),
        ]
    ):
        r = base.copy()
        r["event_id"] = f"ev{k}"
        r["article_id"] = source_aid
        r["begin"] = pd.Timestamp(begin, tz="UTC")
        r["end_date"] = pd.Timestamp(end, tz="UTC")
        r["precision"] = precision
        r["status"] = status
        r["evidence"] = f"report <{k}> of the summit"
        rows.append(r)
    return pd.concat(rows, ignore_index=True)


def _marks(fig: go.Figure) -> list[tuple[str, float, list]]:
    return [
        (base, x / DAY_MS, cd)
        for t in fig.data
        if t.meta["newsdesk"] == "timeline"
        for base, x, cd in zip(t.base, t.x, t.customdata, strict=True)
    ]


def test_timeline_draws_one_mark_per_event_group(corpus):
    ev = _three_reports(corpus).assign(event_group="grp:summit")
    fig = F.summit_timeline(ev, actors=corpus.actors)
    marks = _marks(fig)
    assert len(marks) == 1
    base, days, cd = marks[0]
    assert (base, days) == ("2019-04-25T00:00:00", 1)  # the tightest interval
    assert cd[0] == "grp:summit" and sorted(cd[3]) == ["ev0", "ev1", "ev2"]
    bars = [t for t in fig.data if t.meta["newsdesk"] == "timeline"]
    assert bars[0].meta["status"] == "occurred"  # occurred beats planned and reported
    hover = bars[0].hovertext[0]
    assert "3 articles" in hover
    assert "planned" in hover and "reported" in hover  # the statuses seen are said
    assert "&lt;" in hover and "<0>" not in hover  # one evidence sentence, escaped
    assert sum("report &lt;" in h for h in bars[0].hovertext[0].split("<br>")) == 1

    # an imprecise group stays the interval it is: the month and the week meet in a week
    loose = ev[ev["precision"] != "day"]
    (base, days, _), *_ = _marks(F.summit_timeline(loose, actors=corpus.actors))
    assert (base, days) == ("2019-04-22T00:00:00", 7)
    planned_only = ev[ev["status"] != "occurred"].iloc[[0, 1]]
    bars = [t for t in F.summit_timeline(planned_only).data if t.meta["newsdesk"] == "timeline"]
    assert [t.meta["status"] for t in bars] == ["planned"]  # planned beats reported


def _groups(corpus, spec: list[tuple[str, int]]) -> pd.DataFrame:
    """One event group per (type, articles) of ``spec``, a day each, in turn."""
    base = corpus.events.iloc[[0]]
    rows = []
    for g, (etype, n_articles) in enumerate(spec):
        for a in range(n_articles):
            r = base.copy()
            r["event_id"] = f"ev{g}-{a}"
            r["article_id"] = f"art{g}-{a}"
            r["type"] = etype
            r["begin"] = pd.Timestamp("2019-01-01", tz="UTC") + pd.Timedelta(days=3 * g)
            r["end_date"] = pd.NaT
            r["precision"] = "day"
            r["event_group"] = f"grp:{g}"
            rows.append(r)
    return pd.concat(rows, ignore_index=True)


def test_timeline_summary_is_not_one_type_and_runs_in_date_order(corpus):
    # twenty statements reported twice each outrank four meetings reported once
    spec = [("statement", 2)] * 20 + [("meeting", 1)] * 4
    fig = F.summit_timeline(_groups(corpus, spec), top=10)
    marks = _marks(fig)
    drawn = {cd[0]: spec[int(cd[0].split(":")[1])][0] for _, _, cd in marks}
    assert len(drawn) == 10
    assert sum(t == "meeting" for t in drawn.values()) == 4  # every meeting shows
    assert sum(t == "statement" for t in drawn.values()) == 6  # half, then the free rows
    assert "10 events reported by most articles" in _note(fig)
    # rows top down in date order, whatever their coverage
    start_of = {
        y: b
        for t in fig.data
        if t.meta["newsdesk"] == "timeline"
        for y, b in zip(t.y, t.base, strict=True)
    }
    starts = [start_of[y] for y in fig.layout.yaxis.categoryarray]
    assert starts == sorted(starts)
    # a colour of the volume strip that no drawn mark explains is in the legend
    fig = F.summit_timeline(_groups(corpus, [("statement", 2)] * 3 + [("threat", 1)]), top=1)
    strip = {t.meta["type"]: t for t in fig.data if t.meta["newsdesk"] == "volume"}
    assert set(strip) == {"statement", "threat"}
    assert strip["threat"].showlegend and strip["threat"].name == "threat"
    assert strip["statement"].showlegend is False  # its bars' legend entry says it
    # one type only: the cap never leaves rows empty
    only = F.summit_timeline(_groups(corpus, [("statement", 1)] * 12), top=10)
    assert len(_marks(only)) == 10


def test_timeline_row_labels_stay_short_and_the_hover_names_everyone(corpus):
    ev = _groups(corpus, [("meeting", 1), ("statement", 1)])
    everyone = sorted(corpus.actors["actor_id"].astype(str))
    ev["participants"] = [everyone, everyone[:1]]
    names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"], strict=True))
    for rows in ("participants", "group"):
        fig = F.summit_timeline(ev, actors=corpus.actors, rows=rows)
        labels = list(fig.layout.yaxis.categoryarray)
        assert max(len(x) for x in labels) <= 60 + len(" · statement")
        assert any("+" in x for x in labels)  # the cut list says how many it leaves out
        bars = [t for t in fig.data if t.meta["newsdesk"] == "timeline"]
        hover = next(h for t in bars for h in t.hovertext if "meeting" in h)
        named = [n for n in names.values() if n in hover]
        assert len(named) == 8 and "and 1 more" in hover


def test_timeline_is_tall_enough_for_its_legend(corpus):
    types = ["meeting", "visit", "talks", "statement", "agreement", "sanctions", "threat"]
    ev = _groups(corpus, [(t, 1) for t in types] * 2)
    ev["status"] = ["occurred", "planned"] * len(types)
    fig = F.summit_timeline(ev, rows="type", volume=False, rangeslider=False)
    entries = sum(1 for t in fig.data if t.showlegend is not False)
    assert entries == 14 and len(fig.layout.yaxis.categoryarray) == 7
    assert fig.layout.height >= 30 * entries + 70  # no clipped, scrolling legend


def test_timeline_two_groups_and_per_mention_view(corpus):
    ev = _three_reports(corpus).assign(event_group=["grp:a", "grp:a", "grp:b"])
    assert len(_marks(F.summit_timeline(ev))) == 2
    per_mention = F.summit_timeline(ev, group=False)
    assert sorted(m[2][0] for m in _marks(per_mention)) == ["ev0", "ev1", "ev2"]
    # a frame without event_group draws as before, whatever ``group`` says
    plain = ev.drop(columns=["event_group"])
    assert F.summit_timeline(plain).to_json() == per_mention.to_json()
    assert F.summit_timeline(corpus).to_json() == F.summit_timeline(corpus, group=False).to_json()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Four short reports through the real pipeline: three of one summit, one of Hanoi."""
    import os

    from helpers import summit_articles
    from test_events_merge import SOURCES

    from analysis.corpus import build

    os.environ.setdefault("NEWSDESK_CACHE", str(tmp_path_factory.mktemp("cache")))
    return build(summit_articles(SOURCES), progress=False)


def test_timeline_groups_a_real_corpus(built):
    from analysis.events import event_summary

    ev = built.events
    assert "event_group" in ev
    fig = F.summit_timeline(built)
    marks = {m[2][0]: m for m in _marks(fig)}
    summary = event_summary(ev, articles=built.articles).set_index("event_group")
    dated = summary[summary["begin"].notna()]
    assert set(marks) == set(dated.index)  # one mark per dated group, no more
    big = summary["n_articles"].idxmax()
    assert summary.loc[big, "n_articles"] == 3
    base, days, cd = marks[big]
    assert base == summary.loc[big, "begin"].tz_convert(None).isoformat()
    expected_days = (summary.loc[big, "end_date"] - summary.loc[big, "begin"]) / pd.Timedelta(
        days=1
    )
    assert days == expected_days
    assert sorted(cd[4]) == sorted(summary.loc[big, "article_ids"])
    hovers = [
        h
        for t in fig.data
        if t.meta["newsdesk"] == "timeline"
        for h, c in zip(t.hovertext, t.customdata, strict=True)
        if c[0] == big
    ]
    assert "3 articles, 3 sources" in hovers[0]
    per_mention = _marks(F.summit_timeline(built, group=False))
    assert len(per_mention) == int(ev["begin"].notna().sum()) > len(marks)


def test_timeline_names_sources_given_the_articles_frame(built):
    # frames rather than a Corpus (as the report and the explorer call it): the group's
    # hover names its sources only when the articles frame is passed
    def summit_hover(fig):
        return next(
            h
            for t in fig.data
            if t.meta["newsdesk"] == "timeline"
            for h in t.hovertext
            if "3 articles" in h
        )

    sources = sorted(built.articles["source"].dropna().unique())
    with_articles = summit_hover(
        F.summit_timeline(built.events, actors=built.actors, articles=built.articles)
    )
    assert "3 sources" in with_articles
    assert sum(s in with_articles for s in sources) == 3
    assert "sources" not in summit_hover(F.summit_timeline(built.events, actors=built.actors))


# ------------------------------------------------------------ figures at scale


def synthetic_corpus(n_articles=1000, n_events=2000, n_actors=5000, seed=0):
    """An invented corpus of the size an analyst has: long-tailed counts, stray dates."""
    import numpy as np

    from analysis import schema
    from analysis.selection import View

    rng = np.random.default_rng(seed)
    aids = [f"art{i:05d}" for i in range(n_articles)]
    day0 = pd.Timestamp("2015-01-01", tz="UTC")
    published = day0 + pd.to_timedelta(rng.integers(0, 5 * 365, n_articles), unit="D")
    sources = [f"Outlet {i % 40}" for i in range(n_articles)]
    articles = pd.DataFrame(
        {"article_id": aids, "title": "t", "title_derived": False, "source": sources,
         "url": None, "author": None, "published": published, "published_precision": "day",
         "published_inferred": False, "text": "x", "language": "en", "path": None,
         "paths": None, "format": "txt", "n_words": 1}
    )  # fmt: skip
    countries = ["US", "RU", "CN", "KP", "KR", "JP", "FR", "DE", "GB", "IN"]
    mentions = (rng.zipf(1.6, n_actors) % 5000 + 1).astype(int)
    actors = pd.DataFrame(
        {
            "actor_id": [f"x:actor{i:05d}" for i in range(n_actors)],
            "name": [f"Actor Number {i}" for i in range(n_actors)],
            "kind": [("person", "country", "organisation")[i % 3] for i in range(n_actors)],
            "country": [countries[i % len(countries)] for i in range(n_actors)],
            "aliases": [[] for _ in range(n_actors)],
            "wikidata": None,
            "mentions": mentions,
            "articles": np.minimum(mentions, n_articles),
            "in_kb": False,
        }
    )
    pairs = rng.integers(0, 400, size=(20_000, 2))
    pairs = pairs[pairs[:, 0] < pairs[:, 1]]
    edges = (
        pd.DataFrame({"source": actors["actor_id"].to_numpy()[pairs[:, 0]],
                      "target": actors["actor_id"].to_numpy()[pairs[:, 1]]})
        .value_counts().rename("weight").reset_index()
    )  # fmt: skip
    edges["articles"] = edges["weight"]
    n_places = 300
    lat = rng.uniform(-50, 65, n_places)
    lon = rng.uniform(-170, 170, n_places)
    prow = rng.integers(0, n_places, 3000)
    places = pd.DataFrame(
        {"article_id": rng.choice(aids, 3000), "sentence_id": 0, "start": 0, "end": 1,
         "text": [f"Place {p}" for p in prow], "place_id": [f"gn:{p}" for p in prow],
         "name": [f"Place {p}" for p in prow], "lat": lat[prow], "lon": lon[prow],
         "country_code": [countries[p % len(countries)] for p in prow], "feature": "city",
         "geonameid": prow, "population": None, "score": 1.0, "runner_up": None,
         "role": "literal"}
    )  # fmt: skip
    group = (rng.zipf(1.5, n_events) % 700).astype(int)
    begin = day0 + pd.to_timedelta(rng.integers(0, 5 * 365, n_events), unit="D")
    begin = begin.to_series().reset_index(drop=True)
    begin.iloc[:6] = pd.Timestamp("1900-01-01", tz="UTC")  # stray dates of a few events
    begin.iloc[6:10] = pd.Timestamp("2100-01-01", tz="UTC")
    begin.iloc[10:60] = pd.NaT  # undated
    evp = rng.integers(0, n_places, n_events)
    events = pd.DataFrame(
        {"event_id": [f"ev{i}" for i in range(n_events)],
         "article_id": rng.choice(aids, n_events), "sentence_id": 0,
         "type": rng.choice(["meeting", "visit", "talks", "test", "sanctions", "statement"],
                            n_events),
         "status": rng.choice(["occurred", "planned", "reported"], n_events),
         "participants": [list(actors["actor_id"].iloc[rng.integers(0, 300, 2)])
                          for _ in range(n_events)],
         "begin": begin, "end_date": pd.NaT, "precision": "day", "timex": None,
         "place_id": [f"gn:{p}" for p in evp], "place_name": [f"Place {p}" for p in evp],
         "lat": lat[evp], "lon": lon[evp], "trigger": "met", "evidence": "A sentence.",
         "reference_id": None, "event_group": [f"grp:{g}" for g in group]}
    )  # fmt: skip
    speakers = actors["actor_id"].to_numpy()[rng.integers(0, n_actors, 3000)]
    quotes = pd.DataFrame(
        {"article_id": rng.choice(aids, 3000), "sentence_id": 0, "start": 0, "end": 1,
         "speaker": speakers, "speaker_text": "x", "text": "words", "cue": "say",
         "kind": "direct", "via": None}
    )  # fmt: skip
    frames = {
        "articles": articles, "sentences": schema.empty("sentences"),
        "mentions": schema.empty("mentions"), "actors": actors, "quotes": quotes,
        "edges": edges, "places": places, "timexes": schema.empty("timexes"),
        "events": events,
    }  # fmt: skip
    return View(**{k: schema.conform(v, k) for k, v in frames.items()})


@pytest.fixture(scope="module")
def big():
    return synthetic_corpus()


def test_timeline_at_scale_is_bounded_and_spans_the_real_dates(big):
    fig = F.summit_timeline(big)
    marks = [t for t in fig.data if t.meta["newsdesk"] == "timeline"]
    rows = {y for t in marks for y in t.y}
    assert 0 < len(rows) <= 30 and sum(len(t.y) for t in marks) == len(rows)
    assert fig.layout.height <= 1600
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp("2014-10-01") < lo < pd.Timestamp("2015-03-01")  # not 1900
    assert pd.Timestamp("2019-11-01") < hi < pd.Timestamp("2020-06-01")  # not 2100
    assert fig.layout.xaxis.rangeslider.visible
    groups = big.events["event_group"].nunique()
    note = _note(fig)
    assert "more not shown" in note and groups > 30
    assert "outside" in note and "undated" in note
    # the most covered group is drawn, and the rows run in date order, top down
    top_group = big.events.groupby("event_group")["article_id"].nunique().idxmax()
    assert top_group in {cd[0] for t in marks for cd in t.customdata}
    start_of = {y: b for t in marks for y, b in zip(t.y, t.base, strict=True)}
    starts = [start_of[y] for y in fig.layout.yaxis.categoryarray]
    assert starts == sorted(starts) and len(set(starts)) > 10
    # the volume strip counts every dated event inside the window
    volume = [t for t in fig.data if t.meta["newsdesk"] == "volume"]
    window = big.events["begin"].between(
        pd.Timestamp("2010-01-01", tz="UTC"), pd.Timestamp("2030-01-01", tz="UTC")
    )
    assert sum(sum(t.y) for t in volume) == int(window.sum())
    assert {t.yaxis for t in volume} == {"y2"}
    # more rows never make it taller than the cap
    assert F.summit_timeline(big, top=300).layout.height <= 1600
    assert len(json.dumps(fig.to_plotly_json(), default=str)) < 600_000


def test_network_at_scale_top_nodes_few_labels(big):
    fig = F.co_mention_network(big)
    nodes = [cd for t in fig.data if t.meta["newsdesk"] == "node" for cd in t.customdata]
    assert len(nodes) == 40
    labelled = [x for t in fig.data if t.meta["newsdesk"] == "node" for x in t.text if x]
    assert 0 < len(labelled) <= 15
    edges = [k for t in fig.data if t.meta["newsdesk"] == "edge" for k in segment_ids(t)]
    assert 0 < len(edges) <= 120
    threshold = fig.layout.meta["newsdesk_min_weight"]
    weights = big.edges.set_index(["source", "target"])["weight"]
    for key in edges:
        s, tgt = key.split("|")
        assert weights[(s, tgt)] >= threshold
    # the nodes are the most connected actors
    degree = pd.concat(
        [big.edges.groupby("source")["weight"].sum(), big.edges.groupby("target")["weight"].sum()]
    ).groupby(level=0).sum()  # fmt: skip
    ranked = degree.sort_values(ascending=False)
    assert min(degree[cd[0]] for cd in nodes) >= ranked.iloc[39]
    # every node inside the axes; the same picture twice
    x0, x1 = fig.layout.xaxis.range
    assert all(x0 < x < x1 for t in fig.data if t.meta["newsdesk"] == "node" for x in t.x)
    assert F.co_mention_network(big).to_json() == fig.to_json()


def test_actor_and_quote_charts_at_scale_top_n_plus_others(big):
    fig = F.actor_mentions(big)
    bars = [y for t in fig.data for y in t.y]
    n_active = int((big.actors["mentions"] > 0).sum())
    assert len(bars) == 21 and f"{n_active - 20:,} other actors" in bars
    assert sum(sum(t.x) for t in fig.data) == int(big.actors["mentions"].sum())
    quotes = F.quote_chart(big)
    speakers = {y for t in quotes.data for y in t.y}
    assert len(speakers) <= 22 and any(s.endswith("other speakers") for s in speakers)
    assert len(quotes.data) <= 9  # 8 outlets and "other outlets"
    assert sum(sum(t.x) for t in quotes.data) == len(big.quotes)


def test_a_long_others_bar_is_cut_so_the_named_bars_stay_readable(big):
    fig = F.actor_mentions(big)
    named = [x for t in fig.data if t.meta["newsdesk"] == "actor_mentions" for x in t.x]
    (others,) = [t.x[0] for t in fig.data if t.meta["newsdesk"] == "actor_others"]
    assert others > F.actors.OTHERS_CUT * max(named)  # the corpus has a long tail
    lo, hi = fig.layout.xaxis.range
    assert lo == 0 and max(named) < hi < others and max(named) / hi > 0.7
    assert any(f"{others:,}" in a.text for a in fig.layout.annotations)
    # a short tail keeps the axis to plotly
    few = F.actor_mentions(big, top=len(named) + 100000)
    assert few.layout.xaxis.range is None


def test_quotes_of_unnamed_speakers_share_one_bar(big):
    q = big.quotes.head(60).copy()
    q["speaker"] = pd.Series([pd.NA] * len(q), dtype="string")
    texts = ["they", "They", "analysts", "the report", "Erdogan", "The United Nations"] * 10
    q["speaker_text"] = pd.Series(texts, dtype="string")
    fig = F.quote_chart(q, big.actors, articles=big.articles)
    per = {}
    for t in fig.data:
        for y, x in zip(t.y, t.x, strict=True):
            per[y] = per.get(y, 0) + x
    assert per == {F.actors.UNNAMED_SPEAKERS: 40, "Erdogan": 10, "The United Nations": 10}


def test_place_map_at_scale_arcs_off_by_default(big):
    fig = F.place_map(big.places, events=big.events, actors=big.actors)
    assert fig.layout.meta["newsdesk_movements"] > F.map.MAX_AUTO_ARCS
    assert not [t for t in fig.data if t.meta["newsdesk"] == "arc"]
    markers = [cd for t in fig.data if t.meta["newsdesk"] == "places" for cd in t.customdata]
    assert len(markers) == big.places["place_id"].nunique()
    drawn = F.place_map(big.places, events=big.events, actors=big.actors, arcs=True)
    arcs = [t for t in drawn.data if t.meta["newsdesk"] == "arc"]
    assert sum(t.meta["movements"] for t in arcs) == 30 and len(arcs) <= 6
    counts = sorted((t.customdata[lo][2] for t in arcs for lo, _ in _segments(t)), reverse=True)
    every = F.event_movements(big.events, actors=big.actors, places=big.places)["events"]
    assert counts == every.head(30).tolist()  # the top movements


def test_timeline_axis_is_held_to_the_publication_period():
    """Many events recalling old history do not stretch the axis past the news."""
    n = 200
    recalled = [pd.Timestamp("1999-06-01", tz="UTC")] * 40  # a fifth recall one old date
    recent = list(pd.date_range("2018-01-01", periods=n - 40, freq="3D", tz="UTC"))
    begin = pd.Series(recalled + recent)
    published = pd.Series(pd.date_range("2018-01-01", periods=n, freq="3D", tz="UTC"))
    lo, hi = F.date_window(begin.dt.tz_convert(None))
    assert lo.year == 1999  # the events alone: the old date is a fifth of them, kept
    lo, hi = F.date_window(begin.dt.tz_convert(None), published=published)
    assert lo == recent[0].tz_convert(None) and hi == recent[-1].tz_convert(None)


def test_timeline_axis_keeps_every_article_s_period_but_not_a_placeholder_date():
    """One early article is news of its year; a 1970 placeholder date is not."""
    recent = list(pd.date_range("2019-01-01", periods=60, freq="7D", tz="UTC"))
    early = pd.Timestamp("2015-03-10", tz="UTC")
    begin = pd.Series([early] * 3 + recent).dt.tz_convert(None)
    published = pd.Series([early] + recent)
    lo, hi = F.date_window(begin, published=published)
    assert lo == early.tz_convert(None) and hi == recent[-1].tz_convert(None)
    placeholder = pd.Timestamp("1970-01-01", tz="UTC")
    begin = pd.Series([placeholder] * 3 + recent).dt.tz_convert(None)
    lo, _ = F.date_window(begin, published=pd.Series([placeholder] + recent))
    assert lo == recent[0].tz_convert(None)


def test_join_segments_separates_each_segment():
    from analysis.figures.segments import join_segments

    out = join_segments([([0, 1], [2, 3], ["a"], "A"), ([4, 5, 6], [7, 8, 9], ["b"], "B")])
    assert out["a"] == [0, 1, None, 4, 5, 6, None]
    assert out["customdata"] == [["a"], ["a"], None, ["b"], ["b"], ["b"], None]
    assert out["text"] == ["A", "A", "", "B", "B", "B", ""]
    assert segment_ids({"customdata": out["customdata"]}) == ["a", "b"]
    with pytest.raises(ValueError, match="2 x but 1 y"):
        join_segments([([0, 1], [2], None, "")])


def test_every_event_type_has_a_fixed_colour_that_shows_on_white():
    """Palette colours go by sorted position (a type's colour changed with the corpus)
    and include a pale yellow that a one-day mark on white all but hides."""
    from analysis.events import EVENT_TYPES
    from analysis.figures.template import CATEGORY_COLORS

    fixed = CATEGORY_COLORS["type"]
    for etype in EVENT_TYPES:
        assert etype in fixed, etype
        r, g, b = (int(fixed[etype][k : k + 2], 16) / 255 for k in (1, 3, 5))
        assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.75, etype  # not pale
    assert F.template.category_colors(["election"], column="type") == {"election": "#17BECF"}


def test_network_labels_name_hubs_whole():
    """Long names are drawn whole (one line, else two) and a hub ringed by small dots
    is still named; a larger neighbour is never covered by another node's label."""
    from analysis.figures.actors import _place_labels, label_choices, wrap_label

    assert label_choices("Ministry of Foreign Affairs") == [
        "Ministry of Foreign Affairs",
        "Ministry of\nForeign Affairs",
        "Ministry of Foreign A…",
    ]
    long = "Permanent Mission of Ruritania to the United Nations"
    assert label_choices(long)[0] == wrap_label(long) and "\n" in label_choices(long)[0]
    assert label_choices("Ann Lee") == ["Ann Lee"]
    # a hub at the centre; small dots on every side of it (closer than a label's width)
    pos = {"hub": (0.0, 0.0)}
    radius = {"hub": 12.0}
    for k, (dx, dy) in enumerate(
        [(0, 30), (0, -30), (40, 0), (-40, 0), (30, 25), (-30, 25), (30, -25), (-30, -25)]
    ):
        pos[f"dot{k}"] = (float(dx), float(dy))
        radius[f"dot{k}"] = 2.5
    kw = {"box": (-200.0, 200.0, -200.0, 200.0), "px": (400.0, 400.0), "radius": radius}
    nodes = sorted(pos)
    out = _place_labels(nodes, pos, {n: [n] for n in nodes}, ["hub"], limit=1, **kw)
    assert out["hub"][1] == "hub"
    # ringed by larger nodes instead, the hub stays unlabelled rather than mislabel one
    big = {n: (8.0 if n != "hub" else 12.0) for n in nodes}
    out = _place_labels(
        nodes, pos, {n: [n] for n in nodes}, ["hub"], limit=1, **{**kw, "radius": big}
    )
    assert "hub" not in out


def test_timeline_title_says_summits_only_when_it_draws_only_meetings(corpus):
    events = corpus.events
    meetings = events[events["type"].isin(["meeting", "visit", "talks"])]
    assert len(meetings) and len(meetings) < len(events)
    title = F.summit_timeline(meetings, actors=corpus.actors).layout.title.text
    assert title == "Summit timeline"
    title = F.summit_timeline(events, actors=corpus.actors).layout.title.text
    assert title == "Event timeline"
    title = F.summit_timeline(events, actors=corpus.actors, title="Mine").layout.title.text
    assert title == "Mine"
