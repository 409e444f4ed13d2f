"""Near-duplicates: a wire story republished with edits, an updated version, an unrelated story."""

from __future__ import annotations

import pandas as pd
from helpers import make_articles

from analysis.io import format_summary, load_articles, summarize
from analysis.io.duplicates import flag_duplicates, near_duplicate_pairs

WIRE = (
    "Envoys from the two neighbouring countries signed an accord on Tuesday that reopens "
    "the main border crossing to trucks after a closure of nearly two years. The deal was "
    "reached after three days of talks in the capital, officials said. Trade ministers "
    "expect exports of grain and timber to recover within months, and customs officers will "
    "be posted on both sides of the bridge. Opposition lawmakers criticised the accord, "
    "saying it gave away too much on tariffs and ignored the fishing dispute. The crossing "
    "will open to passenger cars later in the year if the first months pass without incident."
)
# the same story as another outlet runs it: new headline, a sentence trimmed, house style
COPY = "Border crossing to reopen after two-year closure\n\n" + WIRE.replace(
    "officials said", "according to officials"
).replace(
    " The crossing will open to passenger cars later in the year if the first months "
    "pass without incident.",
    "",
)
UPDATED = WIRE + (
    " Later on Tuesday the prime minister welcomed the accord in a short statement and said "
    "a second round of talks on the fishing dispute would begin next month in the port city."
)
OTHER = (
    "Heavy rain flooded the lower town on Sunday, forcing hundreds of families to leave their "
    "homes as the river burst its banks. Rescue teams used boats to reach villages cut off by "
    "the water, and the regional governor declared a state of emergency. Forecasters expect "
    "more rain later in the week, and schools in the district will stay closed until the water "
    "recedes, the education office said in a statement on its website."
)


def frame():
    arts = make_articles({"wire": WIRE, "copy": COPY, "updated": UPDATED, "other": OTHER})
    arts["published"] = [
        pd.Timestamp(d, tz="UTC") for d in ("2019-03-05", "2019-03-06", "2019-03-05", "2019-03-05")
    ]
    return arts


def test_copies_and_updates_are_flagged_and_unrelated_is_not():
    out = flag_duplicates(frame()).set_index("article_id")
    assert out.loc["copy", "duplicate_of"] in {"wire", "updated"}
    assert set(out.loc[["wire", "copy", "updated"], "story_id"]) == {out.loc["wire", "story_id"]}
    rep = out.loc["wire", "story_id"]
    assert pd.isna(out.loc[rep, "duplicate_of"])
    assert (out["duplicate_of"].notna()).sum() == 2
    assert pd.isna(out.loc["other", "duplicate_of"]) and out.loc["other", "story_id"] == "other"


def test_representative_is_the_earliest_then_longest():
    arts = frame()
    arts.loc[arts.article_id == "copy", "published"] = pd.Timestamp("2019-03-01", tz="UTC")
    out = flag_duplicates(arts).set_index("article_id")
    assert out.loc["wire", "duplicate_of"] == "copy"
    assert out.loc["updated", "duplicate_of"] == "copy"


def test_pairs_are_found_whatever_the_order_and_short_texts_never():
    texts = [OTHER, UPDATED, "Short note.", COPY, WIRE, "Short note again."]
    pairs = {(i, j) for i, j, _ in near_duplicate_pairs(texts)}
    assert pairs == {(1, 3), (1, 4), (3, 4)}


def test_loader_flags_duplicates(tmp_path):
    for name, text in (("a", WIRE), ("b", COPY), ("c", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text)
    df = load_articles(tmp_path)
    assert df["duplicate_of"].notna().sum() == 1
    assert df["story_id"].nunique() == 2
    off = load_articles(tmp_path, duplicates=False)
    assert off["duplicate_of"].isna().all()
    d = summarize(df)
    assert d["duplicates"] == 1
    assert "1 article flagged as a near-duplicate" in format_summary(d)


def test_incremental_build_flags_a_copy_added_later_like_a_fresh_build(tmp_path):
    import analysis

    store = tmp_path / "corpus"
    first = frame().iloc[[0, 3]].reset_index(drop=True)  # the wire story and the flood
    built = analysis.build(first, store=store, progress=False)
    assert built.articles["duplicate_of"].isna().all()
    grown = analysis.build(frame(), store=store, progress=False)
    assert grown.build_stats["reused"] == 2
    scratch = analysis.build(frame(), progress=False)
    cols = ["article_id", "story_id", "duplicate_of"]
    got = grown.articles[cols].sort_values("article_id").reset_index(drop=True)
    want = scratch.articles[cols].sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    assert got["duplicate_of"].notna().sum() == 2
