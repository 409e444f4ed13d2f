"""Throughput of analysis.nlp.parse + analysis.actors.resolve_actors vs bare spaCy.

Runs the two side by side in the same process on the GeoWebNews texts of
../shared/benchmarks, alternating them for several rounds, and reports articles/s,
words/s and the ratio (ours / bare ``nlp.pipe`` of the same model).

    .venv/bin/python benchmarks/nlp_throughput.py --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pandas as pd
import spacy

from analysis import schema
from analysis.actors import load_knowledge_base, resolve_actors
from analysis.nlp import load_pipeline, parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "benchmarks" / "geoparsing" / "GeoWebNews" / "corpus"


def load_texts(corpus: Path, limit: int) -> list[str]:
    files = sorted((p for p in corpus.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files[:limit]]


def articles_frame(texts: list[str]) -> pd.DataFrame:
    ids = [f"gwn{i:03d}" for i in range(len(texts))]
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "title": ids,
            "title_derived": False,
            "source": None,
            "url": None,
            "author": None,
            "published": pd.NaT,
            "published_precision": "unknown",
            "published_inferred": False,
            "text": texts,
            "language": "en",
            "path": None,
            "paths": [[] for _ in ids],
            "format": "txt",
            "n_words": [len(t.split()) for t in texts],
        }
    )
    return schema.conform(frame, "articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    texts = load_texts(args.corpus, args.limit)
    articles = articles_frame(texts)
    words = int(articles["n_words"].sum())
    kb = load_knowledge_base()
    ours = load_pipeline(args.model, kb=kb)
    package = f"{ours.meta['lang']}_{ours.meta['name']}"
    bare = spacy.load(package)
    # warm up both (first calls allocate)
    list(bare.pipe(texts[:5]))
    parse(articles.head(5), nlp=ours)

    bare_t, ours_t = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        parsed = parse(articles, nlp=ours, batch_size=args.batch_size)
        result = resolve_actors(
            articles, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb
        )
        ours_t.append(time.perf_counter() - t0)
    n = len(texts)
    b, o = statistics.median(bare_t), statistics.median(ours_t)
    print(
        f"corpus: {args.corpus} ({n} articles, {words} words); model {package}; "
        f"rounds {args.rounds}; batch {args.batch_size}"
    )
    print(f"our pipeline: {ours.pipe_names}")
    print(
        f"our output: {len(parsed.mentions)} mentions, {len(result.actors)} actors, "
        f"{len(result.quotes)} quotes, {len(result.edges)} edges"
    )
    print()
    print("| run | median s | articles/s | words/s |")
    print("|---|---|---|---|")
    print(f"| bare nlp.pipe | {b:.2f} | {n / b:.1f} | {words / b:.0f} |")
    print(f"| parse + resolve_actors | {o:.2f} | {n / o:.1f} | {words / o:.0f} |")
    print()
    print(
        f"ratio (ours / bare, throughput): {b / o:.2f}x  "
        f"(per round: {', '.join(f'{bt / ot:.2f}' for bt, ot in zip(bare_t, ours_t, strict=True))})"
    )


if __name__ == "__main__":
    main()
