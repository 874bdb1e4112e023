# Sourced by the other scripts: puts the project's tools on PATH and installs
# whatever is missing. Every step checks first, so running it twice is cheap.
# Nothing is downloaded from GitHub: Trunk finds wasm-bindgen and wasm-opt on PATH.

TRUNK_VERSION=0.21.14

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$project_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version pinned in Cargo.toml (wasm-bindgen = "=0.2.N").
pinned_wasm_bindgen() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$project_root/Cargo.toml"
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "Installing trunk $TRUNK_VERSION (takes several minutes once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen_cli() {
  local version
  version="$(pinned_wasm_bindgen)"
  if [ -z "$version" ]; then
    echo "Cargo.toml must pin wasm-bindgen exactly, like wasm-bindgen = \"=0.2.130\"" >&2
    return 1
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $version\$"; then
    say "Installing wasm-bindgen-cli $version"
    # Its own lock file can name crate versions this registry lacks; then resolve afresh.
    cargo install wasm-bindgen-cli --version "$version" --locked \
      || cargo install wasm-bindgen-cli --version "$version"
  fi
}

# npm packages: binaryen's wasm-opt for Trunk, and the test tools.
ensure_node_modules() {
  local stamp="$project_root/node_modules/.installed-from-lock"
  local want
  want="$(sha256sum "$project_root/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing npm packages from package-lock.json"
    (cd "$project_root" && npm ci --no-audit --no-fund)
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "Installing Debian's chromium and chromium-driver"
    as_root apt-get install -y chromium chromium-driver \
      || { as_root apt-get update && as_root apt-get install -y chromium chromium-driver; }
  fi
}

# The other two engines for make test-engines, all from Debian: Firefox ESR
# (driven by puppeteer-core from npm, over WebDriver BiDi), and WebKitGTK's
# WebDriver with Xvfb and the GTK bindings tests/engines/webkit-browser.py uses.
ENGINE_PACKAGES=(firefox-esr webkit2gtk-driver xvfb xauth python3-gi gir1.2-webkit2-4.1)

ensure_engines() {
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v xvfb-run >/dev/null \
    || ! command -v xauth >/dev/null \
    || ! /usr/bin/python3 -c "import gi; gi.require_version('WebKit2', '4.1')" 2>/dev/null; then
    say "Installing Debian's ${ENGINE_PACKAGES[*]}"
    as_root apt-get install -y "${ENGINE_PACKAGES[@]}" \
      || { as_root apt-get update && as_root apt-get install -y "${ENGINE_PACKAGES[@]}"; }
  fi
}

# The layers `make check` and `make test` share (run from the project root).
check_formatting_and_lints() {
  cargo fmt --all --check
  cargo clippy --locked --workspace --all-targets -- -D warnings
}
# The app's native tests and the domain crate's (src/quiz: its unit tests and tests/native).
run_native_tests() {
  cargo test --locked --workspace
}
run_component_tests() {
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser
}

# Runs node:test files with the spec reporter, then prints where the time
# went: each file's time and the slowest tests (tests/support/durations.mjs,
# written to target/test-durations/<name>.txt and .json, printed even when
# a test fails). Usage: run_node_tests <name> <concurrency> <files...>
run_node_tests() {
  local name="$1" concurrency="$2" status=0
  shift 2
  local out="$project_root/target/test-durations"
  mkdir -p "$out"
  (cd "$project_root" && TEST_DURATIONS_JSON="$out/$name.json" node --test --test-concurrency="$concurrency" \
    --test-timeout=600000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./tests/support/durations.mjs --test-reporter-destination="$out/$name.txt" \
    "$@") || status=$?
  cat "$out/$name.txt" 2>/dev/null || true
  return "$status"
}

# How many browser test files run at once: one per core (the machine's cores
# on CI), or E2E_CONCURRENCY. Each file has its own server and browser.
e2e_concurrency() {
  echo "${E2E_CONCURRENCY:-$(nproc 2>/dev/null || echo 2)}"
}

# The Firefox and WebKit suite, on the release build already in dist/: one
# file per engine, side by side on one virtual display.
run_engine_suite() {
  (cd "$project_root" && xvfb-run -a --server-args="-screen 0 1280x1024x24" \
    bash -c 'source scripts/toolchain.sh && run_node_tests engines "$(e2e_concurrency)" tests/engines/*.test.mjs')
}

ensure_build_tools() {
  ensure_rust_target
  ensure_node_modules
  ensure_wasm_bindgen_cli
  ensure_trunk
}
