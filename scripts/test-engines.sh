#!/usr/bin/env bash
# make test-engines: the release build in Firefox ESR and WebKitGTK at 360 px
# (tests/engines). make test runs the same suite after the Chromium one.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_build_tools
ensure_engines
cd "$project_root"

say "Release build"
trunk build --release

say "End-to-end tests in Firefox ESR and WebKitGTK"
run_engine_suite

say "Firefox and WebKit tests passed"
