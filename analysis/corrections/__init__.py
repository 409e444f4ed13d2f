"""Analyst corrections that survive every rebuild: merge, fix, drop, with an audit trail.

No extractor is right every time. An analyst's fixes are kept as rows of a plain CSV file
in the corpus store (``STORE/corrections.csv``: op, target, value, article_id, who, when,
why) and replayed over the pipeline's output after every build, incremental build, load
and filter, in file order. The store keeps the pipeline's own output, so a rebuild never
loses a fix and a correction can be taken back by deleting its row.

>>> corpus = analysis.Corpus.load("out/corpus")                        # doctest: +SKIP
>>> corpus = corpus.corrections.merge_actors("x:chairman_kim", "kb:kim_jong_un",
...                                          why="same person")         # doctest: +SKIP
>>> corpus.corrections.status()                                         # doctest: +SKIP

The operations and the form of their values are listed in
:mod:`analysis.corrections.operations`; replay is :func:`apply_corrections`.
"""

from __future__ import annotations

from analysis.corrections.accessor import CorpusCorrections, promote_to_kb
from analysis.corrections.ledger import FILE_NAME, Correction, Ledger, read_corrections
from analysis.corrections.operations import OPERATIONS, CorrectionError, validate
from analysis.corrections.replay import CORRECTED, ReplayResult, apply_corrections, place_value

__all__ = [
    "CORRECTED",
    "FILE_NAME",
    "OPERATIONS",
    "Correction",
    "CorrectionError",
    "CorpusCorrections",
    "Ledger",
    "ReplayResult",
    "apply_corrections",
    "place_value",
    "promote_to_kb",
    "read_corrections",
    "validate",
]
