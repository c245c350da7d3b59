"""Amounts in text: "12,000", "2.5 million", "1.2m", "37.58 lakh", "Four-thousand", "half a
million", "5,000 to 10,000", "tens of thousands", each with its qualifier and its span.

`find_amounts(text)` is the candidate finder: it reads every amount it can parse and the
qualifier words in front of it ("about", "more than", "up to"). It does not decide whether an
amount is a humanitarian figure; `exclusions.py` rules out years, money, measurements and the
like, and `categories.py` ties the rest to what they count.

Two limits keep the reader total: an amount above `MAX_AMOUNT` is not read at all (no
humanitarian figure counts more people than live on Earth, and the store keeps 64-bit integers),
and every scan is linear in the text, so a 10,000-digit run or a page of number words costs
no more than its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The largest amount the reader reads: 10 billion, more than the world's population, far
# below SQLite's 2**63 - 1. A bigger number (a serial, a hash, "10 trillion") is no figure.
MAX_AMOUNT = 10_000_000_000
_MAX_DIGITS = len(str(MAX_AMOUNT))

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
    "million": 1_000_000, "crore": 10_000_000, "crores": 10_000_000, "billion": 1_000_000_000,
    "mn": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
}
_VAGUE = {  # the spec's vague amounts and their floors
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "tens of millions": 10_000_000,
    "hundreds of millions": 100_000_000, "thousands": 1_000, "hundreds": 100, "dozens": 12,
    "scores": 20, "millions": 1_000_000, "several thousand": 1_000, "several hundred": 100,
    "many thousands": 1_000, "several dozen": 12, "several hundred thousand": 100_000,
    "a few hundred thousand": 100_000, "a few million": 1_000_000, "a few thousand": 1_000,
    "a few hundred": 100, "a few dozen": 12,
}
# Words "a"/"an" counts one of ("a hundred", "a dozen", "a quarter of a million"); before any
# other number word the article is only an article: "a five-year-old", "a two hundred-strong".
_ARTICLE_SCALES = frozenset(["hundred", "thousand", "million", "billion", "lakh", "lakhs", "lac",
                             "crore", "crores", "dozen", "quarter"])

# Qualifier words, longest first; the value is the spec's qualifier.
_QUALIFIERS = [
    ("a little more than", "at_least"), ("a little over", "at_least"), ("slightly more than", "at_least"),
    ("well over", "at_least"), ("just over", "at_least"), ("more than", "at_least"),
    ("in excess of", "at_least"), ("upwards of", "at_least"), ("at least", "at_least"),
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("over", "at_least"),
    ("exceeded", "at_least"), ("exceeds", "at_least"), ("exceeding", "at_least"), ("surpassing", "at_least"),
    ("surpassed", "at_least"), ("topped", "at_least"), ("could top", "at_least"),
    ("a minimum of", "at_least"), ("beyond", "at_least"),
    ("as many as", "up_to"), ("up to", "up_to"), ("almost", "up_to"), ("nearly", "up_to"),
    ("close to", "up_to"), ("just under", "up_to"), ("fewer than", "up_to"), ("less than", "up_to"),
    ("under", "up_to"), ("could reach", "up_to"), ("could hit", "up_to"), ("could rise to", "up_to"),
    ("a maximum of", "up_to"), ("not more than", "up_to"), ("no more than", "up_to"),
    ("approximately", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("roughly", "about"), ("around", "about"), ("about", "about"), ("some", "about"),
    ("nearly", "up_to"), ("approx.", "about"), ("circa", "about"), ("an approximate", "about"),
    ("about", "about"), ("towards", "up_to"),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(“\"'—–-]))(" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w, _ in sorted(_QUALIFIERS, key=lambda q: -len(q[0]))
    ) + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_OF = {w: q for w, q in _QUALIFIERS}

_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand", "million", "billion",
                                "lakh", "lakhs", "crore", "crores", "dozen", "half", "quarter",
                                "quarters"], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|lakhs?|lac|crores?|mn|bn)\b"
_SCALE_SUFFIX = r"(?:m|bn|k|K|mn)\b"
_DIGIT_AMOUNT = (
    rf"(?P<num>{_DIGITS})(?P<dec>\.\d+)?"
    rf"(?:(?P<suffix>{_SCALE_SUFFIX})|[\s-]*(?P<scale>{_SCALE_WORD}))?"
)
_WORD_AMOUNT = (
    rf"(?P<words>(?:(?:a|an|one|{_NUMBER_WORD})(?:\s+and\s+|\s+of\s+|[\s-]+)?)*"
    rf"(?:{_NUMBER_WORD}))\b"
)
_VAGUE_AMOUNT = r"(?P<vague>" + "|".join(
    re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_VAGUE, key=len, reverse=True)
) + r")\b"
# Two scans, each cheap to start: digits, then words (a first-letter gate before the word
# alternation keeps the scan fast). What may stand before an amount is checked in code.
# A digit scan starts only where a run of digits starts: trying again inside a run that ends
# in a letter ("1111…1x") would make the scan quadratic, and can never match anyway.
_DIGIT_RE = re.compile(rf"(?<!\d)(?:{_DIGIT_AMOUNT})(?![\w])", re.IGNORECASE)
_WORD_RE = re.compile(
    rf"(?i:(?=[abcdefhlmnoqst])\b(?:{_VAGUE_AMOUNT}|{_WORD_AMOUNT}))(?![\w])"
)
_NOT_BEFORE = set("$£€¥#./+,:_")
# Words an amount in words can contain (besides "a", "an", "and", "of"): the word scan only
# tries the full pattern around them, which is far cheaper than trying it at every letter.
_GATE = frozenset([*_UNITS, *_TENS, "hundred", "thousand", "million", "billion", "lakh", "lakhs",
                   "lac", "crore", "crores", "dozen", "dozens", "half", "quarter", "quarters", "tens",
                   "hundreds", "thousands", "millions", "scores", "several", "many"])
_WORDS = re.compile(r"[A-Za-z]+")


_SEPARATORS = str.maketrans({c: " " for c in "-–—,.;:!?()[]{}\"'“”‘’/"})


def _word_matches(text: str):
    """What `_WORD_RE.finditer(text)` gives, found from the number words outward."""
    if _GATE.isdisjoint(text.lower().translate(_SEPARATORS).split()):
        return  # no number word at all: the common case, decided at C speed
    starts: list[int] = []
    last_end = 0
    for word in _WORDS.finditer(text):
        starts.append(word.start())
        if word.start() < last_end or word.group().lower() not in _GATE:
            continue
        for start in starts[-5:]:  # "three quarters of a million": up to four words before
            if start < last_end:
                continue
            match = _WORD_RE.match(text, start)
            if match and match.end() > word.start():
                yield match
                last_end = match.end()
                break


def _matches(text: str) -> list[re.Match]:
    """Amount matches in order, without those glued to a word, a currency or a code."""
    found = []
    for scan in (_DIGIT_RE.finditer(text), _word_matches(text)):
        for match in scan:
            start = match.start()
            if start:
                before = text[start - 1]
                if before.isalnum() or before in _NOT_BEFORE:
                    continue
                if before == "-" and start > 1 and text[start - 2].isalpha():
                    continue  # "COVID-19", "F-16"
            found.append(match)
    found.sort(key=lambda m: m.start())
    out, last_end = [], -1
    for match in found:
        if match.start() >= last_end:
            out.append(match)
            last_end = match.end()
    return out


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|or)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(between|from)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """An amount as written, with its span and the bounds its wording gives."""

    start: int
    end: int
    text: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    vague: bool
    qualifier_start: int  # start of the qualifier words in front ("about"), = start if none
    spelled: bool = False  # written in words ("six", "a dozen")


def _words_value(words: str) -> int | None:
    """Value of spelled-out numbers: "one hundred and twenty", "half a million",
    "three quarters of a million", "Four-thousand", "a dozen"."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t not in ("and", "of")]
    if not tokens:
        return None
    fraction = None
    if tokens[0] == "half":
        fraction, tokens = 0.5, tokens[1:]
    elif len(tokens) > 1 and tokens[1] in ("quarter", "quarters"):
        fraction = _UNITS.get(tokens[0], 1) / 4 if tokens[0] not in ("a", "an") else 0.25
        tokens = tokens[2:]
    elif tokens[0] == "quarter":
        fraction, tokens = 0.25, tokens[1:]
    total, current, seen = 0, 0, False
    for n, token in enumerate(tokens):
        if current > MAX_AMOUNT or total > MAX_AMOUNT:
            return None  # "a hundred hundred hundred …": no figure, and no giant product
        if token in ("a", "an"):
            if n + 1 < len(tokens) and tokens[n + 1] in _ARTICLE_SCALES and not current:
                current = 1  # "a hundred", "a dozen"; "a five" is the article and five
        elif token in _UNITS:
            current += _UNITS[token]
            seen = True
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in _SCALES:
            if total and not current:  # right after a scale it multiplies: "a thousand million"
                total *= _SCALES[token]
            else:
                total += (current or 1) * _SCALES[token]
            current = 0
            seen = True
        else:
            return None
    if not seen or (tokens[0] in _SCALES and fraction is None):
        return None  # "million" alone is a scale, not an amount
    value = total + current
    if fraction is not None:
        value = int(value * fraction)
    return value if 0 < value <= MAX_AMOUNT else None


def _digits_value(match: re.Match) -> int | None:
    number = re.sub(r"[,\s\u00a0\u202f]", "", match.groupdict().get("num")).lstrip("0") or "0"
    decimals = match.groupdict().get("dec") or ""
    scale_word = (match.groupdict().get("scale") or match.groupdict().get("suffix") or "").lower()
    scale = _SCALES.get(scale_word, 1)
    if decimals and scale == 1:
        return None  # "4.25" alone is not a count
    if len(number) > _MAX_DIGITS:
        return None  # beyond any figure; also keeps int() and float() away from huge strings
    value = int(number) * scale if not decimals else int(round(float(number + decimals) * scale))
    return value if value <= MAX_AMOUNT else None


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier words that end right before `start`, and where they begin."""
    window = text[max(0, start - 24):start]
    match = _QUALIFIER_RE.search(window)
    if not match:
        return "exact", start
    word = re.sub(r"\s+", " ", match.group(1).lower())
    return _QUALIFIER_OF.get(word, "exact"), start - len(window) + match.start(1)


def _parse(match: re.Match) -> tuple[int, bool, bool] | None:
    """(value, vague, spelled) of one regex match."""
    if match.groupdict().get("vague"):
        phrase = re.sub(r"\s+", " ", match.groupdict().get("vague").lower())
        return _VAGUE[phrase], True, False
    if match.groupdict().get("num"):
        value = _digits_value(match)
        return (value, False, False) if value is not None else None
    words = match.groupdict().get("words")
    value = _words_value(words)
    if value is None:
        return None
    return value, False, True


_LEADING_ARTICLES = re.compile(
    r"(?:(?:a|an)[\s-]+)+(?!(?:" + "|".join(sorted(_ARTICLE_SCALES, key=len, reverse=True)) + r")\b)",
    re.IGNORECASE,
)


def _trim_words(text: str, match: re.Match) -> tuple[int, int]:
    """Drop the leading articles the word pattern swallowed that are not the "one" of a
    scale word: "a five" is "five", "a hundred" stays "a hundred" (see `_ARTICLE_SCALES`)."""
    start, end = match.span()
    if match.groupdict().get("words"):
        lead = _LEADING_ARTICLES.match(text, start, end)
        if lead:
            start = lead.end()
    return start, end


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, ranges joined, in order of appearance."""
    raw: list[tuple[int, int, int, bool, bool]] = []
    for match in _matches(text):
        start, end = _trim_words(text, match)
        if start >= end:
            continue
        parsed = _parse(match)
        if parsed is None:
            continue
        value, vague, spelled = parsed
        if spelled and text[start:end].lower() in ("a", "an", "half", "quarter", "quarters"):
            continue
        raw.append((start, end, value, vague, spelled))
    raw = _share_scales(text, raw)
    amounts: list[Amount] = []
    i = 0
    while i < len(raw):
        start, end, value, vague, spelled = raw[i]
        if i + 1 < len(raw) and not vague and not raw[i + 1][3]:
            joined = _as_range(text, raw[i], raw[i + 1])
            if joined is not None:
                amounts.append(joined)
                i += 2
                continue
        qualifier, q_start = _qualifier_before(text, start)
        if vague:
            qualifier, low, high = "vague", value, None
        elif qualifier == "at_least":
            low, high = value, None
        elif qualifier == "up_to":
            low, high = None, value
        else:
            low, high = value, value
        amounts.append(Amount(start, end, text[start:end], value, low, high, qualifier, vague,
                              q_start, spelled))
        i += 1
    return amounts


def _share_scales(text: str, raw: list) -> list:
    """ "2 to 3 million": the scale word of the second number applies to the first."""
    out = list(raw)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a[3] or b[3] or not re.fullmatch(r"\s*(?:-|–|to|and)\s*", text[a[1]:b[0]], re.IGNORECASE):
            continue
        if re.search(r"(?:hundred|thousand|million|billion|lakhs?|crores?|m|bn|k)\s*$", text[a[0]:a[1]], re.IGNORECASE):
            continue  # the first number has a scale of its own
        scale = re.search(r"(million|billion|thousand|lakhs?|crores?|m|bn|k)\s*$", text[b[0]:b[1]], re.IGNORECASE)
        if scale:
            multiplied = a[2] * _SCALES[scale.group(1).lower().rstrip("s") if scale.group(1).lower() in ("lakhs", "crores") else scale.group(1).lower()]
            if multiplied < b[2]:
                out[i] = (a[0], a[1], multiplied, a[3], a[4])
    return out


def _as_range(text: str, first: tuple, second: tuple) -> Amount | None:
    """ "5,000 to 10,000", "5,000-10,000", "between 5,000 and 10,000" as one range."""
    start, end, low, _, spelled = first
    start2, end2, high, _, _ = second
    between = text[end:start2]
    if not re.fullmatch(r"\s*(?:-|–|—|to|and)\s*", between, re.IGNORECASE):
        return None
    window = text[max(0, start - 10):start]
    is_between = _BETWEEN.search(window)
    if between.strip().lower() == "and" and not is_between:
        return None
    if not (0 < low < high):
        return None
    if between.strip() in "-–—" and high > low * 20:
        return None
    qualifier, q_start = _qualifier_before(text, start)
    if is_between:
        q_start = start - len(window) + is_between.start(1)
    return Amount(start, end2, text[start:end2], low, low, high, "range", False, min(q_start, start),
                  spelled)
