"""newsfigures: humanitarian figures from news articles, with where, when and who says so.

    from newsfigures import read_article, extract
    figures = extract(read_article("data/articles/some-article.txt"))

The package in layers, each importing only the ones below it:
    engine/     the extraction engine (standard library and its own data only)
    io/         reading articles, manifests and pages; fetching URLs; exports
    store/      the SQLite database: schema, writes, frames, dating, ingest
    dashboard/  the builders app.py wires together (filters, charts, marking, estimates)
    cli.py      the command line (`python -m newsfigures`)
"""
from __future__ import annotations

import logging

import dataclasses
from typing import Callable, Iterable, Iterator

from .engine.records import Article, Figure
from .engine.version import __version__
from .io.articles import read_article

log = logging.getLogger(__name__)

__all__ = ["Article", "Figure", "__version__", "extract", "extract_collection", "iter_collection", "read_article"]


def extract(article: Article, published: str | None = None) -> list[Figure]:
    """Every humanitarian figure of `article`, in text order. `published` (an ISO date)
    stands in for the article's own publication date when given."""
    from .engine.figures import extract_figures  # here, not above: `import newsfigures` stays light

    if published is not None:
        article = dataclasses.replace(article, published=published)
    return extract_figures(article)


def extract_collection(articles: Iterable[Article], *, errors: list | None = None,
                       workers: int | None = 1,
                       progress: Callable[[int], None] | None = None) -> list[Figure]:
    """The figures of articles read together (a folder, one ingest), in their order: the
    articles are first dated as one collection (one that gives only weekdays and months takes
    the year of the others), then each is extracted — by `workers` forked processes (None:
    every core) when the batch is large enough to be worth it (engine/extract_pool.py).
    With `errors` (a list), an article whose extraction fails is skipped and
    `(article, exception)` appended to it; without, it raises. `progress(n)` is called as
    each run of n articles is done."""
    return list(iter_collection(articles, errors=errors, workers=workers, progress=progress))


def iter_collection(articles: Iterable[Article], *, errors: list | None = None,
                    workers: int | None = 1,
                    progress: Callable[[int], None] | None = None) -> Iterator[Figure]:
    """`extract_collection`, figure by figure as each run of articles is done, so that a
    caller writes the first figures while the workers extract the rest."""
    from .engine.extract_pool import dated_outcomes

    for article, (figures, error) in dated_outcomes(articles, workers, progress):
        if error is not None:
            if errors is None:
                raise error
            errors.append((article, error))
            continue
        yield from figures
