"""People the model leaves untagged after a title ("House Minority Whip Steny Hoyer").

The small model knows common names; a rarer one after a title is left without an
entity, and the words then go to the body in the title ("the House").
:func:`names_after_titles` tags such a name as a person.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

__all__ = ["names_after_titles"]


def names_after_titles(doc: Doc, titles: list[Span]) -> None:
    """Tag as a person the untagged name right after a title ("House Minority Whip
    Steny Hoyer", "Senator Kay Hagan"): two or three capitalised proper nouns the model
    left without an entity, not running into a longer name.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A document with entities; changed in place.
    titles : list of spacy.tokens.Span
        The title spans found in it.
    """
    new = []
    for title in titles:
        end = title.end
        while (
            end < len(doc)
            and end - title.end < 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end].is_alpha
            and not doc[end].ent_type_
        ):
            end += 1
        if end - title.end < 2:
            continue
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            continue  # "Whip John Roe Center": a longer name than a person's
        new.append(Span(doc, title.end, end, label="PERSON"))
    if new:
        doc.ents = spacy.util.filter_spans([*doc.ents, *new])
