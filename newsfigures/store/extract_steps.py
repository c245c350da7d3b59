"""Progress inside one article's extraction, for a long article that takes a minute.

`extract_with_steps(article, step)` returns exactly what `engine.figures.extract_figures`
returns, calling `step(stage, done, total)` on the way: ("numbers", i, n) while the numbers
of sentence i of n are found, then ("figures", i, n) while the amounts of sentence i are
read as figures. `step` may raise `Interrupted` (a cancel): the extraction stops there and
nothing of the article is written.

How, without touching the engine: a `Document`'s layers are computed once and kept in the
instance; its sentence texts and its amounts are put back as tuples of the same items that
report how far they have been read (`_Iterated` when the amounts layer walks every sentence,
`_Indexed` when extraction looks up sentence n's amounts, in order). They are equal to the
plain tuples, so the engine reads the same values; an engine that read them another way
would only report less.
"""
from __future__ import annotations

from typing import Callable

from ..engine.records import Article

Step = Callable[[str, int, int], None]
EVERY = 0.01  # report each 1% of the sentences (and the last one)


class Interrupted(Exception):
    """Raised by a step callback to stop the run (the article is not written)."""


class _Reporter:
    def __init__(self, stage: str, total: int, step: Step) -> None:
        self.stage, self.total, self.step = stage, total, step
        self.every = max(1, int(total * EVERY))
        self.last = -1

    def at(self, i: int) -> None:
        if i - self.last >= self.every or i == self.total:
            self.last = i
            self.step(self.stage, i, self.total)


class _Iterated(tuple):
    """A tuple that reports each item reached when iterated."""

    reporter: _Reporter

    def __iter__(self):
        for i, item in enumerate(tuple.__iter__(self)):
            self.reporter.at(i)
            yield item
        self.reporter.at(len(self))


class _Indexed(tuple):
    """A tuple that reports the furthest index looked up."""

    reporter: _Reporter

    def __getitem__(self, key):
        if isinstance(key, int) and key > self.reporter.last:
            self.reporter.at(key + 1 if key + 1 == len(self) else key)
        return tuple.__getitem__(self, key)


def _watched(kind, items: tuple, stage: str, step: Step) -> tuple:
    out = kind(items)
    out.reporter = _Reporter(stage, len(items), step)
    return out


def extract_with_steps(article: Article, step: Step) -> list:
    """The figures of `article` (as `extract_figures`), reporting how far it has got. An
    engine whose Document no longer has these layers is run as it is, without steps."""
    from ..engine import figures

    try:
        from ..engine.document import Document

        doc = Document(article)
        texts = doc.sentence_texts  # the sentences are split here (quick)
        if not isinstance(texts, tuple) or "sentence_texts" not in vars(doc):
            raise TypeError("not a cached tuple layer")
    except (ImportError, AttributeError, TypeError):
        return figures.extract_figures(article)
    doc.__dict__["sentence_texts"] = _watched(_Iterated, texts, "numbers", step)
    amounts = doc.amounts  # every sentence's numbers found, reported as it goes
    doc.__dict__["sentence_texts"] = texts
    doc.__dict__["amounts"] = _watched(_Indexed, tuple(amounts), "figures", step)
    return figures.extract(doc)
