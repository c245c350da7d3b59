"""Where a figure is when its own clause names no place: what the text around it says.

`fallback_place` gives, in this order, the section heading over the sentence, the place the
paragraph before carries in a story told place by place, the place the paragraph before opens
with when its speaker goes on ("He also said ..."), else the article's focus or main place
(`place_context`). `office_place` is the place of the speaker's office said after the figure
("..., the province's governor said"); `sentence_before_place` the one town the sentence
before names, in the same paragraph ("Russian shelling hit Kherson on Tuesday. Two people were
killed, the governor said."); and, for a sentence naming no place, the place a sentence before
names as where the story's event happened ("The attack happened in Khar").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from . import place_context, place_uses, places, scene_towns
from .places import Place


# a total over the whole country or year, which the place of the sentence before does not hold
_WIDER_SCOPE = re.compile(r"\b(?:this\s+year|so\s+far\s+this|in\s+total|overall|altogether|in\s+all|"
                          r"nationwide|countrywide|nationally|national|across\s+the\s+country|"
                          r"throughout\s+the\s+country|(?:whole|entire)\s+country|since\s+the\s+(?:start|beginning))\b",
                          re.IGNORECASE)


# a lower-case word right after a name that makes it a modifier ("Toyota cars", "Kherson residents")
_MODIFIER_AFTER = re.compile(r" (?!(?:on|in|at|and|or|of|to|from|near|after|before|during|as|was|were|is|are|"
                             r"has|had|have|late|early|last|this|that|which|where|when|while|province|state|"
                             r"district|county|region|city|town|village|area|governorate)\b)[a-z]")


def sentence_before_place(doc, n: int):
    """The one place the sentence before names, in the same paragraph, for a sentence that
    names none ("Russian shelling hit Kherson on Tuesday. Two people were killed, the
    governor said."): a town or province of the story's country, not a country, and not for a
    total over the country or the year ("This year's floods have killed 300 people")."""
    if n == 0 or doc.paragraph_of[n] != doc.paragraph_of[n - 1] or _WIDER_SCOPE.search(doc.sentence(n)):
        return None
    named = [m for m in place_uses.sentence_mentions(doc, n - 1) if not m.demonym]
    if any(_MODIFIER_AFTER.match(doc.text, m.end) for m in named):
        return None  # "came in Toyota cars": a name used as a modifier is no place the story is at
    subs = {places.fold_name(m.place.name): m.place for m in named if m.place.level != "country"}
    if len(subs) != 1 or len(named) != sum(1 for m in named if m.place.level != "country"):
        return None  # none, several, or a country beside it
    place = next(iter(subs.values()))
    country = place_context.context(doc).country
    return place if not country or place.country == country else None


# "the city government of X", "the provincial disaster office of X": a place's own body, before its name
_OFFICE_OF = re.compile(r"\b(?:city|provincial|municipal|district|county|town|regional)\s+(?:government|"
                        r"administration|council|(?:disaster\s+)?(?:risk\s+reduction\s+)?office)\s+of\s+$",
                        re.IGNORECASE)


def office_place(doc, n: int, mentions: list, refs: list, after: int):
    """The place of the speaker's office, said after the amount: "..., the province's
    governor said", "..., Bamiyan governor Tahir Zuhair said"; or a place's own body named
    before it: "the city government of Gingoog said 9,900 ..." (None when there is none)."""
    text = doc.text
    start, end = doc.sentences[n]
    for m in doc.places[bisect_left(doc.place_starts, start):bisect_left(doc.place_starts, after)]:
        if m.end <= end and not m.demonym and m.place.level != "country" \
                and _OFFICE_OF.search(text, max(0, m.start - 50), m.start):
            return m.place  # a city's own government reports its own city's count
    for m in mentions:
        if m.start <= after or m.demonym or m.place.level == "country":
            continue
        is_ref = m in refs
        if is_ref and m.text.lower().startswith(("in ", "across ", "throughout ", "of ", "to ", "from ")):
            continue  # "in the province" is a place of the sentence, not of an office
        if is_ref or _OFFICE_AFTER.match(text[m.end:m.end + 40]):
            return m.place
    return None


_OFFICE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:(?:deputy|acting|provincial|state|district|regional|local)\s+)?"
                           r"(?:governor|mayor|police|officials?|authorities|administrator|commissioner|"
                           r"chief\s+minister|disaster|health|emergency|civil\s+defen[cs]e)\b", re.IGNORECASE)


def fallback_place(doc, n: int, *, names_place: bool = False) -> Place | None:
    """The place of a figure of sentence n whose clause names none: its section heading,
    the place the paragraph before carries in a story told place by place, the place the
    paragraph before opens with when its speaker goes on ("He also said ..."), the place its own
    paragraph opens with ("In X, ...", "X: ...") when the sentence names nothing outside that
    place's country, else — when the sentence names no place at all — the article's focus (a province or town when the article
    is about one), else its main place."""
    ctx = place_context.context(doc)
    if n in ctx.headings:
        return ctx.headings[n]
    main = doc.main_place
    paragraph = doc.paragraph_of[n]
    if ctx.carries and ctx.paragraph_places[paragraph] is not None:
        return ctx.paragraph_places[paragraph]  # it names none: the one before carries on
    if paragraph and paragraph < len(ctx.paragraph_leads) and ctx.paragraph_leads[paragraph] is None \
            and ctx.paragraph_leads[paragraph - 1] is not None and not names_place \
            and _SAME_SPEAKER.search(doc.sentence(n)) and not _paragraph_names_place(doc, paragraph):
        return ctx.paragraph_leads[paragraph - 1]  # "He also said two people had been wounded ..."
    opener = ctx.paragraph_openers[paragraph] if paragraph < len(ctx.paragraph_openers) else None
    if opener is not None and (not names_place or all(
            m.place.country == opener.country for m in place_uses.sentence_mentions(doc, n) if not m.demonym)):
        return opener  # "Fiji: The cyclone hit on Saturday. ... 8,400 are in evacuation centres."
    if names_place:  # "... where it buried dozens of homes near the town of Oso": the event's one town
        return scene_towns.own_scene(doc, n) or main
    focus = ctx.focus or main
    scene = _scene_before(doc, n)
    if scene is not None and (focus is None or focus.level == "country" and scene.country == focus.country):
        return scene  # "The attack happened in Khar ... The dead included four soldiers"
    town = scene_towns.scene_town(doc, n)
    if town is not None and (scene_towns.is_wide(focus) or focus.level == "admin1" and places.contains(focus, town)) \
            and town.country == focus.country \
            and not any(not m.demonym for m in place_uses.sentence_mentions(doc, n)):
        # "... in eastern Afghanistan. The bomb went off in Jalalabad." then "Four of the six ...";
        # "... in Sichuan province. The landslide struck Xinmo village." then "15 bodies were found"
        return town
    return scene_towns.own_scene(doc, n) or focus if scene_towns.is_wide(focus) else focus


# "the attack happened in Khar", "the blast occurred at a market in Kaya": where the story's event was
_SCENE = re.compile(r"\b(?:attack|blast|explosion|bombing|incident|shooting|ambush|raid|assault|massacre|"
                    r"clash(?:es)?|fighting|violence)\s+(?:happened|occurred|took\s+place|unfolded)\s+"
                    r"(?:[a-z]+\s+){0,3}?(?:in|at|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?$", re.IGNORECASE)


_SCENE_VERBS = ("happened", "occurred", "took", "unfolded")  # a word every _SCENE holds, lower-cased


def _scene_verbs(text: str) -> list | None:
    """The sorted offsets of the words of `_SCENE_VERBS` in `text` (any case), [] when there
    is none; None when lower-casing moves offsets (then every place is tried)."""
    low = text.lower()
    if len(low) != len(text):
        return None if any(verb in low for verb in _SCENE_VERBS) else []
    out = []
    for verb in _SCENE_VERBS:
        at = low.find(verb)
        while at >= 0:
            out.append(at)
            at = low.find(verb, at + 1)
    return sorted(out)


def _verb_between(verbs: list | None, lo: int, hi: int) -> bool:
    """A scene verb starts in [lo, hi) (always, when offsets are unknown)."""
    if verbs is None:
        return True
    k = bisect_left(verbs, lo)
    return k < len(verbs) and verbs[k] < hi


def _scene_before(doc, n: int) -> Place | None:
    """The last place before sentence n a sentence names as where the story's event happened
    ("The attack happened in Khar, a town in the Bajaur tribal area"): a town or province."""
    def compute(d) -> list:
        text = d.text
        verbs = _scene_verbs(text)
        if not verbs:
            return []  # no event is told as happening anywhere
        return [(m.start, m.place) for m in place_uses.named_places(d)
                if not m.demonym and m.place.level != "country"
                and _verb_between(verbs, max(0, m.start - 90), m.start)
                and _SCENE.search(text, max(0, m.start - 90), m.start)]
    scenes = doc.layer("event_scenes", compute)
    start = doc.sentences[n][0]
    before = [place for pos, place in scenes if pos < start]
    return before[-1] if before else None


# the speaker of the paragraph before goes on: "He also said ...", "..., she added."
_SAME_SPEAKER = re.compile(r"^(?:He|She|They)\s+(?:also\s+|later\s+|further\s+)?(?:said|added|noted|told|"
                           r"reported|wrote|confirmed|stated)\b|,\s+(?:he|she|they)\s+(?:added|said|noted|wrote)\.?[\"”’']?$")


def _paragraph_names_place(doc, paragraph: int) -> bool:
    return any(not m.demonym for k in range(len(doc.sentences)) if doc.paragraph_of[k] == paragraph
               for m in place_uses.sentence_mentions(doc, k))
