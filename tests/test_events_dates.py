"""Dates the text states through another date, an occasion or a quote (invented texts; the
timexes are the tagger's own, so the tests run the whole chain from the words)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import PUB, SURFACES, _extract, _small
from test_events_sources import _opening_quote

from analysis.timex import NO_ANTECEDENT, tag_text, tag_timexes


def _events(spacy_nlp, text: str, published=PUB, quote_speaker: str | None = None):
    frames = _small(spacy_nlp, text, SURFACES, published=published)
    frames["timexes"] = tag_timexes(frames["articles"], frames["sentences"])
    if quote_speaker is not None:
        frames["quotes"] = _opening_quote(text, quote_speaker)
    return _extract(frames, link=False)


def _one(events: pd.DataFrame, type_: str, *actors: str) -> pd.Series:
    rows = events[
        events["type"].eq(type_) & events["participants"].map(lambda ps: set(actors) <= set(ps))
    ]
    assert len(rows) == 1, events[["type", "trigger", "participants", "begin"]]
    return rows.iloc[0]


def _day(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz="UTC")


# ------------------------------------------------ "the same day", "the next day", ...
FIRST = "Vladimir Putin met Kim Jong Un on March 3. "


@pytest.mark.parametrize(
    ("second", "begin", "precision"),
    [
        ("The same day, Donald Trump met Mike Pompeo.", "2019-03-03", "day"),
        ("That day, Donald Trump met Mike Pompeo.", "2019-03-03", "day"),
        ("Later that day, Donald Trump met Mike Pompeo.", "2019-03-03", "day"),
        ("The next day, Donald Trump met Mike Pompeo.", "2019-03-04", "day"),
        ("The day before, Donald Trump had met Mike Pompeo.", "2019-03-02", "day"),
        # 3 March 2019 is a Sunday: the week from Monday 25 February
        ("The same week, Donald Trump met Mike Pompeo.", "2019-02-25", "week"),
        # "the same day" that a clause defines is the antecedent's day as well
        ("The talks came the same day Donald Trump met Mike Pompeo.", "2019-03-03", "day"),
    ],
)
def test_an_anaphoric_day_is_the_day_told_before(spacy_nlp, second, begin, precision):
    ev = _one(_events(spacy_nlp, FIRST + second), "meeting", "kb:donald_trump")
    # "later that day" is its second half: the day is the same
    assert (ev["begin"].normalize(), ev["precision"]) == (_day(begin), precision)
    assert ev["time_source"] == "timex"


def test_the_same_day_after_a_year_is_a_day_of_that_year(spacy_nlp):
    text = "Vladimir Putin met Kim Jong Un in 2018. The same day, Donald Trump met Mike Pompeo."
    ev = _one(_events(spacy_nlp, text), "meeting", "kb:donald_trump")
    assert (ev["begin"], ev["end_date"], ev["precision"]) == (
        _day("2018-01-01"),
        _day("2019-01-01"),
        "year",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The same day, Donald Trump met Mike Pompeo.",
        "Donald Trump met Mike Pompeo the same day North Korea fired a missile.",
        "That same week, Donald Trump met Mike Pompeo.",
    ],
)
def test_an_anaphoric_day_without_a_date_before_it_leaves_the_event_undated(spacy_nlp, text):
    # not the day of publication: the text never says which day it points back to
    ev = _one(_events(spacy_nlp, text), "meeting", "kb:donald_trump")
    assert pd.isna(ev["begin"]) and ev["time_source"] == "none"


def test_the_tagger_reads_the_same_day_before_a_clause_and_marks_a_missing_antecedent():
    found = tag_text("Talks began on May 3, 2019. The vote came the same day Bexley voted.", PUB)
    same = [t for t in found if t.text == "the same day"]
    assert len(same) == 1 and same[0].value == "2019-05-03"
    lone = tag_text("The same day, Bexley voted.", PUB)
    assert [(t.value, t.reason) for t in lone] == [("2019-04-22", NO_ANTECEDENT)]
    week = tag_text("That same week, Bexley voted.", PUB)
    assert [t.reason for t in week] == [NO_ANTECEDENT]
    year = {t.text: t for t in tag_text("Talks began in 2017. The same day, Bexley voted.", PUB)}
    t = year["The same day"]
    assert (t.value, t.begin.year, t.end_date.year, t.precision) == (
        "2017-XX-XX",
        2017,
        2018,
        "year",
    )


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("The previous evening", "2019-05-02TEV"),
        ("The same evening", "2019-05-03TEV"),
        ("That same night", "2019-05-03TNI"),
        ("The next morning", "2019-05-04TMO"),
    ],
)
def test_a_part_of_the_day_told_before_is_of_that_day(words, value):
    told = {t.text: t for t in tag_text(f"Talks began on May 3, 2019. {words}, Bexley voted.", PUB)}
    assert (told[words].value, told[words].reason) == (value, None)
    # with no day told before, the anchor's day is only a guess, and says so
    lone = {t.text: t for t in tag_text(f"{words}, Bexley voted.", PUB)}
    assert lone[words].reason == NO_ANTECEDENT


# ------------------------------------------------ an event noun as the occasion of an act
@pytest.mark.parametrize(
    ("text", "begin"),
    [
        # the date on the verb, the event in the infinitive's phrase
        ("Russia voted on March 12, 2014, to join the customs pact in a referendum.", "2014-03-12"),
        # the phrase on the verb's object, where the parser may hang it
        ("On Sunday, voters in Russia cast their ballots in the presidential election.", None),
    ],
)
def test_an_election_held_at_a_dated_vote_takes_its_date(spacy_nlp, text, begin):
    ev = _events(spacy_nlp, text)
    row = ev[ev["type"].eq("election")]
    assert len(row) == 1, ev[["type", "trigger", "begin"]]
    want = _day(begin) if begin else _day("2019-04-21")  # the Sunday before publication
    assert (row.iloc[0]["begin"], row.iloc[0]["precision"]) == (want, "day")
    assert row.iloc[0]["status"] == "occurred"  # what is voted in is held, not planned


def test_a_summit_at_which_one_speaks_takes_the_day_of_the_speech(spacy_nlp):
    ev = _one(_events(spacy_nlp, "Vladimir Putin spoke on Friday at the summit."), "meeting")
    assert ev["begin"] == _day("2019-04-19")


def test_an_event_that_sets_another_act_does_not_take_the_date_of_a_third(spacy_nlp):
    # the decisions were taken at the summit; Friday is the criticism's day
    text = "On Friday Donald Trump criticised the decisions taken at the summit with Kim Jong Un."
    ev = _events(spacy_nlp, text)
    summit = ev[ev["type"].eq("meeting")]
    assert len(summit) == 1 and pd.isna(summit.iloc[0]["begin"]), summit[["trigger", "begin"]]


# ------------------------------------------------ complements of knowing and disputing
@pytest.mark.parametrize(
    "text",
    [
        "The two clerks denied the charge on Monday, though they do not dispute they met Kim Jong Un.",
        "Mike Pompeo learned on Friday that Kim Jong Un had met Vladimir Putin.",
        "On Friday Mike Pompeo doubted that Kim Jong Un met Vladimir Putin.",
    ],
)
def test_what_one_knows_or_disputes_is_not_dated_by_the_knowing(spacy_nlp, text):
    ev = _one(_events(spacy_nlp, text), "meeting", "kb:kim_jong_un")
    assert pd.isna(ev["begin"]), ev[["trigger", "begin"]]


# ------------------------------------------------ adjectives of phase
@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        (
            "The ongoing talks between Vladimir Putin and Kim Jong Un could collapse.",
            "meeting",
            "occurred",
        ),
        (
            "Donald Trump wants to end the current negotiations with Kim Jong Un.",
            "talks",
            "occurred",
        ),
        ("Observers will monitor the ongoing election campaign in Russia.", "election", "occurred"),
        (
            "The continuing talks between Putin and Kim will decide the matter.",
            "meeting",
            "occurred",
        ),
        ("The upcoming election campaign in Russia is tense.", "election", "planned"),
        ("The forthcoming talks between Putin and Kim are important.", "meeting", "planned"),
    ],
)
def test_an_adjective_of_phase_tells_whether_the_event_has_begun(spacy_nlp, text, type_, status):
    ev = _events(spacy_nlp, text)
    rows = ev[ev["type"].eq(type_)]
    assert len(rows) == 1, ev[["type", "trigger", "status"]]
    assert rows.iloc[0]["status"] == status


# ------------------------------------------------ a period named inside a quote
@pytest.mark.parametrize(
    ("said_on", "year"),
    [
        ("December 30, 2018", "2018"),  # said in the year before the printing's
        ("January 1, 2019", "2019"),
    ],
)
def test_this_year_in_a_quote_is_the_year_it_was_said(spacy_nlp, said_on, year):
    text = f'"Kim Jong Un and I will meet this year," Vladimir Putin said on {said_on}.'
    ev = _events(spacy_nlp, text, published=_day("2019-01-02"), quote_speaker="kb:vladimir_putin")
    row = _one(ev, "meeting", "kb:kim_jong_un")
    assert (row["begin"], row["precision"]) == (_day(f"{year}-01-01"), "year")
