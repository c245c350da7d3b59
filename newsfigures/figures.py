"""Assemble figure records: amounts tied to what they count, where, when and who says so.

`extract_figures(article)` is the engine's one entry point: a pure function from an
`Article` to its list of `Figure` records, in text order.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import claims, dates, places, publishers, sources
from .categories import Reading, read_amounts
from .exclusions import is_excluded
from .numbers import Amount, find_amounts
from .records import Article, Figure
from .sentences import sentence_spans

EXTRACTOR_VERSION = "1"

_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}
_CUES = ("in", "at", "to", "into", "near", "from", "inside", "across", "along", "on", "around",
         "outside", "of", "toward", "towards", "within")


@dataclass(frozen=True)
class _Context:
    """What every figure of one article shares."""

    text: str
    published: str
    publisher: str
    mentions: tuple
    main: object  # places.Place | None


def extract_figures(article: Article) -> list[Figure]:
    """Every humanitarian figure of `article`, in text order."""
    text = article.text
    if not text or not text.strip():
        return []
    published = dates.publication_date(text, hint=article.published)
    publisher = article.publisher or publishers.infer_publisher(text, url=article.url, title=article.title)
    mentions = tuple(places.find_places(text))
    context = _Context(text, published, publisher, mentions, places.main_place(text, list(mentions)))
    figures: list[Figure] = []
    spans = sentence_spans(text)
    carried = None
    for n, (start, end) in enumerate(spans):
        sentence = text[start:end]
        in_sentence = [m for m in mentions if start <= m.start and m.end <= end]
        amounts = [a for a in find_amounts(sentence) if not is_excluded(sentence, a)]
        if amounts:
            previous = text[spans[n - 1][0]:spans[n - 1][1]] if n else ""
            countries = [(m.start - start, m.end - start) for m in in_sentence
                         if m.place.level == "country" and not m.demonym]
            readings = read_amounts(sentence, amounts, countries)
            for i, (amount, reading) in enumerate(zip(amounts, readings)):
                if reading is None:
                    continue
                figures.append(_figure(article.id, context, sentence, start, amounts, i, reading,
                                       in_sentence, carried, previous))
        named = [m for m in in_sentence if not m.demonym]
        if named:
            carried = max(named, key=lambda m: (_SPECIFIC.get(m.place.level, 0), m.start)).place
    return figures


def _figure(article_id: str, ctx: _Context, sentence: str, offset: int, amounts: list[Amount], i: int,
            reading: Reading, mentions: list, carried, previous: str) -> Figure:
    amount = amounts[i]
    place = _place(sentence, offset, amounts, i, reading, mentions, carried, ctx.main)
    date, date_start = dates.figure_date(sentence, ctx.published, at=amount.start, context=previous)
    source = sources.figure_source(sentence, amount.start, previous)
    name = place.name if place else ""
    return Figure(
        article=article_id, value=amount.value, low=amount.low, high=amount.high,
        qualifier=amount.qualifier, vague=amount.vague, unit=reading.unit, group=reading.group,
        category=reading.category, place=name, country=_country(place, reading, ctx),
        lat=place.lat if place else None, lon=place.lon if place else None,
        date=date, date_start=date_start, source=source, publisher=ctx.publisher,
        published=ctx.published, quote=sentence, start=offset + amount.start, end=offset + amount.end,
        kind=reading.kind, claim=claims.claim_id(amount.value, reading.category, name, source),
    )


def _country(place, reading: Reading, ctx: _Context) -> str:
    """The place's country; people massed at a border while fleeing are still in the country
    they flee, the article's main country."""
    if place is None:
        return ""
    if (reading.category == "displaced" and "border" in place.name.lower() and ctx.main is not None
            and ctx.main.country):
        return ctx.main.country
    return place.country


def _place(sentence: str, offset: int, amounts: list[Amount], i: int, reading: Reading,
           mentions: list, carried, main):
    """The most specific place of the amount's own clause, else of its sentence, else the place
    carried from the sentences before, else the article's main place."""
    amount = amounts[i]
    seg_start = amounts[i - 1].end if i > 0 else 0
    seg_end = amounts[i + 1].qualifier_start if i + 1 < len(amounts) else len(sentence)
    local = [m for m in mentions if seg_start <= m.start - offset < seg_end]
    for pool in (local, mentions):
        named = [m for m in pool if not m.demonym]
        if named:
            return max(named, key=lambda m: _rank(sentence, offset, m, amount, reading)).place
    if carried is not None:
        return carried
    demonyms = [m for m in mentions if m.demonym]
    if demonyms:
        return min(demonyms, key=lambda m: abs(m.start - offset - amount.start)).place
    return main


def _rank(sentence: str, offset: int, mention, amount: Amount, reading: Reading) -> tuple:
    """Higher is better: introduced by a cue word, after the amount, specific, near."""
    start = mention.start - offset
    before = sentence[max(0, start - 12):start].lower().split()
    cue = bool(before) and before[-1] in _CUES
    after = start >= amount.end
    specific = _SPECIFIC.get(mention.place.level, 0)
    if reading.category == "refugees" and mention.place.level == "country":
        specific = 6  # refugees: the host country named for them
    return (cue and after, specific, -abs(start - amount.start))
