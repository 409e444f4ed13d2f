"""When a saying without a date of its own was made: the article's narrative.

A news report tells its story's day once, in the lead, and goes on without repeating
it.  :func:`date_statements` dates the sayings that carry no timex of their own: the
present of the day ("says") takes the publication day; a past saying takes the day of
the occasion it continues (the same speaker's last dated words, "..., he added", "at the
same briefing") or the story's day (:func:`news_day`) where it belongs to the story of
that day; a reaction in writing of someone the lead does not name, a perfect of earlier
words, words not made ("did not respond") and the words of an undated interview or
document stay undated.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from spacy.tokens import Token

from ..lexicon.documents import (
    DOCUMENTS,
    EARLIER_WORDS,
    MESSAGES,
    OCCASIONS,
    SPEAKING_OCCASIONS,
    WRITINGS,
)
from ..lexicon.speech import RESPONDING_WORDS
from . import syntax
from .model import DAY, Event, Span, day, is_na
from .scope import in_quote
from .timing import _EARLIER, _ISSUING_VERBS, _RELATING_WORDS, _SUBJECTS, perfect

__all__ = [
    "SPEAKING_OCCASIONS",
    "SPEAKING_VERBS",
    "answered",
    "continues",
    "date_statements",
    "news_day",
    "of_the_day",
    "placed_at",
    "questioned",
    "quoted_words",
    "speaking_occasion",
    "story_day_sentences",
]


#: Timex rules that name no day of the news ("now", "currently", "these days").
_NOT_A_NEWS_DAY = frozenset(["ref"])


def news_day(timexes: list[dict] | None, anchor_day, title_end: int = 0, back: int = 3):
    """The day the article's story happens: the first day the body names ("on Tuesday",
    "yesterday", "March 3") that falls on the publication day or up to ``back`` days
    before it.  ``None`` when the body names no such day -- a feature, an analysis, an
    interview of unstated date -- and then a past saying without its own date is not
    dated at all."""
    if is_na(anchor_day):
        return None
    for r in sorted(timexes or (), key=lambda r: int(r["start"])):
        if int(r["start"]) < title_end or r.get("rule") in _NOT_A_NEWS_DAY:
            continue
        if str(r.get("precision")) not in ("day", "time") or is_na(r.get("begin")):
            continue
        d = day(r["begin"])
        if 0 <= (anchor_day - d).days <= back:
            return d
    return None


def story_day_sentences(timexes: list[dict] | None, news: pd.Timestamp | None) -> set[int]:
    """Sentence ids of the timexes that name the story's day ``news``.

    Parameters
    ----------
    timexes : list of dict or None
        The article's rows of the "timexes" frame.
    news : pandas.Timestamp or None
        The story's day (:func:`news_day`).

    Returns
    -------
    set of int
    """
    if news is None:
        return set()
    return {
        int(r["sentence_id"])
        for r in timexes or ()
        if str(r.get("precision")) in ("day", "time")
        and not is_na(r.get("begin"))
        and day(r["begin"]) == news
    }


def of_the_day(trig) -> bool:
    """A saying told in the present ("says", "insist", "are urging") is the article's
    news of its publication day.  The perfect ("has confirmed", "has called for") tells
    an act before the day at a time it does not say: it is the story's day only where the
    narrative sets it (the lead), see :func:`date_statements`."""
    if trig.tag_ in ("VBZ", "VBP"):
        return True
    # "are urging", "is saying": the present of the day
    return trig.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in trig.children
    )


def _describes_a_document(trig) -> bool:
    """A participle that tells what a noun says ("a memo urging him to resign", "a
    petition demanding a vote"): the words are the document's, dated as the act that
    issued it -- "sent a memo urging" is told with the story, "who drafted a memo
    urging" tells of an earlier or unstated day."""
    if not (trig.dep_ == "acl" and trig.tag_ == "VBG" and trig.head.pos_ == "NOUN"):
        return False
    noun = trig.head
    if noun.lemma_.lower() not in DOCUMENTS:
        return False  # "conservatives calling for": people, who speak in the story
    gov = noun.head
    if noun.dep_ not in ("dobj", "obj", "nsubjpass") or gov.pos_ not in ("VERB", "AUX"):
        return True
    return perfect(gov)


#: Verbs of words put in writing ("wrote", "tweeted", "posted").
_WRITING_VERBS = frozenset(["write", "tweet", "post", "email", "e-mail", "text"])


def _in_writing(trig) -> bool:
    """True for words given in writing: a verb of writing, or a saying placed in a
    message ("said in a statement", "said in an email", "told X in a letter")."""
    if syntax._lemma(trig) in _WRITING_VERBS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "via", "through")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in MESSAGES for o in c.children)
        for c in trig.children
    )


#: Verbs of which a statement noun is the words said then ("made remarks", "read a
#: statement", "had a message for"), beside those that issue it.
_SAYING_NOUN_VERBS = frozenset(["read", "have", "hold", "put", "offer", "express", "voice"])
#: Prepositions that tie words to the answer they get ("apologized for the post",
#: "in response to his remarks").
_ANSWERED_BY = frozenset(["to", "for", "about", "over", "on", "at"])


def answered(trig) -> bool:
    """True for words named as what another act answers or handles: "downplayed her
    remarks", "apologized for the post", "in response to his comments", "drafted his
    statement".  They were said at another time than that act, which the narrative
    does not give: a statement noun that is the object of a verb or noun of
    :data:`~analysis.lexicon.speech.RESPONDING_WORDS`, or of any verb that does not
    issue the words ("issued a statement", "made remarks").

    Parameters
    ----------
    trig : spacy.tokens.Token
        The trigger of a saying.

    Returns
    -------
    bool
    """
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trig.head
    if trig.dep_ == "pobj" and head.lower_ in _ANSWERED_BY:
        head = head.head
    elif trig.dep_ in ("dobj", "obj") and syntax._is_verb(head):
        # "drafted his statement", "repeated his false statements": an act on words
        # said at another time -- unlike "issued a statement", which says them
        return syntax._lemma(head) not in _ISSUING_VERBS | _SAYING_NOUN_VERBS
    else:
        return False
    return head.i != trig.i and head.lemma_.lower() in RESPONDING_WORDS


def _on_an_occasion(trig) -> bool:
    """True when a saying is placed in an interview, a book, a programme, a column or a
    report ("said in an interview", "told the Sunday programme", "wrote in an op-ed",
    "said in his report"): its day is that occasion's, which the story's day does not
    give."""
    for c in trig.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "on", "during")
            and any(
                o.dep_ == "pobj"
                and (
                    o.lemma_.lower() in OCCASIONS
                    or (c.lower_ == "in" and o.lemma_.lower() in WRITINGS)
                )
                for o in c.children
            )
        ):
            return True
        if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in OCCASIONS:
            return True
    return False


#: Pronouns that take up the speaker of the saying before ("..., he added").
_TAKE_UP = frozenset(["he", "she", "they"])
#: Sources of a saying's date that a saying continuing it may take; a present "says"
#: tells a standing view more often than an occasion, and gives none.
_OCCASION_SOURCES = frozenset(["timex", "narrative"])
#: Precisions of an occasion a saying may go on with: a day, or the month or year of
#: an interview told just before ("In an October 2012 interview, Vale said ...").
_OCCASION_PRECISION = frozenset(["day", "time", "month", "year"])


#: Verbs of saying that go on with words said before ("he added", "she concluded").
_GOING_ON = frozenset(["add", "continue", "conclude", "reiterate"])
#: Verbs that tell a speaker's public appearance, without being a saying themselves:
#: "spoke at the forum on Tuesday", "unveiled the plan on Wednesday".
SPEAKING_VERBS = frozenset(
    ["speak", "address", "unveil", "present", "brief", "outline", "appear", "lay"]
)
#: Adverbs that put a saying at some time, or many, that the story does not give.
_SOME_TIME = frozenset(
    [
        *("once", "previously", "formerly", "repeatedly", "often", "frequently", "always"),
        *("long", "occasionally", "sometimes", "routinely", "regularly", "usually"),
        *("typically", "constantly", "habitually"),
    ]
)


def _time_clauses(trig) -> set[str]:
    """The conjunctions of the adverbial clauses of time the saying is told in ("when she
    said she had learned of it" -> {"when"}, "after he said so" -> {"after"}): an
    occasion the sentence looks back on."""
    return {
        c.lower_
        for t in (trig, *trig.ancestors)
        if syntax._is_verb(t) and t.dep_ == "advcl" and syntax.same_paragraph(t, trig)
        for c in t.children
        if (c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "once"))
        or (c.dep_ == "advmod" and c.lower_ == "when")
    }


def _after_doing(trig) -> bool:
    """True for a saying told as a gerund after "after", "before" or "since" ("forced
    the shutdown on Friday after insisting that ..."): an act before or after the one
    the sentence dates, on a day it does not give."""
    return (
        trig.tag_ == "VBG"
        and trig.dep_ == "pcomp"
        and trig.head.lower_ in ("after", "before", "since")
    )


#: Nouns of a gap of a day or more ("two days after", "a week before").
_DAYS_AND_MORE = frozenset(["day", "days", "week", "weeks", "month", "months", "year", "years"])


def _days_from_another_time(trig) -> bool:
    """True when the saying's own clause (not its words) puts it days or more after or
    before another act: "two days before the vote, he said", "at a news conference a
    week after the report, she said" -- a day the story does not give."""
    # the verb, and the occasion it is placed at ("at a news conference a week after")
    preps = [c for c in trig.children if c.dep_ == "prep"]
    holders = [trig, *preps] + [g for c in preps for g in c.children if g.dep_ == "pobj"]
    for h in holders:
        for c in h.children:
            kids = list(c.children)
            # "a week after the report" hung on the week, or on "after"
            week_after = (
                c.dep_ == "npadvmod"
                and c.lower_ in _DAYS_AND_MORE
                and any(k.dep_ == "prep" and k.lower_ in ("after", "before") for k in kids)
            )
            after_days = (
                c.dep_ == "prep"
                and c.lower_ in ("after", "before")
                and any(k.dep_ == "npadvmod" and k.lower_ in _DAYS_AND_MORE for k in kids)
            )
            if week_after or after_days:
                return True
    return False


#: Adverbs that put a saying after the speaker's last dated words, on a day not given.
_AFTERWARDS = frozenset(["later", "subsequently", "afterward", "afterwards", "since"])
#: Verbs whose passive subject is questioned, and answers ("was asked on Tuesday").
_QUESTIONED = syntax.QUESTIONING_VERBS | frozenset(["interview"])
#: Verbs that make a speaking occasion of their object ("gave a speech", "held a briefing").
_GIVING_VERBS = frozenset(["give", "hold", "deliver", "make", "host"])


def speaking_occasion(tx: Span) -> object | None:
    """The verb that a day ``tx`` dates when it tells a speaker's public appearance --
    "spoke at the forum on Tuesday", "unveiled the plan on Wednesday", "gave a speech on
    Monday", "was asked on Tuesday whether ..." -- or None.  A saying told just after it goes on with that occasion
    (:func:`continues`): "Vale spoke on Tuesday. ... 'We will not yield,' he added."

    Parameters
    ----------
    tx : Span
        A timex of the article.

    Returns
    -------
    spacy.tokens.Token or None
        The verb, or None.
    """
    if str(tx.row.get("precision")) not in ("day", "time") or tx.row.get("type") not in (
        "DATE",
        "TIME",
    ):
        return None
    if str(tx.row.get("signal") or "").lower() in _RELATING_WORDS:
        return None  # "before the speech on Monday": another time
    n = tx.head
    while not syntax._is_verb(n):
        if n.head.i == n.i or n.lower_ in _RELATING_WORDS:
            return None
        n = n.head
    lemma = syntax._lemma(n)
    if lemma in SPEAKING_VERBS:
        return n
    if questioned(n):
        return n  # "Vale was asked on Tuesday whether ...": her answer comes next
    if lemma in _GIVING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEAKING_OCCASIONS for c in n.children
    ):
        return n
    if placed_at(n, SPEAKING_OCCASIONS):
        return n  # "defended the plan at a news conference on Wednesday", "attacked her
        # rival during Thursday's debate": whatever the verb, an appearance that day
    return None


def questioned(verb) -> bool:
    """True for a verb of questioning whose questioned one is named: "Vale was asked on
    Tuesday", "reporters pressed Vale on Tuesday" -- that one answers next."""
    if syntax._lemma(verb) not in _QUESTIONED:
        return False
    return any(
        c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.pos_ == "PROPN") for c in verb.children
    )


def placed_at(trig, nouns: frozenset[str]) -> list:
    """The nouns of ``nouns`` a saying is placed in, at or during ("said at the
    briefing", "wrote in his report").

    Parameters
    ----------
    trig : spacy.tokens.Token
        The verb of saying.
    nouns : frozenset of str
        Lemmas of the occasions or documents looked for.

    Returns
    -------
    list of spacy.tokens.Token
    """
    return [
        o
        for c in trig.children
        if c.dep_ == "prep" and c.lower_ in ("at", "during", "in")
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in nouns
    ]


def _at_the_same_occasion(trig) -> bool:
    """True for a saying placed at an occasion told before: "at the same press
    conference", "during the briefing", "later in the speech"."""
    for o in placed_at(trig, SPEAKING_OCCASIONS):
        dets = {d.lower_ for d in o.children if d.dep_ in ("det", "amod")}
        if "same" in dets or (dets & {"the", "that", "this"} and not _qualified(o)):
            return True
    return False


def _qualified(noun) -> bool:
    """A noun told with what makes it new ("the conference on Monday", "the briefing
    in Kyiv", "the speech he gave"): not a pointer back to an occasion already told."""
    return any(
        c.dep_ in ("prep", "relcl", "acl", "compound", "amod")
        for c in noun.children
        if c.lower_ != "same"
    )


def _negated(trig) -> bool:
    """True for a verb told as not done ("did not say"); a "not" of the quoted words
    ('"Absolutely not," he said') does not count."""
    doc = trig.doc
    for c in trig.children:
        if c.dep_ == "neg":
            lo, hi = sorted((c.i, trig.i))
            if not any(t.tag_ in ("``", "''") or t.text in '"“”' for t in doc[lo:hi]):
                return True
    return False


#: Verbs whose infinitive is a saying withheld ("declined to comment", "refused to say").
_WITHHOLDING = syntax.WITHHOLDING_VERBS | frozenset(["refuse"])


def _withheld(trig) -> bool:
    return trig.dep_ == "xcomp" and syntax._lemma(trig.head) in _WITHHOLDING


def _reported(trig) -> bool:
    """True for a saying told inside another's words ("said that Ruiz had warned")."""
    return any(
        syntax._is_verb(a)
        and syntax._lemma(a) in syntax.REPORTING_VERBS
        and syntax.same_paragraph(a, trig)  # a headline run into the lead reports nothing
        for a in trig.ancestors
    )


def _background_clause(t) -> bool:
    """A relative clause, or an adverbial clause with a subject or a conjunction of its
    own ("when Vale made remarks last week", "because she said ...") -- not a purpose
    ("held a briefing to explain") or a participle ("..., saying")."""
    if t.dep_ == "relcl":
        return True
    return t.dep_ in ("advcl", "acl") and any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in t.children
    )


def _in_subordinate_clause(trig) -> bool:
    """True for words told in a clause that gives the background of the sentence ("the
    plan, which Vale announced on Monday", "the row began when Vale made remarks last
    week"), not an occasion its speaker goes on with."""
    return any(
        _background_clause(t) and syntax.same_paragraph(t, trig)
        for t in (trig, *trig.ancestors)
        if syntax._is_verb(t)
    )


#: Adverbs that put a saying at another time than the one just told ("he later said",
#: "she once told").
_ANOTHER_TIME = frozenset(["later", "once", "since", "subsequently", "afterwards", "again"])


def _goes_on_from_a_period(trig, previous: Event, gap: int) -> bool:
    """Where ``previous`` is dated to a month or a year only ("In an October 2012
    interview, Vale said ..."), a saying goes on with it only in the next sentence, in a
    main clause, after one told in a main clause ("a session last month when he said"
    tells the background), and not at another time ("he later said")."""
    return (
        gap <= 1
        and not _in_subordinate_clause(trig)
        and not _in_subordinate_clause(previous.trigger)
        and not any(c.dep_ == "advmod" and c.lower_ in _ANOTHER_TIME for c in trig.children)
        and not _at_the_same_occasion(trig)  # "said at the news conference": that one's day
    )


def quoted_words(ev: Event, quoted: list[tuple[int, int]]) -> bool:
    """True when the trigger of ``ev`` stands inside quotation marks and inside the
    words of a direct quote (``quoted``: their offsets) -- both, since a quote split
    around "he said" spans its cue, and a stray mark unbalances the text's pairs.

    Parameters
    ----------
    ev : Event
        An event.
    quoted : list of (int, int)
        Offsets of the words of the article's direct quotes.

    Returns
    -------
    bool
    """
    return in_quote(ev.trigger) and any(a <= ev.trigger_start < b for a, b in quoted)


def _first_person(trig) -> bool:
    """True for a verb whose subject is the speaker himself ("I", "we")."""
    return (
        any(s.lower_ in ("i", "we") for s in syntax._subjects(trig))
        if syntax._is_verb(trig)
        else False
    )


def _subject_words(trig) -> set[str]:
    return {s.text.lower() for s in syntax._subjects(trig)} if syntax._is_verb(trig) else set()


def continues(ev: Event, previous: Event) -> bool:
    """True when the saying ``ev`` goes on with the dated saying just before it, on the
    same occasion: "Vale spoke on Tuesday. ... 'We will not yield,' he added", "At a
    press conference on Friday the minister announced the ban. She said ...".

    ``previous`` is the last saying told before ``ev`` (of any date; not one told inside
    another's words), or a dated appearance (:func:`speaking_occasion`).  The two belong
    to one occasion when ``ev`` is a verb in the simple past of the text's own (not "has
    said", "would not say", "repeatedly said", "said that he had warned"), in the next
    sentence or at most two sentences on in the same paragraph (any distance in it for
    "added", "continued", "concluded", "reiterated"), neither is denied, and its speaker
    is the one of ``previous``: a pronoun ("he", "she", "they") whose resolved person,
    if any, is not another speaker; the same subject word ("Vale said ... Vale added");
    or speakers all among those of ``previous``.  Another speaker's reaction ("Ruiz
    said ...") does not go on with it, unless it is placed at the occasion already told
    ("at the same press conference, Ruiz said", up to three sentences on).

    Parameters
    ----------
    ev : Event
        An undated saying.
    previous : Event
        The saying or appearance told last before it.

    Returns
    -------
    bool
    """
    if (
        previous.time_source not in _OCCASION_SOURCES
        or previous.precision not in _OCCASION_PRECISION
    ):
        return False
    if is_na(previous.begin) or previous.trigger.doc is not ev.trigger.doc:
        return False
    trig = ev.trigger
    if _reported(trig):
        return False  # "said on Tuesday that he had warned": an act the words tell
    gap = ev.sentence_id - previous.sentence_id
    if previous.precision not in ("day", "time") and not _goes_on_from_a_period(
        trig, previous, gap
    ):
        return False
    if _at_the_same_occasion(trig):
        return 0 <= gap <= 3  # "at the same press conference": whoever speaks
    if gap < 0 or (gap > 1 and not syntax.same_paragraph(previous.trigger, trig)):
        return False  # the next sentence, or a later one of the same paragraph
    if gap > 2 and syntax._lemma(trig) not in _GOING_ON:
        return False  # "..., he added" goes on with the paragraph's last saying
    if trig.tag_ != "VBD" or any(c.dep_ == "aux" for c in trig.children):
        return False  # "would not say", "did add": not the plain past of the occasion
    if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in trig.children):
        return False  # "repeatedly said": other times
    if _negated(trig) or _negated(previous.trigger):
        return False
    mine, theirs = set(ev.participants), set(previous.participants)
    words = _subject_words(trig)
    if words and words <= _TAKE_UP:
        if ev.etype.name != ev.etype.family:
            return True  # "she also demanded that X ...": X is whom she asks, not her
        return not mine or not theirs or bool(mine & theirs)
    if mine and theirs and mine.isdisjoint(theirs):
        return False
    if words and words == _subject_words(previous.trigger):
        return True
    return bool(mine) and mine <= theirs


def date_statements(
    events: list[Event],
    anchor_day: pd.Timestamp | None,
    news: pd.Timestamp | None,
    episode: set[int] | frozenset[int] = frozenset(),
    lead: int = -1,
    occasions: list[Event] = (),
    lead_actors: set[str] | frozenset[str] = frozenset(),
    quoted: list[tuple[int, int]] = (),
    to_an_outlet: Callable[[Token], bool] = lambda trig: False,
) -> None:
    """Date the sayings that have no date of their own, in text order.

    * present tense ("says", "are urging"): the publication day (``time_source``
      "publication");
    * past or the perfect of news ("said", "told reporters", "has confirmed"): the day the
      article's narrative
      has set (``time_source`` "narrative") -- the last dated saying of the same speaker
      before it, else the story's :func:`news_day` when the saying belongs to the story
      of that day: the story is the publication day's own news, or the saying is in the
      lead, or its sentence or the one before names the story's day; before both, the
      day of the saying or appearance it goes on with (:func:`continues`: "..., he
      added").  A reaction told
      further down a report written days later ("the minister said the attack was ...")
      is undated: a reader cannot tell when it was said;
    * a perfect of earlier words ("has said he will not", "had warned"), a planned
      saying, words of an interview or a document of unstated day: undated.

    Parameters
    ----------
    events : list of Event
        The events of one article; changed in place.
    anchor_day : pandas.Timestamp or None
        The publication day.
    news : pandas.Timestamp or None
        The story's day (:func:`news_day`).
    episode : set of int
        Sentence ids whose timexes name the story's day (:func:`story_day_sentences`).
    lead : int
        The last sentence id of the lead.
    occasions : list of Event
        Dated appearances of a speaker that are no saying ("spoke at the forum on
        Tuesday", :func:`speaking_occasion`): a saying may go on with them; they are not
        dated here and not returned.
    lead_actors : set of str
        Actor ids the lead names.  In the day's own news, a saying in writing ("said in
        a statement", "wrote on Twitter") of someone else is a reaction whose day the
        text does not give: undated.
    quoted : list of (int, int)
        Offsets of the words of the article's direct quotes.  A saying told in them by
        someone else than the speaker ('"He told me so," Vale said') is undated: the
        day it was told is not the day of the quote.
    to_an_outlet : callable
        True for a verb of saying addressed to a news outlet ("an official told the
        Daily Post"): like words in writing, an exchange with the paper whose day the
        text does not give, undated for someone the lead does not name.
    """
    if is_na(anchor_day):
        return
    last_said: dict[str, pd.Timestamp] = {}
    # who the lead tells of: the story's own actors, whose later words go on with it
    in_lead = set(lead_actors) | {
        p for x in events if x.sentence_id <= lead for p in x.participants
    }
    # verbs of saying of the article: a conjunct of one shares its tense ("has accused
    # him and argued that ...")
    sayings = {(id(x.trigger.doc), x.trigger.i) for x in events if x.etype.family == "statement"}
    previous: Event | None = None  # the last saying before, dated or not
    shown = {id(o) for o in occasions}  # appearances: not dated here
    for e in sorted([*events, *occasions], key=lambda x: x.trigger_start):
        before = previous
        own = id(e) in shown or not _reported(e.trigger)  # not words told in another's
        if e.etype.family == "statement" and syntax._is_verb(e.trigger) and own:
            previous = e  # a saying of the text's own, not a request it mentions
        if (
            e.time_source == "none"
            and id(e) not in shown
            and e.etype.family == "statement"
            and not e.cues.get("planned")
            and not perfect(e.trigger)
        ):
            if _negated(e.trigger) or _withheld(e.trigger):
                continue  # "did not respond", "declined to comment": no occasion to date
            if not _first_person(e.trigger) and quoted_words(e, quoted):
                continue  # '"He told me so," Vale said': when Ruiz told him, not said
            if of_the_day(e.trigger):
                when, source = anchor_day, "publication"
            elif any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in e.trigger.children):
                continue  # "his earlier warnings", "her recent remarks": not the story's day
            elif any(c.dep_ == "advmod" and c.lower_ in _SOME_TIME for c in e.trigger.children):
                continue  # "she once told staffers", "he has often said": no one day
            elif _days_from_another_time(e.trigger):
                continue  # "a week after the report, she said": that day, not the story's
            elif _after_doing(e.trigger):
                continue  # "forced the shutdown after insisting ...": before that day
            elif (
                (clauses := _time_clauses(e.trigger))
                and e.sentence_id not in episode  # the sentence names the story's day
                and (clauses - {"when"} or not any(p in last_said for p in e.participants))
            ):
                # "after he said so", "statements she made when she said ...": a
                # background occasion (but "when she added" in a post dated just before
                # goes on with it)
                continue
            elif _describes_a_document(e.trigger):
                continue  # "a memo urging X": the memo's day, which is not said
            elif answered(e.trigger):
                continue  # "Pelosi downplayed Vale's remarks": words before the answer
            elif _on_an_occasion(e.trigger):
                continue  # "said in an interview": when the interview was, the text does not say
            else:
                told = [last_said[p] for p in e.participants if p in last_said]
                bearers = [e.trigger]
                if e.trigger.dep_ in ("advcl", "xcomp", "conj"):
                    bearers.append(e.trigger.head)  # "later posted an apology, saying"
                if syntax._lemma(e.trigger) not in _GOING_ON and any(
                    (c.dep_ == "advmod" and c.lower_ in _AFTERWARDS)
                    or (c.dep_ == "prep" and c.lower_ in ("after", "following"))
                    for b in bearers
                    for c in b.children
                ):
                    # "later said", "said after the speech": not the day of the
                    # speaker's last words ("added later" goes on with them)
                    told = []
                # the perfect ("has accused") tells an act before the day, the story's
                # own only where the lead or the sentence's day names it
                trig = e.trigger
                # "has accused him and argued": a conjunct without its own auxiliary
                # shares the perfect of the verb it is joined to
                shares = (
                    trig.dep_ == "conj"
                    and trig.tag_ != "VBG"  # "has alleged ... and threatening": no perfect
                    and (id(trig.doc), trig.head.i) in sayings
                    and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in trig.children)
                )
                # "has challenged the law, saying ...": a participle on a verb tells
                # its words at that verb's time, and takes its perfect
                participle = (
                    trig.dep_ in ("advcl", "xcomp")
                    and trig.tag_ == "VBG"
                    and syntax._is_verb(trig.head)
                    and not any(c.dep_ in _SUBJECTS for c in trig.children)
                )
                bearer = trig.head if shares or participle else trig
                has_done = any(
                    c.dep_ == "aux" and syntax._lemma(c) == "have" for c in bearer.children
                )
                in_story = (
                    # the day's news: its sayings, but a written reaction of someone the
                    # lead does not tell of ("a rival said in a statement") has no day
                    (
                        news == anchor_day
                        and not has_done
                        and (
                            bool(in_lead & set(e.participants))
                            or not (_in_writing(trig) or to_an_outlet(trig))
                        )
                    )
                    or e.sentence_id <= lead  # the lead tells the story's day
                    or bool({e.sentence_id, e.sentence_id - 1} & episode)
                    # a report of an earlier day's event (a debate, a hearing): the
                    # words of those the lead tells of are of that day
                    or (
                        news is not None
                        and news != anchor_day
                        and not has_done
                        and bool(in_lead & set(e.participants))
                        and not (_in_writing(trig) or to_an_outlet(trig))
                    )
                )
                when = told[-1] if told else (news if in_story else None)
                source = "narrative"
                if before is not None and continues(e, before):
                    if before.precision not in ("day", "time"):
                        e.take_date(before, source)  # "In a 2012 interview ... he added"
                        continue
                    when = day(before.begin)  # "..., he added": the same occasion
                    if id(before) in shown and not in_quote(trig):
                        # "Vale was asked on Monday ... Vale said": her answers of that
                        # day, which her next sayings go on with as after a dated one
                        for p in e.participants:
                            last_said[p] = when
            if when is not None and not is_na(when):
                e.begin, e.end, e.precision, e.time_source = when, when + DAY, "day", source
        if (
            e.time_source == "timex"
            and id(e) not in shown  # an appearance is no words a speaker keeps to
            and e.etype.family == "statement"
            and e.precision in ("day", "time")
            and not is_na(e.begin)
            # words of the text's own, not told inside another's or quoted ("we said yes"),
            # nor in a clause that tells the background ("which Vale announced Monday")
            and not _reported(e.trigger)
            and not _in_subordinate_clause(e.trigger)
            and not in_quote(e.trigger)
        ):
            for p in e.participants:
                last_said[p] = day(e.begin)
