"""The words of the dashboard, explained once: the help panel and the widgets' help texts."""
from __future__ import annotations

HELP_PANEL = """
**Figure** — one number in one article: how many people fled, were displaced, killed…,
with where, when and according to whom. Every figure keeps its sentence (*Evidence* tab).

**Claim** — the same number, for the same thing, place and source, wherever it is
repeated. With *Count each claim once* on, a wire story printed by five outlets counts
once; off, every report counts.

**Own count** — a figure the outlet states in its own voice, attributed to no one:
shown as "Reuters (own count)".

**Estimate** — the figures different sources give for one event: one category, one
country (or province), one *window* of days, totals apart from new movements. It shows
the lowest, median and highest figure of its sources and how far they disagree
(*spread* = highest ÷ lowest).

**Window** — how many days an estimate may span: figures further apart are separate
estimates.

**Stock and flow** — a *stock* is a total to date ("11 million displaced since 2011"),
a *flow* a new movement ("20,000 fled this week"). They are never added together nor put
in one estimate; a figure whose kind the article does not make clear is "kind not stated".

**Vague figures are floors** — "tens of thousands" means at least 10,000: drawn as an open
marker at 10,000, never summed, never the low or high of an estimate (shown as its floor).

**Wording** — *at least* figures are drawn with a stem upwards, *up to* with a stem
downwards, ranges as a bar from low to high.
"""

WIDGET_HELP: dict[str, str] = {
    "claims": "On: a figure repeated in several articles (same number, thing, place and "
              "source) counts once. Off: every report counts.",
    "dates": "The date each figure is about (or, with the switch below, the date its "
             "article was published). Figures without a date are left out while a range "
             "is set.",
    "date_basis": "Filter on the article's publication date instead of the figure's date.",
    "countries": "Figures about places in these countries.",
    "places": "One name per place: spellings of one place are merged.",
    "sources": "Who the article attributes the figure to; '(own count)' figures have none.",
    "publishers": "The outlet that published the article.",
    "categories": "What happened to the people counted.",
    "vague": 'Vague figures ("thousands", "tens of thousands") are floors: at least 1,000, '
             "at least 10,000.",
    "min_value": "Only figures of at least this many people.",
    "q": "Only figures whose sentence contains this text (any case).",
    "window": "How many days the figures of one estimate may span.",
}
