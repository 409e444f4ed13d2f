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

    from analysis.actors.kb import KBIndex

__all__ = [
    "KnownNames",
    "headline_word",
    "headline_tail",
    "name_before_headline",
    "name_before_verb",
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


def name_before_verb(
    words: list[str],
    verb: Callable[[str], bool],
    *,
    surname: Callable[[str], bool],
    given: Callable[[str], bool],
    person: Callable[[str], bool] | None = None,
) -> str | None:
    """The name before a headline's verb glued to it ("Roe" of "Roe Wows the Party
    Faithful"), for names no one knows in full.

    The first capitalised word after the name that ``verb`` calls an inflected verb
    (or an auxiliary: "Will"), followed by at least one more capitalised word, ends the
    name.  A verb form the text also uses as a surname ("Waters", ``surname``) is read
    as a name, and so is one right after a lone first name ("Maxine Waters Slams ...":
    ``given``).  No cut when a lower-case word comes before the verb or an initial or a
    suffix after it ("Jon M. Davis III"), or when ``person`` (given) rejects the name.

    Parameters
    ----------
    words : list of str
        The words of the entity, as written.
    verb : callable
        Whether a word is an inflected verb
        (:func:`analysis.actors.verb_forms.inflected_verb`).
    surname : callable
        Whether a word is a surname the article or the knowledge base uses.
    given : callable
        Whether a word is a first name.
    person : callable, optional
        Whether the words before the verb are a person's name the article knows; when
        given, required (an organisation's span cut only to a known person).

    Returns
    -------
    str or None
        The name, or None when no verb is glued to it.

    Examples
    --------
    >>> no = lambda w: False
    >>> name_before_verb("Roe Wows the Party Faithful".split(), lambda w: w == "Wows",
    ...                  surname=no, given=no)
    'Roe'
    """
    if not words[:1] or not words[0][:1].isupper():
        return None
    for i in range(1, len(words) - 1):
        word = words[i]
        if not word[:1].isupper():
            return None  # "the" before any verb: no name of words
        low = word.lower()
        if low not in HEADLINE_AUXILIARIES and (low in NAME_ENDINGS or not verb(word)):
            continue
        rest = words[i + 1 :]
        if any(_NAME_PART.fullmatch(w) for w in rest):
            return None
        if not any(w[:1].isupper() for w in rest):
            return None
        if low not in HEADLINE_AUXILIARIES and (surname(word) or (i == 1 and given(words[0]))):
            continue  # "Waters" of "Maxine Waters Slams ...": a surname
        name = " ".join(words[:i])
        return name if person is None or person(name) else None
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


class KnownNames:
    """The names one article and the knowledge base know, for the headline cuts.

    Parameters
    ----------
    index : KBIndex
        The knowledge base's index (``names``, ``surnames``, ``actors``).
    docs : callable
        Returns the article's Docs; read once, on the first question.
    """

    def __init__(self, index: KBIndex, docs: Callable[[], Iterable[Doc]]) -> None:
        self.index = index
        self._docs = docs
        self._people: set[str] | None = None

    @property
    def people(self) -> set[str]:
        """The article's people named outside headlines (:func:`article_person_names`)."""
        if self._people is None:
            self._people = article_person_names(self._docs())
        return self._people

    def known_name(self, name: str) -> bool:
        """True when ``name`` is a name of the knowledge base or of the article's people."""
        key = normalize_name(name)
        return key in self.index.names or key in self.index.surnames or key in self.people

    def known_person(self, name: str) -> bool:
        """True when ``name`` is a person the article names outside its headlines, or a
        person's name or surname in the knowledge base."""
        key = normalize_name(name)
        if key in self.people or key in self.index.surnames:
            return True
        kinds = (self.index.actors[i]["kind"] for i in self.index.names.get(key, []))
        return "person" in kinds

    def used_surname(self, word: str) -> bool:
        """True when ``word`` is a person's surname in the article or the knowledge base."""
        key = normalize_name(word)
        return key in self.index.surnames or key in self.people

    def before_verb(
        self, words: list[str], person: Callable[[str], bool] | None = None
    ) -> str | None:
        """The name before a headline verb glued to it (:func:`name_before_verb`, with
        the English model's verbs and the first-name lists)."""
        from analysis.actors.coref import given_name
        from analysis.actors.verb_forms import inflected_verb

        return name_before_verb(
            words, inflected_verb, surname=self.used_surname, given=given_name, person=person
        )
