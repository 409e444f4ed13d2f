"""Tests of analysis.events.merge_events / event_summary: one real-world event, many articles."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from helpers import summit_articles

from analysis import schema
from analysis.events import event_summary, merge_events

UTC = "UTC"
PUTIN, KIM, TRUMP = "kb:vladimir_putin", "kb:kim_jong_un", "kb:donald_trump"
NK, US, RU = "kb:north_korea_gov", "kb:us_gov", "kb:russia_gov"


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz=UTC)


# tests/helpers.py SUMMIT_TEXTS: three reports of the Putin-Kim summit with different date
# precision and one of the Hanoi meeting, through the real pipeline
SOURCES = {"kremlin": "Agency A", "summit": "Paper B", "wire": "Wire C", "hanoi": "Paper B"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    import os

    from analysis.corpus import build

    os.environ.setdefault("NEWSDESK_CACHE", str(tmp_path_factory.mktemp("cache")))
    return build(summit_articles(SOURCES), progress=False)


@pytest.fixture(scope="module")
def merged(corpus):
    return merge_events(corpus.events, actors=corpus.actors, places=corpus.places)


def _putin_kim(events: pd.DataFrame) -> pd.DataFrame:
    fam = events["type"].isin(["meeting", "visit", "talks"])
    both = events["participants"].map(lambda ps: PUTIN in ps and KIM in ps)
    return events[fam & both]


def test_same_summit_from_three_articles_is_one_group(merged):
    rows = _putin_kim(merged)
    assert set(rows["article_id"]) == {"kremlin", "summit", "wire"}
    assert rows["event_group"].nunique() == 1
    # the precisions differ: a month-long plan and day-precise reports
    assert {"month", "day"} <= set(rows["precision"].dropna())


def test_other_meeting_sharing_a_participant_stays_apart(merged):
    hanoi = merged[merged["article_id"].eq("hanoi") & merged["type"].eq("meeting")]
    assert len(hanoi) >= 1
    assert TRUMP in hanoi.iloc[0]["participants"]
    assert not set(hanoi["event_group"]) & set(_putin_kim(merged)["event_group"])


def test_statements_of_different_days_stay_apart(merged):
    said = merged[merged["type"].eq("statement") & merged["participants"].map(lambda p: RU in p)]
    by_day: dict = {}
    for begin, group in zip(said["begin"], said["event_group"], strict=True):
        by_day.setdefault(begin, set()).add(group)
    assert len(by_day) >= 2
    first, second = list(by_day.values())[:2]
    assert not first & second


def test_summary_of_the_summit(merged, corpus):
    summary = event_summary(merged, articles=corpus.articles)
    assert summary["event_group"].is_unique
    assert set(summary["event_group"]) == set(merged["event_group"])
    gid = _putin_kim(merged)["event_group"].iloc[0]
    row = summary.set_index("event_group").loc[gid]
    assert row["family"] == "meeting"
    assert {PUTIN, KIM} <= set(row["participants"])
    # the tightest interval the reports support: the day, not "later this month"
    assert (row["begin"], row["end_date"]) == (ts("2019-04-25"), ts("2019-04-26"))
    assert row["precision"] == "day"
    assert row["place_name"] == "Vladivostok"
    assert "planned" in row["statuses"] and "occurred" in row["statuses"]
    assert row["n_articles"] == 3
    assert row["sources"] == ["Agency A", "Paper B", "Wire C"]
    assert (row["first_report"], row["last_report"]) == (ts("2019-04-20"), ts("2019-04-26"))
    assert row["n_events"] == int(merged["event_group"].eq(gid).sum())


# ----------------------------------------------------------------- frame-level rules


def _frame(rows: list[dict]) -> pd.DataFrame:
    full = []
    for k, r in enumerate(rows):
        base = {c.name: None for c in schema.SCHEMAS["events"]}
        base.update(
            event_id=f"e{k}",
            article_id=f"a{k}",
            sentence_id=0,
            status="occurred",
            trigger="x",
            evidence="x",
        )
        base.update(r)
        full.append(base)
    return schema.conform(pd.DataFrame(full), "events")


def _day(d: str) -> dict:
    return {"begin": ts(d), "end_date": ts(d) + pd.Timedelta(days=1), "precision": "day"}


def _month(m: str) -> dict:
    b = ts(f"{m}-01")
    return {"begin": b, "end_date": b + pd.offsets.MonthBegin(1), "precision": "month"}


def _actors() -> pd.DataFrame:
    kinds = {NK: "government", US: "government", RU: "government"}
    kinds.update({PUTIN: "person", KIM: "person", TRUMP: "person"})
    return pd.DataFrame({"actor_id": list(kinds), "kind": list(kinds.values())})


def _groups(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["event_id"], frame["event_group"], strict=True))


def test_imprecise_month_joins_the_only_day_it_fits():
    ev = _frame(
        [
            {"type": "weapons_test", "participants": [NK], **_day("2019-04-17")},
            {"type": "weapons_test", "participants": [NK], **_month("2019-04")},
            {"type": "weapons_test", "participants": [NK], **_day("2019-05-04")},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e0"] == g["e1"] != g["e2"]


def test_imprecise_month_between_two_days_stays_apart():
    ev = _frame(
        [
            {"type": "weapons_test", "participants": [NK], **_day("2019-04-17")},
            {"type": "weapons_test", "participants": [NK], **_day("2019-04-25")},
            {"type": "weapons_test", "participants": [NK], **_month("2019-04")},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert len(set(g.values())) == 3  # two tests, and a month that could be either


def test_type_family_blocks():
    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "visit", "participants": [KIM], **_day("2019-04-25")},
            {"type": "sanctions", "participants": [PUTIN, KIM], **_day("2019-04-25")},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e0"] == g["e1"]  # a visit is in the meeting family; Kim is specific
    assert g["e2"] != g["e0"]


def test_generic_participant_alone_does_not_group():
    ev = _frame(
        [
            {"type": "meeting", "participants": [US], **_day("2019-04-25")},
            {"type": "meeting", "participants": [US, RU], **_day("2019-04-25")},
            {"type": "meeting", "participants": [US, RU], **_month("2019-04")},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e0"] != g["e1"]  # only the United States in common
    assert g["e1"] == g["e2"]  # the same pair of governments
    # without the actors frame every participant counts as specific
    g2 = _groups(merge_events(ev))
    assert len(set(g2.values())) == 1


def test_reference_links_decide():
    ev = _frame(
        [
            {
                "type": "meeting",
                "participants": [TRUMP, KIM],
                "reference_id": "singapore-summit",
                **_month("2018-06"),
            },
            {
                "type": "meeting",
                "participants": [TRUMP, KIM],
                "reference_id": "other-summit",
                **_month("2018-06"),
            },
            # no participants, but linked to the same reference event
            {
                "type": "meeting",
                "participants": [],
                "reference_id": "singapore-summit",
                **_day("2018-06-12"),
            },
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e0"] != g["e1"]
    assert g["e0"] == g["e2"] == "ref:singapore-summit"


def test_places_in_two_countries_stay_apart_country_and_city_fit():
    places = pd.DataFrame(
        {
            "place_id": ["gn:vlad", "gn:hanoi", "gn:ru"],
            "feature": ["city", "capital", "country"],
            "country_code": ["RU", "VN", "RU"],
        }
    )
    vlad = {"place_id": "gn:vlad", "lat": 43.1, "lon": 131.9}
    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_month("2019-04"), **vlad},
            {
                "type": "meeting",
                "participants": [PUTIN, KIM],
                **_month("2019-04"),
                "place_id": "gn:hanoi",
                "lat": 21.0,
                "lon": 105.8,
            },
            {
                "type": "visit",
                "participants": [KIM],
                **_day("2019-04-24"),
                "place_id": "gn:ru",
                "lat": 60.0,
                "lon": 100.0,
            },
        ]
    )
    g = _groups(merge_events(ev, actors=_actors(), places=places))
    assert g["e0"] != g["e1"]
    assert g["e2"] == g["e0"]


def test_undated_event_joins_only_an_unambiguous_group():
    ev = _frame(
        [
            {"type": "meeting", "participants": [TRUMP, KIM], **_day("2018-06-12")},
            {"type": "meeting", "participants": [TRUMP, KIM], **_day("2019-02-27")},
            {"type": "meeting", "participants": [TRUMP, KIM]},  # which summit?
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM]},  # only one Putin-Kim meeting
            {"type": "agreement", "participants": [TRUMP]},
            {"type": "agreement", "participants": [TRUMP]},  # two undated mentions
            {"type": "meeting", "participants": [PUTIN]},  # names only one of them
            {"type": "meeting", "participants": [PUTIN, KIM]},  # article of another year
            {"type": "meeting", "participants": [PUTIN, KIM]},  # article without a date
        ]
    )
    # the undated Trump-Kim mention is of an article far from both summits
    published = ["2019-04-20"] * 8 + ["2015-05-05", None]
    published[2] = "2018-10-01"
    articles = pd.DataFrame(
        {
            "article_id": [f"a{k}" for k in range(10)],
            "published": pd.to_datetime(published, utc=True),
        }
    )
    g = _groups(merge_events(ev, actors=_actors(), articles=articles))
    assert len({g["e0"], g["e1"], g["e2"]}) == 3
    # an undated mention joins the group dated near its article's publication that it
    # names exactly -- not a group of another year, not without a publication day
    assert g["e4"] == g["e3"]
    assert g["e5"] != g["e6"]
    assert g["e7"] != g["e3"]
    assert g["e8"] != g["e3"]
    assert g["e9"] != g["e3"]


def test_statements_group_only_when_they_quote_alike():
    say = {"type": "statement", "participants": [TRUMP], **_day("2019-02-15")}
    ev = _frame(
        [
            {**say, "evidence": '"We will build the bridge over the river this year," he said.'},
            {**say, "evidence": 'He said: "we will build the bridge over the river."'},
            {**say, "evidence": '"Taxes are too high for the families of farmers," he said.'},
            {**say, "evidence": "He said taxes were too high."},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e0"] == g["e1"]  # two outlets quote the same words: one statement
    assert len({g["e0"], g["e2"], g["e3"]}) == 3  # one speaker, one day, three statements


def test_ids_do_not_depend_on_frame_order_and_are_recomputed():
    rows = [
        {"type": "meeting", "participants": [PUTIN, KIM], **_month("2019-04")},
        {"type": "meeting", "participants": [KIM, PUTIN], **_day("2019-04-25")},
        {"type": "weapons_test", "participants": [NK], **_day("2019-04-17")},
        {"type": "weapons_test", "participants": [NK], **_month("2019-04")},
        {"type": "statement", "participants": [TRUMP], **_day("2019-04-20")},
    ]
    ev = _frame(rows)
    first = _groups(merge_events(ev, actors=_actors()))
    shuffled = ev.sample(frac=1.0, random_state=random.Random(3).randrange(1000))
    assert _groups(merge_events(shuffled, actors=_actors())) == first
    # a stale event_group column is replaced, not trusted
    stale = merge_events(ev, actors=_actors()).assign(event_group="stale")
    assert _groups(merge_events(stale, actors=_actors())) == first
    assert all(v.startswith(("grp:", "ref:")) for v in first.values())


def test_empty_frames():
    out = merge_events(schema.empty("events"))
    assert "event_group" in out and len(out) == 0
    summary = event_summary(out)
    assert len(summary) == 0 and "first_report" in summary


def test_missing_column_is_named():
    ev = _frame([{"type": "meeting", "participants": [KIM]}]).drop(columns=["participants"])
    with pytest.raises(schema.SchemaError, match="participants"):
        merge_events(ev)


def test_build_groups_events_across_articles_and_filters_regroup(corpus, merged):
    # the built corpus already carries the corpus-wide groups
    assert "event_group" in corpus.events.columns
    pd.testing.assert_series_equal(
        corpus.events["event_group"].reset_index(drop=True),
        merged["event_group"].reset_index(drop=True),
    )
    summit_group = _putin_kim(corpus.events)["event_group"].iloc[0]
    # a filtered corpus regroups what it keeps: one article alone is no longer a
    # three-article group, and its group id says so
    alone = corpus.filter(sources=["Agency A"])
    rows = _putin_kim(alone.events)
    assert set(rows["article_id"]) == {"kremlin"}
    expected = merge_events(alone.events, actors=alone.actors, places=alone.places)
    assert rows["event_group"].tolist() == _putin_kim(expected)["event_group"].tolist()
    if not summit_group.startswith("ref:"):
        assert summit_group not in set(rows["event_group"])


def test_undated_event_fitting_two_groups_stays_apart():
    # contained in one group, equal to the other: an undated mention cannot tell them apart
    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM, TRUMP], **_day("2023-09-13")},
            {"type": "meeting", "participants": [PUTIN, KIM]},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert g["e2"] not in {g["e0"], g["e1"]}


def test_countries_alone_need_a_known_day():
    ev = _frame(
        [
            {"type": "meeting", "participants": [US], **_month("2019-04")},
            {"type": "meeting", "participants": [US], **_month("2019-04")},
            {"type": "meeting", "participants": [US]},
            {"type": "weapons_test", "participants": [NK], **_day("2019-04-17")},
            {"type": "weapons_test", "participants": [NK], **_day("2019-04-17")},
        ]
    )
    g = _groups(merge_events(ev, actors=_actors()))
    assert len({g["e0"], g["e1"], g["e2"]}) == 3  # "US met in April" twice: not one event
    assert g["e3"] == g["e4"]  # North Korea's test of 17 April in two articles


def test_group_ids_do_not_depend_on_the_order_of_families():
    rows = [
        {"event_id": "m", "type": "meeting", "participants": [PUTIN, KIM], "reference_id": "R1"},
        {"event_id": "t", "type": "weapons_test", "participants": [NK], "reference_id": "R1"},
    ]
    rows = [{**r, **_day("2019-04-25")} for r in rows]
    one = _groups(merge_events(_frame(rows), actors=_actors()))
    two = _groups(merge_events(_frame(rows[::-1]), actors=_actors()))
    assert one == two
    assert sorted(one.values())[1] == "ref:R1"


def test_corpus_grouping_reads_the_publication_days():
    # the assemble step (analysis.state.group_events) passes the articles frame on: an
    # undated mention can join only a group near its article's publication day
    from analysis.state import group_events

    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM]},  # a report two days later
            {"type": "meeting", "participants": [PUTIN, KIM]},  # a report years earlier
        ]
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a2"],
            "published": pd.to_datetime(["2019-04-25", "2019-04-27", "2016-03-01"], utc=True),
        }
    )
    places = schema.empty("places")
    g = _groups(group_events(ev, _actors(), places, articles=articles))
    assert g["e1"] == g["e0"]
    assert g["e2"] != g["e0"]
    alone = _groups(group_events(ev, _actors(), places))
    assert alone["e1"] != alone["e0"]  # without publication days it cannot tell


def test_meeting_mentions_naming_some_of_those_who_meet_join_their_meeting():
    published = pd.to_datetime(["2019-04-22"] * 5, utc=True)
    ev = _frame(
        [
            # a report names only one of the two ("Monday's meeting" with Putin)
            {"type": "meeting", "participants": [PUTIN], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM]},  # undated, names both
            {"type": "meeting", "participants": [KIM, PUTIN]},  # another outlet
            {"type": "meeting", "participants": [KIM]},  # one person alone: too vague
            {"type": "statement", "participants": [PUTIN, KIM]},  # not a meeting
        ]
    )
    articles = pd.DataFrame({"article_id": [f"a{k}" for k in range(5)], "published": published})
    g = _groups(merge_events(ev, actors=_actors(), articles=articles))
    assert g["e1"] == g["e0"] and g["e2"] == g["e0"]
    assert g["e3"] != g["e0"]
    assert g["e4"] != g["e0"]


def test_a_meeting_one_day_off_joins_and_the_summary_takes_the_agreed_day():
    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            # a report whose "this afternoon" was anchored on the next day
            {
                "type": "meeting",
                "participants": [PUTIN, KIM],
                "status": "reported",
                **_day("2019-04-26"),
            },
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-29")},  # a second
            {"type": "meeting", "participants": [PUTIN, NK], **_day("2019-04-26")},  # one person
        ]
    )
    merged = merge_events(ev, actors=_actors())
    g = _groups(merged)
    assert g["e0"] == g["e1"] == g["e2"]
    assert g["e3"] != g["e0"]
    assert g["e4"] != g["e0"]
    summary = event_summary(merged).set_index("event_group")
    assert summary.loc[g["e0"], "begin"] == ts("2019-04-25")
    assert summary.loc[g["e0"], "end_date"] == ts("2019-04-26")


def test_an_undated_mention_takes_the_meeting_of_its_publication_day():
    ev = _frame(
        [
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-21")},
            {"type": "meeting", "participants": [PUTIN, KIM], **_day("2019-04-25")},
            {"type": "meeting", "participants": [PUTIN, KIM]},  # "the meeting", that evening
            {"type": "meeting", "participants": [PUTIN, KIM]},  # between the two: unclear
        ]
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a2", "a3"],
            "published": pd.to_datetime(
                ["2019-04-21", "2019-04-25", "2019-04-25", "2019-04-23"], utc=True
            ),
        }
    )
    g = _groups(merge_events(ev, actors=_actors(), articles=articles))
    assert g["e0"] != g["e1"]
    assert g["e2"] == g["e1"]
    assert g["e3"] not in (g["e0"], g["e1"])


def test_an_event_told_in_a_clause_of_another_is_not_merged_with_it():
    from test_parse_repairs import _events

    ev = _events(
        {
            "a": "Freedonia is bound by a pact between the European Union and the group "
            "Mercosur, which requires compliance with the Lisbon Treaty.",
        }
    )
    deals = ev[ev.type.eq("agreement")].set_index("trigger")
    # two agreements: the pact of the two blocs, and the treaty it requires
    assert deals.loc["pact", "names"] == ["European Union", "Mercosur"]
    assert not {"European Union", "Mercosur"} & set(deals.loc["Treaty", "names"])
    # the treaty's place is not where the pact was made
    assert pd.isna(deals.loc["pact", "place_name"])


def test_a_verb_in_a_relative_clause_takes_no_place_from_its_noun():
    from test_parse_repairs import _events

    ev = _events(
        {
            "a": "Dana Holt spoke on Monday. Holt also mentioned Freedonian moves in "
            'Moldova, which she called "reckless steps near our border".'
        }
    )
    called = ev[ev.trigger.eq("called")]
    # the moves were in Moldova; the calling was not
    assert len(called) == 1 and pd.isna(called.place_name.iloc[0])
