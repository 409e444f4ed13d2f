"""Reported speech and stance: "X said that ...", "X, she said, ...", "she criticized the
plan", "her call for ...", "... according to X".

The finders of :func:`analysis.actors.quotes.find_quotes` for speech without quotation
marks; each returns rows of the quotes frame (see :func:`analysis.actors.speakers.quote_row`).
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.strings import hash_string
from spacy.tokens import Token

from analysis.actors.cues import ATTITUDE_LEMMAS, TOPIC_LEMMAS
from analysis.actors.cues import AUDIENCE_VERBS as _AUDIENCE_VERBS
from analysis.actors.cues import CHANNEL_NOUNS as _CHANNEL_NOUNS
from analysis.actors.cues import DISCOURSE_NOUNS as _DISCOURSE_NOUNS
from analysis.actors.cues import NEEDS_CHARGE as _NEEDS_CHARGE
from analysis.actors.cues import NEEDS_DISCOURSE_OBJECT as _NEEDS_DISCOURSE_OBJECT
from analysis.actors.cues import STANCE_NOUNS as _STANCE_NOUNS
from analysis.actors.cues import TARGET_VERBS as _TARGET_VERBS
from analysis.actors.cues import TOPIC_PREP_ORDER as _TOPIC_PREP_ORDER
from analysis.actors.cues import XCOMP_LEMMAS as _XCOMP_LEMMAS
from analysis.actors.speakers import QuoteDoc, can_hold_stance, quote_row, via_source
from analysis.actors.syntax import SPEECH_LEMMAS, cue_lemma
from analysis.nlp import doc_text

__all__ = ["reported_speech"]

_SPEECH_HASHES = frozenset(hash_string(lemma) for lemma in SPEECH_LEMMAS)
_ATTITUDE_HASHES = frozenset(hash_string(lemma) for lemma in ATTITUDE_LEMMAS)
_SAYING_LEMMAS = SPEECH_LEMMAS | ATTITUDE_LEMMAS
_TOPIC_HASHES = frozenset(hash_string(lemma) for lemma in TOPIC_LEMMAS)
_STANCE_NOUN_HASHES = frozenset(hash_string(lemma) for lemma in _STANCE_NOUNS)


def _content_of(tok: Token) -> Token | None:
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None and tok.lemma_ in _XCOMP_LEMMAS:
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if comp is None:
        # "pointed out that ...": the clause hangs on the particle's verb as an advcl/prep
        comp = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("advcl", "prep")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
    return comp


def _content_end(comp: Token) -> int:
    """Last token of a complement, before a participle of saying set off by a comma that
    is an attribution of its own ("she said the plan failed, arguing that ...")."""
    end = comp.right_edge.i
    doc = comp.doc
    for t in comp.subtree:
        if (
            t.i > comp.i
            and t.dep_ == "advcl"
            and t.tag_ == "VBG"
            and t.lemma_ in _SAYING_LEMMAS
            and t.left_edge.i > 0
            and doc[t.left_edge.i - 1].text == ","
        ):
            end = min(end, t.left_edge.i - 2)
    return end


def _addressee_start(tok: Token, comp: Token) -> int:
    """First token of what a request names besides its infinitive: "urged [the mayor to
    act]", "called on [residents to stay calm]" (the infinitive's own start otherwise)."""
    lo = comp.left_edge.i
    for c in tok.children:
        if c.i >= comp.i:
            continue
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN"):
            lo = min(lo, c.left_edge.i)
        elif c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                lo = min(lo, pobj.left_edge.i)
    return lo


def _topic_of(tok: Token) -> tuple[Token, Token] | None:
    """The first and last token of what a stance verb is about: its direct object (with
    what it is called: 'called [the plan a farce]', 'described [it as a farce]'), an
    infinitive, or the object of "about", "on", "against" ... -- never the audience of a
    verb of talking ("spoke to reporters")."""
    if tok.lemma_ in _TARGET_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj" and _is_target(c)), None)
        if obj is not None:
            # "accused the mayor of lying": what is said is the charge, never the target
            why = next(
                (
                    c
                    for c in list(tok.children) + list(obj.children)
                    if c.dep_ == "prep"
                    and c.i > obj.i
                    and c.lower_ in ("of", "for", "over", "with")
                ),
                None,
            )
            got = (
                next((g for g in why.children if g.dep_ in ("pobj", "pcomp")), None)
                if why
                else None
            )
            if got is not None:
                # never before the preposition ("whom they accused X of backing")
                return tok.doc[max(got.left_edge.i, why.i + 1)], got.right_edge
            if tok.lemma_ in _NEEDS_CHARGE and not any(c.dep_ == "xcomp" for c in tok.children):
                return None  # "challenged the mayor to resign" keeps its infinitive
    for c in tok.children:
        if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ("it", "them", "this", "that"):
            if c.dep_ == "dobj" and c.tag_ in ("PRP", "WP", "WDT"):
                continue  # "accused her": who, not what; "whom", "which": said elsewhere
            if c.dep_ == "xcomp":
                return tok.doc[_addressee_start(tok, c)], c.right_edge
            end = c.right_edge
            for g in tok.children:
                if g.i > c.i and (
                    g.dep_ == "oprd"
                    or (g.dep_ == "prep" and g.lower_ == "as" and len(list(g.children)))
                ):
                    end = g.right_edge
            return c.left_edge, end
    audience = tok.lemma_ in _AUDIENCE_VERBS
    for rank in range(len(_TOPIC_PREP_ORDER)):
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ != _TOPIC_PREP_ORDER[rank]:
                continue
            if audience and c.lower_ in ("to", "with"):
                continue
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or (pobj.tag_ == "PRP" and c.lower_ in ("to", "with")):
                continue
            if audience and _is_channel(pobj):
                continue  # "spoke on the radio": where, not what about
            if pobj.ent_type_ in ("DATE", "TIME"):
                continue  # "ruled on Monday": when, not what about
            return pobj.left_edge, pobj.right_edge
    return None


def _paragraph_of(doc, char: int) -> tuple[int, int]:
    """Character bounds of the paragraph (line) of ``doc`` holding ``char``."""
    text = doc_text(doc)
    return text.rfind("\n", 0, char) + 1, (text.find("\n", char) + 1 or len(text) + 1) - 1


def _is_target(obj: Token) -> bool:
    """A direct object that names whom a stance is about: a person, a body, a group."""
    return obj.tag_ == "PRP" or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _is_channel(pobj: Token) -> bool:
    """Where one speaks: a medium or an outlet ("on the radio", "on a morning show")."""
    return pobj.lemma_.lower() in _CHANNEL_NOUNS or pobj.ent_type_ in ("ORG", "WORK_OF_ART")


def _inserted(aid, d: QuoteDoc, cue: Token, quoted: set[int], sentence_of) -> dict | None:
    """Reported speech around a cue set off by commas ("The plan, she said, will fail"):
    the rest of the cue's sentence, in pieces around the cue clause."""
    subj = d.subject_of(cue)
    if subj is None or subj.lower_ in ("i", "we", "you") or subj.head.i != cue.i:
        return None
    sent = d.sent(cue.i)
    lo, hi = cue.left_edge.i, cue.right_edge.i
    runs: list[tuple[int, int]] = []
    for a, b in ((sent.start, lo), (hi + 1, sent.end)):
        while a < b and (d.doc[a].is_punct or d.doc[a].is_space):
            a += 1
        while b > a and (d.doc[b - 1].is_punct or d.doc[b - 1].is_space):
            b -= 1
        if b > a and "\n" not in d.doc[a:b].text:
            runs.append((a, b))
    words = [t for a, b in runs for t in d.doc[a:b] if not t.is_punct]
    if len(words) < 3 or all(t.i in quoted for t in words):
        return None
    frags = [
        [d.offset + d.doc[a].idx, d.offset + d.doc[b - 1].idx + len(d.doc[b - 1])] for a, b in runs
    ]
    text = " ".join(d.doc[a:b].text for a, b in runs)
    spk = d.speaker(subj)
    return quote_row(
        aid,
        sentence_of(d.offset + cue.idx),
        frags[0][0],
        frags[-1][1],
        text,
        spk,
        cue_lemma(cue),
        "reported",
        via_source(d, cue, spk.mention),
        fragments=frags if len(frags) > 1 else None,
    )


def _held_content(noun: Token) -> Token | None:
    """What a stance noun holds: its clause ("claim that ...", "decision to ..."), or the
    object of "for", "against", "about", "on", "over", "of" ("call for a new bridge")."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and any(
            g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") for g in c.children
        ):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "against", "about", "on", "over", "of"):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
    return None


def _held(
    aid, d: QuoteDoc, quoted: set[int], attributed_sents: set[int], sentence_of
) -> list[dict]:
    """Attributions carried by a noun and its possessor: "the mayor's call for a new
    bridge", "her claim that the ferry was safe", "his decision to resign"."""
    rows = []
    doc = d.doc
    lemmas = doc.to_array([LEMMA]).ravel().tolist() if len(doc) else []
    for i, lemma in enumerate(lemmas):
        if lemma not in _STANCE_NOUN_HASHES or i in quoted:
            continue
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        holder = next((c for c in tok.children if c.dep_ == "poss"), None)
        if holder is None or holder.lower_ in ("my", "our", "your", "its"):
            continue
        comp = _held_content(tok)
        if comp is None:
            continue
        lo = comp.left_edge.i
        if doc[lo].lower_ == "that" and lo < comp.right_edge.i:
            lo += 1
        content = doc[lo : comp.right_edge.i + 1]
        if all(k in quoted for k in range(content.start, content.end)):
            continue
        text = content.text.strip().rstrip(".,;:")
        if len(text.split()) < 2 or "\n" in text:
            continue
        spk = d.speaker(holder)
        if not can_hold_stance(holder, spk) and holder.lower_ not in ("his", "her", "their"):
            continue
        start = d.offset + content.start_char
        attributed_sents.add(d.sent(tok.i).start)
        rows.append(
            quote_row(
                aid,
                sentence_of(d.offset + tok.idx),
                start,
                start + len(text),
                text,
                spk,
                tok.lemma_.lower(),
                "reported",
                None,
            )
        )
    return rows


def reported_speech(
    aid: str,
    d: QuoteDoc,
    used_cues: set[int],
    quoted: set[int],
    attributed_sents: set[int],
    sentence_of,
) -> list[dict]:
    """Rows of reported speech and stance in one parsed piece.

    Parameters
    ----------
    aid : str
        The article id.
    d : QuoteDoc
        The piece with its look-ups.
    used_cues, quoted : set of int
        Tokens already used as cues of direct quotes, and the tokens inside quotes.
    attributed_sents : set of int
        First tokens of sentences that already hold an attribution (updated).
    sentence_of : callable
        Article character offset -> sentence id.

    Returns
    -------
    list of dict
        Rows as :func:`analysis.actors.quotes.find_quotes` returns them.
    """
    rows = []
    doc = d.doc
    reported_cues: set[int] = set()
    lemmas = doc.to_array([LEMMA]).ravel().tolist()
    for i, lemma in enumerate(lemmas):
        if lemma not in _SPEECH_HASHES and lemma not in _ATTITUDE_HASHES:
            continue
        if i in used_cues or i in quoted:
            continue
        tok = doc[i]
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        comp = _content_of(tok)
        if comp is None:
            if tok.dep_ == "parataxis" and lemma in _SPEECH_HASHES:
                row = _inserted(aid, d, tok, quoted, sentence_of)
                if row is not None:
                    attributed_sents.add(d.sent(tok.i).start)
                    reported_cues.add(tok.i)
                    rows.append(row)
            continue
        lo = _addressee_start(tok, comp) if comp.dep_ == "xcomp" else comp.left_edge.i
        content = doc[lo : _content_end(comp) + 1]
        if all(k in quoted for k in range(content.start, content.end)):
            continue  # the complement is a direct quote attributed elsewhere
        subj = d.subject_of(tok)
        if subj is None:
            continue
        spk = d.speaker(subj)
        if subj.lower_ in ("i", "we", "you"):
            continue  # the writer or the reader
        ctext = content.text
        cut = 0
        low = ctext.lower()
        for mark in ("that ", "to "):
            if low.startswith(mark) and mark == "that ":
                cut = len(mark)
        text = ctext[cut:].strip()
        low_at, high_at = _paragraph_of(doc, tok.idx)
        if content.start_char + cut < low_at or content.end_char > high_at:
            # a parse running over a paragraph break (a headline): keep the part in the
            # cue's own paragraph, if any
            lo_c = max(content.start_char + cut, low_at)
            hi_c = min(content.end_char, high_at)
            if hi_c <= lo_c:
                continue
            cut = lo_c - content.start_char
            text = doc_text(doc)[lo_c:hi_c].strip()
        text = text.rstrip(".,;:")
        if len(text.split()) < 2:
            continue
        start = d.offset + content.start_char + cut + (len(ctext[cut:]) - len(ctext[cut:].lstrip()))
        attributed_sents.add(d.sent(tok.i).start)
        reported_cues.add(tok.i)
        rows.append(
            quote_row(
                aid,
                sentence_of(d.offset + tok.idx),
                start,
                start + len(text),
                text,
                spk,
                cue_lemma(tok),
                "reported",
                via_source(d, tok, spk.mention),
            )
        )
    # stance: "she criticized the plan", "he talked about taxes"
    stance_cues: set[int] = set()
    for i, lemma in enumerate(lemmas):
        if lemma not in _TOPIC_HASHES:
            continue
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        if tok.i in used_cues or tok.i in quoted or tok.i in reported_cues:
            continue
        if tok.dep_ == "xcomp" and tok.head.i in stance_cues:
            continue  # "declined to comment on X": one attribution, the outer one
        topic = _topic_of(tok)
        if topic is None:
            continue
        subj = d.subject_of(tok)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            continue
        spk = d.speaker(subj)
        if not can_hold_stance(subj, spk):
            continue
        content = doc[topic[0].i : topic[1].i + 1]
        text = content.text.strip().rstrip(".,;:")
        if not any(t.is_alpha for t in content) or d.sent_of[topic[1].i] != d.sent_of[tok.i]:
            continue  # a separator, or a parse running into the next paragraph
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if (
            tok.lemma_ in _NEEDS_DISCOURSE_OBJECT
            and obj is not None
            and topic[0].i <= obj.i <= topic[1].i
            and obj.lemma_.lower() not in _DISCOURSE_NOUNS
        ):
            continue  # "raised money", not "raised concerns"
        start = d.offset + content.start_char
        attributed_sents.add(d.sent(tok.i).start)
        stance_cues.add(tok.i)
        rows.append(
            quote_row(
                aid,
                sentence_of(d.offset + tok.idx),
                start,
                start + len(text),
                text,
                spk,
                cue_lemma(tok),
                "reported",
                None,
            )
        )
    rows.extend(_held(aid, d, quoted, attributed_sents, sentence_of))
    # "X happened, according to Y" with no other cue in the sentence
    for sent in d.sents:
        if sent.start in attributed_sents:
            continue
        for i, k, spk in d.according_to(sent.start, sent.end):
            first = sent.start  # the sentence's first word in the cue's paragraph
            para = _paragraph_of(doc, doc[i].idx)[0]
            while first < i and (
                doc[first].idx < para or doc[first].is_punct or doc[first].is_space
            ):
                first += 1
            if k >= sent.end - 1:
                body = doc[sent.start : i]
            elif i <= first + 1:
                body = doc[k : sent.end]
            else:
                # "X, according to Y, did Z": the rest of the sentence
                body = doc[sent.start : sent.end]
            lo_c, hi_c = _paragraph_of(doc, doc[i].idx)  # never over a paragraph break
            lo_c, hi_c = max(lo_c, body.start_char), min(hi_c, body.end_char)
            content = doc_text(doc)[lo_c:hi_c].strip().strip(",;:. ")
            if len(content.split()) < 3:
                continue
            start = d.offset + lo_c + doc_text(doc)[lo_c:hi_c].find(content)
            rows.append(
                quote_row(
                    aid,
                    sentence_of(d.offset + sent.start_char),
                    start,
                    start + len(content),
                    content,
                    spk,
                    "according to",
                    "reported",
                    None,
                )
            )
            break
    return rows
