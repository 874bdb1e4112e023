#!/usr/bin/env bash
# Command 1: install what is missing, build, and serve the app at http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
ensure_build_tools
cd "$project_root"
say "Serving at http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve --release
