"""The timeline's groups by category and day (newsfigures.dashboard.day_groups) against
pandas' groupby: the same groups in the same order with the same median, ends and counts."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsfigures.dashboard.day_groups import by_day  # noqa: E402


def _figures(seed: int, *, big: bool = False, early: bool = False, categorical: bool = True,
             floats: bool = False):
    rng = np.random.default_rng(seed)
    n = 3000
    names = ["killed", "displaced", "injured", "evacuated"]
    category = pd.Series(rng.choice(names, n))
    if categorical:
        category = category.astype(pd.CategoricalDtype(["killed", "displaced", "injured",
                                                        "evacuated", "missing"]))
    value = rng.integers(1, 2**62 if big else 50_000, n)
    if floats:
        value = value.astype(float) + 0.5
    start = np.datetime64("1901-03-01" if early else "2016-01-01", "ns")
    when = start + rng.integers(0, 400, n) * np.timedelta64(1, "D") + \
        rng.integers(0, 86_400, n) * np.timedelta64(1, "s")  # times of day: floored
    return category, value, when


@pytest.mark.parametrize("options", [
    {}, {"big": True}, {"early": True}, {"categorical": False}, {"floats": True},
], ids=["plain", "values-too-big-to-pack", "before-1970", "text-categories", "fractions"])
def test_groups_match_pandas_groupby(options):
    category, value, when = _figures(3, **options)
    want = (pd.DataFrame({"category": category, "_day": pd.Series(when).dt.floor("D"),
                          "value": value})
            .groupby(["category", "_day"], observed=True)["value"]
            .agg(["median", "min", "max", "count"]).reset_index())
    got = by_day(category, value, when)
    assert list(got.category) == list(want["category"].astype(str))
    np.testing.assert_array_equal(got.day, want["_day"].to_numpy())
    np.testing.assert_array_equal(got.median, want["median"].to_numpy())
    np.testing.assert_array_equal(got.low, want["min"].to_numpy())
    np.testing.assert_array_equal(got.high, want["max"].to_numpy())
    np.testing.assert_array_equal(got.count, want["count"].to_numpy())
    assert list(got.day_text()) == list(want["_day"].dt.strftime("%Y-%m-%d"))


def test_no_figures_no_groups():
    got = by_day(pd.Series([], dtype="category"), np.array([], dtype=np.int64),
                 np.array([], dtype="datetime64[ns]"))
    assert len(got) == 0
