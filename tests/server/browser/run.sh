#!/bin/sh
# run.sh CLI SOURCE_DIR OUT_DIR: installs playwright-core from npm into
# OUT_DIR (once), then runs browser_test.mjs, which starts `CLI serve` on a
# free port, fills a store, drives the pages in headless Chromium and
# writes its screenshots into OUT_DIR/screenshots.
set -eu
cli=$1 src=$2 out=$3
command -v chromium >/dev/null || { echo "chromium missing: run scripts/install-deps.sh" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm missing: run scripts/install-deps.sh" >&2; exit 1; }
mkdir -p "$out"
cp "$src/tests/server/browser/package.json" "$out/package.json"
if [ ! -f "$out/node_modules/playwright-core/package.json" ]; then
  (cd "$out" && npm install --no-audit --no-fund --loglevel=error)
fi
exec node "$src/tests/server/browser/browser_test.mjs" "$cli" "$src" "$out"
