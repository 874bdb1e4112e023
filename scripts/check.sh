#!/usr/bin/env bash
# The inner loop: formatting, lints, the native tests and the component
# tests, in a few minutes on a warm build. Run it after each change; run
# `make test` (which adds the release build and every browser layer) before
# you push.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_rust_target
ensure_wasm_bindgen_cli
ensure_chromium
cd "$project_root"
started=$SECONDS

say "Formatting (rustfmt) and lints (clippy -D warnings)"
check_formatting_and_lints

say "Native tests (cargo test)"
run_native_tests

say "Component tests in headless Chromium (wasm-bindgen-test)"
run_component_tests

say "All checks passed in $((SECONDS - started)) s"
