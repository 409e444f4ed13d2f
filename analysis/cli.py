"""The ``newsdesk`` command line: each command is one call into the library.

Exit codes: 0 success, 1 a problem with the data (no articles, no corpus, a failing
stage under ``--strict``), 2 a usage error (bad option, missing file argument).
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "make_parser"]

log = logging.getLogger("analysis.cli")

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class CLIError(Exception):
    """An expected error: printed without a traceback, with a hint, and an exit code."""

    def __init__(self, message: str, code: int = EXIT_DATA) -> None:
        super().__init__(message)
        self.code = code


# ------------------------------------------------------------------ commands


def _cmd_build(args: argparse.Namespace) -> int:
    from analysis.corpus import build
    from analysis.settings import BUNDLED_REFERENCE, Settings

    for src in args.sources:
        if not Path(src).exists() and not glob.glob(src) and "://" not in src:
            raise CLIError(f"no such file or folder: {src}", EXIT_USAGE)
    if args.corrections and not Path(args.corrections).is_file():
        raise CLIError(f"corrections file not found: {args.corrections}", EXIT_USAGE)
    for kb in args.kb:
        if not Path(kb).is_file():
            raise CLIError(f"knowledge base not found: {kb}", EXIT_USAGE)
    changes = {"knowledge_bases": tuple(str(Path(k).resolve()) for k in args.kb)}
    refs = []
    for ref in args.reference:
        if ref == BUNDLED_REFERENCE:
            refs.append(ref)
        elif not Path(ref).is_file():
            raise CLIError(f"reference timeline not found: {ref}", EXIT_USAGE)
        else:
            refs.append(str(Path(ref).resolve()))
    changes["reference_events"] = tuple(refs)
    if args.model:
        changes["model"] = args.model
    settings = Settings().replace(**changes)
    if args.scheduler and args.engine != "dask":
        raise CLIError("--scheduler needs --engine dask", EXIT_USAGE)
    corpus = build(
        args.sources if len(args.sources) > 1 else args.sources[0],
        settings=settings,
        store=args.output,
        engine=args.engine,
        scheduler=args.scheduler,
        n_workers=args.workers,
        progress=not args.quiet,
        strict=args.strict,
        batch_size=args.batch_size,
        lock_timeout=args.wait,
        corrections=args.corrections,
    )
    stats = corpus.build_stats
    if len(corpus) == 0:
        raise CLIError(
            f"no articles found in {', '.join(args.sources)}; point newsdesk at .txt, .json, "
            ".jsonl, .csv, .html, .parquet files, feeds or folders of them"
        )
    if not args.quiet:
        print(
            f"{args.output}: {len(corpus):,} articles ({stats.get('processed', 0):,} processed, "
            f"{stats.get('reused', 0):,} reused, {stats.get('removed', 0):,} removed) "
            f"in {stats.get('seconds', 0):.1f}s"
        )
        print(f"  {corpus!r}")
    if stats.get("errors"):
        print(
            f"  {len(stats['errors'])} article stage(s) failed and were skipped; "
            f"see `newsdesk info {args.output}`",
            file=sys.stderr,
        )
    return EXIT_OK


def _load(path: str):
    from analysis.corpus import Corpus

    return Corpus.load(path)


def _cmd_info(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus)
    s = corpus.summary()
    if args.json:
        print(json.dumps(s, default=str, indent=2))
        return EXIT_OK
    m = corpus.manifest
    print(f"corpus:    {args.corpus}")
    print(f"articles:  {s['articles']:,}")
    print(f"words:     {s['words']:,}")
    srcs = ", ".join(f"{k} ({v})" for k, v in list(s["sources"].items())[:10])
    more = len(s["sources"]) - 10
    print(f"sources:   {len(s['sources'])}: {srcs}{f', and {more} more' if more > 0 else ''}")
    if s["first_published"] is not None:
        first, last = s["first_published"], s["last_published"]
        print(
            f"published: {first:%Y-%m-%d} to {last:%Y-%m-%d}"
            + (f" ({s['undated']} undated)" if s["undated"] else "")
        )
    else:
        print("published: unknown")
    print("frames:    " + ", ".join(f"{k} {v:,}" for k, v in s["frames"].items()))
    b = m.get("build", {})
    if b:
        print(
            f"built:     newsdesk {m.get('package_version', '?')}, pipeline "
            f"{m.get('pipeline_version', '?')}, model {m.get('settings', {}).get('model', '?')}"
            f", {b.get('processed', 0)} processed / {b.get('reused', 0)} reused"
            f" in {b.get('seconds', 0):.1f}s"
        )
        for err in b.get("errors", [])[:10]:
            print(f"  skipped: article {err['article_id']} stage {err['stage']}: {err['error']}")
    missing = [k for k, v in m.get("stages_available", {}).items() if not v]
    if missing:
        print(f"note:      stages not available in this install: {', '.join(missing)}")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus)
    try:
        from analysis.report import write_report
    except ModuleNotFoundError as exc:
        raise CLIError(f"the HTML report is not available in this install ({exc})") from exc
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_report(corpus, out, full_plotlyjs=args.full_plotlyjs)
    print(f"report: {out.resolve()}")
    return EXIT_OK


def _cmd_notebooks(args: argparse.Namespace) -> int:
    try:
        from analysis.notebooks import render_notebooks
    except ModuleNotFoundError as exc:
        raise CLIError(f"notebook rendering is not available in this install ({exc})") from exc
    if args.corpus is not None:
        _load(args.corpus)  # fail early, with the store's message, when it is no corpus
    written = render_notebooks(args.out_dir, corpus=args.corpus, execute=args.execute, to=args.to)
    for path in written or []:
        print(path)
    return EXIT_OK


def _cmd_geocode(args: argparse.Namespace) -> int:
    try:
        from analysis.geo import geocode_table
    except (ModuleNotFoundError, ImportError) as exc:
        raise CLIError(f"the gazetteer is not available in this install ({exc})") from exc
    table = geocode_table(list(args.names))
    if args.json:
        print(table.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(table.to_string(index=False))
    found = "lat" in table.columns and table["lat"].notna().any()
    if not found:
        print(
            "none of the names was found in the gazetteer; check the spelling or add them "
            "to a gazetteer additions file",
            file=sys.stderr,
        )
        return EXIT_DATA
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from analysis.export import EXPORTS, export

    corpus = _load(args.corpus)
    filters = {
        "actors": args.actor,
        "sources": args.source,
        "places": args.place,
        "event_types": args.type,
        "start": args.start,
        "end": args.end,
        "text": args.text,
    }
    if any(v is not None for v in filters.values()):
        try:
            corpus = corpus.filter(**filters)
        except (TypeError, ValueError) as exc:
            raise CLIError(str(exc), EXIT_USAGE) from exc
        print(f"selection: {len(corpus):,} article(s)")
    formats = [f.strip() for f in args.only.split(",") if f.strip()] if args.only else EXPORTS
    try:
        written = export(corpus, args.to, formats=formats, min_weight=args.min_weight)
    except ValueError as exc:
        raise CLIError(str(exc), EXIT_USAGE) from exc
    for name, path in written.items():
        print(f"{name}: {path.resolve()}")
    return EXIT_OK


def _cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    corpus = _load(args.corpus)
    try:
        df = corpus.sql(args.query)
    except duckdb.Error as exc:
        raise CLIError(
            f"SQL error: {exc}\ntables: {', '.join(corpus.frames)}; "
            'columns: newsdesk sql CORPUS "describe articles"'
        ) from exc
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(df.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        with _pd_display(args.max_rows):
            print(df.to_string(index=False, max_rows=args.max_rows))
    return EXIT_OK


class _pd_display:
    def __init__(self, rows: int) -> None:
        self.rows = rows

    def __enter__(self):
        import pandas as pd

        self._ctx = pd.option_context("display.max_colwidth", 60, "display.width", 200)
        self._ctx.__enter__()

    def __exit__(self, *exc):
        self._ctx.__exit__(*exc)


# ------------------------------------------------------------------- parser


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``newsdesk`` (exposed for documentation and tests)."""
    from analysis import __version__

    p = argparse.ArgumentParser(
        prog="newsdesk",
        description="Geopolitical news articles into frames of actors, places, dates and "
        "events; HTML reports and notebooks.",
        epilog="Typical run: newsdesk build data/articles -o out/corpus && newsdesk info "
        "out/corpus && newsdesk report out/corpus -o out/report.html",
    )
    p.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    p.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="build (or update) a corpus from articles",
        description="Load articles, run every stage, save the corpus as Parquet. "
        "An existing corpus folder is updated incrementally: only new or changed "
        "articles, and only stages whose settings changed, are computed.",
    )
    b.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="files, folders, globs, zips or feeds of articles",
    )
    b.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="CORPUS_DIR",
        help="corpus folder (created, or updated in place)",
    )
    b.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run in this process (local) or over a Dask cluster (default: local)",
    )
    b.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    b.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="worker processes of the local Dask cluster (default 2)",
    )
    b.add_argument("--model", metavar="NAME", help="spaCy pipeline (default en_core_web_sm)")
    b.add_argument(
        "--kb",
        action="append",
        default=[],
        metavar="FILE",
        help="extra actor knowledge base (CSV/YAML); repeatable",
    )
    b.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="FILE",
        help="link events to this reference timeline (CSV); 'bundled' for the bundled "
        "Korean-peninsula timeline 2017-2019; repeatable (default: no linking)",
    )
    b.add_argument(
        "--strict", action="store_true", help="stop at the first bad input instead of skipping it"
    )
    b.add_argument(
        "--batch-size",
        type=_positive,
        default=16,
        metavar="N",
        help="articles per batch (default 16)",
    )
    b.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long if another build is writing CORPUS_DIR (default: fail)",
    )
    b.add_argument(
        "--corrections",
        metavar="FILE",
        help="a shared corrections file to add to the corpus' own and replay",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=_cmd_build)

    i = sub.add_parser(
        "info",
        help="summarize a corpus",
        description="Articles, words, sources, date range and frame sizes.",
    )
    i.add_argument("corpus", metavar="CORPUS_DIR")
    i.add_argument("--json", action="store_true", help="print the summary as JSON")
    i.set_defaults(func=_cmd_info)

    r = sub.add_parser(
        "report",
        help="write the offline HTML report",
        description="One self-contained HTML page (maps, actors, timeline).",
    )
    r.add_argument("corpus", metavar="CORPUS_DIR")
    r.add_argument("-o", "--output", required=True, metavar="FILE.html")
    r.add_argument(
        "--full-plotlyjs",
        action="store_true",
        help="inline the full plotly.js instead of the report's partial bundle (larger, slower)",
    )
    r.set_defaults(func=_cmd_report)

    n = sub.add_parser(
        "notebooks",
        help="render the analyst notebooks",
        description="Execute the bundled notebooks and write them to OUT_DIR.",
    )
    n.add_argument("out_dir", metavar="OUT_DIR")
    n.add_argument("--corpus", metavar="CORPUS_DIR", help="corpus the notebooks read")
    n.add_argument("--execute", action="store_true", help="run the notebooks before writing")
    n.add_argument("--to", choices=("html", "ipynb"), default="html", help="output format")
    n.set_defaults(func=_cmd_notebooks)

    g = sub.add_parser(
        "geocode",
        help="look place names up in the offline gazetteer",
        description="Offline: no network. One row per name.",
    )
    g.add_argument("names", nargs="+", metavar="NAME")
    g.add_argument("--json", action="store_true", help="print JSON records")
    g.set_defaults(func=_cmd_geocode)

    x = sub.add_parser(
        "export",
        help="write GeoJSON, GraphML and CSV files of a corpus",
        description="places.geojson and events.geojson (QGIS, kepler.gl), actors.graphml "
        "(Gephi) and one CSV per frame; the filters select articles as Corpus.filter does.",
    )
    x.add_argument("corpus", metavar="CORPUS_DIR")
    x.add_argument("--to", required=True, metavar="DIR", help="folder to write (created)")
    x.add_argument("--only", metavar="LIST", help="comma-separated: csv,geojson,graphml")
    x.add_argument("--min-weight", type=_positive, default=1, metavar="N",
                   help="lightest co-mention edge in the GraphML (default 1)")  # fmt: skip
    for flag, dest, what in (
        ("--actor", "actor", "actor id, name or alias"),
        ("--source", "source", "source"),
        ("--place", "place", "place id, name, surface text or country code"),
        ("--type", "type", "event type"),
    ):
        x.add_argument(flag, dest=dest, action="append", metavar="VALUE",
                       help=f"keep articles with this {what} (repeatable: any of them)")  # fmt: skip
    x.add_argument("--start", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    x.add_argument("--end", metavar="DATE", help="published on or before (inclusive)")
    x.add_argument("--text", metavar="WORDS", help="plain, case-insensitive text search")
    x.set_defaults(func=_cmd_export)

    q = sub.add_parser(
        "sql",
        help="run DuckDB SQL over a corpus",
        description="Tables: articles, sentences, mentions, actors, quotes, edges, "
        "places, timexes, events.",
    )
    q.add_argument("corpus", metavar="CORPUS_DIR")
    q.add_argument("query", metavar="QUERY", help='e.g. "select * from actors limit 5"')
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--max-rows", type=_positive, default=100, metavar="N")
    q.set_defaults(func=_cmd_sql)

    from analysis.corrections.commands import add_commands

    add_commands(sub)
    return p


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {n}")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newsdesk`` with ``argv`` (default: the process arguments); return the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="newsdesk: %(levelname)s: %(message)s")
    from analysis.corpus import BuildError
    from analysis.schema import SchemaError
    from analysis.store import StoreError

    try:
        return args.func(args)
    except CLIError as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except (StoreError, BuildError, SchemaError, FileNotFoundError, PermissionError) as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print(f"newsdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
