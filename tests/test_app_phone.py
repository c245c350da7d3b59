"""Charts on a phone (`axes.for_phone`, what the page draws for a phone's browser): legends
at the bottom of the figure, two-line named ticks upright, long titles wrapped; the figure
cached for the selection is left as it is."""
from __future__ import annotations

import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsfigures.dashboard import axes  # noqa: E402


def _chart(title: str, ticks: int = 4) -> go.Figure:
    names = [f"Agency {i}" for i in range(ticks)]
    fig = go.Figure(go.Scatter(x=names, y=list(range(ticks))))
    fig.update_layout(title={"text": title}, legend=axes.legend_below(),
                      margin={"t": 40})
    fig.update_xaxes(tickvals=names, ticktext=[f"{n}<br>2021-03-0{i + 1}"
                                               for i, n in enumerate(names)], tickangle=0)
    return fig


def test_the_legend_goes_to_the_bottom_of_the_figure_and_the_cached_one_stays():
    fig = _chart("Short title")
    phone = axes.for_phone(fig)
    assert phone.layout.legend.yref == "container" and phone.layout.legend.y == 0
    assert fig.layout.legend.yref is None and fig.layout.legend.y == -0.14


@pytest.mark.parametrize("ticks, angle", [(4, -90), (2, 0)])
def test_two_line_ticks_stand_upright_when_more_than_two(ticks, angle):
    assert axes.for_phone(_chart("T", ticks)).layout.xaxis.tickangle == angle


@pytest.mark.parametrize("title, lines", [
    ("Figures by date (46)", 1),
    ("displaced (total) · Sudan · 2023-04-15 to 2023-05-02 · 11 sources", 2),
    ("People by place (sum of counted figures, top 20) in the eastern provinces", 2),
    ("<b>already</b> marked up, left alone however long it happens to be", 1),
])
def test_long_titles_are_wrapped_between_words(title, lines):
    phone = axes.for_phone(_chart(title))
    text = phone.layout.title.text
    assert text.count("<br>") == lines - 1 or "<b>" in title
    assert text.replace("<br>", " ") == title
    assert all(len(line) <= axes.PHONE_TITLE_CHARS for line in text.split("<br>")) \
        or "<b>" in title
    assert phone.layout.margin.t == 40 + 20 * (lines - 1)
