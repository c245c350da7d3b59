"""Finding places costs the same per megabyte on a long text as on a short one (issue 9: the
pairwise checks of sites and their hosts made a 5 MB article cost far more per MB)."""
from __future__ import annotations

import re
import time

from newsfigures.engine.places import find_places

# a short report written for this test, repeated with its numbers changed
REPORT = ("Floods hit Kerala on Monday. The village of Kuttanad Thekku was cut off, and the "
          "Aluva camp near Kochi took in 3,000 people, officials said. Shelling hit northern "
          "Aleppo and the town of Tell Rifaat in Syria. Some 700 families reached the Turkish "
          "border near Kilis. In Ghana, the village of Kumasi Nkwanta was flooded.\n\n")


def text_of(n: int) -> str:
    return "".join(re.sub(r"\d+", str(k % 97), REPORT) for k in range(n))


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        find_places(text)
        best = min(best, time.perf_counter() - start)
    return best


def test_cost_per_megabyte_does_not_grow_with_the_text():
    short, long = text_of(400), text_of(2000)  # about 0.13 MB and 0.65 MB
    find_places(short)
    per_char_short = seconds(short) / len(short)
    per_char_long = seconds(long) / len(long)
    # a pairwise loop would make the long text cost about 5 times more per character
    assert per_char_long < 2.0 * per_char_short


def test_a_text_without_breaks_is_still_linear():
    # no sentence ends and no lines: every site's sentence is the whole text
    one_line = text_of(600).replace(". ", ", ").replace("\n", " ")
    short = one_line[: len(one_line) // 5]
    assert seconds(one_line) / len(one_line) < 2.0 * seconds(short) / len(short)
