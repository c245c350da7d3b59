"""Refugee stories name the counted people by a plural demonym that the regular endings miss
("Rohingyas" next to "Rohingya"). Short texts written for these tests."""
from __future__ import annotations

import pytest

from helpers import figures_of


@pytest.mark.parametrize("text, expected", [
    ("About 7,400 Rohingyas crossed into Bangladesh over the weekend, the agency said.",
     [(7400, "refugees")]),
    ("3,100 Rohingyas entered Bangladesh in four days\n\nMore arrived on Monday.",
     [(3100, "refugees")]),
    ("Between 2,000 and 4,000 Rohingyas have arrived in Bangladesh since Friday, aid workers said.",
     [(2000, "refugees")]),
], ids=["crossed", "headline", "between-range"])
def test_plural_rohingyas_is_a_counted_people(text, expected):
    assert figures_of(text, "category", published="2019-04-02") == expected
