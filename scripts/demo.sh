#!/usr/bin/env bash
# The main job on the bundled examples: cluster the corpus into stories
# (each version's relation to the one it came from) with a browsable HTML
# report, deduplicate it, clean every article (boilerplate out, datelines to
# metadata, paragraphs typed), compare an original with its rewrite (page +
# summary), list quotations, then show what happens to broken inputs.
# Usage: scripts/demo.sh BUILD/twicetold OUT_DIR
set -euo pipefail
bin=${1:-build/twicetold}
out=${2:-out/demo}
cd "$(dirname "$0")/.."
mkdir -p "$out"

echo "== twicetold stories examples/articles.jsonl --html $out/stories"
"$bin" stories --no-progress examples/articles.jsonl -o "$out/stories.jsonl" \
  --stories "$out/stories_summary.jsonl" --html "$out/stories" 2> "$out/stories.log"
grep -E 'stories:|relations:' "$out/stories.log" | sed 's/^/   /'

echo "== twicetold dedup examples/articles.jsonl"
"$bin" dedup --no-progress examples/articles.jsonl -o "$out/dedup.jsonl" 2> "$out/dedup.log"
grep -E 'articles,' "$out/dedup.log" | sed 's/^/   /'

echo "== twicetold clean examples/articles"
"$bin" clean -q examples/articles > "$out/clean.txt"
"$bin" clean --json -q examples/articles > "$out/clean.jsonl"
removed=$(grep -c '^   removed ' "$out/clean.txt" || true)
echo "   $(wc -l < "$out/clean.jsonl") articles cleaned, $removed boilerplate lines removed"

echo "== twicetold compare: an original and its heavy rewrite"
"$bin" compare -q examples/articles/harbor-strike/original.txt \
  examples/articles/harbor-strike/rewrite.txt --html "$out/compare.html" > "$out/compare.txt"
"$bin" compare -q --json examples/articles/harbor-strike/original.txt \
  examples/articles/harbor-strike/rewrite.txt > "$out/compare.json"
sed -n '3,6p' "$out/compare.txt"

echo "== twicetold quotes examples/articles"
"$bin" quotes -q --json examples/articles > "$out/quotes.jsonl"
echo "   $(grep -o '"speaker"' "$out/quotes.jsonl" | wc -l) quotations listed"

echo "== broken inputs are rejected one record at a time, nothing is lost"
"$bin" clean --json examples/bad > "$out/bad.jsonl" 2> "$out/bad.log" || true
sed 's/^/   /' "$out/bad.log"

echo
echo "Output:"
echo "   $out/stories/index.html  the stories report: open it in a browser"
echo "                        (xdg-open $out/stories/index.html, or"
echo "                        python3 -m http.server -d $out/stories and visit http://127.0.0.1:8000)"
echo "   $out/stories.jsonl  one line per article: story, relation, duplicate_of"
echo "   $out/stories_summary.jsonl  one line per story: size, origin, members, dates"
echo "   $out/dedup.jsonl    one line per article: cluster, duplicate_of, relation"
echo "   $out/clean.txt     readable cleaned articles (removed lines listed first)"
echo "   $out/clean.jsonl   one JSON object per article, spans in code points"
echo "   $out/compare.html  side-by-side page: aligned passages, changed words, quote table"
echo "   $out/compare.txt   the same comparison as a terminal summary (compare.json: JSON)"
echo "   $out/quotes.jsonl  every quotation with its speaker, per article"
echo "   $out/bad.log       why each broken record was rejected"
