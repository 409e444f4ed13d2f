"""Bytes to text: encoding detection, binary detection and text normalization.

Every loader turns its input into text here, once, so the ``text`` column of the
articles frame (which every later character offset refers to) is always Unicode
NFC with ``\\n`` line endings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser

from .errors import Skip

__all__ = [
    "decode_bytes",
    "normalize_text",
    "normalize_for_id",
    "html_to_text",
    "looks_like_html",
    "scrub_surrogates",
]

# A Python str holds a surrogate code point only when it is unpaired (a JSON "\\ud800"
# escape, a file name in a non-UTF-8 encoding decoded with surrogateescape): such text
# cannot be encoded as UTF-8, hashed or written to Parquet.
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    """Replace unpaired surrogate code points of ``text`` with U+FFFD.

    They cannot be encoded as UTF-8 (hashing, Parquet, HTML), so every string the
    loaders keep goes through here.  Text without them is returned unchanged.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of common binary formats that are never articles.
_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"PAR1",
    b"SQLite format 3",
)

# Bytes that cp1252 leaves undefined; decoded as their latin-1 code points.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _cp1252_lenient(data: bytes) -> str:
    if not any(b in _CP1252_HOLES for b in data):
        return data.decode("cp1252")
    return "".join(chr(b) if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in data)


def _western_plausible(text: str) -> bool:
    """True when ``text`` reads like a Latin-script language, not mojibake.

    Western European languages write most letters in ASCII; a Cyrillic or Greek
    legacy encoding decoded as cp1252 gives mostly accented Latin letters instead.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return non_ascii / len(letters) <= 0.3


#: Characters that do not occur in text: controls (Unicode category Cc) other than the
#: whitespace ones, surrogates (Cs), private-use code points (Co) and the replacement
#: character -- one compiled class, read in C rather than a category lookup a character.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd\ufffd]"
)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_NOT_TEXT.findall(text)) / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting its encoding.

    UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, and legacy single-byte
    encodings are recognised: cp1252/latin-1 first for text that reads as a Latin
    script, otherwise the best guess of charset-normalizer.

    Parameters
    ----------
    data : bytes
        Raw file content.

    Returns
    -------
    tuple of (str, str)
        The decoded text (not yet normalized) and the encoding name used.

    Raises
    ------
    Skip
        When the file is empty or binary.
    """
    if not data.strip():
        raise Skip("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise Skip(f"invalid {enc} text after a byte-order mark: {exc.reason}") from None
            if not text.strip():
                raise Skip("empty file")
            return text, enc
    if data.startswith(_MAGIC):
        raise Skip("binary file (not text)")
    head = data[:8192]
    if b"\x00" in head:
        raise Skip("binary file (contains NUL bytes)")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = _cp1252_lenient(data), "cp1252"
        if not _western_plausible(text):
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise Skip("binary file (no text encoding fits)") from None
            text, enc = str(best), best.encoding
    if _control_ratio(text[:20000]) > 0.01:
        raise Skip("binary file (control characters)")
    return text, enc


_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Return ``text`` as stored in the articles frame.

    Unicode NFC, ``\\n`` line endings, no BOM or NUL characters, unpaired surrogates
    replaced with U+FFFD, trailing spaces of each line and blank lines at both ends
    removed.  Inner spacing is kept.
    """
    text = scrub_surrogates(text).replace("\ufeff", "").replace("\x00", "")
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip()


def normalize_for_id(text: str) -> str:
    """The form of ``text`` that identifies an article: NFC, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "blockquote", "section", "article", "header", "footer", "pre", "hr",
    "figure", "figcaption", "dd", "dt", "dl",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Strip an HTML fragment (a feed summary, a scraped field) to plain text.

    Block elements become line breaks, scripts and styles are dropped, entities
    are decoded, and runs of spaces inside a line are collapsed.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    lines = [_WS.sub(" ", line).strip() for line in raw.split("\n")]
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
    return "\n".join(out)


_TAG = re.compile(
    r"</?(?:p|div|br|span|a|b|i|em|strong|li|ul|h[1-6]|img|figure|blockquote)\b[^>]*>", re.I
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML markup (at least two common tags)."""
    return len(_TAG.findall(text[:5000])) >= 2
