"""Candidate place names in a text, and which place each one is (or that it is none).

One pass over the text's word tokens: every capitalised token starts n-grams (up to six
tokens, over lower-case connectors: "Ras al Ain", "Bosnia and Herzegovina") whose folded form
is looked up in the gazetteer; the longest known one is the candidate. Each candidate is then
judged with the whole article as context:
1. country names and demonyms ("Syrian refugees") give the countries the article is about
   (`context_countries`);
2. each candidate is resolved towards those countries and kept only when the evidence is
   enough (`resolve`): a cue before it ("in", "near", "the town of", "the province of"), a
   type word after it ("province", "city"), its population, and no sign of a person ("Mr",
   "Kerry said") or of a longer name it is part of ("Human Rights Watch").
Every per-text index (lines, lower-case words) is built once, on demand, so the cost stays
linear in the text.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress
from operator import itemgetter, or_

from . import gazetteer as gz
from .gazetteer import APOSTROPHES, TOKEN, fold_token
from .vocabulary import table


@cache
def words(role: str) -> frozenset[str]:
    """The words of one role in vocabulary/place_words.csv ("cue", "title", ...)."""
    return frozenset(r["word"].lower() for r in table("place_words") if r["role"] == role)


CUES = words("cue")
TYPE_ADMIN = words("type_admin")
TYPE_CITY = words("type_city")
SITE_WORDS = words("site")
SITE_OF_WORDS = words("site_of")
TITLES = words("title")
SPEECH = words("speech")
FUNCTION = words("function")
CONNECTORS = words("connector")
SITE_CONNECTORS = CONNECTORS - {"of", "the", "and", "i", "e", "y"}
AMBIGUOUS_COUNTRY = words("ambiguous_country")  # country names that are also people's names
OF_CUES = SITE_OF_WORDS | TYPE_CITY | words("of_cue")
SETTLEMENT = words("settlement")  # "the village of X", "X town": a small place
OFFICE = words("office")  # "Idlib governor", "Kerala Chief Minister": an official of the place
# "the province of Marib", "the city of Derna": the type word before the name
TYPE_ADMIN_OF = frozenset(w for w in TYPE_ADMIN if not w.endswith("s"))
TYPE_CITY_OF = TYPE_CITY - {"capital", "port"}

MAX_TOKENS = 6  # the longest place name looked up, in words
TITLE_CASE_LINE_MAX = 200  # a longer line is a paragraph, never a Title Case headline
TITLE_CASE_SHARE = 0.8  # of a headline's content words capitalised
SCORE_LEVEL = {"country": 50.0, "region": 45.0, "site": 45.0, "admin1": 30.0}
SCORE_CITY = 10.0
SCORE_IN_CONTEXT = 40.0  # the place is in one of the article's countries
SCORE_TOP = 10.0  # ... in its main one
SCORE_TYPE = 40.0  # "X province" for an admin1, "X city" for a city
SCORE_IN_NAMED_ADMIN1 = 45.0  # a city in a province the article names ("Rosario town in Cavite")
NAMED_ADMIN1_MAX_NAMESAKES = 5
VILLAGE_NAMESAKE = 100_000  # a "village" or "town" named like a city this big is its namesake  # a province name with more namesakes says nothing

SENT_END = re.compile(r"(?:[.!?]['\"”’)]?\s+|\n\s*|^\s*)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_GAP = re.compile(rf"^(?:[{APOSTROPHES}]s)?[ \-‐‑{APOSTROPHES}]{{1,2}}$")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
_NEWLINE = re.compile("\n")


class Tokens:
    """The text's word tokens (TOKEN matches) from one split of the text, at C speed:
    parts = [gap 0, word 0, gap 1, word 1, ..., word n-1, gap n], so word k is parts[2k+1]
    and the text between words k-1 and k is parts[2k]; offsets are summed only if asked."""

    __slots__ = ("parts", "words", "n", "_bounds")

    def __init__(self, text: str):
        self.parts = _TOKEN_SPLIT.split(text)
        self.words = self.parts[1::2]
        self.n = len(self.words)
        self._bounds: list | None = None

    def bounds(self) -> list[int]:
        """Where each part ends: word k spans bounds[2k]..bounds[2k+1]."""
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self.parts)))
        return self._bounds

    def start(self, k: int) -> int:
        return self.bounds()[2 * k]

    def end(self, k: int) -> int:
        return self.bounds()[2 * k + 1]


def gap_ok(gap: str, a: str, b: str) -> bool:
    """Whether `gap`, between words `a` and `b`, may sit inside a name."""
    if gap == " " or gap == "-":
        return True
    if gap == "." and len(a) == 1 and len(b) == 1:  # U.S., D.R.C.
        return True
    if gap == ". " and len(a) == 1 and a.isupper():  # "D.R. Congo"
        return True
    return bool(_GAP.match(gap))


def is_cap(tok: str) -> bool:
    return tok[0].isupper()


@dataclass(slots=True, eq=False)
class Candidate:
    i: int          # first token
    j: int          # last token
    start: int
    end: int
    key: str
    ev: dict | None = None  # its evidence, once read (see evidence)


_AL_EL = frozenset({"al", "aL", "el", "eL"})  # lower-case spellings whose .lower() is al/el
_NAME_GAPS = frozenset({" ", "-"})
_ELISION_MARKS = frozenset(APOSTROPHES)


@lru_cache(maxsize=1 << 16)
def known(key: str) -> bool:
    """A folded name the gazetteer holds, as a place or a demonym."""
    g = gz.gazetteer()
    return key in g or key in g.demonyms


def candidates(text: str, toks: Tokens) -> list[Candidate]:
    """The longest known name starting at each capitalised word (or "al-"/"el-" before one)."""
    out: list[Candidate] = []
    n, words_, parts = toks.n, toks.words, toks.parts
    if not n:
        return out
    bounds = toks.bounds()
    cap = list(map(str.isupper, map(itemgetter(0), words_)))
    if _ELISION_MARKS.intersection(text):  # "Cote d'Ivoire", "L'Aquila": capitalised after the elision
        for k, w in enumerate(words_):
            if len(w) > 2 and w[1] in APOSTROPHES and w[2].isupper():
                cap[k] = True
    starts = compress(range(n), cap)
    if not _AL_EL.isdisjoint(words_):
        starts = compress(range(n), map(or_, cap, map(_AL_EL.__contains__, words_)))
    fold, is_known, connectors = fold_token, known, CONNECTORS
    nxt = 0
    for i in starts:
        if i < nxt:
            continue
        k = i + 1
        if k < n:
            if not cap[i] and not (cap[k] and parts[2 * k] == "-"):
                continue  # "al-" not before a capitalised word
            extend = cap[k] or words_[k].lower() in connectors
        elif not cap[i]:
            continue
        else:
            extend = False
        if extend:  # over capitalised words and lower-case connectors
            js = [i]
            while k < n and k - i < MAX_TOKENS:
                gap = parts[2 * k]
                if gap not in _NAME_GAPS and not gap_ok(gap, words_[k - 1], words_[k]):
                    break
                if cap[k]:
                    js.append(k)
                elif words_[k].lower() not in connectors:
                    break
                k += 1
            extend = len(js) > 1
        if not extend:  # one word (the common case)
            key = fold(words_[i])
            if not is_known(key):
                continue
            j = i
        else:  # the longest known name of the run
            folds = list(map(fold, words_[i:js[-1] + 1]))
            for j in reversed(js):
                key = " ".join(folds[:j - i + 1])
                if is_known(key):
                    break
            else:
                continue
        end = bounds[2 * j + 1]
        if j > i and len(words_[j]) == 1 and text[end:end + 1] == ".":  # U.S.
            end += 1
        out.append(Candidate(i, j, bounds[2 * i], end, key))
        nxt = j + 1
    return out


def sentence_initial(text: str, start: int) -> bool:
    """The word at `start` begins a sentence (so its capital says nothing)."""
    before = text[max(0, start - 4):start]
    # every way SENT_END matches ends in white space; most words follow "word "
    if before and (not before[-1].isspace() or (before[-1] == " " and before[-2:-1].isalnum())):
        return False
    return bool(SENT_END.search(before))


class TextIndex:
    """Per-text facts built once, on demand: where lines start, which lower-case words occur,
    whether a line is a Title Case headline."""

    __slots__ = ("text", "_line_starts", "_lower", "_title_case")

    def __init__(self, text: str):
        self.text = text
        self._line_starts: list[int] | None = None
        self._lower: frozenset | None = None
        self._title_case: dict[int, bool] = {}

    def line_start(self, pos: int) -> int:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        return self._line_starts[bisect_right(self._line_starts, pos) - 1]

    def has_lower_word(self, word) -> bool:
        """`word` stands in the text as a whole lower-case word ("reading", "hope")."""
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.text))
        return word in self._lower

    def title_case_line(self, start: int) -> bool:
        """The line holding `start` is a headline in Title Case (capitals say nothing there)."""
        a = self.line_start(start)
        v = self._title_case.get(a)
        if v is None:
            text = self.text
            b = text.find("\n", a, a + TITLE_CASE_LINE_MAX + 1)
            line = text[a:b if b >= 0 else a + TITLE_CASE_LINE_MAX + 1]
            if len(line) > TITLE_CASE_LINE_MAX:
                v = False
            else:
                ws = [w for w in TOKEN.findall(line) if w.lower() not in FUNCTION]
                v = len(ws) >= 3 and sum(w[0].isupper() for w in ws) >= TITLE_CASE_SHARE * len(ws)
            self._title_case[a] = v
        return v


@dataclass(frozen=True)
class Context:
    text: str
    toks: Tokens
    index: TextIndex
    countries: Counter
    memo: dict  # resolutions of one text
    admin1s: frozenset = frozenset()  # see named_admin1s


def evidence(ctx: Context, c: Candidate) -> dict:
    if c.ev is None:
        c.ev = _evidence(ctx, c)
    return c.ev


def _evidence(ctx: Context, c: Candidate) -> dict:
    text, toks = ctx.text, ctx.toks
    words_, parts = toks.words, toks.parts
    i, j = c.i, c.j
    prev = words_[i - 1] if i > 0 else None
    nxt = words_[j + 1] if j + 1 < toks.n else None
    gap_before = parts[2 * i] if prev is not None else ""
    gap_after = parts[2 * j + 2][c.end - toks.bounds()[2 * j + 1]:] if nxt is not None else ""
    prev_l = prev.lower() if prev is not None else ""
    nxt_l = nxt.lower() if nxt is not None else ""
    initial = sentence_initial(text, c.start)
    cue = prev is not None and prev_l in CUES and gap_before.strip() == "" and "\n" not in gap_before
    type_word_before = ""
    if prev_l == "of" and i >= 2:
        type_word_before = words_[i - 2].lower()
        cue = type_word_before in OF_CUES
    tight_after = gap_after.strip() == ""
    type_admin = (nxt_l in TYPE_ADMIN and tight_after) or type_word_before in TYPE_ADMIN_OF
    type_city = (nxt_l in TYPE_CITY and tight_after) or type_word_before in TYPE_CITY_OF
    settlement = (nxt_l in SETTLEMENT and tight_after) or type_word_before in SETTLEMENT
    title = prev is not None and prev_l.rstrip(".") in TITLES and gap_before.strip() in ("", ".")
    speech = nxt_l in SPEECH and tight_after
    # "the Somali region of Lower Shebelle", "the Somali capital": an adjective before a type word
    adjective = (type_admin or type_city) and nxt is not None and (
        nxt_l == "capital" or (j + 2 < toks.n and words_[j + 2].lower() == "of"))
    # inside a longer capitalised name ("John Kerry", "Human Rights Watch")
    in_run = False
    if ((prev and is_cap(prev) and gap_before == " " and prev_l not in FUNCTION
         and prev_l not in CUES and not sentence_initial(text, toks.start(i - 1)))
            or (nxt and is_cap(nxt) and gap_after == " " and nxt_l not in TYPE_ADMIN
                and nxt_l not in TYPE_CITY and nxt_l not in SITE_WORDS and nxt_l not in OFFICE)):
        in_run = not ctx.index.title_case_line(c.start)
    if (nxt and gap_after == "-" and is_cap(nxt)) or (prev and gap_before == "-" and is_cap(prev)):
        in_run = True
    return {"cue": cue, "type_admin": type_admin, "type_city": type_city, "title": title,
            "speech": speech, "initial": initial, "in_run": in_run, "settlement": settlement,
            "adjective": adjective}


def score(p: tuple, ctx_countries: Counter, top: str, ev: dict, admin1s: frozenset = frozenset()) -> float:
    """How well gazetteer row `p` fits a candidate: its level, size, country, type word, and
    whether it lies in a province the article names."""
    level, cc, pop = p[4], p[1], p[6]
    s = SCORE_LEVEL.get(level, SCORE_CITY)
    if level == "city":
        s += 3 * math.log10(pop + 1)
        if admin1s and (cc, fold_admin1(p[5])) in admin1s:
            s += SCORE_IN_NAMED_ADMIN1
    elif level == "admin1":
        s += math.log10(pop + 1)  # of two provinces of one name, the bigger
    if cc and cc in ctx_countries:
        s += SCORE_IN_CONTEXT + (SCORE_TOP if cc == top else 0)
    if ev.get("type_admin") and level == "admin1":
        s += SCORE_TYPE
    if ev.get("type_city") and level == "city":
        s += SCORE_TYPE
    return s


def resolve(ctx: Context, c: Candidate, top: str) -> tuple[int | None, bool]:
    """(place id or None, is demonym) for one candidate."""
    key = c.key
    single = c.i == c.j
    if single and key in gz.gazetteer().never:
        return None, False
    ev = evidence(ctx, c)
    if ev["title"]:
        return None, False
    # the same name with the same evidence resolves the same way throughout the article
    memo_key = (key, single, *ev.values())
    r = ctx.memo.get(memo_key)
    if r is None:
        r = ctx.memo[memo_key] = _resolve(ctx, key, single, ev, top)
    return r


@lru_cache(maxsize=1 << 12)
def fold_admin1(name: str) -> str:
    return gz.fold_name(name) if name else ""


def named_admin1s(ctx: "Context", cands: list[Candidate]) -> frozenset:
    """(country, folded admin1) of the provinces the text names with a type word ("Konar
    province", "the state of Trujillo"): a city there wins over its namesakes elsewhere."""
    out = set()
    for c in cands:
        pids = gz.ids(c.key)
        if not pids or len(pids) > NAMED_ADMIN1_MAX_NAMESAKES or not evidence(ctx, c)["type_admin"]:
            continue
        for p in pids:
            row = gz.row(p)
            if row[4] == "admin1":
                out.add((row[1], fold_admin1(row[5] or row[0])))
            elif row[4] == "city" and row[5]:
                out.add((row[1], fold_admin1(row[5])))
    return frozenset(out)


def best_place(pids: tuple[int, ...], countries: Counter, top: str, ev: dict,
               admin1s: frozenset = frozenset()) -> int:
    """The best of the places of one name; a capital named like its province ("Aleppo") is
    the city unless a type word says otherwise."""
    rows = gz.row
    best = max(pids, key=lambda p: score(rows(p), countries, top, ev, admin1s))
    bp = rows(best)
    if bp[4] == "admin1" and not ev.get("type_admin"):
        twin = [p for p in pids if rows(p)[4] == "city" and rows(p)[1] == bp[1]
                and rows(p)[6] >= 1000 and rows(p)[5] == bp[5]]
        if twin:
            best = max(twin, key=lambda p: rows(p)[6])
    return best


def _resolve(ctx: Context, key: str, single: bool, ev: dict, top: str) -> tuple[int | None, bool]:
    g = gz.gazetteer()
    pids = gz.ids(key)
    demonym = g.demonyms.get(key)
    if not pids:
        if demonym and demonym in g.country_ids:
            return g.country_ids[demonym], True  # "Syrian Observatory" still tells the country
        return None, False
    best = best_place(pids, ctx.countries, top, ev, ctx.admin1s)
    _name, cc, _lat, _lon, level, _admin1, pop, _approx = gz.row(best)
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
        if ev["in_run"] and level == "country" and key in AMBIGUOUS_COUNTRY:
            return None, False
        return best, False
    if ev["speech"] and not strong_cue:
        return None, False
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
    if ev["settlement"] and not in_ctx and (ctx.countries or pop >= VILLAGE_NAMESAKE):
        return None, False  # "the village of X" abroad: a namesake, not the big city
    if in_ctx:
        major = ctx.countries.get(cc, 0) >= 0.3 * ctx.countries.get(top, 0)
        if strong_cue and (pop >= 1000 or not single) and (major or pop >= 15000):
            return best, False
        if pop >= 15000 and not (ev["initial"] and single and pop < 100000):
            return best, False
        return None, False
    if strong_cue and pop >= 50000 and not ev["initial"]:
        return best, False
    if pop >= 100000 and not (ev["initial"] and pop < 1_000_000):
        return best, False
    return None, False


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
    elif key in g.demonyms:
        weight, cc = 1.0, g.demonyms[key]
    return weight, cc


def context_countries(ctx: Context, cands: list[Candidate]) -> Counter:
    """Countries the article is about: country names and demonyms count 1; hand-listed
    regions and sites, and big unambiguous cities and provinces count 0.5."""
    g = gz.gazetteer()
    cnt: Counter = Counter()
    for c in cands:
        if c.key in g.never or c.key in g.stop:
            continue
        weight, cc = name_country(c.key)
        if not cc or not weight:
            continue
        ev = evidence(ctx, c)
        if ev["title"] or (ev["in_run"] and (c.key in AMBIGUOUS_COUNTRY or weight < 1)):
            continue
        cnt[cc] += weight
    return cnt
