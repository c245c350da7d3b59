"""Assemble figure records: amounts tied to what they count, where, when and who says so.

`extract(doc)` runs the rules over one `Document` (engine/document.py) and returns its
`Figure` records in text order; `extract_figures(article)` is the same for an `Article`;
`date_collection(articles)` dates the articles of one collection together.
"""
from __future__ import annotations

import dataclasses
import re

from . import claims, collection_dates, dates, figure_places, place_uses, sources
from .categories import Reading, read_amounts
from .document import Document
from .numbers import Amount
from .records import Article, Figure
from .settings import QUOTE_MAX

EXTRACTOR_VERSION = "1"


def date_collection(articles: list[Article], own: dict | None = None) -> list[Article]:
    """The articles of one collection (a folder, one ingest), each with its publication date:
    from its metadata, else its own text, else — when its text gives only weekdays and months —
    the year of the articles it was collected with (see collection_dates). `own`: each
    article's `collection_dates.own_date` when already read (by a pool of workers)."""
    known = {a.id: a.published for a in articles if a.published}
    found = collection_dates.collection_dates({a.id: a.text for a in articles}, known, own)
    return [a if a.published or not found.get(a.id) else dataclasses.replace(a, published=found[a.id])
            for a in articles]


def extract_figures(article: Article) -> list[Figure]:
    """Every humanitarian figure of `article`, in text order."""
    return extract(Document(article))


def extract(doc: Document) -> list[Figure]:
    """Every humanitarian figure of a Document, in text order: for each sentence with
    amounts, what each amount counts (categories), then its place, date and source."""
    if not doc.has_amounts:
        return []
    figures: list[Figure] = []
    carried = None
    crossed = False  # a crossing into a country was told earlier in the paragraph
    for n in range(len(doc.sentences)):
        if n and doc.paragraph_of[n] != doc.paragraph_of[n - 1]:
            carried, crossed = None, False  # a place carries over within its paragraph only
        amounts = doc.amounts[n]
        if not amounts:
            continue
        sentence, start = doc.sentence(n), doc.sentences[n][0]
        mentions = place_uses.sentence_mentions(doc, n)
        countries = [(m.start - start, m.end - start) for m in mentions
                     if m.place.level == "country" and not m.demonym]
        found = [(a, r) for a, r in zip(amounts, read_amounts(sentence, amounts, countries))
                 if r is not None]
        crossing = bool(_CROSSED.search(sentence))
        if crossing and crossed and not countries:  # "... may have crossed in the past 48 hours"
            found = [(a, dataclasses.replace(r, category="refugees") if r.category == "displaced" else r)
                     for a, r in found]
        crossed = crossed or crossing and any(r.category == "refugees" for _, r in found)
        kept = [a for a, _ in found]
        owned = set()
        for i, (amount, reading) in enumerate(found):
            place, own = figure_places.figure_place(doc, n, kept, i, reading, mentions=mentions,
                                                    carried=carried)
            figures.append(_figure(doc, n, amount, reading, place))
            if own:
                carried = place
                owned.add(place)
        if len(owned) > 2:
            carried = None  # "Eight deaths in A, seven in B, six in C": a breakdown's last item is no scope
    return figures


# a crossing told without its country: refugees when the paragraph has said which border
_CROSSED = re.compile(r"\b(?:cross(?:ed|ing|es)?|made\s+it\s+across)\b", re.IGNORECASE)


def _window(sentence: str, amount: Amount) -> tuple[int, int]:
    """The quote of a figure: its sentence, or in an overlong one the words around it."""
    if len(sentence) <= QUOTE_MAX:
        return 0, len(sentence)
    half = QUOTE_MAX // 2
    start = max(0, amount.qualifier_start - half)
    end = min(len(sentence), amount.end + half)
    if start:
        space = sentence.find(" ", start, amount.qualifier_start)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", amount.end, end)
        end = space if space >= 0 else end
    return start, end


def _figure(doc: Document, n: int, amount: Amount, reading: Reading, place) -> Figure:
    sentence, offset = doc.sentence(n), doc.sentences[n][0]
    previous = doc.sentence(n - 1) if n else ""
    cut, stop = _window(sentence, amount)
    quote, at = sentence[cut:stop], amount.start - cut
    date, date_start = dates.figure_date(quote, doc.published, at=at, context=previous[-QUOTE_MAX:])
    source = sources.document_source(doc, n, at, window=(cut, stop))
    name = place.name if place else ""
    return Figure(
        article=doc.article.id, value=amount.value, low=amount.low, high=amount.high,
        qualifier=amount.qualifier, vague=amount.vague, unit=reading.unit, group=reading.group,
        category=reading.category, place=name,
        country=figure_places.figure_country(doc, place, reading, sentence),
        lat=place.lat if place else None, lon=place.lon if place else None,
        date=date, date_start=date_start, source=source, publisher=doc.publisher,
        published=doc.published, quote=quote, start=offset + amount.start, end=offset + amount.end,
        kind=reading.kind, claim=claims.claim_id(amount.value, reading.category, name, source),
        place_level=place.level if place else "", admin1=place.admin1 if place else "",
        approximate=bool(place.approximate) if place else False,
    )
