#!/usr/bin/env python3
"""Dedup throughput from Python against the CLI on one generated corpus.

    python bench/python_bench.py --cli build-rel/twicetold [--n 20000]

(run with a Python that imports twicetold: the venv of `make test` is
build/python-venv/bin/python). Prints, in MB/s of JSON lines input:
  - the CLI (`twicetold dedup`, --threads 2 and 1);
  - twicetold.Deduper.add_many (all cores and threads=1), over articles
    read by twicetold.read (the library's reader) and over records parsed
    with json.loads in the loop;
  - twicetold.dask.dedup over dask.bag.read_text (JSON lines parsed on the
    workers by the library's reader) on a LocalCluster (127.0.0.1) of 1 and
    2 workers of one thread each, and the parallel efficiency T1 / (2 T2).
Each timing is the best of --repeat runs; the Dask clusters are warmed up
on a small corpus first (worker start and imports are not counted). On a
machine shared with other work, efficiencies are lower bounds.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GEN = REPO.parent / "shared" / "tools" / "gen_corpus.py"


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def cli_run(cli, corpus, threads):
    cmd = [cli, "dedup", "--quiet", "--no-progress", "--threads", str(threads),
           str(corpus), "-o", os.devnull]
    subprocess.run(cmd, check=True)
    return cmd


def deduper_run(corpus, threads, parse):
    import twicetold
    d = twicetold.Deduper(threshold=0.7, threads=threads)
    if parse == "reader":  # the library's reader (simdjson), as the CLI
        return d.add_many(twicetold.read(corpus))
    with open(corpus, encoding="utf-8") as f:  # records parsed by Python
        return d.add_many(json.loads(line) for line in f)


def dask_cluster(workers, blocksize):
    import dask.bag as db
    import distributed
    import twicetold.dask
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0")
    client = distributed.Client(cluster)
    try:
        def once(path):
            bag = db.read_text(str(path), blocksize=blocksize)  # JSON lines
            return twicetold.dask.dedup(bag, threshold=0.7).compute()
        return client, cluster, once
    except BaseException:
        client.close()
        cluster.close()
        raise


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", required=True, help="the twicetold binary (a Release build)")
    ap.add_argument("--n", type=int, default=20000, help="documents in the corpus")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--blocksize", default="4MiB", help="Dask partition size")
    ap.add_argument("--dir", help="where the corpus is written (default: a temp dir)")
    a = ap.parse_args()

    work = Path(a.dir or tempfile.mkdtemp(prefix="twicetold-pybench-"))
    corpus = work / "corpus.jsonl"
    if not corpus.exists():
        subprocess.run(["/usr/bin/python3", str(GEN), "--out", str(work), "--n", str(a.n)],
                       check=True)
    mb = corpus.stat().st_size / 1e6
    print(f"command: {shlex.join([sys.executable] + sys.argv)}")
    print(f"corpus: {corpus} ({a.n} documents, {mb:.1f} MB); cores: {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}")

    def line(name, seconds, extra=""):
        print(f"{name:<38} {seconds:7.2f} s  {mb / seconds:7.1f} MB/s {extra}")

    cores = os.cpu_count() or 1
    cli_times = {}
    for threads in (2, 1):
        cli_times[threads], cmd = best_of(a.repeat, lambda: cli_run(a.cli, corpus, threads))
        line(f"CLI dedup --threads {threads}", cli_times[threads], f"  ({shlex.join(cmd)})")
    for parse in ("reader", "json.loads"):
        for threads in (cores, 1):
            t, _ = best_of(a.repeat, lambda: deduper_run(corpus, threads, parse))
            line(f"Python Deduper ({parse}) threads={threads}", t)

    small = work / "warmup.jsonl"
    with open(corpus, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as out:
        for _, l in zip(range(500), f):
            out.write(l)
    times = {}
    for workers in (1, 2):
        client, cluster, once = dask_cluster(workers, a.blocksize)
        try:
            once(small)
            times[workers], _ = best_of(a.repeat, lambda: once(corpus))
        finally:
            client.close()
            cluster.close()
        line(f"Dask dedup, {workers} worker(s) x 1 thread", times[workers])
    efficiency = times[1] / (2 * times[2])
    print(f"Dask parallel efficiency 1 -> 2 workers: {efficiency:.2f} "
          f"(T1 {times[1]:.2f} s, T2 {times[2]:.2f} s; goal >= 0.8)")
    print(f"for scale, the CLI's own efficiency 1 -> 2 threads in this run: "
          f"{cli_times[1] / (2 * cli_times[2]):.2f}")


if __name__ == "__main__":
    main()
