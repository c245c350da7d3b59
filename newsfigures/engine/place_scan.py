"""Candidate place names in a text, and the evidence around each (`place_resolve` judges them).

One pass over the text's word tokens: every capitalised token that is a known name, or the
first word of one, starts n-grams (up to six tokens, over lower-case connectors: "Ras al Ain",
"Bosnia and Herzegovina") whose folded form is looked up in the gazetteer; the longest known
one is the candidate. Its evidence is read from the words around it: a cue before it ("in",
"near", "the town of", "the province of"), a type word after it ("province", "city"), a title
or a speech verb (a person: "Mr", "Kerry said"), a longer capitalised name it is part of
("Human Rights Watch"). The text is split once (`Tokens`: the plain pattern but around
apostrophes, the words lowered at once) and every per-text fact (a Title Case line, a word
standing in lower case) is read once, on demand, so the cost stays linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import is_not, itemgetter, or_

from . import gazetteer as gz
from .dateline_shape import dateline_length
from .gazetteer import APOSTROPHES, TOKEN, fold_token
from .vocabulary import table
from .settings import DATELINE_SCAN, PLACE_MAX_TOKENS, TITLE_CASE_LINE_MAX, TITLE_CASE_SHARE


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
_NAME_LINKS = words("name_link")  # "Surigao del Sur": "Sur" is no place by itself
AMBIGUOUS_COUNTRY = words("ambiguous_country")  # country names that are also people's names
OF_CUES = SITE_OF_WORDS | TYPE_CITY | words("of_cue")
SETTLEMENT = words("settlement")  # "the village of X", "X town": a small place
OFFICE = words("office")  # "Idlib governor", "Kerala Chief Minister": an official of the place
PLACE_VERBS = words("place_verb")  # "Goma remains tense": a verb a town opening a sentence takes
# "the province of Marib", "the city of Derna": the type word before the name
TYPE_ADMIN_OF = frozenset(w for w in TYPE_ADMIN if not w.endswith("s"))
TYPE_CITY_OF = TYPE_CITY - {"capital", "port"}

SENT_END = re.compile(r"(?:[.!?]['\"”’)]?\s+|\n\s*|^\s*)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_GAP = re.compile(rf"^(?:[{APOSTROPHES}]s)?[ \-‐‑{APOSTROPHES}]{{1,2}}$")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
# Without an apostrophe in the text, a TOKEN is a plain run of letters and digits: the same
# split, from a pattern with no look-behinds (about twice as fast).
_RUN_SPLIT = re.compile(r"([^\W_]+)")
_RUN = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


def _split(text: str) -> tuple[list[str], list[int]]:
    """(parts, where each apostrophe is) of `text`: `_TOKEN_SPLIT.split(text)`, with the plain
    pattern for all but the space-delimited stretches around apostrophes. A token holds no
    space or line break and its pattern looks one character around it, so a stretch between
    spaces splits alone as it does in the text."""
    quotes = [m.start() for m in _APOSTROPHE.finditer(text)]
    if not quotes:
        return _RUN_SPLIT.split(text), quotes
    parts: list[str] = [""]
    last = 0
    for a, b in _stretches(text, quotes):
        _append(parts, _RUN_SPLIT.split(text[last:a]))
        _append(parts, _TOKEN_SPLIT.split(text[a:b]))
        last = b
    _append(parts, _RUN_SPLIT.split(text[last:]))
    return parts, quotes


def _stretches(text: str, quotes: list[int]) -> list[tuple[int, int]]:
    """The stretches from the space or line break before each apostrophe to the one after it
    (merged when they touch)."""
    out: list[tuple[int, int]] = []
    find, rfind, size = text.find, text.rfind, len(text)
    for q in quotes:
        if out and q < out[-1][1]:
            continue
        a = max(rfind(" ", 0, q), rfind("\n", 0, q)) + 1
        ends = [e for e in (find(" ", q), find("\n", q)) if e >= 0]
        b = min(ends) if ends else size
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _append(parts: list[str], more: list[str]) -> None:
    """Join the split `more` of the text that follows to `parts` (the gaps where they meet
    become one)."""
    parts[-1] += more[0]
    parts.extend(more[1:])


class Tokens:
    """The text's word tokens (TOKEN matches) from one split of the text, at C speed:
    parts = [gap 0, word 0, gap 1, word 1, ..., word n-1, gap n], so word k is parts[2k+1]
    and the text between words k-1 and k is parts[2k]; offsets are summed only if asked.
    `quotes`: where the text's apostrophes are."""

    __slots__ = ("parts", "words", "n", "_bounds", "apostrophes", "quotes", "_lower")

    def __init__(self, text: str):
        self.parts, self.quotes = _split(text)
        self.apostrophes = bool(self.quotes)  # else no elision either ("d'Ivoire")
        self.words = self.parts[1::2]
        self.n = len(self.words)
        self._bounds: list | None = None
        self._lower: list | None = None

    def lower(self) -> list[str]:
        """The words in lower case (word k is lower()[k]), lowered at once: a space stops
        every rule of lowering that reads a neighbour (the Greek final sigma)."""
        if self._lower is None:
            self._lower = " ".join(self.words).lower().split(" ") if self.n else []
        return self._lower

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
    if gap == ". " and (len(a) == 1 and a.isupper() or a in ABBREVIATED):  # "D.R. Congo", "St. Louis"
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


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: where (article offsets), as written, which place, and whether
    it is only a demonym use ("Syrian refugees", "U.S. forces")."""
    start: int
    end: int
    text: str
    place: gz.Place
    demonym: bool


_AL_EL = frozenset({"al", "aL", "el", "eL"})  # lower-case spellings whose .lower() is al/el
_NAME_GAPS = frozenset({" ", "-"})
# the short forms of the words that open place names ("St. Louis", "Mt. Elgon", "Ft. Portal"),
# with the word the gazetteer may spell out instead
ABBREVIATED = {"St": "saint", "Ste": "sainte", "Mt": "mount", "Ft": "fort"}
_SHORT_FOLDS = {short.lower(): full for short, full in ABBREVIATED.items()}
_ELIDED = re.compile(rf"(?<!\w)[^\W\d_][{APOSTROPHES}][A-Z]")


@lru_cache(maxsize=1 << 16)
def known(key: str) -> bool:
    """A folded name the gazetteer holds, as a place or a demonym."""
    g = gz.gazetteer()
    return key in g or key in g.demonyms


@lru_cache(maxsize=1 << 16)
def may_start(key: str) -> bool:
    """A folded word that is a name, or the first word of one."""
    return known(key) or gz.gazetteer().starts_name(key)


@lru_cache(maxsize=1 << 16)
def _opening(word: str) -> tuple[str, bool] | None:
    """(folded word, whether it is a name) of a word that may open a name, else None."""
    key = fold_token(word)
    return (key, known(key)) if may_start(key) else None


def _elisions(text: str, quotes: list[int]) -> list[int]:
    """Where the matches of `_ELIDED` (a letter opening a word, an apostrophe, a capital) start,
    read at the text's apostrophes only."""
    out: list[int] = []
    for q in quotes:
        if q and text[q + 1:q + 2].isupper() and (not out or q - 1 >= out[-1] + 3) \
                and _ELIDED.match(text, q - 1):  # (matches do not overlap; its look-behind sees text[q - 2])
            out.append(q - 1)
    return out


def candidates(text: str, toks: Tokens) -> list[Candidate]:
    """The longest known name starting at each capitalised word (or "al-"/"el-" before one)."""
    out: list[Candidate] = []
    n, words_, parts = toks.n, toks.words, toks.parts
    if not n:
        return out
    bounds = toks.bounds()
    cap = list(map(str.isupper, map(itemgetter(0), words_)))
    # "Cote d'Ivoire", "L'Aquila": capitalised after the elision
    for start in _elisions(text, toks.quotes):
        at = bisect_left(bounds, start)
        if at % 2 == 0 and at < len(bounds) and bounds[at] == start:
            cap[at // 2] = True
    may_open = cap if _AL_EL.isdisjoint(words_) else list(map(or_, cap, map(_AL_EL.__contains__, words_)))
    # the words that may open a name, with their folded key (looked up at C speed)
    firsts = list(map(_opening, compress(words_, may_open)))
    starts = compress(zip(compress(range(n), may_open), firsts), map(is_not, firsts, repeat(None)))
    fold, is_known, connectors = fold_token, known, CONNECTORS
    lower = toks.lower()
    nxt = 0
    for i, first in starts:
        if i < nxt:
            continue
        k = i + 1
        if k < n:
            if not cap[i] and not (cap[k] and parts[2 * k] == "-"):
                continue  # "al-" not before a capitalised word
            extend = cap[k] or lower[k] in connectors
        elif not cap[i]:
            continue
        else:
            extend = False
        if extend:  # over capitalised words and lower-case connectors
            js = [i]
            while k < n and k - i < PLACE_MAX_TOKENS:
                gap = parts[2 * k]
                if gap not in _NAME_GAPS and not gap_ok(gap, words_[k - 1], words_[k]):
                    break
                if cap[k]:
                    js.append(k)
                elif lower[k] not in connectors:
                    break
                k += 1
            extend = len(js) > 1
        if not extend:  # one word (the common case)
            key, ok = first
            if not ok:
                continue
            j = i
        else:  # the longest known name of the run
            folds = list(map(fold, words_[i:js[-1] + 1]))
            spelled = None if _SHORT_FOLDS.keys().isdisjoint(folds) else [_SHORT_FOLDS.get(f, f) for f in folds]
            for j in reversed(js):
                key = " ".join(folds[:j - i + 1])
                if is_known(key):
                    break
                if spelled is not None:  # "St. Vincent": the gazetteer's "saint vincent"
                    key = " ".join(spelled[:j - i + 1])
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


def _standalone_in(text: str, word: str) -> bool:
    """`word` stands in `text` with no word character (`\\w`) on either side."""
    n, at = len(word), text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(word, at + 1)
    return False


class TextIndex:
    """Per-text facts read once each, on demand: which lower-case words occur, whether a line
    is a Title Case headline."""

    __slots__ = ("text", "_lower", "_title_case")

    def __init__(self, text: str):
        self.text = text
        self._lower: dict[str, bool] = {}  # word -> has_lower_word
        self._title_case: dict[int, bool] = {}

    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def has_lower_word(self, word) -> bool:
        """`word` stands in the text as a whole lower-case word ("reading", "hope"): a match
        of `_LOWER_WORD`, found with str.find (most names never stand in lower case)."""
        if not _LOWER_WORD.fullmatch(word):
            return False
        found = self._lower.get(word)
        if found is None:
            found = self._lower[word] = _standalone_in(self.text, word)
        return found

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
                tokens = (TOKEN if _APOSTROPHE.search(line) else _RUN).findall(line)
                ws = [w for w in tokens if w.lower() not in FUNCTION]
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


@lru_cache(maxsize=4096)
def _is_country(word: str) -> bool:
    """The word names a country ("Nigeria", "Syria")."""
    return any(gz.row(p)[4] == "country" for p in gz.ids(fold_token(word)))


@lru_cache(maxsize=4096)
def _is_demonym(word: str) -> bool:
    """The word is a country's demonym ("Pakistani", "Iranian")."""
    return fold_token(word) in gz.gazetteer().demonyms


def may_be_typed(toks: Tokens, c: Candidate) -> bool:
    """A province word may follow the name or stand before it with "of" ("Unity State", "the
    province of Unity"): without one, its evidence has no `type_admin` (a cheap test first)."""
    lower = toks.lower()
    return (c.j + 1 < toks.n and lower[c.j + 1] in TYPE_ADMIN) or (
        c.i >= 2 and lower[c.i - 1] == "of" and lower[c.i - 2] in TYPE_ADMIN_OF)


def evidence(ctx: Context, c: Candidate) -> dict:
    if c.ev is None:
        c.ev = _evidence(ctx, c)
    return c.ev


def _dateline_city(text: str, start: int) -> bool:
    """The name at `start` opens a line as a wire dateline's city ("DHAKA, May 21 (Reuters) -")."""
    return (start == 0 or text[start - 1] == "\n") and dateline_length(text[start:start + DATELINE_SCAN]) > 0


# "Zabihullah Amani, a spokesman for the governor": a name set beside a speaker's role is a person's
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:spokes(?:man|woman|person)|official|"
                         r"commander|villager|resident|witness|lawmaker|legislator|farmer|doctor|"
                         r"police\s+(?:officer|chief|spokes\w+))\b")


_HEADING_AFTER = re.compile(r":[ \t]*\n")  # a name, a colon, the end of its line


def _evidence(ctx: Context, c: Candidate) -> dict:
    text, toks = ctx.text, ctx.toks
    words_, parts, lower, bounds = toks.words, toks.parts, toks.lower(), toks.bounds()
    i, j = c.i, c.j
    if i > 0:
        prev = words_[i - 1]
        gap_before = parts[2 * i]
        prev_l = lower[i - 1]
        prev_cap = prev[0].isupper()
        spaced_before = gap_before == " "
        blank_before = spaced_before or not gap_before.strip()
    else:
        prev, gap_before, prev_l = None, "", ""
        prev_cap = spaced_before = blank_before = False
    if j + 1 < toks.n:
        nxt = words_[j + 1]
        gap_after = parts[2 * j + 2]
        cut = c.end - bounds[2 * j + 1]  # "U.S.": the name holds the dot
        if cut:
            gap_after = gap_after[cut:]
        nxt_l = lower[j + 1]
        nxt_cap = nxt[0].isupper()
        spaced_after = gap_after == " "
        tight_after = spaced_after or not gap_after.strip()
    else:
        nxt, gap_after, nxt_l = None, "", ""
        nxt_cap = spaced_after = False
        tight_after = True
    # after a word and one space, no word opens a sentence (a token ends with a letter or digit)
    initial = not spaced_before and sentence_initial(text, c.start)
    cue = blank_before and prev_l in CUES and "\n" not in gap_before
    if not cue and prev is not None and not blank_before and gap_before.strip() in ("'s", "’s") and _is_country(prev):
        cue = True  # "Nigeria's Plateau": a country's possession is a place of it
    if not cue and _HEADING_AFTER.match(text, c.end) and (c.start == 0 or text[c.start - 1] == "\n"):
        cue = True  # "Idukki:" alone on its line: the heading of the figures listed under it
    type_word_before = ""
    if prev_l == "of" and i >= 2:
        type_word_before = lower[i - 2]
        cue = type_word_before in OF_CUES
    if tight_after:
        type_admin = nxt_l in TYPE_ADMIN or type_word_before in TYPE_ADMIN_OF
        type_city = nxt_l in TYPE_CITY or type_word_before in TYPE_CITY_OF
        settlement = nxt_l in SETTLEMENT or type_word_before in SETTLEMENT
        speech = nxt_l in SPEECH
    else:
        type_admin = type_word_before in TYPE_ADMIN_OF
        type_city = type_word_before in TYPE_CITY_OF
        settlement = type_word_before in SETTLEMENT
        speech = False
    title = prev is not None and prev_l.rstrip(".") in TITLES and (blank_before or gap_before.strip() == ".")
    if not speech and prev_cap and spaced_before and prev_l not in CUES:
        # "Zabihullah Amani, a spokesman": a first name before it
        speech = bool(_APPOSITION.match(text, c.end))
    place_verb = initial and spaced_after and nxt_l in PLACE_VERBS and nxt.islower()
    # "the Somali region of Lower Shebelle", "the Somali capital": an adjective before a type word
    adjective = (type_admin or type_city) and nxt is not None and (
        nxt_l == "capital" or (j + 2 < toks.n and lower[j + 2] == "of"))
    # inside a longer capitalised name ("John Kerry", "Human Rights Watch")
    in_run = False
    if ((prev_cap and spaced_before and prev_l not in FUNCTION
         and prev_l not in CUES
         and ((i >= 2 and parts[2 * i - 2] == " ") or not sentence_initial(text, bounds[2 * i - 2]))
         and not _is_demonym(prev))  # "Pakistani Kashmir", "Indian Punjab": an adjective, not a name
            or (nxt_cap and spaced_after and nxt_l not in TYPE_ADMIN
                and nxt_l not in TYPE_CITY and nxt_l not in SITE_WORDS and nxt_l not in OFFICE)):
        in_run = not ctx.index.title_case_line(c.start)
    if (nxt_cap and gap_after == "-") or (prev_cap and gap_before == "-"):
        in_run = True
    if spaced_before and i >= 2 and prev_l in _NAME_LINKS and prev.islower() \
            and parts[2 * i - 2] == " " and is_cap(words_[i - 2]):
        in_run = True  # "Surigao del Sur", "Santiago de Cuba": the tail of a longer name
    # "Agence France Presse", "Radio Free Asia": a country with a capitalised word on each side
    enclosed = in_run and prev_cap and nxt_cap and spaced_before and spaced_after \
        and prev_l not in FUNCTION and prev_l not in CUES
    return {"cue": cue, "type_admin": type_admin, "type_city": type_city, "title": title, "enclosed": enclosed,
            "speech": speech, "initial": initial, "in_run": in_run, "settlement": settlement,
            "adjective": adjective, "place_verb": place_verb,
            "dateline": initial and _dateline_city(text, c.start)}
