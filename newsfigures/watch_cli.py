"""`python -m newsfigures watch FEED_OR_FOLDER... [--every MINUTES] [--once]`.

Only wiring: the sources given join the watched list kept in the store
(`store/watching.py`); then a pass over every watched source runs now and every MINUTES
(default 30), each printing one line per source and a summary line, until Ctrl-C, which
stops cleanly between or during passes (what a pass had stored stays stored; an article
half-written is rolled back by its own transaction). `--once` runs one pass and exits, for
cron. `--list` shows the watched sources; `--forget LOCATION` stops watching one.

Exit statuses: 0 the last pass read every source; 1 a source or an item failed; 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

DEFAULT_EVERY = 30.0  # minutes


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def add_parser(sub, db_help: str) -> None:
    """Register `watch` on the command line's subparsers."""
    p = sub.add_parser("watch", help="ingest what is new in feeds and folders, now and every N minutes")
    p.add_argument("sources", nargs="*", metavar="FEED_OR_FOLDER",
                   help="RSS/Atom feed URLs or files, folders; added to the watched list")
    p.add_argument("--db", metavar="FILE", help=db_help)
    p.add_argument("--every", type=_minutes, default=DEFAULT_EVERY, metavar="MINUTES",
                   help=f"minutes between passes (default {DEFAULT_EVERY:g})")
    p.add_argument("--once", action="store_true", help="one pass, then exit (for cron)")
    p.add_argument("--list", action="store_true", help="show the watched sources and exit")
    p.add_argument("--forget", action="append", metavar="LOCATION", default=[],
                   help="stop watching this source (what it gave stays stored)")
    p.add_argument("--workers", "-j", type=int, default=1, metavar="N")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="time limit for fetching each URL (default 20)")
    p.add_argument("--allow-private", action="store_true",
                   help="fetch from loopback, private and link-local addresses too")
    p.set_defaults(run=cmd_watch)


def _minutes(value: str) -> float:
    minutes = float(value)
    if not minutes > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return minutes


def cmd_watch(args: argparse.Namespace, *, stop: threading.Event | None = None) -> int:
    from .io.names import ArticleError
    from .store import database as store
    from .store import watching

    db = Path(args.db) if args.db else store.default_db_path()
    conn = store.connect(db)
    try:
        for location in args.forget:
            _err(f"forgot {location}" if watching.forget(conn, location) else f"not watched: {location}")
        for source in args.sources:
            try:
                kind, location = watching.source_kind(source)
            except ArticleError as e:
                _err(f"error: {e.path}: {e.reason}")
                return 2
            if watching.add(conn, kind, location):
                _err(f"watching {kind} {location}")
        sources = watching.watched(conn)
    finally:
        conn.close()
    if args.list or (args.forget and not args.sources):
        for s in sources:
            print(f"{s.kind}\t{s.location}\tlast read {s.last_read_at or 'never'}\t"
                  f"{s.last_status or '-'}\t{s.last_added} added")
        return 0
    if not sources:
        _err("error: nothing to watch: give feed URLs, feed files or folders")
        return 2
    options = watching.PassOptions(workers=max(1, args.workers), timeout=args.timeout,
                                   allow_private=True if args.allow_private else None)
    stop = stop or threading.Event()
    status = 0
    try:
        while True:
            results = watching.run_pass(db, options)
            for result in results:
                print(f"watch: {result.line}", flush=True)
            added = sum(r.added for r in results)
            failed = sum(r.failed + bool(r.error) for r in results)
            print(f"watch: pass done: {len(results)} source(s), {added} added, {failed} failed",
                  flush=True)
            status = 1 if failed else 0
            if args.once or stop.wait(args.every * 60):
                return status
    except KeyboardInterrupt:
        _err("watch: stopped (Ctrl-C); what was stored stays stored")
        return status
