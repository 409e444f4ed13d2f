"""Print the top actors of a built corpus as a Markdown table, for a by-hand audit.

Usage::

    PYTHONPATH=$PWD /work/main/.venv/bin/python benchmarks/actors_top.py CORPUS_DIR [N]

The actors are merged again from the corpus's per-article parts with the current code
(:func:`analysis.pipeline.merge_actor_parts`), so a change to the merge step is measured
without rebuilding.  Columns: rank, actor_id, name, kind, mentions, articles, aliases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from analysis.pipeline import merge_actor_parts


def top_actors(corpus: Path, n: int = 100) -> pd.DataFrame:
    """The ``n`` most mentioned actors of the corpus folder ``corpus``."""
    parts = pd.read_parquet(corpus / "_state" / "actor_parts.parquet")
    parts["aliases"] = parts["aliases"].map(list)
    return merge_actor_parts(parts).head(n).reset_index(drop=True)


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
