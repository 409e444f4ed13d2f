"""Score the boilerplate step against the hand labels of benchmarks/gold/boilerplate.jsonl.

Each gold line names a paragraph (corpus, file, 0-based index among the document's
non-empty lines) and its label, ``news`` or ``boilerplate``, given by hand.  The step
decides on every line of the whole document (so repeats count) with
:func:`analysis.io.boilerplate.line_kinds`; the scorer prints both error kinds:
news removed (the costly one) and boilerplate kept.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/boilerplate_score.py \\
        --benchmarks /work/shared/benchmarks
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from boilerplate_sample import CORPORA  # noqa: E402

from analysis.io.boilerplate import line_kinds  # noqa: E402

__all__ = ["main"]

GOLD = Path(__file__).resolve().parent / "gold" / "boilerplate.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--benchmarks", type=Path, default=Path("/work/shared/benchmarks"))
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", action="store_true", help="list the errors (kind, where)")
    args = ap.parse_args(argv)
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    cache: dict[tuple[str, str], list[str | None]] = {}
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for g in gold:
        key = (g["corpus"], g["file"])
        if key not in cache:
            folder = args.benchmarks / CORPORA[g["corpus"]][0]
            lines = [ln.strip() for ln in (folder / g["file"]).read_text("utf-8").split("\n")]
            lines = [ln for ln in lines if ln]
            cache[key] = line_kinds(lines)
        removed = cache[key][g["paragraph"]] is not None
        is_bp = g["label"] == "boilerplate"
        cell = ("tp" if is_bp else "fp") if removed else ("fn" if is_bp else "tn")
        counts[cell] += 1
        if args.show and cell in ("fp", "fn"):
            print(cell, g["corpus"], g["file"], g["paragraph"], cache[key][g["paragraph"]])
    n_bp = counts["tp"] + counts["fn"]
    n_news = counts["fp"] + counts["tn"]
    print(
        f"{len(gold)} paragraphs ({n_bp} boilerplate, {n_news} news): "
        f"news removed {counts['fp']}/{n_news}, boilerplate kept {counts['fn']}/{n_bp}; "
        f"precision {counts['tp'] / max(1, counts['tp'] + counts['fp']):.2f}, "
        f"recall {counts['tp'] / max(1, n_bp):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
