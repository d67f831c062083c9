#!/usr/bin/python3
"""Deduplication quality on the natural duplicates of ../shared/data/corpora.

Runs `<cli> dedup <file> -o <tmp> [extra args]` on reuters.jsonl, bbc.jsonl
and allsides.jsonl.xz and reads its JSON lines {"id", "cluster",
"duplicate_of", "relation", "similarity"} (relation origin | identical |
near_duplicate; the cluster value is an opaque label).

Gold: groups of articles with the same non-empty `text` after squeezing
whitespace runs to one space (exact duplicates). Reported per corpus:
  recall      of gold duplicate pairs, the share whose two articles share a
              predicted cluster (overall and averaged over groups); and the
              share of gold groups kept whole;
  identical   predicted `identical` edges (article, duplicate_of) whose
              texts are not gold-identical (compare normalizes typography,
              so a few are expected), with their Jaccard;
  near_dup    predicted `near_duplicate` edges: how many are exact gold
              duplicates, and for the others the exact word 5-shingle
              Jaccard (lower-cased \\w+ tokens; a text under 5 words is one
              shingle) computed here: the precision estimate is the share
              with Jaccard >= --threshold (default 0.7), plus the
              distribution in tenths and the lowest pairs' ids.
No gold exists for near duplicates, so near-duplicate recall is not measured.

Usage:
  eval/dedup_eval.py build/twicetold [--data ../shared/data] [--threshold 0.7]
                     [--corpora reuters,bbc,allsides] [-- extra args for dedup]
  eval/dedup_eval.py --corpora bbc --predictions saved.jsonl
Standard library only; prints no article text.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_cli import DEFAULT_DATA, read_jsonl, run_subcommand, split_extra_args  # noqa: E402

CORPORA = {"reuters": "reuters.jsonl", "bbc": "bbc.jsonl", "allsides": "allsides.jsonl.xz"}
WORD = re.compile(r"\w+")


def squeeze(text):
    return " ".join(text.split())


def shingles(text, k=5):
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {tuple(words)}
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a, b):
    sa, sb = shingles(a), shingles(b)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 1.0


def article_records(records):
    return [rec for rec in records if "id" in rec and "cluster" in rec]


def read_predictions(path):
    return article_records(read_jsonl(path))


def run_cli(cli, path, extra):
    cmd, seconds, records = run_subcommand(cli, "dedup", path, extra)
    return cmd, seconds, article_records(records)


def pairs(n):
    return n * (n - 1) // 2


def gold_groups(texts):
    """Lists of ids with the same squeezed text, groups of two or more. Empty
    texts are left out: they are not articles (the CLI rejects them)."""
    by_text = defaultdict(list)
    for i, t in texts.items():
        if t:
            by_text[t].append(i)
    return [ids for ids in by_text.values() if len(ids) > 1]


def report_recall(groups, cluster):
    gold_pairs = sum(pairs(len(g)) for g in groups)
    found = whole = 0
    per_group = []
    for g in groups:
        counts = Counter(cluster.get(i, ("missing", i)) for i in g)
        found_here = sum(pairs(c) for c in counts.values())
        found += found_here
        per_group.append(found_here / pairs(len(g)))
        whole += len(counts) == 1
    print(f"gold: {len(groups)} exact-duplicate groups, {sum(len(g) for g in groups)} articles, "
          f"{gold_pairs} pairs, largest group {max((len(g) for g in groups), default=0)}")
    if gold_pairs:
        print(f"recall of gold duplicate pairs: {found / gold_pairs:.4f} ({found}/{gold_pairs}); "
              f"mean over groups {statistics.mean(per_group):.4f}; "
              f"groups kept whole: {whole / len(groups):.4f} ({whole}/{len(groups)})")


def edges(records, texts, relation):
    """(article, duplicate_of) edges of `relation` with both ids known."""
    out = []
    for rec in records:
        other = rec.get("duplicate_of")
        if rec.get("relation") == relation and other is not None:
            if rec["id"] in texts and other in texts:
                out.append((rec["id"], other))
    return out


def histogram(values):
    bins = Counter(min(int(v * 10), 9) for v in values)
    return "  ".join(f"[{b / 10:.1f},{(b + 1) / 10:.1f}{']' if b == 9 else ')'}: {bins[b]}"
                     for b in range(10))


def report_edges(name, pairs_, texts, threshold, show_lowest=5):
    exact = [(a, b) for a, b in pairs_ if texts[a] == texts[b]]
    other = [(a, b) for a, b in pairs_ if texts[a] != texts[b]]
    print(f"{name}: {len(pairs_)} edges, {len(exact)} exact gold duplicates, "
          f"{len(other)} not exact")
    if not other:
        return
    scored = sorted((jaccard(texts[a], texts[b]), a, b) for a, b in other)
    values = [j for j, _, _ in scored]
    good = sum(1 for j in values if j >= threshold)
    print(f"  {name} not exact: precision estimate (5-shingle Jaccard >= {threshold}) "
          f"{good / len(values):.4f} ({good}/{len(values)}); Jaccard mean "
          f"{statistics.mean(values):.3f}, median {statistics.median(values):.3f}, "
          f"min {values[0]:.3f}")
    print(f"  distribution: {histogram(values)}")
    print("  lowest: " + ", ".join(f"{a}->{b} {j:.3f}" for j, a, b in scored[:show_lowest]))


def evaluate_corpus(args, name, extra):
    path = os.path.join(args.data, "corpora", CORPORA[name])
    rows = read_jsonl(path)
    texts = {r["id"]: squeeze(r["text"]) for r in rows}
    empty = sum(1 for t in texts.values() if not t)
    print(f"== {name}: {path} ({len(rows)} articles, {empty} with empty text left out of gold)")
    if args.predictions:
        print(f"predictions: {args.predictions}")
        records = read_predictions(args.predictions)
    else:
        cmd, seconds, records = run_cli(args.cli, path, extra)
        print(f"command: {shlex.join(cmd)}  ({seconds:.1f} s)")
    cluster = {rec["id"]: json.dumps(rec["cluster"]) for rec in records}
    missing = sum(1 for i in texts if i not in cluster)
    sizes = Counter(Counter(cluster.values()).values())
    print(f"predicted: {len(records)} records ({missing} articles missing), "
          f"{len(set(cluster.values()))} clusters, "
          f"{sum(n * k for n, k in sizes.items() if n > 1)} articles in clusters of 2+; "
          "relations: " + ", ".join(f"{k} {v}" for k, v in
                                    sorted(Counter(str(r.get("relation") or "null") for r in records).items())))
    report_recall(gold_groups(texts), cluster)
    report_edges("identical", edges(records, texts, "identical"), texts, args.threshold)
    report_edges("near_duplicate", edges(records, texts, "near_duplicate"), texts, args.threshold)
    print()


def main():
    argv, extra = split_extra_args(sys.argv[1:])
    parser = argparse.ArgumentParser(description="Dedup eval (see module doc).")
    parser.add_argument("cli", nargs="?", help="the twicetold binary (build/twicetold)")
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--threshold", type=float, default=0.7,
                        help="5-shingle Jaccard a near duplicate should reach")
    parser.add_argument("--predictions", help="read this saved dedup output instead of "
                        "running the CLI (needs exactly one corpus)")
    args = parser.parse_args(argv)
    names = [c for c in args.corpora.split(",") if c]
    if any(c not in CORPORA for c in names):
        parser.error(f"--corpora: choose from {','.join(CORPORA)}")
    if args.predictions and len(names) != 1:
        parser.error("--predictions needs exactly one --corpora entry")
    if not (args.cli or args.predictions):
        parser.error("give the CLI or --predictions")
    print("command line: " + shlex.join([sys.executable] + sys.argv))
    for name in names:
        evaluate_corpus(args, name, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
