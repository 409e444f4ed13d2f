"""Explorer and selection speed on a corpus of N real articles, side by side with a baseline.

    # once: build the shared BASIL articles (real news, 298 texts with metadata)
    python benchmarks/explorer_bench.py --build-basil /tmp/basil-corpus
    # then: replicate to 1,000 articles and time the explorer
    python benchmarks/explorer_bench.py --base /tmp/basil-corpus --n 1000

The N-article corpus is the built corpus replicated at the frame level (:func:`replicate`):
copy ``k`` of an article gets its own id, its source suffixed " #k" and its dates (the
publication date and every event's interval) shifted by ``k`` times 97 days, so copies
are distinct articles from distinct outlets on distinct dates; actors, edges and event
groups are then re-derived over the whole corpus as a build does.

Measured in one run (median of ``--runs``):

1. baseline (the floor of any redraw, timed in the same run so the machine's load
   cancels out in the ratios): one plotly bar chart of 1,000 bars built and turned
   into the display bundle the explorer shows (``figure_bundle``);
2. ``Selector(corpus)`` (the per-article indexes, once) and ``Selector.select`` for
   each filter of :data:`FILTERS`;
3. ``explorer(corpus)`` build, and one redraw per filter change (``Explorer.update``).

Numbers go to stdout as a Markdown table and to ``benchmarks/out/explorer_bench.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
OUT = HERE / "out"
BASIL = ROOT.parent / "shared" / "benchmarks" / "realnews" / "BASIL" / "articles"

#: The filter changes timed (one each), as an analyst would make them.
FILTERS = [
    {"text": "summit"},
    {"start": "2016-01-01", "end": "2017-12-31"},
    {"event_types": ["meeting"]},
    {"sources": "top3"},
    {"actors": "top1"},
]


def build_basil(out: Path, articles: Path = BASIL) -> Path:
    """Build the shared BASIL articles (``X.txt`` + ``X.json`` metadata) into ``out``."""
    import analysis

    src = out.parent / (out.name + "-src")
    src.mkdir(parents=True, exist_ok=True)
    for txt in sorted(articles.glob("*.txt")):
        shutil.copy(txt, src / txt.name)
        meta = txt.with_suffix(".json")
        if meta.exists():
            shutil.copy(meta, src / (txt.stem + ".meta.json"))
    analysis.build(src, store=out, progress=False)
    return out


def _new_id(aid: str, k: int) -> str:
    return aid if k == 0 else hashlib.sha256(f"{aid}#{k}".encode()).hexdigest()[:16]


def replicate(corpus, n: int, *, shift_days: int = 97):
    """``corpus`` repeated to ``n`` articles with distinct ids, sources and dates."""
    from analysis import pipeline
    from analysis.corpus import Corpus

    base = corpus.articles
    state = corpus._load_state()
    copies = -(-n // len(base))
    frames: dict[str, list[pd.DataFrame]] = {}
    parts: dict[str, list[pd.DataFrame]] = {}
    per_article = ("sentences", "mentions", "quotes", "places", "timexes", "events")
    for k in range(copies):
        ids = {a: _new_id(a, k) for a in base["article_id"]}
        shift = pd.Timedelta(days=shift_days * k)
        arts = base.copy()
        arts["article_id"] = arts["article_id"].map(ids)
        arts["published"] = arts["published"] + shift
        if k:
            arts["source"] = arts["source"].astype("string") + f" #{k}"
        frames.setdefault("articles", []).append(arts)
        for name in per_article:
            df = getattr(corpus, name).copy()
            df["article_id"] = df["article_id"].map(ids)
            if name == "events":
                df["event_id"] = df["event_id"].astype(str) + (f"#{k}" if k else "")
                df["begin"] = df["begin"] + shift
                df["end_date"] = df["end_date"] + shift
                df = df.drop(columns=["event_group"], errors="ignore")
            if name == "timexes":
                for col in ("begin", "end_date", "anchor"):
                    df[col] = df[col] + shift
            frames.setdefault(name, []).append(df)
        for name, df in (state or {}).items():
            df = df.copy()
            df["article_id"] = df["article_id"].map(ids)
            parts.setdefault(name, []).append(df)
    keep = set(pd.concat(frames["articles"])["article_id"].iloc[:n])
    out = {
        name: (lambda d: d[d["article_id"].isin(keep)].reset_index(drop=True))(
            pd.concat(dfs, ignore_index=True)
        )
        for name, dfs in frames.items()
    }
    new_state = {
        name: (lambda d: d[d["article_id"].isin(keep)].reset_index(drop=True))(
            pd.concat(dfs, ignore_index=True)
        )
        for name, dfs in parts.items()
    }
    out["actors"] = pipeline.merge_actor_parts(new_state["actor_parts"])
    out["edges"] = pipeline.merge_edge_parts(new_state["edge_parts"])
    out["events"] = pipeline.group_events(out["events"], out["actors"], out["places"])
    return Corpus(out, settings=corpus.settings, manifest=dict(corpus.manifest), state=new_state)


def _time(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _concrete(filters: dict, corpus) -> dict:
    out = dict(filters)
    if out.get("sources") == "top3":
        out["sources"] = corpus.articles["source"].value_counts().index[:3].tolist()
    if out.get("actors") == "top1":
        out["actors"] = [corpus.actors.sort_values("mentions").iloc[-1]["name"]]
    return out


def bench(corpus, runs: int = 3) -> dict:
    """Time the selector and the explorer on ``corpus`` (see the module docstring)."""
    import plotly.graph_objects as go

    from analysis.selection import Selector
    from analysis.widgets import explorer, figure_bundle

    def floor():
        fig = go.Figure(go.Bar(x=list(range(1000)), y=list(range(1000))))
        return figure_bundle(fig)

    baseline, _ = _time(floor, runs)
    index_s, selector = _time(lambda: Selector(corpus), runs)
    rows = []
    build_s, panel = _time(lambda: explorer(corpus), runs)
    for f in FILTERS:
        f = _concrete(f, corpus)
        select_s, view = _time(lambda f=f: selector.select(**f), runs)

        def change(f=f):
            panel.apply(**f)  # set the controls, one redraw
            return panel.view

        update_s, _ = _time(change, runs)
        parts = dict(panel.timings)
        panel.reset()
        rows.append(
            {
                "filter": json.dumps(f, ensure_ascii=False)[:60],
                "kept": len(view),
                "undated": view.undated,
                "select_s": round(select_s, 3),
                "explorer_update_s": round(update_s, 3),
                "of_which_select_s": round(parts.get("select", 0.0), 3),
                "of_which_figures_s": round(parts.get("figures", 0.0), 3),
                "update_vs_baseline": round(update_s / baseline, 1),
            }
        )
    return {
        "articles": len(corpus),
        "events": len(corpus.events),
        "actors": len(corpus.actors),
        "baseline_floor_redraw_s": round(baseline, 4),
        "explorer_build_vs_baseline": round(build_s / baseline, 1),
        "selector_index_s": round(index_s, 3),
        "explorer_build_s": round(build_s, 3),
        "filters": rows,
    }


def figure_table(corpus, runs: int = 3) -> list[dict]:
    """Build time (median), height and JSON size of each figure on the whole corpus."""
    from analysis import figures as F

    out = []
    for name, fn in [
        ("summit_timeline", lambda: F.summit_timeline(corpus)),
        ("place_map", lambda: F.place_map(corpus)),
        ("place_map(choropleth=True)", lambda: F.place_map(corpus, choropleth=True)),
        ("co_mention_network", lambda: F.co_mention_network(corpus)),
        ("actor_mentions", lambda: F.actor_mentions(corpus)),
        ("quote_chart", lambda: F.quote_chart(corpus)),
    ]:
        seconds, fig = _time(fn, runs)
        notes = [a.text for a in fig.layout.annotations if a.name == "more"]
        out.append(
            {
                "figure": name,
                "build_s": round(seconds, 2),
                "height": fig.layout.height,
                "json_mb": round(len(fig.to_json()) / 1e6, 2),
                "traces": len(fig.data),
                "note": notes[0] if notes else "",
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-basil", type=Path, help="build BASIL into this folder, exit")
    parser.add_argument("--base", type=Path, help="a built corpus folder to replicate")
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="also save the replicated corpus here")
    args = parser.parse_args(argv)
    if args.build_basil:
        build_basil(args.build_basil)
        return 0
    if not args.base:
        parser.error("--base (a built corpus) or --build-basil is required")
    from analysis.corpus import Corpus

    t0 = time.perf_counter()
    base = Corpus.load(args.base)
    corpus = base if len(base) == args.n else replicate(base, args.n)
    made = time.perf_counter() - t0
    if args.save:
        corpus.save(args.save)
    result = {"replicate_s": round(made, 1), **bench(corpus, runs=args.runs)}
    result["figures"] = figure_table(corpus, runs=args.runs)
    OUT.mkdir(exist_ok=True)
    (OUT / "explorer_bench.json").write_text(json.dumps(result, indent=2))
    print(
        f"{result['articles']:,} articles, {result['events']:,} events, "
        f"{result['actors']:,} actors; baseline (floor redraw) {result['baseline_floor_redraw_s']} s; "
        f"Selector index {result['selector_index_s']} s; "
        f"explorer build {result['explorer_build_s']} s\n"
    )
    print(
        "| filter | kept | undated | select (exact) s | explorer update s | of which "
        "select / figures s | update / baseline |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in result["filters"]:
        print(
            f"| `{r['filter']}` | {r['kept']} | {r['undated']} | {r['select_s']} | "
            f"{r['explorer_update_s']} | {r['of_which_select_s']} / "
            f"{r['of_which_figures_s']} | {r['update_vs_baseline']} |"
        )
    print("\n| figure | build s | height px | JSON MB | traces | note |")
    print("|---|---|---|---|---|---|")
    for r in result["figures"]:
        print(
            f"| `{r['figure']}` | {r['build_s']} | {r['height']} | {r['json_mb']} | "
            f"{r['traces']} | {r['note']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
