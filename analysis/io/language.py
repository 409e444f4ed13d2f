"""A light, offline guess of an article's language.

Scripts decide for Korean, Japanese, Chinese, Arabic, Greek, Hebrew and Cyrillic
(Russian, or Ukrainian when its own letters appear); Latin-script text is scored by
the share of its words that are common function words of English, French, German,
Spanish, Italian or Portuguese.  When the evidence is thin the answer is ``"und"``.
"""

from __future__ import annotations

import re
from collections import Counter

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


#: The letters of each script, as code-point ranges (Latin: ASCII letters and the
#: Latin-1 Supplement to Latin Extended-B).
_SCRIPTS = {
    "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "greek": re.compile("[\u0370-\u03ff]"),
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f]"),
    "hebrew": re.compile("[\u0590-\u05ff]"),
    "hangul": re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile("[\u3040-\u30ff]"),
    "han": re.compile("[\u4e00-\u9fff\u3400-\u4dbf]"),
}


_ASCII_LETTER = re.compile("[A-Za-z]")
_ASCII = re.compile("[\x00-\x7f]+")


def _script_counts(sample: str) -> dict[str, int]:
    """Letters of each script in ``sample`` (regular expressions: read in C; the
    scripts other than ASCII are looked for only among the non-ASCII characters)."""
    counts = dict.fromkeys(_SCRIPTS, 0)
    counts["latin"] = len(_ASCII_LETTER.findall(sample))
    if sample.isascii():
        return counts
    rest = _ASCII.sub("", sample)
    for name, rx in _SCRIPTS.items():
        counts[name] += len(rx.findall(rest))
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
    seen = Counter(words)
    scores = sorted(
        (
            (sum(seen[w] for w in stop if w in seen) / len(words), code)
            for code, stop in _STOPWORDS.items()
        ),
        reverse=True,
    )
    (best, code), (second, _) = scores[0], scores[1]
    if best < 0.12 or best - second < 0.04:
        return UNDETERMINED
    return code
