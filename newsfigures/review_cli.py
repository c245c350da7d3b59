"""The command line's `review` command: share, list and score the analyst's reviews.

    python -m newsfigures review export [--db FILE] [--out reviews.jsonl]
    python -m newsfigures review apply reviews.jsonl [--db FILE] [--keep-existing]
    python -m newsfigures review list [--orphaned] [--undone] [--article ID] [--db FILE]
    python -m newsfigures review score [--by all|category|outlet] [--db FILE]

Only wiring: the work is store/reviews.py, store/review_exchange.py and
dashboard/reviewing.py. Exit statuses as the rest of the command line: 0 all went well,
1 some input failed (each line reported on stderr, the rest applied), 2 bad usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DB_HELP = "SQLite database (default: $NEWSFIGURES_DB or data/newsfigures.db)"


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _db(args: argparse.Namespace) -> Path:
    from .store.database import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _connect(args: argparse.Namespace, *, readonly: bool):
    from .store import database as store

    db = _db(args)
    if readonly and not db.exists():
        _err(f"error: no database at {db} (run `python -m newsfigures ingest` first)")
        return None
    return store.connect(db, readonly=readonly)


def cmd_export(args: argparse.Namespace) -> int:
    from .store import review_exchange

    conn = _connect(args, readonly=True)
    if conn is None:
        return 1
    try:
        lines = review_exchange.export_lines(conn)
    finally:
        conn.close()
    text = review_exchange.dumps(lines)
    if args.out and args.out != "-":
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, out)
        _err(f"{len(lines)} review action(s) written to {out}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from .store import review_exchange

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        _err(f"error: cannot read {args.file} ({getattr(e, 'strerror', None) or e})")
        return 1
    parsed = review_exchange.parse(text)
    for number, reason in parsed.errors:
        _err(f"failed: {args.file}:{number}: {reason}")
    conn = _connect(args, readonly=False)
    try:
        report = review_exchange.apply_lines(conn, [a for _, a in parsed.actions],
                                             keep_existing=args.keep_existing)
    finally:
        conn.close()
    for line in report.conflicts:
        _err(f"conflict: {line}")
    for line in report.orphaned:
        _err(f"orphaned: {line}")
    for line in report.errors:
        _err(f"failed: {line}")
    report.errors.extend(f"line {n}: {r}" for n, r in parsed.errors)
    print(report.summary())
    return 1 if report.errors else 0


def _line(row: dict) -> str:
    fields = " ".join(f"{k}={v!r}" for k, v in row["fields"].items())
    flags = "".join((" [orphaned]" if row["orphaned"] else "",
                     f" [undone {row['undone_at'][:19]}]" if row["undone_at"] else ""))
    reason = f" ({row['reason']})" if row["reason"] else ""
    comment = f" — {row['comment']}" if row["comment"] else ""
    return (f"#{row['id']} {row['article']} {row['start']}-{row['end']} {row['words']!r} "
            f"{row['action']}{reason}{' ' + fields if fields else ''} by "
            f"{row['reviewer'] or '(no name)'} at {row['reviewed_at'][:19]}{flags}{comment}")


def cmd_list(args: argparse.Namespace) -> int:
    from .store import reviews

    conn = _connect(args, readonly=True)
    if conn is None:
        return 1
    try:
        rows = reviews.list_reviews(conn, orphaned=True if args.orphaned else None,
                                    undone=args.undone, article=args.article)
    finally:
        conn.close()
    for row in rows:
        print(_line(row))
    _err(f"{len(rows)} review action(s)" + (" orphaned" if args.orphaned else ""))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from .dashboard import reviewing
    from .store import reviews

    conn = _connect(args, readonly=True)
    if conn is None:
        return 1
    try:
        pairs = reviews.reviewed_pairs(conn)
    finally:
        conn.close()
    if not pairs:
        print("No reviewed figures yet: the engine's accuracy cannot be estimated.")
        return 0
    table = reviewing.score(pairs)
    prefix = {"all": ("all",), "category": ("category: ",), "outlet": ("outlet: ",)}[args.by]
    groups = [g for g in dict.fromkeys(table["group"]) if g.startswith(prefix)]
    for group in groups:
        n = len([p for p in pairs if group == "all" or _in_group(p, group)])
        print(f"{group} ({n} reviewed figure(s)):")
        for line in reviewing.score_lines(table, group):
            print(f"  {line}")
    return 0


def _in_group(pair: dict, group: str) -> bool:
    kind, _, value = group.partition(": ")
    key = {"category": "category", "outlet": "publisher"}[kind]
    return pair["reviewed"].get(key) == value


def add_parser(sub) -> None:
    """Register `review` and its subcommands on the command line's subparsers."""
    p = sub.add_parser("review", help="share, list and score the analyst's reviews")
    rsub = p.add_subparsers(dest="review_command", required=True, metavar="ACTION")

    q = rsub.add_parser("export", help="write every review action as reviews.jsonl")
    q.add_argument("--db", metavar="FILE", help=DB_HELP)
    q.add_argument("--out", "-o", metavar="FILE", help="output file (default: stdout)")
    q.set_defaults(run=cmd_export)

    q = rsub.add_parser("apply", help="store the review actions of a reviews.jsonl file")
    q.add_argument("file", metavar="FILE", help="reviews.jsonl")
    q.add_argument("--db", metavar="FILE", help=DB_HELP)
    q.add_argument("--keep-existing", action="store_true",
                   help="on a conflict with another reviewer, keep the stored review")
    q.set_defaults(run=cmd_apply)

    q = rsub.add_parser("list", help="print the review actions, oldest first")
    q.add_argument("--db", metavar="FILE", help=DB_HELP)
    q.add_argument("--orphaned", action="store_true",
                   help="only those whose number could not be found again")
    q.add_argument("--undone", action="store_true", help="include undone actions")
    q.add_argument("--article", metavar="ID", help="only this article's")
    q.set_defaults(run=cmd_list)

    q = rsub.add_parser("score", help="the engine's accuracy on the reviewed figures")
    q.add_argument("--db", metavar="FILE", help=DB_HELP)
    q.add_argument("--by", choices=("all", "category", "outlet"), default="all",
                   help="overall (default), per category or per outlet")
    q.set_defaults(run=cmd_score)
