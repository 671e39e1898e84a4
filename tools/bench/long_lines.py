#!/usr/bin/env python3
"""Times akkoord on the long-line inputs of issue #7 at scale N and 4N: linear code takes about 4x as long
for 4x the input, quadratic code 16x. A benchmark, never a test (the tests assert positions, not times).

    tools/bench/long_lines.py AKKOORD [--n 4000] [--keep DIR]

The four cases, each one long line:
  budgets   a plan whose activities are N inline tables with float budgets (`budget = 1.5`): `check`
  findings  the same with an unknown field in each activity, so N findings on the line: `check --format text`
            and `--format html`
  message   a custom rule whose message holds a `{EXPR}` of about 25*N bytes: `lint`
  markers   `akkoord test` on a plan with a comment line of 25*N `#` followed by 25*N spaces
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "aa.akkoord"

PLAN_HEAD = """[plan]
agreement = "AA"
municipality = "aalsmeer"
year = 2025
status = "concept"

[contribution]
id = "dienstverleningsbijdrage"
total = {total}

"""


def activity(i, extra=""):
    # Non-ASCII text before every budget, so columns (code points) differ from bytes all along the line.
    return (f'{{id = "A-{i}", task = "burgerzaken", executor = "AA", taakveld = "0.2", '
            f'description = "coördinatie €", budget = 1.5{extra}}}')


def budgets_plan(n, extra=""):
    # A top-level key comes before the first table header.
    line = "activity = [" + ", ".join(activity(i, extra) for i in range(n)) + "]\n\n"
    total = f"{n * 150 // 100}.{n * 150 % 100:02d}"
    return line + PLAN_HEAD.format(total=total)


def message_agreement(n):
    # `{[plan.year, plan.year, …]}`: one flat expression, no nesting limit in the way.
    expression = "[" + ", ".join(["plan.year"] * (n * 25 // 11)) + "]"
    rule = ('\nrule lange_melding "Een melding met een lange expressie" warning {\n'
            '  require plan.year > 2000\n'
            f'  message "jaar {{{expression}}}"\n}}\n')
    return RULES.read_text(encoding="utf-8") + rule


def markers_plan(n):
    text = (ROOT / "samples" / "plans" / "aalsmeer-2025.toml").read_text(encoding="utf-8")
    return "#" * (n * 25) + " " * (n * 25) + "\n" + text


def cases(n, work):
    work.mkdir(parents=True, exist_ok=True)
    (work / "budgets.toml").write_text(budgets_plan(n), encoding="utf-8")
    (work / "findings.toml").write_text(budgets_plan(n, ", budjet = 1"), encoding="utf-8")
    (work / "message.akkoord").write_text(message_agreement(n), encoding="utf-8")
    tests = work / "tests"
    tests.mkdir(exist_ok=True)
    (tests / "plan.toml").write_text(markers_plan(n), encoding="utf-8")
    rules = str(RULES)
    return {
        "budgets (check, json)": ["check", "--rules", rules, "--format", "json", str(work / "budgets.toml")],
        "findings (check, text)": ["check", "--rules", rules, "--format", "text", str(work / "findings.toml")],
        "findings (check, html)": ["check", "--rules", rules, "--format", "html", str(work / "findings.toml")],
        "message (lint)": ["lint", str(work / "message.akkoord")],
        "markers (test)": ["test", "--rules", rules, str(tests)],
    }


def seconds(binary, args):
    start = time.monotonic()
    subprocess.run([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("akkoord")
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--keep", type=pathlib.Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    base = args.keep or pathlib.Path(tempfile.mkdtemp(prefix="akkoord-long-lines-"))
    try:
        small = cases(args.n, base / "n")
        large = cases(4 * args.n, base / "4n")
        print(f"{'case':<24} {'N=' + str(args.n):>10} {'4N=' + str(4 * args.n):>10} {'ratio':>6}")
        for name in small:
            a = seconds(args.akkoord, small[name])
            b = seconds(args.akkoord, large[name])
            print(f"{name:<24} {a:>9.2f}s {b:>9.2f}s {b / max(a, 1e-3):>6.1f}")
    finally:
        if args.keep is None:
            shutil.rmtree(base)


if __name__ == "__main__":
    sys.exit(main())
