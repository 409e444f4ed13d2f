"""analysis.build and the Corpus: incremental builds, filter, SQL, summary.

The articles are built in the test (no dependency on the loaders); every stage that
is installed runs for real (spaCy model, knowledge base, gazetteer).
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import analysis
from analysis import pipeline, schema
from analysis.corpus import Corpus
from analysis.settings import Settings

TEXTS = [
    "Kremlin spokesman Dmitry Peskov said on Monday that Vladimir Putin will meet Kim Jong Un "
    "in Vladivostok later this month. The summit will be the first between the two leaders.",
    "Donald Trump and Kim Jong Un met in Hanoi on 27 February 2019. The talks ended early "
    "without an agreement, the White House said.",
    "Chinese President Xi Jinping visited Pyongyang in June 2019. Xinhua reported that Xi and "
    "Kim discussed the situation on the Korean Peninsula.",
    "South Korean President Moon Jae-in said on Tuesday he hopes to meet Kim Jong Un again "
    "soon. Seoul has urged Washington to resume talks.",
    "Russian Foreign Minister Sergei Lavrov arrived in Tokyo on Friday for talks with his "
    "Japanese counterpart about a peace treaty.",
]
SOURCES = ["ZeroHedge", "Reuters", "Xinhua", "Yonhap", "TASS"]
DATES = ["2019-04-22", "2019-02-28", None, "2019-05-14", "2019-05-10"]


def make_articles(texts=TEXTS, sources=SOURCES, dates=DATES) -> pd.DataFrame:
    """An articles frame as the loaders produce it (ids from the text)."""
    n = len(texts)
    ids = [hashlib.sha256(t.encode()).hexdigest()[:16] for t in texts]
    df = pd.DataFrame(
        {
            "article_id": ids,
            "title": [t.split(".")[0] for t in texts],
            "title_derived": [True] * n,
            "source": list(sources[:n]),
            "url": [None] * n,
            "author": [None] * n,
            "published": list(dates[:n]),
            "published_precision": ["day" if d else "unknown" for d in dates[:n]],
            "published_inferred": [False] * n,
            "text": list(texts),
            "language": ["en"] * n,
            "path": [f"{i}.txt" for i in range(n)],
            "paths": [[f"{i}.txt"] for i in range(n)],
            "format": ["txt"] * n,
            "n_words": [len(t.split()) for t in texts],
        }
    )
    return schema.conform(df, "articles")


def sorted_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A frame in a canonical order (lists made hashable for sorting)."""
    key = df.astype(str)
    return df.iloc[key.sort_values(list(key.columns), kind="stable").index].reset_index(drop=True)


def assert_same_corpus(a: Corpus, b: Corpus) -> None:
    for name in analysis.corpus.FRAMES:
        pd.testing.assert_frame_equal(
            sorted_frame(a.frames[name]), sorted_frame(b.frames[name]), check_exact=False, obj=name
        )


@pytest.fixture(scope="module")
def built() -> Corpus:
    return analysis.build(make_articles(), progress=False, batch_size=2)


def test_build_returns_every_frame_conforming_to_its_schema(built):
    assert len(built) == len(TEXTS)
    ids = set(built.articles["article_id"])
    for name, df in built.frames.items():
        assert schema.check(df, name) is df
        if "article_id" in df.columns:
            assert set(df["article_id"]) <= ids, name
    stats = built.build_stats
    assert stats["processed"] == len(TEXTS) and stats["reused"] == 0
    if pipeline.stage_available("nlp"):
        assert stats["computed"]["parsed"] == len(TEXTS)  # one parse per article
        assert set(built.sentences["article_id"]) == ids
        assert len(built.mentions) > 0


def test_repr_and_summary_count_the_frames(built):
    s = built.summary()
    assert s["articles"] == 5
    assert s["words"] == sum(len(t.split()) for t in TEXTS)
    assert s["sources"] == {src: 1 for src in SOURCES}
    assert s["first_published"] == pd.Timestamp("2019-02-28", tz="UTC")
    # the undated article only mentions "June 2019": no publication date is invented
    assert s["last_published"] == built.articles["published"].max()
    assert s["last_published"] >= pd.Timestamp("2019-05-14", tz="UTC")
    assert s["undated"] == int(built.articles["published"].isna().sum()) == 1
    given = built.articles[built.articles["published_source"] == "metadata"]
    assert given["published"].dt.strftime("%Y-%m-%d").tolist() == [
        d for d in DATES if d is not None
    ]
    assert s["frames"]["sentences"] == len(built.sentences)
    assert repr(built).startswith("<Corpus: 5 articles;")


def test_sql_sees_every_frame_by_name(built):
    got = built.sql("select article_id, count(*) as n from sentences group by 1 order by 1")
    want = (
        built.sentences.groupby("article_id")
        .size()
        .rename("n")
        .reset_index()
        .sort_values("article_id")
        .reset_index(drop=True)
    )
    assert got["article_id"].tolist() == want["article_id"].tolist()
    assert got["n"].tolist() == want["n"].tolist()
    paths = built.sql("select len(paths) as k from articles")  # a list column
    assert paths["k"].tolist() == [1] * 5
    for name in analysis.corpus.FRAMES:
        assert built.sql(f"select count(*) as n from {name}")["n"].iloc[0] == len(
            built.frames[name]
        )


def _consistent(sub: Corpus, keep: set[str]) -> None:
    assert set(sub.articles["article_id"]) == keep
    for name, df in sub.frames.items():
        if "article_id" in df.columns:
            assert set(df["article_id"]) <= keep, name
    # actors and edges are recomputed from the kept mentions
    used = set(sub.mentions["actor_id"].dropna())
    assert set(sub.actors["actor_id"]) <= used | set(sub.quotes["speaker"].dropna())
    for row in sub.actors.itertuples():
        kept = sub.mentions[sub.mentions["actor_id"] == row.actor_id]
        if len(kept):
            assert row.articles == kept["article_id"].nunique()
    assert set(sub.edges["source"]) | set(sub.edges["target"]) <= set(sub.actors["actor_id"])


def test_filter_keeps_frames_consistent(built):
    ids = built.articles["article_id"].tolist()
    sub = built.filter(sources=["reuters", "TASS"])
    _consistent(sub, {ids[1], ids[4]})
    assert len(sub.sentences) == int(built.sentences["article_id"].isin([ids[1], ids[4]]).sum())

    sub = built.filter(start="2019-04-01", end="2019-05-10")  # end inclusive, undated dropped
    _consistent(sub, {ids[0], ids[4]})
    assert sub.manifest["selection"]["undated"] == 0

    sub = built.filter(sources=["Xinhua", "Reuters"])  # no date filter: undated ones stay
    _consistent(sub, {ids[1], ids[2]})
    assert sub.manifest["selection"]["undated"] == int(sub.articles["published"].isna().sum())

    sub = built.filter(text="THE SUMMIT")  # a case-insensitive plain substring
    _consistent(sub, {ids[0]})
    assert len(built.filter(text=r"\bsummit\b")) == 0  # not a regular expression

    sub = built.filter(event_types=["meeting", "visit"])  # only events of those types
    assert set(sub.events["type"]) <= {"meeting", "visit"}
    assert set(sub.articles["article_id"]) == set(sub.events["article_id"])

    assert len(built.filter(sources="nobody")) == 0


def test_filter_by_actor_and_place_uses_the_resolved_frames(built):
    if not len(built.actors):
        pytest.skip("the actors stage produced no actors in this install")
    top = built.actors.sort_values("articles", ascending=False).iloc[0]
    sub = built.filter(actors=[top["name"]])
    want = set(built.mentions.loc[built.mentions["actor_id"] == top["actor_id"], "article_id"])
    _consistent(sub, want)
    if len(built.places):
        name = built.places["name"].dropna().iloc[0]
        sub = built.filter(places=name)
        want = set(built.places.loc[built.places["name"] == name, "article_id"])
        _consistent(sub, want)


def test_filter_then_save_and_load_round_trip(built, tmp_path):
    sub = built.filter(sources=["Reuters", "Yonhap"])
    sub.save(tmp_path / "sub")
    back = Corpus.load(tmp_path / "sub")
    assert_same_corpus(back, sub)
    again = back.filter(sources="Reuters")  # per-article parts travel with the store
    _consistent(again, {built.articles["article_id"].iloc[1]})


def test_incremental_build_processes_only_new_and_changed_articles(tmp_path):
    d = tmp_path / "corpus"
    first = analysis.build(make_articles(TEXTS[:4]), store=d, progress=False, batch_size=2)
    assert first.build_stats["processed"] == 4

    same = analysis.build(make_articles(TEXTS[:4]), store=d, progress=False, batch_size=2)
    assert same.build_stats["processed"] == 0 and same.build_stats["reused"] == 4
    assert same.build_stats["computed"]["parsed"] == 0
    assert_same_corpus(same, first)

    grown = analysis.build(make_articles(), store=d, progress=False, batch_size=2)
    stats = grown.build_stats
    assert stats["processed"] == 1 and stats["reused"] == 4
    assert all(stats["computed"][s] == 1 for s in pipeline.STAGES)
    if pipeline.stage_available("nlp"):
        assert stats["computed"]["parsed"] == 1
    scratch = analysis.build(make_articles(), progress=False, batch_size=3)
    assert_same_corpus(grown, scratch)  # the same frames as a build from scratch
    assert_same_corpus(Corpus.load(d), scratch)

    # a changed article (same text, corrected metadata) is reprocessed; a removed one drops out
    changed = make_articles()
    changed.loc[0, "published"] = pd.Timestamp("2019-04-23", tz="UTC")
    kept = changed.drop(index=2).reset_index(drop=True)
    again = analysis.build(kept, store=d, progress=False, batch_size=2)
    assert again.build_stats["processed"] == 1 and again.build_stats["removed"] == 1
    gone = changed.loc[2, "article_id"]
    for name, df in again.frames.items():
        if "article_id" in df.columns:
            assert gone not in set(df["article_id"]), name
    assert_same_corpus(again, analysis.build(kept, progress=False))


def test_a_rebuild_with_nothing_new_does_not_load_spacy(tmp_path):
    import subprocess
    import sys

    d = tmp_path / "corpus"
    arts = make_articles()[:2]
    arts.to_parquet(tmp_path / "arts.parquet")
    analysis.build(arts, store=d, progress=False)
    code = (
        "import sys, pandas as pd, analysis\n"
        f"c = analysis.build(pd.read_parquet({str(tmp_path / 'arts.parquet')!r}), "
        f"store={str(d)!r}, progress=False)\n"
        "print(c.build_stats['reused'], 'spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "False"]


def test_changed_knowledge_base_recomputes_only_the_stages_it_affects(tmp_path):
    d = tmp_path / "corpus"
    arts = make_articles()
    analysis.build(arts, store=d, progress=False, batch_size=2)
    kb = tmp_path / "extra_actors.csv"
    kb.write_text(
        "actor_id,name,kind,country,aliases,titles,metonyms,demonyms,wikidata,valid_from,"
        "valid_to,notes\n"
        "xinhua,Xinhua News Agency,media,CN,Xinhua,,,,,,,\n",
        encoding="utf-8",
    )
    settings = Settings(knowledge_bases=(str(kb),))
    after = analysis.build(arts, store=d, settings=settings, progress=False, batch_size=2)
    computed = after.build_stats["computed"]
    # the entity ruler is built from the knowledge bases: mentions, actors, places
    # (which read the mentions) and events are recomputed; the dates are not
    assert computed["nlp"] == computed["actors"] == computed["places"] == 5
    assert computed["events"] == 5
    assert computed["timexes"] == 0  # timexes reused: sentence boundaries do not change
    assert "kb:xinhua" in set(after.mentions["actor_id"].dropna())
    assert_same_corpus(after, analysis.build(arts, settings=settings, progress=False))

    model = analysis.build(
        arts, store=d, settings=settings.replace(model="blank"), progress=False, batch_size=2
    )
    assert all(model.build_stats["computed"][s] == 5 for s in pipeline.STAGES)


def test_gazetteer_additions_feed_the_parser_and_recompute_what_reads_them(tmp_path):
    d = tmp_path / "corpus"
    text = "Officials met in Plovnik Bay on Monday to discuss the fishing rights."
    arts = make_articles([*TEXTS[:2], text], dates=DATES[:2] + ["2019-05-06"])
    first = analysis.build(arts, store=d, progress=False, batch_size=2)
    assert "place" not in set(first.mentions.loc[first.mentions["text"] == "Plovnik Bay", "source"])
    extra = tmp_path / "places.csv"
    extra.write_text(
        "place_id,name,aliases,feature,country_code,lat,lon,geonameid,population,source\n"
        "test:plovnik-bay,Plovnik Bay,,physical,HR,43.5,16.4,,,test\n",
        encoding="utf-8",
    )
    settings = Settings(gazetteer_additions=(str(extra),))
    after = analysis.build(arts, store=d, settings=settings, progress=False, batch_size=2)
    computed = after.build_stats["computed"]
    assert computed["nlp"] == computed["places"] == computed["events"] == 3
    assert computed["timexes"] == 0
    found = after.mentions[after.mentions["text"] == "Plovnik Bay"]
    assert found["source"].tolist() == ["place"]  # matched by the added pattern
    assert_same_corpus(after, analysis.build(arts, settings=settings, progress=False))


def test_an_interrupted_build_resumes_from_the_batches_it_streamed(tmp_path, monkeypatch):
    d = tmp_path / "corpus"
    real = pipeline.run_batch
    calls = {"n": 0}

    def dies_on_third_batch(task):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr(pipeline, "run_batch", dies_on_third_batch)
    with pytest.raises(KeyboardInterrupt):
        analysis.build(make_articles(), store=d, progress=False, batch_size=2)
    monkeypatch.undo()
    resumed = analysis.build(make_articles(), store=d, progress=False, batch_size=2)
    assert resumed.build_stats["processed"] == 1  # 2 batches of 2 were already stored
    assert_same_corpus(resumed, analysis.build(make_articles(), progress=False))
    assert not (d / "_parts").exists()


def test_a_failing_article_is_skipped_and_reported(monkeypatch):
    if not pipeline.stage_available("timexes"):
        pytest.skip("analysis.timex is not installed yet")
    import analysis.timex as timex

    bad = make_articles()["article_id"].iloc[3]
    real = timex.tag_timexes

    def flaky(articles, sentences=None, **kw):
        if bad in set(articles["article_id"]):
            raise ValueError("cannot read this one")
        return real(articles, sentences, **kw)

    monkeypatch.setattr(timex, "tag_timexes", flaky)
    corpus = analysis.build(make_articles(), progress=False, batch_size=5)
    errors = corpus.build_stats["errors"]
    assert [(e["article_id"], e["stage"]) for e in errors] == [(bad, "timexes")]
    assert len(corpus) == 5  # the article itself is kept, with the other stages' rows
    with pytest.raises(ValueError, match="cannot read"):
        analysis.build(make_articles(), progress=False, strict=True)


def test_build_from_files_uses_the_loaders(tmp_path):
    io = pytest.importorskip("analysis.io")
    if not hasattr(io, "load_articles"):
        pytest.skip("analysis.io.load_articles is not installed yet")
    from conftest import SAMPLE_DIR

    corpus = analysis.build(SAMPLE_DIR, store=tmp_path / "c", progress=False)
    assert len(corpus) == 1
    assert corpus.articles["source"].iloc[0] == "ZeroHedge"
    assert corpus.summary()["first_published"] == pd.Timestamp("2019-04-22", tz="UTC")
