"""twicetold: every version of a news story, from Python.

    import twicetold
    c = twicetold.compare(text_a, text_b)
    c.relation                       # "rewrite"
    [(q.relation, q.speaker) for q in c.quotes]
    d = twicetold.Deduper(threshold=0.7)
    d.add("a1", text).cluster        # id of the cluster's first article

Spans are Python string indices (code points) into the text as given, so
``text[begin:end]`` is the span's text. Errors raise :class:`Error`, whose
``code`` is the library's status code ("invalid_argument", ...). The heavy
calls release the GIL: threads analyse, compare and fingerprint in parallel.
The C++ binding is ``twicetold._twicetold``; this module only adds names.
"""
from __future__ import annotations

import collections
import concurrent.futures
import json
import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator, List, Optional, Tuple, Union

from . import _twicetold as _tt
from ._twicetold import Article, Error

__all__ = [
    "Article", "Error", "read", "clean", "quotes", "compare", "Cleaned", "Quote",
    "Comparison", "Deduper", "Decision", "StoryClusterer", "Assignment",
    "article_from_record", "Store",
]

Span = Tuple[int, int]

Error.code = property(lambda self: self.args[1] if len(self.args) > 1 else "unknown")
Error.__doc__ = "A twicetold status: args are (message, code); .code is the code."


def read(*paths: str, id_field="id", title_field="title", text_field="text",
         source_field="source") -> List[Article]:
    """Articles from files, folders and JSON lines, read exactly as the CLI
    reads them (a text file's first line is its title). Rejected records
    raise Error unless none are rejected; use read_with_rejected to keep
    going."""
    articles, rejected = read_with_rejected(
        *paths, id_field=id_field, title_field=title_field,
        text_field=text_field, source_field=source_field)
    if rejected:
        where, reason = rejected[0]
        raise Error(f"corruption: {where}: {reason}", "corruption")
    return articles


def read_with_rejected(*paths: str, id_field="id", title_field="title",
                       text_field="text", source_field="source"):
    """(articles, [(location, reason), ...]) for the given paths."""
    options = _tt.ReadOptions()
    options.id_field, options.title_field = id_field, title_field
    options.body_field, options.source_field = text_field, source_field
    options.keep_original = False
    return _tt.read([str(p) for p in paths], options)


def _is_blank(s) -> bool:
    return s is None or (isinstance(s, str) and not s.strip())


def _id_string(value, fallback: str) -> str:
    if value is None or value == "":
        return fallback
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Error(f"corruption: id {value!r} is not a string or number", "corruption")
    return str(value)


def article_from_record(record: dict, *, fallback_id: str = "", id="id", text="text",
                        title="title", source="source", url="url",
                        published="published") -> Optional[Article]:
    """An Article from a JSON-like record, as the CLI's JSON lines reader
    makes one: a blank text with a title makes a headline-only article (the
    title is its body); a record with neither gives None (the CLI rejects
    it)."""
    def text_of(name):
        value = record.get(name) if name else None
        return "" if value is None else str(value)

    body = record.get(text)
    a = Article(body="" if _is_blank(body) else body,
                id=_id_string(record.get(id), fallback_id), title=text_of(title),
                source=text_of(source), url=text_of(url), published=text_of(published))
    if a.body == "":
        if _is_blank(a.title):
            return None
        a.body, a.headline_only = a.title.strip(), True
    return a


def _as_article(x: Union[str, Article, dict], default_id: str) -> Article:
    if isinstance(x, Article):
        return x
    if isinstance(x, dict):
        a = article_from_record(x, fallback_id=default_id)
        if a is None:
            raise Error("corruption: no title and no text (empty record)", "corruption")
        return a
    if isinstance(x, str):
        return Article(body=x, id=default_id)
    raise TypeError(f"expected a str, dict or twicetold.Article, got {type(x).__name__}")


# ---------------------------------------------------------------- clean

@dataclass(frozen=True)
class Removal:
    reason: str   # "repeated_line", "caption", "advertisement", ...
    span: Span
    text: str


@dataclass(frozen=True)
class Dateline:
    place: str
    outlet: str
    span: Span


@dataclass(frozen=True)
class Paragraph:
    kind: str     # "paragraph", "heading", "list_item"
    span: Span
    text: str


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    span: Span
    text: str


@dataclass(frozen=True)
class Cleaned:
    """An article body with boilerplate removed (``twicetold clean``)."""
    original: str         # the body as given; every span indexes it
    text: str             # the body with removed lines and the dateline cut
    dateline: Optional[Dateline]
    removed: List[Removal]
    paragraphs: List[Paragraph]
    sentences: List[Sentence]


def clean(text: Union[str, Article], title: Optional[str] = None) -> Cleaned:
    article = _as_article(text, "")
    if title is not None:
        article.title = title
    an = _tt.analyze(article)
    body = an.article.body
    d = an.dateline
    return Cleaned(
        original=body, text=an.text,
        dateline=Dateline(d[0], d[1], tuple(d[2])) if d else None,
        removed=[Removal(r, tuple(s), t) for r, s, t in an.removed],
        paragraphs=[Paragraph(k, tuple(s), body[s[0]:s[1]]) for k, s in an.paragraphs],
        sentences=[Sentence(p, tuple(s), body[s[0]:s[1]]) for p, s in an.sentences])


# ---------------------------------------------------------------- quotes

@dataclass(frozen=True)
class Quote:
    """What a speaker is reported as saying, as `twicetold quotes --json`
    gives it: `text`/`span` are the quoted words, or for a mixed quotation
    (quoted words inside a reported clause: 'X called the plan "a gift"')
    that clause; `quoted_text`/`quoted` are always the quoted words."""
    text: str                 # normalized, without the outer marks
    span: Span
    quoted_text: str          # the quoted words (normalized), without the marks
    quoted: Span
    mixed: bool
    speaker: str              # full name as first introduced, or ""
    speaker_span: Optional[Span]
    fragment: bool
    in_heading: bool
    title: bool


def quotes(text: Union[str, Article], max_fragment_words: int = 4,
           embedded_phrases: bool = False, apostrophe_pairs: bool = False) -> List[Quote]:
    """Direct quotations with speakers. embedded_phrases: also words quoted
    inside a paraphrase ('said there were "hundreds of complaints" in the
    city'); apostrophe_pairs: read '' as a double quotation mark (ASCII
    archives)."""
    an = _tt.analyze(_as_article(text, ""))
    return [Quote(t, tuple(s), qt, tuple(qs), m, sp, tuple(ss) if ss else None, f, h, ti)
            for t, s, qt, qs, m, sp, ss, f, h, ti in
            an.quotes(max_fragment_words, embedded_phrases, apostrophe_pairs)]


# ---------------------------------------------------------------- compare

@dataclass(frozen=True)
class Passage:
    """One entry of the alignment: sentences of A and B that correspond, or a
    sentence only one version has. Spans index each article's body."""
    kind: str                 # "same", "edited", "paraphrased", "only_a", "only_b"
    similarity: float
    a_span: Optional[Span]
    b_span: Optional[Span]
    a_text: Optional[str]
    b_text: Optional[str]


@dataclass(frozen=True)
class QuoteComparison:
    relation: str             # "identical", "extended", "trimmed", "altered", "only_a", "only_b"
    speaker: str
    a_text: Optional[str]
    b_text: Optional[str]
    a_span: Optional[Span]
    b_span: Optional[Span]
    diff: list = field(default_factory=list)


@dataclass(frozen=True)
class Fact:
    kind: str                 # "number", "date", "person", "place", ...
    text: str
    span: Span


@dataclass(frozen=True)
class Facts:
    only_a: List[Fact]
    only_b: List[Fact]


# The JSON groups facts by kind, in the plural.
_FACT_KINDS = {"numbers": "number", "dates": "date", "people": "person", "places": "place",
               "organizations": "organization", "names": "name"}


def _span(x) -> Optional[Span]:
    return tuple(x) if x is not None else None


def _side(entry, side):
    """The sub-object of a JSON entry for one side ("a" or "b"), or None."""
    value = entry.get(side)
    return value if isinstance(value, dict) else None


class Comparison:
    """How two versions of a story relate (``twicetold compare``).

    relation, scores and model come from the library; alignment, quotes and
    facts are read from the library's JSON encoding, the same object as
    ``compare --json`` (to_dict())."""

    def __init__(self, handle, a: Article, b: Article):
        self._h, self.a, self.b = handle, a, b
        self._dict = None

    relation = property(lambda self: self._h.relation)
    scores = property(lambda self: self._h.scores)
    model = property(lambda self: self._h.model)

    def to_json(self) -> str:
        return self._h.to_json()

    def to_dict(self) -> dict:
        if self._dict is None:
            self._dict = json.loads(self._h.to_json())
        return self._dict

    def to_html(self) -> str:
        return self._h.to_html()

    def to_text(self) -> str:
        return self._h.to_text()

    @property
    def alignment(self) -> List[Passage]:
        out = []
        for p in self.to_dict()["alignment"]:
            a, b = _span(p.get("a")), _span(p.get("b"))
            out.append(Passage(p["kind"], p.get("similarity", 0.0), a, b,
                               self.a.body[a[0]:a[1]] if a else None,
                               self.b.body[b[0]:b[1]] if b else None))
        return out

    @property
    def quotes(self) -> List[QuoteComparison]:
        out = []
        for q in self.to_dict()["quotes"]:
            a, b = _side(q, "a"), _side(q, "b")
            out.append(QuoteComparison(
                q["relation"], q.get("speaker") or "",
                a["text"] if a else None, b["text"] if b else None,
                _span(a["span"]) if a else None, _span(b["span"]) if b else None,
                q.get("diff") or []))
        return out

    @property
    def facts(self) -> Facts:
        f = self.to_dict()["facts"]
        make = lambda side: [Fact(_FACT_KINDS.get(group, group), x["text"], _span(x["span"]))
                             for group, xs in side.items() for x in xs]
        return Facts(make(f["only_a"]), make(f["only_b"]))

    def __repr__(self):
        return f"Comparison(relation={self.relation!r}, a={self.a.id!r}, b={self.b.id!r})"


def compare(a: Union[str, Article, dict], b: Union[str, Article, dict]) -> Comparison:
    """Compares two versions: strings (bodies), records or Articles."""
    article_a, article_b = _as_article(a, "a"), _as_article(b, "b")
    handle = _tt.compare(_tt.analyze(article_a), _tt.analyze(article_b))
    return Comparison(handle, article_a, article_b)


# ---------------------------------------------------------------- dedup

@dataclass(frozen=True)
class Decision:
    """How an added article relates to the earlier ones (``twicetold dedup``)."""
    id: str
    cluster: str                  # id of the cluster's first article
    duplicate_of: Optional[str]   # the most similar earlier article
    relation: str                 # "origin", "identical", "near_duplicate"
    similarity: float             # 1 identical, estimated Jaccard, 0 origin


def fingerprint_options(shingle_size=5, num_hashes=128, bands=32, seed=None):
    o = _tt.FingerprintOptions()
    o.shingle_size, o.num_hashes, o.bands = shingle_size, num_hashes, bands
    if seed is not None:
        o.seed = seed
    o.validate()
    return o


def dedup_options(threshold=0.7, method="minhash", simhash_distance=3, **fingerprint):
    if method not in ("minhash", "simhash"):
        raise Error(f"invalid_argument: method must be minhash or simhash, got {method!r}",
                    "invalid_argument")
    o = _tt.DedupOptions()
    o.fingerprint = fingerprint_options(**fingerprint)
    o.method = getattr(_tt.DedupMethod, method)
    o.near_duplicate_jaccard = threshold
    o.simhash_max_distance = simhash_distance
    return o


def _item_article(item, number: int) -> Article:
    if isinstance(item, tuple):
        return Article(body=item[1], id=_id_string(item[0], str(number)))
    return _as_article(item, str(number))


class Deduper:
    """Online identical / near-duplicate detection, the CLI's ``dedup``.

    Articles are numbered in the order they are added; each is compared with
    every earlier one (MinHash LSH, verified on the whole signature). A
    duplicate joins the cluster of the earlier article it is most similar
    to (ties: the earliest), so a cluster is named by its first article.
    Not thread-safe: one writer. Unlike ``twicetold dedup`` over files, no
    corpus-wide furniture pass runs (it needs the whole corpus first), as
    with ``dedup --no-corpus-boilerplate``; for articles without a source
    the two are the same.
    """

    def __init__(self, threshold: float = 0.7, method: str = "minhash", *,
                 shingle_size: int = 5, num_hashes: int = 128, bands: int = 32,
                 simhash_distance: int = 3, seed: Optional[int] = None,
                 threads: Optional[int] = None, batch: int = 256):
        self.options = dedup_options(threshold, method, simhash_distance,
                                     shingle_size=shingle_size, num_hashes=num_hashes,
                                     bands=bands, seed=seed)
        self._index = _tt.DedupIndex(self.options)
        self._added = 0
        self._threads = threads or os.cpu_count() or 1
        self._batch = batch

    def __len__(self) -> int:
        return self._added

    def memory_bytes(self) -> int:
        return self._index.memory_bytes()

    @property
    def version(self) -> str:
        """Fingerprint and decision options, as written into outputs."""
        return self.options.version()

    def add(self, id, text: Union[str, Article, dict, None] = None, *,
            title: str = "", source: str = "") -> Decision:
        """Adds one article: ``add(id, text)`` or ``add(article)``."""
        if text is None:
            article = _as_article(id, str(self._added))
        else:
            article = Article(body=text, id=_id_string(id, str(self._added)),
                              title=title, source=source)
        return self._add_batch([article])[0]

    def add_many(self, items: Iterable) -> List[Decision]:
        """Adds (id, text) pairs, records (dicts) or Articles, in order.
        Fingerprints are computed by `threads` threads in batches."""
        return list(self.iter_add(items))

    def iter_add(self, items: Iterable) -> Iterator[Decision]:
        """add_many as a generator: decisions in input order as they come."""
        options = self.options.fingerprint
        pending = collections.deque()
        with concurrent.futures.ThreadPoolExecutor(self._threads) as pool:
            for batch in self._batches(items):
                pending.append((batch, pool.submit(_tt.fingerprint_many, batch, options)))
                if len(pending) > 2 * self._threads:
                    yield from self._consume(*pending.popleft())
            while pending:
                yield from self._consume(*pending.popleft())

    def _batches(self, items):
        batch, number = [], self._added
        for item in items:
            batch.append(_item_article(item, number))
            number += 1
            if len(batch) == self._batch:
                yield batch
                batch = []
        if batch:
            yield batch

    def _consume(self, batch, future):
        return self._decide(batch, future.result())

    def _add_batch(self, articles):
        return self._decide(articles, _tt.fingerprint_many(articles, self.options.fingerprint))

    def _decide(self, articles, fingerprints):
        ids = [a.id for a in articles]
        decisions = self._index.add_many(ids, fingerprints)
        self._added += len(ids)
        return [Decision(i, *d) for i, d in zip(ids, decisions)]


# ---------------------------------------------------------------- stories

@dataclass(frozen=True)
class Assignment:
    """An article's place in the stories (``twicetold stories``)."""
    id: str
    story: int                # story number, in order of creation
    relation: str             # "origin" for a story's first member, else compare's relation
    closest: Optional[str]    # id of the most similar earlier member
    similarity: float


@dataclass(frozen=True)
class Story:
    story: int
    members: List[str]        # ids, in stream order
    origin: str               # id of the likely original
    title: str
    first_seen: str
    last_seen: str


class StoryClusterer:
    """Online, time-windowed story clustering. Add articles in published
    order (undated ones take the latest date seen). Not thread-safe."""

    def __init__(self, *, window_days: float = 7, max_story_age_days: float = 7,
                 join_threshold: Optional[float] = None,
                 join_threshold_undated: Optional[float] = None,
                 max_candidates: Optional[int] = None):
        o = _tt.StoryOptions()
        o.window_days, o.max_story_age_days = window_days, max_story_age_days
        if join_threshold is not None:
            o.join_threshold = join_threshold
        if join_threshold_undated is not None:
            o.join_threshold_undated = join_threshold_undated
        if max_candidates is not None:
            o.max_candidates = max_candidates
        o.validate()
        self.options = o
        self._clusterer = _tt.StoryClusterer(o)
        self._added = 0

    @property
    def model_version(self) -> str:
        return self.options.version()

    def __len__(self) -> int:
        return self._added

    def add(self, article: Union[Article, dict, str]) -> Assignment:
        article = _as_article(article, str(self._added))
        id, story, relation, closest, similarity = self._clusterer.add(article, self.options)
        self._added += 1
        return Assignment(id, story, relation or "origin", closest, similarity)

    def add_many(self, articles: Iterable) -> List[Assignment]:
        return [self.add(a) for a in articles]

    def stories(self) -> List[Story]:
        return [Story(s.story, list(s.members), s.origin, s.title, s.first_seen, s.last_seen)
                for s in self._clusterer.stories()]


# ---------------------------------------------------------------- store

class Store:
    """The store of ingested articles (store.h, ingest.h): a SQLite file path.

    ingest() places articles in stories and stores them durably (articles
    already stored with the same text are skipped; an id that comes again
    with another text is stored as a new version); ingest_files() reads
    files as ``twicetold ingest`` does. stories(), story(), members(),
    article(id) and articles(id) read it back. The first ingest replays the
    store to restore the story index. Not thread-safe: one Store per thread."""

    def __init__(self, path_or_url: Union[str, "os.PathLike[str]"]):
        self._s = _tt.Store(os.fspath(path_or_url))
        self._ingester = None

    def __repr__(self):
        return f"Store({self._s.describe()!r})"

    @property
    def versions(self) -> Tuple[str, str]:
        """(fingerprint version, story model version) it was written with."""
        return self._s.versions()

    def __len__(self) -> int:
        return self._s.article_count()

    def story_count(self) -> int:
        return self._s.story_count()

    def size_bytes(self) -> int:
        return self._s.size_bytes()

    def stories(self, limit: int = 50, offset: int = 0, title: str = "", since: str = ""):
        """Stories by newest activity first (StoredStory objects)."""
        return self._s.stories(limit, offset, title, since)

    def story(self, number: int):
        return self._s.find_story(number)

    def members(self, story: int):
        return self._s.members(story)

    def article(self, id: str):
        """The newest stored version of `id`, or None."""
        return self._s.find_latest(id)

    def articles(self, id: str):
        """Every stored version of `id`, oldest first."""
        return self._s.versions_of(id)

    def _open(self):
        if self._ingester is None:
            self._ingester = _tt.open_ingester(self._s)
        return self._ingester

    def ingest(self, articles: Iterable) -> list:
        """Ingests articles (Articles, records or (id, text) pairs) in the
        given order, in one durable transaction; returns the StoredArticles
        placed (skipped ones are left out)."""
        batch = [_item_article(a, str(k)) for k, a in enumerate(articles)]
        stored, _skipped = self._open().add(batch)
        return stored

    def ingest_files(self, *paths) -> dict:
        """Reads and ingests files as ``twicetold ingest`` does; returns the
        summary's counts."""
        return self._open().ingest_files([os.fspath(p) for p in paths])
