# The two commands a newcomer runs (see README.md):
#   make demo   installs dependencies, builds, clusters the bundled examples into
#               stories (HTML report), dedups, cleans and compares them
#   make test   installs dependencies, builds, runs every test
#   make test-asan  the same suite built with AddressSanitizer and
#               UndefinedBehaviorSanitizer (in build-asan/); CI runs both
#   make fuzz   builds the libFuzzer targets with clang (in build-fuzz/) and
#               runs each for FUZZ_SECONDS (scripts/fuzz.sh, doc/fuzzing.md)
BUILD ?= build
ASAN_BUILD ?= build-asan
# Rebuilds reuse earlier compilations when ccache is installed (install-deps does).
LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
JOBS ?= $(shell nproc)
DEMO_OUT ?= out/demo

.PHONY: deps build test test-asan demo bench eval fuzz clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(LAUNCHER)
	cmake --build $(BUILD) -j $(JOBS)

# No test may hang CI: one without its own TIMEOUT fails after TEST_TIMEOUT seconds.
TEST_TIMEOUT ?= 900

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout $(TEST_TIMEOUT)

# Sanitizer reports abort the process; leak checking stays on.
# (The Python module is left out: an instrumented extension needs libasan
# preloaded into the interpreter; its tests run in `make test`.)
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) $(LAUNCHER) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
	  -DTWICETOLD_ASAN=ON -DTWICETOLD_BUILD_BENCHMARKS=OFF -DTWICETOLD_BUILD_EVALS=OFF \
	  -DTWICETOLD_BUILD_PYTHON=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) --timeout $(TEST_TIMEOUT)

demo: build
	./scripts/demo.sh $(BUILD)/twicetold $(DEMO_OUT)

bench: deps
	./scripts/bench.sh

# FUZZ_SECONDS per target (default 60), or FUZZ_RUNS inputs; FUZZ_TARGETS
# picks some ("compare store"); FUZZ_PROCS=2 runs two processes of each.
# New crashing inputs go to fuzz/findings/.
fuzz: deps
	JOBS=$(JOBS) ./scripts/fuzz.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz out
