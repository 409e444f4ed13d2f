"""Exact, memoised stand-ins for two components of spaCy's English models.

The model's attribute ruler and rule lemmatizer give the same output for the same inputs
(a token's text or lowercase form, tag, dependency label, POS and morphology), so each
distinct input is computed once and remembered. :func:`memoize_components` puts them in
place under the stock names, and only where the model's rules make that exact;
``tests/test_pipeline_parse.py`` compares every token attribute with stock spaCy.
"""

from __future__ import annotations

import logging

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: A memo is emptied when it reaches this many entries, so a long-lived process (a
#: notebook, a Dask worker) keeps bounded memory; refilling it costs one stock lookup each.
MEMO_LIMIT = 200_000


def _unloaded(name: str) -> ValueError:
    return ValueError(
        f"the newsdesk {name} holds no model component: it is made by "
        "analysis.nlp.load_pipeline and cannot be saved with nlp.to_disk and reloaded; "
        "save the model itself, or load it again with load_pipeline"
    )


__all__ = ["MEMO_LIMIT", "memoize_components"]


@Language.factory("newsdesk_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> _MemoLemmatizer:
    return _MemoLemmatizer()


class _MemoLemmatizer:
    """The model's rule lemmatizer, run once per distinct (word, POS, morphology).

    spaCy's English rule lemmatizer is a pure function of a token's text, coarse POS
    and morphological features, but it builds a Token and a feature dict for every
    token of every Doc (its own cache skips only part of the work).  This component
    reads those three attributes as one array, asks the wrapped lemmatizer only for
    combinations it has not seen, and writes every lemma back in one call: the same
    lemmas, for a fraction of the time.  It takes the stock component's place and name.
    """

    def __init__(self) -> None:
        self.lemmatizer = None  # the model's own component, set by load_pipeline
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if lem is None:
            raise _unloaded("lemmatizer")
        if not len(doc):
            return lem(doc)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        memo, overwrite, strings = self.memo, lem.overwrite, doc.vocab.strings
        todo = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    value = memo[key] = strings.add(lem.lemmatize(doc[i])[0])
                lemmas[i] = value
                todo = True
        if todo:
            doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsdesk_attribute_ruler")
def _make_attribute_ruler(nlp: Language, name: str) -> _MemoAttributeRuler:
    return _MemoAttributeRuler(nlp.vocab)


#: What the model's attribute-ruler patterns may read and write for the memo to be exact.
_RULER_READS = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
_RULER_WRITES = frozenset({TAG, POS, MORPH, LEMMA, DEP})
_RULER_KEY = [LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA]


class _MemoAttributeRuler:
    """The model's attribute ruler, matched once per distinct token (exactly the same result).

    The ruler's single-token patterns read a token's lowercase form, tag, dependency
    label and whether it is a space, and write its tag, POS, morphology, lemma and
    label: for equal inputs, equal outputs.  So each distinct input is matched once
    (the stock rules, applied in the stock order, on a one-token scratch Doc) and
    remembered.  The few multi-token patterns ("gon na", "there is") run only where a
    token can start one, on the unmodified Doc; a token they touch is computed from
    all its rules, never from the memo.
    """

    def __init__(self, vocab) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.ruler = None
        self.single = Matcher(vocab)  # the one-token patterns
        self.first = Matcher(vocab)  # the first token of every longer pattern
        self.multi = Matcher(vocab)  # the longer patterns
        self.longest = 1
        self.memo: dict[tuple, tuple] = {}

    def wrap(self, ruler, set_token_attrs) -> None:
        self.ruler = ruler
        self.set_token_attrs = set_token_attrs
        for aid, pattern in enumerate(ruler.patterns):
            ones = [p for p in pattern["patterns"] if len(p) == 1]
            more = [p for p in pattern["patterns"] if len(p) > 1]
            if ones:
                self.single.add(str(aid), ones)
            if more:
                self.multi.add(str(aid), more)
                self.first.add(str(aid), [p[:1] for p in more])
                self.longest = max(self.longest, *(len(p) for p in more))

    def _outcome(self, text: str, row: tuple, more: list[int] = ()) -> tuple:
        """(tag, pos, morph, lemma, dep, may start a longer pattern) of a token."""
        set_token_attrs = self.set_token_attrs
        _lower, tag, dep, _space, pos, morph, lemma = row
        scratch = Doc(self.vocab, words=[text], spaces=[False])
        scratch.from_array(
            [TAG, DEP, POS, MORPH, LEMMA], numpy.array([[tag, dep, pos, morph, lemma]], "uint64")
        )
        strings, attrs = self.vocab.strings, self.ruler.attrs
        ids = {int(strings[m]) for m, _, _ in self.single(scratch, allow_missing=True)}
        starts = bool(self.first(scratch, allow_missing=True))
        token = scratch[0]
        for aid in sorted(ids.union(more)):  # the stock order: later rules win
            set_token_attrs(token, attrs[aid])
        return (token.tag, token.pos, token.morph.key, token.lemma, token.dep, starts)

    def __call__(self, doc: Doc) -> Doc:
        if self.ruler is None:
            raise _unloaded("attribute ruler")
        if not len(doc):
            return self.ruler(doc)
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        arr = doc.to_array(_RULER_KEY)
        keys = list(map(tuple, arr.tolist()))
        memo = self.memo
        rows = []
        starts = []
        for i, key in enumerate(keys):
            value = memo.get(key)
            if value is None:
                value = memo[key] = self._outcome(doc[i].text, key)
            rows.append(value)
            if value[5]:
                starts.append(i)
        if starts:  # longer patterns, matched on the unmodified Doc
            strings, indices = self.vocab.strings, self.ruler.indices
            extra: dict[int, set[int]] = {}
            for i in starts:
                span = doc[i : i + self.longest]
                for m_id, start, end in self.multi(span, allow_missing=True):
                    if start != 0:
                        continue  # found again from its own first token
                    aid = int(strings[m_id])
                    index = indices[aid]
                    target = index if index >= 0 else end + index
                    if not 0 <= target < end:
                        return self.ruler(doc)  # a bad pattern index: the stock error
                    extra.setdefault(i + target, set()).add(aid)
            for t, aids in extra.items():
                rows[t] = self._outcome(doc[t].text, keys[t], sorted(aids))
        out = numpy.array([r[:5] for r in rows], dtype="uint64")
        doc.from_array([TAG, POS, MORPH, LEMMA], out[:, :4])
        for i in numpy.flatnonzero(out[:, 4] != arr[:, 2]).tolist():
            doc[i].dep = int(out[i, 4])
        return doc


def _memoize_attribute_ruler(nlp: Language) -> None:
    """Put :class:`_MemoAttributeRuler` in place of the model's ruler when it is exact."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler:
        return
    try:  # spaCy internals the memo relies on: a spaCy that moved them keeps its own ruler
        from spacy.tokens._retokenize import set_token_attrs

        ruler.attrs, ruler.indices  # noqa: B018
    except (ImportError, AttributeError) as exc:
        log.debug("attribute ruler left as loaded: %s", exc)
        return
    for pattern in ruler.patterns:
        for alternative in pattern["patterns"]:
            for token in alternative:  # no quantifiers, nothing but the four inputs
                if not set(token) <= _RULER_READS:
                    return
    if any(not set(attrs) <= _RULER_WRITES for attrs in ruler.attrs):
        return
    names = nlp.pipe_names
    after = names[names.index("attribute_ruler") + 1 :]
    nlp.remove_pipe("attribute_ruler")
    where = {"before": after[0]} if after else {"last": True}
    memo = nlp.add_pipe("newsdesk_attribute_ruler", name="attribute_ruler", **where)
    memo.wrap(ruler, set_token_attrs)


def _memoize_lemmatizer(nlp: Language) -> None:
    """Put :class:`_MemoLemmatizer` in place of an English rule lemmatizer (same name)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    # only where the lemma is known to depend on nothing but (text, POS, morphology)
    if type(lem) is not EnglishLemmatizer or getattr(lem, "mode", None) != "rule":
        return
    try:
        lem._validate_tables()  # what the stock component checks before its first Doc
    except Exception as exc:  # leave it alone: it reports the problem itself
        log.debug("lemmatizer left as loaded: %s", exc)
        return
    names = nlp.pipe_names
    after = names[names.index("lemmatizer") + 1 :]
    nlp.remove_pipe("lemmatizer")
    where = {"before": after[0]} if after else {"last": True}
    memo = nlp.add_pipe("newsdesk_lemmatizer", name="lemmatizer", **where)
    memo.lemmatizer = lem


def memoize_components(nlp: Language) -> None:
    """Swap the model's attribute ruler and lemmatizer for their memoised versions.

    Parameters
    ----------
    nlp : spacy.language.Language
        A loaded pipeline; changed in place. Components that are not the stock ones, or
        whose rules read more than the memo key, are left as they are.
    """
    _memoize_attribute_ruler(nlp)
    _memoize_lemmatizer(nlp)
