"""Score extracted events against the hand-annotated gold of ``benchmarks/gold/``.

    python benchmarks/events_basil.py --corpus /tmp/events-basil     # events with true dates
    python benchmarks/events_score.py                                # dev and held-out figures
    python benchmarks/events_score.py --errors heldout               # list the misses

Matching (per article, inside the annotated span of ``events_basil_articles.json``): a
gold event is found by the system event whose trigger starts inside the gold trigger, or
else by a system event of the same type whose ``sentence_ids`` include the gold
trigger's sentence (a mention the extractor merged into another of the article).
Precision counts the system events of the annotated spans that match a gold event.

On matched events: ``type`` equal; ``participants`` right when every gold participant
(a name; ``A/B`` accepts either) is one distinct system participant and there are no
others (names compare with the actors frame's name and aliases, or by surname);
``status`` equal; ``interval`` right when the gold has no date and the system none, or
the system interval lies inside the gold day, month or year; ``place`` right when both
have none or the names agree.  ``fully correct`` needs all five (share of the matched
gold events).  ``fully correct of system events`` is the audit's view: the share of the
system's events in the annotated spans that match a gold event and are fully correct on
it (an event row that merges several gold mentions counts once, right when one of its
mentions is fully correct; an event that matches no gold counts as wrong).

Gold offsets are those of the ``.txt`` files; where the built article's text differs (a
headline printed twice in the file is kept once), they are moved into the built text by
aligning the two.
"""

from __future__ import annotations

import argparse
import difflib
import json
import pickle
import unicodedata
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "events_basil.jsonl"
SPANS = HERE / "gold" / "events_basil_articles.json"


def _norm(text: object) -> str:
    t = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(t.replace(".", " ").replace("'s", "").split())


def _names(actors: pd.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in actors.itertuples():
        names = {_norm(r.name)}
        aliases = r.aliases
        if aliases is None or isinstance(aliases, str | float):
            aliases = []
        names |= {_norm(a) for a in list(aliases)}
        out[str(r.actor_id)] = {n for n in names if n}
    return out


def _same_actor(gold: str, names: set[str]) -> bool:
    for alt in gold.split("/"):
        g = _norm(alt)
        if g in names:
            return True
        gl = g.split()
        for n in names:
            nl = n.split()
            # surname match between person-like names ("Mr. Trump", "Donald J. Trump")
            if len(gl) >= 2 and nl and nl[-1] == gl[-1] and len(gl[-1]) > 2:
                return True
    return False


def participants_right(gold: list[str], system: list[str], names: dict[str, set[str]]) -> bool:
    """Every gold participant is one distinct system participant, and no other is there."""
    if len(gold) != len(system):
        return False
    left = list(system)
    for g in gold:
        hit = next((a for a in left if _same_actor(g, names.get(a, set()))), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _gold_interval(date: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    if not date:
        return None
    parts = date.split("-")
    b = pd.Timestamp(date if len(parts) == 3 else "-".join(parts + ["01"] * (3 - len(parts))))
    b = b.tz_localize("UTC")
    step = {3: pd.DateOffset(days=1), 2: pd.DateOffset(months=1), 1: pd.DateOffset(years=1)}
    return b, b + step[len(parts)]


def interval_right(date: str | None, begin, end) -> bool:
    gi = _gold_interval(date)
    if gi is None:
        return pd.isna(begin)
    if pd.isna(begin) or pd.isna(end):
        return False
    return gi[0] <= pd.Timestamp(begin) and pd.Timestamp(end) <= gi[1]


def place_right(gold: str | None, row) -> bool:
    names = [x for x in (row.get("place_name"), row.get("place_text")) if isinstance(x, str)]
    if not gold:
        return pd.isna(row.get("place_id"))
    g = _norm(gold)
    return any(g == _norm(n) or g in _norm(n) or _norm(n) in g for n in names)


def _shift(file_text: str, text: str):
    """Offset map from the ``.txt`` file to the built article's text, which can differ
    (a headline printed twice in the file is kept once by the build)."""
    if file_text.startswith(text) or text.startswith(file_text):
        return lambda x: x
    blocks = difflib.SequenceMatcher(None, file_text, text, autojunk=False).get_matching_blocks()

    def move(x: int) -> int:
        for a, b, size in blocks:
            if a <= x < a + size:
                return b + (x - a)
        return x

    return move


def _gold_in_text(gold: list[dict], spans: dict, arts: pd.DataFrame) -> tuple[list, dict]:
    """Gold events and annotated spans with offsets moved into the articles' texts."""
    if "path" not in arts:
        return gold, spans
    moves = {}
    for stem, path, text in zip(arts["stem"], arts["path"], arts["text"], strict=True):
        if stem not in spans:
            continue
        try:
            file_text = Path(str(path)).read_text(encoding="utf-8")
        except OSError:
            continue
        moves[stem] = _shift(file_text, str(text))
    gold = [
        {
            **g,
            "trigger_start": moves[g["article"]](g["trigger_start"]),
            "trigger_end": moves[g["article"]](g["trigger_end"] - 1) + 1,
        }
        if g["article"] in moves
        else g
        for g in gold
    ]
    spans = {
        k: {**v, "start": moves[k](v["start"]), "end": moves[k](v["end"] - 1) + 1}
        if k in moves
        else v
        for k, v in spans.items()
    }
    return gold, spans


def score(payload: dict, gold: list[dict], spans: dict) -> tuple[pd.DataFrame, dict]:
    """Per-gold-event table and per-split figures."""
    arts = payload["articles"]
    gold, spans = _gold_in_text(gold, spans, arts)
    stem_to_id = dict(zip(arts["stem"], arts["article_id"].astype(str), strict=True))
    ev = payload["events"]
    sents = payload["sentences"]
    names = _names(payload["actors"])
    rows, used, figures = [], set(), {}
    sent_of: dict[str, list[tuple[int, int, int]]] = {}
    for r in sents.itertuples():
        sent_of.setdefault(str(r.article_id), []).append(
            (int(r.start), int(r.end), int(r.sentence_id))
        )
    by_art = {aid: g for aid, g in ev.groupby(ev["article_id"].astype(str))}
    for g in gold:
        aid = stem_to_id[g["article"]]
        cand = by_art.get(aid, ev.iloc[:0])
        sid = next((s for a, b, s in sent_of.get(aid, []) if a <= g["trigger_start"] < b), None)
        hit = cand[
            (cand["trigger_start"] >= g["trigger_start"])
            & (cand["trigger_start"] < g["trigger_end"])
        ]
        if not len(hit):
            same = cand[
                (cand["type"] == g["type"])
                & cand["sentence_ids"].map(lambda ids, sid=sid: sid in list(ids))
            ]
            hit = same
        rec = {
            "article": g["article"],
            "split": g["split"],
            "trigger": g["trigger"],
            "gold_type": g["type"],
            "found": bool(len(hit)),
        }
        if len(hit):
            h = hit.iloc[0]
            used.add(h["event_id"])
            rec.update(
                event_id=h["event_id"],
                sys_type=h["type"],
                type=h["type"] == g["type"],
                participants=participants_right(g["participants"], list(h["participants"]), names),
                status=h["status"] == g["status"],
                interval=interval_right(g["date"], h["begin"], h["end_date"]),
                place=place_right(g["place"], h),
                sys_participants=list(h["participants"]),
                gold_participants=g["participants"],
                sys_status=h["status"],
                gold_status=g["status"],
                sys_begin=h["begin"],
                gold_date=g["date"],
                sys_place=h["place_name"],
                gold_place=g["place"],
            )
            rec["fully"] = all(
                rec[k] for k in ("type", "participants", "status", "interval", "place")
            )
        rows.append(rec)
    table = pd.DataFrame(rows)
    for split in ("dev", "heldout"):
        t = table[table["split"] == split]
        m = t[t["found"]]
        sys_n = matched_sys = right_sys = 0
        right_ids = (
            set(m.loc[m["fully"].fillna(False).astype(bool), "event_id"]) if len(m) else set()
        )
        for stem, span in spans.items():
            if span["split"] != split:
                continue
            cand = by_art.get(stem_to_id[stem])
            if cand is None:
                continue
            inside = cand[
                (cand["trigger_start"] >= span["start"]) & (cand["trigger_start"] < span["end"])
            ]
            sys_n += len(inside)
            matched_sys += int(inside["event_id"].isin(used).sum())
            right_sys += int(inside["event_id"].isin(right_ids).sum())
        figures[split] = {
            "gold": len(t),
            "system": sys_n,
            "precision": round(matched_sys / sys_n, 3) if sys_n else None,
            "recall": round(len(m) / len(t), 3) if len(t) else None,
            # the audit's measure: of the system's events, how many are fully right
            "fully_of_system": round(right_sys / sys_n, 3) if sys_n else None,
            **{
                k: round(float(m[k].mean()), 3) if len(m) else None
                for k in ("fully", "type", "participants", "status", "interval", "place")
            },
        }
    return table, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", default=str(HERE / "out" / "events_basil.pkl"))
    ap.add_argument("--errors", choices=("dev", "heldout"), help="print the misses of a split")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    payload = pickle.loads(Path(args.events).read_bytes())
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    spans = json.loads(SPANS.read_text(encoding="utf-8"))
    table, figures = score(payload, gold, spans)
    print(
        "| split | gold | system | precision | recall | fully correct | fully correct of system "
        "events | type | participants | status | interval | place |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for split, f in figures.items():
        print(
            f"| {split} | {f['gold']} | {f['system']} | {f['precision']} | {f['recall']} | {f['fully']} | "
            f"{f['fully_of_system']} | "
            f"{f['type']} | {f['participants']} | {f['status']} | {f['interval']} | {f['place']} |"
        )
    if args.errors:
        pd.set_option("display.width", 250, "display.max_colwidth", 60, "display.max_rows", 500)
        t = table[(table["split"] == args.errors)]
        bad = t[~t["found"] | ~t["fully"].fillna(False).astype(bool)]
        print(bad.drop(columns=["split"]).to_string())
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
