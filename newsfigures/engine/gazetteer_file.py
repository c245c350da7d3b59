"""The gazetteer's file format: small zlib chunks, decompressed only when a lookup needs one.

A process that reads three articles asks for a few hundred names out of 380,000, so the file
is cut into pieces read on demand instead of one stream gunzipped and split at start-up:

    newsfigures-gazetteer 1 <header bytes>\\n
    <header: zlib'd JSON: the small tables, and where each chunk is>
    <chunks: zlib'd text, one after the other>

- name chunks: the folded names, bucketed by a CRC-32 of their first word (so every name that
  opens with a word, which `starts_name` asks about, is in that word's bucket); each chunk holds
  `name<TAB>id,id,...` lines (place ids best first);
- row chunks: `ROW_CHUNK` places each, in id order, one tab-separated row a line (name,
  country, lat, lon, level, admin1, population, approximate).

`encode` writes it (from `gazetteer_build`'s data); `ChunkedFile` reads it.
"""
from __future__ import annotations

import json
import zlib
from pathlib import Path

MAGIC = b"newsfigures-gazetteer 1 "
NAME_BUCKETS = 2048  # about 190 names a bucket: a lookup decompresses a few kB at most
ROW_CHUNK = 256  # places a row chunk


def bucket(key: str, buckets: int = NAME_BUCKETS) -> int:
    """The name chunk holding folded name `key` (by its first word)."""
    return zlib.crc32(key.split(" ", 1)[0].encode("utf-8")) % buckets


def encode(head: dict, rows: list[str], index: dict[str, list[int]]) -> bytes:
    """The file for the small tables `head`, the place `rows` and the `index` (name -> ids)."""
    names: list[list[str]] = [[] for _ in range(NAME_BUCKETS)]
    for key in sorted(index):
        names[bucket(key)].append(f"{key}\t{','.join(map(str, index[key]))}")
    blobs = [zlib.compress("\n".join(b).encode("utf-8"), 9) for b in names]
    blobs += [zlib.compress("\n".join(rows[k:k + ROW_CHUNK]).encode("utf-8"), 9)
              for k in range(0, len(rows), ROW_CHUNK)]
    spans, at = [], 0
    for blob in blobs:
        spans.append([at, len(blob)])
        at += len(blob)
    header = dict(head, n_rows=len(rows), row_chunk=ROW_CHUNK, name_buckets=NAME_BUCKETS,
                  names=spans[:NAME_BUCKETS], rows=spans[NAME_BUCKETS:])
    packed = zlib.compress(json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9)
    return MAGIC + str(len(packed)).encode() + b"\n" + packed + b"".join(blobs)


class ChunkedFile:
    """One gazetteer file, its chunks decompressed on first use and kept."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            raise ValueError(f"{path}: not a newsfigures gazetteer file")
        line_end = data.index(b"\n")
        size = int(data[len(MAGIC):line_end])
        self.head = json.loads(zlib.decompress(data[line_end + 1:line_end + 1 + size]))
        self._data = memoryview(data)[line_end + 1 + size:]
        self._names: dict[int, str] = {}
        self._rows: dict[int, list[str]] = {}
        self.n_rows: int = self.head["n_rows"]
        self._row_chunk: int = self.head["row_chunk"]
        self._buckets: int = self.head["name_buckets"]

    def _chunk(self, span: list[int]) -> str:
        at, size = span
        return zlib.decompress(self._data[at:at + size]).decode("utf-8")

    def _names_of(self, key: str) -> str:
        """The name chunk of `key`, as "\\nname\\tids\\n...\\n" (searched with str.find)."""
        b = bucket(key, self._buckets)
        return self._names.get(b) or self._bucket(b)

    def _bucket(self, b: int) -> str:
        chunk = self._names.get(b)
        if chunk is None:
            chunk = self._names[b] = "\n" + self._chunk(self.head["names"][b]) + "\n"
        return chunk

    def ids(self, key: str) -> str:
        """The place ids of folded name `key` as "id,id", best first ("" if none)."""
        chunk = self._names_of(key)
        at = chunk.find(f"\n{key}\t")
        if at < 0:
            return ""
        at += len(key) + 2
        return chunk[at:chunk.index("\n", at)]

    def opens_name(self, word: str) -> bool:
        """Some stored name of several words opens with the folded word `word`."""
        return f"\n{word} " in self._names_of(word)

    def row(self, pid: int) -> str:
        c, k = divmod(pid, self._row_chunk)
        chunk = self._rows.get(c)
        return (chunk or self._rows_of(c))[k]

    def _rows_of(self, c: int) -> list[str]:
        chunk = self._rows.get(c)
        if chunk is None:
            chunk = self._rows[c] = self._chunk(self.head["rows"][c]).split("\n")
        return chunk

    def load_all(self) -> None:
        """Decompress every chunk now (for a long run that wants no lazy reads later)."""
        for b in range(self._buckets):
            self._bucket(b)
        for c in range(len(self.head["rows"])):
            self._rows_of(c)
