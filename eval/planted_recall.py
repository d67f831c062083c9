#!/usr/bin/python3
"""Recall of planted near-duplicate pairs on a generated corpus.

Reads `twicetold dedup` JSON lines ({"id", "cluster", ...}) and the truth
file that ../shared/tools/gen_corpus.py writes (near_dup_id TAB source_id);
a planted pair is found when both articles share a predicted cluster.

  eval/planted_recall.py DEDUP_OUTPUT.jsonl TRUTH.tsv
Prints `recall F (found/total)`. Standard library only.
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cluster = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            cluster[row["id"]] = row["cluster"]
    total = found = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            dup, src = line.rstrip("\n").split("\t")[:2]
            total += 1
            found += dup in cluster and cluster.get(dup) == cluster.get(src)
    print(f"recall {found / max(total, 1):.4f} ({found}/{total})")


if __name__ == "__main__":
    main()
