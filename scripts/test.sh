#!/usr/bin/env bash
# Command 2: install what is missing and run every test layer.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_build_tools
ensure_chromium
ensure_engines
cd "$project_root"

say "0/5 Formatting (rustfmt) and lints (clippy -D warnings)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

say "1/5 Native tests: the quiz domain and the content (cargo test)"
cargo test --locked

say "2/5 Component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

say "3/5 Release build and size budget"
trunk build --release
# The target is 100 KB for the first screen; these limits stop it growing while
# it is brought down (see README, Benchmarks, and issue #19). Raised from
# 187/215 KB by serde and the one store (#14): 251.3/279.1 KB measured. Raised
# again by #15 (the assessment's check page, results that teach, Quit, best
# and last per mode): 280.4/308.2 KB measured, plus about 3 KB. Raised by #16
# (links read after chat apps, figures as typed, offsets kept with times):
# 281.8/309.6 -> 288.7/316.5 KB measured, plus about 3 KB. Raised by #17 (the
# trainer's kit: sessions, present mode, result QR codes, the fuller debrief,
# CPD records that print one a page): 288.7/316.5 -> 310.7/338.5 KB measured,
# plus about 2 KB. #19 so far: the answer inputs updated in place (feedback
# p95 at CPU 4x about 40 -> 31-36 ms) and the styles moved into index.html:
# 310.6/338.4 -> 313.0/341.2 KB measured, plus about 1 KB. Raised by #20 (home's
# ways in with their effort and destinations, the support line, Learn's card
# pager, charts on a 0-100% axis, whole chosen matches, going again only when
# it would start something): 313.0/341.2 -> 316.7/345.1 KB measured (about
# 0.04 s more on Regular 3G), plus about 1 KB. It comes down only with the
# wasm split (README, Benchmarks).
node scripts/size-report.mjs dist --budget-kb 318 --total-budget-kb 346

say "4/5 End-to-end tests in headless Chromium (Playwright)"
# A hung test fails after 10 minutes instead of stopping CI. (Node applies the
# limit to each test file as a whole too; the accessibility sweep, axe on every
# screen in light and dark, takes about 4 minutes here.)
node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/*.test.mjs

say "5/5 End-to-end tests in Firefox ESR and WebKitGTK (tests/engines)"
run_engine_suite

say "All tests passed"
