"""Reading a DataFrame column whatever its dtype (categorical, Arrow string, object)."""
from __future__ import annotations

import pandas as pd


def text_of(series: pd.Series) -> pd.Series:
    """A text column as plain strings, "" for missing (categorical or not)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    return series.where(series.notna(), "").astype(str)
