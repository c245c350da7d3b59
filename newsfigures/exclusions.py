"""Validators for the spec's "not figures": years, dates, times, ages, percentages, money,
measurements, durations, phone numbers, counters, ordinals and numbered names.

Each check looks only at the words touching an amount; `is_excluded` is the one entry point.
Written for this project from the list in ../shared/figures-spec.md.
"""
from __future__ import annotations

import re

from .numbers import Amount

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

# Words right after the amount that make it a quantity of something other than people.
_AFTER = re.compile(
    r"""^(?:\s*(?:
        %|per\s?cent|pc\b|percentage|
        (?:-|\s)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|nights?)(?:-old|\b)|
        -(?:year|month|week|day|hour|minute|storey|story|page|point|km|mile|metre|meter|strong|member|seat|bed)|
        (?:sq(?:uare)?\.?\s)?(?:km|kms|kilomet(?:re|er)s?|miles?|metres?|meters?|m\b|cm|mm|inch(?:es)?|feet|ft|yards?|
        hectares?|ha\b|acres?|tonnes?|tons?|kg|kilos?|kilograms?|grams?|g\b|lbs?|pounds?\s(?:of|in)|litres?|liters?|gallons?|barrels?|
        degrees?|°|celsius|fahrenheit|knots?|kph|mph|km/h|mw|megawatts?|gw|kw|kwh|mb|gb|tb)\b|
        (?:a\.?m\.?|p\.?m\.?|gmt|utc|bst|cet|est|ist|hrs|o'clock)(?:\W|$)|
        (?:dollars?|euros?|pounds?\ssterling|sterling|rupees?|yuan|renminbi|yen|francs?|shillings?|naira|rand|dinars?|
        lira|liras|pesos?|riyals?|dirhams?|taka|kyats?|birr|cedis?|usd|eur|gbp|cny|inr)\b|
        (?:times|fold)\b|
        (?:st|nd|rd|th)\b|
        (?:/|of)\s*\d|:\d|
        (?:richter|magnitude)\b|
        (?:-|\s)?(?:year|month)-old|
        """ + _MONTHS.replace("may|", "(?-i:May)|") + r"""(?:\W|$)
    ))""",
    re.IGNORECASE | re.VERBOSE,
)

# Words right before the amount that make it money, a date, a name or a label.
_BEFORE = re.compile(
    r"""(?:
        [$£€¥₹₦]\s*|\b(?:us\$|usd|eur|gbp|cny|rmb|inr|rs\.?|kes|ngn|php|p(?=\d)|sh|ksh|tsh)\s*|
        \b""" + _MONTHS + r"""\s+|
        \b(?:aged(?:\s+(?:above|over|under|between|below))?|age|ages|magnitude|resolution|article|chapter|section|page|pages|flight|route|highway|
        road|no\.|nos\.|number|category|level|phase|grade|room|gate|platform|unit|line|channel|
        covid|code|model|version|act|protocol|verse|psalm|tel|phone|call|dial|whatsapp|sms|box|
        term|season|episode|round|day|week|year|years|of\s+the\s+year|mid|early|late|
        paragraph|item|point|stage|vol|volume|rank|ranked|ranking|district|ward|zone|sector|camp)\s+|
        \d+[:.]|                             # times "10:30", decimals
        \b(?:between|from)\s+\d{4}\s*(?:and|to|-)\s*|
        [+#]\s*|
        \d\s*/\s*|\d[\s-]
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_YEAR_CONTEXT = re.compile(r"(?:\bin|\bsince|\bof|\bby|\buntil|\bthrough|\bfrom|\bto|\bbefore|\bafter|\bduring|"
                           r"\byear|\bend|\bearly|\bmid|\blate|,|'|’|\()\s*$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}?(?:people|persons|refugees|civilians|children|families|"
                           r"households|homes|houses|residents|deaths|dead|killed|injured|displaced|"
                           r"soldiers|troops|villagers|migrants|were|have|had|are)\b", re.IGNORECASE)


def is_excluded(text: str, amount: Amount) -> bool:
    """True when `amount` in `text` is one of the spec's "not figures"."""
    after = text[amount.end:amount.end + 40]
    before = text[max(0, amount.start - 40):amount.start]
    if _AFTER.match(after):
        return True
    if amount.qualifier == "range" or amount.vague:
        return False
    digits = amount.text.replace(",", "")
    if _YEAR.match(amount.text):  # "2,000" with its comma is never a year
        return not _PEOPLE_AFTER.match(after) or bool(_YEAR_CONTEXT.search(before))
    if _BEFORE.search(before):
        return not (re.search(r"\b(?:in|since|of|day|week|year|years|camp|district|zone)\s+$", before, re.I)
                    and not _YEAR.match(amount.text) and _PEOPLE_AFTER.match(after))
    if amount.value < 120 and re.match(r"^\s*,", after) and re.search(r"\b[A-Z][\w'’-]+,\s*$", before):
        return True  # an age in apposition: "Haji Ikhalf, 40, a villager"
    if amount.value < 10 and re.search(r"(?:\b[A-Z][\w-]+|\d,?(?:\s+and)?)\s+$", before):
        return True  # names with numbers and their lists: "Krinding 1, 2, and Al-Sultan camp"
    if digits.startswith("0") and len(digits) > 1:
        return True  # "0421", "07": parts of phone numbers and dates
    if re.match(r"^\s*\(?\d{3}\)?[\s-]\d{3,4}", after) or re.match(r"^\d{7,}$", amount.text):
        return True  # phone numbers
    return False

