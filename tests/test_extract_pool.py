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


def _weekday_batch() -> list[Article]:
    """Dated wire stories, and one that names only a weekday and a month: its year comes from
    its siblings, whether the own dates are read here or by the workers."""
    dated = [Article(f"d{i}", f"NAIROBI, Feb {d}, 2019 (Reuters) - About {100 + i} families fled "
                              f"floods in Kisumu, the Kenya Red Cross said on {w}.")
             for i, (d, w) in enumerate([(4, "Monday"), (6, "Wednesday"), (8, "Friday")])]
    undated = Article("u", "Some 2,000 people left their homes on Tuesday as the river rose, "
                           "officials said. It is only February, and the rains have just begun.")
    return dated + [undated]


def test_workers_date_the_collection_as_one_process_does(small_pool_threshold):
    batch = _weekday_batch()
    one = {f.article: f.published for f in extract_collection(batch, workers=1)}
    two = {f.article: f.published for f in extract_collection(batch, workers=2)}
    assert one["u"].startswith("2019-02")
    assert two == one


def test_own_dates_read_apart_give_the_collection_the_same_dates():
    from newsfigures.engine import collection_dates as cd

    texts = {a.id: a.text for a in _weekday_batch()}
    own = {key: cd.own_date(text) for key, text in texts.items()}
    assert own["u"].date == "" and own["u"].evidence is not None
    assert own["d0"].date == "2019-02-04" and own["d0"].evidence is None
    assert cd.collection_dates(texts, {}, own) == cd.collection_dates(texts, {})


def test_figures_cross_processes_as_rows_and_come_back_equal():
    from newsfigures import extract

    figures = extract(_weekday_batch()[0])
    assert figures
    assert [type(f).from_row(f.to_row()) for f in figures] == figures


def test_figures_come_one_run_at_a_time_in_the_order_of_the_list(small_pool_threshold):
    from newsfigures import iter_collection

    batch = _batch()
    stream = iter_collection(batch, workers=2)
    first = next(stream)
    assert [first, *stream] == extract_collection(batch, workers=1)
