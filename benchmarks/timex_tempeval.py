"""Tag TempEval-3 documents with analysis.timex, for score_timex.py.

Usage::

    python /work/shared/benchmarks/temporal/score_timex.py docs \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_docs.jsonl
    .venv/bin/python benchmarks/timex_tempeval.py /tmp/tb_docs.jsonl /tmp/tb_pred.jsonl
    python /work/shared/benchmarks/temporal/score_timex.py score \
        /work/shared/benchmarks/temporal/TimeBank /tmp/tb_pred.jsonl

Input lines: ``{"doc", "dct", "text"}``; output lines: ``{"doc", "start", "end", "type",
"value"}`` (offsets into ``text``).  The document creation time is the anchor.

(Publication-date inference no longer uses the tagger: see
``benchmarks/published_dates.py``.)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.timex import tag_text  # noqa: E402

__all__ = ["main", "tag_docs"]


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", type=Path, nargs="+", help="documents JSONL (score_timex.py docs)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if len(args.docs) != 2:
        ap.error("tagging needs DOCS and OUT")
    args.docs, args.out = args.docs
    n_docs, n_tx, secs = tag_docs(args.docs, args.out)
    sys.stderr.write(f"{n_docs} documents, {n_tx} expressions in {secs:.2f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
