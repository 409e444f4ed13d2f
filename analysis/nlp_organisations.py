"""Organisation names the knowledge base's place patterns cut in two.

The knowledge base's patterns run before the model and take "America" in "Democracy for
America" as the country; the model is then left with "Democracy for" as an organisation
that ends with its preposition.  :func:`whole_organisations` joins such a cut name with
the name that follows it into one organisation, of no knowledge-base id: the group, not
the country, speaks.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.actors.names import GENERIC_BODY

__all__ = ["whole_organisations"]

#: Prepositions that make organisation names of a cause ("Democracy for America",
#: "Veterans against the War") -- not "of" or "in", which the model's cut names share
#: with people and places ("Talon of" + "Benin", "Tomsk in" + "Siberia").
_NAME_PREPOSITIONS = frozenset(["for", "against"])
#: Labels of the name that completes a cut organisation name.
_COMPLETING = frozenset(["GPE", "LOC", "NORP", "ORG", "FAC"])


def whole_organisations(doc: Doc) -> Doc:
    """Join an organisation entity that ends with a preposition ("Democracy for") and
    the place or name entity right after it ("America") into one organisation; and make
    one of a place after capitalised words and "for" / "against" that an apposition calls
    a group ("Democracy for America, the political action committee").

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A document with entities; changed in place.

    Returns
    -------
    spacy.tokens.Doc
        ``doc``, its entities joined where a name was cut.
    """
    ents = list(doc.ents)
    out: list[Span] = []
    joined: list[Span] = []
    k = 0
    while k < len(ents):
        a = ents[k]
        b = ents[k + 1] if k + 1 < len(ents) else None
        start = _untagged_cause_name(doc, a)
        if start is not None:
            # "Democracy for America, the political action committee": the model tagged
            # only the place; the words before "for" and the apposition make it a group
            span = Span(doc, start, a.end, label="ORG")
            out.append(span)
            joined.append(span)
            k += 1
            continue
        if (
            b is not None
            and a.label_ == "ORG"
            and len(a) >= 2
            and a[-1].lower_ in _NAME_PREPOSITIONS
            and b.start == a.end
            and b.label_ in _COMPLETING
            and b[0].is_title
        ):
            span = Span(doc, a.start, b.end, label="ORG")
            out.append(span)
            joined.append(span)
            k += 2
            continue
        end = _untagged_body_after(doc, a, b)
        if end is not None:
            # "the U.S. Supreme Court", the model tagging only "U.S.": the court of that
            # country, not the country
            span = Span(doc, a.start, end, label="ORG")
            out.append(span)
            joined.append(span)
            k += 1
            continue
        out.append(a)
        k += 1
    if joined:
        doc.ents = out
        for span in joined:
            for tok in span:
                tok.ent_id_ = ""
    return doc


#: Nouns of an apposition that says a name is a group ("Democracy for America, the
#: political action committee founded by ...").
_GROUP_NOUNS = frozenset(
    [
        *("committee", "group", "organization", "organisation", "coalition", "campaign"),
        *("movement", "network", "foundation", "alliance", "association", "union", "pac"),
        *("council", "caucus", "institute", "center", "centre", "charity", "party"),
    ]
)


def _untagged_body_after(doc: Doc, ent: Span, following: Span | None) -> int | None:
    """The end of a body every country has that the model left untagged right after a
    country's name or adjective ("U.S. Supreme Court", "Russian Foreign Ministry",
    "Brazil's Senate" is not: a possessive is the country's own mention), or None."""
    if ent.label_ not in ("GPE", "NORP") or ent.end >= len(doc):
        return None
    if doc[ent.end - 1].tag_ == "POS" or doc[ent.end].tag_ == "POS":
        return None
    limit = following.start if following is not None else len(doc)
    words: list[str] = []
    for i in range(ent.end, min(ent.end + 3, limit)):
        tok = doc[i]
        if not tok.is_title or tok.ent_type_:
            break
        words.append(tok.text)
        if GENERIC_BODY.match(" ".join(words)):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.is_title and not nxt.ent_type_:
                continue  # "U.S. Senate Intelligence Committee": a longer name
            return i + 1
    return None


def _untagged_cause_name(doc: Doc, ent: Span) -> int | None:
    """Start of a cause's name that the model left untagged but for its place: capitalised
    words, "for" or "against", the entity, and an apposition naming a group ("Democracy
    for America, the political action committee ..."); None otherwise."""
    if ent.label_ not in _COMPLETING or ent.start < 2 or not ent[0].is_title:
        return None
    prep = doc[ent.start - 1]
    if prep.lower_ not in _NAME_PREPOSITIONS:
        return None
    start = ent.start - 1
    while start > 0 and start > ent.start - 4:
        word = doc[start - 1]
        if not word.is_title or word.ent_type_ or word.pos_ not in ("NOUN", "PROPN"):
            break
        start -= 1
    if start == ent.start - 1:
        return None  # no name before "for"
    after = doc[ent.end : ent.end + 8]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("the", "a", "an"):
        return None
    for tok in after[2:]:
        if tok.text in (",", ".", ";"):
            break
        if tok.lower_ in _GROUP_NOUNS:
            return start
    return None
