"""A short summary of an articles frame (what ``make demo`` prints)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import schema

__all__ = ["summarize", "format_summary"]


def summarize(articles: pd.DataFrame) -> dict:
    """Count articles, words and sources and give the date range.

    Parameters
    ----------
    articles : pandas.DataFrame
        An ``articles`` frame.

    Returns
    -------
    dict
        ``articles`` (int), ``words`` (int), ``sources`` (dict source -> number of
        articles, most frequent first; missing sources counted as "unknown"),
        ``first`` and ``last`` (``datetime.date`` of the earliest and latest
        publication, ``None`` when no date is known), ``undated`` (int),
        ``inferred_dates`` (dates inferred from the text, ``published_source ==
        "inferred"``), ``text_fields`` (dict input field -> articles whose text it
        gave, structured inputs only), ``boilerplate_lines`` (lines removed),
        ``duplicates`` (articles flagged as a near-duplicate of another) and
        ``skipped`` (rows of ``attrs["load_report"]``, 0 when absent).
    """
    schema.check(articles, "articles")
    sources = articles["source"].astype("string").fillna("unknown").value_counts()
    sources = sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))
    published = articles["published"].dropna()
    first: dt.date | None = published.min().date() if len(published) else None
    last: dt.date | None = published.max().date() if len(published) else None
    report = articles.attrs.get("load_report")

    def column(name: str) -> pd.Series:
        if name in articles.columns:
            return articles[name]
        return pd.Series([pd.NA] * len(articles), index=articles.index, dtype="object")

    fields = column("text_field").dropna().astype(str).value_counts()
    return {
        "articles": int(len(articles)),
        "words": int(articles["n_words"].sum()) if len(articles) else 0,
        "sources": {str(k): int(v) for k, v in sources},
        "first": first,
        "last": last,
        "undated": int(articles["published"].isna().sum()),
        "inferred_dates": int((column("published_source") == "inferred").fillna(False).sum()),
        "text_fields": {str(k): int(v) for k, v in fields.items()},
        "boilerplate_lines": int(pd.to_numeric(column("boilerplate_removed")).fillna(0).sum()),
        "duplicates": int(column("duplicate_of").notna().sum()),
        "skipped": int(len(report)) if isinstance(report, pd.DataFrame) else 0,
    }


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def format_summary(d: dict) -> str:
    """Human-readable text of :func:`summarize`'s dict (a few lines)."""
    lines = [f"{_plural(d['articles'], 'article')}, {_plural(d['words'], 'word')}"]
    sources = d.get("sources") or {}
    if sources:
        shown = ", ".join(f"{name} ({n})" for name, n in list(sources.items())[:10])
        more = len(sources) - 10
        lines.append(
            f"{_plural(len(sources), 'source')}: {shown}"
            + (f", and {more} more" if more > 0 else "")
        )
    first, last = d.get("first"), d.get("last")
    if first is None:
        lines.append("published: no dates known")
    elif first == last:
        lines.append(f"published: {first.isoformat()}")
    else:
        lines.append(f"published: {first.isoformat()} to {last.isoformat()}")
    if d.get("undated"):
        lines.append(f"{_plural(d['undated'], 'article')} without a publication date")
    if d.get("inferred_dates"):
        lines.append(f"{_plural(d['inferred_dates'], 'publication date')} inferred from the text")
    if d.get("text_fields"):
        shown = ", ".join(f"{name!r} ({n})" for name, n in d["text_fields"].items())
        lines.append(f"text read from the field(s): {shown}")
    if d.get("boilerplate_lines"):
        lines.append(f"{_plural(d['boilerplate_lines'], 'boilerplate line')} removed")
    if d.get("duplicates"):
        lines.append(
            f"{_plural(d['duplicates'], 'article')} flagged as a near-duplicate "
            "(syndicated copy or updated version)"
        )
    if d.get("skipped"):
        lines.append(f"{_plural(d['skipped'], 'input')} skipped (see attrs['load_report'])")
    return "\n".join(lines)
