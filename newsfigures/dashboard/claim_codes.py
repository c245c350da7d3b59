"""Integer codes of a million claim ids, and each claim's newest report, with numpy.

`claim_codes(series)` is `pd.factorize(series, use_na_sentinel=False)[0]` (codes in order of
first appearance). Claim ids as `engine.claims.claim_id` writes them, 12 lower-case hex
digits, are read as 48-bit integers straight from the Arrow buffer and those factorized: the
reading is one-to-one on such ids, so the codes are the same, in a fifth of the time of
hashing the strings. Any other id (another length, a capital, a missing one) is factorized
as text.

`newest_rows(claim, order, n_claims)`: for each claim, the row that comes last in `order`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

ID_DIGITS = 12
_HEX = np.full(256, 255, dtype=np.uint8)
_HEX[np.frombuffer(b"0123456789", np.uint8)] = np.arange(10, dtype=np.uint8)
_HEX[np.frombuffer(b"abcdef", np.uint8)] = np.arange(10, 16, dtype=np.uint8)


def _hex_digits(series: pd.Series) -> np.ndarray | None:
    """The ids' characters as an (n, 12) array of bytes, or None when they are not all
    12 characters long in one Arrow string buffer."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    chunked = series.array.__arrow_array__()
    arr = chunked.combine_chunks() if chunked.num_chunks != 1 else chunked.chunk(0)
    if arr.null_count or not len(arr):
        return None
    lengths = pc.binary_length(arr)
    if pc.min(lengths).as_py() != ID_DIGITS or pc.max(lengths).as_py() != ID_DIGITS:
        return None
    offset_type = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    _, offsets, data = arr.buffers()
    first = int(np.frombuffer(offsets, offset_type, count=1, offset=arr.offset *
                              np.dtype(offset_type).itemsize)[0])
    chars = np.frombuffer(data, np.uint8, count=ID_DIGITS * len(arr), offset=first)
    return chars.reshape(len(arr), ID_DIGITS)


def claim_codes(series: pd.Series) -> np.ndarray:
    """Codes of the claim ids in order of first appearance (see the module doc)."""
    chars = _hex_digits(series)
    if chars is not None:
        digits = _HEX[chars]
        if not (digits == 255).any():  # two digits a byte, six bytes a big-endian number
            packed = np.zeros((len(digits), 8), dtype=np.uint8)
            packed[:, 8 - ID_DIGITS // 2:] = (digits[:, 0::2] << 4) | digits[:, 1::2]
            number = packed.view(">u8").ravel().astype(np.int64)
            return pd.factorize(number, size_hint=len(number))[0]
    return pd.factorize(series, use_na_sentinel=False)[0]


def newest_rows(claim: np.ndarray, order: np.ndarray, n_claims: int) -> np.ndarray:
    """Per claim code 0..n_claims-1, the row of that claim that comes last in `order` (a
    permutation of the rows); every code must occur."""
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    best = np.full(n_claims, -1, dtype=np.int64)
    np.maximum.at(best, claim, rank)
    return order[best]
