"""Event extraction: who did what, when and where, from parsed sentences and the frames.

One event is one trigger word ("summit", "tested") of an :data:`EVENT_TYPES` type in a
sentence, with

* participants: actor ids of the mentions in the trigger's arguments (subject, objects,
  "with"/"between" phrases, possessor, noun modifiers), read on the dependency parse;
* a time interval from the timex attached to the trigger (nearest on the dependency path,
  never through a verb of saying: in "the summit was revealed last week" the week is the
  revelation's), and never to an event noun through a verb that is another act ("urged
  on Friday that the summit be cancelled"); a bare weekday or month goes the way of the
  event's tense; a saying without a timex takes the publication day when told in the
  present or the perfect of news ("says", "has confirmed"), the day the article's
  narrative has set when told in the past ("said": the speaker's last dated words, else
  the first day the body names near publication), and no date when the article names
  no day or a perfect tells earlier words ("has said he will not attend", "had warned");
* a place from a toponym reached through a locative preposition ("would take place in
  Vladivostok"), marked ``probable`` when the event is planned or hearsay;
* a status, decided by the first rule that applies (:func:`_decide_status`):

  1. ``denied`` -- the trigger or a verb above it is negated ("did not meet", "no plans
     to meet", "never tested"), or a word of denial, refusal, cancellation or failure
     governs it ("denied that it had tested", "refused to meet", "called off",
     "failed to reach an agreement"); a demand, warning or statement that is refused
     ("the minister denied the request", "rejected the demand") was still made: not denied;
  2. ``planned`` -- the attached interval begins after the publication day; or a
     future or modal auxiliary ("will meet", "could visit"), a word of plan, intention,
     expectation or preparation ("plans to", "is expected to", "preparations for",
     "scheduled"), an irrealis to-infinitive ("agreed to meet") or a modifier ("the
     upcoming summit") -- unless the interval lies wholly before the publication day;
     an event noun told as under way ("the ongoing talks could collapse", "the current
     negotiations") has begun: ``occurred``, neither planned nor reported;
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
import logging
from collections.abc import Callable, Mapping

import pandas as pd
from spacy.tokens import Doc

from .. import schema
from . import metonymy, syntax
from .anaphora import both_sides, definite_noun, last_two_persons, title_references
from .assembly import deduplicate, to_row
from .cues import counterfactual, status_cues
from .elections import candidate_heads, date_by_calendar, generic_elections, join_elections
from .families import Families, family_names
from .generic import (
    attack_targets,
    characterising,
    concurs,
    danger_of_a_thing,
    fired_at_a_target,
    generic_mention,
    inside_a_name,
    lets_in,
    modifier_participle,
    received_with,
    restates_event,
    says_nothing,
    stipulates,
)
from .headline_actors import headline_remap
from .location import place_cost
from .model import Event, Span, day, event_id, is_na
from .narrative import (
    date_statements,
    news_day,
    questioned,
    quoted_words,
    speaking_occasion,
    story_day_sentences,
)
from .parsing import TokenIndex, default_nlp
from .participants import (
    anonymous_source,
    head_actors,
    participants_of,
    principal_pronoun,
    pronoun_speaker,
    quote_speakers,
    resolve_coreference,
    sentence_subject_speaker,
    speaker_heads,
    statement_noun_speakers,
)
from .pronouns import PronounResolver, subject_pronoun
from .quote_time import requote_times
from .roles import (
    deal_sides,
    demanded_of,
    platform_only,
    proposing_verb,
    referendum_voters,
    speakers_at,
    travellers_to,
    vow_is_threat,
    warning_is_threat,
)
from .setting import date_by_also, date_by_occasion, date_by_setting, date_by_then
from .status import decide_status, inherit_status, quote_attribution, told_by_a_doer
from .timing import (
    done_at,
    month_direction,
    nest_timexes,
    set_time,
    timex_cost,
    told_at_the_time,
    weekday_direction,
    with_time,
    within_hours_of,
)
from .types import EVENT_TYPES, EventType
from .vocabulary import is_weapon_system

__all__ = ["extract_events", "event_id"]

log = logging.getLogger(__name__)

_MEDIA_KINDS = frozenset({"media"})
#: How many sentences of the body make its lead: the story's day and actors it sets.
LEAD_SENTENCES = 3


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
        ``status_cues``, ``time_source`` (timex, publication, narrative, coreference,
        calendar, none), ``place_text``,
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
    persons = set(
        actors.loc[actors["kind"].astype("string") == "person", "actor_id"].dropna().astype(str)
    )
    # each country's one government actor ("a post in Ruritania" strikes Ruritania)
    gov_rows = actors[actors["kind"].astype("string") == "government"]
    governments: dict[str, str] = {}
    for a, c in zip(gov_rows["actor_id"], gov_rows["country"], strict=True):
        if isinstance(c, str) and c and (c not in governments or str(a).startswith("kb:")):
            governments[c] = str(a)
    families = family_names(actors)
    # the country of every actor that has one: a person's for titles ("the senator"), all
    # of them for the country an article is about
    actor_country = {
        str(a): str(c)
        for a, c in zip(actors["actor_id"], actors["country"], strict=True)
        if isinstance(c, str) and c
    }

    # a name that only a headline gives ("Vale Blocks Tariff") is no participant: the
    # body's "Vale" goes to the actor the body names
    title_ends = {
        str(a): _title_end(t if isinstance(t, str) else "", ti)
        for a, t, ti in zip(
            articles["article_id"],
            articles["text"],
            articles["title"] if "title" in articles else [None] * len(articles),
            strict=True,
        )
    }
    mentions = headline_remap(mentions, actors, title_ends)
    # one conversion of each frame to records, grouped by article in Python: cheaper
    # than a pandas groupby and a to_dict/itertuples per article
    by_article = {
        name: _group_records(frame)
        for name, frame in (
            ("sentences", sentences),
            ("mentions", _actor_mentions(mentions)),
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
            chunks = [(0, (nlp or default_nlp())(text))]
        try:
            events = _article_events(
                aid,
                text,
                art["published"],
                chunks,
                _title_end(text, art.get("title")),
                triggers,
                media,
                persons,
                {k: v.get(aid) for k, v in by_article.items()},
                actor_country,
                governments,
                families,
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


def _actor_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions that can name a participant: a weapon system ("THAAD", "Hwasong-15")
    never takes part as an actor, whatever the actors stage made of it."""
    keep = ["article_id", "start", "end", "actor_id"]
    cols = mentions[keep + (["place_id"] if "place_id" in mentions else [])]
    if "text" not in mentions or not len(mentions):
        return cols
    texts = mentions["text"].astype("string")
    weapons = {t for t in texts.dropna().unique() if is_weapon_system(str(t))}
    if not weapons:
        return cols
    return cols[~texts.isin(weapons).fillna(False).to_numpy(dtype=bool)]


def _title_end(text: str, title: object) -> int:
    """End offset of the headline when the text opens with it (else 0).  Headlines are
    telegraphic ("Democrats Urge Trump To Cancel Summit"): their parse is unreliable and
    the body reports the same events, so neither their triggers nor their names are used."""
    if not isinstance(title, str) or not title.strip():
        return 0
    head = title.strip()
    body = text.lstrip()
    if not body.startswith(head) or body[len(head) : len(head) + 1] != "\n":
        return 0  # a headline is a line of its own, not the opening of the first sentence
    return len(text) - len(body) + len(head)


def _country_tokens(index: TokenIndex, places: list[dict] | None) -> dict:
    """``(id(doc), token index) -> country code`` of the place mentions that name a
    country or its people ("Ruritania", "Ruritanian")."""
    out: dict = {}
    for r in places or ():
        code = r.get("country_code")
        if is_na(code) or not code:
            continue
        if r.get("feature") != "country" and r.get("role") != "demonym":
            continue
        for t in index.span(int(r["start"]), int(r["end"])):
            out[(id(t.doc), t.i)] = str(code)
    return out


def _group_records(frame: pd.DataFrame) -> dict[str, list[dict]]:
    """``article_id -> rows`` (dicts, in frame order); rows without an article id dropped."""
    out: dict[str, list[dict]] = {}
    if not len(frame):
        return out
    for r in frame.to_dict("records"):
        key = r["article_id"]
        if is_na(key):
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


def _article_country(mentions: list[dict] | None, actor_country: dict[str, str]) -> str | None:
    """The country most of the article's actors belong to (half of those with a country
    at least), or None."""
    counts: dict[str, int] = {}
    for r in mentions or ():
        c = actor_country.get(str(r["actor_id"]))
        if c:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    return best if 2 * counts[best] >= sum(counts.values()) else None


def _lead_end(sent_rows: list[tuple[int, int, int, str]], title_end: int) -> int:
    """The id of the last sentence of the lead: the first :data:`LEAD_SENTENCES`
    sentences of the body that are prose, not a dateline ("WASHINGTON", "--"), a byline
    or a title run over a line ("To End Shutdown")."""
    prose = [sid for sid, start, _e, text in sent_rows if start >= title_end and _is_prose(text)]
    if not prose:
        body = [sid for sid, start, _e, _t in sent_rows if start >= title_end]
        return (body[0] if body else 0) + LEAD_SENTENCES - 1
    return prose[min(LEAD_SENTENCES, len(prose)) - 1]


def _is_prose(text: str) -> bool:
    """True for a sentence of words, one of them in lower case ("He was 70." -- not
    "WASHINGTON", "--" or "To End Shutdown")."""
    words = text.split()
    return len(words) >= 2 and any(w[:1].islower() for w in words)


def _speaking_occasions(
    events: list[Event],
    timex_spans: list[Span],
    triggers: syntax.TriggerIndex,
    index: TokenIndex,
    actor_tok: dict[tuple[int, int], list[str]],
    title_end: int,
    sentence_id_of: Callable[[int], int],
) -> list[Event]:
    """Dated appearances of a speaker that are no event ("spoke at the forum on
    Tuesday"), as sayings for :func:`date_statements` to continue; never returned."""
    said = triggers.types.get("statement")
    if said is None:
        return []
    taken = {(id(e.trigger.doc), e.trigger.i) for e in events}
    out = []
    for tx in timex_spans:
        verb = speaking_occasion(tx) if tx.start >= title_end else None
        if verb is None or (id(verb.doc), verb.i) in taken:
            continue
        taken.add((id(verb.doc), verb.i))
        start = index.abs_start(verb)
        occ = Event("", sentence_id_of(start), said, verb, verb.text, start, "")
        subjects = syntax._subjects(verb)
        if questioned(verb):
            # "Vale was asked by reporters on Tuesday", "reporters asked Vale on
            # Tuesday": Vale answers, not the reporters
            subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        for subj in subjects:
            for t in subj.subtree:
                for a in actor_tok.get((id(t.doc), t.i), []):
                    if a not in occ.participants:
                        occ.participants.append(a)
        set_time(occ, tx)
        out.append(occ)
    return out


def _article_events(
    aid: str,
    text: str,
    published,
    chunks: list[tuple[int, Doc]],
    title_end: int,
    triggers: syntax.TriggerIndex,
    media: set[str],
    persons: set[str],
    frames: dict[str, list[dict] | None],
    actor_country: dict[str, str],
    governments: dict[str, str],
    families: Families,
) -> list[dict]:
    index = TokenIndex(chunks)
    anchor_day = day(published)
    # "on March 20 last year": both rows are the day
    tx_frame = nest_timexes(frames["timexes"], text)
    if is_na(anchor_day) and tx_frame:
        anchors = [r.get("anchor") for r in tx_frame if not is_na(r.get("anchor"))]
        if anchors:
            anchor_day = day(anchors[0])

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
    person_spans: list[tuple[int, list, str]] = []  # (offset, tokens, person) of mentions
    actor_spans: list[tuple[int, list, str]] = []  # (offset, tokens, actor) but media
    for r in frames["mentions"] or ():
        if is_na(r["actor_id"]) or int(r["start"]) < title_end:
            continue
        span_toks = index.span(int(r["start"]), int(r["end"]))
        for t in span_toks:
            actor_tok.setdefault((id(t.doc), t.i), []).append(str(r["actor_id"]))
        if span_toks and str(r["actor_id"]) not in media:
            actor_spans.append((int(r["start"]), span_toks, str(r["actor_id"])))
        if not span_toks or str(r["actor_id"]) not in persons:
            continue
        start = int(r["start"])
        person_spans.append((start, span_toks, str(r["actor_id"])))
    person_spans.sort(key=lambda p: p[0])
    # "the senator" without an actor: the last person the article titled so
    soil = _country_tokens(index, frames["places"])
    actor_tok.update(
        title_references(
            chunks,
            person_spans,
            actor_tok,
            title_end,
            countries=soil,
            person_country=actor_country,
        )
    )

    pronouns = PronounResolver(
        text,
        sentence_of,
        actor_spans,
        persons,
        frames["quotes"],
        [(start, end) for _sid, start, end, _text in sent_rows],
    )
    metonyms = metonymy.capital_metonyms(frames["mentions"], frames["places"])

    def spans(records: list[dict] | None) -> list[Span]:
        out = []
        for r in records or ():
            toks = index.span(int(r["start"]), int(r["end"]))
            head = index.head_of(toks)
            if head is not None:
                out.append(Span(int(r["start"]), int(r["end"]), head, r))
        return out

    timex_spans = [
        s
        for s in spans(tx_frame)
        if s.row.get("type") in ("DATE", "TIME", "DURATION") and not is_na(s.row.get("begin"))
    ]
    place_spans = [s for s in spans(frames["places"]) if not is_na(s.row.get("place_id"))]
    quotes_by_sent: dict[int, list[dict]] = {}
    article_quotes = list(frames["quotes"] or ())
    # the words of direct quotes: a saying told in them is not the quoting speaker's
    quoted = [
        (int(q["start"]), int(q["end"]))
        for q in article_quotes
        if str(q.get("kind") or "") == "direct"
    ]
    for r in article_quotes:
        quotes_by_sent.setdefault(int(r["sentence_id"]), []).append(r)

    events: list[Event] = []
    last_speaker: tuple[str, int] | None = None  # the last single person who spoke

    def resolve_other(pron) -> list[str]:
        """Whom a "he" / "she" in another role than the trigger's subject stands for."""
        at = index.abs_start(pron)
        if pronouns.in_quote(at):
            return []
        if at not in pronouns.resolved:
            pronouns.note(pron, at, pronouns.resolve(pron, at, last_speaker=last_speaker))
        return pronouns.resolved[at][:1]

    for sid, s_start, s_end, s_text in sent_rows:
        toks = index.span(s_start, s_end)
        if not toks:
            continue
        sent_events: list[Event] = []
        found = syntax.find_triggers(toks, triggers)
        found_at = {t.i for t, _, _ in found}
        for trig, etype, ttext in found:
            if index.abs_start(trig) < title_end:
                continue  # the headline repeats the body in a telegraphic, mis-parsed form
            if characterising(trig) or received_with(trig) or modifier_participle(trig):
                continue  # "sees X as a threat": an opinion; "was met with silence"
            if inside_a_name(trig, etype.family) or danger_of_a_thing(trig):
                continue  # "the Popular Mobilization Forces"; "the presence threatens us"
            if stipulates(trig, lambda t: bool(actor_tok.get((id(t.doc), t.i)))):
                continue  # "the bill calls for new checks": what a text provides for
            if generic_mention(trig, etype.family) or restates_event(trig, found_at):
                continue  # "future elections": a kind; "the meeting was a negotiation"
            if (etype.family == "statement" and (says_nothing(trig) or lets_in(trig))) or concurs(
                trig
            ):
                continue  # "said nothing new", "admitted it as evidence", "agreed with her"
            if (
                etype.name == "threat"
                and trig.lemma_.lower() in ("warn", "warning")
                and "statement" in triggers.types
                and not warning_is_threat(trig)
            ):
                etype = triggers.types["statement"]  # a warning of a danger: a statement
            if (
                etype.name == "threat"
                and trig.lemma_.lower() == "vow"
                and "statement" in triggers.types
                and not vow_is_threat(trig)
            ):
                etype = triggers.types["statement"]  # "vowed to restore prosperity"
            if (
                etype.name == "weapons_test"
                and "military_activity" in triggers.types
                and fired_at_a_target(trig)
            ):
                etype = triggers.types["military_activity"]  # "fired shells at a post"
            ev = Event(aid, sid, etype, trig, ttext, index.abs_start(trig), s_text.strip())
            ev.sentence_ids = [sid]
            ev.participants = participants_of(
                trig,
                actor_tok,
                media,
                complement=etype.family == "statement" and etype.name != "statement",
                statement=etype.family == "statement",
                speakers_only=etype.name == "statement",
            )
            extra: list = []
            soil_ids: list[str] = []
            if etype.family in ("military_activity", "weapons_test"):
                # "the airstrike that killed Vale", "he was killed by an airstrike"
                extra = attack_targets(trig)
                # "a post in Ruritania": the country whose soil was struck
                soil_ids = [
                    governments.get(soil.get((id(t.doc), t.i), ""), "")
                    for t in extra
                    if not actor_tok.get((id(t.doc), t.i))
                ]
            elif etype.name == "demand":
                extra = demanded_of(trig)  # "called for Vale's resignation"
            elif etype.family == "election":
                extra = candidate_heads(trig)  # "Vale, a candidate for the election"
            elif etype.family == "meeting":
                # "flew to Oslo for talks with Ruiz", "said during a meeting with Ruiz"
                extra = travellers_to(trig) or speakers_at(trig)
            elif etype.family == "agreement":
                extra = deal_sides(trig)  # "Democrats rejected the deal Vale outlined"
            resolve = resolve_other
            if etype.name == "demand":
                # "called for his resignation": a person other than the one who calls
                def resolve(pron, speakers=tuple(ev.participants)):
                    return [a for a in resolve_other(pron) if a in persons and a not in speakers]

            roles = head_actors(extra, actor_tok, media, resolve)
            roles += [g for g in soil_ids if g and g not in media]
            ev.participants += [a for a in dict.fromkeys(roles) if a not in ev.participants]
            if etype.family == "election":
                # "Ruritania's elections": the country is where it is held; who takes
                # part in an election are its candidates
                ev.participants = [p for p in ev.participants if p in persons]
                # "Ruritania voted in a referendum": in a referendum the voters decide
                ev.participants += [
                    a
                    for a in head_actors(referendum_voters(trig), actor_tok, media)
                    if a not in ev.participants
                ]
            pair: list[str] = []
            if etype.family == "meeting":
                # "urged Vale to press Ruiz when they meet": they are Vale and Ruiz
                pair = last_two_persons(trig, index.abs_start, person_spans)
                if pair:
                    ev.participants = pair
            statement = etype.family == "statement"
            named = []
            if statement and not ev.participants:
                # "Vale stopped short of a threat, but he said": the clause before
                named = ev.participants = sentence_subject_speaker(trig, actor_tok, persons)
            pron = None if pair else subject_pronoun(trig, statement=statement)
            if pron is not None and not named and not actor_tok.get((id(pron.doc), pron.i)):
                # "He signed the bill", "he added", "they invited": whom the pronoun
                # stands for takes part (nobody when two are as likely)
                who = pronouns.resolve(
                    pron,
                    index.abs_start(pron),
                    speech=statement,
                    last_speaker=last_speaker,
                )
                ev.participants = [*who, *(p for p in ev.participants if p not in who)]
                if (
                    statement
                    and not ev.participants
                    and not pronouns.tied
                    and not pronouns.in_quote(index.abs_start(pron))
                ):
                    # nobody named within reach: the last speaker goes on -- not for a
                    # "he" in quoted words, which is not the one who speaks them
                    ev.participants = pronoun_speaker(trig, last_speaker, sid)
                pronouns.note(pron, index.abs_start(pron), ev.participants[:1])
            if statement and not ev.participants and (pron is None or not pronouns.tied):
                lo = index.abs_start(trig.left_edge)
                hi = index.abs_start(trig.right_edge) + len(trig.right_edge)
                ev.participants = quote_speakers(
                    quotes_by_sent.get(sid, []), trig, media, span=(lo, hi)
                )
            if statement and not ev.participants:
                # "His office said", "a spokeswoman for her office told": the principal
                principal = principal_pronoun(trig)
                if principal is not None:
                    ev.participants = resolve_other(principal)
            if not ev.participants and both_sides(
                speaker_heads(trig) if etype.family == "statement" else syntax.argument_heads(trig)
            ):
                # "both sides issued statements": the two parties of the last meeting
                pairs = [e for e in events if e.etype.family == "meeting"]
                pairs = [e for e in pairs if len(e.participants) == 2]
                if pairs:
                    ev.participants = list(pairs[-1].participants)
            if etype.family == "statement" and not ev.participants:
                # "..., said the statement": the speakers of that statement
                ev.participants = statement_noun_speakers(trig, events + sent_events)
            if any(p in families.plural for p in ev.participants):
                # "the Trumps visited him": the article's Trumps
                ev.participants = families.members(ev.participants, person_spans)
            if etype.family == "statement" and ev.participants:
                # "a Facebook post that said": the service carries the words
                ev.participants = [
                    p for p in ev.participants if not platform_only(p, trig, actor_tok)
                ]
            if metonyms:
                # "talks between Washington and Bexley": the capital's country
                ev.participants = list(dict.fromkeys(metonyms.get(p, p) for p in ev.participants))
            one = ev.participants[0] if len(ev.participants) == 1 else None
            if etype.family == "statement" and one in persons and not quoted_words(ev, quoted):
                last_speaker = (one, sid)  # not one whose words a quote tells
            anonymous = etype.name == "statement" and not ev.participants
            if anonymous and not anonymous_source(trig):
                continue  # an anonymous "it was said" is not an event worth a row
            ev.definite = definite_noun(trig)
            ev.cues = status_cues(trig, speech_act=etype.family == "statement")
            if counterfactual(trig):
                if etype.family == "statement":
                    continue  # "he would have been labeled a liar": no words were said
                ev.cues["denied"] = True  # "would have met him if ...": it did not happen
            if etype.family == "agreement" and proposing_verb(trig) is not None:
                ev.cues["planned"] = True  # "the deal he outlined": put forward, not made
            ev.cues["anonymous"] = anonymous  # "a senior official said": no one to resolve
            ev.cues["roles"] = roles  # read off the attack's or the election's own clause
            quote_attribution(ev, article_quotes)
            told_by_a_doer(ev, actor_tok)
            sent_events.append(ev)
        # the narrative's other "he" / "she" subjects of the sentence, for the next ones
        pronouns.chain([(index.abs_start(t), t) for t in toks if t.lower_ in ("he", "she")])
        if not sent_events:
            continue
        trig_ids = {e.trigger.i for e in sent_events}
        in_sentence = [t for t in timex_spans if s_start <= t.start < s_end]
        # each timex goes to the trigger(s) it is nearest to
        costs: dict[int, list[tuple[float, Span]]] = {id(e): [] for e in sent_events}
        for tx in in_sentence:
            scored = []
            for e in sent_events:
                c = timex_cost(e, tx, trig_ids - {e.trigger.i})
                if c is not None:
                    scored.append((c, e))
            if not scored:
                continue
            # nearest on the tree, then nearest in the text
            best = min((c, abs(e.trigger.i - tx.head.i)) for c, e in scored)
            nearest = [e for c, e in scored if (c, abs(e.trigger.i - tx.head.i)) <= best]
            for c, e in scored:
                # "When he visited Kyiv in March, Vale said": the visit's time is the saying's
                # "in the hours after the vote on Monday": the vote's day is the saying's
                # "At the summit on Thursday, Vale praised Ruiz": the summit's day is hers
                if any(
                    e is n or told_at_the_time(n, e) or within_hours_of(n, e) or done_at(n, e)
                    for n in nearest
                ):
                    costs[id(e)].append((c, tx))
        places_here = [p for p in place_spans if s_start <= p.start < s_end]
        for e in sent_events:
            pl = []
            for p in places_here:
                c = place_cost(e, p, trig_ids - {e.trigger.i})
                if c is not None:
                    pl.append((c, p))
            if pl:
                pl.sort(key=lambda cp: (cp[0], cp[1].start))
                e.place_cost, e.place = pl[0]
            events += with_time(e, costs[id(e)])
    date_by_setting(events)  # "a summit where on Sunday they signed": the summit too
    date_by_then(events, timex_spans)  # "Ruiz said then", "at the time": the time just told
    date_by_also(events)  # "they also met": the day of their act just told
    date_by_occasion(events, timex_spans)  # "said in the interview": the one told dated
    for e in events:
        weekday_direction(e, anchor_day)
        month_direction(e, anchor_day)
    news = news_day(tx_frame, anchor_day, title_end)
    lead = _lead_end(sent_rows, title_end)
    date_statements(
        events,
        anchor_day,
        news,
        story_day_sentences(tx_frame, news),
        lead=lead,
        quoted=quoted,
        to_an_outlet=lambda trig: (
            syntax._lemma(trig) == "tell"
            and any(
                c.dep_ in ("dobj", "dative", "obj")
                and any(a in media for a in actor_tok.get((id(c.doc), c.i), ()))
                for c in trig.children
            )
        ),
        lead_actors={a for off, _t, a in actor_spans if sent_rows[sentence_of(off)][0] <= lead},
        occasions=_speaking_occasions(
            events,
            timex_spans,
            triggers,
            index,
            actor_tok,
            title_end,
            lambda pos: sent_rows[sentence_of(pos)][0],
        ),
    )
    requote_times(events, article_quotes, anchor_day)
    for e in events:
        e.status, e.status_decided = decide_status(e, anchor_day)
    events = resolve_coreference(events)
    inherit_status(events)
    join_elections(events)
    date_by_calendar(events, anchor_day, _article_country(frames["mentions"], actor_country))
    for e in events:
        if e.time_source == "calendar":  # its day now says whether it is still to come
            e.status, e.status_decided = decide_status(e, anchor_day)
    events = deduplicate(events)
    # an event with neither participants, time nor place says nothing an analyst can use
    # -- but an election is news by itself ("ahead of the elections"), unless it is
    # elections in general ("groups that spend money on elections")
    events = [
        e
        for e in events
        if e.participants
        or e.time_source != "none"
        or e.place
        or (e.etype.family == "election" and not generic_elections(e))
    ]
    return [to_row(e) for e in events]
