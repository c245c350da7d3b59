"""Places the gazetteer lacks, named by a cue ("Kulben village", "Bab al-Salama border
crossing", "Al-Amal Hospital", "the town of Tall Rifaat"): `sites` finds them and gives
each the country and coordinates of its host, the nearest place named in its sentence
(after it first), else the last one named before it in its paragraph, else the article's
main country. `Coverage` tells which characters mentions already cover.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

from . import gazetteer as gz
from .gazetteer import Place, fold_token
from .place_appositions import appositive_spans, nested_spans
from .place_scan import (
    FUNCTION, SITE_CONNECTORS, SITE_OF_WORDS, SITE_WORDS, TITLES, PlaceMention, TextIndex, Tokens,
    gap_ok, is_cap, sentence_initial, words,
)
from .settings import SITE_HOST_REACH, SITE_RUN_MAX
from .speaker_places import speaker_location

_EXILED = words("exiled")  # "Syrian refugees": people outside the country their demonym names
_DOT = re.compile(r"\. ")
_LINE_BREAK = re.compile("\n")


_CAPITAL_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+ $")  # "... Children UK": a name's last word before the country


_SITE_CUES = SITE_WORDS | SITE_OF_WORDS
# a site word followed by one of these words is part of a body's name, not a place's
_BODY_AFTER = {
    "state": frozenset({"tv", "television", "media", "radio", "broadcaster", "news", "agency", "newspaper"}),
    "border": frozenset({"patrol", "police", "guard", "guards", "force", "security", "protection", "agency",
                         "service", "management", "control", "authority"}),
}
_BEFORE, _AFTER = 0, 1  # a site word after the name ("Kulben village"), "of" before it ("the town of X")


def _site_spans(toks: Tokens) -> list[tuple[int, int]]:
    """(first token, last token) of names a site word introduces: "Kulben village",
    "Bab al-Salama border crossing", "Al-Amal Hospital", "the town of Tall Rifaat"."""
    found: list[tuple[int, int]] = []
    n, words, lower = toks.n, toks.words, toks.lower()
    # the site words, and each "of" after a word of SITE_OF_WORDS ("the town of"), in text order
    cues = []
    for k in compress(range(n), map(_SITE_CUES.__contains__, lower)):  # (one scan at C speed)
        low = lower[k]
        if low in SITE_WORDS and k > 0:
            cues.append((k, _BEFORE))
        if low in SITE_OF_WORDS and k < n - 2 and lower[k + 1] == "of":
            cues.append((k + 1, _AFTER))
    cues.sort()
    for k, side in cues:
        if side == _BEFORE:
            low = lower[k]
            if k + 1 < n and lower[k + 1] in _BODY_AFTER.get(low, ()):
                continue  # "RAI state TV", "the U.S. Border Patrol": a body's name, no place
            kk = k - 1
            if low == "crossing" and lower[kk] == "border" and kk > 0:
                kk -= 1
            run = _cap_run_back(toks, kk) if kk >= 0 and words[kk][0].isupper() else None  # (its first test)
            if run:
                a, b = run
                found.append((a, k if is_cap(words[k]) else b))
        else:
            run = _cap_run_fwd(toks, k + 1)
            if run:
                found.append(run)
    found.extend(appositive_spans(toks) + nested_spans(toks))  # "at Gora, a village in ...": the name an appositive calls a village
    return found


class Coverage:
    """Which characters mentions already cover (one byte per character, marked once)."""

    def __init__(self, size: int, spans):
        self.marks = marks = bytearray(size)
        for s, e in spans:
            marks[s:e] = b"\x01" * (e - s)  # (as `add` marks them)

    def add(self, s: int, e: int) -> None:
        self.marks[s:e] = b"\x01" * (e - s)

    def covered(self, s: int, e: int) -> bool:
        return self.marks.find(1, s, e) >= 0


def sites(text: str, toks: Tokens, mentions: list[PlaceMention], main_cc: str,
           index: TextIndex) -> list[PlaceMention]:
    """Places the gazetteer lacks, named by a cue: "Kulben village", "the town of Tall Rifaat"."""
    found = _site_spans(toks)
    if not found:
        return []
    g = gz.gazetteer()
    words = toks.words
    taken = Coverage(len(text), ((m.start, m.end) for m in mentions))
    hosts = _Hosts(text, mentions)
    out = []
    for a, b in found:
        s, e = toks.start(a), toks.end(b)
        if taken.covered(s, e):
            continue
        folded = [fold_token(words[x]) for x in range(a, b + 1)]
        if folded[0] in ("the", "a", "an") and len(folded) > 1:
            a += 1
            s = toks.start(a)
            folded = folded[1:]
        key = " ".join(folded)
        if key in g.never or key in g.stop or key in g.demonyms or folded[0] in g.never:
            continue
        if fold_token(words[a]) in FUNCTION or all(w in g.never for w in folded):
            continue
        if sentence_initial(text, s) and a == b and index.has_lower_word(key):
            continue
        if toks.lower()[a - 1].rstrip(".") in TITLES if a > 0 else False:
            continue
        written = text[s:e]
        host = hosts.nearest(s, e) or hosts.earlier(s) or (gz.country_place(main_cc) if main_cc else None)
        cc = host.country if host else ""
        lat, lon = (host.lat, host.lon) if host else (None, None)
        admin1 = host.admin1 if host and host.level in ("admin1", "city", "region") else ""
        name = " ".join(written.replace("’", "'").split())
        out.append(PlaceMention(s, e, written, Place(name, cc, lat, lon, "site", True, admin1), False))
        taken.add(s, e)
    return out


def _cap_run_back(toks: Tokens, k: int) -> tuple[int, int] | None:
    words, parts, lower = toks.words, toks.parts, toks.lower()
    if k < 0 or not is_cap(words[k]) or parts[2 * k + 2] not in (" ", "-"):
        return None
    a = k
    while a - 1 >= 0 and k - a < SITE_RUN_MAX and gap_ok(parts[2 * a], words[a - 1], words[a]):
        t, low = words[a - 1], lower[a - 1]
        if is_cap(t) or (low in ("al", "el") and parts[2 * a] == "-"):
            a -= 1
        elif low in SITE_CONNECTORS and a - 2 >= 0 and is_cap(words[a - 2]) \
                and gap_ok(parts[2 * a - 2], words[a - 2], words[a - 1]):
            a -= 2
        else:
            break
    while a < k and fold_token(words[a]) in FUNCTION:
        a += 1
    return a, k


def _cap_run_fwd(toks: Tokens, k: int) -> tuple[int, int] | None:
    words, parts, n, lower = toks.words, toks.parts, toks.n, toks.lower()
    if k >= n or not is_cap(words[k]) or parts[2 * k] != " ":
        return None
    b = k
    while b + 1 < n and b - k < SITE_RUN_MAX and gap_ok(parts[2 * b + 2], words[b], words[b + 1]):
        t, low = words[b + 1], lower[b + 1]
        if low in SITE_WORDS:
            break
        if is_cap(t):
            b += 1
        elif low in SITE_CONNECTORS and b + 2 < n and is_cap(words[b + 2]) \
                and gap_ok(parts[2 * b + 4], words[b + 1], words[b + 2]):
            b += 2
        else:
            break
    return k, b


class _Hosts:
    """The place an unknown site borrows its country from: the nearest one named in its
    sentence (a sentence here ends at ". " or a line break), after it first. Breaks and
    mentions are indexed once, so each question costs a bisection."""

    def __init__(self, text: str, mentions: list[PlaceMention]):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self._dots: list[int] | None = None  # where each ". " starts
        self._lines: list[int] = []  # where each line break is

    def _sentence(self, s: int, e: int) -> tuple[int, int]:
        if self._dots is None:
            self._dots = [m.start() for m in _DOT.finditer(self.text)]
            self._lines = [m.start() for m in _LINE_BREAK.finditer(self.text)]
        # the last ". " ending before s, the last "\n" before s; the first of each from e
        k = bisect_right(self._dots, s - 2) - 1
        j = bisect_right(self._lines, s - 1) - 1
        a = max(self._dots[k] if k >= 0 else -1, self._lines[j] if j >= 0 else -1)
        k, j = bisect_left(self._dots, e), bisect_left(self._lines, e)
        ends = [x[i] for x, i in ((self._dots, k), (self._lines, j)) if i < len(x)]
        return a + 1, (min(ends) if ends else len(self.text))

    def nearest(self, s: int, e: int) -> Place | None:
        a, b = self._sentence(s, e)
        inside = self.mentions[bisect_left(self.starts, a):bisect_left(self.starts, b)]
        # where a speaker spoke ("said in Geneva, adding that ... the town of Tawergha") hosts nothing
        inside = [m for m in inside if not speaker_location(self.text, m.start)]
        near = [m for m in inside if m.place.country and not m.demonym and not self._name_suffix(m)]
        if not near:  # "Syrian refugees arrived in X camp": no host in their own country
            near = [m for m in inside if m.place.country and not self._exiled(m) and not self._name_suffix(m)]
        if not near:
            return None
        after = [m for m in near if m.start >= e]
        pick = min(after, key=lambda m: m.start - e) if after else min(near, key=lambda m: s - m.end)
        return pick.place

    def _name_suffix(self, m: PlaceMention) -> bool:
        """A country closing an organisation's name: "Save the Children UK", "Oxfam America"."""
        return m.place.level == "country" and bool(_CAPITAL_BEFORE.search(self.text, max(0, m.start - 30), m.start)) \
            and not any(o.end == m.start - 1 for o in self.mentions)

    def _exiled(self, m: PlaceMention) -> bool:
        """A demonym counting people outside their country: "Syrian refugees"."""
        following = self.text[m.end:m.end + 20].split(None, 1)
        return m.demonym and bool(following) and following[0].lower().strip(".,;") in _EXILED

    def earlier(self, s: int) -> Place | None:
        """The last place with a country named before `s` in its paragraph (its line), within
        SITE_HOST_REACH characters: "Ghana has opened a camp. ... the new Kassap camp"."""
        if self._dots is None:
            self._sentence(s, s)
        j = bisect_right(self._lines, s - 1) - 1
        start = max(self._lines[j] if j >= 0 else 0, s - SITE_HOST_REACH)
        for m in reversed(self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, s)]):
            if m.place.country and not m.demonym and m.end <= s and not self._name_suffix(m) \
                    and not speaker_location(self.text, m.start):
                return m.place
        return None


# "in Gorgadji, about 40 kilometres south of Djibo", "at Kaya (100km from Ouagadougou)": a name a
# distance from a known place locates is a place, in the country of that place
_LOCATED = re.compile(
    r"\b(?:in|at|near|to|from)\s+(?:the\s+(?:village|town|locality|area)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s+(?:beach|camp|village|town|district|area|market|base))?\s*[,(]\s*(?:(?:a|the)\s+(?:small\s+)?(?:town|village|city|district|area|locality|camp)\s+)?(?:about|some|around|roughly|nearly|"
    r"approximately|just|over|less\s+than|more\s+than)?\s*\d[\d.,]*\s*[-\s]?(?:km|kms|kilomet(?:re|er)s?|miles?)\b")


def located_sites(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Names the gazetteer lacks that a distance from a place named right after locates
    ("in Gorgadji, 40 km south of Djibo"): sites of that place's country, at its coordinates."""
    if "km" not in text and "kilomet" not in text and "mile" not in text:
        return []
    mentions = sorted(mentions, key=lambda m: m.start)
    taken = Coverage(len(text), ((m.start, m.end) for m in mentions))
    starts = [m.start for m in mentions]
    g = gz.gazetteer()
    out = []
    for match in _LOCATED.finditer(text):
        s, e = match.span("name")
        name = match.group("name")
        if taken.covered(s, e) or fold_token(name.split()[0]) in g.never or fold_token(name.split()[0]) in FUNCTION:
            continue
        k = bisect_right(starts, match.end())
        reference = mentions[k] if k < len(mentions) else None
        if reference is None or reference.start - match.end() > 40 or not reference.place.country:
            continue
        host = reference.place
        out.append(PlaceMention(s, e, name, Place(name, host.country, host.lat, host.lon, "site", True,
                                                  host.admin1 if host.level != "country" else ""), False))
        taken.add(s, e)
    return out
