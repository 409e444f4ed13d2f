"""Direct and reported speech, attributed to its speaker through the dependency parse."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from analysis.actors.syntax import SPEECH_LEMMAS, cue_lemma, has_parse, is_speech_verb

__all__ = ["find_quotes"]

#: Quoted passages: curly double quotes, straight double quotes, guillemets.
_QUOTE_RE = re.compile(
    r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"|\u00ab([^\u00ab\u00bb]+)\u00bb"
)
_MIN_QUOTE_WORDS = 4  # shorter quoted strings are scare quotes ("final stages")
_SPEECH_HASHES = frozenset(hash_string(lemma) for lemma in SPEECH_LEMMAS)
_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person"}


class _Doc:
    """Per-Doc look-ups shared by the quote finders."""

    def __init__(self, doc: Doc, offset: int, mentions: Sequence) -> None:
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
        self.persons = sorted(
            (m.start, m)
            for m in mentions
            if m.span is not None and m.span.doc is doc and m.label == "PERSON"
        )

    def sent(self, i: int):
        """The sentence holding token ``i``."""
        return self.sents[self.sent_of[i]]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def speaker(self, tok: Token) -> tuple[object | None, str | None]:
        """The actor mention a subject token refers to, and the subject's text."""
        doc = self.doc
        phrase = (
            doc[tok.left_edge.i : tok.right_edge.i + 1] if self.parsed else doc[tok.i : tok.i + 1]
        )
        m = self.actor_at.get(tok.i)
        if m is None:
            inside = [
                self.actor_at[i] for i in range(phrase.start, phrase.end) if i in self.actor_at
            ]
            persons = [x for x in inside if x.label == "PERSON"]
            m = (persons or inside or [None])[-1]
        if m is None and tok.lower_ in _PRONOUNS:
            before = [x for s, x in self.persons if s < self.offset + tok.idx and x.actor_id]
            m = before[-1] if before else None
        return m, phrase.text.strip(" ,;:\u2014-")

    def subject_of(self, verb: Token) -> Token | None:
        """Who speaks: the verb's subject, shared with a coordinated verb, or the noun a
        participle or relative clause modifies ("Kim ... demanding that ...")."""
        v = verb
        for _ in range(4):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and not (v.dep_ == "relcl" and subj.tag_ in ("WP", "WDT")):
                return subj
            if v.dep_ in ("acl", "relcl") and v.head is not v:
                return v.head
            if v.dep_ == "conj" and v.head is not v:
                v = v.head
            else:
                break
        return None

    def according_to(self, start: int, end: int) -> list[tuple[int, int, object | None, str]]:
        """ "according to X" inside tokens [start, end): (first tok, end tok, mention, text)."""
        out = []
        doc = self.doc
        lo = bisect.bisect_left(self.according_idx, start)
        hi = bisect.bisect_left(self.according_idx, min(end, len(doc) - 1))
        for i in self.according_idx[lo:hi]:
            if doc[i + 1].lower_ == "to":
                j = i + 2
                if j >= len(doc):
                    continue
                if self.parsed:
                    pobj = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        m, text = self.speaker(pobj)
                        out.append((i, pobj.right_edge.i + 1, m, text))
                        continue
                k = j
                while k < len(doc) and not doc[k].is_punct and k - j < 6:
                    k += 1
                m = next((self.actor_at[x] for x in range(j, k) if x in self.actor_at), None)
                out.append((i, k, m, doc[j:k].text))
        return out


def _fallback_speaker(d: _Doc, cue: Token):
    for i in list(range(cue.i - 1, max(-1, cue.i - 5), -1)) + list(range(cue.i + 1, cue.i + 4)):
        if 0 <= i < len(d.doc) and i in d.actor_at:
            m = d.actor_at[i]
            return m, m.text
    return None, None


def _row(aid, sentence_id, start, end, text, speaker, speaker_text, cue, kind, via) -> dict:
    return {
        "article_id": aid,
        "sentence_id": sentence_id,
        "start": start,
        "end": end,
        "speaker": speaker.actor_id if speaker is not None else None,
        "speaker_text": speaker_text,
        "text": text,
        "cue": cue,
        "kind": kind,
        "via": via.actor_id if via is not None else None,
    }


def _via(d: _Doc, cue: Token, speaker) -> object | None:
    sent = d.sent(cue.i)
    for _, _, m, _ in d.according_to(sent.start, sent.end):
        if m is not None and (speaker is None or m.actor_id != speaker.actor_id):
            return m
    return None


def find_quotes(
    aid: str,
    pieces: Sequence[tuple[int, Doc]],
    mentions: Sequence,
    sentence_of: Callable[[int], int],
) -> list[dict]:
    """Quotes of one article as rows of the quotes frame.

    Parameters
    ----------
    aid : str
        The article id.
    pieces : sequence of (offset, Doc)
        The parsed pieces of the article.
    mentions : sequence
        Resolved actor mentions (objects with ``span``, ``actor_id``, ``label``, ``row``).
    sentence_of : callable
        Article character offset -> sentence id.
    """
    rows: list[dict] = []
    for offset, doc in pieces:
        d = _Doc(doc, offset, mentions)
        doc_text = doc.text  # Doc.text joins every token: compute it once
        used_cues: set[int] = set()
        quoted_tokens: set[int] = set()
        attributed_sents: set[int] = set()
        quotes = []
        for mt in _QUOTE_RE.finditer(doc_text):
            g = next(i for i in (1, 2, 3) if mt.group(i) is not None)
            qs, qe = mt.start(g), mt.end(g)
            if len(mt.group(g).split()) < _MIN_QUOTE_WORDS:
                continue
            first, last = d.token_at(mt.start()), d.token_at(mt.end() - 1)
            quoted_tokens.update(range(first, last + 1))
            quotes.append((mt.start(), mt.end(), qs, qe, first, last))
        for _ms, _me, qs, qe, first, last in quotes:
            cue = _direct_cue(d, first, last, quoted_tokens)
            speaker = speaker_text = via = None
            lemma = None
            if cue is not None:
                used_cues.add(cue.i)
                lemma = cue_lemma(cue)
                if d.parsed:
                    subj = d.subject_of(cue)
                    if subj is not None:
                        speaker, speaker_text = d.speaker(subj)
                    else:
                        speaker, speaker_text = _fallback_speaker(d, cue)
                else:
                    speaker, speaker_text = _fallback_speaker(d, cue)
                via = _via(d, cue, speaker)
                attributed_sents.add(d.sent(cue.i).start)
            else:
                acc = d.according_to(last + 1, min(len(doc), last + 12))
                if acc:
                    lemma = "according to"
                    speaker, speaker_text = acc[0][2], acc[0][3]
            if lemma is None:
                continue
            raw = doc_text[qs:qe]
            text = raw.strip().rstrip(",;:").rstrip()
            lead = len(raw) - len(raw.lstrip())
            start = offset + qs + lead
            sid = sentence_of(offset + (cue.idx if cue is not None else qs))
            rows.append(
                _row(
                    aid,
                    sid,
                    start,
                    start + len(text),
                    text,
                    speaker,
                    speaker_text,
                    lemma,
                    "direct",
                    via,
                )
            )
        if d.parsed:
            rows.extend(_reported(aid, d, used_cues, quoted_tokens, attributed_sents, sentence_of))
    return rows


def _direct_cue(d: _Doc, first: int, last: int, quoted: set[int]) -> Token | None:
    doc = d.doc
    # after the quote, to the end of the sentence that follows it
    j = last + 1
    if j < len(doc):
        end = d.sent(j).end
        end = min(end, j + 12)
        for i in range(j, end):
            if i in quoted:
                break
            if is_speech_verb(doc[i]):
                return doc[i]
    # before the quote, back to the start of its sentence ("Asia Times notes: ...")
    start = d.sent(first).start
    start = max(start, first - 15)
    for i in range(first - 1, start - 1, -1):
        if i in quoted:
            break
        tok = doc[i]
        if is_speech_verb(tok) or (tok.lemma_ in ("note", "say", "write") and tok.pos_ == "NOUN"):
            return tok
    return None


def _reported(aid, d: _Doc, used_cues, quoted, attributed_sents, sentence_of) -> list[dict]:
    rows = []
    doc = d.doc
    lemmas = doc.to_array([LEMMA]).ravel().tolist()
    for i, lemma in enumerate(lemmas):
        if lemma not in _SPEECH_HASHES or i in used_cues or i in quoted:
            continue
        tok = doc[i]
        if not is_speech_verb(tok):
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None:
            continue
        content = doc[comp.left_edge.i : comp.right_edge.i + 1]
        if all(i in quoted for i in range(content.start, content.end)):
            continue  # the complement is a direct quote attributed elsewhere
        subj = d.subject_of(tok)
        if subj is None:
            continue
        speaker, speaker_text = d.speaker(subj)
        if speaker is None and subj.pos_ == "PRON" and subj.lower_ not in _PRONOUNS:
            continue  # "it said", "they said" without a referent
        text = content.text
        if text.lower().startswith("that "):
            text = text[5:]
        text = text.strip().rstrip(".,;:")
        if len(text.split()) < 2:
            continue
        start = d.offset + content.start_char + (len(content.text) - len(content.text.lstrip()))
        if content.text.lower().startswith("that "):
            start += 5
        attributed_sents.add(d.sent(tok.i).start)
        rows.append(
            _row(
                aid,
                sentence_of(d.offset + tok.idx),
                start,
                start + len(text),
                text,
                speaker,
                speaker_text,
                cue_lemma(tok),
                "reported",
                _via(d, tok, speaker),
            )
        )
    # "X happened, according to Y" with no other cue in the sentence
    for sent in d.sents:
        if sent.start in attributed_sents:
            continue
        for i, k, m, text in d.according_to(sent.start, sent.end):
            if m is None:
                continue
            if k >= sent.end - 1:
                body = doc[sent.start : i]
            elif i <= sent.start + 1:
                body = doc[k : sent.end]
            else:
                continue
            content = body.text.strip().strip(",;:. ")
            if len(content.split()) < 3:
                continue
            start = d.offset + body.start_char + body.text.find(content)
            rows.append(
                _row(
                    aid,
                    sentence_of(d.offset + sent.start_char),
                    start,
                    start + len(content),
                    content,
                    m,
                    text,
                    "according to",
                    "reported",
                    None,
                )
            )
            break
    return rows
