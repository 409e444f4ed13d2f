"""Paragraph breaks end sentences: a pipeline component that runs before the parser.

spaCy's parser finds sentence boundaries itself and, given a headline without a full
stop above the first paragraph, runs the two into one sentence:

    "Vale and aides weigh options on the budget\\n\\nJohn Vale said Monday ..."

parses "John Vale" as an object of the headline's verb and leaves "said" without a
subject.  A blank line (two line breaks, with any spaces between) always ends a
sentence in news text: :func:`paragraph_starts` marks the first token after one as a
sentence start, and the parser keeps the boundaries it is given.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPH_BREAK", "paragraph_starts"]

#: A blank line: two line breaks with only spaces or tabs between them.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@Language.component("newsdesk_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after each blank line of ``doc`` as a sentence start.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A document not yet parsed.

    Returns
    -------
    spacy.tokens.Doc
        ``doc``, with ``is_sent_start`` set to True on those tokens (others untouched).
    """
    text = doc.text
    if "\n" not in text:
        return doc
    starts = None
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.end() >= len(text):
            break
        if starts is None:
            starts = doc.to_array(IDX).tolist()
        k = bisect.bisect_left(starts, m.end())
        if 0 < k < len(doc) and starts[k] == m.end():
            doc[k].is_sent_start = True
    return doc
