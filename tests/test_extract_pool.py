"""A batch extracted by forked workers gives the records one process gives, in the same
order, and one article that fails is reported with its article while the others are kept."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsfigures
from newsfigures import Article, extract_collection
from newsfigures.engine import extract_pool

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _batch() -> list[Article]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    own = ["At least 40 people were killed and 120 injured when the river burst its banks "
           "in Sylhet on Monday, officials said.",
           "Some 3,500 families fled their villages in Cabo Delgado, the UN refugee agency said."]
    return [Article(f"a{i}", text) for i, text in enumerate(texts + own)]


@pytest.fixture
def small_pool_threshold(monkeypatch):
    monkeypatch.setattr(extract_pool, "POOL_MIN_CHARS", 0)


def test_two_workers_give_the_same_records_in_the_same_order(small_pool_threshold):
    batch = _batch()
    assert extract_pool.worth_a_pool(batch, 2)
    one = [f.to_dict() for f in extract_collection(batch, workers=1)]
    two = [f.to_dict() for f in extract_collection(batch, workers=2)]
    assert len(one) > 20
    assert two == one


def test_progress_counts_every_article(small_pool_threshold):
    batch, seen = _batch(), []
    extract_collection(batch, workers=2, progress=seen.append)
    assert sum(seen) == len(batch)


def test_a_small_batch_stays_in_this_process():
    assert not extract_pool.worth_a_pool(_batch()[:2], 2)
    assert not extract_pool.worth_a_pool(_batch(), 1)


def test_chunks_keep_the_order_and_lose_nothing():
    batch = _batch()
    runs = extract_pool.chunks(batch, 2)
    assert [a.id for run in runs for a in run] == [a.id for a in batch]
    assert len(runs) > 1


def test_a_failing_article_is_reported_and_the_others_kept(small_pool_threshold, monkeypatch):
    from newsfigures.engine import figures as engine_figures

    real = engine_figures.extract_figures

    def fragile(article):
        if article.id == "a1":
            raise ValueError("broken on purpose")
        return real(article)

    monkeypatch.setattr(engine_figures, "extract_figures", fragile)  # inherited by the fork
    errors: list = []
    got = extract_collection(_batch(), workers=2, errors=errors)
    assert [(a.id, str(e)) for a, e in errors] == [("a1", "broken on purpose")]
    assert got and all(f.article != "a1" for f in got)
    with pytest.raises(ValueError):
        newsfigures.extract_collection(_batch(), workers=2)
