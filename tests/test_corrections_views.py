"""Corrections in the explorer (real ipywidgets), the figures and the report payload.

The corpus is the real pipeline's output on four short invented summit reports
(``helpers.summit_articles``), built into a store; the explorer's corrections panel is
driven by setting widget values and clicking its buttons, as an analyst would.
"""

from __future__ import annotations

import json

import ipywidgets as widgets
from helpers import SUMMIT_SOURCES, summit_articles

import analysis
from analysis.corrections import FILE_NAME, Correction, Ledger, read_corrections
from analysis.corrections.panel import CorrectionsPanel
from analysis.figures import actor_mentions, co_mention_network, place_map, summit_timeline
from analysis.report import report_data
from analysis.widgets import Explorer

KIM, TRUMP, PUTIN = "kb:kim_jong_un", "kb:donald_trump", "kb:vladimir_putin"


def _ids(fig, role):
    return {
        cd[0] for t in fig.data if (t.meta or {}).get("newsdesk") == role for cd in t.customdata
    }


def _timeline_events(fig):
    """The event ids a timeline draws (a grouped mark lists its member events)."""
    out = set()
    for t in fig.data:
        if (t.meta or {}).get("newsdesk") == "timeline":
            for cd in t.customdata:
                out.update(cd[3] if t.meta.get("grouped") else [cd[0]])
    return out


def _ledger(d):
    return [
        (c.op, c.target, c.value, c.article_id) for c in read_corrections(d / FILE_NAME).corrections
    ]


# ------------------------------------------------------------------ explorer


def test_the_panel_comes_with_a_store_only(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    assert isinstance(ex.corrections, CorrectionsPanel)
    fold = ex.children[-1]
    assert isinstance(fold, widgets.Accordion) and fold.children == (ex.corrections,)
    assert fold.selected_index is None  # folded until opened
    assert "No corrections yet" in ex.corrections.listing.value
    in_memory = analysis.build(summit_articles(SUMMIT_SOURCES), progress=False)
    assert Explorer(in_memory).corrections is None
    assert isinstance(Explorer(in_memory, corrections=True).corrections, CorrectionsPanel)


def test_merge_actors_in_the_explorer(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    before = ex.corpus.actors.set_index("actor_id")["mentions"]
    p = ex.corrections
    p.who.value, p.why.value = "ana", "same person in this test"
    p.actors.value = (KIM, TRUMP)
    assert [v for _, v in p.merge_into.options] == [KIM, TRUMP]
    p.merge_into.value = KIM
    p.merge_button.click()
    rows = read_corrections(fresh / FILE_NAME).corrections
    assert [(c.op, c.target, c.value, c.who, c.why) for c in rows] == [
        ("merge-actors", TRUMP, KIM, "ana", "same person in this test")
    ]
    # the explorer shows the corrected corpus: frames, controls, figures, the list
    acts = ex.corpus.actors.set_index("actor_id")["mentions"]
    assert TRUMP not in acts.index and acts[KIM] == before[KIM] + before[TRUMP]
    assert TRUMP not in {v for _, v in ex.controls["actors"].options}
    assert TRUMP not in _ids(ex.figures["actors"], "actor_mentions")
    assert KIM in _ids(ex.figures["actors"], "actor_mentions")
    assert TRUMP not in {v for _, v in p.actors.options}
    assert "merge-actors" in p.listing.value and "applied" in p.listing.value
    # a filtered view counts the merged mentions too (not the store's stale parts)
    ex.apply(sources=["AP"])
    hanoi = ex.view.actors.set_index("actor_id")["mentions"]
    assert TRUMP not in hanoi.index
    m = ex.corpus.mentions
    assert hanoi[KIM] == ((m.article_id == "hanoi") & (m.actor_id == KIM)).sum()
    # and the correction survives a reload
    assert TRUMP not in set(analysis.Corpus.load(fresh).actors["actor_id"])


def test_merge_needs_two_actors_and_records_nothing_otherwise(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    p = ex.corrections
    p.actors.value = (KIM,)
    p.merge_button.click()
    assert "two or more actors" in p.message.value
    assert not (fresh / FILE_NAME).exists()
    assert KIM in set(ex.corpus.actors["actor_id"])


def test_regeocode_a_place_with_the_gazetteer_candidates(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    p = ex.corrections
    p.place_filter.value = "vladi"
    assert [v for _, v in p.place.options] == ["Vladivostok"]
    assert p.place.value == "Vladivostok"
    found = ex.corpus.corrections.candidates("Vladivostok")
    assert len(found) >= 1 and found["country_code"].notna().all()
    assert len(p.candidates.options) == len(found)
    # one article only: the other articles keep their place
    assert [v for _, v in p.place_scope.options] == ["", "kremlin", "summit", "wire"]
    p.place_scope.value = "wire"
    p.candidates.value = 0
    p.geocode_button.click()
    ((op, target, value, art),) = _ledger(fresh)
    assert (op, target, art) == ("geocode-place", "Vladivostok", "wire")
    chosen = found.iloc[0]
    assert json.loads(value)["place_id"] == chosen["place_id"]
    pl = ex.corpus.places[ex.corpus.places["text"] == "Vladivostok"]
    wire = pl[pl["article_id"] == "wire"].iloc[0]
    assert (wire["name"], wire["lat"], wire["lon"]) == (
        chosen["name"],
        chosen["lat"],
        chosen["lon"],
    )
    assert wire["corrected_by"] == read_corrections(fresh / FILE_NAME).corrections[0].id
    assert pl[pl["article_id"] != "wire"]["corrected_by"].isna().all()
    assert chosen["place_id"] in _ids(ex.figures["map"], "places")


def test_not_a_place_everywhere(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    p = ex.corrections
    p.place.value = "Pacific"
    p.not_place_button.click()
    assert _ledger(fresh) == [("not-a-place", "Pacific", "", "")]
    assert "Pacific" not in set(ex.corpus.places["text"])
    assert "nd:pacific-ocean" not in _ids(ex.figures["map"], "places")


def test_drop_an_event_in_the_explorer(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    p = ex.corrections
    p.event_filter.value = "[hanoi]"
    hanoi = set(ex.corpus.events.loc[ex.corpus.events["article_id"] == "hanoi", "event_id"])
    assert {v for _, v in p.event.options} == hanoi
    eid = sorted(hanoi)[0]
    p.event.value = eid
    n = len(ex.view.events)
    p.drop_button.click()
    assert _ledger(fresh) == [("drop-event", eid, "", "")]
    assert eid not in set(ex.corpus.events["event_id"])
    assert eid not in _timeline_events(ex.figures["timeline"])
    assert len(ex.view.events) == n - 1
    assert f"<b>{n - 1:,}</b> events kept" in ex.counts.value
    assert eid not in {v for _, v in p.event.options}


def test_the_list_shows_stale_corrections_and_why(fresh):
    Ledger(fresh / FILE_NAME).append([Correction.new("rename-actor", "kb:nobody", "Someone")])
    ex = Explorer(analysis.Corpus.load(fresh))
    text = ex.corrections.listing.value
    assert "1 applied" not in text and "0 applied, 1 stale" in text
    assert "kb:nobody" in text and "not in the corpus" in text


# ------------------------------------------------------------ figures, report


def _corrected(fresh):
    corpus = analysis.Corpus.load(fresh)
    event = corpus.events.loc[corpus.events["article_id"] == "hanoi", "event_id"].iloc[0]
    fixed = (
        corpus.corrections.merge_actors(TRUMP, KIM)
        .corrections.drop_event(event)
        .corrections.geocode_place("Hanoi", name="Ha Noi", lat=21.03, lon=105.85, country_code="VN")
    )
    return corpus, fixed, event


def test_figures_reflect_corrections(fresh):
    corpus, fixed, event = _corrected(fresh)
    assert TRUMP in _ids(actor_mentions(corpus.actors), "actor_mentions")
    assert TRUMP not in _ids(actor_mentions(fixed.actors), "actor_mentions")
    net = co_mention_network(fixed.edges, actors=fixed.actors)
    assert TRUMP not in _ids(net, "node")
    assert event in _timeline_events(summit_timeline(corpus.events, actors=corpus.actors))
    assert event not in _timeline_events(summit_timeline(fixed.events, actors=fixed.actors))
    fig = place_map(fixed.places, events=fixed.events, actors=fixed.actors)
    assert "gn:1581130" not in _ids(fig, "places") and "nd:ha_noi" in _ids(fig, "places")


def test_report_payload_reflects_corrections(fresh):
    _corpus, fixed, event = _corrected(fresh)
    data = report_data(fixed)
    assert TRUMP not in data["actors"]["id"]
    kim = data["actors"]["id"].index(KIM)
    assert data["actors"]["mentions"][kim] == int((fixed.mentions["actor_id"] == KIM).sum())
    hanoi = data["articles"]["id"].index("hanoi")
    assert kim in data["articles"]["actors"][hanoi]
    assert event not in data["events"]["id"]
    places = dict(zip(data["places"]["id"], data["places"]["name"], strict=True))
    assert places.get("nd:ha_noi") == "Ha Noi" and "gn:1581130" not in places


def test_the_lists_follow_the_explorer_filters(fresh):
    ex = Explorer(analysis.Corpus.load(fresh))
    p = ex.corrections
    everything = {v for _, v in p.event.options}
    assert everything == set(ex.corpus.events["event_id"])
    ex.apply(sources=["AP"])  # the Hanoi report only
    ev = ex.corpus.events
    assert {v for _, v in p.event.options} == set(ev.loc[ev["article_id"] == "hanoi", "event_id"])
    pl = ex.corpus.places
    assert {v for _, v in p.place.options} == set(pl.loc[pl["article_id"] == "hanoi", "text"])
    ex.reset()
    assert {v for _, v in p.event.options} == everything
