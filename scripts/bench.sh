#!/usr/bin/env bash
# The benchmark: builds the release dist and two peers on the same 10
# questions (SurveyJS and a vanilla JS page, scripts/bench/peers/), then
# prints the side-by-side table, sizes, Lighthouse scores, start-up times,
# answer-to-feedback times and the cost of a long history, with the budgets
# beside them (scripts/bench.mjs).
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_build_tools
ensure_chromium
cd "$project_root"
# Lighthouse, SurveyJS and esbuild live apart (scripts/bench/), so the tests never install them.
stamp=scripts/bench/node_modules/.installed-from-lock
want="$(sha256sum scripts/bench/package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "Installing Lighthouse for the benchmark"
  (cd scripts/bench && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
fi
trunk build --release
node scripts/bench/peers/build.mjs dist target/bench-peers
say "Measuring (this takes a few minutes)"
node scripts/bench.mjs "$@"
