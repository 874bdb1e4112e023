#!/usr/bin/env bash
# The fuzz budget: every parser of outside text gets 100,000 arbitrary and
# mangled inputs (tests/native/parser_fuzz.rs), in release mode for speed. The normal
# `make test` runs 256 of each.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$project_root"
cases="${FUZZ_CASES:-100000}"
say "Fuzzing every parser with $cases cases each"
FUZZ_CASES="$cases" cargo test --release --locked -p safeguarding-quiz --test native parser_fuzz -- --test-threads=2
