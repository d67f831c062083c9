#!/usr/bin/env bash
# Ingest into a SQLite store beside one-shot `stories`, in the same run, on
# allsides (uncompressed), 1 thread: (a) `stories`; (b) `ingest` of the whole
# corpus into an empty store; (c) `ingest` in RUNS runs (the corpus cut into
# RUNS consecutive parts), each run replaying the store first. Prints wall
# seconds, MB/s, the ratio to (a), and the largest peak RSS of any run.
# Usage: bench/ingest_bench.sh [BUILD_DIR=build-rel] [RUNS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
runs=${2:-10}
if [ ! -x "$build/twicetold" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTWICETOLD_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target twicetold_cli -j "$(nproc)" >/dev/null
fi
data=../shared/data/corpora/allsides.jsonl.xz
if [ ! -f "$data" ]; then
  echo "ingest_bench: $data not present" >&2
  exit 1
fi
tmp=${TMPDIR:-/tmp}/twicetold_ingest_bench
mkdir -p "$tmp"
corpus="$tmp/allsides.jsonl"
[ -f "$corpus" ] || xz -dc "$data" > "$corpus"
mb=$(stat -c %s "$corpus" | awk '{printf "%.1f", $1 / 1e6}')
bin="$build/twicetold"

# seconds and peak RSS (MB) of one command, appended to $tmp/times
timed() {
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/log" || {
    cat "$tmp/log" >&2
    exit 1
  }
  cat "$tmp/time"
}

echo "ingest_bench: $bin on allsides.jsonl ($mb MB), 1 thread; command: bench/ingest_bench.sh $build $runs"
read -r base base_rss < <(timed "$bin" stories --no-progress --threads 1 "$corpus")
printf '%-34s %7.2f s  %6.1f MB/s  peak RSS %5d MB\n' "stories (one shot)" "$base" \
  "$(awk -v m="$mb" -v s="$base" 'BEGIN {print m / s}')" "$((base_rss / 1024))"

rm -f "$tmp/one.db" "$tmp/one.db-wal" "$tmp/one.db-shm"
read -r one one_rss < <(timed "$bin" ingest --no-progress --threads 1 --db "$tmp/one.db" "$corpus")
printf '%-34s %7.2f s  %6.1f MB/s  peak RSS %5d MB  %.2fx stories\n' "ingest, 1 run" "$one" \
  "$(awk -v m="$mb" -v s="$one" 'BEGIN {print m / s}')" "$((one_rss / 1024))" \
  "$(awk -v a="$one" -v b="$base" 'BEGIN {print a / b}')"

lines=$(wc -l < "$corpus")
per=$(( (lines + runs - 1) / runs ))
split -l "$per" -d -a 3 "$corpus" "$tmp/part_"
rm -f "$tmp/runs.db" "$tmp/runs.db-wal" "$tmp/runs.db-shm"
total=0
peak=0
for part in "$tmp"/part_*; do
  mv "$part" "$part.jsonl"
  read -r secs rss < <(timed "$bin" ingest --no-progress --threads 1 --db "$tmp/runs.db" "$part.jsonl")
  total=$(awk -v a="$total" -v b="$secs" 'BEGIN {print a + b}')
  [ "$rss" -gt "$peak" ] && peak=$rss
  rm -f "$part.jsonl"
done
printf '%-34s %7.2f s  %6.1f MB/s  peak RSS %5d MB  %.2fx stories\n' "ingest, $runs runs" "$total" \
  "$(awk -v m="$mb" -v s="$total" 'BEGIN {print m / s}')" "$((peak / 1024))" \
  "$(awk -v a="$total" -v b="$base" 'BEGIN {print a / b}')"
"$bin" export --db "$tmp/runs.db" > "$tmp/runs.jsonl"
"$bin" export --db "$tmp/one.db" > "$tmp/one.jsonl"
if cmp -s "$tmp/runs.jsonl" "$tmp/one.jsonl"; then
  echo "ingest_bench: the $runs-run store equals the 1-run store"
else
  echo "ingest_bench: the $runs-run store differs from the 1-run store (allsides is not in published order at the cuts)"
fi
