"""Benchmark the dashboard on a large store: 1,000,000 synthetic figures.

    .venv/bin/python bench/app.py [--figures 1000000] [--keep]

Builds a temporary SQLite database (bench/*.db is git-ignored) of synthetic figures
(random but plausible: 400 places in 25 countries, 300 sources, 60 publishers, 12
categories, three years of dates, log-normal values, 10% vague, a quarter of the figures
republished in a second article), then runs five fresh processes, one after the other,
each reporting its own times and peak memory (ru_maxrss):

  A. the dashboard opened for the first time on this data (no snapshot: it reads the
     store, and writes the snapshot): `AppTest.from_file("app.py").run()` to the first
     render of the Overview tab; then filter changes (country + category, another
     category, a quote text), each `at.run()`; then the other tabs opened;
  B. the dashboard opened again (the snapshot of A is read): the same steps;
  C. one article's figures replaced by another process (a re-extraction), then the
     dashboard opened again: the snapshot of B and that article read, the table brought up
     to date (frame_cache, frame_update); the same steps;
  D. another article changed, and the table so brought up to date compared with a full read
     of the store (equal, or the run fails);
  E. the baseline, without streamlit: the figures read and prepared with pandas
     (`frames.figures_frame` + `filters.prepare`) and the same filters (`filters.apply`).

Targets (issue 12): filter change <= 0.3 s, cold start <= 5 s, peak <= 1 GB.
"""
from __future__ import annotations

import argparse
import dataclasses

import pandas as pd
import json
import subprocess
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
from newsfigures.engine.records import FIGURE_FIELDS, SPEC_FIELDS, Figure  # noqa: E402
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


def cpu_s() -> float:
    """CPU seconds of this process so far, every thread (steadier than wall time on a
    shared machine: other users' work does not count)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


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


SELECTIONS = (("country+category", {"countries": ["SY"], "categories": ["displaced"]}),
              ("another category", {"categories": ["killed"]}),
              ("quote text", {"q": "officials"}))


def app_phase(db: Path) -> dict:
    """One fresh dashboard session on `db` (run in its own process)."""
    from streamlit.testing.v1 import AppTest

    os.environ["NEWSFIGURES_DB"] = str(db)
    out: dict = {}
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    out["load_avg"] = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), cpu_s()
    at.run()
    out["start_s"] = time.perf_counter() - t0
    out["start_cpu_s"] = cpu_s() - c0
    assert not at.exception, [e.value for e in at.exception]
    out["start_rows"] = next(m.value for m in at.metric)
    out["start_peak_mb"] = peak_mb()
    for name, change in SELECTIONS:
        for key, value in change.items():
            widget = next(w for kind in ("multiselect", "text_input") for w in at.get(kind)
                          if w.key == key)
            widget.set_value(value)
        t0, c0 = time.perf_counter(), cpu_s()
        at.run()
        out[f"filter {name}"] = time.perf_counter() - t0
        out[f"filter {name} cpu"] = cpu_s() - c0
        assert not at.exception, [e.value for e in at.exception]
    out["filtered_rows"] = next(m.value for m in at.metric)
    for tab in ("Map", "Who says", "Estimates", "Evidence", "Articles", "Overview"):
        at.session_state["tab"] = tab
        t0 = time.perf_counter()
        at.run()
        out[f"tab {tab}"] = time.perf_counter() - t0
        assert not at.exception, [e.value for e in at.exception]
    out["peak_mb"] = peak_mb()
    return out


def pandas_phase(db: Path) -> dict:
    """The same work in bare pandas (run in its own process)."""
    out: dict = {}
    conn = store.connect(db, readonly=True)
    out["load_avg"] = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), cpu_s()
    frame = filters.prepare(frames.figures_frame(conn))
    out["load_s"] = time.perf_counter() - t0
    out["load_cpu_s"] = cpu_s() - c0
    out["start_peak_mb"] = peak_mb()
    sel = filters.DEFAULT
    for name, change in SELECTIONS:
        sel = dataclasses.replace(sel, **{k: tuple(v) if isinstance(v, list) else v
                                      for k, v in change.items()})
        t0, c0 = time.perf_counter(), cpu_s()
        rows = len(filters.apply(frame, sel))
        out[f"filter {name}"] = time.perf_counter() - t0
        out[f"filter {name} cpu"] = cpu_s() - c0
    out["filtered_rows"] = rows
    out["peak_mb"] = peak_mb()
    return out


def change_one_article(db: Path) -> None:
    """Another process's write: one article's figures replaced (one value changed, one figure
    dropped), as a re-extraction does."""
    conn = store.connect(db)
    article = conn.execute("SELECT article FROM figures ORDER BY id DESC LIMIT 1").fetchone()[0]
    version = conn.execute("SELECT extractor_version FROM articles WHERE id = ?",
                           (article,)).fetchone()[0]
    df = frames.figures_frame(conn, {"article": article})
    rows = df[df["article"].astype(str) == article].to_dict("records")
    figures = [Figure(**{k: (None if v is pd.NA or (isinstance(v, float) and v != v) else v)
                         for k, v in r.items() if k in FIGURE_FIELDS}) for r in rows]
    figures[0] = dataclasses.replace(figures[0], value=figures[0].value + 1)
    with store.transaction(conn):
        store.replace_figures(conn, article, figures[:-1] if len(figures) > 1 else figures,
                              version)
    conn.close()


def check_phase(db: Path) -> dict:
    """The table brought up to date from the snapshot against a full read of the store."""
    from newsfigures.dashboard import frame_cache

    conn = store.connect(db, readonly=True)
    t0, c0 = time.perf_counter(), cpu_s()
    got, got_claims = frame_cache.load(conn, db)
    out = {"update_s": time.perf_counter() - t0, "update_cpu_s": cpu_s() - c0}
    want = frame_cache.prepared(conn)
    want_claims = frame_cache.claims_of(want)
    for a, b in ((got, want), (got_claims, want_claims)):
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                      check_categorical=False)
    out["equal"] = True
    out["rows"] = len(got)
    return out


def in_process(phase: str, db: Path, snapshot: bool = True) -> dict:
    env = {**os.environ, "NEWSFIGURES_FRAME_CACHE": "1" if snapshot else "0"}
    done = subprocess.run([sys.executable, __file__, "--phase", phase, "--db", str(db)],
                          env=env, capture_output=True, text=True, check=False,
                          cwd=REPO)  # the app's own .streamlit/config.toml applies
    if done.returncode:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench(n_figures: int, keep: bool) -> dict:
    folder = REPO / "bench" if keep else Path(tempfile.mkdtemp(prefix="nf-bench-"))
    db = folder / f"bench_{n_figures}.db"
    if not db.exists():
        print(f"building {n_figures:,} synthetic figures in {db} …", flush=True)
        print(f"  built in {build(db, n_figures):.1f} s", flush=True)
    for old in db.parent.glob(f"{db.name}.dashboard-*"):
        old.unlink()
    results = {"figures": n_figures,
               "first": in_process("app", db),      # reads the store, writes the snapshot
               "again": in_process("app", db)}      # reads the snapshot
    change_one_article(db)
    results["changed"] = in_process("app", db)      # the snapshot and one article read again
    change_one_article(db)
    results["check"] = in_process("check", db)      # the same update, against a full read
    results["pandas"] = in_process("pandas", db)
    if not keep:
        for path in db.parent.glob(f"{db.name}*"):
            path.unlink(missing_ok=True)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true",
                        help="build/keep the database in bench/ (reused next time)")
    parser.add_argument("--phase", choices=("app", "pandas", "check"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        phase = {"app": app_phase, "pandas": pandas_phase, "check": check_phase}[args.phase]
        print(json.dumps(phase(Path(args.db))))
        return 0
    r = bench(args.figures, args.keep)
    first, again, changed, base = r["first"], r["again"], r["changed"], r["pandas"]
    apps = (first, again, changed)
    print(f"figures in the store             {r['figures']:>12,}")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} "
          "(1 min, after the run)")
    print(f"{'':34}{'no snapshot':>12}{'reopened':>12}{'1 changed':>12}{'pandas':>12}")

    def line(label: str, key: str, base_key: str | None, fmt: str, note: str = "") -> None:
        cells = "".join(f"{a[key]:>12{fmt}}" for a in apps)
        tail = f"{base[base_key]:>12{fmt}}" if base_key else ""
        print(f"{label:34}{cells}{tail}{note}")

    line("load average before (1 min)", "load_avg", "load_avg", ".2f")
    line("cold start / load (s)", "start_s", "load_s", ".2f",
         f"   target <= 5 s  (headline {again['start_rows']})")
    line("  CPU seconds of it, all threads", "start_cpu_s", "load_cpu_s", ".2f")
    line("  peak memory after it (MB)", "start_peak_mb", "start_peak_mb", ".0f")
    for name, _ in SELECTIONS:
        key = f"filter {name}"
        line(f"filter change: {name} (s)", key, key, ".3f", "   target <= 0.3 s")
        line("  CPU seconds of it", key + " cpu", key + " cpu", ".3f")
    for tab in ("Map", "Who says", "Estimates", "Evidence", "Articles", "Overview"):
        line(f"open tab {tab} (s)", f"tab {tab}", None, ".3f")
    line("peak memory (MB)", "peak_mb", "peak_mb", ".0f", "   target <= 1024 MB")
    check = r["check"]
    print(f"one article changed, the table brought up to date: {check['update_s']:.2f} s "
          f"({check['update_cpu_s']:.2f} CPU s), equal to a full read of the store: "
          f"{check['equal']} ({check['rows']:,} rows)")
    same = first["start_rows"] == again["start_rows"] and \
        first["filtered_rows"] == again["filtered_rows"]
    print(f"headline and filtered counts the same with and without the snapshot: {same}")
    ok = True
    for label, a in (("reopened", again), ("after one article changed", changed)):
        worst = max(a[f"filter {n}"] for n, _ in SELECTIONS)
        met = worst <= 0.3 and a["start_s"] <= 5 and a["peak_mb"] <= 1024
        ok = ok and met
        print(f"targets {'met' if met else 'MISSED'} {label}")
    first_ok = first["start_s"] <= 5 and first["peak_mb"] <= 1024
    print(f"first open with no snapshot at all: {first['start_s']:.1f} s, peak "
          f"{first['peak_mb']:.0f} MB ({'met' if first_ok else 'missed'}; the store's read "
          f"alone takes {base['load_s']:.1f} s and {base['peak_mb']:.0f} MB)")
    return 0 if ok and check["equal"] and same else 1


if __name__ == "__main__":
    sys.exit(main())
