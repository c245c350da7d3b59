"""Which place a candidate name is, or that it is none: scoring and resolution with the text as context.

1. Country names and demonyms ("Syrian refugees") give the countries the text is about
   (`context_countries`); provinces named with a type word ("Konar province") are noted too
   (`named_admin1s`).
2. Each candidate is resolved towards those (`resolve`): its namesakes are scored by level,
   population, country and type word (`score`), and the best is kept only when the evidence
   is enough — a cue or type word, a known country, a big enough population, no sign of a
   person or of an adjective ("the Somali region of Gedo").
3. A name a cue settled somewhere in the text is that place elsewhere in it too
   (`settled_names`, `second_chance`).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache, partial

from . import country_roles
from . import gazetteer as gz
from .place_scan import (
    AMBIGUOUS_COUNTRY, CUES, FUNCTION, TYPE_ADMIN, TYPE_ADMIN_OF, TYPE_CITY, Candidate, Context, evidence,
    may_be_typed,
)
from .settings import (
    LONE_TOWN, LONE_TOWN_OWN_NAME, PLACE_VERB_TOWN, LONE_TOWN_RIVAL_SHARE, NAMED_ADMIN1_MAX_NAMESAKES, NAMESAKE_RATIO,
    SCORE_CITY, SCORE_IN_CONTEXT, SCORE_IN_NAMED_ADMIN1, SCORE_LEVEL, SCORE_TOP, SCORE_TYPE, TOWN_ABROAD,
    VILLAGE_NAMESAKE, DATELINE_CITY_MIN,
)



def score(p: tuple, ctx_countries: Counter, top: str, ev: dict, admin1s: frozenset = frozenset()) -> float:
    """How well gazetteer row `p` fits a candidate: its level, size, country, type word, and
    whether it lies in a province the article names."""
    return _score(_row_score(p), ctx_countries, top, ev, admin1s)


@lru_cache(maxsize=1 << 14)
def _pid_score(pid: int) -> tuple:
    """`_row_score` of place `pid` (kept: a name's namesakes are scored in every article)."""
    return _row_score(gz.row(pid))


def _row_score(p: tuple) -> tuple:
    """(level, country, folded admin1 of a city, the score of its level and size) of row `p`:
    what `score` reads of it whatever the article."""
    level, cc, pop = p[4], p[1], p[6]
    s = SCORE_LEVEL.get(level, SCORE_CITY)
    if level == "city":
        s += 3 * math.log10(pop + 1)
    elif level == "admin1":
        s += math.log10(pop + 1)  # of two provinces of one name, the bigger
    return level, cc, fold_admin1(p[5]) if level == "city" else "", s


def _best_scored(pids, countries: Counter, top: str, ev: dict, admin1s: frozenset) -> int:
    """The first of `pids` with the highest `score` (as `max` picks it)."""
    scores = list(map(partial(_score, ctx_countries=countries, top=top, ev=ev, admin1s=admin1s),
                      map(_pid_score, pids)))
    return pids[scores.index(max(scores))]


def _score(row_score: tuple, ctx_countries: Counter, top: str, ev: dict, admin1s: frozenset) -> float:
    level, cc, admin1, s = row_score
    if level == "city" and admin1s and (cc, admin1) in admin1s:
        s += SCORE_IN_NAMED_ADMIN1
    if cc and cc in ctx_countries:
        s += SCORE_IN_CONTEXT + (SCORE_TOP if cc == top else 0)
    elif not cc and level == "region":
        s += SCORE_IN_CONTEXT + SCORE_TOP  # "Africa", "the Sahel": over every country of the text
    if ev.get("type_admin") and level == "admin1":
        s += SCORE_TYPE
    if ev.get("type_city") and level == "city":
        s += SCORE_TYPE
    return s


def resolve(ctx: Context, c: Candidate, top: str) -> tuple[int | None, bool]:
    """(place id or None, is demonym) for one candidate."""
    key = c.key
    single = c.i == c.j
    if _RIVER.match(ctx.text, c.end):
        return None, False  # "the Juba river": a river, not the town it is named like
    if single and key in gz.gazetteer().never and not (
            may_be_typed(ctx.toks, c) and evidence(ctx, c)["type_admin"] and _one_province(key, ctx.countries)):
        return None, False  # "Unity" is no place, "Unity State" is
    ev = c.ev or evidence(ctx, c)
    if ev["title"]:
        return None, False
    if single and key.replace("-", "") in _COMPASS_POINTS and _CAPITAL_NEXT.match(ctx.text, c.end):
        return None, False  # "Northeast Nigeria" in a headline: where in Nigeria, not a province abroad
    needs = gz.gazetteer().abbreviations.get(key)
    if needs is not None and single and not (ctx.text[c.start:c.end].isupper() and needs in ctx.countries):
        return None, False  # "KP", "AJK": a province's short form, only upper case in a story of its country
    # the same name with the same evidence resolves the same way throughout the article
    memo_key = (key, single, *ev.values())
    r = ctx.memo.get(memo_key)
    if r is None:
        r = ctx.memo[memo_key] = _resolve(ctx, key, single, ev, top)
    return r


_RIVER = re.compile(r"[ \t]+rivers?\b")
_COMPASS_POINTS = frozenset("north south east west northeast northwest southeast southwest northern southern "
                            "eastern western northeastern northwestern southeastern southwestern".split())
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


@lru_cache(maxsize=1 << 12)
def fold_admin1(name: str) -> str:
    return gz.fold_name(name) if name else ""


def named_admin1s(ctx: Context, cands: list[Candidate]) -> frozenset:
    """(country, folded admin1) of the provinces the text names with a type word ("Konar
    province", "the state of Trujillo"): a city there wins over its namesakes elsewhere."""
    out = set()
    words_, lower = ctx.toks.words, ctx.toks.lower()
    n = len(words_)
    for c in cands:
        after = lower[c.j + 1] if c.j + 1 < n else ""
        before = lower[c.i - 2] if c.i >= 2 and words_[c.i - 1] == "of" else ""
        if (after not in TYPE_ADMIN and before not in TYPE_ADMIN_OF) or not evidence(ctx, c)["type_admin"]:
            continue
        pids = gz.ids(c.key)
        if not pids or len(pids) > NAMED_ADMIN1_MAX_NAMESAKES:
            continue
        for p in pids:
            row = gz.row(p)
            if row[4] == "admin1":
                out.add((row[1], fold_admin1(row[5] or row[0])))
            elif row[4] == "city" and row[5]:
                out.add((row[1], fold_admin1(row[5])))
    return frozenset(out)


def _named(name: str, key: str) -> bool:
    """The place's own name is the name written ("Haiphong" for "Hai Phong"); any name when
    the written one is not given."""
    return not key or gz.fold_name(name).replace(" ", "") == key.replace(" ", "")


def best_place(pids: tuple[int, ...], countries: Counter, top: str, ev: dict,
               admin1s: frozenset = frozenset(), *, key: str = "") -> int:
    """The best of the places of one name; a capital named like its province ("Aleppo") is
    the city unless a type word says otherwise (not a town that is only another spelling of
    the name: "Antioquia" is the province, not Santa Fe de Antioquia)."""
    if len(pids) == 1:
        return pids[0]  # (no namesake to weigh it against)
    rows = gz.row
    best = _best_scored(pids, countries, top, ev, admin1s)
    if ev.get("type_admin") and top and rows(best)[1] != top:
        # "Santa Barbara County" in a Californian story: the namesake of the story's country,
        # not a province abroad that the type word would favour
        at_home = [p for p in pids if rows(p)[1] == top]
        if at_home:
            best = _best_scored(at_home, countries, top, ev, admin1s)
    if ev.get("dateline"):
        # "DHAKA, May 21 (Reuters) -": a wire dateline names the big city, not its small
        # namesake in the country the story also names
        biggest = max(pids, key=lambda p: rows(p)[6])
        if rows(biggest)[6] >= DATELINE_CITY_MIN and rows(biggest)[6] >= 10 * rows(best)[6]:
            best = biggest
    bp = rows(best)
    if bp[4] == "admin1" and not ev.get("type_admin"):
        twin = [p for p in pids if rows(p)[4] == "city" and rows(p)[1] == bp[1]
                and rows(p)[6] >= 1000 and rows(p)[5] == bp[5] and _named(rows(p)[0], key)]
        if twin:
            best = max(twin, key=lambda p: rows(p)[6])
    return best


def _resolve(ctx: Context, key: str, single: bool, ev: dict, top: str) -> tuple[int | None, bool]:
    g = gz.gazetteer()
    pids = _in_context_without_type_word(key, gz.ids(key), ctx.countries)
    demonym = g.demonyms.get(key)
    if not pids:
        if demonym and demonym in g.country_ids:
            return g.country_ids[demonym], True  # "Syrian Observatory" still tells the country
        return None, False
    best = best_place(pids, ctx.countries, top, ev, ctx.admin1s, key=key)
    name, cc, _lat, _lon, level, _admin1, pop, _approx = gz.row(best)
    in_ctx = cc in ctx.countries
    strong_cue = ev["cue"] or ev["type_admin"] or ev["type_city"]
    if demonym and demonym in g.country_ids and level in ("admin1", "city") and (
            not strong_cue or ev["adjective"]):
        return g.country_ids[demonym], True  # "Somali civilians", "Thai soldiers"
    if level == "admin1" and not ev["type_admin"]:
        # "southeastern Niger": the country, not a province of that name abroad
        country = next((p for p in pids if gz.row(p)[4] == "country"), None)
        if country is not None and gz.row(country)[1] != cc:
            return country, False
    if key in g.stop and not strong_cue:
        return None, False
    if level in ("country", "region", "site"):
        if ev["in_run"] and single and level != "country" and not in_ctx:
            return None, False
        if ev["in_run"] and level == "country" and (key in AMBIGUOUS_COUNTRY or ev["enclosed"] and single):
            return None, False  # "Agence France Presse": a word of a name
        return best, False
    if ev["speech"] and not strong_cue:
        return None, False
    if ev["dateline"] and level == "city" and pop >= DATELINE_CITY_MIN:
        return best, False  # "GENEVA (AP) -" in a story about another country
    if ev["in_run"]:
        return None, False
    if not strong_cue and single and ctx.index.has_lower_word(key):  # lower-case elsewhere
        return None, False
    if level == "admin1":
        if strong_cue or in_ctx:
            return best, False
        if not ev["initial"] and pop >= 1_000_000:
            return best, False
        return None, False
    # city
    if ev["settlement"] and not in_ctx and (ctx.countries or pop >= VILLAGE_NAMESAKE) \
            and (cc, fold_admin1(_admin1)) not in ctx.admin1s:
        return None, False  # "the village of X" abroad: a namesake, not the big city
    if in_ctx:
        major = ctx.countries.get(cc, 0) >= 0.3 * ctx.countries.get(top, 0)
        if strong_cue and (pop >= 1000 or not single) and (major or pop >= 15000):
            return best, False
        if pop >= 15000 and not (ev["initial"] and single and pop < 100000):
            return best, False
        if ev["cue"] and pop == 0 and major and not (ev["initial"] or ev["type_admin"] or ev["type_city"]) \
                and all(gz.row(p)[1] == cc for p in pids):
            return best, False  # "In Bardiya, 17 died": a district seat the gazetteer lists without a population
        if ev["place_verb"] and single and major and pop >= PLACE_VERB_TOWN and not _named_as_person(ctx, key):
            return best, False  # "Mangochi has recorded 40 deaths" in a story about Malawi
        return None, False
    if strong_cue and pop >= 50000 and not ev["initial"]:
        return best, False
    lone = pop >= LONE_TOWN or (pop >= LONE_TOWN_OWN_NAME and gz.fold_name(name) == key)
    if strong_cue and not ctx.countries and lone and not ev["initial"] and not ev["type_admin"] \
            and _dwarfs_namesakes_abroad(pids, cc, pop):
        return best, False  # "in Tikrit", "in Phalombe" in a text naming no country
    if pop >= 100000 and not (ev["initial"] and pop < 1_000_000):
        return best, False
    return None, False


_NAME_BEFORE = r"\b(?P<before>[A-Z][a-z]+)\.? "


def _named_as_person(ctx: Context, key: str) -> bool:
    """The name stands somewhere in the text as a surname: after a first name or a title
    ("Joyce Banda", "President Banda"), not after a cue or a type word ("In Banda", "North
    Banda") nor on a headline in Title Case."""
    pattern = re.compile(_NAME_BEFORE + r"(?i:" + re.escape(key).replace(r"\ ", r"\s+") + r")\b")
    for match in pattern.finditer(ctx.text):
        before = match.group("before").lower()
        if before in CUES or before in FUNCTION or before in TYPE_ADMIN or before in TYPE_CITY \
                or before in _COMPASS or ctx.index.title_case_line(match.start()):
            continue
        return True
    return False


_COMPASS = frozenset("north south east west northern southern eastern western central upper lower greater".split())


def _in_context_without_type_word(key: str, pids: tuple[int, ...], countries: Counter) -> tuple[int, ...]:
    """ "Zambia's Western Province" where the gazetteer calls it "Western": a name ending in a
    type word that none of the article's countries has is the province of the bare name there."""
    if not countries:
        return pids
    head, space, last = key.rpartition(" ")
    if not space or last not in TYPE_ADMIN or any(gz.row(p)[1] in countries for p in pids):
        return pids
    local = tuple(p for p in gz.ids(head) if gz.row(p)[4] == "admin1" and gz.row(p)[1] in countries)
    return local or pids


def _one_province(key: str, countries: Counter) -> bool:
    """The provinces of the name lie in one country, or one of them in the article's."""
    ccs = {gz.row(p)[1] for p in gz.ids(key) if gz.row(p)[4] == "admin1"}
    return len(ccs) == 1 or bool(ccs & set(countries))


def _dwarfs_namesakes_abroad(pids: tuple[int, ...], cc: str, pop: int) -> bool:
    """Every place of the name abroad is a village a tenth of the town's size or less (most
    often there is none)."""
    for p in pids:
        row = gz.row(p)
        if row[1] != cc and (row[4] != "city" or row[6] * LONE_TOWN_RIVAL_SHARE > pop):
            return False
    return True


def settled_names(ctx: Context, cands: list[Candidate], resolved: list) -> dict:
    """Names a cue or type word settled somewhere in the text ("Parwan province", "in
    Bamiyan"): name -> place id, for the provinces and towns that resolved one way only."""
    typed: dict = {}  # settled by a type word ("Caraga region"), which outweighs a cue alone
    cued: dict = {}
    for c, (pid, dem) in zip(cands, resolved):
        if pid is None or dem or gz.row(pid)[4] not in ("admin1", "city"):
            continue
        ev = evidence(ctx, c)
        seen = typed if ev["type_admin"] or ev["type_city"] else cued if ev["cue"] else None
        if seen is not None:
            seen[c.key] = pid if seen.get(c.key, pid) == pid else None
    settled = {k: v for k, v in cued.items() if v is not None}
    settled.update({k: v for k, v in typed.items() if v is not None})
    return settled


def second_chance(ctx: Context, c: Candidate) -> bool:
    """A rejected name may take the place its name settled elsewhere in the text ("Bamiyan
    governor" after "in Bamiyan"): not when it reads as a person's or an organisation's."""
    g = gz.gazetteer()
    ev = evidence(ctx, c)
    if ev["title"] or ev["speech"] or ev["in_run"] or c.key in g.stop or c.key in g.never:
        return False
    return not (c.i == c.j and ctx.index.has_lower_word(c.key))


@lru_cache(maxsize=1 << 14)
def name_country(key: str) -> tuple[float, str]:
    """(weight, country) a name gives the article's countries, before its context is read."""
    g = gz.gazetteer()
    pids = gz.ids(key)
    weight, cc = 0.0, ""
    if pids:
        first = gz.row(pids[0])
        if first[4] == "country":
            rivals = any(gz.row(p)[4] == "admin1" and gz.row(p)[1] != first[1] for p in pids)
            weight, cc = (0.0 if rivals else 1.0), first[1]
        elif first[4] in ("region", "site") and first[1]:
            weight, cc = 0.5, first[1]
        elif len({gz.row(p)[1] for p in pids}) == 1 and first[6] >= 200_000:
            weight, cc = 0.5, first[1]
        elif first[4] == "admin1" and first[6] >= 1_000_000 and all(
                gz.row(p)[6] * NAMESAKE_RATIO < first[6] if gz.row(p)[1] != first[1]
                else gz.row(p)[4] != "city" or gz.row(p)[6] < VILLAGE_NAMESAKE for p in pids[1:]):
            # "California": its namesakes abroad are small towns, and no city of its own bears
            # its name (the "village of Jerusalem" in Nigeria is not told by Jerusalem district)
            weight, cc = 0.5, first[1]
    elif key in g.demonyms:
        weight, cc = 1.0, g.demonyms[key]
    return weight, cc


@lru_cache(maxsize=1 << 12)
def province_country(key: str) -> tuple[float, str]:
    """(weight, country) of a name followed by a province word ("Parwan province"): its
    country when all its provinces lie in one."""
    pids = gz.ids(key)
    ccs = {gz.row(p)[1] for p in pids if gz.row(p)[4] == "admin1"}
    if len(ccs) != 1:
        return 0.0, ""
    cc = ccs.pop()
    # a name that is also a big town abroad ("Santa Barbara") tells its country less surely
    towns_abroad = any(gz.row(p)[1] != cc and gz.row(p)[6] >= TOWN_ABROAD for p in pids)
    return (0.25 if towns_abroad else 0.5), cc


def context_countries(ctx: Context, cands: list[Candidate]) -> Counter:
    """Countries the article is about: country names and demonyms count 1; hand-listed
    regions and sites, and big unambiguous cities and provinces count 0.5; the neighbour across
    a border and a backer of one side count nothing (country_roles)."""
    g = gz.gazetteer()
    cnt: Counter = Counter()
    words_, lower = ctx.toks.words, ctx.toks.lower()
    n = len(words_)
    for c in cands:
        if c.key in g.never or c.key in g.stop or c.key in g.abbreviations or _RIVER.match(ctx.text, c.end):
            continue
        weight, cc = name_country(c.key)
        if not weight:
            after = lower[c.j + 1] if c.j + 1 < n else ""
            before = lower[c.i - 2] if c.i >= 2 and words_[c.i - 1] == "of" else ""
            if (after in TYPE_ADMIN or before in TYPE_ADMIN_OF) and evidence(ctx, c)["type_admin"]:
                weight, cc = province_country(c.key)
        if not cc or not weight:
            continue
        ev = c.ev or evidence(ctx, c)
        if ev["title"] or (ev["in_run"] and (c.key in AMBIGUOUS_COUNTRY or weight < 1)):
            continue
        if _after_role_word(ctx.text, c.start) and (
                country_roles.is_neighbour_use(ctx.text, c.start) or country_roles.is_backer_use(ctx.text, c.start)):
            continue  # "near the border with Cameroon", "backed by the UAE": not what the article is about
        cnt[cc] += weight
    return cnt


_ROLE_WORDS = ("with", "by", "to")  # "border with", "backed by", "allied to": what country_roles' patterns end with
_ROLE_REACH = 40  # as far back as they look


def _after_role_word(text: str, start: int) -> bool:
    """A cheap test before country_roles' patterns: the words before `start` end with "with",
    "by" or "to" (and perhaps "the") and white space."""
    before = text[max(0, start - _ROLE_REACH):start]
    if not before[-1:].isspace():
        return False
    if not before.isascii():
        return True  # (their patterns ignore case the Unicode way: "İ" is an "i")
    before = before.rstrip().lower()
    if before.endswith("the"):
        before = before[:-3].rstrip()
    return before.endswith(_ROLE_WORDS)
