"""``newsdesk correct`` and ``newsdesk corrections``: fix what the machine got wrong.

``newsdesk correct CORPUS OP TARGET [VALUE] [--article ID] [--why TEXT]`` records one
correction in the corpus store's ``corrections.csv`` (after checking that its target
exists) and ``newsdesk corrections CORPUS`` lists every correction with its state
(applied or stale, and why).
"""

from __future__ import annotations

import argparse
import json
import sys

from analysis.corrections.operations import OPERATIONS, CorrectionError

__all__ = ["add_commands"]

_EXIT_OK, _EXIT_DATA, _EXIT_USAGE = 0, 1, 2


def _cmd_correct(args: argparse.Namespace) -> int:
    from analysis.corpus import Corpus
    from analysis.corrections.replay import place_value

    corpus = Corpus.load(args.corpus)
    value = args.value or ""
    if args.op == "geocode-place" and args.lat is not None:
        if args.lon is None:
            print("newsdesk correct: --lat needs --lon", file=sys.stderr)
            return _EXIT_USAGE
        extra = {
            k: v for k, v in (("country_code", args.country), ("place_id", args.place_id)) if v
        }
        try:
            value = place_value(name=value or args.target, lat=args.lat, lon=args.lon, **extra)
        except CorrectionError as exc:
            print(f"newsdesk correct: {exc}", file=sys.stderr)
            return _EXIT_USAGE
    try:
        corrected = corpus.corrections.add(
            args.op, args.target, value, article_id=args.article, why=args.why, who=args.who
        )
    except CorrectionError as exc:
        print(f"newsdesk correct: {exc}", file=sys.stderr)
        return _EXIT_USAGE
    except ValueError as exc:
        print(f"newsdesk correct: {exc}", file=sys.stderr)
        return _EXIT_DATA
    if args.op == "promote-actor":
        from analysis.corrections.accessor import promote_to_kb

        promote_to_kb(corpus, args.target, value)
    row = corrected.corrections.status().iloc[-1]
    print(f"{row['id']}: {row['op']} {row['target']} {row['value']} ({row['state']})")
    return _EXIT_OK


def _cmd_corrections(args: argparse.Namespace) -> int:
    from analysis.corpus import Corpus

    corpus = Corpus.load(args.corpus)
    st = corpus.corrections.status()
    for _line, msg in corpus.corrections.problems():
        print(f"skipped: {msg}", file=sys.stderr)
    if args.json:
        print(json.dumps(st.fillna("").to_dict("records"), indent=2))
    elif not len(st):
        print("no corrections")
    else:
        cols = ["id", "state", "op", "target", "value", "who", "when", "why", "reason"]
        print(st[cols].fillna("").to_string(index=False))
    stale = int((st["state"] == "stale").sum()) if len(st) else 0
    if len(st):
        print(f"{len(st)} corrections: {len(st) - stale} applied, {stale} stale")
    return _EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``correct`` and ``corrections`` on the ``newsdesk`` parser."""
    c = sub.add_parser(
        "correct",
        help="record a correction (merge actors, re-geocode, drop an event, ...)",
        description="Record one correction in CORPUS_DIR/corrections.csv; it is replayed "
        "after every build, load and filter. Operations: "
        + "; ".join(f"{op.name}: {op.doc}" for op in OPERATIONS.values()),
    )
    c.add_argument("corpus", metavar="CORPUS_DIR")
    c.add_argument("op", choices=list(OPERATIONS), metavar="OP", help="the operation")
    c.add_argument("target", metavar="TARGET", help="actor id, event id, article id or toponym")
    c.add_argument("value", nargs="?", default="", metavar="VALUE", help="the new value")
    c.add_argument("--article", metavar="ID", help="apply a place correction in one article")
    c.add_argument("--why", default="", metavar="TEXT", help="why (kept in the audit trail)")
    c.add_argument("--who", metavar="NAME", help="who (default $NEWSDESK_USER or login)")
    c.add_argument("--lat", type=float, help="geocode-place: latitude")
    c.add_argument("--lon", type=float, help="geocode-place: longitude")
    c.add_argument("--country", metavar="CC", help="geocode-place: ISO country code")
    c.add_argument("--place-id", metavar="ID", help="geocode-place: the place's id (e.g. gn:NNN)")
    c.set_defaults(func=_cmd_correct)

    s = sub.add_parser(
        "corrections",
        help="list a corpus' corrections and whether they apply",
        description="Every correction of CORPUS_DIR with its state: applied, or stale "
        "(its target no longer exists) with the reason.",
    )
    s.add_argument("corpus", metavar="CORPUS_DIR")
    s.add_argument("--json", action="store_true", help="print JSON records")
    s.set_defaults(func=_cmd_corrections)
