"""Word lists of actor resolution: generic words, generic bodies, non-actors.

Kept apart from the rules in :mod:`analysis.actors.resolve`.
"""

from __future__ import annotations

import re

__all__ = [
    "MEDIA_WORDS",
    "GENERIC",
    "GENERIC_BODY",
    "GENERIC_BODY_NOUNS",
    "NOT_ACTORS",
    "NAME_ENDINGS",
    "HEADLINE_LEADS",
    "HEADLINE_AUXILIARIES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MEDIA_WORDS = re.compile(
    r"\b(news|times|post|press|agency|tribune|herald|journal|gazette|daily|tv|television|"
    r"radio|broadcasting|media|magazine|review|telegraph|wire|observer|chronicle)\b",
    re.I,
)

GENERIC = _words(
    """
    state president leader government ministry minister chairman secretary army
    military news agency times post journal herald tribune
    """
)


#: Nouns that name a kind of body, not one body: alone ("the Court", "the Committee"),
#: with no full name to join, they are no identifiable actor.
GENERIC_BODY_NOUNS = _words(
    """
    court committee commission council ministry department agency tribunal board bureau
    authority assembly cabinet parliament government centre center
    """
)


#: Bodies every country has: an actor only with its country ("Foreign Ministry of China").
GENERIC_BODY = re.compile(
    r"^(?:(?:foreign|defen[cs]e|interior|finance|justice|trade|economy|health|education|"
    r"information|unification|culture|energy|agriculture|transport|commerce|home)\s+)"
    r"(?:ministry|ministries)$|^ministry(?: of [a-z ]+)?$|^(?:the\s+)?"
    r"(?:parliament|congress|senate|cabinet|military|army|navy|air force|police|"
    r"foreign office|central bank|national assembly)$|^(?:the\s+)?"
    r"(?:supreme|constitutional|high)\s+court$",
    re.I,
)

#: The highest courts every country has: qualified by a country like the bodies of
#: :data:`GENERIC_BODY`, but kept by their bare name when no country is known.
NATIONAL_COURT = re.compile(r"^(?:the\s+)?(?:supreme|constitutional|high)\s+court$", re.I)

#: Names the tagger calls organisations or people that are programmes, laws, diseases,
#: processes or time zones, not actors (one name a line).
NOT_ACTORS = frozenset(
    line.strip()
    for line in """
    medicare
    medicaid
    social security
    obamacare
    affordable care act
    medicare trust fund
    social security trust fund
    food stamps
    brexit
    covid-19
    covid 19
    covid
    coronavirus
    utc
    gmt
    """.splitlines()
    if line.strip()
)


#: Words that end names although they look like verbs ("Williams", "Reed").
NAME_ENDINGS = _words(
    """
    adams edwards evans richards roberts williams
    """
)


#: Headline words a tagger glues to the name after them ("Plus Smith").
HEADLINE_LEADS = _words(
    """
    and as breaking but exclusive how plus video watch when why
    """
)


#: Capitalised auxiliaries that start a headline's verb after a name ("Roe Will Run",
#: "Roe Could Face Charges"); "May" is left out (a surname).
HEADLINE_AUXILIARIES = _words(
    """
    will would can could should must cannot won't can't
    """
)
