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

echo "== twicetold ingest: the same corpus into a persistent store, in two runs"
db="$out/twicetold.db"
rm -f "$db" "$db-wal" "$db-shm"
# Yesterday's articles, then today's: the corpus split at a publication
# date (a store continues a stream in published order).
/usr/bin/python3 - examples/articles.jsonl "$out" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
rows.sort(key=lambda r: r.get("published") or "")
half = len(rows) // 2
for name, part in (("ingest_part1.jsonl", rows[:half]), ("ingest_part2.jsonl", rows[half:])):
    with open(f"{sys.argv[2]}/{name}", "w", encoding="utf-8") as out:
        for r in part:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$bin" ingest --no-progress --db "$db" "$out/ingest_part1.jsonl" > /dev/null 2> "$out/ingest.log"
"$bin" ingest --no-progress --db "$db" "$out/ingest_part2.jsonl" > /dev/null 2>> "$out/ingest.log"
grep -E 'ingest: [0-9]+ added' "$out/ingest.log" | sed 's/^/   /'
"$bin" export --stories --db "$db" > "$out/store_stories.jsonl"
if cmp -s "$out/store_stories.jsonl" "$out/stories_summary.jsonl"; then
  echo "   the store's stories equal the one-shot run's ($out/store_stories.jsonl)"
else
  echo "   the store's stories differ from the one-shot run's" >&2
  exit 1
fi

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

echo "== twicetold serve: the store over HTTP; a headline feed posted to it"
"$bin" serve --db "$db" --port 0 > "$out/serve.log" 2>&1 &
serve_pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/serve.log")
  [ -n "$port" ] && break
  sleep 0.1
done
curl -s --noproxy '*' -X POST -H 'Content-Type: application/x-ndjson' \
  --data-binary @examples/headlines.jsonl "http://127.0.0.1:$port/v1/articles" > "$out/serve_ingest.json"
kill -TERM "$serve_pid" && wait "$serve_pid"
echo "   $(grep -o '"story"' "$out/serve_ingest.json" | wc -l) headlines stored by the server;" \
     "the CLI reads them: $("$bin" export --stories --db "$db" | wc -l) stories in $db"
echo "   serve it: $bin serve --db $db --port 8080   (then visit http://127.0.0.1:8080/)"

echo
echo "Output:"
echo "   $out/stories/index.html  the stories report: open it in a browser"
echo "                        (xdg-open $out/stories/index.html, or"
echo "                        python3 -m http.server -d $out/stories and visit http://127.0.0.1:8000)"
echo "   $out/stories.jsonl  one line per article: story, relation, duplicate_of"
echo "   $out/stories_summary.jsonl  one line per story: size, origin, members, dates"
echo "   $out/twicetold.db   the persistent store (twicetold export --db $out/twicetold.db;"
echo "                        twicetold serve --db $out/twicetold.db: web pages and the /v1 API)"
echo "   $out/dedup.jsonl    one line per article: cluster, duplicate_of, relation"
echo "   $out/clean.txt     readable cleaned articles (removed lines listed first)"
echo "   $out/clean.jsonl   one JSON object per article, spans in code points"
echo "   $out/compare.html  side-by-side page: aligned passages, changed words, quote table"
echo "   $out/compare.txt   the same comparison as a terminal summary (compare.json: JSON)"
echo "   $out/quotes.jsonl  every quotation with its speaker, per article"
echo "   $out/bad.log       why each broken record was rejected"
