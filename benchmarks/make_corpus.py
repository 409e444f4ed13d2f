"""Write a benchmark corpus: the texts of ../shared/benchmarks repeated to N articles.

The base documents are GeoWebNews ``corpus/*`` (200 web news texts) and the TimeBank and
AQUAINT TimeML documents (their text and creation date, via the benchmark's own
``score_timex.py docs``).  Article ``i`` is base document ``i % len(base)`` (in a fixed shuffled order) plus a
numbered last line, so every copy has its own text and id; TimeML documents get a
``.meta.json`` sidecar with their creation date as the publication date.  The files are
deterministic: ``--n 5050`` writes the ``--n 5000`` files plus 50 new ones.

    python benchmarks/make_corpus.py --n 5000 --out benchmarks/out/articles_5000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def base_documents(shared: Path = SHARED) -> list[dict]:
    """The base texts: dicts with ``name``, ``text`` and optional ``published``/``source``."""
    docs: list[dict] = []
    corpus = shared / "geoparsing" / "GeoWebNews" / "corpus"
    for path in sorted(corpus.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0):
        docs.append(
            {
                "name": f"gwn{path.name}",
                "text": path.read_text(encoding="utf-8"),
                "source": "GeoWebNews",
            }
        )
    script = shared / "temporal" / "score_timex.py"
    for sub in ("TimeBank", "AQUAINT"):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "docs.jsonl"
            subprocess.run(
                [sys.executable, str(script), "docs", str(shared / "temporal" / sub), str(out)],
                check=True,
            )
            for line in out.read_text(encoding="utf-8").splitlines():
                d = json.loads(line)
                docs.append(
                    {
                        "name": f"{sub.lower()}_{d['doc']}",
                        "text": d["text"].strip(),
                        "published": d.get("dct"),
                        "source": sub,
                    }
                )
    random.Random(0).shuffle(docs)  # mix the kinds, deterministically
    return docs


def write_corpus(n: int, out: Path, *, shared: Path = SHARED) -> Path:
    """Write ``n`` articles into ``out`` (created; existing files are overwritten)."""
    out.mkdir(parents=True, exist_ok=True)
    base = base_documents(shared)
    for i in range(n):
        doc = base[i % len(base)]
        stem = f"{i:06d}_{doc['name']}"
        text = f"{doc['text']}\n\nBenchmark copy {i}.\n"
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        meta = {"source": doc["source"]}
        if doc.get("published"):
            meta["published"] = doc["published"]
        (out / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=5000, help="number of articles (default 5000)")
    p.add_argument("--out", type=Path, required=True, help="folder to write")
    p.add_argument("--shared", type=Path, default=SHARED, help="the benchmarks folder")
    args = p.parse_args(argv)
    write_corpus(args.n, args.out, shared=args.shared)
    print(f"{args.n} articles in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
