"""Hostile text through the stages: ``nlp.parse``, ``timex.tag_text``/``tag_timexes``, ``geoparse``.

Whatever the text (control characters, lone surrogates, RTL and combining marks, no
spaces, only punctuation, empty), each stage returns its frame, and every offset it
gives points at the very characters it claims (``text == article[start:end]``).
The spaCy pipeline is the session fixture ``nlp`` (built once); examples are small.

Long run::

    NEWSDESK_FUZZ=long .venv/bin/pytest -m slow tests/test_hostile_stages.py
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest
from fakes.fuzz import FUZZ, LONG, hostile_text, require_long_run
from hypothesis import given
from hypothesis import strategies as st

from analysis import schema
from analysis.io.decode import scrub_surrogates


def pathological(n: int) -> list[str]:
    """Inputs a regular expression engine or a tokenizer may choke on (``n`` repeats)."""
    return [
        "",
        " ",
        "\n" * n,
        "." * (4 * n),
        "1 " * n,
        "January " * n,
        "Monday, " * n,
        "-" * (10 * n),
        "2019-" * n,
        "a" * (20 * n),
        "Mr. " * n,
        "next next next next week " * (n // 5),
        "the 22nd of the 22nd of " * (n // 5),
        "\u202e\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u05d0 " * n,
        "e\u0301" * (4 * n),
        "\ud800 Moscow \udfff said on Monday \x00\x1b",
        "<script>alert(1)</script> Kim met Putin in Vladivostok on April 25, 2019.",
        "Vladivostok" * n,
    ]


#: Small enough for the default run; the slow run uses 5000 repeats.
PATHOLOGICAL = pathological(300)


def _articles(texts: list[str], published="2019-04-22T00:00:00Z") -> pd.DataFrame:
    # a pandas (Arrow) string column cannot hold lone surrogates; load_articles replaces them
    texts = [scrub_surrogates(t) for t in texts]
    rows = []
    for i, text in enumerate(texts):
        rows.append(
            {
                "article_id": f"{i:016x}",
                "title": "t",
                "title_derived": False,
                "source": None,
                "url": None,
                "author": None,
                "published": published,
                "published_precision": "day",
                "published_inferred": False,
                "text": text,
                "language": "en",
                "path": f"/hostile/{i}.txt",
                "paths": [f"/hostile/{i}.txt"],
                "format": "txt",
                "n_words": len(text.split()),
            }
        )
    frame = pd.DataFrame(rows) if rows else schema.empty("articles")
    return schema.conform(frame, "articles")


def _check_spans(frame: pd.DataFrame, articles: pd.DataFrame, what: str) -> None:
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in frame.itertuples(index=False):
        full = texts[row.article_id]
        assert 0 <= row.start <= row.end <= len(full), f"{what}: span out of the text"
        assert full[row.start : row.end] == row.text, f"{what}: text is not text[start:end]"


# ------------------------------------------------------------------------ nlp.parse


def _parse(nlp, texts):
    from analysis.nlp import parse

    arts = _articles(texts)
    parsed = parse(arts, nlp=nlp)
    schema.check(parsed.sentences, "sentences")
    schema.check(parsed.mentions, "mentions")
    _check_spans(parsed.sentences, arts, "sentences")
    _check_spans(parsed.mentions, arts, "mentions")
    ids = set(arts["article_id"])
    assert set(parsed.sentences["article_id"]) <= ids
    # every article is either parsed or listed as skipped with a reason
    for aid, text in zip(arts["article_id"], arts["text"], strict=True):
        if aid not in set(parsed.sentences["article_id"]) and text.strip():
            assert aid in parsed.skipped or not any(c.isalnum() for c in text)
    return arts, parsed


@FUZZ
@given(st.lists(hostile_text(max_size=160), min_size=1, max_size=3))
def test_parse_survives_hostile_text(nlp, texts):
    _parse(nlp, texts)


@pytest.mark.slow
@LONG
@given(st.lists(hostile_text(max_size=600), min_size=1, max_size=6))
def test_parse_long_run(request, nlp, texts):
    require_long_run(request.config)
    _parse(nlp, texts)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_parse_and_geoparse_pathological_full_size(request, nlp):
    require_long_run(request.config)
    _geoparse(nlp, pathological(5000))


@pytest.mark.timeout(300)
def test_parse_pathological_texts(nlp):
    arts, parsed = _parse(nlp, PATHOLOGICAL)
    assert len(parsed.sentences) > 0  # the prose ones were parsed
    assert arts["article_id"].iloc[0] in parsed.skipped  # the empty one is explained


def test_parse_empty_frame(nlp):
    from analysis.nlp import parse

    parsed = parse(schema.empty("articles"), nlp=nlp)
    assert parsed.sentences.empty and parsed.mentions.empty


# ------------------------------------------------------------------------ timex

ANCHORS = st.one_of(
    st.none(),
    st.sampled_from(["2019-04-22", "1900-01-01", "2099-12-31", "2020-02-29T23:59:59+14:00"]),
    st.datetimes(min_value=datetime(1700, 1, 1), max_value=datetime(2200, 12, 31)).map(
        pd.Timestamp
    ),
    st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 12, 31)),
)

TIMEX_PROSE = (
    "Putin met Kim on Monday, next week, in April, last year, on 25 April, in May 2019 and "
    "on May 3; the next decade, 10 years ago, this century; yesterday at 5 pm."
)


@pytest.mark.parametrize(
    "anchor",
    [
        pd.NaT,
        "",
        "0001-01-01",
        "9999-12-31",
        None,
        "2019-04-22",
    ],
)
def test_tag_text_missing_or_extreme_anchor_leaves_dates_unresolved(anchor):
    from analysis.timex import tag_text

    found = tag_text(TIMEX_PROSE, anchor)
    _check_timexes(TIMEX_PROSE, found)
    assert found
    if anchor is not pd.NaT and anchor not in (None, "", "0001-01-01", "9999-12-31"):
        return
    relative = [t for t in found if t.text in ("Monday", "next week", "last year", "yesterday")]
    assert relative and all(t.begin is None or pd.isna(t.begin) for t in relative)


def test_tense_context_is_bounded_so_long_date_lists_stay_linear():
    from analysis.timex import tag_text

    # 3000 weekdays in one sentence: every one is tagged; the tagger reads only a bounded
    # context around each (was quadratic in the sentence length)
    text = "Monday, " * 3000 + "were busy."
    found = tag_text(text, "2019-04-22")
    assert len(found) == 3000


@pytest.mark.parametrize("anchor", ["not a date", "2019-02-29T23:59:59+14:00", "2019-13-01"])
def test_tag_text_unparsable_anchor_is_a_clear_error(anchor):
    from analysis.timex import tag_text

    with pytest.raises(ValueError, match="not a valid date"):
        tag_text(TIMEX_PROSE, anchor)


def _check_timexes(text, timexes):
    last_end = -1
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end  # in order, non-overlapping
        last_end = t.end
        assert isinstance(t.value, str) and t.value
        if t.begin is not pd.NaT and t.end_date is not pd.NaT:
            assert t.begin <= t.end_date


@FUZZ
@given(hostile_text(max_size=400), ANCHORS)
def test_tag_text_survives_hostile_text_and_anchors(text, anchor):
    from analysis.timex import tag_text

    _check_timexes(text, tag_text(text, anchor))


@pytest.mark.slow
@LONG
@given(hostile_text(max_size=2000), ANCHORS)
def test_tag_text_long_run(request, text, anchor):
    require_long_run(request.config)
    from analysis.timex import tag_text

    _check_timexes(text, tag_text(text, anchor))


@pytest.mark.timeout(300)
@pytest.mark.parametrize("index", range(len(PATHOLOGICAL)))
def test_tag_text_pathological_inputs_finish(index):
    from analysis.timex import tag_text

    text = PATHOLOGICAL[index]
    _check_timexes(text, tag_text(text, "2019-04-22"))


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_tag_text_pathological_inputs_full_size(request):
    require_long_run(request.config)
    from analysis.timex import tag_text

    for text in pathological(5000):
        _check_timexes(text, tag_text(text, "2019-04-22"))


@FUZZ
@given(
    st.lists(hostile_text(max_size=200), min_size=0, max_size=4),
    st.sampled_from(["2019-04-22T00:00:00Z", None, "1970-01-01T00:00:00Z"]),
)
def test_tag_timexes_frame_survives(texts, published):
    from analysis.timex import tag_timexes

    arts = _articles(texts, published=published)
    frame = tag_timexes(arts)
    schema.check(frame, "timexes")
    _check_spans(frame, arts, "timexes")


# ------------------------------------------------------------------------ geoparse


def _geoparse(nlp, texts):
    from analysis.geo import geoparse

    arts, parsed = _parse(nlp, texts)
    places = geoparse(arts, parsed.sentences, parsed.mentions, docs=parsed.docs)
    schema.check(places, "places")
    _check_spans(places, arts, "places")
    for lat, lon in zip(places["lat"], places["lon"], strict=True):
        if not (isinstance(lat, float) and math.isnan(lat)):
            assert -90 <= lat <= 90 and -180 <= lon <= 180
    scores = places["score"].dropna()
    assert ((scores >= 0) & (scores <= 1)).all()
    return places


@FUZZ
@given(st.lists(hostile_text(max_size=160), min_size=1, max_size=3))
def test_geoparse_survives_hostile_text(nlp, texts):
    _geoparse(nlp, texts)


@pytest.mark.timeout(300)
def test_geoparse_pathological_texts(nlp):
    places = _geoparse(nlp, PATHOLOGICAL)
    assert "Vladivostok" in set(places["text"])


def test_geoparse_without_parsed_frames_parses_itself():
    from analysis.geo import geoparse

    arts = _articles(["Talks in Vladivostok \ud800 and \x00 Pyongyang."])
    places = geoparse(arts)
    schema.check(places, "places")
