#!/usr/bin/env bash
# The main job on the bundled examples: clean every article (boilerplate out,
# datelines to metadata, paragraphs typed), then show what happens to broken
# inputs. Usage: scripts/demo.sh BUILD/twicetold OUT_DIR
set -euo pipefail
bin=${1:-build/twicetold}
out=${2:-out/demo}
cd "$(dirname "$0")/.."
mkdir -p "$out"

echo "== twicetold clean examples/articles"
"$bin" clean examples/articles > "$out/clean.txt"
"$bin" clean --json -q examples/articles > "$out/clean.jsonl"
removed=$(grep -c '^   removed ' "$out/clean.txt" || true)
echo "   $(wc -l < "$out/clean.jsonl") articles cleaned, $removed boilerplate lines removed"

echo "== broken inputs are rejected one record at a time, nothing is lost"
"$bin" clean --json examples/bad > "$out/bad.jsonl" 2> "$out/bad.log" || true
sed 's/^/   /' "$out/bad.log"

echo
echo "Output:"
echo "   $out/clean.txt     readable cleaned articles (removed lines listed first)"
echo "   $out/clean.jsonl   one JSON object per article, spans in code points"
echo "   $out/bad.log       why each broken record was rejected"
