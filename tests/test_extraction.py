"""The whole engine on real articles: offsets, robustness, and the gold evaluation as a floor.

The floors only move up: raise them when the engine gets better, never lower them to pass.
"""
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfigures.engine.figures import date_collection, extract_figures
from newsfigures.engine.numbers import find_amounts
from newsfigures.engine.records import EXTRA_FIELDS, SPEC_FIELDS, Article
from newsfigures.io.articles import iter_articles

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
GOLD = Path(__file__).parent / "gold"
DEV = ROOT.parent / "shared" / "dev"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract_folder(folder: Path, manifest: bool = True) -> list[dict]:
    articles = []
    for article in iter_articles([folder]):
        assert isinstance(article, Article), article
        if not manifest:
            article = Article(article.id, article.text, title=article.title, path=article.path)
        articles.append(article)
    return [f.to_dict() for article in date_collection(articles) for f in extract_figures(article)]


def _score(gold_dir: Path, gold_name: str, articles_name: str, texts: Path, manifest: bool):
    score = _scorer()
    result, _ = score.score(
        score.load_jsonl(gold_dir / gold_name), _extract_folder(texts, manifest),
        score.read_texts([texts]), score.load_jsonl(gold_dir / articles_name),
    )
    return result


@pytest.fixture(scope="module")
def sample_figures():
    return _extract_folder(SAMPLES)


def test_every_figure_has_the_spec_fields(sample_figures):
    assert sample_figures
    for row in sample_figures:  # the spec's fields in its order, then the extra ones
        assert tuple(row) == SPEC_FIELDS + EXTRA_FIELDS


def test_offsets_give_the_numbers_words(sample_figures):
    """text[start:end] is the number as written: read again, it gives the figure's value."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    for row in sample_figures:
        text = texts[row["article"]]
        words = text[row["start"]:row["end"]]
        assert words and words[0].isalnum() and words[-1].isalnum(), row
        assert words in row["quote"], row
        assert row["quote"] in text
        again = find_amounts(words)
        assert len(again) == 1 and again[0].text == words and again[0].value == row["value"], row


def test_figures_are_json_lines(sample_figures):
    for row in sample_figures:
        assert json.loads(json.dumps(row)) == row


# Floors on the bundled samples with no manifest (issue 2's acceptance) ...
SAMPLE_FLOORS = {
    ("counted", "f1"): 0.98, ("counted", "category_acc"): 0.97, ("counted", "country_acc"): 0.97,
    ("counted", "place_acc"): 0.94, ("counted", "date_acc"): 0.94, ("counted", "source_acc"): 0.97,
    ("vague", "f1"): 0.95, ("articles", "publisher_acc"): 0.95, ("articles", "published_acc"): 0.95,
}


@pytest.fixture(scope="module")
def sample_scores():
    return _score(GOLD, "seeds.jsonl", "seeds_articles.jsonl", SAMPLES, manifest=False)


@pytest.mark.parametrize("part, measure", sorted(SAMPLE_FLOORS))
def test_samples_against_gold(sample_scores, part, measure):
    assert sample_scores[part][measure] >= SAMPLE_FLOORS[(part, measure)]


# ... and on the development set of other crises, when ../shared/dev is there.
DEV_FLOORS = {
    ("counted", "f1"): 0.98, ("counted", "category_acc"): 0.97, ("counted", "country_acc"): 0.98,
    ("counted", "place_acc"): 0.97, ("counted", "date_acc"): 0.98, ("counted", "source_acc"): 0.98,
    ("vague", "f1"): 0.93,
}


@pytest.fixture(scope="module")
def dev_scores():
    if not (DEV / "gold.jsonl").exists():
        pytest.skip("../shared/dev is not beside this checkout")
    return _score(DEV, "gold.jsonl", "gold_articles.jsonl", DEV / "articles", manifest=True)


@pytest.mark.parametrize("part, measure", sorted(DEV_FLOORS))
def test_development_set_against_gold(dev_scores, part, measure):
    assert dev_scores[part][measure] >= DEV_FLOORS[(part, measure)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
       | st.lists(st.sampled_from([
           "12,000", "people", "fled", "killed", "about", "up to", "Aleppo", "said", "UNHCR", "on Friday",
           "tens of thousands", "2.5 million", "between", "and", ",", ".", "\n", "(", ")", "“", "homes",
           "destroyed", "1.2m", "Four-thousand", "since December", "—", "of", "the", "in", "Syria",
       ]), max_size=60).map(" ".join))
def test_extraction_never_raises_and_keeps_offsets_inside(text):
    for figure in extract_figures(Article("prop", text, published="2020-02-14")):
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.quote in text


# ... and on the coders' event descriptions (../shared/dev-wad), scored by its own scorer.
WAD = ROOT.parent / "shared" / "dev-wad"
WAD_FLOORS = {"killed_stated": 0.97, "injured_found": 0.89, "country_acc": 0.92}


@pytest.fixture(scope="module")
def wad_scores(tmp_path_factory):
    import ast
    import subprocess
    import sys

    if not (WAD / "gold.jsonl").exists():
        pytest.skip("../shared/dev-wad is not beside this checkout")
    out = tmp_path_factory.mktemp("wad") / "wad.jsonl"
    subprocess.run([sys.executable, "-m", "newsfigures", "extract", str(WAD / "articles"),
                    "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    done = subprocess.run([sys.executable, str(WAD / "wad.py"), "score", str(WAD / "gold.jsonl"),
                           str(out)], check=True, capture_output=True, text=True)
    scores = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(": ")
        if key in WAD_FLOORS:
            value = ast.literal_eval(value)
            scores[key] = value["found"] if isinstance(value, dict) else value
    return scores


@pytest.mark.parametrize("measure", sorted(WAD_FLOORS))
def test_event_descriptions_against_their_counts(wad_scores, measure):
    assert wad_scores[measure] >= WAD_FLOORS[measure]
