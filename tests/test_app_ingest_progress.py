"""Adding a long article: progress within it (its numbers found, then its figures read,
sentence by sentence) and a cancel that stops it mid-way, through the engine's own reading
(`store.extract_steps`), the background job and the Add tab (AppTest)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
pytest.importorskip("streamlit")

from streamlit.testing.v1 import AppTest  # noqa: E402
from test_app import APP, TIMEOUT, db, needs_samples, rerun  # noqa: E402,F401

from newsfigures.dashboard.ingest_job import IngestJob, Progress, fraction, status_line  # noqa: E402
from newsfigures.engine.figures import extract_figures  # noqa: E402
from newsfigures.engine.records import Article  # noqa: E402
from newsfigures.store import database as store  # noqa: E402
from newsfigures.store.extract_steps import Interrupted, extract_with_steps  # noqa: E402

PARAGRAPH = ("Relief workers said on Thursday that roughly 2,700 residents had left the "
             "hill villages east of the dam since the shelling started, and that 900 of "
             "them were staying in a sports hall.\n\n")

TEXTS = [
    "Floods\n\nAt least 1,300 families were evacuated from the delta on Sunday, officials said.",
    "Camp fire\n\nThe blaze destroyed 450 shelters. Nobody was hurt, the camp manager said.\n\n"
    "Some 2,100 people now sleep in the open, according to the council.",
    "No figures here: the talks resumed on Monday and will go on all week.",
    "",
    "Quake\n\nTwelve people died and dozens were injured; 3,000 homes were damaged in the "
    "province, the ministry said on Friday.\n\n" + PARAGRAPH * 40,
]


@pytest.mark.parametrize("text", TEXTS)
def test_steps_give_the_engines_own_figures_and_count_every_sentence(text):
    article = Article(id="a", text=text, published="2023-05-02")
    steps = []
    figures = extract_with_steps(article, lambda *s: steps.append(s))
    assert figures == extract_figures(article)
    for stage in {s for s, _, _ in steps}:
        done = [d for s, d, _ in steps if s == stage]
        assert done == sorted(done)  # it only goes forward
        assert done[-1] == next(t for s, _, t in steps if s == stage)  # and reaches the end


def test_a_step_that_raises_stops_the_extraction():
    article = Article(id="a", text="Dam\n\n" + PARAGRAPH * 200)
    seen = []

    def step(stage, done, total):
        seen.append((stage, done))
        if stage == "figures" and done > total // 2:
            raise Interrupted()

    with pytest.raises(Interrupted):
        extract_with_steps(article, step)
    assert seen[-1][0] == "figures"


@pytest.mark.parametrize("stage, done, total, words, share", [
    ("numbers", 400, 1000, "finding numbers: sentence 400 of 1,000 (14%)", 0.14),
    ("figures", 1000, 4000, "reading figures: sentence 1,000 of 4,000 (51%)", 0.5125),
    ("", 0, 0, None, 0.0),  # still being read from its file: no sentence count yet
])
def test_the_status_line_and_the_bar_follow_the_article_being_read(stage, done, total, words,
                                                                   share):
    p = Progress(label="Reading uploads", done=1, total=2, current="long report.txt",
                 current_bytes=2_300_000, since=time.monotonic() - 12, stage=stage,
                 stage_done=done, stage_total=total)
    line = status_line(p)
    assert "1 of 2 done · reading long report.txt (2.3 MB), 12 s" in line
    assert (words in line) if words else "sentence" not in line
    assert fraction(p) == pytest.approx((1 + share) / 2)


def _long_upload(db_path: Path) -> IngestJob:
    return IngestJob.from_uploads([("long report.txt", ("Fighting east of the dam\n\n"
                                                        + PARAGRAPH * 20_000).encode())],
                                  db_path)


def _wait_for_sentences(job: IngestJob, seconds: float = 120) -> Progress:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        p = job.progress()
        if p.stage_total and p.stage_done or p.finished:
            return p
        time.sleep(0.01)
    raise AssertionError("no progress within the article")


def test_a_job_reports_progress_within_one_article_and_cancels_in_the_middle(tmp_path):
    job = _long_upload(tmp_path / "nf.db").start()
    p = _wait_for_sentences(job)
    assert not p.finished and p.done == 0 and 0 < fraction(p) < 1
    assert "sentence" in status_line(p)
    job.cancel()
    assert job.wait(120)
    p = job.progress()
    assert p.cancelled and p.interrupted == "long report.txt"
    assert store.counts(store.connect(tmp_path / "nf.db"))["articles"] == 0


@needs_samples
def test_the_add_tab_shows_progress_within_a_long_article_and_its_cancel(db):
    articles_before = store.counts(store.connect(db))["articles"]
    job = _long_upload(db).start()
    try:
        _wait_for_sentences(job)
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)  # the running job handed over
        at.query_params["tab"] = "Add"
        at.session_state["nf_job"] = job
        rerun(at)
        bars = [e for e in at.get("progress")]
        assert bars, "no progress bar"
        text = bars[0].proto.text
        assert "reading long report.txt" in text and "sentence" in text
        assert 0 < bars[0].proto.value < 100
        cancel = next(b for b in at.button if b.key == "cancel_ingest")
        assert "next sentence of a long one" in cancel.help
        cancel.click()
        rerun(at)
        assert job.wait(120)
        rerun(at)
        warning = " ".join(w.value for w in at.warning)
        assert "Cancelled after 0 of 1" in warning
        assert "long report.txt was stopped mid-way and not added" in warning
        assert store.counts(store.connect(db))["articles"] == articles_before
    finally:
        job.cancel()
        job.wait(120)
