"""One helper the extraction tests share: the figures a short text yields, as tuples of the
fields a test compares."""
from newsfigures.engine.figures import extract_figures
from newsfigures.engine.records import Article


def figures_of(text: str, *fields: str, published: str = "2020-01-01") -> list[tuple]:
    """(value, *fields) of every figure extracted from `text` as one article ("t") published
    on `published`, in the order the engine gives them."""
    return [(f.value, *(getattr(f, name) for name in fields))
            for f in extract_figures(Article("t", text, published=published))]


def extracted(text: str, published: str = "2020-01-01") -> list:
    """The Figure records extracted from `text` as one article ("t") published on `published`."""
    return extract_figures(Article("t", text, published=published))
