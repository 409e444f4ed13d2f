"""Verbs of saying: the one place the speech, reporting and citing verbs of English live.

The verbs are lemmas (lower case) in small groups that do not overlap; what a stage
reads is a union of groups, named for what it means to that stage:

``SPEECH_VERBS``
    every verb that introduces direct or reported speech ("said", "warned", "replied");
    quote attribution (:mod:`analysis.actors.quotes`) uses it.
``REPORTING_VERBS``
    verbs whose complement is a report of what someone said or thinks ("said that",
    "believes that", "quoted X as saying"): the time of "X said on Monday" is the
    saying's, not the reported event's (:mod:`analysis.events`).
``SPEECH_VERB_FORMS``, ``verb_forms``
    the written forms ("say", "says", "said", "warned") of verbs, for text without a
    lemmatizer and for cues read off the raw text (:mod:`analysis.geo`).

>>> "warn" in SPEECH_VERBS, "warn" in REPORTING_VERBS, "think" in REPORTING_VERBS
(True, False, True)
>>> sorted(verb_forms({"say", "deny"}))
['denied', 'denies', 'said', 'says']
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CITING_VERBS",
    "COGNITION_VERBS",
    "DISCOURSE_VERBS",
    "HUMAN_SOURCES",
    "PAST_EXCEPTIONS",
    "PRESSING_VERBS",
    "QUOTE_MARKS",
    "REPORTING_VERBS",
    "RESPONDING_WORDS",
    "SPEECH_VERBS",
    "SPEECH_VERB_FORMS",
    "STATEMENT_VERBS",
    "verb_forms",
]

#: Verbs that state something: their complement is what was said ("said that", "confirmed
#: the visit", "denied it").
STATEMENT_VERBS = frozenset(
    [
        "acknowledge",
        "add",
        "admit",
        "affirm",
        "allege",
        "announce",
        "assert",
        "claim",
        "comment",
        "confirm",
        "declare",
        "deny",
        "disclose",
        "explain",
        "hint",
        "insist",
        "note",
        "predict",
        "reaffirm",
        "reiterate",
        "report",
        "reveal",
        "say",
        "state",
        "stress",
        "suggest",
        "tell",
        "write",
    ]
)
#: Verbs of saying that press or commit: their complement is a demand, a warning or a
#: promise, not a report ("urged Seoul to talk", "vowed to retaliate").
PRESSING_VERBS = frozenset(
    [
        "accuse",
        "ask",
        "caution",
        "complain",
        "demand",
        "pledge",
        "promise",
        "threaten",
        "urge",
        "vow",
        "warn",
    ]
)
#: Further verbs that introduce or frame a quotation ("replied", "recalled", "tweeted").
DISCOURSE_VERBS = frozenset(
    [
        "argue",
        "conclude",
        "emphasise",
        "emphasize",
        "indicate",
        "maintain",
        "mention",
        "observe",
        "recall",
        "remark",
        "repeat",
        "reply",
        "respond",
        "signal",
        "testify",
        "tweet",
        "underline",
        "voice",
    ]
)
#: Verbs whose subject repeats someone else's words ("quoted the minister as saying").
CITING_VERBS = frozenset(["cite", "quote"])
#: Verbs of opinion whose complement is a belief, not an event ("believes the talks will").
COGNITION_VERBS = frozenset(["believe", "estimate", "think"])

#: Every verb that introduces direct or reported speech.
SPEECH_VERBS = STATEMENT_VERBS | PRESSING_VERBS | DISCOURSE_VERBS
#: Verbs whose complement reports what someone said, quoted or thinks.
REPORTING_VERBS = STATEMENT_VERBS | CITING_VERBS | COGNITION_VERBS

#: Past forms that English spelling rules do not give (irregular pasts, doubled consonants)
#: of the verbs the stages read.
PAST_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "admit": ("admitted",),
    "choose": ("chose", "chosen"),
    "have": ("had",),
    "opt": ("opted",),
    "plan": ("planned",),
    "say": ("said",),
    "see": ("saw",),
    "signal": ("signaled", "signalled"),
    "tell": ("told",),
    "undertake": ("undertook", "undertaken"),
    "think": ("thought",),
    "write": ("wrote",),
}
#: Third-person forms that English spelling rules do not give.
_PRESENT_EXCEPTIONS = {"have": "has"}


def verb_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """The third-person present and the past forms of verbs ("says", "said", "denies").

    Parameters
    ----------
    lemmas : iterable of str
        Lower-case lemmas ("say", "deny", "urge").

    Returns
    -------
    frozenset of str
        Forms built by English spelling rules ("denies", "denied", "urged", "stressed")
        or taken from :data:`PAST_EXCEPTIONS`; the lemmas themselves are not included.
    """
    out = set()
    for lemma in lemmas:
        if lemma in _PRESENT_EXCEPTIONS:
            present = _PRESENT_EXCEPTIONS[lemma]
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            present = lemma[:-1] + "ies"
        elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
            present = lemma + "es"
        else:
            present = lemma + "s"
        if lemma in PAST_EXCEPTIONS:
            past: tuple[str, ...] = PAST_EXCEPTIONS[lemma]
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            past = (lemma[:-1] + "ied",)
        elif lemma.endswith("e"):
            past = (lemma + "d",)
        else:
            past = (lemma + "ed",)
        out.add(present)
        out.update(past)
    return frozenset(out)


#: Every written form of a speech verb: the lemma and its finite forms ("say", "says",
#: "said", "warned", "replies").
SPEECH_VERB_FORMS = SPEECH_VERBS | verb_forms(SPEECH_VERBS)


#: Common nouns for people who speak without a name ("a senior official told", "sources
#: said", "a spokeswoman for the ministry said"): a saying with such a speaker is an
#: event of its own, with an anonymous source.
HUMAN_SOURCES = frozenset(
    [
        *("official", "source", "spokesman", "spokeswoman", "spokesperson", "aide"),
        *("adviser", "advisor", "diplomat", "officer", "lawmaker", "legislator"),
        *("negotiator", "envoy", "insider", "person", "people", "analyst", "expert"),
        *("investigator", "prosecutor", "lawyer", "attorney", "staffer", "witness"),
        *("counsel", "solicitor", "barrister"),
        *("minister", "senator", "representative", "congressman", "congresswoman"),
        *("ambassador", "general", "commander", "administrator", "executive", "member"),
        *("leader", "strategist", "operative", "assistant", "associate", "ally"),
        "allies",
        "spokesmen",
        "spokespeople",
    ]
)

#: Double quotation marks as tokens ('"', curly quotes, PTB's `` and ''): an odd count
#: before a word puts it inside a quotation.
QUOTE_MARKS = frozenset(['"', "\u201c", "\u201d", "``", "''"])

#: Verbs and nouns of answering words said before ("downplayed her remarks",
#: "apologized for the post", "in response to his comments"): the words they take are
#: earlier than the answer.
RESPONDING_WORDS = frozenset(
    [
        *("respond", "response", "react", "reaction", "reply", "answer", "apologize"),
        *("apologise", "apology", "downplay", "defend", "condemn", "criticize", "criticise"),
        *("denounce", "reject", "dismiss", "retract", "clarify", "mock", "ridicule"),
        *("praise", "welcome", "applaud", "slam", "blast", "refer", "echo", "rebut"),
        *("disavow", "repudiate", "decry", "deplore", "lament", "regret"),
    ]
)
