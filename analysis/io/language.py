"""A light, offline guess of an article's language.

Scripts decide for Korean, Japanese, Chinese, Arabic, Greek, Hebrew and Cyrillic
(Russian, or Ukrainian when its own letters appear); Latin-script text is scored by
the share of its words that are common function words of English, French, German,
Spanish, Italian or Portuguese.  When the evidence is thin the answer is ``"und"``.
"""

from __future__ import annotations

import re

__all__ = ["guess_language", "UNDETERMINED"]

#: ISO 639 code for "undetermined".
UNDETERMINED = "und"


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is that it was for on with as by he she said has have are were be "
        "at from this which not an but or they will his her its their would been who had"
    ),
    "fr": _words(
        "le la les des du et un une est que qui dans pour pas sur au aux avec il elle ce "
        "cette sont ont été par plus ne se mais ou leur lui nous vous était avait"
    ),
    "de": _words(
        "der die das und ist nicht ein eine zu den dem des mit sich auf für von im auch es "
        "sie er wird wurde hat haben dass bei aus nach wie noch oder aber sind"
    ),
    "es": _words(
        "el la los las de del y en que un una es por con para se su sus al como más pero "
        "fue ha han sido este esta lo le no también entre sobre"
    ),
    "it": _words(
        "il lo la gli le di del della che e è un una per con non sono ha hanno nel nella al "
        "alla si come anche più ma dei delle questo stato degli"
    ),
    "pt": _words(
        "o a os as de do da dos das e que em no na um uma para com não por se foi é são "
        "mais mas ao pelo pela seu sua também ele ela"
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script_counts(sample: str) -> dict[str, int]:
    counts = dict.fromkeys(
        ("latin", "cyrillic", "greek", "arabic", "hebrew", "hangul", "kana", "han"), 0
    )
    for ch in sample:
        o = ord(ch)
        if o < 0x80:
            if ch.isalpha():
                counts["latin"] += 1
        elif 0x00C0 <= o <= 0x024F:
            counts["latin"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif 0x0370 <= o <= 0x03FF:
            counts["greek"] += 1
        elif 0x0590 <= o <= 0x05FF:
            counts["hebrew"] += 1
        elif 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
            counts["arabic"] += 1
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            counts["hangul"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["kana"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            counts["han"] += 1
    return counts


def guess_language(text: str, *, min_words: int = 8) -> str:
    """Guess the ISO 639-1 code of ``text``'s language, or ``"und"`` when unsure.

    Parameters
    ----------
    text : str
        The article text (only its first few thousand characters are read).
    min_words : int
        Fewer Latin-script words than this give ``"und"``.

    Returns
    -------
    str
        "en", "fr", "de", "es", "it", "pt", "ru", "uk", "el", "he", "ar", "ko",
        "ja", "zh" or "und".
    """
    sample = text[:5000]
    counts = _script_counts(sample)
    letters = sum(counts.values())
    if letters < 10:
        return UNDETERMINED
    cjk = counts["hangul"] + counts["kana"] + counts["han"]
    if counts["hangul"] / letters > 0.3:
        return "ko"
    if cjk / letters > 0.5:
        return "ja" if counts["kana"] / cjk > 0.05 else "zh"
    for script, code in (("arabic", "ar"), ("greek", "el"), ("hebrew", "he")):
        if counts[script] / letters > 0.5:
            return code
    if counts["cyrillic"] / letters > 0.5:
        ukrainian = sum(sample.count(c) for c in "іїєґІЇЄҐ")
        return "uk" if ukrainian / counts["cyrillic"] > 0.01 else "ru"
    if counts["latin"] / letters < 0.5:
        return UNDETERMINED
    words = [w.lower() for w in _WORD.findall(sample)][:1000]
    if len(words) < min_words:
        return UNDETERMINED
    scores = sorted(
        (
            (sum(1 for w in words if w in stop) / len(words), code)
            for code, stop in _STOPWORDS.items()
        ),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    if best < 0.12 or best - second < 0.04:
        return UNDETERMINED
    return code
