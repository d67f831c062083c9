#!/usr/bin/env bash
# Every benchmark, on a Release build (build-rel): text pipeline, compare,
# fingerprint/dedup index, HTML extraction and WARC reading, and end-to-end corpus throughput of dedup and
# stories. Real-data figures need ../shared/data. Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-rel
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTWICETOLD_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
"$build/text_bench"
"$build/compare_bench"
"$build/dedup_bench"
"$build/web_bench"
bench/startup_bench.sh "$build"
bench/corpus_bench.sh "$build"
