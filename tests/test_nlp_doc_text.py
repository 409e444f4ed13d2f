"""``doc_text`` is ``Doc.text``, joined once per Doc."""

from __future__ import annotations

import spacy

from analysis.nlp import doc_text


def test_doc_text_is_the_docs_text_and_is_joined_once():
    nlp = spacy.blank("en")
    doc = nlp("Minister Quits Over Budget Row\n\nThe minister resigned on Monday.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # the same string: not joined again
    other = nlp("Another text.")
    assert doc_text(other) == "Another text."
