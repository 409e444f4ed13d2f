"""Organisation names the knowledge base's place patterns cut in two.

The knowledge base's patterns run before the model and take "America" in "Democracy for
America" as the country; the model is then left with "Democracy for" as an organisation
that ends with its preposition.  :func:`whole_organisations` joins such a cut name with
the name that follows it into one organisation, of no knowledge-base id: the group, not
the country, speaks.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["whole_organisations"]

#: Prepositions that make organisation names of a cause ("Democracy for America",
#: "Veterans against the War") -- not "of" or "in", which the model's cut names share
#: with people and places ("Talon of" + "Benin", "Tomsk in" + "Siberia").
_NAME_PREPOSITIONS = frozenset(["for", "against"])
#: Labels of the name that completes a cut organisation name.
_COMPLETING = frozenset(["GPE", "LOC", "NORP", "ORG", "FAC"])


def whole_organisations(doc: Doc) -> Doc:
    """Join an organisation entity that ends with a preposition ("Democracy for") and
    the place or name entity right after it ("America") into one organisation.

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
        out.append(a)
        k += 1
    if joined:
        doc.ents = out
        for span in joined:
            for tok in span:
                tok.ent_id_ = ""
    return doc
