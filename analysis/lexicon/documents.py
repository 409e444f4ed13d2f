"""Words for texts, messages and the occasions of words, shared by the event rules.

* :data:`MESSAGES` -- what one writes or sends to say something ("wrote a letter");
* :data:`DOCUMENTS` -- written or broadcast words that a participle can tell ("a letter
  urging", "an advertisement claiming");
* :data:`PROVISIONS` -- texts, plans and rules, which "call for" what they provide for;
* :data:`OCCASIONS` -- occasions whose day a report seldom gives ("said in an interview");
* :data:`PLATFORMS`, :data:`POSTINGS` -- services where words are posted and what is
  posted there ("a Facebook post", "the Twitter account of the ministry");
* :data:`BEFORE_WORDS`, :data:`EARLIER_WORDS` -- adjectives that put an event before the
  story ("the last election", "his earlier warnings").
"""

from __future__ import annotations

__all__ = [
    "BEFORE_WORDS",
    "DOCUMENTS",
    "EARLIER_WORDS",
    "MESSAGES",
    "OCCASIONS",
    "PLATFORMS",
    "POSTINGS",
    "PROVISIONS",
    "SPEAKING_OCCASIONS",
    "WRITINGS",
]

MESSAGES = frozenset(
    ["letter", "note", "message", "memo", "email", "e-mail", "post", "tweet", "statement"]
)

DOCUMENTS = MESSAGES | frozenset(
    [
        *("release", "petition", "ad", "advert", "advertisement", "article", "report"),
        *("resolution", "bill", "op-ed", "video", "document", "order", "proclamation"),
        *("guidance", "filing", "lawsuit", "complaint", "motion", "notice", "editorial"),
        *("column", "commercial", "leaflet", "text"),
    ]
)

PROVISIONS = frozenset(
    [
        *("bill", "plan", "proposal", "agreement", "deal", "law", "measure", "budget"),
        *("resolution", "document", "report", "strategy", "policy", "treaty"),
        *("constitution", "legislation", "rule", "amendment", "framework", "blueprint"),
        *("platform", "order", "guideline", "guidance", "doctrine", "manifesto", "program"),
        *("programme", "package", "draft", "accord", "pact", "initiative", "memo", "text"),
        *("provision", "clause", "regulation", "design", "formula"),
    ]
)

OCCASIONS = frozenset(
    [
        *("interview", "op-ed", "oped", "book", "memoir", "podcast", "program"),
        *("programme", "show", "documentary", "column", "essay", "article", "profile"),
    ]
)

#: Documents a saying may be placed in, whose day is theirs, not the story's ("said in
#: his report", "wrote in a court filing") -- as objects they are what is answered
#: ("denied the report").
WRITINGS = frozenset(
    ["report", "testimony", "deposition", "affidavit", "filing", "memo", "memorandum"]
)

PLATFORMS = frozenset(
    [
        *("twitter", "facebook", "instagram", "youtube", "tiktok", "telegram", "whatsapp"),
        *("snapchat", "reddit", "linkedin", "weibo", "wechat", "vkontakte", "truth social"),
    ]
)

POSTINGS = MESSAGES | frozenset(["account", "page", "feed", "video", "channel", "livestream"])

BEFORE_WORDS = frozenset(["last", "previous", "past", "prior", "recent"])

EARLIER_WORDS = (BEFORE_WORDS - {"last"}) | frozenset(["earlier", "former", "repeated"])

#: Occasions of speaking and meeting: a later saying may point back to one ("at the same
#: briefing"), and what is done at a dated one is done that day ("at the summit on
#: Thursday, Vale praised Ruiz").
SPEAKING_OCCASIONS = frozenset(
    [
        *("conference", "briefing", "speech", "address", "session", "hearing", "meeting"),
        *("event", "rally", "forum", "summit", "appearance", "ceremony", "debate"),
        *("remarks", "interview"),
    ]
)
