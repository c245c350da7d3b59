"""Validators for the spec's "not figures": years, dates, times, ages, percentages, money,
measurements, durations, phone numbers, counters, ordinals and numbered names, and numbers
in code that page text carries along (inline scripts, JSON): `alert(4)`, `var x = 4;`.

Each check looks only at the words touching an amount; `is_excluded` is the one entry point.
Written for this project from the list in ../shared/figures-spec.md.
"""
from __future__ import annotations

import re

from .numbers import Amount, find_amounts

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

# Words right after the amount that make it a quantity of something other than people.
_AFTER = re.compile(
    r"""^(?:\s*(?:
        %|per\s?cent|pc\b|percentage|
        (?:-|\s)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|nights?)(?:-old|\b)|
        -(?:year|month|week|day|hour|minute|storey|story|page|point|km|mile|metre|meter|strong|member|seat|bed)|
        -(?:tonnes?|tons?|kilos?|kilograms?|kg|pounds?|lbs?|foot|feet|inch(?:es)?|yards?|litres?|liters?|
        gallons?|acres?|hectares?|kilomet(?:re|er)s?|degrees?)\b|   # "a five-tonne truck bomb", "a 500-pound bomb"
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


# Code: a number is a value in code when code stands on both sides of it. After it comes
# what ends an argument, a statement or a value (",", ";", ")", "]", "}", "&&", the line's end).
_CODE_END = re.compile(r"[ \t]*(?:[,;)\]}]|&&|\|\||\n|\Z)")
# Before it: `x = `, `x += `, `n === ` (an operand with a name in front of the operator) ...
_ASSIGNMENT = re.compile(r"[\w$\])][ \t]*(?:[-+*/%]?=|[!=]==?)[ \t]*$")
# ... `i < ` (a comparison, only with a statement's end after it: "death toll >2,000" is a headline) ...
_COMPARISON = re.compile(r"[\w$\])][ \t]*[<>]=?[ \t]*$")
_COMPARISON_END = re.compile(r"[ \t]*(?:[;)]|&&|\|\|)")
# ... `var x = ` (a declaration needs no end after it) ...
_DECLARATION = re.compile(r"\b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=\s*$")
# ... `"count": `, `count: ` (a key: JSON, a JavaScript object) ...
_KEY = re.compile(r"""(?:(?P<quoted>"[^"\n]{1,40}"|'[^'\n]{1,40}')|(?<![\w$])(?P<bare>[A-Za-z_$][\w$]*))[ \t]*:[ \t]*$""")
_CODE_SHAPED = re.compile(r"[_$]|[a-z][A-Z]")  # page_size, $count, itemCount
# ... `[300, ` (an array of numbers: ad sizes, coordinates) ...
_ARRAY_BEFORE = re.compile(r"\[[ \t]*(?:\d+[ \t]*,[ \t]*)*$")
_ARRAY_AFTER = re.compile(r"[ \t]*(?:,[ \t]*\d+[ \t]*)*\]")
# ... or `alert(`, `setTimeout(fn, ` (a call: a name glued to its parenthesis, see `_is_call`).
_CALLEE = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$")
_ARGUMENTS = re.compile(r"[ \t]*(?:[^()\n;{}]*,[ \t]*)?")
_CODE_WINDOW = 200  # how far back an open "{" or the line's start is looked for


def _is_call(before: str) -> bool:
    """`before` ends inside the arguments of a call: `alert(`, `setTimeout(fn, `, `Math.max(2, `.
    A call's name is glued to its "(" and looks like code (lower-case first, or with ".", "_",
    "$" or an inner capital): "Taroudant(452)" and "four(4)" are prose that lost a space."""
    paren = before.rfind("(")
    if paren < 1 or not _ARGUMENTS.fullmatch(before, paren + 1):
        return False
    callee = _CALLEE.search(before, 0, paren)
    if not callee:
        return False
    name = callee.group()
    if find_amounts(name):
        return False  # "four(4) people": a number restated
    return name[0].islower() or "." in name or _CODE_SHAPED.search(name) is not None


def _is_key_value(text: str, amount: Amount, before: str, key: re.Match) -> bool:
    """`count: 12` is a value of code, not a report's "Killed: 12, injured: 30", when its key is
    quoted (JSON), code-shaped, inside an object opened on its line, or alone on a line that
    ends in a comma (a pretty-printed object)."""
    if key.group("quoted") or _CODE_SHAPED.search(key.group("bare")):
        return True
    key_start = amount.start - len(before) + key.start()
    window_start = max(0, key_start - _CODE_WINDOW)
    newline = text.rfind("\n", window_start, key_start)
    opened = text[newline + 1 if newline >= 0 else window_start:key_start]
    if opened.count("{") > opened.count("}"):
        return True  # {count: 12, page: 3}
    rest = text[amount.end:amount.end + 40]
    line_rest, newline_after, _ = rest.partition("\n")
    ends_line = bool(newline_after) or amount.end + 40 >= len(text)
    return not opened.strip(" \t{[,") and ends_line and line_rest.strip() in (",", ";")


def _in_code(text: str, amount: Amount) -> bool:
    """True when the amount is a value in code: a call's argument, an operand of an assignment
    or a comparison, a key's value, an element of an array of numbers."""
    before = text[max(0, amount.start - 80):amount.start]
    if _DECLARATION.search(before):
        return True
    if not _CODE_END.match(text, amount.end):
        return False
    if _is_call(before) or _ASSIGNMENT.search(before):
        return True
    if _COMPARISON.search(before) and _COMPARISON_END.match(text, amount.end):
        return True
    array_before = _ARRAY_BEFORE.search(before)
    array_after = _ARRAY_AFTER.match(text[amount.end:amount.end + 80])
    if array_before and array_after and "," in array_before.group() + array_after.group():
        return True
    key = _KEY.search(before)
    return key is not None and _is_key_value(text, amount, before, key)


def is_excluded(text: str, amount: Amount) -> bool:
    """True when `amount` in `text` is one of the spec's "not figures"."""
    after = text[amount.end:amount.end + 40]
    before = text[max(0, amount.start - 40):amount.start]
    if _AFTER.match(after):
        return True
    if _in_code(text, amount):
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

