"""Numbers written in words, and the scale words and abbreviations after digits: the vocabulary
of number_words.csv and vague_amounts.csv, the word scan, and the value of a spelled number
("one hundred and twenty", "half a million", "three quarters of a million", "one and a half
million", "a million and a half", "Four-thousand", "a dozen").

`numbers.py` reads amounts with it; `amount_joins.py` uses its scales to join ranges.
"""
from __future__ import annotations

import re

from . import vocabulary
from .settings import MAX_AMOUNT, NUMBER_WORDS_BACK, NUMBER_WORDS_LOOK_BACK
from .wordtrie import compile_words, phrase_trie


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
UNITS = _NUMBER_WORDS["unit"]
TENS = _NUMBER_WORDS["ten"]
MULTIPLIERS = _NUMBER_WORDS["multiplier"]   # hundred, dozen
PLURALS = _NUMBER_WORDS.get("plural", {})    # dozens ("three dozens")
GROUP_SCALES = _NUMBER_WORDS["scale"]       # thousand, lakh, million, crore, billion
FRACTIONS = _NUMBER_WORDS["fraction"]       # half, quarter(s): value = denominator
ABBREVIATIONS = _NUMBER_WORDS["abbreviation"]
SPACED = _NUMBER_WORDS.get("spaced", {})
# Every scale a number is multiplied by, by its lower-case spelling ("MM" read as "mm" only
# where its case was checked by the digit pattern).
SCALES = {**{w.lower(): v for w, v in ABBREVIATIONS.items()}, **MULTIPLIERS, **PLURALS, **GROUP_SCALES}
VAGUE = {row["phrase"].lower(): int(row["floor"]) for row in vocabulary.table("vague_amounts")}
# Words "a"/"an" counts one of ("a hundred", "a dozen", "a quarter of a million"); before any
# other number word the article is only an article: "a five-year-old", "a two hundred-strong".
ARTICLE_SCALES = frozenset([*MULTIPLIERS, *GROUP_SCALES, "quarter"])


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUMBER_WORD = phrase_trie([*UNITS, *TENS, *MULTIPLIERS, *PLURALS, *GROUP_SCALES, *FRACTIONS])
_WORD_AMOUNT = (
    rf"(?P<words>(?:(?:a|an|one|{NUMBER_WORD})(?:[\s-]+and[\s-]+|\s+of\s+|[\s-]+)?)*"
    rf"(?:{NUMBER_WORD}))\b"
)
_VAGUE_AMOUNT = r"(?P<vague>" + phrase_trie(VAGUE) + r")\b"
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*UNITS, *TENS, *MULTIPLIERS, *GROUP_SCALES,
                                                *FRACTIONS, *VAGUE, "a"]}))
# A first-letter gate before the word alternation keeps the scan fast.
WORD_RE = re.compile(
    rf"(?i:(?=[{_FIRST_LETTERS}])\b(?:{_VAGUE_AMOUNT}|{_WORD_AMOUNT}))(?![\w])"
)
# Words an amount in words can contain (besides "a", "an", "and", "of"): the word scan only
# tries the full pattern around them, which is far cheaper than trying it at every letter.
_GATE = compile_words([*UNITS, *TENS, *MULTIPLIERS, *GROUP_SCALES, *FRACTIONS,
                       *{w for v in VAGUE for w in v.split()} - {"a", "an", "of", "few"}])
_WORD_STARTS = re.compile(r"[A-Za-z]+")
# Words an amount in words may start with: a number word, "a"/"an", the first word of a vague one.
_START_WORDS = frozenset([*UNITS, *TENS, *MULTIPLIERS, *GROUP_SCALES, *FRACTIONS, "a", "an",
                          *(v.split()[0] for v in VAGUE)])


def word_matches(text: str, low: str):
    """What `WORD_RE.finditer(text)` gives, found from the number words outward (`low` is the
    text lower-cased, offsets kept)."""
    last_end = 0
    for hit in _GATE.finditer(low):
        at = hit.start()
        if at < last_end:
            continue
        words = list(_WORD_STARTS.finditer(low, max(last_end, at - NUMBER_WORDS_LOOK_BACK), at))[-NUMBER_WORDS_BACK:]
        starts = [m.start() for m in words if m.group() in _START_WORDS]  # "a", "three", "several" ...
        for start in [*starts, at]:
            match = WORD_RE.match(text, start)
            if match and match.end() > at:
                yield match
                last_end = match.end()
                break


_WORD_SPLIT = re.compile(r"[\s-]+")
_WORD = re.compile(r"[A-Za-z]+")


def _fraction_after_and(tokens: list[str], n: int) -> float | None:
    """The fraction that tokens[n] ("and") opens: "and a half" 1/2, "and three quarters" 3/4."""
    if n + 2 < len(tokens) and tokens[n + 2] in FRACTIONS:
        numerator = 1 if tokens[n + 1] in ("a", "an", "one") else UNITS.get(tokens[n + 1])
        if numerator:
            return numerator / FRACTIONS[tokens[n + 2]]
    return None


def _joined_wrongly(before: str, word: str) -> bool:
    """True when number word `word` cannot follow `before` inside one number: "five six",
    "twenty thirty", "twenty twelve" (but "twenty one", "hundred five")."""
    if word not in UNITS and word not in TENS:
        return False
    if before in UNITS:
        return True
    return before in TENS and (word in TENS or not 0 < UNITS[word] < 10)


def word_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The amounts a run of number words holds: split where an "and" cannot stand inside one
    number, after a unit or a ten ("between two and three hundred" is "two" and "three
    hundred"; not "one and a half million"), and between number words that do not make one
    number ("twenty - thirty")."""
    tokens = list(_WORD.finditer(text, start, end))
    pieces, at, before = [], start, None  # `before`: the last word of the piece, and its end
    for n, token in enumerate(tokens):
        word = token.group().lower()
        if before is not None and word == "and" and n + 1 < len(tokens):
            following = ["and", *(t.group().lower() for t in tokens[n + 1:n + 3])]
            if (before[0] in UNITS or before[0] in TENS) and _fraction_after_and(following, 0) is None:
                pieces.append((at, before[1]))
                at, before = tokens[n + 1].start(), None
                continue
        elif before is not None and _joined_wrongly(before[0], word):
            pieces.append((at, before[1]))
            at = token.start()
        before = (word, token.end())
    pieces.append((at, end))
    return pieces


def _plain_value(tokens: list[str]) -> int | None:
    """Value of number words with no fraction in the middle ("three hundred", "a dozen")."""
    fraction = None
    if tokens and tokens[0] in FRACTIONS:  # "half a million", "quarter of a million"
        fraction, tokens = 1 / FRACTIONS[tokens[0]], tokens[1:]
    elif len(tokens) > 1 and tokens[1] in FRACTIONS:  # "three quarters of a million"
        numerator = UNITS.get(tokens[0], 1) if tokens[0] not in ("a", "an") else 1
        fraction, tokens = numerator / FRACTIONS[tokens[1]], tokens[2:]
    if not tokens:
        return None
    total, current, seen = 0, 0, False
    for n, token in enumerate(tokens):
        if current > MAX_AMOUNT or total > MAX_AMOUNT:
            return None  # "a hundred hundred hundred …": no figure, and no giant product
        if token in ("a", "an"):
            if n + 1 < len(tokens) and tokens[n + 1] in ARTICLE_SCALES and not current:
                current = 1  # "a hundred", "a dozen"; "a five" is the article and five
        elif token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in TENS:
            current += TENS[token]
            seen = True
        elif token in MULTIPLIERS and SCALES[token] >= 100:  # "three hundred", "fifteen hundred"
            current = (current or 1) * SCALES[token]
            seen = True
        elif token in MULTIPLIERS or (token in PLURALS and current % 100 > 1):
            below = current % 100  # "two dozen(s)"; "two hundred and three dozen" is 200 + 36
            current += (below or 1) * SCALES[token] - below
            seen = True
        elif token in GROUP_SCALES:
            if total and not current:  # right after a scale it multiplies: "a thousand million"
                total *= GROUP_SCALES[token]
            else:
                total += (current or 1) * GROUP_SCALES[token]
            current = 0
            seen = True
        else:
            return None
    if not seen or ((tokens[0] in GROUP_SCALES or tokens[0] == "hundred") and fraction is None):
        return None  # "million" alone is a scale, not an amount
    value = total + current
    if fraction is not None:
        value = int(value * fraction)
    return value


def _with_fraction(left: list[str], fraction: float, right: list[str]) -> int | None:
    """ "one and a half million" (the fraction before the scale `right`) and "a million and a
    half" (after it: a fraction of the last scale of `left`)."""
    whole = _plain_value(left) if left else None
    if whole is None and left not in (["a"], ["an"]):
        return None
    if right:
        if not all(t in SCALES for t in right) or (whole or 1) >= 1000:
            return None
        scale = 1
        for t in right:
            scale *= SCALES[t]
        return int(((whole or 1) + fraction) * scale)
    if whole is None or left[-1] not in SCALES:
        return None  # "one and a half" alone is no count of people
    return int(whole + fraction * SCALES[left[-1]])


def words_value(words: str) -> int | None:
    """Value of spelled-out numbers: "one hundred and twenty", "half a million",
    "three quarters of a million", "one and a half million", "Four-thousand", "a dozen"."""
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t and t != "of"]
    for n, token in enumerate(tokens):
        if token == "and":
            fraction = _fraction_after_and(tokens, n)
            if fraction is not None:
                left, right = [t for t in tokens[:n] if t != "and"], tokens[n + 3:]
                value = _with_fraction(left, fraction, right) if "and" not in right else None
                return value if value and 0 < value <= MAX_AMOUNT else None
    value = _plain_value([t for t in tokens if t != "and"])
    return value if value is not None and 0 < value <= MAX_AMOUNT else None
