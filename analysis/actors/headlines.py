"""Names as a headline or an editor writes them: headline words glued after a name
("Roe Defends Budget Plan"), editorial brackets ("[Jane] Roe", "[W]e").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from analysis.actors.kb import normalize_name
from analysis.actors.names import HEADLINE_AUXILIARIES, NAME_ENDINGS

if TYPE_CHECKING:  # the corpus-wide joins read this module without loading spaCy
    from spacy.tokens import Doc

__all__ = [
    "headline_word",
    "headline_tail",
    "name_before_headline",
    "edited_word",
    "without_brackets",
    "article_person_names",
]

#: A capitalised word of a headline that reads as a verb ("Denies", "Signed"); not in
#: -ing, which ends too many surnames.
_VERB_LIKE = re.compile(r"[A-Z][a-z]+(?:s|ed)")
#: An initial or a generational suffix: words of a name, never of a headline.
_NAME_PART = re.compile(r"[A-Z]\.?|(?:Jr|Sr)\.?|II|III|IV")
#: A capitalised word in -ing ("Pulling"); also ends surnames ("Manning").
_GERUND = re.compile(r"[A-Z][a-z]+ing")
#: A bracket inside a word: an editor's change to a common word ("[W]e", "[t]he").
_BRACKET_IN_WORD = re.compile(r"[^\W\d_][\[\]][^\W\d_]")


def headline_word(word: str) -> bool:
    """True when a capitalised word after a name reads as a headline's verb ("Says",
    "Denied", "Will"), not as a name ("Williams" is a surname).

    Examples
    --------
    >>> headline_word("Defends"), headline_word("Will"), headline_word("Williams")
    (True, True, False)
    """
    low = word.lower()
    if low in HEADLINE_AUXILIARIES:
        return True
    return bool(_VERB_LIKE.fullmatch(word)) and low not in NAME_ENDINGS


def name_before_headline(words: list[str], known: Callable[[str], bool]) -> str | None:
    """The name that starts a headline's words ("Jane Roe" of "Jane Roe Slams Plan"), or
    None.

    The longest leading words that ``known`` accepts as a name, followed by words one of
    which reads as a verb (:func:`headline_word`); a name of two words whose second
    reads as a verb is cut to the first even when not known ("Roe Says").  No cut when
    an initial or a suffix follows ("Jon M. Davis III").

    Parameters
    ----------
    words : list of str
        The words of the entity, as written.
    known : callable
        Whether a name (as written) is a name known to the knowledge base or the article.

    Returns
    -------
    str or None
        The name, or None when no headline follows one.
    """
    if len(words) == 2 and _VERB_LIKE.fullmatch(words[1]) and headline_word(words[1]):
        return words[0]
    for i in range(len(words) - 1, 0, -1):
        tail = headline_tail(words[i:])
        if tail is None:
            return None  # "Jon M. Davis III": an initial or a suffix belongs to a name
        if tail and known(" ".join(words[:i])):
            return " ".join(words[:i])
    return None


def headline_tail(words: list[str]) -> bool | None:
    """Whether the words after a name read as a headline: True when one reads as a verb
    (:func:`headline_word`, or a word in -ing right after the name with more words after
    it: "Roe Pulling Out"; alone it may be a surname), None when one is an initial or a
    suffix (the words belong to a name: look no further), else False."""
    if any(_NAME_PART.fullmatch(w) for w in words):
        return None
    if len(words) >= 2 and _GERUND.fullmatch(words[0]):
        return True
    return any(headline_word(w) for w in words)


def edited_word(text: str) -> bool:
    """True when a bracket sits inside a word of ``text`` ("[W]e"): an editor's change
    to a common word, no name."""
    return bool(_BRACKET_IN_WORD.search(text))


def without_brackets(text: str) -> str:
    """``text`` without an editor's square brackets ("Barack] Obama" -> "Barack Obama")."""
    if "[" not in text and "]" not in text:
        return text
    return re.sub(r"\s+", " ", text.replace("[", "").replace("]", "")).strip()


def article_person_names(docs: Iterable[Doc]) -> set[str]:
    """Normalised names of the people an article names outside its headlines: each
    full name and its last word."""
    from analysis.nlp import in_title_case_line

    out: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or in_title_case_line(ent):
                continue
            key = normalize_name(without_brackets(ent.text))
            words = key.split()
            if words:
                out.update((key, words[-1]))
    return out
