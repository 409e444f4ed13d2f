"""The corpus store: Parquet round trip, atomic commits, the lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analysis import schema, store
from analysis.corpus import Corpus


def _frames() -> dict[str, pd.DataFrame]:
    """One or two rows in every frame, exercising every dtype of the schemas."""
    aid = ["a1b2c3d4e5f60718", "0123456789abcdef"]
    return {
        "articles": pd.DataFrame(
            {
                "article_id": aid,
                "title": ["Summit", None],
                "title_derived": [False, True],
                "source": ["ZeroHedge", pd.NA],
                "url": [None, "https://example.org/x"],
                "author": ["Tyler Durden", None],
                "published": [pd.Timestamp("2019-04-22 09:30", tz="Europe/Moscow"), pd.NaT],
                "published_precision": ["day", "unknown"],
                "published_inferred": [False, True],
                "text": ["Kremlin confirms the summit.", "Kim travels to Vladivostok. «Tschüß»"],
                "language": ["en", "en"],
                "path": ["a.txt", "b.txt"],
                "paths": [["a.txt", "copy/a.txt"], ["b.txt"]],
                "format": ["txt", "json"],
                "n_words": [4, 5],
            }
        ),
        "sentences": pd.DataFrame(
            {
                "article_id": aid,
                "sentence_id": [0, 0],
                "start": [0, 0],
                "end": [28, 27],
                "text": ["Kremlin confirms the summit.", "Kim travels to Vladivostok."],
            }
        ),
        "mentions": pd.DataFrame(
            {
                "article_id": [aid[0]],
                "sentence_id": [0],
                "start": [0],
                "end": [7],
                "text": ["Kremlin"],
                "label": ["ORG"],
                "source": ["kb"],
                "actor_id": ["kb:russia_gov"],
                "place_id": [None],
            }
        ),
        "actors": pd.DataFrame(
            {
                "actor_id": ["kb:russia_gov"],
                "name": ["Government of Russia"],
                "kind": ["government"],
                "country": ["RU"],
                "aliases": [["Kremlin", "Moscow"]],
                "wikidata": [None],
                "mentions": [1],
                "articles": [1],
                "in_kb": [True],
            }
        ),
        "edges": pd.DataFrame(
            {"source": ["kb:a"], "target": ["kb:b"], "weight": [2], "articles": [1]}
        ),
        "places": pd.DataFrame(
            {
                "article_id": [aid[1]],
                "sentence_id": [0],
                "start": [15],
                "end": [26],
                "text": ["Vladivostok"],
                "place_id": ["gn:2013348"],
                "name": ["Vladivostok"],
                "lat": [43.1056],
                "lon": [131.8735],
                "country_code": ["RU"],
                "feature": ["city"],
                "geonameid": [2013348],
                "population": [None],
                "score": [0.9],
                "runner_up": [None],
                "role": ["literal"],
            }
        ),
        "timexes": pd.DataFrame(
            {
                "article_id": [aid[0]],
                "sentence_id": [0],
                "start": [0],
                "end": [6],
                "text": ["Monday"],
                "type": ["DATE"],
                "value": ["2019-04-22"],
                "mod": [None],
                "begin": [pd.Timestamp("2019-04-22", tz="UTC")],
                "end_date": [pd.Timestamp("2019-04-23", tz="UTC")],
                "precision": ["day"],
                "anchor": [pd.Timestamp("2019-04-22", tz="UTC")],
                "reason": [None],
            }
        ),
        "events": pd.DataFrame(
            {
                "event_id": ["e1"],
                "article_id": [aid[0]],
                "sentence_id": [0],
                "type": ["meeting"],
                "status": ["planned"],
                "participants": [["kb:putin", "kb:kim_jong_un"]],
                "begin": [pd.NaT],
                "end_date": [pd.NaT],
                "precision": [None],
                "timex": [None],
                "place_id": ["gn:2013348"],
                "place_name": ["Vladivostok"],
                "lat": [43.1],
                "lon": [131.9],
                "trigger": ["summit"],
                "evidence": ["..."],
                "reference_id": [None],
            }
        ),
    }


def _corpus() -> Corpus:
    return Corpus({k: schema.conform(v, k) for k, v in _frames().items()})


def test_save_load_round_trip_keeps_every_frame_and_dtype(tmp_path):
    corpus = _corpus()
    corpus.save(tmp_path / "c")
    back = Corpus.load(tmp_path / "c")
    for name in store.FRAMES:
        pd.testing.assert_frame_equal(back.frames[name], corpus.frames[name], check_exact=True)
    arts = back.articles
    assert str(arts["published"].dtype) == "datetime64[ns, UTC]"
    assert arts["published"].iloc[0] == pd.Timestamp("2019-04-22 06:30", tz="UTC")
    assert arts["paths"].iloc[0] == ["a.txt", "copy/a.txt"]  # a list, not an array
    assert back.events["participants"].iloc[0] == ["kb:putin", "kb:kim_jong_un"]
    assert back.actors["aliases"].iloc[0] == ["Kremlin", "Moscow"]
    assert back.places["population"].dtype == "Int64" and back.places["population"].isna().all()
    assert back.articles["text"].iloc[1].endswith("«Tschüß»")


def test_manifest_records_versions_settings_and_counts(tmp_path):
    import analysis

    _corpus().save(tmp_path / "c")
    m = store.read_manifest(tmp_path / "c")
    assert m["package_version"] == analysis.__version__
    assert m["settings"]["model"] == "en_core_web_sm"
    assert set(m["fingerprints"]) == {"nlp", "timexes", "actors", "places", "events", "reference"}
    assert m["counts"]["articles"] == 2 and m["counts"]["mentions"] == 1


def test_killed_save_leaves_the_previous_store_readable(tmp_path, monkeypatch):
    d = tmp_path / "c"
    old = _corpus()
    old.save(d)
    newer = Corpus({**old.frames, "articles": old.articles.iloc[:1]})
    calls = {"n": 0}
    real = store._write_parquet

    def dying_write(df, path):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # the process is killed half-way through the files
        real(df, path)

    monkeypatch.setattr(store, "_write_parquet", dying_write)
    with pytest.raises(KeyboardInterrupt):
        newer.save(d)
    monkeypatch.undo()
    back = Corpus.load(d)
    assert len(back.articles) == 2  # the old generation, complete
    assert not list(d.glob(".*.tmp")), "temporary files were left behind"


def test_interrupted_commit_is_rolled_forward_on_the_next_read(tmp_path, monkeypatch):
    d = tmp_path / "c"
    _corpus().save(d)
    newer = Corpus({**_corpus().frames, "articles": _corpus().articles.iloc[:1]})
    real_replace = store.os.replace
    renames = {"n": 0}

    def dying_replace(src, dst):
        # let the journal itself land, then die after the first data file
        if str(dst).endswith(store.JOURNAL):
            return real_replace(src, dst)
        renames["n"] += 1
        if renames["n"] == 2:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        newer.save(d)
    monkeypatch.undo()
    assert (d / store.JOURNAL).exists()
    back = Corpus.load(d)  # finishes the commit: every file of the new generation
    assert len(back.articles) == 1
    assert not (d / store.JOURNAL).exists()
    gens = {store.read_manifest(d)["generation"]}
    assert len(gens) == 1


def _hold_lock(directory: Path, seconds: float) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import sys, time
        from analysis.store import StoreLock
        lock = StoreLock({str(directory)!r}).acquire()
        print("locked", flush=True)
        time.sleep({seconds})
        open({str(directory / "released")!r}, "w").close()
        lock.release()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_writer_fails_with_a_clear_message(tmp_path):
    d = tmp_path / "c"
    proc = _hold_lock(d, 30)
    try:
        with pytest.raises(store.StoreLocked, match=rf"pid {proc.pid}.*wait"):
            _corpus().save(d)
        import analysis

        with pytest.raises(store.StoreLocked):
            analysis.build(_corpus().articles, store=d, progress=False)
    finally:
        proc.kill()
        proc.wait()
    _corpus().save(d)  # the OS released the lock of the killed process
    assert len(Corpus.load(d).articles) == 2


def test_a_second_writer_can_wait_for_the_first(tmp_path):
    d = tmp_path / "c"
    proc = _hold_lock(d, 1.0)
    try:
        _corpus().save(d, lock_timeout=60)
        # it blocked until the holder released the lock, then saved
        assert (d / "released").exists()
    finally:
        proc.wait()
    assert proc.returncode == 0
    assert len(Corpus.load(d).articles) == 2


def test_loading_a_folder_without_a_corpus_says_how_to_build_one(tmp_path):
    with pytest.raises(store.StoreError, match="newsdesk build"):
        Corpus.load(tmp_path)
    with pytest.raises(store.StoreError, match="does not exist"):
        Corpus.load(tmp_path / "missing")
