"""Number and range wordings in carrier sentences, read through the public entry point.

Every phrase of tests/fixtures/number_phrases.csv ("2.5 million", "1.2mn", "3 dozen",
"greater than 4,565", "between 300 and 400", "tens of thousands of" ...) is put into several
carrier sentences (a count of the displaced, the start of a sentence, the killed, the injured,
the end of a sentence after "the death toll rose to") and `newsfigures.extract` must give one
figure with the phrase's value, low, high, qualifier and vague. Spelled-out numbers from one to
999,999 are generated with num2words in four spellings (British with "and" and commas, without
commas, American without "and", without hyphens). The numbers of
tests/fixtures/number_non_figures.csv (years, money, ages ...) must give no figure.

Run as a script to print the share of phrases read right and the misses:
    PYTHONPATH=. python tests/test_numbers_phrases.py
"""
from __future__ import annotations

import csv
import functools
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from newsfigures import extract
from newsfigures.engine.numbers import MAX_AMOUNT, find_amounts
from newsfigures.engine.records import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# "{}" is the phrase; the sentences differ in category, in where the phrase stands and in the
# counted noun.
CARRIERS = (
    "Officials said {} people were displaced.",
    "{} people fled the fighting on Monday, the agency said.",
    "The ministry said the air strike killed {} civilians.",
    "Doctors said {} people were injured in the blast.",
    "The floods left {} families homeless in the district.",
    "The death toll rose to {}, officials said.",
)
_LAST = CARRIERS[-1]
# Phrases that cannot follow "rose to" ("rose to from 20 to 30", "rose to another 300").
_NOT_AFTER_ROSE_TO = ("from ", "anywhere from ", "another ", "a further ")

# Wordings the reader gets wrong on purpose or not yet, with the reason (strict: a fix shows).
KNOWN_MISSES: dict[str, str] = {
}

# The share of listed phrases read right in every carrier; it may only move up.
FLOOR = 0.95


def _rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


PHRASES = _rows("number_phrases.csv")
NON_FIGURES = _rows("number_non_figures.csv")


def _expected(row: dict[str, str]) -> tuple:
    def bound(v: str) -> int | None:
        return int(v) if v else None

    return (int(row["value"]), bound(row["low"]), bound(row["high"]), row["qualifier"],
            row["vague"] == "true")


def _sentence(carrier: str, phrase: str) -> str:
    if carrier == _LAST and phrase.endswith(" of"):
        phrase = phrase[:-3]  # "the death toll rose to dozens"
    text = carrier.format(phrase)
    return text[0].upper() + text[1:]


def _carriers(phrase: str) -> list[str]:
    return [c for c in CARRIERS if not (c == _LAST and phrase.lower().startswith(_NOT_AFTER_ROSE_TO))]


@functools.lru_cache(maxsize=None)
def read(text: str) -> tuple:
    """(value, low, high, qualifier, vague) of every figure `extract` finds in `text`."""
    return tuple((f.value, f.low, f.high, f.qualifier, f.vague)
                 for f in extract(Article("phrase", text, published="2020-02-12")))


def misses(phrase: str, expected: tuple, carriers=None) -> list[tuple[str, tuple]]:
    """The carrier sentences of `phrase` that do not read as exactly the one `expected` figure."""
    out = []
    for carrier in carriers or _carriers(phrase):
        text = _sentence(carrier, phrase)
        got = read(text)
        if got != (expected,):
            out.append((text, got))
    return out


def _row_id(row: dict[str, str]) -> str:
    return f"{row['group']}:{row['phrase']}"


def _marks(row: dict[str, str]):
    reason = KNOWN_MISSES.get(row["phrase"])
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.mark.parametrize("row", [pytest.param(r, id=_row_id(r), marks=_marks(r)) for r in PHRASES])
def test_phrase_reads_right_in_every_carrier(row):
    assert misses(row["phrase"], _expected(row)) == []


def share_right() -> tuple[float, list[str]]:
    """The share of listed phrases read right in every carrier, and the phrases missed."""
    missed = [r["phrase"] for r in PHRASES if misses(r["phrase"], _expected(r))]
    return 1 - len(missed) / len(PHRASES), missed


def test_share_of_phrases_read_right_keeps_its_floor():
    share, missed = share_right()
    print(f"\nnumber phrases read right: {share:.3f} of {len(PHRASES)}; missed: {missed}")
    assert share >= FLOOR
    assert set(missed) == set(KNOWN_MISSES)


@pytest.mark.parametrize("row", [pytest.param(r, id=_row_id(r)) for r in PHRASES])
def test_the_figure_stands_inside_its_phrase(row):
    text = _sentence(CARRIERS[0], row["phrase"])
    at = text.index(row["phrase"])
    for figure in extract(Article("phrase", text, published="2020-02-12")):
        assert at <= figure.start < figure.end <= at + len(row["phrase"]), text[figure.start:figure.end]


# --------------------------------------------------------------------------- spelled-out numbers

def _spelled_numbers() -> list[int]:
    chosen = set(range(1, 101)) | {101, 110, 999, 1000, 1001, 1010, 1100, 1234, 2000, 10000,
                                   10001, 10100, 100000, 100001, 101000, 110000, 999999}
    chosen |= set(random.Random(2020).sample(range(101, 1_000_000), 300))
    return sorted(chosen)


SPELLINGS = {
    "british": lambda n: num2words(n),  # "one thousand, two hundred and thirty-four"
    "no-commas": lambda n: num2words(n).replace(",", ""),
    "american": lambda n: num2words(n).replace(",", "").replace(" and ", " "),
    "no-hyphens": lambda n: num2words(n).replace(",", "").replace("-", " "),
}


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_spelled_numbers_read_right(spelling):
    spell = SPELLINGS[spelling]
    wrong = []
    for i, n in enumerate(_spelled_numbers()):
        carriers = [CARRIERS[0], CARRIERS[1 + i % (len(CARRIERS) - 1)]]
        wrong += misses(spell(n), (n, n, n, "exact", False), carriers)
    assert wrong == []


# --------------------------------------------------------------------------- not figures

@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['kind']}:{r['number']}") for r in NON_FIGURES])
def test_numbers_that_count_no_people_give_no_figure(row):
    text, number = row["sentence"], row["number"]
    at = text.index(number)
    spans = [(f.start, f.end) for f in extract(Article("phrase", text, published="2020-02-12"))]
    assert [s for s in spans if s[0] < at + len(number) and at < s[1]] == []


# --------------------------------------------------------------------------- any mix of the new forms

_PIECES = st.lists(st.sampled_from([
    "1", "12", "1.234", "12.500", "12,50,000", "1'234", "½", "1/2", "and a half", "and", "or",
    "a", "one", "two", "three", "hundred", "thousand", "million", "quarter", "quarters", "of",
    "or more", "or so", "-odd", "-plus", "plus", "+", "~", ">", "<", "-", "–", "to", "up to",
    "from", "between", "at least", "perhaps", "as many as", ",", ".", "m", "k", "1000s", "people",
]), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECES | _PIECES.map(lambda s: s.replace(" ", "")))
def test_any_mix_of_the_forms_reads_without_error(text):
    for amount in find_amounts(text):
        assert 0 <= amount.qualifier_start <= amount.start < amount.end <= len(text)
        assert text[amount.start:amount.end] == amount.text
        assert 0 <= amount.value <= MAX_AMOUNT
        assert all(b is None or 0 <= b <= MAX_AMOUNT for b in (amount.low, amount.high))
        assert amount.low is None or amount.high is None or amount.low <= amount.high


if __name__ == "__main__":
    share, missed = share_right()
    print(f"number phrases read right: {share:.3f} ({len(PHRASES) - len(missed)} of {len(PHRASES)})")
    for row in PHRASES:
        for text, got in misses(row["phrase"], _expected(row)):
            print(f"  {row['phrase']!r}: {text!r} -> {got} (want {_expected(row)})")
    for name, spell in SPELLINGS.items():
        bad = [n for n in _spelled_numbers() if misses(spell(n), (n, n, n, "exact", False), CARRIERS[:2])]
        print(f"spelled ({name}): {1 - len(bad) / len(_spelled_numbers()):.3f} right; e.g. {bad[:8]}")
