"""Draw the paragraph sample that benchmarks/gold/boilerplate.jsonl labels (run once).

Paragraphs (non-empty lines) of the shared corpora: BASIL (``articles/*.txt``),
wikinews (``*.txt``) and GeoWebNews (``corpus/*``).  50 are drawn uniformly from all
paragraphs, 33 from the short ones (at most 30 words, where web furniture lives) and
33 from the short ones of GeoWebNews (scraped web pages, the most furniture), with a
fixed seed.  Each line printed is ``{"corpus", "file", "paragraph", "text"}``;
the labels were then added by hand (``"label": "news"`` or ``"boilerplate"``) and the
text dropped, so the gold file holds no benchmark text.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/boilerplate_sample.py > /tmp/sample.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

__all__ = ["paragraphs", "main"]

CORPORA = {
    "BASIL": ("realnews/BASIL/articles", "*.txt"),
    "wikinews": ("realnews/wikinews", "*.txt"),
    "GeoWebNews": ("geoparsing/GeoWebNews/corpus", "*"),
}


def paragraphs(bench: Path) -> list[dict]:
    """Every non-empty line of every document, with corpus, file name and index."""
    out = []
    for corpus, (folder, pattern) in CORPORA.items():
        for path in sorted((bench / folder).glob(pattern)):
            if not path.is_file():
                continue
            lines = [ln.strip() for ln in path.read_text(encoding="utf-8").split("\n")]
            for i, ln in enumerate(ln for ln in lines if ln):
                out.append({"corpus": corpus, "file": path.name, "paragraph": i, "text": ln})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("/work/shared/benchmarks"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    paras = paragraphs(args.benchmarks)
    rng = random.Random(args.seed)
    picked: list[dict] = []
    taken: set[tuple] = set()

    def draw(pool: list[dict], n: int) -> None:
        pool = [p for p in pool if (p["corpus"], p["file"], p["paragraph"]) not in taken]
        for p in rng.sample(pool, n):
            taken.add((p["corpus"], p["file"], p["paragraph"]))
            picked.append(p)

    short = [p for p in paras if len(p["text"].split()) <= 30]
    draw(paras, 34)
    draw(short, 33)
    draw([p for p in short if p["corpus"] == "GeoWebNews"], 33)
    for p in picked:
        print(json.dumps(p, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
