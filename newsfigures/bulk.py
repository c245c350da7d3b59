"""`python -m newsfigures bulk INPUT... --out DIR`: a backlog of articles on a Dask cluster.

The inputs (folders, files, `.zip`, `.tar.gz`, JSON Lines: `io/bulk_inputs.py`) are cut into
partitions that the workers read themselves. Three steps, so that the records are exactly the
ones `extract` gives for the same articles read together:

1. each partition's own publication dates (`date_collection` of one article: its metadata or
   own text), kept in `DIR/dates/` so that a rerun skips this step for unchanged inputs;
2. the collection's dates, on the client: an article that gives only weekdays and months takes
   its year from the whole backlog (`newsfigures.engine.figures.date_collection`, with the
   dated articles as dated stand-ins and the texts of the undated ones only);
3. each partition extracted with those dates (`extract_figures`, the function `extract`
   uses) and written as Parquet (`io/parquet_parts.py`) by the worker, to a folder every
   worker can reach.

A partition already written with the same inputs and dates is skipped. A partition whose
task fails is retried (`--retries`) and then reported with its error, never dropped in
silence; the others are written and the exit status is 1. Progress: a bar on stderr and the
Dask dashboard's link. `--scheduler ADDRESS` uses a running cluster (`dask scheduler` and
`dask worker ADDRESS` on each machine); else a local one of `--workers N` processes.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .engine.records import Article
from .io import bulk_inputs, parquet_parts
from .io.names import ArticleError

log = logging.getLogger(__name__)

DATES_DIR = "dates"


@dataclass(frozen=True)
class BulkOptions:
    out: Path
    scheduler: str | None = None
    workers: int | None = None
    size: int = bulk_inputs.DEFAULT_PART_SIZE
    retries: int = 2
    progress: bool = True


@dataclass
class BulkReport:
    """What a bulk run did."""

    parts: int = 0
    written: int = 0
    already: int = 0  # written by an earlier run with the same inputs and dates
    articles: int = 0
    figures: int = 0
    failed_articles: list[tuple[str, str]] = field(default_factory=list)
    failed_parts: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dashboard: str = ""
    seconds: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step

    @property
    def ok(self) -> bool:
        return not self.failed_parts and not self.failed_articles

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.parts} partitions: {self.written} written, {self.already} already written, "
                f"{len(self.failed_parts)} failed; {self.articles} articles read "
                f"({len(self.failed_articles)} failed), {self.figures} figures, "
                f"{self.seconds:.1f} s ({rate:.0f} articles/s)")


def _engine():
    from .engine import figures

    return figures


# --------------------------------------------------------------------------- worker tasks


def own_dates(task: tuple[bulk_inputs.Part, str]) -> list[list[str]]:
    """Step 1 on a worker: [id, own date, text when undated else ""] of each article of a
    part (unreadable ones are left out: step 3 reports them), cached in DIR/dates/."""
    part, out = task
    cache = Path(out) / DATES_DIR / f"part-{part.number:05d}-{part.key}.json"
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    date_collection = _engine().date_collection
    rows = []
    for item in bulk_inputs.read_part(part):
        if isinstance(item, ArticleError):
            continue
        own = date_collection([item])[0].published
        rows.append([item.id, own, "" if own else item.text])
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, cache)
    return rows


@dataclass(frozen=True)
class PartResult:
    number: int
    articles: int
    figures: int
    failures: tuple[tuple[str, str], ...]


def extract_part(task: tuple[bulk_inputs.Part, dict, str, str]) -> PartResult:
    """Step 3 on a worker: extract a part's articles with their collection dates ({id: [own,
    dated]}) and write its Parquet files under the key given."""
    part, dates, out, key = task
    engine = _engine()
    rows: list[parquet_parts.ArticleRow] = []
    figures: list = []
    failures: list[tuple[str, str]] = []
    for item in bulk_inputs.read_part(part):
        if isinstance(item, ArticleError):
            failures.append((item.path, item.reason))
            rows.append(parquet_parts.ArticleRow(Article(id="", text="", path=item.path),
                                                 error=item.reason))
            continue
        own, dated = dates.get(item.id, ["", ""])
        try:
            found = engine.extract_figures(dataclasses.replace(
                item, published=dated or item.published))
        except Exception as e:  # one article's engine fault: reported, the part goes on
            log.exception("extracting %s failed", item.path or item.id)
            reason = f"extraction failed: {e.__class__.__name__}: {e}"
            failures.append((item.path or item.id, reason))
            rows.append(parquet_parts.ArticleRow(item, own, dated, engine.EXTRACTOR_VERSION,
                                                 error=reason))
            continue
        rows.append(parquet_parts.ArticleRow(item, own, dated, engine.EXTRACTOR_VERSION,
                                             len(found), source=bulk_inputs.origin_of(part, item)))
        figures.extend(found)
    parquet_parts.write_part(Path(out), part.number, key, rows, figures)
    return PartResult(part.number, len(rows), len(figures), tuple(failures))


# --------------------------------------------------------------------------- the client


def _collection_dates(step1: dict[int, list[list[str]]]) -> dict[str, str]:
    """Step 2: every article's date in the whole collection, in input order."""
    stubs = [Article(i, text, published=own) for n in sorted(step1) for i, own, text in step1[n]]
    return {a.id: a.published for a in _engine().date_collection(stubs)}


def _key(part: bulk_inputs.Part, dates: dict) -> str:
    import hashlib

    blob = json.dumps([part.key, sorted(dates.items())], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _client(options: BulkOptions):
    from dask.distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler, timeout="30s"), None
    cluster = LocalCluster(n_workers=options.workers or os.cpu_count() or 1,
                           threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _gather(client, fn, tasks: list, *, names: list[str], options: BulkOptions, desc: str):
    """Run `fn` over `tasks` with retries; yields (index, result or None, error or "")."""
    from dask.distributed import as_completed

    if not tasks:
        return
    futures = client.map(fn, tasks, key=names, retries=options.retries, pure=False)
    index = {f.key: i for i, f in enumerate(futures)}
    bar = None
    if options.progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(futures), desc=desc, unit="part", file=sys.stderr, leave=False)
    try:
        for future in as_completed(futures):
            i = index[future.key]
            if future.status == "error":
                error = future.exception()
                yield i, None, f"{error.__class__.__name__}: {error}"
            else:
                yield i, future.result(), ""
            future.release()
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()


def _describe(part: bulk_inputs.Part) -> str:
    if part.kind == "files":
        first = part.items[0] if part.items else ""
        return f"partition {part.number} ({len(part.items)} files from {first})"
    return f"partition {part.number} ({part.kind} {part.source})"


def run(inputs: list, options: BulkOptions, *, echo=None) -> BulkReport:
    """Extract `inputs` into Parquet partitions under `options.out`."""
    echo = echo or (lambda message: None)
    started = time.monotonic()
    report = BulkReport()
    plan = bulk_inputs.plan(inputs, size=options.size)
    report.parts, report.skipped = len(plan.parts), list(plan.skipped)
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    client, cluster = _client(options)
    try:
        report.dashboard = client.dashboard_link or ""
        echo(f"dask: {len(client.scheduler_info()['workers'])} workers; dashboard {report.dashboard}")
        parts = list(plan.parts)
        mark = time.monotonic()
        step1: dict[int, list[list[str]]] = {}
        good: list[bulk_inputs.Part] = []
        for i, rows, error in _gather(client, own_dates, [(p, str(out)) for p in parts],
                                      names=[f"nf-dates-{p.number}-{p.key}" for p in parts],
                                      options=options, desc="dates"):
            if error:
                report.failed_parts.append((_describe(parts[i]), error))
            else:
                step1[parts[i].number] = rows
                good.append(parts[i])
        report.steps["own dates"], mark = time.monotonic() - mark, time.monotonic()
        dates = _collection_dates(step1)
        report.steps["collection dates"], mark = time.monotonic() - mark, time.monotonic()
        written = parquet_parts.written_parts(out)
        tasks, todo = [], []
        for part in sorted(good, key=lambda p: p.number):
            mine = {i: [own, dates.get(i, own)] for i, own, _ in step1[part.number]}
            key = _key(part, mine)
            if written.get(part.number) == key:
                report.already += 1
                continue
            tasks.append((part, mine, str(out), key))
            todo.append(part)
        for i, result, error in _gather(client, extract_part, tasks,
                                        names=[f"nf-extract-{t[0].number}-{t[3]}" for t in tasks],
                                        options=options, desc="extract"):
            if error:
                report.failed_parts.append((_describe(todo[i]), error))
                continue
            report.written += 1
            report.articles += result.articles - len(result.failures)
            report.figures += result.figures
            report.failed_articles.extend(result.failures)
        report.steps["extraction"] = time.monotonic() - mark
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.monotonic() - started
    return report


# --------------------------------------------------------------------------- command line


def add_parser(sub) -> None:
    """Register `bulk` on the command line's subparsers."""
    p = sub.add_parser("bulk", help="extract a backlog on a Dask cluster into Parquet partitions")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="folders, files, .zip, .tar.gz, JSON Lines (.jsonl)")
    p.add_argument("--out", "-o", required=True, metavar="DIR",
                   help="folder for the Parquet partitions (reachable by every worker)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler (tcp://host:8786); default: a local cluster")
    where.add_argument("--workers", "-j", type=_positive, metavar="N",
                       help="processes of the local cluster (default: one per core)")
    p.add_argument("--partition-size", type=_positive, default=bulk_inputs.DEFAULT_PART_SIZE,
                   metavar="N", help=f"articles per partition (default {bulk_inputs.DEFAULT_PART_SIZE})")
    p.add_argument("--retries", type=int, default=2, metavar="N",
                   help="retries of a failed partition (default 2)")
    p.set_defaults(run=cmd_bulk)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def cmd_bulk(args: argparse.Namespace) -> int:
    def echo(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    options = BulkOptions(out=Path(args.out), scheduler=args.scheduler, workers=args.workers,
                          size=args.partition_size, retries=max(0, args.retries))
    report = run(args.inputs, options, echo=echo)
    for source, reason in report.skipped:
        echo(f"skipped: {source}: {reason}")
    for source, reason in report.failed_articles:
        echo(f"error: {source}: {reason}")
    for part, reason in report.failed_parts:
        echo(f"failed: {part}: {reason} (after {options.retries} retries; rerun to try again)")
    echo("steps: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.steps.items()))
    print(report.summary())
    return 0 if report.ok else 1
