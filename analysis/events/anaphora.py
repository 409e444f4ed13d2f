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

__all__ = ["both_sides", "definite_noun", "last_two_persons", "title_references"]


def _title_word(tok: Token) -> str | None:
    """The lower-case title word of a token that stands before a name, or None."""
    text = tok.lower_.rstrip(".")
    if tok.pos_ not in ("NOUN", "PROPN") or not text.isalpha() or len(text) < 4:
        return None
    return text


#: Words before a title that make its holder a past one.
_PAST_HOLDER = frozenset(["former", "ex", "late", "then"])


def _qualifier(toks: list[Token], title_tok: Token | None, countries: dict) -> str | None:
    """Country code that qualifies a titled name as foreign: a demonym before the title
    ("Russian President Ana Vale") or "of <country>" after the name ("President Vale of
    Ruritania"); "former" for a past holder ("former President Vale").  None for a bare
    title ("President Vale")."""
    doc = toks[0].doc
    first = title_tok if title_tok is not None else toks[0]
    if first.i > 0 and doc[first.i - 1].lower_ in _PAST_HOLDER:
        return "former"  # "former President Vale": not the one "the president" is now
    # "Ruritanian Prime Minister Vale", "North Ruritanian leader Vale": a demonym among
    # the capitalised words before the name
    k = first.i - 1
    while k >= 0 and k >= first.i - 3:
        code = countries.get((id(doc), k))
        if code:
            return code
        if not (doc[k].pos_ in ("PROPN", "NOUN", "ADJ") and doc[k].text[:1].isupper()):
            break
        k -= 1
    last = toks[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of":
        return countries.get((id(doc), last.i + 2))
    return None


def title_references(
    chunks: list[tuple[int, Doc]],
    person_spans: list[tuple[int, list[Token], str]],
    actor_tok: dict,
    start_at: int = 0,
    *,
    countries: dict | None = None,
    person_country: dict[str, str] | None = None,
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
    countries : dict, optional
        ``(id(doc), token index) -> country code`` of the tokens that name a country or
        its people ("Russia", "Russian"): they tell a foreign title holder.
    person_country : dict, optional
        ``person id -> country code`` from the actors frame.

    Returns
    -------
    dict
        For each noun "the senator" (a determiner "the" and no other modifier) whose
        title the article put before a person's name earlier ("Senator Vale", "Sen.
        Ana Vale" does not count: abbreviations differ from the noun), the last such
        person -- preferring one whose title the article did not qualify with a foreign
        country: after "President Vale ... President Ruiz of Ruritania", the bare "the
        president" is Vale, the one a reader of the article knows without a qualifier
        (the qualified one when no other holds the title).  "the Ruritanian president"
        is the last president of that country, and "the Ruritanian leader" / "his
        Ruritanian counterpart" the last person of that country the article named.
    """
    countries = countries or {}
    person_country = person_country or {}
    titled: list[tuple[int, str, str, str | None]] = []  # (offset, title, person, country)
    named: list[tuple[int, str, str | None]] = []  # (offset, person, country) of every name
    for offset, toks, person in person_spans:
        first = toks[0]
        cands = [first] if len(toks) > 1 else []  # "President Vale" read as one name
        if first.i > 0:
            before = first.doc[first.i - 1]
            if (id(before.doc), before.i) not in actor_tok:
                cands.insert(0, before)
        title_toks = [t for t in cands if _title_word(t)]
        qualifier = _qualifier(toks, title_toks[0] if title_toks else None, countries)
        named.append((offset, person, qualifier))
        for t in title_toks:
            titled.append((offset, str(_title_word(t)), person, qualifier))
    titled.sort(key=lambda t: t[0])
    named.sort(key=lambda t: t[0])
    out: dict[tuple[int, int], list[str]] = {}
    words = {w for _, w, _, _ in titled} | _LEADER_NOUNS
    for offset, doc in chunks:
        hashes = {doc.vocab.strings[w]: w for w in words}
        lowers = doc.to_array([LOWER]).tolist()
        for i, h in enumerate(lowers):
            w = hashes.get(h)
            if w is None:
                continue
            tok = doc[i]
            at = offset + tok.idx
            if at < start_at or (id(doc), i) in actor_tok or tok.pos_ != "NOUN":
                continue
            # a title written just before a name is part of that mention, not a reference
            if i + 1 < len(doc) and (id(doc), i + 1) in actor_tok:
                continue
            who = _reference(tok, w, at, titled, named, countries, person_country)
            if who:
                out[(id(doc), i)] = [who]
    return out


#: Nouns that refer to a country's leading figure once its demonym qualifies them ("the
#: Ruritanian leader", "his Ruritanian counterpart").
_LEADER_NOUNS = frozenset(["leader", "counterpart"])
_POSSESSIVE = frozenset(["his", "her", "their"])


def _reference(
    tok: Token,
    word: str,
    at: int,
    titled: list[tuple[int, str, str, str | None]],
    named: list[tuple[int, str, str | None]],
    countries: dict,
    person_country: dict[str, str],
) -> str | None:
    """The person "the <title>", "the <demonym> <title>" or "his <demonym> counterpart"
    at offset ``at`` stands for (see :func:`title_references`), or None."""
    kids = list(tok.children)
    dets = [c for c in kids if c.dep_ in ("det", "poss")]
    mods = [c for c in kids if c.dep_ in ("amod", "compound", "nmod", "poss") and c not in dets]
    if tok.tag_ != "NN" or len(dets) != 1:
        return None
    det = dets[0].lower_
    if not mods:
        if det != "the":
            return None
        before = [(p, q) for o, t, p, q in titled if t == word and o < at]
        if not before:
            return None
        bare = [p for p, q in before if q is None]
        return bare[-1] if bare else before[-1][0]
    if len(mods) != 1 or (det != "the" and det not in _POSSESSIVE):
        return None  # "the Russian military official": someone else
    code = countries.get((id(tok.doc), mods[0].i))
    if not code:
        return None  # "the former president", "the Senate leader"
    if word in _LEADER_NOUNS:
        cands = [p for o, p, q in named if o < at and code in (q, person_country.get(p))]
        return cands[-1] if cands else None
    before = [
        p for o, t, p, q in titled if t == word and o < at and code in (q, person_country.get(p))
    ]
    return before[-1] if before else None


_DEFINITE = frozenset(["the", "this", "that", "these", "those"])
_NOMINAL = frozenset(["NOUN", "PROPN", "ADJ", "NUM"])


def definite_noun(trig: Token) -> bool:
    """True for a noun trigger that a definite determiner opens: "the summit", and "the
    surprise Sunday afternoon meeting" whose parse hangs "the" on an earlier modifier --
    the determiner just before the run of nominal words that ends in the trigger."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in trig.children):
        return True
    k = trig.i - 1
    doc = trig.doc
    while k >= 0 and trig.i - k <= 5 and (doc[k].pos_ in _NOMINAL or doc[k].text == "-"):
        k -= 1
    if k < 0 or k == trig.i - 1:
        return False
    det = doc[k]
    return det.pos_ == "DET" and det.lower_ in _DEFINITE and det.head.i < trig.i


#: Nouns for the two parties of an exchange ("both sides", "each camp", "the two men").
_PARTY_NOUNS = frozenset(["side", "camp", "man", "leader", "party", "delegation"])
_PAIR_WORDS = frozenset(["both", "each", "two"])


def both_sides(heads: list[Token]) -> bool:
    """True when an argument is "both sides", "each side", "the two men": the two parties
    of the exchange the article has just reported, not anyone it names here."""
    for h in heads:
        if h.pos_ != "NOUN" or h.lemma_.lower() not in _PARTY_NOUNS:
            continue
        if any(
            c.dep_ in ("det", "nummod", "predet") and c.lower_ in _PAIR_WORDS for c in h.children
        ):
            return True
    return False


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
