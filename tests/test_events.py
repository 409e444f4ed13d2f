"""Tests of analysis.events: typology, extraction on the sample, status, dedup, reference timeline."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.events import (
    EVENT_TYPES,
    extract_events,
    link_reference,
    load_reference_events,
    register_event_type,
    unregister_event_type,
)

UTC = "UTC"
AID = "a407218dc57c0616"
PUB = pd.Timestamp("2019-04-22", tz=UTC)
SAMPLE_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "articles" / "000_a407218dc57c0616.txt"
)


def ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s, tz=UTC)


# ----------------------------------------------------------------- hand-built frames
# Stand-ins for the outputs of the nlp/actors/geo/timex stages on the sample, written by
# hand from the article (actor ids of data/actors.csv with the 'kb:' prefix).

ACTORS = {
    "kb:kim_jong_un": ("Kim Jong Un", "person", "KP"),
    "kb:vladimir_putin": ("Vladimir Putin", "person", "RU"),
    "kb:mike_pompeo": ("Mike Pompeo", "person", "US"),
    "kb:dmitry_peskov": ("Dmitry Peskov", "person", "RU"),
    "kb:donald_trump": ("Donald Trump", "person", "US"),
    "kb:kim_chang_son": ("Kim Chang Son", "person", "KP"),
    "kb:russia_gov": ("Government of Russia", "government", "RU"),
    "kb:north_korea_gov": ("Government of North Korea", "government", "KP"),
    "kb:south_korea_gov": ("Government of South Korea", "government", "KR"),
    "kb:us_gov": ("Government of the United States", "government", "US"),
    "kb:cia": ("Central Intelligence Agency", "organisation", "US"),
    "kb:reuters": ("Reuters", "media", "GB"),
    "kb:yonhap": ("Yonhap", "media", "KR"),
    "kb:kyodo": ("Kyodo News", "media", "JP"),
    "kb:upi": ("UPI", "media", "US"),
    "kb:asia_times": ("Asia Times", "media", "HK"),
    "kb:zerohedge": ("ZeroHedge", "media", "US"),
}
SURFACES = [  # longest first; each occurrence becomes a mention
    ("Kim Chang Son", "PERSON", "kb:kim_chang_son"),
    ("Kim Jong Un", "PERSON", "kb:kim_jong_un"),
    ("Kim Jong-un", "PERSON", "kb:kim_jong_un"),
    ("Vladimir Putin", "PERSON", "kb:vladimir_putin"),
    ("Mike Pompeo", "PERSON", "kb:mike_pompeo"),
    ("Dmitry Peskov", "PERSON", "kb:dmitry_peskov"),
    ("Donald Trump", "PERSON", "kb:donald_trump"),
    ("South Korea", "GPE", "kb:south_korea_gov"),
    ("North Korea", "GPE", "kb:north_korea_gov"),
    ("Kyodo News", "ORG", "kb:kyodo"),
    ("Asia Times", "ORG", "kb:asia_times"),
    ("ZeroHedge", "ORG", "kb:zerohedge"),
    ("Pyongyang", "GPE", "kb:north_korea_gov"),
    ("Washington", "GPE", "kb:us_gov"),
    ("Kremlin", "ORG", "kb:russia_gov"),
    ("Reuters", "ORG", "kb:reuters"),
    ("Yonhap", "ORG", "kb:yonhap"),
    ("Russia", "GPE", "kb:russia_gov"),
    ("Pompeo", "PERSON", "kb:mike_pompeo"),
    ("Peskov", "PERSON", "kb:dmitry_peskov"),
    ("Putin", "PERSON", "kb:vladimir_putin"),
    ("Trump", "PERSON", "kb:donald_trump"),
    ("U.S.", "GPE", "kb:us_gov"),
    ("US", "GPE", "kb:us_gov"),
    ("CIA", "ORG", "kb:cia"),
    ("UPI", "ORG", "kb:upi"),
    ("Kim", "PERSON", "kb:kim_jong_un"),
]
PLACES = [  # surface, occurrence, place_id, name, lat, lon, country, feature, role
    ("Vladivostok", 0, "gn:2013348", "Vladivostok", 43.10562, 131.87353, "RU", "city", "literal"),
    (
        "the Russian Far East",
        0,
        "nd:russian-far-east",
        "Russian Far East",
        55.0,
        135.0,
        "RU",
        "region",
        "literal",
    ),
    (
        "the Russian Far East",
        1,
        "nd:russian-far-east",
        "Russian Far East",
        55.0,
        135.0,
        "RU",
        "region",
        "literal",
    ),
    (
        "Yongbyon",
        0,
        "nd:yongbyon",
        "Yongbyon Nuclear Scientific Research Center",
        39.80,
        125.75,
        "KP",
        "site",
        "literal",
    ),
    ("Russia", 2, "gn:2017370", "Russia", 60.0, 100.0, "RU", "country", "literal"),
    (
        "Korean peninsula",
        0,
        "nd:korean-peninsula",
        "Korean Peninsula",
        38.0,
        127.5,
        "KP",
        "region",
        "literal",
    ),
]
TIMEXES = [  # surface, occurrence, type, value, mod, begin, end, precision
    ("days ago", 0, "DATE", "PAST_REF", None, "2019-04-15", "2019-04-22", "day"),
    ("by the end of this month", 0, "DATE", "2019-04", "END", "2019-04-22", "2019-05-01", "month"),
    ("by the end of April", 0, "DATE", "2019-04", "END", "2019-04-22", "2019-05-01", "month"),
    ("on Monday", 0, "DATE", "2019-04-22", None, "2019-04-22", "2019-04-23", "day"),
    ("last week", 0, "DATE", "2019-W16", None, "2019-04-15", "2019-04-22", "week"),
    ("2011", 0, "DATE", "2011", None, "2011-01-01", "2012-01-01", "year"),
    ("within the next week", 0, "DURATION", "P1W", None, "2019-04-22", "2019-04-29", "week"),
    (
        "the remaining days of April",
        0,
        "DATE",
        "2019-04",
        "END",
        "2019-04-22",
        "2019-05-01",
        "month",
    ),
    (
        "before the end of April",
        0,
        "DATE",
        "2019-04",
        "BEFORE",
        "2019-04-22",
        "2019-05-01",
        "month",
    ),
    ("Monday", 1, "DATE", "2019-04-22", None, "2019-04-22", "2019-04-23", "day"),
    ("this week", 0, "DATE", "2019-W17", None, "2019-04-22", "2019-04-29", "week"),
    ("the past year", 0, "DURATION", "P1Y", None, "2018-04-22", "2019-04-22", "year"),
    ("June 2018", 0, "DATE", "2018-06", None, "2018-06-01", "2018-07-01", "month"),
    ("February 2019", 0, "DATE", "2019-02", None, "2019-02-01", "2019-03-01", "month"),
    ("earlier this month", 0, "DATE", "2019-04", "START", "2019-04-01", "2019-04-22", "month"),
]


def _occurrences(text: str, surface: str) -> list[int]:
    pattern = r"(?<![\w-])" + re.escape(surface) + r"(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def _articles(text: str, aid: str = AID, published=PUB) -> pd.DataFrame:
    return schema.conform(
        pd.DataFrame(
            [
                {
                    "article_id": aid,
                    "title": text[:40],
                    "title_derived": True,
                    "source": None,
                    "url": None,
                    "author": None,
                    "published": published,
                    "published_precision": "day",
                    "published_inferred": False,
                    "text": text,
                    "language": "en",
                    "path": "mem",
                    "paths": ["mem"],
                    "format": "txt",
                    "n_words": len(text.split()),
                }
            ]
        ),
        "articles",
    )


def _sentences(doc, aid: str) -> pd.DataFrame:
    sents = [s for s in doc.sents if s.text.strip()]
    return schema.conform(
        pd.DataFrame(
            {
                "article_id": aid,
                "sentence_id": range(len(sents)),
                "start": [s.start_char for s in sents],
                "end": [s.end_char for s in sents],
                "text": [s.text for s in sents],
            }
        ),
        "sentences",
    )


def _sid(sentences: pd.DataFrame, pos: int) -> int:
    return int(sentences.loc[sentences["start"] <= pos, "sentence_id"].max())


def _mentions(text, sentences, surfaces, aid=AID) -> pd.DataFrame:
    taken: list[tuple[int, int]] = []
    rows = []
    for surface, label, actor in surfaces:
        for pos in _occurrences(text, surface):
            end = pos + len(surface)
            if any(pos < e and s < end for s, e in taken):
                continue
            taken.append((pos, end))
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": _sid(sentences, pos),
                    "start": pos,
                    "end": end,
                    "text": surface,
                    "label": label,
                    "source": "kb",
                    "actor_id": actor,
                    "place_id": None,
                }
            )
    if not rows:
        return schema.empty("mentions")
    return schema.conform(pd.DataFrame(rows), "mentions")


def _actors(table=ACTORS) -> pd.DataFrame:
    return schema.conform(
        pd.DataFrame(
            [
                {
                    "actor_id": k,
                    "name": v[0],
                    "kind": v[1],
                    "country": v[2],
                    "aliases": [v[0]],
                    "wikidata": None,
                    "mentions": 1,
                    "articles": 1,
                    "in_kb": True,
                }
                for k, v in table.items()
            ]
        ),
        "actors",
    )


def _places(text, sentences, table, aid=AID) -> pd.DataFrame:
    rows = []
    for surface, occ, pid, name, lat, lon, cc, feat, role in table:
        pos = _occurrences(text, surface)[occ]
        rows.append(
            {
                "article_id": aid,
                "sentence_id": _sid(sentences, pos),
                "start": pos,
                "end": pos + len(surface),
                "text": surface,
                "place_id": pid,
                "name": name,
                "lat": lat,
                "lon": lon,
                "country_code": cc,
                "feature": feat,
                "geonameid": None,
                "population": None,
                "score": 0.9,
                "runner_up": None,
                "role": role,
            }
        )
    if not rows:
        return schema.empty("places")
    return schema.conform(pd.DataFrame(rows), "places")


def _timexes(text, sentences, table, aid=AID, anchor=PUB) -> pd.DataFrame:
    rows = []
    for surface, occ, typ, value, mod, b, e, prec in table:
        pos = _occurrences(text, surface)[occ]
        rows.append(
            {
                "article_id": aid,
                "sentence_id": _sid(sentences, pos),
                "start": pos,
                "end": pos + len(surface),
                "text": surface,
                "type": typ,
                "value": value,
                "mod": mod,
                "begin": ts(b),
                "end_date": ts(e),
                "precision": prec,
                "anchor": anchor,
                "reason": None,
            }
        )
    if not rows:
        return schema.empty("timexes")
    return schema.conform(pd.DataFrame(rows), "timexes")


@pytest.fixture(scope="module")
def sample_frames(spacy_nlp):
    text = SAMPLE_FILE.read_text(encoding="utf-8")
    doc = spacy_nlp(text)
    sentences = _sentences(doc, AID)
    return {
        "articles": _articles(text),
        "sentences": sentences,
        "mentions": _mentions(text, sentences, SURFACES),
        "actors": _actors(),
        "places": _places(text, sentences, PLACES),
        "timexes": _timexes(text, sentences, TIMEXES),
        "quotes": schema.empty("quotes"),
        "docs": {AID: [(0, doc)]},
    }


def _extract(frames, **kw) -> pd.DataFrame:
    return extract_events(
        frames["articles"],
        frames["sentences"],
        frames["mentions"],
        frames["actors"],
        frames["places"],
        frames["timexes"],
        frames["quotes"],
        docs=frames.get("docs"),
        **kw,
    )


@pytest.fixture(scope="module")
def sample_events(sample_frames) -> pd.DataFrame:
    return _extract(sample_frames)


def _with(events: pd.DataFrame, type_: str, *actors: str) -> pd.DataFrame:
    keep = events["type"].eq(type_) & events["participants"].map(
        lambda ps: all(a in ps for a in actors)
    )
    return events[keep]


# ----------------------------------------------------------------- the sample


def test_sample_events_frame_conforms(sample_events):
    schema.check(sample_events, "events")
    assert len(sample_events)
    assert sample_events["event_id"].is_unique
    assert set(sample_events["status"]) <= {"occurred", "planned", "reported", "denied"}
    assert set(sample_events["type"]) <= set(EVENT_TYPES)
    text = SAMPLE_FILE.read_text(encoding="utf-8")
    for ev in sample_events["evidence"]:
        assert ev in text


def test_putin_kim_summit_planned_before_end_of_april_probably_vladivostok(sample_events):
    rows = _with(sample_events, "meeting", "kb:vladimir_putin", "kb:kim_jong_un")
    assert len(rows) == 1, rows  # mentioned in many sentences, kept once
    ev = rows.iloc[0]
    assert ev["status"] == "planned"
    assert ev["begin"] >= ts("2019-04-22")
    assert ev["end_date"] <= ts("2019-05-01")
    assert ev["place_name"] == "Vladivostok"
    assert ev["place_certainty"] == "probable"
    assert ev["reference_id"] == "vladivostok-summit"
    assert ev["ref_begin"] == ts("2019-04-25")
    assert len(ev["sentence_ids"]) >= 3


def test_trump_kim_summits_june_2018_and_february_2019_linked(sample_events):
    rows = _with(sample_events, "meeting", "kb:donald_trump", "kb:kim_jong_un")
    rows = rows.sort_values("begin")
    assert len(rows) == 2
    assert list(rows["status"]) == ["occurred", "occurred"]
    # the frame keeps what the article said (the month) ...
    assert list(rows["begin"]) == [ts("2018-06-01"), ts("2019-02-01")]
    assert list(rows["precision"]) == ["month", "month"]
    # ... and the reference adds the exact day and place
    assert list(rows["reference_id"]) == ["singapore-summit", "hanoi-summit"]
    assert list(rows["ref_begin"]) == [ts("2018-06-12"), ts("2019-02-27")]
    assert "Sentosa" in rows.iloc[0]["ref_place"]
    assert rows["event_id"].is_unique


def test_peskov_statement_on_monday(sample_events):
    rows = _with(sample_events, "statement", "kb:dmitry_peskov")
    # "confirmed on Monday" and, a sentence later, "reaffirmed": two speech acts of one
    # speaker stay two statements (they are not one event)
    assert list(rows["trigger"]) == ["confirmed", "reaffirmed"]
    assert all(list(p) == ["kb:dmitry_peskov"] for p in rows["participants"])
    ev = rows.iloc[0]
    assert ev["begin"] == ts("2019-04-22") and ev["end_date"] == ts("2019-04-23")
    assert ev["timex"] == "2019-04-22"
    assert ev["status"] in ("occurred", "reported")


def test_kim_demand_pompeo_replaced_days_before(sample_events):
    rows = _with(sample_events, "demand", "kb:kim_jong_un")
    assert len(rows) == 1
    ev = rows.iloc[0]
    assert "kb:mike_pompeo" in ev["participants"]
    assert ev["status"] in ("occurred", "reported")
    assert ev["end_date"] <= ts("2019-04-22")
    assert ev["begin"] >= ts("2019-04-01")


def test_tactical_guided_weapon_test_earlier_in_april(sample_events):
    rows = _with(sample_events, "weapons_test", "kb:north_korea_gov")
    assert len(rows) == 1
    ev = rows.iloc[0]
    assert ev["status"] == "occurred"
    assert (ev["begin"], ev["end_date"]) == (ts("2019-04-01"), ts("2019-04-22"))
    assert ev["trigger"] == "tested"
    assert ev["reference_id"] == "tactical-guided-weapon-test"
    assert pd.isna(ev["place_id"])  # Yongbyon belongs to the other clause


def test_renewed_activity_at_yongbyon(sample_events):
    rows = sample_events[sample_events["type"].eq("military_activity")]
    assert len(rows) == 1
    assert "Yongbyon" in rows.iloc[0]["place_name"]
    assert rows.iloc[0]["trigger"] == "activity"


def test_the_lead_s_undated_saying_takes_the_story_day(sample_events):
    rows = _with(sample_events, "statement", "kb:russia_gov")
    rows = rows[rows["trigger"].eq("confirmed")]  # "the Kremlin has confirmed", in the lead
    assert len(rows) == 1
    ev = rows.iloc[0]
    assert ev["time_source"] == "narrative"
    assert ev["begin"] == PUB and pd.isna(ev["timex"])


def test_no_duplicate_events_within_article(sample_events):
    seen = []
    for ev in sample_events.itertuples():
        for other in seen:
            if ev.type == "statement" and other.sentence_id != ev.sentence_id:
                continue  # two sentences of saying are two speech acts
            if other.type == ev.type and set(other.participants) == set(ev.participants):
                overlap = not (pd.isna(ev.begin) or pd.isna(other.begin)) and (
                    ev.begin < other.end_date and other.begin < ev.end_date
                )
                assert not overlap, (ev.evidence, other.evidence)
        seen.append(ev)


def test_event_ids_stable_and_independent_of_linking(sample_frames, sample_events):
    again = _extract(sample_frames, link=False)
    assert list(again["event_id"]) == list(sample_events["event_id"])
    assert again["reference_id"].isna().all()


def test_media_are_not_participants(sample_events):
    media = {k for k, v in ACTORS.items() if v[1] == "media"}
    for ps in sample_events["participants"]:
        assert not media & set(ps)


def test_docs_optional_parses_itself(sample_frames, spacy_nlp):
    frames = dict(sample_frames, docs=None)
    events = extract_events(
        frames["articles"],
        frames["sentences"],
        frames["mentions"],
        frames["actors"],
        frames["places"],
        frames["timexes"],
        frames["quotes"],
        nlp=spacy_nlp,
    )
    assert len(_with(events, "weapons_test", "kb:north_korea_gov")) == 1


# ----------------------------------------------------------------- small texts


def _small(
    spacy_nlp, text, surfaces=(), timexes=(), places=(), published=PUB, aid="t1", actors=ACTORS
):
    doc = spacy_nlp(text)
    sentences = _sentences(doc, aid)
    return {
        "articles": _articles(text, aid, published),
        "sentences": sentences,
        "mentions": _mentions(text, sentences, surfaces, aid),
        "actors": _actors(actors),
        "places": _places(text, sentences, places, aid),
        "timexes": _timexes(text, sentences, timexes, aid),
        "quotes": schema.empty("quotes"),
        "docs": {aid: [(0, doc)]},
    }


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Trump said the summit with Kim was cancelled.", "meeting", "denied"),
        ("Putin will meet Kim in Vladivostok.", "meeting", "planned"),
        ("North Korea denied that it had tested a missile.", "weapons_test", "denied"),
        ("Pompeo visited Pyongyang to meet Kim.", "visit", "occurred"),
        ("North Korea reportedly fired two missiles.", "weapons_test", "reported"),
        ("Putin has no plans to meet Kim.", "meeting", "denied"),
        ("Kim is expected to visit Russia.", "visit", "planned"),
        ("Putin did not meet Kim.", "meeting", "denied"),
        ("Putin refused to meet Kim.", "meeting", "denied"),
        ("The summit between Putin and Kim was called off.", "meeting", "denied"),
        ("Preparations for the summit between Putin and Kim are under way.", "meeting", "planned"),
        ("The upcoming summit between Putin and Kim is important.", "meeting", "planned"),
        ("Putin plans to meet Kim.", "meeting", "planned"),
        ("Putin is scheduled to visit Pyongyang.", "visit", "planned"),
        ("Trump met Kim in Singapore.", "meeting", "occurred"),
        ("Trump has met Kim twice.", "meeting", "occurred"),
        ("Trump and Kim are holding talks.", "meeting", "occurred"),
        ("According to Yonhap, North Korea tested a missile.", "weapons_test", "reported"),
        ("North Korea allegedly tested a missile.", "weapons_test", "reported"),
        ("Kim is said to have met Putin.", "meeting", "reported"),
        ("Pompeo said that North Korea had tested a missile.", "weapons_test", "reported"),
        ("North Korea tested a missile, Yonhap said.", "weapons_test", "reported"),
        # a factive verb of saying keeps the claim in the article's voice
        ("Pompeo confirmed that North Korea had tested a missile.", "weapons_test", "occurred"),
        # a demand rejected was still made; a meeting refused did not happen
        ("Putin rejected Kim's demand.", "demand", "occurred"),
        ("Pompeo refused to meet Kim.", "meeting", "denied"),
        # future in reported speech: the plan outranks the attribution
        ("Trump said he would meet Kim.", "meeting", "planned"),
    ],
)
def test_status_from_grammar(spacy_nlp, text, type_, status):
    frames = _small(spacy_nlp, text, SURFACES)
    events = _extract(frames)
    rows = events[events["type"].eq(type_)]
    assert len(rows) == 1, events[["type", "trigger", "status"]]
    assert rows.iloc[0]["status"] == status


def test_passive_verb_of_saying_has_no_speaker(spacy_nlp):
    ev = _extract(_small(spacy_nlp, "Kim is said to have met Putin.", SURFACES))
    assert "statement" not in set(ev["type"])  # Kim is the topic, not a speaker


def test_status_cues_name_the_attribution(spacy_nlp):
    ev = _extract(_small(spacy_nlp, "Pompeo said that North Korea had tested a missile.", SURFACES))
    row = ev[ev["type"].eq("weapons_test")].iloc[0]
    assert "attributed=say" in row["status_cues"]
    said = ev[ev["type"].eq("statement")].iloc[0]
    assert said["status"] == "occurred"  # the saying itself is the article's fact


def test_status_inside_multi_sentence_quote_is_reported(spacy_nlp):
    text = 'Pompeo spoke to reporters. "North Korea tested a missile. It was a provocation."'
    frames = _small(spacy_nlp, text, SURFACES)
    start = text.index("North Korea")
    frames["quotes"] = schema.conform(
        pd.DataFrame(
            [
                {
                    "article_id": "t1",
                    "sentence_id": 1,
                    "start": start,
                    "end": len(text) - 1,
                    "speaker": "kb:mike_pompeo",
                    "speaker_text": "Pompeo",
                    "text": text[start:-1],
                    "cue": "say",
                    "kind": "direct",
                    "via": None,
                }
            ]
        ),
        "quotes",
    )
    quoted = _extract(frames)
    row = quoted[quoted["type"].eq("weapons_test")].iloc[0]
    assert row["status"] == "reported"
    # the same text without the quote is the article's own statement
    plain = _extract(_small(spacy_nlp, text, SURFACES))
    assert plain[plain["type"].eq("weapons_test")].iloc[0]["status"] == "occurred"
    # a factive cue leaves it in the article's voice
    frames["quotes"].loc[0, "cue"] = "confirm"
    confirmed = _extract(frames)
    assert confirmed[confirmed["type"].eq("weapons_test")].iloc[0]["status"] == "occurred"


@pytest.mark.parametrize(
    ("first", "status"), [("Putin will meet Kim.", "planned"), ("Putin met Kim.", "occurred")]
)
def test_undecided_mention_takes_status_of_same_event(spacy_nlp, first, status):
    text = f"{first} The timing of Kim's trip to Russia is important."
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    trip = ev[ev["type"].eq("visit")].iloc[0]
    assert trip["status"] == status
    assert "status=coreference" in trip["status_cues"]


def test_status_from_interval_after_publication(spacy_nlp):
    text = "Kim and Putin meet in May."
    frames = _small(
        spacy_nlp,
        text,
        SURFACES,
        [("May", 0, "DATE", "2019-05", None, "2019-05-01", "2019-06-01", "month")],
    )
    ev = _extract(frames)
    assert list(ev["status"]) == ["planned"]
    assert ev.iloc[0]["timex"] == "2019-05"


def test_time_of_saying_is_not_time_of_event(spacy_nlp):
    text = "The summit between Putin and Kim was revealed last week."
    frames = _small(
        spacy_nlp,
        text,
        SURFACES,
        [("last week", 0, "DATE", "2019-W16", None, "2019-04-15", "2019-04-22", "week")],
    )
    ev = _extract(frames)
    rows = ev[ev["type"].eq("meeting")]
    assert len(rows) == 1 and pd.isna(rows.iloc[0]["begin"])


def test_ambiguous_trigger_needs_weapon_context(spacy_nlp):
    text = "The crisis tested the patience of Putin. North Korea tested a ballistic missile."
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    tests = ev[ev["type"].eq("weapons_test")]
    assert list(tests["participants"]) == [["kb:north_korea_gov"]]


def test_place_of_singapore_summit_modifier(spacy_nlp):
    text = "Trump and Kim held the Singapore summit in June 2018."
    frames = _small(
        spacy_nlp,
        text,
        SURFACES,
        [("June 2018", 0, "DATE", "2018-06", None, "2018-06-01", "2018-07-01", "month")],
        [
            (
                "Singapore",
                0,
                "gn:1880252",
                "Singapore",
                1.28967,
                103.85007,
                "SG",
                "capital",
                "literal",
            )
        ],
    )
    ev = _extract(frames)
    row = ev[ev["type"].eq("meeting")].iloc[0]
    assert set(row["participants"]) == {"kb:donald_trump", "kb:kim_jong_un"}
    assert row["place_name"] == "Singapore" and row["place_certainty"] == "stated"
    assert row["reference_id"] == "singapore-summit"


# ----------------------------------------------------------------- trigger lookup


def _naive_triggers(toks, types):
    """Every phrase of every type tried at every token, then every word against every
    type, in typology order: the definition the compiled lookup must reproduce."""
    from analysis.events.syntax import _context_ok

    out, claimed = [], set()
    for etype in types.values():
        for phrase in etype.phrases:
            for k in range(len(toks) - len(phrase) + 1):
                window = toks[k : k + len(phrase)]
                if window[0].i in claimed:
                    continue
                if all(
                    t.lemma_.lower() == w or t.lower_ == w
                    for t, w in zip(window, phrase, strict=True)
                ) and window[0].pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
                    out.append((window[0].i, etype.name, " ".join(t.text for t in window)))
                    claimed.add(window[0].i)
    for tok in toks:
        if tok.i in claimed:
            continue
        lemma = tok.lemma_.lower()
        for etype in types.values():
            if tok.pos_ == "VERB" and lemma in etype.verbs:
                pos = "v"
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in etype.nouns:
                if lemma in etype.plural_only and tok.tag_ not in ("NNS", "NNPS"):
                    continue
                pos = "n"
            else:
                continue
            if _context_ok(etype, tok, lemma, pos):
                out.append((tok.i, etype.name, tok.text))
                claimed.add(tok.i)
                break
    return sorted(out)


def test_compiled_trigger_lookup_equals_naive_scan(spacy_nlp, restore_types):
    from analysis.events.syntax import TriggerIndex, find_triggers

    # overlapping phrases and words of several types compete for the same tokens
    register_event_type(
        "summons",
        ["call in", "call:v", "summons:n", "announce:v", "talks about"],
        family="statement",
    )
    text = SAMPLE_FILE.read_text(encoding="utf-8") + (
        " Seoul called in the ambassador and called for talks. The talks will test the "
        "missile deal; Kim will stop by Moscow, sign a treaty and test-fire a rocket. "
        "Russia announced new sanctions. The talks about sanctions stalled."
    )
    doc = spacy_nlp(text)
    index = TriggerIndex(EVENT_TYPES)
    found = 0
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        got = sorted((t.i, e.name, txt) for t, e, txt in find_triggers(toks, index))
        assert got == _naive_triggers(toks, EVENT_TYPES), sent.text
        found += len(got)
    assert found >= 20


# ----------------------------------------------------------------- typology


def test_every_type_documented_with_triggers():
    for name, etype in EVENT_TYPES.items():
        assert etype.name == name
        assert etype.description
        assert etype.triggers
    for required in (
        "meeting",
        "visit",
        "statement",
        "demand",
        "agreement",
        "weapons_test",
        "military_activity",
        "sanctions",
    ):
        assert required in EVENT_TYPES


@pytest.fixture
def restore_types():
    saved = dict(EVENT_TYPES)
    yield
    EVENT_TYPES.clear()
    EVENT_TYPES.update(saved)


def test_register_event_type_is_used(spacy_nlp, restore_types):
    text = "Russian hackers hacked the Pentagon. Kim inaugurated a hospital."
    assert not len(_extract(_small(spacy_nlp, text, SURFACES)))
    register_event_type(
        "inauguration", ["inaugurate:v", "inauguration:n"], description="Openings of buildings"
    )
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert list(ev["type"]) == ["inauguration"]
    assert list(ev["participants"]) == [["kb:kim_jong_un"]]
    # extending keeps the old triggers
    register_event_type("inauguration", ["open:v"])
    assert {"inaugurate", "open"} <= EVENT_TYPES["inauguration"].verbs
    unregister_event_type("inauguration")
    assert "inauguration" not in EVENT_TYPES
    with pytest.raises(KeyError, match="unknown event type"):
        unregister_event_type("inauguration")
    with pytest.raises(ValueError):
        register_event_type("", ["x"])
    with pytest.raises(ValueError):
        register_event_type("bad", [""])


# ----------------------------------------------------------------- bad input


def test_empty_frames_give_empty_events():
    ev = extract_events(
        schema.empty("articles"),
        schema.empty("sentences"),
        schema.empty("mentions"),
        schema.empty("actors"),
        schema.empty("places"),
        schema.empty("timexes"),
        schema.empty("quotes"),
    )
    assert len(ev) == 0
    assert list(ev.columns[: len(schema.SCHEMAS["events"])]) == [
        c.name for c in schema.SCHEMAS["events"]
    ]
    assert str(ev["begin"].dtype) == "datetime64[ns, UTC]"


def test_no_actors_no_places_no_timexes_still_fine(spacy_nlp):
    text = "The summit was held. North Korea tested a missile. Nothing else happened."
    frames = _small(spacy_nlp, text)  # no mentions, places, timexes
    frames["sentences"] = schema.empty("sentences")  # and no sentences: parser's are used
    frames["articles"].loc[0, "published"] = pd.NaT
    ev = _extract(frames)
    assert "weapons_test" in set(ev["type"]) or len(ev) == 0
    assert all(ps == [] for ps in ev["participants"])


def test_bad_article_skipped_good_kept(spacy_nlp, sample_frames):
    bad = _articles("", aid="empty0")
    frames = dict(sample_frames)
    frames["articles"] = pd.concat([frames["articles"], bad], ignore_index=True)
    ev = _extract(frames)
    assert set(ev["article_id"]) == {AID}


def test_missing_column_is_named(sample_frames):
    frames = dict(sample_frames)
    frames["timexes"] = frames["timexes"].drop(columns=["begin"])
    with pytest.raises(schema.SchemaError, match="begin"):
        _extract(frames)


# ----------------------------------------------------------------- reference timeline


def test_bundled_reference_timeline():
    ref = load_reference_events()
    assert ref["reference_id"].is_unique
    assert ref["source"].notna().all() and (ref["source"].str.len() > 5).all()
    assert (ref["end"] > ref["begin"]).all()
    by = ref.set_index("reference_id")
    expected = {
        "singapore-summit": ("2018-06-12", "2018-06-13"),
        "hanoi-summit": ("2019-02-27", "2019-03-01"),
        "vladivostok-summit": ("2019-04-25", "2019-04-26"),
        "panmunjom-summit-2018-04": ("2018-04-27", "2018-04-28"),
        "panmunjom-summit-2018-05": ("2018-05-26", "2018-05-27"),
        "pyongyang-summit-2018-09": ("2018-09-18", "2018-09-21"),
        "dmz-meeting-2019-06": ("2019-06-30", "2019-07-01"),
        "hwasong-15-test": ("2017-11-29", "2017-11-30"),
        "nk-nuclear-test-6": ("2017-09-03", "2017-09-04"),
        "tactical-guided-weapon-test": ("2019-04-17", "2019-04-18"),
    }
    for rid, (b, e) in expected.items():
        assert (by.loc[rid, "begin"], by.loc[rid, "end"]) == (ts(b), ts(e)), rid
    assert "Sentosa" in by.loc["singapore-summit", "place"]
    kim_xi = ref[ref["participants"].map(lambda p: "xi_jinping" in p and "kim_jong_un" in p)]
    assert len(kim_xi) >= 4
    pompeo = ref[
        ref["participants"].map(lambda p: "mike_pompeo" in p) & ref["begin"].dt.year.eq(2018)
    ]
    assert len(pompeo) >= 3


def test_reference_participants_are_knowledge_base_ids():
    from analysis.settings import data_path

    kb_path = data_path("actors.csv")
    if not kb_path.is_file():
        pytest.skip("data/actors.csv not present yet")
    kb_ids = set(pd.read_csv(kb_path, dtype=str)["actor_id"])
    ref = load_reference_events()
    unknown = {p for ps in ref["participants"] for p in ps} - kb_ids
    assert not unknown


def test_user_reference_file_adds_and_replaces(tmp_path, caplog):
    path = tmp_path / "mine.csv"
    path.write_text(
        "reference_id,type,name,participants,begin,end,place,lat,lon,source\n"
        "my-summit,meeting,My summit,donald_trump|xi_jinping,2017-04-06,2017-04-08,"
        "Mar-a-Lago,26.677,-80.037,White House 6 Apr 2017\n"
        "singapore-summit,meeting,Renamed,donald_trump|kim_jong_un,2018-06-12,,"
        "Singapore,,,my notes\n"
        "broken,meeting,Broken,a|b,not a date,,,,,x\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="analysis.events"):
        ref = load_reference_events(path)
    assert "line 4" in caplog.text and "not a date" in caplog.text
    by = ref.set_index("reference_id")
    assert "my-summit" in by.index and "broken" not in by.index
    assert by.loc["singapore-summit", "name"] == "Renamed"
    assert by.loc["singapore-summit", "end"] == ts("2018-06-13")  # one day by default
    with pytest.raises(ValueError, match="not a date"):
        load_reference_events(path, strict=True)
    assert len(load_reference_events(tmp_path / "missing.csv")) == len(load_reference_events())


def _event_rows(rows):
    df = pd.DataFrame(rows)
    for col in ("article_id", "evidence", "trigger", "event_id"):
        df[col] = df.get(col, "x")
    df["sentence_id"] = 0
    for c in schema.SCHEMAS["events"]:
        if c.name not in df:
            df[c.name] = None
    return schema.conform(df, "events")


def test_link_reference_rules():
    ref = load_reference_events()
    events = _event_rows(
        [
            # Kim-Xi in 2018: three reference meetings fit equally -> ambiguous, no link
            {
                "event_id": "a",
                "type": "meeting",
                "status": "occurred",
                "participants": ["kb:kim_jong_un", "kb:xi_jinping"],
                "begin": ts("2018-01-01"),
                "end_date": ts("2019-01-01"),
            },
            # Kim-Xi in May 2018 (a visit is in the meeting family) -> Dalian
            {
                "event_id": "b",
                "type": "visit",
                "status": "occurred",
                "participants": ["kb:kim_jong_un", "kb:xi_jinping"],
                "begin": ts("2018-05-01"),
                "end_date": ts("2018-06-01"),
            },
            # North Korea's 2017 September test, named by country only
            {
                "event_id": "c",
                "type": "weapons_test",
                "status": "occurred",
                "participants": ["kb:north_korea_gov"],
                "begin": ts("2017-09-03"),
                "end_date": ts("2017-09-04"),
            },
            # wrong family -> no link
            {
                "event_id": "d",
                "type": "sanctions",
                "status": "occurred",
                "participants": ["kb:donald_trump", "kb:kim_jong_un"],
                "begin": ts("2018-06-12"),
                "end_date": ts("2018-06-13"),
            },
            # no interval -> no link
            {
                "event_id": "e",
                "type": "meeting",
                "status": "occurred",
                "participants": ["kb:vladimir_putin", "kb:kim_jong_un"],
            },
        ]
    )
    out = link_reference(events, ref).set_index("event_id")
    assert pd.isna(out.loc["a", "reference_id"])
    assert out.loc["b", "reference_id"] == "kim-xi-dalian-2018-05"
    assert out.loc["b", "begin"] == ts("2018-05-01")  # the article's interval is kept
    assert out.loc["c", "reference_id"] == "nk-nuclear-test-6"
    assert pd.isna(out.loc["d", "reference_id"])
    assert pd.isna(out.loc["e", "reference_id"])


def test_link_reference_with_actor_names():
    ref = load_reference_events()
    actors = _actors(
        {"x:putin": ("Vladimir Putin", "person", "RU"), "x:kim": ("Kim Jong Un", "person", "KP")}
    )
    events = _event_rows(
        [
            {
                "event_id": "a",
                "type": "meeting",
                "status": "planned",
                "participants": ["x:putin", "x:kim"],
                "begin": ts("2019-04-22"),
                "end_date": ts("2019-05-01"),
            }
        ]
    )
    assert pd.isna(link_reference(events, ref).loc[0, "reference_id"])
    out = link_reference(events, ref, actors=actors)
    assert out.loc[0, "reference_id"] == "vladivostok-summit"
    assert out.loc[0, "ref_lat"] == pytest.approx(43.025)


# ----------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def built_sample(tmp_path_factory):
    """The sample through the real stages (io, nlp, actors, geo, timex, events)."""
    try:
        from analysis.corpus import build
    except ImportError as exc:  # pragma: no cover - until the other stages land
        pytest.skip(f"analysis.corpus not available: {exc}")
    import os

    from analysis.settings import BUNDLED_REFERENCE, Settings

    os.environ.setdefault("NEWSDESK_CACHE", str(tmp_path_factory.mktemp("cache")))
    # linking to the bundled 2017-19 timeline is opt-in: the sample's story is in it
    return build(SAMPLE_FILE.parent, settings=Settings(reference_events=(BUNDLED_REFERENCE,)))


def test_end_to_end_sample_events(built_sample):
    ev = built_sample.events
    schema.check(ev, "events")

    def one(type_, *actors):
        rows = _with(ev, type_, *actors)
        assert len(rows) >= 1, (type_, actors, ev[["type", "trigger", "participants"]])
        return rows

    putin_kim = one("meeting", "kb:vladimir_putin", "kb:kim_jong_un").iloc[0]
    assert putin_kim["status"] == "planned"
    assert putin_kim["end_date"] <= ts("2019-05-01")
    assert putin_kim["place_name"] == "Vladivostok"
    assert putin_kim["reference_id"] == "vladivostok-summit"
    trump_kim = one("meeting", "kb:donald_trump", "kb:kim_jong_un")
    assert set(trump_kim["reference_id"]) == {"singapore-summit", "hanoi-summit"}
    assert set(trump_kim["status"]) == {"occurred"}
    peskov = one("statement", "kb:dmitry_peskov").iloc[0]
    assert peskov["begin"] == ts("2019-04-22")
    demand = one("demand", "kb:kim_jong_un").iloc[0]
    assert demand["end_date"] <= ts("2019-04-22") and demand["begin"] >= ts("2019-04-01")
    test = one("weapons_test").iloc[0]
    assert test["status"] == "occurred"
    assert (test["begin"], test["end_date"]) == (ts("2019-04-01"), ts("2019-04-22"))
    yongbyon = one("military_activity").iloc[0]
    assert "Yongbyon" in str(yongbyon["place_name"])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Kim Jong Un met Vladimir Putin on 25 April 2019 in the Russian Pacific port of "
            "Vladivostok.",
            "Vladivostok",
        ),
        ("Donald Trump met Kim Jong Un in the city of Hanoi in February 2019.", "Hanoi"),
    ],
)
def test_place_named_by_an_of_phrase_beats_the_modifier(text, place, tmp_path, monkeypatch):
    # "the Pacific port of Vladivostok": the event is in Vladivostok, not in the Pacific
    from helpers import make_articles

    from analysis.corpus import build

    monkeypatch.setenv("NEWSDESK_CACHE", str(tmp_path))
    arts = make_articles({"a": text})
    arts["published"] = pd.Series(
        [pd.Timestamp("2019-04-26", tz="UTC")], dtype="datetime64[ns, UTC]"
    )
    events = build(arts, progress=False).events
    meeting = events[events["type"].eq("meeting")]
    assert meeting["place_name"].tolist() == [place]


# ------------------------------------------------ arguments, scope, dates (invented)


def _one(spacy_nlp, text, type_, surfaces=SURFACES, timexes=(), **kw):
    frames = _small(spacy_nlp, text, surfaces, timexes)
    for key, value in kw.items():
        frames[key] = value(frames)
    ev = _extract(frames, link=False)
    rows = ev[ev["type"].eq(type_)]
    assert len(rows) == 1, ev[["type", "trigger", "participants"]]
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # a negation or cancellation under a modal of obligation is demanded, not done
        ("Putin should not meet Kim.", "meeting", "planned"),
        ("The summit between Putin and Kim should be cancelled.", "meeting", "planned"),
        ("Pompeo urged Trump to call off the summit with Kim.", "meeting", "planned"),
    ],
)
def test_status_negation_is_scoped(spacy_nlp, text, type_, status):
    assert _one(spacy_nlp, text, type_)["status"] == status


def test_negation_of_another_clause_leaves_the_meeting(spacy_nlp):
    text = "Putin met Kim on Monday, but Trump did not comment on it."
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    met = ev[ev["trigger"].eq("met")]
    assert list(met["status"]) == ["occurred"]


def test_object_control_gives_the_actor_of_the_infinitive(spacy_nlp):
    # "urged Trump to meet Kim": Trump and Kim meet, Pompeo does not
    ev = _one(spacy_nlp, "Pompeo urged Trump to meet Kim in the spring.", "meeting")
    assert set(ev["participants"]) == {"kb:donald_trump", "kb:kim_jong_un"}


def test_statement_participants_are_the_speakers(spacy_nlp):
    ev = _one(spacy_nlp, "Pompeo told Trump that Putin is ready.", "statement")
    assert list(ev["participants"]) == ["kb:mike_pompeo"]


def test_coordinated_speakers_all_take_part(spacy_nlp):
    text = "Trump, Putin and Pompeo issued a statement on Monday."
    ev = _one(spacy_nlp, text, "statement")
    assert set(ev["participants"]) == {"kb:donald_trump", "kb:vladimir_putin", "kb:mike_pompeo"}


def test_he_said_is_the_last_speaker(spacy_nlp):
    text = "Peskov confirmed the plan on Monday. He said Putin would travel by train."
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    said = ev[ev["trigger"].eq("said")]
    assert len(said) == 1 and list(said.iloc[0]["participants"]) == ["kb:dmitry_peskov"]


def test_party_and_state_label_is_not_a_participant(spacy_nlp):
    surfaces = [("Paul Ryan", "PERSON", "x:paul-ryan"), ("Wis.", "GPE", "x:wis"), *SURFACES]
    ev = _one(spacy_nlp, "Paul Ryan, R-Wis., met Putin in Moscow.", "meeting", surfaces)
    assert set(ev["participants"]) == {"x:paul-ryan", "kb:vladimir_putin"}


def test_weapon_system_is_never_a_participant(spacy_nlp):
    surfaces = [("Hwasong-15", "PERSON", "x:hwasong-15"), *SURFACES]
    ev = _one(spacy_nlp, "North Korea tested a Hwasong-15 on Tuesday.", "weapons_test", surfaces)
    assert list(ev["participants"]) == ["kb:north_korea_gov"]


def test_weapon_system_name_makes_a_weapons_test(spacy_nlp):
    ev = _one(spacy_nlp, "North Korea launched two Pukguksong rockets.", "weapons_test")
    assert "kb:north_korea_gov" in ev["participants"]


def test_relational_timex_is_not_the_date_of_the_event(spacy_nlp):
    def with_signal(frames):
        tx = frames["timexes"].copy()
        tx["signal"] = "since"
        return tx

    frames = _small(
        spacy_nlp,
        "Putin has held talks with Kim since March.",
        SURFACES,
        [("March", 0, "DATE", "2019-03", None, "2019-03-01", "2019-04-01", "month")],
    )
    frames["timexes"] = with_signal(frames)
    rows = _extract(frames, link=False)
    rows = rows[rows["type"].eq("meeting")]
    assert len(rows) == 1 and pd.isna(rows.iloc[0]["begin"])


def test_bare_weekday_of_a_planned_event_is_the_next_one(spacy_nlp):
    # written on Monday 22 April; the tagger resolved "Friday" to the 19th
    ev = _one(
        spacy_nlp,
        "Putin will meet Kim on Friday.",
        "meeting",
        timexes=[("Friday", 0, "DATE", "2019-04-19", None, "2019-04-19", "2019-04-20", "day")],
    )
    assert ev["begin"] == ts("2019-04-26") and ev["status"] == "planned"


def test_past_statement_keeps_a_past_weekday(spacy_nlp):
    ev = _one(
        spacy_nlp,
        "Peskov said on Friday that the talks went well.",
        "statement",
        timexes=[("Friday", 0, "DATE", "2019-04-19", None, "2019-04-19", "2019-04-20", "day")],
    )
    assert ev["begin"] == ts("2019-04-19")


def test_headline_line_gives_no_event(spacy_nlp):
    text = "Putin To Meet Kim In Vladivostok\n\nThe Kremlin has confirmed the plan."

    def titled(frames):
        arts = frames["articles"].copy()
        arts["title"] = "Putin To Meet Kim In Vladivostok"
        return arts

    frames = _small(spacy_nlp, text, SURFACES)
    frames["articles"] = titled(frames)
    ev = _extract(frames, link=False)
    assert not ev["type"].eq("meeting").any()
    assert ev["type"].eq("statement").any()


def test_undated_article_gets_no_invented_date(spacy_nlp):
    frames = _small(spacy_nlp, "Peskov says the talks are going well.", SURFACES, published=pd.NaT)
    ev = _extract(frames, link=False)
    assert len(ev) >= 1 and ev["begin"].isna().all()


def test_user_vocabulary_extends_weapon_names(tmp_path):
    from analysis.events import extend_vocabulary, load_vocabulary, types, vocabulary

    good = tmp_path / "vocab.csv"
    good.write_text("term,category,note\nzircon,weapon_system,invented for the test\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category\nfoo,colour\n")
    assert "zircon" in load_vocabulary(good)["weapon_system"]
    assert "thaad" in load_vocabulary()["weapon_system"]  # the bundled file
    assert load_vocabulary(bad, bundled=False)["weapon_system"] == frozenset()
    with pytest.raises(ValueError, match="category"):
        load_vocabulary(bad, bundled=False, strict=True)
    saved = {k: set(v) for k, v in vocabulary._VOCAB.items()}
    saved_types = dict(types.EVENT_TYPES)
    try:
        extend_vocabulary(good)
        assert vocabulary.is_weapon_system("Zircon")
        assert "zircon" in types.EVENT_TYPES["weapons_test"].context["test"]
    finally:
        vocabulary._VOCAB.clear()
        vocabulary._VOCAB.update(saved)
        types.EVENT_TYPES.clear()
        types.EVENT_TYPES.update(saved_types)
    assert not vocabulary.is_weapon_system("Zircon")
    assert not vocabulary.is_weapon_system("Patriot Act")


@pytest.mark.parametrize(
    "text",
    [
        # the negation belongs to another proposition (the purpose clause's governor)
        "Trump will not travel to Moscow to avoid the summit between Putin and Kim.",
        # "no" of a noun that is not a plan or prospect does not deny what it is about
        "There was no readout of the summit between Putin and Kim.",
    ],
)
def test_negation_does_not_cross_into_other_propositions(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    summit = ev[ev["trigger"].eq("summit")]
    assert len(summit) == 1 and summit.iloc[0]["status"] != "denied"


def test_quoted_speech_act_is_not_reported(spacy_nlp):
    text = '"The talks went well," Peskov said. "We will meet again," he added.'
    frames = _small(spacy_nlp, text, SURFACES)
    quotes = pd.DataFrame(
        [
            {
                "article_id": "t1",
                "sentence_id": 0,
                "start": 0,
                "end": len(text),
                "speaker": None,
                "speaker_text": None,
                "text": text,
                "cue": "say",
                "kind": "direct",
                "via": None,
            }
        ]
    )
    frames["quotes"] = schema.conform(quotes, "quotes")
    ev = _extract(frames, link=False)
    said = ev[ev["trigger"].eq("said")]
    assert len(said) == 1 and said.iloc[0]["status"] == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "Putin sees the sanctions as a threat.",
        "Pompeo called the launch a provocation.",
        "North Korea is a threat to the region.",
    ],
)
def test_characterising_nouns_are_not_events(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES), link=False)
    assert not ev["type"].isin(["threat", "military_activity"]).any(), ev[["type", "trigger"]]


def test_threat_made_is_an_event(spacy_nlp):
    ev = _one(spacy_nlp, "Kim issued a threat to Trump on Monday.", "threat")
    assert "kb:kim_jong_un" in ev["participants"]
    # a warning that threatens no act of the warner's is a statement (see test_events_recall)
    ev = _one(spacy_nlp, "Kim issued a warning to Trump on Monday.", "statement")
    assert "kb:kim_jong_un" in ev["participants"]


def test_tweet_is_a_statement(spacy_nlp):
    ev = _one(spacy_nlp, "Trump tweeted that Kim is a friend.", "statement")
    assert list(ev["participants"]) == ["kb:donald_trump"]
