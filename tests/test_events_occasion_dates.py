"""Sayings dated by the occasion their sentence tells (invented texts, real pipeline).

Published Wednesday 2019-06-12 (see ``test_parse_repairs._events``).
"""

from __future__ import annotations

import pandas as pd
from test_parse_repairs import _events


def _day(ev: pd.DataFrame, trigger: str) -> str | None:
    rows = ev[ev.trigger.eq(trigger)]
    assert len(rows) == 1, rows[["trigger", "begin"]]
    b = rows.begin.iloc[0]
    return None if pd.isna(b) else str(b)[:10]


def test_words_dated_by_the_participle_that_issued_them():
    ev = _events(
        {
            "a": "Senator John Vale said in a letter dated May 6 that he would resign.",
            "b": "Senator John Vale said in a statement released Thursday that the port "
            "would close.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "said") == "2019-05-06"
    assert _day(ev[ev.article_id.eq("b")], "said") == "2019-06-06"


def test_a_when_clause_dates_the_saying_but_an_after_clause_does_not():
    ev = _events(
        {
            "a": "When he visited Kyiv in March, Senator John Vale said the war was over.",
            "b": "After he visited Kyiv in March, Senator John Vale said the war was over.",
            "c": "While serving as a senator in 2007, John Vale criticized the army.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "said") == "2019-03-01"
    assert _day(ev[ev.article_id.eq("b")], "said") is None
    assert _day(ev[ev.article_id.eq("c")], "criticized") == "2007-01-01"


def test_a_statement_is_dated_by_the_verb_that_issued_it():
    ev = _events(
        {
            "a": "Senator John Vale issued a statement on Friday.",
            "b": "Senator John Vale vetoed the bill last week and issued a statement.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "statement") == "2019-06-07"
    b = ev[ev.article_id.eq("b") & ev.trigger.eq("statement")]
    assert str(b.begin.iloc[0])[:10] == "2019-06-03" and b.precision.iloc[0] == "week"


def test_said_then_and_at_the_time_take_the_time_just_told():
    ev = _events(
        {
            "a": "Foreign Minister Ana Ruiz resigned on May 3. At the time, Ruiz said "
            "the country was calm.",
            "b": 'Foreign Minister Ana Ruiz said last month that she would resign. "We '
            'will win," Ruiz said then.',
            "c": "Foreign Minister Ana Ruiz resigned on May 3. Then she said the country was calm.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "said") == "2019-05-03"
    b = ev[ev.article_id.eq("b")].sort_values("trigger_start")
    assert [str(x)[:7] for x in b.begin] == ["2019-05", "2019-05"]
    # "Then she said": the next step of a story, not "at that time"
    assert ev[ev.article_id.eq("c") & ev.trigger.eq("said")].time_source.iloc[0] != "coreference"


def test_a_time_inside_the_quoted_words_does_not_date_the_saying():
    ev = _events(
        {
            "a": "The senate voted on the port budget. "
            '"Last year, and the year before," Senator John Vale said on Monday.',
        }
    )
    assert _day(ev, "said") == "2019-06-10"


def test_an_act_others_report_is_no_occasion_the_speaker_goes_on_with():
    ev = _events(
        {
            "a": "Governor John Vale defended the port plan on Wednesday. The unions said "
            "Vale had announced the plan on Monday. The dockers went on strike. Talks "
            'failed. "It is fair," Vale said.',
        }
    )
    # the Monday is the unions' account of the announcement, not the day of his words
    assert _day(ev, "announced") == "2019-06-10"
    assert _day(ev, "said") == "2019-06-12"


_LEAD = (
    "President Ana Ruiz of Ruritania signed the port law on Wednesday. The law opens the "
    "northern docks to foreign ships. It also cuts harbour fees by a third. Dockers have "
    "protested for weeks. "
)


def test_a_written_reaction_of_someone_the_lead_does_not_name_has_no_day():
    ev = _events(
        {
            "a": _LEAD + "Governor John Vale said in a statement that the law was a mistake.",
            "b": _LEAD + "Governor John Vale wrote on Twitter that the law was a mistake.",
            "c": _LEAD + "Governor John Vale said the law was a mistake.",
            "d": _LEAD + "Ruiz said in a statement that the law would create jobs.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "said") is None
    assert _day(ev[ev.article_id.eq("b")], "wrote") is None
    # words of the day's account, and the written words of the lead's own actor
    assert _day(ev[ev.article_id.eq("c")], "said") == "2019-06-12"
    assert _day(ev[ev.article_id.eq("d")], "said") == "2019-06-12"


def test_a_vague_time_wider_than_a_month_gives_no_interval():
    ev = _events(
        {
            "a": "Senator John Vale told the committee months ago that he would testify.",
            "b": "Senator John Vale met Ana Ruiz days ago in Rome.",
        }
    )
    told = ev[ev.trigger.eq("told")]
    assert pd.isna(told.begin.iloc[0]) and told.timex.iloc[0] == "PAST_REF"
    met = ev[ev.trigger.eq("met")]
    assert (
        str(met.begin.iloc[0])[:10] == "2019-06-05"
        and str(met.end_date.iloc[0])[:10] == "2019-06-12"
    )


def test_a_saying_not_made_has_no_day_and_a_request_for_comment_is_no_demand():
    ev = _events({"a": _LEAD + "Governor John Vale did not respond to a request for comment."})
    respond = ev[ev.trigger.eq("respond")]
    assert len(respond) == 1 and pd.isna(respond.begin.iloc[0])
    assert not ev.type.eq("demand").any()


def test_a_service_words_are_posted_on_is_not_their_speaker():
    ev = _events(
        {
            "a": "Governor John Vale deleted a Facebook post that criticized the army.",
            "b": "Facebook said on Friday that it had closed the account.",
        }
    )
    names = {n for ns in ev.names for n in ns}
    a_names = {n for ns in ev[ev.article_id.eq("a")].names for n in ns}
    assert "Facebook" not in a_names
    assert "Facebook" in names  # its own saying


def test_a_participle_on_a_perfect_has_no_narrative_day():
    lead = (
        "President Ana Ruiz of Ruritania signed the port law on Wednesday. The law opens "
        "the northern docks to foreign ships. It also cuts harbour fees by a third. "
    )
    ev = _events(
        {
            "a": lead + "Governor John Vale has challenged the law in court, saying it "
            "breaks the constitution.",
            "b": lead + "Governor John Vale challenged the law in court, saying it breaks "
            "the constitution.",
        }
    )
    assert _day(ev[ev.article_id.eq("a")], "saying") is None
    assert _day(ev[ev.article_id.eq("b")], "saying") == "2019-06-12"


def test_declining_to_comment_has_no_narrative_day():
    ev = _events({"a": _LEAD + "Governor John Vale declined to comment."})
    comment = ev[ev.trigger.eq("comment")]
    assert len(comment) == 1 and comment.status.iloc[0] == "denied"
    assert pd.isna(comment.begin.iloc[0])


def test_an_election_won_on_a_day_and_another_also_elected_are_of_that_day():
    ev = _events(
        {"a": "Senator John Vale won the primary on Tuesday. Senator Ana Ruiz was also elected."}
    )
    elections = ev[ev.type.eq("election")]
    assert len(elections) >= 1
    assert {str(b)[:10] for b in elections.begin} == {"2019-06-11"}
    assert {"John Vale", "Ana Ruiz"} <= {n for ns in elections.names for n in ns}
