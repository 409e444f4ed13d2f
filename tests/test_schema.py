"""The frame schemas: checks fail early and name the column, conform casts dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema


def test_check_names_the_missing_column():
    df = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [3]})
    with pytest.raises(schema.SchemaError, match="sentences frame is missing column\\(s\\): text"):
        schema.check(df, "sentences")


def test_unknown_frame_lists_known_ones():
    with pytest.raises(KeyError, match="articles"):
        schema.check(pd.DataFrame(), "nope")


@pytest.mark.parametrize("frame", sorted(schema.SCHEMAS))
def test_empty_frames_have_documented_columns_and_dtypes(frame):
    df = schema.empty(frame)
    assert list(df.columns) == [c.name for c in schema.SCHEMAS[frame]]
    assert len(df) == 0
    assert len(schema.describe(frame)) == len(df.columns)


def test_conform_casts_and_orders_columns():
    df = pd.DataFrame(
        {
            "text": ["Kim met Putin."],
            "end": ["14"],
            "start": [0],
            "sentence_id": [0.0],
            "article_id": ["abc"],
            "note": ["kept"],
        }
    )
    out = schema.conform(df, "sentences")
    assert list(out.columns)[:5] == ["article_id", "sentence_id", "start", "end", "text"]
    assert out["end"].dtype == "int64" and out.loc[0, "end"] == 14
    assert out.loc[0, "note"] == "kept"


def test_conform_makes_datetimes_timezone_aware():
    df = schema.empty("timexes").drop(columns=["begin"])
    df = pd.concat([df, pd.DataFrame({"begin": ["2019-04-22"]})], ignore_index=True)
    for col in schema.SCHEMAS["timexes"]:
        if col.name not in df:
            df[col.name] = None
    out = schema.conform(df, "timexes")
    assert str(out["begin"].dtype) == "datetime64[ns, UTC]"
    assert out.loc[0, "begin"] == pd.Timestamp("2019-04-22", tz="UTC")
