#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` tool on real `git commit`s in a throw-away
# document repository (agreement, plans, .akkoord.toml):
#   (a) an agreement edit that breaks a committed plan is blocked, although no plan is staged;
#   (b) a commit that adds an unrelated TOML file (site/hugo.toml) passes;
#   (c) a staged plan with an error is blocked, and passes once fixed;
#   (d) `akkoord-fmt` rewrites a staged agreement that is not formatted and stops the commit; staged again, it passes.
# Offline: the hook repository is a local git repository holding this checkout's hooks file, and PRE_COMMIT_HOME
# is a temporary directory. Usage: pre_commit_hooks.sh AKKOORD_BINARY SOURCE_DIR. Exit 77 (skipped) only when
# git or pre-commit is missing.
set -euo pipefail
akkoord=$1
source_dir=$2

for tool in git pre-commit; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: \`$tool\` is not installed (tools/scripts/test.sh installs it)"
    exit 77
  fi
done

work=$(mktemp -d /tmp/akkoord-hooks-XXXXXX)
trap 'rm -rf "$work"' EXIT
# Nothing of the user's own git or pre-commit setup may take part.
export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-cache GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=akkoord GIT_AUTHOR_EMAIL=akkoord@example.org
export GIT_COMMITTER_NAME=akkoord GIT_COMMITTER_EMAIL=akkoord@example.org
mkdir -p "$HOME" "$work/bin"
ln -s "$(realpath "$akkoord")" "$work/bin/akkoord"
export PATH=$work/bin:$PATH

fail() {
  echo "FAILED: $1"
  [ -n "${2-}" ] && printf '%s\n' "--- output ---" "$2"
  exit 1
}

hooks=$work/hooks
git init -q "$hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm "the hooks under test"

repo=$work/documents
mkdir -p "$repo/agreement" "$repo/plans" "$repo/site"
cp "$source_dir/rules/aa.akkoord" "$repo/agreement/aa.akkoord"
cp "$source_dir/samples/plans/aalsmeer-2025.toml" "$repo/plans/aalsmeer-2025.toml"
cat >"$repo/.akkoord.toml" <<'EOF'
rules = "agreement/aa.akkoord"
plans = ["plans/*.toml"]
EOF
cat >"$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: file://$hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: akkoord-check
      - id: akkoord-fmt
EOF
cd "$repo"
git init -q
pre-commit install >/dev/null
head_is() { [ "$(git rev-list --count HEAD 2>/dev/null || echo 0)" = "$1" ]; }

git add .
output=$(git commit -m "agreement and a clean plan" 2>&1) || fail "the first commit (a clean plan) was blocked" "$output"
head_is 1 || fail "the first commit was not made" "$output"

# (a) The task `strategie` returns to the core organisation four years later: the committed plan, which already
# has the core organisation execute it in 2025, breaks. Only the agreement is staged.
sed -i '/^task strategie /,/^}/ s/returned_to kernorganisatie from 2022-04-01/returned_to kernorganisatie from 2026-01-01/' \
  agreement/aa.akkoord
[ "$(grep -c 'from 2026-01-01' agreement/aa.akkoord)" = 1 ] || fail "the agreement edit of scenario (a) did not apply"
git add agreement/aa.akkoord
if output=$(git commit -m "strategie returns later" 2>&1); then
  fail "(a) an agreement edit that breaks a committed plan was not blocked" "$output"
fi
head_is 1 || fail "(a) a commit was made" "$output"
for expected in "plans/aalsmeer-2025.toml:" "[wrong-executor]"; do
  [[ $output == *"$expected"* ]] || fail "(a) the hook output does not mention $expected" "$output"
done
git checkout -q HEAD -- agreement/aa.akkoord

# (b) A TOML file that is not a configured plan is left alone.
printf 'baseURL = "https://example.org/"\ntitle = "Uitvoeringsplannen"\n' >site/hugo.toml
git add site/hugo.toml
output=$(git commit -m "website configuration" 2>&1) || fail "(b) a commit adding site/hugo.toml was blocked" "$output"
head_is 2 || fail "(b) the commit was not made" "$output"

# (c) A staged plan with an error is blocked; fixed, it passes.
sed -i 's/^total = 19_700_000$/total = 19_750_000/' plans/aalsmeer-2025.toml
git add plans/aalsmeer-2025.toml
if output=$(git commit -m "a wrong total" 2>&1); then
  fail "(c) a plan with an error was not blocked" "$output"
fi
[[ $output == *"[contribution-mismatch]"* ]] || fail "(c) the hook output does not name the finding" "$output"
git checkout -q HEAD -- plans/aalsmeer-2025.toml
printf '\n# reviewed\n' >>plans/aalsmeer-2025.toml
git add plans/aalsmeer-2025.toml
output=$(git commit -m "a reviewed plan" 2>&1) || fail "(c) a clean plan was blocked" "$output"
head_is 3 || fail "(c) the commit was not made" "$output"

# (d) A clause spaced out of the layout is formatted by the hook; the commit stops until the file is staged again.
sed -i 's/^  roles opdrachtgever /  roles   opdrachtgever /' agreement/aa.akkoord
grep -q '^  roles   opdrachtgever ' agreement/aa.akkoord || fail "(d) the edit of the agreement did not apply"
git add agreement/aa.akkoord
if output=$(git commit -m "an agreement that is not formatted" 2>&1); then
  fail "(d) an agreement that is not formatted was not stopped" "$output"
fi
[[ $output == *"reformatted agreement/aa.akkoord"* ]] || fail "(d) the hook output does not name the file" "$output"
cmp -s agreement/aa.akkoord "$source_dir/rules/aa.akkoord" || fail "(d) the hook did not restore the layout" "$(git diff)"
git add agreement/aa.akkoord
output=$(git commit --allow-empty -m "formatted" 2>&1) || fail "(d) the formatted agreement was blocked" "$output"
head_is 4 || fail "(d) the commit was not made" "$output"

echo "pre-commit hooks: (a) blocked, (b) passed, (c) blocked then passed, (d) formatted then passed"
