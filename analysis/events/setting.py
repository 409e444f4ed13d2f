"""Events dated by another part of the text that tells their time.

* :func:`date_by_setting` -- an event noun dated by what its relative clause says
  happened at it;
* :func:`date_by_then` -- "said then", "at the time": the time just told;
* :func:`date_by_also` -- "they also met": the day of the same people's act just told;
* :func:`date_by_occasion` -- "he said in the interview": the day that interview was
  told to have.


"Leaders met for a summit where on Sunday two presidents signed the pact": the signing
took place at the summit, so the summit was under way that Sunday.  The parser hangs
the date on the signing (the nearer trigger), so the summit would stay undated;
:func:`date_by_setting` gives it the date of the act told in its "where" ("at which",
"during which", "when") clause, when it has none of its own.
"""

from __future__ import annotations

from ..lexicon.documents import DOCUMENTS, OCCASIONS
from . import syntax
from .model import Event, Span
from .narrative import SPEAKING_OCCASIONS, placed_at
from .scope import in_quote
from .timing import RELATION_SIGNALS, set_time

__all__ = ["date_by_also", "date_by_occasion", "date_by_setting", "date_by_then"]

#: Relative words that make the clause's act happen at (or during) its noun.
_WHERE = frozenset(["where", "when"])
_AT_WHICH = frozenset(["at", "during", "in"])


def _told_at(noun, verb) -> bool:
    """True when ``verb`` heads a relative clause of ``noun`` introduced by "where",
    "when" or "at/during/in which"."""
    if verb.dep_ != "relcl" or verb.head.i != noun.i:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in _WHERE:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in _AT_WHICH
            and any(g.lower_ == "which" for g in c.children)
        ):
            return True
    return False


def date_by_setting(events: list[Event]) -> None:
    """Give an undated event noun the date of an act its "where" clause tells.

    Parameters
    ----------
    events : list of Event
        The events of one article, with their times set; changed in place.
    """
    dated = [e for e in events if e.time_source == "timex"]
    for e in events:
        trig = e.trigger
        if e.time_source == "timex" or trig.pos_ not in ("NOUN", "PROPN"):
            continue
        for o in dated:
            verb = o.trigger
            if verb.doc is trig.doc and _told_at(trig, verb):
                e.take_date(o, "timex", timex=True)
                break


#: Words before "then" that make it a step in a sequence or a bound, not "at that time".
_NOT_AT_THAT_TIME = frozenset(["and", "since", "until", "till", "by", "just", "even", "but"])


def _points_back(trig) -> bool:
    """True for a verb told "then" (after it: "Vale said then", not the "then" of a
    sequence, "Then he left") or "at the time" / "at that time"."""
    doc = trig.doc
    for c in trig.children:
        if (
            c.dep_ == "advmod"
            and c.lower_ == "then"
            and c.i > trig.i
            and doc[c.i - 1].lower_ not in _NOT_AT_THAT_TIME
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "at":
            for o in c.children:
                dets = [d.lower_ for d in o.children]
                if o.dep_ == "pobj" and o.lower_ == "time" and dets in (["the"], ["that"]):
                    return True
    return False


def date_by_then(events: list[Event], timexes: list[Span], back: int = 2) -> None:
    """Date an undated event told "then" or "at the time" by the time told just before.

    "Ruiz resigned on May 3.  At the time, she said the country was calm": the saying
    is of May 3.  The time is the last date told before the event, in its sentence or the
    ``back`` sentences before it in the same paragraph, outside quoted words; a
    duration, a recurring time or a bound ("since 2011") is no such time.

    Parameters
    ----------
    events : list of Event
        The events of one article, with their times set; changed in place.
    timexes : list of Span
        The article's timexes, in text order, their rows with ``sentence_id``.
    back : int
        How many sentences before the event's own to look in.
    """
    for e in events:
        trig = e.trigger
        if e.time_source != "none" or not syntax._is_verb(trig) or not _points_back(trig):
            continue
        before = [
            tx
            for tx in timexes
            if tx.start < e.trigger_start
            and e.sentence_id - back <= int(tx.row.get("sentence_id", -1)) <= e.sentence_id
            and tx.head.doc is trig.doc
            and tx.row.get("type") == "DATE"
            and tx.row.get("begin") is not None
            and str(tx.row.get("signal") or "").lower() not in RELATION_SIGNALS
        ]
        if not before:
            continue
        tx = max(before, key=lambda t: t.start)
        if syntax.same_paragraph(tx.head, trig) and not in_quote(tx.head):
            set_time(e, tx)
            e.time_source = "coreference"


def date_by_also(events: list[Event]) -> None:
    """Date an undated act told "also" by the dated act of the same people just before.

    "The president visited the hospital on Wednesday night.  The couple also met the
    nurses": the meeting is of that visit.  The act takes the day of the last act dated
    by its own timex in its sentence or the one before, when they share a participant
    or are of one type ("Vale won the seat on Tuesday.  Ruiz was also elected"); a saying
    is dated by the narrative instead (:mod:`analysis.events.narrative`).

    Parameters
    ----------
    events : list of Event
        The events of one article, with their times set; changed in place.
    """
    dated = [
        e
        for e in events
        if e.time_source == "timex" and e.precision in ("day", "time") and e.participants
    ]
    for e in events:
        trig = e.trigger
        if e.time_source != "none" or e.etype.family == "statement" or not e.participants:
            continue
        if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in trig.children):
            continue
        before = [
            o
            for o in dated
            if o.trigger_start < e.trigger_start
            and e.sentence_id - 1 <= o.sentence_id <= e.sentence_id
            # the same people, or another result of the same kind of event ("X won
            # the seat on Tuesday; Y was also elected")
            and (set(o.participants) & set(e.participants) or o.etype.name == e.etype.name)
        ]
        if before:
            e.take_date(max(before, key=lambda x: x.trigger_start), "coreference", timex=True)


#: Nouns of the words and occasions a saying is placed in whose day an earlier sentence
#: may tell ("an interview aired on Sunday ... he said in the interview").
_PLACED_IN = DOCUMENTS | OCCASIONS | SPEAKING_OCCASIONS
#: Verbs that put out words or hold an occasion: their day is the object's.
_PUTTING_OUT = frozenset(
    [
        *("issue", "release", "publish", "send", "post", "deliver", "give", "write"),
        *("file", "submit", "air", "broadcast", "hold", "grant", "host", "tape", "record"),
    ]
)
#: Words that tie a timex to the noun above it on the way up ("the June 5 report", "an
#: interview on Monday", "a letter sent in May").
_TO_THE_NOUN = frozenset(["compound", "nummod", "npadvmod", "pobj", "prep", "nmod", "amod"])


def _placed_in(trig) -> object | None:
    """The noun a saying is placed in that points back to one told before: "said in his
    report", "wrote in the e-mail", "told at that briefing" -- not "in a statement", a
    new one."""
    for o in placed_at(trig, _PLACED_IN):
        if any(
            (d.dep_ == "det" and d.lower_ in ("the", "that", "this")) or d.dep_ == "poss"
            for d in o.children
        ):
            return o
    return None


def _dated_noun(tx: Span):
    """The noun a timex dates: the first noun above it through a compound, a preposition
    or a participle ("the report released in June" -> report), or None."""
    n = tx.head
    for _ in range(4):
        if n.head.i == n.i:
            return None
        if n.dep_ == "acl" and n.tag_ == "VBN":
            n = n.head  # "an interview taped Monday"
        elif n.dep_ in _TO_THE_NOUN:
            n = n.head
        else:
            return None
        if n.pos_ in ("NOUN", "PROPN") and n.lemma_.lower() in _PLACED_IN:
            return n
        if syntax._is_verb(n) and not (n.dep_ == "acl" and n.tag_ == "VBN"):
            # "released a report in June", "gave an interview on Sunday": what was put out
            if syntax._lemma(n) not in _PUTTING_OUT:
                return None
            for o in n.children:
                if o.dep_ in ("dobj", "obj", "nsubjpass") and o.lemma_.lower() in _PLACED_IN:
                    return o
            return None
    return None


def date_by_occasion(events: list[Event], timexes: list[Span]) -> None:
    """Date an undated saying placed in an occasion told earlier with its date.

    "In an interview aired on Sunday, Vale spoke of the war. ... 'We will win,' he said
    in the interview": the words are Sunday's.  A saying placed in a document or an
    occasion that points back ("in his report", "at that briefing") takes the date of
    the last earlier mention of that noun dated by a timex ("the report released in
    June", "a June 5 letter", "an interview on Monday").

    Parameters
    ----------
    events : list of Event
        The events of one article, with their times set; changed in place.
    timexes : list of Span
        The article's timexes, in text order.
    """
    for e in events:
        trig = e.trigger
        if e.time_source != "none" or e.etype.family != "statement":
            continue
        if not syntax._is_verb(trig):
            continue
        noun = _placed_in(trig)
        if noun is None:
            continue
        lemma = noun.lemma_.lower()
        dated = [
            tx
            for tx in timexes
            if tx.start < e.trigger_start
            and tx.head.doc is trig.doc
            and tx.row.get("type") == "DATE"
            and tx.row.get("begin") is not None
            and str(tx.row.get("signal") or "").lower() not in RELATION_SIGNALS
            and not in_quote(tx.head)
            and (n := _dated_noun(tx)) is not None
            and n.lemma_.lower() == lemma
            and n.i != noun.i
        ]
        if dated:
            set_time(e, dated[-1])
            e.time_source = "coreference"
