"""Who took part in an event: the actors named in its trigger's arguments.

:func:`participants_of` reads the actors of the argument phrases of the trigger
(:func:`analysis.events.syntax.argument_heads`): subject, objects, "with"/"between"
phrases and their conjuncts, never every entity of the sentence.  Speakers of quotes
fill in statements whose parse lost the subject (:func:`quote_speakers`), and definite
event nouns ("the summit") take the participants of the previous event of their type
(:func:`resolve_coreference`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon.agents import FORMER_WORDS, STATE_AGENTS, STATE_BODIES
from ..lexicon.documents import MESSAGES
from ..lexicon.prepositions import MEMBERSHIP_PREPOSITIONS
from ..lexicon.speech import HUMAN_SOURCES, QUOTE_MARKS
from . import syntax
from .assembly import set_apart, told_inside
from .model import Event, is_na
from .roles import ellipsis_subjects, for_subjects, him_or_her, his_or_her, objects_of
from .scope import message_told

__all__ = [
    "anonymous_source",
    "head_actors",
    "participants_of",
    "pronoun_speaker",
    "pronoun_subject",
    "quote_speakers",
    "resolve_coreference",
    "sentence_subject_speaker",
    "speaker_heads",
    "statement_noun_speakers",
]


def participants_of(
    trig: Token,
    actor_tok: dict,
    media: set[str],
    *,
    complement: bool = False,
    statement: bool = False,
    speakers_only: bool = False,
) -> list[str]:
    """Actor ids of the trigger's participants, in order of the arguments.

    Parameters
    ----------
    trig : spacy.tokens.Token
        The trigger.
    actor_tok : dict
        ``(id(doc), token index) -> actor ids`` of the actor mentions.
    media : set of str
        Actor ids of outlets: reporting is not taking part.
    complement : bool
        Also the subject of a demand's or threat's complement ("demanded that X go").
    statement : bool
        The trigger is a speech act: a passive subject ("is said to") is its topic.
    speakers_only : bool
        Only the speakers (:func:`speaker_heads`): a statement's participants are
        those who speak, not what they speak about nor whom they tell.
    """
    out: list[str] = []
    if speakers_only:
        raw = speaker_heads(trig)
    else:
        raw = syntax.argument_heads(trig, with_complement=complement)
        if statement and trig.pos_ in ("NOUN", "PROPN"):
            # "Kim issued a warning to Trump": who issues a speech-act noun takes part
            raw += [h for h in speaker_heads(trig) if h not in raw]
    # an argument across a paragraph break is a parse error of a run-on sentence
    raw = [h for h in raw if syntax.same_paragraph(trig, h)]
    heads = [syntax.antecedent(h) for h in raw if not _party_label(h)]
    if statement and any(c.dep_ == "auxpass" for c in trig.children):
        # "Kim is said to have met Putin": the passive subject is the topic, not a speaker
        heads = [h for h in heads if h.dep_ != "nsubjpass"]
    at_head = {
        h.i: [a for a in actor_tok.get((id(h.doc), h.i), []) if a not in media] for h in heads
    }
    found_at_head = any(at_head.values())
    doers = _doers(trig)
    also = _ellipsis_doers(trig)
    asked = _asked_to_act(trig)
    doer_named = any(at_head[h.i] for h in heads if h.i in doers and h.i not in also)
    for h in heads:
        if at_head[h.i]:
            out += at_head[h.i]
            continue
        if not found_at_head:
            out += _phrase_actors(h, actor_tok, media, speaker=statement)
        elif (h.i in doers and not doer_named) or _list_member(h):
            # who does it has no actor of its own beside the named ones: whose it is
            # ("The ministry and Vale's office issued", "members of the Ways Committee
            # who signed ... calling on Vale") -- never what describes a named one
            # ("Vale, a member of the Ways Committee")
            out += _owner_actors(h, actor_tok, media)
        elif h.lemma_.lower() in STATE_AGENTS:
            # "called for the government of Ruritania to act", "called on the Ruritanian
            # government to act": the state it acts for -- not what is asked for
            # ("requested more Ruritanian troops")
            out += _owner_actors(h, actor_tok, media)
            if h.i in asked:
                out += _state_of(h, actor_tok, media)
    seen: list[str] = []
    for a in out:
        if a not in seen and a not in media:
            seen.append(a)
    return seen


def head_actors(
    heads: list[Token],
    actor_tok: dict,
    media: set[str],
    resolve: Callable[[Token], list[str]] | None = None,
) -> list[str]:
    """Actor ids named by ``heads`` and their conjuncts and appositions, in order; a
    "he" / "she" without an actor of its own goes to ``resolve`` (the pronoun resolver):
    "He was killed by an airstrike" -- the one "he" stands for was struck.

    Parameters
    ----------
    heads : list of spacy.tokens.Token
        Heads of the phrases that name participants in a role the plain argument
        reading misses (a target, a candidate).
    actor_tok : dict
        ``(id(doc), token index) -> actor ids`` of the actor mentions.
    media : set of str
        Actor ids of outlets, never participants.
    resolve : callable, optional
        ``resolve(pronoun) -> actor ids``.

    Returns
    -------
    list of str
    """
    out: list[str] = []
    for h in heads:
        for t in syntax._expand(h):
            ids = [a for a in actor_tok.get((id(t.doc), t.i), []) if a not in media]
            if not ids and t.lemma_.lower() in STATE_AGENTS:
                # "Bexley forces", "the forces of Bexley": the state they act for
                ids = _owner_actors(t, actor_tok, media) or _state_of(t, actor_tok, media)
            if (
                not ids
                and resolve is not None
                and (t.lower_ in _HE_SHE or his_or_her(t) or him_or_her(t))
            ):
                ids = resolve(t)
            out += [a for a in ids if a not in out and a not in media]
    return out


#: Nouns of people who are others than their possessor ("Vale's lawyer said" is not
#: Vale): counsel, aides, kin, friends and foes.  A spokesman speaks for his principal.
_OTHERS_OF = frozenset(
    [
        *("lawyer", "attorney", "counsel", "solicitor", "barrister", "aide", "adviser"),
        *("advisor", "associate", "ally", "critic", "supporter", "friend", "family"),
        *("parent", "wife", "husband", "son", "daughter", "brother", "sister", "mother"),
        *("father", "relative", "widow", "rival", "opponent", "biographer", "doctor"),
        *("accuser", "lawyers", "parents", "critics", "supporters", "allies", "friends"),
    ]
)


def _phrase_actors(
    h: Token, actor_tok: dict, media: set[str], *, speaker: bool = False
) -> list[str]:
    """Actors named inside the phrase of ``h`` but not as modifiers of another actor -- nor,
    for a ``speaker``, as the possessor of a lawyer, an aide or a relative."""
    out: list[str] = []
    toks = syntax.phrase_tokens(h)
    inside = {t.i for t in toks}
    named: list[str] = []  # "the prosecutor of Ruritania, Ana Vale,": the person named
    # "Vale's lawyer", "Vale's parents": someone else than Vale speaks or acts
    others = (
        {t.i for c in h.children if c.dep_ == "poss" for t in c.subtree}
        if speaker and h.lemma_.lower() in _OTHERS_OF
        else set()
    )
    for t in toks:
        if _party_label(t) or t.i in others:
            continue
        ids = [a for a in actor_tok.get((id(t.doc), t.i), []) if a not in media]
        if ids and not _modifies_other_actor(t, inside, ids, actor_tok, media):
            out += ids
        person = t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_)
        if ids and t.dep_ == "appos" and person and h.pos_ == "NOUN":
            named += ids
    # a person in apposition names the one the common noun stands for; a place or body
    # in its phrase only qualifies the title ("of Ruritania")
    if named:
        return list(dict.fromkeys(named))
    if h.pos_ == "NOUN" and any(c.lower_ in FORMER_WORDS for c in h.children):
        return []  # "a former agency official told": no longer speaks for the agency
    return out


def _owner_actors(h: Token, actor_tok: dict, media: set[str]) -> list[str]:
    """Actors of the possessor or "of"/"on"/"from" object of a noun without an actor
    ("Vale's office", "members of the Ways Committee", "some on the committee"); none
    when an apposition names it."""
    if any(c.dep_ == "appos" for c in h.children) or h.pos_ not in ("NOUN", "PRON"):
        return []
    owners = [c for c in h.children if c.dep_ == "poss"]
    owners += [
        g
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in MEMBERSHIP_PREPOSITIONS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    out: list[str] = []
    for o in owners:
        out += [a for a in actor_tok.get((id(o.doc), o.i), []) if a not in media]
    return out


def _state_of(h: Token, actor_tok: dict, media: set[str]) -> list[str]:
    """Actors of the country adjective or name that qualifies a noun of those who act
    for a state ("the Ruritanian government", "Ruritania's authorities" is the
    possessor's); none when an apposition names it."""
    if any(c.dep_ == "appos" for c in h.children) or h.pos_ != "NOUN":
        return []
    if h.tag_ == "NN" and h.lemma_.lower() not in STATE_BODIES:
        return []  # "party leader Ana Vale", "the Ruritanian ambassador": one person
    out: list[str] = []
    for c in h.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < h.i and c.ent_type_ != "PERSON":
            out += [a for a in actor_tok.get((id(c.doc), c.i), []) if a not in media]
    return out


def _list_member(h: Token) -> bool:
    """True for a conjunct of a list that is no apposition: "the ministry and Vale's
    office", not "Vale, a senator and a member of the committee"."""
    if h.dep_ != "conj":
        return False
    node = h
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ != "appos"


def _asked_to_act(trig: Token) -> set[int]:
    """Token indices of whom a verb asks to act: the subject of its "for ... to"
    complement ("called for the government to act"), the object of "call on", and an
    object that controls its infinitive ("urged the authorities to act")."""
    if trig.pos_ not in ("VERB", "AUX"):
        return set()
    out = {h.i for h in for_subjects(trig)}
    infinitive = any(c.dep_ == "xcomp" for c in trig.children)
    for c in trig.children:
        if c.dep_ in ("dobj", "obj") and infinitive:
            out.add(c.i)
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            out |= {g.i for g in c.children if g.dep_ == "pobj"}
    return out


def _ellipsis_doers(trig: Token) -> set[int]:
    """Token indices of the "as did A and B" doers of a verb trigger."""
    if trig.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for h in ellipsis_subjects(trig) for t in syntax._expand(h)}


def _doers(trig: Token) -> set[int]:
    """Token indices of the phrases that name who does what a verb trigger says."""
    if trig.pos_ not in ("VERB", "AUX"):
        return set()
    heads = syntax._subjects(trig) + ellipsis_subjects(trig)
    return {t.i for h in heads for t in syntax._expand(h)}


#: Verbs whose subject issues a statement noun: "X issued a statement".
_ISSUE_VERBS = syntax.ISSUE_VERBS


def _message_owner(trig: Token) -> list[Token]:
    """For a participle that tells what a message says ("a message blaming Ruiz", "a
    statement calling for talks"): whose message it is -- its possessor ("her letter
    urging"), or the subject of the verb that sent it ("Vale posted a message on Twitter
    blaming Ruiz"), never a name that merely stands before the participle."""
    noun = message_told(trig, MESSAGES)
    if noun is None:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners and noun.dep_ in ("dobj", "obj") and noun.head.i != noun.i:
        owners = syntax._subjects(noun.head)
    return owners


def speaker_heads(trig: Token) -> list[Token]:
    """Heads of the phrases naming who speaks: the subject of a verb of saying (or the
    agent of a passive), the possessor or "by"/"from" phrase of a statement noun, and the
    subject of the verb that issues it ("X issued a statement").  Conjuncts included:
    "A, B and C released a statement" gives three speakers."""
    heads: list[Token] = []
    owner = _message_owner(trig)
    if owner:
        heads = owner  # "Vale posted a message on Twitter blaming Ruiz": Vale's words
    elif trig.pos_ in ("VERB", "AUX"):
        heads = syntax._subjects(trig) + ellipsis_subjects(trig)
    else:
        heads = [c for c in trig.children if c.dep_ in ("poss", "compound")]
        heads += syntax._prep_objects(trig, frozenset(["by", "from"]))
        verb = trig.head
        if (
            not heads
            and verb.i != trig.i
            and trig.dep_ in ("dobj", "obj", "nsubjpass")
            and syntax._lemma(verb) in _ISSUE_VERBS | syntax.SUPPORT_VERBS
        ):
            heads = syntax._subjects(verb)
    out: list[Token] = []
    seen: set[int] = set()
    for h in heads:
        for t in syntax._expand(h):
            if t.i not in seen and t.i != trig.i:
                out.append(t)
                seen.add(t.i)
    return out


#: Nouns of those who speak for a principal: "his spokeswoman", "her office said".
_SPEAKING_FOR = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "representative", "office", "campaign"]
)


def principal_pronoun(trig: Token) -> Token | None:
    """The "his" / "her" whose spokesman or office speaks: "His office said", "a
    representative for her office told" -- the one it stands for is the speaker."""
    for h in speaker_heads(trig):
        for n in [h, *objects_of(h, "for", "of", "from")]:
            if n.pos_ != "NOUN" or n.lemma_.lower() not in _SPEAKING_FOR:
                continue
            for c in n.children:
                if c.dep_ == "poss" and his_or_her(c):
                    return c
    return None


def anonymous_source(trig: Token) -> bool:
    """True when a verb of saying has an unnamed person for its speaker: "a senior
    official told reporters", "sources said", "two diplomats said" -- a statement of an
    anonymous source, unlike "it was said", "the report said" or "the minister said"
    (someone the article has named, left to coreference).

    Parameters
    ----------
    trig : spacy.tokens.Token
        The verb of saying.

    Returns
    -------
    bool
    """
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    heads = speaker_heads(trig)
    return bool(heads) and all(
        h.pos_ == "NOUN" and h.lemma_.lower() in HUMAN_SOURCES and _unnamed(h) for h in heads
    )


def _unnamed(noun: Token) -> bool:
    """An indefinite person noun ("a senior official", "sources", "two diplomats"), not one
    the article points back to ("the minister", "his lawyer")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return False
        if c.dep_ == "det" and c.lower_ not in ("a", "an", "some", "several", "many", "one"):
            return False
    return True


def _party_label(tok: Token) -> bool:
    """True for the state of a party-and-state label: "Wis." in "Paul Ryan, R-Wis."."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].text in ("R", "D", "I"):
        return True
    text = tok.text
    return len(text) > 2 and text[0] in "RDI" and text[1] == "-" and text[2:3].isupper()


def _modifies_other_actor(
    tok: Token, inside: set[int], ids: list[str], actor_tok: dict, media: set[str]
) -> bool:
    """True for "U.S." in "U.S. President Donald Trump": a modifier of another actor --
    also through a word of that modifier's name that the parser hangs on the other actor
    ("the" in "the House Judiciary Committee Rep. Ann Vale")."""
    node = tok
    while (
        node.head.i != node.i
        and node.head.i in inside
        and node.dep_ in ("compound", "nmod", "poss", "amod", "appos", "det")
    ):
        node = node.head
        other = [a for a in actor_tok.get((id(node.doc), node.i), []) if a not in media]
        if other and set(other) != set(ids):
            return True
    return False


def quote_speakers(
    quotes: list[dict], trig: Token, media: set[str], *, span: tuple[int, int] | None = None
) -> list[str]:
    """Speakers that the quotes frame gives for the words said by ``trig``: the quotes of
    its sentence whose content lies inside the trigger's phrase ``span`` (absolute
    offsets), else -- without ``span`` -- those whose cue is the trigger's lemma, or the
    one speaker of the sentence.  Two different speakers give none."""
    lemma = syntax._lemma(trig)
    quotes = [q for q in quotes if not is_na(q.get("speaker"))]
    if span is not None:
        lo, hi = span
        chosen = [
            q.get("speaker")
            for q in quotes
            if int(q["start"]) < hi
            and lo < int(q["end"])
            and str(q.get("cue") or "").lower() in ("", lemma)
        ]
    else:
        matching = [q.get("speaker") for q in quotes if str(q.get("cue") or "").lower() == lemma]
        chosen = matching or [q.get("speaker") for q in quotes]
    chosen = [str(a) for a in dict.fromkeys(chosen) if str(a) not in media]
    return chosen if len(chosen) == 1 else []


_HE_SHE = frozenset(["he", "she"])


def pronoun_speaker(trig: Token, last: tuple[str, int] | None, sentence_id: int) -> list[str]:
    """The speaker of "he said" / "she told": the last person who spoke in the article,
    when that was at most three sentences before -- a reporter follows one speaker
    until naming another."""
    if last is None or sentence_id - last[1] > 3:
        return []
    subj = [c for c in trig.children if c.dep_ == "nsubj"]
    if trig.pos_ in ("VERB", "AUX") and subj and subj[0].lower_ in _HE_SHE:
        return [last[0]]
    return []


def pronoun_subject(
    trig: Token,
    index,
    person_subjects: list[tuple[int, int, str]],
    last_speaker: tuple[str, int] | None,
    sentence_id: int,
) -> str | None:
    """The person that a "he" / "she" subject of the trigger stands for.

    "Vale spoke for an hour. He signed the bill afterwards": the nearest person named
    as the subject of a clause before the pronoun, in its sentence or the two before;
    else the last person who spoke, at most three sentences before.  None when the
    trigger's subject is no such pronoun or a reported clause already gives it
    ("Vale said he would meet" names Vale through the reporting verb).

    Parameters
    ----------
    trig : spacy.tokens.Token
        The trigger.
    index : TokenIndex
        Offsets of the article's tokens.
    person_subjects : list of (int, int, str)
        ``(offset, sentence id, person id)`` of the person mentions that are subjects,
        sorted by offset.
    last_speaker : (str, int) or None
        The last single person who spoke and the sentence id.
    sentence_id : int
        The trigger's sentence.
    """
    if trig.pos_ not in ("VERB", "AUX"):
        return None
    subs = [s for s in syntax._subjects(trig) if s.dep_ in ("nsubj", "nsubjpass")]
    pron = next((s for s in subs if s.lower_ in _HE_SHE), None)
    if pron is None or syntax.antecedent(pron).i != pron.i:
        return None
    at = index.abs_start(pron)
    for start, sid, person in reversed(person_subjects):
        if start >= at:
            continue
        if sentence_id - sid > 2:
            break
        return person
    if last_speaker is not None and sentence_id - last_speaker[1] <= 3:
        return last_speaker[0]
    return None


def sentence_subject_speaker(trig: Token, actor_tok: dict, persons: set[str]) -> list[str]:
    """The speaker of "he said" / "she told" named earlier in the same sentence as the
    subject of another clause: in "The senator, a critic of the deal, stopped short of
    a threat, but he said ...", "he" is the senator -- the subject of the clause before,
    not the last person quoted.  The nearest such subject that is one person."""
    subj = [c for c in trig.children if c.dep_ == "nsubj"]
    if trig.pos_ not in ("VERB", "AUX") or not subj or subj[0].lower_ not in _HE_SHE:
        return []
    pronoun = subj[0]
    if syntax.antecedent(pronoun).pos_ == "PRON" and syntax.antecedent(pronoun).i != pronoun.i:
        return []  # "Crowley asked her if she could comment": she is the one asked
    before = list(trig.sent)[: pronoun.i - trig.sent.start]
    marks = [t.i for t in before if t.text in QUOTE_MARKS]
    for tok in reversed(before):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i == trig.i:
            continue
        if sum(m < tok.i for m in marks) % 2 == 1:
            continue  # '"Vale is wrong," he said': the subject of his words is not he
        if sum(tok.i < m for m in marks) % 2 == 1:
            continue  # 'Vale answered: "Nothing he said is true"': he is not Vale
        ids = [a for a in actor_tok.get((id(tok.doc), tok.i), []) if a in persons]
        if len(set(ids)) == 1:
            return [ids[0]]
    return []


def statement_noun_speakers(trig: Token, before: list[Event]) -> list[str]:
    """Speakers of "the statement said": when the subject of a verb of saying is a
    statement noun without speakers of its own, those of the last earlier event whose
    trigger is that noun ("Both offices issued statements. ... said the statements")."""
    if trig.pos_ not in ("VERB", "AUX"):
        return []
    for subj in syntax._subjects(trig):
        if subj.pos_ != "NOUN":
            continue
        lemma = syntax._lemma(subj)
        for e in reversed(before):
            if (
                e.etype.family == "statement"
                and e.participants
                and e.trigger.i != subj.i
                and syntax._lemma(e.trigger) == lemma
            ):
                return list(e.participants)
    return []


def _plural_pronoun_subject(trig: Token) -> bool:
    return trig.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("they", "we") for c in trig.children
    )


def _coref_key(e: Event) -> str:
    """Which earlier mentions "the ..." of this event can point back to: summits,
    meetings and talks are one kind; a visit is its own (a visitor and a host, not the
    parties of "talks between A and B" said just before)."""
    if e.etype.family == "meeting" and e.etype.name != "visit":
        return "meeting"
    return e.etype.name


#: Determiners that point back to doers already named ("the leaders", "both sides").
_BACK_POINTING = frozenset(["the", "these", "those", "both", "this", "that", "each"])


def _indefinite_doers(trig: Token) -> bool:
    """True when the event's subject is a common noun the article introduces as new --
    no determiner or possessor that points back ("African leaders negotiated the deal",
    "officials met on Tuesday", "some ministers met") -- rather than doers already named
    ("the two leaders met again", "their envoys met")."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.pos_ != "NOUN":
            return False
        pointing = any(
            (c.dep_ in ("det", "predet") and c.lower_ in _BACK_POINTING) or c.dep_ == "poss"
            for c in subj.children
        )
        return not pointing
    return False


def _own_name(trig: Token) -> bool:
    """An event noun inside a proper name of its own ("the Paris Climate Accord", "the
    Camp David Accords"): that one event, not the last one of its kind."""
    return trig.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in trig.children
    )


#: Modifiers by which a speech-act noun names words of an occasion of their own, or
#: earlier ones than the last told ("his resignation statement", "her original remarks").
_OWN_OCCASION = frozenset(
    [
        *("resignation", "farewell", "victory", "concession", "inaugural", "acceptance"),
        *("opening", "closing", "retirement", "departure", "original", "initial", "first"),
    ]
)


def resolve_coreference(events: list[Event]) -> list[Event]:
    """The same event mentioned again takes what the earlier mention said of it.

    A definite event noun ("the summit", "the meeting"), a reciprocal verb with a
    plural pronoun ("when they meet"), or any mention whose arguments name nobody
    ("during his visit"), that names none or only some of the participants of the
    previous event of its kind in the article (summits, meetings,
    talks and visits are one kind) takes that event's participants, and its interval
    when its own clause has no date (``time_source`` "coreference").  A meeting
    mention without a date of its own takes the one date that the article gives the
    meetings of exactly the same participants.  A speech-act noun ("her remarks") without
    a date of its own takes the date of the last dated saying of the same speakers
    before it.
    """
    last: dict[str, Event] = {}
    for e in sorted(events, key=lambda x: x.trigger_start):
        key = _coref_key(e)
        ante = last.get(key)
        # whom "the airstrike" struck or who stood in "the election", read off the
        # mention's own clause: an attack named again adds its victims to the earlier
        # mention's; an election's candidates are never lent (a person runs in a
        # primary, a general election and again four years later)
        roles = e.cues.get("roles") or []
        own = [p for p in e.participants if p not in roles]
        anaphor = e.definite or _plural_pronoun_subject(e.trigger) or not own
        if roles and e.etype.family == "election":
            anaphor = False  # "Trump's election": told by its candidate, not the last one
        if not own and _indefinite_doers(e.trigger):
            anaphor = False  # "African leaders negotiated it": others, not the last ones
        if e.cues.get("anonymous"):
            continue  # "a senior official said" is no one the article has named
        if ante is not None and (_own_name(e.trigger) or told_inside(ante.trigger, e.trigger)):
            anaphor = False  # "the Paris Accord"; "a pact, which requires the accord"
        if ante is not None and set_apart(e, ante):
            ante = None  # "launched missiles in response to the airstrike": another act
        if ante is not None and anaphor and set(own) < set(ante.participants):
            e.participants = list(dict.fromkeys([*ante.participants, *e.participants]))
            e.coref = True
            if e.time_source == "none" and ante.time_source == "timex":
                e.take_date(ante, "coreference")
        lends = e.participants if e.etype.family != "election" else own
        if lends and (key != "meeting" or len(lends) >= 2 or key not in last):
            last[key] = e
    # "The trip has angered ..." before the article says whose: the one visitor the
    # article names, before or after
    for e in events:
        if not e.definite or e.participants or e.etype.name != "visit":
            continue
        key = _coref_key(e)
        known = [o for o in events if o is not e and _coref_key(o) == key and o.participants]
        if len({frozenset(o.participants) for o in known}) == 1:
            e.participants = list(known[0].participants)
            e.coref = True
    # "Rice's remarks", "the statement": a speech-act noun names words the article has
    # reported -- it takes the date of the last dated saying of the same speakers
    said: list[Event] = []
    for e in sorted(events, key=lambda x: x.trigger_start):
        if e.etype.family != "statement" or not e.participants:
            continue
        noun = e.trigger.pos_ in ("NOUN", "PROPN")
        told_anew = any(
            c.dep_ in ("prep", "relcl", "acl")
            or (c.dep_ in ("compound", "amod") and c.lower_ in _OWN_OCCASION)
            for c in e.trigger.children
        )
        if noun and not told_anew and e.time_source in ("none", "publication", "narrative"):
            # "her remarks", "his latest remarks", not "his statement to Congress",
            # "remarks on trade" or "his resignation statement", which tell words of
            # their own
            same = [o for o in said if set(o.participants) == set(e.participants)]
            if same:
                o = same[-1]
                e.take_date(o, "coreference")
        if e.time_source == "timex" and e.status in ("occurred", "reported"):
            said.append(e)  # words said, not ones still to come ("will testify in May")
    # a mention of a meeting already dated elsewhere in the article (before or after)
    dated = [e for e in events if e.etype.family == "meeting" and e.time_source == "timex"]
    for e in events:
        if e.etype.family != "meeting" or e.time_source != "none" or not e.participants:
            continue
        same = [o for o in dated if set(o.participants) == set(e.participants)]
        if same and len({(o.begin, o.end) for o in same}) == 1:
            e.take_date(same[0], "coreference")
    return events
