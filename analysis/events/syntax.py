"""Dependency-tree helpers for event extraction: triggers, arguments, paths.

The grammatical cues of an event's status live in :mod:`analysis.events.cues`.

Everything here works on spaCy ``Token`` objects of one parsed sentence; nothing here
knows about frames.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from ..lexicon.prepositions import (
    LOCATIVE_PREPOSITIONS,
    PARTICIPANT_PREPOSITIONS,
)
from ..lexicon.speech import QUOTE_MARKS, REPORTING_VERBS
from .roles import (
    addressees,
    document_authors,
    ellipsis_subjects,
    for_subjects,
    left_subject,
    list_members_before,
    modal_conjunct_head,
)
from .types import EventType

__all__ = [
    "QUESTIONING_VERBS",
    "REPORTING_VERBS",
    "same_paragraph",
    "ISSUE_VERBS",
    "TriggerIndex",
    "find_triggers",
    "path",
    "argument_heads",
]

#: Reporting verbs that make the reported event hearsay.
HEDGE_VERBS = frozenset(
    ["report", "claim", "allege", "hint", "suggest", "rumor", "rumour", "indicate"]
)
HEDGE_ADVERBS = frozenset(
    ["reportedly", "allegedly", "purportedly", "apparently", "supposedly", "possibly", "perhaps"]
)
#: Verbs that introduce a claim: in their complement the event is the source's word.
ATTRIBUTION_VERBS = REPORTING_VERBS | HEDGE_VERBS | frozenset(["tweet", "argue", "maintain"])
#: Reporting verbs that present their complement as fact ("confirmed that", "noted that").
FACTIVE_VERBS = frozenset(
    [
        "confirm",
        "reveal",
        "acknowledge",
        "admit",
        "note",
        "disclose",
        "announce",
        "show",
        "know",
        "learn",
        "realize",
        "realise",
        "recall",
        "prove",
        "verify",
        "find",
        "establish",
        "remember",
    ]
)
#: Verbs whose object, a demand or a statement, was made and then refused.
REJECT_WORDS = frozenset(["deny", "reject", "refuse", "dismiss", "rebuff"])
#: Relations by which an event is the content of a claim ("said [that he met]",
#: "reported [a launch]", "is said [to have met]").
CLAIM_RELS = frozenset(["ccomp", "xcomp", "dobj", "obj"])
FUTURE_AUX = frozenset(["will", "shall", "'ll", "wo"])
#: Modals of possibility, obligation or the future in the past: the event is not a fact.
MODAL_AUX = frozenset(
    ["would", "could", "may", "might", "can", "ca", "should", "must", "ought", "'d"]
)
#: Governing words that make their object/complement a plan, not a fact.
PLAN_WORDS = frozenset(
    [
        "plan",
        "prepare",
        "preparation",
        "expect",
        "schedule",
        "set",
        "due",
        "aim",
        "intend",
        "hope",
        "seek",
        "want",
        "propose",
        "consider",
        "discuss",
        "arrange",
        "agree",
        "invite",
        "invitation",
        "offer",
        "try",
        "push",
        "urge",
        "call",
        "support",
        "await",
        "anticipate",
        "organize",
        "organise",
        "mull",
        "eye",
        "promise",
        "pledge",
        "vow",
        "ready",
        "likely",
        "possible",
        "prepared",
        "track",
        "ahead",
        "upcoming",
        "prospect",
        "plans",
        "talk",
        "negotiate",
        *("attempt", "motion", "proposal", "demand", "request"),
    ]
)
#: Modifiers of an event noun that make it a plan ("the upcoming summit").
PLAN_MODIFIERS = frozenset(
    [
        "upcoming",
        "planned",
        "proposed",
        "expected",
        "possible",
        "potential",
        "future",
        "next",
        "prospective",
        "forthcoming",
        "likely",
        "scheduled",
        "mooted",
        "anticipated",
    ]
)
#: Governing words that deny or cancel their object/complement.
DENY_WORDS = frozenset(
    ["deny", "reject", "refuse", "dismiss", "cancel", "scrap", "fail", "abandon"]
)
NEG_WORDS = frozenset(["not", "n't", "never", "no"])
#: Verbs whose infinitive is not done ("declined to comment"); "decline" alone is also a
#: fall ("sales declined after the talks"), so only its infinitive counts.
WITHHOLDING_VERBS = frozenset(["decline"])
#: Verbs whose object event is not held ("bypassed the talks", "forwent a vote").
_BYPASSING = frozenset(["bypass", "forgo", "forego", "skirt", "sidestep"])
#: Clauses that are not part of an argument ("Kim, who came to power in 2011").
CLAUSAL = frozenset(["relcl", "advcl", "ccomp", "acl", "parataxis", "csubj", "xcomp"])
SUBJ = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "expl"])
#: Verbs that hold or run an event named by their object ("held talks", "the summit
#: began"): the core that both the participants and the timing of an event noun read.
RUNNING_VERBS = frozenset(
    [
        "have",
        "hold",
        "host",
        "attend",
        "join",
        "convene",
        "participate",
        "take",
        "conduct",
        "stage",
        "carry",
        "begin",
        "start",
        "open",
        "resume",
        "continue",
        "end",
        "conclude",
        "wrap",
        "plan",
    ]
)
#: Verbs whose subject takes part in the event noun they govern ("X held talks").
SUPPORT_VERBS = RUNNING_VERBS | frozenset(
    [
        "include",
        "organize",
        "organise",
        "arrange",
        "prepare",
        "seek",
        "propose",
        "cancel",
        "postpone",
        "skip",
        "boycott",
        "reach",
        "sign",
    ]
)
# the word lists live in analysis.lexicon; these are the names this package uses
#: The object of these takes part in the event ("talks with Seoul").
PARTICIPANT_PREPS = PARTICIPANT_PREPOSITIONS
#: The object of these is where the event happens ("in Vladivostok", "off the coast").
LOCATIVE_PREPS = LOCATIVE_PREPOSITIONS


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas in the close neighbourhood of ``tok``: children, grandchildren, head."""
    out = {_lemma(tok.head), tok.head.lower_, _lemma(tok.head.head)}
    for child in tok.children:
        out.add(_lemma(child))
        out.add(child.lower_)
        for grand in child.children:
            out.add(_lemma(grand))
            out.add(grand.lower_)
    # hyphenated compounds the tokenizer splits: "test-fire", "KN-23"
    if tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-":
        out.add(_lemma(tok.nbor(2)))
    # a hyphenated name counts by its stem: "Hwasong-15" -> "hwasong"
    out |= {w.split("-")[0] for w in out if "-" in w[1:]}
    return out


#: Verbs that say something only when they name what they call: "called the plan a
#: disgrace", "labelled them terrorists" -- not "called him", "called a vote".
NAMING_VERBS = frozenset(["call", "label", "brand", "dub"])


#: Verbs of moving that are a visit only when they go to a named place ("flew to Hanoi").
TRAVEL_VERBS = frozenset(["fly", "head", "land"])


def _to_a_place(tok: Token) -> bool:
    """Moving, with no object, to a named destination: "flew to Hanoi", "landed in Minsk"
    -- not "headed the agency", "landed a deal", "headed to the polls"."""
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "for", "in", "into", "at")
        and any(o.dep_ == "pobj" and o.text[:1].isupper() for o in c.children)
        for c in tok.children
    )


def _names_something(tok: Token) -> bool:
    return any(c.dep_ == "oprd" for c in tok.children)


def _context_ok(etype: EventType, tok: Token, lemma: str, pos: str) -> bool:
    ctx = etype.context.get(f"{lemma}:{pos}")
    if ctx is None:
        ctx = etype.context.get(lemma)
    if ctx is None:
        return True
    return bool(ctx & _near_lemmas(tok))


class TriggerIndex:
    """An event typology compiled for lookup by lemma: built once, used for every sentence.

    ``words[lemma]`` lists, in typology order, the types with that verb or noun lemma;
    ``phrases[word]`` lists ``(type order, phrase order, type, phrase)`` for the phrases
    whose first word is ``word``.  A sentence none of whose lemmas or lower-case forms
    is a key yields no trigger without any syntax work.
    """

    def __init__(self, types: Mapping[str, EventType]) -> None:
        self.types = dict(types)
        self.words: dict[str, list[EventType]] = {}
        self.phrases: dict[str, list[tuple[int, int, EventType, tuple[str, ...]]]] = {}
        for k, etype in enumerate(self.types.values()):
            for lemma in sorted(etype.verbs | etype.nouns):
                self.words.setdefault(lemma, []).append(etype)
            for m, phrase in enumerate(etype.phrases):
                self.phrases.setdefault(phrase[0], []).append((k, m, etype, phrase))
        for cands in self.phrases.values():
            cands.sort(key=lambda c: (c[0], c[1]))


_TRIGGER_POS = frozenset(["VERB", "NOUN", "PROPN", "ADJ", "AUX"])


def find_triggers(
    tokens: Iterable[Token], types: Mapping[str, EventType] | TriggerIndex
) -> list[tuple[Token, EventType, str]]:
    """Return ``(token, event type, trigger text)`` for every trigger among ``tokens``.

    A token may trigger several types only when no earlier type claimed it; types are
    tried in the order of ``types`` (phrases of every type first, then single words).
    ``types`` may be a :class:`TriggerIndex` compiled once for many sentences.
    """
    index = types if isinstance(types, TriggerIndex) else TriggerIndex(types)
    toks = list(tokens)
    lemmas = [_lemma(t) for t in toks]
    lowers = [t.lower_ for t in toks]
    out: list[tuple[Token, EventType, str]] = []
    claimed: set[int] = set()
    if index.phrases:
        for k, tok in enumerate(toks):
            cands = index.phrases.get(lemmas[k])
            alt = index.phrases.get(lowers[k]) if lowers[k] != lemmas[k] else None
            if alt:
                cands = sorted((cands or []) + alt, key=lambda c: (c[0], c[1]))
            if not cands or tok.pos_ not in _TRIGGER_POS:
                continue
            for _, _, etype, phrase in cands:
                n = len(phrase)
                if k + n > len(toks):
                    continue
                if all(
                    lemmas[k + j] == phrase[j] or lowers[k + j] == phrase[j] for j in range(1, n)
                ):
                    out.append((tok, etype, " ".join(t.text for t in toks[k : k + n])))
                    claimed.add(tok.i)
                    break
    for k, tok in enumerate(toks):
        cands = index.words.get(lemmas[k])
        if not cands or tok.i in claimed:
            continue
        lemma = lemmas[k]
        for etype in cands:
            if tok.pos_ == "VERB" and lemma in etype.verbs:
                pos = "v"
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in etype.nouns:
                if lemma in etype.plural_only and tok.tag_ not in ("NNS", "NNPS"):
                    continue
                pos = "n"
            else:
                continue
            if not _context_ok(etype, tok, lemma, pos):
                continue
            naming = etype.family == "statement" and pos == "v"
            if naming and lemma in NAMING_VERBS and not _names_something(tok):
                continue  # "called him on Friday", "called a vote": no words are said
            if pos == "v" and lemma in TRAVEL_VERBS and not _to_a_place(tok):
                continue  # "flew to Hanoi" is a visit; "head the agency", "land a deal" not
            if naming and lemma == "claim" and any(c.dep_ == "xcomp" for c in tok.children):
                continue  # "cannot claim to know": a pretence, not a claim made
            out.append((tok, etype, tok.text))
            claimed.add(tok.i)
            break
    out.sort(key=lambda item: item[0].i)
    return out


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The dependency path from ``a`` to ``b``.

    Returns ``(up, down)``: ``up`` are the nodes above ``a`` up to and including the
    lowest common ancestor, ``down`` the nodes strictly between that ancestor and ``b``
    (top first).  ``None`` when the tokens are not in the same tree.
    """
    if a.doc is not b.doc:
        return None
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for ka, t in enumerate(up_a):
        kb = index_b.get(t.i)
        if kb is not None:
            return up_a[1 : ka + 1], list(reversed(up_b[1:kb]))
    return None


def _list_head_left(tok: Token) -> list[Token]:
    """Names listed before a coordination that the parser attached elsewhere: in
    "Trump, Putin and Pompeo issued ..." a small model may hang "Trump" on the verb;
    "X ," directly before the first conjunct of an "and" list belongs to the list."""
    if tok.pos_ != "PROPN" or not any(c.dep_ == "conj" for c in tok.children):
        return []
    out: list[Token] = []
    k = tok.left_edge.i
    doc = tok.doc
    while k >= 2 and doc[k - 1].text == "," and doc[k - 2].pos_ in ("PROPN", "ADJ"):
        name = doc[k - 2]
        if not name.text[:1].isupper() or name.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            break
        out.append(name)
        k = name.left_edge.i if name.left_edge.i < name.i else name.i
    return out


def _expand(tok: Token) -> list[Token]:
    """``tok`` with its conjuncts and appositions ("Putin and Kim", "the leader, Kim"),
    and names of its list that the parse left outside ("A, B and C")."""
    out = [tok, *_list_head_left(tok), *list_members_before(tok)]
    seen = {t.i for t in out}
    k = 0
    while k < len(out):
        for child in out[k].children:
            if child.dep_ in ("conj", "appos") and child.i not in seen:
                out.append(child)
                seen.add(child.i)
        if k == 0 and tok.pos_ == "NOUN":
            # "a few senators, including A and B": the named members of a group
            for g in _members(tok):
                if g.i not in seen:
                    out.append(g)
                    seen.add(g.i)
        k += 1
    return out


def _members(noun: Token) -> list[Token]:
    """Objects of "including" / "such as" / "like" after a common noun."""
    out = []
    for child in noun.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        such_as = word == "as" and child.i > 0 and child.doc[child.i - 1].lower_ == "such"
        if word in ("including", "like") or such_as:
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def _subjects(verb: Token) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in SUBJ and c.dep_ != "expl"]
    if not subs and verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "acl", "pcomp"):
        left = left_subject(verb)
        if left is not None:
            return [left]
    subs += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if subs:
        out = []
        for s in subs:
            # relative pronoun: the noun the clause modifies
            if s.lower_ in ("who", "which", "that") and verb.dep_ in ("relcl", "acl"):
                out.append(verb.head)
            else:
                out.append(s)
        return out
    # object control: "urged Trump to cancel", "asked him to meet" -- the object acts
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        objs = [c for c in verb.head.children if c.dep_ in ("dobj", "obj", "dative")]
        if _lemma(verb.head) == "call":  # "called on Trump to cancel": Trump acts
            objs += _prep_objects(verb.head, frozenset(["on", "upon"]))
        if not objs:  # "wrote to Vale to cancel": Vale acts
            objs = addressees(verb.head, ATTRIBUTION_VERBS | _DEMAND_GOVERNORS)
        if objs:
            return objs[:1]
    if (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        # "wrote to Vale to cancel" parsed as a purpose clause: Vale is asked to act
        objs = addressees(verb.head, ATTRIBUTION_VERBS | _DEMAND_GOVERNORS)
        if objs:
            return objs[:1]
    bearer = modal_conjunct_head(verb)  # "should insist ... and should demand"
    if bearer is not None:
        return _subjects(bearer)
    # controlled or coordinated verbs share the subject of their head
    if (
        verb.dep_ in ("xcomp", "conj", "advcl")
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return _subjects(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "signed a letter calling on Vale": the letter speaks for its signers
        return document_authors(verb, _subjects) or [verb.head]
    if verb.dep_ == "pcomp":
        # "stopped short of calling ...", "refrained from meeting ...": the subject of
        # the verb that governs the preposition
        node = verb.head.head
        for _ in range(3):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            return _subjects(node)
    return []


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


#: Verbs of asking whose "from" phrase names whom it is asked of.
_ASKING = frozenset(["demand", "request", "seek", "ask", "expect", "require"])
_FROM = frozenset(["from"])


def argument_heads(trigger: Token, *, with_complement: bool = False) -> list[Token]:
    """Heads of the phrases that name the trigger's participants.

    Verbs: subjects (inherited through xcomp/conj), direct and dative objects, and
    objects of "with", "between", "against", "by".  Nouns: possessors ("Kim's summit"),
    noun modifiers ("US-North Korea talks"), objects of "with", "between", "of" (for
    meetings), and the subject of a support verb ("X held talks").  Conjuncts and
    appositions of each head are included.
    """
    heads: list[Token] = []
    if trigger.pos_ in ("VERB", "AUX"):
        heads += _subjects(trigger) + ellipsis_subjects(trigger)  # "..., as did Ruiz"
        heads += [c for c in trigger.children if c.dep_ in ("dobj", "dative", "obj")]
        heads += _prep_objects(trigger, PARTICIPANT_PREPS)
        if _lemma(trigger) == "call":
            heads += _prep_objects(trigger, frozenset(["on", "upon"]))  # "called on X to"
        if _lemma(trigger) in _ASKING:
            # "demanded an explanation from Ruritania": whom it is asked of
            asked = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
            heads += [o for a in asked for o in _prep_objects(a, _FROM)]
        if with_complement:
            # "demanded that Pompeo be replaced": the complement's subject is involved
            for comp in trigger.children:
                if comp.dep_ in ("ccomp", "xcomp"):
                    heads += [c for c in comp.children if c.dep_ in SUBJ and c.dep_ != "expl"]
                if comp.dep_ == "xcomp" and _lemma(trigger) in _THREATENING:
                    # "vowed to impeach the president": whom the threat is against
                    heads += [
                        c
                        for c in comp.children
                        if c.dep_ in ("dobj", "obj") and c.pos_ in ("PROPN", "NOUN")
                    ]
            heads += [h for h in for_subjects(trigger) if h not in heads]  # "for Vale to go"
    else:
        mods = [c for c in trigger.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
        # "US-North Korea talks": modifiers of modifiers
        heads += mods + [
            g
            for m in mods
            for g in m.children
            if g.dep_ in ("compound", "nmod") and g.pos_ == "PROPN"
        ]
        heads += _prep_objects(trigger, PARTICIPANT_PREPS | {"of"})
        verb = trigger.head
        rel = trigger.dep_
        if rel == "pobj" and verb.dep_ == "prep":
            rel, verb = "pobj", verb.head
        if verb.i != trigger.i and verb.pos_ in ("VERB", "AUX") and _lemma(verb) in SUPPORT_VERBS:
            if rel in ("dobj", "pobj", "attr", "nsubjpass", "obj") and not (
                _lemma(verb) in _CALLING_OFF and _owned_by_others(trigger)
            ):
                heads += _subjects(verb)
            if _lemma(verb) == "host":
                heads += [c for c in verb.children if c.dep_ == "dobj" and c.i != trigger.i]
        elif rel == "dobj" and verb.pos_ in ("VERB", "AUX") and _lemma(verb) == "spend":
            heads += _subjects(verb)  # "spent Wednesday meeting with officials": Vale met
    out: list[Token] = []
    seen: set[int] = set()
    for h in heads:
        for t in _expand(h):
            if t.i not in seen and t.i != trigger.i:
                out.append(t)
                seen.add(t.i)
    return out


_PRONOUNS = frozenset(["it", "he", "she", "they", "we", "i"])
#: Possessive pronouns: "his trip" may be the trip of the one who cancels it.
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "its", "their", "my", "our", "your"])
#: Verbs by which one may call off what others were to do ("canceled Vale's trip").
_CALLING_OFF = frozenset(["cancel", "postpone"])


def _owned_by_others(noun: Token) -> bool:
    """True when an event noun names whose it is by a name or an adjective of a party
    or a people ("Vale's trip", "a Democratic congressional trip"): one who calls it
    off need not be among them -- unlike "his trip" or "the summit"."""
    return any(
        (c.dep_ == "poss" and c.lower_ not in _POSSESSIVE_PRONOUNS)
        or (
            c.dep_ in ("amod", "compound")
            and (c.ent_type_ == "NORP" or c.lower_ == "congressional")
        )
        for c in noun.children
    )


def antecedent(tok: Token) -> Token:
    """For a subject pronoun in a reported clause, the reporting verb's subject:
    "North Korea denied that it had tested" -> North Korea, '"I will go," Vale said' ->
    Vale.  Other tokens unchanged."""
    if tok.pos_ != "PRON" or tok.lower_ not in _PRONOUNS or tok.dep_ not in SUBJ:
        return tok
    node = tok.head
    while node.dep_ in ("conj", "xcomp", "aux") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("ccomp", "advcl") and node.head.i != node.i:
        if tok.lower_ in _THIRD_PERSON and _quoted_from(tok, node.head):
            return tok  # '"He lied to me," Vale said': in his own words Vale is "I"
        asked = [
            c
            for c in node.head.children
            if c.dep_ in ("dobj", "dative") and _lemma(node.head) in QUESTIONING_VERBS
        ]
        if asked and (asked[0].pos_ == "PROPN" or _OBJECT_FORM.get(tok.lower_) == asked[0].lower_):
            # "Crowley asked her if she could comment": the one asked, not the asker
            return asked[0]
        subs = [c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and subs[0].pos_ in ("PROPN", "NOUN"):
            return subs[0]
    return tok


#: Verbs of threatening whose infinitive's object is the threat's target ("vowed to
#: impeach Vale", "threatened to sue Ruiz").
_THREATENING = frozenset(["threaten", "vow", "warn", "pledge", "promise"])
#: Verbs of asking whose object answers ("asked her whether she would run").
QUESTIONING_VERBS = frozenset(["ask", "press", "question", "quiz"])
#: The object form of a subject pronoun.
_OBJECT_FORM = {"he": "him", "she": "her", "they": "them", "it": "it", "we": "us", "i": "me"}


#: Pronouns by which a speaker's own words never name him.
_THIRD_PERSON = frozenset(["he", "she", "it", "they"])


def _quoted_from(tok: Token, verb: Token) -> bool:
    """True when an odd number of quotation marks lies between ``tok`` and ``verb``:
    ``tok`` is inside the words ``verb`` quotes."""
    lo, hi = sorted((tok.i, verb.i))
    return sum(t.text in QUOTE_MARKS for t in tok.doc[lo:hi]) % 2 == 1


def phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the phrase headed by ``head``, without embedded clauses."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSAL and c.dep_ not in ("conj", "appos")]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in CLAUSAL]
    return out


def same_paragraph(a: Token, b: Token) -> bool:
    """False when a line break lies between the two tokens: a sentence splitter may run
    one sentence over a paragraph break, and a dependency across it is a parse error
    (a "said" of the next paragraph is not the verb that reports this one)."""
    lo, hi = (a.i, b.i) if a.i < b.i else (b.i, a.i)
    doc = a.doc
    return not any("\n" in doc[k].text_with_ws for k in range(lo, hi))


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


#: Verbs that issue a speech-act noun ("issued a statement", "released a warning").
ISSUE_VERBS = frozenset(
    ["issue", "release", "make", "put", "deliver", "give", "publish", "read", "offer", "send"]
    + ["hand", "present", "post", "lay", "set"]
)
#: Verbs whose to-infinitive is demanded of someone ("urged X to cancel").
_DEMAND_GOVERNORS = frozenset(
    ["urge", "call", "ask", "demand", "press", "push", "want", "tell", "implore", "beg"]
)
