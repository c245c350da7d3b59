"""Bringing the dashboard's table up to date by the articles that changed, not by reading
every figure again.

`spliced(old, fresh, changed)` takes the table as it was (`frame_cache.prepared`: places
merged, the spelling as written in `place_written`), the rows of the changed articles read
again (prepared, places not merged yet) and the ids of those articles; it returns every row
in the table's order (by article id, code point by code point, each article's rows as read),
places as written, ready for `place_names.merge_places` (which names each place by the
spelling most used over the whole table, so it runs on the whole table again). Each
article's rows are either all old or all fresh, so a removed, purged, re-extracted or
reviewed article never shows twice nor as it was.

The columns are joined one at a time (a categorical gains the fresh values as categories), so the peak is the old table, the new
one and one column. A category no row has any more is dropped unless the fresh rows' column has it
too (a fixed set such as `review`'s), as a full read has only the ones in use and "".
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals


def as_written(frame: pd.DataFrame) -> pd.DataFrame:
    """A prepared table with the place as written in `place`, `place_written` dropped."""
    if "place_written" not in frame.columns:
        return frame
    columns = {c: frame["place_written"] if c == "place" else frame[c]
               for c in frame.columns if c != "place_written"}
    return pd.DataFrame(columns, copy=False)


def row_order(old_article, fresh_article, changed: set[str]) -> np.ndarray:
    """Positions in [old rows; fresh rows] of the new table: the old rows of unchanged
    articles and every fresh row, ordered by article id (stable)."""
    old_cat = pd.Categorical(old_article)
    fresh_cat = pd.Categorical(fresh_article)
    names = pd.Index(old_cat.categories, dtype=object).append(
        pd.Index(fresh_cat.categories, dtype=object)).unique()
    rank = np.argsort(np.argsort(np.asarray(names, dtype=object), kind="stable"))
    rank = np.append(rank, -1)  # a missing article (code -1) first
    old_key = rank[names.get_indexer(old_cat.categories)][old_cat.codes] \
        if len(old_cat) else np.array([], dtype=np.int64)
    fresh_key = rank[names.get_indexer(fresh_cat.categories)][fresh_cat.codes] \
        if len(fresh_cat) else np.array([], dtype=np.int64)
    dropped = np.isin(np.asarray(old_cat.categories, dtype=object), list(changed))
    keep = np.concatenate([~dropped[old_cat.codes] if len(old_cat) else np.array([], bool),
                           np.ones(len(fresh_cat), dtype=bool)])
    keys = np.concatenate([old_key, fresh_key])
    rows = np.flatnonzero(keep)
    return rows[np.argsort(keys[rows], kind="stable")]


def _joined(old: pd.Series, fresh: pd.Series, rows: np.ndarray):
    """One column of the new table."""
    if isinstance(old.dtype, pd.CategoricalDtype) and isinstance(fresh.dtype,
                                                                 pd.CategoricalDtype):
        both = union_categoricals([old.array, fresh.array])
        codes = both.codes[rows]
        used = np.zeros(len(both.categories) + 1, dtype=bool)
        used[codes] = True  # codes of -1 mark the last slot
        used[-1] = False
        categories = both.categories
        used[categories.get_indexer(fresh.cat.categories)] = True  # a fixed set (review) stays
        blank = categories.get_indexer([""])[0]
        if blank >= 0:
            used[blank] = True
        keep = np.flatnonzero(used[:-1])
        remap = np.full(len(categories) + 1, -1, dtype=np.int64)
        remap[keep] = np.arange(len(keep))
        new_categories = pd.Index(categories[keep], dtype=object)
        return pd.Categorical.from_codes(remap[codes], categories=new_categories,
                                         validate=False)
    if isinstance(old.dtype, pd.StringDtype) and old.dtype.storage == "pyarrow":
        import pyarrow as pa

        chunks = [*old.array._pa_array.chunks, *pd.array(fresh, dtype=old.dtype)._pa_array.chunks]
        kind = chunks[0].type if chunks else pa.large_string()
        whole = pa.chunked_array([c if c.type == kind else c.cast(kind) for c in chunks], kind)
        taken = whole.take(pa.array(rows)).combine_chunks()  # one chunk (figure_columns)
        return pd.arrays.ArrowStringArray(pa.chunked_array([taken]))
    joined = pd.concat([old, fresh.astype(old.dtype)], ignore_index=True)
    return joined.array.take(rows)


def spliced(old: pd.DataFrame, fresh: pd.DataFrame, changed: set[str]) -> pd.DataFrame | None:
    """The new table (places as written), or None when the fresh rows do not have the old
    table's columns (the caller reads the whole store). Each old column is let go once its
    new one is made: a caller that keeps no reference to `old` gets the memory back as the
    columns are joined."""
    from concurrent.futures import ThreadPoolExecutor

    written = as_written(old)
    names = list(written.columns)
    if names != list(fresh.columns):
        if not (fresh.empty and set(fresh.columns) <= set(names)):
            return None
        fresh = written.iloc[0:0]
    old_columns = {name: written[name] for name in names}
    del old, written
    rows = row_order(old_columns["article"], fresh["article"], changed)

    def join(name: str):
        column = old_columns[name]
        out = _joined(column, fresh[name], rows)
        old_columns[name] = column = None  # this column's old arrays go
        return out

    # two threads: numpy's and Arrow's copies let go of the GIL (about half the time)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="newsfigures-splice") as pool:
        columns = dict(zip(names, pool.map(join, names)))
    return pd.DataFrame(columns, copy=False)
