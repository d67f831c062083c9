#!/usr/bin/env python3
"""Article-body extraction on ../shared/data/html/zyte/ (91 pages with gold
bodies): twicetold's HTML reader beside Readability.js, measured in the same
run, both scored by ../shared/tools/html_score.py (word 4-gram bag
precision / recall / F1 per page, averaged).

Usage: eval/html_eval.py [CLI] [--data DIR] [--no-readability] [--show N]
  CLI defaults to build/twicetold. Readability.js (@mozilla/readability +
  jsdom) is installed with npm into $TWICETOLD_EVAL_CACHE (default
  ~/.cache/twicetold/readability), outside the repository, on first use;
  it runs on the node found on PATH.
  --show N prints the N pages where twicetold scores lowest.
"""
import argparse
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from eval_cli import DEFAULT_DATA  # noqa: E402

SCORER = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "html_score.py"))

READABILITY_JS = r"""
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const [dir, out] = process.argv.slice(1);
const BLOCKS = 'p,div,h1,h2,h3,h4,h5,h6,li,br,tr,td,blockquote,pre,section,article,figure,dd,dt';
const lines = [];
for (const name of fs.readdirSync(dir).filter(n => n.endsWith('.html.gz')).sort()) {
  const html = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
  let body = '';
  try {
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    if (article && article.content) {
      // textContent glues paragraphs together ("end.Next"), which would
      // cost Readability shingles at every boundary: break after blocks.
      const doc = new JSDOM(article.content).window.document;
      for (const el of doc.querySelectorAll(BLOCKS)) el.appendChild(doc.createTextNode('\n\n'));
      body = doc.body.textContent;
    }
  } catch (e) { body = ''; }
  lines.push(JSON.stringify({ file: name, body }));
}
fs.writeFileSync(out, lines.join('\n') + '\n');
"""


def ensure_readability(cache):
    if os.path.isdir(os.path.join(cache, "node_modules", "@mozilla", "readability")) and \
       os.path.isdir(os.path.join(cache, "node_modules", "jsdom")):
        return
    os.makedirs(cache, exist_ok=True)
    if not os.path.exists(os.path.join(cache, "package.json")):
        with open(os.path.join(cache, "package.json"), "w") as f:
            f.write('{"name": "twicetold-readability-eval", "private": true}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "@mozilla/readability", "jsdom"],
                   cwd=cache, check=True, stdout=subprocess.DEVNULL)


def score(truth, pred):
    out = subprocess.run([sys.executable, SCORER, truth, pred], capture_output=True,
                         text=True, check=True).stdout.strip()
    return out


def per_page_f1(truth_rows, pred):
    """Per-page F1 with the scorer's tokens (only to list the worst pages)."""
    import re
    from collections import Counter

    def sh(t, n=4):
        w = re.findall(r"\w+", (t or "").lower())
        return Counter(tuple(w[i:i + n]) for i in range(max(0, len(w) - n + 1)))
    rows = []
    for r in truth_rows:
        g, p = sh(r["body"]), sh(pred.get(r["file"], ""))
        tp = sum((g & p).values())
        pr = tp / sum(p.values()) if p else 0.0
        rc = tp / sum(g.values()) if g else 1.0
        rows.append((2 * pr * rc / (pr + rc) if pr + rc else 0.0, pr, rc, r["file"]))
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli", nargs="?", default=os.path.join(HERE, "..", "build", "twicetold"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--no-readability", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    folder = os.path.join(args.data, "html", "zyte")
    truth = os.path.join(folder, "truth.jsonl")
    truth_rows = [json.loads(l) for l in open(truth, encoding="utf-8")]
    pages = [os.path.join(folder, r["file"]) for r in truth_rows]
    with tempfile.TemporaryDirectory(prefix="html_eval_") as tmp:
        cmd = [args.cli, "clean", "--json"] + pages
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if proc.returncode != 0:
            sys.exit(f"command failed ({proc.returncode}): {args.cli} clean --json PAGES\n"
                     f"{proc.stderr[-2000:]}")
        pred = {}
        for line in proc.stdout.splitlines():
            if line.strip():
                d = json.loads(line)
                pred[os.path.basename(d["id"])] = d["text"]
        ours = os.path.join(tmp, "twicetold.jsonl")
        with open(ours, "w", encoding="utf-8") as f:
            for r in truth_rows:
                f.write(json.dumps({"file": r["file"], "body": pred.get(r["file"], "")}) + "\n")
        print(f"html_eval: {len(truth_rows)} pages in {folder}")
        print(f"twicetold      {score(truth, ours)}   ({seconds:.1f} s for "
              f"`twicetold clean --json`, {len(pred)} extracted)")
        if not args.no_readability:
            cache = os.environ.get("TWICETOLD_EVAL_CACHE",
                                   os.path.expanduser("~/.cache/twicetold/readability"))
            ensure_readability(cache)
            theirs = os.path.join(tmp, "readability.jsonl")
            start = time.monotonic()
            subprocess.run(["node", "-e", READABILITY_JS, folder, theirs], cwd=cache, check=True,
                           env=dict(os.environ, NODE_PATH=os.path.join(cache, "node_modules")))
            print(f"readability.js {score(truth, theirs)}   ({time.monotonic() - start:.1f} s, "
                  f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()})")
        for f1, p, r, name in per_page_f1(truth_rows, pred)[:args.show]:
            print(f"  F1 {f1:.3f} P {p:.3f} R {r:.3f}  {name}")
        print("command: " + shlex.join([sys.executable, "eval/html_eval.py"] + sys.argv[1:]))


if __name__ == "__main__":
    main()
