"""Benchmark the dashboard on a large store: 1,000,000 synthetic figures.

    .venv/bin/python bench/app.py [--figures 1000000] [--keep]

Builds a temporary SQLite database (bench/*.db is git-ignored) of synthetic figures
(random but plausible: 400 places in 25 countries, 300 sources, 60 publishers, 12
categories, three years of dates, log-normal values, 10% vague, a quarter of the figures
republished in a second article), then, in this one process:

  1. cold start to first render: `AppTest.from_file("app.py").run()` on the new database
     (loading the figures, grouping claims, drawing every view);
  2. one filter change: a country and a category chosen, `at.run()` again;
  3. peak memory (ru_maxrss) after 1 and 2;
  4. the baseline: the same filter as plain pandas over the prepared frame
     (`filters.apply`), without streamlit.

Targets (issue 4): filter change < 1 s, start < 10 s, peak < 2 GB.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsfigures.dashboard import filters  # noqa: E402
from newsfigures.engine.records import SPEC_FIELDS  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store import frames  # noqa: E402

CATEGORIES = ["displaced", "evacuated", "refugees", "returned", "sheltered", "homeless",
              "housing", "killed", "injured", "missing", "affected", "detained"]
QUALIFIERS = ["exact", "about", "at_least", "up_to", "range"]
VAGUE = [(10000, "Tens of thousands"), (1000, "Thousands"), (100, "Hundreds"), (12, "Dozens")]
COUNTRIES = ["SY", "TR", "GR", "IQ", "YE", "SD", "SS", "UA", "AF", "MM", "BD", "ET", "SO",
             "CD", "NG", "ML", "BF", "LY", "LB", "JO", "PS", "HT", "VE", "CO", "PK"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, n_figures: int, seed: int = 7) -> float:
    """Write `n_figures` synthetic figures to a new database at `path`; seconds taken."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    places = []
    for i in range(400):
        country = COUNTRIES[i % len(COUNTRIES)]
        places.append((f"Place {i:03d}", country, rng.uniform(-30, 50), rng.uniform(-80, 100)))
    for country in COUNTRIES:  # country-level, approximate places
        places.append((country, country, rng.uniform(-30, 50), rng.uniform(-80, 100)))
    sources = [f"Source {i}" for i in range(300)] + [""] * 60
    publishers = [f"Outlet {i}" for i in range(60)]
    per_article = 20
    n_articles = max(1, n_figures // per_article)
    conn = store.connect(path)
    columns = list(SPEC_FIELDS) + ["ordinal", "extractor_version"]
    insert_fig = (f"INSERT INTO figures ({', '.join(chr(34) + c + chr(34) for c in columns)}) "
                  f"VALUES ({', '.join('?' for _ in columns)})")
    cols = conn.execute("PRAGMA table_info(articles)").fetchall()
    art_cols = [c[1] for c in cols]
    # A column the synthetic article does not set: NULL where allowed (removed_at NULL means
    # "not removed"; "" would count as removed), else "".
    blank = {c[1]: (None if not c[3] else "") for c in cols}
    insert_art = (f"INSERT INTO articles ({', '.join(art_cols)}) "
                  f"VALUES ({', '.join('?' for _ in art_cols)})")
    base_day = 16436  # 2015-01-01 in days since the epoch
    made = 0
    conn.execute("BEGIN")
    previous: list[tuple] = []
    for a in range(n_articles):
        aid = f"syn_{a:07d}"
        publisher = publishers[a % len(publishers)]
        day = base_day + rng.randrange(0, 3 * 365)
        published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
        art = {"id": aid, "content_hash": f"h{a}", "path_or_url": f"/synthetic/{aid}.txt",
               "title": f"Synthetic article {a}", "publisher": publisher,
               "published": published, "text": "", "ingested_at": "2026-01-01T00:00:00Z",
               "extractor_version": "synthetic"}
        conn.execute(insert_art, [art.get(c, blank[c]) for c in art_cols])
        rows = []
        for k in range(min(per_article, n_figures - made)):
            if previous and rng.random() < 0.25:  # republished: same claim, another article
                row = list(rng.choice(previous))
                row[0] = aid
                row[SPEC_FIELDS.index("publisher")] = publisher
                row[SPEC_FIELDS.index("published")] = published
            else:
                place, country, lat, lon = rng.choice(places)
                category = rng.choice(CATEGORIES)
                vague = rng.random() < 0.1
                if vague:
                    value, words = rng.choice(VAGUE)
                    low, high, qualifier = value, None, "vague"
                    quote = f"{words} of people were {category} near {place}, officials said."
                else:
                    value = max(1, int(rng.lognormvariate(7, 2.2)))
                    qualifier = rng.choice(QUALIFIERS)
                    low = value if qualifier != "up_to" else None
                    high = (value * 2 if qualifier == "range" else
                            None if qualifier == "at_least" else value)
                    quote = f"Some {value:,} people were {category} in {place}, a report said."
                fday = day - rng.randrange(0, 4)
                date = time.strftime("%Y-%m-%d", time.gmtime(fday * 86400))
                source = rng.choice(sources)
                claim = hashlib.sha1(f"{value}|{category}|{place}|{source}".encode()).hexdigest()[:12]
                record = {
                    "article": aid, "value": value, "low": low, "high": high,
                    "qualifier": qualifier, "vague": int(vague), "unit": "people",
                    "group": "people", "category": category, "place": place,
                    "country": country, "lat": lat, "lon": lon, "date": date,
                    "date_start": None, "source": source, "publisher": publisher,
                    "published": published, "quote": quote, "start": 5, "end": 10,
                    "kind": rng.choice(["stock", "flow", ""]), "claim": claim,
                }
                row = [record[f] for f in SPEC_FIELDS]
                previous.append(tuple(row))
                if len(previous) > 5000:
                    previous = previous[-2500:]
            rows.append(row + [k, "synthetic"])
        conn.executemany(insert_fig, rows)
        made += len(rows)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0


def bench(n_figures: int, keep: bool) -> dict:
    from streamlit.testing.v1 import AppTest

    folder = REPO / "bench" if keep else Path(tempfile.mkdtemp(prefix="nf-bench-"))
    db = folder / f"bench_{n_figures}.db"
    if not db.exists():
        print(f"building {n_figures:,} synthetic figures in {db} …", flush=True)
        print(f"  built in {build(db, n_figures):.1f} s", flush=True)
    os.environ["NEWSFIGURES_DB"] = str(db)
    results: dict = {"figures": n_figures}

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    results["start_s"] = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]
    results["first_render_rows"] = next(m.value for m in at.metric)

    country = next(w for w in at.multiselect if w.key == "countries")
    country.set_value(["SY"])
    category = next(w for w in at.multiselect if w.key == "categories")
    category.set_value(["displaced"])
    t0 = time.perf_counter()
    at.run()
    results["filter_s"] = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]
    results["filtered_rows"] = next(m.value for m in at.metric)

    next(w for w in at.multiselect if w.key == "categories").set_value(["killed"])
    t0 = time.perf_counter()
    at.run()
    results["filter2_s"] = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]

    next(w for w in at.text_input if w.key == "q").set_value("officials")
    t0 = time.perf_counter()
    at.run()
    results["text_filter_s"] = time.perf_counter() - t0
    results["peak_mb_app"] = peak_mb()

    # Baseline: the same filter in plain pandas, no streamlit.
    conn = store.connect(db, readonly=True)
    t0 = time.perf_counter()
    frame = filters.prepare(frames.figures_frame(conn))
    results["pandas_load_s"] = time.perf_counter() - t0
    sel = filters.Selection(countries=("SY",), categories=("displaced",))
    t0 = time.perf_counter()
    out = filters.apply(frame, sel)
    results["pandas_filter_s"] = time.perf_counter() - t0
    results["pandas_filtered_rows"] = len(out)
    t0 = time.perf_counter()
    filters.apply(frame, filters.Selection(q="officials"))
    results["pandas_text_filter_s"] = time.perf_counter() - t0
    results["peak_mb_total"] = peak_mb()
    if not keep:
        db.unlink(missing_ok=True)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true",
                        help="build/keep the database in bench/ (reused next time)")
    args = parser.parse_args(argv)
    r = bench(args.figures, args.keep)
    print(f"figures in the store         {r['figures']:>12,}")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} "
          "(1 min, after the run)")
    print(f"cold start to first render   {r['start_s']:>10.2f} s   (target < 10 s)"
          f"   headline {r['first_render_rows']}")
    print(f"filter change (country+cat)  {r['filter_s']:>10.2f} s   (target < 1 s)"
          f"   headline {r['filtered_rows']}")
    print(f"filter change (category)     {r['filter2_s']:>10.2f} s   (second change)")
    print(f"filter change (quote text)   {r['text_filter_s']:>10.2f} s")
    print(f"peak memory, app             {r['peak_mb_app']:>10.0f} MB  (target < 2048 MB)")
    print(f"baseline: pandas load        {r['pandas_load_s']:>10.2f} s")
    print(f"baseline: pandas filter      {r['pandas_filter_s']:>10.3f} s   "
          f"({r['pandas_filtered_rows']:,} rows)")
    print(f"baseline: pandas text filter {r['pandas_text_filter_s']:>10.3f} s")
    print(f"peak memory, whole run       {r['peak_mb_total']:>10.0f} MB")
    ok = r["filter_s"] < 1 and r["start_s"] < 10 and r["peak_mb_app"] < 2048
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
