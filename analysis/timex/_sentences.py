"""Sentence bounds for the tense guesser: where the clause around an expression begins and ends.

The tagger runs on raw text, before (and without) the spaCy parse, so it finds the sentence
around an expression itself: a dot followed by a space ends a sentence unless the word in
front is an abbreviation ("Gen.", "Sept.", "Calif."), an initial ("J.") or dotted letters
("U.S."); a line break, "?", "!" and ";" always end one.  Only a bounded stretch on each side
is searched, so a long text without full stops costs linear time.
"""

from __future__ import annotations

import re

from ..lexicon.calendar import MONTH_ABBREVIATIONS

__all__ = ["CONTEXT_CHARS", "sentence_span"]

#: the stretch of text read on each side of an expression for its sentence and its tense
CONTEXT_CHARS = 400

#: titles, "vs", "no" and US state abbreviations: their dot does not end a sentence
#: ("Gen. Okafor spoke", "Smith vs. Jones", "a clinic in Mobile, Ala. was closed")
_TITLE_AND_STATE_ABBREVIATIONS = (
    "mr mrs ms dr st vs v gen sen rep gov lt col capt sgt maj adm cmdr prof rev fr jr sr"
    " mt ft no nos ala ariz ark calif colo conn fla ga ill ind kan ky md mass mich minn miss"
    " mo mont neb nev okla ore pa tenn tex va vt wash wis wyo"
)
#: words whose dot does not end a sentence; single letters and initials are handled apart
ABBREVIATIONS = frozenset(_TITLE_AND_STATE_ABBREVIATIONS.split()) | frozenset(MONTH_ABBREVIATIONS)
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]*)$")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "u.n" (last dot stripped)


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the dot at ``text[i]`` (followed by a space) closes a sentence."""
    nxt = text[i + 1 : i + 4].lstrip()[:1]
    if nxt.islower():
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, i - 12), i)[1].lower().strip(".")
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return not _DOTTED_LETTERS.fullmatch(word)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The ``(begin, end)`` offsets of the sentence holding ``text[start:end]``.

    Parameters
    ----------
    text : str
        The whole text.
    start, end : int
        The span of the expression.

    Returns
    -------
    tuple of int
        Offsets of the sentence, at most :data:`CONTEXT_CHARS` beyond a dot that is not a
        sentence end on each side (bounded search).
    """
    dot = start
    floor = start - CONTEXT_CHARS
    while True:
        dot = text.rfind(". ", 0, dot)
        if dot < 0 or dot < floor or _ends_sentence(text, dot):
            break
    left = max(
        dot,
        text.rfind("\n", 0, start),
        text.rfind("? ", 0, start),
        text.rfind("! ", 0, start),
        text.rfind("; ", 0, start),
    )
    dot = end - 1
    ceiling = end + CONTEXT_CHARS
    while True:
        dot = text.find(". ", dot + 1)
        if dot < 0 or dot > ceiling or _ends_sentence(text, dot):
            break
    rights = [
        i for i in (dot, text.find("\n", end), text.find("? ", end), text.find("; ", end)) if i >= 0
    ]
    return left + 1, (min(rights) if rights else len(text))
