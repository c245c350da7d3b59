"""PDF reading benchmark: text quality and speed of pypdfium2, pdfminer.six, pdfplumber and
the newsfigures reader (pdfplumber + our layout), on reports generated here.

    .venv/bin/python bench/pdf.py [--repeat 6] [--rounds 3]

Reports: the two-column flash update of tests/pdf_samples.py printed to PDF by headless
Chromium (its prose copied `--repeat` times, so that it runs over several pages with a
running header and page numbers), and a two-column fpdf2 report with a hyphenated line
break, a paragraph running from one column into the next and a ruled table.

Quality, for each library's plain text:
- `figures F1`: the counted figures (value, category) the engine finds in it, against those
  it finds in the report's HTML version (the same check as tests/test_pdf_browser.py);
- `sentences`: the share of the report's sentences found whole in it (columns read across,
  words run together or hyphens left at line ends break them);
- `table rows`: the table's rows whose place the engine gives to the row's figures.
Speed: pages per second over `--rounds` reads, the median round.
"""
from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pdf_samples as samples  # noqa: E402

from newsfigures import extract  # noqa: E402
from newsfigures.engine.records import Article  # noqa: E402
from newsfigures.io.articles import parse_html  # noqa: E402
from newsfigures.io.pdf import read_pdf  # noqa: E402


def pdfium_text(data: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        pages = [doc[k].get_textpage().get_text_range() for k in range(len(doc))]
    finally:
        doc.close()
    return "\n".join(pages).replace("\r\n", "\n"), len(pages)


def pdfminer_text(data: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    n = sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))
    return extract_text(io.BytesIO(data)), n


def pdfplumber_text(data: bytes) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    return "\n".join(pages), len(pages)


def newsfigures_text(data: bytes) -> tuple[str, int]:
    article = read_pdf(data, article_id="bench", where="bench.pdf")
    return article.text, len(article.pages)


READERS = {"pypdfium2": pdfium_text, "pdfminer.six": pdfminer_text,
           "pdfplumber": pdfplumber_text, "newsfigures": newsfigures_text}


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def sentences_of(paragraphs) -> list[str]:
    out = []
    for p in paragraphs:
        out.extend(s for s in re.split(r"(?<=[.!?])\s+", _norm(p.replace("&shy;", ""))) if len(s) > 20)
    return out


def counted(text: str, published: str = "2024-03-12") -> Counter:
    return Counter((f.value, f.category) for f in extract(Article(id="b", text=text, published=published))
                   if not f.vague)


def f1(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def table_rows(text: str, districts) -> int:
    figures = extract(Article(id="b", text=text, published="2024-03-12"))
    places = {f.place for f in figures}
    return sum(1 for d in districts if d in places)


def measure(name: str, data: bytes, rounds: int) -> tuple[str, float]:
    times = []
    text, pages = "", 0
    for _ in range(rounds):
        start = time.perf_counter()
        text, pages = READERS[name](data)
        times.append(time.perf_counter() - start)
    return text, pages / statistics.median(times)


def report(title: str, data: bytes, truth: dict, rounds: int) -> None:
    print(f"\n{title}")
    print(f"{'reader':<14}{'pages/s':>9}{'figures F1':>12}{'sentences':>11}{'table rows':>12}")
    for name in READERS:
        text, speed = measure(name, data, rounds)
        norm = _norm(text)
        kept = sum(1 for s in truth["sentences"] if s in norm) / len(truth["sentences"])
        rows = table_rows(text, truth["districts"])
        print(f"{name:<14}{speed:>9.1f}{f1(counted(text), truth['figures']):>12.2f}{kept:>11.2f}"
              f"{rows:>7}/{len(truth['districts'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=6, help="copies of the prose (more pages)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if samples.CHROMIUM:
            html = samples.sample_report_html(repeat=args.repeat)
            data = samples.print_to_pdf(html, tmp / "flash.pdf").read_bytes()
            truth = {"figures": counted(parse_html(html.encode(), article_id="h", where="h").text),
                     "sentences": sentences_of(samples.PARAGRAPHS), "districts": [d[0] for d in samples.DISTRICTS]}
            report(f"Chromium-printed flash update, prose x{args.repeat}", data, truth, args.rounds)
        else:
            print("no Chromium: the printed report is skipped")
        pages = _fpdf_pages(args.repeat)
        data = samples.fpdf_report(pages, tmp / "sitrep.pdf").read_bytes()
        prose = [" ".join(p.left + p.right).replace("Displace- ment", "Displacement")
                 .replace("low- lying", "low-lying") for p in pages[:1]]
        truth = {"figures": counted(_fpdf_truth(pages)), "sentences": sentences_of(prose),
                 "districts": ["Kutum", "Kabkabiya", "Tawila"]}
        report(f"fpdf2 two-column situation report, {len(pages)} pages", data, truth, args.rounds)


def _fpdf_pages(repeat: int):
    left = ["Fighting around El Fasher has forced", "thousands of families from their homes",
            "since 10 May. According to the Displace-", "ment Tracking Matrix, at least 4,200 people"]
    right = ["were displaced from the city in the week", "to 17 May, most of them to low-",
             "lying areas near Tawila. The Red Crescent", "said 26 people were killed in shelling."]
    table = [("District", "Displaced", "Killed"), ("Kutum", "7,500", "3"),
             ("Kabkabiya", "2,100", "5"), ("Tawila", "1,250", "2")]
    return [samples.FpdfPage(left=left * 8, right=right * 8, table=table if k == repeat - 1 else [])
            for k in range(repeat)]


def _fpdf_truth(pages) -> str:
    """The fpdf report as a person reads it: columns in order, hyphenation undone."""
    prose = " ".join(" ".join(p.left + p.right) for p in pages)
    prose = prose.replace("Displace- ment", "Displacement").replace("low- lying", "low-lying")
    rows = "\n".join(f"In {r[0]} district: {r[1]} displaced; {r[2]} killed." for r in pages[-1].table[1:])
    return prose + "\n\n" + rows


if __name__ == "__main__":
    main()
