#!/bin/sh
# Regenerates src/text/background_idf.tsv: stem document frequencies over
# the AllSides news corpus (../shared/data/corpora/allsides.jsonl.xz, 37,554
# articles). Only statistics are written, never article text.
# Usage: eval/make_background_idf.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
data=${TWICETOLD_DATA:-$root/../shared/data}
cmake --build "$build" --target make_background_idf -j2 >/dev/null
xz -dc "$data/corpora/allsides.jsonl.xz" |
  "$build/make_background_idf" allsides-v1 3 950000 \
  > "$root/src/text/background_idf.tsv"
echo "wrote $root/src/text/background_idf.tsv"
