"""The tense guesser: does the clause around an expression talk about the past or the future?

A weekday, a month or a day without a year ("on Friday", "in June", "April 3") is resolved
against the anchor, forwards or backwards depending on the clause: "they will meet on
Friday" is the next Friday, "they met on Friday" the last one.  The guess reads the words
around the expression inside its sentence (:mod:`._sentences`): modals and auxiliaries
("will", "was about to", "is to"), past-tense verbs (irregular ones and "-ed" forms), verbs
of planning ("planned to meet on Friday") and of reporting ("..., he said").
"""

from __future__ import annotations

import re

from ..lexicon.commitments import COMMITMENT_VERB_FORMS, INFINITIVE_BLOCKERS
from ..lexicon.speech import REPORTING_VERBS, verb_forms
from ._base import Ctx
from ._sentences import CONTEXT_CHARS, sentence_span

__all__ = ["AUX", "FUTURE", "PAST", "tense_at"]

FUTURE = re.compile(
    r"""^(?:will|won't|wo|'ll|shall|going|scheduled|expected|expects?|expecting|intends?
    |would|upcoming|next|until|aims?|later|forthcoming|may|might|hopes?|promised|vowed
    |'d|payable|effective|tomorrow|soon|planned|planning|plans|intended|slated)$""",
    re.IGNORECASE | re.VERBOSE,
)
PAST = re.compile(
    r"""^(?:was|were|had|did|ago|last|earlier|since|said|told|announced|has|have|been|came
    |went|began|met|took|made|gave|left|held|won|lost|fell|rose|saw|got|found|became|sent
    |brought|spoke|wrote|put|set|paid|sold|bought|hit|broke|ran|led|reported|according)$""",
    re.IGNORECASE | re.VERBOSE,
)
#: words in "-ed" that are no past tense
_NOT_PAST_ED = frozenset(
    [
        "need",
        "indeed",
        "speed",
        "united",
        "hundred",
        "red",
        "bed",
        "feed",
        "seed",
        "proceed",
        "succeed",
        "exceed",
        "wed",
        "ted",
        "ned",
        "shed",
        "bred",
        "breed",
    ]
)
_TOKEN = re.compile(r"[A-Za-z']+")
#: punctuation that closes a clause
_CLAUSE_END = re.compile(r"[,;:()]|\s[-\u2013\u2014]+\s")

_PARTICIPLE_AUX = frozenset({"be", "being", "to", "get", "gets"})
#: an auxiliary followed by a prospective word announces something still to come:
#: "were planning to", "was expected to", "is due to"
AUX = frozenset({"is", "are", "was", "were"})
_PROSPECTIVE = frozenset(
    [
        "planning",
        "expected",
        "scheduled",
        "due",
        "going",
        "set",
        "slated",
        "poised",
        "about",
        "likely",
        "supposed",
    ]
)
#: the past tense of verbs of planning and expecting: future cues before the date they
#: govern ("planned to meet on Friday"), past-tense verbs after a fronted date
_PLANNED = frozenset({"planned", "expected", "intended", "promised", "vowed", "hoped", "aimed"})
#: ... unless an auxiliary or an infinitive marker makes them a participle or a passive
_PLAN_AUX = frozenset(
    {"is", "are", "be", "being", "been", "was", "were", "to", "had", "has", "have"}
)
#: reporting verbs tell when something was said, not when the reported event happens
_REPORTING = REPORTING_VERBS | verb_forms(REPORTING_VERBS)
#: "until Monday" sets a deadline (future) unless the clause is in the pluperfect:
#: "Until Monday, the ministry had not named an envoy."
_UNTIL = frozenset({"until", "till"})

#: at most this many words before an expression that opens its sentence ("In", "Early
#: in"), and how far on the main verb is looked for
_FRONTED = 2
_FRONTED_WINDOW = 30


def _cue(word: str, before: str = "", after: str = "") -> str | None:
    """The tense ``word`` signals ("past", "future" or None), given its neighbours."""
    w = word.lower()
    a = after.lower()
    if w == "next" and a == "to":
        return None  # "next to the station": a place, not a time to come
    if w in ("was", "were") and a == "about":
        return "past"  # "as she was about to board the ferry": imminent then, told as past
    if w in AUX and a in _PROSPECTIVE:
        return "future"
    b = before.lower()
    if b in AUX and w in _PROSPECTIVE and not (w == "about" and b in ("was", "were")):
        # the participle read first when the left context is read backwards: "the talks
        # are supposed to end by May", "the vote is expected to ..."
        return "future"
    if w in ("is", "are") and a == "to":
        return "future"  # "the council is to vote on Tuesday"
    if before.lower() in ("been", "had") and w in _PROSPECTIVE:
        return "past"  # "the lease had been due to end on Friday": a plan of the past
    if w in ("set", "plan") and a in ("for", "to"):
        return "future"  # "a summit set for April", "they plan to meet"
    if FUTURE.match(word):
        return "future"
    if before.lower() in _PARTICIPLE_AUX:
        return None  # "would be held", "to be signed": a participle, not a past tense
    if PAST.match(word):
        return "past"
    if len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST_ED and not w.startswith("un"):
        return "past"
    return None


def _commits_forward(rev: list[str], i: int) -> bool:
    """Whether ``rev[i]`` (the left context read backwards) is a verb of commitment with an
    infinitive after it: "decided to admit ... in March", "voted to lift ... on Friday".
    The infinitive's act comes after the commitment, so its date points forward even when
    the commitment is told in the past; "agreed to the terms in March" (a preposition
    before a determiner) dates the agreement itself."""
    if i < 2 or rev[i].lower() not in COMMITMENT_VERB_FORMS or rev[i - 1].lower() != "to":
        return False
    verb = rev[i - 2]
    return verb.islower() and verb not in INFINITIVE_BLOCKERS and not verb.endswith("ing")


def _is_name(w: str) -> bool:
    """A mid-sentence capitalized word that is not a tense word: part of a name."""
    return w[:1].isupper() and not (FUTURE.match(w) or PAST.match(w) or w.lower() in AUX)


def _scan(toks: list[str], window: int, cased: bool):
    """Yield ``(distance, index, word, word before, word after)`` in reading-order neighbours;
    names ("the Northern Farmers and Growers Union plans") do not count towards the
    distance, so the verb after a long name stays within reach."""
    dist = 0
    for i, w in enumerate(toks):
        if dist >= window:
            return
        if cased and _is_name(w):
            continue
        yield dist, i, w, toks[i - 1] if i > 0 else "", toks[i + 1] if i + 1 < len(toks) else ""
        dist += 1


def tense_at(
    ctx: Ctx, start: int, end: int, *, window: int = 8, left_only: bool = False
) -> str | None:
    """Guess whether the clause around ``[start, end)`` talks about the past or the future.

    The nearest tense cue (a modal, an auxiliary, a past-tense verb) within ``window``
    tokens wins; words on the left count slightly more than words on the right.  A
    reporting verb on the right ("..., he said") counts only when nothing else does;
    "until" announces a deadline unless the clause is in the pluperfect.

    Parameters
    ----------
    ctx : Ctx
        The tagging context (text and whether it is cased).
    start, end : int
        The span of the expression.
    window : int, default 8
        How many words on each side are read.
    left_only : bool, default False
        Read only the words before the expression.

    Returns
    -------
    str or None
        "past", "future" or None (no cue).
    """
    s0, s1 = sentence_span(ctx.text, start, end)
    # only a bounded stretch of the sentence is read, so a long sentence full of dates
    # costs linear, not quadratic, time
    s0, s1 = max(s0, start - CONTEXT_CHARS), min(s1, end + CONTEXT_CHARS)
    left_all = _TOKEN.findall(ctx.text[s0:start])
    right_all = [] if left_only else _TOKEN.findall(ctx.text[end:s1])
    if left_all and left_all[-1].lower() in _UNTIL:
        clause = [w.lower() for w in left_all[-window:] + right_all[:window]]
        return "past" if "had" in clause else "future"
    best: tuple[float, str] | None = None
    fallback: str | None = None
    # the left context is read backwards: "before" is the word after in reading order
    rev = left_all[::-1]
    for dist, i, w, nxt, prv in _scan(rev, window, ctx.cased):
        c = "future" if _commits_forward(rev, i) else _cue(w, prv, nxt)
        if c:
            best = (dist, c)
            break
    right = right_all
    if best is not None:
        # a cue of the expression's own clause is not outweighed by a verb after a clause
        # boundary: "the talks, which are supposed to end by May, resumed"
        cut = _CLAUSE_END.search(ctx.text, end, s1)
        if cut is not None:
            right = _TOKEN.findall(ctx.text[end : cut.start()])
    for dist, _i, w, prv, nxt in _scan(right, window, ctx.cased):
        c = _cue(w, prv, nxt)
        if c == "future" and w.lower() in _PLANNED and prv.lower() not in _PLAN_AUX:
            # "On Friday, the council planned ...": the plan was made then; only a plan
            # told before the date ("planned to meet on Friday") points forward
            c = "past"
        elif c == "future" and w.lower() in ("was", "were") and nxt.lower() in _PLANNED:
            c = "past"
        if c:
            if w.lower() in _REPORTING:
                fallback = c
            elif best is None or dist + 1.5 < best[0]:
                best = (dist + 1.5, c)
            break
    if best is None and fallback is None and len(left_all) <= _FRONTED and not left_only:
        # a fronted adjunct ("In May, two days after the floods reached the delta and the
        # capital, a landslide buried a village"): its tense is the main clause's, whose
        # verb may come after a long apposition
        for _dist, _i, w, prv, nxt in _scan(right_all[window:], _FRONTED_WINDOW, ctx.cased):
            c = _cue(w, prv, nxt)
            if c:
                return c
    if best is None:
        return fallback
    return best[1]
