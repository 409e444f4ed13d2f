"""Run newsdesk's quotes stage over PolNeAR-style texts and write the scorer's PRED.jsonl.

Usage::

    PYTHONPATH=$PWD /work/main/.venv/bin/python benchmarks/attribution_polnear.py \\
        /work/shared/benchmarks/attribution/PolNeAR-dev /tmp/polnear-pred.jsonl
    /work/main/.venv/bin/python /work/shared/benchmarks/attribution/score_attribution.py \\
        score /work/shared/benchmarks/attribution/PolNeAR-dev /tmp/polnear-pred.jsonl

Every ``text/<doc>.txt`` of the folder is parsed with the real pipeline
(:func:`analysis.nlp.parse`), its actors resolved and its quotes found
(:func:`analysis.actors.resolve_actors`); each quote becomes one prediction with its
content span (and fragments, for a quote split around "he said") and the span of the
speaker as the text names it ("he", "the spokesman"), with the resolved actor's name as
``speaker_text`` when there is one.  Offsets are Python string offsets into the file's
text, which the articles frame keeps unchanged.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.actors import load_knowledge_base, resolve_actors
from analysis.nlp import load_pipeline, parse


def _articles(texts: dict[str, str]) -> pd.DataFrame:
    ids = list(texts)
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "title": ids,
            "title_derived": False,
            "source": None,
            "url": None,
            "author": None,
            "published": pd.Timestamp("2016-10-01", tz="UTC"),
            "published_precision": "month",
            "published_inferred": False,
            "text": [texts[i] for i in ids],
            "language": "en",
            "path": None,
            "paths": [[] for _ in ids],
            "format": "txt",
            "n_words": [len(texts[i].split()) for i in ids],
        }
    )
    return schema.conform(frame, "articles")


def predict(folder: Path, cache: Path | None = None) -> list[dict]:
    """One prediction line per text of ``folder/text`` (parses pickled in ``cache``)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "text").glob("*.txt"))}
    articles = _articles(texts)
    kb = load_knowledge_base()
    nlp = load_pipeline(kb=kb)
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            parsed = pickle.load(f)
    else:
        parsed = parse(articles, nlp=nlp)
        if cache is not None:
            with cache.open("wb") as f:
                pickle.dump(parsed, f)
    res = resolve_actors(articles, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)
    names = dict(zip(res.actors["actor_id"], res.actors["name"], strict=True))
    by_doc: dict[str, list[dict]] = {doc: [] for doc in texts}
    for q in res.quote_details:
        spk_name = names.get(q["speaker"]) if q["speaker"] else None
        out = {
            "content_start": q["start"],
            "content_end": q["end"],
            "speaker_start": q.get("speaker_start"),
            "speaker_end": q.get("speaker_end"),
            "speaker_text": spk_name if isinstance(spk_name, str) else q["speaker_text"],
            "kind": q["kind"],
            "cue": q["cue"],
        }
        if q.get("fragments"):
            out["content_fragments"] = q["fragments"]
        by_doc[q["article_id"]].append(out)
    return [{"doc": doc, "quotes": quotes} for doc, quotes in by_doc.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder with text/<doc>.txt")
    ap.add_argument("out", type=Path, help="PRED.jsonl to write")
    ap.add_argument("--cache", type=Path, help="pickle of the parses (reused when present)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    lines = predict(args.folder, args.cache)
    with args.out.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    n = sum(len(x["quotes"]) for x in lines)
    print(f"{len(lines)} texts, {n} quotes in {time.perf_counter() - t0:.0f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
