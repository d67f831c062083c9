#!/usr/bin/env bash
# End-to-end corpus throughput of `twicetold dedup` and `twicetold stories`
# (read, clean, corpus boilerplate, normalize, fingerprint/analyze, index,
# cluster, write), with 1 thread and with all cores, on:
#   - a generated corpus with planted duplicates (bench/make_planted_corpus.py)
#   - ../shared/data/corpora/allsides.jsonl.xz, and the same uncompressed
#     (xz decompression alone runs at ~83 MB/s on one core here).
# Per-core MB/s = input MB / wall seconds / threads. First, issue 14's
# figure: `dedup --threshold 0.5` on ../shared/tools/gen_corpus.py's corpus
# (20,000 documents, 10% planted near duplicates) with 1 and 2 threads,
# beside md5sum of the same file in the same run (how busy the shared
# machine is), REPS times (default 3; the range is printed), and the recall
# of the planted pairs (eval/planted_recall.py). Then, per input, md5sum
# of the same bytes before dedup and stories with 1 and all threads. Usage:
#   bench/corpus_bench.sh [BUILD_DIR=build-rel]   (a Release build)
#   ONLY=generated bench/corpus_bench.sh BUILD_DIR   (that figure alone)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
if [ ! -x "$build/twicetold" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTWICETOLD_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target twicetold_cli -j "$(nproc)" >/dev/null
fi
tmp=${TMPDIR:-/tmp}/twicetold_corpus_bench
mkdir -p "$tmp"

# Wall seconds of one command (its output discarded).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}

# "lo-hi MB/s, median M" over the arguments (seconds), for `mb` megabytes
# per run on `threads` threads (per core); one run: just "M MB/s".
mb_range() {
  local mb=$1 threads=$2
  shift 2
  printf '%s\n' "$@" | awk -v m="$mb" -v t="$threads" '{print m / $1 / t}' | sort -g | awk '
    {v[NR] = $1}
    END {
      med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      if (NR == 1) printf "%.0f MB/s", v[1]
      else printf "%.0f-%.0f MB/s, median %.0f", v[1], v[NR], med
    }'
}

generated_bench() {
  local tool=../shared/tools/gen_corpus.py dir="$tmp/gen_corpus"
  [ -f "$tool" ] || { echo "no $tool: generated-corpus figure skipped"; return; }
  [ -f "$dir/corpus.jsonl" ] || /usr/bin/python3 "$tool" --out "$dir" --n 20000 >/dev/null
  local input="$dir/corpus.jsonl" reps=${REPS:-3} md5=() one=() two=()
  local mb
  mb=$(stat -c %s "$input" | awk '{printf "%.1f", $1 / 1e6}')
  for ((r = 0; r < reps; ++r)); do  # interleaved, so each sees the same load
    md5+=("$(seconds md5sum "$input")")
    one+=("$(seconds "$build/twicetold" dedup --no-progress --threshold 0.5 --threads 1 "$input" -o /dev/null)")
    two+=("$(seconds "$build/twicetold" dedup --no-progress --threshold 0.5 --threads 2 "$input" -o /dev/null)")
  done
  "$build/twicetold" dedup --no-progress --threshold 0.5 --threads 1 "$input" \
    -o "$tmp/gen_dedup.jsonl" 2>/dev/null
  echo "dedup --threshold 0.5, gen_corpus.py --n 20000 ($mb MB), $reps runs, MB/s per core:"
  echo "  md5sum $(mb_range "$mb" 1 "${md5[@]}");" \
       "1 thread $(mb_range "$mb" 1 "${one[@]}");" \
       "2 threads $(mb_range "$mb" 2 "${two[@]}");" \
       "planted pairs $(/usr/bin/python3 eval/planted_recall.py "$tmp/gen_dedup.jsonl" "$dir/truth.tsv")"
}

generated_bench
if [ "${ONLY:-}" = generated ]; then
  echo "command: ONLY=generated bench/corpus_bench.sh $build"
  exit 0
fi

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
  # The reference: reading and hashing the same bytes, in the same run.
  printf '%-8s %-40s %s\n' md5sum "$(basename "$input") ($mb MB)" \
    "$(mb_range "$mb" 1 "$(seconds md5sum "$input")")"
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
