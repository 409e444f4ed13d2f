"""A bare outlet's name that stands for a person the article names in full.

The knowledge base's one-word outlet or body ("Bloomberg") matches before the tagger,
so in an article about Michael Bloomberg a bare "Bloomberg said ..." is the outlet.
:func:`bare_surname_people` finds, in one parsed Doc that names a person in full with
that word as surname, the bare mentions that act as a person: the subject of a verb
other than one of publishing ("Roe said", "Roe was mayor"; not "Roe reported"), a name
followed by "who", a name with a person's role in apposition ("Roe, a former mayor"),
or a name joined by "and" to a person.  "Told Roe", "according to Roe" and "Roe News"
stay the outlet.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["PUBLISHING_VERBS", "ROLE_NOUNS", "acts_as_person", "bare_surname_people"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs an outlet does as subject: its bare name there stays the outlet.
PUBLISHING_VERBS = _words(
    """
    report publish broadcast air print obtain cite quote survey poll rank compile
    analyze analyse calculate estimate review tally count reach
    """
)

#: Nouns for a person's role or standing ("Roe, a former mayor", "Roe, the founder of
#: ..."): one-word titles are added from :data:`analysis.nlp.TITLE_PHRASES`.
ROLE_NOUNS = _words(
    """
    founder cofounder co-founder owner billionaire millionaire businessman businesswoman
    philanthropist candidate politician lawmaker legislator donor investor executive
    entrepreneur critic supporter opponent democrat republican independent conservative
    liberal man woman father mother husband wife son daughter
    """
)

_WHO = frozenset({"who", "whom", "whose"})
_BREAKS = frozenset({",", "\u2014", "\u2015", "\u2013", "-", "--"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _role_word(tok, roles: frozenset[str]) -> bool:
    return tok.ent_type_ == "NORP" or tok.lower_ in roles or tok.lemma_.lower() in roles


def acts_as_person(ent: Span, roles: frozenset[str] = ROLE_NOUNS) -> bool:
    """True when the one-word name ``ent`` acts as a person in its sentence.

    Parameters
    ----------
    ent : Span
        A one-token name.
    roles : frozenset of str
        Lower-case nouns of a person's role, for the apposition test.

    Returns
    -------
    bool
        A subject of a verb other than one of :data:`PUBLISHING_VERBS`, followed by
        "who" (after at most a comma or a dash), with a role noun or a group
        (NORP) in apposition, or joined by a conjunction to a person entity.
    """
    doc = ent.doc
    nxt = ent.end
    if nxt < len(doc) and doc[nxt].text in _BREAKS:
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ in _WHO:
        return True
    if nxt == ent.end and nxt < len(doc) and _headline_verb(doc[nxt]):
        return True
    if not doc.has_annotation("DEP"):
        return False
    first = root = ent.root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "the governor and Roe spoke": the first of the conjuncts
        if first.ent_type_ == "PERSON" or _role_word(first, roles):
            return True
    if any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children):
        return True
    head = first.head
    subject = first.dep_ in _SUBJECTS and head.pos_ in ("VERB", "AUX")
    if subject and head.lemma_.lower() not in PUBLISHING_VERBS:
        return True
    return _role_in_apposition(root, roles)


def _role_in_apposition(root, roles: frozenset[str]) -> bool:
    """ "Roe, a former mayor," or "the former mayor, Roe,"."""
    if any(c.dep_ == "appos" and _role_word(c, roles) for c in root.children):
        return True
    return root.dep_ == "appos" and _role_word(root.head, roles)


def _headline_verb(tok) -> bool:
    """A capitalised verb of saying or doing right after the name in a headline ("Roe
    Wins Praise"); not one of publishing ("Roe Reports Loss")."""
    from analysis.actors.verb_forms import verb_lemma
    from analysis.nlp import in_title_case_line

    if not tok.is_title or not tok.is_alpha:
        return False
    lemma = verb_lemma(tok.text)
    if lemma is None or lemma in PUBLISHING_VERBS:
        return False
    return in_title_case_line(tok.doc[tok.i : tok.i + 1])


def bare_surname_people(
    doc: Doc, ents: list[Span], roles: frozenset[str] = ROLE_NOUNS
) -> list[int]:
    """Indexes in ``ents`` of the one-word outlets or bodies of the knowledge base that
    stand for a person the Doc names in full with that word as surname.

    Parameters
    ----------
    doc : Doc
        One parsed article (or piece).
    ents : list of Span
        Its entities, in order (the caller's list, before it is set on the Doc).
    roles : frozenset of str
        Lower-case nouns of a person's role (:func:`acts_as_person`).

    Returns
    -------
    list of int
        Positions in ``ents`` whose span should become a person.

    Notes
    -----
    A full name is a person entity of two words or more outside the knowledge base
    whose first word is capitalised and no honorific or role ("Mr. Roe" and "Mayor
    Roe" do not count).  Only the bare names that act as a person
    (:func:`acts_as_person`) move.
    """
    from analysis.lexicon.abbreviations import HONORIFICS

    bare = [
        i
        for i, e in enumerate(ents)
        if e.label_ == "ORG" and e.ent_id_ and len(e) == 1 and e[0].is_title
    ]
    if not bare:
        return []
    surnames = set()
    for e in ents:
        if e.label_ != "PERSON" or e.ent_id_ or len(e) < 2:
            continue
        first = e[0]
        if not first.text[:1].isupper() or first.lower_.rstrip(".") in HONORIFICS:
            continue
        if first.lower_ in roles:
            continue
        surnames.add(e[-1].text)
    if not surnames:
        return []
    return [i for i in bare if ents[i].text in surnames and acts_as_person(ents[i], roles)]
