#!/usr/bin/env bash
# Load on `twicetold serve` with wrk (Debian package): a store holding
# allsides (../shared/data/corpora/allsides.jsonl.xz, 37,554 articles,
# posted to the server in batches), then 64 connections for DURATION
# seconds on
#   1. GET /v1/stories (the list page's query), and
#   2. POST /v1/articles, batches of BATCH new articles each (durable
#      before the answer; writes are serialised in the server),
# reporting requests/s, p50 / p99 latency and errors (socket errors and
# non-2xx answers). Usage:
#   bench/serve_bench.sh [BUILD_DIR=build-rel] [DURATION=60] [CONNECTIONS=64] [BATCH=10]
# The store is kept in $TMPDIR/twicetold_serve_bench/allsides.db and reused
# (delete allsides.db.loaded to rebuild); set ARTICLES=N to load only the first N.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
duration=${2:-60}
connections=${3:-64}
batch=${4:-10}
data=../shared/data/corpora/allsides.jsonl.xz
command -v wrk >/dev/null || { echo "wrk missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -f "$data" ] || { echo "no $data" >&2; exit 1; }
if [ ! -x "$build/twicetold" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DTWICETOLD_BUILD_TESTS=OFF \
        -DTWICETOLD_BUILD_BENCHMARKS=OFF -DTWICETOLD_BUILD_EVALS=OFF >/dev/null
  cmake --build "$build" --target twicetold_cli -j "$(nproc)" >/dev/null
fi
tmp=${TMPDIR:-/tmp}/twicetold_serve_bench
mkdir -p "$tmp"
db=$tmp/allsides.db
export NO_PROXY='*' no_proxy='*'

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

start_server() {
  : > "$tmp/server.out"  # exists before the first look for the port
  "$build/twicetold" serve --db "$db" --port 0 --threads "$((connections + 8))" \
      > "$tmp/server.out" 2> "$tmp/server.err" &
  server_pid=$!
  for _ in $(seq 600); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/server.out")
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.err" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not start" >&2
  exit 1
}

# Loads allsides once, 1,000 articles per POST.
if [ ! -f "$db.loaded" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  start_server
  rm -rf "$tmp/parts" && mkdir -p "$tmp/parts"
  { xz -dc "$data" || true; } | head -n "${ARTICLES:-100000000}" | split -l 1000 - "$tmp/parts/part-"
  start=$(date +%s.%N)
  for part in "$tmp/parts"/part-*; do
    code=$(curl -s -o "$tmp/post.json" -w '%{http_code}' -X POST \
                -H 'Content-Type: application/x-ndjson' --data-binary "@$part" \
                "http://127.0.0.1:$port/v1/articles")
    [ "$code" = 200 ] || { echo "loading $part: HTTP $code" >&2; head -c 300 "$tmp/post.json" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  echo "load: $(cat "$tmp/parts"/part-* | wc -l) articles posted in $(echo "$end - $start" | bc) s"
  rm -rf "$tmp/parts"
  touch "$db.loaded"
  stop_server
fi

start_server
echo "store: $(curl -s "http://127.0.0.1:$port/healthz")"
echo "server: $(head -1 "$tmp/server.out"); $(nproc) cores"

# A pool of real articles whose ids the POST script replaces with new ones.
{ xz -dc "$data" || true; } | head -n 200 | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    record = json.loads(line)
    record["id"] = "@ID@"
    print(json.dumps(record))' > "$tmp/pool.jsonl"

cat > "$tmp/post.lua" <<EOF
local pool = {}
for line in io.lines("$tmp/pool.jsonl") do pool[#pool + 1] = line end
local counter = 0
local threads = 0
-- Ids unique per thread and per run (an id stored before would be skipped).
function setup(thread)
  threads = threads + 1
  thread:set("thread_tag", os.time() .. "-" .. threads)
end
request = function()
  local lines = {}
  for i = 1, $batch do
    counter = counter + 1
    local id = "bench-" .. thread_tag .. "-" .. counter
    lines[i] = pool[(counter % #pool) + 1]:gsub("@ID@", id)
  end
  return wrk.format("POST", "/v1/articles",
                    {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
end
EOF

run() {  # run FILE NAME WRK_ARGS...
  local file=$tmp/$1.txt name=$2
  shift 2
  wrk -t 4 -c "$connections" -d "${duration}s" --timeout 30s --latency "$@" > "$file"
  awk -v name="$name" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /requests in/ { total = $1 }
    /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx/ { errors += $5 }
    END { printf "%-22s %8s req/s  p50 %8s  p99 %8s  requests %s  errors %d\n",
                 name, rps, p50, p99, total, errors }' "$file"
}

echo "wrk: $connections connections, ${duration} s each"
run get_stories "GET /v1/stories" "http://127.0.0.1:$port/v1/stories"
run post_articles "POST /v1/articles x$batch" -s "$tmp/post.lua" "http://127.0.0.1:$port/v1/articles"
echo "after: $(curl -s "http://127.0.0.1:$port/healthz")"
echo "wrk outputs: $tmp/*.txt"
