"""Speed of the events stage against a baseline revision, side by side in one run.

    python benchmarks/events_speed.py --n 300 --baseline HEAD
    python benchmarks/events_speed.py --n 100 --profile        # cProfile of the current code

1. Writes ``--n`` articles with ``make_corpus.py`` and runs every stage before events once
   (load, publication date, parse, actors, places, timexes), pickling the frames and Docs
   to ``benchmarks/out/events_inputs_N.pkl`` (reused by later runs unless ``--fresh``).
2. Extracts the events from those same inputs with the code of ``--baseline`` (a git
   revision, unpacked into a temporary folder) and with the working tree, each in its own
   fresh subprocess, alternating ``--rounds`` times; reports the median wall-clock and CPU
   seconds and the ratios baseline / current (CPU time is the steadier figure on a
   shared machine).
3. Compares the two events frames (same rows, same values, column by column) and names
   the columns that differ.

Results go to ``benchmarks/out/events_speed.json`` and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
from make_corpus import write_corpus  # noqa: E402

_CHILD = textwrap.dedent("""
    import json, logging, pickle, sys, time
    logging.basicConfig(level=logging.ERROR)
    job = json.loads(sys.argv[1])
    sys.path.insert(0, job["root"])
    from analysis import events
    with open(job["inputs"], "rb") as fh:
        inp = pickle.load(fh)
    ref = events.load_reference_events()
    t0, c0 = time.perf_counter(), time.process_time()
    if job.get("profile"):
        import cProfile, pstats
        prof = cProfile.Profile()
        prof.enable()
    frame = events.extract_events(
        inp["articles"], inp["sentences"], inp["mentions"], inp["actors"], inp["places"],
        inp["timexes"], inp["quotes"], docs=inp["docs"], reference=ref,
    )
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    if job.get("profile"):
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    frame.to_pickle(job["result"])
    print(json.dumps({"seconds": seconds, "cpu": cpu, "events": len(frame)}))
""")


def prepare(n: int, work: Path) -> Path:
    """Run the stages before events on ``n`` benchmark articles; pickle their outputs."""
    import pandas as pd

    from analysis import actors, geo, nlp, schema, timex
    from analysis.io import load_articles
    from analysis.pipeline import merge_actor_parts

    src = write_corpus(n, work / "articles")
    arts = load_articles(src)
    arts = schema.conform(timex.infer_published(arts), "articles")
    kb = actors.load_knowledge_base()
    pipe = nlp.load_pipeline(kb=kb)
    parsed = nlp.parse(arts, nlp=pipe)
    res = actors.resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)
    places = geo.geoparse(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, gazetteer=geo.get_gazetteer()
    )
    mentions = res.mentions.assign(place_id=pd.Series(pd.NA, index=res.mentions.index))
    if len(places) and len(mentions):
        mentions = geo.link_mentions(mentions, places)
    inputs = {
        "articles": arts,
        "sentences": parsed.sentences,
        "mentions": mentions,
        "actors": merge_actor_parts(res.actor_parts),
        "places": places,
        "timexes": timex.tag_timexes(arts, parsed.sentences),
        "quotes": res.quotes,
        "docs": parsed.docs,
    }
    path = work / "inputs.pkl"
    with path.open("wb") as fh:
        pickle.dump(inputs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def checkout(rev: str, dest: Path) -> Path:
    """The ``analysis`` package and ``data`` folder of git revision ``rev`` under ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "analysis", "data"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def run(root: Path, inputs: Path, result: Path, *, profile: bool = False) -> dict:
    job = {"root": str(root), "inputs": str(inputs), "result": str(result), "profile": profile}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(job)],
        check=True,
        capture_output=True,
        text=True,
        cwd=str(root),
    )
    if profile:
        sys.stderr.write(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(a_path: Path, b_path: Path) -> dict:
    """Which columns differ between two events frames (after sorting by event_id)."""
    import pandas as pd

    a = pd.read_pickle(a_path)
    b = pd.read_pickle(b_path)
    out: dict = {"rows": [len(a), len(b)], "differing_columns": []}
    if list(a["event_id"]) != list(b["event_id"]):
        out["same_event_ids"] = False
        only_a = set(a["event_id"]) - set(b["event_id"])
        only_b = set(b["event_id"]) - set(a["event_id"])
        out["only_baseline"], out["only_current"] = len(only_a), len(only_b)
        common = sorted(set(a["event_id"]) & set(b["event_id"]))
        a = a.set_index("event_id").loc[common].reset_index()
        b = b.set_index("event_id").loc[common].reset_index()
    else:
        out["same_event_ids"] = True
    for col in a.columns:
        if col not in b.columns:
            out["differing_columns"].append(f"{col} (baseline only)")
            continue
        left = a[col].map(repr).tolist()
        right = b[col].map(repr).tolist()
        n = sum(1 for x, y in zip(left, right, strict=True) if x != y)
        if n:
            out["differing_columns"].append(f"{col} ({n} rows)")
    out["differing_columns"] += [f"{c} (current only)" for c in b.columns if c not in a.columns]
    out["identical"] = out["same_event_ids"] and not out["differing_columns"]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=300, help="number of articles (default 300)")
    p.add_argument("--baseline", default="HEAD", help="git revision to compare with")
    p.add_argument("--rounds", type=int, default=3, help="alternating runs of each (default 3)")
    p.add_argument("--profile", action="store_true", help="cProfile the current code only")
    p.add_argument(
        "--fresh",
        action="store_true",
        help="re-run the stages before events even when benchmarks/out has their pickle",
    )
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = OUT / f"events_inputs_{args.n}.pkl"
        if args.fresh or not inputs.is_file():
            prepare(args.n, work).replace(inputs)
        if args.profile:
            print(json.dumps(run(ROOT, inputs, work / "current.pkl", profile=True)))
            return 0
        base_root = checkout(args.baseline, work / "baseline")
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        cpu: dict[str, list[float]] = {"baseline": [], "current": []}
        counts = {}
        for _ in range(args.rounds):
            for name, root in (("baseline", base_root), ("current", ROOT)):
                r = run(root, inputs, work / f"{name}.pkl")
                times[name].append(r["seconds"])
                cpu[name].append(r["cpu"])
                counts[name] = r["events"]
        diff = compare(work / "baseline.pkl", work / "current.pkl")
    med = {k: statistics.median(v) for k, v in times.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpu.items()}
    result = {
        "n_articles": args.n,
        "baseline": args.baseline,
        "seconds": times,
        "median": med,
        "ratio": med["baseline"] / med["current"],
        "cpu_seconds": cpu,
        "median_cpu": med_cpu,
        "ratio_cpu": med_cpu["baseline"] / med_cpu["current"],
        "events": counts,
        "comparison": diff,
    }
    (OUT / "events_speed.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(
        f"| articles | events | baseline {args.baseline} wall (CPU) s "
        "| current wall (CPU) s | ratio wall (CPU) |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| {args.n} | {counts['current']} "
        f"| {med['baseline']:.2f} ({med_cpu['baseline']:.2f}) "
        f"| {med['current']:.2f} ({med_cpu['current']:.2f}) "
        f"| {result['ratio']:.2f}x ({result['ratio_cpu']:.2f}x) |"
    )
    print(f"identical output: {diff['identical']} {json.dumps(diff)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
