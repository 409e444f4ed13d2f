"""A rebuild into the same store after a failed stage (or an edited article) equals a fresh build.

The first build runs with a stage's public function raising for one article (a fault
injected in this process with ``monkeypatch``); the build skips that article's stage and
records it.  The second build, with the fault gone, recomputes what failed.  Its frames
must be those of a fresh build of the same articles, for every article and every frame.

The articles are invented so that the corpus-wide actor joins change something ("Telford"
in one article is "Ann Telford" of another): the stored frames then carry the ids each
article gave by itself beside the joined ones, and the recomputed rows must be joined
exactly like the stored ones.  spaCy, the knowledge base and the gazetteer are real.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest
from helpers import canonical
from test_corpus import make_articles

import analysis
from analysis import pipeline

TEXTS = [
    "Prime Minister Ann Telford of Norland said on Monday that talks with Karl Brenner "
    "would resume in Oslo next week. Telford told reporters the meeting had been useful.",
    "Karl Brenner, the Ostmark foreign minister, met Telford in Berlin on Tuesday. Brenner "
    "said the two governments signed an agreement on fishing rights.",
    "The Court rejected the appeal on Wednesday, and the Ministry of Fisheries said it would "
    "comply. Ann Telford welcomed the ruling in a statement.",
]
SOURCES = ["Wire", "Daily", "Post"]
DATES = ["2021-03-01", "2021-03-02", "2021-03-03"]
#: the article the fault hits: its "Telford" is joined to the "Ann Telford" of another
VICTIM = 1

#: stage -> (module, public function its ``run`` calls)
FAULTS = {
    "nlp": ("analysis.nlp", "parse"),
    "actors": ("analysis.actors", "resolve_actors"),
    "places": ("analysis.geo", "geoparse"),
    "events": ("analysis.events", "extract_events"),
}


def articles(texts=TEXTS) -> pd.DataFrame:
    return make_articles(texts, SOURCES, DATES)


def assert_same_corpus(got, want) -> None:
    a, b = canonical(got), canonical(want)
    assert sorted(a) == sorted(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=f"frame {name}")


@pytest.fixture(scope="module")
def fresh():
    """A clean build of the articles, with no store."""
    corpus = analysis.build(articles(), progress=False)
    # the premise of the tests: a join rewrote some id, so the frames carry the
    # articles' own ids beside the joined ones
    assert "participants_article" in corpus.events.columns
    assert "actor_id_article" in corpus.mentions.columns
    victim = articles()["article_id"].iloc[VICTIM]
    own = corpus.mentions[corpus.mentions["article_id"] == victim]
    assert (own["actor_id"].astype(str) != own["actor_id_article"].astype(str)).any()
    return corpus


def _inject(monkeypatch, stage: str, bad: str) -> None:
    module, name = FAULTS[stage]
    if not pipeline.stage_available(stage):
        pytest.skip(f"{module} is not installed")
    mod = importlib.import_module(module)
    real = getattr(mod, name)

    def flaky(arts, *args, **kw):
        if bad in set(arts["article_id"]):
            raise OverflowError("injected fault")
        return real(arts, *args, **kw)

    monkeypatch.setattr(mod, name, flaky)


@pytest.mark.parametrize("stage", sorted(FAULTS))
def test_rebuild_after_a_failed_stage_equals_a_fresh_build(stage, fresh, tmp_path, monkeypatch):
    bad = articles()["article_id"].iloc[VICTIM]
    store = tmp_path / "corpus"
    with monkeypatch.context() as m:
        _inject(m, stage, bad)
        first = analysis.build(articles(), store=store, progress=False, batch_size=2)
    failed = {(e["article_id"], e["stage"]) for e in first.build_stats["errors"]}
    assert (bad, stage) in failed

    again = analysis.build(articles(), store=store, progress=False, batch_size=2)
    assert again.build_stats["errors"] == []
    assert again.build_stats["processed"] == 1  # the failed article only
    events = again.events[again.events["article_id"] == bad]
    assert len(events)
    assert all(isinstance(p, list | tuple) or hasattr(p, "tolist") for p in events["participants"])
    assert_same_corpus(again, fresh)
    assert_same_corpus(analysis.Corpus.load(store), fresh)


def test_rebuild_after_an_article_was_edited_back_equals_a_fresh_build(fresh, tmp_path):
    store = tmp_path / "corpus"
    edited = list(TEXTS)
    edited[VICTIM] = edited[VICTIM].replace("on Tuesday", "on Thursday")
    analysis.build(articles(edited), store=store, progress=False)
    again = analysis.build(articles(), store=store, progress=False)
    assert again.build_stats["processed"] == 1
    assert_same_corpus(again, fresh)


def test_adding_a_reference_timeline_to_a_store_links_like_a_fresh_build(fresh, tmp_path):
    """Only the reference stage re-runs, on the stored events: it must read the
    participants each article gave (as in a fresh build), not the corpus-joined ones."""
    from analysis.settings import Settings

    ref = tmp_path / "timeline.csv"
    ref.write_text(
        "reference_id,type,name,participants,begin,end,place,lat,lon,source\n"
        "berlin-talks,meeting,Berlin talks,Telford|Karl Brenner,2021-03-02,,Berlin,52.52,"
        "13.405,invented for this test\n",
        encoding="utf-8",
    )
    settings = Settings(reference_events=(str(ref),))
    store = tmp_path / "corpus"
    analysis.build(articles(), store=store, progress=False)
    again = analysis.build(articles(), store=store, progress=False, settings=settings)
    assert again.build_stats["computed"]["events"] == 0  # the stored events were reused
    want = analysis.build(articles(), progress=False, settings=settings)
    assert "berlin-talks" in set(want.events["reference_id"].dropna())  # the premise
    assert_same_corpus(again, want)
