"""The extraction engine: an `Article` in, its `Figure` records out.

Standard library and its own data (`data/`) only: nothing here imports pandas, sqlite3,
streamlit or trafilatura. The entry points are `figures.extract_figures` and
`figures.date_collection`; `records` holds the two record types.
"""
