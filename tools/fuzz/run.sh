#!/usr/bin/env bash
# Replays every saved crash input, then fuzzes each target for a bounded time, all three at once.
#
#   tools/fuzz/run.sh BUILD_DIR [SECONDS]     (default 60 seconds per target)
#
# BUILD_DIR is a tree configured with -DCMAKE_CXX_COMPILER=clang++ -DAKKOORD_FUZZ=ON. Seeds are the project's own
# agreements, plans and fixtures; new inputs go to BUILD_DIR/fuzz-corpus/TARGET (kept between runs). A crash
# leaves its input in BUILD_DIR/fuzz-crashes/TARGET: fix it and add the input to tools/fuzz/regressions/KIND/.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: tools/fuzz/run.sh BUILD_DIR [SECONDS]}" && pwd)
seconds=${2:-60}
fuzz="$build/tools/fuzz"
regressions="$root/tools/fuzz/regressions"
kinds=(agreement plan rule)

# The seeds of each kind, gathered once per run (libFuzzer reads the folders recursively).
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds/agreement" "$seeds/plan" "$seeds/rule"
find "$root/rules" "$root/samples" "$root/validator" "$root/tests" -name '*.akkoord' -type f -size -64k \
  -exec cp -t "$seeds/agreement" --backup=numbered {} +
find "$root/samples" "$root/validator" "$root/tests" -name '*.toml' -type f -size -64k \
  -exec cp -t "$seeds/plan" --backup=numbered {} +
# Rule seeds: each `require` condition of the project's agreements, one per file.
grep -rhoE '^\s*require .*' --include='*.akkoord' "$root/rules" "$root/samples" "$root/validator" |
  sed -E 's/^\s*require //' | sort -u | split -l 1 - "$seeds/rule/require-"

status=0
for kind in "${kinds[@]}"; do
  target="$fuzz/fuzz_$kind"
  [[ -x "$target" ]] || { echo "run.sh: $target is not built (cmake -DAKKOORD_FUZZ=ON)" >&2; exit 2; }
  # Every saved crash input must now run clean (libFuzzer runs the files given and exits).
  mapfile -t saved < <(find "$regressions/$kind" -type f ! -name '*.md' | sort)
  if ((${#saved[@]} > 0)); then
    echo "== fuzz_$kind: replaying ${#saved[@]} saved input(s)" >&2
    "$target" -runs=1 "${saved[@]}" >"$build/fuzz-$kind-replay.log" 2>&1 ||
      { echo "run.sh: fuzz_$kind fails on a saved input; see $build/fuzz-$kind-replay.log" >&2; tail -40 "$build/fuzz-$kind-replay.log" >&2; status=1; }
  fi
done
((status == 0)) || exit "$status"

pids=()
for kind in "${kinds[@]}"; do
  corpus="$build/fuzz-corpus/$kind"
  crashes="$build/fuzz-crashes/$kind"
  mkdir -p "$corpus" "$crashes"
  echo "== fuzz_$kind for $seconds s" >&2
  # -rss_limit_mb: a plan may legitimately hold a large tree; the file-size limit keeps inputs well below it.
  "$fuzz/fuzz_$kind" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$root/tools/fuzz/akkoord.dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
    "$corpus" "$seeds/$kind" >"$build/fuzz-$kind.log" 2>&1 &
  pids+=($!)
done
for i in "${!kinds[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "run.sh: fuzz_${kinds[$i]} found a problem; its input is in $build/fuzz-crashes/${kinds[$i]}/" >&2
    tail -60 "$build/fuzz-${kinds[$i]}.log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|cov: ' "$build/fuzz-${kinds[$i]}.log" | tail -2 | sed "s/^/fuzz_${kinds[$i]}: /" >&2 || true
done
exit "$status"
