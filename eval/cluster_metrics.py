#!/usr/bin/python3
"""Clustering metrics for two labelings {item: label} of the same items.

  pairwise(gold, pred)  precision / recall / F1 over same-cluster pairs:
                        P = pairs together in both / pairs together in pred,
                        R = pairs together in both / pairs together in gold.
                        With no predicted (gold) pairs P (R) is 1.0: nothing
                        was claimed (nothing was there to find).
  bcubed(gold, pred)    B-cubed (Bagga & Baldwin 1998): per item, the share
                        of its predicted cluster that is in its gold cluster
                        (P) and of its gold cluster that is in its predicted
                        cluster (R), averaged over items; F1 of the averages.
  ari(gold, pred)       adjusted Rand index (Hubert & Arabie 1985); 1.0 for
                        the degenerate cases where both labelings are all
                        one cluster or all singletons (as scikit-learn).
  evaluate(gold, pred)  all of them plus cluster counts, as a dict.

All are computed from the contingency table in O(n). `--self-test` checks
them against brute force over all pairs on random labelings and exits
non-zero on any mismatch. Standard library only.
"""
import argparse
import random
import sys
from collections import Counter


def _check(gold, pred):
    if set(gold) != set(pred):
        missing = len(set(gold) - set(pred))
        extra = len(set(pred) - set(gold))
        raise ValueError(f"labelings differ: {missing} items only in gold, {extra} only in pred")


def _pairs(n):
    return n * (n - 1) // 2


def _table(gold, pred):
    """Contingency counts {(g, p): n}, gold sizes and predicted sizes."""
    _check(gold, pred)
    cells = Counter((gold[item], pred[item]) for item in gold)
    return cells, Counter(gold.values()), Counter(pred.values())


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def pairwise(gold, pred):
    cells, gsize, psize = _table(gold, pred)
    both = sum(_pairs(n) for n in cells.values())
    pred_pairs = sum(_pairs(n) for n in psize.values())
    gold_pairs = sum(_pairs(n) for n in gsize.values())
    p = both / pred_pairs if pred_pairs else 1.0
    r = both / gold_pairs if gold_pairs else 1.0
    return p, r, _f1(p, r)


def bcubed(gold, pred):
    cells, gsize, psize = _table(gold, pred)
    n = len(gold)
    if n == 0:
        return 1.0, 1.0, 1.0
    # Each of the n_gp items of a cell has n_gp of its cluster-mates right.
    p = sum(c * c / psize[pl] for (gl, pl), c in cells.items()) / n
    r = sum(c * c / gsize[gl] for (gl, pl), c in cells.items()) / n
    return p, r, _f1(p, r)


def ari(gold, pred):
    cells, gsize, psize = _table(gold, pred)
    total = _pairs(len(gold))
    if total == 0:
        return 1.0
    index = sum(_pairs(n) for n in cells.values())
    sum_g = sum(_pairs(n) for n in gsize.values())
    sum_p = sum(_pairs(n) for n in psize.values())
    expected = sum_g * sum_p / total
    maximum = (sum_g + sum_p) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def evaluate(gold, pred):
    pp, pr, pf = pairwise(gold, pred)
    bp, br, bf = bcubed(gold, pred)
    return {
        "items": len(gold),
        "gold_clusters": len(set(gold.values())),
        "pred_clusters": len(set(pred.values())),
        "pair_p": pp, "pair_r": pr, "pair_f1": pf,
        "b3_p": bp, "b3_r": br, "b3_f1": bf,
        "ari": ari(gold, pred),
    }


def restrict(labels, items):
    """The labeling of `items` only (items missing from `labels` are skipped)."""
    return {i: labels[i] for i in items if i in labels}


# ---- brute-force references (quadratic, obviously correct) ----

def _brute_pair_counts(gold, pred):
    items = sorted(gold)
    a = b = c = d = 0  # together in both / gold only / pred only / neither
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            g = gold[items[x]] == gold[items[y]]
            p = pred[items[x]] == pred[items[y]]
            if g and p:
                a += 1
            elif g:
                b += 1
            elif p:
                c += 1
            else:
                d += 1
    return a, b, c, d


def brute_pairwise(gold, pred):
    a, b, c, _ = _brute_pair_counts(gold, pred)
    p = a / (a + c) if a + c else 1.0
    r = a / (a + b) if a + b else 1.0
    return p, r, _f1(p, r)


def brute_bcubed(gold, pred):
    items = list(gold)
    if not items:
        return 1.0, 1.0, 1.0
    ps, rs = [], []
    for x in items:
        same_pred = [y for y in items if pred[y] == pred[x]]
        same_gold = [y for y in items if gold[y] == gold[x]]
        right = sum(1 for y in same_pred if gold[y] == gold[x])
        ps.append(right / len(same_pred))
        rs.append(right / len(same_gold))
    p, r = sum(ps) / len(items), sum(rs) / len(items)
    return p, r, _f1(p, r)


def brute_ari(gold, pred):
    # The pair-confusion form: 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)).
    a, b, c, d = _brute_pair_counts(gold, pred)
    den = (a + b) * (b + d) + (a + c) * (c + d)
    return 1.0 if den == 0 else 2 * (a * d - b * c) / den


def _random_labeling(rng, items):
    k = rng.randint(1, max(1, len(items)))
    style = rng.random()
    if style < 0.1:
        return {i: 0 for i in items}
    if style < 0.2:
        return {i: f"s{i}" for i in items}
    return {i: rng.randrange(k) for i in items}


def self_test(trials=600, seed=20240611):
    rng = random.Random(seed)
    bad = 0
    for trial in range(trials):
        n = rng.choice([0, 1, 2, 3, rng.randint(4, 15), rng.randint(16, 70)])
        items = [f"i{j}" for j in range(n)]
        gold, pred = _random_labeling(rng, items), _random_labeling(rng, items)
        checks = [("pairwise", pairwise(gold, pred), brute_pairwise(gold, pred)),
                  ("bcubed", bcubed(gold, pred), brute_bcubed(gold, pred)),
                  ("ari", (ari(gold, pred),), (brute_ari(gold, pred),))]
        for name, fast, slow in checks:
            if any(abs(x - y) > 1e-9 for x, y in zip(fast, slow)):
                bad += 1
                print(f"MISMATCH trial {trial} n={n} {name}: fast {fast} brute {slow}")
    # Fixed points a reader can check by hand.
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    fixed = [(pairwise(gold, gold), (1.0, 1.0, 1.0)), ((ari(gold, gold),), (1.0,)),
             (pairwise(gold, {"a": 1, "b": 2, "c": 3, "d": 4}), (1.0, 0.0, 0.0)),
             (bcubed(gold, {"a": 0, "b": 0, "c": 0, "d": 0}), (0.5, 1.0, 2 / 3))]
    for fast, want in fixed:
        if any(abs(x - y) > 1e-12 for x, y in zip(fast, want)):
            bad += 1
            print(f"MISMATCH fixed case: got {fast}, want {want}")
    if bad:
        print(f"cluster_metrics self-test: {bad} mismatches")
        return 1
    print(f"cluster_metrics self-test: {trials} random labelings, fast == brute force")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-test", action="store_true",
                        help="check the formulas against brute force")
    parser.add_argument("--trials", type=int, default=600)
    args = parser.parse_args()
    if args.self_test:
        return self_test(args.trials)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
