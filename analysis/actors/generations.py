"""The generation a person's name is followed by ("Jr.", "Sr.", "II", "III").

The model often tags "Donald Trump" in "Donald Trump Jr." and leaves the suffix out; the
knowledge base's pattern then makes the son his father.  :func:`generation_after` reads
the suffix after the tagger's span.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["GENERATIONS", "generation_after"]

#: Words after a name that tell one generation of a family from another.
GENERATIONS = {"jr.": "Jr.", "jr": "Jr.", "sr.": "Sr.", "sr": "Sr.", "ii": "II", "iii": "III"}


def generation_after(span: Span | None) -> str | None:
    """ "Jr.", "Sr.", "II" or "III" right after a person's name ("Donald Trump Jr.",
    "Robert Kennedy, Jr."), outside the tagger's span, or None: the name is then the son's
    or the father's, not the knowledge base's bearer of the bare name.

    Parameters
    ----------
    span : spacy.tokens.Span or None
        A person entity.

    Returns
    -------
    str or None
        The suffix as written in names ("Jr.", "Sr.", "II", "III").
    """
    if span is None:
        return None
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in GENERATIONS:
        return None
    if span[-1].lower_ in GENERATIONS:
        return None
    return GENERATIONS[doc[i].lower_]
