"""Extraction speed and memory, against two baselines measured in the same run.

    python bench/extract.py [--mb 5] [--quantulum-kb 200]

Prints: start-up time (import, gazetteer and lexicons loaded, first article extracted) in a
fresh interpreter; throughput in articles/s and MB/s over at least 5 MB of text made from the
bundled samples (start-up removed); peak memory; and, on the same text, a plain regex scan of
every number (the floor any extractor pays) and quantulum3 (a general quantity extractor a
user might reach for) on a slice, as ratios. Targets (issue 2): >= 1 MB/s, start-up <= 3 s.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP = """
import time, sys
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import Article
path = sorted(Path({samples!r}).glob('*.txt'))[0]
extract_figures(Article(path.stem, path.read_text(encoding='utf-8')))
print(time.perf_counter() - t0)
"""


def corpus(megabytes: float) -> list[str]:
    """Sample articles repeated, each copy with its numbers nudged so no cache can help."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
    texts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        base = samples[n % len(samples)]
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + n % 7), base)
        texts.append(text)
        size += len(text.encode("utf-8"))
        n += 1
    return texts


def startup_seconds() -> float:
    code = STARTUP.format(root=str(ROOT), samples=str(ROOT / "data" / "articles"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text to extract")
    parser.add_argument("--quantulum-kb", type=float, default=200.0, help="kilobytes for quantulum3")
    args = parser.parse_args()

    startup = startup_seconds()
    from newsfigures.engine.figures import extract_figures
    from newsfigures.engine.records import Article

    texts = corpus(args.mb)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    extract_figures(Article("warm", texts[0]))  # start-up removed from the timed run

    t0 = time.perf_counter()
    n_figures = sum(len(extract_figures(Article(f"a{i}", t))) for i, t in enumerate(texts))
    engine = time.perf_counter() - t0

    number = re.compile(r"\d[\d,.]*")
    t0 = time.perf_counter()
    n_numbers = sum(len(number.findall(t)) for t in texts)
    regex = time.perf_counter() - t0

    sliced, size = [], 0
    for text in texts:
        if size >= args.quantulum_kb * 1000:
            break
        sliced.append(text)
        size += len(text.encode("utf-8"))
    try:
        from quantulum3 import parser as qparser
        qparser.parse("warm up 12 people")
        t0 = time.perf_counter()
        for text in sliced:
            qparser.parse(text)
        quantulum = (time.perf_counter() - t0) / (size / 1_000_000)
    except ImportError:
        quantulum = float("nan")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    engine_rate = megabytes / engine
    print(f"text: {len(texts)} articles, {megabytes:.2f} MB; {n_figures} figures, {n_numbers} numbers")
    print(f"start-up (fresh interpreter, first article): {startup:.2f} s   target <= 3 s")
    print(f"engine: {len(texts) / engine:.0f} articles/s, {engine_rate:.2f} MB/s   target >= 1 MB/s")
    print(f"regex scan of every number: {megabytes / regex:.1f} MB/s   engine is {regex / engine:.3f}x its speed")
    if quantulum == quantulum:
        print(f"quantulum3 on {size / 1000:.0f} kB: {1 / quantulum:.3f} MB/s   engine is {quantulum * engine_rate:.1f}x its speed")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
