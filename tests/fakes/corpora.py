"""Small generated article folders for build, kill and lock tests (deterministic)."""

from __future__ import annotations

from pathlib import Path

ACTORS = ["Vladimir Putin", "Kim Jong-un", "Donald Trump", "Moon Jae-in", "Xi Jinping",
          "Sergei Lavrov", "Mike Pompeo", "Shinzo Abe"]  # fmt: skip
PLACES = ["Vladivostok", "Pyongyang", "Seoul", "Beijing", "Hanoi", "Moscow", "Washington",
          "Singapore", "Tokyo"]  # fmt: skip
VERBS = ["met", "will meet", "spoke with", "criticized", "praised", "is expected to visit"]
WHEN = ["on Monday", "next week", "on April 25", "last month", "in early May", "on Thursday"]
SOURCES = ["Example Wire", "Daily Sample", "Test Gazette"]


def article_text(i: int) -> str:
    """Article ``i``: a few sentences naming actors, places and dates; unique by ``i``."""
    a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
    p, q = PLACES[i % len(PLACES)], PLACES[(i * 5 + 2) % len(PLACES)]
    v, w = VERBS[i % len(VERBS)], WHEN[(i * 7) % len(WHEN)]
    return (
        f"{a} {v} {b} in {p} {w}, officials said in report number {i}.\n\n"
        f"The talks in {p} focused on sanctions and the situation near {q}. "
        f'"We expect progress," {b} said after the meeting.\n\n'
        f"Analysts in {q} said item {i} of the agenda would be discussed again in {p}."
    )


def write_corpus(folder: Path, n: int = 60, *, start: int = 0) -> list[Path]:
    """Write ``n`` small articles (``.txt`` with YAML front matter) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        day = 1 + i % 28
        path = folder / f"article_{i:03d}.txt"
        path.write_text(
            f"---\ntitle: Summit report {i}\nsource: {SOURCES[i % len(SOURCES)]}\n"
            f"published: 2019-04-{day:02d}\n---\n{article_text(i)}\n",
            encoding="utf-8",
        )
        out.append(path)
    return out
