"""Near-duplicate flagging on real news: planted wire copies found, distinct stories kept apart.

The shared real articles (BASIL ``articles/*.txt``: 100 events each told by three
outlets, wikinews ``*.txt``, GeoWebNews ``corpus/*``) are distinct texts: every pair
flagged among them is counted (``flagged among originals``; BASIL's three reports of
one event are different texts and must stay apart).  Then each article gets a
*syndicated copy* made the way outlets republish a wire story: a new headline line,
one paragraph dropped (the last when there are more than three) and a few words
changed; and an *updated version*: the article plus two new (invented) paragraphs.  Recall = copies and updates flagged as duplicates of their original.

Time: :func:`analysis.io.duplicates.flag_duplicates` on a quarter, a half and all of
the frame (originals + copies + updates), to show it grows linearly (seconds per
1,000 articles at each size, same run).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/duplicates.py --benchmarks /work/shared/benchmarks
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import schema  # noqa: E402
from analysis.io.duplicates import flag_duplicates  # noqa: E402

__all__ = ["main"]

#: The paragraphs an update adds (invented; ``n`` varies from one update to the next).
UPDATE = (
    "Update, {n} hours later: officials gave new figures at an evening briefing and said "
    "the situation was still changing.\n\nA spokesman declined to say when the next "
    "statement would come, adding only that talks were going on behind closed doors."
)

SOURCES = {
    "BASIL": ("realnews/BASIL/articles", "*.txt"),
    "wikinews": ("realnews/wikinews", "*-*.txt"),
    "GeoWebNews": ("geoparsing/GeoWebNews/corpus", "*"),
}


def _frame(texts: dict[str, str]) -> pd.DataFrame:
    ids = list(texts)
    return schema.conform(
        pd.DataFrame(
            {
                "article_id": ids,
                "title": None,
                "title_derived": True,
                "source": None,
                "url": None,
                "author": None,
                "published": pd.NaT,
                "published_precision": "unknown",
                "published_inferred": False,
                "text": [texts[i] for i in ids],
                "language": "en",
                "path": None,
                "paths": [[] for _ in ids],
                "format": "txt",
                "n_words": [len(texts[i].split()) for i in ids],
            }
        ),
        "articles",
    )


def _copy(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3:
        paras = paras[:-1]
    words = " ".join(paras).split(" ")
    for _ in range(3):
        k = rng.randrange(len(words))
        words[k] = words[k].upper()  # house style changes a few words
    return "Headline as the other outlet wrote it\n\n" + " ".join(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("/work/shared/benchmarks"))
    args = ap.parse_args(argv)
    rng = random.Random(4)
    originals: dict[str, str] = {}
    for name, (folder, pattern) in SOURCES.items():
        for path in sorted((args.benchmarks / folder).glob(pattern)):
            if path.is_file():
                text = path.read_text(encoding="utf-8").strip()
                if len(text.split()) >= 60:
                    originals[f"{name}/{path.name}"] = text
    keys = list(originals)
    flagged = flag_duplicates(_frame(originals))
    fp = int(flagged["duplicate_of"].notna().sum())
    print(f"{len(originals)} distinct real articles: {fp} flagged among originals")
    texts = dict(originals)
    for i, k in enumerate(keys):
        texts[f"copy:{k}"] = _copy(originals[k], rng)
        texts[f"update:{k}"] = originals[k] + "\n\n" + UPDATE.format(n=i + 2)
    frame = _frame(texts)
    out = flag_duplicates(frame).set_index("article_id")
    found = {"copy": 0, "update": 0}
    for k in keys:
        story = out.loc[k, "story_id"]
        for kind in found:
            found[kind] += out.loc[f"{kind}:{k}", "story_id"] == story
    merged = len(keys) - out.loc[keys, "story_id"].nunique()
    print(
        f"planted: {found['copy']}/{len(keys)} syndicated copies and "
        f"{found['update']}/{len(keys)} updated versions grouped with their original; "
        f"originals merged into another's story: {merged}"
    )
    rows = frame.sample(frac=1.0, random_state=1).reset_index(drop=True)
    for share in (0.25, 0.5, 1.0):
        part = rows.iloc[: int(len(rows) * share)]
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            flag_duplicates(part)
            best = min(best, time.perf_counter() - t0)
        print(
            f"  {len(part):5d} articles: {best:.2f} s ({1000 * best / len(part):.2f} s per 1,000)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
