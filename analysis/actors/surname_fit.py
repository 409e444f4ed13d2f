"""Whether a bare surname can stand for a person named in full in the same article.

"Mr. Trump" in an article that also names Melania Trump is not Melania Trump: a gendered
honorific before the surname ("Mr.", "Mrs.", "Ms.") must agree with the gender the full
name reads as (:func:`analysis.actors.coref.name_gender`).  A name whose gender cannot be
read fits any honorific.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..lexicon.abbreviations import HONORIFICS
from ..lexicon.gender import noun_gender
from .coref import name_gender

__all__ = [
    "apposed_gender",
    "full_name",
    "honorific_gender",
    "self_pronoun_gender",
    "surname_fits",
    "titled_holder",
]


def honorific_gender(span: Span | None) -> str | None:
    """'m' or 'f' for a gendered honorific right before ``span`` ("Mr.", "Ms"), else None."""
    if span is None or span.start == 0:
        return None
    prev = span.doc[span.start - 1].text.lower().rstrip(".")
    if prev not in HONORIFICS:
        return None
    return name_gender(prev + " " + span.text)


_PRONOUN_GENDER = {"he": "m", "she": "f"}


def self_pronoun_gender(span: Span | None) -> str | None:
    """'m' or 'f' when the bare surname ``span`` is the subject of a verb whose clause
    goes on with "he" or "she" as its own subject ("Vale said he would resign", "Vale
    insisted she had not known"): the pronoun takes up the surname's person.  None
    otherwise."""
    if span is None:
        return None
    root = span.root
    if root.dep_ != "nsubj":
        return None
    for clause in root.head.children:
        if clause.dep_ != "ccomp":
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].lower_ in _PRONOUN_GENDER:
            return _PRONOUN_GENDER[subjects[0].lower_]
    return None


def apposed_gender(span: Span | None) -> str | None:
    """'m' or 'f' when a gendered noun stands in apposition with the name ``span``:
    "his wife, Jane Roe", "Jane Roe, his wife"."""
    if span is None:
        return None
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for n in nouns:
        g = noun_gender(n.lower_, n.lemma_.lower())
        if g:
            return g
    return None


def surname_fits(span: Span | None, full_name: str) -> bool:
    """False when the honorific before the bare surname ``span`` and the person's full
    name read as different genders ("Mr. Roe" and "Jane Roe")."""
    want = honorific_gender(span)
    if want is None:
        return True
    have = name_gender(full_name)
    return have is None or have == want


def full_name(mentions, aid: str) -> str:
    """The longest name an article gives ``aid`` (its mentions: ``actor_id``, ``text``)."""
    names = [o.text for o in mentions if o.actor_id == aid]
    return max(names, key=len) if names else ""


def titled_holder(article, m, key: str, cands: list[str]) -> list[str]:
    """ "President Roe" where the article names only Jane Roe, who holds no such title:
    the one person of the knowledge base with that surname who holds the title (and is
    valid on the article's date) stands for it.  ``article`` is the resolver of the
    article (``_title_before``, ``_by_title``, ``_valid`` and ``index``)."""
    if not cands or not article._title_before(m) or article._by_title(m, cands):
        return cands
    kb_ids = [
        i
        for i in dict.fromkeys(article.index.surnames.get(key, []))
        if article.index.actors[i]["kind"] == "person" and article._valid(i)
    ]
    holders = article._by_title(m, kb_ids)
    return holders if len(holders) == 1 else cands
