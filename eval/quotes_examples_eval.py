#!/usr/bin/python3
"""Speaker attribution on the bundled fictional examples (examples/).

Runs the built CLI (`twicetold quotes --json -q --embedded-phrases
examples/articles`) and scores it against examples/truth.jsonl, which lists
every quoted passage of each article with its gold speaker, phrases quoted
inside a paraphrase included (hence --embedded-phrases).

Matching: a gold quote is *found* when some predicted quote's words (lower
case, letters and digits only) contain the gold quote's words or are
contained in them (a split quote "A," she said, "B" gives two predictions;
each matches its gold part). A found quote has the *right speaker* when every
prediction that matches it has the gold speaker (case-insensitive, curly and
straight apostrophes alike).

Gold speakers that are descriptions rather than names ("unnamed senior
negotiator", "draft agreement (document)", "X's office (Party)") count as
right when the predicted speaker is empty or is a part of the description
(the engine names people, not descriptions).

Usage: eval/quotes_examples_eval.py [CLI] [--examples DIR] [--quiet]
Prints the exact command, the counts and every error (file, gold speaker,
predicted speaker, start of the quote). Standard library only.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EXAMPLES = os.path.normpath(os.path.join(HERE, "..", "examples"))


def words(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " " + " ".join(re.findall(r"[\w']+", text.lower())) + " "


def norm_speaker(s):
    return (s or "").replace("\u2019", "'").strip().lower()


def is_description(gold):
    g = norm_speaker(gold)
    return g.startswith("unnamed") or "(" in g


def speaker_ok(gold, pred):
    g, p = norm_speaker(gold), norm_speaker(pred)
    if is_description(gold):
        return p == "" or p in g
    return g == p


def run_cli(cli, articles):
    cmd = [cli, "quotes", "--json", "-q", "--embedded-phrases", articles]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    preds = {}
    for line in out.splitlines():
        rec = json.loads(line)
        preds[rec["id"]] = rec["quotes"]
    return cmd, preds


def matches(gold_words, pred_words):
    if len(pred_words.split()) == 0:
        return False
    return pred_words in gold_words or gold_words in pred_words


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cli", nargs="?", default="build/twicetold")
    ap.add_argument("--examples", default=DEFAULT_EXAMPLES)
    ap.add_argument("--quiet", action="store_true", help="counts only")
    args = ap.parse_args()
    articles = os.path.join(args.examples, "articles")
    cmd, preds = run_cli(args.cli, articles)
    print("command: " + " ".join(shlex.quote(x) for x in [sys.argv[0]] + sys.argv[1:]))
    print("runs:    " + " ".join(shlex.quote(x) for x in cmd))
    gold_n = found = right = 0
    errors, missing = [], []
    with open(os.path.join(args.examples, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            aid = rec["file"].removeprefix("articles/")
            qs = preds.get(aid, [])
            pwords = [words(q["text"]) for q in qs]
            for g in rec["quotes"]:
                gold_n += 1
                gw = words(g["text"])
                hits = [q for q, pw in zip(qs, pwords) if matches(gw, pw)]
                if not hits:
                    missing.append((aid, g["speaker"], g["text"]))
                    continue
                found += 1
                if all(speaker_ok(g["speaker"], q["speaker"]) for q in hits):
                    right += 1
                else:
                    got = " | ".join(sorted({q["speaker"] or "-" for q in hits}))
                    errors.append((aid, g["speaker"], got, g["text"]))
    print(f"gold quotes {gold_n}, found {found}, speaker right {right} "
          f"({right / found if found else 0:.3f} of found), "
          f"speaker wrong {found - right}, not found {len(missing)}")
    if args.quiet:
        return
    print("\nspeaker errors (file: gold -> predicted: quote):")
    for aid, gold, got, text in errors:
        print(f"  {aid}: {gold} -> {got}: {text[:60]!r}")
    print("\nnot found (file: gold: quote):")
    for aid, gold, text in missing:
        print(f"  {aid}: {gold}: {text[:60]!r}")


if __name__ == "__main__":
    main()
