"""Reading one source into an article ready to be identified and extracted (`Prepared`):
files, uploads (`Named`), URLs, feeds and their items. Runs in ingest's worker processes;
`read_source` never raises: a source that cannot be read comes back "failed" with its reason."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from ..engine.records import Article, Figure
from ..io import feeds, fetch
from ..io.articles import URL_TYPES, read_article, read_page
from ..io.names import FEED_SUFFIXES, ArticleError, display_name, is_url
from . import dating, identity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Named:
    """A file read from `path` that the user knows by `name` (an upload): its stored origin
    is the name, never the (temporary) path."""

    path: str
    name: str
    kind: str = "upload"


def content_hash(article: Article) -> str:
    """What decides "unchanged": the text and the metadata extraction depends on."""
    payload = json.dumps(
        [article.text, article.title, article.publisher, article.published, article.url],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def extractor():
    from ..engine.figures import EXTRACTOR_VERSION, extract_figures

    return extract_figures, EXTRACTOR_VERSION


# A task for a worker: (source, manifest row or None, URL timeout s, allow private addresses).
Task = tuple["str | Named", "dict | None", float, "bool | None"]


@dataclass(frozen=True)
class Prepared:
    """A source read (or failed), then identified and extracted."""

    source: str  # as shown to the user
    status: str  # "read", "failed", then "extract", "write", or a final status
    article: Article | None = None
    digest: str = ""
    origin: identity.Origin | None = None
    own: str = ""  # the article's own publication date
    dated: str = ""  # the date its figures are extracted with
    figures: tuple[Figure, ...] = ()
    version: str = ""
    reason: str = ""
    target: str = ""  # the stored article it updates, restores or is the same as
    note: str = ""  # how it was read, when that is worth saying (a feed item's own content)


def prepared(source: str, article: Article, kind: str, name: str, location: str = "", *,
             note: str = "") -> Prepared:
    """An article read from `source`, with its digest and stored origin."""
    digest = content_hash(article)
    origin = identity.Origin(kind, location, name) if location else \
        identity.named_origin(kind, name, identity.text_hash(article.text))
    return Prepared(source, "read", article, digest, origin, note=note)


def origin_of(source: "str | Named | feeds.FeedItem") -> tuple[str, str, str, str]:
    """(shown as, kind, location, name) of a source; location "" for named texts."""
    if isinstance(source, feeds.FeedItem):
        if source.link:
            return source.link, "url", identity.normalise_url(source.link), source.link
        location = f"{identity.normalise_url(source.feed)}#item={source.key}" \
            if is_url(source.feed) else f"{source.feed}#item={source.key}"
        return f"{source.feed}: {source.title or source.key}", "url", location, source.title
    if isinstance(source, Named):
        return source.name, source.kind, "", source.name
    if is_url(source):
        return source, "url", identity.normalise_url(source), source
    path = Path(source)
    return display_name(source), "file", display_name(path.resolve()), display_name(path.name)


def source_label(source: "str | Named | feeds.FeedItem") -> str:
    """How a source is named in the report's results (`SourceResult.source`)."""
    return origin_of(source)[0]


def read_source(task: Task) -> "Prepared | list[Prepared]":
    """Read one source into a Prepared ("read" or "failed" with the reason), or a feed into
    one per item. Runs in a worker process; never raises."""
    source, meta, timeout, allow_private = task
    shown, kind, location, name = origin_of(source)
    fetcher = functools.partial(fetch.fetch, timeout=timeout, allow_private=allow_private)
    try:
        if isinstance(source, feeds.FeedItem):
            article, note = feeds.read_item(source, fetcher=fetcher)
            article = dataclasses.replace(article, id=identity.url_stem(source.link) if source.link
                                          else identity.slug(source.title or "feed-item").lower())
            return prepared(shown, article, kind, name, location, note=note)
        if is_feed_file(source):
            return feed_items(feeds.read_feed(source), task)
        if isinstance(source, Named):
            article = read_article(Path(source.path), meta)
            stem = identity.file_stem(source.name)
            article = dataclasses.replace(article, id=stem, path="")
        elif kind == "url":
            try:
                page = fetcher(source, accept=URL_TYPES)
            except fetch.FetchError as e:
                raise ArticleError(source, e.reason)
            if feeds.looks_like_feed(page.body, page.content_type):
                return feed_items(feeds.parse_feed(page.body, source), task)
            article = read_page(page, source, meta)
            article = dataclasses.replace(article, id=identity.url_stem(source))
        else:
            article = read_article(Path(source), meta)
            article = dataclasses.replace(article, id=identity.file_stem(name))
        return prepared(shown, article, kind, name, location)
    except ArticleError as e:
        return Prepared(shown, "failed", reason=e.reason)
    except Exception as e:  # an unexpected reader bug must not stop the run: logged, reported
        log.exception("reading %s failed", shown)
        return Prepared(shown, "failed", reason=f"read failed: {e.__class__.__name__}: {e}")


def is_feed_file(source) -> bool:
    return isinstance(source, (str, Path)) and not is_url(source) \
        and Path(source).suffix.lower() in FEED_SUFFIXES


def feed_items(feed: feeds.Feed, task: Task) -> list[Prepared]:
    """Each item of a feed read (in this worker, one after another)."""
    _, _, timeout, allow_private = task
    out = [read_source((item, None, timeout, allow_private)) for item in feed.items]
    if not out:
        return [Prepared(feed.location, "failed", reason="the feed has no items")]
    return out


def with_own_date(item: Prepared) -> Prepared:
    """The article's own publication date (metadata or text), computed only for the articles
    that will be extracted. Runs in a worker process."""
    return dataclasses.replace(item, own=dating.own_date(item.article))


def extract_prepared(item: Prepared, step=None) -> Prepared:
    """Extract the figures of an identified article with its collection date. Runs in a
    worker process; never raises, except `extract_steps.Interrupted` from `step` (a
    callback `(stage, done, total)` told how far the extraction is: `extract_steps`)."""
    from ..engine import figures as engine_figures
    from .extract_steps import Interrupted, extract_with_steps

    try:
        extract_figures, version = extractor()
        article = dataclasses.replace(item.article, published=item.dated or item.article.published)
        if step is not None and extract_figures is engine_figures.extract_figures:
            figures = tuple(extract_with_steps(article, step))
        else:
            figures = tuple(extract_figures(article))
    except Interrupted:
        raise
    except Exception as e:  # an engine fault in one article: logged with its traceback, reported
        log.exception("extracting %s failed", item.source)
        return dataclasses.replace(
            item, status="failed", reason=f"extraction failed: {e.__class__.__name__}: {e}")
    return dataclasses.replace(item, status="write", figures=figures, version=version)
