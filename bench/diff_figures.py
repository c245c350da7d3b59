"""Field-by-field differences between two runs' figure records (JSON Lines).

    python bench/diff_figures.py BEFORE.jsonl AFTER.jsonl [--fields place,source] [--show 20]

Figures are paired per article by the offsets of their number (`start`, `end`); a figure only
in one run is "gone" or "new". Prints, per field, how many paired figures changed it, then the
first changes of each kind with the article, the number's words and the value before/after.
Exit status 0 when the runs are identical in the fields compared, 1 otherwise (so a refactor
can assert "same answers": `python bench/diff_figures.py a.jsonl b.jsonl && echo same`).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def load(path: Path) -> dict[tuple, dict]:
    out: dict[tuple, dict] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        key = (row["article"], row["start"], row["end"])
        if key in out:
            key = (*key, n)  # two figures on one number (should not happen): keep both
        out[key] = row
    return out


def compare(before: dict, after: dict, fields: list[str] | None):
    """(changed field counts, examples per field, gone keys, new keys)."""
    counts: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    for key in sorted(set(before) & set(after)):
        a, b = before[key], after[key]
        for name in fields or sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                counts[name] += 1
                examples[name].append((key, a.get(name), b.get(name), a.get("quote", "")))
    gone = sorted(set(before) - set(after))
    new = sorted(set(after) - set(before))
    return counts, examples, gone, new


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--fields", help="comma list of fields to compare (default: all)")
    parser.add_argument("--show", type=int, default=10, help="examples per field (default 10)")
    args = parser.parse_args(argv)
    fields = [f.strip() for f in args.fields.split(",")] if args.fields else None
    before, after = load(args.before), load(args.after)
    counts, examples, gone, new = compare(before, after, fields)
    print(f"{len(before)} figures before, {len(after)} after; {len(gone)} gone, {len(new)} new")
    for name, n in counts.most_common():
        print(f"  {name}: {n} changed")
    for name, rows in examples.items():
        print(f"\n== {name}")
        for key, a, b, quote in rows[: args.show]:
            print(f"  {key[0]} @{key[1]}: {a!r} -> {b!r}    | {quote[:100]}")
    for label, keys, runs in (("gone", gone, before), ("new", new, after)):
        if keys:
            print(f"\n== {label}")
            for key in keys[: args.show]:
                row = runs[key]
                print(f"  {key[0]} @{key[1]}: {row.get('value')} {row.get('category')} | "
                      f"{row.get('quote', '')[:100]}")
    return 0 if not (counts or gone or new) else 1


if __name__ == "__main__":
    sys.exit(main())
