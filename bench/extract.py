"""Extraction speed, against baselines measured in the same run (issue 9).

    python bench/extract.py [--quantulum-kb 100] [--long-mb 5]
    pip install -r bench/requirements.txt   # spaCy, for its tokenizer baseline (optional)

Prints:
- start-up: `python -m newsfigures extract` on three small files, in a fresh interpreter
  (target <= 0.6 s);
- throughput over distinct real article texts (../shared/dev, ../shared/dev-wad and the
  samples when ../shared is beside the checkout, else the bundled samples), start-up
  removed (target >= 1.5 MB/s), beside a bare regex scan of every number and spaCy's blank
  English tokenizer over the same text, and quantulum3 on a slice;
- long texts: one article of about 1 MB and one of `--long-mb` MB (the distinct texts joined),
  seconds per MB each and their ratio (target <= 1.3);
- peak memory.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def distinct_texts() -> tuple[list[str], str]:
    folders = [SHARED / "dev" / "articles", SHARED / "dev-wad" / "articles", ROOT / "data" / "articles"]
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    where = " + ".join(str(f.relative_to(f.parents[1])) for f in folders if f.is_dir())
    return texts, where


def startup_seconds() -> float:
    samples = sorted((ROOT / "data" / "articles").glob("*.txt"))[:3]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsfigures", "extract", *map(str, samples),
                        "--out", str(Path(tmp) / "out.jsonl")], cwd=ROOT, check=True,
                       capture_output=True)
        return time.perf_counter() - t0


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quantulum-kb", type=float, default=100.0)
    parser.add_argument("--long-mb", type=float, default=5.0)
    args = parser.parse_args()

    startup = startup_seconds()
    from newsfigures import extract
    from newsfigures.engine.records import Article

    texts, where = distinct_texts()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    articles = [Article(f"a{i}", t, published="2020-01-15") for i, t in enumerate(texts)]
    extract(articles[0])  # gazetteer and vocabularies loaded: start-up removed
    n_figures = 0

    def run_engine():
        nonlocal n_figures
        n_figures = sum(len(extract(a)) for a in articles)

    engine = seconds(run_engine)
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
    per_mb_one = seconds(lambda: extract(Article("one", one))) / (len(one.encode()) / 1e6)
    per_mb_big = seconds(lambda: extract(Article("big", big))) / (len(big.encode()) / 1e6)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rate = megabytes / engine
    print(f"text: {len(texts)} distinct articles ({where}), {megabytes:.2f} MB; {n_figures} figures")
    print(f"start-up (CLI, 3 small files): {startup:.2f} s   target <= 0.6 s")
    print(f"engine: {len(texts) / engine:.0f} articles/s, {rate:.2f} MB/s   target >= 1.5 MB/s")
    print(f"regex scan of every number: {megabytes / regex:.1f} MB/s (engine at {regex / engine:.3f}x)")
    if spacy_s == spacy_s:
        print(f"spacy.blank('en') tokenizer: {megabytes / spacy_s:.2f} MB/s (engine at {spacy_s / engine:.2f}x)")
    else:
        print("spacy.blank('en'): not installed (pip install -r bench/requirements.txt)")
    if quantulum == quantulum:
        print(f"quantulum3 on {size / 1000:.0f} kB: {1 / quantulum:.3f} MB/s (engine {quantulum * rate:.1f}x faster)")
    print(f"one article of {len(one.encode()) / 1e6:.1f} MB: {per_mb_one:.2f} s/MB; of "
          f"{len(big.encode()) / 1e6:.1f} MB: {per_mb_big:.2f} s/MB; ratio {per_mb_big / per_mb_one:.2f}"
          "   target <= 1.3")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
