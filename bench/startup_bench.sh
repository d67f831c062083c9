#!/usr/bin/env bash
# What one short run of the twicetold program costs: `twicetold --version`
# (loading the program and its libraries) and `twicetold compare --json` of
# the two seed articles (loading, analysing both, comparing, JSON out),
# beside `/bin/true` (starting any process on this machine) in the same
# run. Each figure is the mean wall time of REPS runs in a row (default
# 30); the three commands take turns, BLOCKS times (default 3), so each
# sees the same load; the range over the blocks is printed. Usage:
#   bench/startup_bench.sh [BUILD_DIR=build-rel]   (a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
reps=${REPS:-30}
blocks=${BLOCKS:-3}
bin="$build/twicetold"
[ -x "$bin" ] || { echo "no $bin: build it first (scripts/bench.sh does)" >&2; exit 1; }
seeds=(../shared/seeds/*.txt)
have_seeds=0
[ -f "${seeds[0]}" ] && [ "${#seeds[@]}" -ge 2 ] && have_seeds=1

# Mean wall milliseconds of `reps` runs of one command (output discarded).
mean_ms() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < reps; ++i)); do "$@" > /dev/null 2>&1; done
  end=$(date +%s%N)
  awk -v a="$start" -v b="$end" -v n="$reps" 'BEGIN {printf "%.1f\n", (b - a) / 1e6 / n}'
}

range() {
  sort -g | awk '{v[NR] = $1} END {if (NR == 1) printf "%s ms", v[1]; else printf "%s-%s ms", v[1], v[NR]}'
}

t_true=() t_version=() t_compare=()
for ((b = 0; b < blocks; ++b)); do
  t_true+=("$(mean_ms /bin/true)")
  t_version+=("$(mean_ms "$bin" --version)")
  if [ $have_seeds = 1 ]; then
    t_compare+=("$(mean_ms "$bin" compare --json "${seeds[0]}" "${seeds[1]}")")
  fi
done
echo "start-up: mean of $reps runs in a row, range over $blocks blocks ($build)"
echo "  /bin/true (any process)                  $(printf '%s\n' "${t_true[@]}" | range)"
echo "  twicetold --version                      $(printf '%s\n' "${t_version[@]}" | range)"
if [ $have_seeds = 1 ]; then
  echo "  twicetold compare --json (the seed pair) $(printf '%s\n' "${t_compare[@]}" | range)"
else
  echo "  no ../shared/seeds: compare skipped"
fi
echo "command: bench/startup_bench.sh $build"
