# The two commands in README.md, plus the benchmark.
.PHONY: serve test bench

serve:
	./scripts/serve.sh

test:
	./scripts/test.sh

bench:
	./scripts/bench.sh
