"""Publication dates inferred from the text, scored against hidden real dates.

Hides the publication date of every article of the shared real-news sets and lets
:func:`analysis.io.published.infer_published` find one from the text alone, then
counts how many inferred dates are right *within their stated precision* (a "day"
date must be the very day, a "month" date the right month) and how many articles
get a date at all (coverage).  Sources:

- BASIL (``realnews/BASIL/articles``, X.txt + X.json; the sidecar's date is hidden,
  its title kept);
- TimeBank and AQUAINT: the document creation time is the date, the text is what
  ``temporal/score_timex.py docs DIR OUT.jsonl`` writes (the DCT is not in it);
- wikinews (``realnews/wikinews/*.txt``) when present.

Run::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/published_dates.py \\
        --benchmarks /work/shared/benchmarks

It prints one line per corpus and writes nothing.  ``--text-only`` hides the URLs
too (a ``/YYYY/MM/DD/`` URL path is evidence).  ``--show-wrong`` lists the wrong
inferences (reason, inferred, true) for inspection; never tune a rule to one of them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import schema  # noqa: E402
from analysis.io import load_articles  # noqa: E402
from analysis.io.published import infer_published  # noqa: E402

__all__ = ["score", "main"]


def _right(inferred: pd.Timestamp, precision: str, truth: pd.Timestamp) -> bool:
    if precision == "day":
        return inferred.date() == truth.date()
    if precision == "month":
        return (inferred.year, inferred.month) == (truth.year, truth.month)
    if precision == "year":
        return inferred.year == truth.year
    return False


def score(articles: pd.DataFrame, truth: pd.Series) -> dict:
    """Hide ``published``, infer it, compare with ``truth`` (aligned on the index).

    Returns a dict: ``n``, ``inferred``, ``right``, ``by_reason`` (reason -> [n, right]),
    ``wrong`` (list of (reason, inferred, truth, article_id)).
    """
    hidden = articles.copy()
    hidden["published"] = pd.NaT
    hidden["published_precision"] = "unknown"
    hidden["published_inferred"] = False
    hidden["published_source"] = "none"
    out = infer_published(hidden)
    res = {"n": len(out), "inferred": 0, "right": 0, "by_reason": {}, "wrong": []}
    reasons: dict[str, list[int]] = {}
    for row, true in zip(out.itertuples(index=False), truth, strict=True):
        if row.published_source != "inferred":
            continue
        res["inferred"] += 1
        ok = _right(row.published, row.published_precision, pd.Timestamp(true))
        res["right"] += ok
        r = reasons.setdefault(row.published_reason, [0, 0])
        r[0] += 1
        r[1] += ok
        if not ok:
            res["wrong"].append(
                (row.published_reason, str(row.published.date()), str(true)[:10], row.article_id)
            )
    res["by_reason"] = reasons
    return res


def _temporal(bench: Path, name: str) -> tuple[pd.DataFrame, pd.Series]:
    scorer = bench / "temporal" / "score_timex.py"
    with tempfile.TemporaryDirectory(prefix="io-dates-") as tmp:
        out = Path(tmp) / "docs.jsonl"
        subprocess.run(
            [sys.executable, str(scorer), "docs", str(bench / "temporal" / name), str(out)],
            check=True,
            capture_output=True,
        )
        docs = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    frame = pd.DataFrame(
        {
            "article_id": [d["doc"] for d in docs],
            "title": None,
            "title_derived": True,
            "source": None,
            "url": None,
            "author": None,
            "published": pd.NaT,
            "published_precision": "unknown",
            "published_inferred": False,
            "text": [d["text"] for d in docs],
            "language": "en",
            "path": None,
            "paths": [[] for _ in docs],
            "format": "txt",
            "n_words": [len(d["text"].split()) for d in docs],
        }
    )
    truth = pd.Series([pd.Timestamp(d["dct"][:10], tz="UTC") for d in docs])
    return schema.conform(frame, "articles"), truth


def _loaded(pattern: str) -> tuple[pd.DataFrame, pd.Series]:
    arts = load_articles(pattern, duplicates=False)
    truth = arts["published"].copy()
    keep = truth.notna()
    return arts[keep].reset_index(drop=True), truth[keep].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("/work/shared/benchmarks"))
    ap.add_argument("--show-wrong", action="store_true")
    ap.add_argument("--text-only", action="store_true", help="hide the URLs too")
    args = ap.parse_args(argv)
    bench = args.benchmarks
    corpora: dict[str, tuple[pd.DataFrame, pd.Series]] = {}
    basil = bench / "realnews" / "BASIL" / "articles"
    if basil.is_dir():
        corpora["BASIL"] = _loaded(str(basil))
    wiki = bench / "realnews" / "wikinews"
    if wiki.is_dir():
        corpora["wikinews"] = _loaded(str(wiki / "*.txt"))
    for name in ("TimeBank", "AQUAINT"):
        if (bench / "temporal" / name).is_dir():
            corpora[name] = _temporal(bench, name)
    total = Counter()
    for name, (arts, truth) in corpora.items():
        if args.text_only:
            arts = arts.assign(url=None)
        r = score(arts, truth)
        total.update({k: r[k] for k in ("n", "inferred", "right")})
        pct = 100 * r["right"] / r["inferred"] if r["inferred"] else float("nan")
        print(
            f"{name:9s} articles {r['n']:4d}  inferred {r['inferred']:4d} "
            f"(coverage {100 * r['inferred'] / max(r['n'], 1):5.1f}%)  "
            f"right {r['right']:4d} ({pct:5.1f}%)"
        )
        for reason, (n, ok) in sorted(r["by_reason"].items()):
            print(f"    {n:4d} {ok:4d} right  {reason}")
        if args.show_wrong:
            for w in r["wrong"]:
                print("    WRONG", *w)
    pct = 100 * total["right"] / total["inferred"] if total["inferred"] else float("nan")
    print(
        f"{'all':9s} articles {total['n']:4d}  inferred {total['inferred']:4d} "
        f"(coverage {100 * total['inferred'] / max(total['n'], 1):5.1f}%)  "
        f"right {total['right']:4d} ({pct:5.1f}%)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
