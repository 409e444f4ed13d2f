"""Views at scale: figures, the offline report and the explorer on 1,000 and 10,000 articles.

The corpora are made of REAL texts: the shared BASIL articles (dated, with their outlets),
the GeoWebNews texts and the TimeBank/AQUAINT documents of ``../shared/benchmarks`` (the
base documents of ``benchmarks/make_corpus.py``).  Building 10,000 articles through spaCy
is too slow on this machine, so the base texts (about 750) are built ONCE with
``analysis.build`` (cached under ``benchmarks/out/views_base``) and the built frames are
then REPLICATED to the wanted size: copy ``c`` of an article gets the id ``<id>~c<c>``,
its publication date and every event/timex date shifted by ``c * 41`` days, and the source
``<outlet> #<c mod 7>`` (so the corpus has many dated outlets); events get new ids and
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

import json
import logging
import sys
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
N_OUTLET_COPIES = 7

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
