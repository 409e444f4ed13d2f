"""Views at scale: figures, the offline report and the explorer on 1,000 and 10,000 articles.

The corpora are made of REAL texts: the shared BASIL articles (dated, with their outlets),
the GeoWebNews texts and the TimeBank/AQUAINT documents of ``../shared/benchmarks`` (the
base documents of ``benchmarks/make_corpus.py``).  Building 10,000 articles through spaCy
is too slow on this machine, so the base texts (about 750) are built ONCE with
``analysis.build`` (cached under ``benchmarks/out/views_base``) and the built frames are
then REPLICATED to the wanted size: copy ``c`` of an article gets the id ``<id>~c<c>``,
its publication date and every event/timex date shifted by ``c * 41`` days, and the source
``<outlet> #<k>`` with k in 0..11 (so the corpus has about 70 outlets); events get new ids and
groups per copy; actors and edges are recounted from the replicated mentions.  The texts
are therefore repeated (search and compression see repeated text: a real corpus of the same
size compresses less well; see BENCHMARKS.md).

Measured side by side, in one run: figure build times and JSON sizes, the report's size and
its ready time (``body[data-ready='1']``) against the floor page (the same partial plotly.js
and one bar chart) in one headless Chromium, page height, explorer build and filter-update
times, and screenshots of the 1,000-article report (``tests/artifacts/bench-report-*.png``).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/views_bench.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
SHARED = ROOT.parent / "shared" / "benchmarks"
OUT = ROOT / "benchmarks" / "out"
ARTIFACTS = ROOT / "tests" / "artifacts"
SHIFT_DAYS = 41
N_OUTLET_COPIES = 12

log = logging.getLogger("views_bench")


# ---- the real base corpus, built once ----------------------------------------------


def base_articles(shared: Path = SHARED) -> pd.DataFrame:
    """The base texts as an articles frame input: BASIL + make_corpus's base documents."""
    from make_corpus import base_documents

    rows = []
    basil = shared / "realnews" / "BASIL" / "articles"
    for txt in sorted(basil.glob("*.txt")):
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        rows.append(
            {
                "text": txt.read_text(encoding="utf-8"),
                "title": meta.get("title"),
                "source": meta.get("source"),
                "published": meta.get("published"),
                "url": meta.get("url"),
            }
        )
    for doc in base_documents(shared):
        rows.append(
            {
                "text": doc["text"],
                "title": None,
                "source": doc.get("source"),
                "published": doc.get("published"),
                "url": None,
            }
        )
    return pd.DataFrame(rows)


def write_base(out: Path, shared: Path = SHARED) -> Path:
    """Write the base texts as txt + meta.json files (what ``analysis.build`` reads)."""
    out.mkdir(parents=True, exist_ok=True)
    for i, row in enumerate(base_articles(shared).itertuples(index=False)):
        stem = f"{i:04d}"
        (out / f"{stem}.txt").write_text(row.text, encoding="utf-8")
        meta = {
            k: getattr(row, k)
            for k in ("title", "source", "published", "url")
            if isinstance(getattr(row, k), str) and getattr(row, k)
        }
        (out / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def base_corpus(cache: Path = OUT / "views_base"):
    """The built base corpus (built with ``analysis.build`` once, then loaded)."""
    from analysis.corpus import Corpus, build

    saved = cache / "corpus"
    if (saved / "manifest.json").is_file() or any(saved.glob("*.parquet")):
        try:
            return Corpus.load(saved)
        except Exception as exc:  # noqa: BLE001 - rebuild a broken cache
            log.warning("rebuilding the base corpus: %s", exc)
    t0 = time.perf_counter()
    corpus = build(write_base(cache / "articles"), progress=False)
    log.warning("base corpus: %d articles built in %.0f s", len(corpus), time.perf_counter() - t0)
    corpus.save(saved)
    return corpus


# ---- replication to the wanted size -------------------------------------------------


def replicate(corpus, n: int):
    """A Corpus of ``n`` articles made of copies of ``corpus``'s built frames.

    Copy ``c`` of an article: id ``<id>~c<c>``, publication date (and its events' and
    timexes' dates) shifted by ``c * SHIFT_DAYS`` days, source ``<source> #<k>`` (k in 0..11);
    events get ids ``<event_id>~c<c>`` and groups ``<group>~c<c>``.  Actors and edges are
    recounted from the copies (mentions and articles scale with the copies).
    """
    from analysis.corpus import Corpus

    f = corpus.frames
    base = f["articles"]
    copies = -(-n // len(base))
    out: dict[str, list[pd.DataFrame]] = {k: [] for k in f}
    per_article = ("sentences", "mentions", "quotes", "places", "timexes", "events")
    for c in range(copies):
        shift = pd.Timedelta(days=c * SHIFT_DAYS)
        take = base if (c + 1) * len(base) <= n else base.iloc[: n - c * len(base)]
        keep_ids = set(take["article_id"])
        a = take.copy()
        a["article_id"] = a["article_id"] + f"~c{c}"
        for col in ("duplicate_of", "story_id"):  # near-duplicate links stay in the copy
            if col in a.columns:
                a[col] = a[col].where(a[col].isna(), a[col].astype("string") + f"~c{c}")
        a["published"] = a["published"] + shift
        outlet = [(i * 5 + c) % N_OUTLET_COPIES for i in range(len(a))]
        a["source"] = a["source"].fillna("(unknown)") + [f" #{k}" for k in outlet]
        out["articles"].append(a)
        for name in per_article:
            df = f[name][f[name]["article_id"].isin(keep_ids)].copy()
            df["article_id"] = df["article_id"] + f"~c{c}"
            if name == "events":
                df["event_id"] = df["event_id"] + f"~c{c}"
                if "event_group" in df.columns:
                    df["event_group"] = df["event_group"].astype("string") + f"~c{c}"
                for col in ("begin", "end_date"):
                    df[col] = df[col] + shift
            if name == "timexes":
                for col in ("begin", "end_date"):
                    if col in df.columns and pd.api.types.is_datetime64_any_dtype(df[col]):
                        df[col] = df[col] + shift
            out[name].append(df)
    frames = {k: pd.concat(v, ignore_index=True) for k, v in out.items() if v}
    m = frames["mentions"]
    am = m[m["actor_id"].notna()]
    counts = am.groupby("actor_id").agg(
        mentions=("start", "size"), articles=("article_id", "nunique")
    )
    actors = f["actors"].set_index("actor_id")
    actors = actors.loc[actors.index.isin(counts.index)].copy()
    actors["mentions"] = counts["mentions"].reindex(actors.index).astype("int64")
    actors["articles"] = counts["articles"].reindex(actors.index).astype("int64")
    frames["actors"] = actors.reset_index()
    factor = len(frames["articles"]) / len(base)
    edges = f["edges"].copy()
    for col in ("weight", "articles"):
        if col in edges.columns:
            edges[col] = (edges[col] * factor).round().astype("int64")
    frames["edges"] = edges
    return Corpus(frames, settings=corpus.settings)


# ---- measurements -----------------------------------------------------------------


def _timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def figure_stats(corpus) -> dict:
    """Build time (s), JSON size (bytes) and height (px) of each figure on ``corpus``."""
    from analysis.report import report_figures

    out = {}
    t0 = time.perf_counter()
    figs = report_figures(corpus)
    total = time.perf_counter() - t0
    for kind, _div, fig in figs:
        out[kind] = {
            "bytes": len(fig.to_json()),
            "height_px": fig.layout.height,
            "traces": len(fig.data),
        }
    # each figure again on its own, for its build time
    from analysis import figures as F

    f = corpus.frames
    calls = {
        "map": lambda: F.place_map(
            f["places"], sentences=f["sentences"], events=f["events"], actors=f["actors"],
            color="role",
        ),
        "actors": lambda: F.actor_mentions(f["actors"], mentions=f["mentions"], top=20),
        "network": lambda: F.co_mention_network(f["edges"], f["actors"]),
        "timeline": lambda: F.summit_timeline(
            f["events"], actors=f["actors"], articles=f["articles"]
        ),
    }  # fmt: skip
    for kind, call in calls.items():
        _, secs = _timed(call)
        out[kind]["build_s"] = round(secs, 2)
    out["all_report_figures_s"] = round(total, 2)
    return out


def explorer_stats(corpus) -> dict:
    """Explorer build and filter-update times (the views worker's bench when present)."""
    try:  # the explorer's own benchmark, if the views work provides one
        import explorer_bench  # type: ignore[import-not-found]

        return explorer_bench.bench(corpus, runs=1)  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        pass
    from analysis.widgets import explorer

    ex, build = _timed(explorer, corpus)
    updates = []
    for value in ("trump", "moscow", ""):
        t0 = time.perf_counter()
        ex.controls["text"].value = value
        updates.append(round(time.perf_counter() - t0, 2))
    return {"build_s": round(build, 2), "update_s": updates, "source": "analysis.widgets"}


def report_stats(corpora: dict[int, object], out: Path, runs: int = 3) -> dict:
    """Report size, build time, ready time vs the floor page, page height, screenshots."""
    from browser_helpers import CHROMIUM_ARGS, _baseline_page
    from playwright.sync_api import sync_playwright

    from analysis.report import report_plotlyjs, write_report

    pages: dict[str, Path] = {}
    result: dict[str, dict] = {}
    for n, corpus in corpora.items():
        path, secs = _timed(write_report, corpus, out / f"report_{n}.html")
        pages[f"report_{n}"] = path
        result[f"report_{n}"] = {"build_s": round(secs, 2), "bytes": path.stat().st_size}
    floor = report_plotlyjs([{"data": [{"type": "bar"}]}]).code
    pages["floor"] = _baseline_page(out / "floor.html", floor)
    result["floor"] = {"bytes": pages["floor"].stat().st_size}
    times: dict[str, list[float]] = {k: [] for k in pages}
    load_before = os.getloadavg()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):  # interleaved, side by side
            for name, path in pages.items():
                page = browser.new_page(viewport={"width": 1300, "height": 1000})
                page.route(
                    "**/*",
                    lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
                )
                page.goto(path.as_uri())
                page.wait_for_selector("body[data-ready='1']", timeout=180_000)
                times[name].append(page.evaluate("performance.now()"))
                if name != "floor" and "height_px" not in result[name]:
                    result[name]["height_px"] = page.evaluate("document.body.scrollHeight")
                    if name == "report_1000":
                        ARTIFACTS.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(ARTIFACTS / "bench-report-1000-top.png"))
                        page.screenshot(
                            path=str(ARTIFACTS / "bench-report-1000-full.png"), full_page=True
                        )
                        # a click on the biggest place lists its articles with evidence
                        page.evaluate(
                            """() => {
                            const gd = document.getElementById('fig-map');
                            const i = gd.data.findIndex(t => t.meta && t.meta.links);
                            const sizes = gd.data[i].marker.size;
                            const j = sizes.indexOf(Math.max.apply(null, sizes));
                            return window.newsdesk.focusPoint({points: [{data: gd.data[i], pointNumber: j}]});
                        }"""
                        )
                        page.locator("#table-section").screenshot(
                            path=str(ARTIFACTS / "bench-report-1000-table.png")
                        )
                page.close()
        browser.close()
    floor_ms = statistics.median(times["floor"])
    for name, values in times.items():
        result[name]["ready_ms_median"] = round(statistics.median(values))
        result[name]["ready_ms_all"] = [round(v) for v in values]
        if name != "floor":
            result[name]["ratio_to_floor"] = round(statistics.median(values) / floor_ms, 2)
    result["loadavg_before_after"] = [
        [round(x, 2) for x in load_before],
        [round(x, 2) for x in os.getloadavg()],
    ]
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--runs", type=int, default=3, help="browser loads per page (interleaved)")
    p.add_argument("--no-explorer", action="store_true", help="skip the explorer timings")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    base = base_corpus()
    out = Path(tempfile.mkdtemp(prefix="views-bench-"))
    corpora = {n: replicate(base, n) for n in args.sizes}
    result: dict = {"base_articles": len(base), "sizes": args.sizes, "figures": {}}
    for n, corpus in corpora.items():
        result["figures"][n] = figure_stats(corpus)
        if not args.no_explorer:
            result.setdefault("explorer", {})[n] = explorer_stats(corpus)
    result["report"] = report_stats(corpora, out, runs=args.runs)
    print(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
