"""Ingest benchmark: 10,000 sample-sized articles into a fresh SQLite store, with 1 and 2 workers.

    .venv/bin/python bench/ingest.py [--n 10000] [--workers 1 2] [--extractor real|fake]
    .venv/bin/python bench/ingest.py --n 2000 --concurrent 4 [--pg postgresql://...]

The articles are the seed articles in data/articles, each copy varied (a numbered reference
line, and the seed's first number changed) so that every content hash differs. Prints
articles per second, figures per second, and database size per 1,000 figures, then the speed
of a second, no-op run over the same files (all "unchanged"). Target (issue 3): the 10,000 in
under 60 s on a 2-core machine. `--extractor fake` measures the store alone, with the
tests' stand-in extractor.

`--concurrent K` is the acceptance check of many writers (issue 14): K ingest processes at
once, each over its own folder of n/2 of the articles (copies, each article in two of the
folders), into one fresh store: SQLite, and PostgreSQL when `--pg DSN` is given (a schema
of its own, dropped after). Each store must end with exactly the n articles, each once (by
its text), every figure of a one-process ingest, 2 sources per article, and no failures.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsfigures.store import database as store  # noqa: E402
from newsfigures.store.ingest import ingest  # noqa: E402


def make_articles(folder: Path, n: int) -> int:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        text = seeds[i % len(seeds)]
        # vary a number in the text, and add a unique reference line
        text = re.sub(r"\b(\d{2,3}),(\d{3})\b", lambda m: f"{m.group(1)},{(int(m.group(2)) + i) % 1000:03d}",
                      text, count=1)
        text += f"\n\nReference {i:05d}\n"
        (folder / f"bench_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def use_fake_extractor() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    import fake_figures

    sys.modules["newsfigures.engine.figures"] = fake_figures


def run(folder: Path, db: Path, workers: int, n: int) -> None:
    started = time.perf_counter()
    report = ingest([str(folder)], db, workers=workers)
    elapsed = time.perf_counter() - started
    conn = store.connect(db)
    counts = store.counts(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:  # the figures table and its indexes alone, where SQLite has the dbstat table
        figure_bytes = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name = 'figures' OR name LIKE 'figures_%' "
            "OR name LIKE 'sqlite_autoindex_figures%'"
        ).fetchone()[0] or 0
    except Exception:
        figure_bytes = 0
    conn.close()
    size = db.stat().st_size + sum(
        p.stat().st_size for p in db.parent.glob(db.name + "-*") if p.exists()
    )
    per_1000 = size / max(1, counts["figures"]) * 1000
    print(
        f"workers={workers}: {report.summary()} in {elapsed:.1f} s -> "
        f"{n / elapsed:,.0f} articles/s, {counts['figures'] / elapsed:,.0f} figures/s; "
        f"{counts['figures']:,} figures, DB {size / 1e6:.1f} MB = {per_1000 / 1e3:.0f} kB per 1,000 figures"
        + (f" (figures table + indexes: {figure_bytes / max(1, counts['figures']):.0f} kB per 1,000)"
           if figure_bytes else "")
        + f"{'  (target < 60 s: ' + ('met' if elapsed < 60 else 'MISSED') + ')' if n == 10_000 else ''}"
    )
    started = time.perf_counter()
    again = ingest([str(folder)], db, workers=1)
    elapsed = time.perf_counter() - started
    print(f"           rerun: {again.summary()} in {elapsed:.1f} s -> {n / elapsed:,.0f} articles/s")


def _fresh_pg(dsn: str) -> tuple[str, str]:
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn, autocommit=True) as raw:
        raw.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _drop_pg(dsn: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as raw:
        raw.execute(f'DROP SCHEMA "{schema}" CASCADE')


def run_concurrent(folder: Path, n: int, *, k: int, target, fake: bool, expected: int) -> bool:
    """K ingest processes at once over overlapping copies of the articles; True when the
    store holds every article once with all its figures and no process failed."""
    import shutil
    import subprocess

    files = sorted(folder.glob("*.txt"))
    window = max(1, len(files) // 2)
    step = max(1, len(files) // k)
    desks = []
    for d in range(k):
        desk = folder.parent / f"desk{d}"
        desk.mkdir(exist_ok=True)
        for i in range(window):
            src = files[(d * step + i) % len(files)]
            shutil.copyfile(src, desk / src.name)
        desks.append(desk)
    store.connect(target).close()
    runner = [str(ROOT / "tests" / "fixtures" / "run_cli_with_fake.py")] if fake else ["-m", "newsfigures"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, *runner, "ingest", str(desk), "--db", str(target),
                               "--quiet"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for desk in desks]
    outs = [p.communicate() for p in procs]
    elapsed = time.perf_counter() - started
    conn = store.connect(target, readonly=True)
    counts = store.counts(conn)
    texts = conn.execute("SELECT COUNT(DISTINCT text_hash) FROM articles").fetchone()[0]
    sources = conn.execute("SELECT COUNT(*) FROM article_sources").fetchone()[0]
    conn.close()
    failed = [e.strip().splitlines()[-1:] for p, (_, e) in zip(procs, outs)
              if p.returncode != 0 or " 0 failed" not in _]
    covered = len({(d * step + i) % len(files) for d in range(k) for i in range(window)})
    ok = (counts["articles"] == texts == covered and counts["figures"] == expected
          and sources == k * window and not failed)
    kind = "PostgreSQL" if str(target).startswith("postgres") else "SQLite"
    print(f"{kind}: {k} ingests at once of {window:,} articles each ({covered:,} distinct) in "
          f"{elapsed:.1f} s -> {k * window / elapsed:,.0f} sources/s; {counts['articles']:,} "
          f"articles ({texts:,} distinct texts), {counts['figures']:,} figures (one process: "
          f"{expected:,}), {sources:,} sources; failures: {failed or 'none'} -> "
          f"{'OK' if ok else 'WRONG'}")
    return ok


def concurrent_main(args, fake: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="nf-bench-") as tmp:
        folder = Path(tmp) / "articles"
        make_articles(folder, args.n)
        started = time.perf_counter()
        one = ingest([str(folder)], Path(tmp) / "one.db", workers=2)
        print(f"baseline: one ingest process (2 workers) of {args.n:,}: "
              f"{time.perf_counter() - started:.1f} s, {one.figures:,} figures")
        ok = run_concurrent(folder, args.n, k=args.concurrent, target=Path(tmp) / "many.db",
                            fake=fake, expected=one.figures)
        if args.pg:
            dsn, schema = _fresh_pg(args.pg)
            try:
                ok = run_concurrent(folder, args.n, k=args.concurrent, target=dsn, fake=fake,
                                    expected=one.figures) and ok
            finally:
                _drop_pg(args.pg, schema)
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--extractor", choices=("real", "fake"), default="real")
    parser.add_argument("--concurrent", type=int, metavar="K",
                        help="K ingests at once of overlapping folders (the many-writers check)")
    parser.add_argument("--pg", metavar="DSN", help="also into this PostgreSQL database")
    args = parser.parse_args()
    if args.extractor == "fake":
        use_fake_extractor()
    if args.concurrent:
        sys.exit(concurrent_main(args, args.extractor == "fake"))
    from newsfigures.engine.figures import EXTRACTOR_VERSION

    print(f"{args.n:,} articles, extractor {args.extractor} (version {EXTRACTOR_VERSION}), "
          f"{os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="nf-bench-") as tmp:
        folder = Path(tmp) / "articles"
        chars = make_articles(folder, args.n)
        print(f"made {args.n:,} articles, {chars / args.n:,.0f} characters each on average")
        for workers in args.workers:
            run(folder, Path(tmp) / f"bench-{workers}.db", workers, args.n)


if __name__ == "__main__":
    main()
