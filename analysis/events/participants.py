"""Who took part in an event: the actors named in its trigger's arguments.

:func:`participants_of` reads the actors of the argument phrases of the trigger
(:func:`analysis.events.syntax.argument_heads`): subject, objects, "with"/"between"
phrases and their conjuncts, never every entity of the sentence.  Speakers of quotes
fill in statements whose parse lost the subject (:func:`quote_speakers`), and definite
event nouns ("the summit") take the participants of the previous event of their type
(:func:`resolve_coreference`).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax
from .model import Event, is_na

__all__ = ["participants_of", "quote_speakers", "resolve_coreference"]


def participants_of(
    trig: Token,
    actor_tok: dict,
    media: set[str],
    *,
    complement: bool = False,
    statement: bool = False,
) -> list[str]:
    out: list[str] = []
    heads = [syntax.antecedent(h) for h in syntax.argument_heads(trig, with_complement=complement)]
    if statement and any(c.dep_ == "auxpass" for c in trig.children):
        # "Kim is said to have met Putin": the passive subject is the topic, not a speaker
        heads = [h for h in heads if h.dep_ != "nsubjpass"]
    found_at_head = False
    for h in heads:
        ids = [a for a in actor_tok.get((id(h.doc), h.i), []) if a not in media]
        if ids:
            found_at_head = True
            out += ids
    if not found_at_head:
        for h in heads:
            toks = syntax.phrase_tokens(h)
            inside = {t.i for t in toks}
            for t in toks:
                ids = [a for a in actor_tok.get((id(t.doc), t.i), []) if a not in media]
                if ids and not _modifies_other_actor(t, inside, ids, actor_tok, media):
                    out += ids
    seen: list[str] = []
    for a in out:
        if a not in seen and a not in media:
            seen.append(a)
    return seen


def _modifies_other_actor(
    tok: Token, inside: set[int], ids: list[str], actor_tok: dict, media: set[str]
) -> bool:
    """True for "U.S." in "U.S. President Donald Trump": a modifier of another actor."""
    node = tok
    while (
        node.head.i != node.i
        and node.head.i in inside
        and node.dep_ in ("compound", "nmod", "poss", "amod", "appos")
    ):
        node = node.head
        other = [a for a in actor_tok.get((id(node.doc), node.i), []) if a not in media]
        if other and set(other) != set(ids):
            return True
    return False


def quote_speakers(quotes: list[dict], trig: Token, media: set[str]) -> list[str]:
    lemma = syntax._lemma(trig)
    speakers = [q.get("speaker") for q in quotes if not is_na(q.get("speaker"))]
    matching = [
        q.get("speaker")
        for q in quotes
        if not is_na(q.get("speaker")) and str(q.get("cue") or "").lower() == lemma
    ]
    chosen = matching or (speakers if len(set(speakers)) == 1 else [])
    return [str(s) for s in dict.fromkeys(chosen) if str(s) not in media]


def resolve_coreference(events: list[Event]) -> list[Event]:
    """Definite event nouns without participants take the previous same-type event's."""
    last: dict[str, Event] = {}
    for e in sorted(events, key=lambda x: x.trigger_start):
        if not e.participants and e.definite and e.etype.name in last:
            ante = last[e.etype.name]
            e.participants = list(ante.participants)
            e.coref = True
        if e.participants:
            last[e.etype.name] = e
    return events
