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


def test_place_map_sizes_are_mentions(corpus):
    fig = F.place_map(corpus, color="role")
    expected = corpus.places.groupby("place_id").size().to_dict()
    seen = {}
    for trace in fig.data:
        if trace.meta["newsdesk"] != "places":
            continue
        for cd, size in zip(trace.customdata, trace.marker.size, strict=True):
            seen[cd[0]] = size
            assert cd[1] == size
    assert seen == expected
    roles = {t.name for t in fig.data if t.meta["newsdesk"] == "places"}
    assert roles == set(corpus.places["role"])


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
            out.extend(str(c) for row in t.customdata for c in row)
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
    features = {t.name for t in fig.data if t.meta["newsdesk"] == "places"}
    assert features == set(corpus.places["feature"])
    stars = [t for t in fig.data if t.meta["newsdesk"] == "events"]
    assert len(stars) == 1 and len(stars[0].lat) == corpus.events["lat"].notna().sum()
    arcs = [t for t in fig.data if t.meta["newsdesk"] == "arc"]
    # Vladivostok summit: Putin (Moscow) and Kim (Pyongyang); Hanoi: Trump and Kim
    assert len(arcs) == 4
    planned = [a for a in arcs if a.line.dash == "dash"]
    assert len(planned) == 2 and all(a.lat[1] == pytest.approx(43.1155) for a in planned)


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
    assert len(edges) == len(corpus.edges)
    widths = {t.customdata[0][0]: t.line.width for t in edges}
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
    return next((a.text for a in fig.layout.annotations if a.name == "more"), "")


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
