"""Every person name of built corpora that the headline-verb cut would shorten when the
article knows no name (the worst case), for reading by hand.

Usage::

    PYTHONPATH=$PWD /work/main/.venv/bin/python benchmarks/headline_cuts.py CORPUS_DIR...

The names are the person actors' names and aliases and the text of every PERSON
mention; :func:`analysis.actors.headlines.name_before_verb` runs on each of three
words or more with the English model's verbs and the first-name lists, no surname
known.
"""

from __future__ import annotations

import sys

from analysis import Corpus
from analysis.actors.coref import given_name
from analysis.actors.headlines import name_before_verb
from analysis.actors.verb_forms import inflected_verb


def main(argv: list[str]) -> int:
    names: set[str] = set()
    for folder in argv:
        corpus = Corpus.load(folder)
        for row in corpus.actors.itertuples():
            if row.kind == "person":
                names.add(row.name)
                names.update(row.aliases)
        m = corpus.mentions
        names.update(m.loc[m["label"] == "PERSON", "text"].str.strip())
    cuts = []
    for name in sorted(names):
        words = name.split()
        if len(words) >= 3:
            cut = name_before_verb(words, inflected_verb, surname=lambda w: False, given=given_name)
            if cut:
                cuts.append((name, cut))
    print(f"{len(names)} names; {len(cuts)} cut with no name known:")
    for name, cut in cuts:
        print(f"  {name!r} -> {cut!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
