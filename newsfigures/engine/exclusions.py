"""Validators for the spec's "not figures": years, dates, times, ages, percentages, money,
measurements, durations, phone numbers, counters, ordinals and numbered names, and numbers
in code that page text carries along (inline scripts, JSON): `alert(4)`, `var x = 4;`.

Each check looks only at the words touching an amount; `is_excluded` is the one entry point.
Written for this project from the list in ../shared/figures-spec.md.
"""
from __future__ import annotations

import re

from . import calendar_words, vocabulary
from .lexicon import MODIFIERS, OBJECT_GAP, noun_entry
from .nouns import numbering_subject
from .numbers import Amount, find_amounts
from .settings import CODE_WINDOW, EXCLUSION_LABEL_REACH
from .tail_gates import tail_ends_with

# Month names and their abbreviations, from the calendar (calendar_words.py), lower case; the
# patterns below read them case-blind, except "May" after an amount ("5 may", the verb).
_MONTH_WORDS = frozenset(form.lower() for form in calendar_words.month_forms())
_MONTHS = ("(?:" + "|".join(re.escape(m) for m in sorted(_MONTH_WORDS, key=len, reverse=True))
           + r")\b\.?")
_MONTHS_AFTER = ("(?:" + "|".join(["(?-i:May)", *(re.escape(m) for m in sorted(_MONTH_WORDS - {"may"},
                                                                              key=len, reverse=True))])
                 + r")\b\.?")
_AFTER_KINDS = ("percent", "duration", "hyphen", "hyphen_measure", "measure", "clock", "currency",
                "multiple", "ordinal", "seismic")

def _units(kind: str) -> list[str]:
    return [row["word"].lower() for row in vocabulary.table("exclusion_units") if row["kind"] == kind]


def _alternation(words: list[str], boundary: bool = True) -> str:
    """The words as one alternation, longest first, spaces as any run of spaces, each word
    ending on a word boundary when `boundary` and it ends in a letter or digit."""
    def one(word: str) -> str:
        source = re.escape(word).replace(r"\ ", r"\s+")
        return source + (r"\b" if boundary and word[-1].isalnum() else "")
    return "(?:" + "|".join(one(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# Words right after the amount that make it a quantity of something other than people.
_AFTER = re.compile(
    r"^\s*(?:"
    + _alternation(_units("percent")) + "|"
    + r"(?:-|\s)?" + _alternation(_units("duration"), boundary=False) + r"(?:-old|\b)|"
    + "-" + _alternation(_units("hyphen"), boundary=False) + "|"  # "a 120,000-strong army"
    + "-" + _alternation(_units("hyphen_measure")) + "|"  # "a five-tonne truck bomb", "a 500-pound bomb"
    + r"(?:sq(?:uare)?\.?\s)?" + _alternation(_units("measure")) + "|"
    + _alternation(_units("clock"), boundary=False) + r"(?:\W|$)|"
    + _alternation(_units("currency")) + "|"
    + _alternation(_units("multiple")) + "|"
    + _alternation(_units("ordinal")) + "|"
    + r"(?:/|of)\s*\d|:\d|"
    + _alternation(_units("seismic")) + "|"
    + r"(?:-|\s)?(?:year|month)-old|"
    + _MONTHS_AFTER + r"(?:\W|$)"
    + ")",
    re.IGNORECASE,
)

# What touches an amount without a word before it: money signs and codes, times, decimals,
# fractions, numbered names; the words before it (labels, months, codes) are looked up.
_LABELS = frozenset(" ".join(w.split()) for w in _units("label"))
_LABEL_WORDS = max(len(w.split()) for w in _LABELS)
_CODES = frozenset(_units("currency_code"))
_BETWEEN_YEARS = re.compile(r"\b(?:between|from)\s+\d{4}\s*(?:and|to|-)\s*$", re.IGNORECASE)
_GLUED = re.compile(
    r"(?:"
    + _alternation(_units("currency_sign"), boundary=False) + r"\s*|"
    + r"\b" + _alternation(_units("currency_code"), boundary=False) + r"\s*|\bp(?=\d)|"
    + r"\d+[:.]|"  # times "10:30", decimals
    + r"\b(?:between|from)\s+\d{4}\s*(?:and|to|-)\s*|"
    + r"[+#]\s*|"
    + r"\d\s*/\s*|\d[\s-]"
    + r")$",
    re.IGNORECASE,
)
# A cheap gate before the big pattern: the first word after an amount must be able to start
# one of its words.
_AFTER_FIRST = frozenset({w.split()[0] for kind in _AFTER_KINDS for w in _units(kind)}
                         | {"of", "sq", "square", "sq.", "year", "month"} | _MONTH_WORDS)
_TRIM = "\"'“”‘’()[],;:!?"
_FIRST_WORD = re.compile(r"[^\W\d_][\w.'’/]*")


def _unit_after(text: str, end: int) -> bool:
    """A unit, a percentage, a time or a date right after the amount (`_AFTER`)."""
    after = text[end:end + 40]
    rest = after.lstrip()
    if not rest:
        return False
    if rest[0].isalpha():
        first = _FIRST_WORD.match(rest).group().lower()
        if first not in _AFTER_FIRST and first.rstrip(".") not in _AFTER_FIRST \
                and first.split("/")[0] not in _AFTER_FIRST:
            return False
    return bool(_AFTER.match(after))


def _label_before(text: str, start: int, amount_spelled: bool = False) -> bool:
    """Money, a date, a name or a label right before the amount ("page 4", "aged 70",
    "March 3", "$3.5", "10:30"). A word before it is looked up; only what touches the amount
    without a word (signs, digits, codes) goes through a pattern."""
    near = max(0, start - 2 * EXCLUSION_LABEL_REACH)
    tail = text[near:start]
    stripped = tail.rstrip()
    if not stripped:
        return False
    if len(stripped) < len(tail) and (stripped[-1].isalpha() or stripped[-1] == "."):
        every_word = stripped.lower().split()
        words = every_word[-_LABEL_WORDS:]
        if near and text[near - 1].isalnum() and len(words) == len(every_word):
            words = words[1:]  # the first word is cut
        words = [w.lstrip(_TRIM) for w in words]
        for k in range(1, len(words) + 1):
            if " ".join(words[-k:]) in _LABELS:
                return True
        last = words[-1] if words else ""
        if last in _CODES:
            return True
        if last in _MONTH_WORDS or last.rstrip(".") in _MONTH_WORDS:
            return not _month_complete(text, start, amount_spelled)
        if last in ("and", "or"):
            joined = _LABELLED_BEFORE.search(tail)
            if joined and joined.group(1).lower() in _LABELS:
                return True  # "in Barangays 88 and 89", "wards 4 and 5": the label numbers both
        return last in ("and", "to") and bool(_BETWEEN_YEARS.search(text, near, start))
    return bool(_GLUED.search(text, max(0, start - EXCLUSION_LABEL_REACH), start))


# a label, its number, then "and"/"or" before the amount: "Barangays 88 and", "wards 3, 4 or"
_LABELLED_BEFORE = re.compile(r"\b([A-Za-z]+)\s+\d{1,4}(?:,\s*\d{1,4})*\s+(?:and|or)\s+$")


# "aged 12 to 17", "ages 15-28", "between the ages of 9 and 14": a range of ages
_AGE_RANGE_BEFORE = re.compile(r"\b(?:aged|ages|age|ages\s+of)\s*$", re.IGNORECASE)
# "on 25 July", "25th of July": a month that already has its day before it.
_DAY_BEFORE_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\s*$", re.IGNORECASE)


def _month_complete(text: str, start: int, spelled: bool) -> bool:
    """The month right before an amount is not the amount's label: a day in words after a month
    is not how dates are written ("In June nine civilians were killed"), and a month with its day
    before it needs no other ("On 25 July 12 people were killed")."""
    if spelled:
        return True
    return bool(_DAY_BEFORE_MONTH.search(text, max(0, start - 24), start))


# "between May 3 and 17", "on March 4-6": the second number is a day too.
_SECOND_DAY = re.compile(r"\b" + _MONTHS + r"\s+\d{1,2}\s*(?:-|–|and|to|through)\s*$", re.IGNORECASE)
_SECOND_DAY_ENDS = ("-", "–", "and", "to", "through")  # what `_SECOND_DAY` ends with


def _second_day(text: str, start: int) -> bool:
    """`_SECOND_DAY` right before `start`, tried only when the text there ends like it."""
    lo = max(0, start - EXCLUSION_LABEL_REACH)
    return tail_ends_with(text, lo, start, _SECOND_DAY_ENDS) and bool(_SECOND_DAY.search(text, lo, start))


# "August 27 2017", "May 3, 2019": a year after a month and day.
_AFTER_DAY = re.compile(r"\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$", re.IGNORECASE)
# "6.Unidentified gunmen", "2) Floods": a list's numbering at the start of a line.
_LIST_MARK = re.compile(r"[.)]\s*[A-Z]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_YEAR_CONTEXT = re.compile(r"(?:\bin|\bsince|\bof|\bby|\buntil|\bthrough|\bfrom|\bto|\bbefore|\bafter|\bduring|"
                           r"\byear|\bend|\bearly|\bmid|\blate|,|'|’|\()\s*$", re.IGNORECASE)
_WORDS_AFTER = re.compile(r"\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?(?:\s+([A-Za-z-]+))?")
_EVENT_AFTER = frozenset({"killed", "injured", "displaced", "were", "have", "had", "are"})
# "a total of", "the number of": what follows counts something, it is no year
_COUNT_OF = re.compile(r"\b(?:a\s+total|the\s+total|total|number|tally)\s+of\s*$", re.IGNORECASE)
_LABEL_EXCEPTION = re.compile(r"\b(?:in|since|of|day|week|year|years|camp|district|zone)\s+$", re.IGNORECASE)
_APPOSITION_AFTER = re.compile(r"^\s*,")
# one person named by a common noun before an age set off by commas: "a man, 59, was",
# "her son, 7, was", "the driver, 45, said" (the noun is checked to be a singular person)
_ONE_PERSON_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?:[a-z-]+\s+)?([a-z-]+),\s*$")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|told|added|noted|explained|according\s+to)\s+[A-Z]")
_ONE_OF_AFTER = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s", re.IGNORECASE)  # "Ali Khan, one of the"
_PART_OF_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)  # "31, 7 of whom": a part
_NUMBERED_NAME = re.compile(r"(?:\b[A-Z][\w-]+|\d,?(?:\s+and)?)\s+$")
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
# words that open a sentence before its amount, no name: "About 7 people", "Another 4 were
# wounded", "The 3 soldiers" (qualifiers.csv, and the gap and modifier words of phrase_words.csv)
_LEAD_WORDS = frozenset({row["phrase"].split()[-1].lower() for row in vocabulary.table("qualifiers")}
                        | OBJECT_GAP | MODIFIERS | {"all", "only", "just", "these", "those", "further"})
# "brothers (11 and 15)", "a boy (aged 9)": a person's age in brackets (not "Taroudant (45)")
_BRACKETED_AGE_BEFORE = re.compile(
    r"(?:\b(?:brothers?|sisters?|sons?|daughters?|boys?|girls?|men|man|women|woman|"
    r"child|children|husband|wife|father|mother|teenagers?|students?|cousins?)|\d+\s+and)"
    r"\s*\((?:aged\s+)?$|\(\d{1,2}\s+and\s+$")
_BRACKETED_AGE_AFTER = re.compile(r"^\s*(?:\)|and\s+\d{1,2}\s*\))")
_AVERAGE_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:daily\s+|weekly\s+|monthly\s+)?average\s+of\s+$", re.IGNORECASE)
_BRACKETED_NAME_BEFORE = re.compile(r"\(\s*[A-Z][\w-]+\s+$")
_BRACKETED_NAME_AFTER = re.compile(r"^[A-Za-z]?\s*\)")
_PHONE_AFTER = re.compile(r"^\s*\(?\d{3}\)?[\s-]\d{3,4}")
_LONG_DIGITS = re.compile(r"^\d{7,}$")


def _people_after(after: str) -> bool:
    """One of the next three words names people or homes, or says what happened to them
    ("2015 refugees", "1990 were displaced")."""
    match = _WORDS_AFTER.match(after)
    if not match:
        return False
    for word in match.groups():
        if word is None:
            break
        entry = noun_entry(word)
        if (entry is not None and entry.unit != "none") or word.lower() in _EVENT_AFTER:
            return True
    return False


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
_CODE_MARKS = "=(:[<>"  # one of these stands before every value of code the checks below find
_CODE_MARK = re.compile("[" + re.escape(_CODE_MARKS) + "]")


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
    window_start = max(0, key_start - CODE_WINDOW)
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
    if not _CODE_MARK.search(before):
        return False  # prose: no operator, bracket or key before the amount
    # each pattern is tried only when the mark it needs ("=", "<" or ">", "[", ":") is there
    assigned = "=" in before
    if assigned and _DECLARATION.search(before):
        return True
    if not _CODE_END.match(text, amount.end):
        return False
    if _is_call(before) or (assigned and _ASSIGNMENT.search(before)):
        return True
    if ("<" in before or ">" in before) and _COMPARISON.search(before) and _COMPARISON_END.match(text, amount.end):
        return True
    array_before = _ARRAY_BEFORE.search(before) if "[" in before else None
    array_after = _ARRAY_AFTER.match(text[amount.end:amount.end + 80]) if array_before else None
    if array_before and array_after and "," in array_before.group() + array_after.group():
        return True
    key = _KEY.search(before) if ":" in before else None
    return key is not None and _is_key_value(text, amount, before, key)


def _led_by_word(before: str) -> bool:
    """The capitalised word before the amount opens its sentence ("About 7", "Another 4"), no name."""
    last = _LAST_WORD.search(before)
    return last is not None and last.group(1).lower() in _LEAD_WORDS


# "a reprisal one", "the worst one", "this one": "one" standing for a noun said before
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|another|which|every|each)\s+(?:[a-z]+(?:est|er)?\s+)?$")
_OF_AFTER = re.compile(r"\s*(?:of|person|man|woman|child|boy|girl|soldier|civilian|people)\b")


def _one_person_before(before: str) -> bool:
    match = _ONE_PERSON_BEFORE.search(before)
    if match is None:
        return False
    entry = noun_entry(match[1])
    return entry is not None and entry.unit == "people" and entry.noun == match[1]


# what a place or a building can hold, not who is there: "shelters that can accommodate 5,000
# people", "a capacity of 2,000"
_CAPACITY_BEFORE = re.compile(
    r"(?:\b(?:can|could|will|would|able\s+to|designed\s+to|built\s+to|meant\s+to|capable\s+of)\s+"
    r"(?:accommodat\w*|house|housing|hold|holding|host|hosting|shelter|sheltering|take\s+in|seat)"
    r"|\b(?:capacity|room|space)\s+(?:of|for|to\s+\w+))\s+$", re.IGNORECASE)
# lives saved are no toll: "the evacuation saved thousands of lives", "helped save 300 lives"
_SAVED_BEFORE = re.compile(r"\b(?:save|saved|saves|saving|spare|spared|spares|sparing)\s+(?:the\s+)?$", re.IGNORECASE)
_LIVES_AFTER = re.compile(r"\s*(?:of\s+)?(?:[\w'’]+\s+)?lives\b", re.IGNORECASE)
_HELD_AFTER = re.compile(r"\s*(?:(?:people|persons|individuals|residents|inhabitants|families|households|evacuees|"
                         r"refugees|guests|visitors|spectators|students|patients|beds)\b|[.,;:)]|$)", re.IGNORECASE)


def _capacity_or_saved(text: str, amount: Amount) -> bool:
    """An amount that says how many a place holds, or how many lives were saved:
    not a count of people hit."""
    before = text[max(0, amount.qualifier_start - 80):amount.qualifier_start]
    if _CAPACITY_BEFORE.search(before) and _HELD_AFTER.match(text, amount.end):
        return True  # "can house 900 displaced people" says who is there: its noun is described
    return bool(_SAVED_BEFORE.search(before)) and bool(_LIVES_AFTER.match(text, amount.end))


def is_excluded(text: str, amount: Amount) -> bool:
    """True when `amount` in `text` is one of the spec's "not figures"."""
    after = text[amount.end:amount.end + 40]
    before = text[max(0, amount.start - 40):amount.start]
    if _unit_after(text, amount.end):
        return True
    if _in_code(text, amount):
        return True
    if _capacity_or_saved(text, amount):
        return True
    if amount.qualifier == "range" and _AGE_RANGE_BEFORE.search(text, max(0, amount.qualifier_start - 30),
                                                              amount.qualifier_start):
        return True  # "children aged 12 to 17", "ages 15 to 28": ages, not a count
    if amount.qualifier == "range" and amount.high is not None and _YEAR.match(str(amount.low)) \
            and _YEAR.match(str(amount.high)) and "," not in amount.text and amount.high - amount.low <= 50 \
            and not _people_after(after):
        return True  # "between 2010 and 2011, over 260,000 people died": the years, not a count
    if amount.qualifier == "range" or amount.vague:
        return False
    digits = amount.text.replace(",", "")
    if _YEAR.match(amount.text):  # "2,000" with its comma is never a year
        if _AFTER_DAY.search(text, max(0, amount.start - EXCLUSION_LABEL_REACH), amount.start):
            return True
        if _COUNT_OF.search(before) and _people_after(after):
            return False  # "a total of 2015 people": a count, not a year
        return not _people_after(after) or bool(_YEAR_CONTEXT.search(before))
    if _label_before(text, amount.start, amount.spelled):
        if numbering_subject(text, amount.qualifier_start) is not None:
            return False  # "the displaced families now number 3,400": the verb, not "number 12"
        return not (_LABEL_EXCEPTION.search(before) and _people_after(after))
    if amount.value <= 31 and _second_day(text, amount.start):
        return True  # "between May 3 and 17"
    if (not before or before.endswith("\n")) and _LIST_MARK.match(after):
        return True  # "6.Unidentified gunmen ...": a list's numbering
    if amount.value < 120 and _APPOSITION_AFTER.match(after) and _NAME_BEFORE.search(before):
        return True  # an age in apposition: "Haji Ikhalf, 40, a villager"
    if amount.value == 1 and amount.spelled and _NAME_BEFORE.search(before) and _ONE_OF_AFTER.match(after) \
            and _SPEAKER_BEFORE.search(before):
        return True  # "said Wang Li, one of the officials in charge": who the speaker is
    if amount.value < 120 and _APPOSITION_AFTER.match(after) and _one_person_before(before):
        return True  # "a man, 59, was among the dead": his age
    if amount.value < 120 and not amount.spelled and "(" in before and _BRACKETED_AGE_BEFORE.search(before) \
            and _BRACKETED_AGE_AFTER.match(after):
        return True  # ages in brackets: "two brothers (11 and 15)", "a girl (9)"
    if amount.spelled and amount.value == 1 and _PRONOUN_ONE_BEFORE.search(before) \
            and not _OF_AFTER.match(after):
        return True  # "the killing was a reprisal one", "the worst one in decades": a pronoun
    if tail_ends_with(before, 0, len(before), ("of",)) and _AVERAGE_BEFORE.search(before):
        return True  # "an average of five dead a day": a rate worked out, not a count
    if not amount.spelled and "(" in before and _BRACKETED_NAME_BEFORE.search(before) and _BRACKETED_NAME_AFTER.match(after):
        return True  # a numbered name in brackets: "Mimaropa (Region 4B)", "(Phase 3)"
    if amount.value < 10 and not amount.spelled and _NUMBERED_NAME.search(before) and not _led_by_word(before) \
            and not _PART_OF_AFTER.match(after):
        return True  # names with numbers and their lists: "Krinding 1, 2, and Al-Sultan camp"
    if digits.startswith("0") and len(digits) > 1 and not digits.startswith("0."):
        return True  # "0421", "07": parts of phone numbers and dates
    return bool(_PHONE_AFTER.match(after) or _LONG_DIGITS.match(amount.text))  # phone numbers
