"""Direct, mixed and reported speech, attributed to its speaker through the dependency parse.

* **Direct** speech is a quoted passage of at least :data:`_MIN_QUOTE_WORDS` words with a
  reporting verb before it in its sentence ("X said: ...") or right after it ("...," X
  said); a quote split around its cue ('"A," she said, "B."') is one quote with two
  pieces, and a quoted paragraph with no cue of its own that follows a quote continues
  its speaker.
* **Reported** speech is the clausal complement of a reporting or attitude verb ("X said
  that ...", "X believes ...", "the poll found ...") and "according to X" with a source
  that can speak (a person, a body, a report: never "according to the calendar").
* **Speaker**: the grammatical subject of the cue, never its possessor ("the minister's
  spokesman said" is the spokesman); an apposition or a name in a title compound names it
  ("the spokesman, Jane Roe,"); pronouns and definite nominals ("he", "the spokesman")
  are resolved by :class:`analysis.actors.coref.SpeakerResolver`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from analysis.actors.coref import SpeakerResolver
from analysis.actors.cues import (
    ATTITUDE_LEMMAS,
    SOURCE_NOUNS,
    TOPIC_LEMMAS,
)
from analysis.actors.cues import (
    AUDIENCE_VERBS as _AUDIENCE_VERBS,
)
from analysis.actors.cues import (
    DIRECT_CUES as _DIRECT_CUES,
)
from analysis.actors.cues import (
    NOT_SOURCES as _NOT_SOURCES,
)
from analysis.actors.cues import (
    SMALL as _SMALL,
)
from analysis.actors.cues import (
    STANCE_NOUNS as _STANCE_NOUNS,
)
from analysis.actors.cues import (
    TOPIC_PREP_ORDER as _TOPIC_PREP_ORDER,
)
from analysis.actors.cues import (
    XCOMP_LEMMAS as _XCOMP_LEMMAS,
)
from analysis.actors.syntax import SPEECH_LEMMAS, cue_lemma, has_parse, is_speech_verb

__all__ = ["ATTITUDE_LEMMAS", "SOURCE_NOUNS", "find_quotes"]

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}
_WHEN = frozenset({"DATE", "TIME"})
#: A speaker's label opening a transcript's turn ("SMITH: ...", "MS. ROE: ...").
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s+")
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--"})
_MIN_QUOTE_WORDS = 4  # shorter quoted strings are scare quotes ("final stages")...
#: ... unless a verb whose subject can speak governs them ('she called it "a farce"')
_MIN_MIXED_WORDS = 1
_SPEECH_HASHES = frozenset(hash_string(lemma) for lemma in SPEECH_LEMMAS)
_PRONOUNS = {"he", "she", "him", "her", "his", "it", "they", "we", "i"}
_SUBJ_DEPS = ("nsubj", "nsubjpass")
_OBJECT_DEPS = ("dobj", "pobj", "attr", "oprd", "dative")

_ATTITUDE_HASHES = frozenset(hash_string(lemma) for lemma in ATTITUDE_LEMMAS)


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of double quotation marks.

    Curly quotes, straight quotes, guillemets and the typewriter pair of two apostrophes
    ("''Yes,'' she said", or "``Yes,''"); a closing curly quote at the start of a
    paragraph or after a space, before a letter, is taken as an opening one (a common
    typo); a quote still open at the end of its paragraph ends there (news style opens
    each quoted paragraph again and closes only the last).
    """
    out: list[tuple[int, int]] = []
    open_at, closer = -1, ""  # open_at: index of the first character inside the quote
    n = len(text)
    k = 0
    while k < n:
        ch = text[k]
        pair = text[k : k + 2]
        if open_at >= 0:
            width = 2 if pair == "''" else 1
            if (closer == "''" and pair == "''") or (
                closer != "''" and (ch == closer or (closer == "\u201d" and ch == '"'))
            ):
                if k > open_at:
                    out.append((open_at, k))
                open_at = -1
                k += width
                continue
            if ch == "\n":
                if text[open_at:k].strip():
                    out.append((open_at, k))
                open_at = -1
            elif ch == "\u201c" and closer == "\u201d":
                open_at = k + 1  # an unclosed quote: start again here
            k += 1
            continue
        if pair in ("''", "``"):
            if k == 0 or not text[k - 1].isalnum():
                open_at, closer = k + 2, "''"
            k += 2
            continue
        if ch in _OPEN:
            if not (ch == '"' and k > 0 and text[k - 1].isalnum()):
                open_at, closer = k + 1, _OPEN[ch]
            # else: a closing mark without its opener, or inches
        elif (
            ch == "\u201d"
            and (k == 0 or text[k - 1] in "\n \t")
            and k + 1 < n
            and text[k + 1].isalnum()
        ):
            open_at, closer = k + 1, "\u201d"
        k += 1
    if open_at >= 0 and text[open_at:].strip():
        out.append((open_at, n))
    return out


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ("the mayor, who said ...")."""
    if tok.tag_ not in ("WP", "WDT") or tok.dep_ not in _SUBJ_DEPS:
        return None
    v = tok.head
    for _ in range(4):
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    return v.head if v.dep_ == "relcl" and v.head.i != v.i else None


class _Spk:
    """A speaker: the actor mention (or None), how the text names it, and where."""

    __slots__ = ("mention", "text", "start", "end")

    def __init__(self, mention, text: str | None, start: int | None, end: int | None):
        self.mention, self.text, self.start, self.end = mention, text, start, end


_NO_SPEAKER = _Spk(None, None, None, None)


class _Doc:
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
        people = [m for m in found if m.label == "PERSON"]
        return (people or found or [None])[0]

    def speaker(self, tok: Token) -> _Spk:
        """The speaker a subject (or "according to" object) token stands for.

        A relative pronoun ("..., who said") is placed on the pronoun, the words and the
        actor of its antecedent.
        """
        doc = self.doc
        ante = _antecedent(tok) if self.parsed else None
        if ante is not None:
            spk = self.speaker(ante)
            return _Spk(
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
        if m is None and not self.parsed and tok.lower_ in ("he", "she"):
            before = [x for s, x in self.persons if s < tok.i]
            m = before[-1] if before else None
        # the words naming the speaker: the subject up to its head (and the name it
        # holds), not the relative clause or apposition after it
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        phrase = doc[left : right + 1]
        text = phrase.text.strip(" ,;:\u2014-")
        return _Spk(m, text, self.offset + phrase.start_char, self.offset + phrase.end_char)

    def subject_of(self, verb: Token) -> Token | None:
        """Who speaks: the verb's subject, shared with a coordinated verb, or the noun a
        participle or relative clause modifies ("Kim ... demanding that ...")."""
        v = verb
        for _ in range(4):
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
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
            else:
                break
        return None

    def according_to(self, start: int, end: int) -> list[tuple[int, int, _Spk]]:
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
                    _Spk(
                        m,
                        doc[j:k].text,
                        self.offset + doc[j].idx,
                        self.offset + doc[k - 1].idx + len(doc[k - 1]),
                    ),
                )
            )
        return out

    def _can_speak(self, head: Token, spk: _Spk) -> bool:
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


def _earlier_speaker(d: _Doc, cue: Token, quoted: set[int]) -> _Spk:
    """The speaker of a participle that goes on from an earlier cue of its sentence
    ('"...," she said, adding "..."', '..., she said, suggesting ...')."""
    doc = d.doc
    for i in range(cue.i - 1, d.sent(cue.i).start - 1, -1):
        tok = doc[i]
        if i in quoted or not (is_speech_verb(tok) or tok.lemma_ in _DIRECT_CUES):
            continue
        subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS and c.i not in quoted), None)
        if subj is not None:
            return d.speaker(subj)
    return _NO_SPEAKER


def _fallback_speaker(d: _Doc, cue: Token, quoted: set[int]) -> _Spk:
    """The speaker of a cue without a parsed subject: a noun right after it ('..., said
    Jane Roe'), else an actor named just before it."""
    doc = d.doc
    for i in range(cue.i + 1, min(len(doc), cue.i + 4)):
        tok = doc[i]
        if i in quoted or tok.is_punct:
            break
        if tok.ent_type_ in _WHEN:
            continue  # "said Thursday"
        if tok.dep_ in _OBJECT_DEPS:
            break  # '..., suggesting a few questions': what the cue says, not who
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.head.i in (cue.i, i):
            head = tok
            while head.head.i != head.i and head.head.i < cue.i + 6 and head.head.pos_ == "PROPN":
                head = head.head
            return d.speaker(head)
    for i in list(range(cue.i + 1, cue.i + 4)) + list(range(cue.i - 1, max(-1, cue.i - 5), -1)):
        if 0 <= i < len(doc) and i in d.actor_at and i not in quoted:
            m = d.actor_at[i]
            return _Spk(m, m.text, m.start, m.end)
    return _NO_SPEAKER


def _row(aid, sentence_id, start, end, text, spk: _Spk, cue, kind, via, fragments=None) -> dict:
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


def _via(d: _Doc, cue: Token, speaker) -> object | None:
    sent = d.sent(cue.i)
    for _, _, spk in d.according_to(sent.start, sent.end):
        m = spk.mention
        if m is not None and (speaker is None or m.actor_id != speaker.actor_id):
            return m
    return None


def find_quotes(
    aid: str,
    pieces: Sequence[tuple[int, Doc]],
    mentions: Sequence,
    sentence_of: Callable[[int], int],
    kb_titles: Callable[[str], set[str]] | None = None,
) -> list[dict]:
    """Quotes of one article as rows of the quotes frame.

    Parameters
    ----------
    aid : str
        The article id.
    pieces : sequence of (offset, Doc)
        The parsed pieces of the article.
    mentions : sequence
        Resolved actor mentions (objects with ``span``, ``actor_id``, ``label``, ``row``,
        ``title``).
    sentence_of : callable
        Article character offset -> sentence id.
    kb_titles : callable, optional
        actor_id -> knowledge-base titles, so "the spokesman" finds its person.

    Returns
    -------
    list of dict
        One dict per quote with the quotes columns, plus ``speaker_start`` /
        ``speaker_end`` (article offsets of the words naming the speaker) and
        ``fragments`` (the content's pieces when it is split around its cue).
    """
    rows: list[dict] = []
    for offset, doc in pieces:
        d = _Doc(doc, offset, mentions, kb_titles)
        rows.extend(_direct(aid, d, sentence_of))
        if d.parsed:
            used = {r.pop("_cue") for r in rows if r.get("_cue") is not None and r["_piece"] is doc}
            quoted = set()
            for r in rows:
                if r["_piece"] is doc:
                    quoted.update(r.pop("_quoted"))
            attributed = {
                r.pop("_sent") for r in rows if r.get("_sent") is not None and r["_piece"] is doc
            }
            rows.extend(_reported(aid, d, used, quoted, attributed, sentence_of))
    for r in rows:
        for k in ("_cue", "_quoted", "_sent", "_piece"):
            r.pop(k, None)
    return rows


def _direct(aid: str, d: _Doc, sentence_of) -> list[dict]:
    doc = d.doc
    doc_text = doc.text  # Doc.text joins every token: compute it once
    quoted_tokens: set[int] = set()
    quotes = []
    for qs, qe in quoted_passages(doc_text):
        words = len(doc_text[qs:qe].split())
        if words < _MIN_MIXED_WORDS:
            continue
        first, last = d.token_at(max(0, qs - 1)), d.token_at(min(len(doc_text), qe + 1) - 1)
        quoted_tokens.update(range(first, last + 1))
        quotes.append((qs, qe, first, last, words))
    out: list[dict] = []
    prev = None  # (row, cue token, speaker, last sentence no)
    for qs, qe, first, last, words in quotes:
        raw = doc_text[qs:qe]
        text = raw.strip().rstrip(",;:").rstrip()
        if not text:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = d.offset + qs + lead
        end = start + len(text)
        label = _TRANSCRIPT.match(text)
        if label is not None:
            # a transcript's turn: 'SMITH: Well, look, ...'
            name = label.group(1)
            row = _row(
                aid,
                sentence_of(start),
                start + label.end(),
                end,
                text[label.end() :],
                _Spk(d.actor_at.get(d.token_at(qs + lead)), name.title(), start, start + len(name)),
                "transcript",
                "direct",
                None,
            )
            row.update(_cue=None, _quoted=set(range(first, last + 1)), _sent=None, _piece=doc)
            out.append(row)
            prev = None
            continue
        cue = _direct_cue(d, first, last, quoted_tokens, raw) if words >= _MIN_QUOTE_WORDS else None
        if cue is not None and prev is not None and prev[1] is not None and cue.i == prev[1].i:
            # '"A," she said, "B."': one quote in two pieces
            row = prev[0]
            row["fragments"] = (row["fragments"] or [[row["start"], row["end"]]]) + [[start, end]]
            row["text"] = row["text"] + " " + text
            row["end"] = end
            row["_quoted"].update(range(first, last + 1))
            prev = (row, prev[1], prev[2], d.sent_of[last])
            continue
        spk, lemma, via = _NO_SPEAKER, None, None
        if cue is not None:
            lemma = cue_lemma(cue)
            inverted = cue.i > last and _inverted(d, cue)
            subj = d.subject_of(cue) if d.parsed and not inverted else None
            if subj is not None and subj.i in quoted_tokens:
                # a word of the quote parsed as a second subject: the cue's own one
                subj = next(
                    (c for c in cue.children if c.dep_ in _SUBJ_DEPS and c.i not in quoted_tokens),
                    None,
                )
            if subj is not None and (subj.i in quoted_tokens or subj.ent_type_ in _WHEN):
                subj = None  # a word of the quote, or a day, parsed as the cue's subject
            spk = d.speaker(subj) if subj is not None else _NO_SPEAKER
            if spk.text is None and cue.tag_ == "VBG":
                spk = _earlier_speaker(d, cue, quoted_tokens)
            if spk.text is None:
                spk = _fallback_speaker(d, cue, quoted_tokens)
            via = _via(d, cue, spk.mention)
        elif words >= _MIN_QUOTE_WORDS and (dash := _dash_speaker(d, doc_text, qe)) is not None:
            lemma, spk = "\u2014", dash
        elif words >= _MIN_QUOTE_WORDS and (
            acc := d.according_to(last + 1, last + 12) or d.according_to(d.sent(first).start, first)
        ):
            lemma, spk = "according to", acc[0][2]
        else:
            # a verb of the quote's own sentence whose subject can speak governs it ('he
            # described the plan as "..."'); else a quoted passage with no cue of its own
            # right after an attributed one continues its speaker
            opens = all(
                doc[i].is_punct or doc[i].is_space for i in range(d.sent(first).start, first)
            )
            if d.parsed and not opens and not _title_like(raw):
                cue, spk = _governing(d, first, last, quoted_tokens)
            if cue is not None:
                lemma = cue_lemma(cue)
            elif (
                words >= _MIN_QUOTE_WORDS
                and prev is not None
                and d.sent_of[first] - prev[3] <= 1
                and prev[2].text
            ):
                lemma, spk = prev[0]["cue"], prev[2]
            elif d.parsed and opens and not _title_like(raw):
                cue, spk = _governing(d, first, last, quoted_tokens)
                lemma = cue_lemma(cue) if cue is not None else None
        if lemma is None:
            continue
        sid = sentence_of(d.offset + (cue.idx if cue is not None else qs))
        row = _row(aid, sid, start, end, text, spk, lemma, "direct", via)
        row["_cue"] = cue.i if cue is not None else None
        row["_quoted"] = set(range(first, last + 1))
        row["_sent"] = (
            d.sent(cue.i).start
            if cue is not None
            else d.sent(first).start
            if lemma == "according to"
            else None
        )
        row["_piece"] = doc
        out.append(row)
        prev = (row, cue, spk, d.sent_of[last])
    return out


def _inverted(d: _Doc, cue: Token) -> bool:
    """'"...," said Jane Roe': the speaker follows its cue."""
    doc = d.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i for c in cue.children)
    nxt = cue.i + 1
    return (
        nxt < len(doc)
        and doc[nxt].pos_ in ("PROPN", "NOUN", "DET", "ADJ")
        and doc[nxt].ent_type_ not in _WHEN
    )


def _title_like(raw: str) -> bool:
    """A quoted name of a work or a nickname ("Fire and Fury"), not a quote."""
    words = raw.strip(" .,!?").split()
    return len(words) <= 6 and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _dash_speaker(d: _Doc, doc_text: str, qe: int) -> _Spk | None:
    """'"...." -- Jane Roe': a name after a dash right after the quote's closing mark."""
    pos = qe + 1
    n = len(doc_text)
    while pos < n and doc_text[pos] in " \t\u00a0":
        pos += 1
    if pos >= n or doc_text[pos] not in "\u2015\u2014\u2013":
        return None
    pos += 1
    while pos < n and doc_text[pos] in " \t\u00a0":
        pos += 1
    if pos >= n or not doc_text[pos].isupper():
        return None
    stop = doc_text.find("\n", pos)
    stop = n if stop < 0 else stop
    name = re.match(
        r"[^\W\d_][\w.'\u2019-]*(?:[ \u00a0]+[^\W\d_][\w.'\u2019-]*){0,3}", doc_text[pos:stop]
    )
    if name is None:
        return None
    text = name.group(0).rstrip(". ")
    doc = d.doc
    k = d.token_at(pos)
    m = next((d.actor_at[t] for t in range(k, min(len(doc), k + 4)) if t in d.actor_at), None)
    return _Spk(m, text, d.offset + pos, d.offset + pos + len(text))


def _governing(d: _Doc, first: int, last: int, quoted: set[int]) -> tuple[Token | None, _Spk]:
    """The verb a quoted phrase depends on and its subject, when the subject can speak
    ('she called the plan "a farce"', 'he vowed to "fight on"')."""
    doc = d.doc
    inner = doc[first : last + 1]
    tok = inner.root
    for _ in range(6):
        if tok.i not in quoted and tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return None, _NO_SPEAKER
        tok = tok.head
    else:
        return None, _NO_SPEAKER
    if tok.i in quoted or tok.lemma_ in ("be", "have"):
        return None, _NO_SPEAKER
    subj = d.subject_of(tok)
    if subj is None or subj.i in quoted:
        return None, _NO_SPEAKER
    spk = d.speaker(subj)
    return (tok, spk) if _speaks(subj, spk) else (None, _NO_SPEAKER)


def _direct_cue(d: _Doc, first: int, last: int, quoted: set[int], raw: str) -> Token | None:
    doc = d.doc
    # after the quote: '"...," she said' -- the quote must not close its sentence
    # ('"...." She said later that ...' starts a new attribution)
    j = last + 1
    closes = raw.rstrip()[-1:] in (".", "\u2026")
    if j < len(doc) and (not closes or doc[j].is_lower or d.sent_of[j] == d.sent_of[last]):
        end = min(d.sent(j).end, j + 12)
        for i in range(j, end):
            if i in quoted or "\n" in doc[i].text or (i > j and "\n" in doc[i - 1].whitespace_):
                break
            if is_speech_verb(doc[i]) or doc[i].lemma_ in _DIRECT_CUES:
                return doc[i]
    # before the quote, back to the start of its sentence ("She said: ...")
    start = max(d.sent(first).start, first - 25)
    for i in range(first - 1, start - 1, -1):
        if i in quoted or "\n" in doc[i].text:
            break
        tok = doc[i]
        if is_speech_verb(tok) or tok.lemma_ in _DIRECT_CUES:
            return tok
        if tok.lemma_ in ("note", "say", "write") and tok.pos_ == "NOUN":
            return tok
    # 'She scolded him: "..."': any verb whose clause ends in a colon before the quote
    k = first - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 1 and doc[k].text == ":":
        head = doc[k - 1]
        for _ in range(3):
            if head.pos_ == "VERB" or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ == "VERB" and head.i < k and head.i not in quoted:
            return head
    return None


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
    for c in tok.children:
        if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ("it", "them", "this", "that"):
            if c.dep_ == "dobj" and c.tag_ == "PRP":
                continue  # "accused her": who, not what
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
            if pobj is not None and not (pobj.tag_ == "PRP" and c.lower_ in ("to", "with")):
                return pobj.left_edge, pobj.right_edge
    return None


def _speaks(subj: Token, spk: _Spk) -> bool:
    """True when a subject can hold a stance: an actor, a person, a body."""
    subj = _antecedent(subj) or subj
    return (
        spk.mention is not None
        or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or subj.lower_ in ("he", "she", "they", "who")
        or subj.lemma_.lower() in SOURCE_NOUNS
    )


def _inserted(aid, d: _Doc, cue: Token, quoted: set[int], sentence_of) -> dict | None:
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
    return _row(
        aid,
        sentence_of(d.offset + cue.idx),
        frags[0][0],
        frags[-1][1],
        text,
        spk,
        cue_lemma(cue),
        "reported",
        _via(d, cue, spk.mention),
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


def _held(aid, d: _Doc, quoted: set[int], attributed_sents: set[int], sentence_of) -> list[dict]:
    """Attributions carried by a noun and its possessor: "the mayor's call for a new
    bridge", "her claim that the ferry was safe", "his decision to resign"."""
    rows = []
    doc = d.doc
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _STANCE_NOUNS or tok.i in quoted:
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
        if not _speaks(holder, spk) and holder.lower_ not in ("his", "her", "their"):
            continue
        start = d.offset + content.start_char
        attributed_sents.add(d.sent(tok.i).start)
        rows.append(
            _row(
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


def _reported(aid, d: _Doc, used_cues, quoted, attributed_sents, sentence_of) -> list[dict]:
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
        content = doc[lo : comp.right_edge.i + 1]
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
        if "\n" in text:  # a parse running over a paragraph break (a headline)
            parts = [x for x in text.split("\n") if x.strip()]
            keep = parts[-1] if comp.i > tok.i else parts[0]
            cut += ctext[cut:].find(keep)
            text = keep.strip()
        text = text.rstrip(".,;:")
        if len(text.split()) < 2:
            continue
        start = d.offset + content.start_char + cut + (len(ctext[cut:]) - len(ctext[cut:].lstrip()))
        attributed_sents.add(d.sent(tok.i).start)
        reported_cues.add(tok.i)
        rows.append(
            _row(
                aid,
                sentence_of(d.offset + tok.idx),
                start,
                start + len(text),
                text,
                spk,
                cue_lemma(tok),
                "reported",
                _via(d, tok, spk.mention),
            )
        )
    # stance: "she criticized the plan", "he talked about taxes"
    stance_cues: set[int] = set()
    for tok in doc:
        if tok.lemma_ not in TOPIC_LEMMAS or tok.pos_ != "VERB":
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
        if not _speaks(subj, spk):
            continue
        content = doc[topic[0].i : topic[1].i + 1]
        text = content.text.strip().rstrip(".,;:")
        if not text:
            continue
        start = d.offset + content.start_char
        attributed_sents.add(d.sent(tok.i).start)
        stance_cues.add(tok.i)
        rows.append(
            _row(
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
            if k >= sent.end - 1:
                body = doc[sent.start : i]
            elif i <= sent.start + 1:
                body = doc[k : sent.end]
            else:
                # "X, according to Y, did Z": the rest of the sentence
                body = doc[sent.start : sent.end]
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
                    spk,
                    "according to",
                    "reported",
                    None,
                )
            )
            break
    return rows
