"""Tag TempEval-3 documents with analysis.timex, for score_timex.py.

Usage::

    python /work/shared/benchmarks/temporal/score_timex.py docs \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_docs.jsonl
    .venv/bin/python benchmarks/timex_tempeval.py /tmp/tb_docs.jsonl /tmp/tb_pred.jsonl
    python /work/shared/benchmarks/temporal/score_timex.py score \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_pred.jsonl

Input lines: ``{"doc", "dct", "text"}``; output lines: ``{"doc", "start", "end", "type",
"value"}`` (offsets into ``text``).  The document creation time is the anchor.

``--infer`` instead times the inference of a missing publication date on every text, side
by side in one run: the cheap pre-scan (``absolute_timexes``, what ``infer_published``
uses) against the full tagger (``tag_text(text, None)``, what it used before), checks that
both infer the same date, precision and reason, and prints the ratio::

    .venv/bin/python benchmarks/timex_tempeval.py --infer /tmp/tb_docs.jsonl /tmp/aq_docs.jsonl

``--speed REV`` times the tagger of the working tree against the one of git revision ``REV``
(unpacked with ``git archive`` to a temporary folder), each in a fresh subprocess,
alternating, CPU time best of 3 over every text::

    .venv/bin/python benchmarks/timex_tempeval.py --speed 475e833 /tmp/tb_docs.jsonl /tmp/aq_docs.jsonl
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.timex import tag_text  # noqa: E402
from analysis.timex._frame import _infer_one  # noqa: E402

__all__ = ["infer_speed", "main", "tag_docs", "tagger_speed"]

ROOT = Path(__file__).resolve().parent.parent
_TIME_TAGGER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from analysis.timex import tag_text
docs = [json.loads(l) for p in sys.argv[2:] for l in open(p, encoding="utf-8") if l.strip()]
t0 = time.process_time()
for d in docs:
    tag_text(d["text"], (d.get("dct") or "")[:10] or None)
print(time.process_time() - t0)
"""


def tagger_speed(rev: str, paths: list[Path], *, rounds: int = 3) -> dict:
    """CPU seconds (best of ``rounds``) of tagging every text with revision ``rev``'s tagger
    and with the working tree's, each in a fresh subprocess, alternating."""
    with tempfile.TemporaryDirectory(prefix="timex-base-") as base:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "analysis"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", base], input=archive, check=True)
        best = {"baseline_s": float("inf"), "current_s": float("inf")}
        for _ in range(rounds):
            for key, tree in (("baseline_s", base), ("current_s", str(ROOT))):
                out = subprocess.run(
                    [sys.executable, "-c", _TIME_TAGGER, tree, *map(str, paths)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                best[key] = min(best[key], float(out.strip().splitlines()[-1]))
    return {**best, "ratio": best["baseline_s"] / best["current_s"]}


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


def _full_tagger(text: str):
    return tag_text(text, None)


def infer_speed(paths: list[Path], *, rounds: int = 3) -> dict:
    """Time publication-date inference with the pre-scan and with the full tagger.

    Both run on every text in turn (interleaved, best of ``rounds``), so a busy machine
    slows both alike; returns the seconds of each, their ratio and the texts whose
    inferred (date, precision, reason) differ.
    """
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    fast = full = float("inf")
    differ: list[int] = []
    for r in range(rounds):
        t_fast = t_full = 0.0
        for i, text in enumerate(texts):
            t0 = time.perf_counter()
            a = _infer_one(text)
            t1 = time.perf_counter()
            b = _infer_one(text, tagger=_full_tagger)
            t_fast += t1 - t0
            t_full += time.perf_counter() - t1
            if r == 0 and (str(a[0]), a[1], a[2]) != (str(b[0]), b[1], b[2]):
                differ.append(i)
        fast, full = min(fast, t_fast), min(full, t_full)
    return {
        "texts": len(texts),
        "prescan_s": fast,
        "full_tagger_s": full,
        "ratio": full / fast if fast else float("nan"),
        "differ": differ,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--infer", action="store_true", help="time publication-date inference")
    ap.add_argument("--speed", metavar="REV", help="time the tagger against git revision REV")
    ap.add_argument("docs", type=Path, nargs="+", help="documents JSONL (score_timex.py docs)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.infer:
        r = infer_speed(args.docs)
        sys.stdout.write(
            f"{r['texts']} texts: pre-scan {r['prescan_s']:.2f} s, full tagger "
            f"{r['full_tagger_s']:.2f} s, ratio {r['ratio']:.1f}x, "
            f"{len(r['differ'])} texts infer differently\n"
        )
        return 1 if r["differ"] else 0
    if args.speed:
        r = tagger_speed(args.speed, args.docs)
        sys.stdout.write(
            f"tagger CPU time, best of 3: {args.speed} {r['baseline_s']:.2f} s, working tree "
            f"{r['current_s']:.2f} s, ratio {r['ratio']:.2f}\n"
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
