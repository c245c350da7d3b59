"""The dashboard's read of the store on SQLite and on PostgreSQL: `frames.figures_frame`.

    .venv/bin/python bench/store_read.py [--n 300000] [--pg postgresql://...]

Writes the same N synthetic figures (1,000 articles; repeating places, sources and dates
like a real store; a quote each) into a fresh SQLite file and, with `--pg`, into a fresh
schema of that PostgreSQL database (dropped after), then times the column-wise read (what
the dashboard does) and, as the baseline of the same run, the row-wise read, with a filter
that keeps about a third (one country). The frames of both stores must be equal.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import _drop_pg, _fresh_pg  # noqa: E402  (bench/ingest.py)

from newsfigures.engine.records import Article, Figure  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402

PLACES = [("Aleppo", "SY", 36.2021, 37.1343), ("Kilis", "TR", 36.7184, 37.1212),
          ("Idlib", "SY", 35.9306, 36.6339), ("Gaziantep", "TR", 37.0662, 37.3833),
          ("Amman", "JO", 31.9552, 35.9450)]
SOURCES = ["UNHCR", "OCHA", "IOM", "local officials", "Red Crescent", ""]


def fill(location, n: int) -> None:
    conn = store.connect(location)
    per = max(1, n // 1000)
    for a in range(0, n, per):
        article = Article(id=f"a{a:07d}", text="…", title=f"Report {a}", publisher="Wire",
                          published="2016-02-06")
        figures = []
        for i in range(a, min(n, a + per)):
            place, country, lat, lon = PLACES[i % len(PLACES)]
            figures.append(Figure(
                article=article.id, value=100 + i, low=100 + i, high=None, qualifier="about",
                vague=False, unit="people", group="people", category="displaced", place=place,
                country=country, lat=lat, lon=lon, date=f"2016-02-{1 + i % 28:02d}",
                date_start=None, source=SOURCES[i % len(SOURCES)], publisher="Wire",
                published="2016-02-06", quote=f"Some {100 + i:,} people fled to {place}, officials said.",
                start=5, end=10, kind="flow", claim=f"{i:012x}"))
        with store.transaction(conn):
            store.write_article(conn, article, f"h{a}", figures, "bench")
    conn.close()


def timed(location, read, filters) -> tuple[float, object]:
    conn = store.connect(location, readonly=True)
    try:
        started = time.perf_counter()
        df = read(conn, frames.normalise_filters(filters))
        return time.perf_counter() - started, df
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300_000)
    parser.add_argument("--pg", metavar="DSN")
    args = parser.parse_args()
    import pandas as pd

    with tempfile.TemporaryDirectory(prefix="nf-read-") as tmp:
        stores = [("SQLite", Path(tmp) / "read.db", None)]
        if args.pg:
            dsn, schema = _fresh_pg(args.pg)
            stores.append(("PostgreSQL", dsn, schema))
        try:
            frames_of = {}
            for name, location, _ in stores:
                started = time.perf_counter()
                fill(location, args.n)
                print(f"{name}: wrote {args.n:,} figures in {time.perf_counter() - started:.1f} s")
                for label, filters in (("all", None), ("one country", {"country": "SY"})):
                    fast, df = timed(location, frames.figures_frame, filters)
                    slow, _ = timed(location, frames._frame_rows, filters)
                    frames_of[(name, label)] = df
                    print(f"  {label}: column-wise {fast:.2f} s, row-wise (baseline) {slow:.2f} s "
                          f"({len(df):,} figures)")
            if args.pg:
                for label in ("all", "one country"):
                    pd.testing.assert_frame_equal(frames_of[("SQLite", label)],
                                                  frames_of[("PostgreSQL", label)],
                                                  check_categorical=False)
                print("the frames of both stores are equal")
        finally:
            for _, _, schema in stores:
                if schema:
                    _drop_pg(args.pg, schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
