"""Tag TempEval-3 documents with analysis.timex, for score_timex.py.

Usage::

    python /work/shared/benchmarks/temporal/score_timex.py docs \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_docs.jsonl
    .venv/bin/python benchmarks/timex_tempeval.py /tmp/tb_docs.jsonl /tmp/tb_pred.jsonl
    python /work/shared/benchmarks/temporal/score_timex.py score \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_pred.jsonl

Input lines: ``{"doc", "dct", "text"}``; output lines: ``{"doc", "start", "end", "type",
"value"}`` (offsets into ``text``).  The document creation time is the anchor.

Speed against a baseline revision, side by side in one run::

    .venv/bin/python benchmarks/timex_tempeval.py --speed 475e833 /tmp/tb_docs.jsonl /tmp/aq_docs.jsonl

tags every given document with the code of the git revision (unpacked into a temporary
folder) and with the working tree, each in a fresh subprocess, alternating ``--rounds``
times, and prints the best CPU seconds of each and their ratio (CPU time is the steadier
figure on a shared machine).

(Publication-date inference no longer uses the tagger: see
``benchmarks/published_dates.py``.)
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.timex import tag_text  # noqa: E402

__all__ = ["main", "speed", "tag_docs"]

_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from analysis.timex import tag_text
docs = [json.loads(line) for path in sys.argv[2:] for line in open(path) if line.strip()]
tag_text("warm-up on 1 May 2019", "2019-05-01")
c0 = time.process_time()
n = sum(len(tag_text(d["text"], (d.get("dct") or "")[:10] or None)) for d in docs)
print(json.dumps({"cpu": time.process_time() - c0, "expressions": n}))
"""


def tag_docs(docs_path: Path, out_path: Path) -> tuple[int, int, float]:
    """Tag every document of ``docs_path``; return (documents, expressions, seconds)."""
    n_docs = n_tx = 0
    t0 = time.perf_counter()
    with open(docs_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            anchor = (doc.get("dct") or "")[:10] or None
            for t in tag_text(doc["text"], anchor):
                out.write(
                    json.dumps(
                        {
                            "doc": doc["doc"],
                            "start": t.start,
                            "end": t.end,
                            "type": t.type,
                            "value": t.value,
                        }
                    )
                    + "\n"
                )
                n_tx += 1
            n_docs += 1
    return n_docs, n_tx, time.perf_counter() - t0


def _unpack(rev: str, dest: Path) -> Path:
    """The ``analysis`` package and ``data`` folder of git revision ``rev`` under ``dest``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "analysis", "data"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def speed(rev: str, docs: list[Path], rounds: int = 3) -> dict[str, float]:
    """Best CPU seconds of tagging ``docs`` with revision ``rev`` and the working tree.

    Each measurement is a fresh subprocess; the two codes alternate ``rounds`` times.
    """
    best = {"baseline": float("inf"), "current": float("inf")}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"baseline": _unpack(rev, Path(tmp)), "current": ROOT}
        for _ in range(rounds):
            for name, root in roots.items():
                out = subprocess.run(
                    [sys.executable, "-c", _CHILD, str(root), *map(str, docs)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                res = json.loads(out.strip().splitlines()[-1])
                best[name] = min(best[name], res["cpu"])
                counts[name] = res["expressions"]
    return {
        **best,
        "ratio": best["baseline"] / best["current"],
        **{f"n_{k}": v for k, v in counts.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, nargs="+", help="documents JSONL (score_timex.py docs)")
    ap.add_argument("--speed", metavar="REV", help="compare tagging speed with git revision REV")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds for --speed")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.speed:
        r = speed(args.speed, args.docs, args.rounds)
        print(
            f"CPU seconds, best of {args.rounds}: {args.speed} {r['baseline']:.2f} s "
            f"({r['n_baseline']} expressions), working tree {r['current']:.2f} s "
            f"({r['n_current']} expressions), ratio {r['ratio']:.2f} (above 1: faster now)"
        )
        return 0
    if len(args.docs) != 2:
        ap.error("tagging needs DOCS and OUT")
    args.docs, args.out = args.docs
    n_docs, n_tx, secs = tag_docs(args.docs, args.out)
    sys.stderr.write(f"{n_docs} documents, {n_tx} expressions in {secs:.2f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
