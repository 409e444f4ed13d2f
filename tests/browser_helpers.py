"""Shared inputs of the view tests (figures, widgets, report, notebooks, browser).

``fixture_corpus()`` builds, by hand, frames conforming to :mod:`analysis.schema` from
the sample article plus two small articles written for these tests: one about the
Hanoi summit (a second source, so a source filter has something to remove) and one
hostile article whose title, text and quote carry ``<script>`` and ``onerror=``
payloads (they must never run).  Offsets are found in the real texts, so every span
is what the text says.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import schema

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILE = ROOT / "data" / "articles" / "000_a407218dc57c0616.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"

HANOI_TITLE = "Trump and Kim meet in Hanoi for second summit"
HANOI_TEXT = (
    "US President Donald Trump and North Korean leader Kim Jong Un met in Hanoi on "
    "27 February 2019 for their second summit. The talks in Vietnam ended early without "
    "an agreement, Trump said. Kim travelled from Pyongyang by train."
)
HOSTILE_TITLE = 'Breaking <script>window.__pwned = 1; alert("title")</script> news'
HOSTILE_TEXT = (
    "Officials in Seoul said on Tuesday that talks would continue. "
    '<img src=x onerror="window.__pwned = 2; alert(2)"> was in the feed from Seoul. '
    "</script><script>window.__pwned = 3</script> A spokesman said: "
    '"<b onmouseover=alert(4)>we are ready</b>".'
)

PLACES = {  # place_id: name, lat, lon, country, feature, geonameid
    "gn:2013348": ("Vladivostok", 43.1155, 131.8855, "RU", "city", 2013348),
    "nd:yongbyon": ("Yongbyon", 39.796, 125.755, "KP", "site", None),
    "gn:1871859": ("Pyongyang", 39.0339, 125.7543, "KP", "capital", 1871859),
    "gn:4140963": ("Washington", 38.8951, -77.0364, "US", "capital", 4140963),
    "gn:2017370": ("Russia", 60.0, 100.0, "RU", "country", 2017370),
    "gn:1581130": ("Hanoi", 21.0245, 105.8412, "VN", "capital", 1581130),
    "gn:1562822": ("Vietnam", 16.0, 106.0, "VN", "country", 1562822),
    "gn:1835848": ("Seoul", 37.566, 126.9784, "KR", "capital", 1835848),
}
ACTORS = {  # actor_id: name, kind, country, wikidata
    "kb:putin": ("Vladimir Putin", "person", "RU", "Q7747"),
    "kb:kim_jong_un": ("Kim Jong Un", "person", "KP", "Q56226"),
    "kb:trump": ("Donald Trump", "person", "US", "Q22686"),
    "kb:pompeo": ("Mike Pompeo", "person", "US", "Q473239"),
    "kb:peskov": ("Dmitry Peskov", "person", "RU", "Q4167213"),
    "kb:kremlin": ("Kremlin", "government", "RU", None),
    "kb:reuters": ("Reuters", "media", "GB", "Q130879"),
    "kb:yonhap": ("Yonhap", "media", "KR", "Q482494"),
    "kb:north_korea": ("North Korea", "country", "KP", "Q423"),
}
# surface form -> actor_id (first match wins; longer forms first)
ACTOR_FORMS = [
    ("President Putin", "kb:putin"),
    ("Vladimir Putin", "kb:putin"),
    ("Putin", "kb:putin"),
    ("Kim Jong Un", "kb:kim_jong_un"),
    ("Kim Jong-un", "kb:kim_jong_un"),
    ("Donald Trump", "kb:trump"),
    ("Trump", "kb:trump"),
    ("Mike Pompeo", "kb:pompeo"),
    ("Dmitry Peskov", "kb:peskov"),
    ("Peskov", "kb:peskov"),
    ("Kremlin", "kb:kremlin"),
    ("Reuters", "kb:reuters"),
    ("Yonhap", "kb:yonhap"),
    ("North Korea", "kb:north_korea"),
]
PLACE_FORMS = [
    ("Vladivostok", "gn:2013348", "literal"),
    ("Yongbyon", "nd:yongbyon", "literal"),
    ("Pyongyang", "gn:1871859", "government"),
    ("Washington", "gn:4140963", "government"),
    ("Russia", "gn:2017370", "literal"),
    ("Hanoi", "gn:1581130", "literal"),
    ("Vietnam", "gn:1562822", "literal"),
    ("Seoul", "gn:1835848", "literal"),
]


def _aid(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in re.finditer(r"(?<=[.!?”\"])\s+(?=[A-Z“<\"])", para.group()):
            spans.append((start, para.start() + m.start()))
            start = para.start() + m.end()
        spans.append((start, para.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _find_all(text: str, form: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text)]


@dataclass
class FrameCorpus:
    """Frames of a hand-built corpus (the attributes a Corpus has)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    edges: pd.DataFrame
    places: pd.DataFrame
    timexes: pd.DataFrame
    events: pd.DataFrame
    settings: dict = field(default_factory=dict)


def fixture_corpus() -> FrameCorpus:
    """The sample article, a Hanoi article and a hostile article, as schema frames."""
    sample = SAMPLE_FILE.read_text(encoding="utf-8").strip()
    docs = [
        (
            sample,
            "Kremlin confirms Putin-Kim summit preparations",
            "ZeroHedge",
            "2019-04-22T00:00:00Z",
            "http://bit.ly/2GAYEbC",
        ),
        (
            HANOI_TEXT,
            HANOI_TITLE,
            "Example Wire",
            "2019-02-28T09:00:00Z",
            "https://example.org/hanoi",
        ),
        (
            HOSTILE_TEXT,
            HOSTILE_TITLE,
            "Hostile <Feed>",
            "2019-04-23T08:00:00Z",
            "javascript:alert(5)",
        ),
    ]
    arts, sents, ments, places, quotes, timexes, events = [], [], [], [], [], [], []
    sid_of: dict[str, list[tuple[int, int]]] = {}
    for text, title, source, published, url in docs:
        aid = _aid(text)
        arts.append(
            {
                "article_id": aid,
                "title": title,
                "title_derived": False,
                "source": source,
                "url": url,
                "author": None,
                "published": published,
                "published_precision": "day",
                "published_inferred": False,
                "text": text,
                "language": "en",
                "path": f"/fixture/{aid}.txt",
                "paths": [f"/fixture/{aid}.txt"],
                "format": "txt",
                "n_words": len(text.split()),
            }
        )
        spans = _sentences(text)
        sid_of[aid] = spans
        for i, (s, e) in enumerate(spans):
            sents.append(
                {"article_id": aid, "sentence_id": i, "start": s, "end": e, "text": text[s:e]}
            )

        def sid(offset: int, spans=spans) -> int:
            return next(i for i, (s, e) in enumerate(spans) if s <= offset < e)

        taken: set[int] = set()
        for form, actor in ACTOR_FORMS:
            for off in _find_all(text, form):
                if any(off <= t < off + len(form) for t in taken):
                    continue
                taken.update(range(off, off + len(form)))
                label = "PERSON" if ACTORS[actor][1] == "person" else "ORG"
                ments.append(
                    {
                        "article_id": aid,
                        "sentence_id": sid(off),
                        "start": off,
                        "end": off + len(form),
                        "text": form,
                        "label": label,
                        "source": "kb",
                        "actor_id": actor,
                        "place_id": None,
                    }
                )
        for form, pid, role in PLACE_FORMS:
            for off in _find_all(text, form):
                name, lat, lon, cc, feature, gid = PLACES[pid]
                places.append(
                    {
                        "article_id": aid,
                        "sentence_id": sid(off),
                        "start": off,
                        "end": off + len(form),
                        "text": form,
                        "place_id": pid,
                        "name": name,
                        "lat": lat,
                        "lon": lon,
                        "country_code": cc,
                        "feature": feature,
                        "geonameid": gid,
                        "population": None,
                        "score": 0.9,
                        "runner_up": None,
                        "role": role,
                    }
                )
                ments.append(
                    {
                        "article_id": aid,
                        "sentence_id": sid(off),
                        "start": off,
                        "end": off + len(form),
                        "text": form,
                        "label": "GPE",
                        "source": "gazetteer",
                        "actor_id": None,
                        "place_id": pid,
                    }
                )

    a_sample, a_hanoi, a_hostile = (a["article_id"] for a in arts)

    def quote(aid, text, content, speaker, speaker_text, cue, kind, via):
        start = text.index(content)
        spans = sid_of[aid]
        s = next(i for i, (b, e) in enumerate(spans) if b <= start < e)
        quotes.append(
            {
                "article_id": aid,
                "sentence_id": s,
                "start": start,
                "end": start + len(content),
                "speaker": speaker,
                "speaker_text": speaker_text,
                "text": content,
                "cue": cue,
                "kind": kind,
                "via": via,
            }
        )

    quote(
        a_sample,
        sample,
        "Russia’s President Vladimir Putin and North Korean leader Kim "
        "Jong Un are on track to meet by the end of April",
        "kb:peskov",
        "Kremlin spokesman Dmitry Peskov",
        "confirm",
        "direct",
        "kb:reuters",
    )
    quote(
        a_sample,
        sample,
        "Indeed, the meeting is being prepared and the preparations have entered the final stage.",
        "kb:peskov",
        "the Kremlin spokesman",
        "say",
        "direct",
        None,
    )
    quote(
        a_sample,
        sample,
        "the summit would place in Vladivostok in the Russian Far East",
        None,
        "South Korea’s Yonhap news agency",
        "hint",
        "reported",
        "kb:yonhap",
    )
    quote(
        a_hanoi,
        HANOI_TEXT,
        "The talks in Vietnam ended early without an agreement",
        "kb:trump",
        "Trump",
        "say",
        "reported",
        None,
    )
    quote(
        a_hostile,
        HOSTILE_TEXT,
        "<b onmouseover=alert(4)>we are ready</b>",
        None,
        "Kremlin spokesman <script>window.__pwned=6</script>",
        "say",
        "direct",
        None,
    )

    def tx(aid, text, surface, value, begin, end, precision):
        start = text.index(surface)
        spans = sid_of[aid]
        s = next(i for i, (b, e) in enumerate(spans) if b <= start < e)
        timexes.append(
            {
                "article_id": aid,
                "sentence_id": s,
                "start": start,
                "end": start + len(surface),
                "text": surface,
                "type": "DATE",
                "value": value,
                "mod": None,
                "begin": begin,
                "end_date": end,
                "precision": precision,
                "anchor": "2019-04-22T00:00:00Z",
                "reason": None,
            }
        )

    tx(a_sample, sample, "by the end of April", "2019-04", "2019-04-22", "2019-05-01", "month")
    tx(a_sample, sample, "June 2018", "2018-06", "2018-06-01", "2018-07-01", "month")
    tx(a_sample, sample, "February 2019", "2019-02", "2019-02-01", "2019-03-01", "month")
    tx(a_hanoi, HANOI_TEXT, "27 February 2019", "2019-02-27", "2019-02-27", "2019-02-28", "day")

    def ev(
        aid,
        text,
        sentence_has,
        etype,
        status,
        parts,
        begin,
        end,
        precision,
        timex,
        pid,
        trigger,
        ref=None,
    ):
        spans = sid_of[aid]
        s = next(i for i, (b, e) in enumerate(spans) if sentence_has in text[b:e])
        name, lat, lon = PLACES[pid][:3] if pid else (None, None, None)
        events.append(
            {
                "event_id": _aid(f"{aid}:{s}:{etype}:{begin}"),
                "article_id": aid,
                "sentence_id": s,
                "type": etype,
                "status": status,
                "participants": parts,
                "begin": begin,
                "end_date": end,
                "precision": precision,
                "timex": timex,
                "place_id": pid,
                "place_name": name,
                "lat": lat,
                "lon": lon,
                "trigger": trigger,
                "evidence": text[spans[s][0] : spans[s][1]],
                "reference_id": ref,
            }
        )

    ev(
        a_sample,
        sample,
        "on track to meet",
        "meeting",
        "planned",
        ["kb:putin", "kb:kim_jong_un"],
        "2019-04-22",
        "2019-05-01",
        "month",
        "2019-04",
        "gn:2013348",
        "meet",
        "putin-kim-2019",
    )
    ev(
        a_sample,
        sample,
        "first in June 2018",
        "meeting",
        "occurred",
        ["kb:trump", "kb:kim_jong_un"],
        "2018-06-01",
        "2018-07-01",
        "month",
        "2018-06",
        None,
        "summits",
        "singapore-2018",
    )
    ev(
        a_sample,
        sample,
        "first in June 2018",
        "meeting",
        "occurred",
        ["kb:trump", "kb:kim_jong_un"],
        "2019-02-01",
        "2019-03-01",
        "month",
        "2019-02",
        None,
        "summits",
        "hanoi-2019",
    )
    ev(
        a_sample,
        sample,
        "tested its first",
        "test",
        "occurred",
        ["kb:north_korea"],
        "2019-04-01",
        "2019-04-22",
        "month",
        "2019-04",
        None,
        "tested",
    )
    ev(
        a_hanoi,
        HANOI_TEXT,
        "met in Hanoi",
        "meeting",
        "occurred",
        ["kb:trump", "kb:kim_jong_un"],
        "2019-02-27",
        "2019-02-28",
        "day",
        "2019-02-27",
        "gn:1581130",
        "met",
        "hanoi-2019",
    )
    ev(
        a_hostile,
        HOSTILE_TEXT,
        "talks would continue",
        "talks",
        "planned",
        [],
        "2019-04-23",
        "2019-04-24",
        "day",
        "2019-04-23",
        "gn:1835848",
        "talks",
    )

    mentions = pd.DataFrame(ments)
    am = mentions[mentions["actor_id"].notna()]
    counts = am.groupby("actor_id").agg(m=("start", "size"), a=("article_id", "nunique"))
    actors = pd.DataFrame(
        [
            {
                "actor_id": k,
                "name": v[0],
                "kind": v[1],
                "country": v[2],
                "aliases": [f for f, a in ACTOR_FORMS if a == k],
                "wikidata": v[3],
                "mentions": int(counts.loc[k, "m"]) if k in counts.index else 0,
                "articles": int(counts.loc[k, "a"]) if k in counts.index else 0,
                "in_kb": True,
            }
            for k, v in ACTORS.items()
        ]
    )
    pairs: dict[tuple[str, str], set] = {}
    weight: dict[tuple[str, str], int] = {}
    for (aid, _s), group in am.groupby(["article_id", "sentence_id"]):
        ids = sorted(set(group["actor_id"]))
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                weight[(x, y)] = weight.get((x, y), 0) + 1
                pairs.setdefault((x, y), set()).add(aid)
    edges = pd.DataFrame(
        [
            {"source": x, "target": y, "weight": w, "articles": len(pairs[(x, y)])}
            for (x, y), w in sorted(weight.items())
        ]
    )
    return FrameCorpus(
        articles=schema.conform(pd.DataFrame(arts), "articles"),
        sentences=schema.conform(pd.DataFrame(sents), "sentences"),
        mentions=schema.conform(mentions, "mentions"),
        actors=schema.conform(actors, "actors"),
        quotes=schema.conform(pd.DataFrame(quotes), "quotes"),
        edges=schema.conform(edges, "edges"),
        places=schema.conform(pd.DataFrame(places), "places"),
        timexes=schema.conform(pd.DataFrame(timexes), "timexes"),
        events=schema.conform(pd.DataFrame(events), "events"),
    )


def reference_events() -> pd.DataFrame:
    """A tiny reference timeline (dates known for certain)."""
    return pd.DataFrame(
        {
            "reference_id": ["singapore-2018", "hanoi-2019", "putin-kim-2019"],
            "name": ["Singapore summit", "Hanoi summit", "Vladivostok summit"],
            "begin": ["2018-06-12", "2019-02-27", "2019-04-25"],
            "end_date": ["2018-06-13", "2019-03-01", "2019-04-26"],
        }
    )


# ---- real corpora built by the pipeline (cached for the test session) ---------------

_CACHE: dict[str, object] = {}


def write_articles(directory: Path) -> Path:
    """Write the sample, the Hanoi article and the hostile article (txt + meta.json)."""
    import json
    import shutil

    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE_FILE, directory / SAMPLE_FILE.name)
    meta = SAMPLE_FILE.with_name(SAMPLE_FILE.stem + ".meta.json")
    if meta.is_file():
        shutil.copy(meta, directory / meta.name)
    for name, text, title, source, published, url in (
        (
            "001_hanoi",
            HANOI_TEXT,
            HANOI_TITLE,
            "Example Wire",
            "2019-02-28",
            "https://example.org/hanoi",
        ),
        (
            "002_hostile",
            HOSTILE_TEXT,
            HOSTILE_TITLE,
            "Hostile <Feed>",
            "2019-04-23",
            "javascript:alert(5)",
        ),
    ):
        (directory / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (directory / f"{name}.meta.json").write_text(
            json.dumps(
                {
                    "title": title,
                    "source": source,
                    "published": published,
                    "url": url,
                    "language": "en",
                }
            ),
            encoding="utf-8",
        )
    return directory


def _tmp(name: str) -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f"newsdesk-{name}-"))


def built_corpus():
    """analysis.build over the three articles (built once per test session)."""
    if "corpus" not in _CACHE:
        import analysis

        _CACHE["corpus"] = analysis.build(write_articles(_tmp("articles") / "articles"))
    return _CACHE["corpus"]


def saved_corpus_dir() -> Path:
    """The built corpus saved with Corpus.save (once per session)."""
    if "saved" not in _CACHE:
        out = _tmp("saved") / "corpus"
        built_corpus().save(out)
        _CACHE["saved"] = out
    return _CACHE["saved"]


def rendered_notebooks() -> list[Path]:
    """Every notebook executed over the built corpus and rendered to HTML (once)."""
    if "notebooks" not in _CACHE:
        from analysis.notebooks import render_notebooks

        _CACHE["notebooks"] = render_notebooks(_tmp("html") / "html", corpus=saved_corpus_dir())
    return _CACHE["notebooks"]


def corpus_module_available() -> bool:
    try:
        import analysis.corpus  # noqa: F401
    except ImportError:
        return False
    return True


# the texts of tests/test_events_merge.py: three reports of the Putin-Kim summit of
# 25 April 2019 and one of the Hanoi summit; here every article has its own source
SUMMIT_SOURCES = {
    "kremlin": "Agency A",
    "summit": "Paper B",
    "wire": "Wire C",
    "hanoi": "Daily D",
}


def summit_corpus():
    """analysis.build over the four texts of test_events_merge, one source each (once)."""
    if "summit" not in _CACHE:
        from helpers import summit_articles

        from analysis.corpus import build

        _CACHE["summit"] = build(summit_articles(SUMMIT_SOURCES), progress=False)
    return _CACHE["summit"]


# ---- measuring the report in headless Chromium (used by BENCHMARKS.md) -------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
_DRAW_MS: dict[str, list[float]] = {}


def _measure_once(browser, path: Path, ready: str) -> float:
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    page.wait_for_selector(ready, timeout=60_000)
    ms = page.evaluate("performance.now()")
    draw = page.evaluate("window.newsdesk ? window.newsdesk.drawMs : null")
    if draw is not None:
        _DRAW_MS.setdefault(str(path), []).append(draw)
    page.close()
    return ms


def measure_page(path: Path, *, runs: int = 5, ready: str = "body[data-ready='1']") -> list[float]:
    """Milliseconds from navigation start until ``ready`` matches, for each of ``runs``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        times = [_measure_once(browser, path, ready) for _ in range(runs)]
        browser.close()
    return times


def _baseline_page(path: Path, plotlyjs: str | None = None) -> Path:
    """plotly.js inlined and one small bar chart: the floor any offline plotly page pays."""
    from plotly.offline import get_plotlyjs

    path.write_text(
        "<!DOCTYPE html><html><body><div id='p'></div><script>"
        + (plotlyjs if plotlyjs is not None else get_plotlyjs())
        + "</script><script>Plotly.newPlot('p',[{type:'bar',y:[1,2,3]}]).then(function(){"
        "document.body.setAttribute('data-ready','1')});</script></body></html>",
        encoding="utf-8",
    )
    return path


def bench_report(articles: Path = ROOT / "data" / "articles", runs: int = 5) -> dict:
    """Build ``articles``; time the report with the partial and the full plotly.js.

    Four pages, loaded in turn ``runs`` times each in one headless Chromium (interleaved,
    side by side): ``report`` (as ``newsdesk report`` writes it: the partial plotly.js
    bundle), ``report_full`` (the same report with the full plotly.js, i.e. before the
    partial bundle), and the two floor pages (plotly.js + one bar chart) ``baseline``
    (full plotly.js) and ``baseline_partial``.  Times are navigation start -> every
    figure drawn (``body[data-ready='1']``), medians in ms.
    """
    import os
    import statistics
    import tempfile

    from playwright.sync_api import sync_playwright

    import analysis
    from analysis.report import report_plotlyjs, write_report

    out = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    corpus = analysis.build(articles)
    pages = {
        "report": write_report(corpus, out / "report.html"),
        "report_full": write_report(corpus, out / "report_full.html", full_plotlyjs=True),
        "baseline": _baseline_page(out / "baseline.html"),
        "baseline_partial": _baseline_page(
            out / "baseline_partial.html", report_plotlyjs([{"data": [{"type": "bar"}]}]).code
        ),
    }
    load_before = os.getloadavg()
    _DRAW_MS.clear()
    rows: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):  # interleaved, side by side
            for name, page in pages.items():
                rows.setdefault(name, []).append(
                    _measure_once(browser, page, "body[data-ready='1']")
                )
        browser.close()
    med = {k: round(statistics.median(v)) for k, v in rows.items()}
    draw = {
        k: round(statistics.median(_DRAW_MS[str(v)]))
        for k, v in pages.items()
        if _DRAW_MS.get(str(v))
    }
    return {
        "bytes": {k: v.stat().st_size for k, v in pages.items()},
        "median_ms": med,
        "all_ms": {k: [round(x) for x in v] for k, v in rows.items()},
        "report_draw_ms": draw,
        "speedup_report_full_over_report": round(med["report_full"] / med["report"], 2),
        "ratio_report_over_baseline": round(med["report"] / med["baseline"], 2),
        "runs": runs,
        "loadavg_before_after": [
            [round(x, 2) for x in load_before],
            [round(x, 2) for x in os.getloadavg()],
        ],
    }


if __name__ == "__main__":  # python tests/browser_helpers.py [ARTICLES]
    import json
    import sys

    result = bench_report(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "articles")
    print(json.dumps(result, indent=1))
