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

from . import vocabulary
from .wordtrie import compile_words, lower
from .settings import MAX_AMOUNT, NUMBER_WORDS_BACK, NUMBER_WORDS_LOOK_BACK, QUALIFIER_REACH

_MAX_DIGITS = len(str(MAX_AMOUNT))

def _number_words() -> dict[str, dict[str, int]]:
    """The rows of number_words.csv by kind: {kind: {word: value}} (abbreviations keep their
    case, the rest lower case), plus "spaced": abbreviations also read after a space."""
    out: dict[str, dict[str, int]] = {}
    for row in vocabulary.table("number_words"):
        word = row["word"] if row["kind"] == "abbreviation" else row["word"].lower()
        out.setdefault(row["kind"], {})[word] = int(row["value"])
        if row.get("spaced") == "yes":
            out.setdefault("spaced", {})[word] = int(row["value"])
    return out


_NUMBER_WORDS = _number_words()
_UNITS = _NUMBER_WORDS["unit"]
_TENS = _NUMBER_WORDS["ten"]
_MULTIPLIERS = _NUMBER_WORDS["multiplier"]   # hundred, dozen
_GROUP_SCALES = _NUMBER_WORDS["scale"]       # thousand, lakh, million, crore, billion
_FRACTIONS = _NUMBER_WORDS["fraction"]       # half, quarter(s): value = denominator
_ABBREVIATIONS = _NUMBER_WORDS["abbreviation"]
_SPACED = _NUMBER_WORDS.get("spaced", {})
# Every scale a number is multiplied by, by its lower-case spelling ("MM" read as "mm" only
# where its case was checked by the digit pattern).
_SCALES = {**{w.lower(): v for w, v in _ABBREVIATIONS.items()}, **_MULTIPLIERS, **_GROUP_SCALES}
_VAGUE = {row["phrase"].lower(): int(row["floor"]) for row in vocabulary.table("vague_amounts")}
# Words "a"/"an" counts one of ("a hundred", "a dozen", "a quarter of a million"); before any
# other number word the article is only an article: "a five-year-old", "a two hundred-strong".
_ARTICLE_SCALES = frozenset([*_MULTIPLIERS, *_GROUP_SCALES, "quarter"])

# Qualifier words, longest first; the value is the spec's qualifier.
_QUALIFIER_OF = {" ".join(row["phrase"].lower().split()): row["qualifier"]
                 for row in vocabulary.table("qualifiers")}
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(“\"'—–-]))(" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_QUALIFIER_OF, key=len, reverse=True)
    ) + r")\s*$",
    re.IGNORECASE,
)
_QUALIFIER_LAST = frozenset(q.split()[-1] for q in _QUALIFIER_OF)  # "than", "least", "some" ...


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _abbreviation(word: str) -> str:
    """An abbreviation as a pattern: in capitals only when listed with capitals ("MM")."""
    return f"(?-i:{re.escape(word)})" if word != word.lower() else re.escape(word)


_NUMBER_WORD = _alternation([*_UNITS, *_TENS, *_MULTIPLIERS, *_GROUP_SCALES, *_FRACTIONS])
# A digit that starts a run of digits, then the rest of the number: written with the digit first
# so that the scan jumps from digit to digit (a pattern opening with a look-behind tries every
# character of the text).
_DIGITS = r"\d(?<!\d\d)(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)|\d*)"
_SCALE_WORD = rf"(?:{_alternation([*_MULTIPLIERS, *_GROUP_SCALES, *_SPACED])})\b"
_SCALE_SUFFIX = "(?:" + "|".join(_abbreviation(w) for w in sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b"
_DIGIT_AMOUNT = (
    rf"(?P<num>{_DIGITS})(?P<dec>\.\d+|,\d{{1,2}}(?=[\s-]*{_SCALE_WORD}))?(?!\.\d)"
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
# A digit scan starts only where a run of digits starts (`_DIGITS`): trying again inside a run
# that ends in a letter ("1111…1x") would make the scan quadratic, and can never match anyway.
_DIGIT_RE = re.compile(rf"(?:{_DIGIT_AMOUNT})(?![\w])", re.IGNORECASE)
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*_NUMBER_WORDS["unit"], *_TENS, *_MULTIPLIERS,
                                                *_GROUP_SCALES, *_FRACTIONS, *_VAGUE, "a"]}))
_WORD_RE = re.compile(
    rf"(?i:(?=[{_FIRST_LETTERS}])\b(?:{_VAGUE_AMOUNT}|{_WORD_AMOUNT}))(?![\w])"
)
_NOT_BEFORE = set("$£€¥#./+,:_")
# Words an amount in words can contain (besides "a", "an", "and", "of"): the word scan only
# tries the full pattern around them, which is far cheaper than trying it at every letter.
_GATE = compile_words([*_UNITS, *_TENS, *_MULTIPLIERS, *_GROUP_SCALES, *_FRACTIONS,
                       *{w for v in _VAGUE for w in v.split()} - {"a", "an", "of", "few"}])
_WORD_STARTS = re.compile(r"[A-Za-z]+")
# Words an amount in words may start with: a number word, "a"/"an", the first word of a vague one.
_START_WORDS = frozenset([*_UNITS, *_TENS, *_MULTIPLIERS, *_GROUP_SCALES, *_FRACTIONS, "a", "an",
                          *(v.split()[0] for v in _VAGUE)])


def _word_matches(text: str, low: str):
    """What `_WORD_RE.finditer(text)` gives, found from the number words outward (`low` is the
    text lower-cased, offsets kept)."""
    last_end = 0
    for hit in _GATE.finditer(low):
        at = hit.start()
        if at < last_end:
            continue
        words = list(_WORD_STARTS.finditer(low, max(last_end, at - NUMBER_WORDS_LOOK_BACK), at))[-NUMBER_WORDS_BACK:]
        starts = [m.start() for m in words if m.group() in _START_WORDS]  # "a", "three", "several" ...
        for start in [*starts, at]:
            match = _WORD_RE.match(text, start)
            if match and match.end() > at:
                yield match
                last_end = match.end()
                break


def _matches(text: str) -> list[re.Match]:
    """Amount matches in order, without those glued to a word, a currency or a code."""
    found = []
    for scan in (_DIGIT_RE.finditer(text), _word_matches(text, lower(text))):
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


_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s-]+")
_SEPARATOR_CHARS = re.compile(r"[,\s\u00a0\u202f]")
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
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t and t not in ("and", "of")]
    if not tokens:
        return None
    fraction = None
    if tokens[0] in _FRACTIONS:  # "half a million", "quarter of a million"
        fraction, tokens = 1 / _FRACTIONS[tokens[0]], tokens[1:]
    elif len(tokens) > 1 and tokens[1] in _FRACTIONS:  # "three quarters of a million"
        numerator = _UNITS.get(tokens[0], 1) if tokens[0] not in ("a", "an") else 1
        fraction, tokens = numerator / _FRACTIONS[tokens[1]], tokens[2:]
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
        elif token in _MULTIPLIERS:  # "three hundred", "two dozen"
            current = (current or 1) * _MULTIPLIERS[token]
            seen = True
        elif token in _GROUP_SCALES:
            if total and not current:  # right after a scale it multiplies: "a thousand million"
                total *= _GROUP_SCALES[token]
            else:
                total += (current or 1) * _GROUP_SCALES[token]
            current = 0
            seen = True
        else:
            return None
    if not seen or ((tokens[0] in _GROUP_SCALES or tokens[0] == "hundred") and fraction is None):
        return None  # "million" alone is a scale, not an amount
    value = total + current
    if fraction is not None:
        value = int(value * fraction)
    return value if 0 < value <= MAX_AMOUNT else None


def _digits_value(match: re.Match) -> int | None:
    number = _SEPARATOR_CHARS.sub("", match["num"]).lstrip("0") or "0"
    decimals = (match["dec"] or "").replace(",", ".")  # "1,2 million": a decimal comma
    scale_word = (match["scale"] or match["suffix"] or "").lower()
    scale = _SCALES.get(scale_word, 1)
    if decimals and scale == 1:
        return None  # "4.25" alone is not a count
    if len(number) > _MAX_DIGITS:
        return None  # beyond any figure; also keeps int() and float() away from huge strings
    value = int(number) * scale if not decimals else round(float(number + decimals) * scale)
    return value if value <= MAX_AMOUNT else None


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier words that end right before `start`, and where they begin."""
    window = text[max(0, start - QUALIFIER_REACH):start]
    last = window.rsplit(None, 1)[-1].lower() if window.strip() else ""
    if last not in _QUALIFIER_LAST and last.lstrip("(“\"'—–-") not in _QUALIFIER_LAST:
        return "exact", start  # the common case: no qualifier word ends right before
    match = _QUALIFIER_RE.search(window)
    if not match:
        return "exact", start
    word = " ".join(match.group(1).lower().split())
    return _QUALIFIER_OF.get(word, "exact"), start - len(window) + match.start(1)


def _parse(match: re.Match) -> tuple[int, bool, bool] | None:
    """(value, vague, spelled) of one regex match."""
    if match.re is _DIGIT_RE:  # the digit scan's match (its `num` is never empty)
        value = _digits_value(match)
        return (value, False, False) if value is not None else None
    if match["vague"]:
        phrase = " ".join(match["vague"].lower().split())
        return _VAGUE[phrase], True, False
    words = match["words"]
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
    if match.re is _WORD_RE and match["words"]:
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
        if spelled and text[start:end].lower() in ("a", "an", *_FRACTIONS):
            continue
        raw.append((start, end, value, vague, spelled))
    raw.extend(_another(text, raw))
    raw.sort()
    raw = _digits_and_words(text, _share_scales(text, raw))
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
    return _bounded_ranges(text, amounts)


# "killing one and wounding another", "one was killed and another injured": "another" standing
# for one more person (not "another 300", not "another attack")
_ANOTHER = re.compile(r"\b[Aa]nother\b(?=\s*(?:[.,;:)]|$)|\s+(?:was|is|has|had|were|died|person|man|woman|"
                      r"boy|girl|child|civilian|soldier|officer|policeman|worker|injured|wounded|hurt|"
                      r"killed|in|at|on|near|during)\b)")


def _another(text: str, raw: list) -> list:
    if "nother" not in text:
        return []
    taken = [(r[0], r[1]) for r in raw]
    return [(m.start(), m.end(), 1, False, True) for m in _ANOTHER.finditer(text)
            if _ANOTHER_BEFORE.search(text, max(0, m.start() - 30), m.start())
            and not any(a < m.end() and m.start() < b for a, b in taken)]


_ANOTHER_BEFORE = re.compile(r"\b(?:and|while)\s+(?:[a-z]+\s+)?$")  # "and (wounding) another"


_SCALE_JOIN = re.compile(r"\s*(?:-|–|to|and)\s*", re.IGNORECASE)
_OWN_SCALE = re.compile(rf"(?:{_alternation([*_SCALES])})\s*$", re.IGNORECASE)
_SHARED_SCALE = re.compile(rf"({_alternation([*_GROUP_SCALES, *(w.lower() for w in _ABBREVIATIONS)])})\s*$",
                           re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_GROUPED_THOUSANDS = re.compile(r"\d,000$")
_DASH_JOIN = re.compile(r"\s*(?:-|–|to)\s*", re.IGNORECASE)
_BOUNDS_JOIN = re.compile(r"\s*,?\s*(?:and|but)\s*", re.IGNORECASE)


def _share_scales(text: str, raw: list) -> list:
    """ "2 to 3 million": the scale word of the second number applies to the first."""
    out = list(raw)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a[3] or b[3] or not _SCALE_JOIN.fullmatch(text, a[1], b[0]):
            continue
        if _OWN_SCALE.search(text, a[0], a[1]):
            continue  # the first number has a scale of its own
        scale = _SHARED_SCALE.search(text, b[0], b[1])
        if scale is None and a[2] < 1000 and _GROUPED_THOUSANDS.search(text, b[0], b[1]) \
                and _DASH_JOIN.fullmatch(text, a[1], b[0]) and a[2] * 1000 < b[2]:
            out[i] = (a[0], a[1], a[2] * 1000, a[3], a[4])  # "12-15,000": 12,000 to 15,000
            continue
        if scale:
            multiplied = a[2] * _SCALES[scale.group(1).lower()]
            if multiplied < b[2]:
                out[i] = (a[0], a[1], multiplied, a[3], a[4])
    return out


def _digits_and_words(text: str, raw: list) -> list:
    """ "3 hundred and one", "9-hundred and twenty", "10-thousand and 92": digits with a scale
    word, then "and" and a smaller amount, are one amount."""
    out: list = []
    skip_to = -1
    for n, entry in enumerate(raw):
        start, end, value, vague, spelled = entry
        if start < skip_to:
            continue
        scale = None if (vague or spelled) else _OWN_SCALE.search(text, start, end)
        joined = _AND.match(text, end) if scale else None
        if joined:
            limit = _SCALES[scale.group().strip().lower()]
            words = _WORD_RE.match(text, joined.end())
            rest = _words_value(words.group("words")) if words and words["words"] else None
            rest_end = words.end() if rest else -1
            if rest is None and n + 1 < len(raw) and raw[n + 1][0] == joined.end() and not raw[n + 1][3]:
                rest, rest_end = raw[n + 1][2], raw[n + 1][1]  # "10-thousand and 92"
            if rest and rest < limit:
                out.append((start, rest_end, value + rest, False, False))
                skip_to = rest_end
                continue
        out.append(entry)
    return out


def _bounded_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "above 1,000 and below 1,500": a lower and an upper bound joined by "and" are one range."""
    out: list[Amount] = []
    for amount in amounts:
        first = out[-1] if out else None
        if first is not None and first.qualifier == "at_least" and amount.qualifier == "up_to" \
                and first.value < amount.value and _BOUNDS_JOIN.fullmatch(text, first.end, amount.qualifier_start):
            out[-1] = Amount(first.start, amount.end, text[first.start:amount.end], first.value, first.value,
                             amount.value, "range", False, first.qualifier_start, first.spelled)
            continue
        out.append(amount)
    return out


# a change of a count: "rose from", "climbed from", "has grown from" (then "from A to B" is no range)
_CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|jumps|increased|increases|"
                            r"grew|grown|surged|soared|fell|fallen|dropped|declined|decreased|went\s+up|"
                            r"gone\s+up|revised|raised|up|down)\s+(?:\w+\s+)?from\s+(?:about\s+|around\s+)?$",
                            re.IGNORECASE)


def _as_range(text: str, first: tuple, second: tuple) -> Amount | None:
    """ "5,000 to 10,000", "5,000-10,000", "between 5,000 and 10,000" as one range."""
    start, end, low, _, spelled = first
    start2, end2, high, _, _ = second
    between = text[end:start2]
    if not _RANGE_BETWEEN.fullmatch(between):
        return None
    window = text[max(0, start - 10):start]
    is_between = _BETWEEN.search(window)
    if between.strip().lower() == "and" and not is_between:
        return None
    if not (0 < low < high):
        return None
    if _CHANGE_BEFORE.search(text, max(0, start - 40), start):
        return None  # "the toll climbed from 30 to 43": two counts, the later one the news
    if between.strip() in "-–—" and high > low * 20:
        return None
    _, q_start = _qualifier_before(text, start)
    if is_between:
        q_start = start - len(window) + is_between.start(1)
    return Amount(start, end2, text[start:end2], low, low, high, "range", False, min(q_start, start),
                  spelled)
