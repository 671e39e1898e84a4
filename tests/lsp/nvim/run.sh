#!/bin/sh
# ctest: the Neovim scenario (harness.lua) against the built `akkoord`. Arguments: the akkoord binary, the
# repository's root. Exit 77 (ctest: skipped, shown as such) when Neovim is not installed.
set -u
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the server runs in the fixture folder
source=$2
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIPPED: nvim is not installed (Debian: apt-get install neovim); the editor scenario did not run"
  exit 77
fi
result=$(mktemp)
trap 'rm -f "$result"' EXIT
AKKOORD_BINARY=$binary AKKOORD_SOURCE=$source AKKOORD_FIXTURE=$source/tests/lsp/fixtures/repo \
  AKKOORD_HARNESS=$source/tests/lsp/nvim AKKOORD_RESULT=$result \
  nvim --headless -u NONE -i NONE --cmd 'set noswapfile' -c "luafile $source/tests/lsp/nvim/harness.lua" </dev/null
status=$?
cat "$result"
# A harness that dies before it writes PASSED has failed, whatever Neovim's exit code says.
if [ $status -ne 0 ] || ! grep -qx PASSED "$result"; then
  echo "the Neovim scenario failed (exit code $status)"
  exit 1
fi
