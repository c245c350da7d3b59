"""Amounts read as one from several number readings next to each other: ranges ("5,000 to
10,000", "between 300 and 400", "two or three", "above 1,000 and below 1,500"), a scale shared
by both bounds ("2 to 3 million", "three to four hundred", "12-15,000", "1.5-2 million"), digits
with words ("3 hundred and one"), descending scales ("4 lakh 24 thousand", "1 crore 20 lakh")
and spelled numbers grouped by commas ("one thousand, two hundred and thirty-four"), and a
number restated in digits ("Eighteen (18)", "8.61 lakh [861,000]").

The passes work on the raw readings of `numbers.find_amounts`: tuples
(start, end, value, vague, spelled), in text order.
"""
from __future__ import annotations

import dataclasses
import re

from . import calendar_words
from .number_qualifiers import qualifier_before
from .spelled_numbers import ABBREVIATIONS, GROUP_SCALES, MULTIPLIERS, SCALES, WORD_RE, alternation, words_value

_SCALE_JOIN = re.compile(r"\s*(?:-|–|—|~|to|through|thru|and|or)\s*", re.IGNORECASE)
_OWN_SCALE = re.compile(rf"(?:{alternation([*SCALES])})\s*$", re.IGNORECASE)
_SHARED_WORDS = alternation([*GROUP_SCALES, *MULTIPLIERS, *(w.lower() for w in ABBREVIATIONS)])
# the scale words that end the second bound: "million", "hundred thousand", "m"
_SHARED_SCALE = re.compile(rf"(?<![a-z])((?:(?:{_SHARED_WORDS})[\s-]*)+)$", re.IGNORECASE)
_GROUPED_THOUSANDS = re.compile(r"\d,000$")
_DASH_JOIN = re.compile(r"\s*(?:-|–|—|~|to|through|thru)\s*", re.IGNORECASE)
_AND = re.compile(r"[\s-]+and[\s-]+", re.IGNORECASE)
_SCALE_WORD_SPLIT = re.compile(r"[\s-]+")


def _shared_factor(words: str) -> int:
    factor = 1
    for word in _SCALE_WORD_SPLIT.split(words.strip().lower()):
        factor *= SCALES[word]
    return factor


def share_scales(text: str, raw: list) -> list:
    """ "2 to 3 million", "three to four hundred": the scale words of the second number apply
    to the first; "12-15,000": the thousands too."""
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
            multiplied = a[2] * _shared_factor(scale.group(1))
            if multiplied < b[2]:
                out[i] = (a[0], a[1], multiplied, a[3], a[4])
    return out


def _ends_in_letter(text: str, start: int, end: int) -> bool:
    """text[start:end] ends in a letter, spaces aside: it may end in a scale word (`_OWN_SCALE`)."""
    return text[start:end].rstrip()[-1:].isalpha()


def digits_and_words(text: str, raw: list) -> list:
    """ "3 hundred and one", "9-hundred and twenty", "10-thousand and 92": digits with a scale
    word, then "and" and a smaller amount, are one amount."""
    out: list = []
    skip_to = -1
    for n, entry in enumerate(raw):
        start, end, value, vague, spelled = entry
        if start < skip_to:
            continue
        scale = None if (vague or spelled or not _ends_in_letter(text, start, end)) \
            else _OWN_SCALE.search(text, start, end)
        joined = _AND.match(text, end) if scale else None
        if joined:
            limit = SCALES[scale.group().strip().lower()]
            words = WORD_RE.match(text, joined.end())
            rest = words_value(words.group("words")) if words and words["words"] else None
            rest_end = words.end() if rest else -1
            if rest is None and n + 1 < len(raw) and raw[n + 1][0] == joined.end() and not raw[n + 1][3]:
                rest, rest_end = raw[n + 1][2], raw[n + 1][1]  # "10-thousand and 92"
            if rest and rest < limit:
                out.append((start, rest_end, value + rest, False, False))
                skip_to = rest_end
                continue
        out.append(entry)
    return out


_COMMA = re.compile(r",[ \t]?")
_LAST_GROUP_SCALE = re.compile(rf"(?:{alternation(GROUP_SCALES)})$", re.IGNORECASE)


def comma_groups(text: str, raw: list) -> list:
    """ "one thousand, two hundred and thirty-four", "one million, twenty thousand": spelled
    numbers that end in a scale word, then a comma and a smaller spelled number, are one."""
    out: list = []
    for entry in raw:
        last = out[-1] if out else None
        if last is not None and last[4] and entry[4] and not (last[3] or entry[3]) \
                and _COMMA.fullmatch(text, last[1], entry[0]):
            scale = _LAST_GROUP_SCALE.search(text, last[0], last[1])
            if scale and entry[2] < GROUP_SCALES[scale.group().lower()]:
                out[-1] = (last[0], entry[1], last[2] + entry[2], False, True)
                continue
        out.append(entry)
    return out


_RESTATED = re.compile(r"\s*[(\[]\s*")
_RESTATED_END = {"(": re.compile(r"\s*\)"), "[": re.compile(r"\s*\]")}


def restated_in_digits(text: str, raw: list) -> list:
    """ "Eighteen (18) houses", "Twenty-one (21) persons": a spelled number restated in digits
    in brackets, as disaster agencies' bulletins write them, is one amount; so is an amount with
    a scale word restated in plain digits ("8.61 lakh [861,000] people", "1.2 million
    (1,200,000)")."""
    out: list = []
    for entry in raw:
        last = out[-1] if out else None
        restated = last is not None and not entry[4] and not (last[3] or entry[3]) and last[2] == entry[2] \
            and (last[4] or _ends_in_letter(text, last[0], last[1])) and _RESTATED.fullmatch(text, last[1], entry[0])
        if restated:
            bracket = text[last[1]:entry[0]].strip()[0]
            close = _RESTATED_END[bracket].match(text, entry[1])
            if close:
                out[-1] = (last[0], close.end(), last[2], False, last[4])
                continue
        out.append(entry)
    return out


_SPACE = re.compile(r"[ \t]+")


def descending_scales(text: str, raw: list) -> list:
    """ "4 lakh 24 thousand", "1 crore 20 lakh", "2 million 300 thousand": an amount ending in a
    scale word, a space, then a smaller amount ending in a smaller scale word, are one amount
    (Indian and South Asian bulletins write large counts so)."""
    out: list = []
    for entry in raw:
        last = out[-1] if out else None
        if last is not None and not (last[3] or entry[3]) and _SPACE.fullmatch(text, last[1], entry[0]) \
                and _ends_in_letter(text, last[0], last[1]) and _ends_in_letter(text, entry[0], entry[1]):
            first_scale = _OWN_SCALE.search(text, last[0], last[1])
            second_scale = _OWN_SCALE.search(text, entry[0], entry[1])
            if first_scale and second_scale:
                limit = SCALES[first_scale.group().strip().lower()]
                if SCALES[second_scale.group().strip().lower()] < limit and entry[2] < limit <= last[2]:
                    out[-1] = (last[0], entry[1], last[2] + entry[2], False, last[4] and entry[4])
                    continue
        out.append(entry)
    return out


_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|~|to|through|thru|and|or|up\s+to)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(between|from)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# a change of a count: "rose from", "climbed from", "has grown from" (then "from A to B" is no range)
_CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|jumps|increased|increases|"
                            r"grew|grown|surged|soared|fell|fallen|dropped|declined|decreased|went\s+up|"
                            r"gone\s+up|revised|raised|up|down)\s+(?:\w+\s+)?from\s+(?:about\s+|around\s+)?$",
                            re.IGNORECASE)
_OR_RATIO = 10  # "two or three", "300 or 400": alternatives this close are a range


# a month right before a number: the number is the day of a date ("since June 1 to 149")
_MONTH_BEFORE = re.compile(r"\b" + calendar_words.month_pattern() + r"\s+$")


def as_range(text: str, first: tuple, second: tuple) -> tuple | None:
    """ "5,000 to 10,000", "5,000-10,000", "between 5,000 and 10,000", "300 or 400" as one
    range: (start, end, low, high, qualifier_start, spelled), or None."""
    start, end, low, _, spelled = first
    start2, end2, high, _, _ = second
    between = text[end:start2]
    if not _RANGE_BETWEEN.fullmatch(between):
        return None
    window = text[max(0, start - 10):start]
    is_between = _BETWEEN.search(window)
    joint = " ".join(between.lower().split())
    if joint in ("and", "up to") and not (is_between and (joint == "and" or is_between.group(1).lower() == "from")):
        return None
    if not (0 < low < high):
        return None
    if joint == "or" and high > low * _OR_RATIO:
        return None  # "one or 20" are two answers
    if joint in ("or", "through", "thru") and _YEAR.fullmatch(text, start, end) and _YEAR.fullmatch(text, start2, end2):
        return None  # "2015 or 2016", "2010 through 2015" are years
    if _CHANGE_BEFORE.search(text, max(0, start - 40), start):
        return None  # "the toll climbed from 30 to 43": two counts, the later one the news
    if not spelled and low <= 31 and _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return None  # "deaths have risen since June 1 to 149": a date, then the count
    if joint in ("-", "–", "—", "~") and high > low * 20:
        return None
    _, q_start = qualifier_before(text, start)
    if is_between:
        q_start = start - len(window) + is_between.start(1)
    return start, end2, low, high, min(q_start, start), spelled


# "and", "but", "and perhaps", ", possibly": what stands between a lower and an upper bound
_BOUNDS_JOIN = re.compile(r"\s*,?\s*(?:(?:and|but)\b\s*)?(?:(?:perhaps|possibly|maybe|probably|potentially|"
                          r"even)\s+)?", re.IGNORECASE)


def bounded_ranges(text: str, amounts: list) -> list:
    """ "above 1,000 and below 1,500", "at most 100 and at least 20": a lower and an upper bound
    joined by "and" (or a comma, "but", "and perhaps") are one range."""
    out: list = []
    for amount in amounts:
        first = out[-1] if out else None
        bounds = first is not None and {first.qualifier, amount.qualifier} == {"at_least", "up_to"}
        if bounds:
            low, high = (first, amount) if first.qualifier == "at_least" else (amount, first)
            if low.value < high.value and amount.qualifier_start > first.end \
                    and _BOUNDS_JOIN.fullmatch(text, first.end, amount.qualifier_start):
                out[-1] = dataclasses.replace(first, end=amount.end, text=text[first.start:amount.end],
                                              value=low.value, low=low.value, high=high.value,
                                              qualifier="range", spelled=low.spelled)
                continue
        out.append(amount)
    return out
