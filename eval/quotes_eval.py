#!/usr/bin/python3
"""Direct-quote extraction and attribution on PolNeAR (train and dev).

Runs the built CLI (`twicetold quotes --json`) on each file of
../shared/data/quotes and scores it against the gold attributions with
direct=true (content enclosed in, or starting or ending at, a quote mark).

Metrics, per file:
  content exact   a predicted quote matches a gold content when both spans,
                  trimmed of spaces, quote marks and edge punctuation, are
                  equal (for a gold content in several parts, "A," he said,
                  "B", the whole or every part must be matched for recall);
  content partial a predicted span overlaps a gold content part;
  speaker         for gold contents found (partial overlap), the predicted
                  speaker span overlaps the gold source span. Precision over
                  predicted quotes with a speaker span that overlap a gold
                  direct content with a source; recall over gold direct
                  attributions with a source.
Predicted quotes: every quote except fragments without a speaker (scare
quotes are not attributions); --all-quotes keeps them too.

Usage: eval/quotes_eval.py [CLI] [--data DIR] [--all-quotes]
Standard library only. Prints no dataset text.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data", "quotes"))
EDGE = set(" \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e,.;:!?\u2026-\u2014\u2013")


def trim(text, span):
    s, e = span
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def run_cli(cli, path):
    cmd = [cli, "quotes", "--json", "--quiet", path]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    preds = {}
    for line in out.splitlines():
        rec = json.loads(line)
        preds[rec["id"]] = rec["quotes"]
    return cmd, preds


class Counts:
    def __init__(self):
        self.__dict__.update(dict.fromkeys(
            ["pred", "pred_exact", "pred_partial", "gold", "gold_exact",
             "gold_partial", "spk_pred", "spk_pred_ok", "spk_gold", "spk_gold_ok"], 0))

    def add(self, other):
        for k, v in other.__dict__.items():
            setattr(self, k, getattr(self, k) + v)


def score_article(text, golds, preds):
    c = Counts()
    golds = [g for g in golds if g["direct"]]
    parts = [[trim(text, p) for p in (g.get("content_parts") or [g["content"]])] for g in golds]
    wholes = [trim(text, g["content"]) for g in golds]
    pspans = [trim(text, p["span"]) for p in preds]
    c.pred, c.gold = len(preds), len(golds)
    for ps in pspans:
        exact = any(ps == w for w in wholes) or any(ps in ps_ for ps_ in parts)
        c.pred_exact += exact
        c.pred_partial += any(overlaps(ps, p) for pl in parts for p in pl)
    for w, pl in zip(wholes, parts):
        c.gold_exact += w in pspans or all(p in pspans for p in pl)
        c.gold_partial += any(overlaps(ps, p) for ps in pspans for p in pl)
    score_speakers(golds, parts, preds, pspans, c)
    return c


def score_speakers(golds, parts, preds, pspans, c):
    def hit(g, gp, pred, ps):
        return any(overlaps(ps, p) for p in gp)

    def right(g, pred):
        return pred["speaker_span"] is not None and overlaps(pred["speaker_span"], g["source"])

    sourced = [(g, gp) for g, gp in zip(golds, parts) if g["source"]]
    c.spk_gold = len(sourced)
    for g, gp in sourced:
        c.spk_gold_ok += any(hit(g, gp, p, ps) and right(g, p) for p, ps in zip(preds, pspans))
    for p, ps in zip(preds, pspans):
        if p["speaker_span"] is None:
            continue
        matched = [g for g, gp in sourced if hit(g, gp, p, ps)]
        if matched:
            c.spk_pred += 1
            c.spk_pred_ok += any(right(g, p) for g in matched)


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(cli, path, all_quotes):
    cmd, preds = run_cli(cli, path)
    total = Counts()
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            qs = preds.get(rec["id"], [])
            if not all_quotes:
                qs = [q for q in qs if not q["fragment"] or q["speaker_span"] is not None]
            total.add(score_article(rec["text"], rec["attributions"], qs))
    return cmd, total


def report(name, cmd, c):
    print(f"{name}: {' '.join(shlex.quote(x) for x in cmd)}")
    print(f"  gold direct quotes {c.gold}, predicted quotes {c.pred}")
    for label, vals in [
            ("content exact  ", prf(c.pred_exact, c.pred, c.gold_exact, c.gold)),
            ("content partial", prf(c.pred_partial, c.pred, c.gold_partial, c.gold)),
            ("speaker        ", prf(c.spk_pred_ok, c.spk_pred, c.spk_gold_ok, c.spk_gold))]:
        print(f"  {label}  P {vals[0]:.3f}  R {vals[1]:.3f}  F1 {vals[2]:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cli", nargs="?", default="build/twicetold")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--all-quotes", action="store_true",
                    help="also count fragments without a speaker")
    args = ap.parse_args()
    print("command: " + " ".join(shlex.quote(x) for x in [sys.argv[0]] + sys.argv[1:]))
    for split in ["train", "dev"]:
        path = os.path.join(args.data, f"polnear-{split}.jsonl")
        cmd, counts = evaluate(args.cli, path, args.all_quotes)
        report(split, cmd, counts)
    print("reference: Citron (BBC) on PARC 3.0: speaker F1 0.82, "
          "content exact F1 0.59, partial 0.83")


if __name__ == "__main__":
    main()
