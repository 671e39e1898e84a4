#!/usr/bin/env python3
"""The spreadsheet report (`--format xlsx:FILE`) read back with a real reader: openpyxl (python3-openpyxl).

  xlsx_report.py AKKOORD SOURCE_DIR

One run over the four clean years of Aalsmeer, a plan with errors, a plan with a waived finding, a plan full of
hostile text and a file that is not TOML, with `--format json --format xlsx:FILE`, in English and in Dutch. The
workbook is held against the JSON report of the same run and against the plans themselves (read with tomllib):
sheets and headers in the report language, the header row frozen, an autofilter over each table, money as
numbers in a euro format, dates as dates, one row per plan, finding and activity, every figure equal to the
JSON's, hostile text intact and never a formula. Also: no file without a name, no temporary file left behind,
and the same bytes for the same input under SOURCE_DATE_EPOCH.
Exit code 0: all passed; 1: a check failed; 77: openpyxl is not installed (ctest reports the test as skipped;
tools/scripts/test.sh installs it).
"""
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest
import zipfile
from decimal import Decimal

SKIP = 77
try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    print("SKIPPED: openpyxl is not installed for " + sys.executable + " (Debian: apt-get install python3-openpyxl)")
    sys.exit(SKIP)

AKKOORD, SOURCE_DIR = (sys.argv.pop(1), sys.argv.pop(1)) if len(sys.argv) >= 3 else (None, None)

SHEETS = {
    "en": ["Overview", "Findings", "Activities", "Spending per taakveld", "Spending per task"],
    "nl": ["Overzicht", "Bevindingen", "Activiteiten", "Uitgaven per taakveld", "Uitgaven per taak"],
}
HEADERS = {
    "en": {
        "Overview": ["File", "Municipality", "Year", "Status", "Adopted", "Contribution total", "Agreed amount",
                     "Saving ceiling", "Budgets of all activities", "Errors", "Warnings", "Infos", "Waived", "Verdict"],
        "Findings": ["Check", "Severity", "File", "Line", "Column", "Message", "Agreement clause", "Help", "Waived"],
        "Activities": ["File", "Municipality", "Year", "Activity", "Task", "Task title", "Executor", "Executor name",
                       "Taakveld", "Taakveld name (BBV)", "Budget", "FTE", "Hours", "From", "To", "Description"],
        "Spending per taakveld": ["File", "Municipality", "Year", "Taakveld", "Taakveld name (BBV)", "Budget", "Per inhabitant"],
        "Spending per task": ["File", "Municipality", "Year", "Task", "Task title", "Budget"],
    },
    "nl": {
        "Overzicht": ["Bestand", "Gemeente", "Jaar", "Status", "Vastgesteld op", "Totaal bijdrage",
                      "Afgesproken bedrag", "Plafond na bezuiniging", "Som van alle budgetten", "Fouten",
                      "Waarschuwingen", "Meldingen", "Uitgezonderd", "Oordeel"],
        "Bevindingen": ["Controle", "Ernst", "Bestand", "Regel", "Kolom", "Melding", "Bepaling uit de afspraken",
                        "Tip", "Uitgezonderd"],
        "Activiteiten": ["Bestand", "Gemeente", "Jaar", "Activiteit", "Taak", "Omschrijving taak", "Uitvoerder",
                         "Naam uitvoerder", "Taakveld", "Naam taakveld (BBV)", "Budget", "Fte", "Uren", "Van", "Tot en met",
                         "Omschrijving"],
        "Uitgaven per taakveld": ["Bestand", "Gemeente", "Jaar", "Taakveld", "Naam taakveld (BBV)", "Budget", "Per inwoner"],
        "Uitgaven per taak": ["Bestand", "Gemeente", "Jaar", "Taak", "Omschrijving taak", "Budget"],
    },
}
SEVERITY = {"en": {"error": "error", "warning": "warning", "info": "info"},
            "nl": {"error": "fout", "warning": "waarschuwing", "info": "melding"}}
VERDICT = {"en": {"clean": "complies", "remarks": "complies, with remarks", "fails": "does not comply",
                  "unreadable": "cannot be read"},
           "nl": {"clean": "voldoet", "remarks": "voldoet, met opmerkingen", "fails": "voldoet niet",
                  "unreadable": "niet leesbaar"}}
UNKNOWN_TAAKVELD = {"en": "(not a taakveld of the BBV list of 2025)", "nl": "(geen taakveld in de BBV-lijst van 2025)"}
DATE_FORMAT = {"en": "yyyy-mm-dd", "nl": "dd-mm-yyyy"}

# Text that tries to be markup, a formula or a terminal command; each must come back exactly (as the tool's
# other plain-text outputs show it: control characters as U+FFFD) and as a string, never a formula.
HOSTILE_DESCRIPTIONS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)> \"quotes\" & ampersands &amp; 'apostrophes'",
    "=HYPERLINK(\"http://example.invalid/\",\"click\")",
    "+SUM(1,2)",
    "-1+2",
    "@SUM(A1:A2)",
    "bell\u0007 escape\u001b[31m right-to-left\u202eevil",
]
HOSTILE_ID = "=cmd|' /C calc'!A0 <b>&</b>"
# Longer than a cell holds (32,767 characters): cut, visibly.
LONG_DESCRIPTION = "\u20ac" * 40_000
SHOWN_LONG_DESCRIPTION = "\u20ac" * 32_766 + "\u2026"


def printable(s):
    """What akkoord's plain-text outputs (and the spreadsheet) show for user text: README, User text."""
    out = []
    for c in s:
        cp = ord(c)
        if c in "\t\n\r":
            out.append(" ")
        elif cp < 0x20 or cp == 0x7F or 0x80 <= cp < 0xA0 or cp in (0x2028, 0x2029) or 0x202A <= cp <= 0x202E \
                or 0x2066 <= cp <= 0x2069:
            out.append("\ufffd")
        else:
            out.append(c)
    return "".join(out)


def toml_string(s):
    return json.dumps(s)  # a JSON string with \uXXXX escapes is a valid TOML basic string


def cents_of(value):
    """A money cell (a float) back to cents; exact for every amount a plan can hold below 2^53 cents."""
    return int((Decimal(repr(value)) * 100).to_integral_value())


def plan_cents(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def make_inputs(work):
    base = (pathlib.Path(SOURCE_DIR) / "samples" / "years" / "aalsmeer-2025.toml").read_text("utf-8")
    hostile = base.replace('municipality = "aalsmeer"',
                           'municipality = ' + toml_string("<script>alert('m')</script> & \"co\""))
    hostile = hostile.replace('id = "A-003"', 'id = ' + toml_string(HOSTILE_ID))
    parts = hostile.split('description = "OZB woningen"')
    assert len(parts) == 2, "the sample changed: adapt make_inputs()"
    hostile = parts[0] + "description = " + toml_string(HOSTILE_DESCRIPTIONS[0]) + parts[1]
    for k, text in enumerate(HOSTILE_DESCRIPTIONS[1:]):
        hostile += ("\n[[activity]]\nid = \"H-%d\"\ntask = \"groen\"\nexecutor = \"AA\"\ntaakveld = \"5.7\"\n"
                    "budget = %d.25\ndescription = %s\n" % (k, 1000 + k, toml_string(text)))
    hostile += ("\n[[activity]]\nid = \"H-unknown\"\ntask = \"groen\"\nexecutor = \"AA\"\ntaakveld = \"9.99\"\n"
                "budget = 2\n")
    hostile += ("\n[[activity]]\nid = \"H-full\"\ntask = \"groen\"\nexecutor = \"AA\"\ntaakveld = \"5.7\"\n"
                "budget = 3\ndescription = \"%s\"\n" % ("x" * 32_767))  # exactly what a cell holds: kept whole
    hostile += ("\n[[activity]]\nid = \"H-long\"\ntask = \"groen\"\nexecutor = \"AA\"\ntaakveld = \"5.7\"\n"
                "budget = 1\ndescription = \"%s\"\n" % LONG_DESCRIPTION)
    (work / "hostile plan & <co>.toml").write_text(hostile, "utf-8")
    (work / "broken.toml").write_text("[plan\nyear = \n", "utf-8")


class Run:
    """One akkoord run with a JSON and an xlsx report; the workbook and the JSON read back."""

    def __init__(self, work, lang, name):
        samples = pathlib.Path(SOURCE_DIR) / "samples"
        self.inputs = sorted(str(p) for p in (samples / "years").glob("*.toml")) + [
            str(samples / "plans" / "amstelveen-books-aalsmeer-contribution.toml"),
            str(samples / "plans" / "fte-hours-waived-by-decision.toml"),
            str(work / "hostile plan & <co>.toml"),
            str(work / "broken.toml"),
        ]
        self.path = work / name
        self.lang = lang
        self.result = subprocess.run(
            [AKKOORD, "check", "--rules", str(pathlib.Path(SOURCE_DIR) / "rules" / "aa.akkoord"), *self.inputs,
             "--format", "json", "--format", "xlsx:" + str(self.path), "--lang", lang],
            capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1764547200"))
        self.json = json.loads(self.result.stdout)
        self.book = openpyxl.load_workbook(self.path)

    def rows(self, sheet_index):
        sheet = self.book[SHEETS[self.lang][sheet_index]]
        return [list(r) for r in sheet.iter_rows(min_row=2)]


def in_overview_order(plans):
    """The plans as the overview lists them: municipalities by id (plans naming none last), years in order
    within each (plans without a year last), input order otherwise."""
    return sorted(plans, key=lambda p: (p["municipality"] is None, p["municipality"] or "",
                                        p["year"] is None, p["year"] or 0))


def read_plan(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError:
        return None


class XlsxReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.work = pathlib.Path(cls.tmp.name)
        make_inputs(cls.work)
        cls.runs = {lang: Run(cls.work, lang, "report-" + lang + ".xlsx") for lang in ("en", "nl")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def for_each_run(self, check):
        for lang, run in self.runs.items():
            with self.subTest(lang=lang):
                check(lang, run)

    def test_run_has_findings_and_writes_the_workbook(self):
        self.for_each_run(self.check_run_has_findings_and_writes_the_workbook)

    def check_run_has_findings_and_writes_the_workbook(self, _, run):
        self.assertEqual(run.result.returncode, 1, run.result.stderr)
        self.assertEqual(run.result.stderr, "")
        self.assertTrue(run.json["findings"])

    def test_sheets_and_headers_in_the_report_language(self):
        self.for_each_run(self.check_sheets_and_headers_in_the_report_language)

    def check_sheets_and_headers_in_the_report_language(self, lang, run):
        self.assertEqual(run.book.sheetnames, SHEETS[lang])
        for name in SHEETS[lang]:
            sheet = run.book[name]
            self.assertEqual([c.value for c in sheet[1]], HEADERS[lang][name], name)
            self.assertTrue(all(c.font.b for c in sheet[1]), name + ": the header row is bold")

    def test_header_row_frozen_and_an_autofilter_over_each_table(self):
        self.for_each_run(self.check_header_row_frozen_and_an_autofilter_over_each_table)

    def check_header_row_frozen_and_an_autofilter_over_each_table(self, _, run):
        for sheet in run.book.worksheets:
            self.assertEqual(sheet.freeze_panes, "A2", sheet.title)
            self.assertGreater(sheet.max_row, 1, sheet.title + " has rows")
            self.assertEqual(sheet.auto_filter.ref,
                             "A1:%s%d" % (get_column_letter(sheet.max_column), sheet.max_row), sheet.title)

    def test_columns_fit_their_content(self):
        self.for_each_run(self.check_columns_fit_their_content)

    def check_columns_fit_their_content(self, _, run):
        for sheet in run.book.worksheets:
            for column in sheet.iter_cols():
                letter = get_column_letter(column[0].column)
                width = sheet.column_dimensions[letter].width
                longest = max(len(str(c.value)) for c in column if c.value is not None and c.data_type == "s")
                self.assertGreaterEqual(width, min(longest, 60), sheet.title + " " + letter)
                self.assertLessEqual(width, 64, sheet.title + " " + letter)

    def test_overview_one_row_per_plan_with_the_json_figures(self):
        self.for_each_run(self.check_overview_one_row_per_plan_with_the_json_figures)

    def check_overview_one_row_per_plan_with_the_json_figures(self, lang, run):
        rows = run.rows(0)
        plans = {p["file"]: p for p in run.json["plans"]}
        self.assertEqual([r[0].value for r in rows], [p["file"] for p in in_overview_order(run.json["plans"])])
        for row in rows:
            plan = plans[row[0].value]
            values = [c.value for c in row]
            self.assertEqual(values[2], plan["year"])
            for cell, cents in ((row[5], plan["total_cents"]), (row[8], plan["budget_cents"])):
                if cents is None:
                    self.assertIsNone(cell.value)
                else:
                    self.assertEqual(cents_of(cell.value), cents)
                    self.assertIn("\u20ac", cell.number_format)
                    self.assertIn("#,##0.00", cell.number_format)
            own = [f for f in run.json["findings"] if f["file"] == plan["file"]]
            counts = [sum(1 for f in own if f["severity"] == s and not f["suppressed"])
                      for s in ("error", "warning", "info")] + [sum(1 for f in own if f["suppressed"])]
            self.assertEqual(values[9:13], counts, plan["file"])
            source = read_plan(plan["file"])
            verdict = ("unreadable" if source is None else "fails" if counts[0] else
                       "remarks" if sum(counts[:3]) else "clean")
            self.assertEqual(values[13], VERDICT[lang][verdict], plan["file"])
            if source is None:
                self.assertEqual(values[1:9], [None] * 8)
                continue
            self.assertEqual(values[3], source["plan"].get("status"))
            adopted = source["plan"].get("adopted")
            self.assertEqual(row[4].is_date, adopted is not None)
            if adopted is not None:
                self.assertEqual(row[4].value.date(), adopted)
                self.assertEqual(row[4].number_format, DATE_FORMAT[lang])
        # The agreed amounts of rules/aa.akkoord: 2024 EUR 20,000,000 (no saving in force yet), 2025 EUR 19,700,000
        # as stated, 2026 indexed by 2% (EUR 20,094,000); the Kadernota 2025 saving (from 2025: 2024 less
        # EUR 300,000) caps 2025 and 2026 at EUR 19,700,000.
        expected = {"2024": (2_000_000_000, None), "2025": (1_970_000_000, 1_970_000_000),
                    "2026": (2_009_400_000, 1_970_000_000)}
        for year, (agreed, ceiling) in expected.items():
            row = next(r for r in rows if r[0].value.endswith("samples/years/aalsmeer-%s.toml" % year))
            self.assertEqual(row[1].value, "Gemeente Aalsmeer")  # the party's name, not its id
            self.assertEqual(cents_of(row[6].value), agreed, year)
            self.assertEqual(None if row[7].value is None else cents_of(row[7].value), ceiling, year)
        self.assertIn("\u20ac", row[6].number_format)
        self.assertIn("\u20ac", row[7].number_format)

    def test_findings_one_row_per_finding_as_in_json(self):
        self.for_each_run(self.check_findings_one_row_per_finding_as_in_json)

    def check_findings_one_row_per_finding_as_in_json(self, lang, run):
        rows = run.rows(1)
        findings = run.json["findings"]
        self.assertEqual(len(rows), len(findings))
        for row, f in zip(rows, findings):
            values = [c.value for c in row]
            self.assertEqual(values[0], f["id"])
            self.assertEqual(values[1], SEVERITY[lang][f["severity"]])
            self.assertEqual(values[2], f["file"])
            self.assertEqual(values[3], f["line"])
            self.assertEqual(values[4], f["column"])
            self.assertEqual(values[5], printable(f["message"]))
            self.assertEqual(values[7], printable(f["help"]) if f["help"] else None)
            self.assertEqual(values[8] is not None, f["suppressed"])
            others = [r for r in f["related"] if r["file"] != f["file"]]
            if others:
                self.assertIn(printable(others[0]["message"]), values[6])
                self.assertTrue(values[6].startswith("%s:%d:%d: " % (others[0]["file"], others[0]["line"],
                                                                     others[0]["column"])))
            else:
                self.assertIsNone(values[6])
        self.assertTrue(any(r[8].value for r in rows), "a waived finding is marked")
        self.assertTrue(any(r[6].value for r in rows), "a clause is named")

    def test_activities_one_row_per_activity_of_every_plan(self):
        self.for_each_run(self.check_activities_one_row_per_activity_of_every_plan)

    def check_activities_one_row_per_activity_of_every_plan(self, lang, run):
        rows = iter(run.rows(2))
        count = 0
        for path in (p["file"] for p in in_overview_order(run.json["plans"])):
            source = read_plan(path)
            if source is None:
                continue
            for activity in source.get("activity", []):
                row = next(rows)
                count += 1
                values = [c.value for c in row]
                self.assertEqual(values[0], path)
                self.assertEqual(values[2], source["plan"]["year"])
                self.assertEqual(values[3], printable(activity["id"]) if "id" in activity else None)
                self.assertEqual(values[4], activity.get("task"))
                self.assertEqual(values[6], activity.get("executor"))
                self.assertEqual(values[8], activity.get("taakveld"))
                if activity.get("taakveld") == "9.99":
                    self.assertEqual(values[9], UNKNOWN_TAAKVELD[lang])
                elif "taakveld" in activity:
                    self.assertTrue(values[9] and not values[9].startswith("("), values)
                self.assertEqual(cents_of(values[10]), plan_cents(activity["budget"]))
                self.assertIn("\u20ac", row[10].number_format)
                if "fte" in activity:
                    self.assertEqual(Decimal(repr(values[11])), Decimal(str(activity["fte"])))
                self.assertEqual(values[12], activity.get("hours"))
                for cell, key in ((row[13], "from"), (row[14], "to")):
                    self.assertEqual(cell.is_date, key in activity)
                    if key in activity:
                        self.assertEqual(cell.value.date(), activity[key])
                        self.assertEqual(cell.number_format, DATE_FORMAT[lang])
                if activity.get("description") == LONG_DESCRIPTION:
                    self.assertEqual(values[15], SHOWN_LONG_DESCRIPTION)
                else:
                    self.assertEqual(values[15], printable(activity["description"]) if "description" in activity
                                     else None)
                if activity.get("executor") == "AA":
                    self.assertEqual(values[7], "AA-organisatie")
                if activity.get("task") == "burgerzaken":
                    self.assertEqual(values[5], "Burgerzaken")
                if activity.get("taakveld") == "0.2":
                    self.assertEqual(values[9], "Burgerzaken")
        self.assertIsNone(next(rows, None), "no row beyond the activities")
        self.assertGreater(count, 40)

    def test_spending_per_taakveld_and_task_equal_to_the_json(self):
        self.for_each_run(self.check_spending_per_taakveld_and_task_equal_to_the_json)

    def check_spending_per_taakveld_and_task_equal_to_the_json(self, _, run):
        plans = in_overview_order(run.json["plans"])
        expected_taakvelden = [(p["file"], p["year"], t["code"], t["budget_cents"], t["per_inhabitant_cents"])
                               for p in plans for t in p["taakvelden"]]
        got = [(r[0].value, r[2].value, r[3].value, cents_of(r[5].value),
                None if r[6].value is None else cents_of(r[6].value)) for r in run.rows(3)]
        self.assertEqual(got, expected_taakvelden)
        expected_tasks = [(p["file"], t["id"], t["budget_cents"]) for p in plans for t in p["tasks"]]
        got = [(r[0].value, r[3].value, cents_of(r[5].value)) for r in run.rows(4)]
        self.assertEqual(got, expected_tasks)
        for row in run.rows(3):
            self.assertIn("\u20ac", row[5].number_format)
        for row in run.rows(4):
            self.assertIn("\u20ac", row[5].number_format)
        # The figures themselves: the JSON's budget sum is the plan's, added up exactly.
        for plan in plans:
            if plan["budget_cents"] is not None:
                self.assertEqual(sum(t["budget_cents"] for t in plan["tasks"]), plan["budget_cents"])

    def test_hostile_text_intact_and_never_a_formula(self):
        self.for_each_run(self.check_hostile_text_intact_and_never_a_formula)

    def check_hostile_text_intact_and_never_a_formula(self, _, run):
        strings = {c.value for sheet in run.book.worksheets for row in sheet.iter_rows() for c in row
                   if c.data_type == "s" and c.value is not None}
        for text in HOSTILE_DESCRIPTIONS + [HOSTILE_ID, "<script>alert('m')</script> & \"co\""]:
            self.assertIn(printable(text), strings)
        self.assertIn("bell\ufffd escape\ufffd[31m right-to-left\ufffdevil", strings)
        self.assertTrue(any(s.endswith("hostile plan & <co>.toml") for s in strings))
        for sheet in run.book.worksheets:
            for row in sheet.iter_rows():
                for c in row:
                    self.assertNotEqual(c.data_type, "f", "%s!%s: %r" % (sheet.title, c.coordinate, c.value))
        with zipfile.ZipFile(run.path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = archive.read(name).decode("utf-8")
                    self.assertNotIn("<f>", xml, name)
                    self.assertNotIn("<f ", xml, name)
                    self.assertNotIn("<script", xml, name)

    def test_no_temporary_file_left_and_the_same_bytes_again(self):
        again = Run(self.work, "en", "again.xlsx")
        self.assertEqual(again.path.read_bytes(), self.runs["en"].path.read_bytes())
        self.assertEqual(sorted(p.name for p in self.work.iterdir()),
                         sorted(["again.xlsx", "broken.toml", "hostile plan & <co>.toml", "report-en.xlsx",
                                 "report-nl.xlsx"]))

    def test_an_existing_file_is_replaced_whole(self):
        target = self.work / "existing.xlsx"
        target.write_bytes(b"an older report")
        replaced = Run(self.work, "en", "existing.xlsx")
        self.assertEqual(replaced.result.returncode, 1, replaced.result.stderr)
        self.assertEqual(replaced.book.sheetnames, SHEETS["en"])
        target.unlink()

    def test_a_file_is_required(self):
        for args, lang, words in (
                (["--format", "xlsx"], "en", "`--format xlsx` needs a file"),
                (["--format", "xlsx:-"], "en", "`--format xlsx:-` needs a file"),
                (["--format", "xlsx"], "nl", "`--format xlsx` heeft een bestand nodig")):
            with self.subTest(args=args, lang=lang):
                result = subprocess.run([AKKOORD, "check", "--rules", "rules/aa.akkoord", "samples/years", *args,
                                         "--lang", lang], cwd=SOURCE_DIR, capture_output=True)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, b"")
                self.assertIn(words, result.stderr.decode("utf-8"))

    def test_only_for_commands_that_report_a_run(self):
        target = self.work / "checks.xlsx"
        for command in (["checks"], ["explain", "period-overlap"], ["test", "--rules", "rules/aa.akkoord",
                                                                    "samples/rule-tests"]):
            with self.subTest(command=command[0]):
                result = subprocess.run([AKKOORD, *command, "--format", "xlsx:" + str(target)], cwd=SOURCE_DIR,
                                        capture_output=True, text=True)
                self.assertEqual(result.returncode, 2)
                self.assertIn("`--format xlsx` is a report of `check`, `lint` and `diff`", result.stderr)
                self.assertFalse(target.exists())

    def test_a_directory_is_refused_and_left_alone(self):
        folder = self.work / "folder.xlsx"
        folder.mkdir()
        (folder / "keep").write_text("x")
        result = subprocess.run([AKKOORD, "check", "--rules", "rules/aa.akkoord", "samples/years",
                                 "--format", "xlsx:" + str(folder)], cwd=SOURCE_DIR, capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("it is a directory", result.stderr)
        self.assertEqual([p.name for p in folder.iterdir()], ["keep"])
        shutil.rmtree(folder)

    def test_without_the_library_a_clear_error_and_an_existing_file_kept(self):
        # libxlsxwriter is opened only when a spreadsheet is written; a broken one (here: not a shared library,
        # found first through LD_LIBRARY_PATH) is an error that names it, never a crash, and the old file stays.
        broken = self.work / "broken-lib"
        broken.mkdir()
        (broken / "libxlsxwriter.so.4").write_bytes(b"not a shared library")
        target = self.work / "kept.xlsx"
        target.write_bytes(b"an older report")
        for lang, words in (("en", "libxlsxwriter could not be loaded"), ("nl", "libxlsxwriter kon niet worden geladen")):
            with self.subTest(lang=lang):
                result = subprocess.run([AKKOORD, "check", "--rules", "rules/aa.akkoord", "samples/years", "--lang", lang,
                                         "--format", "xlsx:" + str(target)], cwd=SOURCE_DIR, capture_output=True,
                                        text=True, env=dict(os.environ, LD_LIBRARY_PATH=str(broken)))
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn(words, result.stderr)
                self.assertEqual(target.read_bytes(), b"an older report")
        target.unlink()
        shutil.rmtree(broken)


if __name__ == "__main__":
    if AKKOORD is None:
        sys.exit(__doc__)
    unittest.main(verbosity=2)
