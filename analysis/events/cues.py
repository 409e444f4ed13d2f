"""Grammatical cues of an event's status, read on the dependency tree around its trigger.

:func:`status_cues` reads negation, modality, hedges, attribution, tense and the acts set
aside ("instead of meeting") on the path from the trigger upward, scoped to the trigger's
own clause; :mod:`analysis.events.status` turns them into a status.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.commitments import CAUSATIVE_IMPLICATIVES, IMPLICATIVE_HASTE, IMPLICATIVE_VERBS
from ..lexicon.documents import MESSAGES
from ..lexicon.prepositions import TEMPORAL_PREPOSITIONS
from .scope import (
    frames_quote,
    message_told,
    negated_challenge,
    object_of_other_act,
    subject_of_other_predicate,
)
from .syntax import (
    _BYPASSING,
    _DEMAND_GOVERNORS,
    ATTRIBUTION_VERBS,
    CLAIM_RELS,
    DENY_WORDS,
    FACTIVE_VERBS,
    FUTURE_AUX,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    ISSUE_VERBS,
    MODAL_AUX,
    PLAN_MODIFIERS,
    PLAN_WORDS,
    REJECT_WORDS,
    SUBJ,
    SUPPORT_VERBS,
    WITHHOLDING_VERBS,
    _is_verb,
    _lemma,
    same_paragraph,
)
from .tense import tense_of, unrealised

__all__ = ["counterfactual", "set_aside", "status_cues"]


def _rather_than(tok: Token) -> bool:
    """True when ``tok`` has a "than" (mark or coordinator) right after "rather"."""
    return any(
        c.dep_ in ("mark", "cc")
        and c.lower_ == "than"
        and c.i > 0
        and c.nbor(-1).lower_ == "rather"
        for c in tok.children
    )


def set_aside(trigger: Token) -> bool:
    """True for an act named as the one not taken: "instead of meeting him", "instead of
    talks", "rather than meet the rebels", "chose to negotiate rather than threaten"."""
    node = trigger
    if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "of":
        gov = node.head.head
        if gov.lower_ == "instead" or node.head.nbor(-1).lower_ == "instead":
            return True
    if _rather_than(node) and any(c.dep_ == "mark" for c in node.children):
        return True  # "rather than meet the rebels, ..."
    return node.dep_ == "conj" and _rather_than(node.head)  # "negotiate rather than threaten"


def status_cues(trigger: Token, *, speech_act: bool = False) -> dict[str, bool | str | int]:
    """Grammatical cues of the event's status, read on the path from the trigger upward.

    Returns a dict with

    * ``denied``: negation of the trigger or of a verb above it ("did not meet", "no
      plans to meet"), or a word of denial, cancellation or failure governing it
      ("denied that ...", "cancelled", "failed to", "ruled out", "called off");
    * ``planned``: a future or modal auxiliary ("will meet", "could visit"), a word of
      plan, intention or expectation governing it ("plans to", "is expected to",
      "preparations for"), an irrealis to-infinitive ("agreed to meet") or a modifier
      ("the upcoming summit");
    * ``hedged`` and ``attributed``: the event is an unconfirmed claim -- a hedging
      adverb ("reportedly"), "according to", a hedging verb ("hinted that"), or the
      complement of a non-factive verb of saying ("X said that ... had tested", "is
      said to have met"); ``attributed`` names the cue.  A factive verb ("confirmed
      that", "noted that") does not hedge;
    * ``tense`` ("past", "present", "future", "modal" or "") of the nearest verb that
      has one, and ``tense_distance``, how many content words above the trigger that
      verb is (0: the trigger itself; prepositions do not count).

    The walk stops at the verb of saying that introduces the event.  With
    ``speech_act`` (the trigger names something said: a demand, a warning, a statement),
    a noun trigger that is the object of a verb of rejection ("denied the request",
    "rejected the demand") is not denied -- it was made, then refused; ``rejected``
    names that verb.
    """
    cues: dict[str, bool | str | int] = {
        "planned": False,
        "denied": False,
        "hedged": False,
        "tense": "",
        "attributed": "",
        "tense_distance": -1,
        "rejected": "",
    }
    for child in trigger.children:
        lem = _lemma(child)
        if child.dep_ == "neg" or (child.dep_ == "det" and lem == "no"):
            cues["denied"] = True
        if (
            (child.dep_ == "preconj" and child.lower_ == "neither")
            or (child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _NO_ONE)
            or (
                child.dep_ in ("nsubj", "nsubjpass")
                and any(
                    g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in child.children
                )
            )
        ):
            # "could neither confirm nor deny", "neither was elected", "nobody met him",
            # "neither Vale nor Ruiz was elected"
            cues["denied"] = True
    if trigger.dep_ == "conj" and any(
        c.dep_ == "preconj" and c.lower_ == "neither" for c in trigger.head.children
    ):
        cues["denied"] = True  # the "nor" conjunct of "neither ... nor"
        if child.dep_ in ("amod", "advmod", "compound") and lem in PLAN_MODIFIERS:
            cues["planned"] = True
        if lem in HEDGE_ADVERBS:
            cues["hedged"] = True
            cues["attributed"] = cues["attributed"] or lem
        if child.dep_ == "prep" and child.lower_ == "according":
            cues["hedged"] = True
            cues["attributed"] = cues["attributed"] or "according to"
    node = trigger
    distance = 0
    deontic = False
    other_clause = False  # above an adverbial or relative clause: another proposition
    own_conjunct = False  # a conjunct with its own auxiliary keeps its own polarity
    past_relative = False  # above a relative clause in the past: a done act described
    cancelled = False  # a word of cancellation or denial governs the event
    # "did not influence the election": the negation is the influencing's
    other_act = object_of_other_act(trigger, SUPPORT_VERBS | DENY_WORDS)
    other_act = other_act or subject_of_other_predicate(trigger)  # "did not go well"
    for _ in range(12):
        denied_before, planned_before = cues["denied"], cues["planned"]
        _verb_cues(node, cues, distance=distance)
        if other_clause or own_conjunct or (other_act and node is not trigger):
            cues["denied"] = denied_before  # "met him to avoid ...; did not ..." stays
        if past_relative or own_conjunct:
            # "will approve the sum he demanded"; "would not go so far, but said ..."
            cues["planned"] = planned_before
        deontic = deontic or _deontic(node)
        if node.head.i == node.i or not same_paragraph(node, node.head):
            break
        head, rel = node.head, node.dep_
        hl = _lemma(head)
        if node is not trigger and _lemma(node) in ATTRIBUTION_VERBS and _is_verb(node):
            break
        if (
            speech_act
            and node is trigger
            and (
                rel in ("parataxis", "ccomp")
                or frames_quote(trigger, head)
                or message_told(trigger, MESSAGES) is not None  # "a message blaming X"
            )
        ):
            break  # '"I reject it," she replied': the quote's words are not the reply's
        if (
            rel == "conj"
            and _is_verb(node)
            and any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in node.children)
        ):
            # "did not take questions, but did say ...", "they never backed down, and the
            # army said ...": a conjunct with its own auxiliary or subject is its own clause
            own_conjunct = True
        if rel == "conj" and node.tag_ in ("VBD", "VBZ") and head.tag_ == "VB":
            # "did not concede, and vowed to fight on": a finite verb is outside the
            # "did"/"does" that carries the negation of the bare one before it
            own_conjunct = True
        if (
            speech_act
            and node is trigger
            and trigger.pos_ in ("NOUN", "PROPN")
            and rel in ("dobj", "obj")
            and (hl in REJECT_WORDS or hl in ISSUE_VERBS)
        ):
            # "the minister denied the request": the request was made, and refused;
            # "the ministry issued a statement": the verb that makes the statement, not
            # a source that reports it -- either way only its tense counts
            if hl in REJECT_WORDS:
                cues["rejected"] = hl
            _verb_cues(head, cues, distance=distance + 1, tense_only=True)
            break
        challenge = negated_challenge(node, head)
        if challenge:  # "do not contest they met": conceded; "did not deny it": a claim
            cues["hedged"] = cues["hedged"] or challenge == "claimed"
            cues["attributed"] = cues["attributed"] or ("not " + hl if cues["hedged"] else "")
            break
        if hl in ATTRIBUTION_VERBS and head.pos_ in ("VERB", "AUX") and rel in CLAIM_RELS:
            # the event is what the source says: denied, confirmed, or only claimed
            if hl == "deny":
                cues["denied"] = True
            elif hl in FACTIVE_VERBS:
                if not cues["tense"]:
                    _verb_cues(head, cues, distance=distance + 1, tense_only=True)
            else:
                cues["hedged"] = True
                cues["attributed"] = cues["attributed"] or hl
            break
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node is trigger and rel == "pobj" and head.lower_ in TEMPORAL_PREPOSITIONS:
            other_clause = True  # "will not meet him during his visit": not the visit's
        if (
            node.lower_ == "of"
            and trigger.head.i == node.i
            and head.pos_ == "NOUN"
            and hl not in PLAN_WORDS | _PROSPECT_NOUNS
        ):
            # "would not give details of the talks": what is refused, planned or done
            # above is the details; the talks' own status is not said here
            break
        if rel in _CLAUSE_BOUNDARIES and not (rel == "acl" and infinitive):
            other_clause = True  # "plans to meet" (acl, to-infinitive) is a complement
            if rel == "relcl" and node.tag_ == "VBD" and not cues["planned"]:
                past_relative = True
        if rel not in ("nsubj", "csubj", "conj") and not other_clause:
            if hl in DENY_WORDS and unrealised(head):
                cues["planned"] = True  # "the summit would be cancelled": not yet
            elif hl in DENY_WORDS:
                cues["denied"] = True
                deontic = deontic or _deontic(head)
            if hl in PLAN_WORDS or _looks_ahead(head):
                cues["planned"] = True
            if hl in HEDGE_VERBS:
                cues["hedged"] = True
                cues["attributed"] = cues["attributed"] or hl
            if hl == "rule" and any(c.lower_ == "out" for c in head.children):
                cues["denied"] = True
            if (
                (hl in WITHHOLDING_VERBS and rel == "xcomp")
                or (hl in _BYPASSING and rel == "dobj")
                or (hl in _REFUSALS and rel == "acl" and head.pos_ == "NOUN")
            ):
                # "declined to comment", "bypassing formal talks", "her refusal to say
                # where she stood": not done
                cues["denied"], cues["planned"] = True, False
            if hl == "call" and any(c.lower_ == "off" for c in head.children):
                cues["denied"] = True
            if (
                hl == "short"
                and _lemma(head.head) == "stop"
                and any(c.dep_ == "pcomp" and c.i == trigger.i for c in node.children)
            ):
                # "stopped short of calling for it": that act was not done (but in
                # "stopped short of giving a date for the summit" the summit stands)
                cues["denied"] = True
            if (
                head.pos_ in ("NOUN",)
                and (hl in PLAN_WORDS or hl in _PROSPECT_NOUNS)
                and any(c.dep_ == "det" and _lemma(c) == "no" for c in head.children)
            ):
                cues["denied"] = True  # "no plans to meet" -- not "no readout of the meeting"
        if (
            cancelled
            and head.pos_ == "NOUN"
            and hl in _PROSPECT_NOUNS
            and any(c.lower_ in _NONE_WORDS for c in head.children)
        ):
            # "no chance that the summit would be cancelled": it stays planned
            cues["denied"] = False
            cues["planned"] = True
            cancelled = False
        if rel not in ("nsubj", "csubj", "conj") and hl in DENY_WORDS:
            cancelled = cancelled or cues["denied"]
        if head.dep_ != "prep" and head.pos_ != "ADP":
            distance += 1
        node = head
    if deontic and cues["denied"]:
        # "there should be no meeting", "the summit should be cancelled", "urged him to
        # call off the visit": a demand that it not happen -- the event is still planned
        cues["denied"] = False
        cues["planned"] = True
    if set_aside(trigger):
        cues["denied"], cues["planned"] = True, False  # the act not taken
    return cues


#: Nouns of not doing what their infinitive says ("her refusal to say", "his failure to
#: condemn it").
_REFUSALS = frozenset(["refusal", "reluctance", "failure", "unwillingness"])
#: Subjects that say nobody did it.
_NO_ONE = frozenset(["neither", "nobody", "none", "noone"])
#: Relations that open another proposition: its negation is not the trigger's.
_CLAUSE_BOUNDARIES = frozenset(["advcl", "relcl", "acl", "parataxis", "csubj"])
#: Quantifiers that make a prospect noun say the thing will not happen.
_NONE_WORDS = frozenset(["no", "zero", "little"])
#: Nouns whose "no" denies what they govern ("no chance of a deal", "no plans to meet").
_PROSPECT_NOUNS = frozenset(
    ["chance", "prospect", "sign", "intention", "possibility", "way", "hope", "date"]
)

#: Modals of obligation: a negation or cancellation under them is demanded, not done.
_DEONTIC_AUX = frozenset(["should", "must", "ought", "shall"])


def _looks_ahead(head: Token) -> bool:
    """ "look forward to the talks", "looking ahead to the vote": what is looked to is
    still to come."""
    return _lemma(head) == "look" and any(
        c.dep_ in ("advmod", "prt") and c.lower_ in ("forward", "ahead") for c in head.children
    )


def _deontic(node: Token) -> bool:
    """True when ``node`` states an obligation or a demand, not a fact: a modal of
    obligation ("should be cancelled"), an imperative ("cancel the meeting!", or bare
    verbs after a colon: "the choice: stay, or cancel the visit"), or a to-infinitive
    governed by a verb of demanding ("urged Trump to cancel")."""
    if node.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(node.children)
    if any(c.dep_ == "aux" and c.lower_ in _DEONTIC_AUX for c in kids):
        return True
    if node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        gov = node.head
        if gov.dep_ == "prep" or gov.pos_ == "ADP":
            gov = gov.head
        # "urged Trump to cancel", and a verb of saying with a to-infinitive: "told him
        # to leave", "tweeted to the minister to resign"
        return _lemma(gov) in _DEMAND_GOVERNORS or _lemma(gov) in ATTRIBUTION_VERBS
    if node.tag_ != "VB" or any(c.dep_ in SUBJ or c.dep_ == "aux" for c in kids):
        return False
    if node.dep_ == "ROOT":
        return True
    # "an ultimatum: make it a priority, or cancel the meeting" -- bare verbs after a colon
    first = node
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.i > 0 and first.doc[first.i - 1].text == ":"


#: Modals whose perfect tells what did not happen ("would have met", "should have said").
_COUNTERFACTUAL = frozenset(["would", "should", "'d"])


def counterfactual(trigger: Token) -> bool:
    """True for a verb in the perfect of "would" or "should" -- "he would have been
    labeled a liar", "they should have met" --: what it tells did not happen ("may have
    met" is only uncertain).

    Parameters
    ----------
    trigger : spacy.tokens.Token
        The event's trigger.

    Returns
    -------
    bool
    """
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c.lower_ for c in trigger.children if c.dep_ == "aux"]
    return "have" in aux and any(a in _COUNTERFACTUAL for a in aux)


def _implied(node: Token) -> bool:
    """An infinitive done when its verb is: "managed to meet", "moved (on Monday) to
    demand" -- the latter also when the parser reads a purpose clause --, one that a
    causative makes someone do ("prompted Vale to call for talks"), and one that tells
    what a ranked one did ("the first leader to visit Oslo")."""
    head = _lemma(node.head)
    if node.dep_ in ("acl", "relcl") and _ranked(node.head):
        return True  # "the first leader to visit Oslo": visited
    if (
        node.dep_ == "advcl"
        and head == "be"
        and any(c.dep_ == "attr" and _ranked(c) for c in node.head.children)
    ):
        return True  # "is the third candidate this week to announce a bid": announced
    if node.dep_ == "xcomp":
        # "managed to meet"; "prompted Vale to call for talks": Vale called for them
        return head in IMPLICATIVE_VERBS or head in CAUSATIVE_IMPLICATIVES
    if node.dep_ == "advcl" and head == "go":
        # "went on to praise him", the infinitive read as a purpose clause: praised
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in node.head.children)
    return node.dep_ == "advcl" and head in IMPLICATIVE_HASTE


#: Words that rank the one who did something first, last or among others ("the next"
#: is still to come: its infinitive stays a plan).
_RANKS = frozenset(["first", "second", "third", "fourth", "fifth", "last", "latest", "only"])


def _ranked(noun: Token) -> bool:
    """True for a noun ranked by an ordinal ("the first leader", "the latest Republican",
    "the third candidate this week"), whose infinitive tells what it did."""
    return noun.lower_ in _RANKS or any(
        c.dep_ in ("amod", "nummod") and c.lower_ in _RANKS for c in noun.children
    )


def _verb_cues(node: Token, cues: dict, *, distance: int, tense_only: bool = False) -> None:
    if node.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    if not tense_only:
        perfect_modal = any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in node.children)
        for c in node.children:
            if c.dep_ not in ("aux", "auxpass", "neg", "advmod", "prep"):
                continue
            lem = _lemma(c)
            low = c.lower_
            if c.dep_ == "neg" or low == "never":
                cues["denied"] = True
            if c.dep_ == "aux" and (low in FUTURE_AUX or lem in FUTURE_AUX):
                cues["planned"] = True
                cues["tense"] = cues["tense"] or "future"
            elif c.dep_ == "aux" and (low in MODAL_AUX or lem in MODAL_AUX):
                if perfect_modal:
                    # "may have tested", "could have met": a past act told as possible
                    cues["hedged"] = True
                    cues["attributed"] = cues["attributed"] or low
                    cues["tense"] = cues["tense"] or "past"
                else:
                    cues["planned"] = True
                    cues["tense"] = cues["tense"] or "modal"
            if lem in HEDGE_ADVERBS:
                cues["hedged"] = True
                cues["attributed"] = cues["attributed"] or lem
            if c.dep_ == "prep" and low == "according":
                cues["hedged"] = True
                cues["attributed"] = cues["attributed"] or "according to"
        # infinitival complements and relatives are irrealis: "preparations to host Kim",
        # "agreed to meet", "is expected to visit"
        if (
            node.tag_ == "VB"
            and node.dep_ in ("relcl", "acl", "xcomp", "advcl", "ccomp")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and not _implied(node)
        ):
            cues["planned"] = True
    if not cues["tense"] and node.pos_ in ("VERB", "AUX"):
        tense = tense_of(node)
        if tense:
            cues["tense"] = tense
            cues["tense_distance"] = distance
