#!/usr/bin/env bash
# README command (2), and what CI runs (.ci/run): install what is needed, build everything, run every test.
# Works on a fresh Debian machine as root (CI=true, no standard input) and, without root, on a machine that
# already has the packages.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Keep this list in step with README command (1); a test compares them.
packages=(g++ cmake make libtomlplusplus-dev tao-pegtl-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev libxlsxwriter-dev libgtest-dev)
# Only the tests need these: the schema validators of the SARIF and JUnit reports, the real pre-commit with git
# (the hooks test), clang++ with its runtime (the sanitizers and libFuzzer), and dpkg-shlibdeps (dpkg-dev) and
# file, which `cpack -G DEB` runs to work out the package's Depends (the Debian package test), the real consumers
# of the HTML report (Chromium with a font, and poppler's pdfinfo/pdftotext for its print), of the spreadsheet
# (openpyxl) and of the language server (Neovim's built-in client).
test_only=(python3-jsonschema libxml2-utils pre-commit git clang libclang-rt-14-dev dpkg-dev file
           chromium fonts-dejavu-core poppler-utils python3-openpyxl neovim)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}" "${test_only[@]}"
fi

# The test suite with g++ in the build README command (1) makes (Release, where the optimiser adds warnings of its
# own under -Werror), so the binary the tests run is the one users get; assertions are proved in the tree below.
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release
cmake --build build-test -j2
# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, built with clang++ (the tool must
# build with it too) together with the libFuzzer targets: any sanitizer report fails its test. Debug, so every
# assertion is on too. -O1: at -O0 the tree compiles 38% faster but its tests take 10 minutes instead of 3.
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DAKKOORD_FUZZ=ON \
  "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only"
cmake --build build-sanitize -j2
build-sanitize/tools/akkoord/akkoord check --rules rules/aa.akkoord samples/plans/aalsmeer-2025.toml
# Every saved crash input first, then each fuzz target for a minute (tools/fuzz/run.sh).
tools/fuzz/run.sh build-sanitize 60
ctest --test-dir build-sanitize --output-on-failure -j2
# Last, so that ctest's summary line ends the output.
ctest --test-dir build-test --output-on-failure -j2
