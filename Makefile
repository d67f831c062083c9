# The two commands a newcomer runs (see README.md):
#   make demo   installs dependencies, builds, clusters the bundled examples into
#               stories (HTML report), dedups, cleans and compares them
#   make test   installs dependencies, builds, runs every test
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_OUT ?= out/demo

.PHONY: deps build test demo bench eval clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

demo: build
	./scripts/demo.sh $(BUILD)/twicetold $(DEMO_OUT)

bench: deps
	./scripts/bench.sh

clean:
	rm -rf $(BUILD) out
