"""Events of the BASIL corpus with its true publication dates, for the event benchmarks.

    python benchmarks/events_basil.py --corpus /tmp/events-basil --out benchmarks/out/events_basil.pkl

``--corpus`` is a corpus built from BASIL's ``articles/`` folder with ``newsdesk build``.
Its publication dates and outlets are replaced by those of BASIL's ``.json`` metadata
(so the measure does not depend on date inference), the timexes are tagged again on
those dates, the articles are parsed once (Docs
cached in ``--docs``), and the events stage and the cross-article merge are run with the
current code.  The pickle holds ``articles`` (with ``stem`` = BASIL file name and
``story`` = BASIL event id), ``actors``, ``places``, ``sentences`` and ``events`` (with ``event_group``).
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def basil_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles frame with BASIL's own dates, outlets, file stem and story id."""
    out = articles.copy()
    stems, stories, published, sources = [], [], [], []
    for path in out["path"]:
        p = Path(str(path))
        meta = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))
        stems.append(p.stem)
        stories.append(p.stem.rsplit("_", 1)[0])
        published.append(pd.Timestamp(meta["published"], tz="UTC"))
        sources.append(meta.get("source"))
    out["stem"], out["story"] = stems, stories
    out["published"] = pd.Series(published, index=out.index, dtype="datetime64[ns, UTC]")
    out["source"] = pd.Series(sources, index=out.index, dtype="string")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="/tmp/events-basil")
    ap.add_argument("--docs", default=None, help="pickle of the parsed Docs (made if missing)")
    ap.add_argument("--out", default=str(HERE / "out" / "events_basil.pkl"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from analysis import events, nlp, timex
    from analysis.corpus import Corpus

    corpus = Corpus.load(args.corpus)
    arts = basil_articles(corpus.articles)
    docs_path = Path(args.docs or Path(args.corpus) / "events_docs.pkl")
    if docs_path.is_file():
        docs = pickle.loads(docs_path.read_bytes())
    else:
        docs = nlp.parse(arts).docs
        docs_path.write_bytes(pickle.dumps(docs))
    # the corpus' timexes were anchored on inferred dates: tag them again on the true ones
    timexes = timex.tag_timexes(arts, corpus.sentences)
    t0 = time.perf_counter()
    ev = events.extract_events(
        arts,
        corpus.sentences,
        corpus.mentions,
        corpus.actors,
        corpus.places,
        timexes,
        corpus.quotes,
        docs=docs,
    )
    ev = events.merge_events(ev, actors=corpus.actors, places=corpus.places, articles=arts)
    print(f"{len(ev)} events in {time.perf_counter() - t0:.1f} s")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "articles": arts,
        "actors": corpus.actors,
        "places": corpus.places,
        "sentences": corpus.sentences,
        "events": ev,
    }
    out.write_bytes(pickle.dumps(payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
