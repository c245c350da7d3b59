"""Taking rows of a wide frame of a million rows, its columns copied in parallel."""
from __future__ import annotations

import numpy as np
import pandas as pd


def take_rows(df: pd.DataFrame, rows: np.ndarray, threads: int = 2) -> pd.DataFrame:
    """`df.take(rows)`, the columns taken by `threads` threads at once (numpy, pandas' typed
    takes and Arrow let go of the GIL while they copy): the same frame, in about half the
    time on two cores for a million rows."""
    if len(df.columns) < 2 or len(rows) < 100_000 or threads < 2:
        return df.take(rows)
    from concurrent.futures import ThreadPoolExecutor

    def take(series: pd.Series):
        if isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
            return series.array.take(rows)
        return np.take(series.to_numpy(), rows)

    columns = [df.iloc[:, i] for i in range(len(df.columns))]
    with ThreadPoolExecutor(threads, thread_name_prefix="newsfigures-take") as pool:
        taken = list(pool.map(take, columns))
    out = pd.DataFrame(dict(enumerate(taken)), index=df.index.take(rows), copy=False)
    out.columns = df.columns
    return out
