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
narrative (:func:`date_statements`).
"""

from __future__ import annotations

import pandas as pd

from ..lexicon.calendar import MONTHS, WEEKDAYS
from ..lexicon.documents import DOCUMENTS, EARLIER_WORDS, MESSAGES, OCCASIONS
from ..timex import NO_ANTECEDENT
from . import syntax
from .model import DAY, Event, Span, day, is_na
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
    ]
)

__all__ = [
    "KNOWING_VERBS",
    "RELATION_SIGNALS",
    "TIMING_SUPPORT_VERBS",
    "continues",
    "date_statements",
    "interval",
    "month_direction",
    "nest_timexes",
    "news_day",
    "of_the_day",
    "perfect",
    "story_day_sentences",
    "set_time",
    "speaking_occasion",
    "timex_cost",
    "told_at_the_time",
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
    statement = ev.etype.family == "statement"
    cost = float(len(up) + len(down) + 1)
    for n in ([trig] + up)[: len(up)]:  # each node whose link to its head the path takes
        if (
            n.dep_ == "conj"
            and syntax._is_verb(n)
            and any(c.dep_ in _SUBJECTS for c in n.children)
            and "" != tense_of(n) != tense_of(n.head) != ""
        ):
            return None  # "talks began on May 2 and Ruritania says ...": another time
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
    for n in down:
        if n.i in triggers and not (syntax._is_verb(n) and _same_occasion_clause(n, trig)):
            return None  # another event's own date, unless told at the same time
        if n.dep_ == "prep" and n.lower_ in RELATION_SIGNALS:
            return None  # "the first talks since a session three weeks ago": its date
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
_STANCE_VERBS = frozenset(["say", "tell", "insist", "argue", "maintain", "claim", "stress"])
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


#: Timex rules that name no day of the news ("now", "currently", "these days").
_NOT_A_NEWS_DAY = frozenset(["ref"])


def news_day(timexes: list[dict] | None, anchor_day, title_end: int = 0, back: int = 3):
    """The day the article's story happens: the first day the body names ("on Tuesday",
    "yesterday", "March 3") that falls on the publication day or up to ``back`` days
    before it.  ``None`` when the body names no such day -- a feature, an analysis, an
    interview of unstated date -- and then a past saying without its own date is not
    dated at all."""
    if is_na(anchor_day):
        return None
    for r in sorted(timexes or (), key=lambda r: int(r["start"])):
        if int(r["start"]) < title_end or r.get("rule") in _NOT_A_NEWS_DAY:
            continue
        if str(r.get("precision")) not in ("day", "time") or is_na(r.get("begin")):
            continue
        d = day(r["begin"])
        if 0 <= (anchor_day - d).days <= back:
            return d
    return None


def story_day_sentences(timexes: list[dict] | None, news: pd.Timestamp | None) -> set[int]:
    """Sentence ids of the timexes that name the story's day ``news``.

    Parameters
    ----------
    timexes : list of dict or None
        The article's rows of the "timexes" frame.
    news : pandas.Timestamp or None
        The story's day (:func:`news_day`).

    Returns
    -------
    set of int
    """
    if news is None:
        return set()
    return {
        int(r["sentence_id"])
        for r in timexes or ()
        if str(r.get("precision")) in ("day", "time")
        and not is_na(r.get("begin"))
        and day(r["begin"]) == news
    }


def of_the_day(trig) -> bool:
    """A saying told in the present ("says", "insist", "are urging") is the article's
    news of its publication day.  The perfect ("has confirmed", "has called for") tells
    an act before the day at a time it does not say: it is the story's day only where the
    narrative sets it (the lead), see :func:`date_statements`."""
    if trig.tag_ in ("VBZ", "VBP"):
        return True
    # "are urging", "is saying": the present of the day
    return trig.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in trig.children
    )


def _describes_a_document(trig) -> bool:
    """A participle that tells what a noun says ("a memo urging him to resign", "a
    petition demanding a vote"): the words are the document's, dated as the act that
    issued it -- "sent a memo urging" is told with the story, "who drafted a memo
    urging" tells of an earlier or unstated day."""
    if not (trig.dep_ == "acl" and trig.tag_ == "VBG" and trig.head.pos_ == "NOUN"):
        return False
    noun = trig.head
    if noun.lemma_.lower() not in DOCUMENTS:
        return False  # "conservatives calling for": people, who speak in the story
    gov = noun.head
    if noun.dep_ not in ("dobj", "obj", "nsubjpass") or gov.pos_ not in ("VERB", "AUX"):
        return True
    return perfect(gov)


#: Verbs of words put in writing ("wrote", "tweeted", "posted").
_WRITING_VERBS = frozenset(["write", "tweet", "post", "email", "e-mail", "text"])


def _in_writing(trig) -> bool:
    """True for words given in writing: a verb of writing, or a saying placed in a
    message ("said in a statement", "said in an email", "told X in a letter")."""
    if syntax._lemma(trig) in _WRITING_VERBS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "via", "through")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in MESSAGES for o in c.children)
        for c in trig.children
    )


def _on_an_occasion(trig) -> bool:
    """True when a saying is placed in an interview, a book, a programme or a column
    ("said in an interview", "told the Sunday programme", "wrote in an op-ed"): its day
    is that occasion's, which the story's day does not give."""
    for c in trig.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "on", "during")
            and any(o.dep_ == "pobj" and o.lemma_.lower() in OCCASIONS for o in c.children)
        ):
            return True
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in OCCASIONS:
            return True
    return False


#: Pronouns that take up the speaker of the saying before ("..., he added").
_TAKE_UP = frozenset(["he", "she", "they"])
#: Sources of a saying's date that a saying continuing it may take; a present "says"
#: tells a standing view more often than an occasion, and gives none.
_OCCASION_SOURCES = frozenset(["timex", "narrative"])


#: Verbs of saying that go on with words said before ("he added", "she concluded").
_GOING_ON = frozenset(["add", "continue", "conclude", "reiterate"])
#: Occasions of speaking that a later saying may point back to ("at the same briefing").
SPEAKING_OCCASIONS = frozenset(
    [
        *("conference", "briefing", "speech", "address", "session", "hearing", "meeting"),
        *("event", "rally", "forum", "summit", "appearance", "ceremony", "debate"),
        *("remarks", "interview"),
    ]
)


#: Verbs that tell a speaker's public appearance, without being a saying themselves:
#: "spoke at the forum on Tuesday", "unveiled the plan on Wednesday".
SPEAKING_VERBS = frozenset(
    ["speak", "address", "unveil", "present", "brief", "outline", "appear", "lay"]
)
#: Verbs that make a speaking occasion of their object ("gave a speech", "held a briefing").
_GIVING_VERBS = frozenset(["give", "hold", "deliver", "make", "host"])


def speaking_occasion(tx: Span) -> object | None:
    """The verb that a day ``tx`` dates when it tells a speaker's public appearance --
    "spoke at the forum on Tuesday", "unveiled the plan on Wednesday", "gave a speech on
    Monday" -- or None.  A saying told just after it goes on with that occasion
    (:func:`continues`): "Vale spoke on Tuesday. ... 'We will not yield,' he added."

    Parameters
    ----------
    tx : Span
        A timex of the article.

    Returns
    -------
    spacy.tokens.Token or None
        The verb, or None.
    """
    if str(tx.row.get("precision")) not in ("day", "time") or tx.row.get("type") != "DATE":
        return None
    if str(tx.row.get("signal") or "").lower() in _RELATING_WORDS:
        return None  # "before the speech on Monday": another time
    n = tx.head
    while not syntax._is_verb(n):
        if n.head.i == n.i or n.lower_ in _RELATING_WORDS:
            return None
        n = n.head
    lemma = syntax._lemma(n)
    if lemma in SPEAKING_VERBS:
        return n
    if lemma in _GIVING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEAKING_OCCASIONS for c in n.children
    ):
        return n
    return None


def _at_the_same_occasion(trig) -> bool:
    """True for a saying placed at an occasion told before: "at the same press
    conference", "during the briefing", "later in the speech"."""
    for c in trig.children:
        if c.dep_ != "prep" or c.lower_ not in ("at", "during", "in"):
            continue
        for o in c.children:
            if o.dep_ != "pobj" or o.lemma_.lower() not in SPEAKING_OCCASIONS:
                continue
            dets = {d.lower_ for d in o.children if d.dep_ in ("det", "amod")}
            if "same" in dets or (dets & {"the", "that", "this"} and not _qualified(o)):
                return True
    return False


def _qualified(noun) -> bool:
    """A noun told with what makes it new ("the conference on Monday", "the briefing
    in Kyiv", "the speech he gave"): not a pointer back to an occasion already told."""
    return any(
        c.dep_ in ("prep", "relcl", "acl", "compound", "amod")
        for c in noun.children
        if c.lower_ != "same"
    )


def _negated(trig) -> bool:
    """True for a verb told as not done ("did not say"); a "not" of the quoted words
    ('"Absolutely not," he said') does not count."""
    doc = trig.doc
    for c in trig.children:
        if c.dep_ == "neg":
            lo, hi = sorted((c.i, trig.i))
            if not any(t.tag_ in ("``", "''") or t.text in '"“”' for t in doc[lo:hi]):
                return True
    return False


def _reported(trig) -> bool:
    """True for a saying told inside another's words ("said that Ruiz had warned")."""
    return any(
        syntax._is_verb(a)
        and syntax._lemma(a) in syntax.REPORTING_VERBS
        and syntax.same_paragraph(a, trig)  # a headline run into the lead reports nothing
        for a in trig.ancestors
    )


def _background_clause(t) -> bool:
    """A relative clause, or an adverbial clause with a subject or a conjunction of its
    own ("when Vale made remarks last week", "because she said ...") -- not a purpose
    ("held a briefing to explain") or a participle ("..., saying")."""
    if t.dep_ == "relcl":
        return True
    return t.dep_ in ("advcl", "acl") and any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in t.children
    )


def _in_subordinate_clause(trig) -> bool:
    """True for words told in a clause that gives the background of the sentence ("the
    plan, which Vale announced on Monday", "the row began when Vale made remarks last
    week"), not an occasion its speaker goes on with."""
    return any(
        _background_clause(t) and syntax.same_paragraph(t, trig)
        for t in (trig, *trig.ancestors)
        if syntax._is_verb(t)
    )


def _subject_words(trig) -> set[str]:
    return {s.text.lower() for s in syntax._subjects(trig)} if syntax._is_verb(trig) else set()


def continues(ev: Event, previous: Event) -> bool:
    """True when the saying ``ev`` goes on with the dated saying just before it, on the
    same occasion: "Vale spoke on Tuesday. ... 'We will not yield,' he added", "At a
    press conference on Friday the minister announced the ban. She said ...".

    ``previous`` is the last saying told before ``ev`` (of any date; not one told inside
    another's words), or a dated appearance (:func:`speaking_occasion`).  The two belong
    to one occasion when ``ev`` is a verb in the simple past of the text's own (not "has
    said", "would not say", "repeatedly said", "said that he had warned"), in the next
    sentence or at most two sentences on in the same paragraph (any distance in it for
    "added", "continued", "concluded", "reiterated"), neither is denied, and its speaker
    is the one of ``previous``: a pronoun ("he", "she", "they") whose resolved person,
    if any, is not another speaker; the same subject word ("Vale said ... Vale added");
    or speakers all among those of ``previous``.  Another speaker's reaction ("Ruiz
    said ...") does not go on with it, unless it is placed at the occasion already told
    ("at the same press conference, Ruiz said", up to three sentences on).

    Parameters
    ----------
    ev : Event
        An undated saying.
    previous : Event
        The saying or appearance told last before it.

    Returns
    -------
    bool
    """
    if previous.time_source not in _OCCASION_SOURCES or previous.precision not in ("day", "time"):
        return False
    if is_na(previous.begin) or previous.trigger.doc is not ev.trigger.doc:
        return False
    trig = ev.trigger
    if _reported(trig):
        return False  # "said on Tuesday that he had warned": an act the words tell
    gap = ev.sentence_id - previous.sentence_id
    if _at_the_same_occasion(trig):
        return 0 <= gap <= 3  # "at the same press conference": whoever speaks
    if gap < 0 or (gap > 1 and not syntax.same_paragraph(previous.trigger, trig)):
        return False  # the next sentence, or a later one of the same paragraph
    if gap > 2 and syntax._lemma(trig) not in _GOING_ON:
        return False  # "..., he added" goes on with the paragraph's last saying
    if trig.tag_ != "VBD" or any(c.dep_ == "aux" for c in trig.children):
        return False  # "would not say", "did add": not the plain past of the occasion
    if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in trig.children):
        return False  # "repeatedly said": other times
    if _negated(trig) or _negated(previous.trigger):
        return False
    mine, theirs = set(ev.participants), set(previous.participants)
    words = _subject_words(trig)
    if words and words <= _TAKE_UP:
        if ev.etype.name != ev.etype.family:
            return True  # "she also demanded that X ...": X is whom she asks, not her
        return not mine or not theirs or bool(mine & theirs)
    if mine and theirs and mine.isdisjoint(theirs):
        return False
    if words and words == _subject_words(previous.trigger):
        return True
    return bool(mine) and mine <= theirs


def date_statements(
    events: list[Event],
    anchor_day: pd.Timestamp | None,
    news: pd.Timestamp | None,
    episode: set[int] | frozenset[int] = frozenset(),
    lead: int = -1,
    occasions: list[Event] = (),
    lead_actors: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Date the sayings that have no date of their own, in text order.

    * present tense ("says", "are urging"): the publication day (``time_source``
      "publication");
    * past or the perfect of news ("said", "told reporters", "has confirmed"): the day the
      article's narrative
      has set (``time_source`` "narrative") -- the last dated saying of the same speaker
      before it, else the story's :func:`news_day` when the saying belongs to the story
      of that day: the story is the publication day's own news, or the saying is in the
      lead, or its sentence or the one before names the story's day; before both, the
      day of the saying or appearance it goes on with (:func:`continues`: "..., he
      added").  A reaction told
      further down a report written days later ("the minister said the attack was ...")
      is undated: a reader cannot tell when it was said;
    * a perfect of earlier words ("has said he will not", "had warned"), a planned
      saying, words of an interview or a document of unstated day: undated.

    Parameters
    ----------
    events : list of Event
        The events of one article; changed in place.
    anchor_day : pandas.Timestamp or None
        The publication day.
    news : pandas.Timestamp or None
        The story's day (:func:`news_day`).
    episode : set of int
        Sentence ids whose timexes name the story's day (:func:`story_day_sentences`).
    lead : int
        The last sentence id of the lead.
    occasions : list of Event
        Dated appearances of a speaker that are no saying ("spoke at the forum on
        Tuesday", :func:`speaking_occasion`): a saying may go on with them; they are not
        dated here and not returned.
    lead_actors : set of str
        Actor ids the lead names.  In the day's own news, a saying in writing ("said in
        a statement", "wrote on Twitter") of someone else is a reaction whose day the
        text does not give: undated.
    """
    if is_na(anchor_day):
        return
    last_said: dict[str, pd.Timestamp] = {}
    # who the lead tells of: the story's own actors, whose later words go on with it
    in_lead = set(lead_actors) | {
        p for x in events if x.sentence_id <= lead for p in x.participants
    }
    # verbs of saying of the article: a conjunct of one shares its tense ("has accused
    # him and argued that ...")
    sayings = {(id(x.trigger.doc), x.trigger.i) for x in events if x.etype.family == "statement"}
    previous: Event | None = None  # the last saying before, dated or not
    shown = {id(o) for o in occasions}  # appearances: not dated here
    for e in sorted([*events, *occasions], key=lambda x: x.trigger_start):
        before = previous
        own = id(e) in shown or not _reported(e.trigger)  # not words told in another's
        if e.etype.family == "statement" and syntax._is_verb(e.trigger) and own:
            previous = e  # a saying of the text's own, not a request it mentions
        if (
            e.time_source == "none"
            and id(e) not in shown
            and e.etype.family == "statement"
            and not e.cues.get("planned")
            and not perfect(e.trigger)
        ):
            if _negated(e.trigger):
                continue  # "did not respond", "would not say": no occasion to date
            if of_the_day(e.trigger):
                when, source = anchor_day, "publication"
            elif any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in e.trigger.children):
                continue  # "his earlier warnings", "her recent remarks": not the story's day
            elif _describes_a_document(e.trigger):
                continue  # "a memo urging X": the memo's day, which is not said
            elif _on_an_occasion(e.trigger):
                continue  # "said in an interview": when the interview was, the text does not say
            else:
                told = [last_said[p] for p in e.participants if p in last_said]
                # the perfect ("has accused") tells an act before the day, the story's
                # own only where the lead or the sentence's day names it
                trig = e.trigger
                # "has accused him and argued": a conjunct without its own auxiliary
                # shares the perfect of the verb it is joined to
                shares = (
                    trig.dep_ == "conj"
                    and trig.tag_ != "VBG"  # "has alleged ... and threatening": no perfect
                    and (id(trig.doc), trig.head.i) in sayings
                    and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in trig.children)
                )
                # "has challenged the law, saying ...": a participle on a verb tells
                # its words at that verb's time, and takes its perfect
                participle = (
                    trig.dep_ in ("advcl", "xcomp")
                    and trig.tag_ == "VBG"
                    and syntax._is_verb(trig.head)
                    and not any(c.dep_ in _SUBJECTS for c in trig.children)
                )
                bearer = trig.head if shares or participle else trig
                has_done = any(
                    c.dep_ == "aux" and syntax._lemma(c) == "have" for c in bearer.children
                )
                in_story = (
                    # the day's news: its sayings, but a written reaction of someone the
                    # lead does not tell of ("a rival said in a statement") has no day
                    (
                        news == anchor_day
                        and not has_done
                        and (bool(in_lead & set(e.participants)) or not _in_writing(trig))
                    )
                    or e.sentence_id <= lead  # the lead tells the story's day
                    or bool({e.sentence_id, e.sentence_id - 1} & episode)
                )
                when = told[-1] if told else (news if in_story else None)
                if before is not None and continues(e, before):
                    when = day(before.begin)  # "..., he added": the same occasion
                source = "narrative"
            if when is not None and not is_na(when):
                e.begin, e.end, e.precision, e.time_source = when, when + DAY, "day", source
        if (
            e.time_source == "timex"
            and id(e) not in shown  # an appearance is no words a speaker keeps to
            and e.etype.family == "statement"
            and e.precision in ("day", "time")
            and not is_na(e.begin)
            # words of the text's own, not told inside another's or quoted ("we said yes"),
            # nor in a clause that tells the background ("which Vale announced Monday")
            and not _reported(e.trigger)
            and not _in_subordinate_clause(e.trigger)
            and not in_quote(e.trigger)
        ):
            for p in e.participants:
                last_said[p] = day(e.begin)
