"""Who "the president" and "they" are: nominal and plural references to named persons.

Two readings an attentive reader makes that the actors frame may lack:

* :func:`title_references` -- "the senator" names the last person the article
  introduced with that title ("Senator Ana Vale ... the senator said").  The titles are
  read from the article itself (the word just before a person's name), so no word list
  is needed and only titles the article has used count;
* :func:`last_two_persons` -- in "urged Vale to press Ruiz when they meet", "they" of a
  meeting are the last two persons named before it in the sentence.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

__all__ = ["last_two_persons", "title_references"]


def _title_word(tok: Token) -> str | None:
    """The lower-case title word of a token that stands before a name, or None."""
    text = tok.lower_.rstrip(".")
    if tok.pos_ not in ("NOUN", "PROPN") or not text.isalpha() or len(text) < 4:
        return None
    return text


def title_references(
    chunks: list[tuple[int, Doc]],
    person_spans: list[tuple[int, list[Token], str]],
    actor_tok: dict,
    start_at: int = 0,
) -> dict[tuple[int, int], list[str]]:
    """``(id(doc), token index) -> [person id]`` for "the <title>" nouns without an actor.

    Parameters
    ----------
    chunks : list of (int, Doc)
        The article's parsed chunks with their character offsets.
    person_spans : list of (int, list of Token, str)
        ``(offset, tokens, person id)`` of the body's person mentions.
    actor_tok : dict
        ``(id(doc), token index) -> actor ids`` already known: such tokens are left alone.
    start_at : int
        Offset where the body starts (headline words are not read).

    Returns
    -------
    dict
        For each noun "the senator" (a determiner "the" and no other modifier) whose
        title the article put before a person's name earlier ("Senator Vale", "Sen.
        Ana Vale" does not count: abbreviations differ from the noun), the last such
        person.
    """
    titled: list[tuple[int, str, str]] = []  # (offset, title, person)
    for offset, toks, person in person_spans:
        first = toks[0]
        words = []
        if len(toks) > 1:
            words.append(_title_word(first))  # "President Vale" read as one name
        if first.i > 0:
            before = first.doc[first.i - 1]
            if (id(before.doc), before.i) not in actor_tok:
                words.append(_title_word(before))
        for w in words:
            if w:
                titled.append((offset, w, person))
    if not titled:
        return {}
    titled.sort()
    out: dict[tuple[int, int], list[str]] = {}
    for offset, doc in chunks:
        hashes = {doc.vocab.strings[w]: w for _, w, _ in titled}
        lowers = doc.to_array([LOWER]).tolist()
        for i, h in enumerate(lowers):
            w = hashes.get(h)
            if w is None:
                continue
            tok = doc[i]
            at = offset + tok.idx
            if at < start_at or (id(doc), i) in actor_tok or tok.pos_ != "NOUN":
                continue
            kids = list(tok.children)
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                c.dep_ in ("amod", "compound", "nmod", "poss") for c in kids
            ):
                continue  # "the Russian president" is someone else
            # a title written just before a name is part of that mention, not a reference
            if i + 1 < len(doc) and (id(doc), i + 1) in actor_tok:
                continue
            before = [p for o, t, p in titled if t == w and o < at]
            if before:
                out[(id(doc), i)] = [before[-1]]
    return out


_THEY = frozenset(["they", "we"])


def last_two_persons(
    trig: Token, offset_of, person_spans: list[tuple[int, list[Token], str]]
) -> list[str]:
    """The two persons "they" of a meeting verb stand for: the last two named before
    the pronoun in its sentence.  Empty unless the trigger is a verb
    whose subject is "they"/"we" and no other argument names anyone."""
    if trig.pos_ not in ("VERB", "AUX"):
        return []
    subj = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1 or subj[0].lower_ not in _THEY:
        return []
    if any(
        c.dep_ in ("dobj", "obj", "dative")
        or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
        for c in trig.children
    ):
        return []  # "they met Ruiz", "they meet with Ruiz": not a pair of their own
    at = offset_of(subj[0])
    sent_start = offset_of(trig.sent[0])
    out: list[str] = []
    for offset, _toks, person in reversed(person_spans):
        if offset >= at:
            continue
        if offset < sent_start:
            break
        if person not in out:
            out.append(person)
        if len(out) == 2:
            return list(reversed(out))
    return []
