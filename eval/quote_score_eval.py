#!/usr/bin/python3
"""Direct quotes on PolNeAR through the shared scorer, against a bare regex.

For each of polnear-train and polnear-dev (../shared/data/quotes) this runs

  1. the built CLI, `twicetold quotes --json FILE` (and with
     `--apostrophe-quotes`), and
  2. a bare regex over double quotation marks (the baseline of issue #13):
     every match of REGEX below, its inner group as the quote span,

and scores both with ../shared/tools/quote_score.py (called, not copied:
every predicted quote counts, fragments included; a gold direct quote is
found when predicted spans cover half of it; a predicted quote is right when
half of it lies in gold direct content; speaker accuracy over found quotes
with a gold source).

It also scores against a second gold, written to a temporary file, in
which attributions whose content begins or ends at a pair of apostrophes
('') are direct too. The corpus gold counts only the marks " “ ” ‘ ’ « » „;
one publisher's archive sets quotations in '', which the engine reads as
quotation marks only with `--apostrophe-quotes`. That run is scored
against the second gold (what an archive user gets). The first line is
the acceptance figure.

Usage: eval/quote_score_eval.py [CLI] [--data DIR] [--scorer PATH]
Prints each figure with the exact command that re-measures it. Prints no
dataset text. Standard library only.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
DEFAULT_DATA = os.path.join(ROOT, "data", "quotes")
DEFAULT_SCORER = os.path.join(ROOT, "tools", "quote_score.py")
PYTHON = "/usr/bin/python3"
# Any double mark, straight or curly, to the next one on the same line.
REGEX = r'["\u201c\u201d](.+?)["\u201c\u201d]'
PUNCT = set(",.;:!?")


def regex_predictions(gold_path, out_path):
    pattern = re.compile(REGEX)
    with open(gold_path, encoding="utf-8") as f, open(out_path, "w") as out:
        for line in f:
            rec = json.loads(line)
            quotes = [{"span": [m.start(1), m.end(1)], "speaker": "",
                       "speaker_span": None} for m in pattern.finditer(rec["text"])]
            out.write(json.dumps({"id": rec["id"], "quotes": quotes}) + "\n")


def at_double_apostrophes(text, span):
    """The README's `direct` rule with '' as the mark."""
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s >= e:
        return False
    begins = text[s:s + 2] == "''" or text[max(0, s - 2):s] == "''"
    ends = (text[e - 2:e] == "''" or text[e:e + 2] == "''" or
            (text[e:e + 1] in PUNCT and text[e + 1:e + 3] == "''"))
    return begins or ends


def double_apostrophe_gold(gold_path, out_path):
    changed = 0
    with open(gold_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            for a in rec["attributions"]:
                if not a["direct"] and at_double_apostrophes(rec["text"], a["content"]):
                    a["direct"] = True
                    changed += 1
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return changed


def score(scorer, gold, pred):
    cmd = [PYTHON, scorer, gold, pred, "0", "0"]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    return cmd, out


def show(cmd):
    return " ".join(shlex.quote(x) for x in cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cli", nargs="?", default="build/twicetold")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--scorer", default=DEFAULT_SCORER)
    args = ap.parse_args()
    print("command: " + show([sys.argv[0]] + sys.argv[1:]))
    print(f"regex baseline: {REGEX}")
    tmp = tempfile.mkdtemp(prefix="quote_score_eval.")
    for split in ["train", "dev"]:
        gold = os.path.join(args.data, f"polnear-{split}.jsonl")
        print(f"\n{split}:")
        runs = {}
        for who, flags in [("twicetold", []), ("archive", ["--apostrophe-quotes"])]:
            out_path = os.path.join(tmp, f"cli-{who}-{split}.jsonl")
            cmd = [args.cli, "quotes", "--json", "--quiet", *flags, gold]
            with open(out_path, "w") as f:
                subprocess.run(cmd, check=True, stdout=f)
            runs[who] = out_path
            print(f"  {who}: {show(cmd)} > {out_path}")
        rx_out = os.path.join(tmp, f"regex-{split}.jsonl")
        regex_predictions(gold, rx_out)
        gold2 = os.path.join(tmp, f"gold-dq-{split}.jsonl")
        changed = double_apostrophe_gold(gold, gold2)
        for label, g, who, pred in [
                ("gold as given", gold, "twicetold", runs["twicetold"]),
                ("gold as given", gold, "regex    ", rx_out),
                (f"gold + '' quotes direct ({changed} more)", gold2, "archive  ", runs["archive"]),
                (f"gold + '' quotes direct ({changed} more)", gold2, "twicetold", runs["twicetold"]),
                (f"gold + '' quotes direct ({changed} more)", gold2, "regex    ", rx_out)]:
            cmd, out = score(args.scorer, g, pred)
            print(f"  {label:34s} {who}  {out}")
            print(f"      {show(cmd)}")
    print(f"\n(predictions and the second gold are in {tmp})")


if __name__ == "__main__":
    main()
