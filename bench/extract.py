"""Extraction speed, against baselines measured in the same run (issue 9).

    python bench/extract.py [--shared DIR] [--quantulum-kb 100] [--long-mb 5] [--startup-runs 3]
    pip install -r bench/requirements.txt   # spaCy, for its tokenizer baseline (optional)

Prints, with the machine's load average (the numbers of one run are compared with each other):
- start-up: `python -m newsfigures extract` on three small files, in a fresh interpreter, best
  of `--startup-runs`: with the package's bytecode compiled, and with every module of the
  package compiled at each start (a copy without __pycache__, PYTHONDONTWRITEBYTECODE=1)
  (target <= 0.6 s);
- throughput over distinct real article texts (DIR/dev, DIR/dev-wad and the samples, DIR
  being ../shared beside the checkout by default; else the bundled samples), start-up removed
  (one article extracted and the whole gazetteer read before the clock starts; the texts are
  each read once, so no cache of a sentence helps) (target >= 1.5 MB/s), wall and CPU time,
  beside a bare regex scan of every number and spaCy's blank English tokenizer over the same
  text, and quantulum3 on a slice; and the same articles shared among `--workers` processes
  (forked once start-up is done; their figures sent back to the parent), wall time;
- where the engine's time goes (`--breakdown`): CPU seconds of each Document layer over fresh
  Documents of the same texts, then the per-figure rest (categories, places, dates, sources);
- long texts: one article of about 1 MB and one of `--long-mb` MB (the distinct texts joined),
  CPU seconds per MB each and their ratio (target <= 1.3);
- the command line over a folder (`--cli DIR`, e.g. about 3 MB of real articles): wall seconds
  of `python -m newsfigures extract DIR` (every core), best of `--startup-runs`, and MB/s with
  the start-up above taken off (target >= 1.5 MB/s);
- peak memory.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def distinct_texts(shared: Path) -> tuple[list[str], str]:
    folders = [shared / "dev" / "articles", shared / "dev-wad" / "articles", ROOT / "data" / "articles"]
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    where = " + ".join(str(f.relative_to(f.parents[1])) for f in folders if f.is_dir())
    return texts, where


def startup_seconds(runs: int) -> tuple[float, float]:
    """(with bytecode, compiling the package) seconds of the CLI on three small files, best of `runs`."""
    samples = [str(p) for p in sorted((ROOT / "data" / "articles").glob("*.txt"))[:3]]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.jsonl")
        command = [sys.executable, "-m", "newsfigures", "extract", *samples, "--out", out]

        def best(cwd: Path, env: dict) -> float:
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
                times.append(time.perf_counter() - t0)
            return min(times)

        compiled = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(command, cwd=ROOT, env=compiled, check=True, capture_output=True)  # writes it
        with_bytecode = best(ROOT, compiled)
        copy = Path(tmp) / "checkout"
        shutil.copytree(ROOT / "newsfigures", copy / "newsfigures",
                        ignore=shutil.ignore_patterns("__pycache__"))
        without = best(copy, dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        return with_bytecode, without


def cli_seconds(folder: Path, runs: int) -> tuple[float, float]:
    """(MB of the .txt/.html files under `folder`, best wall seconds of the command line over it)."""
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.suffix in (".txt", ".html", ".htm"))
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "newsfigures", "extract", str(folder), "--out", str(Path(tmp) / "o.jsonl")]
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
    return size / 1e6, min(times)


def long_text(texts: list[str], megabytes: float) -> str:
    """Distinct texts joined into one article of about `megabytes`, numbers nudged per copy."""
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + n % 7), texts[n % len(texts)])
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def seconds(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def cpu_seconds(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


_SHARED_ARTICLES: list = []  # the articles the forked workers read (set before the fork)


def _extract_one(k: int) -> list:
    from newsfigures import extract

    return extract(_SHARED_ARTICLES[k])


def parallel_seconds(articles: list, workers: int) -> float:
    """Wall seconds to extract `articles` in `workers` forked processes (start-up done before
    the fork, the pool's own start included), the figures sent back to this process."""
    from concurrent.futures import ProcessPoolExecutor

    _SHARED_ARTICLES[:] = articles
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        sum(len(f) for f in pool.map(_extract_one, range(len(articles)), chunksize=16))
    return time.perf_counter() - t0


def breakdown(texts: list[str]) -> list[tuple[str, float]]:
    """CPU seconds of each Document layer, computed in pipeline order over fresh Documents (a
    layer's own time: the layers it reads are computed before it), then the per-figure rest."""
    from newsfigures.engine import place_context
    from newsfigures.engine.document import Document
    from newsfigures.engine.figures import extract as extract_document
    from newsfigures.engine.records import Article

    docs = [Document(Article(f"b{i}", t, published="2020-01-15")) for i, t in enumerate(texts)]
    # each step's lambda is called once per Document, in order
    steps = [("sentences", lambda d: d.sentences), ("amounts (numbers, exclusions)", lambda d: d.amounts),
             ("publication date", lambda d: d.published), ("publisher", lambda d: d.publisher),
             ("places (find_places)", lambda d: d.places), ("main place", lambda d: d.main_place),
             ("place context", place_context.context),
             ("per figure (categories, figure places, dates, sources)", extract_document)]
    return [(name, cpu_seconds(lambda: [step(d) for d in docs])) for name, step in steps]


def _in_a_fork(fn, *args):
    """`fn(*args)` in a forked process: what it caches is gone when it returns."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        return pool.submit(fn, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quantulum-kb", type=float, default=100.0)
    parser.add_argument("--long-mb", type=float, default=5.0)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data (default ../shared)")
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--cli", type=Path, help="also time the command line over this folder")
    parser.add_argument("--breakdown", action="store_true", help="also print where the engine's time goes")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the shared run (default: the cores; 1: skip it)")
    args = parser.parse_args()

    load_before = os.getloadavg()
    startup, startup_compiling = startup_seconds(args.startup_runs)
    cli = cli_seconds(args.cli, args.startup_runs) if args.cli else None
    from newsfigures import extract
    from newsfigures.engine import gazetteer
    from newsfigures.engine.records import Article

    texts, where = distinct_texts(args.shared)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    articles = [Article(f"a{i}", t, published="2020-01-15") for i, t in enumerate(texts)]
    extract(articles[0])  # vocabularies loaded ...
    gazetteer.gazetteer().file.load_all()  # ... and the whole gazetteer read: start-up removed
    # first, while this process has read none of the texts (the workers' caches start empty)
    parallel = (parallel_seconds(articles, args.workers)
                if args.workers > 1 and "fork" in multiprocessing.get_all_start_methods() else float("nan"))
    parts = _in_a_fork(breakdown, texts) if args.breakdown else []  # its caches die with the fork
    n_figures = 0

    def run_engine():
        nonlocal n_figures
        n_figures = sum(len(extract(a)) for a in articles)

    cpu0 = time.process_time()
    engine = seconds(run_engine)
    engine_cpu = time.process_time() - cpu0
    number = re.compile(r"\d[\d,.]*")
    regex = seconds(lambda: [number.findall(t) for t in texts])
    try:
        import spacy

        nlp = spacy.blank("en")
        spacy_s = seconds(lambda: [nlp.make_doc(t) for t in texts])
    except ImportError:
        spacy_s = float("nan")
    sliced, size = [], 0
    for text in texts:
        if size >= args.quantulum_kb * 1000:
            break
        sliced.append(text)
        size += len(text.encode("utf-8"))
    try:
        from quantulum3 import parser as qparser

        qparser.parse("warm up 12 people")
        quantulum = seconds(lambda: [qparser.parse(t) for t in sliced]) / (size / 1_000_000)
    except ImportError:
        quantulum = float("nan")

    one = long_text(texts, 1.0)
    big = long_text(texts, args.long_mb)
    # CPU time: the two are measured a minute apart, and other work on the machine moves wall time
    per_mb_one = cpu_seconds(lambda: extract(Article("one", one))) / (len(one.encode()) / 1e6)
    per_mb_big = cpu_seconds(lambda: extract(Article("big", big))) / (len(big.encode()) / 1e6)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rate = megabytes / engine
    load = os.getloadavg()
    print(f"load average (1, 5, 15 min): {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} "
          f"at the start, {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end, on {os.cpu_count()} cores")
    print(f"text: {len(texts)} distinct articles ({where}), {megabytes:.2f} MB; {n_figures} figures")
    print(f"start-up (CLI, 3 small files, best of {args.startup_runs}): {startup:.2f} s with bytecode, "
          f"{startup_compiling:.2f} s compiling the package   target <= 0.6 s")
    print(f"engine: {len(texts) / engine:.0f} articles/s, {rate:.2f} MB/s wall "
          f"({megabytes / engine_cpu:.2f} MB/s of CPU time)   target >= 1.5 MB/s")
    if cli is not None:
        cli_mb, cli_s = cli
        print(f"command line over {args.cli} ({cli_mb:.2f} MB, every core): {cli_s:.2f} s, "
              f"{cli_mb / max(cli_s - startup, 1e-9):.2f} MB/s with the start-up taken off   target >= 1.5 MB/s")
    if parallel == parallel:
        print(f"engine in {args.workers} processes (forked after start-up): {megabytes / parallel:.2f} MB/s wall")
    for name, cpu in parts:
        print(f"  {name}: {cpu:.3f} CPU s ({100 * cpu / sum(c for _, c in parts):.0f}%)")
    print(f"regex scan of every number: {megabytes / regex:.1f} MB/s (engine at {regex / engine:.3f}x)")
    if spacy_s == spacy_s:
        print(f"spacy.blank('en') tokenizer: {megabytes / spacy_s:.2f} MB/s (engine at {spacy_s / engine:.2f}x)")
    else:
        print("spacy.blank('en'): not installed (pip install -r bench/requirements.txt)")
    if quantulum == quantulum:
        print(f"quantulum3 on {size / 1000:.0f} kB: {1 / quantulum:.3f} MB/s (engine {quantulum * rate:.1f}x faster)")
    print(f"one article of {len(one.encode()) / 1e6:.1f} MB: {per_mb_one:.2f} CPU s/MB; of "
          f"{len(big.encode()) / 1e6:.1f} MB: {per_mb_big:.2f} s/MB; ratio {per_mb_big / per_mb_one:.2f}"
          "   target <= 1.3")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
