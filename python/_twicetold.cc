// twicetold._twicetold: the pybind11 binding of the public headers. It only
// binds: Pythonic names, defaults and sugar live in python/twicetold/*.py.
//
// Conventions at this edge:
//   - a non-ok Status raises twicetold.Error(message, code) (Unwrap, the one
//     place Status becomes an exception);
//   - every span is a (begin, end) pair of code points into the article body
//     as given, so body[begin:end] in Python is the text (CodePointIndex);
//   - the GIL is released around every call that analyses, compares or
//     fingerprints text, so Python threads run those in parallel.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/corpus_boilerplate.h"
#include "twicetold/dedup.h"
#include "twicetold/document.h"
#include "twicetold/fingerprint.h"
#include "twicetold/ingest.h"
#include "twicetold/io.h"
#include "twicetold/quote.h"
#include "twicetold/report.h"
#include "twicetold/span.h"
#include "twicetold/status.h"
#include "twicetold/store.h"
#include "twicetold/story.h"

namespace py = pybind11;

namespace twicetold::python {
namespace {

// Thrown by Unwrap, translated into twicetold.Error by the module.
struct StatusError {
  Status status;
};

void Check(const Status& status) {
  if (!status.ok()) throw StatusError{status};
}

template <typename T>
T Unwrap(Result<T>&& result) {
  Check(result.status());
  return std::move(result).value();
}

using PySpan = std::pair<uint32_t, uint32_t>;

PySpan ToPy(const CodePointIndex& index, Span byte_span) {
  const Span cp = index.Convert(byte_span);
  return {cp.begin, cp.end};
}

// An analysed article with the code-point index of its body, shared by the
// Python objects made from it.
struct Analyzed {
  AnalyzedArticle a;
  CodePointIndex index;

  explicit Analyzed(AnalyzedArticle analyzed)
      : a(std::move(analyzed)), index(a.article.body) {}

  PySpan Body(Span normalized) const { return ToPy(index, a.ToBody(normalized)); }
};
using AnalyzedPtr = std::shared_ptr<Analyzed>;

AnalyzedPtr AnalyzeArticle(Article article) {
  py::gil_scoped_release release;
  return std::make_shared<Analyzed>(Analyze(std::move(article), AnalyzeOptions{}));
}

py::list Removed(const Analyzed& an) {
  py::list out;
  for (const Removal& r : an.a.cleaned.removed) {
    out.append(py::make_tuple(RemovalReasonName(r.reason), ToPy(an.index, r.span), r.text));
  }
  return out;
}

py::object DatelineOf(const Analyzed& an) {
  if (!an.a.cleaned.dateline) return py::none();
  const Dateline& d = *an.a.cleaned.dateline;
  return py::make_tuple(d.place, d.outlet, ToPy(an.index, d.span));
}

py::list Paragraphs(const Analyzed& an) {
  py::list out;
  for (const Block& b : an.a.segments.blocks) {
    out.append(py::make_tuple(BlockKindName(b.kind), an.Body(b.span)));
  }
  return out;
}

py::list Sentences(const Analyzed& an) {
  py::list out;
  for (const Sentence& s : an.a.segments.sentences) {
    out.append(py::make_tuple(s.block, an.Body(s.span)));
  }
  return out;
}

// (text, span, quoted_text, quoted, mixed, speaker, speaker_span or None,
// fragment, in_heading, title); text and span as in QuotesToJson (json.h):
// for a mixed quotation, its clause.
py::list QuotesOf(const Analyzed& an, uint32_t max_fragment_words, bool embedded_phrases,
                  bool apostrophe_pairs) {
  QuoteOptions options;
  options.max_fragment_words = max_fragment_words;
  options.embedded_phrases = embedded_phrases;
  options.apostrophe_pairs = apostrophe_pairs;
  std::vector<Quote> quotes;
  {
    py::gil_scoped_release release;
    quotes = ExtractQuotes(an.a, options);
  }
  py::list out;
  for (const Quote& q : quotes) {
    py::object speaker_span = py::none();
    if (q.speaker_span) speaker_span = py::cast(an.Body(*q.speaker_span));
    const Span statement = q.clause ? *q.clause : q.span;
    const std::string text = q.clause ? std::string(an.a.Text(*q.clause)) : q.text;
    out.append(py::make_tuple(text, an.Body(statement), q.text, an.Body(q.span),
                              q.clause.has_value(), q.speaker, speaker_span,
                              q.fragment, q.in_heading, q.title));
  }
  return out;
}

// A comparison with the two analysed articles its reports need.
struct ComparisonHandle {
  AnalyzedPtr a;
  AnalyzedPtr b;
  Comparison c;
};

std::shared_ptr<ComparisonHandle> CompareAnalyzed(AnalyzedPtr a, AnalyzedPtr b) {
  auto handle = std::make_shared<ComparisonHandle>();
  handle->a = std::move(a);
  handle->b = std::move(b);
  std::optional<Result<Comparison>> c;
  {
    py::gil_scoped_release release;
    c.emplace(Compare(handle->a->a, handle->b->a, CompareOptions{}));
  }
  handle->c = Unwrap(std::move(*c));
  return handle;
}

template <typename Render>
std::string RenderComparison(const ComparisonHandle& h, Render render) {
  py::gil_scoped_release release;
  return render(h.a->a, h.b->a, h.c);
}

// Decisions as (cluster id, duplicate_of id or None, relation, similarity).
using PyDecision =
    std::tuple<std::string, std::optional<std::string>, std::string_view, double>;

PyDecision ToPy(DedupDecision&& d) {
  return {std::move(d.cluster), std::move(d.duplicate_of), DedupRelationName(d.relation),
          d.similarity};
}

std::vector<Fingerprint> FingerprintMany(const std::vector<Article>& articles,
                                         const FingerprintOptions& options) {
  py::gil_scoped_release release;
  std::vector<Fingerprint> out;
  out.reserve(articles.size());
  for (const Article& a : articles) out.push_back(FingerprintArticle(a, options));
  return out;
}

// Adds ids[i] with fps[i], in order.
std::vector<PyDecision> AddMany(DedupIndex& index, const std::vector<std::string>& ids,
                                const std::vector<Fingerprint>& fps) {
  if (ids.size() != fps.size()) {
    Check(InvalidArgumentError("add_many: " + std::to_string(ids.size()) + " ids for " +
                               std::to_string(fps.size()) + " fingerprints"));
  }
  std::vector<DedupDecision> decisions;
  {
    py::gil_scoped_release release;
    decisions.reserve(fps.size());
    for (size_t i = 0; i < fps.size(); ++i) decisions.push_back(index.Add(ids[i], fps[i]));
  }
  std::vector<PyDecision> out;
  out.reserve(decisions.size());
  for (DedupDecision& d : decisions) out.push_back(ToPy(std::move(d)));
  return out;
}

// Fingerprints as arrays for the Dask path: exact (n, 2) uint64, words (n)
// uint32, minhash (n, num_hashes) uint32 and band keys (n, bands) uint64;
// rows of articles without words are zero. `furniture` (may be None) is a
// frozen CorpusBoilerplate.
py::tuple FingerprintArrays(const std::vector<Article>& articles,
                            FingerprintOptions options,
                            const CorpusBoilerplate* furniture) {
  const size_t n = articles.size(), m = options.num_hashes, b = options.bands;
  py::array_t<uint64_t> exact({n, size_t{2}});
  py::array_t<uint32_t> words(n);
  py::array_t<uint32_t> minhash({n, m});
  py::array_t<uint64_t> keys({n, b});
  py::array_t<uint32_t> removed(n);
  options.clean.corpus = furniture;
  auto e = exact.mutable_unchecked<2>();
  auto w = words.mutable_unchecked<1>();
  auto mh = minhash.mutable_unchecked<2>();
  auto k = keys.mutable_unchecked<2>();
  auto r = removed.mutable_unchecked<1>();
  {
    py::gil_scoped_release release;
    for (size_t i = 0; i < n; ++i) {
      const Fingerprint fp = FingerprintArticle(articles[i], options);
      e(i, 0) = fp.exact_high;
      e(i, 1) = fp.exact_low;
      w(i) = fp.words;
      r(i) = fp.source_repeat_lines;
      const bool full = fp.minhash.size() == m;
      const std::vector<uint64_t> band_keys =
          full ? BandKeys(fp, options) : std::vector<uint64_t>{};
      for (size_t j = 0; j < m; ++j) mh(i, j) = full ? fp.minhash[j] : 0;
      for (size_t j = 0; j < b; ++j) k(i, j) = full ? band_keys[j] : 0;
    }
  }
  return py::make_tuple(exact, words, minhash, keys, removed);
}

// (id, story, relation or None for an origin, closest id or None, similarity)
using PyAssignment = std::tuple<std::string, uint64_t, std::optional<std::string_view>,
                                std::optional<std::string>, double>;

PyAssignment AddStory(StoryClusterer& clusterer, Article article,
                      const StoryOptions& options) {
  StoryAssignment a;
  {
    py::gil_scoped_release release;
    a = clusterer.Add(StoryClusterer::Prepare(std::move(article), options));
  }
  std::optional<std::string_view> relation;
  if (a.relation) relation = RelationName(*a.relation);
  return {std::move(a.id), a.story, relation, std::move(a.closest), a.similarity};
}

py::tuple ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options) {
  std::optional<Result<ReadResult>> read;
  {
    py::gil_scoped_release release;
    read.emplace(ReadAll(paths, options));
  }
  ReadResult result = Unwrap(std::move(*read));
  py::list rejected;
  for (const Rejected& r : result.rejected) {
    rejected.append(py::make_tuple(r.location.ToString(), r.reason));
  }
  return py::make_tuple(std::move(result.articles), rejected);
}

// Records in `bytes` (JSON lines, or one text article), read exactly as the
// CLI reads standard input: (articles, [(line, reason)]). Each article's
// `line` is its 1-based line in `bytes`.
py::tuple ReadBytes(const std::string& bytes, ReadOptions options) {
  std::vector<Article> articles;
  std::vector<Rejected> rejected;
  std::optional<Result<ReadSummary>> read;
  {
    py::gil_scoped_release release;
    options.stdin_bytes = &bytes;
    read.emplace(ReadInputs(
        {"-"}, options, [&](Article&& a) { articles.push_back(std::move(a)); },
        [&](Rejected&& r) { rejected.push_back(std::move(r)); }));
  }
  Unwrap(std::move(*read));
  py::list reasons;
  for (const Rejected& r : rejected) reasons.append(py::make_tuple(r.location.line, r.reason));
  return py::make_tuple(std::move(articles), reasons);
}

py::dict ScoresDict(const CompareScores& s) {
  py::dict d;
  d["jaccard"] = s.jaccard;
  d["containment_a_in_b"] = s.containment_a_in_b;
  d["containment_b_in_a"] = s.containment_b_in_a;
  d["words_a"] = s.words_a;
  d["words_b"] = s.words_b;
  d["sentences_a"] = s.sentences_a;
  d["sentences_b"] = s.sentences_b;
  d["longest_run"] = s.longest_run;
  d["longest_run_outside_quotes"] = s.longest_run_outside_quotes;
  d["run_coverage_outside_quotes"] = s.run_coverage_outside_quotes;
  d["prose_run_coverage"] = s.prose_run_coverage;
  d["term_similarity"] = s.term_similarity;
  d["content_similarity"] = s.content_similarity;
  d["topic_similarity"] = s.topic_similarity;
  d["shared_rare_names"] = s.shared_rare_names;
  d["name_overlap"] = s.name_overlap;
  d["shared_names"] = s.shared_names;
  d["shared_quotes"] = s.shared_quotes;
  d["order_agreement"] = s.order_agreement;
  d["aligned_fraction_a"] = s.aligned_fraction_a;
  d["aligned_fraction_b"] = s.aligned_fraction_b;
  d["story_score"] = s.story_score;
  d["days_apart"] = s.days_apart ? py::cast(*s.days_apart) : py::none();
  return d;
}

void BindArticle(py::module_& m) {
  py::class_<Article>(m, "Article")
      .def(py::init([](std::string body, std::string id, std::string title,
                       std::string source, std::string url, std::string published) {
             Article a;
             a.body = std::move(body);
             a.id = std::move(id);
             a.title = std::move(title);
             a.source = std::move(source);
             a.url = std::move(url);
             a.published = std::move(published);
             return a;
           }),
           py::arg("body"), py::arg("id") = "", py::arg("title") = "",
           py::arg("source") = "", py::arg("url") = "", py::arg("published") = "")
      .def_readwrite("id", &Article::id)
      .def_readwrite("title", &Article::title)
      .def_readwrite("body", &Article::body)
      .def_readwrite("source", &Article::source)
      .def_readwrite("url", &Article::url)
      .def_readwrite("published", &Article::published)
      .def_readwrite("headline_only", &Article::headline_only)
      .def_property_readonly("line", [](const Article& a) { return a.location.line; })
      .def("__repr__", [](const Article& a) {
        return "Article(id=" + py::repr(py::str(a.id)).cast<std::string>() + ")";
      });
}

void BindAnalysis(py::module_& m) {
  py::class_<Analyzed, AnalyzedPtr>(m, "Analyzed")
      .def_property_readonly("article", [](const Analyzed& an) { return an.a.article; })
      .def_property_readonly("text", [](const Analyzed& an) { return an.a.cleaned.text.text; })
      .def_property_readonly("removed", &Removed)
      .def_property_readonly("dateline", &DatelineOf)
      .def_property_readonly("paragraphs", &Paragraphs)
      .def_property_readonly("sentences", &Sentences)
      .def("quotes", &QuotesOf, py::arg("max_fragment_words") = 4,
           py::arg("embedded_phrases") = false, py::arg("apostrophe_pairs") = false);
  m.def("analyze", &AnalyzeArticle, py::arg("article"));

  py::class_<ComparisonHandle, std::shared_ptr<ComparisonHandle>>(m, "ComparisonHandle")
      .def_property_readonly("relation",
                             [](const ComparisonHandle& h) { return RelationName(h.c.relation); })
      .def_property_readonly("scores", [](const ComparisonHandle& h) { return ScoresDict(h.c.scores); })
      .def_property_readonly("model", [](const ComparisonHandle& h) { return h.c.model; })
      .def("to_json", [](const ComparisonHandle& h) { return RenderComparison(h, ComparisonToJson); })
      .def("to_html", [](const ComparisonHandle& h) { return RenderComparison(h, ComparisonToHtml); })
      .def("to_text", [](const ComparisonHandle& h) { return RenderComparison(h, ComparisonToText); });
  m.def("compare", &CompareAnalyzed, py::arg("a"), py::arg("b"));
  m.def("compare_model_version", [] { return CompareModelVersion(); });
}

void BindDedup(py::module_& m) {
  py::class_<FingerprintOptions>(m, "FingerprintOptions")
      .def(py::init<>())
      .def_readwrite("shingle_size", &FingerprintOptions::shingle_size)
      .def_readwrite("num_hashes", &FingerprintOptions::num_hashes)
      .def_readwrite("bands", &FingerprintOptions::bands)
      .def_readwrite("seed", &FingerprintOptions::seed)
      .def("version", [](const FingerprintOptions& o) { return FingerprintVersion(o); })
      .def("validate", [](const FingerprintOptions& o) { Check(ValidateFingerprintOptions(o)); });
  py::enum_<DedupMethod>(m, "DedupMethod")
      .value("minhash", DedupMethod::kMinHash)
      .value("simhash", DedupMethod::kSimHash);
  py::class_<DedupOptions>(m, "DedupOptions")
      .def(py::init<>())
      .def_readwrite("fingerprint", &DedupOptions::fingerprint)
      .def_readwrite("method", &DedupOptions::method)
      .def_readwrite("near_duplicate_jaccard", &DedupOptions::near_duplicate_jaccard)
      .def_readwrite("simhash_max_distance", &DedupOptions::simhash_max_distance)
      .def("version", [](const DedupOptions& o) { return DedupVersion(o); });
  // The names of DedupRelation, in enum order (origin, identical,
  // near_duplicate), so Python spells relations as the library does.
  m.def("dedup_relation_names", [] {
    return std::vector<std::string_view>{DedupRelationName(DedupRelation::kOrigin),
                                         DedupRelationName(DedupRelation::kIdentical),
                                         DedupRelationName(DedupRelation::kNearDuplicate)};
  });
  py::class_<Fingerprint>(m, "Fingerprint")
      .def_readonly("words", &Fingerprint::words)
      .def_readonly("shingles", &Fingerprint::shingles)
      .def_readonly("simhash", &Fingerprint::simhash)
      .def_property_readonly("exact", [](const Fingerprint& f) {
        return std::make_pair(f.exact_high, f.exact_low);
      })
      .def_readonly("minhash", &Fingerprint::minhash);
  m.def("fingerprint_many", &FingerprintMany, py::arg("articles"), py::arg("options"));
  m.def("fingerprint_arrays", &FingerprintArrays, py::arg("articles"), py::arg("options"),
        py::arg("furniture") = nullptr);
  py::class_<DedupIndex>(m, "DedupIndex")
      .def(py::init([](const DedupOptions& o) { return Unwrap(DedupIndex::Create(o)); }),
           py::arg("options"))
      .def("add_many", &AddMany, py::arg("ids"), py::arg("fingerprints"))
      .def_property_readonly("size", &DedupIndex::size)
      .def("memory_bytes", &DedupIndex::MemoryBytes);
}

void BindCorpusBoilerplate(py::module_& m) {
  py::class_<CorpusBoilerplate>(m, "CorpusBoilerplate")
      .def(py::init([] { return CorpusBoilerplate(CorpusBoilerplateOptions{}); }))
      .def("observe", [](CorpusBoilerplate& c, const std::vector<Article>& articles) {
        py::gil_scoped_release release;
        for (const Article& a : articles) c.Observe(a);
      })
      .def("merge", &CorpusBoilerplate::Merge)
      .def("freeze", &CorpusBoilerplate::Freeze)
      .def("furniture_lines", &CorpusBoilerplate::furniture_lines)
      .def("is_furniture", &CorpusBoilerplate::IsFurniture)
      .def("serialize", [](const CorpusBoilerplate& c) { return py::bytes(c.Serialize()); })
      .def_static("deserialize", [](const py::bytes& bytes) {
        return Unwrap(CorpusBoilerplate::Deserialize(std::string_view(bytes),
                                                     CorpusBoilerplateOptions{}));
      });
}

void BindStories(py::module_& m) {
  py::class_<StoryOptions>(m, "StoryOptions")
      .def(py::init<>())
      .def_readwrite("window_days", &StoryOptions::window_days)
      .def_readwrite("max_story_age_days", &StoryOptions::max_story_age_days)
      .def_readwrite("max_active_articles", &StoryOptions::max_active_articles)
      .def_readwrite("join_threshold", &StoryOptions::join_threshold)
      .def_readwrite("join_threshold_undated", &StoryOptions::join_threshold_undated)
      .def_readwrite("max_candidates", &StoryOptions::max_candidates)
      .def("version", [](const StoryOptions& o) { return StoryModelVersion(o); })
      .def("validate", [](const StoryOptions& o) { Check(ValidateStoryOptions(o)); });
  py::class_<Story>(m, "Story")
      .def_readonly("story", &Story::story)
      .def_readonly("members", &Story::members)
      .def_readonly("origin", &Story::origin)
      .def_readonly("title", &Story::title)
      .def_readonly("first_seen", &Story::first_seen)
      .def_readonly("last_seen", &Story::last_seen);
  py::class_<StoryClusterer>(m, "StoryClusterer")
      .def(py::init([](const StoryOptions& o) { return Unwrap(StoryClusterer::Create(o)); }),
           py::arg("options"))
      .def("add", &AddStory, py::arg("article"), py::arg("options"))
      .def("stories", &StoryClusterer::Stories)
      .def_property_readonly("size", &StoryClusterer::size);
}

// The store's read side. Store is not thread-safe: its calls keep the GIL,
// which serialises Python threads sharing one.
void BindStore(py::module_& m) {
  py::class_<StoredArticle>(m, "StoredArticle")
      .def_readonly("seq", &StoredArticle::seq)
      .def_readonly("article", &StoredArticle::article)
      .def_readonly("ingested_at", &StoredArticle::ingested_at)
      .def_readonly("version", &StoredArticle::version)
      .def_readonly("previous_seq", &StoredArticle::previous_seq)
      .def_readonly("story", &StoredArticle::story)
      .def_readonly("relation", &StoredArticle::relation)
      .def_readonly("duplicate_of", &StoredArticle::duplicate_of)
      .def_readonly("closest", &StoredArticle::closest)
      .def_readonly("similarity", &StoredArticle::similarity);
  py::class_<StoredStory>(m, "StoredStory")
      .def_readonly("story", &StoredStory::story)
      .def_readonly("origin", &StoredStory::origin)
      .def_readonly("title", &StoredStory::title)
      .def_readonly("first_seen", &StoredStory::first_seen)
      .def_readonly("last_seen", &StoredStory::last_seen)
      .def_readonly("size", &StoredStory::size)
      .def_readonly("last_seq", &StoredStory::last_seq);
  py::class_<Store>(m, "Store")
      .def(py::init([](std::string_view location) { return Unwrap(OpenStore(location)); }),
           py::arg("location"))
      .def("versions", [](Store& s) {
        const StoreVersions v = Unwrap(s.Versions());
        return std::make_pair(v.fingerprint, v.model);
      })
      .def("find_latest", [](Store& s, std::string_view id) { return Unwrap(s.FindLatest(id)); })
      .def("find_by_seq", [](Store& s, uint64_t seq) { return Unwrap(s.FindBySeq(seq)); })
      .def("versions_of", [](Store& s, std::string_view id) { return Unwrap(s.Versions(id)); })
      .def("stories", [](Store& s, uint64_t limit, uint64_t offset, std::string_view title,
                         std::string_view since) {
        return Unwrap(s.Stories(limit, offset, title, since));
      }, py::arg("limit"), py::arg("offset"), py::arg("title_query"), py::arg("since"))
      .def("find_story", [](Store& s, uint64_t story) { return Unwrap(s.FindStory(story)); })
      .def("members", [](Store& s, uint64_t story) { return Unwrap(s.Members(story)); })
      .def("article_count", [](Store& s) { return Unwrap(s.ArticleCount()); })
      .def("story_count", [](Store& s) { return Unwrap(s.StoryCount()); })
      .def("size_bytes", [](Store& s) { return Unwrap(s.SizeBytes()); })
      .def("describe", &Store::Describe);
  // An ingester replays the store once when opened and keeps its index: the
  // Python Store opens one on first ingest and keeps it (keep_alive: the
  // store outlives it).
  py::class_<StoryIngester>(m, "StoryIngester")
      .def("add", [](StoryIngester& ingester, std::vector<Article> articles) {
        uint64_t skipped = 0;
        std::vector<StoredArticle> stored = Unwrap(ingester.Add(std::move(articles), &skipped));
        return std::make_pair(std::move(stored), skipped);
      })
      .def("ingest_files", [](StoryIngester& ingester, const std::vector<std::string>& paths) {
        py::list rejected;
        const IngestSummary s = Unwrap(ingester.IngestInputs(
            paths, [](const StoredArticle&) {},
            [&](Rejected&& r) {
              rejected.append(py::make_tuple(r.location.ToString(), r.reason));
            }));
        py::dict d;
        d["read"] = s.corpus.read.read;
        d["accepted"] = s.corpus.read.accepted;
        d["rejected"] = s.corpus.read.rejected;
        d["added"] = s.added;
        d["updates"] = s.updates;
        d["skipped"] = s.skipped;
        d["stored"] = s.stored;
        d["stories"] = s.stories;
        d["rejections"] = rejected;
        return d;
      })
      .def_property_readonly("replayed", &StoryIngester::replayed);
  m.def("open_ingester", [](Store& store) {
    return Unwrap(StoryIngester::Open(store, IngestOptions{}));
  }, py::arg("store"), py::keep_alive<0, 1>());
}

}  // namespace
}  // namespace twicetold::python

PYBIND11_MODULE(_twicetold, m) {
  using namespace twicetold;
  using namespace twicetold::python;
  m.doc() = "twicetold: every version of a news story (C++ core)";
  static py::exception<StatusError> error(m, "Error", PyExc_RuntimeError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      py::tuple args = py::make_tuple(e.status.ToString(),
                                      std::string(StatusCodeName(e.status.code())));
      PyErr_SetObject(error.ptr(), args.ptr());
    }
  });
  py::class_<ReadOptions>(m, "ReadOptions")
      .def(py::init<>())
      .def_readwrite("id_field", &ReadOptions::id_field)
      .def_readwrite("title_field", &ReadOptions::title_field)
      .def_readwrite("body_field", &ReadOptions::body_field)
      .def_readwrite("source_field", &ReadOptions::source_field)
      .def_readwrite("url_field", &ReadOptions::url_field)
      .def_readwrite("published_field", &ReadOptions::published_field)
      .def_readwrite("keep_original", &ReadOptions::keep_original);
  BindArticle(m);
  m.def("read", &ReadPaths, py::arg("paths"), py::arg("options"));
  m.def("read_bytes", &ReadBytes, py::arg("bytes"), py::arg("options"));
  BindAnalysis(m);
  BindDedup(m);
  BindCorpusBoilerplate(m);
  BindStories(m);
  BindStore(m);
}
