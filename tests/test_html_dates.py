"""Publication dates of HTML pages: ours against htmldate alone, on pages written for the test.

Each page is a short news page in our own words with its date put where real pages put it:
Open Graph and `name="date"` meta tags, JSON-LD, `itemprop`, `<time>`, the address, a
byline, a dateline, an "Updated:" line above the "Published:" one, related-story lists and
comment dates around the article, a copyright footer. The reader must be right on every page
and, over the table, at least as often right as htmldate alone (its default call, and its
call for the original date), and never write a day the page does not give.
"""
from __future__ import annotations

import htmldate
import pytest

from newsfigures import extract_collection
from newsfigures.io.articles import parse_html
from newsfigures.io.html_dates import publication_day

BODY = ("<p>Flooding along the river has driven 3,150 households from their homes, the "
        "district office said on Tuesday.</p><p>Volunteers opened nine school buildings as "
        "shelters.</p>")
PLAIN = "https://news.example.org/world/river-floods"


def page(head: str = "", article: str = BODY, after: str = "") -> str:
    return (f"<html><head><title>River floods</title>{head}</head><body><article>"
            f"<h1>River floods</h1>{article}</article>{after}</body></html>")


PAGES = [  # (name, html, url, publication date or "" when the page gives no day)
    ("open graph, modified later",
     page('<meta property="article:published_time" content="2021-03-09T08:00:00Z">'
          '<meta property="article:modified_time" content="2021-03-12T10:00:00Z">'),
     PLAIN, "2021-03-09"),
    ("json-ld, modified later",
     page('<script type="application/ld+json">{"@context":"https://schema.org",'
          '"@type":"NewsArticle","datePublished":"2019-11-04T06:30:00+01:00",'
          '"dateModified":"2019-11-20T09:00:00+01:00"}</script>'),
     PLAIN, "2019-11-04"),
    ("time element", page(article='<time datetime="2018-06-02T12:00">2 June 2018</time>' + BODY),
     PLAIN, "2018-06-02"),
    ("itemprop", page(article='<span itemprop="datePublished" content="2013-09-03">Sept 3</span>'
                      + BODY), PLAIN, "2013-09-03"),
    ("name=date meta, a later comment",
     page('<meta name="date" content="2022-04-18">',
          after='<div class="comments"><p>Posted 2022-05-30 by a reader</p></div>'),
     PLAIN, "2022-04-18"),
    ("date in the address", page(), "https://news.example.org/2015/02/27/river-floods",
     "2015-02-27"),
    ("byline, older related stories, copyright range",
     page(article='<p class="byline">By Ana Ruiz, 7 October 2020</p>' + BODY,
          after='<aside><h3>Related</h3><ul><li><a href="/a">Earlier floods</a> 3 January 2010'
                '</li><li><a href="/b">Drought</a> 12 December 2012</li></ul></aside>'
                '<footer>© 2009-2024 Example News</footer>'),
     PLAIN, "2020-10-07"),
    ("published line in the text", page(article="<p>Published 14 August 2017</p>" + BODY),
     PLAIN, "2017-08-14"),
    ("updated line above the published line",
     page(article="<p>Updated: 15 July 2010, 15:27 IST</p><p>Published: 14 July 2010</p>" + BODY),
     PLAIN, "2010-07-14"),
    ("wire dateline with its year",
     page(article="<p>NAIROBI, May 4, 2016 (Reuters) - Flooding along the river has driven "
                  "3,150 households from their homes, officials said.</p>"),
     PLAIN, "2016-05-04"),
    ("first of the month written as a day",
     page(article="<p>Posted on March 1st, 2020</p>" + BODY), PLAIN, "2020-03-01"),
    ("first of the month in the markup",
     page('<meta property="article:published_time" content="2020-09-01T07:00:00Z">'),
     PLAIN, "2020-09-01"),
    ("only a copyright year", page(after="<footer>Copyright 2025 Example News.</footer>"),
     PLAIN, ""),
    ("only a month", page(article="<p>Newsletter, June 2019</p>" + BODY), PLAIN, ""),
    ("no date at all", page(), PLAIN, ""),
]


@pytest.mark.parametrize("name, html, url, want", PAGES, ids=[p[0] for p in PAGES])
def test_the_reader_dates_each_page(name, html, url, want):
    article = parse_html(html, article_id="page", url=url)
    assert article.published == want
    [first, *_] = extract_collection([article])  # the engine keeps the page's date
    assert first.published == want


def test_the_reader_is_right_at_least_as_often_as_htmldate_alone():
    ours = sum(parse_html(h, article_id="p", url=u).published == want for _, h, u, want in PAGES)
    for kwargs in ({}, {"original_date": True}):
        theirs = sum((htmldate.find_date(h, url=u, **kwargs) or "") == want
                     for _, h, u, want in PAGES)
        assert ours >= theirs, kwargs
    assert ours == len(PAGES)


@pytest.mark.parametrize("found, text, kept", [
    ("2020-03-09", "", "2020-03-09"),                       # not a first: kept as it is
    ("2020-03-01", "<p>1 March 2020</p>", "2020-03-01"),
    ("2020-03-01", "<p>01.03.2020</p>", "2020-03-01"),
    ("2020-03-01", "<p>2020-03-01</p>", "2020-03-01"),
    ("2020-03-01", "<p>21 March 2020</p>", ""),            # another day of that month
    ("2020-03-01", "<p>March 2020</p>", ""),
    ("2020-01-01", "<p>© 2020 Example</p>", ""),
    ("", "<p>1 March 2020</p>", ""),
])
def test_a_first_of_the_month_needs_the_day_written(found, text, kept):
    assert publication_day(f"<html><body>{text}</body></html>", "", found) == kept
