"""The Dask engine: same corpus as the single-process build, results streamed to the store."""

from __future__ import annotations

import pytest
from test_corpus import assert_same_corpus, make_articles

import analysis
from analysis.corpus import Corpus

pytest.importorskip("distributed")


@pytest.mark.timeout(600)
def test_dask_build_on_a_local_cluster_equals_the_single_process_build(tmp_path):
    arts = make_articles()
    local = analysis.build(arts, progress=False, batch_size=2)
    dask = analysis.build(
        arts, engine="dask", n_workers=2, store=tmp_path / "c", progress=False, batch_size=2
    )
    assert dask.build_stats["engine"] == "dask"
    assert dask.build_stats["processed"] == len(arts)
    assert sum(1 for _ in (tmp_path / "c").glob("_parts/*")) == 0  # parts consolidated
    assert_same_corpus(dask, local)  # every frame, after sorting
    assert_same_corpus(Corpus.load(tmp_path / "c"), local)


def test_dask_build_against_a_scheduler_address(tmp_path):
    from distributed import LocalCluster

    arts = make_articles()[:3]
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        corpus = analysis.build(
            arts, engine="dask", scheduler=cluster.scheduler_address, progress=False, batch_size=1
        )
    assert_same_corpus(corpus, analysis.build(arts, progress=False))


def _worker_loads() -> dict:
    from analysis import pipeline

    return dict(pipeline.LOADS)


def test_a_worker_loads_the_pipeline_once_across_batches_and_builds(tmp_path):
    from distributed import Client, LocalCluster

    arts = make_articles()
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        for store in ("a", "b"):  # two builds, 3 batches each, on the same worker
            analysis.build(
                arts,
                engine="dask",
                scheduler=cluster.scheduler_address,
                store=tmp_path / store,
                progress=False,
                batch_size=2,
            )
        (loads,) = client.run(_worker_loads).values()
        assert set(client.nthreads().values()) == {1}
    assert loads["nlp"] == 1 and loads["gazetteer"] == 1 and loads["kb"] == 1


def test_unknown_engine_lists_the_valid_ones():
    with pytest.raises(ValueError, match="local, dask"):
        analysis.build(make_articles()[:1], engine="spark", progress=False)


def _env(name: str) -> str | None:
    import os

    return os.environ.get(name)


def _tasks_for(arts, per_batch: int) -> list:
    from analysis import pipeline
    from analysis.settings import Settings

    settings = Settings()
    fps = pipeline.stage_fingerprints(settings)
    hashes = dict(zip(arts["article_id"], pipeline.article_hashes(arts), strict=True))
    return [
        pipeline.BatchTask(
            articles=arts.iloc[i : i + per_batch].reset_index(drop=True),
            stages=frozenset(pipeline.STAGES),
            settings=settings,
            fingerprints=fps,
            hashes=hashes,
        )
        for i in range(0, len(arts), per_batch)
    ]


def test_local_cluster_workers_keep_glibc_trimming_default_and_one_blas_thread(monkeypatch):
    """The nanny's MALLOC_TRIM_THRESHOLD_=65536 costs spaCy ~5x the page faults: not set."""
    from analysis.pipeline import DaskEngine

    # an earlier default LocalCluster in this process may have exported it: start clean
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    engine = DaskEngine(n_workers=1)
    try:
        client = engine.wait()
        assert list(client.run(_env, "MALLOC_TRIM_THRESHOLD_").values()) == [None]
        assert list(client.run(_env, "OMP_NUM_THREADS").values()) == ["1"]
        assert set(client.nthreads().values()) == {1}
    finally:
        engine.close(background=True)
        engine.join()
    assert engine.client.status == "closed"


def test_warmed_workers_load_once_and_write_their_own_parts(tmp_path, monkeypatch):
    """A fresh dask build: workers load spaCy before the first batch and store each part."""
    from analysis import pipeline
    from analysis import store as _store
    from analysis.settings import Settings

    arts = make_articles()
    engine = pipeline.DaskEngine(n_workers=1, warm=Settings())
    try:
        client = engine.wait()
        assert [f.result() for f in engine._warming] == [True]
        (loads,) = client.run(_worker_loads).values()
        assert loads["nlp"] == 1 and loads["gazetteer"] == 1 and loads["reference"] == 1

        def refuse(*_a, **_k):  # this process must not write: the worker did
            raise AssertionError("part written by the client process")

        monkeypatch.setattr(pipeline, "store_result", refuse)
        results = []
        pipeline.run_tasks(
            _tasks_for(arts, 2),
            engine="dask",
            on_result=results.append,
            store=tmp_path,
            dask=engine,
        )
        (loads_after,) = client.run(_worker_loads).values()
    finally:
        engine.close()
    assert loads_after == loads  # the batches reused what the warm-up loaded
    assert sum(len(r.index) for r in results) == len(arts)
    parts = {pid: frames for pid, frames, _ in _store.read_parts(tmp_path)}
    assert sorted(parts) == sorted(r.part_id for r in results)
    for r in results:
        stored = parts[r.part_id]
        assert stored["index"]["article_id"].tolist() == r.index["article_id"].tolist()
        for name in ("sentences", "mentions", "events"):
            assert len(stored[name]) == len(r.frames[name])
            assert stored[name]["start" if name != "events" else "sentence_id"].tolist() == (
                r.frames[name]["start" if name != "events" else "sentence_id"].tolist()
            )
