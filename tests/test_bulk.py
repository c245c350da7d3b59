"""`bulk` on a real Dask LocalCluster of 2 worker processes: the records `extract` gives,
from folders, zip, tar.gz and JSON Lines; reruns skip what is written; failures are reported;
`ingest --from-parquet` loads the partitions into either store (SQLite and PostgreSQL)."""
from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from newsfigures import extract_collection
from newsfigures.bulk import BulkOptions, run
from newsfigures.cli import main
from newsfigures.io import parquet_parts
from newsfigures.io.articles import iter_articles
from newsfigures.store import database as store
from newsfigures.store import frames
from newsfigures.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"

# Short articles in our own words; the first three give only weekdays and months, so their
# year comes from the dated ones wherever their partition is.
TEXTS = {
    "camp-east": "GAZIANTEP, Turkey, Feb. 8, 2016 (Example Wire) - Some 35,000 people have "
                 "fled to the border since Monday, the UNHCR said.\n",
    "valley-floods": "About 2,500 residents were evacuated from the valley on Tuesday, "
                     "officials said on February 9.\n",
    "river-town": "Medics said 14 civilians were killed in Idlib on Thursday, in the worst "
                  "week since early February.\n",
    "shelter-count": "AMMAN, Jordan, Feb. 10, 2016 - More than 1,200 families reached the "
                     "camp overnight, the agency said.\n",
    "late-report": "A total of 80 people were injured and 300 homes destroyed, the Red "
                   "Crescent said on Wednesday, February 10.\n",
}


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of 2 worker processes for the module; its address."""
    import logging

    from dask.distributed import LocalCluster

    os.environ.setdefault("PYTHONPATH", str(ROOT))
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def folder_of(tmp_path: Path, texts: dict = TEXTS) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def bulk(inputs, out: Path, scheduler: str, size: int = 2):
    return run([str(i) for i in inputs], BulkOptions(out=out, scheduler=scheduler, size=size,
                                                     retries=1, progress=False))


def parquet_records(out: Path) -> list[dict]:
    return [f.to_dict() for _, figures in parquet_parts.read_parts(out) for f in figures]


def in_order(records: list[dict]) -> list[dict]:
    """Records by article and offset (an archive lists its members in its own order)."""
    return sorted(records, key=lambda r: (r["article"], r["start"], r["end"]))


def extract_records(paths) -> list[dict]:
    articles = [a for a in iter_articles([str(p) for p in paths]) if not isinstance(a, Exception)]
    return [f.to_dict() for f in extract_collection(articles)]


def test_partitions_hold_exactly_what_extract_gives(tmp_path, scheduler):
    inputs = [folder_of(tmp_path), SAMPLES]
    report = bulk(inputs, tmp_path / "out", scheduler, size=3)
    assert report.ok, report.failed_parts + report.failed_articles
    assert (report.parts, report.written, report.articles) == (4, 4, 10)
    got = parquet_records(tmp_path / "out")
    assert got == extract_records(inputs)
    dated = {r["article"]: r["published"] for r in got}
    assert dated["valley-floods"] == "2016-02-09"  # its year from the dated ones, elsewhere


def test_archives_and_json_lines_give_the_folder_s_records(tmp_path, scheduler):
    folder = folder_of(tmp_path)
    with zipfile.ZipFile(tmp_path / "batch.zip", "w") as z:
        for name, text in list(TEXTS.items())[:3]:
            z.writestr(f"wire/{name}.txt", text)
    with tarfile.open(tmp_path / "batch.tar.gz", "w:gz") as t:
        for name, text in list(TEXTS.items())[3:]:
            data = text.encode()
            info = tarfile.TarInfo(f"more/{name}.txt")
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    report = bulk([tmp_path / "batch.zip", tmp_path / "batch.tar.gz"], tmp_path / "a", scheduler)
    assert report.ok and report.articles == 5
    assert in_order(parquet_records(tmp_path / "a")) == in_order(extract_records([folder]))

    lines = [json.dumps({"id": name, "text": text, "url": "", "published": "",
                         "publisher": ""}) for name, text in TEXTS.items()]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = bulk([tmp_path / "batch.jsonl"], tmp_path / "j", scheduler)
    assert report.ok and (report.parts, report.articles) == (3, 5)
    assert in_order(parquet_records(tmp_path / "j")) == in_order(extract_records([folder]))


def test_a_rerun_skips_written_partitions_and_redoes_a_changed_one(tmp_path, scheduler):
    folder = folder_of(tmp_path)
    out = tmp_path / "out"
    assert bulk([folder], out, scheduler).written == 3
    stamps = {p.name: p.stat().st_mtime_ns for p in (out / "figures").iterdir()}
    again = bulk([folder], out, scheduler)
    assert (again.written, again.already) == (0, 3)
    assert {p.name: p.stat().st_mtime_ns for p in (out / "figures").iterdir()} == stamps
    (folder / "shelter-count.txt").write_text(
        "AMMAN, Jordan, Feb. 10, 2016 - More than 1,300 families reached the camp.\n",
        encoding="utf-8")
    changed = bulk([folder], out, scheduler)
    assert (changed.written, changed.already) == (1, 2)
    assert len(list((out / "figures").iterdir())) == 3  # the old version of it is gone
    assert 1300 in [r["value"] for r in parquet_records(out)]


def test_bad_articles_and_a_broken_partition_are_reported_not_dropped(tmp_path, scheduler):
    folder = folder_of(tmp_path)
    (folder / "blank.txt").write_bytes(b"  \n")
    with zipfile.ZipFile(tmp_path / "broken.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("x/only.txt", "Some 400 people fled to the hills on Monday. " * 20)
    data = bytearray((tmp_path / "broken.zip").read_bytes())
    data[60:90] = b"\x00" * 30  # inside the compressed member: its CRC cannot match
    (tmp_path / "broken.zip").write_bytes(bytes(data))
    report = bulk([folder, tmp_path / "broken.zip"], tmp_path / "out", scheduler, size=10)
    assert not report.ok
    assert [Path(s).name for s, _ in report.failed_articles] == ["blank.txt"]
    assert len(report.failed_parts) == 1 and "broken.zip" in report.failed_parts[0][0]
    assert report.written == 1 and report.articles == 5  # the folder's partition is whole


def test_the_command_line_reports_and_loads_into_a_store(tmp_path, scheduler, store_at, capsys):
    folder = folder_of(tmp_path)
    out = tmp_path / "out"
    assert main(["bulk", str(folder), "--out", str(out), "--scheduler", scheduler,
                 "--partition-size", "2"]) == 0
    assert "3 partitions: 3 written" in capsys.readouterr().out
    assert main(["ingest", "--from-parquet", str(out), "--db", str(store_at)]) == 0
    assert "5 added, 0 unchanged, 0 updated, 0 failed" in capsys.readouterr().out
    assert main(["ingest", "--from-parquet", str(out), "--db", str(store_at)]) == 0
    assert "0 added, 5 unchanged" in capsys.readouterr().out
    assert main(["ingest", "--from-parquet", str(tmp_path), "--db", str(store_at)]) == 1
    assert "no Parquet partitions" in capsys.readouterr().err


def test_parquet_loads_the_store_that_ingest_makes(tmp_path, scheduler, new_store):
    inputs = [folder_of(tmp_path), SAMPLES]
    assert bulk(inputs, tmp_path / "out", scheduler, size=4).ok
    from newsfigures.store.parquet_ingest import ingest_parquet

    loaded, direct = new_store("loaded"), new_store("direct")
    report = ingest_parquet(tmp_path / "out", loaded)
    assert (report.added, report.failed, report.redated) == (10, 0, [])
    ingest([str(p) for p in inputs], direct)
    tables = []
    for where in (loaded, direct):
        conn = store.connect(where, readonly=True)
        tables.append(frames.figures_frame(conn).astype(str).to_dict("records"))
        sources = conn.execute("SELECT kind, location FROM article_sources ORDER BY location").fetchall()
        conn.close()
    assert tables[0] == tables[1]
    assert all(kind == "file" and Path(location).is_absolute() for kind, location in sources)
