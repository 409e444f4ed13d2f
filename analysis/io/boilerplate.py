"""Web furniture out of article texts, before any parsing.

Scraped news carries lines that are not news: "Advertisement", newsletter prompts,
share and comment prompts, copyright footers, "Slideshow (5 images)", photo captions
with their credit, bylines and "contributed to this report" lines standing alone,
link text such as "Add Jane Doe as an interest", publication stamps ("Updated 10:42
a.m. ET") and paragraphs repeated word for word.  Left in, they become events,
quotes and actors downstream.

:func:`strip_boilerplate` removes such *lines* (a line is a paragraph of the
loaded text) and returns the cleaned text with what it removed.  The rules err on
the side of keeping news: a line is removed only when it matches one of the
patterns of :data:`RULES` as a whole and is short (at most :data:`MAX_WORDS`
words), or when it repeats an earlier paragraph of at least :data:`MIN_REPEAT_WORDS`
words.  Sentences inside a paragraph are never touched.

:func:`analysis.io.load_articles` calls it on every article (``boilerplate=False``
turns it off): ``text`` is the cleaned text, ``raw_text`` the text as loaded (only where
something was removed) and ``boilerplate_removed`` the number of lines removed.  ``article_id`` is computed on
the text *as loaded*, so an improvement of these rules never changes an id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "RULES",
    "MAX_WORDS",
    "MIN_REPEAT_WORDS",
    "Cleaned",
    "classify",
    "line_kinds",
    "strip_boilerplate",
]

#: A line longer than this (in words) is always kept, whatever it looks like.
MAX_WORDS = 30
#: A paragraph repeated word for word is removed (after the first) when it has this
#: many words or more; shorter repeats ("* * *") are separators, kept.
MIN_REPEAT_WORDS = 5

# a capitalised name of one to four words ("Jane Doe", "JANE O'DOE", "J. Doe Jr.")
_NAME = r"(?-i:[A-Z][\w’'.-]*)(?:\s+(?-i:[A-Z][\w’'.-]*|de|van|von|al|bin|la|le)){0,3}"
_WEEKDAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_WORD = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june|july|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
# capitalised words after "By" that start a sentence, not a byline
_NOT_NAME = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|then|now|the|this|that|"
    r"these|those|contrast|comparison|law|night|noon|midday|morning|evening|late|early|next|"
    r"last|all|some|most|many|far|then|mid|year|spring|summer|autumn|fall|winter)"
)
# the pieces of a date or time stamp: "10:42 a.m. ET, Tue June 12, 2018", "2 hours ago"
_DATEISH = (
    r"[\s,:|•·./-]+|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|(?-i:[A-Z]{2,4})|ago|hours?|hrs?|"
    r"minutes?|mins?|days?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|updated|published|posted|on|at"
)

#: (kind, pattern) pairs; a pattern must match the whole (stripped) line.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.I))
    for kind, p in (
        # ---- advertising and page navigation
        ("advert", r"(?:advertisement|advertising|sponsored(?: content)?|ad|promoted)\s*[:.]?"),
        ("advert", r"(?:story|article) continues (?:below|after)(?: (?:this|the))? (?:advertisement|ad)"),
        ("advert", r"continue reading (?:the )?(?:main )?(?:story|article|below)"),
        ("advert", r"scroll (?:down|to continue)(?: for (?:video|more))?\.?"),
        ("nav", r"(?:skip to (?:main )?content|supported by|close|enlarge this image|hide caption|"
                r"toggle caption|embed|print|email|share|tweet|comments?|menu|play video|"
                r"watch video|read more|more|see more|next|previous|back to top|image|photo|"
                r"video|audio|listen|loading\.*|caption)\s*[:.]?"),
        # ---- subscription prompts
        ("subscribe", r"(?:sign up|subscribe|register)\b.{0,120}"),
        ("subscribe", r"(?:get|receive) (?:our|the)\b.{0,60}\b(?:newsletter|alerts?|briefing|app)\b.{0,60}"),
        ("subscribe", r"already (?:a subscriber|have an account)\b.{0,80}"),
        ("subscribe", r".{0,60}\b(?:newsletters?|daily briefing|breaking news alerts?)\s*[:.!]?"),
        ("subscribe", r"(?:click|tap) here\b.{0,120}"),
        ("subscribe", r"download (?:our|the)\b.{0,40}\bapp\b.{0,60}"),
        # ---- sharing, following, comments
        ("share", r"share (?:this|on|via|the)\b.{0,60}"),
        ("share", r"(?:follow|like) (?:us|[@\w].{0,40}) on (?:twitter|facebook|instagram|x|linkedin)\b.{0,40}"),
        ("share", r"(?:leave a|post a|add a|view|show|read|hide) \d*\s*comments?\b.{0,40}"),
        ("share", r"(?:join|start) the (?:conversation|discussion|debate)\b.{0,60}"),
        ("share", r"(?:what do you think|tell us what you think)\?.{0,80}"),
        ("share", r"(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|email|print|copy link"
                  r"|messenger|\||\s|,|/)+"),
        # ---- copyright and legal footers
        ("copyright", r"(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*"
                      r"(?:\d{4}\b.{0,120}|(?-i:[A-Z])[^.]{0,80}\.?)"),
        ("copyright", r".{0,100}\ball rights reserved\b.{0,60}"),
        ("copyright", r"this (?:material|article|story) may not be (?:published|reproduced|broadcast)\b.{0,120}"),
        # ---- licence and attribution footers: a text's terms of reuse and where it
        # first appeared, on any site ("Licensed under ...", "This story first appeared
        # on ...", "Republished with permission", "Read the original article")
        ("licence", r"(?:(?:this|the) (?:article|story|text|work|content|piece|report|post|material)s?"
                    r"(?: is| are| was| has been)? )?(?:(?:re)?licen[cs]ed|released|available|"
                    r"distributed|published|shared) under (?:the |a |an )?.{0,120}"
                    r"\b(?:licen[cs]es?|cc[- ]by[\w.-]*|public domain)\b.{0,120}"),
        ("licence", r"(?:this (?:article|story|piece|post|report) (?:was |is )?(?:originally|first)|"
                    r"originally) (?:published|appeared|posted|ran)\b.{0,120}"),
        ("licence", r"(?:this (?:article|story|piece|post|report) (?:is|was|has been) )?"
                    r"(?:re-?published|reprinted|reproduced|adapted) (?:from|with|by|under|courtesy)\b.{0,160}"),
        ("licence", r"read the original (?:article|story|post|version)\b.{0,120}"),
        # ---- picture furniture
        ("gallery", r"(?:slideshow|gallery|photos?|images?|video)\s*[(:]?\s*\d+\s*(?:images?|photos?|pictures?|slides?)?\s*\)?"),
        ("gallery", r"\d+\s*(?:images?|photos?|pictures?)\s*"),
        ("caption", r".{0,240}\((?:AP|AFP|Reuters|EPA|Getty|Photo|Image|Picture|Credit)\b[^()]{0,80}\)\.?"),
        ("caption", r".{0,240}\b(?:REUTERS|AFP|EPA|AP) ?/ ?[A-Z]\w+(?: [A-Z]\w+){0,3}(?:/[\w ]+)?\.?"),
        ("caption", r"(?:photo|image|picture|credit|caption|source)s?\s*(?:by|credit)?\s*:.{0,120}"),
        # a caption ending with its credit: "... on the shore. Picture: Jane Roe."
        ("caption", r".{10,300}[.!?]?\s+(?:photo|picture|image|credit|photograph)s?\s*(?:by)?:\s*"
                    r"(?-i:[A-Z])[\w.&’' /-]{1,60}\.?"),
        # agency photo captions end with the full day, date and place of the picture
        ("caption", rf"(?!.*\b(?:was|were|had|said|says|will|would)\b).{{10,300}}\bon {_WEEKDAY_WORD},? {_MONTH_WORD} \d{{1,2}},? \d{{4}}"
                    r"(?:,? in [\w .'’-]{1,40}(?:, [\w .'’-]{1,30})?)?\.?"),
        # ... or with the photographer's credit: "Jane Roe for Example Media."
        ("caption", r".{10,300}[.!?]\s+(?-i:[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+){1,3}) "
                    r"(?-i:for|/) (?-i:[A-Z])[\w&’' -]{2,40}\."),
        ("caption", r".{0,160}(?:/\s*|\bvia\s+|\bphoto(?:graph)?s?:?\s+|\bcredit:?\s+)"
                    r"(?:Getty Images|Associated Press|AFP|Reuters|Shutterstock|EPA|AP)"
                    r"(?: via Getty Images)?\s*\.?"),
        # ---- bylines and credits standing alone
        ("byline", rf"by\s+(?!{_NOT_NAME}\b){_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}}"
                   rf"(?:\s*[,|•·—-]\s*(?-i:[A-Z])[\w’'.&-]*(?:\s+[\w’'.&-]+){{0,5}})?(?<![.!?\"”’])"),
        ("byline", r"\(?(?:reporting|writing|editing|additional reporting|compiled|translated)"
                   r" by\b.{0,200}\)?"),
        ("byline", r".{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?"),
        ("byline", r"(?:staff|wire|news) (?:writer|reporter|report|services)\s*"),
        ("byline", r"(?:the )?associated press\s*"),
        # ---- link text
        ("link", r"add .{1,60} as an interest\b.{0,20}"),
        ("link", r"(?:related|read more|more|see also|also read|recommended|most read|popular|"
                 r"trending|watch|listen|more on this|related coverage|related articles?)\s*:.{0,160}"),
        ("link", r"(?:related|more) (?:stories|articles|coverage|news|from [\w ]{1,30})\s*:?"),
        # ---- "most read" widgets: a view count and a section before a headline
        ("link", r"\d{2,7}\s+(?:politics|economy|business|world|society|culture|opinion|sports?|"
                 r"tech(?:nology)?|health|science|entertainment|life(?:style)?|news|local|"
                 r"national|international|regions?)\s+(?-i:[A-Z]).{0,240}"),
        ("link", r".{0,240}\b(?:read more|read the full story|full story|more here)\s*[:.»›>]*"),
        ("link", r"(?:https?://|www\.)\S+"),
        # ---- a stray mark alone ("." or "|"); separators ("* * *", "---") are kept
        ("junk", r"[.,;:|•·_=~-]{1,2}"),
        # ---- appeals, disclaimers and listings
        ("appeal", r".{0,160}\b(?:tax[- ]deductible (?:gift|donation)|(?:your|a) (?:gift|donation) "
                   r"(?:can|will|helps?)|support (?:our|independent|quality) journalism|"
                   r"donate (?:now|today))\b.{0,160}"),
        ("legal", r".{0,200}\bpast performance is (?:not|no)\b.{0,120}"),
        ("legal", r".{0,200}\b(?:terms of (?:use|service)|privacy policy|cookie policy)\b.{0,60}"),
        ("listing", r".{0,80}\d{1,2}/\d{1,2}/\d{4}\s*[-–]\s*\d{1,2}/\d{1,2}/\d{4}.{0,240}"),
        ("share", r".{0,200}\bfollow (?:us|[@#]\w+) on (?:twitter|facebook|instagram|x|linkedin)\b.{0,160}"),
        ("copyright", r".{0,240}(?:©\s*\d{4}|\(c\)\s*\d{4}|\bcc[- ]by\b|creative commons)\b.{0,120}"),
        # ---- publication stamps (evidence for the date, read from raw_text)
        ("stamp", rf"(?:(?:last|first|originally)\s+)?(?:published|posted|updated|modified)"
                  rf"(?:\s*(?:on|at|:))?(?:{_DATEISH}){{1,20}}"),
    )
)  # fmt: skip


@dataclass
class Cleaned:
    """The result of :func:`strip_boilerplate`.

    Attributes
    ----------
    text : str
        The text without the removed lines (paragraphs still separated as before).
    removed : list of (str, str)
        ``(kind, line)`` for each removed line, in order; ``kind`` is a
        :data:`RULES` kind or ``"repeat"``.
    """

    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)


def classify(line: str) -> str | None:
    """The furniture kind of one line, or ``None`` when it is (or may be) news text.

    A line of more than :data:`MAX_WORDS` words is always news text.
    """
    s = line.strip()
    if not s:
        return None
    if len(s.split()) > MAX_WORDS:
        return None
    for kind, pattern in RULES:
        if pattern.fullmatch(s):
            return kind
    return None


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


def line_kinds(lines: list[str]) -> list[str | None]:
    """The furniture kind of each line in context (``"repeat"`` for a repeated one).

    Blank lines get ``None``.  This is the decision :func:`strip_boilerplate` applies.
    """
    seen: set[str] = set()
    out: list[str | None] = []
    for line in lines:
        if not line.strip():
            out.append(None)
            continue
        kind = classify(line)
        key = _key(line)
        if kind is None and key in seen and len(key.split()) >= MIN_REPEAT_WORDS:
            kind = "repeat"
        if kind is None:
            seen.add(key)
        out.append(kind)
    return out


def strip_boilerplate(text: str) -> Cleaned:
    """Remove web furniture lines from an article text.

    Parameters
    ----------
    text : str
        The article text, paragraphs on their own lines.

    Returns
    -------
    Cleaned
        The cleaned text and the removed lines.  Empty lines are kept as they were
        between kept lines (runs of blank lines left by a removal collapse to one).

    Examples
    --------
    >>> strip_boilerplate("Talks resumed.\\n\\nAdvertisement\\n\\nBoth sides met.").text
    'Talks resumed.\\n\\nBoth sides met.'
    """
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    dropped_last = False
    for line, kind in zip(lines, line_kinds(lines), strict=True):
        if not line.strip():
            if not (dropped_last and kept and not kept[-1].strip()):
                kept.append(line)
            continue
        if kind is not None:
            removed.append((kind, line.strip()))
            dropped_last = True
            continue
        kept.append(line)
        dropped_last = False
    out = "\n".join(kept).strip("\n")
    out = re.sub(r"\n{3,}", "\n\n", out) if removed else out
    return Cleaned(out, removed)
