"""Elections named twice in an article, and sayings of unnamed sources (invented texts)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_events import SURFACES, _extract, _small

MID_MAY = ("mid-May", 0, "DATE", "2019-05", None, "2019-05-11", "2019-05-21", "month")
Y2016 = ("2016", 0, "DATE", "2016", None, "2016-01-01", "2017-01-01", "year")
Y2020 = ("2020", 0, "DATE", "2020", None, "2020-01-01", "2021-01-01", "year")
FRIDAY = ("Friday", 0, "DATE", "2019-04-19", None, "2019-04-19", "2019-04-20", "day")


def _events(spacy_nlp, text, timexes=()) -> pd.DataFrame:
    return _extract(_small(spacy_nlp, text, SURFACES, list(timexes)))


def test_an_election_named_again_without_a_date_is_the_dated_one(spacy_nlp):
    text = (
        "The Borduvian elections are scheduled for mid-May. "
        "Donald Trump will visit Vladivostok. "
        "Analysts expect a close race in the Borduvian elections."
    )
    ev = _events(spacy_nlp, text, [MID_MAY])
    el = ev[ev["type"].eq("election")]
    assert len(el) == 1, el[["trigger", "begin", "sentence_ids"]]
    row = el.iloc[0]
    assert row["begin"] == pd.Timestamp("2019-05-11", tz="UTC")
    assert len(row["sentence_ids"]) == 2


def test_an_undated_election_that_could_be_two_dated_ones_stays_undated(spacy_nlp):
    text = (
        "Donald Trump won the 2016 election. "
        "He is campaigning for the 2020 election. "
        "Critics say foreigners meddled in the election."
    )
    ev = _events(spacy_nlp, text, [Y2016, Y2020])
    el = ev[ev["type"].eq("election")].sort_values("trigger_start")
    assert len(el) == 3, el[["trigger", "begin"]]
    assert pd.isna(el.iloc[2]["begin"])


def test_elections_of_another_kind_or_country_are_not_joined(spacy_nlp):
    text = (
        "The Hungarian presidential election is set for mid-May. "
        "Donald Trump spoke about the local elections. "
        "The Polish elections were also discussed."
    )
    ev = _events(spacy_nlp, text, [MID_MAY])
    el = ev[ev["type"].eq("election")].sort_values("trigger_start")
    assert len(el) == 3, el[["trigger", "begin"]]
    assert el["begin"].notna().sum() == 1


def test_an_unnamed_official_makes_a_statement_without_participants(spacy_nlp):
    text = (
        "A senior administration official told reporters on Friday that the summit would go ahead."
    )
    ev = _events(spacy_nlp, text, [FRIDAY])
    st = ev[ev["type"].eq("statement")]
    assert len(st) == 1, ev[["type", "trigger"]]
    assert list(st.iloc[0]["participants"]) == []
    assert st.iloc[0]["begin"] == pd.Timestamp("2019-04-19", tz="UTC")


def test_an_unnamed_source_is_not_the_speaker_named_before(spacy_nlp):
    text = (
        "Mike Pompeo said on Friday that the talks had failed. "
        "Sources said the summit would still go ahead."
    )
    ev = _events(spacy_nlp, text, [FRIDAY])
    st = ev[ev["type"].eq("statement")].sort_values("trigger_start")
    assert len(st) == 2, st[["trigger", "participants"]]
    assert list(st.iloc[0]["participants"]) == ["kb:mike_pompeo"]
    assert list(st.iloc[1]["participants"]) == []


def test_an_impersonal_saying_is_still_no_event(spacy_nlp):
    text = "It was said that the summit would go ahead. The report said the talks would be long."
    ev = _events(spacy_nlp, text)
    assert not ev["type"].eq("statement").any(), ev[["type", "trigger"]]


def _opening_quote(text: str, speaker: str, speaker_text: str | None = None) -> pd.DataFrame:
    """The "quotes" frame of a text that opens with a direct quote up to its first comma."""
    from analysis import schema

    end = text.index(",") + 2
    row = {
        "article_id": "t1",
        "sentence_id": 0,
        "start": 0,
        "end": end,
        "speaker": speaker,
        "speaker_text": speaker_text,
        "text": text[:end],
        "cue": "say",
        "kind": "direct",
        "via": None,
    }
    return schema.conform(pd.DataFrame([row]), "quotes")


def _quoted(spacy_nlp, text: str, speaker: str):
    frames = _small(spacy_nlp, text, SURFACES)
    frames["quotes"] = _opening_quote(text, speaker)
    return _extract(frames, link=False)


def test_a_speaker_telling_a_past_act_of_their_own_tells_it_as_done(spacy_nlp):
    ev = _quoted(
        spacy_nlp, '"Kim Jong Un and I met in the morning," Donald Trump said.', "kb:donald_trump"
    )
    met = ev[ev["type"].eq("meeting")]
    assert len(met) == 1 and met.iloc[0]["status"] == "occurred", met[["trigger", "status"]]


def test_a_speaker_telling_the_acts_of_others_reports_them(spacy_nlp):
    ev = _quoted(
        spacy_nlp, '"Kim Jong Un met Vladimir Putin in secret," Mike Pompeo said.', "kb:mike_pompeo"
    )
    met = ev[ev["type"].eq("meeting")]
    assert len(met) == 1 and met.iloc[0]["status"] == "reported", met[["trigger", "status"]]


def test_the_federal_election_day_of_the_united_states():
    from analysis.events.elections import us_election_day

    days = [us_election_day(y).strftime("%Y-%m-%d") for y in (2012, 2016, 2018, 2020)]
    assert days == ["2012-11-06", "2016-11-08", "2018-11-06", "2020-11-03"]


def _us_story(spacy_nlp, text: str, published: str) -> pd.DataFrame:
    frames = _small(spacy_nlp, text, SURFACES, published=pd.Timestamp(published, tz="UTC"))
    ev = _extract(frames, link=False)
    return ev[ev["type"].eq("election")]


def test_an_undated_us_election_is_dated_by_the_federal_calendar(spacy_nlp):
    # a story of July 2017 told about the past: the last presidential election
    el = _us_story(
        spacy_nlp,
        "Donald Trump and Mike Pompeo said that Russia interfered in the election.",
        "2017-07-10",
    )
    assert len(el) == 1
    assert el.iloc[0]["begin"] == pd.Timestamp("2016-11-08", tz="UTC")
    assert el.iloc[0]["time_source"] == "calendar"
    # weeks before a midterm, "the midterm elections" are the coming ones
    el = _us_story(
        spacy_nlp,
        "Donald Trump and Mike Pompeo said hackers had tried to disrupt the midterm elections.",
        "2018-10-02",
    )
    assert el.iloc[0]["begin"] == pd.Timestamp("2018-11-06", tz="UTC")


def test_an_election_the_calendar_cannot_tell_stays_undated(spacy_nlp):
    cases = [
        # weeks after a midterm, "the election" could be it or the last presidential one
        ("Donald Trump and Mike Pompeo said Russia interfered in the election.", "2019-01-10"),
        # another country's elections, a person's own election
        ("Donald Trump and Mike Pompeo discussed the Israeli elections.", "2017-07-10"),
        ("Donald Trump said Mike Pompeo would help with his election.", "2017-07-10"),
        # a story about the Russian government: no United States calendar
        ("Vladimir Putin and Dmitry Peskov said the election went well.", "2017-07-10"),
    ]
    for text, published in cases:
        el = _us_story(spacy_nlp, text, published)
        assert el["begin"].isna().all(), (text, el[["trigger", "begin", "time_source"]])


def test_yesterday_in_a_quote_counts_from_the_day_it_was_said(spacy_nlp):
    # printed on Monday 22 April; said on Sunday; "yesterday" is then Saturday
    text = '"Kim Jong Un met Vladimir Putin yesterday," Mike Pompeo said on Sunday.'
    yesterday = ("yesterday", 0, "DATE", "2019-04-21", None, "2019-04-21", "2019-04-22", "day")
    sunday = ("Sunday", 0, "DATE", "2019-04-21", None, "2019-04-21", "2019-04-22", "day")
    frames = _small(spacy_nlp, text, SURFACES, [yesterday, sunday])
    frames["timexes"]["rule"] = ["relday", "weekday"]
    frames["quotes"] = _opening_quote(text, "kb:mike_pompeo", "Mike Pompeo")
    ev = _extract(frames, link=False)
    met = ev[ev["type"].eq("meeting")]
    said = ev[ev["type"].eq("statement")]
    assert said.iloc[0]["begin"] == pd.Timestamp("2019-04-21", tz="UTC")
    assert met.iloc[0]["begin"] == pd.Timestamp("2019-04-20", tz="UTC"), met[["trigger", "begin"]]


def test_the_visit_named_before_its_visitor_is_the_article_s_one_visit(spacy_nlp):
    text = (
        "The visit has angered Seoul. "
        "Donald Trump will travel to Vladivostok next week, the Kremlin said."
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    visits = ev[ev["type"].eq("visit")]
    # one visit, Trump's, that the first sentence already mentions
    assert len(visits) == 1, visits[["trigger", "participants", "sentence_ids"]]
    assert list(visits.iloc[0]["participants"]) == ["kb:donald_trump"]
    assert 0 in list(visits.iloc[0]["sentence_ids"])


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a word of the mention decides over the nearness of an election
        (
            "Donald Trump and Mike Pompeo spoke about the next presidential election.",
            "2016-11-09",
            "2020-11-03",
        ),
        (
            "Donald Trump and Mike Pompeo spoke about the last presidential election.",
            "2016-11-07",
            "2012-11-06",
        ),
        # the country named in full, and "the midterms"
        (
            "Donald Trump and Mike Pompeo said Russia meddled in the United States presidential "
            "election.",
            "2017-07-10",
            "2016-11-08",
        ),
        (
            "Donald Trump and Mike Pompeo said hackers would target the midterms.",
            "2018-10-15",
            "2018-11-06",
        ),
    ],
)
def test_the_calendar_follows_the_mention_s_own_words(spacy_nlp, text, published, day):
    el = _us_story(spacy_nlp, text, published)
    assert len(el) == 1, el[["trigger", "begin"]]
    assert el.iloc[0]["begin"] == pd.Timestamp(day, tz="UTC")


def test_the_same_calendar_election_named_twice_is_one_event(spacy_nlp):
    el = _us_story(
        spacy_nlp,
        "Donald Trump said Russia interfered in the election. "
        "Mike Pompeo said the election was fair.",
        "2017-07-10",
    )
    assert len(el) == 1, el[["trigger", "begin", "sentence_ids"]]
    assert len(el.iloc[0]["sentence_ids"]) == 2


def test_after_a_midterm_the_election_is_left_undated(spacy_nlp):
    # the most recent federal election is a midterm: "the election" could be it or the
    # presidential one before it
    el = _us_story(
        spacy_nlp,
        "Donald Trump and Mike Pompeo said Russia interfered in the election.",
        "2019-06-10",
    )
    assert el["begin"].isna().all(), el[["trigger", "begin"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Donald Trump said he met Kim Jong Un in the spring.", "occurred"),
        ("Donald Trump claimed he met Kim Jong Un in the spring.", "reported"),
        ("Donald Trump falsely said he met Kim Jong Un in the spring.", "reported"),
    ],
)
def test_only_a_plain_saying_tells_the_speaker_s_own_act_as_done(spacy_nlp, text, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    met = ev[ev["type"].eq("meeting")]
    assert len(met) == 1 and met.iloc[0]["status"] == status, met[["trigger", "status"]]


def test_the_minister_is_not_an_anonymous_source(spacy_nlp):
    text = "Mike Pompeo arrived in Seoul. The minister said on Friday that the talks would resume."
    ev = _extract(_small(spacy_nlp, text, SURFACES, [FRIDAY]), link=False)
    st = ev[ev["type"].eq("statement")]
    assert not any(len(p) == 0 for p in st["participants"]), st[["trigger", "participants"]]


def test_a_calendar_dated_election_is_planned_or_past_by_its_day(spacy_nlp):
    # days after the vote, "the election" the networks called is past, not planned
    el = _us_story(
        spacy_nlp, "Donald Trump said the networks called the election too early.", "2020-11-07"
    )
    assert el.iloc[0]["begin"] == pd.Timestamp("2020-11-03", tz="UTC")
    assert el.iloc[0]["status"] == "occurred"
    el = _us_story(spacy_nlp, "Donald Trump said hackers would target the election.", "2020-10-20")
    assert el.iloc[0]["status"] == "planned"


@pytest.mark.parametrize(
    "text", ["A motion for snap elections failed.", "Their demand for early elections failed."]
)
def test_elections_someone_moved_for_are_planned(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    el = ev[ev["type"].eq("election")]
    assert len(el) == 1 and el.iloc[0]["status"] == "planned"


def test_election_day_is_the_day_of_the_article_s_dated_election(spacy_nlp):
    text = (
        "Vladimir Putin, a candidate for the presidential election to be held on August 9, "
        "spoke in Vladivostok. He asked voters to vote at the polls, not before election day."
    )
    timexes = [("August 9", 0, "DATE", "2019-08-09", None, "2019-08-09", "2019-08-10", "day")]
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes))
    el = ev[ev["type"].eq("election")]
    # one election, dated, named in both sentences
    assert len(el) == 1, el[["trigger", "begin", "sentence_ids"]]
    assert el.iloc[0]["begin"] == pd.Timestamp("2019-08-09", tz="UTC")
    assert list(el.iloc[0]["sentence_ids"]) == [0, 1]


def test_the_same_election_told_by_month_then_by_day_keeps_the_day(spacy_nlp):
    text = (
        "Vladimir Putin will govern until an election in June. "
        "Mike Pompeo said the election was slated for June 25."
    )
    timexes = [
        ("June", 0, "DATE", "2019-06", None, "2019-06-01", "2019-07-01", "month"),
        ("June 25", 0, "DATE", "2019-06-25", None, "2019-06-25", "2019-06-26", "day"),
    ]
    ev = _extract(_small(spacy_nlp, text, SURFACES, timexes))
    el = ev[ev["type"].eq("election")]
    assert len(el) == 1, el[["trigger", "begin", "sentence_ids"]]
    assert el.iloc[0]["begin"] == pd.Timestamp("2019-06-25", tz="UTC")
