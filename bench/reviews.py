"""Benchmark the analyst's review layer: 1,000 reviews over a store of 1,000,000 figures.

    .venv/bin/python bench/reviews.py [--figures 1000000] [--reviews 1000] [--repeat 5]

Builds the synthetic store of bench/app.py (a temporary file), gives each figure its own
number's words (the synthetic figures all stand at one offset), then, in this one process:

  1. the baseline: the frame read (`frames.figures_frame` + `filters.prepare`) and a filter
     change (`filters.apply`: a country and a category, the median of --repeat runs) with no
     review;
  2. `review apply` of a reviews.jsonl of --reviews actions (40% corrections of place,
     country or category, 30% confirmations, 20% rejections, 10% additions), parsed and
     applied in one transaction, timed; and applying the same file again (idempotent);
  3. the same read and filter change with the reviews laid over the figures (the dashboard
     filters the frame without its rejected figures, as app.py does).

Targets (issue 11): the apply under 10 s; a filter change under 10% slower than with no
reviews.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfigures.dashboard import filters, reviewing  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames, review_exchange  # noqa: E402

PER_ARTICLE = 20
SEGMENT = 20  # characters of synthetic text per figure: "Item NNNNN fled.    "


def _bench_app():
    spec = importlib.util.spec_from_file_location("bench_app", REPO / "bench" / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def give_words(db: Path) -> None:
    """Each figure its own words: figure k of an article at k*SEGMENT+5 .. +10 of a text of
    PER_ARTICLE + 1 segments (the last one holds the number an analyst adds)."""
    text = "".join(f"Item {k:05d} fled.    " for k in range(PER_ARTICLE + 1))
    conn = store.connect(db)
    with store.transaction(conn):
        conn.execute(f'UPDATE figures SET start = ordinal * {SEGMENT} + 5, '
                     f'"end" = ordinal * {SEGMENT} + 10')
        # bench/app.py's build writes '' into removed_at, which marks every article removed
        conn.execute("UPDATE articles SET text = ?, removed_at = NULL", (text,))
    conn.close()


def review_lines(db: Path, n: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    conn = store.connect(db, readonly=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.close()
    lines = []
    for i, article in enumerate(rng.sample(ids, n)):
        kind = i % 10
        k = rng.randrange(PER_ARTICLE)
        start, end = k * SEGMENT + 5, k * SEGMENT + 10
        line = {"article": article, "start": start, "end": end, "reviewer": f"r{i % 7}",
                "at": f"2024-05-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z",
                "comment": ""}
        if kind < 4:
            field = ("place", "country", "category")[kind % 3]
            value = {"place": "Reviewed place", "country": "SY", "category": "displaced"}[field]
            line.update(action="correct", fields={field: value})
        elif kind < 7:
            line.update(action="confirm")
        elif kind < 9:
            line.update(action="reject", reason="not a figure")
        else:
            start, end = PER_ARTICLE * SEGMENT + 5, PER_ARTICLE * SEGMENT + 10
            line.update(action="add", start=start, end=end, fields={
                "value": 1000 + i, "category": "displaced", "country": "SY", "place": "Added"})
        lines.append(line)
    return lines


def read_and_filter(db: Path, repeat: int) -> dict:
    conn = store.connect(db, readonly=True)
    t0 = time.perf_counter()
    frame = reviewing.counted(filters.prepare(frames.figures_frame(conn)))
    load = time.perf_counter() - t0
    conn.close()
    sel = filters.Selection(countries=("SY",), categories=("displaced",))
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = len(filters.apply(frame, sel))
        times.append(time.perf_counter() - t0)
    return {"load_s": load, "filter_s": statistics.median(times), "rows": rows,
            "figures": len(frame)}


def apply_file(db: Path, path: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    parsed = review_exchange.parse(path.read_text(encoding="utf-8"))
    conn = store.connect(db)
    try:
        report = review_exchange.apply_lines(conn, [a for _, a in parsed.actions])
    finally:
        conn.close()
    return time.perf_counter() - t0, report.summary()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="nf-bench-reviews-"))
    db = folder / "reviews.db"
    print(f"building {args.figures:,} synthetic figures …", flush=True)
    print(f"  built in {_bench_app().build(db, args.figures):.1f} s", flush=True)
    give_words(db)
    base = read_and_filter(db, args.repeat)
    file = folder / "reviews.jsonl"
    file.write_text("".join(json.dumps(l) + "\n" for l in review_lines(db, args.reviews)),
                    encoding="utf-8")
    apply_s, summary = apply_file(db, file)
    again_s, again = apply_file(db, file)
    reviewed = read_and_filter(db, args.repeat)
    print(f"figures in the store               {args.figures:>12,}")
    print(f"review apply of {args.reviews:,} actions      {apply_s:>10.2f} s   ({summary})")
    print(f"the same file again                {again_s:>10.2f} s   ({again})")
    print(f"frame read, no reviews (baseline)  {base['load_s']:>10.2f} s   "
          f"({base['figures']:,} figures)")
    print(f"frame read, with reviews           {reviewed['load_s']:>10.2f} s   "
          f"({reviewed['figures']:,} figures counted)")
    print(f"filter change, no reviews          {base['filter_s'] * 1000:>10.1f} ms  "
          f"({base['rows']:,} rows)")
    print(f"filter change, with reviews        {reviewed['filter_s'] * 1000:>10.1f} ms  "
          f"({reviewed['rows']:,} rows)")
    ratio = reviewed["filter_s"] / base["filter_s"] if base["filter_s"] else float("nan")
    print(f"filter change with / without       {ratio:>10.2f} x   (target < 1.10)")
    print(f"apply under 10 s                   {'yes' if apply_s < 10 else 'NO':>10}")
    db.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    file.unlink(missing_ok=True)
    folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
