"""Assemble figure records: amounts tied to what they count, where, when and who says so.

`extract_figures(article)` is the engine's one entry point: a pure function from an
`Article` to its list of `Figure` records, in text order.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import claims, collection_dates, datelines, dates, places, publishers, sources
from .categories import Reading, clause_limits, read_amounts
from .exclusions import is_excluded
from .numbers import Amount, find_amounts
from .records import Article, Figure
from .sentences import sentence_spans

EXTRACTOR_VERSION = "1"

_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}
_CUES = ("in", "at", "to", "into", "near", "inside", "across", "along", "on", "around",
         "outside", "toward", "towards", "within")


@dataclass(frozen=True)
class _Context:
    """What every figure of one article shares."""

    text: str
    published: str
    publisher: str
    mentions: tuple
    main: object  # places.Place | None


def date_collection(articles: list[Article]) -> list[Article]:
    """The articles of one collection (a folder, one ingest), each with its publication date:
    from its metadata, else its own text, else — when its text gives only weekdays and months —
    the year of the articles it was collected with (see collection_dates)."""
    known = {a.id: a.published for a in articles if a.published}
    found = collection_dates.collection_dates({a.id: a.text for a in articles}, known)
    return [a if a.published or not found.get(a.id) else dataclasses.replace(a, published=found[a.id])
            for a in articles]


def extract_figures(article: Article) -> list[Figure]:
    """Every humanitarian figure of `article`, in text order."""
    text = article.text
    if not text or not text.strip():
        return []
    spans = sentence_spans(text)
    amounts_of = [[a for a in find_amounts(text[s:e]) if not is_excluded(text[s:e], a)] for s, e in spans]
    if not any(amounts_of):
        return []
    published = datelines.publication_date(text, hint=article.published)
    publisher = article.publisher or publishers.infer_publisher(text, url=article.url, title=article.title)
    mentions = places.find_places(_places_text(text, spans, amounts_of))
    context = _Context(text, published, publisher, tuple(mentions), _main_place(text, mentions))
    starts = [m.start for m in mentions]
    figures: list[Figure] = []
    carried = None
    for n, (start, end) in enumerate(spans):
        if n and "\n" in text[spans[n - 1][1]:start]:
            carried = None  # a place carries over within its paragraph only
        amounts = amounts_of[n]
        if not amounts:
            continue
        sentence = text[start:end]
        in_sentence = [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        dateline = _dateline_end(text[start:min(end, start + 80)])
        in_sentence = [_named(text[start:end], start, m) for m in in_sentence if m.start - start >= dateline]
        previous = text[spans[n - 1][0]:spans[n - 1][1]] if n else ""
        countries = [(m.start - start, m.end - start) for m in in_sentence
                     if m.place.level == "country" and not m.demonym]
        readings = read_amounts(sentence, amounts, countries)
        found = [(a, r) for a, r in zip(amounts, readings) if r is not None]
        kept = [a for a, _ in found]
        for i, (amount, reading) in enumerate(found):
            place, own = _place(sentence, start, kept, i, reading, in_sentence, carried, context.main)
            figures.append(_figure(article.id, context, sentence, start, amount, reading, place, previous))
            if own:
                carried = place
    return figures


_OPENING = 3  # headline, standfirst, dateline: they say what the article is about


def _places_text(text: str, spans: list, amounts_of: list) -> str:
    """The text with only what places are needed for: the opening sentences, the sentences
    with amounts and the one before each (blanked elsewhere, offsets kept). Page furniture and
    reader comments far from any figure are neither read nor counted for the main country."""
    keep = set(range(min(_OPENING, len(spans))))
    for n, amounts in enumerate(amounts_of):
        if amounts:
            keep.update((n - 1, n))
    out, last = [], 0
    for n in sorted(k for k in keep if k >= 0):
        start, end = spans[n]
        out.append(_blank(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(_blank(text[last:]))
    return "".join(out)


def _blank(part: str) -> str:
    """Spaces for everything but line breaks, so offsets and line structure stay."""
    return "\n".join(" " * len(line) for line in part.split("\n"))


def _main_place(text: str, mentions: list):
    """The article's main place: the country it names most, counting its towns and provinces.
    (A sub-place as the default misleads more often than it helps: figures about a province
    name it in their own clause.)"""
    counts = Counter(m.place.country for m in mentions
                     if m.place.country and not _ACTOR_NOUN.match(text[m.end:m.end + 24]))
    if not counts:
        return mentions[0].place if mentions else None
    country = counts.most_common(1)[0][0]
    return places.lookup(places.country_name(country)) or places.main_place(text, mentions)


_QUOTE_MAX = 600  # a "sentence" longer than this (a table, a list with no full stops) is cut


def _window(sentence: str, amount: Amount) -> tuple[int, int]:
    """The quote of a figure: its sentence, or in an overlong one the words around it."""
    if len(sentence) <= _QUOTE_MAX:
        return 0, len(sentence)
    half = _QUOTE_MAX // 2
    start = max(0, amount.qualifier_start - half)
    end = min(len(sentence), amount.end + half)
    if start:
        space = sentence.find(" ", start, amount.qualifier_start)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", amount.end, end)
        end = space if space >= 0 else end
    return start, end


def _figure(article_id: str, ctx: _Context, sentence: str, offset: int, amount: Amount,
            reading: Reading, place, previous: str) -> Figure:
    cut, stop = _window(sentence, amount)
    quote, at = sentence[cut:stop], amount.start - cut
    date, date_start = dates.figure_date(quote, ctx.published, at=at, context=previous[-_QUOTE_MAX:])
    source = sources.figure_source(quote, at, previous[-_QUOTE_MAX:])
    name = place.name if place else ""
    return Figure(
        article=article_id, value=amount.value, low=amount.low, high=amount.high,
        qualifier=amount.qualifier, vague=amount.vague, unit=reading.unit, group=reading.group,
        category=reading.category, place=name, country=_country(place, reading, ctx, sentence),
        lat=place.lat if place else None, lon=place.lon if place else None,
        date=date, date_start=date_start, source=source, publisher=ctx.publisher,
        published=ctx.published, quote=quote, start=offset + amount.start, end=offset + amount.end,
        kind=reading.kind, claim=claims.claim_id(amount.value, reading.category, name, source),
    )


def _country(place, reading: Reading, ctx: _Context, sentence: str) -> str:
    """The place's country; people massed at a border while fleeing are still in the country
    they flee: their own ("Syrians"), else the article's main country."""
    if place is None:
        return ""
    if reading.category == "displaced" and "border" in place.name.lower():
        people = _people_country(sentence, reading)
        if people is not None:
            return people.country
        if ctx.main is not None and ctx.main.country:
            return ctx.main.country
    return place.country


_PLURAL_DEMONYM = re.compile(r"([A-Z][a-z]+(?:ans|ians|ese|is|ks|ns))\W*$")


def _people_country(sentence: str, reading: Reading):
    """The country of a counted people named by their demonym: "Syrians", "Burundians"."""
    match = _PLURAL_DEMONYM.search(sentence[:reading.noun_end])
    return _demonym_place(match.group(1)) if match else None


@lru_cache(maxsize=1024)
def _demonym_place(plural: str):
    for singular in (plural[:-1], plural):
        found = [m for m in places.find_places(singular) if m.demonym and m.place.level == "country"]
        if found:
            return found[0].place
    return None


def _place(sentence: str, offset: int, amounts: list[Amount], i: int, reading: Reading,
           mentions: list, carried, main) -> tuple:
    """(place, own): the most specific place named near the amount in its own clause (own),
    else the place a figure before it in the paragraph had, else the article's main place."""
    amount = amounts[i]
    seg_start = amounts[i - 1].end if i > 0 else 0
    seg_end = amounts[i + 1].qualifier_start if i + 1 < len(amounts) else len(sentence)
    clause_start, clause_end = clause_limits(sentence, amount.qualifier_start, amount.end)
    seg_start, seg_end = max(seg_start, clause_start), min(seg_end, clause_end)
    if len(mentions) > 32:  # a long sentence: only the mentions of the amount's own segment
        starts = [m.start for m in mentions]
        mentions = mentions[bisect_left(starts, offset + seg_start):bisect_left(starts, offset + seg_end)]
    local = [m for m in mentions if seg_start <= m.start - offset < seg_end
             and _near(sentence, m.start - offset, m.end - offset, amount)
             and not (i + 1 < len(amounts) and _leads_into(sentence, m.end - offset, amounts[i + 1]))]
    named = [m for m in local if not m.demonym]
    if named:
        return max(named, key=lambda m: _rank(sentence, offset, m, amount, reading)).place, True
    if carried is not None:
        return carried, False
    return main, False


_NEAR = 12  # words between an amount and a place of its own clause
_ACTOR_NOUN = re.compile(r"^[-\s]+(?:forces|troops|soldiers|military|army|navy|air\s+force|airstrikes?|air\s+strikes?|"
                         r"strikes?|raids?|warplanes?|jets|helicopters?|drones?|officials?|government|embassy|"
                         r"president|envoy|ambassador|defen[cs]e|administration|authorities|spokes\w+|gov\.|"
                         r"led|backed|based|made)\b", re.IGNORECASE)
_PLACE_NOUN = re.compile(r"^\s+(?:island|islands|border|borders|frontier|coast|city|town|village|capital|side|"
                         r"territory|waters|province|region|mainland)\b", re.IGNORECASE)


def _named(sentence: str, offset: int, mention):
    """ "a Greek island", "the Turkish border": a demonym before a place noun names a place;
    "U.S. forces", "UK officials": a country before such a noun only says whose they are."""
    after = sentence[mention.end - offset:mention.end - offset + 24]
    if mention.demonym and (mention.place.level != "country" or _PLACE_NOUN.match(after)):
        return dataclasses.replace(mention, demonym=False)
    if not mention.demonym and mention.place.level == "country" and _ACTOR_NOUN.match(after):
        return dataclasses.replace(mention, demonym=True)
    return mention


def _near(sentence: str, start: int, end: int, amount: Amount) -> bool:
    if end <= amount.qualifier_start:
        gap = sentence[end:amount.qualifier_start]
    else:
        gap = sentence[amount.end:start]
    return len(re.findall(r"[A-Za-z0-9]+", gap)) <= _NEAR


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "MANILA, Philippines–", "Amman, Sep. 10 (Petra) --", "GENEVA, Switzerland (AFP)—",
# "Geneva [Switzerland], September 27:", "GENEVA, July 20 Up to ...": where the story was filed.
_DATELINE = re.compile(
    rf"^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?(?:,\s*(?!{_MONTH}\s)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})?"
    rf"(?:,?\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-)"
    rf"|^[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})*(?:,\s*{_NAME})?(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([^)]{{1,30}}\))?\s*(?:--|—|–|-|:)"
    rf"|^{_NAME}(?:\s*\[[^\]]{{1,30}}\])?,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:\([^)]{{1,30}}\)\s*)?(?:--|—|–|-|:|\b)"
)


def _dateline_end(sentence: str) -> int:
    """Where a dateline opening the sentence ends, 0 when it has none."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def _leads_into(sentence: str, end: int, following: Amount) -> bool:
    """A place right before the next amount is that amount's: "followed by Taroudant (452)"."""
    gap = sentence[end:following.qualifier_start]
    return "," not in gap and not re.findall(r"[A-Za-z0-9]+", gap)


def _rank(sentence: str, offset: int, mention, amount: Amount, reading: Reading) -> tuple:
    """Higher is better: introduced by a cue word, after the amount, specific, near."""
    start = mention.start - offset
    before = sentence[max(0, start - 40):start]
    possessor = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]s\s+$", before)
    if possessor:  # "in South Sudan's Upper Nile state": the cue before the possessor
        before = before[:possessor.start()]
    before = before.lower().split()
    cue = before[-1] if before else ""
    after = start >= amount.end
    specific = _SPECIFIC.get(mention.place.level, 0)
    if reading.category == "refugees" and mention.place.level == "country":
        if cue == "from":
            return (False, -1, -abs(start - amount.start))  # where refugees came from
        specific = 6  # refugees: the host country named for them
    return (cue in _CUES and after, specific, -abs(start - amount.start))
