# The two commands in README.md, plus the benchmark.
.PHONY: serve test bench fuzz

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

fuzz:
	./scripts/fuzz.sh

bench:
	./scripts/bench.sh
