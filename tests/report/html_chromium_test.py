#!/usr/bin/python3
"""The HTML report in its real consumer, headless Chromium (issue #11, items 3, 6, 9, 10).

A multi-plan run (four years of Aalsmeer, a plan with findings, a plan full of hostile text) is rendered by
`akkoord check --format html:FILE` and opened in Chromium: the rendered DOM must show one overview row per plan,
names beside codes, a chart per plan and no element that plan text tried to inject; a screenshot is kept as an
artefact. Printed to PDF it must be A4 with the names in it, and the report of one clean plan must give the plan
at most two pages. Two runs with the same SOURCE_DATE_EPOCH give the same bytes; `--lang nl` is Dutch.

Usage: html_chromium_test.py AKKOORD SOURCE_DIR ARTEFACT_DIR. Exit 77 (skipped, with the reason) when Chromium
or poppler-utils are not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

AKKOORD, SOURCE, ARTEFACTS = sys.argv[1], sys.argv[2], sys.argv[3]
EPOCH = "1764580200"  # 2025-12-01 09:10 UTC
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


for tool in ("chromium", "pdfinfo", "pdftotext"):
    if shutil.which(tool) is None:
        print(f"SKIPPED: `{tool}` is not installed (Debian packages chromium and poppler-utils; "
              "tools/scripts/test.sh installs them)")
        sys.exit(77)

HOSTILE_PLAN = """\
[plan]
agreement = "AA"
municipality = "amstelveen"
year = 2024
status = "concept"
title = "Plan <script>document.title='pwned'</script> & \\"quotes\\" 'too'"

[[activity]]
id = "A-<script>alert(1)</script>"
task = "overhead"
executor = "AA"
taakveld = "0.4"
budget = 1_000_000
description = "<img src=x onerror=\\"alert(1)\\"> & ampersands &amp; \\"quotes\\""

[[activity]]
id = "B-\\"&<b>bold</b>"
task = "<img src=x onerror=alert(2)>"
executor = "AA"
taakveld = "0.2"
budget = 500_000
description = "x < y && y > z"
"""


def akkoord(args, out_file, lang="en"):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run([AKKOORD, "check", "--rules", os.path.join(SOURCE, "rules/aa.akkoord"), *args,
                             "--lang", lang, "--quiet", "--format", "html:" + out_file],
                            env=env, capture_output=True, text=True, timeout=120)
    check(result.returncode in (0, 1), f"akkoord exit code {result.returncode}: {result.stderr}")
    with open(out_file, "rb") as f:
        return f.read()


def chromium(profile, *args):
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
               "--no-first-run", "--hide-scrollbars", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    check(result.returncode == 0, f"chromium {args[:-1]} exit code {result.returncode}: {result.stderr[-2000:]}")
    return result.stdout


class Dom(HTMLParser):
    """The rendered DOM: elements with their classes, the text of each overview row, every text."""

    def __init__(self):
        super().__init__()
        self.tags = []          # (tag, attrs dict)
        self.text = []
        self.overview_rows = []  # texts of the rows of table.overview that are plans
        self.plan_sections = []  # per section.plan: number of svg.chart in it
        self._in_overview = 0
        self._row = None
        self._section_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.tags.append((tag, a))
        if tag == "table" and "overview" in classes:
            self._in_overview = 1
        if self._in_overview and tag == "tr" and "group" not in classes and self._row is None:
            self._row = []
        if tag == "section" and "plan" in classes:
            self.plan_sections.append(0)
            self._section_depth = 1
        elif tag == "section" and self._section_depth:
            self._section_depth += 1
        if tag == "svg" and "chart" in classes and self._section_depth:
            self.plan_sections[-1] += 1

    def handle_endtag(self, tag):
        if tag == "table" and self._in_overview:
            self._in_overview = 0
        if tag == "tr" and self._row is not None:
            if self._row and not any(x in "".join(self._row) for x in ("Year", "Jaar")):
                self.overview_rows.append(" ".join(self._row))
            self._row = None
        if tag == "section" and self._section_depth:
            self._section_depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._row is not None:
            self._row.append(data.strip())


def dom_of(html_file, profile):
    dom = Dom()
    dom.feed(chromium(profile, "--dump-dom", "file://" + html_file))
    return dom


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, timeout=60).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (round(float(size.group(1))), round(float(size.group(2))))


def pdf_text(pdf, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, pdf, "-"], capture_output=True, text=True, timeout=60).stdout


os.makedirs(ARTEFACTS, exist_ok=True)
with tempfile.TemporaryDirectory() as work:
    profile = os.path.join(work, "profile")
    hostile = os.path.join(work, "amstelveen-2024-hostile.toml")
    with open(hostile, "w") as f:
        f.write(HOSTILE_PLAN)
    years = [os.path.join(SOURCE, "samples/years", f"aalsmeer-{y}.toml") for y in (2026, 2023, 2025, 2024)]
    with_findings = os.path.join(SOURCE, "samples/plans/amstelveen-books-aalsmeer-contribution.toml")
    plans = years + [with_findings, hostile]
    page = os.path.join(ARTEFACTS, "html-report.html")
    first = akkoord(plans, page)
    again = akkoord(plans, os.path.join(work, "again.html"))
    check(first == again, "two runs with the same SOURCE_DATE_EPOCH give different bytes")
    check(b"2025-12-01 09:10 UTC" in first, "the report time is not SOURCE_DATE_EPOCH")
    check(b"<script" not in first.lower().replace(b"&lt;script", b""), "a raw <script in the page source")

    dom = dom_of(page, profile)
    tags = [t for t, _ in dom.tags]
    text = "".join(dom.text)
    check(tags.count("script") == 0, f"{tags.count('script')} script elements in the rendered DOM")
    check(tags.count("img") == 0, f"{tags.count('img')} img elements in the rendered DOM")
    check(not any(k.startswith("on") for _, a in dom.tags for k in a), "an on… event attribute in the DOM")
    check(not any(a.get("src") or (a.get("href") or "#").split("#")[0] for _, a in dom.tags),
          "the page loads or links something outside itself")
    check(len(dom.overview_rows) == len(plans), f"{len(dom.overview_rows)} overview rows for {len(plans)} plans")
    for year in ("2023", "2024", "2025", "2026"):
        check(any(r.startswith(year) for r in dom.overview_rows), f"no overview row for {year}")
    years_in_order = [r[:4] for r in dom.overview_rows[:4]]
    check(years_in_order == ["2023", "2024", "2025", "2026"], f"Aalsmeer's years not in order: {years_in_order}")
    for name in ("Gemeente Aalsmeer", "Gemeente Amstelveen", "Burgerzaken", "AA-organisatie",
                 "Dienstverleningsbijdrage Aalsmeer aan AA", "Formatieve besparing Kadernota 2025",
                 "Centrumregeling ambtelijke samenwerking Aalsmeer en Amstelveen", "Gemeente Aalsmeer across the years"):
        check(name in text, f"the name {name!r} is not on the page")
    check(len(dom.plan_sections) == len(plans), f"{len(dom.plan_sections)} plan sections for {len(plans)} plans")
    check(all(n >= 1 for n in dom.plan_sections), f"a plan without a chart: charts per plan {dom.plan_sections}")
    for shown in ("Plan <script>document.title='pwned'</script> & \"quotes\" 'too'", "A-<script>alert(1)</script>",
                  "<img src=x onerror=\"alert(1)\"> & ampersands &amp; \"quotes\"", "x < y && y > z"):
        check(shown in text, f"hostile text not shown as text: {shown!r}")

    screenshot = os.path.join(ARTEFACTS, "html-report.png")
    chromium(profile, f"--screenshot={screenshot}", "--window-size=1280,6000", "file://" + page)
    with open(screenshot, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG")
    print("screenshot:", screenshot)

    pdf = os.path.join(ARTEFACTS, "html-report.pdf")
    chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
    pages, size = pdf_pages(pdf)
    check(size == (595, 842), f"the PDF is not A4 but {size}")
    printed = pdf_text(pdf)
    for name in ("Gemeente Aalsmeer", "Gemeente Amstelveen", "Burgerzaken", "Uitvoeringsplan 2025"):
        check(name in printed, f"the printed report lacks {name!r}")
    check(pages >= 1 + len(plans), f"{pages} pages for {len(plans)} plans each on a page of its own")
    print("pdf:", pdf, pages, "pages")

    # One clean plan: the run's page, then the plan on at most two pages, its header on each of them.
    clean = os.path.join(ARTEFACTS, "html-report-clean-plan.html")
    akkoord([years[2]], clean)
    clean_pdf = os.path.join(ARTEFACTS, "html-report-clean-plan.pdf")
    chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={clean_pdf}", "file://" + clean)
    clean_pages, clean_size = pdf_pages(clean_pdf)
    check(clean_size == (595, 842), f"the clean plan's PDF is not A4 but {clean_size}")
    check("Overview" in pdf_text(clean_pdf, 1), "page 1 is not the overview")
    check(2 <= clean_pages <= 3, f"a clean plan takes {clean_pages - 1} pages after the overview (at most 2)")
    for p in range(2, clean_pages + 1):
        check("Gemeente Aalsmeer · 2025 · Uitvoeringsplan 2025" in pdf_text(clean_pdf, p),
              f"page {p} lacks the plan in its page header")
        check(re.search(rf"\b{p} ?/ ?{clean_pages}\b", pdf_text(clean_pdf, p)), f"page {p} lacks its page number")
    print("clean plan pdf:", clean_pdf, clean_pages, "pages")

    # Dutch: headings, legends, money, dates.
    dutch = os.path.join(ARTEFACTS, "html-report-nl.html")
    akkoord(plans, dutch, "nl")
    nl_text = "".join(dom_of(dutch, profile).text)
    for words in ("Overzicht", "Stand van zaken", "Afgesproken bedrag", "1 december 2025, 09:10 UTC",
                  "vastgesteld op 12 november 2024", "€ 19.700.000,00", "door de jaren heen", "afgesproken bedrag",
                  "Omschrijving", "Uitvoerder"):
        check(words in nl_text, f"the Dutch page lacks {words!r}")
    for english in ("Overview", "Status at a glance", "adopted on", "EUR 19,700,000.00"):
        check(english not in nl_text, f"the Dutch page has English {english!r}")

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok: the page renders in Chromium as required; artefacts in", ARTEFACTS)
