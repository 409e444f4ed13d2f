"""analysis.widgets: the explorer's controls drive the figures and the counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import ipywidgets as widgets
import pandas as pd
import pytest
from browser_helpers import fixture_corpus, reference_events

from analysis import selection
from analysis.widgets import explorer, select


@pytest.fixture()
def corpus():
    return fixture_corpus()


def _place_ids(fig):
    return {cd[0] for t in fig.data if t.meta["newsdesk"] == "places" for cd in t.customdata}


def _event_ids(fig):
    return {cd[0] for t in fig.data if t.meta["newsdesk"] == "timeline" for cd in t.customdata}


def _actor_ids(fig):
    return {cd[0] for t in fig.data for cd in t.customdata}


def test_explorer_is_a_widget_with_controls(corpus):
    panel = explorer(corpus, reference=reference_events())
    assert isinstance(panel, widgets.Widget)
    assert set(panel.controls) == {"actors", "sources", "event_types", "start", "end", "text"}
    assert "<b>3</b> of 3 articles" in panel.counts.value
    assert f"<b>{corpus.places.place_id.nunique()}</b> places" in panel.counts.value
    assert _event_ids(panel.figures["timeline"]) == set(corpus.events.event_id)
    # the outputs hold plotly JSON for JupyterLab and an HTML fallback
    bundle = panel.outputs["map"].outputs[0]["data"]
    assert "application/vnd.plotly.v1+json" in bundle and "text/html" in bundle


def test_source_filter_updates_every_view(corpus):
    panel = explorer(corpus)
    before = {k: f.to_json() for k, f in panel.figures.items()}
    panel.controls["sources"].value = ("Example Wire",)
    hanoi = corpus.articles.loc[corpus.articles.source == "Example Wire", "article_id"].iloc[0]
    assert set(panel.view.articles.article_id) == {hanoi}
    assert _place_ids(panel.figures["map"]) == set(
        corpus.places.loc[corpus.places.article_id == hanoi, "place_id"]
    )
    assert _event_ids(panel.figures["timeline"]) == set(
        corpus.events.loc[corpus.events.article_id == hanoi, "event_id"]
    )
    assert _actor_ids(panel.figures["actors"]) == {"kb:trump", "kb:kim_jong_un"}
    assert all(panel.figures[k].to_json() != before[k] for k in before)
    assert "<b>1</b> of 3 articles" in panel.counts.value


def test_actor_date_type_and_text_filters(corpus):
    panel = explorer(corpus)
    panel.controls["actors"].value = ("kb:putin",)
    assert len(panel.view.articles) == 1 and "Kremlin" in panel.view.articles.title[0]
    panel.controls["event_types"].value = ("test",)
    assert set(panel.view.events.type) == {"test"}
    assert len(_event_ids(panel.figures["timeline"])) == 1
    panel.reset()
    assert len(panel.view.articles) == 3 and len(panel.view.events) == len(corpus.events)
    panel.controls["start"].value = dt.date(2019, 4, 1)
    assert "Example Wire" not in set(panel.view.articles.source)
    panel.controls["text"].value = "SPOKESMAN"
    assert len(panel.view.articles) == 2  # sample and hostile article, case-insensitive
    panel.controls["text"].value = "no such words anywhere"
    assert len(panel.view.articles) == 0
    assert panel.figures["map"].data == () and "<b>0</b> of 3" in panel.counts.value


def test_select_recounts_actors_and_edges(corpus):
    view = select(corpus, sources=["Example Wire"])
    counts = view.actors.set_index("actor_id")["mentions"].to_dict()
    assert counts == {"kb:trump": 2, "kb:kim_jong_un": 1}
    assert set(view.edges.source) | set(view.edges.target) <= set(counts)
    assert len(select(corpus).articles) == 3


def test_undated_articles_stay_until_a_date_is_set_and_the_panel_says_so(corpus):
    arts = corpus.articles.copy()
    arts.loc[1, "published"] = pd.NaT  # the Hanoi article, now undated
    undated = dataclasses.replace(corpus, articles=arts)
    panel = explorer(undated)
    assert panel.controls["start"].value is None and panel.controls["end"].value is None
    assert len(panel.view.articles) == 3 and panel.view.undated == 1
    assert "1 of the kept articles are undated" in panel.counts.value
    panel.apply(start="2019-04-01")
    assert arts.loc[1, "article_id"] not in set(panel.view.articles.article_id)
    assert "1 undated article(s) left out by the date range" in panel.counts.value
    panel.reset()
    assert len(panel.view.articles) == 3


def test_explorer_filters_mean_what_selection_says(corpus):
    panel = explorer(corpus)
    panel.apply(text="U.S.", sources=["ZeroHedge", "Example Wire"], event_types=["meeting"])
    expected = selection.select(
        corpus, text="U.S.", sources=["ZeroHedge", "Example Wire"], event_types=["meeting"]
    )
    assert panel.view.article_ids == expected.article_ids
    assert sorted(panel.view.events.event_id) == sorted(expected.events.event_id)
    assert select is selection.select  # one implementation
    assert panel.timings["update"] > 0 and panel.timings["build"] > 0
    with pytest.raises(TypeError, match="unknown filter"):
        panel.apply(colour="red")


def test_typing_is_debounced_in_a_running_loop(corpus):
    import asyncio

    panel = explorer(corpus, debounce=0.05)
    redraws = []
    original = panel.update
    panel.update = lambda **kw: (redraws.append(panel.controls["text"].value), original(**kw))

    async def type_words():
        for text in ("s", "su", "sum", "summit"):
            panel.controls["text"].value = text
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.2)

    asyncio.run(type_words())
    assert redraws == ["summit"]  # one redraw, after the typing paused
    assert all("summit" in (t + x).lower() for t, x in zip(
        panel.view.articles.title, panel.view.articles.text, strict=True))  # fmt: skip


def test_explorer_hides_near_duplicates_and_says_how_many(corpus):
    arts = corpus.articles.copy()
    arts["duplicate_of"] = arts["duplicate_of"].astype("string")
    copy_id, original = arts["article_id"].iloc[1], arts["article_id"].iloc[0]
    arts.loc[arts["article_id"] == copy_id, "duplicate_of"] = original
    ex = explorer(dataclasses.replace(corpus, articles=arts))
    assert copy_id not in set(ex.view.articles["article_id"])
    assert ex.view.duplicates_hidden == 1
    assert "1 near-duplicate(s) hidden" in ex.counts.value
