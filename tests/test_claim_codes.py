"""Claim codes read from the ids' hex digits and each claim's newest report
(newsfigures.dashboard.claim_codes): the same codes as pandas' factorize, for claim ids as
the engine writes them and for every other kind of id, which falls back to the strings."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsfigures.dashboard.claim_codes import claim_codes, newest_rows  # noqa: E402
from newsfigures.engine.claims import claim_id  # noqa: E402

ENGINE_IDS = [claim_id(v, "displaced", p, "UNHCR") for v in (3400, 27, 27, 3400, 15000)
              for p in ("Kassala", "Aleppo")]


def _arrow(values) -> pd.Series:
    return pd.Series(values, dtype="string[pyarrow]")


@pytest.mark.parametrize("series", [
    _arrow(ENGINE_IDS),
    _arrow(["00000000000f", "f00000000000", "00000000000f", "ffffffffffff", "000000000000"]),
    _arrow(["0123456789AB", "0123456789ab", "0123456789AB"]),  # a capital: read as text
    _arrow(["abc", "abcdef012345", "abc"]),                   # another length
    _arrow(["abcdef012345", None, "abcdef012345", None]),      # missing ids
    pd.Series(ENGINE_IDS, dtype=object),                       # not Arrow strings
    _arrow(ENGINE_IDS).iloc[3:],                               # a slice of the buffer
    pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([ENGINE_IDS[:4], ENGINE_IDS[2:]]))),
    _arrow([]),
], ids=["engine-ids", "edge-digits", "capitals", "lengths", "missing", "object", "slice",
        "chunks", "empty"])
def test_claim_codes_are_factorize_codes(series):
    want = pd.factorize(series, use_na_sentinel=False)[0]
    np.testing.assert_array_equal(claim_codes(series), want)


@pytest.mark.parametrize("seed", range(5))
def test_newest_rows_is_the_last_report_of_each_claim_in_the_order(seed):
    rng = np.random.default_rng(seed)
    claim = pd.factorize(rng.integers(0, 50, 400))[0]
    order = rng.permutation(400)
    newest_first = order[::-1]
    _, first = np.unique(claim[newest_first], return_index=True)
    got = newest_rows(claim, order, int(claim.max()) + 1)
    np.testing.assert_array_equal(got, newest_first[first])
