# The two commands in README.md, plus the benchmark.
.PHONY: serve test test-engines bench fuzz

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

# The app in Firefox and WebKit only (make test runs these too).
test-engines:
	./scripts/test-engines.sh

fuzz:
	./scripts/fuzz.sh

bench:
	./scripts/bench.sh
