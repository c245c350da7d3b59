"""Extract many articles on every core: the dated articles of a collection cut into chunks
that forked worker processes extract, their figures returned in the articles' order.

Forking (not spawning) keeps the start-up the parent has already paid for: the gazetteer and
the vocabulary are loaded once and shared by the workers. The pool is only worth its start
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


def _extract_chunk(chunk: list[Article]) -> list[Outcome]:
    return [_picklable(extract_one(article)) for article in chunk]


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
    runs = chunks(articles, workers)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(runs)), mp_context=context) as pool:
        for outcomes in pool.map(_extract_chunk, runs):
            if progress is not None:  # before the yield: the caller may stop at the last article
                progress(len(outcomes))
            yield from outcomes
