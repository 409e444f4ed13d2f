"""Who speaks: the speaker a subject, a relative pronoun or an "according to" object
stands for, and the per-Doc look-ups the quote finders share.

Used by :mod:`analysis.actors.quotes` (direct speech) and :mod:`analysis.actors.reported`
(reported speech and stance).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.attrs import IDX, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from analysis.actors.coref import SpeakerResolver
from analysis.actors.cues import NOT_SOURCES as _NOT_SOURCES
from analysis.actors.cues import SOURCE_NOUNS
from analysis.actors.syntax import has_parse
from analysis.lexicon.agents import FORMER_WORDS

__all__ = [
    "NO_SPEAKER",
    "OBJECT_DEPS",
    "SUBJECT_DEPS",
    "WHEN_LABELS",
    "QuoteDoc",
    "Speaker",
    "antecedent",
    "can_hold_stance",
    "quote_row",
    "via_source",
]

WHEN_LABELS = frozenset({"DATE", "TIME"})
_PRONOUNS = {"he", "she", "him", "her", "his", "it", "they", "we", "i"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "pobj", "attr", "oprd", "dative")


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ("the mayor, who said ...")."""
    if tok.tag_ not in ("WP", "WDT") or tok.dep_ not in SUBJECT_DEPS:
        return None
    v = tok.head
    for _ in range(4):
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    return v.head if v.dep_ == "relcl" and v.head.i != v.i else None


class Speaker:
    """A speaker: the actor mention (or None), how the text names it, and where."""

    __slots__ = ("mention", "text", "start", "end")

    def __init__(self, mention, text: str | None, start: int | None, end: int | None):
        self.mention, self.text, self.start, self.end = mention, text, start, end


NO_SPEAKER = Speaker(None, None, None, None)


class QuoteDoc:
    """Per-Doc look-ups shared by the quote finders."""

    def __init__(self, doc: Doc, offset: int, mentions: Sequence, kb_titles=None) -> None:
        self.doc = doc
        self.offset = offset
        self.parsed = has_parse(doc)
        self.tok_starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
        according = hash_string("according")
        lower = doc.to_array([LOWER]).ravel().tolist() if len(doc) else []
        self.according_idx = [i for i, h in enumerate(lower) if h == according]
        self.actor_at: dict[int, object] = {}
        for m in mentions:
            if m.span is not None and m.span.doc is doc:
                for i in range(m.span.start, m.span.end):
                    # role mentions ("the Kremlin spokesman") win over what they contain
                    if i not in self.actor_at or m.row < 0:
                        self.actor_at[i] = m
        # sentence bounds of every token, computed once (Token.sent walks the Doc)
        self.sents = (
            list(doc.sents) if doc.has_annotation("SENT_START") or self.parsed else [doc[:]]
        )
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.coref = SpeakerResolver(doc, mentions, kb_titles) if self.parsed else None
        self.persons = sorted(
            (m.span.start, m)
            for m in mentions
            if m.span is not None and m.span.doc is doc and m.label == "PERSON" and m.actor_id
        )

    def sent(self, i: int):
        """The sentence holding token ``i``."""
        return self.sents[self.sent_of[i]]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def _named_in(self, tok: Token):
        """An actor named by an apposition or a name compound of ``tok`` ("the
        spokesman, Jane Roe", "attorney Jane Roe"); never by its possessor."""
        found = []
        for c in tok.children:
            if c.dep_ not in ("appos", "compound", "flat", "nmod") or c.i in ():
                continue
            for t in c.subtree:
                if t.dep_ == "poss" and t.head is c:
                    break
                m = self.actor_at.get(t.i)
                if m is not None:
                    found.append(m)
        if not found and tok.pos_ == "NOUN":
            # "the lawyer for the firm, Jane Roe, said": the parse hangs the name on the
            # object of the role's preposition; a person set off by commas names the role
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "at", "to"):
                    continue
                for pobj in prep.children:
                    for c in pobj.children:
                        m = self.actor_at.get(c.i)
                        if (
                            c.dep_ == "appos"
                            and m is not None
                            and m.label == "PERSON"
                            and c.doc[c.left_edge.i - 1].text == ","
                        ):
                            found.append(m)
        people = [m for m in found if m.label == "PERSON"]
        if any(c.lower_ in FORMER_WORDS for c in tok.children):
            found = []  # "a former agency official": no longer speaks for the agency
        return (people or found or [None])[0]

    def _by_surname(self, tok: Token):
        """The person a bare surname the tagger did not tag stands for ("Pelosi said"):
        the nearest named person of the same text whose name ends with it, the last
        one before it first, else the first one after it."""
        word = tok.text
        if not word[:1].isupper() or len(word) < 3:
            return None
        same = [
            (s, m)
            for s, m in self.persons
            if m.span.end - m.span.start >= 2 and m.span[-1].text == word
        ]
        if len({m.actor_id for _, m in same}) != 1:
            return None  # nobody, or two people of that surname
        before = [m for s, m in same if s < tok.i]
        return before[-1] if before else same[0][1]

    def speaker(self, tok: Token) -> Speaker:
        """The speaker a subject (or "according to" object) token stands for.

        A relative pronoun ("..., who said") is placed on the pronoun, the words and the
        actor of its antecedent.
        """
        doc = self.doc
        ante = antecedent(tok) if self.parsed else None
        if ante is not None:
            spk = self.speaker(ante)
            return Speaker(
                spk.mention, spk.text, self.offset + tok.idx, self.offset + tok.idx + len(tok)
            )
        m = self.actor_at.get(tok.i)
        left = tok.left_edge.i if self.parsed else tok.i
        right = tok.i
        if m is not None:
            left = min(left, m.span.start)
            right = max(right, m.span.end - 1)
        if self.parsed and m is None:
            m = self._named_in(tok)
            if m is None and tok.lower_ in _PRONOUNS and self.coref is not None:
                m = self.coref.pronoun(tok)
            elif m is None and tok.pos_ == "NOUN" and self.coref is not None:
                m = self.coref.nominal(tok)
            elif m is None and tok.pos_ == "PROPN":
                m = self._by_surname(tok)
            if m is None and tok.dep_ == "appos" and tok.head.i != tok.i:
                # "Jane Roe, a lawyer at the firm, who said ...": the name the role describes
                m = self.actor_at.get(tok.head.i)
        if m is None and not self.parsed and tok.lower_ in ("he", "she"):
            before = [x for s, x in self.persons if s < tok.i]
            m = before[-1] if before else None
        # the words naming the speaker: the subject up to its head (and the name it
        # holds), not the relative clause or apposition after it
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        phrase = doc[left : right + 1]
        text = phrase.text.strip(" ,;:\u2014-")
        return Speaker(m, text, self.offset + phrase.start_char, self.offset + phrase.end_char)

    def subject_of(self, verb: Token) -> Token | None:
        """Who speaks: the verb's subject, shared with a coordinated verb, or the noun a
        participle or relative clause modifies ("Kim ... demanding that ...")."""
        v = verb
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in ("acl", "advcl", "xcomp", "acomp", "oprd", "amod")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            # a participle read as passive ("the men accused of fraud", "who stand
            # accused"): its noun is the one spoken of; the speaker is the agent, if any
            by = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        agent = _passive_agent(verb)
        if agent is not None:
            return agent
        for _ in range(4):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.dep_ == "nsubjpass" and v.i != verb.i and verb.tag_ == "VBG":
                    return subj  # "after saying ..., she was taken to hospital": she
                if subj.dep_ == "nsubjpass":
                    agent = next((c for c in v.children if c.dep_ == "agent"), None)
                    pobj = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent
                        else None
                    )
                    return pobj  # "it was reported by X": X; "X was told": nobody
                return subj
            if v.dep_ in ("acl", "relcl") and v.head is not v:
                return v.head
            if (
                v.dep_ in ("conj", "advcl", "xcomp")
                and v.head is not v
                and v.head.pos_ in ("VERB", "AUX")
            ):
                v = v.head
            elif (
                v.dep_ == "pcomp"
                and v.tag_ == "VBG"
                and v.head.dep_ == "prep"
                and v.head.head.pos_ in ("VERB", "AUX")
            ):
                obj = next((c for c in v.head.head.children if c.dep_ == "dobj"), None)
                if v.head.lower_ in ("for", "of") and obj is not None and obj.i < v.i:
                    # "they blamed the mayor for saying ...": the mayor, not they
                    return obj
                v = v.head.head  # "after saying ..., she left": she
            else:
                break
        return None

    def according_to(self, start: int, end: int) -> list[tuple[int, int, Speaker]]:
        """ "according to X" inside tokens [start, end) where X can speak: (first tok,
        end tok, speaker)."""
        out = []
        doc = self.doc
        lo = bisect.bisect_left(self.according_idx, start)
        hi = bisect.bisect_left(self.according_idx, min(end, len(doc) - 1))
        for i in self.according_idx[lo:hi]:
            if doc[i + 1].lower_ != "to" or i + 2 >= len(doc):
                continue
            j = i + 2
            if self.parsed:
                pobj = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                spk = self.speaker(pobj)
                if not self._can_speak(pobj, spk):
                    continue
                out.append((i, pobj.right_edge.i + 1, spk))
                continue
            k = j
            while k < len(doc) and not doc[k].is_punct and k - j < 6:
                k += 1
            m = next((self.actor_at[x] for x in range(j, k) if x in self.actor_at), None)
            if m is None:
                continue
            out.append(
                (
                    i,
                    k,
                    Speaker(
                        m,
                        doc[j:k].text,
                        self.offset + doc[j].idx,
                        self.offset + doc[k - 1].idx + len(doc[k - 1]),
                    ),
                )
            )
        return out

    def _can_speak(self, head: Token, spk: Speaker) -> bool:
        """True when the object of "according to" is a source: an actor, a person, or a
        body or document that reports ("according to the calendar" is not)."""
        m = spk.mention
        if m is not None and m.label in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if head.lower_ in _PRONOUNS:
            return True
        if head.lemma_.lower() in SOURCE_NOUNS or head.lower_ in SOURCE_NOUNS:
            return True
        # any other noun can report ("according to the union", "to federal statistics")
        # except the schedules, rules and customs things happen according to
        return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in _NOT_SOURCES


def _passive_agent(verb: Token) -> Token | None:
    """The agent of a passive the parse read as active, as headlines write it: a
    participle with a subject, no auxiliary and a "by" agent ("Mayor criticized by
    council"), or a request verb with no addressee before its infinitive ("Mayor urged
    to resign by council", "told to quit by voters"); None for any other verb."""
    if verb.tag_ not in ("VBN", "VBD"):
        return None
    kids = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") for c in kids) or not any(c.dep_ == "nsubj" for c in kids):
        return None
    holders = [verb] if verb.tag_ == "VBN" else []
    xcomp = next((c for c in kids if c.dep_ == "xcomp"), None)
    if (
        xcomp is not None
        and not any(c.dep_ in ("dobj", "dative") and c.i < xcomp.i for c in kids)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children)
    ):
        holders += [verb, xcomp]
    for h in holders:
        for c in h.subtree if h is xcomp else h.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return pobj
    return None


def quote_row(
    aid, sentence_id, start, end, text, spk: Speaker, cue, kind, via, fragments=None
) -> dict:
    """One row of the quotes frame, plus the speaker's offsets and the content's pieces.

    Parameters
    ----------
    aid, sentence_id : str, int
        Article and sentence of the cue.
    start, end, text : int, int, str
        The content (article offsets).
    spk : Speaker
        Who speaks.
    cue, kind : str
        The cue's lemma and "direct" or "reported".
    via : mention or None
        The source the speech is passed on by ("according to X").
    fragments : list of [start, end], optional
        The content's pieces when it is split around its cue.

    Returns
    -------
    dict
        The quotes columns and ``speaker_start``, ``speaker_end``, ``fragments``.
    """
    speaker = spk.mention
    return {
        "article_id": aid,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        "speaker": speaker.actor_id if speaker is not None else None,
        "speaker_text": spk.text or None,
        "text": text,
        "cue": cue,
        "kind": kind,
        "via": via.actor_id if via is not None else None,
        # not columns of the quotes frame: kept for the attribution benchmark
        "speaker_start": spk.start,
        "speaker_end": spk.end,
        "fragments": fragments,
    }


def via_source(d: QuoteDoc, cue: Token, speaker) -> object | None:
    """The actor of an "according to X" in the cue's sentence other than the speaker."""
    sent = d.sent(cue.i)
    for _, _, spk in d.according_to(sent.start, sent.end):
        m = spk.mention
        if m is not None and (speaker is None or m.actor_id != speaker.actor_id):
            return m
    return None


def can_hold_stance(subj: Token, spk: Speaker) -> bool:
    """True when a subject can hold a stance: an actor, a person, a body."""
    subj = antecedent(subj) or subj
    return (
        spk.mention is not None
        or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or subj.lower_ in ("he", "she", "they", "who")
        or subj.lemma_.lower() in SOURCE_NOUNS
    )
