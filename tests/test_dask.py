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
