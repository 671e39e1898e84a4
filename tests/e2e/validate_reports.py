#!/usr/bin/env python3
"""Validates akkoord's machine reports against the official schemas, with real validators.

  validate_reports.py sarif AKKOORD SOURCE_DIR   every SARIF report against both SARIF 2.1.0 schemas
                                                 (python3-jsonschema: draft-07 and draft-04 validators)
  validate_reports.py junit AKKOORD SOURCE_DIR   every JUnit report against junit-10.xsd (xmllint)
  validate_reports.py file sarif|junit SOURCE_DIR REPORT...   the given report files, the same way (for the
                                                 e2e tests that write hostile reports themselves)

The reports come from the built binary on the bundled samples (each plan and each agreement alone, all
together, in English and Dutch) and on awkward inputs made here: names with spaces, `#`, `%`, `:` and
non-ASCII characters, a missing file, markup characters in messages, a suppressed finding.
Exit code 0: all valid; 1: a report is invalid or the binary failed; 77: the validator is not installed
(ctest reports the test as skipped; tools/scripts/test.sh installs both).
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def runs(akkoord, source_dir, work_dir, fmt):
    """(name, argv, cwd) for every report to validate; `fmt` is the format name."""
    samples = pathlib.Path(source_dir) / "samples"
    plans = sorted(str(p.relative_to(source_dir)) for p in (samples / "plans").glob("*.toml"))
    agreements = sorted(str(p.relative_to(source_dir)) for p in (samples / "agreements").glob("*.akkoord"))
    out = []
    for plan in plans:
        out.append((plan, [akkoord, "check", "--rules", "rules/aa.akkoord", plan, "--format", fmt], source_dir))
    for agreement in agreements:
        out.append((agreement, [akkoord, "lint", agreement, "--format", fmt], source_dir))
    out.append(("all plans", [akkoord, "check", "--rules", "rules/aa.akkoord", "samples/plans", "--format", fmt,
                              "--fail-on", "warning"], source_dir))
    out.append(("all plans, Dutch", [akkoord, "check", "--rules", "rules/aa.akkoord", "samples/plans",
                                     "--format", fmt, "--lang", "nl"], source_dir))
    out.append(("all agreements", [akkoord, "lint", *agreements, "--format", fmt], source_dir))
    out.append(("reference agreement", [akkoord, "lint", "rules/aa.akkoord", "--format", fmt], source_dir))
    out.append(("awkward names", [akkoord, "check", "--rules", "rules/aa.akkoord", "plans", "missing plan.toml",
                                  "--format", fmt], work_dir))
    return out


def make_awkward_inputs(source_dir, work_dir):
    (work_dir / "rules").mkdir()
    shutil.copy(pathlib.Path(source_dir) / "rules" / "aa.akkoord", work_dir / "rules" / "aa.akkoord")
    (work_dir / "plans").mkdir()
    base = (pathlib.Path(source_dir) / "samples" / "plans" / "fte-hours-waived-by-decision.toml").read_text("utf-8")
    (work_dir / "plans" / "ruimte en #1 100% co\u00f6rdinatie: \u20ac.toml").write_text(base, "utf-8")
    # Markup and quotes in values that messages quote; an unknown field; a broken TOML file.
    (work_dir / "plans" / "markup.toml").write_text(
        base.replace('municipality = "aalsmeer"', 'municipality = "<aals&meer \\"x\\">"')
        + '\n[[activity]]\nid = "]]></failure><x a=\'1\'>"\nbudjet = 1\n', "utf-8")
    (work_dir / "plans" / "broken.toml").write_text("[plan\nyear = \n", "utf-8")


def validate_sarif(reports, source_dir, require_examples=True):
    try:
        import jsonschema
    except ImportError:
        print("SKIPPED: python3-jsonschema is not installed (tools/scripts/test.sh installs it)")
        return SKIP
    schemas = pathlib.Path(source_dir) / "tests" / "data" / "schemas"
    validators = []
    for name, cls in (("sarif-schema-2.1.0.json", jsonschema.Draft7Validator),
                      ("sarif-schema-2.1.0-errata01.json", jsonschema.Draft4Validator)):
        schema = json.loads((schemas / name).read_text("utf-8"))
        cls.check_schema(schema)
        validators.append((name, cls(schema)))
    failed = 0
    results = 0
    suppressed = 0
    for name, text in reports:
        try:
            log = json.loads(text)
        except ValueError as e:
            print(f"FAIL {name}: not JSON: {e}")
            failed += 1
            continue
        for schema_name, validator in validators:
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            for error in errors[:5]:
                print(f"FAIL {name} against {schema_name}: {'/'.join(map(str, error.path))}: {error.message}")
            failed += bool(errors)
        for result in log["runs"][0].get("results", []):
            results += 1
            suppressed += bool(result.get("suppressions"))
    print(f"{len(reports)} SARIF reports, {results} results ({suppressed} suppressed) checked against 2 schemas")
    if require_examples and (results == 0 or suppressed == 0):
        print("FAIL: the reports should contain results, some of them suppressed")
        failed += 1
    return 1 if failed else 0


def validate_junit(reports, source_dir, work_dir, require_examples=True):
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        print("SKIPPED: xmllint is not installed (libxml2-utils; tools/scripts/test.sh installs it)")
        return SKIP
    xsd = pathlib.Path(source_dir) / "tests" / "data" / "schemas" / "junit-10.xsd"
    failed = 0
    failures = 0
    for k, (name, text) in enumerate(reports):
        path = work_dir / f"report-{k}.xml"
        path.write_text(text, "utf-8")
        check = subprocess.run([xmllint, "--noout", "--schema", str(xsd), str(path)], capture_output=True, text=True)
        if check.returncode != 0:
            print(f"FAIL {name}: {check.stderr.strip()}")
            failed += 1
        failures += text.count("<failure ")
    print(f"{len(reports)} JUnit reports ({failures} failures) checked against junit-10.xsd")
    if require_examples and failures == 0:
        print("FAIL: the reports should contain failures")
        failed += 1
    return 1 if failed else 0


def validate_files(fmt, source_dir, files):
    reports = [(name, pathlib.Path(name).read_bytes().decode("utf-8")) for name in files]
    if fmt == "sarif":
        return validate_sarif(reports, source_dir, require_examples=False)
    with tempfile.TemporaryDirectory(prefix="akkoord-schema-") as tmp:
        return validate_junit(reports, source_dir, pathlib.Path(tmp), require_examples=False)


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "file" and sys.argv[2] in ("sarif", "junit"):
        return validate_files(sys.argv[2], os.path.abspath(sys.argv[3]), sys.argv[4:])
    if len(sys.argv) != 4 or sys.argv[1] not in ("sarif", "junit"):
        print(__doc__)
        return 2
    fmt, akkoord, source_dir = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    with tempfile.TemporaryDirectory(prefix="akkoord-schema-") as tmp:
        work_dir = pathlib.Path(tmp)
        make_awkward_inputs(source_dir, work_dir)
        reports = []
        for name, argv, cwd in runs(akkoord, source_dir, work_dir, fmt):
            done = subprocess.run(argv, cwd=cwd, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
            if done.returncode not in (0, 1, 2) or not done.stdout:
                print(f"FAIL {name}: exit code {done.returncode}, {len(done.stdout)} bytes of output: "
                      f"{done.stderr.decode('utf-8', 'replace')}")
                return 1
            reports.append((name, done.stdout.decode("utf-8")))
        if fmt == "sarif":
            return validate_sarif(reports, source_dir)
        return validate_junit(reports, source_dir, work_dir)


if __name__ == "__main__":
    sys.exit(main())
