"""Words inside a speaker's quote, and sayings that go on with an occasion told just
before (invented texts, real pipeline).

Published Wednesday 2019-06-12 (see ``test_parse_repairs._events``).
"""

from __future__ import annotations

import pandas as pd
from test_parse_repairs import _events


def _one(ev: pd.DataFrame, article: str, trigger: str) -> pd.Series:
    rows = ev[ev.article_id.eq(article) & ev.trigger.eq(trigger)]
    assert len(rows) == 1, ev[["article_id", "trigger", "begin", "names"]]
    return rows.iloc[0]


def _day(row: pd.Series) -> str | None:
    return None if pd.isna(row.begin) else str(row.begin)[:10]


def test_he_in_a_speakers_own_words_is_someone_else():
    ev = _events(
        {
            "a": 'Senator John Vale met President Tom Ruiz on Monday. "He told me that '
            'he would sign," Vale said.',
            "b": 'Senator John Vale met President Tom Ruiz on Monday. "I told him that '
            'I would sign," Vale said.',
        }
    )
    told = _one(ev, "a", "told")
    # in his own words Vale is "I": "he" is the other man of the meeting
    assert told.names == ["Tom Ruiz"]
    # when Ruiz told him, the quote does not say: not the day Vale speaks
    assert _day(told) is None
    assert _day(_one(ev, "a", "said")) == "2019-06-10"
    # "I" is the speaker himself
    assert _one(ev, "b", "told").names == ["John Vale"]


def test_a_pronoun_after_the_quote_goes_back_to_the_speaker_not_the_quoted_man():
    ev = _events(
        {
            "a": "Senator John Vale met President Tom Ruiz on Monday. Vale was quick to "
            'answer: "Not a single thing he said is true." He added: "Ruiz has to go."',
        }
    )
    # "he" in Vale's words is Ruiz, and Ruiz's saying there does not make him the
    # speaker whom "He added" goes on with
    assert _one(ev, "a", "said").names == ["Tom Ruiz"]
    assert _one(ev, "a", "added").names == ["John Vale"]


def test_a_first_person_speech_act_in_a_quote_is_done_when_said():
    ev = _events(
        {
            "a": '"We urge the court to act," Senator John Vale said on Twitter on Monday.',
            "b": '"They urge the court to act," Senator John Vale said on Monday.',
        }
    )
    urge = _one(ev, "a", "urge")
    assert urge.status == "occurred"  # performed by saying it, not a claim reported
    assert _day(urge) == "2019-06-10"  # the day of the tweet, not of the printing
    assert "urge" not in set(ev[ev.article_id.eq("b")].trigger)  # no one named urges


def test_within_hours_of_a_dated_act_is_its_day():
    ev = _events(
        {
            "a": "Senator John Vale resigned on Tuesday. President Tom Ruiz issued a "
            "statement in the hours after Vale's remarks on Sunday.",
            "b": "Senator John Vale resigned on Tuesday. President Tom Ruiz issued a "
            "statement three weeks after Vale's remarks on Sunday.",
        }
    )
    assert _day(_one(ev, "a", "statement")) == "2019-06-09"
    assert _day(_one(ev, "b", "statement")) != "2019-06-09"


def test_a_saying_goes_on_with_the_month_or_year_of_the_interview_just_told():
    ev = _events(
        {
            "a": "In an October 2012 interview, Senator John Vale said he did not care "
            'about polls. "I could care less about any of that," Vale said.',
            "b": "In an October 2012 interview, Senator John Vale said he did not care "
            "about polls. Vale later said he had misspoken.",
            "c": "It was their first meeting since a session in May 2018 when Senator "
            "John Vale said he would quit. Vale argued for his plan.",
        }
    )
    a = ev[ev.article_id.eq("a") & ev.trigger.eq("said")].sort_values("trigger_start")
    assert [_day(r) for _, r in a.iterrows()] == ["2012-10-01", "2012-10-01"]
    assert set(a.precision) == {"month"}
    # "later" tells another occasion, whose day the text does not give
    b = ev[ev.article_id.eq("b") & ev.trigger.eq("said")].sort_values("trigger_start")
    assert _day(b.iloc[-1]) != "2012-10-01"
    # words told in a "when" clause of the background are no occasion that goes on
    assert _day(_one(ev, "c", "argued")) != "2018-05-01"


def test_words_another_act_answers_or_handles_are_not_of_the_story_day():
    ev = _events(
        {
            "a": "Senator John Vale resigned on Wednesday. He was 70. The army is large. "
            "Senator Tom Ruiz downplayed Vale's remarks.",
            "b": "Senator John Vale resigned on Wednesday. He was 70. The army is large. "
            "Senator Tom Ruiz issued a statement.",
        }
    )
    assert _day(_one(ev, "a", "remarks")) is None  # said before Ruiz answered them
    assert _day(_one(ev, "b", "statement")) == "2019-06-12"  # issued in the story


def test_a_saying_placed_in_an_occasion_told_with_its_date_takes_that_date():
    ev = _events(
        {
            "a": "Senator John Vale gave an interview to the Daily Post on Sunday. Later "
            'he resigned. "We will win," he said in the interview.',
            "b": "In a letter dated May 6, Senator John Vale asked for money. Ruiz "
            "resigned on Monday. Vale said in the letter that he was poor.",
            "c": "Senator John Vale gave an interview to the Daily Post on Sunday. Later "
            'he resigned. "We will win," he said in an interview.',
        }
    )
    assert _day(_one(ev, "a", "said")) == "2019-06-09"
    assert _day(_one(ev, "b", "said")) == "2019-05-06"
    assert _one(ev, "c", "said").time_source != "coreference"  # "an interview": another


def test_what_someone_the_lead_does_not_name_told_a_paper_is_undated():
    ev = _events(
        {
            "a": "Senator John Vale resigned on Wednesday. He was 70. The army is large. "
            "Senator Tom Ruiz told the New York Times that he was sad. Vale told the "
            "New York Times that he was tired. Ruiz told reporters that he would stay.",
        }
    )
    told = ev[ev.trigger.eq("told")].sort_values("trigger_start")
    assert [_day(r) for _, r in told.iterrows()] == [None, "2019-06-12", "2019-06-12"]
