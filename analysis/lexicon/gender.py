"""Nouns that tell a person's gender: kin, titles and gendered role nouns.

>>> noun_gender("wife"), noun_gender("chairman"), noun_gender("minister")
('f', 'm', None)
"""

from __future__ import annotations

__all__ = ["FEMALE_NOUNS", "MALE_NOUNS", "noun_gender"]

MALE_NOUNS = frozenset(
    [
        "congressman",
        "spokesman",
        "chairman",
        "businessman",
        "husband",
        "father",
        "son",
        "brother",
        "king",
        "prince",
        "widower",
        "actor",
        "boyfriend",
        "grandfather",
        "grandson",
        "nephew",
        "uncle",
        "sir",
        "mr",
        "mr.",
        "lord",
        *("stepfather", "stepson", "stepbrother", "half-brother", "fiance", "bridegroom"),
        *("councilman", "assemblyman", "alderman", "policeman", "sportsman", "statesman"),
        *("anchorman", "cameraman", "serviceman", "duke", "emperor", "baron", "earl"),
        *("patriarch", "monk", "dad", "ex-husband", "gentleman", "tsar", "sultan"),
    ]
)
FEMALE_NOUNS = frozenset(
    [
        "congresswoman",
        "spokeswoman",
        "chairwoman",
        "businesswoman",
        "wife",
        "mother",
        "daughter",
        "sister",
        "queen",
        "princess",
        "widow",
        "actress",
        "girlfriend",
        "grandmother",
        "niece",
        "aunt",
        "lady",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "dame",
        *("granddaughter", "stepmother", "stepdaughter", "stepsister", "half-sister"),
        *("fiancee", "fiancée", "bride", "mistress", "heiress", "matriarch", "nun"),
        *("councilwoman", "assemblywoman", "alderwoman", "policewoman", "sportswoman"),
        *("stateswoman", "anchorwoman", "servicewoman", "duchess", "empress", "baroness"),
        *("countess", "mom", "mum", "ex-wife", "waitress", "hostess", "tsarina"),
    ]
)


def noun_gender(*words: str) -> str | None:
    """'m' or 'f' for the first of ``words`` (lower-case forms of one noun) that is
    gendered, else None."""
    for w in words:
        if w in MALE_NOUNS:
            return "m"
        if w in FEMALE_NOUNS:
            return "f"
    return None
