"""The command line: `python -m newsfigures extract|ingest|reextract|remove|restore|export|watch`.

Only wiring: argument parsing, progress bars, messages and exit statuses. The work is done by
io/articles.py (reading), engine/figures.py (extraction), store/database.py and
store/ingest.py (the database) and io/export.py (output formats).

Exit statuses: 0 all went well; 1 some input failed (each reported on stderr, the rest done);
2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import Callable, Sequence, TextIO

PROGRESS_MIN_ITEMS = 20  # fewer files than this: no progress bar


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _progress_bar(total: int, desc: str):
    """A tqdm bar on stderr, or None when stderr is not a terminal or there is little to do."""
    if total < PROGRESS_MIN_ITEMS or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", file=sys.stderr, leave=False)


def _progress_callback(desc: str) -> tuple[Callable[[int, int, str], None], Callable[[], None]]:
    """(progress(done, total, label), close()) driving a tqdm bar created on first call."""
    state: dict = {}

    def progress(done: int, total: int, label: str) -> None:
        if "bar" not in state:
            state["bar"] = _progress_bar(total, desc)
        bar = state["bar"]
        if bar is not None:
            bar.n = done
            bar.set_postfix_str(str(label)[-40:], refresh=False)
            bar.refresh()

    def close() -> None:
        if state.get("bar") is not None:
            state["bar"].close()

    return progress, close


def _open_out(path: str | None) -> TextIO:
    if path and path != "-":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return open(path, "w", encoding="utf-8", newline="\n")
    if hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            pass
    return sys.stdout


# --------------------------------------------------------------------------- extract


def cmd_extract(args: argparse.Namespace) -> int:
    from .io.articles import iter_articles
    from .io.listing import scan_sources
    from .io.manifests import ManifestWarning
    from .io.names import ArticleError, SkippedSource
    from . import iter_collection

    total = len(scan_sources(args.paths).files)
    bar = _progress_bar(total, "extract")
    failed = 0
    written = 0
    articles = []
    with warnings.catch_warnings():
        warnings.simplefilter("always", ManifestWarning)
        warnings.showwarning = lambda message, *a, **k: _err(f"warning: {message}")
        for item in iter_articles(args.paths):
            if isinstance(item, SkippedSource):
                _err(f"skipped: {item.path}: {item.reason}")
                continue
            if isinstance(item, ArticleError):
                failed += 1
                _err(f"error: {item.path}: {item.reason}")
                if bar is not None:
                    bar.update(1)
                continue
            for warning in item.warnings:
                _err(f"warning: {item.path or item.url or item.id}: {warning}")
            articles.append(item)
    # Articles read together are dated together: one that gives only weekdays and months
    # takes the year of the others (newsfigures.extract_collection).
    errors: list = []
    figures = iter_collection(articles, errors=errors, workers=args.workers,
                              progress=None if bar is None else bar.update)
    out = _open_out(args.out)
    encode = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(..., ensure_ascii=False)
    try:  # builds again for every call; written as the workers hand runs of articles back
        for figure in figures:
            out.write(encode(figure.to_dict()) + "\n")
            written += 1
    finally:
        if bar is not None:
            bar.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    for item, e in errors:  # one bad article does not stop the others
        failed += 1
        _err(f"error: {item.path or item.url or item.id}: extraction failed: "
             f"{e.__class__.__name__}: {e}")
    if failed:
        _err(f"{failed} of {total} article(s) failed; {written} figure(s) written")
    return 1 if failed else 0


# --------------------------------------------------------------------------- ingest & co


def _db_path(args: argparse.Namespace) -> "Path | str":
    """--db, else $NEWSFIGURES_DB, else data/newsfigures.db: a file, or a postgresql:// DSN."""
    from .store.database import default_db_path, locate

    return locate(args.db) if args.db else default_db_path()


def _print_report(report, *, verbose: bool = True) -> None:
    for message in report.warnings:
        _err(f"warning: {message}")
    for result in report.results:
        if result.status == "failed":
            _err(f"failed: {result.source}: {result.detail}")
        elif verbose and result.status != "unchanged":
            _err(result.line())
    if report.redated:
        _err(f"re-dated {len(report.redated)} stored article(s): {', '.join(report.redated[:10])}"
              + (" ..." if len(report.redated) > 10 else ""))
    print(report.summary())


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store.ingest import ingest

    if bool(args.sources) == bool(args.from_parquet):
        _err("error: give either sources or --from-parquet DIR")
        return 2
    progress, close = _progress_callback("ingest")
    try:
        report = _ingest_parquet(args, progress) if args.from_parquet else ingest(
            args.sources, _db_path(args), workers=args.workers, progress=progress,
            timeout=args.timeout, allow_private=True if args.allow_private else None,
            restore=args.restore,
        )
    finally:
        close()
    _print_report(report, verbose=not args.quiet)
    return 0 if report.ok else 1


def _ingest_parquet(args: argparse.Namespace, progress):
    from .store.parquet_ingest import ingest_parquet
    from .store.reports import IngestReport

    try:
        return ingest_parquet(args.from_parquet, _db_path(args), progress=progress,
                              restore=args.restore)
    except ValueError as e:  # not an output folder of `bulk`
        report = IngestReport()
        report.fail(args.from_parquet, str(e))
        return report


def cmd_reextract(args: argparse.Namespace) -> int:
    from .store.maintenance import reextract

    progress, close = _progress_callback("reextract")
    try:
        report = reextract(_db_path(args), progress=progress, workers=args.workers)
    finally:
        close()
    _print_report(report, verbose=False)
    return 0 if report.ok else 1


def cmd_remove(args: argparse.Namespace) -> int:
    from .store.maintenance import remove

    report = remove(_db_path(args), args.ids, purge=args.purge)
    _print_report(report)
    return 0 if report.ok else 1


def cmd_restore(args: argparse.Namespace) -> int:
    from .store.maintenance import restore_articles

    report = restore_articles(_db_path(args), args.ids)
    _print_report(report)
    return 0 if report.ok else 1


def _split_multi(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(part.strip() for part in v.split(",") if part.strip())
    return out


def cmd_export(args: argparse.Namespace) -> int:
    from .io import export
    from .store import database as store
    from .store import frames

    db = _db_path(args)
    if not store.exists(db):
        _err(f"error: no database at {db} (run `python -m newsfigures ingest` first)")
        return 1
    filters = {
        "date_from": args.date_from or None,
        "date_to": args.date_to or None,
        "country": _split_multi(args.country),
        "place": _split_multi(args.place),
        "source": _split_multi(args.source),
        "publisher": _split_multi(args.publisher),
        "category": _split_multi(args.category),
    }
    try:
        filters = frames.normalise_filters(filters)
    except ValueError as e:
        _err(f"error: {e}")
        return 2
    conn = store.connect(db, readonly=True)
    try:
        df = frames.figures_frame(conn, filters)
    finally:
        conn.close()
    data = export.export_bytes(df, args.format)
    if args.out and args.out != "-":
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, out)
        _err(f"{len(df)} figure(s) written to {out}")
    else:
        sys.stdout.flush()
        if hasattr(sys.stdout, "buffer"):
            sys.stdout.buffer.write(data)
        else:  # a text-only stream (some test harnesses)
            sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsfigures",
        description="Humanitarian figures from news articles: extract, store, export.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract figures from article files to JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.html/.pdf files or folders (recursive)")
    p.add_argument("--out", "-o", metavar="FILE", help="write JSON Lines here (default: stdout)")
    p.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="processes extracting a large batch (default: every core; "
                        "a batch under 200 kB runs in one)")
    p.set_defaults(run=cmd_extract)

    db_help = ("SQLite file or postgresql://user@host/dbname "
               "(default: $NEWSFIGURES_DB or data/newsfigures.db)")

    p = sub.add_parser("ingest", help="read articles and store them and their figures")
    p.add_argument("sources", nargs="*", metavar="PATH_OR_URL",
                   help="files, folders, http(s) URLs, RSS/Atom feeds (URLs or .rss/.atom/.xml files)")
    p.add_argument("--from-parquet", metavar="DIR", help="the Parquet output folder of `bulk`")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--workers", "-j", type=_positive_int, default=1, metavar="N",
                   help="extraction processes (default 1)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="time limit for fetching each URL (default 20)")
    p.add_argument("--allow-private", action="store_true",
                   help="fetch from loopback, private and link-local addresses too")
    p.add_argument("--restore", action="store_true",
                   help="bring back removed articles that these sources are")
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary and failures")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("reextract", help="re-run the current extractor over stored articles")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--workers", "-j", type=_positive_int, default=1, metavar="N")
    p.set_defaults(run=cmd_reextract)

    p = sub.add_parser("remove", help="take articles out of charts, counts and exports")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--purge", action="store_true", help="delete them for good (no restore)")
    p.set_defaults(run=cmd_remove)

    p = sub.add_parser("restore", help="bring removed articles back")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.set_defaults(run=cmd_restore)

    p = sub.add_parser("export", help="write stored figures as CSV, JSON Lines, GeoJSON or HXL")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--format", "-f", choices=("csv", "jsonl", "geojson", "hxl"), default="csv")
    p.add_argument("--out", "-o", metavar="FILE", help="output file (default: stdout)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="figure date on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="figure date on or before")
    for name, what in (
        ("country", "ISO 3166-1 alpha-2 code"),
        ("place", "place name"),
        ("source", "source name"),
        ("publisher", "publisher name"),
        ("category", "category (displaced, killed, ...)"),
    ):
        p.add_argument(f"--{name}", action="append", metavar="VALUE",
                       help=f"{what}; repeat or give a comma list")
    p.set_defaults(run=cmd_export)

    from .watch_cli import add_parser as add_watch_parser

    add_watch_parser(sub, db_help)

    from .review_cli import add_parser as add_review_parser  # issue 11: `review ...`
    add_review_parser(sub)

    from .bulk import add_parser as add_bulk  # `bulk`: newsfigures/bulk.py

    add_bulk(sub)
    return parser


def _positive_int(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


class _OneLine(logging.Formatter):
    """Log records as one line on stderr; the traceback only with NEWSFIGURES_DEBUG=1 (the
    failure itself is already reported per source)."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        return super().formatException(ei) if os.environ.get("NEWSFIGURES_DEBUG") else ""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).rstrip()


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("log: %(name)s: %(message)s"))
    root = logging.getLogger("newsfigures")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if os.environ.get("NEWSFIGURES_DEBUG") else logging.WARNING)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    import sqlite3

    from .store.database import StoreError

    args = build_parser().parse_args(argv)
    _configure_logging()
    try:
        return args.run(args)
    except StoreError as e:
        _err(f"error: {e}")
        return 1
    except sqlite3.Error as e:  # the store itself failed: stop, saying why in one line
        _err(f"error: the database failed ({e.__class__.__name__}: {e}); what was stored "
             "before stays stored")
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
