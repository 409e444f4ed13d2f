"""Hypothesis profiles and strategies of hostile input.

Profiles
--------
``ci`` (default): few examples, derandomized, so the normal suite stays fast and never
flaky.  ``long``: many random examples, for the fuzzing runs behind the ``slow``
marker.  Choose with the environment variable ``NEWSDESK_FUZZ`` (``ci`` or ``long``)::

    NEWSDESK_FUZZ=long .venv/bin/pytest -m slow tests/test_hostile_*.py

Tests decorate themselves with :data:`FUZZ` (the active profile) or :data:`LONG`
(always the long profile, for tests marked ``slow``); nothing here changes
hypothesis' global default profile, so other test modules are not affected.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci", max_examples=25, deadline=None, derandomize=True, suppress_health_check=_SLOW_CHECKS
)
settings.register_profile(
    "long", max_examples=400, deadline=None, derandomize=False, suppress_health_check=_SLOW_CHECKS
)

PROFILE = os.environ.get("NEWSDESK_FUZZ", "ci")
if PROFILE not in ("ci", "long"):
    raise ValueError(f"NEWSDESK_FUZZ must be 'ci' or 'long', not {PROFILE!r}")

#: The active profile (short by default).
FUZZ = settings(settings.get_profile(PROFILE))
#: The long profile, for tests marked ``slow``.
LONG = settings(settings.get_profile("long"))


def require_long_run(config: pytest.Config) -> None:
    """Skip a ``slow`` test unless it was asked for (``-m slow`` or ``NEWSDESK_FUZZ=long``)."""
    markexpr = getattr(config.option, "markexpr", "") or ""
    if PROFILE != "long" and "slow" not in markexpr.replace("not slow", ""):
        pytest.skip("long fuzzing run: select it with -m slow or NEWSDESK_FUZZ=long")


# ----------------------------------------------------------------- characters and text

#: Characters that break naive code: NUL and other controls, lone surrogates, BOM,
#: bidi overrides, zero-width and line/paragraph separators, non-characters, emoji,
#: combining marks, CJK, RTL script.
NASTY_CHARS = [
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\r", "\t", "\x0b", "\x0c",
    "\ud800", "\udbff", "\udc00", "\udfff", "\ufeff", "\ufffe", "\uffff", "\u202e",
    "\u200b", "\u200d", "\u2028", "\u2029", "\u0301", "\U0001f600", "\U0010ffff",
    "\u4e2d", "\u0627", "\u05d0", "&", "<", ">", "\"", "'", "\\", "{", "}",
]  # fmt: skip

#: Any code point, surrogates included.
any_char = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
    st.sampled_from(NASTY_CHARS),
)

#: Words an article is made of, so that texts sometimes look like prose.
WORDS = [
    "Moscow", "Putin", "Kim", "summit", "Vladivostok", "said", "on", "Monday", "the",
    "Kremlin", "April", "2019", "Pyongyang", "Trump", "talks", "in", "next", "week",
    "Washington", "Beijing", "Seoul", "would", "meet", "Jong-un", "U.S.", "Russia",
]  # fmt: skip


def hostile_text(*, max_size: int = 300) -> st.SearchStrategy[str]:
    """Strings mixing prose words with arbitrary (often nasty) code points."""
    token = st.one_of(st.sampled_from(WORDS), st.text(any_char, min_size=1, max_size=6))
    sep = st.sampled_from([" ", " ", " ", "\n", ". ", ", ", "\n\n", "\t", "  "])
    pieces = st.lists(st.tuples(token, sep), max_size=max(1, max_size // 6))
    return pieces.map(lambda ps: "".join(t + s for t, s in ps)[:max_size])


def encode_any(text: str, encoding: str) -> bytes:
    """``text`` as bytes in ``encoding``; unencodable characters kept as raw garbage."""
    if encoding == "utf-8-raw":  # lone surrogates become invalid UTF-8 bytes
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace")


ENCODINGS = ["utf-8", "utf-8-raw", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1251"]


# ----------------------------------------------------------------- file contents


def _json_values(text: st.SearchStrategy[str]) -> st.SearchStrategy:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text)
    return st.recursive(
        scalars,
        lambda kids: st.one_of(
            st.lists(kids, max_size=4),
            st.dictionaries(
                st.sampled_from(["text", "title", "date", "url", "x", ""]), kids, max_size=4
            ),
        ),
        max_leaves=12,
    )


@st.composite
def json_bytes(draw) -> bytes:
    """JSON (object, list, or junk) with hostile strings, sometimes truncated."""
    text = hostile_text(max_size=120)
    record = st.fixed_dictionaries(
        {},
        optional={
            "text": st.one_of(text, _json_values(text)),
            "title": st.one_of(text, st.integers(), st.none()),
            "published": st.one_of(
                text,
                st.integers(),
                st.floats(allow_nan=True),
                st.sampled_from(["2019-04-22", "yesterday", "9999-99-99", "-1", "1e308"]),
            ),
            "language": st.one_of(text, st.sampled_from(["en", "ru", "xx-YY", ""])),
            "url": st.one_of(
                text,
                st.sampled_from(["javascript:alert(1)", "file:///etc/passwd", "../../etc/passwd"]),
            ),
        },
    )
    obj = draw(
        st.one_of(
            record,
            st.lists(record, max_size=4),
            st.fixed_dictionaries({"articles": st.lists(record, max_size=3)}),
            _json_values(text),
        )
    )
    raw = json.dumps(obj, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    encoded = raw.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        # deep nesting: a recursion bomb for naive parsers
        depth = draw(st.integers(1, 3000))
        encoded = b"[" * depth + encoded + b"]" * draw(st.integers(0, depth))
    return encoded


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = draw(st.lists(json_bytes(), max_size=5))
    return b"\n".join(line.replace(b"\n", b" ") for line in lines)


@st.composite
def csv_bytes(draw) -> bytes:
    """CSV/TSV-ish text: a header (often with a text column) and ragged rows."""
    cell = hostile_text(max_size=60)
    header = draw(
        st.lists(
            st.sampled_from(["text", "title", "date", "body", "x", "", '"']), min_size=1, max_size=4
        )
    )
    delim = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(cell, max_size=6), max_size=5))

    def quote(c: str) -> str:
        return c if draw(st.booleans()) else '"' + c.replace('"', '""') + '"'

    text = "\n".join([delim.join(header), *(delim.join(quote(c) for c in r) for r in rows)])
    return encode_any(text, draw(st.sampled_from(ENCODINGS)))


@st.composite
def html_bytes(draw) -> bytes:
    """Web pages: deep nesting, unclosed tags, scripts, hostile text and entities."""
    body = draw(hostile_text(max_size=200))
    depth = draw(st.integers(0, 2000))
    tag = draw(st.sampled_from(["div", "p", "b", "span", "table", "li", "a href='x'"]))
    close = tag.split()[0]
    closed = draw(st.booleans())
    page = (
        "<html><head><title>" + draw(hostile_text(max_size=40)) + "</title>"
        "<script>window.__pwned=1</script></head><body>"
        + f"<{tag}>" * depth
        + "<article><p>"
        + body
        + "</p></article>"
        + (f"</{close}>" * depth if closed else "")
        + draw(
            st.sampled_from(
                [
                    "",
                    "</body></html>",
                    "<!--",
                    "<![CDATA[",
                    "&#xD800;&#0;",
                    "<img src=x onerror=alert(1)>",
                ]
            )
        )
    )
    return encode_any(page, draw(st.sampled_from(ENCODINGS)))


@st.composite
def feed_bytes(draw) -> bytes:
    """RSS/Atom feeds, hostile items, sometimes truncated or not a feed at all."""
    items = draw(
        st.lists(
            st.tuples(
                hostile_text(max_size=40),
                hostile_text(max_size=150),
                st.sampled_from(["Mon, 22 Apr 2019 10:00:00 GMT", "garbage", "", "2019-13-45"]),
            ),
            max_size=4,
        )
    )

    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")

    body = "".join(
        f"<item><title>{esc(t)}</title><description>{esc(d)}</description>"
        f"<pubDate>{p}</pubDate></item>"
        for t, d, p in items
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        + draw(
            st.sampled_from(
                [
                    "",
                    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b '
                    '"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                ]
            )
        )
        + f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    )
    raw = xml.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


#: (extension, content strategy) of hostile files, any loader.
HOSTILE_FILE = st.one_of(
    st.tuples(
        st.sampled_from(["txt", "md"]),
        st.builds(encode_any, hostile_text(), st.sampled_from(ENCODINGS)),
    ),
    st.tuples(
        st.sampled_from(
            ["txt", "json", "csv", "html", "xml", "parquet", "zip", "rss", "jsonl", "bin", ""]
        ),
        st.binary(max_size=600),
    ),
    st.tuples(st.just("json"), json_bytes()),
    st.tuples(st.just("jsonl"), jsonl_bytes()),
    st.tuples(st.sampled_from(["csv", "tsv"]), csv_bytes()),
    st.tuples(st.sampled_from(["html", "htm"]), html_bytes()),
    st.tuples(st.sampled_from(["rss", "xml", "atom"]), feed_bytes()),
)
