"""The Python API against the CLI on the bundled examples: clean, quotes,
Deduper, StoryClusterer, errors and code-point spans (compare: test_seeds.py)."""
import concurrent.futures
import json

import pytest

import twicetold
from conftest import run_cli


def test_clean_spans_are_code_points():
    text = ("ŁÓDŹ, Poland — Café owners met on Monday.\n\n"
            "Advertisement\n\n"
            "The mayor said “we will listen” to all of them, the council’s spokesman said.")
    cleaned = twicetold.clean(text)
    if cleaned.dateline is not None:
        d = cleaned.dateline
        assert text[d.span[0]:d.span[1]].startswith("ŁÓDŹ")
    assert [r.reason for r in cleaned.removed] == ["advertisement"]
    r = cleaned.removed[0]
    assert text[r.span[0]:r.span[1]] == r.text == "Advertisement"
    for p in cleaned.paragraphs:
        assert text[p.span[0]:p.span[1]] == p.text
    assert "Advertisement" not in cleaned.text


def test_quotes_match_the_cli(cli, examples):
    article = twicetold.read(examples)[0]
    expected = run_cli(cli, "quotes", "--json", examples)[0]
    got = twicetold.quotes(article)
    assert [(q.text, list(q.span), q.quoted_text, list(q.quoted), q.mixed, q.speaker)
            for q in got] == \
        [(q["text"], q["span"], q["quoted_text"], q["quoted"], q["mixed"], q["speaker"])
         for q in expected["quotes"]]
    for q in got:
        if not q.fragment:
            assert article.body[q.span[0]:q.span[1]]


def test_quote_options_match_the_cli_flags(cli, tmp_path):
    path = tmp_path / "archive.txt"
    path.write_text("''We will rebuild the pier,'' said Ivo Petrov. Petrov said there had "
                    "been \"hundreds of complaints\" in the district.\n")
    # By default neither quotation counts: '' is no mark and the second is
    # a phrase inside a paraphrase.
    for kwargs, flags, count in [
            ({}, [], 0),
            ({"apostrophe_pairs": True}, ["--apostrophe-quotes"], 1),
            ({"embedded_phrases": True, "apostrophe_pairs": True},
             ["--embedded-phrases", "--apostrophe-quotes"], 2)]:
        got = [q.text for q in twicetold.quotes(path.read_text(), **kwargs)]
        expected = [q["text"] for q in run_cli(cli, "quotes", "--json", *flags, str(path))[0]["quotes"]]
        assert got == expected
        assert len(got) == count


def test_errors_raise_with_the_status_code():
    with pytest.raises(twicetold.Error) as e:
        twicetold.Deduper(threshold=1.5).add("x", "some words here and there")
    assert e.value.code == "invalid_argument"
    with pytest.raises(twicetold.Error) as e:
        twicetold.Deduper(bands=7)
    assert e.value.code == "invalid_argument"
    with pytest.raises(twicetold.Error):
        twicetold.StoryClusterer(join_threshold=-1)


def test_deduper_matches_the_cli(cli, examples):
    expected = run_cli(cli, "dedup", "--no-corpus-boilerplate", "--quiet", examples)
    records = [json.loads(line) for line in open(examples, encoding="utf-8")]
    d = twicetold.Deduper(threshold=0.7)
    got = d.add_many(records)
    assert [vars(x) for x in got] == expected
    assert len(d) == len(records) and d.memory_bytes() > 0
    # One at a time gives the same.
    one = twicetold.Deduper()
    assert [one.add(r["id"], r["text"], title=r.get("title", "")) for r in records] == got


def test_story_clusterer_matches_the_cli(cli, examples):
    expected = run_cli(cli, "stories", "--no-corpus-boilerplate", "--quiet", examples)
    articles = twicetold.read(examples)
    clusterer = twicetold.StoryClusterer()
    by_id = {a.id: clusterer.add(a) for a in sorted(
        articles, key=lambda a: a.published)}
    # The CLI orders the stream by date first (a stable reorder buffer).
    for e in expected:
        got = by_id[e["id"]]
        assert got.relation == (e.get("relation") or "origin"), e
    stories = clusterer.stories()
    assert sum(len(s.members) for s in stories) == len(articles)


def test_compare_on_examples_is_the_cli_json(cli, examples):
    articles = {a.id: a for a in twicetold.read(examples)}
    ids = sorted(articles)[:2]
    expected = run_cli(cli, "compare", "--json", "--a", ids[0], "--b", ids[1], examples)[0]
    c = twicetold.compare(articles[ids[0]], articles[ids[1]])
    assert c.to_dict() == expected
    assert c.relation == expected["relation"]
    # Threads (the GIL is released) give the same answer.
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        same = list(pool.map(lambda _: twicetold.compare(
            articles[ids[0]], articles[ids[1]]).to_json(), range(8)))
    assert [json.loads(x) for x in same] == [expected] * 8


def test_store_ingests_and_refuses_other_files(tmp_path, examples):
    store = twicetold.Store(tmp_path / "stories.db")
    assert len(store) == 0 and store.story_count() == 0
    assert store.stories() == [] and store.article("x") is None
    articles = twicetold.read(examples)
    stored = store.ingest(articles)
    assert len(stored) == len(articles) == len(store)
    assert store.ingest(articles[:3]) == []            # the same texts: skipped
    first = store.article(articles[0].id)
    assert first is not None and first.article.body == articles[0].body
    assert sum(s.size for s in store.stories(limit=1000)) == len(articles)
    # Opened again, the store replays and goes on.
    again = twicetold.Store(tmp_path / "stories.db")
    assert len(again) == len(articles) and again.ingest(articles[-1:]) == []
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just some bytes" * 200)
    with pytest.raises(twicetold.Error) as e:
        twicetold.Store(junk)
    assert e.value.code == "corruption"


def test_postgres_module_is_found_beside_the_extension():
    # The package carries libtwicetold_postgres.so (setup.py): a postgres://
    # URL reaches the module, whose error is the server's (nothing listens
    # on port 1), not "PostgreSQL support ... not found".
    import pathlib
    package = pathlib.Path(twicetold._twicetold.__file__).parent
    assert (package / "libtwicetold_postgres.so").is_file()
    with pytest.raises(twicetold.Error) as e:
        twicetold.Store("postgresql://twicetold:s3cret@127.0.0.1:1/store")
    message = e.value.args[0]
    assert e.value.code == "io_error", message
    assert "cannot connect" in message and "s3cret" not in message


