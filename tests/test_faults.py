"""Injected faults: SIGKILL during builds, commits and cache writes; two writers; corrupt files.

Every kill is synchronised on a file the victim writes (a finished batch in
``_parts/``, the pid in ``.lock``, a progress line): the test waits for that file,
then kills, so the fault lands in the same phase on every run.  The waits poll the
file system with a generous deadline; nothing races against a sleep.

Long run (more kill points, incremental rebuilds, every corruption kind)::

    .venv/bin/pytest -m slow tests/test_faults.py
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from fakes.corpora import write_corpus
from fakes.fuzz import require_long_run
from helpers import canonical

from analysis import store as _store

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 600.0  # seconds: a hang guard for the waits below, never reached when all is well


def wait_for(condition, proc: subprocess.Popen | None = None, what: str = "") -> None:
    """Poll ``condition()`` until true; fail if ``proc`` exits first or the deadline passes."""
    end = time.monotonic() + DEADLINE
    while not condition():
        if proc is not None and proc.poll() is not None:
            out = proc.stderr.read() if proc.stderr else ""
            pytest.fail(f"process exited ({proc.returncode}) before {what}: {out[-2000:]}")
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def build_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "analysis", "build", str(src), "-o", str(out), "-q", *extra]


def start_build(src: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        build_cmd(src, out, *extra), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def finished_parts(store_dir: Path) -> list[Path]:
    parts = store_dir / _store.PARTS_DIR
    if not parts.is_dir():
        return []
    return [
        p for p in parts.iterdir() if not p.name.startswith(".") and (p / "meta.json").is_file()
    ]


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


def assert_same_corpus(a, b) -> None:
    ca, cb = canonical(a), canonical(b)
    for name in ca:
        pd.testing.assert_frame_equal(ca[name], cb[name], obj=f"frame {name}")


def assert_no_duplicates(corpus, n_articles: int) -> None:
    assert len(corpus.articles) == n_articles
    assert corpus.articles["article_id"].is_unique
    assert not corpus.sentences.duplicated(["article_id", "sentence_id"]).any()
    assert not corpus.mentions.duplicated(["article_id", "start", "end", "label"]).any()
    assert corpus.actors["actor_id"].is_unique
    assert corpus.events["event_id"].is_unique


@pytest.fixture(scope="module")
def corpus60(tmp_path_factory):
    """60 generated articles and their clean build (in this process, into a store)."""
    from analysis.corpus import Corpus, build

    base = tmp_path_factory.mktemp("faults")
    src = base / "src"
    write_corpus(src, 60)
    clean = base / "clean"
    build(src, store=clean, progress=False, batch_size=2)
    return src, Corpus.load(clean)


# ------------------------------------------------------------------ killed builds


def test_build_killed_half_way_resumes_without_loss_or_duplicates(corpus60, tmp_path):
    from analysis.corpus import Corpus

    src, clean = corpus60
    victim = tmp_path / "victim"
    proc = start_build(src, victim, "--batch-size", "2")
    wait_for(lambda: len(finished_parts(victim)) >= 3, proc, "three batches were stored")
    kill(proc)
    # nothing was committed yet: the folder is no corpus, and says so clearly
    with pytest.raises(_store.StoreError, match="newsdesk build"):
        Corpus.load(victim)
    left = len(finished_parts(victim))
    assert 3 <= left < 30
    rerun = subprocess.run(build_cmd(src, victim, "--batch-size", "2"), cwd=ROOT,
                           capture_output=True, text=True, timeout=DEADLINE)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert "interrupted build" in rerun.stderr  # the stored batches were reused
    resumed = Corpus.load(victim)
    assert_no_duplicates(resumed, 60)
    assert_same_corpus(resumed, clean)
    assert not (victim / _store.PARTS_DIR).exists()
    assert not list(victim.glob(".*.tmp")) and not (victim / _store.JOURNAL).exists()


@pytest.mark.slow
def test_incremental_build_killed_keeps_the_previous_corpus(request, corpus60, tmp_path):
    """Kill an update at several points; the old corpus stays readable until the new one lands."""
    require_long_run(request.config)
    from analysis.corpus import Corpus, build

    src, clean = corpus60
    work_src = tmp_path / "src"
    shutil.copytree(src, work_src)
    victim = tmp_path / "victim"
    build(work_src, store=victim, progress=False, batch_size=2)
    write_corpus(work_src, 20, start=60)  # 20 new articles
    kills = 0
    for need in (1, 4, 7):
        proc = start_build(work_src, victim, "--batch-size", "2")
        wait_for(lambda n=need: len(finished_parts(victim)) >= n, proc, f"{need} batch(es)")
        kill(proc)
        kills += 1
        before = Corpus.load(victim)  # still the committed 60-article corpus
        assert_no_duplicates(before, 60)
        assert_same_corpus(before, clean)
    rerun = subprocess.run(build_cmd(work_src, victim, "--batch-size", "2"), cwd=ROOT,
                           capture_output=True, text=True, timeout=DEADLINE)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    reference = build(work_src, progress=False)
    after = Corpus.load(victim)
    assert_no_duplicates(after, 80)
    assert_same_corpus(after, reference)
    assert kills == 3


# ------------------------------------------------------------------ atomic commits

_COMMITTER = textwrap.dedent(
    """
    import sys, pandas as pd
    from pathlib import Path
    from analysis import store
    d = Path(sys.argv[1])
    n = 0
    while True:
        n += 1
        frames = {}
        for name in [f"frame{k}" for k in range(9)]:
            rows = 50 + n % 7  # every frame of generation n has its own row count
            frames[name] = pd.DataFrame({"generation": [n] * rows, "x": list(range(rows))})
        with store.StoreLock(d, timeout=30):
            store.commit(d, frames, {"gen": n}, state={"index": frames["frame0"]})
        (d / "progress").write_text(str(n))
    """
)


@pytest.mark.parametrize("kill_after", [1, 3, 8])
def test_commit_killed_at_any_moment_leaves_one_consistent_generation(tmp_path, kill_after):
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    proc = subprocess.Popen([PY, "-c", _COMMITTER, str(store_dir)], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip

    def progressed() -> bool:
        try:
            return int((store_dir / "progress").read_text() or 0) >= kill_after
        except (OSError, ValueError):
            return False

    wait_for(progressed, proc, f"{kill_after} commits")
    kill(proc)
    manifest = _store.read_manifest(store_dir)  # rolls an interrupted commit forward
    gen = manifest["gen"]
    assert gen >= kill_after
    frames = _store.read_frames(store_dir, names=tuple(f"frame{k}" for k in range(9)), state=True)
    assert len(frames) == 10
    for name, df in frames.items():
        assert set(df["generation"]) == {gen}, f"{name} is from another commit"
        assert len(df) == 50 + gen % 7
    # the half-written files of an unfinished commit are the next writer's to sweep
    with _store.StoreLock(store_dir):
        _store.recover(store_dir)
    assert not list(store_dir.glob(".*.tmp")) and not (store_dir / _store.JOURNAL).exists()
    assert _store.read_manifest(store_dir)["gen"] == gen


def test_interrupted_commit_journal_is_rolled_forward(tmp_path):
    """The state a kill between the journal and the renames leaves behind."""
    d = tmp_path / "store"
    old = {"frame": pd.DataFrame({"g": [1]})}
    _store.commit(d, old, {"gen": 1})
    # write generation 2 exactly as commit() does, but stop before the renames
    tmp = ".frame.parquet.g2.tmp"
    _store._write_parquet(pd.DataFrame({"g": [2, 2]}), d / tmp)
    _store._write_json(d / ".manifest.json.g2.tmp", {"gen": 2, "format": 1})
    _store._write_json(d / _store.JOURNAL, {"generation": "g2", "files": [
        [tmp, "frame.parquet"], [".manifest.json.g2.tmp", "manifest.json"]]})  # fmt: skip
    assert _store.read_manifest(d)["gen"] == 2
    assert list(_store.read_frames(d, names=("frame",))["frame"]["g"]) == [2, 2]


# ------------------------------------------------------------------ two writers


def test_second_build_fails_clearly_or_waits_while_the_first_writes(corpus60, tmp_path):
    from analysis.corpus import Corpus

    src, clean = corpus60
    victim = tmp_path / "victim"
    first = start_build(src, victim, "--batch-size", "4")

    def lock_holder() -> int | None:
        try:
            return json.loads((victim / _store.LOCK).read_text() or "{}").get("pid")
        except (OSError, ValueError):
            return None

    wait_for(lambda: lock_holder() == first.pid, first, "the first build took the lock")
    first.send_signal(signal.SIGSTOP)  # frozen while holding the lock: no race possible
    try:
        second = subprocess.run(build_cmd(src, victim), cwd=ROOT, capture_output=True,
                                text=True, timeout=DEADLINE)  # fmt: skip
        assert second.returncode == 1
        assert "being written by another process" in second.stderr
        assert f"pid {first.pid}" in second.stderr and "--wait" in second.stderr
        assert "Traceback" not in second.stderr
        waiter = start_build(src, victim, "--wait", str(DEADLINE))
        wait_for(lambda: (victim / _store.LOCK).exists(), waiter, "the waiter started")
        assert waiter.poll() is None  # it cannot finish: the lock is held
    finally:
        first.send_signal(signal.SIGCONT)
    assert first.wait(timeout=DEADLINE) == 0, first.stderr.read()
    out, err = waiter.communicate(timeout=DEADLINE)
    assert waiter.returncode == 0, err
    final = Corpus.load(victim)
    assert_no_duplicates(final, 60)
    assert_same_corpus(final, clean)


def test_reader_sees_the_old_corpus_while_a_writer_holds_the_lock(corpus60, tmp_path):
    from analysis.corpus import Corpus

    src, clean = corpus60
    d = tmp_path / "store"
    clean.save(d)
    lock = _store.StoreLock(d).acquire()
    try:
        assert_same_corpus(Corpus.load(d), clean)  # reading needs no lock
        with pytest.raises(_store.StoreLocked, match="another process"):
            clean.save(d)
    finally:
        lock.release()


# ------------------------------------------------------------------ geocoder cache

_CACHE_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from analysis.geo.cache import GeocodeCache
    cache = GeocodeCache(sys.argv[1])
    start = int(sys.argv[2])
    progress = Path(sys.argv[1] + ".progress")
    i = start
    while True:
        cache.put("nominatim", f"1|place {i}", "{}",
                  {"address": f"Place {i}", "point": [i % 90, i % 180, 0.0], "raw": {"i": i}})
        i += 1
        if i % 25 == 0:
            progress.write_text(str(i))
    """
)


def test_geocode_cache_survives_kills_during_writes(tmp_path):
    from analysis.geo.cache import MISS, GeocodeCache

    path = tmp_path / "geocode.sqlite"
    progress = Path(str(path) + ".progress")
    start = 0
    for round_ in range(3):
        progress.unlink(missing_ok=True)
        proc = subprocess.Popen([PY, "-c", _CACHE_WRITER, str(path), str(start)], cwd=ROOT,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip
        target = start + 200
        wait_for(lambda t=target: progress.exists() and int(progress.read_text() or 0) >= t,
                 proc, f"{target} cache entries")  # fmt: skip
        kill(proc)
        cache = GeocodeCache(path)
        n = len(cache)
        assert n >= target  # every committed answer survived
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for i in (0, start, target - 1):
            got = cache.get("nominatim", f"1|place {i}", "{}")
            assert got is not MISS and got["raw"]["i"] == i
        cache.close()
        start = n
        assert round_ >= 0
    assert not list(tmp_path.glob("geocode.sqlite.corrupt-*"))  # nothing was ever corrupt


def _corrupt_pages(path: Path) -> None:
    """Overwrite bytes inside every page after the first (the header stays valid)."""
    data = bytearray(path.read_bytes())
    for off in range(8192, len(data), 4096):
        data[off + 100 : off + 300] = bytes(range(200))
    path.write_bytes(bytes(data))


def _filled_cache(path: Path, n: int = 2000):
    from analysis.geo.cache import GeocodeCache

    cache = GeocodeCache(path)
    for i in range(n):
        cache.put("nominatim", f"1|q{i}", "{}", {"address": "x" * 80, "point": [1, 2, 0],
                                                  "raw": {"i": i}})  # fmt: skip
    cache.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def test_geocode_cache_with_garbage_header_is_moved_aside(tmp_path, caplog):
    from analysis.geo.cache import MISS, GeocodeCache

    path = tmp_path / "geocode.sqlite"
    _filled_cache(path)
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        cache = GeocodeCache(path)
    assert "unreadable" in caplog.text
    assert cache.get("nominatim", "1|q1", "{}") is MISS
    cache.put("nominatim", "1|q1", "{}", None)
    assert cache.get("nominatim", "1|q1", "{}") is None
    assert list(tmp_path.glob("geocode.sqlite.corrupt-*"))


def test_geocode_cache_with_damaged_pages_is_detected_and_rebuilt(tmp_path):
    from analysis.geo.cache import GeocodeCache

    path = tmp_path / "geocode.sqlite"
    _filled_cache(path)
    _corrupt_pages(path)
    cache = GeocodeCache(path)
    for i in range(0, 2000, 97):  # damaged answers are misses, never errors
        cache.get("nominatim", f"1|q{i}", "{}")
    cache.put("nominatim", "1|new", "{}", None)
    assert cache.get("nominatim", "1|new", "{}") is None


# ------------------------------------------------------------------ gazetteer index


@pytest.fixture(scope="module")
def gazetteer_copy(tmp_path_factory):
    """A valid index copied from the shared cache (built there once if missing)."""
    from analysis.geo.gazetteer import get_gazetteer

    shared = get_gazetteer()
    folder = tmp_path_factory.mktemp("gazetteer")
    shutil.copy2(shared.path, folder / shared.path.name)
    shutil.copy2(shared.manifest, folder / shared.manifest.name)
    return folder, shared.path.name


def test_corrupted_gazetteer_index_is_detected(gazetteer_copy, tmp_path):
    from analysis.geo.gazetteer import Gazetteer

    src, name = gazetteer_copy
    folder = tmp_path / "gaz"
    shutil.copytree(src, folder)
    gaz = Gazetteer(directory=folder)  # valid copy: opened, not rebuilt
    assert gaz.verify()
    gaz.close()
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = bytes(4096)
    (folder / name).write_bytes(bytes(data))
    assert not gaz.verify()  # the checksum sees the damage


def test_corrupted_gazetteer_index_is_rebuilt_on_open(gazetteer_copy, tmp_path, caplog):
    from analysis.geo.gazetteer import Gazetteer

    src, name = gazetteer_copy
    folder = tmp_path / "gaz"
    shutil.copytree(src, folder)
    _corrupt_pages(folder / name)
    with caplog.at_level(logging.WARNING):
        gaz = Gazetteer(directory=folder)
    assert "rebuilding" in caplog.text
    assert gaz.verify()
    place = gaz.lookup("Vladivostok")
    assert place is not None and place.country_code == "RU"


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["truncate", "garbage_manifest", "empty", "under_open"])
def test_gazetteer_damage_kinds_are_rebuilt(request, gazetteer_copy, tmp_path, damage):
    require_long_run(request.config)
    from analysis.geo.gazetteer import Gazetteer

    src, name = gazetteer_copy
    folder = tmp_path / "gaz"
    shutil.copytree(src, folder)
    index = folder / name
    if damage == "under_open":
        gaz = Gazetteer(directory=folder)
        _corrupt_pages(index)  # damaged while open: the next query notices and rebuilds
        gaz._memo.clear()
    else:
        if damage == "truncate":
            index.write_bytes(index.read_bytes()[: 1 << 20])
        elif damage == "garbage_manifest":
            (folder / name).with_suffix(".json").write_text("{not json")
        else:
            index.write_bytes(b"")
        gaz = Gazetteer(directory=folder)
    assert gaz.lookup("Pyongyang").country_code == "KP"
    assert gaz.verify()


# ------------------------------------------------------------------ online geocoders
# geopy's real Pelias and Nominatim classes over real HTTP to tests/fakes/geocoder_server.


@pytest.fixture()
def fake_geocoder():
    from fakes.geocoder_server import FakeGeocoder

    with FakeGeocoder() as server:
        yield server


def _pelias(tmp_path, domain: str, **extra):
    from analysis.geo import get_geocoder

    options = {"timeout": 2, "max_retries": 2, "error_wait_seconds": 0.05, **extra}
    return get_geocoder("pelias", api_key="test-key", domain=domain, scheme="http",
                        cache=tmp_path / "geocode.sqlite", **options)  # fmt: skip


@pytest.mark.network
def test_network_down_gives_a_warning_and_no_answer_and_caches_nothing(tmp_path):
    from fakes.geocoder_server import closed_port

    from analysis.geo import GeocodingWarning

    geo = _pelias(tmp_path, f"127.0.0.1:{closed_port()}")
    with pytest.warns(GeocodingWarning, match="Seoul"):
        assert geo.geocode("Seoul") is None
    assert len(geo.cache) == 0


@pytest.mark.network
def test_timeout_gives_a_warning_and_no_answer(tmp_path, fake_geocoder):
    from analysis.geo import GeocodingWarning

    fake_geocoder.script("Hanoi", "hang")
    geo = _pelias(tmp_path, fake_geocoder.domain, timeout=0.3, max_retries=1)
    with pytest.warns(GeocodingWarning, match="Hanoi"):
        assert geo.geocode("Hanoi") is None
    assert fake_geocoder.count("Hanoi") >= 2  # retried once
    assert len(geo.cache) == 0


@pytest.mark.network
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_errors_are_retried_then_answered_and_cached(tmp_path, fake_geocoder, status):
    fake_geocoder.script("Seoul", status, "ok")
    geo = _pelias(tmp_path, fake_geocoder.domain)
    place = geo.geocode("Seoul")
    assert place is not None and place.latitude == pytest.approx(37.5665)
    assert fake_geocoder.count("Seoul") >= 2
    assert len(geo.cache) == 1
    hits = fake_geocoder.count("Seoul")
    assert geo.geocode("Seoul").address == place.address
    assert fake_geocoder.count("Seoul") == hits  # from the cache


@pytest.mark.network
@pytest.mark.parametrize("status", [429, 500, 503, "garbage", "html"])
def test_persistent_failure_is_missing_warned_and_never_cached(tmp_path, fake_geocoder, status):
    from analysis.geo import GeocodingWarning

    fake_geocoder.script("Pyongyang", status)
    geo = _pelias(tmp_path, fake_geocoder.domain, error_wait_seconds=0.2)
    with pytest.warns(GeocodingWarning, match="Pyongyang"):
        assert geo.geocode("Pyongyang") is None
    assert fake_geocoder.count("Pyongyang") >= 3  # the first try and two retries
    times = fake_geocoder.times("Pyongyang")
    assert max(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2  # waited
    assert len(geo.cache) == 0
    fake_geocoder.script("Pyongyang", "ok")  # the service is back: asked again, answered
    assert geo.geocode("Pyongyang") is not None
    assert len(geo.cache) == 1


@pytest.mark.network
@pytest.mark.parametrize(
    "step",
    ["badshape", "nolatlon"],
)
def test_malformed_answer_is_a_warning_not_a_crash(tmp_path, fake_geocoder, step):
    from analysis.geo import GeocodingWarning

    fake_geocoder.script("Tokyo", step)
    geo = _pelias(tmp_path, fake_geocoder.domain, max_retries=0)
    with pytest.warns(GeocodingWarning):
        assert geo.geocode("Tokyo") is None
    assert len(geo.cache) == 0


@pytest.mark.network
def test_default_online_geocoder_retries_a_transient_error(tmp_path, fake_geocoder):
    from analysis.geo import get_geocoder

    fake_geocoder.script("Beijing", 503, "ok")
    geo = get_geocoder("nominatim", user_agent="newsdesk-tests", domain=fake_geocoder.domain,
                       scheme="http", timeout=2, cache=tmp_path / "c.sqlite")  # fmt: skip
    assert geo.geocode("Beijing") is not None
