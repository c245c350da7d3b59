"""Date and extract many articles on every core: the articles of a collection cut into chunks
that forked worker processes first read the own dates of (the collection is then dated here,
from those readings) and then extract, their figures returned in the articles' order.

Forking (not spawning) keeps the start-up the parent has already paid for: the gazetteer, the
vocabulary and the compiled patterns are loaded once, before the fork (`warm_up`), and shared
by the workers. Figures cross back as rows of field values, not pickled dataclasses. The pool is only worth its start
for a batch of some size (`worth_a_pool`); a small batch, a single core, or a platform
without `fork` runs in this process with the same answers. Each article's failure is
returned with it, so one bad article never costs the others.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence

from .collection_dates import OwnDate, own_date
from .records import Article, Figure
from .settings import POOL_CHUNK_CHARS, POOL_MIN_CHARS

log = logging.getLogger(__name__)

Outcome = tuple[list[Figure], "Exception | None"]  # an article's figures, or why it failed


def extract_one(article: Article) -> Outcome:
    """The figures of one article, or the exception its extraction raised."""
    from .figures import extract_figures

    try:
        return extract_figures(article), None
    except Exception as e:  # handed back to the caller with its article, never swallowed
        log.exception("extracting %s failed", article.id)
        return [], e


# A short text whose extraction loads what every extraction needs (gazetteer, vocabulary,
# lazily compiled patterns), in the parent, so that the forked workers share it.
WARM_UP_TEXT = ("GENEVA, March 3 (Reuters) - At least 1,200 people fled their homes in Aleppo "
                "province on Monday, and 14 were killed, the United Nations said.")


def warm_up() -> None:
    """Load, in this process, what each worker would otherwise load again after the fork."""
    from .figures import extract_figures

    extract_figures(Article("warm-up", WARM_UP_TEXT))


Row = tuple  # a Figure's field values (Figure.to_row)


def _extract_chunk(chunk: list[Article]) -> list[tuple[list[Row], "Exception | None"]]:
    out = []
    for article in chunk:
        figures, error = _picklable(extract_one(article))
        out.append(([f.to_row() for f in figures], error))
    return out


def _own_dates_chunk(chunk: list[Article]) -> list[OwnDate]:
    return [own_date(a.text, a.published or "") for a in chunk]


def _picklable(outcome: Outcome) -> Outcome:
    figures, error = outcome
    if error is None:
        return outcome
    try:
        import pickle

        pickle.dumps(error)
        return outcome
    except Exception:  # an exception that cannot cross processes: its type and message do
        return figures, RuntimeError(f"{error.__class__.__name__}: {error}")


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worth_a_pool(articles: Sequence[Article], workers: int) -> bool:
    """Forking pays only for a batch of some size, on more than one core, where fork exists."""
    return (workers > 1 and len(articles) > 1
            and sum(len(a.text) for a in articles) >= POOL_MIN_CHARS
            and "fork" in multiprocessing.get_all_start_methods())


def chunks(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """Consecutive runs of articles of about POOL_CHUNK_CHARS characters each, and at least
    four runs per worker so that a long article does not leave the other cores idle."""
    total = sum(len(a.text) for a in articles)
    target = max(1, min(POOL_CHUNK_CHARS, total // (4 * workers) or 1))
    out: list[list[Article]] = [[]]
    size = 0
    for article in articles:
        if out[-1] and size + len(article.text) > target:
            out.append([])
            size = 0
        out[-1].append(article)
        size += len(article.text)
    return out


def extract_outcomes(articles: Sequence[Article], workers: int | None = None,
                     progress: Callable[[int], None] | None = None) -> Iterator[Outcome]:
    """Each article's outcome, in the articles' order, extracted by `workers` processes (the
    cores by default) when the batch is worth it, else here. `progress(n)` is called as
    each run of n articles is done."""
    workers = default_workers() if workers is None else workers
    if not worth_a_pool(articles, workers):
        for article in articles:
            outcome = extract_one(article)
            if progress is not None:
                progress(1)
            yield outcome
        return
    warm_up()
    runs = chunks(articles, workers)
    with _pool(workers, len(runs)) as pool:
        yield from _pooled_outcomes(pool, runs, progress)


def _pool(workers: int, runs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=min(workers, runs), mp_context=multiprocessing.get_context("fork"))


def _pooled_outcomes(pool: ProcessPoolExecutor, runs: list[list[Article]],
                     progress: Callable[[int], None] | None) -> Iterator[Outcome]:
    for outcomes in pool.map(_extract_chunk, runs):
        if progress is not None:  # before the yield: the caller may stop at the last article
            progress(len(outcomes))
        for rows, error in outcomes:
            yield [Figure.from_row(row) for row in rows], error


def dated_outcomes(articles: Sequence[Article], workers: int | None = None,
                   progress: Callable[[int], None] | None = None) -> Iterator[tuple[Article, Outcome]]:
    """Each article of one collection, dated together with the others (figures.date_collection),
    with its outcome, in the articles' order. With a pool, the workers read each article's own
    date (the costly, per-article part of dating) and then extract; the collection's dating
    itself runs here between the two."""
    from .figures import date_collection

    workers = default_workers() if workers is None else workers
    articles = list(articles)
    if not worth_a_pool(articles, workers):
        dated = date_collection(articles)
        yield from zip(dated, extract_outcomes(dated, 1, progress))
        return
    warm_up()
    runs = chunks(articles, workers)
    with _pool(workers, len(runs)) as pool:
        read = [o for run in pool.map(_own_dates_chunk, runs) for o in run]
        dated = date_collection(articles, own={a.id: o for a, o in zip(articles, read)})
        yield from zip(dated, _pooled_outcomes(pool, chunks(dated, workers), progress))
