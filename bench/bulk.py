"""Bulk benchmark: `bulk` on a local Dask cluster of 1 and of 2 workers, and its scaling.

    .venv/bin/python bench/bulk.py [--n 2000] [--workers 1 2] [--partition-size 250] [--check]

The articles are bench/ingest.py's varied copies of the samples (three of the five give only
weekdays and months, so the collection dating across partitions is exercised). For each
worker count a LocalCluster is started first (its start-up is printed, not counted), then
`bulk` runs into a fresh folder: articles/s. Then the ratio of 2 workers to 1 (1.7x or more
on 2 idle cores is the target; on a shared machine read it beside the load average printed)
and the projection for 10 million articles on 64 cores: the workers' part (own dates and
extraction) at 64 x the one-worker rate x the efficiency measured from 1 to 2 workers
(assumed to hold; it will not be better), plus the collection dating that the client does
alone, taken as linear in the number of articles.
`--check` also runs `python -m newsfigures extract` over the same folder (its speed is the
baseline of the same run) and says whether the Parquet records are exactly its records.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import make_articles  # noqa: E402  (bench/ingest.py)

from newsfigures.bulk import BulkOptions, run  # noqa: E402
from newsfigures.io import parquet_parts  # noqa: E402

BACKLOG = 10_000_000
CORES = 64


def timed_bulk(folder: Path, out: Path, workers: int, size: int) -> tuple[float, object]:
    from dask.distributed import LocalCluster

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
    print(f"  cluster of {workers} started in {time.perf_counter() - started:.1f} s")
    try:
        started = time.perf_counter()
        report = run([str(folder)], BulkOptions(out=out, scheduler=cluster.scheduler_address,
                                                size=size, progress=False))
        elapsed = time.perf_counter() - started
    finally:
        cluster.close()
    return elapsed, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--check", action="store_true", help="compare with `extract`")
    args = parser.parse_args()
    print(f"{args.n:,} articles, partitions of {args.partition_size}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    rates: dict[int, float] = {}
    steps: dict[int, dict] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="nf-bulk-") as tmp:
        folder = Path(tmp) / "articles"
        make_articles(folder, args.n)
        outs = {}
        for workers in args.workers:
            out = Path(tmp) / f"out-{workers}"
            elapsed, report = timed_bulk(folder, out, workers, args.partition_size)
            rates[workers] = report.articles / elapsed
            steps[workers] = report.steps
            outs[workers] = out
            ok = ok and report.ok
            shown = ", ".join(f"{k} {v:.1f} s" for k, v in report.steps.items())
            print(f"workers={workers}: {report.summary()}; {elapsed:.1f} s -> "
                  f"{rates[workers]:,.1f} articles/s ({shown})")
        if 1 in rates and 2 in rates:
            ratio = rates[2] / rates[1]
            print(f"scaling 2 workers / 1: {ratio:.2f}x (target >= 1.7x on 2 idle cores; load "
                  f"average now {os.getloadavg()[0]:.2f})")
            # The workers' part (own dates, extraction) scales with the cores at the efficiency
            # measured; the collection dating runs once, on the client, per article.
            work = {w: (steps[w]["own dates"] + steps[w]["extraction"]) / args.n for w in (1, 2)}
            efficiency = work[1] / (2 * work[2])
            serial = steps[2]["collection dates"] / args.n
            parallel_h = BACKLOG * work[1] / (CORES * efficiency) / 3600
            serial_h = BACKLOG * serial / 3600
            print(f"projection: {BACKLOG:,} articles on {CORES} cores: workers' part at "
                  f"{efficiency:.0%} efficiency {parallel_h:.1f} h + the client's collection "
                  f"dating {serial_h:.1f} h (linear) = {parallel_h + serial_h:.1f} h")
        if args.check:
            started = time.perf_counter()
            ex = Path(tmp) / "extract.jsonl"
            subprocess.run([sys.executable, "-m", "newsfigures", "extract", str(folder), "--out",
                            str(ex)], cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            elapsed = time.perf_counter() - started
            expected = [json.loads(line) for line in ex.read_text(encoding="utf-8").splitlines()]
            print(f"baseline: `extract` (one process) {elapsed:.1f} s -> "
                  f"{args.n / elapsed:,.1f} articles/s")
            for workers, out in outs.items():
                got = [f.to_dict() for _, figures in parquet_parts.read_parts(out) for f in figures]
                same = got == expected
                ok = ok and same
                print(f"workers={workers}: {len(got):,} records, exactly extract's "
                      f"{len(expected):,}: {'yes' if same else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
