"""Draw a seeded sample of quotes from built corpora for a by-hand speaker audit.

Reads the ``quotes``, ``actors`` and ``articles`` frames of each built corpus folder
(``newsdesk build ... -o DIR``), draws ``--n`` quotes per corpus with ``--seed``, and
prints for each: a stable id (corpus, article, start offset), the cue, the kind, the
speaker text and actor id, the quote text and the article text around it, so a reader
can judge whether it is an attribution at all and whether the speaker is right.
The verdicts are written by hand to ``benchmarks/quotes_audit.md``; no benchmark text
is stored in the repository.

    PYTHONPATH=$PWD python benchmarks/quotes_sample.py /tmp/qr-wn /tmp/qr-basil --seed 16 --n 20

With ``--after DIR ...`` (one rebuilt folder per folder given), the same sample is drawn
from the first folders and, for each quote, the rows of the rebuilt corpus whose content
overlaps it are printed, so a sample can be judged again after a change.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

__all__ = ["draw", "overlapping", "main"]


def draw(folder: Path, n: int, seed: int) -> list[dict]:
    """``n`` quotes of one built corpus, drawn with ``seed``, with their context.

    Parameters
    ----------
    folder : Path
        A folder written by ``newsdesk build -o``.
    n : int
        How many quotes to draw.
    seed : int
        Seed of the draw (the quotes are sorted by article and offset first).

    Returns
    -------
    list of dict
        One dict per quote: ``id``, ``cue``, ``kind``, ``speaker``, ``actor``, ``text``,
        ``context``.
    """
    from analysis.corpus import Corpus

    corpus = Corpus.load(folder)
    quotes = corpus.quotes.sort_values(["article_id", "start"]).reset_index(drop=True)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=False))
    names = {}
    if "actor_id" in corpus.actors.columns:
        names = dict(zip(corpus.actors["actor_id"], corpus.actors["name"], strict=False))
    rng = random.Random(seed)
    picks = sorted(rng.sample(range(len(quotes)), min(n, len(quotes))))
    out = []
    for k in picks:
        q = quotes.iloc[k]
        text = texts.get(q["article_id"], "")
        lo = max(0, int(q["start"]) - 400)
        hi = min(len(text), int(q["end"]) + 250)
        actor = q.get("speaker")
        actor = actor if isinstance(actor, str) else None
        out.append(
            {
                "id": f"{folder.name}:{q['article_id']}:{int(q['start'])}",
                "cue": q.get("cue"),
                "kind": q.get("kind"),
                "speaker": q.get("speaker_text"),
                "actor": f"{actor} ({names.get(actor, '')})" if actor else None,
                "text": q["text"],
                "context": text[lo:hi],
            }
        )
    return out


_QUOTES: dict = {}


def overlapping(folder: Path, article_id: str, start: int, end: int) -> list[dict]:
    """Quotes of a built corpus in one article whose content overlaps [start, end)."""
    from analysis.corpus import Corpus

    if folder not in _QUOTES:
        _QUOTES[folder] = Corpus.load(folder).quotes
    q = _QUOTES[folder]
    hit = q[(q["article_id"] == article_id) & (q["start"] < end) & (q["end"] > start)]
    return [
        {k: r[k] for k in ("start", "cue", "kind", "speaker_text", "speaker", "text")}
        for _, r in hit.iterrows()
    ]


def main(argv: list[str] | None = None) -> None:
    """Print the sample of each corpus folder given."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--after", nargs="*", type=Path, default=[])
    args = ap.parse_args(argv)
    for k, folder in enumerate(args.folders):
        for q in draw(folder, args.n, args.seed):
            if args.after:
                _, aid, start = q["id"].rsplit(":", 2)
                end = int(start) + len(q["text"])
                print("=" * 100)
                print(f"id: {q['id']}  before: {q['cue']} | {q['speaker']} | {q['text'][:80]}")
                for r in overlapping(args.after[k], aid, int(start), end):
                    print(f"  after: {r}")
                continue
            print("=" * 100)
            for key in ("id", "cue", "kind", "speaker", "actor", "text"):
                print(f"{key}: {q[key]}")
            print("--- context:")
            print(q["context"])


if __name__ == "__main__":
    main()
