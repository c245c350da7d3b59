"""Amounts in text: "12,000", "12,50,000", "1.234.567", "2.5 million", "1.2m", "1½ million",
"37.58 lakh", "Four-thousand", "half a million", "5,000 to 10,000", "tens of thousands", each
with its qualifier and its span.

`find_amounts(text)` is the candidate finder: it reads every amount it can parse and the
qualifier words in front of it ("about", "more than", "up to"). It does not decide whether an
amount is a humanitarian figure; `exclusions.py` rules out years, money, measurements and the
like, and `categories.py` ties the rest to what they count. Number words and their values are
`spelled_numbers.py`, qualifier words `number_qualifiers.py`, and the joining of neighbouring
readings into one amount (ranges, shared scales) `amount_joins.py`.

Two limits keep the reader total: an amount above `MAX_AMOUNT` is not read at all (no
humanitarian figure counts more people than live on Earth, and the store keeps 64-bit integers),
and every scan is linear in the text, so a 10,000-digit run or a page of number words costs
no more than its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .amount_joins import (as_range, bounded_ranges, comma_groups, descending_scales, digits_and_words,
                           restated_in_digits, share_scales)
from .number_qualifiers import qualifier_after, qualifier_before
from .quick_init import quick_init
from .settings import MAX_AMOUNT
from .spelled_numbers import (ABBREVIATIONS, ARTICLE_SCALES, FRACTIONS, GROUP_SCALES, MULTIPLIERS, PLURALS,
                              SCALES, SPACED, UNITS, VAGUE, WORD_RE, alternation, word_matches, word_pieces,
                              words_value)
from .wordtrie import lower

__all__ = ["MAX_AMOUNT", "Amount", "find_amounts"]

_MAX_DIGITS = len(str(MAX_AMOUNT))


def _abbreviation(word: str) -> str:
    """An abbreviation as a pattern: in capitals only when listed with capitals ("MM")."""
    return f"(?-i:{re.escape(word)})" if word != word.lower() else re.escape(word)


_SCALE_WORD = rf"(?:{alternation([*MULTIPLIERS, *GROUP_SCALES, *SPACED])})\b"
_SCALE_SUFFIX = "(?:" + "|".join(_abbreviation(w) for w in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b"
_SCALE_AFTER = rf"(?:[\s-]*{_SCALE_WORD}|{_SCALE_SUFFIX})"
# A digit that starts a run of digits, then the rest of the number: written with the digit first
# so that the scan jumps from digit to digit (a pattern opening with a look-behind tries every
# character of the text). Groups of thousands are set off by commas ("1,234"), spaces ("1 234"),
# the Indian lakh and crore commas ("12,50,000"), apostrophes ("1'234") or, where no scale word
# follows to make them a decimal ("1.234 million"), dots ("1.234.567", "12.500").
_DIGITS = (
    r"\d(?<!\d\d)(?:\d?(?:,\d\d)+,\d{3}(?!\d|,\d)"
    r"|\d{0,2}(?:,\d{3})+"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)"
    rf"|\d{{0,2}}(?:\.\d{{3}})+(?!\d|[.,]\d|{_SCALE_AFTER})"
    r"|\d{0,2}(?:['’]\d{3})+(?!\d|['’]?\w)"
    r"|\d*)"
)
# A fraction between the digits and their scale: "1½ million", "1 1/2 million", "2 and a half
# thousand"
_FRACTION_SIGNS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4}
_FRACTION = (
    rf"(?P<frac>[{''.join(_FRACTION_SIGNS)}]|\s[13]/[24]"
    rf"|[\s-]+and[\s-]+(?:a|one|three)[\s-]+(?:{alternation(FRACTIONS)}))(?={_SCALE_AFTER})"
)
# "3 dozens": a plural multiplier after at most two digits ("2019 dozens" is a year, then dozens)
_PLURAL = rf"(?<!\d\d\d)(?<![,.]\d)(?<![,.]\d\d)[\s-]*(?P<plural>{alternation(PLURALS)})\b" if PLURALS else "(?!x)x"
_DIGIT_AMOUNT = (
    rf"(?P<num>{_DIGITS})(?P<dec>\.\d+|,\d{{1,2}}(?=[\s-]*{_SCALE_WORD}))?(?!\.\d)(?:{_FRACTION})?"
    rf"(?:(?P<suffix>{_SCALE_SUFFIX})|[\s-]*(?P<scale>{_SCALE_WORD})|{_PLURAL})?"
)
# The digit scan starts only where a run of digits starts (`_DIGITS`): trying again inside a run
# that ends in a letter ("1111…1x") would make the scan quadratic, and can never match anyway.
# What may stand before an amount is checked in code.
# ... or an amount glued to the noun it counts, as text copied from a PDF table runs them
# together ("196,397persons", "2,310families"): a counted noun ends the amount.
_GLUED_NOUN = r"(?<=\d)(?=(?:persons|people|individuals|families|households|houses)\b)"
_DIGIT_RE = re.compile(rf"(?:{_DIGIT_AMOUNT})(?:(?![\w])|{_GLUED_NOUN})", re.IGNORECASE)
_NOT_BEFORE = set("$£€¥#./+,:_")


def _matches(text: str) -> list[re.Match]:
    """Amount matches in order, without those glued to a word, a currency or a code."""
    found = []
    digits = list(_DIGIT_RE.finditer(text))
    digit_ends = {m.end() for m in digits}
    for scan in (digits, word_matches(text, lower(text))):
        for match in scan:
            start = match.start()
            if start:
                before = text[start - 1]
                if before.isalnum() or before in _NOT_BEFORE:
                    continue
                if before == "-" and start > 1 and text[start - 2].isalpha() and start - 1 not in digit_ends:
                    continue  # "COVID-19", "F-16"; not "1.2m-1.5m"
            found.append(match)
    found.sort(key=lambda m: (m.start(), -m.end()))  # "10,000s" over its "10"
    out, last_end = [], -1
    for match in found:
        if match.start() >= last_end:
            out.append(match)
            last_end = match.end()
    return out


_SEPARATOR_CHARS = re.compile(r"[,.'’\s\u00a0\u202f]")
_WRITTEN_FRACTION = re.compile(r"([13])/([24])")


@quick_init
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


def _fraction_value(frac: str) -> float:
    """ "½" 0.5, " 3/4" 0.75, " and a half" 0.5, " and three quarters" 0.75."""
    if frac in _FRACTION_SIGNS:
        return _FRACTION_SIGNS[frac]
    written = _WRITTEN_FRACTION.search(frac)
    if written:
        return int(written.group(1)) / int(written.group(2))
    *_, numerator, denominator = frac.lower().split()
    return UNITS.get(numerator, 1) / FRACTIONS[denominator]


def _digits_value(match: re.Match) -> int | None:
    number = match["num"]
    if not number.isdecimal():  # the common case, "300", has no separators to take out
        number = _SEPARATOR_CHARS.sub("", number)
    number = number.lstrip("0") or "0"
    decimals = (match["dec"] or "").replace(",", ".")  # "1,2 million": a decimal comma
    scale_word = (match["scale"] or match["suffix"] or match["plural"] or "").lower()
    scale = SCALES.get(scale_word, 1)
    if (decimals or match["frac"]) and scale == 1:
        return None  # "4.25" alone is not a count
    if len(number) > _MAX_DIGITS:
        return None  # beyond any figure; also keeps int() and float() away from huge strings
    if match["frac"]:
        if decimals:
            return None
        value = round((int(number) + _fraction_value(match["frac"])) * scale)
    else:
        value = int(number) * scale if not decimals else round(float(number + decimals) * scale)
    return value if value <= MAX_AMOUNT else None


_TO_NEXT = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)


def _decimal_before_a_scale(text: str, match: re.Match) -> int | None:
    """ "1.5 to 2 million", "1.5-2m": a decimal with no scale of its own takes the scale of the
    number it is joined to, when that one is bigger."""
    if match.re is not _DIGIT_RE or not match["dec"] or match["frac"] or match["scale"] or match["suffix"]:
        return None
    joint = _TO_NEXT.match(text, match.end())
    second = _DIGIT_RE.match(text, joint.end()) if joint else None
    if second is None or not (second["scale"] or second["suffix"]) or second["frac"]:
        return None
    number = _SEPARATOR_CHARS.sub("", match["num"])
    if len(number) > _MAX_DIGITS or "," in match["dec"]:
        return None
    scale = SCALES[(second["scale"] or second["suffix"]).lower()]
    value, limit = round(float(number + match["dec"]) * scale), _digits_value(second)
    return value if limit is not None and 0 < value < limit else None


def _parse(match: re.Match) -> tuple[int, bool, bool] | None:
    """(value, vague, spelled) of one match of the digit scan or a vague amount."""
    if match.re is _DIGIT_RE:  # the digit scan's match (its `num` is never empty)
        value = _digits_value(match)
        return (value, False, False) if value is not None else None
    phrase = " ".join(match["vague"].lower().split())
    return VAGUE[phrase], True, False


_LEADING_ARTICLES = re.compile(
    r"(?:(?:a|an)[\s-]+)+(?!(?:" + "|".join(sorted(ARTICLE_SCALES, key=len, reverse=True)) + r")\b)",
    re.IGNORECASE,
)


def _trim_words(text: str, match: re.Match) -> tuple[int, int]:
    """Drop the leading articles the word pattern swallowed that are not the "one" of a
    scale word: "a five" is "five", "a hundred" stays "a hundred" (see `ARTICLE_SCALES`)."""
    start, end = match.span()
    if match.re is WORD_RE and match["words"]:
        lead = _LEADING_ARTICLES.match(text, start, end)
        if lead:
            start = lead.end()
    return start, end


def _readings(text: str) -> list[tuple[int, int, int, bool, bool]]:
    """Every number reading: (start, end, value, vague, spelled), in text order."""
    raw: list[tuple[int, int, int, bool, bool]] = []
    for match in _matches(text):
        start, end = _trim_words(text, match)
        if start >= end:
            continue
        if match.re is WORD_RE and match["words"]:
            for s, e in word_pieces(text, start, end):  # "between two and three hundred"
                piece = " ".join(text[s:e].lower().split())
                if piece in VAGUE:  # "five and dozens were hurt": the second one vague
                    raw.append((s, e, VAGUE[piece], True, False))
                    continue
                value = words_value(piece)
                if value is not None and piece not in ("a", "an", *FRACTIONS):
                    raw.append((s, e, value, False, True))
            continue
        parsed = _parse(match)
        if parsed is None:
            value = _decimal_before_a_scale(text, match)
            parsed = (value, False, False) if value is not None else None
        if parsed is not None:
            raw.append((start, end, *parsed))
    raw.extend(_another(text, raw))
    if not raw:
        return raw  # most sentences: no number at all, nothing to join
    raw.sort()
    return digits_and_words(text, share_scales(text, descending_scales(
        text, restated_in_digits(text, comma_groups(text, raw)))))


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, ranges joined, in order of appearance."""
    raw = _readings(text)
    amounts: list[Amount] = []
    i = 0
    while i < len(raw):
        start, end, value, vague, spelled = raw[i]
        if i + 1 < len(raw) and not vague and not raw[i + 1][3]:
            joined = as_range(text, raw[i], raw[i + 1])
            if joined is not None:
                s, e, low, high, q_start, spelled = joined
                amounts.append(Amount(s, e, text[s:e], low, low, high, "range", False, q_start, spelled))
                i += 2
                continue
        qualifier, q_start = qualifier_before(text, start)
        after = None if vague else qualifier_after(text, end)
        if after is not None:  # "300 or more", "300-odd", "300+"; the words in front first
            if qualifier == "exact" and after[0]:
                qualifier = after[0]
            end = after[1]
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
    return bounded_ranges(text, amounts)


# "killing one and wounding another", "one was killed and another injured": "another" standing
# for one more person (not "another 300", not "another attack")
_ANOTHER = re.compile(r"\b[Aa]nother\b(?=\s*(?:[.,;:)]|$)|\s+(?:was|is|has|had|were|died|person|man|woman|"
                      r"boy|girl|child|civilian|soldier|officer|policeman|worker|injured|wounded|hurt|"
                      r"killed|in|at|on|near|during)\b)")
_ANOTHER_BEFORE = re.compile(r"\b(?:and|while)\s+(?:[a-z]+\s+)?$")  # "and (wounding) another"


def _another(text: str, raw: list) -> list:
    if "nother" not in text:
        return []
    taken = [(r[0], r[1]) for r in raw]
    return [(m.start(), m.end(), 1, False, True) for m in _ANOTHER.finditer(text)
            if _ANOTHER_BEFORE.search(text, max(0, m.start() - 30), m.start())
            and not any(a < m.end() and m.start() < b for a, b in taken)]
