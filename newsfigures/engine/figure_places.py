"""Where a figure is: the place of its own clause, else the paragraph's, else the article's.

Rules over one sentence of a `Document`: which place mentions belong to the sentence (never
the dateline; "U.S. forces" and "Burundi refugees" do not say where, "the Turkish border"
does), which of them an amount takes (the nearest one of its own clause, introduced by a cue
word, the most specific; a phrase standing for a place named before, "in the province"), and
the country of the figure (people massed at a border are in the country they flee; a figure
over several countries has none). When the clause names no place, the figure takes, in this
order: the place of a figure it is part of ("six children were among nine civilians killed in
X"), the place of the figure before it in the paragraph, the place of the speaker's office
("..., the province's governor said"), the section heading over it, the place the paragraph
before carries in a story told place by place, the article's focus (`place_context`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from . import (
    country_cues, list_labels, place_borders, place_context, place_fallbacks, place_items, place_references,
    place_uses, places, several_countries, struck_subjects,
)
from . import gazetteer as gz
from .categories import Reading, clause_limits
from .lexicon import find_triggers
from .numbers import Amount
from .several_countries import ORIGIN_LIST
from .settings import (
    LEAD_SENTENCES, LONG_SENTENCE_MENTIONS, PLACE_FAR_WORDS, PLACE_NEAR_WORDS, POSSESSED_REACH,
)

_UNIT_NAME = re.compile(r"\s(?:LGA|[Dd]istrict|[Cc]ounty|[Ww]oreda|[Uu]pazila|[Tt]ehsil|[Ss]ub-county|[Pp]rovince|"
                        r"[Gg]overnorate|[Ss]tate|[Rr]egion|[Dd]ivision|[Mm]unicipality)$")
_SPECIFIC = {"site": 5, "city": 4, "admin1": 3, "region": 3, "country": 1}


@lru_cache(maxsize=4096)
def _specific(place) -> int:
    """How specific a place is: a site most, a country least; "eastern Indonesia" (a compass
    part of a country) between the country and its provinces ("North Sulawesi province of
    eastern Indonesia" is North Sulawesi)."""
    if places.is_country_part(place) or place_borders.is_border(place):
        return 2  # "Moyale, near the Kenyan border": the town, not the border it is near
    if place.level == "site" and _UNIT_NAME.search(place.name):
        return 3  # "Dokshi village in Gulani LGA": a local government area holds the village
    return _SPECIFIC.get(place.level, 0)
_CUES = frozenset(("in", "at", "to", "into", "near", "inside", "across", "along", "on", "around",
                   "outside", "toward", "towards", "within", "throughout"))
_ARTICLES = frozenset(("a", "an", "the"))
_NAMED_KIND = frozenset(("capital", "city", "town", "port"))
_IN_CUES = frozenset(("in", "at", "inside", "across", "throughout", "within"))  # not "near the capital X"
_ORIGIN_CATEGORIES = frozenset(("refugees", "returned", "killed", "injured", "missing"))
_WORD = re.compile(r"[A-Za-z0-9]+")
_POSSESSOR = re.compile(r"((?:(?:north|south|east|west|central|upper|lower)[a-z]*\s+)?"
                        r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})['’]s\s+$")
# "out of", "among", "including", "of whom": the first amount is part of the second
_PART_OF = re.compile(r"\b(?:among|including|of\s+whom|of\s+them|out\s+of|of\s+the|among\s+them)\b|[—–]|,\s*or\s*$",
                      re.IGNORECASE)
_PLACE_ADJECTIVES = frozenset(("neighbouring", "neighboring", "nearby", "adjacent", "war-torn",
                               "restive", "remote", "neighbour", "neighbor"))
_PLACE_OF = frozenset(("town", "city", "village", "villages", "district", "province", "region", "state",
                       "county", "outskirts", "area", "municipality", "governorate", "island", "capital", "prefecture",
                       "neighborhood", "neighbourhood", "suburb", "quarter", "camp"))
# "in the country's northwest", "near the town of": a place cue a few words before a farther place
_FAR_CUE = re.compile(r"\b(?:in|at|near|inside|outside|around|across)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# ", on the outskirts of the town of", ", near": a phrase that places the figure more closely
_REFINING_GAP = re.compile(r"\s*,\s*(?:in|on|near|at|around|outside)\b[^,.;:()]{0,60}?\s+(?:of\s+)?(?:the\s+)?")
# "South Sudan clashes", "Syria's war": a country named as the place of what people flee
_EVENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:\w+\s+)?(?:clashes|fighting|violence|conflict|war|unrest|crisis|"
                          r"offensive|bombardment|bombing|hostilities|insurgency|turmoil|arrivals|influx|exodus)\b",
                          re.IGNORECASE)  # "new CAR arrivals": whence the arrivals came


# "since the conflict began in Sudan", "fighting in South Sudan": a country named as the place
# of what refugees flee
_EVENT_BEFORE = re.compile(r"\b(?:clashes|fighting|violence|conflict|war|unrest|crisis|offensive|bombardment|"
                           r"hostilities|insurgency|turmoil|persecution|crackdown)\s+(?:[a-z]+\s+){0,2}?in\s+"
                           r"(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)


def is_actor_use(text: str, mention) -> bool:
    """A country named as whose forces or officials they are ("Russian warplanes")."""
    return place_uses.is_actor_use(text, mention)


def figure_country(doc, place, reading: Reading, sentence: str) -> str:
    """The place's country; people massed at a border while fleeing are still in the country
    they flee: their own ("Syrians"), else the article's main country."""
    if place is None:
        return _story_country(doc)  # no place named at all: the country its cue words name, if any
    if not place.country and place.level in ("city", "site", "admin1"):
        # "Dokshi village in Gulani LGA": a place the gazetteer lacks; "Nsanje district": a
        # district named after its town, which the gazetteer knows in one country only
        return _story_country(doc) or gz.namesake_country(place.name)
    if reading.category == "refugees" and place.level == "site" and "border" in place.name.lower():
        side = place_borders.border_side(place.name)
        if side:  # "refugees crossed the Polish border": they are in Poland
            return side
    if reading.category == "displaced" and "border" in place.name.lower():
        people = _people_country(sentence, reading)
        if people is not None:
            return people.country
        across = place_borders.across_border(place, sentence)
        if across:
            return across
        main = doc.main_place
        if main is not None and main.country:
            return main.country
    return place.country


def _story_country(doc) -> str:
    """The country of the story's places, else the one its cue words name (a document layer)."""
    def compute(d) -> str:
        main = d.main_place
        if main is not None and main.country:
            return main.country
        return country_cues.cue_country(d.text)
    return doc.layer("story_country", compute)


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


def figure_place(doc, n: int, amounts: list[Amount], i: int, reading: Reading, *,
                 mentions: list, carried=None) -> tuple:
    """(place, own) of amount i of sentence n: the most specific place named near the
    amount in its own clause (own), else what the article says around it (see the module).
    People displaced inside their own country ("one million Syrians are internally
    displaced") are in it, whatever country the sentences around them name. Refugees whose
    clause names no place are in the country hosting them, never the one they fled."""
    place, own = _figure_place(doc, n, amounts, i, reading, mentions=mentions, carried=carried)
    if place is None and _story_country(doc):
        # an article naming no place but its country's bodies ("NDRRMC", "BNPB"): the spec's
        # "country's name when only the country is known"
        place = gz.country_place(_story_country(doc))
    if reading.category == "refugees" and not own:
        ctx = place_context.context(doc)
        if ctx.host is not None and (place is None or place.country in ctx.fled_from) \
                and not _SEVERAL_HOSTS.search(doc.sentence(n)):
            return ctx.host, False  # refugees are where they are hosted, not in the country they fled
    if reading.category == "displaced" and (place is None or place.level == "country" or not own):
        sentence = doc.sentence(n)
        if _INTERNAL.search(sentence, amounts[i].end, amounts[i].end + 120):
            people = _people_country(sentence, reading)
            if people is not None and (place is None or place.country != people.country):
                return people, False
    return place, own


_SEVERAL_HOSTS = re.compile(r"\b(?:countries|abroad|overseas|the\s+region)\b", re.IGNORECASE)
_INTERNAL = re.compile(r"\binternally\b|\bIDPs\b|\binside\s+(?:the|their)\s+(?:own\s+)?country\b")


def _figure_place(doc, n: int, amounts: list[Amount], i: int, reading: Reading, *,
                  mentions: list, carried=None) -> tuple:
    offset = doc.sentences[n][0]
    refs = place_references.references(doc, n)
    if refs and reading.category == "displaced":
        # people fleeing "to his country" are not there yet: the speaker's country is where
        # refugees are hosted, not where the displaced are
        refs = [m for m in refs if not place_references.is_speaker_country(m)]
    if refs:
        mentions = sorted([*mentions, *refs], key=lambda m: m.start)
    main = doc.main_place
    item = place_items.list_item_place(doc.sentence(n), offset, amounts[i], mentions,
                                       main.country if main is not None else "")
    if item is not None:  # "in Babile (55,000), Gursum (20,000)": a town the gazetteer lacks
        return item, True
    found = _own_place(doc, n, amounts, i, reading, mentions=mentions)
    found = struck_subjects.struck_place(doc, n, amounts[i], mentions, found)  # "Cianjur was jolted by a quake, ..."
    if found is not None:
        return found, True
    # part of the figure after it: "six children were among nine civilians killed in X"
    sentence = doc.sentence(n)
    part = _PART_OF.search(sentence, amounts[i].end, amounts[i + 1].qualifier_start) if i + 1 < len(amounts) else None
    # "1.2 million people were evacuated, including 3.2 lakh from Ganjam": when the whole's
    # verb comes before its parts, a part's place is not the whole's
    if part and not (part.group(0).lower() == "including" and find_triggers(sentence[amounts[i].end:part.start()])) \
            or i + 1 < len(amounts) and _coordinated(sentence, amounts[i], amounts[i + 1]):
        # ... or "18 people were killed and 42 others injured after ... in Borno": what the
        # second of two joined amounts takes far on in the clause is the first's too
        found = _own_place(doc, n, amounts, i + 1, reading, mentions=mentions)
        if found is not None:
            return found, True
    if carried is not None:
        if n and not doc.amounts[n - 1] and not any(not m.demonym for m in mentions):
            # "Nine were killed in Sonora. The first gunfight took place in Agua Prieta. Five were
            # found dead ...": the town named since is nearer than the earlier figure's place
            before = place_fallbacks.sentence_before_place(doc, n)
            if before is not None:
                return before, False
        return carried, False
    labelled = list_labels.list_label_place(doc, n)
    if labelled is not None:
        return labelled, True
    office = place_fallbacks.office_place(doc, n, mentions, refs, offset + amounts[i].end)
    if office is not None:
        return office, False
    if not any(not m.demonym for m in mentions):
        restated = _headline_place(doc, n, amounts, reading)
        if restated is not None:
            return restated, False
        before = place_fallbacks.sentence_before_place(doc, n)
        if before is not None:
            return before, False
    focus = place_context.context(doc).focus
    # a sentence naming a place the figure did not take falls back on the main place, unless
    # what it names is the focus itself ("the Gansu provincial emergency center said ...")
    # ... and unless what it names lies inside the focus ("3.2 lakh from Ganjam" in an Odisha story)
    names_place = any(not m.demonym and m.place != focus and not (focus is not None and places.contains(focus, m.place))
                      for m in mentions)
    return place_fallbacks.fallback_place(doc, n, names_place=names_place), False


def _headline_place(doc, n: int, amounts: list[Amount], reading: Reading):
    """The headline's place for a lead sentence that restates a figure of the headline and
    names no place ("Quake kills 300 in Afghanistan's Herat province" / "A powerful earthquake
    killed at least 300 people and injured 1,000 ..."): the place of the headline's amount of
    the same value, read in the headline's own clause."""
    if n == 0 or doc.paragraph_of[n] != 1 or doc.paragraph_of[0] != 0 or \
            (len(doc.sentences) > 1 and doc.paragraph_of[1] != 1) or n > LEAD_SENTENCES:
        return None  # not a lead sentence under a one-sentence headline
    headline = doc.amounts[0]
    values = {a.value for a in amounts}
    for j, amount in enumerate(headline):
        if amount.value in values:
            return _own_place(doc, 0, list(headline), j, reading, mentions=place_uses.sentence_mentions(doc, 0))
    return None


def _own_place(doc, n: int, amounts: list[Amount], i: int, reading: Reading, *, mentions: list):
    sentence, offset = doc.sentence(n), doc.sentences[n][0]
    amount = amounts[i]
    seg_start = amounts[i - 1].end if i > 0 else 0
    seg_end = amounts[i + 1].qualifier_start if i + 1 < len(amounts) else len(sentence)
    clause_start, clause_end = clause_limits(sentence, amount.qualifier_start, amount.end)
    seg_start, seg_end = max(seg_start, clause_start), min(seg_end, clause_end)
    if not mentions:  # a sentence naming no place: only "across the three countries" may place it
        return several_countries.several_countries_place(doc, sentence, offset, [], [],
                                                         segment=(seg_start, seg_end))
    if len(mentions) > LONG_SENTENCE_MENTIONS:  # a long sentence: only the mentions of the amount's own segment
        starts = [m.start for m in mentions]
        mentions = mentions[bisect_left(starts, offset + seg_start):bisect_left(starts, offset + seg_end)]
    local = [m for m in mentions if seg_start <= m.start - offset < seg_end
             and _near(sentence, m.start - offset, m.end - offset, amount)
             and not (i + 1 < len(amounts) and _leads_into(sentence, m.end - offset, amounts[i + 1]))]
    if i > 0:  # "5 deaths in Agadir, and 3 deaths in Casablanca": Agadir is the 5's item, not the 3's
        local = [m for m in local if m.start - offset >= amount.qualifier_start
                 or not place_items.belongs_before(sentence, amounts[i - 1].end, m.start - offset)]
    if all(m.place.level == "country" for m in local):
        # "... killed by bandits who attacked a Nigerian village in the country's northwest Kaduna state"
        local += _farther_subplaces(doc, sentence, offset, mentions, amount, segment=(seg_start, seg_end))
    if i + 1 < len(amounts) and not any(m.start - offset >= amount.end for m in local) \
            and _coordinated(sentence, amount, amounts[i + 1]):
        # "seven people died and one was missing in Ha Tinh": the place after both is theirs
        following = amounts[i + 1]
        stop = min(clause_limits(sentence, following.qualifier_start, following.end)[1],
                   amounts[i + 2].qualifier_start if i + 2 < len(amounts) else len(sentence))
        local += [m for m in mentions if following.end < m.start - offset < stop
                  and _near(sentence, m.start - offset, m.end - offset, following)]
    named = [m for m in local if not m.demonym and not _bracketed_again(sentence, offset, m, mentions)]
    named = _possessed_for_possessors(sentence, offset, named, mentions)
    named = _without_strays(doc, mentions, named)
    if _has_breakdown_word(sentence):
        named = [m for m in named  # "affected, mostly in Maradi": where a part of them is
                 if not _BREAKDOWN.search(sentence, max(0, m.start - offset - 40), m.start - offset)]
    wide = next((m for m in named if _qualifies_as_wide(sentence, offset, m, amount)), None)
    if wide is not None:
        return wide.place  # "1,545 nationwide deaths, Sindh has reported 678": the whole country's
    several = several_countries.several_countries_place(doc, sentence, offset, named, mentions,
                                                         segment=(seg_start, seg_end))
    if several is not None:
        return several
    if reading.category in ("refugees", "returned"):  # where they came from is not where they are
        named = [m for m in named if _rank(sentence, offset, m, amount, reading)[1] != -1]
    if not named:
        return None
    best = named[0] if len(named) == 1 else max(named, key=lambda m: _rank(sentence, offset, m, amount, reading))
    if best.place.level == "country":
        best = _inner_place(sentence, offset, best, named) or best
    for m in [best, *(m for m in named if m is not best)]:
        country = several_countries.listed_towns_country(sentence, offset, m, mentions)
        if country is not None:
            return country
    return _refined(sentence, offset, best, [m for m in mentions if m.start - offset < seg_end]).place


_WIDE_WORDS = frozenset(("nationwide", "countrywide"))
_NOUN_GAP = re.compile(r"(?:\s+[\w-]+){0,3}\s+")


def _qualifies_as_wide(sentence: str, offset: int, mention, amount: Amount) -> bool:
    """ "1,545 nationwide deaths", "300 people nationwide": a word for the whole country
    inside the amount's own noun phrase, which no province named later in the clause narrows."""
    return mention.text.lower() in _WIDE_WORDS and mention.start - offset >= amount.end \
        and bool(_NOUN_GAP.fullmatch(sentence, amount.end, mention.start - offset))


# "in Punjab", "across northern Sindh": a place cue right before a name
_CUED = re.compile(r"\b(?:in|across|throughout|inside|hit|struck)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")


def _inner_place(sentence: str, offset: int, country, named: list):
    """ "Heavy rains in Punjab displaced 10,000 people in Pakistan": a place of the chosen
    country that the clause also names with a cue is where the figure is, more closely."""
    inner = [m for m in named if m is not country and m.place.country == country.place.country
             and _specific(m.place) > _specific(country.place)
             and _CUED.search(sentence, max(0, m.start - offset - 40), m.start - offset)]
    return max(inner, key=lambda m: _specific(m.place)) if len(inner) == 1 else None


def _bracketed_again(sentence: str, offset: int, mention, mentions: list) -> bool:
    """ "from the Central African Republic (CAR)": a short form in brackets right after the
    place it shortens is read as that place's use, not as a second place."""
    start = mention.start - offset
    bracket = sentence.rfind("(", 0, start)
    if bracket < 0 or sentence[bracket + 1:start].strip():
        return False  # not right after an opening bracket
    return any(m.place == mention.place and m.end <= mention.start
               and not sentence[m.end - offset:start].strip(" (") for m in mentions)


def _farther_subplaces(doc, sentence: str, offset: int, mentions: list, amount: Amount, *, segment) -> list:
    """With no place near the amount but countries, a place of the story's country farther on in
    the amount's own clause (within PLACE_FAR_WORDS words after it): the clause tells where."""
    main = doc.main_place
    if main is None or not main.country:
        return []
    seg_start, seg_end = segment
    farther = [m for m in mentions
               if amount.end <= m.start - offset < seg_end and not m.demonym
               and m.place.country == main.country and m.place.level != "country"
               and len(_WORD.findall(sentence, amount.end, m.start - offset)) <= PLACE_FAR_WORDS
               and _FAR_CUE.search(sentence, max(0, m.start - offset - 40), m.start - offset)][:1]
    if farther and sentence.count("(", 0, amount.qualifier_start) > sentence.count(")", 0, amount.qualifier_start):
        return []  # "Caraga (1,610 evacuees), Bicol (...)": a list's bracketed counts
    return farther


def _refined(sentence: str, offset: int, best, mentions: list):
    """ "inside South Sudan, on the outskirts of the town of Yei": a more specific place of the
    same country in a phrase set off right after the chosen one refines it."""
    for m in mentions:
        if m.start <= best.end or m.demonym:
            continue
        if _REFINING_GAP.fullmatch(sentence, best.end - offset, m.start - offset) \
                and m.place.country == best.place.country \
                and _specific(m.place) > _specific(best.place):
            return m
        break
    return best


def _without_strays(doc, mentions: list, named: list) -> list:
    """Drop a town of a country nothing else in the sentence or the article is about when a
    place of those countries is at hand ("clashes between Bale and Sidama zones in Oromiya":
    not Bale in Switzerland)."""
    if not any(m.place.level in ("city", "site") for m in named):
        return named  # only a town or site may be a stray
    main = doc.main_place
    home = {m.place.country for m in mentions if m.place.level == "country" and m.place.country}
    if main is not None and main.country:
        home.add(main.country)
    def stray(m):
        return m.place.level in ("city", "site") and m.place.country not in home \
            and not any(o.place.country == m.place.country for o in mentions if o is not m)
    kept = [m for m in named if not stray(m)]
    return kept if kept else named


# "mostly in the Maradi and Zinder regions", "including 300 in Aleppo": where part of it is
_BREAKDOWN = re.compile(r"\b(?:mostly|mainly|largely|chiefly|primarily|particularly|especially|notably|"
                        r"most\s+of\s+them|the\s+majority)\s+(?:in|at|from)\s+(?:the\s+)?"
                        r"(?:[A-Z][\w'’-]*\s+(?:and\s+|,\s*)?)*$")
_BREAKDOWN_WORDS = ("most", "mainly", "largely", "chiefly", "primarily", "particularly", "especially", "notably",
                    "majority")  # a word every _BREAKDOWN holds


@lru_cache(maxsize=4096)
def _has_breakdown_word(sentence: str) -> bool:
    """The sentence holds a word that may lead a breakdown ("mostly", "the majority"): a
    cheap test once per sentence before `_BREAKDOWN` is looked for before each place."""
    return any(word in sentence for word in _BREAKDOWN_WORDS)


# "seven people died and one was missing": two amounts of one clause, joined by "and"
_COORDINATION = re.compile(r"^[^,;:()\d]{0,60}\band\s+(?:[a-z]+\s+){0,2}$"
                           r"|^(?:\s+[a-z]+){0,2}\s*,\s+(?!while\b|whereas\b|but\b)(?:[a-z]+\s+){0,2}$")  # "kills 22, injures 300 in X"; not ", while 98 ..."


def _coordinated(sentence: str, amount: Amount, following: Amount) -> bool:
    """The two amounts share what follows the second ("N died and M were injured in X")."""
    return bool(_COORDINATION.match(sentence[amount.end:following.qualifier_start]))


# between a possessor and what it holds: nothing, or a few lower-case adjectives ("Nigeria's
# restive north-eastern Borno state", "Ethiopia's war-torn northern Tigray region")
_HELD_GAP = re.compile(r"\s+(?:[a-z][a-z-]*\s+){0,3}|\s*")


def _possessed_for_possessors(sentence: str, offset: int, named: list, mentions: list) -> list:
    """ "central China's Hubei Province", "northwest Nigeria's Katsina state", "Nigeria's
    restive north-eastern Borno state": the possessor holds the place right after it (over a
    few adjectives), which is the figure's, even where that place stands a word or two beyond
    the reach of the amount."""
    out = []
    for mention in named:
        after = mention.end - offset
        possessed = None
        if sentence[after:after + 2] in ("'s", "’s"):
            possessed = next((m for m in mentions if m is not mention and not m.demonym
                              and 0 <= m.start - offset - after <= POSSESSED_REACH
                              and _HELD_GAP.fullmatch(sentence, after + 2, m.start - offset)), None)
        chosen = possessed or mention
        if chosen not in out:
            out.append(chosen)
    return out


def _near(sentence: str, start: int, end: int, amount: Amount) -> bool:
    """At most PLACE_NEAR_WORDS words between the place and the amount."""
    lo, hi = (end, amount.qualifier_start) if end <= amount.qualifier_start else (amount.end, start)
    if hi - lo < 2 * PLACE_NEAR_WORDS + 1:
        return True  # too short to hold more words (each but the last takes a separator)
    return len(_WORD.findall(sentence, lo, hi)) <= PLACE_NEAR_WORDS


def _leads_into(sentence: str, end: int, following: Amount) -> bool:
    """A place right before the next amount is that amount's: "followed by Taroudant (452)",
    "Kalma camp with 30,000"."""
    gap = sentence[end:following.qualifier_start]
    return "," not in gap and not _WORD.search(gap) or place_items.leads_into(gap)


def _rank(sentence: str, offset: int, mention, amount: Amount, reading: Reading) -> tuple:
    """Higher is better: introduced by a cue word, after the amount, specific, near."""
    start = mention.start - offset
    cue, listed_from = _cue(sentence, start)
    after = start >= amount.end
    specific = _specific(mention.place)
    if mention.place.level in ("country", "region") and (cue == "from" or listed_from) \
            and reading.category in _ORIGIN_CATEGORIES:
        return (False, -1, -abs(start - amount.start))  # where the people came from
    if reading.category == "refugees" and (cue == "from" or listed_from):
        return (False, -1, -abs(start - amount.start))  # "refugees from El Geneina": where they came from
    if reading.category == "refugees" and (_EVENT_BEFORE.search(sentence, max(0, start - 50), start)
                                            or mention.place.level == "country"
                                            and _EVENT_AFTER.match(sentence, mention.end - offset)):
        return (False, -1, -abs(start - amount.start))  # "flee South Sudan clashes", "the war in Sudan": the origin
    if reading.category == "refugees" and mention.place.level == "country":
        specific = 6  # refugees: the host country named for them
    cued = cue in _CUES or cue == "for" and reading.category in ("refugees", "displaced") \
        or cue == "from" and reading.category == "evacuated"  # "flee ... for DRC"; "evacuated from Puri"
    if reading.category in ("killed", "injured", "missing") and struck_subjects.taken_to(sentence, start, cue):
        cued = False  # "12 injured in Jajarkot were airlifted to Surkhet": where they were taken, not hurt
    # "Otash camp with 31,000 ...": the item the count belongs to, over a place named after it
    item = not after and place_items.item_of(sentence[mention.end - offset:amount.qualifier_start])
    return (cued and after or item, specific, -abs(start - amount.start))


@lru_cache(maxsize=8192)
def _cue(sentence: str, start: int) -> tuple[str, bool]:
    """(cue, listed_from) of the place mention at `start` of `sentence`: the word that introduces
    it ("in", "from", "of" read as "in" or "from"), and whether it closes a list of places
    people came "from" ("from A, B and C"). The same for every figure of the sentence."""
    before = sentence[max(0, start - 40):start]
    possessor = _POSSESSOR.search(before)
    if possessor:  # "in South Sudan's Upper Nile state": the cue before the possessor
        before = before[:possessor.start()]
    before = [w for w in before.lower().split() if w not in _ARTICLES]
    while len(before) > 1 and before[-1] in _PLACE_ADJECTIVES:
        before.pop()  # "fled to neighbouring Chad": the cue before the adjective
    cue = before[-1] if before else ""
    if cue in _NAMED_KIND:  # "in the Afghan capital Kabul", "near the port city Hodeidah": the cue before the kind
        cue = next((w for w in reversed(before[-4:-1]) if w in _IN_CUES), cue)
    if cue == "of" and len(before) > 1 and before[-2] in _PLACE_OF:
        # "on the outskirts of the town of Yei": a place named with its kind; but "(mainly)
        # from the western region of Darfur" is where they came from
        cue = "from" if "from" in before[-5:-2] else "in"
    listed = ORIGIN_LIST.search(sentence, max(0, start - 80), start) if cue != "from" else None
    listed_from = listed is not None and listed.group(0)[:4].lower() == "from" \
        and ("," in listed.group(0) or " and " in listed.group(0))  # "from A, B and C"
    return cue, listed_from
