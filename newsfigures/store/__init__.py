"""The database: schema, migrations, connections and writes (`database`), frames read from it
(`frames`), which stored article a source is (`identity`), publication dates over the whole
store (`dating`), and ingesting articles into it (`ingest`)."""
