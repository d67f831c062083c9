#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of fuzz/ with clang (in
# build-fuzz/, sanitized) and runs each in turn, then prints the executions
# of each run in a table (doc/fuzzing.md).
#
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_RUNS     run this many inputs per target instead of a time limit
#   FUZZ_TARGETS  the targets to run, e.g. "compare store" (default: all)
#   FUZZ_BUILD    build folder (default build-fuzz)
#   FUZZ_PROCS    fuzzing processes per target (default 1), on one work
#                 corpus; the table sums their executions
#   FUZZ_FLAGS    more libFuzzer flags for every run, e.g. -reload=0
#   JOBS          parallel compile jobs (default: nproc)
#   TMPDIR        where the targets that read paths write their files
#                 (default /dev/shm when writable: in memory, 2-3x the
#                 executions per second of a disk for store, jsonl_reader
#                 and warc_reader, whose SQLite commits sync to disk)
#
# A target's own libFuzzer flags, if it needs any, are in
# fuzz/fuzz_<name>.options, one per line ('#' starts a comment).
#
# Each target starts from its checked-in seeds (fuzz/corpus/<name>/, never
# written) and its work corpus (build-fuzz/work/<name>/, kept between runs).
# A crash, leak, timeout or out-of-memory input is copied to
# fuzz/findings/<name>/; the script then exits with status 1.
set -uo pipefail
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
runs=${FUZZ_RUNS:-}
jobs=${JOBS:-$(nproc)}
procs=${FUZZ_PROCS:-1}
read -r -a extra_flags <<<"${FUZZ_FLAGS:-}"
if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  targets=()
  for f in fuzz/fuzz_*.cc; do
    name=${f#fuzz/fuzz_}
    targets+=("${name%.cc}")
  done
fi

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTWICETOLD_BUILD_FUZZERS=ON -DTWICETOLD_BUILD_PYTHON=OFF \
  -DTWICETOLD_BUILD_BENCHMARKS=OFF -DTWICETOLD_BUILD_EVALS=OFF "${launcher[@]}" >/dev/null ||
  exit 1
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
cmake --build "$build" -j "$jobs" --target "${build_targets[@]}" || exit 1

if [ -n "$runs" ]; then
  limit=(-runs="$runs")
else
  limit=(-max_total_time="$seconds")
fi

if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi

# The fuzzers run in the background, where a script's children ignore
# SIGINT: an interrupt or a kill of this script is passed on to them as
# SIGTERM (they print their final stats); then the table is printed and no
# further target is run.
pids=()
interrupted=0
trap 'interrupted=1; kill -TERM "${pids[@]}" 2>/dev/null' INT TERM

rows=()
failed=0
for t in "${targets[@]}"; do
  work="$build/work/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$work" "$artifacts" "$build/logs"
  flags=()
  if [ -f "fuzz/fuzz_$t.options" ]; then
    mapfile -t flags < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "fuzz/fuzz_$t.options")
  fi
  flags+=("${extra_flags[@]}")
  echo "== fuzz_$t: $procs x ${limit[*]} ${flags[*]}"
  start=$(date +%s.%N)
  logs=()
  pids=()
  for ((p = 1; p <= procs; ++p)); do
    log="$build/logs/fuzz_$t.log"
    [ "$procs" -eq 1 ] || log="$build/logs/fuzz_$t.$p.log"
    logs+=("$log")
    "$build/fuzz_$t" "${limit[@]}" -timeout=30 -rss_limit_mb=4096 "${flags[@]}" \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "fuzz/corpus/$t" \
      >"$log" 2>&1 &
    pids+=($!)
  done
  status=0
  for pid in "${pids[@]}"; do
    # wait returns early (> 128) when a trapped signal arrives: wait again.
    while true; do
      wait "$pid"
      code=$?
      kill -0 "$pid" 2>/dev/null || break
    done
    [ "$code" -eq 0 ] || status=$code
  done
  elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  # Executions: each process's final stats, or its last status line.
  execs=0
  for log in "${logs[@]}"; do
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ -z "$n" ]; then
      n=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    fi
    execs=$((execs + ${n:-0}))
  done
  rate=$(awk -v n="$execs" -v s="$elapsed" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }')
  result=ok
  if [ "$interrupted" -eq 1 ]; then
    result=interrupted  # libFuzzer exits 72 when stopped: not a finding
  elif [ $status -ne 0 ]; then
    result="FAILED (status $status, ${logs[*]})"
    failed=1
  fi
  found=()
  for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$f" ] || continue
    mkdir -p "fuzz/findings/$t"
    if [ ! -e "fuzz/findings/$t/$(basename "$f")" ]; then
      cp "$f" "fuzz/findings/$t/"
      found+=("fuzz/findings/$t/$(basename "$f")")
    fi
  done
  if [ ${#found[@]} -gt 0 ]; then
    result="$result; new: ${found[*]}"
    failed=1
  fi
  name="fuzz_$t"
  [ "$procs" -eq 1 ] || name="fuzz_$t ($procs processes)"
  rows+=("$(printf '| %s | %s | %.0f | %s | %s |' "$name" "$execs" "$elapsed" "$rate" "$result")")
  for log in "${logs[@]}"; do tail -n 3 "$log"; done
  [ "$interrupted" -eq 0 ] || break
done

echo
echo "| target | executions | seconds | exec/s | result |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
# A finding fails the run (1) even when interrupted; otherwise an interrupt is 130.
if [ "$failed" -eq 0 ] && [ "$interrupted" -eq 1 ]; then exit 130; fi
exit $failed
