"""Event groups on BASIL: are the largest groups one event, do a meeting's mentions meet?

    python benchmarks/events_basil.py --corpus /tmp/events-basil   # events with true dates
    python benchmarks/events_groups.py                             # figures
    python benchmarks/events_groups.py --show 30                   # the largest groups

BASIL reports each of 100 stories in three outlets.  Groups are made again with the
current :func:`analysis.events.merge_events`.  Two figures:

1. **largest groups one event** -- of the ``--top`` largest groups (two members or more),
   the share whose members all come from one story, name one common participant, and
   lie within one day (statements: also one speaker, and each report quotes words that
   another quotes).  A mechanical check that a group
   is not a mixture; ``--show`` prints the groups for a reading by hand.
2. **meeting mentions in their group** -- for each meeting of
   ``gold/events_basil_meetings.json`` (hand-made: who met, the day, which articles), the
   meeting-family events of those articles that name all its actors and are not denied;
   the share of them in the most common group among them, and whether that group's day
   (``event_summary``'s day, else the most common day of its members) is the meeting's
   day.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from events_score import _names, _same_actor  # noqa: E402

from analysis.events.merge import event_summary, quote_shingles  # noqa: E402

MEETINGS = HERE / "gold" / "events_basil_meetings.json"
_MEETING_TYPES = ("meeting", "visit", "talks")


def _surname(actor_id: str) -> str:
    """Persons outside the knowledge base compare by surname ("x:obama", "x:barack-obama")."""
    return actor_id.rsplit("-", 1)[-1].removeprefix("x:") if actor_id.startswith("x:") else actor_id


def largest_groups(ev: pd.DataFrame, top: int) -> tuple[float, pd.DataFrame]:
    """Share of the ``top`` largest groups that pass the one-event check, and the table."""
    sizes = ev.groupby("event_group").size()
    sizes = sizes[sizes >= 2].sort_values(ascending=False).head(top)
    rows = []
    for gid, n in sizes.items():
        m = ev[ev["event_group"] == gid]
        parts = [{_surname(a) for a in p} for p in m["participants"]]
        common = set.intersection(*parts) if parts else set()
        days = m["begin"].dropna().dt.floor("D")
        span = (days.max() - days.min()).days if len(days) else 0
        speakers = {tuple(sorted(_surname(a) for a in p)) for p in m["participants"]}
        statement = set(m["type"]) <= {"statement", "demand", "threat"}
        one = m["story"].nunique() == 1 and bool(common) and span <= 1
        if statement:
            # one statement: one speaker, and every report quotes words another quotes
            grams = [quote_shingles(t) for t in m["evidence"].astype(str)]
            quoted = all(
                any(g & o for o in grams[:k] + grams[k + 1 :]) for k, g in enumerate(grams)
            )
            one = one and len(speakers) == 1 and quoted
        rows.append(
            {
                "group": gid,
                "size": int(n),
                "types": dict(Counter(m["type"])),
                "stories": int(m["story"].nunique()),
                "articles": int(m["article_id"].nunique()),
                "common": sorted(common),
                "days": f"{days.min():%Y-%m-%d}..{days.max():%Y-%m-%d}" if len(days) else "-",
                "one_event": bool(one),
            }
        )
    table = pd.DataFrame(rows)
    return (float(table["one_event"].mean()) if len(table) else float("nan")), table


def meeting_mentions(ev: pd.DataFrame, arts: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row per gold meeting: mentions, share in the main group, the group's day."""
    names = _names(actors)
    spec = json.loads(MEETINGS.read_text(encoding="utf-8"))["meetings"]
    out = []
    for m in spec:
        stems = {f"{m['story']}_{k}" for k in m["articles"]}
        ids = set(arts.loc[arts["stem"].isin(stems), "article_id"].astype(str))
        cand = ev[
            ev["article_id"].astype(str).isin(ids)
            & ev["type"].isin(_MEETING_TYPES)
            & ev["status"].ne("denied")
        ]
        who = m["actors"]
        keep = cand["participants"].map(
            lambda ps, who=who: all(
                any(_same_actor(a, names.get(p, set())) for p in ps) for a in who
            )
        )
        cand = cand[keep]
        if not len(cand):
            out.append({"meeting": m["what"], "mentions": 0, "in_group": 0, "share": 0.0})
            continue
        main, n_main = Counter(cand["event_group"]).most_common(1)[0]
        grp = ev[ev["event_group"] == main]
        day = grp.loc[grp["precision"].isin(["day", "time"]), "begin"].dropna().dt.floor("D")
        ref = grp["ref_begin"].dropna() if "ref_begin" in grp else pd.Series([], dtype=object)
        # the group's day as the package states it (event_summary), else the members' mode
        summary = event_summary(grp)
        told = summary["begin"].iloc[0] if len(summary) else pd.NaT
        span = summary["end_date"].iloc[0] - told if len(summary) else pd.NaT
        if not pd.isna(told) and span <= pd.Timedelta(days=1):
            day = pd.Series([told.floor("D")])
        group_day = (
            f"{ref.iloc[0]:%Y-%m-%d}"
            if len(ref)
            else (f"{day.mode().iloc[0]:%Y-%m-%d}" if len(day) else "-")
        )
        out.append(
            {
                "meeting": m["what"],
                "mentions": len(cand),
                "in_group": int(n_main),
                "share": round(n_main / len(cand), 3),
                "groups": int(cand["event_group"].nunique()),
                "articles_in_group": int(
                    grp["article_id"].isin(ids).groupby(grp["article_id"]).any().sum()
                ),
                "group_day": group_day,
                "day_right": group_day == m["day"],
            }
        )
    return pd.DataFrame(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", default=str(HERE / "out" / "events_basil.pkl"))
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--show", type=int, default=0, help="print the N largest groups")
    args = ap.parse_args(argv)
    from analysis.events import merge_events

    payload = pickle.loads(Path(args.events).read_bytes())
    arts = payload["articles"]
    ev = merge_events(
        payload["events"], actors=payload["actors"], places=payload["places"], articles=arts
    )
    ev["story"] = (
        ev["article_id"]
        .astype(str)
        .map(dict(zip(arts["article_id"].astype(str), arts["story"], strict=True)))
    )
    share, table = largest_groups(ev, args.top)
    meet = meeting_mentions(ev, arts, payload["actors"])
    sizes = ev.groupby("event_group").size()
    print(f"{len(ev)} events, {len(sizes)} groups, {(sizes >= 2).sum()} with two members or more")
    print(f"largest {len(table)} groups one event (mechanical check): {share:.3f}")
    total = meet["mentions"].sum()
    pooled = meet["in_group"].sum() / total if total else float("nan")
    print(
        f"meeting mentions in their group: {pooled:.3f} pooled ({meet['in_group'].sum()}/{total}), "
        f"{meet['share'].mean():.3f} mean per meeting"
    )
    print(meet.to_string(index=False))
    if args.show:
        pd.set_option("display.width", 220, "display.max_colwidth", 70)
        print(table.head(args.show).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
