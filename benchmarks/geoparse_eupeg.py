"""Geoparse a corpus of plain-text files (named 0, 1, ...) and write EUPEG lines.

Usage::

    .venv/bin/python benchmarks/geoparse_eupeg.py CORPUS_DIR OUT_FILE
    python ../shared/benchmarks/geoparsing/score_geoparse.py GOLD OUT_FILE

Line i of OUT_FILE holds the toponyms of document i, separated by ``||``, each as
``name,,surface,,lat,,lon,,start,,end`` (offsets into the document text).  The full
library path runs: :func:`analysis.nlp.parse` (spaCy with the project's rulers) then
:func:`analysis.geo.geoparse`.  The EUPEG writer lives here, not in the package: it is
the benchmark's format, not the toolkit's.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.geo import geoparse


def toponyms_to_eupeg(places: pd.DataFrame) -> str:
    """One EUPEG line for the places of one article.

    Each place is ``name,,surface,,lat,,lon,,start,,end``; places are joined by ``||``
    (separators inside names are shortened so that the line stays parseable).
    """
    parts = []
    for row in places.itertuples(index=False):
        name = str(row.name).replace(",,", ",").replace("||", "|")
        surface = str(row.text).replace(",,", ",").replace("||", "|")
        parts.append(f"{name},,{surface},,{row.lat},,{row.lon},,{row.start},,{row.end}")
    return "||".join(parts)


def read_corpus(folder: Path) -> pd.DataFrame:
    """The files named 0, 1, ... of ``folder`` as an articles frame (in numeric order)."""
    names = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in names]
    ids = [
        f"{int(p.name):05d}-{hashlib.sha256(t.encode()).hexdigest()[:10]}"
        for p, t in zip(names, texts, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "title": [t.strip().split("\n", 1)[0][:120] for t in texts],
            "title_derived": True,
            "source": None,
            "url": None,
            "author": None,
            "published": pd.NaT,
            "published_precision": "unknown",
            "published_inferred": False,
            "text": texts,
            "language": "en",
            "path": [str(p) for p in names],
            "paths": [[str(p)] for p in names],
            "format": "txt",
            "n_words": [len(t.split()) for t in texts],
        }
    )
    return schema.conform(frame, "articles")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from analysis.nlp import parse

    articles = read_corpus(args.corpus)
    t0 = time.perf_counter()
    parsed = parse(articles)
    t1 = time.perf_counter()
    places = geoparse(articles, parsed.sentences, parsed.mentions, docs=parsed.docs)
    t2 = time.perf_counter()
    groups = {aid: g for aid, g in places.groupby("article_id", sort=False)}
    with open(args.out, "w", encoding="utf-8") as f:
        for aid in articles["article_id"]:
            g = groups.get(aid)
            f.write((toponyms_to_eupeg(g) if g is not None else "") + "\n")
    print(
        f"{len(articles)} documents, {len(places)} toponyms; parse {t1 - t0:.1f} s, "
        f"geoparse {t2 - t1:.2f} s -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
