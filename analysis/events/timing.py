"""When an event happened: the timex attached to its trigger, or none.

A timex attaches to the trigger it is nearest to on the dependency path
(:func:`timex_cost`), never through a verb of saying: in "the summit was revealed last
week" the week is the revelation's -- nor into the complement of a verb of knowing or
disputing ("do not dispute they met him", :data:`KNOWING_VERBS`).  An event noun that is
the setting of a dated act takes its date ("spoke on Monday at the summit").  An
anaphoric day with no date before it ("the same day") dates nothing.  A plural trigger with several distinct dates ("the
tests of May and July") splits into one event per date (:func:`with_time`).  A bare
weekday or month takes the direction of the event's tense (:func:`weekday_direction`,
:func:`month_direction`).  A saying without a date of its own is dated by the article's
narrative (:mod:`analysis.events.narrative`).
"""

from __future__ import annotations

import pandas as pd

from ..lexicon.calendar import MONTHS, WEEKDAYS
from ..lexicon.documents import DOCUMENTS, OCCASIONS, SPEAKING_OCCASIONS
from ..timex import NO_ANTECEDENT
from . import roles, syntax
from .model import Event, Span, is_na
from .scope import in_quote
from .tense import tense_of

#: Prepositions that relate the event to a date without placing it there.
RELATION_SIGNALS = frozenset(["since", "until", "till", "before", "after"])
#: Verbs of knowing, believing and disputing: a clause they take as complement tells a
#: fact or a belief at its own time, not the time of the knowing ("pleaded not guilty on
#: Monday, though they do not dispute they met the victim"; "learned on Friday that the
#: talks had failed").  Verbs of saying are :data:`syntax.REPORTING_VERBS`.
KNOWING_VERBS = frozenset(
    [
        *("know", "learn", "realise", "realize", "understand", "recognise", "recognize"),
        *("remember", "recall", "forget", "discover", "find", "notice", "see"),
        *("dispute", "doubt", "question", "contest", "challenge", "accept", "concede"),
        *("believe", "suspect", "assume", "suppose", "presume", "imagine", "fear", "hope"),
    ]
)
#: Subjects that make a conjunct a clause of its own.
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
#: Words that relate an event under them to another act ("two weeks before the summit",
#: "a month in advance of the vote", "days ahead of the talks", "prior to the visit").
_RELATING_WORDS = RELATION_SIGNALS | frozenset(["advance", "ahead", "prior"])
#: Verbs whose date is the date of the event noun they govern: "held talks on Monday",
#: "the summit is set for June 12", "will attend the meeting Friday".  Any other verb
#: above an event noun dates its own act: in "urged on Friday that the summit be
#: cancelled" or "flew to Hanoi on Monday for the summit", the day is not the summit's.
TIMING_SUPPORT_VERBS = syntax.RUNNING_VERBS | frozenset(
    [
        "be",
        "close",
        "kick",
        "go",
        "happen",
        "occur",
        "schedule",
        "reschedule",
        "set",
        "slate",
        "expect",
        "provide",  # "providing airstrikes": carrying them out
        "mount",
        "win",  # "won the election on Tuesday": the election's day
        "lose",
    ]
)

__all__ = [
    "KNOWING_VERBS",
    "RELATION_SIGNALS",
    "TIMING_SUPPORT_VERBS",
    "interval",
    "month_direction",
    "nest_timexes",
    "perfect",
    "set_time",
    "timex_cost",
    "done_at",
    "told_at_the_time",
    "within_hours_of",
    "weekday_direction",
    "width",
    "with_time",
]


def timex_cost(ev: Event, tx: Span, triggers: set[int]) -> float | None:
    """Cost of attaching timex ``tx`` to event ``ev`` (None: cannot attach)."""
    trig = ev.trigger
    if tx.head.doc is not trig.doc:
        return None
    if tx.start <= ev.trigger_start < tx.end:
        return None
    if ev.etype.family == "statement" and in_quote(tx.head) and not in_quote(trig):
        return None  # '"When we met last year, ..." he said': the quoted words' time
    if str(tx.row.get("signal") or "").lower() in RELATION_SIGNALS:
        return None  # "since 2011", "before the summit": a bound, not the event's date
    if tx.row.get("reason") == NO_ANTECEDENT:
        return None  # "the same day" with no date before it: the publication day is a guess
    if not syntax.same_paragraph(trig, tx.head):
        return None  # a sentence run over a paragraph break: another paragraph's date
    p = syntax.path(trig, tx.head)
    if p is None:
        return None
    up, down = p
    if _governed_by_another_act(trig, up, triggers):
        return None
    if _dates_another_noun(trig, tx.head, up):
        return None
    if ev.etype.family == "agreement" and roles.proposing_verb(trig) is not None:
        # "the deal he outlined on Saturday", "proposed a deal on Saturday" (however
        # parsed): the day it was put forward, not the day of a deal not made
        return None
    statement = ev.etype.family == "statement"
    cost = float(len(up) + len(down) + 1)
    for n in ([trig] + up)[: len(up)]:  # each node whose link to its head the path takes
        if (
            n.dep_ == "conj"
            and syntax._is_verb(n)
            and any(c.dep_ in _SUBJECTS for c in n.children)
            and ("" != tense_of(n) != tense_of(n.head) != "" or _has_have(n) != _has_have(n.head))
        ):
            # "talks began on May 2 and Ruritania says ...", "approved it on Friday,
            # but it has been criticized": another time
            return None
    below = trig
    for n in up:
        if n.i != trig.i and syntax._lemma(n) in syntax.REPORTING_VERBS and syntax._is_verb(n):
            return None
        if (
            below.dep_ == "ccomp"
            and below.head.i == n.i
            and syntax._is_verb(n)
            and syntax._lemma(n) in KNOWING_VERBS
        ):
            return None  # "do not dispute (that) they met": the meeting's own time
        below = n
        if n.i != trig.i and n.lower_ in _RELATING_WORDS and n.dep_ in ("prep", "advmod", "pobj"):
            return None  # "a month ahead of the vote": the month measures a gap
        if n.i != trig.i and n is not (up[-1] if up else None) and syntax._is_verb(n):
            cost += 1
    if statement and _occasion_of_saying(tx):
        return cost + 1  # "admitted Vale would lose in an interview Tuesday": the saying's
    close = False  # under "hours after" / "shortly before": the other act's day
    venue = _venue(trig, down)
    for n in down:
        if (
            n.i in triggers
            and not close
            and n is not venue
            and not (syntax._is_verb(n) and _same_occasion_clause(n, trig))
        ):
            return None  # another event's own date, unless told at the same time
        if n.dep_ == "prep" and n.lower_ in RELATION_SIGNALS:
            if not (_within_hours(n) and tx.row.get("precision") in ("day", "time")):
                return None  # "the first talks since a session three weeks ago": its date
            close = True
        if syntax._is_verb(n):
            if _same_occasion_clause(n, trig):
                cost += 1
                continue
            if statement or syntax._lemma(n) in syntax.REPORTING_VERBS:
                return None
            cost += -1 if _held_for(n) else 2
    if tx.row.get("type") == "DURATION":
        cost += 1.5
    return cost


def _venue(trig, down: list) -> object | None:
    """The occasion ``trig`` is placed at, on the way down to a timex in its own phrase
    ("praised Ruiz at the summit on Thursday", "During Thursday's meeting, Vale asked
    Ruiz"): what is done at it is done on its day.  None otherwise."""
    if len(down) < 2 or down[0].dep_ != "prep" or down[0].lower_ not in ("at", "during"):
        return None
    noun = down[1]
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in SPEAKING_OCCASIONS:
        return None
    return noun


#: Occasions of speaking whose day is the saying's wherever the parser hangs them: "in an
#: interview Tuesday", "at a news conference on Friday".
_OCCASIONS_OF_SAYING = frozenset(
    ["interview", "speech", "address", "briefing", "conference", "remarks", "appearance"]
)


def _occasion_of_saying(tx: Span) -> bool:
    """True when the day ``tx`` dates an occasion of speaking put in a phrase of its own
    ("in an interview Tuesday", "at a news conference on Friday", "during remarks on
    Monday"): the occasion of the saying whose complement the phrase ends up in, not of
    what the words tell ("Vale admitted Ruiz would lose the House in an interview
    Tuesday" -- the losing is not on Tuesday)."""
    if str(tx.row.get("precision")) not in ("day", "time"):
        return False  # "in early July": a period, not an occasion's day
    node = tx.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        node = node.head.head  # "an interview on Tuesday"
    elif node.dep_ in ("npadvmod", "compound", "nmod"):
        node = node.head  # "an interview Tuesday", "a Tuesday interview"
    else:
        return False
    return (
        node.lemma_.lower() in _OCCASIONS_OF_SAYING
        and not any(c.dep_ == "poss" for c in node.children)  # "during her FBI interview"
        and node.dep_ == "pobj"
        and node.head.lower_ in ("in", "at", "during")
    )


#: Nouns and adverbs of a gap shorter than a day: "in the hours after the vote on
#: Monday", "minutes before the speech", "shortly after the meeting on Friday".
_HOURS = frozenset(["hour", "minute", "moment"])
_SHORTLY = frozenset(["shortly", "soon", "just", "immediately", "right", "moments", "minutes"])


def _within_hours(prep) -> bool:
    """True for "after" or "before" that put an act within hours of another one, so
    that the other's day is its own: "in the hours after the speech on Sunday", "minutes
    before the vote on Monday", "shortly after the Friday meeting"."""
    if prep.lower_ not in ("after", "before"):
        return False
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _SHORTLY for c in prep.children):
        return True  # "shortly after", "minutes before"
    if any(c.dep_ == "npadvmod" and _few_hours(c) for c in prep.children):
        return True  # "hours after"
    if _few_hours(prep.head):
        return True  # "in the hours after": "after" on "hours"
    # "in the hours after" with "after" on the verb, beside "in the hours"
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "within") and c.i < prep.i
        for c in prep.head.children
        if any(o.dep_ == "pobj" and _few_hours(o) for o in c.children)
    )


def _few_hours(noun) -> bool:
    """ "hours", "the hours", "minutes": a gap of hours, not "36 hours" or "many hours"."""
    return noun.lemma_.lower() in _HOURS and not any(
        c.dep_ == "nummod" or c.like_num or c.lower_ in ("many", "several", "48", "72")
        for c in noun.children
    )


#: Markers of a clause told at the same time as the verb it hangs on ("when he visited
#: Kyiv in March, Vale said ...", "while serving as a senator in 2007, she argued ...").
_AT_THE_SAME_TIME = frozenset(["when", "while"])
#: Nouns of words and their occasions whose own participle may tell their day ("in a
#: statement released Thursday", "in a letter dated May 6", "an interview aired Sunday").
_DATED_WORDS = DOCUMENTS | OCCASIONS | frozenset(["speech", "remarks", "address", "briefing"])


def _same_occasion_clause(verb, trig) -> bool:
    """True when ``verb``, met on the way down from ``trig`` to a timex, tells the very
    occasion of ``trig``, so that its day is ``trig``'s own:

    * a clause of "when" or "while" on ``trig`` ("When he visited Kyiv in March, Vale
      said ..."), or a participle on it without a subject of its own ("Asked on Monday
      about the vote, Vale said ...", "Speaking in Lyon on Tuesday, she warned ...");
    * the participle that issues the words or occasion in which ``trig`` is told ("said
      in a statement released Thursday", "wrote in a letter dated May 6").

    Any other verb below an event dates an act of its own ("said he would resign after
    the vote in May")."""
    if verb.dep_ == "advcl" and verb.head.i == trig.i:
        marks = {
            c.lower_
            for c in verb.children
            if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i)
        }
        if marks:
            return bool(marks & _AT_THE_SAME_TIME)
        return verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in _SUBJECTS for c in verb.children)
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    noun = verb.head
    if noun.lemma_.lower() not in _DATED_WORDS:
        return False
    return noun.head.i == trig.i or (
        noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == trig.i
    )


def told_at_the_time(other: Event, ev: Event) -> bool:
    """True when the event ``other`` is told in a clause of "when", "while" or a bare
    participle on ``ev``'s verb (:func:`_same_occasion_clause`): a day that dates
    ``other`` dates ``ev`` as well ("When she visited Kyiv in March, Vale said ...")."""
    o = other.trigger
    return (
        o.doc is ev.trigger.doc
        and syntax._is_verb(o)
        and syntax._is_verb(ev.trigger)
        and _same_occasion_clause(o, ev.trigger)
    )


def within_hours_of(other: Event, ev: Event) -> bool:
    """True when the event ``other`` is told in an "after" or "before" phrase that puts
    ``ev`` within hours of it (:func:`_within_hours`): the day that dates ``other``
    dates ``ev`` ("issued a statement in the hours after the vote on Monday")."""
    o, t = other.trigger, ev.trigger
    if o.doc is not t.doc:
        return False
    heads = {t.i} | ({t.head.i} if not syntax._is_verb(t) else set())
    return any(
        a.dep_ == "prep" and a.head.i in heads and _within_hours(a)
        for a in o.ancestors
        if a.i != t.i
    )


def _has_have(verb) -> bool:
    """True for a verb in a perfect tense ("has been criticized", "had met")."""
    return any(c.dep_ == "aux" and syntax._lemma(c) == "have" for c in verb.children)


def done_at(other: Event, ev: Event) -> bool:
    """True when ``ev`` is done at or during the occasion ``other`` names ("At the summit
    on Thursday, Vale praised Ruiz", "During Thursday's meeting, Vale asked Ruiz"): the
    day that dates the occasion dates ``ev`` as well."""
    o, t = other.trigger, ev.trigger
    return (
        o.doc is t.doc
        and o.dep_ == "pobj"
        and o.lemma_.lower() in SPEAKING_OCCASIONS
        and o.head.dep_ == "prep"
        and o.head.lower_ in ("at", "during")
        and o.head.head.i == t.i
    )


#: Prepositions whose object, dated by its modifier, sets the time of the clause:
#: "during his 2016 campaign", "in the 2019 session".
_SETTING_PREPS = frozenset(["during", "in", "at", "on", "throughout", "over"])


def _dates_another_noun(trig, head, up: list) -> bool:
    """True when the timex only dates another noun than the event: a year or day before
    a noun ("his 2016 campaign promises", "an 1898 ruling"), or a verb's relative clause
    reaching its noun's date ("a ruling in 1898 that she argued ...") -- unless that
    noun sets the time of the clause ("during his 2016 campaign, he threatened ...")."""
    if (
        trig.pos_ in ("VERB", "AUX")
        and trig.dep_ in ("relcl", "acl")
        and up
        and up[0].i == trig.head.i
        and trig.head.i != head.i  # "the same day Vale met Ruiz": a time the clause tells
        and head.i not in {t.i for t in trig.subtree}
        and not any(c.lower_ in ("where", "when") for c in trig.children)
        and trig.head.lemma_.lower() not in DOCUMENTS  # "a report Thursday that said"
    ):
        return True  # the noun's own time, not the clause's that describes it
    noun = head.head
    if head.dep_ not in ("compound", "nummod", "amod", "poss", "nmod") or noun.i == trig.i:
        return False
    if head.i > 0 and head.doc[head.left_edge.i - 1].lower_ in ("on", "in", "at", "during"):
        return False  # "announced on Sunday authorities were ...": a misread adverbial
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i == head.i:
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in _SETTING_PREPS)


#: Verbs that, in the passive, tell when an event is held ("the election to be held on
#: 9 May", "talks scheduled for Monday", "a vote set for June").
_HOLDING = frozenset(["hold", "schedule", "set", "slate", "plan", "stage", "conduct", "due"])


def _held_for(verb) -> bool:
    """True for a passive clause of holding on the event's phrase: its date is the
    event's own, even where the parser hangs the clause on a noun before the event
    ("a candidate for the election to be held on 9 May")."""
    return (
        verb.dep_ in ("relcl", "acl")
        and syntax._lemma(verb) in _HOLDING
        and any(c.dep_ == "auxpass" for c in verb.children)
    )


#: Verbs that put out words as their object ("issued a statement", "released a letter",
#: "delivered an ultimatum"): the words are said when they are put out.
_ISSUING_VERBS = frozenset(
    [
        *("issue", "release", "publish", "send", "post", "deliver", "give", "make"),
        *("write", "sign", "file", "submit", "lodge", "broadcast", "air", "tweet"),
    ]
)


def _issues(verb) -> bool:
    return syntax._is_verb(verb) and syntax._lemma(verb) in _ISSUING_VERBS


def _governed_by_another_act(trig, up: list, triggers: set[int]) -> bool:
    """True when an event noun's path to a timex climbs through a verb that is another
    act: not a verb of its own occurrence (:data:`TIMING_SUPPORT_VERBS`), not another
    event's trigger, and not a verb whose subject or passive's doer the noun is ("the
    talks collapsed on Monday", "was killed last week by an airstrike") or whose setting
    it is ("spoke on Monday at the summit", :func:`_occasion_of`) -- the latter up through
    the infinitive of the act ("voted on June 23 to leave the union in a referendum")."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    child = trig
    occasion = False  # the noun is the setting of the act climbed through
    issued = trig.dep_ in ("dobj", "obj") and _issues(trig.head)
    for n in up:
        if n.i == trig.i:
            continue
        if syntax._is_verb(n):
            # its subject, or the doer of its passive ("killed by an airstrike")
            subject = child.dep_ in ("nsubj", "nsubjpass", "agent") and child.head.i == n.i
            other = n.i not in triggers and syntax._lemma(n) not in TIMING_SUPPORT_VERBS
            if occasion and child.dep_ in ("xcomp", "conj") and child.head.i == n.i:
                other = False  # "voted on June 23 to leave the union in a referendum"
            elif child.i == trig.i and child.dep_ in ("dobj", "obj") and _issues(n):
                other = False  # "issued a statement on Friday": the words' own day
            elif (
                issued
                and child.dep_ == "conj"
                and child.head.i == n.i
                and not any(c.dep_ in _SUBJECTS for c in child.children)
            ):
                other = False  # "vetoed the bill last week and issued a statement"
            elif _occasion_of(trig, child, n):
                occasion, other = True, False  # "spoke on Monday at the summit"
            if not subject and other:
                return True
        child = n
    return False


#: Prepositions that make an event noun the setting of an act ("voted in a referendum",
#: "spoke at the summit", "was wounded during the clashes").
_OCCASION_PREPS = frozenset(["in", "at", "during"])


def _occasion_of(trig, child, verb) -> bool:
    """True when the event noun ``trig`` is the object of "in", "at" or "during" that
    hangs on ``verb`` -- directly ("spoke at the summit") or on the verb's object, where
    the parser may put it ("cast their ballots in the election"): the act takes place at
    the event, and so at its time."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPS:
        return False
    if prep.head.i == verb.i:
        return child.i == prep.i
    host = prep.head
    return (
        child.i == host.i
        and host.dep_ in ("dobj", "obj")
        and host.head.i == verb.i
        and host.pos_ in ("NOUN", "PROPN")
    )


#: Verbs of saying whose perfect states a standing position ("has said he will not
#: attend"), unlike the "hot news" perfect of an announcement ("has confirmed").
_STANCE_VERBS = frozenset(
    [
        *("say", "tell", "insist", "argue", "maintain", "claim", "stress", "demand"),
        *("accuse", "criticize", "criticise", "urge", "warn", "blame", "question"),
        *("praise", "condemn", "oppose", "defend", "dismiss", "deny", "push"),
    ]
)
#: Adverbs that put a perfect at earlier or repeated times ("has repeatedly warned").
_EARLIER = frozenset(["repeatedly", "often", "long", "previously", "already", "frequently"])


def _appended(relcl) -> bool:
    """True for a relative clause set off by a comma whose relative pronoun is its subject
    ("the envoys, who called it a trap"): it goes on with the story, unlike "the sum he
    demanded", which tells what the noun is."""
    first = relcl.left_edge
    return (
        first.tag_ in ("WP", "WDT")
        and first.dep_ in ("nsubj", "nsubjpass")
        and first.i > 0
        and first.nbor(-1).text == ","
    )


def perfect(trig) -> bool:
    """True for a verb of saying in a perfect tense that tells a standing position or
    earlier words -- "has said", "have long argued", "had warned", "has repeatedly
    threatened" -- an act at some unstated earlier time, not one of the day of
    publication.  The perfect of an announcement ("has confirmed") is news of the day.
    A past verb of a relative clause ("the sum he demanded") is also an earlier act."""
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    if (
        trig.dep_ == "relcl"
        and trig.tag_ == "VBD"
        and not any(c.dep_ in ("npadvmod", "tmod") for c in trig.children)
        and not _appended(trig)
    ):
        # "the sum he demanded", "the warning she gave": a past act that the noun
        # describes, told as known, not as the news of the day
        return True
    aux = [c for c in trig.children if c.dep_ == "aux" and syntax._lemma(c) == "have"]
    if not aux:
        return False
    if any(c.lower_ == "had" for c in aux):
        return True
    if syntax._lemma(trig) in _STANCE_VERBS:
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in trig.children)


def interval(row: dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    b = row.get("begin")
    e = row.get("end_date")
    b = pd.NaT if is_na(b) else pd.Timestamp(b)
    e = pd.NaT if is_na(e) else pd.Timestamp(e)
    return b, e


def width(tx: Span) -> float:
    b, e = interval(tx.row)
    if is_na(b) or is_na(e):
        return float("inf")
    return (e - b).total_seconds()


def with_time(ev: Event, attached: list[tuple[float, Span]]) -> list[Event]:
    if not attached:
        return [ev]
    attached.sort(key=lambda ct: (ct[0], width(ct[1])))
    best = attached[0][0]
    plural = ev.trigger.tag_ in ("NNS", "NNPS")
    if plural:
        near = [
            tx for c, tx in attached if c <= best + 2 and tx.row.get("type") in ("DATE", "TIME")
        ]
        # drop intervals that contain another candidate ("the past year" holds June 2018)
        keep = []
        for tx in near:
            b, e = interval(tx.row)
            nested = any(
                o is not tx
                and interval(o.row)[0] >= b
                and interval(o.row)[1] <= e
                and width(o) < width(tx)
                for o in near
            )
            if not nested:
                keep.append(tx)
        distinct = {(interval(t.row)) for t in keep}
        if len(distinct) >= 2:
            out = []
            for tx in sorted(keep, key=lambda t: t.start):
                clone = Event(**{**ev.__dict__})
                clone.sentence_ids = list(ev.sentence_ids)
                clone.split = str(tx.start)
                set_time(clone, tx)
                out.append(clone)
            return out
    ties = [tx for c, tx in attached if c <= best]
    ties.sort(key=width)
    chosen = ties[0]
    # "the 2020 election on November 3": a day inside the year the event noun carries,
    # a little further along the parse, is the finer telling of the same date
    b0, e0 = interval(chosen.row)
    inner = [
        tx
        for c, tx in attached
        if c <= best + 2
        and width(tx) < width(chosen)
        and not is_na(b0)
        and interval(tx.row)[0] >= b0
        and interval(tx.row)[1] <= e0
    ]
    if inner:
        chosen = min(inner, key=width)
    set_time(ev, chosen)
    return [ev]


#: Timex values of a vague past or future ("months ago", "in the coming years"); "now"
#: (PRESENT_REF) is the day of the text.
_VAGUE_VALUES = frozenset(["PAST_REF", "FUTURE_REF"])
#: The widest vague time still given as the event's interval ("days ago": a week).
_VAGUE_SPAN = pd.Timedelta(days=31)


def set_time(ev: Event, tx: Span) -> None:
    """Date ``ev`` by the timex ``tx``.  A vague time wider than a month ("months ago",
    "in recent weeks", "in the coming years": a PAST_REF or FUTURE_REF value) is kept as
    the event's timex but gives it no interval: a reader cannot tell the day, month or
    year, and a range of a year shown as "March 2014" would say more than the text
    does.  "Days ago" keeps its week."""
    ev.timex = tx
    ev.time_source = "timex"
    ev.begin, ev.end = interval(tx.row)
    if str(tx.row.get("value") or "") in _VAGUE_VALUES and not (
        ev.end - ev.begin <= _VAGUE_SPAN  # "days ago": within the last week, said so
    ):
        ev.begin, ev.end, ev.precision = pd.NaT, pd.NaT, None
        return
    prec = tx.row.get("precision")
    ev.precision = None if is_na(prec) else str(prec)


#: What may stand between a day and the period that places it ("Tuesday of last week",
#: "March 20, last year").
_GLUE = frozenset(["", "of", ","])
#: Periods that place a finer date told just before them.
_PERIODS = frozenset(["week", "month", "year"])


def _day_number(words: list[str]) -> bool:
    """True when a date names its day of the month ("March 20", "the 5th of May")."""
    return any(
        w.rstrip(".")
        .removesuffix("st")
        .removesuffix("nd")
        .removesuffix("rd")
        .removesuffix("th")
        .isdigit()
        and len(w) <= 4
        for w in words
    )


def _placed(fine: dict, period: dict) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The interval of ``fine`` placed inside ``period`` ("Tuesday" inside "last week",
    "March 20" inside "last year"), or None when the two are not one date."""
    if fine.get("type") not in ("DATE", "TIME") or period.get("type") != "DATE":
        return None
    if str(period.get("precision")) not in _PERIODS:
        return None
    fb, fe = interval(fine)
    pb, pe = interval(period)
    if any(is_na(x) for x in (fb, fe, pb, pe)) or fe - fb >= pe - pb:
        return None
    if pb <= fb and fe <= pe:
        return fb, fe
    words = str(fine.get("text") or "").lower().replace(",", " ").split()
    if any(w.isdigit() and len(w) == 4 for w in words):
        return None  # a date with its own year is a date of its own
    unit = str(period.get("precision"))
    if unit == "week" and words and words[0] in WEEKDAYS:
        weeks = -(-(pb - fb).days // 7)  # whole weeks up to the period (may be negative)
        shift = pd.Timedelta(days=7 * weeks)
    elif unit in ("year", "month") and _day_number(words) and not any(w in WEEKDAYS for w in words):
        try:
            moved = fb.replace(year=pb.year, month=pb.month if unit == "month" else fb.month)
        except ValueError:
            return None  # "February 29" in a year without one
        shift = moved - fb
    else:
        return None
    fb, fe = fb + shift, fe + shift
    return (fb, fe) if pb <= fb and fe <= pe else None


def nest_timexes(rows: list[dict] | None, text: str) -> list[dict] | None:
    """Give a date followed by the period that places it the finer date, on both rows:
    "on March 20 last year" is 20 March of last year, "on Tuesday last week" the Tuesday
    of last week, "the 5th of May last year" that day -- not the whole year or week.

    A weekday or a day of the month is moved into the period when the tagger placed it
    elsewhere ("Tuesday" of this week before "last week").  The period's row takes the
    date and the signal of the day it places, so "since March 20 last year" is a bound
    as a whole.  Rows of the result carry ``within`` = True; the rows given are not
    changed.

    Parameters
    ----------
    rows : list of dict or None
        One article's rows of the "timexes" frame.
    text : str
        The article's text, which the rows' offsets index.

    Returns
    -------
    list of dict or None
    """
    if not rows:
        return rows
    out = [dict(r) for r in rows]
    order = sorted(range(len(out)), key=lambda k: int(out[k]["start"]))
    for a, b in zip(order, order[1:], strict=False):
        fine, period = out[a], out[b]
        if text[int(fine["end"]) : int(period["start"])].strip().lower() not in _GLUE:
            continue
        placed = _placed(fine, period)
        if placed is None:
            continue
        begin, end = placed
        fmt = "%Y-%m" if fine.get("precision") == "month" else "%Y-%m-%d"
        value = fine.get("value") if (begin, end) == interval(fine) else begin.strftime(fmt)
        signal = fine.get("signal") if not is_na(fine.get("signal")) else period.get("signal")
        common = {"begin": begin, "end_date": end, "value": value, "signal": signal}
        fine.update(common, within=True)
        period.update(common, within=True, type=fine.get("type"), precision=fine.get("precision"))
    return out


def weekday_direction(ev: Event, anchor_day) -> None:
    """A bare weekday ("on Monday") is the next one for a planned event and the last one
    for an event in the past tense: move the interval a week when the timex was resolved
    the other way ("they will meet on Monday", written on a Friday, is three days on)."""
    tx = ev.timex
    if tx is None or is_na(anchor_day) or is_na(ev.begin) or is_na(ev.end):
        return
    if tx.row.get("within"):
        return  # "on Tuesday last week": the period has placed it
    words = str(tx.row.get("text") or "").lower().split()
    if not words or words[0] not in WEEKDAYS or ev.precision not in ("day", "time"):
        return
    delta = (pd.Timestamp(ev.begin).floor("D") - anchor_day).days
    week = pd.Timedelta(days=7)
    future = bool(ev.cues.get("planned")) or ev.cues.get("tense") in ("future", "modal")
    if future and ev.cues.get("tense") != "past" and -6 <= delta < 0:
        ev.begin, ev.end = ev.begin + week, ev.end + week
    elif ev.cues.get("tense") == "past" and not future and 0 < delta <= 6:
        ev.begin, ev.end = ev.begin - week, ev.end - week


def month_direction(ev: Event, anchor_day) -> None:
    """A bare month name ("in March") is the last one for an event told in the past tense
    and the next one for a planned event: move the interval a year when the timex was
    resolved the other way ("the talks collapsed in March", written in August, are five
    months back, not seven months on)."""
    tx = ev.timex
    if tx is None or is_na(anchor_day) or is_na(ev.begin) or is_na(ev.end):
        return
    if tx.row.get("within"):
        return  # "in March last year": the period has placed it
    words = str(tx.row.get("text") or "").lower().replace(".", "").split()
    if len(words) != 1 or words[0] not in MONTHS or ev.precision != "month":
        return
    year = pd.DateOffset(years=1)
    month_start = anchor_day.replace(day=1)
    future = bool(ev.cues.get("planned")) or ev.cues.get("tense") in ("future", "modal")
    if ev.cues.get("tense") == "past" and not future and pd.Timestamp(ev.begin) > anchor_day:
        ev.begin, ev.end = ev.begin - year, ev.end - year
    elif future and ev.cues.get("tense") != "past" and pd.Timestamp(ev.end) <= month_start:
        ev.begin, ev.end = ev.begin + year, ev.end + year
