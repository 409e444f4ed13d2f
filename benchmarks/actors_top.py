"""Print the top actors of a built corpus as a Markdown table, for a by-hand audit.

Usage::

    PYTHONPATH=$PWD /work/main/.venv/bin/python benchmarks/actors_top.py CORPUS_DIR [N]

The actors are the corpus's own actors frame (the corpus-level ``corpus_actors`` stage:
per-article parts merged, corpus-wide joins, places that are no actors dropped), so build
with the code to measure.  Columns: rank, actor_id, name, kind, mentions, articles, aliases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def top_actors(corpus: Path, n: int = 100) -> pd.DataFrame:
    """The ``n`` most mentioned actors of the corpus folder ``corpus``."""
    actors = pd.read_parquet(corpus / "actors.parquet")
    actors["aliases"] = actors["aliases"].map(list)
    return actors.head(n).reset_index(drop=True)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0])
    n = int(argv[1]) if len(argv) > 1 else 100
    top = top_actors(corpus, n)
    print("| # | actor_id | name | kind | mentions | articles | aliases |")
    print("|---|---|---|---|---|---|---|")
    for i, r in enumerate(top.itertuples(), 1):
        aliases = ", ".join(list(r.aliases)[:6])
        print(
            f"| {i} | {r.actor_id} | {r.name} | {r.kind} | {r.mentions} | {r.articles} "
            f"| {aliases} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
