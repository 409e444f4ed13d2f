"""Article loaders: files, folders, globs and zip archives into the ``articles`` frame.

>>> from analysis.io import load_articles, summarize, format_summary
>>> articles = load_articles("data/articles")            # doctest: +SKIP
>>> print(format_summary(summarize(articles)))           # doctest: +SKIP

Formats are registered by extension in :data:`LOADERS`; field names of structured
inputs follow :data:`DEFAULT_FIELD_MAP`.  See :func:`load_articles`.  The loader
also removes web boilerplate (:func:`strip_boilerplate`) and flags near-duplicates
(:func:`flag_duplicates`); :func:`infer_published` fills missing publication dates
from strong evidence only.
"""

from __future__ import annotations

from . import feeds, plaintext, records, webpages  # noqa: F401  (register the loaders)
from .boilerplate import strip_boilerplate
from .dates import parse_published
from .decode import decode_bytes, html_to_text, normalize_text
from .duplicates import flag_duplicates
from .errors import LoadError, LoadReport
from .fields import DEFAULT_FIELD_MAP
from .language import guess_language
from .load import load_articles
from .loaders import LOADERS, Loader
from .published import infer_published
from .summary import format_summary, summarize
from .text import article_id, derive_title

__all__ = [
    "DEFAULT_FIELD_MAP",
    "LOADERS",
    "LoadError",
    "LoadReport",
    "Loader",
    "article_id",
    "decode_bytes",
    "derive_title",
    "flag_duplicates",
    "format_summary",
    "guess_language",
    "html_to_text",
    "infer_published",
    "load_articles",
    "normalize_text",
    "parse_published",
    "strip_boilerplate",
    "summarize",
]
