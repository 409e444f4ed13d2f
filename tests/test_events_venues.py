"""Acts done at a dated occasion, documents and habits, who takes part in a meeting or a
contest, and elections in general (invented texts, real pipeline).

Published Wednesday 2019-06-12 (see ``test_parse_repairs._events``).
"""

from __future__ import annotations

from test_events_quoted_words import _day, _one
from test_parse_repairs import _events


def test_what_is_done_at_a_dated_summit_or_meeting_is_done_that_day():
    ev = _events(
        {
            "a": "At the summit in Hanoi on Thursday, Kim Jong Un praised Donald Trump.",
            "b": "During Tuesday's meeting in the Kremlin, President Vladimir Putin again "
            "asked Foreign Minister Sergei Lavrov to stay.",
            "c": "Senator Ana Vale said she would meet Tom Ruiz at a summit on Thursday.",
        }
    )
    assert _day(_one(ev, "a", "praised")) == "2019-06-06"
    # the meeting's people are those the clause has act at it
    meeting = _one(ev, "b", "meeting")
    assert _day(meeting) == "2019-06-11"
    assert {"Vladimir Putin", "Sergei Lavrov"} <= set(meeting.names)
    # a summit told inside the words is not the saying's occasion
    assert _day(_one(ev, "c", "said")) != "2019-06-13"


def test_a_saying_goes_on_with_any_dated_appearance_at_an_occasion():
    ev = _events(
        {
            "a": "Vice President Tom Ruiz attacked Senator Ana Vale of Ohio at the debate "
            'on Thursday night. "She is wrong," Ruiz said.',
            "b": "Senator Ana Vale of Ohio defended the plan at a news conference on "
            "Monday. Reminding reporters of the deficit, Vale said the cuts were fair.",
        }
    )
    assert _day(_one(ev, "a", "said")) == "2019-06-06"
    assert _day(_one(ev, "b", "said")) == "2019-06-10"


def test_words_said_in_a_report_or_told_as_a_habit_have_no_story_day():
    ev = _events(
        {
            "a": "The Justice Department fired agent Paul Stone on Wednesday. Inspector "
            "General Mark Hale said in his report that he was troubled by the messages.",
            "b": "The Senate passed the bill on Wednesday. Senator Tom Ruiz did "
            "occasionally reply to such letters.",
            "c": "The White House on Wednesday denied the report that Ruiz had resigned.",
        }
    )
    assert _day(_one(ev, "a", "said")) is None
    assert _day(_one(ev, "b", "reply")) is None
    # a report answered is no document the words are placed in
    assert _day(_one(ev, "c", "denied")) == "2019-06-12"


def test_a_rival_named_by_a_verb_of_contest_takes_part_in_the_election():
    ev = _events(
        {
            "a": "Governor Tom Ruiz trailed Senator Mary Vale in the mayoral election.",
            "b": "Senator Mary Vale will face Governor Tom Ruiz in the November election.",
        }
    )
    for art in ("a", "b"):
        assert len(_one(ev, art, "election").participants) == 2


def test_who_loses_or_wins_in_a_clause_after_the_verb_stands_in_the_election():
    ev = _events(
        {
            "a": "Mayor Ana Vale left the party after losing the Labour primary in 2011.",
        }
    )
    assert _one(ev, "a", "primary").names == ["Ana Vale"]


def test_elections_in_general_are_no_event_but_one_round_is():
    ev = _events(
        {
            "a": "Firms that pour cash into elections must name their donors, Senator Mary "
            "Vale said on Monday.",
            "b": "Incumbents fear party challengers more than general elections.",
            "c": "With elections barely six weeks away, few ministers wanted to raise taxes.",
            "d": "The opposition demanded early elections on Monday.",
        }
    )
    elections = ev[ev.type.eq("election")]
    assert set(elections.article_id) == {"c", "d"}


def test_a_deal_put_forward_is_planned_undated_and_has_both_sides():
    ev = _events(
        {
            "a": "President Donald Trump offered Democrats a deal on Saturday.",
            "b": "Democrats rejected the deal that President Donald Trump proposed on Saturday.",
            "c": "The deal that Donald Trump and Kim Jong Un signed on Monday ends the war.",
        }
    )
    for art in ("a", "b"):
        deal = _one(ev, art, "deal")
        assert deal.status in ("planned", "denied")
        assert _day(deal) is None  # Saturday is when it was put forward
        assert set(deal.names) == {"Donald Trump", "Democratic Party"}
    # a deal signed is made, on the day of its signing
    signed = ev[ev.article_id.eq("c") & ev.type.eq("agreement")]
    assert signed.status.tolist() == ["occurred"]
    assert _day(signed.iloc[0]) == "2019-06-10"


def test_a_dateline_is_not_part_of_the_lead():
    ev = _events(
        {
            "a": "WASHINGTON\n\n—\n\nSenator Ana Vale met the ambassador of Ruritania on "
            "Monday. The talks were long and hard. Vale said the meeting went well.",
        }
    )
    # the lead is the first three sentences of prose: the saying is the lead's story
    assert _day(_one(ev, "a", "said")) == "2019-06-10"


def test_one_who_calls_off_the_trip_of_others_is_not_its_traveller():
    ev = _events(
        {
            "a": "Prime Minister Pedro Lima canceled Mayor Ana Vale's trip to Oslo.",
            "b": "Prime Minister Pedro Lima canceled a Democratic congressional trip to Oslo.",
            "c": "Prime Minister Pedro Lima canceled his trip to Oslo.",
        }
    )
    assert "Pedro Lima" not in _one(ev, "a", "trip").names
    assert "Pedro Lima" not in _one(ev, "b", "trip").names
    assert _one(ev, "c", "trip").names == ["Pedro Lima"]


def test_a_saying_in_a_relative_clause_inside_an_accusation_is_told_as_done():
    ev = _events(
        {
            "a": "Governor Ana Vale, whom Pedro Lima has accused of the same lapses that "
            "Maria Sato accused Mayor Tom Ruiz of on Thursday, stayed home.",
        }
    )
    told = ev[ev.trigger.eq("accused") & ev.begin.notna()]
    assert told.status.tolist() == ["occurred"]


def test_she_asked_whether_she_could_comment_is_the_one_asked():
    ev = _events(
        {
            "a": "Judge Ana Vale appeared before the panel on Monday. Senator Tom Ruiz "
            "asked her whether she could comment on the delay.",
        }
    )
    assert _one(ev, "a", "comment").names == ["Ana Vale"]


def test_in_a_report_of_an_earlier_day_the_lead_s_speakers_talk_on_that_day():
    ev = _events(
        {
            "a": "Vice President Tom Ruiz attacked Senator Ana Vale of Ohio in their debate "
            "on Monday night. The debate was the only one of the campaign. Moderators "
            "asked about taxes and war. The crowd was loud. Ruiz also criticized Vale for "
            "her votes on the war.",
        }
    )
    assert _day(_one(ev, "a", "criticized")) == "2019-06-10"


def test_whom_a_demand_urges_by_a_pronoun_is_the_one_named_before():
    ev = _events(
        {
            "a": "Representative Tom Ruiz resigned on Friday. Governor Ana Vale urged him "
            "to resign in March.",
            "b": "Representative Tom Ruiz resigned on Friday. A few of his party colleagues "
            "urged him to resign over the claims.",
        }
    )
    assert set(_one(ev, "a", "urged").names) == {"Ana Vale", "Tom Ruiz"}
    assert _one(ev, "b", "urged").names == ["Tom Ruiz"]


def test_whom_a_vow_or_threat_is_against_takes_part():
    ev = _events({"a": "Senator Ana Vale was vowing to impeach President Pedro Lima."})
    assert set(_one(ev, "a", "vowing").names) == {"Ana Vale", "Pedro Lima"}
