#!/usr/bin/env bash
# README command (2), and what CI runs (.ci/run): install what is needed, build everything, run every test.
# Works on a fresh Debian machine as root (CI=true, no standard input) and, without root, on a machine that
# already has the packages.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Keep this list in step with README command (1); a test compares them.
packages=(g++ cmake make libtomlplusplus-dev tao-pegtl-dev libspdlog-dev libfmt-dev libcli11-dev libgtest-dev)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}"
fi

# A Debug build: assertions stay on, so the test suite also proves that no library assertion can abort on input.
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug
cmake --build build-test -j2
ctest --test-dir build-test --output-on-failure -j2
