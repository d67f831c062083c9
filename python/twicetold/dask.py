"""twicetold on Dask: deduplicate a corpus spread over many machines.

    import dask.bag as db, twicetold.dask
    lines = db.read_text("corpus-*.jsonl")      # or .map(json.loads): records
    out = twicetold.dask.dedup(lines, threshold=0.7)     # a Dask DataFrame
    out.compute()          # id, cluster, duplicate_of, relation, similarity

A bag of JSON lines (strings) is parsed on the workers by the library's own
reader (simdjson), as the CLI reads a file; a bag of dicts or a DataFrame
is taken as records. Parsing JSON in Python costs more than fingerprinting.

The result is the one ``twicetold dedup`` gives on the same records in the
same order, with the same options: the online rule of DedupIndex has an
exact batch form, because each article's decision depends only on the
earlier articles' fingerprints, never on their decisions:
  - identical: the article has words and an earlier article with words has
    the same exact hash; it points to the first such article;
  - near_duplicate: otherwise, among earlier articles with words that share
    an LSH band with it (the same rows, not only the same key), those whose
    signatures agree on at least threshold * num_hashes positions; it points
    to the one agreeing most (ties: the earliest). An earlier identical copy
    never wins, as online: its twin has the same signature and comes first;
  - origin: neither (it starts a cluster).
Every pointer goes to an earlier article, so the clusters are the trees of
these pointers and a cluster is named by its root, its first article, as
the CLI names it.

Steps, each a Dask stage: (1) with corpus_boilerplate, per-partition line
counts (CorpusBoilerplate, serialized), merged in a tree and frozen, then
shipped to every fingerprinting task, as the CLI's counting pass (the input
is read twice, as by the CLI); (2) per
partition, on the workers: articles as the CLI's reader makes them from
records, fingerprints, LSH band keys; (3) exact hashes shuffled on the hash
(first article per hash); (4) (band key, article) rows shuffled on the key,
candidate pairs within each key, deduplicated; (5) pairs joined with both
signatures and verified (band rows equal, agreement >= threshold), the best
earlier article kept per article; (6) on the client, the parent array of the
duplicates (16 bytes per duplicate) is resolved to roots by pointer jumping,
and the ids of roots and parents are fetched; (7) each output partition is
assembled on the workers from its ids and its slice of the decisions.
Article order is the input order: partition i, position k is article
(i << 32) | k. Steps (1)-(6) run when dedup() is called; the returned
DataFrame holds persisted ids, so computing it does not read the input again.
"""
from __future__ import annotations

import operator
from functools import reduce
from typing import Optional

import numpy as np
import pandas as pd

import dask
import dask.bag as db
import dask.dataframe as dd
from dask import delayed

from . import _twicetold as _tt
from . import Error, article_from_record, fingerprint_options

__all__ = ["dedup"]

# The library's names of the three dedup relations.
_ORIGIN, _IDENTICAL, _NEAR_DUPLICATE = _tt.dedup_relation_names()

_META = pd.DataFrame({
    "id": pd.Series([], dtype=object), "cluster": pd.Series([], dtype=object),
    "duplicate_of": pd.Series([], dtype=object),
    "relation": pd.Series([], dtype=object),
    "similarity": pd.Series([], dtype="float64")})


def _records(part, fields):
    """Records of one input partition (a list of dicts or a pandas frame) as
    dicts keyed by the Article field names."""
    names = dict(zip(("id", "text", "title", "source", "url", "published"), fields))
    if isinstance(part, pd.DataFrame):
        cols = {k: c for k, c in names.items() if c and c in part.columns}
        frame = part[list(cols.values())]
        for row in frame.itertuples(index=False, name=None):
            rec = {}
            for key, value in zip(cols, row):
                rec[key] = None if (value is None or (isinstance(value, float)
                                                      and np.isnan(value))) else value
            yield rec
    else:
        for r in part:
            yield {k: r.get(c) for k, c in names.items() if c}


def _read_options(fields):
    o = _tt.ReadOptions()
    (o.id_field, o.body_field, o.title_field, o.source_field, o.url_field,
     o.published_field) = (f or "" for f in fields)
    o.keep_original = False
    return o


def _articles(part, number, fields):
    """(orders, articles) of partition `number`: the accepted records, each
    numbered (number << 32) | position. A partition of strings (JSON lines,
    as from dask.bag.read_text) is parsed by the library's reader, exactly
    as the CLI parses a file; records (dicts, frame rows) become Articles as
    that reader would make them. Records with neither text nor title are
    left out, as the CLI rejects them."""
    if isinstance(part, list) and part and isinstance(part[0], str):
        # "{}" first: the reader takes its input as JSON lines even when the
        # partition starts with a broken line (that line is then rejected,
        # as the CLI rejects it); the "{}" record itself is rejected.
        text = "{}\n" + "".join(l if l.endswith("\n") else l + "\n" for l in part)
        articles, _ = _tt.read_bytes(text, _read_options(fields))
        return [(number << 32) | (a.line - 2) for a in articles], articles
    orders, articles = [], []
    for k, rec in enumerate(_records(part, fields)):
        order = (number << 32) | k
        a = article_from_record(rec, fallback_id=str(order))
        if a is not None:
            orders.append(order)
            articles.append(a)
    return orders, articles


def _count(part, number, fields):
    counts = _tt.CorpusBoilerplate()
    counts.observe(_articles(part, number, fields)[1])
    return counts.serialize()


def _merge(*states):
    merged = _tt.CorpusBoilerplate()
    for s in states:
        merged.merge(_tt.CorpusBoilerplate.deserialize(s))
    return merged.serialize()


def _freeze(state):
    c = _tt.CorpusBoilerplate.deserialize(state)
    c.freeze()
    return c.serialize()


def _fingerprints(part, number, fields, fp, furniture):
    """Per partition: ids (order, id), signatures (order, hi, lo, words, sig)
    and band rows (key, order) of the articles with words."""
    orders, articles = _articles(part, number, fields)
    corpus = _tt.CorpusBoilerplate.deserialize(furniture) if furniture else None
    exact, words, minhash, keys, _ = _tt.fingerprint_arrays(
        articles, fingerprint_options(**fp), corpus)
    orders = np.asarray(orders, dtype=np.int64)
    ids = pd.DataFrame({"order": orders,
                        "id": pd.Series([a.id for a in articles], dtype=object)})
    has = words > 0
    sigs = pd.DataFrame({
        "order": orders[has],
        "hi": exact[has, 0].view(np.int64), "lo": exact[has, 1].view(np.int64),
        "sig": pd.Series([row.tobytes() for row in minhash[has]], dtype=object)})
    bands = keys.shape[1]
    rows = pd.DataFrame({"key": keys[has].reshape(-1).view(np.int64),
                         "order": np.repeat(orders[has], bands)})
    return ids, sigs, rows


def _first_of_hash(sigs):
    """(order, twin) for articles whose exact hash an earlier one has."""
    s = sigs[["order", "hi", "lo"]]
    first = s.groupby(["hi", "lo"])["order"].transform("min")
    later = s["order"] != first
    return pd.DataFrame({"order": s["order"][later].to_numpy(),
                         "twin": first[later].to_numpy()})


def _pairs(rows):
    """(i, j), i < j, for every two articles sharing a band key."""
    r = rows[["key", "order"]]
    counts = r.groupby("key")["order"].transform("size")
    r = r[counts > 1]
    p = r.merge(r, on="key", suffixes=("_i", "_j"))
    p = p[p["order_i"] < p["order_j"]]
    return pd.DataFrame({"i": p["order_i"].to_numpy(), "j": p["order_j"].to_numpy()})


def _verify(pairs, threshold, num_hashes, bands):
    """The best verified earlier article per article j: (j, i, score)."""
    out = pd.DataFrame({"j": np.array([], np.int64), "i": np.array([], np.int64),
                        "score": np.array([], np.int64)})
    if len(pairs) == 0:
        return out
    a = np.frombuffer(b"".join(pairs["sig_i"]), dtype=np.uint32).reshape(-1, num_hashes)
    b = np.frombuffer(b"".join(pairs["sig_j"]), dtype=np.uint32).reshape(-1, num_hashes)
    equal = a == b
    score = equal.sum(axis=1)
    same_band = equal.reshape(len(pairs), bands, num_hashes // bands).all(axis=2).any(axis=1)
    # The same double comparison as DedupIndex (score / m >= threshold).
    ok = same_band & (score.astype(np.float64) / float(num_hashes) >= threshold)
    v = pd.DataFrame({"j": pairs["j"].to_numpy()[ok], "i": pairs["i"].to_numpy()[ok],
                      "score": score[ok].astype(np.int64)})
    v = v.sort_values(["j", "score", "i"], ascending=[True, False, True], kind="stable")
    return v.drop_duplicates("j", keep="first")


def _partitions(data, fields):
    if isinstance(data, dd.DataFrame):
        missing = [f for f in fields[:2] if f not in data.columns]
        if missing:
            raise Error(f"invalid_argument: no column {missing[0]!r}", "invalid_argument")
        return data.to_delayed()
    if isinstance(data, db.Bag):
        return data.to_delayed()
    raise TypeError("dedup() takes a dask.bag.Bag of records or a dask DataFrame")


def _tree(fn, items, width=8):
    while len(items) > 1:
        items = [delayed(fn)(*items[k:k + width]) for k in range(0, len(items), width)]
    return items[0]


def _roots(orders, parents):
    """Root of each duplicate: follows parents (always earlier articles)
    until an article that is not a duplicate, by pointer jumping."""
    order = np.argsort(orders)
    d, p = orders[order], parents[order].copy()
    while True:
        k = np.searchsorted(d, p)
        k[k == len(d)] = 0
        dup = d[k] == p if len(d) else np.zeros(0, bool)
        if not dup.any():
            break
        p = np.where(dup, p[k], p)
    out = np.empty_like(p)
    out[order] = p
    return out


def _assemble(ids, decisions, names):
    """One output partition: its articles in input order with their decisions."""
    decided = {o: (p, c, r, s) for o, p, c, r, s in decisions[
        ["order", "parent", "cluster_order", "relation", "similarity"]].itertuples(
            index=False, name=None)}
    cluster, duplicate_of, relation, similarity = [], [], [], []
    for order, article in zip(ids["order"], ids["id"]):
        d = decided.get(order)
        cluster.append(names[d[1]] if d else article)
        duplicate_of.append(names[d[0]] if d else None)
        relation.append(d[2] if d else _ORIGIN)
        similarity.append(float(d[3]) if d else 0.0)
    return pd.DataFrame({
        "id": pd.Series(list(ids["id"]), dtype=object),
        "cluster": pd.Series(cluster, dtype=object),
        "duplicate_of": pd.Series(duplicate_of, dtype=object),
        "relation": pd.Series(relation, dtype=object),
        "similarity": pd.Series(similarity, dtype="float64")})


def dedup(data, threshold: float = 0.7, *, text: str = "text", id: str = "id",
          title: Optional[str] = "title", source: Optional[str] = "source",
          method: str = "minhash", shingle_size: int = 5, num_hashes: int = 128,
          bands: int = 32, seed: Optional[int] = None,
          corpus_boilerplate: bool = True) -> dd.DataFrame:
    """Deduplicates the records of a Dask Bag (JSON lines as strings, or
    dicts) or DataFrame, as ``twicetold dedup`` does over the same records
    in the same order.
    Returns a Dask DataFrame (id, cluster, duplicate_of, relation,
    similarity), one row per accepted record, in input order; a record with
    neither text nor title is left out (the CLI rejects it).
    corpus_boilerplate=False is ``--no-corpus-boilerplate``. A record
    without an id is named by its place in its partition here, where the
    CLI names it "file:line". Uses the
    current Dask scheduler (a distributed Client when one is active)."""
    if method != "minhash":
        raise Error("unimplemented: twicetold.dask.dedup supports method='minhash'",
                    "unimplemented")
    if not 0.0 <= threshold <= 1.0:
        raise Error(f"invalid_argument: threshold must be in [0, 1], got {threshold}",
                    "invalid_argument")
    fp = dict(shingle_size=shingle_size, num_hashes=num_hashes, bands=bands, seed=seed)
    fingerprint_options(**fp)  # validates
    fields = (id, text, title, source, "url", "published")
    parts = _partitions(data, fields)

    # The counting pass is computed on its own, like the CLI's first read:
    # each partition is read, parsed and counted in one fused task, and read
    # again by the fingerprinting pass, instead of being held in memory (and
    # moved between workers) for both passes. Only the frozen furniture
    # (8 bytes per line) comes back.
    furniture = None
    if corpus_boilerplate:
        counts = [delayed(_count)(p, k, fields) for k, p in enumerate(parts)]
        furniture, = dask.compute(delayed(_freeze)(_tree(_merge, counts)))
    made = [delayed(_fingerprints, nout=3)(p, k, fields, fp, furniture)
            for k, p in enumerate(parts)]
    ids_parts = [m[0] for m in made]
    ids_parts, sig_parts, row_parts = dask.persist(
        ids_parts, [m[1] for m in made], [m[2] for m in made])
    meta_sigs = pd.DataFrame({"order": pd.Series([], dtype=np.int64), "hi": pd.Series([], dtype=np.int64),
                              "lo": pd.Series([], dtype=np.int64), "sig": pd.Series([], dtype=object)})
    meta_rows = pd.DataFrame({"key": pd.Series([], dtype=np.int64), "order": pd.Series([], dtype=np.int64)})
    sigs = dd.from_delayed(sig_parts, meta=meta_sigs, verify_meta=False)
    rows = dd.from_delayed(row_parts, meta=meta_rows, verify_meta=False)

    twins = sigs[["order", "hi", "lo"]].shuffle("hi").map_partitions(
        _first_of_hash, meta={"order": np.int64, "twin": np.int64})
    pairs = rows.shuffle("key").map_partitions(
        _pairs, meta={"i": np.int64, "j": np.int64})
    pairs = pairs.shuffle("j").map_partitions(lambda p: p.drop_duplicates(),
                                              meta={"i": np.int64, "j": np.int64})
    sig_only = sigs[["order", "sig"]]
    pairs = pairs.merge(sig_only.rename(columns={"order": "j", "sig": "sig_j"}), on="j")
    pairs = pairs.merge(sig_only.rename(columns={"order": "i", "sig": "sig_i"}), on="i")
    best = pairs.shuffle("j").map_partitions(
        _verify, threshold, num_hashes, bands,
        meta={"j": np.int64, "i": np.int64, "score": np.int64})
    twins, best = dask.compute(twins, best)

    # Identical first (as online); a near-duplicate decision of an identical
    # copy does not count.
    best = best[~best["j"].isin(twins["order"])]
    dup = np.concatenate([twins["order"].to_numpy(np.int64), best["j"].to_numpy(np.int64)])
    parent = np.concatenate([twins["twin"].to_numpy(np.int64), best["i"].to_numpy(np.int64)])
    decisions = pd.DataFrame({
        "order": dup, "parent": parent, "cluster_order": _roots(dup, parent),
        "relation": [_IDENTICAL] * len(twins) + [_NEAR_DUPLICATE] * len(best),
        "similarity": np.concatenate([np.ones(len(twins)),
                                      best["score"].to_numpy(np.float64) / num_hashes])})
    wanted = np.unique(np.concatenate([decisions["parent"], decisions["cluster_order"]]))
    ids = dd.from_delayed(ids_parts, meta={"order": np.int64, "id": object},
                          verify_meta=False)
    named = ids[ids["order"].isin(wanted)].compute() if len(wanted) else ids.head(0)
    names = delayed(dict(zip(named["order"], named["id"])))
    slices = decisions.groupby(decisions["order"].to_numpy() >> 32)
    by_part = {k: g for k, g in slices}
    empty = decisions.head(0)
    out = [delayed(_assemble)(p, by_part.get(k, empty), names)
           for k, p in enumerate(ids_parts)]
    return dd.from_delayed(out, meta=_META, verify_meta=False)
