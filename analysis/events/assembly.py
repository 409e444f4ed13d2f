"""From the events of an article to rows of the events frame.

The same event mentioned twice in an article (same type, compatible participants,
overlapping interval) is kept once, with the best-scored evidence (:func:`deduplicate`:
participants, a timex, a place, a mention the article tells in its own voice);
:func:`to_row` writes one row of the "events" frame.
"""

from __future__ import annotations

from spacy.tokens import Token

from .elections import same_kind
from .model import Event, event_id, overlap
from .precision import precision_rank
from .timing import RELATION_SIGNALS

__all__ = ["deduplicate", "set_apart", "to_row", "told_inside"]


def _score(e: Event) -> float:
    s = 2.0 * min(len(e.participants), 3)
    if e.time_source == "timex":
        s += 3 + 0.5 * precision_rank(e.precision)
    elif e.time_source in ("publication", "narrative"):
        s += 1
    if e.place is not None:
        s += 1
    if not e.coref:
        s += 1
    if e.status != "reported":
        s += 2  # told in the article's own voice, not only someone's claim
    return s


#: Nouns of answering: "in response to the strike" is another act than the strike.
_ANSWERS = frozenset(["response", "reply", "retaliation", "reaction", "answer", "revenge"])


#: Roles in a clause that name the antecedent itself ("the deal, which was a deal ...").
_SAME_AS_HEAD = frozenset(["nsubj", "nsubjpass", "attr", "appos"])


def told_inside(outer: Token, inner: Token) -> bool:
    """True when ``inner`` is an argument of a clause that modifies ``outer`` or a noun
    under it: "a pact between two blocs, which requires compliance with the accord", "the
    talks that prepared the summit" tell of another event than the one they modify.

    Parameters
    ----------
    outer, inner : spacy.tokens.Token
        Two triggers of one sentence.

    Returns
    -------
    bool
        False also when ``inner`` names the noun itself in the clause ("the deal, which
        was a deal ...": its subject, attribute or apposition).
    """
    node, last = inner, inner.dep_
    while node.head.i != node.i and node.i != outer.i:
        head = node.head
        if node.dep_ in ("relcl", "acl") and node.i != inner.i:
            return head.i in {t.i for t in outer.subtree} and last not in _SAME_AS_HEAD
        last = node.dep_
        node = head
    return False


def set_apart(a: Event, b: Event) -> bool:
    """True when one trigger sits in a phrase that relates it in time to the other ("the
    first meeting since the session in May", "talks before the summit") or answers it
    ("missiles launched in response to the airstrike"): two events that the sentence
    sets apart, never one event mentioned twice."""
    if a.trigger.doc is not b.trigger.doc or a.trigger.sent != b.trigger.sent:
        return False  # the relating phrase sets apart only within its sentence
    if a.etype.family != "statement" and (
        told_inside(a.trigger, b.trigger) or told_inside(b.trigger, a.trigger)
    ):
        return True  # (one speaker's sayings in one sentence stay one statement)
    for x, y in ((a, b), (b, a)):
        node = y.trigger
        while node.head.i != node.i:
            head = node.head
            answered = head.lower_ == "to" and head.head.lemma_.lower() in _ANSWERS
            if node.dep_ == "pobj" and (head.lower_ in RELATION_SIGNALS or answered):
                if x.trigger not in head.subtree:
                    return True
                break
            node = head
    return False


def _compatible(keep: Event, e: Event) -> bool:
    if keep.etype.name != e.etype.name:
        return False
    if set_apart(keep, e):
        return False
    if keep.etype.name == "statement" and keep.sentence_id != e.sentence_id:
        return False  # two sentences of saying are two statements, even of one speaker
    if (keep.status == "denied") != (e.status == "denied"):
        return False
    pa, pb = set(keep.participants), set(e.participants)
    if e.cues.get("election_of") is keep or keep.cues.get("election_of") is e:
        return True  # "the election" that the article has dated (with its candidates)
    candidates = keep.cues.get("roles") or e.cues.get("roles")
    if keep.etype.family == "election" and candidates and keep.sentence_id != e.sentence_id:
        # an election is told by its day, not by its candidates: one person runs in a
        # primary and a general election, or again four years later
        return overlap(keep, e) is True and same_kind(keep, e)
    if not pa and not pb and keep.etype.family == "election" and keep.sentence_id != e.sentence_id:
        return e.cues.get("election_of") is keep or keep.cues.get("election_of") is e
    if not pa and not pb:
        same_sentence = keep.sentence_id == e.sentence_id
        return same_sentence and overlap(keep, e) is not False
    if not pa or not pb:
        return False
    if not (pa <= pb or pb <= pa):
        return False
    ov = overlap(keep, e)
    if ov is not None:
        return ov
    return True


def deduplicate(events: list[Event]) -> list[Event]:
    order = sorted(events, key=lambda e: (-_score(e), e.trigger_start))
    kept: list[Event] = []
    for e in order:
        matches = [k for k in kept if _compatible(k, e)]
        if not matches:
            kept.append(e)
            continue
        k = min(matches, key=lambda m: abs(m.sentence_id - e.sentence_id))
        k.participants = list(dict.fromkeys(k.participants + e.participants))
        k.sentence_ids = sorted(set(k.sentence_ids) | set(e.sentence_ids))
        if k.place is None and e.place is not None:
            k.place = e.place
            k.place_from = e
        finer = (
            k.time_source == e.time_source == "timex"
            and k.begin <= e.begin
            and e.end <= k.end
            and (e.end - e.begin) < (k.end - k.begin)
        )  # "an election in June" ... "the election slated for June 25"
        if finer or (k.time_source != "timex" and e.time_source == "timex"):
            k.timex, k.begin, k.end, k.precision, k.time_source = (
                e.timex,
                e.begin,
                e.end,
                e.precision,
                e.time_source,
            )
    kept.sort(key=lambda e: (e.trigger_start, e.split))
    return kept


def to_row(e: Event) -> dict:
    place = e.place.row if e.place is not None else {}
    place_src = e.place_from or e
    probable = (
        place_src.status in ("planned", "reported")
        or bool(place_src.cues.get("hedged"))
        or bool(place_src.cues.get("planned"))
    )
    cues = ",".join(k for k in ("planned", "denied", "hedged") if e.cues.get(k))
    extra = []
    if e.cues.get("attributed"):
        extra.append(f"attributed={e.cues['attributed']}")
    if e.cues.get("rejected"):
        extra.append(f"rejected={e.cues['rejected']}")
    if e.cues.get("tense"):
        extra.append(f"tense={e.cues['tense']}")
    if e.status_from is not None:
        extra.append("status=coreference")
    elif not e.status_decided:
        extra.append("status=default")
    cues = ",".join(x for x in (cues, *extra) if x)
    return {
        "event_id": event_id(e.article_id, e.sentence_id, e.etype.name, e.trigger_start, e.split),
        "article_id": e.article_id,
        "sentence_id": e.sentence_id,
        "type": e.etype.name,
        "status": e.status,
        "participants": list(e.participants),
        "begin": e.begin,
        "end_date": e.end,
        "precision": e.precision,
        "timex": None if e.timex is None else e.timex.row.get("value"),
        "place_id": place.get("place_id"),
        "place_name": place.get("name"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "trigger": e.trigger_text,
        "evidence": e.evidence,
        "reference_id": None,
        "trigger_start": e.trigger_start,
        "status_cues": cues or None,
        "time_source": e.time_source,
        "place_text": place.get("text"),
        "place_certainty": (None if e.place is None else ("probable" if probable else "stated")),
        "sentence_ids": list(e.sentence_ids),
        "participants_inferred": e.coref,
    }
