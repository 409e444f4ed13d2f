"""Mentions whose text, label, actor or role differ between two builds of one corpus.

Usage::

    PYTHONPATH=$PWD /work/main/.venv/bin/python benchmarks/mentions_diff.py BEFORE_DIR AFTER_DIR

Rows are matched on (article_id, start, end); each changed row is printed with 50
characters of its article on either side, for reading every change by hand.
"""

from __future__ import annotations

import sys

import pandas as pd

from analysis import Corpus

_KEY = ["article_id", "start", "end"]
_COLS = ["text", "label", "actor_id", "role"]


def changed_mentions(before: Corpus, after: Corpus) -> pd.DataFrame:
    """The mentions of ``before`` and ``after`` that differ (outer join on the span)."""
    a = before.mentions[_KEY + _COLS]
    b = after.mentions[_KEY + _COLS]
    both = a.merge(b, on=_KEY, how="outer", suffixes=("_a", "_b"), indicator=True)
    differs = both["_merge"] != "both"
    for col in _COLS:
        differs |= both[f"{col}_a"].fillna("") != both[f"{col}_b"].fillna("")
    return both[differs]


def main(argv: list[str]) -> int:
    before, after = Corpus.load(argv[0]), Corpus.load(argv[1])
    rows = changed_mentions(before, after)
    print(f"changed rows {len(rows)} of {len(before.mentions)} / {len(after.mentions)}")
    texts = after.articles.set_index("article_id")["text"]
    for r in rows.itertuples():
        ctx = texts[r.article_id][max(0, r.start - 50) : r.end + 40].replace("\n", " | ")
        old = f"{r.text_a}/{r.label_a}/{r.actor_id_a}/{r.role_a}".replace("\n", " ")
        new = f"{r.text_b}/{r.label_b}/{r.actor_id_b}/{r.role_b}".replace("\n", " ")
        print(f"{r.article_id[:6]} {r.start} {old} -> {new} :: {ctx!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
