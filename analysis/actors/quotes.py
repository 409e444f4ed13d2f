"""Direct, mixed and reported speech, attributed to its speaker through the dependency parse.

* **Direct** speech is a quoted passage of at least :data:`_MIN_QUOTE_WORDS` words with a
  reporting verb before it in its sentence ("X said: ...") or right after it ("...," X
  said); a quote split around its cue ('"A," she said, "B."') is one quote with two
  pieces, and a quoted passage with no cue of its own right after an attributed quote is
  one more piece of that quote ('"A," she said. "B."', a quote over paragraphs).
* **Reported** speech (:mod:`analysis.actors.reported`) is the clausal complement of a
  reporting or attitude verb ("X said that ...", "X believes ...", "the poll found ..."),
  the rest of a sentence around a cue set off by commas ("The plan, she said, will
  fail"), what a stance verb or noun is about ("she criticized the plan", "her call for
  a vote") and "according to X" with a source that can speak (a person, a body, a
  report: never "according to the calendar").
* **Speaker**: the grammatical subject of the cue, never its possessor ("the minister's
  spokesman said" is the spokesman); an apposition or a name in a title compound names it
  ("the spokesman, Jane Roe,"); pronouns and definite nominals ("he", "the spokesman")
  are resolved by :class:`analysis.actors.coref.SpeakerResolver`; a relative pronoun
  ("the mayor, who said ...") is placed on "who" with its antecedent's actor
  (:mod:`analysis.actors.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from analysis.actors.cues import ATTITUDE_LEMMAS, SOURCE_NOUNS
from analysis.actors.cues import DIRECT_CUES as _DIRECT_CUES
from analysis.actors.cues import SMALL as _SMALL
from analysis.actors.reported import reported_speech
from analysis.actors.speakers import (
    NO_SPEAKER,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    WHEN_LABELS,
    QuoteDoc,
    Speaker,
    can_hold_stance,
    quote_row,
    via_source,
)
from analysis.actors.syntax import cue_lemma, is_speech_verb
from analysis.nlp import doc_text as joined_text

__all__ = ["ATTITUDE_LEMMAS", "SOURCE_NOUNS", "find_quotes", "quoted_passages"]

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}
#: What the quote scanner reacts to: quotation marks, pairs of apostrophes or backquotes,
#: line breaks.
_QUOTE_EVENTS = re.compile("\u201c|\u201d|\u00ab|\u00bb|\"|''|``|\n")
#: A speaker's label opening a transcript's turn ("SMITH: ...", "MS. ROE: ...").
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s+")
_MIN_QUOTE_WORDS = 4  # shorter quoted strings are scare quotes ("final stages")...
#: ... unless a verb whose subject can speak governs them ('she called it "a farce"')
_MIN_MIXED_WORDS = 1


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
    skip_to = 0
    for event in _QUOTE_EVENTS.finditer(text):
        k = event.start()
        if k < skip_to:
            continue  # the second apostrophe of a pair already read
        ch, pair = text[k], event.group()
        if open_at >= 0:
            if (closer == "''" and pair == "''") or (
                closer != "''" and (ch == closer or (closer == "\u201d" and ch == '"'))
            ):
                if k > open_at:
                    out.append((open_at, k))
                open_at = -1
                skip_to = k + len(pair)
            elif ch == "\n":
                if text[open_at:k].strip():
                    out.append((open_at, k))
                open_at = -1
            elif ch == "\u201c" and closer == "\u201d":
                open_at = k + 1  # an unclosed quote: start again here
            continue
        if pair in ("''", "``"):
            if k == 0 or not text[k - 1].isalnum():
                open_at, closer = k + 2, "''"
            skip_to = k + 2
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
    if open_at >= 0 and text[open_at:].strip():
        out.append((open_at, n))
    return out


def _earlier_speaker(d: QuoteDoc, cue: Token, quoted: set[int]) -> Speaker:
    """The speaker of a participle that goes on from an earlier cue of its sentence
    ('"...," she said, adding "..."', '..., she said, suggesting ...')."""
    doc = d.doc
    for i in range(cue.i - 1, d.sent(cue.i).start - 1, -1):
        tok = doc[i]
        if i in quoted or not (is_speech_verb(tok) or tok.lemma_ in _DIRECT_CUES):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i not in quoted), None)
        if subj is not None:
            return d.speaker(subj)
    return NO_SPEAKER


def _fallback_speaker(d: QuoteDoc, cue: Token, quoted: set[int]) -> Speaker:
    """The speaker of a cue without a parsed subject: a noun right after it ('..., said
    Jane Roe'), else an actor named just before it."""
    doc = d.doc
    for i in range(cue.i + 1, min(len(doc), cue.i + 4)):
        tok = doc[i]
        if i in quoted or tok.is_punct:
            break
        if tok.ent_type_ in WHEN_LABELS:
            continue  # "said Thursday"
        if tok.dep_ in OBJECT_DEPS:
            break  # '..., suggesting a few questions': what the cue says, not who
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.head.i in (cue.i, i):
            head = tok
            while head.head.i != head.i and head.head.i < cue.i + 6 and head.head.pos_ == "PROPN":
                head = head.head
            return d.speaker(head)
    for i in list(range(cue.i + 1, cue.i + 4)) + list(range(cue.i - 1, max(-1, cue.i - 5), -1)):
        if 0 <= i < len(doc) and i in d.actor_at and i not in quoted:
            m = d.actor_at[i]
            return Speaker(m, m.text, m.start, m.end)
    return NO_SPEAKER


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
        d = QuoteDoc(doc, offset, mentions, kb_titles)
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
            rows.extend(reported_speech(aid, d, used, quoted, attributed, sentence_of))
    for r in rows:
        for k in ("_cue", "_quoted", "_sent", "_piece"):
            r.pop(k, None)
    return rows


def _direct(aid: str, d: QuoteDoc, sentence_of) -> list[dict]:
    doc = d.doc
    doc_text = joined_text(doc)  # Doc.text joins every token: once per Doc
    quoted_tokens: set[int] = set()
    quotes = []
    for qs, qe in quoted_passages(doc_text):
        words = len(doc_text[qs:qe].split())
        if words < _MIN_MIXED_WORDS:
            continue
        first, last = d.token_at(max(0, qs - 1)), d.token_at(min(len(doc_text), qe + 1) - 1)
        quoted_tokens.update(range(first, last + 1))
        quotes.append((qs, qe, first, last, words))
    if d.coref is not None:
        d.coref.quoted = quoted_tokens
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
            row = quote_row(
                aid,
                sentence_of(start),
                start + label.end(),
                end,
                text[label.end() :],
                Speaker(
                    d.actor_at.get(d.token_at(qs + lead)), name.title(), start, start + len(name)
                ),
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
            _add_piece(prev[0], start, end, text, range(first, last + 1))
            prev = (prev[0], prev[1], prev[2], d.sent_of[last])
            continue
        spk, lemma, via = NO_SPEAKER, None, None
        if cue is not None:
            lemma = cue_lemma(cue)
            inverted = cue.i > last and _inverted(d, cue)
            subj = d.subject_of(cue) if d.parsed and not inverted else None
            named = _named_before(d, cue)
            if named is not None and (subj is None or subj.i < named.i):
                subj = named  # "a video of the mayor saying, '...'"
            if subj is not None and subj.i in quoted_tokens:
                # a word of the quote parsed as a second subject: the cue's own one
                subj = next(
                    (
                        c
                        for c in cue.children
                        if c.dep_ in SUBJECT_DEPS and c.i not in quoted_tokens
                    ),
                    None,
                )
            if subj is not None and (subj.i in quoted_tokens or subj.ent_type_ in WHEN_LABELS):
                subj = None  # a word of the quote, or a day, parsed as the cue's subject
            spk = d.speaker(subj) if subj is not None else NO_SPEAKER
            if spk.text is None and cue.tag_ == "VBG":
                spk = _earlier_speaker(d, cue, quoted_tokens)
            if spk.text is None:
                spk = _fallback_speaker(d, cue, quoted_tokens)
            via = via_source(d, cue, spk.mention)
        elif words >= _MIN_QUOTE_WORDS and (dash := _dash_speaker(d, doc_text, qe)) is not None:
            lemma, spk = "\u2014", dash
        elif words >= _MIN_QUOTE_WORDS and (
            acc := d.according_to(last + 1, _paragraph_stop(doc, last + 1, last + 12))
            or d.according_to(d.sent(first).start, first)
        ):
            lemma, spk = "according to", acc[0][2]
        else:
            # a verb of the quote's own sentence whose subject can speak governs it ('he
            # described the plan as "..."'); else a quoted passage with no cue of its own
            # right after an attributed one continues that quote
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
                # a quoted passage with no cue of its own right after an attributed one
                # ('"A," she said. "B."', or a quote running over paragraphs) is more of
                # the same quote: one row, one more piece
                _add_piece(prev[0], start, end, text, range(first, last + 1))
                prev = (prev[0], prev[1], prev[2], d.sent_of[last])
                continue
            elif d.parsed and opens and not _title_like(raw):
                cue, spk = _governing(d, first, last, quoted_tokens)
                lemma = cue_lemma(cue) if cue is not None else None
        if lemma is None:
            continue
        sid = sentence_of(d.offset + (cue.idx if cue is not None else qs))
        row = quote_row(aid, sid, start, end, text, spk, lemma, "direct", via)
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


def _paragraph_stop(doc: Doc, start: int, end: int) -> int:
    """The first token from ``start`` (before ``end``) that opens a new paragraph: what
    follows a quote in the next paragraph is no cue of it."""
    for i in range(start, min(end, len(doc))):
        if "\n" in doc[i].text or (i > 0 and "\n" in doc[i - 1].whitespace_):
            return i
    return end


def _named_before(d: QuoteDoc, cue: Token) -> Token | None:
    """The person named right before a participle cue ("footage of the mayor asking,
    '...'", "heard Jane Roe saying ..."), whatever the parse made its subject."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    prev = d.doc[cue.i - 1]
    m = d.actor_at.get(prev.i)
    if prev.pos_ == "PROPN" and m is not None and m.label == "PERSON":
        return prev
    return None


def _add_piece(row: dict, start: int, end: int, text: str, tokens: range) -> None:
    """Append one more quoted passage to a quote's row (its text, end and pieces)."""
    row["fragments"] = (row["fragments"] or [[row["start"], row["end"]]]) + [[start, end]]
    row["text"] = row["text"] + " " + text
    row["end"] = end
    row["_quoted"].update(tokens)


def _inverted(d: QuoteDoc, cue: Token) -> bool:
    """'"...," said Jane Roe': the speaker follows its cue."""
    doc = d.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i for c in cue.children)
    nxt = cue.i + 1
    return (
        nxt < len(doc)
        and doc[nxt].pos_ in ("PROPN", "NOUN", "DET", "ADJ")
        and doc[nxt].ent_type_ not in WHEN_LABELS
    )


def _title_like(raw: str) -> bool:
    """A quoted name of a work or a nickname ("Fire and Fury"), not a quote."""
    words = raw.strip(" .,!?").split()
    return len(words) <= 6 and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _dash_speaker(d: QuoteDoc, doc_text: str, qe: int) -> Speaker | None:
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
    return Speaker(m, text, d.offset + pos, d.offset + pos + len(text))


def _governing(
    d: QuoteDoc, first: int, last: int, quoted: set[int]
) -> tuple[Token | None, Speaker]:
    """The verb a quoted phrase depends on and its subject, when the subject can speak
    ('she called the plan "a farce"', 'he vowed to "fight on"')."""
    doc = d.doc
    inner = doc[first : last + 1]
    tok = inner.root
    for _ in range(6):
        if tok.i not in quoted and tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return None, NO_SPEAKER
        tok = tok.head
    else:
        return None, NO_SPEAKER
    if tok.i in quoted or tok.lemma_ in ("be", "have"):
        return None, NO_SPEAKER
    subj = d.subject_of(tok)
    if subj is None or subj.i in quoted:
        return None, NO_SPEAKER
    spk = d.speaker(subj)
    return (tok, spk) if can_hold_stance(subj, spk) else (None, NO_SPEAKER)


def _direct_cue(d: QuoteDoc, first: int, last: int, quoted: set[int], raw: str) -> Token | None:
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
