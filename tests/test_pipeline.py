"""The build's bookkeeping: merging batch results, reusing stored rows, streaming parts."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import pipeline
from analysis import store as _store
from analysis.corpus import _rows


def _frames(ids: list[str], per_article: int = 2) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """A fake batch result: ``per_article`` sentence rows per article (ids in the text)."""
    rows = [(a, k) for a in ids for k in range(per_article)]
    sentences = pd.DataFrame(
        {
            "article_id": pd.Series([a for a, _ in rows], dtype="string"),
            "sentence_id": [k for _, k in rows],
            "start": [10 * k for _, k in rows],
            "end": [10 * k + 5 for _, k in rows],
            "text": pd.Series([f"{a}/{k}" for a, k in rows], dtype="string"),
        }
    )
    index = pd.DataFrame({"article_id": pd.Series(ids, dtype="string")})
    return {"sentences": sentences}, index


def _reference_merge(previous, results, keep):
    """What merge_state must equal: filter everything with isin, then order by ``keep``."""
    done = {a for _, idx in results for a in idx["article_id"]}
    old = previous["sentences"]
    pieces = [old[old["article_id"].isin(set(keep) - done)]]
    pieces += [f["sentences"][f["sentences"]["article_id"].isin(keep)] for f, _ in results]
    df = pd.concat(pieces, ignore_index=True)
    rank = {a: i for i, a in enumerate(keep)}
    df = df.assign(_r=df["article_id"].map(rank)).sort_values(["_r", "sentence_id"], kind="stable")
    return df.drop(columns="_r").reset_index(drop=True)


def test_merge_state_replaces_recomputed_articles_and_drops_removed_ones():
    prev_frames, prev_index = _frames(["a", "b", "c", "d"], per_article=3)
    previous = {"sentences": prev_frames["sentences"], "index": prev_index}
    # "b" recomputed (2 rows now), "x" new, "gone" computed but no longer in the corpus
    results = [_frames(["x", "b"]), _frames(["gone", "e"])]
    keep = ["e", "a", "b", "x", "c"]  # "d" removed
    state = pipeline.merge_state(previous, list(results), keep=keep)
    got = state["sentences"]
    pd.testing.assert_frame_equal(
        got[list(_reference_merge(previous, results, keep).columns)],
        _reference_merge(previous, results, keep),
    )
    assert got["article_id"].unique().tolist() == keep
    assert (got["article_id"] == "b").sum() == 2  # the new rows, not the 3 stored ones
    assert state["index"]["article_id"].tolist() == keep


def test_merge_state_of_many_batches_keeps_every_row_once():
    ids = [f"art{i:04d}" for i in range(400)]
    results = [_frames(ids[i : i + 16]) for i in range(0, len(ids), 16)][::-1]
    state = pipeline.merge_state({}, results, keep=ids)
    assert len(state["sentences"]) == 2 * len(ids)
    assert state["sentences"]["article_id"].tolist() == [a for a in ids for _ in range(2)]
    assert state["index"]["article_id"].tolist() == ids


def test_merge_state_counts_a_rerun_batch_once():
    # a Dask task re-run after its worker died having written its part leaves two parts of
    # the same batch in _parts/; resuming from them must not duplicate those articles
    ids = ["a", "b", "c", "d"]
    results = [_frames(["a", "b"]), _frames(["c", "d"]), _frames(["a", "b"])]
    state = pipeline.merge_state({}, results, keep=ids)
    assert state["sentences"]["article_id"].tolist() == [a for a in ids for _ in range(2)]
    assert state["index"]["article_id"].tolist() == ids


@pytest.mark.parametrize(
    "chunk", [["c", "a"], ["a"], ["nowhere"], [], ["d", "nowhere", "b", "c", "a"]]
)
def test_rows_of_a_chunk_equal_isin_in_stored_order(chunk):
    frames, _ = _frames(["a", "b", "c", "d"], per_article=3)
    df = frames["sentences"].sample(frac=1.0, random_state=1)  # stored order is not id order
    positions = df.groupby("article_id", sort=False, observed=True).indices
    pd.testing.assert_frame_equal(_rows(df, positions, chunk), df[df["article_id"].isin(chunk)])


def test_local_engine_streams_every_part_to_the_store(tmp_path, monkeypatch):
    """Each result is stored as a part (its id on the result) before on_result sees it."""
    batches = [_frames(["a", "b"]), _frames(["c"]), _frames(["d", "e"])]
    results = [
        pipeline.BatchResult(frames=f, index=i, stats={"parsed": len(i)}, errors=[])
        for f, i in batches
    ]
    it = iter(results)
    seen = []

    monkeypatch.setattr(pipeline, "run_batch", lambda task: next(it))  # results made above

    def on_result(result):
        assert result.part_id is not None and (tmp_path / "_parts" / result.part_id).is_dir()
        seen.append(result)

    pipeline.run_tasks([None] * 3, on_result=on_result, store=tmp_path)
    assert seen == results
    parts = {pid: frames for pid, frames, _ in _store.read_parts(tmp_path)}
    assert sorted(parts) == sorted(r.part_id for r in results)
    for r in results:
        pd.testing.assert_frame_equal(
            parts[r.part_id]["sentences"], r.frames["sentences"], check_dtype=False
        )
        assert parts[r.part_id]["index"]["article_id"].tolist() == r.article_ids
