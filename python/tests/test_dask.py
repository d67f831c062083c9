"""twicetold.dask.dedup and Deduper give the CLI's clusters: on a generated
corpus (../shared/tools/gen_corpus.py, TWICETOLD_DASK_N documents, 20,000 by
default) over a two-worker LocalCluster, and on a small corpus whose
sources carry furniture lines (the counting pass must agree too)."""
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import twicetold
import twicetold.dask
from conftest import REPO, run_cli

GEN = REPO.parent / "shared" / "tools" / "gen_corpus.py"
N = int(os.environ.get("TWICETOLD_DASK_N", "20000"))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                       processes=True)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not GEN.exists():
        pytest.skip(f"{GEN} missing")
    if not Path("/usr/share/dict/words").exists():
        pytest.skip("/usr/share/dict/words missing (apt-get install wamerican)")
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run(["/usr/bin/python3", str(GEN), "--out", str(out), "--n", str(N)],
                   check=True, capture_output=True)
    return out / "corpus.jsonl"


def rows(frame):
    frame = frame.reset_index(drop=True)
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.to_dict("records")


@pytest.fixture(scope="module")
def cli_dedup(cli, corpus):
    expected = run_cli(cli, "dedup", "--quiet", corpus)
    assert len(expected) == N
    assert sum(e["relation"] != "origin" for e in expected) > N // 100
    return expected


def lines_bag(path):
    """The JSON lines of `path` in at least 8 partitions, whatever N."""
    blocksize = max(1 << 16, path.stat().st_size // 8)
    bag = db.read_text(str(path), blocksize=blocksize)
    assert bag.npartitions >= 8
    return bag


def test_dask_bag_of_lines_gives_the_cli_clusters(corpus, cli_dedup, client):
    got = twicetold.dask.dedup(lines_bag(corpus), threshold=0.7).compute()
    assert list(got.columns) == ["id", "cluster", "duplicate_of", "relation", "similarity"]
    assert rows(got) == cli_dedup


def test_dask_bag_of_records_gives_the_cli_clusters(corpus, cli_dedup, client):
    records = lines_bag(corpus).map(json.loads)
    got = twicetold.dask.dedup(records, threshold=0.7).compute()
    assert rows(got) == cli_dedup


def test_deduper_gives_the_cli_clusters(corpus, cli_dedup):
    d = twicetold.Deduper(threshold=0.7)
    got = d.add_many(json.loads(line) for line in open(corpus, encoding="utf-8"))
    assert [vars(x) for x in got] == cli_dedup
    assert [vars(x) for x in twicetold.Deduper().add_many(twicetold.read(corpus))] == cli_dedup


def furniture_corpus():
    """Articles from two sources whose last line is the source's furniture;
    some are copies differing only in that line, and some near copies."""
    rng = random.Random(5)
    words = ("council budget river bridge school mayor police vote market court "
             "weather harbour rail strike museum library hospital election").split()
    records, k = [], 0
    for source in ("Alpha", "Beta"):
        bases = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(8)]
        for n, base in enumerate(bases * 2):
            k += 1
            body = base + (".\n" if n < 8 else ".\n\nFiled under the local desk reports\n")
            if n % 5 == 4:
                body = body.replace(words[0], words[1], 1)
            records.append({"id": f"{source}-{k}", "title": f"Item {k}",
                            "text": body, "source": source})
    records.append({"id": "headline-only", "title": "Council votes on the river bridge"})
    records.append({"id": "rejected", "title": " ", "text": ""})
    return records


@pytest.mark.parametrize("boilerplate", [True, False])
def test_furniture_counting_matches_the_cli(cli, client, tmp_path, boilerplate):
    records = furniture_corpus()
    path = tmp_path / "furniture.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    flags = [] if boilerplate else ["--no-corpus-boilerplate"]
    expected = subprocess.run([cli, "dedup", "--quiet", *flags, str(path)],
                              capture_output=True, text=True).stdout
    expected = [json.loads(line) for line in expected.splitlines()]
    assert len(expected) == len(records) - 1
    bag = db.from_sequence(records, npartitions=3)
    got = twicetold.dask.dedup(bag, corpus_boilerplate=boilerplate).compute()
    assert rows(got) == expected
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=4)
    got = twicetold.dask.dedup(frame, corpus_boilerplate=boilerplate).compute()
    assert rows(got) == expected
    # JSON lines, some broken (the CLI rejects them), in partitions that may
    # start with a broken line.
    lines = [json.dumps(r) + "\n" for r in records]
    for k in (0, 7, 20):
        lines.insert(k, "{not json\n")
    path.write_text("".join(lines), encoding="utf-8")
    expected = subprocess.run([cli, "dedup", "--quiet", *flags, str(path)],
                              capture_output=True, text=True).stdout
    expected = [json.loads(line) for line in expected.splitlines()]
    assert len(expected) == len(records) - 1
    for blocksize in (1 << 11, 1 << 13):
        bag = db.read_text(str(path), blocksize=blocksize)
        got = twicetold.dask.dedup(bag, corpus_boilerplate=boilerplate).compute()
        assert rows(got) == expected


def test_furniture_changes_the_result(cli, tmp_path):
    """The fixture above must exercise the counting pass: with and without
    it the CLI disagrees."""
    path = tmp_path / "furniture.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in furniture_corpus()),
                    encoding="utf-8")
    with_pass = run_cli(cli, "dedup", "--quiet", path)
    without = run_cli(cli, "dedup", "--quiet", "--no-corpus-boilerplate", path)
    assert with_pass != without
