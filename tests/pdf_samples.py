"""Real-looking situation reports for the PDF tests and `bench/pdf.py`, written for them.

`sample_report_html()` is a flash update about floods, in our own words: a title block, two
columns of prose (a long word broken by a soft hyphen, so that a line may end in a hyphen), a
table of districts, and the organisation and date on the first page. `print_to_pdf` prints an
HTML page to PDF with headless Chromium (the Debian package) through playwright, with a
running header and "Page N of M" footers. `fpdf_report` writes a report with fpdf2 where the
tests need exact control of where lines break (a hyphen at a line end, a word split across
columns, headers and page numbers on every page).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p), None)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
IN_CI = os.environ.get("CI", "").lower() == "true"

TITLE = "Malawi: Floods in the Southern Region - Flash Update No. 3"
ORGANISATION = "United Nations Office for the Coordination of Humanitarian Affairs"

# (district, displaced, killed, injured): the table of the report
DISTRICTS = (
    ("Chikwawa", "12,450", "14", "37"),
    ("Nsanje", "9,870", "9", "21"),
    ("Phalombe", "4,310", "6", "12"),
    ("Mulanje", "3,025", "4", "8"),
    ("Thyolo", "1,640", "2", "5"),
)

PARAGRAPHS = (
    "Heavy rains that began on 6 March have caused the Shire River and its tributaries to burst "
    "their banks across the Southern Region. The Department of Disaster Management Affairs "
    "(DoDMA) said that at least 31,295 people have been displaced since the start of the "
    "floods, most of them in low-lying villages of Chikwawa and Nsanje.",
    "According to the Malawi Red Cross Society, 35 people have been killed and 83 injured, "
    "while 17 people remain missing after boats capsized during evacu&shy;ations on the Shire "
    "River. Search and rescue teams supported by the Malawi Defence Force have evacuated "
    "more than 2,000 people from islands cut off by the water.",
    "Shelter remains the most urgent need. DoDMA reported that 6,480 houses have been "
    "destroyed and a further 11,200 damaged. Some 18,600 people are staying in 44 evacuation "
    "centres, mostly schools and churches, where partners report overcrowding and a shortage "
    "of latrines.",
    "Access to the worst-affected areas remains difficult. The main road between Bangula and "
    "Nsanje has been cut in two places, and humanitarian partners are using boats to reach "
    "communities on the eastern bank. The World Food Programme said it has delivered food "
    "to 9,500 people in Nsanje district so far.",
    "Health partners are concerned about the risk of cholera in crowded evacuation centres. "
    "The Ministry of Health said 12 suspected cases have been reported in Chikwawa since the "
    "floods began, and mobile clinics have been deployed to the largest sites.",
    "In Phalombe, where the Ruo River flooded farmland, local authorities said that 2,600 "
    "households lost their crops and livestock. Some 1,100 people have moved in with relatives "
    "in neighbouring villages on higher ground rather than stay in the camps.",
    "Protection partners have identified 240 unaccompanied children in evacuation centres in "
    "Nsanje and Chikwawa, and are working with district social welfare officers to trace "
    "their families. Partners also warned that women and girls face risks in sites without "
    "lighting or separate washing facilities.",
    "Funding: the Government has appealed for support, and the Central Emergency Response "
    "Fund has allocated an initial amount to scale up the response. Partners in the shelter, "
    "WASH and health clusters are mobilising supplies from stocks in Blantyre.",
)

TABLE_INTRO = "Table 1. Displacement and casualties by district (DoDMA, 12 March 2024)"


def sample_report_html(*, paragraphs: tuple[str, ...] = PARAGRAPHS, repeat: int = 1) -> str:
    """The flash update as an HTML page (two columns in print). `repeat` copies the prose to
    make longer reports for the benchmark."""
    prose = "\n".join(f"<p>{p}</p>" for _ in range(repeat) for p in paragraphs)
    rows = "\n".join(f"<tr><td>{d}</td><td>{a}</td><td>{b}</td><td>{c}</td></tr>"
                     for d, a, b, c in DISTRICTS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="author" content="{ORGANISATION}">
<meta name="date" content="2024-03-12">
<style>
 @page {{ size: A4; margin: 22mm 16mm 20mm 16mm; }}
 body {{ font-family: 'Liberation Serif', serif; font-size: 12pt; line-height: 1.4; }}
 .columns {{ column-count: 2; column-gap: 9mm; text-align: justify; }}
 h1 {{ font-size: 17pt; margin: 0 0 4pt 0; }}
 .meta {{ font-size: 9.5pt; margin-bottom: 10pt; }}
 table {{ border-collapse: collapse; margin: 12pt 0; font-size: 10pt; break-inside: avoid; }}
 th, td {{ border: 1px solid #444; padding: 3pt 8pt; }}
 td + td {{ text-align: right; }}
</style></head>
<body>
<article>
<h1>{TITLE}</h1>
<p class="meta">{ORGANISATION}<br>Issued on 12 March 2024</p>
<div class="columns">
{prose}
</div>
<p>{TABLE_INTRO}</p>
<table>
<thead><tr><th>District</th><th>Displaced</th><th>Killed</th><th>Injured</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p>The next flash update will be issued as new information becomes available.</p>
</article>
</body></html>
"""


HEADER = ('<div style="font-size:8pt; width:100%; margin:0 16mm; font-family:serif;">'
          "Malawi Floods | Flash Update No. 3</div>")
FOOTER = ('<div style="font-size:8pt; width:100%; text-align:center; font-family:serif;">'
          'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')


def print_to_pdf(html: str, out: Path, *, header: bool = True) -> Path:
    """Print `html` to `out` with headless Chromium (A4, running header and page numbers)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            page.pdf(path=str(out), format="A4", print_background=False,
                     display_header_footer=header, header_template=HEADER if header else "",
                     footer_template=FOOTER if header else "",
                     margin={"top": "22mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()
    return out


# --------------------------------------------------------------------------- fpdf2


@dataclass
class Column:
    """Lines of one column, exactly as they break on the page."""

    lines: list[str] = field(default_factory=list)


@dataclass
class FpdfPage:
    """One page: a title line or two (full width), then a left and a right column, then a
    table (rows of cells) if any."""

    title: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    table: list[tuple[str, ...]] = field(default_factory=list)


def fpdf_report(pages: list[FpdfPage], out: Path, *, header: str = "Situation Report No. 7",
                metadata: dict | None = None, encrypt: str = "") -> Path:
    """Write `pages` with fpdf2: a running header, a centred page number in the footer, two
    columns of the given lines, an optional ruled table. `encrypt`: a user password."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=10)
    for key, value in (metadata or {}).items():
        getattr(pdf, f"set_{key}")(value)
    if encrypt:
        pdf.set_encryption(owner_password="owner-" + encrypt, user_password=encrypt)
    for number, page in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("helvetica", size=8)
        pdf.set_xy(15, 8)
        pdf.cell(180, 5, header)
        pdf.set_xy(15, 285)
        pdf.cell(180, 5, str(number), align="C")
        y = 20.0
        pdf.set_font("helvetica", "B", size=15)
        for line in page.title:
            pdf.set_xy(15, y)
            pdf.cell(180, 8, line)
            y += 9
        pdf.set_font("helvetica", size=10)
        top = y + 3
        for x, lines in ((15, page.left), (110, page.right)):
            for k, line in enumerate(lines):
                pdf.set_xy(x, top + k * 5)
                pdf.cell(85, 5, line)
        y = top + 5 * max(len(page.left), len(page.right)) + 6
        widths = (50, 30, 30, 30)
        for row in page.table:
            x = 15.0
            for w, cell in zip(widths, row):
                pdf.set_xy(x, y)
                pdf.cell(w, 6, cell, border=1, align="L" if x == 15 else "R")
                x += w
            y += 6
    pdf.output(str(out))
    return out


# --------------------------------------------------------------------------- raw PDFs


def raw_pdf(objects: list[bytes], *, root: int = 1) -> bytes:
    """A PDF file of the given objects (object k+1 is objects[k]) with a correct xref table:
    for PDFs no library would write (a page tree that lies about its size, say)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def page_bomb(pages: int) -> bytes:
    """A small PDF with `pages` distinct empty pages (each a few dozen bytes)."""
    kids = b" ".join(b"%d 0 R" % (3 + k) for k in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    return raw_pdf(objects)


def lying_count(count: int) -> bytes:
    """A one-page PDF whose page tree says it has `count` pages."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Count %d /Kids [3 0 R] >>" % count,
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])
