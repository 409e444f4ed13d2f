"""Stages as specs: a stage added with one registration, what is derived from the specs,
reference linking as its own opt-in stage, per-article event inputs, former stage names."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import SAMPLE_DIR
from test_corpus import DATES, SOURCES, TEXTS, assert_same_corpus, make_articles

import analysis
from analysis import pipeline
from analysis import store as _store
from analysis.corpus import Corpus
from analysis.resources import Resources
from analysis.settings import BUNDLED_REFERENCE, Settings
from analysis.stages import (
    Batch,
    StageGraph,
    StageSpec,
    builtin,
    register_stage,
    stage_graph,
    unregister_stage,
)
from analysis.stages.builtin import BUILTIN_STAGES

# ------------------------------------------------------------ a toy stage, added here


def run_long_words(batch, resources) -> dict:
    """Per sentence, how many of its words have at least ``long_word_min`` letters."""
    least = batch.settings.extra.get("long_word_min", 6)
    s = batch["sentences"]
    return {
        "long_words": pd.DataFrame(
            {
                "article_id": s["article_id"].astype("string"),
                "sentence_id": s["sentence_id"].astype("int64"),
                "n": [sum(len(w.strip(".,")) >= least for w in t.split()) for t in s["text"]],
            }
        )
    }


LONG_WORDS = StageSpec(
    name="long_words",
    run=run_long_words,
    requires=("sentences",),
    assigns=("long_words",),
    settings=("long_word_min",),
    sort_keys={"long_words": ("sentence_id",)},
)


@pytest.fixture
def long_words():
    register_stage(LONG_WORDS)  # the one registration; nothing else is edited
    yield LONG_WORDS
    unregister_stage("long_words")


def _expected_long_words(sentences: pd.DataFrame, least: int) -> list[tuple[str, int, int]]:
    return sorted(
        (str(a), int(i), sum(len(w.strip(".,")) >= least for w in t.split()))
        for a, i, t in zip(
            sentences["article_id"], sentences["sentence_id"], sentences["text"], strict=True
        )
    )


def _rows(df: pd.DataFrame) -> list[tuple[str, int, int]]:
    return sorted(
        (str(a), int(i), int(n))
        for a, i, n in zip(df["article_id"], df["sentence_id"], df["n"], strict=True)
    )


def test_a_stage_added_with_one_registration_runs_is_stored_and_rebuilds_alone(
    tmp_path, long_words
):
    d = tmp_path / "corpus"
    arts = make_articles()
    six = Settings(extra={"long_word_min": 6})
    first = analysis.build(arts, store=d, settings=six, progress=False, batch_size=2)
    assert "long_words" in pipeline.STAGES
    assert first.build_stats["computed"]["long_words"] == len(arts)
    fp = first.manifest["fingerprints"]["long_words"]
    state = _store.read_frames(d, names=(), state=True)
    assert _rows(state["_long_words"]) == _expected_long_words(first.sentences, 6)
    assert set(state["_index"]["fp_long_words"]) == {fp}
    # the stored rows are in article order, then by the declared sort key
    order = {a: i for i, a in enumerate(first.articles["article_id"])}
    lw = state["_long_words"]
    keys = [(order[a], s) for a, s in zip(lw["article_id"], lw["sentence_id"], strict=True)]
    assert keys == sorted(keys)

    # its setting changed: only it reruns (nothing is parsed), from the stored sentences
    four = six.replace(extra={"long_word_min": 4})
    second = analysis.build(arts, store=d, settings=four, progress=False, batch_size=2)
    computed = second.build_stats["computed"]
    assert computed["long_words"] == len(arts)
    assert computed["parsed"] == 0
    assert all(computed[s] == 0 for s in pipeline.STAGES if s != "long_words"), computed
    assert second.manifest["fingerprints"]["long_words"] != fp
    state = _store.read_frames(d, names=(), state=True)
    assert _rows(state["_long_words"]) == _expected_long_words(first.sentences, 4)
    assert_same_corpus(second, first)  # the other frames are the stored ones

    # nothing changed: nothing runs; a new article: it runs for that article only
    again = analysis.build(arts, store=d, settings=four, progress=False, batch_size=2)
    assert again.build_stats["processed"] == 0
    more = make_articles(
        [*TEXTS, "Officials in Oslo said on Monday that the talks resumed."],
        sources=[*SOURCES, "NTB"],
        dates=[*DATES, "2019-05-20"],
    )
    grown = analysis.build(more, store=d, settings=four, progress=False, batch_size=2)
    assert grown.build_stats["computed"]["long_words"] == 1
    state = _store.read_frames(d, names=(), state=True)
    assert _rows(state["_long_words"]) == _expected_long_words(grown.sentences, 4)


def test_a_stage_added_to_an_existing_store_runs_alone(tmp_path, long_words):
    d = tmp_path / "corpus"
    arts = make_articles()[:2]
    unregister_stage("long_words")  # the store is built before the stage exists
    analysis.build(arts, store=d, progress=False)
    register_stage(LONG_WORDS)
    after = analysis.build(arts, store=d, progress=False)
    computed = after.build_stats["computed"]
    assert computed["long_words"] == 2 and computed["parsed"] == 0
    assert all(computed[s] == 0 for s in pipeline.STAGES if s != "long_words"), computed


# ------------------------------------------------------------ derived from the specs


def test_what_the_pipeline_derives_from_the_built_in_specs():
    g = stage_graph()
    assert g.names == ("nlp", "timexes", "actors", "places", "events", "reference")
    assert [s.name for s in g.corpus_order] == ["corpus_actors", "event_groups"]
    assert g.upstream == {
        "nlp": (),
        "timexes": (),  # narrowed in its spec: sentence boundaries depend on the model only
        "actors": ("nlp", "timexes"),  # a title's holder depends on the publication date
        "places": ("nlp",),
        "events": ("nlp", "timexes", "actors", "places"),
        "reference": ("actors", "events"),
    }
    assert g.fails_with["timexes"] == ("nlp",)
    assert g.per_article == {
        "articles": "articles",
        "sentences": "sentences",
        "timexes": "timexes",
        "mentions": "mentions",
        "quotes": "quotes",
        "actor_parts": "actors",
        "edge_parts": "edges",
        "places": "places",
        "events": "events",
    }
    assert g.state_frames == ("actor_parts", "edge_parts", "index")
    assert g.sort_keys["mentions"] == ("start", "end", "label")
    assert Settings.STAGE_FIELDS["places"] == ("model", "gazetteer_additions", "place_overrides")
    assert Settings.STAGE_FIELDS["reference"] == ("reference_events",)
    # a stale stage re-runs the stages that set columns of the frames it re-creates, and
    # the parse when it needs the Docs; linking alone parses nothing
    assert g.executing({"actors"}) == ({"actors", "places"}, {"nlp"})
    assert g.executing({"places"}) == ({"places"}, {"nlp"})
    assert g.executing({"reference"}) == ({"reference"}, set())


def _spec(name, **kw) -> StageSpec:
    return StageSpec(name=name, run=lambda batch, res: {}, **kw)


def test_the_registry_rejects_conflicting_missing_and_circular_stages():
    with pytest.raises(ValueError, match="creates 'places', which stage 'places'"):
        register_stage(_spec("other_places", requires=("sentences",), assigns=("places",)))
    with pytest.raises(ValueError, match="requires 'sentiment'.*no registered stage"):
        register_stage(_spec("needs_sentiment", requires=("sentiment",), assigns=("x",)))
    with pytest.raises(ValueError, match="cycle"):
        StageGraph(
            [
                _spec("a", requires=("b_out",), assigns=("a_out",)),
                _spec("b", requires=("a_out",), assigns=("b_out",)),
            ]
        )
    with pytest.raises(ValueError, match="cannot assign the whole 'articles'"):
        _spec("loader", assigns=("articles",))
    with pytest.raises(ValueError, match="identifier"):
        _spec("two words")
    assert "other_places" not in stage_graph().names  # nothing was registered


def test_a_stage_returning_an_undeclared_frame_fails_loudly(tmp_path):
    spec = StageSpec(
        name="sloppy",
        run=lambda batch, res: {"sloppy": batch["articles"][["article_id"]], "extra": None},
        requires=("articles.text",),
        assigns=("sloppy",),
    )
    register_stage(spec)
    try:
        with pytest.raises(ValueError, match="'sloppy' returned \\['extra'\\]"):
            analysis.build(make_articles()[:1], progress=False)
    finally:
        unregister_stage("sloppy")


# ------------------------------------------------------------ one name per stage


def test_the_former_stage_name_time_still_reads(tmp_path):
    s = Settings()
    assert s.fingerprint("time") == s.fingerprint("timexes")
    assert Settings.STAGE_FIELDS["time"] == Settings.STAGE_FIELDS["timexes"]
    assert pipeline.stage_available("time")

    # a store written when the stage was "time" (index column fp_time, no reference stage)
    d = tmp_path / "corpus"
    arts = make_articles()[:3]
    built = analysis.build(arts, store=d, progress=False)
    index = _store.read_frames(d, names=(), state=True)["_index"]
    old = index.rename(columns={"fp_timexes": "fp_time"}).drop(columns="fp_reference")
    _store._write_parquet(old, d / "_state" / "index.parquet")
    manifest = json.loads((d / "manifest.json").read_text())
    fps = manifest["fingerprints"]
    fps["time"] = fps.pop("timexes")
    fps.pop("reference")
    (d / "manifest.json").write_text(json.dumps(manifest))

    assert_same_corpus(Corpus.load(d), built)
    again = analysis.build(arts, store=d, progress=False)
    computed = again.build_stats["computed"]
    assert computed["timexes"] == 0 and computed["parsed"] == 0  # fp_time was read
    assert computed["reference"] == 3  # the new stage runs, alone
    assert_same_corpus(again, built)


# ------------------------------------------------------------ reference linking


def _putin_kim(corpus: Corpus) -> pd.Series:
    ev = corpus.events
    hit = ev["type"].eq("meeting") & ev["participants"].map(
        lambda ps: {"kb:vladimir_putin", "kb:kim_jong_un"} <= set(ps)
    )
    assert hit.sum() == 1, ev[["type", "participants"]]
    return ev[hit].iloc[0]


def test_reference_linking_is_opt_in_and_reruns_alone(tmp_path):
    d = tmp_path / "corpus"
    plain = analysis.build(SAMPLE_DIR, store=d, progress=False)
    assert plain.events["reference_id"].isna().all()  # no timeline unless asked for
    assert {"ref_name", "ref_begin", "link_score"} <= set(plain.events.columns)

    bundled = Settings(reference_events=(BUNDLED_REFERENCE,))
    linked = analysis.build(SAMPLE_DIR, store=d, settings=bundled, progress=False)
    computed = linked.build_stats["computed"]
    assert computed["reference"] == 1 and computed["parsed"] == 0
    assert all(computed[s] == 0 for s in pipeline.STAGES if s != "reference"), computed
    assert _putin_kim(linked)["reference_id"] == "vladivostok-summit"
    linking = ("reference_id", "link_score", "event_group")  # groups follow the links
    cols = [c for c in plain.events.columns if not c.startswith("ref_") and c not in linking]
    pd.testing.assert_frame_equal(linked.events[cols], plain.events[cols])

    # a user's own timeline (an invented event), instead of the bundled one
    mine = tmp_path / "my_timeline.csv"
    mine.write_text(
        "reference_id,type,name,participants,begin,end,place,lat,lon,source\n"
        "invented-talks,meeting,Invented talks,Vladimir Putin|Kim Jong Un,2019-04-24,"
        "2019-04-27,Vladivostok,43.1,131.9,invented for this test\n",
        encoding="utf-8",
    )
    own = analysis.build(
        SAMPLE_DIR, store=d, settings=Settings(reference_events=(str(mine),)), progress=False
    )
    assert own.build_stats["computed"]["parsed"] == 0
    assert _putin_kim(own)["reference_id"] == "invented-talks"
    assert set(own.events["reference_id"].dropna()) == {"invented-talks"}

    back = analysis.build(SAMPLE_DIR, store=d, progress=False)
    assert back.events["reference_id"].isna().all()  # the old links do not linger
    assert_same_corpus(back, plain)


def test_newsdesk_build_reference_option(tmp_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, timeout=600
        )

    out = tmp_path / "c"
    r = run("build", str(SAMPLE_DIR), "-o", str(out), "-q", "--reference", "bundled")
    assert r.returncode == 0, r.stderr
    corpus = Corpus.load(out)
    assert corpus.settings.reference_events == (BUNDLED_REFERENCE,)
    assert _putin_kim(corpus)["reference_id"] == "vladivostok-summit"
    r = run("build", str(SAMPLE_DIR), "-o", str(out), "-q", "--reference", str(tmp_path / "no.csv"))
    assert r.returncode == 2 and "reference timeline not found" in r.stderr


# ------------------------------------------------------------ per-article inputs


def _upstream_frames(arts: pd.DataFrame) -> dict:
    """The batch frames the events stage reads, made by the real stages."""
    settings, graph = Settings(), stage_graph()
    res = Resources(settings)
    frames = {"articles": arts}
    ids = arts["article_id"].tolist()
    for name in ("nlp", "timexes", "actors", "places"):
        frames.update(graph.specs[name].run(Batch(frames, ids, settings, whole=True), res))
    return frames


def _by_id(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values("event_id").reset_index(drop=True).astype(str)


def test_events_of_a_batch_equal_events_extracted_article_by_article():
    import analysis.events as events

    arts = make_articles()
    frames = _upstream_frames(arts)
    ids = arts["article_id"].tolist()
    # one article sees Kim Jong Un as a news source (an invented disagreement between
    # articles): only that article's events may drop him as a participant
    parts = frames["actor_parts"]
    kim = parts["actor_id"].eq("kb:kim_jong_un")
    with_kim = list(dict.fromkeys(parts.loc[kim, "article_id"]))
    assert len(with_kim) >= 2
    odd = with_kim[0]
    frames["actor_parts"] = parts.assign(
        kind=parts["kind"].mask(kim & parts["article_id"].eq(odd), "media")
    )
    assert builtin.agreeing_groups(frames["actor_parts"], ids) != [ids]

    whole = Batch(frames, ids, Settings(), whole=True)
    got = builtin.run_events(whole, Resources(Settings()))["events"]
    alone = pd.concat(
        [
            events.extract_events(
                one["articles"],
                one["sentences"],
                one["mentions"],
                one["actor_parts"].drop(columns="article_id"),
                one["places"],
                one["timexes"],
                one["quotes"],
                docs=one["docs"],
                link=False,
            )
            for one in whole.split()
        ],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(_by_id(got), _by_id(alone))
    with_him = got[got["participants"].map(lambda ps: "kb:kim_jong_un" in ps)]
    assert odd not in set(with_him["article_id"])
    assert set(with_him["article_id"]) & set(with_kim[1:])  # the others still see him


def test_agreeing_groups_split_articles_that_see_an_actor_differently():
    parts = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "a4"],
            "actor_id": ["x:foo", "kb:bar", "x:foo", "kb:bar", "kb:bar"],
            "name": ["Foo", "Bar", "Foo's", "Bar", "the Bar"],  # spellings may differ
            "kind": ["organisation", "person", "person", "person", "person"],
            "mentions": [1, 2, 3, 4, 5],
        }
    )
    assert builtin.agreeing_groups(parts, ["a1", "a2", "a3", "a4", "a5"]) == [
        ["a1", "a3", "a4", "a5"],
        ["a2"],
    ]
    assert builtin.agreeing_groups(parts.iloc[:0], ["a1", "a2"]) == [["a1", "a2"]]


def test_built_in_stages_call_the_public_stage_functions():
    import inspect

    calls = {
        "nlp": "nlp.parse(",
        "timexes": "timex.tag_timexes(",
        "actors": "actors.resolve_actors(",
        "places": "geo.geoparse(",
        "events": "events.extract_events(",
        "reference": "events.link_reference(",
    }
    by_name = {s.name: s for s in BUILTIN_STAGES}
    for name, call in calls.items():
        assert call in inspect.getsource(by_name[name].run), name


def test_editing_a_bundled_data_file_changes_only_its_stages_fingerprint(tmp_path, monkeypatch):
    import shutil

    from analysis import settings as _settings

    assert "event_vocabulary.csv" in stage_graph().stage_data["events"]
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(_settings.data_path("event_vocabulary.csv"), data / "event_vocabulary.csv")
    monkeypatch.setattr(_settings, "_DATA", data)
    s = Settings()
    before = {name: s.fingerprint(name) for name in ("events", "places", "actors")}
    with open(data / "event_vocabulary.csv", "a", encoding="utf-8") as fh:
        fh.write("skyhammer,weapon_system,an invented name\n")
    after = {name: s.fingerprint(name) for name in ("events", "places", "actors")}
    assert after["events"] != before["events"]
    assert after["places"] == before["places"] and after["actors"] == before["actors"]
