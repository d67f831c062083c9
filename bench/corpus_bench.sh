#!/usr/bin/env bash
# End-to-end corpus throughput of `twicetold dedup` and `twicetold stories`
# (read, clean, corpus boilerplate, normalize, fingerprint/analyze, index,
# cluster, write), with 1 thread and with all cores, on:
#   - a generated corpus with planted duplicates (bench/make_planted_corpus.py)
#   - ../shared/data/corpora/allsides.jsonl.xz, and the same uncompressed
#     (xz decompression alone runs at ~83 MB/s on one core here).
# Per-core MB/s = input MB / wall seconds / threads. Usage:
#   bench/corpus_bench.sh [BUILD_DIR=build-rel]   (a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
if [ ! -x "$build/twicetold" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTWICETOLD_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target twicetold_cli -j "$(nproc)" >/dev/null
fi
tmp=${TMPDIR:-/tmp}/twicetold_corpus_bench
mkdir -p "$tmp"
/usr/bin/python3 bench/make_planted_corpus.py "$tmp/planted.jsonl" 20000 1 >/dev/null
inputs=("$tmp/planted.jsonl")
data=../shared/data/corpora/allsides.jsonl.xz
if [ -f "$data" ]; then
  [ -f "$tmp/allsides.jsonl" ] || xz -dc "$data" > "$tmp/allsides.jsonl"
  inputs+=("$data" "$tmp/allsides.jsonl")
fi
cores=$(nproc)
for input in "${inputs[@]}"; do
  mb=$(stat -c %s "$input" | awk '{printf "%.1f", $1 / 1e6}')
  for command in dedup stories; do
    for threads in 1 "$cores"; do
      start=$(date +%s.%N)
      "$build/twicetold" "$command" --no-progress --threads "$threads" "$input" \
        -o /dev/null 2> "$tmp/log"
      end=$(date +%s.%N)
      secs=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
      rss=$(grep -o 'peak RSS [0-9]* MB' "$tmp/log" | head -1)
      index=$(grep -o '([0-9]* bytes/article)\|index [0-9]* bytes/article' "$tmp/log" | head -1)
      printf '%-8s %-40s %d thread(s): %6.2f s  %6.1f MB/s  %6.1f MB/s per core  %s  %s\n' \
        "$command" "$(basename "$input") ($mb MB)" "$threads" "$secs" \
        "$(awk -v m="$mb" -v s="$secs" 'BEGIN {print m / s}')" \
        "$(awk -v m="$mb" -v s="$secs" -v t="$threads" 'BEGIN {print m / s / t}')" "$rss" "$index"
    done
  done
done
echo "command: bench/corpus_bench.sh $build"
