#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` on this build directory, the package unpacked into a temporary root
# (`dpkg-deb -x`), and what it installs used as a user would:
#   (a) its control fields, and a Depends that names the package of every shared library the binary links;
#   (b) only the files a user needs, each where Debian looks for it;
#   (c) the installed binary on every sample: the verdict (exit code) and the output of its golden file;
#   (d) --version, the man pages (English and Dutch: their sections, every command and option of --help, each
#       exit code and setting of .akkoord.toml) and the bash completion, run in bash.
# The package is made from the binary this build already has (the test build is Debug; CPack strips it): the
# packaging is under test, not the optimiser, and a second, Release, build would take minutes instead of seconds.
# Usage: package_deb.sh BUILD_DIR SOURCE_DIR. Exit 77 (skipped) only when a packaging tool is missing.
set -euo pipefail
build=$1
source_dir=$2

for tool in cpack dpkg-deb dpkg-shlibdeps dpkg-architecture file objdump; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: \`$tool\` is not installed (tools/scripts/test.sh installs cmake, dpkg-dev, file and binutils)"
    exit 77
  fi
done

work=$(mktemp -d /tmp/akkoord-deb-XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAILED: $1"
  [ -n "${2-}" ] && printf '%s\n' "--- output ---" "$2"
  failures=$((failures + 1))
}
stop() {
  fail "$@"
  exit 1
}

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  stop "cpack -G DEB" "$(cat "$work/cpack.log")"
fi
debs=("$work"/out/akkoord_*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || stop "cpack made no akkoord_*.deb" "$(ls -R "$work/out")"
deb=${debs[0]}

# (a) The control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = akkoord ] || fail "Package is not akkoord" "$(field Package)"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture" "$(field Architecture)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
dpkg-deb -x "$deb" "$work/root"
akkoord=$work/root/usr/bin/akkoord
[ -x "$akkoord" ] || stop "no executable usr/bin/akkoord in the package" "$(dpkg-deb -c "$deb")"
# Each shared library the binary needs comes from a Debian package that Depends names, itself or by a name it
# provides (libspdlog1.10 provides libspdlog1.10-fmt9).
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for library in $(objdump -p "$akkoord" | awk '$1 == "NEEDED" { print $2 }'); do
  owner=$(dpkg -S "*/$multiarch/$library" 2>/dev/null | head -n 1 | cut -d: -f1) || true
  [ -n "$owner" ] || { fail "no installed package holds $library"; continue; }
  named=no
  for name in "$owner" $(dpkg-query -W -f='${Provides}' "$owner" | tr -d ' ' | tr ',' ' ' | sed 's/([^)]*)//g'); do
    [[ ", $depends," =~ ,\ "$name"[\ ,] ]] && named=yes
  done
  [ "$named" = yes ] || fail "Depends does not name $owner (for $library)" "$depends"
done
# libxlsxwriter is opened only when a spreadsheet is written (dlopen): Depends names it all the same.
[[ ", $depends," =~ ,\ libxlsxwriter[0-9]+[\ ,] ]] || fail "Depends does not name libxlsxwriter" "$depends"

# (b) The files: the binary, the man pages, the completion and the documentation; nothing else.
expected_files="usr/bin/akkoord
usr/share/bash-completion/completions/akkoord
usr/share/doc/akkoord/README.md
usr/share/doc/akkoord/copyright
usr/share/doc/akkoord/docs/language.md
usr/share/doc/akkoord/docs/plan-format.md
usr/share/man/man1/akkoord.1.gz
usr/share/man/nl/man1/akkoord.1.gz"
files=$(cd "$work/root" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
[ "$files" = "$expected_files" ] || fail "the package holds other files than expected" "$files"
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$work/root/usr/share/doc/akkoord/copyright" || fail "copyright is not in Debian's machine-readable format"

# (c) The installed binary on the samples, as tests/e2e/samples_test.cpp runs the built one.
cd "$source_dir"
check_sample() {  # SAMPLE GOLDEN COMMAND...
  local sample=$1 golden=$2
  shift 2
  local out code=0 errors verdict_ok=yes
  out=$("$akkoord" "$@" --format short --color never 2>&1) || code=$?
  # The summary line (a line about fixes may follow it).
  errors=$(sed -n 's/^\([0-9]*\) errors\{0,1\},.*/\1/p' "$golden" | tail -n 1)
  # Exit code 1 for errors, 0 without; `lint` may say 2 for an agreement it cannot load.
  if [ "${errors:-0}" = 0 ]; then
    [ "$code" = 0 ] || verdict_ok=no
  elif [ "$1" = lint ]; then
    [ "$code" = 1 ] || [ "$code" = 2 ] || verdict_ok=no
  else
    [ "$code" = 1 ] || verdict_ok=no
  fi
  if [ "$out" != "$(cat "$golden")" ]; then
    fail "$sample: the output differs from $golden" "$out"
  elif [ "$verdict_ok" = no ]; then
    fail "$sample: exit code $code with ${errors:-0} errors"
  fi
}
samples=0
for agreement in samples/agreements/*.akkoord; do
  check_sample "$agreement" "${agreement%.akkoord}.expected.txt" lint "$agreement"
  samples=$((samples + 1))
done
for plan in samples/plans/*.toml; do
  check_sample "$plan" "${plan%.toml}.expected.txt" check --rules rules/aa.akkoord "$plan"
  samples=$((samples + 1))
done
for run in samples/cross-plan samples/years; do
  check_sample "$run" "$run/expected.txt" check --rules rules/aa.akkoord "$run"
  samples=$((samples + 1))
done
[ "$samples" -gt 40 ] || fail "only $samples samples found in $source_dir/samples"
# The spreadsheet, through the libxlsxwriter the installed binary opens at run time: a zip archive (PK).
"$akkoord" check --rules rules/aa.akkoord samples/plans/aalsmeer-2025.toml --format "xlsx:$work/plan.xlsx" \
  >/dev/null 2>"$work/xlsx.err" || [ $? = 1 ] || fail "the installed binary could not write a spreadsheet" "$(cat "$work/xlsx.err")"
[ "$(head -c 2 "$work/plan.xlsx" 2>/dev/null)" = PK ] || fail "the installed binary wrote no spreadsheet" "$(cat "$work/xlsx.err")"

# (d) --version: the version of the package, a revision, and the taakveld lists with their book years.
version=$("$akkoord" --version)
package_version=$(field Version)
[[ "$version" == "akkoord ${package_version%-*}"$'\n'* ]] || fail "--version does not start with the package's version" "$version"
grep -Eq '^revision: [A-Za-z0-9._+-]+$' <<<"$version" || fail "--version names no revision" "$version"
[ "$(grep -Ec '^  20[0-9]{2}-20[0-9]{2} \([0-9]+ codes\)$' <<<"$version")" -ge 3 ] ||
  fail "--version does not list the BBV taakveld lists" "$version"
"$akkoord" --lang nl --version | grep -q '^BBV-taakveldlijsten:$' || fail "--version in Dutch" "$("$akkoord" --lang nl --version)"

# The man pages: roff text with hyphens as `\-` and fonts as `\fB`; `plain` reads them as words.
plain() { sed 's/\\-/-/g; s/\\f[BIR]//g; s/\\e/\\/g' "$1"; }
gzip -dc "$work/root/usr/share/man/man1/akkoord.1.gz" >"$work/akkoord.1"
gzip -dc "$work/root/usr/share/man/nl/man1/akkoord.1.gz" >"$work/akkoord.nl.1"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS 'EXIT STATUS' FILES ENVIRONMENT EXAMPLES 'SEE ALSO'; do
  grep -qx ".SH $section" "$work/akkoord.1" || fail "the man page has no section $section"
done
for section in NAAM OVERZICHT BESCHRIJVING OPDRACHTEN OPTIES AFSLUITCODES BESTANDEN OMGEVING VOORBEELDEN 'ZIE OOK'; do
  grep -qx ".SH $section" "$work/akkoord.nl.1" || fail "the Dutch man page has no section $section"
done
man_text=$(plain "$work/akkoord.1")
man_text_nl=$(plain "$work/akkoord.nl.1")
for code in 0 1 2; do
  grep -qx "$code" <<<"$(sed -n '/^\.SH EXIT STATUS/,/^\.SH/p' "$work/akkoord.1" | plain /dev/stdin)" ||
    fail "the man page does not explain exit code $code"
done
for setting in '.akkoord.toml' 'rules = ' 'plans = ' 'fail_on = ' 'lang = ' '[checks]' '[budget-swing] threshold'; do
  grep -qF -- "$setting" <<<"$man_text" || fail "the man page does not describe \`$setting\`"
done
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
  for page in "$work/akkoord.1" "$work/akkoord.nl.1"; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$page" 2>&1 >/dev/null) || fail "man -l $page failed" "$warnings"
    [ -z "$warnings" ] || fail "groff warns about $(basename "$page")" "$warnings"
  done
fi

# The completion, in bash: what it offers after `akkoord WORDS…` (the last word is the one being completed).
completion=$work/root/usr/share/bash-completion/completions/akkoord
bash -n "$completion" || fail "the completion script is not valid bash"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=(akkoord "$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _akkoord
           printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
expect_completion() {  # EXPECTED… -- WORDS…: every EXPECTED word is offered
  local expected=()
  while [ "$1" != -- ]; do expected+=("$1"); shift; done
  shift
  local offered
  offered=$(complete_words "$@")
  for word in "${expected[@]}"; do
    grep -qxF -- "$word" <<<"$offered" || fail "\`akkoord $*<TAB>\` does not offer \`$word\`" "$offered"
  done
}
expect_completion check checks -- ch
expect_completion warning -- check --fail-on w
expect_completion en nl -- --lang =
expect_completion short sarif -- lint --format s
expect_completion unknown-taakveld -- explain unknown-t
expect_completion samples/agreements/period-overlap.akkoord -- lint samples/agreements/period-o
expect_completion samples/plans/aalsmeer-2025.toml -- check samples/plans/aalsmeer-2025.
expect_completion samples/cross-plan -- diff --plans samples/cross
if complete_words check samples/plans/aalsmeer-2025. | grep -q 'expected'; then
  fail "\`akkoord check PLAN<TAB>\` offers files that are not plans" "$(complete_words check samples/plans/aalsmeer-2025.)"
fi

# Every command and every option that --help shows is in the man page and in the completion.
commands=$("$akkoord" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || fail "no commands in \`akkoord --help\`" "$("$akkoord" --help)"
for command in $commands; do
  grep -qF -- "akkoord $command [OPTIONS]" <<<"$man_text" || fail "the man page has no command $command"
  grep -qF -- "akkoord $command [OPTIES]" <<<"$man_text_nl" || fail "the Dutch man page has no command $command"
  expect_completion "$command" -- "$command"
  offered=$(complete_words "$command" -)
  for option in $("$akkoord" "$command" --help | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$man_text" || fail "the man page lacks $option of $command"
    grep -qxF -- "$option" <<<"$offered" || fail "the completion lacks $option of $command" "$offered"
  done
done

if [ "$failures" != 0 ]; then
  echo "$failures failures"
  exit 1
fi
echo "the package $(basename "$deb") installs akkoord, its man pages and completion; $samples samples as expected"
