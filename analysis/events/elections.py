"""One election, mentioned several times in an article.

An article dates its election once ("the elections set for late May") and then names it
without a date ("a week before the Ruritanian vote", "after he won the
election").  :func:`join_elections` gives such a mention the date of the one dated
election of the article it can mean, and marks the pair so that the article's events keep
it once.  Nothing is joined when the article dates two different elections the mention
could be ("the 2016 election" and "the 2020 presidential election" before "interfere in
the election"), when their kinds or countries differ ("the presidential election" is not
"the local elections"), or when the mention names no one election (a bare plural, "to win
elections"; a modifier, "election security").
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Token

from ..lexicon.documents import BEFORE_WORDS
from .model import DAY, Event, is_na, overlap
from .roles import his_or_her

__all__ = [
    "candidate_heads",
    "date_by_calendar",
    "generic_elections",
    "join_elections",
    "same_kind",
    "us_election_day",
]

#: Words that tell one kind of election from another.
ELECTION_KINDS = frozenset(
    [
        *("presidential", "parliamentary", "legislative", "general", "midterm", "primary"),
        *("local", "municipal", "regional", "provincial", "state", "snap", "runoff"),
        *("congressional", "senate", "gubernatorial", "mayoral", "european", "federal"),
        *("national", "by-election", "leadership", "party", "special", "presidency"),
        "recall",
    ]
)
#: Nouns after "election" that name its own day ("on election day", "election night").
_ITS_DAY = frozenset(["day", "night", "eve"])
#: Nouns that name an election (a "referendum" is not one of the article's elections).
_ELECTION_NOUNS = frozenset(["election", "poll", "midterm"])
#: Tags of the words that can stand before an election noun and qualify it.
_PREMODIFIER_TAGS = frozenset(["JJ", "NN", "NNP", "NNPS", "NNS", "CD", "HYPH"])


def _election_words(e: Event) -> tuple[set[str], set[str]]:
    """The kind words and the nationality or place words that qualify an election noun,
    among its dependents and the words just before it ("the 1994 general elections")."""
    trig = e.trigger
    near = list(trig.children)
    i = trig.i - 1
    while i >= trig.sent.start and trig.doc[i].tag_ in _PREMODIFIER_TAGS:
        near.append(trig.doc[i])
        i -= 1
    kinds: set[str] = set()
    where: set[str] = set()
    for c in near:
        if c.pos_ in ("DET", "PRON", "PUNCT"):
            continue  # "the" inside "the United States" entity
        if c.ent_type_ in ("NORP", "GPE", "LOC"):
            if c.i < trig.i:
                where.add(c.lower_)  # "the Ruritanian elections", "the United States ..."
            continue
        lemma = c.lemma_.lower()
        if lemma in ELECTION_KINDS:
            kinds.add(lemma)
    return kinds, where


def _particular(e: Event) -> bool:
    """True for an election noun that names one election: determined ("the", "its",
    "Ruritania's") or qualified by its kind or country -- not a bare plural ("to win
    elections"), nor a modifier of another noun ("election security", "the 2020 election
    cycle") other than its day ("on election day")."""
    trig = e.trigger
    if trig.lemma_.lower() not in _ELECTION_NOUNS:
        return False
    if trig.dep_ == "compound":
        # "election day", "election night": the day of the one election in view
        return trig.head.lemma_.lower() in _ITS_DAY
    if any(c.dep_ in ("det", "poss") for c in trig.children):
        return True
    kinds, where = _election_words(e)
    return bool(kinds or where)


#: Modifiers that make a bare plural one coming round of elections ("early elections",
#: "snap elections", "midterm elections").
_ONE_ROUND = frozenset(
    [*("early", "snap", "fresh", "new", "midterm", "upcoming", "next", "coming", "last")]
)
#: Verbs whose subject is one round of elections being held ("elections were scheduled").
_HELD = frozenset(["schedule", "hold", "set", "slate", "plan", "postpone", "delay", "call"])


def generic_elections(e: Event) -> bool:
    """True for elections in general, not one round of them: a bare plural with neither
    time, candidates nor place ("groups that spend money on elections", "how to win
    elections", "more afraid of primaries than general elections").  "Early elections",
    "elections were scheduled for ...", "with elections a month away" name one round.

    Parameters
    ----------
    e : Event
        An election event, with its time and participants set.

    Returns
    -------
    bool
    """
    trig = e.trigger
    if e.etype.family != "election" or e.participants or e.place:
        return False
    if e.time_source != "none" or trig.tag_ not in ("NNS", "NNPS"):
        return False
    kids = list(trig.children)
    if any(c.dep_ in ("det", "poss", "nummod") for c in kids):
        return False  # "the elections", "Ruritania's elections", "the 2019 elections"
    if any(c.lower_ in _ONE_ROUND or c.ent_type_ in ("GPE", "NORP", "DATE") for c in kids):
        return False  # "early elections", "Israeli elections", "November elections"
    after = []
    for t in trig.doc[trig.i + 1 : trig.i + 8]:
        if t.is_punct:
            break
        after.append(t.lower_)
    if "away" in after:
        return False  # "with elections a month away", wherever the parser hangs "away"
    head = trig.head
    return not (trig.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _HELD)


def _fits(u: Event, d: Event) -> bool:
    ku, wu = _election_words(u)
    kd, wd = _election_words(d)
    if (ku and kd and not ku & kd) or (wu and wd and not wu & wd):
        return False
    if u.place is None or d.place is None:
        return True
    return u.place.row.get("place_id") == d.place.row.get("place_id")


def same_kind(u: Event, d: Event) -> bool:
    """True when two election mentions do not differ in kind, country or place ("the
    presidential election" is not "the Senate primary").

    Parameters
    ----------
    u, d : Event
        Two events of the election family.

    Returns
    -------
    bool
    """
    return _fits(u, d)


def join_elections(events: list[Event]) -> None:
    """Date each undated mention of an election by the one dated election of the article
    it can mean (``time_source`` "coreference"), and join a mention dated by the day to
    the one mention of the article dated by a period that holds that day.

    ``cues["election_of"]`` keeps the dated mention, so that
    :func:`~analysis.events.assembly.deduplicate` keeps the two once; a mention that two
    dated elections of the article could be is marked ``cues["election_unsure"]``.  The
    candidates a mention names (``cues["roles"]``, :func:`candidate_heads`) must be
    among those of the election it is joined to.

    Parameters
    ----------
    events : list of Event
        The events of one article, statuses decided; changed in place.
    """
    # a mention whose participants are more than its candidates ("his election") is
    # that person's election, not one the article dates
    elections = [
        e
        for e in events
        if e.etype.family == "election"
        and _particular(e)
        and set(e.participants) <= set(e.cues.get("roles") or ())
    ]
    dated = [e for e in elections if e.time_source == "timex"]
    for u in elections:
        if u.time_source != "none" or u.status == "denied":
            continue
        # a mention that names candidates is the election only of those candidates
        fits = [
            d
            for d in dated
            if d.status != "denied" and _fits(u, d) and set(u.participants) <= set(d.participants)
        ]
        if not fits:
            continue
        if any(overlap(a, b) is False for a in fits for b in fits):
            u.cues["election_unsure"] = True  # two different elections it could be
            continue
        d = min(fits, key=lambda x: (x.end - x.begin, abs(x.trigger_start - u.trigger_start)))
        u.take_date(d, "coreference")
        u.cues["election_of"] = d
    # "an election in June" ... "the election slated for June 25": the day tells the month's
    # election more finely -- one election, when no other dated one of the article fits
    for u in dated:
        wider = [
            d
            for d in dated
            if d is not u
            and d.begin <= u.begin
            and u.end <= d.end
            and (u.end - u.begin) < (d.end - d.begin)
            and _fits(u, d)
        ]
        if len(wider) == 1 and "election_of" not in wider[0].cues:
            u.cues["election_of"] = wider[0]


# ------------------------------------------------------------------ its candidates

#: Nouns of one who stands in an election ("a candidate for the election", "the winner
#: of the runoff").
CANDIDATE_NOUNS = frozenset(
    [
        *("candidate", "candidacy", "frontrunner", "front-runner", "nominee", "contender"),
        *("challenger", "runner-up", "winner", "loser", "hopeful", "victor"),
    ]
)
#: Nouns of the contest an election noun can qualify ("the election race").
_CONTESTS = frozenset(["race", "contest", "campaign", "bid", "battle", "fight"])
#: Prepositions that tie a candidate noun or a verb of running to its election.
_CANDIDATE_PREPS = frozenset(["for", "in", "of"])
#: Verbs whose subject stands in the election their "in" / "for" object names ("ran in
#: the 2012 election", "stood for re-election").
_RUNNING = frozenset(
    [
        *("run", "stand", "compete", "campaign", "win", "lose", "beat", "defeat", "trail"),
        *("face", "edge", "lead", "challenge"),
    ]
)
#: Verbs whose subject stands in the election their object names ("won the election",
#: "contested the poll", "sought re-election").
_STANDING = frozenset(["win", "lose", "contest", "seek", "face", "survive", "avoid", "fight"])
#: Verbs whose object is a rival in the election ("beat Ruiz in the election", "trailed
#: Ruiz in the primary").
_BEATING = frozenset(["beat", "defeat", "trail", "face", "edge", "lead", "challenge"])


def _rivals(verb: Token) -> list[Token]:
    """The other side of a contest a verb tells: "beat Ruiz", "lost the election to
    Ruiz"."""
    lemma = verb.lemma_.lower()
    out = [c for c in verb.children if c.dep_ in ("dobj", "obj") and lemma in _BEATING]
    if lemma == "lose":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                out += [o for o in c.children if o.dep_ == "pobj"]
    return [t for t in out if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP")]


def _verb_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, a subject shared through "and" ("ran and won") and the
    noun a relative clause hangs on ("Vale, who ran in the election"), and the rivals it
    names ("beat Ruiz", "lost to Ruiz")."""
    return _subjects_of(verb) + _rivals(verb)


def _subjects_of(verb: Token) -> list[Token]:
    node = verb
    for _ in range(3):
        subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            if subs[0].lower_ in ("who", "that") and node.dep_ == "relcl":
                return [node.head]
            return subs
        if node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head  # "became an independent after losing the primary"
            continue
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            break
        node = node.head
    return []


#: Verbs that keep their complement from happening ("declined to run").
_REFUSING = frozenset(["decline", "refuse", "rule", "forgo"])


def _not_running(verb: Token) -> bool:
    """True when a verb of running is denied or left open: "would not run in the
    election", "declined to seek re-election", "weighing whether to run"."""
    node = verb
    for _ in range(3):
        kids = list(node.children)
        if any(c.dep_ == "neg" for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in kids):
            return True
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _REFUSING:
            return True
    return False


def _candidate_noun_holders(noun: Token) -> list[Token]:
    """Who a candidate noun names: the name it is in apposition with ("Vale, a candidate
    for ..."), the name in apposition with it ("the frontrunner in ..., Vale"), the
    subject it is predicated of or the name predicated of it ("Vale is a candidate in
    ...", "the only candidate for ... is Vale", "Vale ran as a candidate in ..."), its
    possessor ("Vale's candidacy"), or the name it is a title of
    ("presidential candidate Ana Vale")."""
    out = [c for c in noun.children if c.dep_ in ("appos", "poss")]
    if noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN"):
        out.append(noun.head)  # "Vale, a candidate", "candidate Vale"
    elif noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
        out += _verb_subjects(noun.head)
    elif noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
        out += [c for c in noun.head.children if c.dep_ == "attr"]  # "the candidate is Vale"
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
        out += _verb_subjects(noun.head.head)
    return [t for t in out if t.pos_ in ("PROPN", "NOUN")]


def candidate_heads(trig: Token) -> list[Token]:
    """Heads of the phrases naming who stands in the election ``trig`` names.

    A candidate takes part in an election: "Ana Vale, an opposition candidate for the
    presidential election", "the frontrunner in Sunday's election, Ana Vale", "Vale is
    a candidate in the election", "Vale ran in the 2012 election", "stood for
    re-election", "won the election", "contested the poll"; else the person whose
    election it is ("Vale's re-election campaign", "her re-election bid", "Vale's
    election in 2012").  Voters and those who call
    or hold it are not candidates: "voted in the election" and "called the election"
    name nobody here.

    Parameters
    ----------
    trig : spacy.tokens.Token
        An election noun.

    Returns
    -------
    list of spacy.tokens.Token
        The heads (conjuncts and appositions are the caller's to expand).
    """
    if trig.pos_ not in ("NOUN", "PROPN"):
        return []
    node = trig
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "in the primary and the general election"
    if node.dep_ == "compound" and node.head.lemma_.lower() in _CONTESTS:
        node = node.head  # "won the general election race"
    # the possessor of the noun, or of a word of its compound ("his re-election bid",
    # where the parser hangs "his" on "re")
    holders = [node, *(c for c in node.children if c.dep_ == "compound")]
    owners = [
        c
        for h in holders
        for c in h.children
        if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or his_or_her(c))
    ]
    first = min(h.left_edge.i for h in holders)
    if not owners and first > 0 and his_or_her(node.doc[first - 1]):
        owners = [node.doc[first - 1]]  # "suspended her re-election campaign", "her" misread
    found = _by_its_clause(node)
    # "Vale's re-election campaign": the one whose election it is, when the clause
    # names no candidate otherwise
    return found if found else owners


def _by_its_clause(node: Token) -> list[Token]:
    """Candidates of the election noun ``node`` read off the clause it stands in."""
    gov = node.head
    if node.dep_ in ("dobj", "obj") and gov.lemma_.lower() in _STANDING:
        return [] if _not_running(gov) else _verb_subjects(gov)
    if node.dep_ != "pobj" or gov.lower_ not in _CANDIDATE_PREPS:
        return []
    holder = gov.head
    if holder.i == gov.i:
        return []
    if (
        holder.pos_ == "NOUN"
        and holder.lemma_.lower() not in CANDIDATE_NOUNS
        and holder.dep_ == "pobj"
        and holder.head.lower_ in ("for", "as")
    ):
        holder = holder.head.head  # "running for president in the election"
    elif holder.dep_ in ("dobj", "obj") and holder.head.lemma_.lower() in _BEATING:
        holder = holder.head  # "trailed Ruiz in the election", the phrase hung on Ruiz
    lemma = holder.lemma_.lower()
    if holder.pos_ == "VERB" and lemma in _RUNNING and gov.lower_ != "of":
        return [] if _not_running(holder) else _verb_subjects(holder)
    if holder.pos_ == "NOUN" and lemma in CANDIDATE_NOUNS:
        # "the frontrunner in Sunday's election, Ana Vale": a name the parse hangs on
        # the election is the candidate's -- an election is no person
        named = [c for c in node.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return _candidate_noun_holders(holder) + named
    if holder.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in CANDIDATE_NOUNS for c in holder.children
    ):
        return [holder]  # "opposition candidate Ana Vale in the election"
    return []


# ------------------------------------------------------------------ a fixed calendar

#: Words that place an election in the United States ("the U.S. election").
_US_WORDS = frozenset(["u.s.", "us", "american", "america", "united", "states"])
#: Kinds of the federal elections the United States holds every two years.
_PRESIDENTIAL = frozenset(["presidential", "general", "national", "federal"])
_MIDTERM = frozenset(["midterm", "congressional"])
#: Words that make an election the coming one ("the upcoming election").
_COMING = frozenset(["upcoming", "next", "coming", "forthcoming", "approaching"])
#: How close to an election a story is about that one ("the presidential election", told
#: in the weeks before or after it).
_CAMPAIGN_DAYS = 100
#: Verbs whose "for the election" looks ahead ("prepare for the election").
_AHEAD_VERBS = frozenset(["prepare", "campaign", "run", "gear", "ready", "plan", "fundraise"])


def us_election_day(year: int) -> pd.Timestamp:
    """The day of the United States' federal elections of ``year``.

    Parameters
    ----------
    year : int
        An even year.

    Returns
    -------
    pandas.Timestamp
        The Tuesday after the first Monday of November (fixed by federal law since
        1845), at midnight UTC.

    Examples
    --------
    >>> str(us_election_day(2016).date())
    '2016-11-08'
    """
    d = pd.Timestamp(year=year, month=11, day=2, tz="UTC")
    return d + pd.Timedelta(days=(1 - d.weekday()) % 7)


def _direction(e: Event) -> tuple[str, bool]:
    """Whether an election mention looks back ("past") or ahead ("coming"), or neither
    (""), and whether a word of its own says so ("the next election", "since the
    election") rather than the tense of the clause around it."""
    trig = e.trigger
    kids = {c.lower_ for c in trig.children}
    head = trig.head
    if kids & _COMING:
        return "coming", True  # "the next election", "the upcoming election"
    if kids & BEFORE_WORDS or head.lower_ in ("since", "after"):
        return "past", True  # "the last election", "since the election"
    if head.lower_ == "of" and head.head.lower_ in ("ahead", "advance"):
        return "coming", False  # "ahead of the election"
    if head.lower_ == "for" and head.head.lemma_.lower() in _AHEAD_VERBS:
        return "coming", False  # "prepare for the presidential election"
    tense = e.cues.get("tense")
    if tense == "future":
        return "coming", False
    if tense == "past":
        return "past", False  # "interfered in the election"
    return "", False


def _federal_day(
    kinds: set[str], direction: str, explicit: bool, anchor: pd.Timestamp
) -> pd.Timestamp | None:
    """The federal election a mention means, seen from the publication day ``anchor``.

    Parameters
    ----------
    kinds : set of str
        The mention's kind words ("presidential", "midterm"); empty for "the election".
    direction : str
        "past", "coming" or "" (see :func:`_direction`).
    explicit : bool
        A word of the mention gives the direction ("next", "last", "since"): it decides.
        Otherwise an election of the mention's kind within :data:`_CAMPAIGN_DAYS` of
        publication is the one a story is about, whatever the tense around it
        ("accounts set up to disrupt the midterm elections", weeks before them).
    anchor : pandas.Timestamp
        The publication day (tz-aware).

    Returns
    -------
    pandas.Timestamp or None
        The election day, or None when the mention could be two elections: a bare "the
        election" means the most recent (or next) federal election only when that one
        is presidential -- after a midterm, it could be the midterm or the presidential
        one before it, and it stays undated.
    """
    first = anchor.year - 4 - anchor.year % 2  # federal elections fall in even years
    days = [us_election_day(y) for y in range(first, first + 10, 2)]
    before = [d for d in days if d < anchor]
    after = [d for d in days if d >= anchor]
    if explicit:
        pool = before if direction == "past" else after
    else:
        near = [d for d in days if abs((d - anchor).days) <= _CAMPAIGN_DAYS]
        if kinds & _MIDTERM:
            near = [d for d in near if d.year % 4 == 2]
        elif kinds & _PRESIDENTIAL:
            near = [d for d in near if d.year % 4 == 0]
        if len(near) == 1:
            if not kinds and near[0].year % 4 == 2:
                return None  # "the election" weeks from a midterm: it or the presidential one
            return near[0]
        pool = before if direction == "past" else after if direction == "coming" else []
    if not pool:
        return None
    ordered = pool[::-1] if direction == "past" else pool
    if kinds & _MIDTERM:
        return next((d for d in ordered if d.year % 4 == 2), None)
    if kinds & _PRESIDENTIAL:
        return next((d for d in ordered if d.year % 4 == 0), None)
    # "the election": the nearest federal election in that direction, if presidential
    return ordered[0] if ordered[0].year % 4 == 0 else None


#: Premodifiers that leave an election the federal one ("the bitter presidential race").
_FEDERAL_WORDS = _PRESIDENTIAL | _MIDTERM | _US_WORDS


def _federal(e: Event) -> bool:
    """True when nothing in the mention makes it another election than a federal one: no
    possessor ("his election", "Thursday's election"), no "of"/"as" phrase ("the
    election of Ed Roe", "her election as speaker"), no other kind ("the recall
    election", "the special election") or country."""
    trig = e.trigger
    for c in trig.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "as", "to", "for")):
            return False
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < trig.i:
            low = c.lower_
            if low in _FEDERAL_WORDS:
                continue
            if c.tag_.startswith("NN") or low in ELECTION_KINDS or c.ent_type_:
                return False
    return True


def date_by_calendar(
    events: list[Event], anchor_day: pd.Timestamp | None, country: str | None
) -> None:
    """Date a federal election of the United States that the article names without a date
    by the fixed calendar of those elections (``time_source`` "calendar").

    "Interfered in the election", "the upcoming presidential election", "the midterms":
    the election of that kind near publication, else the last one or the next one as the
    mention says (:func:`_federal_day`).  Only for an article about the United States,
    and never for an election of another kind ("the primary", "the leadership
    election"), of another country ("the Israeli elections") or of one person ("his
    election"); other countries' elections have no fixed day.  Later mentions of the
    same calendar election carry ``cues["election_of"]`` so that the article keeps it
    once.

    Parameters
    ----------
    events : list of Event
        The events of one article; changed in place.
    anchor_day : pandas.Timestamp or None
        The publication day; nothing is dated without it.
    country : str or None
        ISO code of the country most of the article's actors belong to.
    """
    if country != "US" or is_na(anchor_day):
        return
    anchor = pd.Timestamp(anchor_day)
    if anchor.tzinfo is None:
        anchor = anchor.tz_localize("UTC")
    first_of: dict[pd.Timestamp, Event] = {}
    for e in sorted(events, key=lambda x: x.trigger_start):
        if e.etype.family != "election" or e.time_source != "none" or e.status == "denied":
            continue
        if e.cues.get("election_unsure"):
            continue  # the article's own dates leave it open
        lemma = e.trigger.lemma_.lower()
        if lemma not in ("election", "midterm") or not _particular(e) or not _federal(e):
            continue
        kinds, where = _election_words(e)
        if lemma == "midterm":
            kinds = kinds | {"midterm"}  # "the midterms"
        if where - _US_WORDS or kinds - _PRESIDENTIAL - _MIDTERM:
            continue
        if e.trigger.tag_ == "NNS" and not kinds & _MIDTERM:
            continue  # "the elections" of a national story: which ones is not said
        d = _federal_day(kinds, *_direction(e), anchor)
        if d is None:
            continue
        e.begin, e.end, e.precision, e.time_source = d, d + DAY, "day", "calendar"
        # the same election named again in the article is one event
        e.cues["election_of"] = first_of.setdefault(d, e)
        if e.cues["election_of"] is e:
            del e.cues["election_of"]
