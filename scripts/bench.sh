#!/usr/bin/env bash
# The benchmark: builds the release dist and prints its size, file by file.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_build_tools
cd "$project_root"
trunk build --release
echo
echo "Machine: $(uname -srm), $(nproc) cores; $(rustc --version)"
node scripts/size-report.mjs dist
