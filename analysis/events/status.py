"""The status of an event: occurred, planned, reported or denied.

:func:`decide_status` applies the rules of :mod:`analysis.events.extract` to the cues of
the trigger's own sentence (:func:`analysis.events.cues.status_cues`);
:func:`inherit_status` gives an undecided mention the status of the same event mentioned
elsewhere in the article; :func:`quote_attribution` marks a trigger inside a quote's words.
"""

from __future__ import annotations

from . import syntax
from .model import DAY, Event, is_na, overlap
from .tense import unrealised

__all__ = [
    "decide_status",
    "inherit_status",
    "noun_aspect",
    "quote_attribution",
    "told_by_a_doer",
    "undone_by_its_clause",
]

#: Verbs that undo a planned event ("the trip, which was cancelled").
_UNDOING = frozenset(["cancel", "scrap", "abandon", "scuttle", "scratch"])
#: Verbs of taking place, denied by a negation ("the meeting, which never took place").
_TAKING_PLACE = frozenset(["happen", "occur", "materialize", "materialise"])


#: Adjectives that tell an event as under way ("the ongoing talks", "the current
#: negotiations", "the continuing unrest"): it has begun, whatever is planned about it.
UNDER_WAY = frozenset(
    ["ongoing", "continuing", "continued", "current", "unfolding", "protracted", "running"]
)


def noun_aspect(trig) -> str | None:
    """The phase an event noun's adjective tells: "ongoing" for an event under way ("the
    ongoing talks", "the current negotiations", :data:`UNDER_WAY`), "coming" for one
    still to come ("the upcoming election", "the next summit",
    :data:`syntax.PLAN_MODIFIERS`), else None.  The adjective may qualify the noun
    the event noun is a compound of ("the ongoing election process", "the upcoming
    election campaign").

    Parameters
    ----------
    trig : spacy.tokens.Token
        The event's trigger.

    Returns
    -------
    str or None
    """
    if trig.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = [trig]
    if trig.dep_ == "compound" and trig.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(trig.head)
    for noun in nouns:
        for c in noun.children:
            if c.dep_ not in ("amod", "compound") or c.i > noun.i:
                continue
            lem = syntax._lemma(c)
            if lem in UNDER_WAY or c.lower_ in UNDER_WAY:
                return "ongoing"
            if lem in syntax.PLAN_MODIFIERS:
                return "coming"
    return None


def undone_by_its_clause(trig) -> bool:
    """True when a clause that describes the event noun says it did not happen: "his
    planned trip, which was cancelled", "the visit he later called off", "a summit,
    scrapped in May", "the meeting, which never took place".

    The parser may hang the clause on a name in the event's phrase ("the trip to Warsaw,
    which was cancelled"); a name is not what gets cancelled, so the event is.  A
    cancellation told as possible or future ("which could be cancelled") does not
    undo it; the main clause's polarity is read elsewhere
    (:func:`analysis.events.cues.status_cues`)."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    clauses = list(trig.children)
    for prep in trig.children:
        if prep.dep_ == "prep":
            names = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            clauses += [c for o in names for c in o.children]
    for clause in clauses:
        if clause.dep_ not in ("relcl", "acl") or not syntax._is_verb(clause):
            continue
        if unrealised(clause):
            continue
        lem = syntax._lemma(clause)
        particles = {c.lower_ for c in clause.children if c.dep_ == "prt"}
        if lem in _UNDOING or (lem == "call" and "off" in particles):
            return True
        negated = any(c.dep_ == "neg" for c in clause.children)
        taking_place = lem in _TAKING_PLACE or (
            lem == "take" and any(c.lower_ == "place" for c in clause.children)
        )
        if negated and taking_place:
            return True
    return False


def decide_status(ev: Event, anchor_day) -> tuple[str, bool]:
    """The event's status and whether a cue of its own sentence decided it (see the
    module docstring for the order of the rules)."""
    cues = ev.cues
    if cues.get("denied") or undone_by_its_clause(ev.trigger):
        return "denied", True
    before = False
    if (
        not is_na(anchor_day)
        and not is_na(ev.begin)
        and not is_na(ev.end)
        and ev.time_source in ("timex", "calendar")
    ):
        if ev.begin >= anchor_day + DAY:
            return "planned", True
        before = ev.end <= anchor_day
    aspect = noun_aspect(ev.trigger)
    if aspect == "ongoing":
        # "the ongoing talks could collapse", "wants to end the current talks": what is
        # planned or claimed is about the event, which is under way
        return "occurred", True
    if (cues.get("planned") or aspect == "coming") and not before:
        return "planned", True
    if cues.get("hedged") and not (before and _presupposed(ev)):
        return "reported", True
    if before:
        return "occurred", True
    if cues.get("tense") in ("past", "present"):
        # the tense of the trigger or of the verb that governs it directly decides;
        # a verb further up ("the timing of Kim's trip is ...") only suggests
        return "occurred", int(cues.get("tense_distance", -1)) <= 1
    return "occurred", False


def _presupposed(ev: Event) -> bool:
    """True for a definite event noun dated by its own words ("the 2016 election",
    "the March summit") or by the fixed calendar of its kind: a claim about it takes its existence for granted, so the
    attribution hedges the claim, not the event."""
    trig = ev.trigger
    if ev.time_source == "calendar":
        return trig.pos_ in ("NOUN", "PROPN")  # "the election" the calendar dates
    return (
        ev.definite
        and trig.pos_ in ("NOUN", "PROPN")
        and ev.timex is not None
        and ev.timex.head.head.i == trig.i
    )


def inherit_status(events: list[Event]) -> None:
    """An event whose own sentence did not decide its status takes the status of the
    nearest decided event of the same family in the article that shares a participant
    and whose interval does not exclude it (the same event mentioned again); a
    "reported" mention is not followed, its attribution belongs to that mention."""
    # "reported" belongs to one mention (its attribution), not to the event
    decided = [e for e in events if e.status_decided and e.participants and e.status != "reported"]
    for e in events:
        if e.status_decided or not e.participants:
            continue
        same = [
            o
            for o in decided
            if o.etype.family == e.etype.family
            and set(o.participants) & set(e.participants)
            and overlap(o, e) is not False
        ]
        if same:
            src = min(same, key=lambda o: abs(o.trigger_start - e.trigger_start))
            e.status = src.status
            e.status_from = src


def _past_act(trig) -> bool:
    return trig.tag_ == "VBD" and not any(c.dep_ in ("aux", "neg") for c in trig.children)


def _first_person_doer(trig) -> bool:
    """ "Kim and I met", "we signed it": the one who speaks is among the doers."""
    subjects = [c for c in trig.children if c.dep_ == "nsubj"]
    subjects += [t for s in subjects for t in s.conjuncts]
    return any(t.lower_ in ("i", "we") for t in subjects)


#: Verbs that tell without vouching for or against what they tell.
_NEUTRAL_SAYING = frozenset(
    ["say", "tell", "add", "state", "explain", "note", "recall", "write", "confirm"]
)
#: Adverbs that put a saying in doubt ("falsely said").
_DOUBTING = frozenset(["falsely", "wrongly", "erroneously", "allegedly", "reportedly"])


def told_by_a_doer(ev: Event, actor_tok: dict[tuple[int, int], list[str]]) -> None:
    """Undo the hedge of an act told in the past by one who did it.

    "Kim and I met on Monday, Trump said", "we met, the ministers said", "Trump said he
    met Kim": the speaker's own act, told as done with a neutral verb of saying, is not
    an attributed claim.  "Trump claimed he met Kim" and "falsely said" stay hedged.

    Parameters
    ----------
    ev : Event
        An event whose cues are set (:func:`analysis.events.cues.status_cues`).
    actor_tok : dict
        ``(id(doc), token index) -> actor ids`` of the actor mentions.
    """
    if not ev.cues.get("hedged") or not _past_act(ev.trigger):
        return
    node, speaker = ev.trigger, None
    while node.dep_ in ("ccomp", "conj", "parataxis") and node.head.i != node.i:
        node = node.head
        if syntax._is_verb(node) and syntax._lemma(node) in syntax.REPORTING_VERBS:
            speaker = node
            break
    if speaker is None or syntax._lemma(speaker) not in _NEUTRAL_SAYING:
        return  # "claimed he met", "alleged they signed": the claim stays a claim
    if any(c.dep_ == "advmod" and c.lower_ in _DOUBTING for c in speaker.children):
        return  # "falsely said he met"
    ids: set[str] = set()
    for c in speaker.children:
        if c.dep_ == "nsubj":
            for t in c.subtree:
                ids.update(actor_tok.get((id(t.doc), t.i), []))
    mine = bool(ids & set(ev.participants))
    if mine or _first_person_doer(ev.trigger):
        ev.cues["hedged"] = False
        ev.cues["attributed"] = ""


def _own_past_act(ev: Event, quote: dict) -> bool:
    """True when the speaker of a quote tells, in the past tense, an act of their own: "the
    President and the Speaker met this afternoon", in the statement of either; "Kim and I
    met", "we signed it"."""
    if not _past_act(ev.trigger):
        return False
    speaker = quote.get("speaker")
    if not is_na(speaker) and str(speaker) in ev.participants:
        return True
    return _first_person_doer(ev.trigger)


def performative(trig) -> bool:
    """True for a speech act done by saying it, in the speaker's own words: "we urge the
    court to act", "I call on Ruiz to resign", "we condemn the attack" -- a verb in the
    present, with "I" or "we" for subject, no auxiliary and no negation."""
    return (
        trig.tag_ == "VBP"
        and _first_person_doer(trig)
        and not any(c.dep_ in ("aux", "neg") for c in trig.children)
    )


def quote_attribution(ev: Event, quotes: list[dict]) -> None:
    """Mark ``ev`` hedged when its trigger lies inside the words of a quote (direct or
    reported speech, "according to") whose cue is not factive: the claim is the
    speaker's, not the article's.  Catches what the parse misses (a quote of several
    sentences, "..., he said" attached as parataxis).  A verb of saying that heads its
    own clause ("McCain said ...", "Schumer tweeted ...") is a speech act the article
    reports in its own voice, even where a quote's span runs over it."""
    trig = ev.trigger
    if (
        ev.etype.name == "statement"
        and trig.pos_ in ("VERB", "AUX")
        and trig.dep_ in ("ROOT", "conj", "parataxis")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)
    ):
        return
    for q in quotes:
        try:
            inside = int(q["start"]) <= ev.trigger_start < int(q["end"])
        except (TypeError, ValueError, KeyError):
            continue
        if not inside:
            continue
        cue = q.get("cue")
        cue = "" if is_na(cue) else str(cue).lower()
        if cue and cue.split()[0] in syntax.FACTIVE_VERBS:
            continue
        if _own_past_act(ev, q):
            continue  # "we met this afternoon", says one who met: told as done
        if ev.etype.family == "statement" and performative(trig):
            continue  # '"We urge the court to act," Vale said': done in the saying
        if ev.etype.family == "statement" and trig.dep_ == "relcl" and syntax._is_verb(trig):
            continue  # "accused her of the abuses that others accused him of": told as done
        if (
            ev.etype.family == "statement"
            and trig.pos_ in ("NOUN", "PROPN")
            and trig.head.i != trig.i
            and cue
            and cue.split()[0] in (syntax._lemma(trig.head), trig.head.lower_)
        ):
            continue  # "the office issued a statement that ...": the speech act itself
        ev.cues["hedged"] = True
        ev.cues["attributed"] = ev.cues.get("attributed") or cue or "quote"
        return
