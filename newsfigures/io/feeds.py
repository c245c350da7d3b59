"""RSS and Atom feeds: their items as articles to ingest.

Feeds are parsed by **feedparser** (RSS 0.9x/1.0/2.0 and Atom, dates in any of the forms
feeds use, broken XML tolerated), never by hand. `read_feed` fetches a feed URL (the same
limits and address rules as any URL: `fetch.py`) or reads a feed file; `read_item` reads one
item: the page it links to when that can be fetched (a page, or a PDF), else the item's own
content (its `content:encoded`/Atom content, else its summary), with a note saying so. Either
way the item's title, link and date, and the feed's title as publisher, are the article's
metadata (they win over what the page says about itself, as a manifest does).

An item's `key` says which item it is from one read of the feed to the next (`watch`): its
GUID/Atom id, else its link, else a hash of its title and content.
"""
from __future__ import annotations

import calendar
import hashlib
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..engine.records import Article
from . import fetch as fetch_mod
from .articles import parse_html, read_url, url_article_id
from .decoding import read_bytes
from .names import ArticleError, display_name

log = logging.getLogger(__name__)

MAX_ITEMS = 500  # items read from one feed
FEED_TYPES = fetch_mod.FEED_TYPES
_FEED_START = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: what identifies it, its metadata and its own content."""

    key: str
    title: str
    link: str
    published: str  # YYYY-MM-DD, or ""
    content: str  # HTML or text given in the feed
    feed_title: str
    feed: str  # the feed's URL or file, as shown


@dataclass(frozen=True)
class Feed:
    title: str
    location: str
    items: tuple[FeedItem, ...]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether bytes (served as `content_type`) are an RSS or Atom feed."""
    if content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if not head.startswith(_FEED_START):
        return False
    return any(tag in data[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel"))


def parse_feed(data: bytes, location: str) -> Feed:
    """A feed's bytes -> Feed. ArticleError when they are not a feed."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=True,
                              response_headers={"content-location": location}
                              if location.startswith(("http://", "https://")) else None)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem.__class__.__name__}: {' '.join(str(problem).split())[:120]})" \
            if problem else ""
        raise ArticleError(location, f"not an RSS or Atom feed{detail}")
    title = " ".join((parsed.feed.get("title") or "").split())
    items = tuple(_item(entry, title, location) for entry in parsed.entries[:MAX_ITEMS])
    if len(parsed.entries) > MAX_ITEMS:
        log.warning("%s: only the first %d of %d items read", location, MAX_ITEMS, len(parsed.entries))
    return Feed(title, location, items)


def _item(entry, feed_title: str, location: str) -> FeedItem:
    link = (entry.get("link") or "").strip()
    content = ""
    if entry.get("content"):
        content = entry.content[0].get("value", "") or ""
    content = content or entry.get("summary", "") or entry.get("description", "") or ""
    title = " ".join((entry.get("title") or "").split())
    key = (entry.get("id") or entry.get("guid") or link or "").strip()
    if not key:
        key = "sha256:" + hashlib.sha256(f"{title}\n{content}".encode("utf-8", "replace")).hexdigest()
    return FeedItem(key=key, title=title, link=link, published=_date(entry), content=content,
                    feed_title=feed_title, feed=display_name(location))


def _date(entry) -> str:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))
            except (OverflowError, ValueError):
                continue
    return ""


def read_feed(source: str | Path, *, fetcher: Callable | None = None) -> Feed:
    """A feed URL (fetched with `fetcher`, default `fetch.fetch`) or file -> Feed."""
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        fetcher = fetcher or fetch_mod.fetch
        try:
            page = fetcher(source, accept=fetch_mod.KNOWN_TYPES)
        except fetch_mod.FetchError as e:
            raise ArticleError(source, e.reason)
        if not looks_like_feed(page.body, page.content_type):
            raise ArticleError(source, f"not an RSS or Atom feed (Content-Type: {page.content_type})")
        return parse_feed(page.body, source)
    data = read_bytes(Path(source))
    if not looks_like_feed(data):
        raise ArticleError(source, "not an RSS or Atom feed")
    return parse_feed(data, display_name(source))


def item_id(item: FeedItem) -> str:
    """A readable id for an item's article: its link's, else its title's."""
    return url_article_id(item.link) if item.link else "feed-item"


def read_item(item: FeedItem, *, fetcher: Callable | None = None) -> tuple[Article, str]:
    """One item -> (Article, note): the linked page when it can be fetched, else the item's
    own content ("" note, or why the page was not used). ArticleError when neither has text."""
    note = ""
    article: Article | None = None
    if item.link.startswith(("http://", "https://")):
        try:
            article = read_url(item.link, fetcher=fetcher)
        except ArticleError as e:
            note = f"the linked page was not read ({e.reason}); read from the feed's own content"
    elif item.link:
        note = "the item's link is not an http(s) URL; read from the feed's own content"
    else:
        note = "the item has no link; read from the feed's own content"
    if article is None:
        article = _from_content(item, note)
    changes = {"title": item.title or article.title, "url": item.link or article.url}
    if item.feed_title:
        changes["publisher"] = item.feed_title
    if item.published:
        changes["published"] = item.published
    return replace(article, **changes), note


def _from_content(item: FeedItem, note: str) -> Article:
    content = item.content.strip()
    where = item.link or f"{item.feed} item {item.key}"
    if not content and not item.title:
        raise ArticleError(where, note.replace("; read from the feed's own content", "")
                           + "; the item has no content of its own either")
    html = f"<html><head><title>{_escape(item.title)}</title></head><body><article>" \
           f"<h1>{_escape(item.title)}</h1>{content if '<' in content else _paragraphs(content)}" \
           f"</article></body></html>"
    try:
        article = parse_html(html, article_id=item_id(item), url=item.link, where=where)
    except ArticleError:  # too short for trafilatura to call it an article: the plain text
        text = f"{item.title}\n\n{_plain(content)}".strip()
        article = Article(id=item_id(item), text=text, title=item.title, url=item.link)
    return article


def _plain(content: str) -> str:
    if "<" not in content:
        return content
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(content).text_content().split())
    except (ValueError, lxml.etree.ParserError):
        return content


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_escape(p)}</p>" for p in text.split("\n\n") if p.strip())
