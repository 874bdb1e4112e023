# The two commands in README.md, plus the benchmark.
.PHONY: serve test check test-engines bench fuzz

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# The inner loop: formatting, lints, the native and the component tests only.
check:
	./scripts/check.sh

# The app in Firefox and WebKit only (make test runs these too).
test-engines:
	./scripts/test-engines.sh

fuzz:
	./scripts/fuzz.sh

bench:
	./scripts/bench.sh
