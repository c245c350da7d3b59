"""The store's own error: the database cannot be used, said in one line."""
from __future__ import annotations


class StoreError(RuntimeError):
    """The database cannot be used: what is wrong, in one line; the database was left as it
    was."""
