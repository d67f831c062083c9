#!/usr/bin/python3
"""Story clustering quality on BASIL and ECB+ (../shared/data/stories).

Runs `<cli> stories <file> -o <tmp> [extra args]` on each dataset, reads its
JSON lines {"id", "story", "relation", "duplicate_of", "similarity"} (the
story value is an opaque label) and scores them against the gold `story`
field with eval/cluster_metrics.py: pairwise P/R/F1 over same-story pairs,
B-cubed P/R/F1 and the adjusted Rand index. ECB+ is also scored per topic
split of ecbplus.split.json (train / dev / test; the topic is the part of
`story` before '_'), restricting both labelings to the split's articles.

--baseline adds a TF-IDF single-link baseline: lower-cased word tokens of
title + text, IDF log(N/df) from the file itself, cosine of TF-IDF vectors,
term weight (1 + ln count) * IDF (--baseline-tf raw: count * IDF),
union-find over pairs at or above a threshold, thresholds 0.05 .. 0.95 in
steps of 0.05. Its "best" row uses the threshold with the best pairwise F1
on the whole file (an oracle choice, so an upper bound for the baseline);
ECB+ splits also get the threshold tuned on train+dev applied to test.

Usage:
  eval/story_eval.py build/twicetold [--data ../shared/data] [--baseline]
                     [--datasets basil,ecbplus] [-- extra args for stories]
  eval/story_eval.py --datasets basil --predictions saved.jsonl
Articles missing from the predictions count as singletons (and are
reported). Standard library only; prints no dataset text.
"""
import argparse
import json
import math
import os
import re
import shlex
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster_metrics  # noqa: E402
from eval_cli import DEFAULT_DATA, read_jsonl, run_subcommand, split_extra_args  # noqa: E402

DATASETS = ("basil", "ecbplus")
HEADER = (f"{'':24} {'articles':>8} {'gold':>5} {'pred':>5} {'pair_P':>7} {'pair_R':>7} "
          f"{'pair_F1':>7} {'b3_P':>7} {'b3_R':>7} {'b3_F1':>7} {'ARI':>7}")


def read_predictions(path):
    return article_labels(read_jsonl(path))


def article_labels(lines):
    """{id: label} and the list of records, from the stories output."""
    labels, records = {}, []
    for rec in lines:
        if "id" not in rec or "story" not in rec:
            continue  # summary or other non-article lines
        labels[rec["id"]] = json.dumps(rec["story"])
        records.append(rec)
    return labels, records


def run_cli(cli, path, extra):
    cmd, seconds, lines = run_subcommand(cli, "stories", path, extra)
    labels, records = article_labels(lines)
    return cmd, seconds, labels, records


def complete(gold, pred):
    """Predictions for every gold article: missing ones become singletons."""
    missing = [i for i in gold if i not in pred]
    full = {i: pred.get(i, f"missing:{i}") for i in gold}
    return full, missing


def row(name, gold, pred):
    m = cluster_metrics.evaluate(gold, pred)
    return (f"{name:24} {m['items']:8d} {m['gold_clusters']:5d} {m['pred_clusters']:5d} "
            f"{m['pair_p']:7.3f} {m['pair_r']:7.3f} {m['pair_f1']:7.3f} {m['b3_p']:7.3f} "
            f"{m['b3_r']:7.3f} {m['b3_f1']:7.3f} {m['ari']:7.3f}")


def splits(data_dir, name, rows):
    """[(split name, article ids)]: "all", plus the ECB+ topic splits."""
    out = [("all", [r["id"] for r in rows])]
    if name != "ecbplus":
        return out
    with open(os.path.join(data_dir, "stories", "ecbplus.split.json"), encoding="utf-8") as f:
        split = json.load(f)
    for part in ("train", "dev", "test"):
        topics = set(split[part])
        out.append((part, [r["id"] for r in rows if r["story"].split("_")[0] in topics]))
    return out


def print_rows(label, gold, pred, parts):
    for part, ids in parts:
        name = label if part == "all" else f"{label} [{part}]"
        print(row(name, cluster_metrics.restrict(gold, ids), cluster_metrics.restrict(pred, ids)))


# ---- TF-IDF single-link baseline ----

def tfidf_vectors(rows, tf="log"):
    docs = [Counter(re.findall(r"\w+", ((r.get("title") or "") + "\n" + r["text"]).lower()))
            for r in rows]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    vectors = []
    for d in docs:
        v = {w: (1 + math.log(c) if tf == "log" else c) * math.log(n / df[w])
             for w, c in d.items() if df[w] < n}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def similar_pairs(vectors, floor):
    """[(cosine, i, j)] for i < j with cosine >= floor, by an inverted index."""
    postings = defaultdict(list)
    pairs = []
    for j, v in enumerate(vectors):
        acc = defaultdict(float)
        for w, x in v.items():
            for i, y in postings[w]:
                acc[i] += x * y
            postings[w].append((j, x))
        pairs.extend((s, i, j) for i, s in acc.items() if s >= floor)
    pairs.sort(reverse=True)
    return pairs


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def baseline_sweep(rows, tf):
    """{threshold: {id: label}} for thresholds 0.95, 0.90, ..., 0.05."""
    thresholds = [round(0.05 * k, 2) for k in range(19, 0, -1)]
    pairs = similar_pairs(tfidf_vectors(rows, tf), thresholds[-1] - 1e-12)
    uf = UnionFind(len(rows))
    out, p = {}, 0
    for t in thresholds:
        while p < len(pairs) and pairs[p][0] >= t - 1e-12:
            uf.union(pairs[p][1], pairs[p][2])
            p += 1
        out[t] = {r["id"]: uf.find(k) for k, r in enumerate(rows)}
    return out


def best_threshold(gold, sweep, ids):
    g = cluster_metrics.restrict(gold, ids)
    scored = [(cluster_metrics.pairwise(g, cluster_metrics.restrict(pred, ids))[2], t)
              for t, pred in sweep.items()]
    return max(scored)  # (F1, threshold); ties go to the higher threshold


def print_baseline(gold, rows, parts, tf):
    start = time.monotonic()
    sweep = baseline_sweep(rows, tf)
    f1, t = best_threshold(gold, sweep, list(gold))
    print(f"baseline: TF-IDF ({tf} tf) single link, best threshold {t:.2f} (pairwise F1 {f1:.3f}; "
          f"swept 0.05..0.95 on this file, {time.monotonic() - start:.1f} s)")
    print_rows(f"baseline@{t:.2f}", gold, sweep[t], parts)
    if len(parts) > 1:
        tune = [i for part, ids in parts if part in ("train", "dev") for i in ids]
        test = [ids for part, ids in parts if part == "test"][0]
        f1_tune, t_tune = best_threshold(gold, sweep, tune)
        print(f"baseline tuned on train+dev: threshold {t_tune:.2f} (train+dev F1 {f1_tune:.3f})")
        print(row(f"baseline@{t_tune:.2f} [test]", cluster_metrics.restrict(gold, test),
                  cluster_metrics.restrict(sweep[t_tune], test)))


def evaluate_dataset(args, name, extra):
    path = os.path.join(args.data, "stories", f"{name}.jsonl")
    rows = read_jsonl(path)
    gold = {r["id"]: r["story"] for r in rows}
    parts = splits(args.data, name, rows)
    print(f"== {name}: {path}")
    if args.predictions or args.cli:
        if args.predictions:
            print(f"predictions: {args.predictions}")
            labels, records = read_predictions(args.predictions)
        else:
            cmd, seconds, labels, records = run_cli(args.cli, path, extra)
            print(f"command: {shlex.join(cmd)}  ({seconds:.1f} s)")
        pred, missing = complete(gold, labels)
        unknown = len(set(labels) - set(gold))
        if missing or unknown:
            print(f"warning: {len(missing)} articles missing from predictions (singletons), "
                  f"{unknown} unknown ids ignored")
        relations = Counter(str(r.get("relation") or "null") for r in records)
        print("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
        print(HEADER)
        print_rows("twicetold", gold, pred, parts)
    else:
        print(HEADER)
    if args.baseline:
        print_baseline(gold, rows, parts, args.baseline_tf)
    print()


def main():
    argv, extra = split_extra_args(sys.argv[1:])
    parser = argparse.ArgumentParser(description="Story clustering eval (see module doc).")
    parser.add_argument("cli", nargs="?", help="the twicetold binary (build/twicetold)")
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--predictions", help="read this saved stories output instead of "
                        "running the CLI (needs exactly one dataset)")
    parser.add_argument("--baseline", action="store_true", help="also the TF-IDF baseline")
    parser.add_argument("--baseline-tf", choices=("log", "raw"), default="log",
                        help="baseline term weight: 1 + ln(count) (default) or the count")
    args = parser.parse_args(argv)
    names = [d for d in args.datasets.split(",") if d]
    if any(d not in DATASETS for d in names):
        parser.error(f"--datasets: choose from {','.join(DATASETS)}")
    if args.predictions and len(names) != 1:
        parser.error("--predictions needs exactly one --datasets entry")
    if not (args.cli or args.predictions or args.baseline):
        parser.error("give the CLI, --predictions or --baseline")
    print("command line: " + shlex.join([sys.executable] + sys.argv))
    for name in names:
        evaluate_dataset(args, name, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
