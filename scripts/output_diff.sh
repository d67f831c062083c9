#!/usr/bin/env bash
# Compares the JSON output of two twicetold binaries, e.g. main's build and
# this branch's, on the bundled examples and on BASIL:
#
#   scripts/output_diff.sh BASE_CLI NEW_CLI
#
# Runs clean, quotes, compare, dedup and stories with both, then diffs their
# standard output (and --stories file) after applying the documented
# renames to BASE's output:
#   - dedup's relation "original" is now "origin" (as in stories);
#   - version strings ("model" of compare) may differ between builds.
# Prints one line per run: "same" (byte-identical), "same after renames
# (N lines)", or the remaining diff. Exits 1 if any output differs beyond
# the renames, or if an exit status differs.
#
# BASIL is read from ../shared/data/stories/basil.jsonl (DATA= to change
# the data folder); without it only the examples are compared.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BASE_CLI NEW_CLI" >&2
  exit 2
fi
base=$(realpath "$1")
new=$(realpath "$2")
cd "$(dirname "$0")/.."
data=${DATA:-../shared/data}
basil="$data/stories/basil.jsonl"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# The documented renames, applied to BASE's output; version strings are
# masked on both sides.
renames_base() {
  sed -e 's/"relation":"original"/"relation":"origin"/' \
      -e 's/"model":"[^"]*"/"model":"<version>"/g'
}
mask_versions() {
  sed -e 's/"model":"[^"]*"/"model":"<version>"/g'
}

# compare_outputs NAME BASE_FILE NEW_FILE
compare_outputs() {
  local name=$1 b=$2 n=$3
  if cmp -s "$b" "$n"; then
    printf '%-52s same (%d lines)\n' "$name" "$(wc -l <"$n")"
    return
  fi
  renames_base <"$b" >"$b.renamed"
  mask_versions <"$n" >"$n.masked"
  if cmp -s "$b.renamed" "$n.masked"; then
    local changed
    changed=$(diff "$b" "$n" | grep -c '^>' || true)
    printf '%-52s same after renames (%d of %d lines renamed)\n' "$name" "$changed" \
      "$(wc -l <"$n")"
  else
    printf '%-52s DIFFERS beyond the renames:\n' "$name"
    diff "$b.renamed" "$n.masked" | head -20
    failed=1
  fi
}

# run NAME ARGS...: runs both binaries with ARGS and compares their
# outputs and exit statuses; "@STORIES@" in ARGS becomes a per-binary
# --stories file, compared too. Standard input is the file $STDIN, else
# /dev/null.
run() {
  local name=$1
  shift
  local status_b=0 status_n=0
  local args_b=("${@//@STORIES@/$tmp/b.stories}") args_n=("${@//@STORIES@/$tmp/n.stories}")
  "$base" "${args_b[@]}" >"$tmp/b.out" 2>"$tmp/b.err" <"${STDIN:-/dev/null}" || status_b=$?
  "$new" "${args_n[@]}" >"$tmp/n.out" 2>"$tmp/n.err" <"${STDIN:-/dev/null}" || status_n=$?
  if [ "$status_b" != "$status_n" ]; then
    printf '%-52s exit status %s (base) vs %s (new)\n' "$name" "$status_b" "$status_n"
    failed=1
  fi
  compare_outputs "$name" "$tmp/b.out" "$tmp/n.out"
  if [ -f "$tmp/b.stories" ]; then
    compare_outputs "$name --stories FILE" "$tmp/b.stories" "$tmp/n.stories"
    rm -f "$tmp/b.stories" "$tmp/n.stories"
  fi
}

# Each input set: examples (text files, JSON lines, a headline feed), then
# BASIL.
examples=(examples/articles examples/articles.jsonl examples/headlines.jsonl)
inputs=("examples" "basil")
for set in "${inputs[@]}"; do
  if [ "$set" = examples ]; then
    files=("${examples[@]}")
  elif [ -f "$basil" ]; then
    files=("$basil")
  else
    echo "basil: $basil not found, skipped"
    continue
  fi
  run "$set: clean --json" clean --json -q "${files[@]}"
  run "$set: quotes --json" quotes --json -q "${files[@]}"
  run "$set: dedup" dedup -q --no-progress "${files[@]}"
  run "$set: dedup --method simhash" dedup -q --no-progress --method simhash "${files[@]}"
  run "$set: stories" stories -q --no-progress --stories @STORIES@ "${files[@]}"
done

# compare: pairs of versions of one story, and unrelated pairs.
for other in exact_copy light_edit rewrite independent related; do
  for story in coalition-talks harbor-strike telecom-breach; do
    [ -f "examples/articles/$story/$other.txt" ] || continue
    run "examples: compare $story original/$other" compare --json -q \
      "examples/articles/$story/original.txt" "examples/articles/$story/$other.txt"
  done
done
run "examples: compare unrelated pair" compare --json -q \
  examples/articles/unrelated/tram-line.txt examples/articles/harbor-strike/original.txt
if [ -f "$basil" ]; then
  # Records 1-3 of BASIL (one event, three outlets) and 1 with 4 (another).
  for lines in "1p;2p" "1p;3p" "2p;3p" "1p;4p"; do
    sed -n "$lines" "$basil" >"$tmp/pair.jsonl"
    STDIN="$tmp/pair.jsonl" run "basil: compare records ${lines//p/}" compare --json -q -
  done
fi

if [ "$failed" = 0 ]; then
  echo "OK: the outputs differ only by the documented renames"
else
  echo "FAILED: see above" >&2
fi
exit "$failed"
