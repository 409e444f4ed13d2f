"""Cost of replaying analyst corrections, as a share of an incremental build.

Builds real texts (the bundled sample plus the shared BASIL articles when present) once,
replicates the built frames to ``--articles`` articles (new article and event ids, the
same actors and places), makes ``--corrections`` corrections of every kind, and times, in
the same run:

- the replay (:func:`analysis.corrections.apply_corrections`) over the large frames;
- an incremental build that adds 1% new articles to a store (the baseline): real spaCy
  work, measured on ``--increment`` real articles added to a built store.

    .venv/bin/python benchmarks/corrections_bench.py --articles 10000 --corrections 1000
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

import analysis
from analysis.corrections import Correction, apply_corrections, place_value
from analysis.settings import data_path
from analysis.store import read_frames

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def real_articles(limit: int) -> pd.DataFrame:
    sources = [str(data_path("articles"))]
    basil = SHARED / "realnews" / "BASIL" / "articles"
    if basil.is_dir():
        sources += sorted(str(p) for p in basil.glob("*.txt"))[:limit]
    arts = analysis.load_articles(*sources)
    return arts.head(limit).reset_index(drop=True)


def replicate(frames: dict[str, pd.DataFrame], n: int) -> dict[str, pd.DataFrame]:
    """The frames repeated until they hold ``n`` articles (copy k gets ids suffixed k)."""
    base = len(frames["articles"])
    copies = -(-n // base)
    out = {}
    for name, df in frames.items():
        if "article_id" not in df.columns:
            out[name] = df
            continue
        parts = []
        for k in range(copies):
            part = df.copy()
            part["article_id"] = part["article_id"].astype(str) + f"-{k}"
            if "event_id" in part.columns:
                part["event_id"] = part["event_id"].astype(str) + f"-{k}"
            parts.append(part)
        out[name] = pd.concat(parts, ignore_index=True)
    keep = set(out["articles"]["article_id"].head(n))
    for name, df in out.items():
        if "article_id" in df.columns:
            out[name] = df[df["article_id"].isin(keep)].reset_index(drop=True)
    return out


def make_corrections(frames: dict[str, pd.DataFrame], n: int, seed: int = 0) -> list[Correction]:
    rnd = random.Random(seed)
    actors = frames["actors"]["actor_id"].astype(str).tolist()
    events = frames["events"]["event_id"].astype(str).tolist()
    arts = frames["articles"]["article_id"].astype(str).tolist()
    toponyms = frames["places"]["text"].astype(str).unique().tolist()
    out: list[Correction] = []
    makers = [
        lambda: Correction.new("rename-actor", rnd.choice(actors), f"Name {rnd.random():.4f}"),
        lambda: Correction.new("set-actor-kind", rnd.choice(actors), "organisation"),
        lambda: Correction.new("drop-event", rnd.choice(events)),
        lambda: Correction.new("set-event-status", rnd.choice(events), "occurred"),
        lambda: Correction.new("set-event-interval", rnd.choice(events), "2019-04-25"),
        lambda: Correction.new("set-article-source", rnd.choice(arts), "Desk"),
        lambda: Correction.new("set-article-published", rnd.choice(arts), "2019-04-22"),
        lambda: Correction.new(
            "geocode-place",
            rnd.choice(toponyms),
            place_value(name="Somewhere", lat=10.0, lon=20.0),
            article_id=rnd.choice(arts),
        ),
        lambda: Correction.new("exclude-article", rnd.choice(arts)),
    ]
    while len(out) < n:
        out.append(rnd.choice(makers)())
    if len(actors) > 2:  # a few merges, the costliest kind
        for a, b in zip(actors[-6:-3], actors[:3], strict=False):
            out[rnd.randrange(len(out))] = Correction.new("merge-actors", a, b)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--corrections", type=int, default=1_000)
    ap.add_argument("--real", type=int, default=120, help="real articles built once")
    ap.add_argument("--increment", type=int, default=0, help="default: 1%% of --articles")
    args = ap.parse_args()
    inc = args.increment or max(1, args.articles // 100)

    arts = real_articles(args.real + min(inc, 100))
    first, extra = arts.head(args.real), arts.iloc[args.real :]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "c"
        corpus = analysis.build(first, store=store, progress=False)
        # baseline: an incremental build adding new real articles (scaled to 1%)
        t0 = time.perf_counter()
        analysis.build(arts, store=store, progress=False)
        inc_s = (time.perf_counter() - t0) * inc / max(1, len(extra))
    frames = replicate(corpus.frames, args.articles)
    with tempfile.TemporaryDirectory() as tmp:  # frames as a user has them: read from a store
        analysis.Corpus(frames, settings=corpus.settings).save(Path(tmp) / "big")
        frames = read_frames(Path(tmp) / "big")
    corrections = make_corrections(frames, args.corrections)
    t0 = time.perf_counter()
    result = apply_corrections(frames, corrections)
    replay_s = time.perf_counter() - t0
    states = result.status["state"].value_counts().to_dict()
    print(
        json.dumps(
            {
                "articles": len(frames["articles"]),
                "mentions": len(frames["mentions"]),
                "events": len(frames["events"]),
                "corrections": len(corrections),
                "states": states,
                "replay_s": round(replay_s, 3),
                "incremental_build_s": round(inc_s, 2),
                "incremental_articles": inc,
                "replay_share_of_incremental": round(replay_s / inc_s, 4),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
