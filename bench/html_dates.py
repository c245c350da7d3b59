"""Publication dates of a set of dated HTML pages: ours beside htmldate alone, in one run.

    python bench/html_dates.py PAGES_DIR EXPECTED.json

EXPECTED.json maps each page's address to its file (in PAGES_DIR) and its publication date,
as htmldate's own evaluation set does: {"https://...": {"file": "x.html", "date": "2019-06-27"}}.
Prints, for our reader (`newsfigures.io.articles.parse_html`), htmldate's default call and
htmldate's call for the original date: pages right, wrong, undated, and the time per page.
No set is bundled: public sets of dated news pages belong to their publishers.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import htmldate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfigures.io.articles import parse_html  # noqa: E402
from newsfigures.io.names import ArticleError  # noqa: E402


def _ours(html: bytes, url: str) -> str:
    try:
        return parse_html(html, article_id="page", url=url).published
    except ArticleError:  # no article text: the page is undated for us
        return ""


READERS = {
    "newsfigures": _ours,
    "htmldate (default)": lambda h, u: htmldate.find_date(h, url=u) or "",
    "htmldate (original_date)": lambda h, u: htmldate.find_date(h, url=u, original_date=True) or "",
}


def main(pages_dir: str, expected_json: str) -> None:
    expected = json.loads(Path(expected_json).read_text(encoding="utf-8"))
    pages = [(url, Path(pages_dir) / row["file"], row["date"]) for url, row in expected.items()
             if (Path(pages_dir) / row["file"]).is_file()]
    print(f"{len(pages)} pages of {len(expected)} listed")
    for name, read in READERS.items():
        right = wrong = undated = 0
        start = time.perf_counter()
        for url, path, want in pages:
            got = read(path.read_bytes(), url)
            right += got == want
            undated += not got
            wrong += bool(got) and got != want
        per_page = (time.perf_counter() - start) / max(len(pages), 1) * 1000
        print(f"{name:26} right {right:4} ({right / max(len(pages), 1):.3f})  wrong {wrong:4}"
              f"  undated {undated:4}  {per_page:.1f} ms/page")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    main(sys.argv[1], sys.argv[2])
