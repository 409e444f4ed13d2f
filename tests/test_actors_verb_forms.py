"""Inflected verbs read off the English model's lemmatizer tables (headline verbs)."""

from __future__ import annotations

import pytest

from analysis.actors import verb_forms
from analysis.actors.verb_forms import inflected_verb, verb_lemma

needs_tables = pytest.mark.skipif(
    verb_forms._tables() is None, reason="no English model package with lemmatizer tables"
)


@needs_tables
@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Wows", "wow"), ("Denies", "deny"), ("Named", "name"), ("Fled", "flee"), ("Says", "say")],
)
def test_third_person_and_past_forms_give_their_verb(word, lemma):
    assert verb_lemma(word) == lemma


@needs_tables
@pytest.mark.parametrize("word", ["Roberts", "Reed", "Ahmed", "Hughes", "Wows?", "Harbour", "Wow"])
def test_surnames_and_other_words_are_no_inflected_verb(word):
    assert not inflected_verb(word)


def test_forms_of_be_have_and_do_need_no_tables():
    assert verb_lemma("Is") == "be" and verb_lemma("Has") == "have" and verb_lemma("Did") == "do"
