"""Analyst corrections: every operation, replay after rebuilds, stale targets, safety.

The corpus is the real pipeline's output on four short invented summit reports
(``helpers.summit_articles``); corrections are made through the Python API, the file and
the command line, and must survive a full rebuild, an incremental build and a reload.
"""

from __future__ import annotations

import multiprocessing

import pandas as pd
import pytest
from helpers import SUMMIT_SOURCES, make_articles, summit_articles

import analysis
from analysis.cli import main
from analysis.corrections import (
    CORRECTED,
    FILE_NAME,
    Correction,
    CorrectionError,
    Ledger,
    apply_corrections,
    read_corrections,
    validate,
)

PUTIN, KIM, TRUMP, RUSSIA = (
    "kb:vladimir_putin",
    "kb:kim_jong_un",
    "kb:donald_trump",
    "kb:russia_gov",
)


def test_merge_actors_rewrites_every_frame_and_is_saved(fresh):
    corpus = analysis.Corpus.load(fresh)
    before = corpus.actors.set_index("actor_id")
    fixed = corpus.corrections.merge_actors(TRUMP, KIM, why="test", who="ana")
    acts = fixed.actors.set_index("actor_id")
    assert TRUMP not in acts.index
    assert acts.loc[KIM, "mentions"] == before.loc[KIM, "mentions"] + before.loc[TRUMP, "mentions"]
    assert "Donald Trump" in acts.loc[KIM, "aliases"]
    assert not (fixed.mentions["actor_id"] == TRUMP).any()
    assert all(TRUMP not in p for p in fixed.events["participants"])
    assert fixed.actors.loc[fixed.actors["actor_id"] == KIM, CORRECTED].notna().all()
    # the original corpus object is unchanged; the row is in the store's file, with who/why
    assert TRUMP in set(corpus.actors["actor_id"])
    rows = read_corrections(fresh / FILE_NAME).corrections
    assert [(r.op, r.target, r.value, r.who, r.why) for r in rows] == [
        ("merge-actors", TRUMP, KIM, "ana", "test")
    ]


def test_corrections_survive_reload_full_and_incremental_rebuild(fresh):
    corpus = analysis.Corpus.load(fresh)
    event = corpus.events["event_id"].iloc[0]
    corpus.corrections.merge_actors(TRUMP, KIM).corrections.drop_event(event)

    def check(c):
        assert TRUMP not in set(c.actors["actor_id"])
        assert event not in set(c.events["event_id"])
        assert (c.corrections.status()["state"] == "applied").all()

    check(analysis.Corpus.load(fresh))
    # the store keeps the pipeline's own output: the dropped event is still there raw
    raw = pd.read_parquet(fresh / "events.parquet")
    assert event in set(raw["event_id"])
    # incremental: one more article
    more = pd.concat(
        [
            summit_articles(SUMMIT_SOURCES),
            make_articles({"extra": "Kim Jong Un visited Beijing on 8 January 2019."}),
        ],
        ignore_index=True,
    )
    check(analysis.build(more, store=fresh, progress=False))
    # full rebuild into a new store with the shared file
    again = analysis.build(
        summit_articles(SUMMIT_SOURCES),
        store=fresh.parent / "rebuilt",
        progress=False,
        corrections=fresh / FILE_NAME,
    )
    check(again)
    check(analysis.Corpus.load(fresh.parent / "rebuilt"))


def test_filter_keeps_corrections(fresh):
    corpus = analysis.Corpus.load(fresh).corrections.merge_actors(TRUMP, KIM)
    kept = corpus.filter(sources=["AP"])
    assert len(kept) == 1
    assert TRUMP not in set(kept.actors["actor_id"])
    assert KIM in set(kept.actors["actor_id"])


def test_stale_correction_is_kept_and_reported(fresh, tmp_path):
    corpus = analysis.Corpus.load(fresh)
    corpus.corrections.set_article("hanoi", source="Associated Press")
    # rebuild without the Hanoi article: the correction's target is gone
    three = summit_articles(SUMMIT_SOURCES)
    three = three[three["article_id"] != "hanoi"]
    rebuilt = analysis.build(three, store=fresh, progress=False)
    st = rebuilt.corrections.status()
    assert list(st["state"]) == ["stale"]
    assert "hanoi" in st["reason"].iloc[0]
    assert len(read_corrections(fresh / FILE_NAME).corrections) == 1  # never dropped
    assert main(["corrections", str(fresh)]) == 0


def test_bad_rows_are_skipped_with_their_line_and_others_apply(fresh):
    (fresh / FILE_NAME).write_text(
        "id,op,target,value,article_id,who,when,why\n"
        ",frobnicate,x,,,,,\n"
        f",merge-actors,{TRUMP},{KIM},,,,\n"
        ',geocode-place,Hanoi,"{""name"": ""X"", ""lat"": 123, ""lon"": 0}",,,,\n'
        ",set-article-published,hanoi,2019-13-45,,,,\n",
        encoding="utf-8",
    )
    corpus = analysis.Corpus.load(fresh)
    problems = corpus.corrections.problems()
    assert [line for line, _ in problems] == [2, 4, 5]
    assert "unknown operation" in problems[0][1]
    assert "out of range" in problems[1][1]
    assert TRUMP not in set(corpus.actors["actor_id"])


@pytest.mark.parametrize(
    "op, target, value, check",
    [
        ("rename-actor", PUTIN, "V. Putin", lambda c: "V. Putin" in set(c.actors["name"])),
        ("set-actor-kind", RUSSIA, "country", lambda c: _actor(c, RUSSIA)["kind"] == "country"),
        ("set-actor-country", TRUMP, "US", lambda c: _actor(c, TRUMP)["country"] == "US"),
        (
            "not-a-place",
            "Pacific",
            "",
            lambda c: (
                "Pacific" not in set(c.places["text"])
                and not (c.mentions["place_id"] == "nd:pacific-ocean").any()
            ),
        ),
        (
            "set-place-role",
            "Kremlin",
            "government",
            lambda c: set(c.places.loc[c.places["text"] == "Kremlin", "role"]) == {"government"},
        ),
        (
            "set-article-published",
            "kremlin",
            "2019-04",
            lambda c: _article(c, "kremlin")["published_precision"] == "month",
        ),
        (
            "set-article-author",
            "wire",
            "A. Writer",
            lambda c: _article(c, "wire")["author"] == "A. Writer",
        ),
        (
            "exclude-article",
            "hanoi",
            "",
            lambda c: (
                "hanoi" not in set(c.articles["article_id"])
                and TRUMP not in set(c.actors["actor_id"])
            ),
        ),
    ],
)
def test_each_operation_changes_what_it_says(fresh, op, target, value, check):
    corpus = analysis.Corpus.load(fresh)
    fixed = corpus.corrections.add(op, target, value)
    assert check(fixed)
    assert check(analysis.Corpus.load(fresh))


def test_event_operations(fresh):
    corpus = analysis.Corpus.load(fresh)
    ev = corpus.events
    summit = ev[ev["event_group"] == ev["event_group"].value_counts().idxmax()]
    member, other = summit["event_id"].iloc[0], ev.loc[~ev.index.isin(summit.index), "event_id"]
    c = corpus.corrections.split_event(member)
    assert c.events.set_index("event_id").loc[member, "event_group"] == f"split:{member}"
    c = c.corrections.merge_event_groups(other.iloc[0], member)
    groups = c.events.set_index("event_id")["event_group"]
    assert groups[other.iloc[0]] == groups[member]
    c = c.corrections.set_event(
        member,
        type="visit",
        status="planned",
        participants=[PUTIN],
        interval="2019-04-25/2019-04-26",
        place="Hanoi",
    )
    row = c.events.set_index("event_id").loc[member]
    assert (row["type"], row["status"], list(row["participants"]), row["place_name"]) == (
        "visit",
        "planned",
        [PUTIN],
        "Hanoi",
    )
    assert row["begin"] == pd.Timestamp("2019-04-25", tz="UTC") and row["precision"] == "day"
    again = analysis.Corpus.load(fresh).events.set_index("event_id")
    assert again.loc[member, "type"] == "visit"
    assert again.loc[other.iloc[0], "event_group"] == again.loc[member, "event_group"]


def test_geocode_place_everywhere_or_in_one_article(fresh):
    corpus = analysis.Corpus.load(fresh)
    c = corpus.corrections.geocode_place(
        "Kremlin",
        name="Moscow Kremlin",
        lat=55.752,
        lon=37.617,
        country_code="RU",
        article_id="wire",
    )
    pl = c.places[c.places["text"] == "Kremlin"].set_index("article_id")
    assert pl.loc["wire", "name"] == "Moscow Kremlin" and pl.loc["wire", "lat"] == 55.752
    assert pl.loc["kremlin", "name"] != "Moscow Kremlin"


def test_api_refuses_missing_targets_and_bad_values(fresh):
    corpus = analysis.Corpus.load(fresh)
    with pytest.raises(ValueError, match="not in the corpus"):
        corpus.corrections.merge_actors("x:nobody", KIM)
    with pytest.raises(CorrectionError, match="out of range"):
        corpus.corrections.geocode_place("Hanoi", name="Hanoi", lat=21.0, lon=200.0)
    with pytest.raises(CorrectionError, match="YYYY"):
        corpus.corrections.set_article("hanoi", published="last Tuesday")
    assert not (fresh / FILE_NAME).exists()  # nothing recorded


def test_split_alias_and_promote(fresh, tmp_path):
    corpus = analysis.Corpus.load(fresh)
    kim_mentions = corpus.mentions[corpus.mentions["actor_id"] == KIM]
    alias = kim_mentions["text"].value_counts().index[-1]
    c = corpus.corrections.split_alias(KIM, alias)
    new = c.mentions.loc[c.mentions["text"] == alias, "actor_id"].unique()
    assert len(new) == 1 and new[0] != KIM and new[0] in set(c.actors["actor_id"])
    kb = tmp_path / "my_kb.csv"
    c.corrections.promote_actor(new[0], kb)
    frame = pd.read_csv(kb)
    assert frame["name"].tolist() == [alias]
    from analysis.actors.kb import load_knowledge_base

    assert alias in set(load_knowledge_base(kb)["name"])


def _append_many(path: str, who: str, n: int) -> None:
    ledger = Ledger(path)
    for i in range(n):
        ledger.append([Correction.new("rename-actor", "kb:x", f"{who}-{i}", who=who)])


def test_two_writers_do_not_lose_rows(tmp_path):
    path = str(tmp_path / FILE_NAME)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(path, w, 25)) for w in ("ana", "bo")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    rows = read_corrections(path).corrections
    assert len(rows) == 50
    assert {r.value for r in rows} == {f"{w}-{i}" for w in ("ana", "bo") for i in range(25)}


def test_cli_correct_and_list(fresh, capsys):
    assert main(["correct", str(fresh), "merge-actors", TRUMP, KIM, "--why", "same"]) == 0
    assert main(["correct", str(fresh), "merge-actors", "x:nobody", KIM]) == 1
    assert main(["correct", str(fresh), "set-event-status", "e1", "maybe"]) == 2
    assert (
        main(
            [
                "correct",
                str(fresh),
                "geocode-place",
                "Hanoi",
                "Ha Noi",
                "--lat",
                "21.03",
                "--lon",
                "105.85",
                "--country",
                "VN",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["corrections", str(fresh)]) == 0
    out = capsys.readouterr().out
    assert "2 corrections: 2 applied, 0 stale" in out
    c = analysis.Corpus.load(fresh)
    assert set(c.places.loc[c.places["text"] == "Hanoi", "name"]) == {"Ha Noi"}


def test_replay_is_idempotent_and_pure():
    frames = {
        "articles": analysis.schema.conform(make_articles({"a": "x"}), "articles"),
        "mentions": analysis.schema.empty("mentions"),
        "actors": analysis.schema.empty("actors"),
        "quotes": analysis.schema.empty("quotes"),
        "edges": analysis.schema.empty("edges"),
        "places": analysis.schema.empty("places"),
        "events": analysis.schema.empty("events"),
    }
    c = Correction.new("set-article-source", "a", "Wire")
    once = apply_corrections(frames, [c]).frames
    twice = apply_corrections(once, [c]).frames
    pd.testing.assert_frame_equal(once["articles"], twice["articles"])
    assert frames["articles"]["source"].isna().all()  # input untouched


def test_validate_forms():
    validate("set-event-interval", "e", "2019-04-25/2019-04-26")
    for op, value in [
        ("set-event-interval", "2019-04-26/2019-04-25"),
        ("set-actor-kind", "wizard"),
        ("set-actor-country", "usa"),
        ("merge-actors", "kb:a"),
    ]:
        with pytest.raises(CorrectionError):
            validate(op, "kb:a", value)


def _actor(c, aid):
    return c.actors.set_index("actor_id").loc[aid]


def _article(c, aid):
    return c.articles.set_index("article_id").loc[aid]


@pytest.mark.timeout(600)
def test_corrections_survive_a_dask_build(fresh):
    analysis.Corpus.load(fresh).corrections.merge_actors(TRUMP, KIM)
    more = pd.concat(
        [summit_articles(SUMMIT_SOURCES), make_articles({"extra": "Kim Jong Un visited Beijing."})],
        ignore_index=True,
    )
    built = analysis.build(more, store=fresh, engine="dask", n_workers=1, progress=False)
    assert TRUMP not in set(built.actors["actor_id"])
    assert list(built.corrections.status()["state"]) == ["applied"]


def test_split_alias_after_a_merge_copies_the_right_actor(fresh):
    # the merged-away actor sits before the split one: positions shift once it is dropped
    frames = analysis.Corpus.load(fresh).frames
    order = list(frames["actors"]["actor_id"])
    assert order.index(PUTIN) < order.index(RUSSIA)
    out = apply_corrections(
        frames,
        [
            Correction.new("merge-actors", PUTIN, TRUMP),
            Correction.new("split-alias", RUSSIA, "Kremlin"),
        ],
    )
    assert list(out.status["state"]) == ["applied", "applied"]
    acts = out.frames["actors"].set_index("actor_id")
    assert acts.loc["x:kremlin", "kind"] == "government"
    assert acts.loc["x:kremlin", "mentions"] == (frames["mentions"]["text"] == "Kremlin").sum()
    assert PUTIN not in acts.index
    assert acts.loc[TRUMP, "mentions"] == _actor_mentions(frames, PUTIN, TRUMP)


def _actor_mentions(frames, *ids):
    return int(frames["mentions"]["actor_id"].isin(ids).sum())


def test_every_operation_from_the_cli(fresh, tmp_path, capsys):
    ev = analysis.Corpus.load(fresh).events.set_index("event_id")
    dropped = ev.index[ev["article_id"] == "kremlin"][0]
    e1, e2 = ev.index[ev["article_id"] == "summit"][0], ev.index[ev["article_id"] == "wire"][0]
    kb = tmp_path / "kb.csv"
    calls = [
        ["rename-actor", PUTIN, "V. Putin"],
        ["set-actor-kind", RUSSIA, "country"],
        ["set-actor-country", TRUMP, "US"],
        ["split-alias", KIM, "Kim"],
        ["promote-actor", "x:kim", str(kb)],
        ["merge-actors", TRUMP, KIM],
        ["geocode-place", "Vladivostok", "Vladivostok", "--lat", "43.1", "--lon", "131.9"]
        + ["--country", "RU", "--place-id", "gn:2013348", "--article", "wire"],
        ["not-a-place", "Pacific"],
        ["set-place-role", "Kremlin", "literal"],
        ["drop-event", dropped],
        ["set-event-type", e1, "visit"],
        ["set-event-status", e1, "planned"],
        ["set-event-participants", e1, f"{PUTIN};{KIM}"],
        ["set-event-interval", e1, "2019-04-25/2019-04-26"],
        ["set-event-place", e1, "Hanoi"],
        ["split-event", e2],
        ["merge-event-groups", e2, e1],
        ["set-article-source", "wire", "Wire Desk"],
        ["set-article-author", "wire", "A. Writer"],
        ["set-article-published", "kremlin", "2019-04"],
        ["exclude-article", "hanoi"],
    ]
    from analysis.corrections import OPERATIONS

    assert sorted(c[0] for c in calls) == sorted(OPERATIONS)
    for call in calls:
        assert main(["correct", str(fresh), *call, "--why", "cli test"]) == 0, call
    capsys.readouterr()
    assert main(["corrections", str(fresh)]) == 0
    assert f"{len(calls)} corrections: {len(calls)} applied, 0 stale" in capsys.readouterr().out
    c = analysis.Corpus.load(fresh)
    acts = c.actors.set_index("actor_id")
    assert acts.loc[PUTIN, "name"] == "V. Putin" and acts.loc[RUSSIA, "kind"] == "country"
    assert TRUMP not in acts.index and "x:kim" in acts.index
    assert pd.read_csv(kb)["name"].tolist() == ["Kim"]
    pl = c.places.set_index(["article_id", "text"])
    assert pl.loc[("wire", "Vladivostok"), "geonameid"] == 2013348
    assert pl.loc[("wire", "Vladivostok"), "lat"] == 43.1
    assert "Pacific" not in set(c.places["text"])
    assert set(c.places.loc[c.places["text"] == "Kremlin", "role"]) == {"literal"}
    events = c.events.set_index("event_id")
    assert dropped not in events.index
    row = events.loc[e1]
    assert (row["type"], row["status"], list(row["participants"])) == (
        "visit",
        "planned",
        [PUTIN, KIM],
    )
    assert row["place_name"] == "Hanoi" and row["begin"] == pd.Timestamp("2019-04-25", tz="UTC")
    assert events.loc[e2, "event_group"] == row["event_group"]
    arts = c.articles.set_index("article_id")
    assert (arts.loc["wire", "source"], arts.loc["wire", "author"]) == ("Wire Desk", "A. Writer")
    assert arts.loc["kremlin", "published_precision"] == "month" and "hanoi" not in arts.index
