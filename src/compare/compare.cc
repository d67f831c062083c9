#include "twicetold/compare.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdint>
#include <limits>
#include <unordered_set>
#include <utility>

#include "compare/align.h"
#include "compare/facts.h"
#include "compare/features.h"
#include "compare/relation_of.h"
#include "compare/runs.h"
#include "compare/similarity.h"
#include "text/terms.h"
#include "core/iso_date.h"
#include "twicetold/identical.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

using compare_internal::AlignLink;
using compare_internal::ArticleFeatures;
using compare_internal::Match;

Status ValidateOptions(const CompareOptions& o) {
  if (o.shingle_size == 0) return InvalidArgumentError("shingle_size must be >= 1");
  if (o.min_run_words == 0) return InvalidArgumentError("min_run_words must be >= 1");
  for (double v : {o.align_threshold, o.edited_threshold}) {
    if (!(v > 0 && v <= 1)) {
      return InvalidArgumentError("alignment thresholds must be in (0, 1]");
    }
  }
  return Status::Ok();
}

// Sorted distinct hashes of every run of `k` word ids (the whole text as one
// shingle when it is shorter than k).
std::vector<uint64_t> Shingles(const std::vector<uint64_t>& ids, uint32_t k) {
  std::vector<uint64_t> out;
  if (ids.empty()) return out;
  size_t count = ids.size() >= k ? ids.size() - k + 1 : 1;
  size_t width = std::min<size_t>(k, ids.size());
  for (size_t i = 0; i < count; ++i) {
    out.push_back(text_internal::HashKey(std::string_view(
        reinterpret_cast<const char*>(&ids[i]), width * sizeof(uint64_t))));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void ShingleScores(const ArticleFeatures& fa, const ArticleFeatures& fb,
                   uint32_t k, CompareScores* s) {
  std::vector<uint64_t> sa = Shingles(fa.words.word_ids, k);
  std::vector<uint64_t> sb = Shingles(fb.words.word_ids, k);
  std::vector<uint64_t> both;
  std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(),
                        std::back_inserter(both));
  double inter = static_cast<double>(both.size());
  double uni = static_cast<double>(sa.size() + sb.size()) - inter;
  s->jaccard = uni > 0 ? inter / uni : 0;
  s->containment_a_in_b = sa.empty() ? 0 : inter / sa.size();
  s->containment_b_in_a = sb.empty() ? 0 : inter / sb.size();
}

bool MostlyQuoted(const std::vector<uint8_t>& in_quote, uint32_t pos, uint32_t len) {
  uint32_t quoted = 0;
  for (uint32_t k = 0; k < len; ++k) quoted += in_quote[pos + k];
  return 2 * quoted > len;
}

// Words of one text covered by shared runs outside quotations, and its
// words outside quotations (its prose).
struct SideCoverage {
  std::vector<uint8_t> covered;
  const std::vector<uint8_t>* in_quote;

  double Coverage() const {
    return covered.empty() ? 0 : static_cast<double>(Covered()) / covered.size();
  }
  double ProseCoverage() const {
    const size_t prose = std::count(in_quote->begin(), in_quote->end(), 0);
    return prose == 0 ? 0 : static_cast<double>(Covered()) / prose;
  }
  size_t Covered() const { return std::count(covered.begin(), covered.end(), 1); }
};

// Verbatim-run evidence and the reported runs. The coverages are the
// shorter text's; of two texts of as many words, the more covered one's,
// so that the scores do not depend on which text is A.
std::vector<SharedRun> RunScores(const ArticleFeatures& fa, const ArticleFeatures& fb,
                                 const CompareOptions& o, CompareScores* s) {
  std::vector<Match> matches =
      compare_internal::MaximalMatches(fa.words.word_ids, fb.words.word_ids, 2);
  SideCoverage side_a{std::vector<uint8_t>(fa.words.word_ids.size(), 0), &fa.in_quote};
  SideCoverage side_b{std::vector<uint8_t>(fb.words.word_ids.size(), 0), &fb.in_quote};
  std::vector<Match> reportable;
  for (const Match& m : matches) {
    s->longest_run = std::max(s->longest_run, m.length);
    // Split the match into stretches outside quotations in both texts.
    uint32_t k = 0;
    while (k < m.length) {
      uint32_t start = k;
      while (k < m.length && !fa.in_quote[m.a_pos + k] && !fb.in_quote[m.b_pos + k]) ++k;
      uint32_t len = k - start;
      s->longest_run_outside_quotes = std::max(s->longest_run_outside_quotes, len);
      if (len >= o.min_run_words) {
        for (uint32_t x = 0; x < len; ++x) {
          side_a.covered[m.a_pos + start + x] = 1;
          side_b.covered[m.b_pos + start + x] = 1;
        }
      }
      if (k == start) ++k;
    }
    if (m.length >= o.min_run_words) reportable.push_back(m);
  }
  const size_t na = side_a.covered.size(), nb = side_b.covered.size();
  const SideCoverage* side = na < nb ? &side_a : &side_b;
  if (na == nb) {
    const std::pair<double, double> a(side_a.Coverage(), side_a.ProseCoverage());
    const std::pair<double, double> b(side_b.Coverage(), side_b.ProseCoverage());
    side = a >= b ? &side_a : &side_b;
  }
  s->run_coverage_outside_quotes = side->Coverage();
  s->prose_run_coverage = side->ProseCoverage();

  std::vector<SharedRun> runs;
  for (const Match& m : compare_internal::SelectDisjoint(reportable, o.max_runs)) {
    SharedRun r;
    r.a = {fa.words.spans[m.a_pos].begin, fa.words.spans[m.a_pos + m.length - 1].end};
    r.b = {fb.words.spans[m.b_pos].begin, fb.words.spans[m.b_pos + m.length - 1].end};
    r.words = m.length;
    r.in_quote_a = MostlyQuoted(fa.in_quote, m.a_pos, m.length);
    r.in_quote_b = MostlyQuoted(fb.in_quote, m.b_pos, m.length);
    runs.push_back(r);
  }
  return runs;
}

MatchKind KindOf(const ArticleFeatures& fa, const ArticleFeatures& fb,
                 const AlignLink& link, double edited_threshold) {
  auto [a0, a1] = fa.sentence_tokens[link.a];
  auto [b0, b1] = fb.sentence_tokens[link.b];
  const uint64_t* x = fa.words.word_ids.data() + a0;
  const uint64_t* y = fb.words.word_ids.data() + b0;
  if (a1 - a0 == b1 - b0 && std::equal(x, x + (a1 - a0), y)) return MatchKind::kSame;
  double lcs = compare_internal::LcsSimilarity(x, a1 - a0, y, b1 - b0);
  return lcs >= edited_threshold ? MatchKind::kEdited : MatchKind::kParaphrased;
}

// Places each only_b entry right after the last entry with an earlier B
// sentence, so a side-by-side view keeps both texts in reading order.
void InsertOnlyB(std::vector<AlignedPair>* out, uint32_t j, Span span) {
  size_t pos = 0;
  for (size_t k = 0; k < out->size(); ++k) {
    if ((*out)[k].b.has_value() && *(*out)[k].b < j) pos = k + 1;
  }
  AlignedPair p;
  p.b = j;
  p.b_span = span;
  p.kind = MatchKind::kOnlyB;
  out->insert(out->begin() + static_cast<std::ptrdiff_t>(pos), p);
}

std::vector<AlignedPair> BuildAlignment(const AnalyzedArticle& a,
                                        const AnalyzedArticle& b,
                                        const ArticleFeatures& fa,
                                        const ArticleFeatures& fb,
                                        const std::vector<AlignLink>& links,
                                        const CompareOptions& o) {
  std::vector<AlignedPair> out;
  std::vector<uint8_t> b_linked(b.segments.sentences.size(), 0);
  size_t l = 0;
  for (uint32_t i = 0; i < a.segments.sentences.size(); ++i) {
    AlignedPair p;
    p.a = i;
    p.a_span = a.segments.sentences[i].span;
    if (l >= links.size() || links[l].a != i) out.push_back(p);  // only_a
    for (; l < links.size() && links[l].a == i; ++l) {
      p.b = links[l].b;
      p.b_span = b.segments.sentences[links[l].b].span;
      p.kind = KindOf(fa, fb, links[l], o.edited_threshold);
      p.similarity = links[l].similarity;
      b_linked[links[l].b] = 1;
      out.push_back(p);
    }
  }
  for (uint32_t j = 0; j < b_linked.size(); ++j) {
    if (!b_linked[j]) InsertOnlyB(&out, j, b.segments.sentences[j].span);
  }
  return out;
}

void AlignmentScores(const std::vector<AlignLink>& links, size_t na, size_t nb,
                     CompareScores* s) {
  std::unordered_set<uint32_t> la, lb;
  for (const AlignLink& l : links) {
    la.insert(l.a);
    lb.insert(l.b);
  }
  s->order_agreement = compare_internal::OrderAgreement(links);
  s->aligned_fraction_a = na ? static_cast<double>(la.size()) / na : 0;
  s->aligned_fraction_b = nb ? static_cast<double>(lb.size()) / nb : 0;
}

bool IsName(const Fact& f) {
  return f.kind != FactKind::kNumber && f.kind != FactKind::kDate;
}

void FactScores(const AnalyzedArticle& a, const AnalyzedArticle& b,
                const CompareOptions& o, Comparison* c) {
  std::vector<Fact> facts_a = ExtractFacts(a);
  std::vector<Fact> facts_b = ExtractFacts(b);
  std::vector<Fact> only_a = compare_internal::FactsMissingFrom(facts_a, facts_b, b);
  std::vector<Fact> only_b = compare_internal::FactsMissingFrom(facts_b, facts_a, a);
  CompareScores& s = c->scores;
  s.names_a = std::count_if(facts_a.begin(), facts_a.end(), IsName);
  s.names_b = std::count_if(facts_b.begin(), facts_b.end(), IsName);
  uint32_t missing_a = std::count_if(only_a.begin(), only_a.end(), IsName);
  uint32_t missing_b = std::count_if(only_b.begin(), only_b.end(), IsName);
  s.shared_names = s.names_a - missing_a;
  uint32_t total = s.names_a + s.names_b;
  s.name_overlap = total ? static_cast<double>(total - missing_a - missing_b) / total : 0;
  if (o.facts) c->facts = {std::move(only_a), std::move(only_b)};
}

void QuoteScores(const AnalyzedArticle& a, const AnalyzedArticle& b,
                 const CompareOptions& o, Comparison* c) {
  c->quotes_a = ExtractQuotes(a, o.quote);
  c->quotes_b = ExtractQuotes(b, o.quote);
  c->quote_pairs = CompareQuotes(c->quotes_a, c->quotes_b, o.quote_compare);
  c->scores.quotes_a = c->quotes_a.size();
  c->scores.quotes_b = c->quotes_b.size();
  for (const QuotePair& p : c->quote_pairs) {
    if (p.a.has_value() && p.b.has_value()) ++c->scores.shared_quotes;
  }
}

// The scores that need neither the sentence alignment nor the facts.
void BaseScores(const AnalyzedArticle& a, const AnalyzedArticle& b, const ArticleFeatures& fa,
                const ArticleFeatures& fb, const CompareOptions& options, Comparison* c) {
  CompareScores& s = c->scores;
  s.words_a = fa.words.word_ids.size();
  s.words_b = fb.words.word_ids.size();
  s.sentences_a = static_cast<uint32_t>(a.segments.sentences.size());
  s.sentences_b = static_cast<uint32_t>(b.segments.sentences.size());
  ShingleScores(fa, fb, options.shingle_size, &s);
  c->runs = RunScores(fa, fb, options, &s);
  s.term_similarity = compare_internal::Cosine(fa.body, fb.body);
  s.content_similarity = compare_internal::Cosine(fa.content, fb.content);
  s.topic_similarity = compare_internal::Cosine(fa.topic, fb.topic);
  std::vector<uint64_t> rare_shared;
  std::set_intersection(fa.rare_names.begin(), fa.rare_names.end(), fb.rare_names.begin(),
                        fb.rare_names.end(), std::back_inserter(rare_shared));
  s.shared_rare_names = static_cast<uint32_t>(rare_shared.size());
  std::optional<double> da = ParseIsoDays(a.article.published);
  std::optional<double> db = ParseIsoDays(b.article.published);
  if (da && db) s.days_apart = std::abs(*da - *db);
}

std::vector<AlignLink> AlignScores(const ArticleFeatures& fa, const ArticleFeatures& fb,
                                   const CompareOptions& options, CompareScores* s) {
  compare_internal::AlignOptions align;
  align.threshold = options.align_threshold;
  std::vector<AlignLink> links = compare_internal::AlignSentences(fa, fb, align);
  AlignmentScores(links, fa.sentences.size(), fb.sentences.size(), s);
  return links;
}

// The relation of `s` whatever the scores not yet computed turn out to be,
// or nullopt when they matter. ClassifyRelation is a decision list whose
// tests only rise with the aligned fractions, the order agreement and the
// story score (each is `score >= threshold`; NaN fails like -inf), so when
// -inf and +inf for the unknown scores give one relation, every value
// between gives it too.
std::optional<Relation> DecidedWithout(const CompareScores& s, const RelationThresholds& t,
                                       bool story_score_known) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  CompareScores low = s;
  CompareScores high = s;
  low.aligned_fraction_a = low.aligned_fraction_b = low.order_agreement = -kInf;
  high.aligned_fraction_a = high.aligned_fraction_b = high.order_agreement = kInf;
  if (!story_score_known) {
    low.story_score = -kInf;
    high.story_score = kInf;
  }
  Relation r = ClassifyRelation(low, t);
  if (ClassifyRelation(high, t) != r) return std::nullopt;
  return r;
}

}  // namespace

Result<Comparison> Compare(const AnalyzedArticle& a, const AnalyzedArticle& b,
                           const CompareOptions& options) {
  RETURN_IF_ERROR(ValidateOptions(options));
  Comparison c;
  c.model = CompareModelVersion(options);
  ArticleFeatures fa = compare_internal::ComputeFeatures(a);
  ArticleFeatures fb = compare_internal::ComputeFeatures(b);
  CompareScores& s = c.scores;
  BaseScores(a, b, fa, fb, options, &c);
  std::vector<AlignLink> links = AlignScores(fa, fb, options, &s);
  if (options.align) c.alignment = BuildAlignment(a, b, fa, fb, links, options);
  FactScores(a, b, options, &c);
  if (options.quotes) QuoteScores(a, b, options, &c);
  s.story_score = StoryScore(s.content_similarity, s.name_overlap, s.names_a + s.names_b);
  const bool identical =
      AreIdentical(ComputeIdenticalKey(a.normalized.text, a.segments.tokens),
                   ComputeIdenticalKey(b.normalized.text, b.segments.tokens));
  c.relation = identical ? Relation::kIdentical
                         : ClassifyRelation(s, options.thresholds);
  return c;
}

namespace compare_internal {

CompareSide ComputeCompareSide(AnalyzedArticle analyzed) {
  CompareSide side;
  side.analyzed = std::move(analyzed);
  FeatureOptions cheap;
  cheap.sentences = false;  // only the aligner needs them
  side.features = ComputeFeatures(side.analyzed, cheap);
  side.identical =
      ComputeIdenticalKey(side.analyzed.normalized.text, side.analyzed.segments.tokens);
  return side;
}

Result<Relation> RelationOf(const AnalyzedArticle& a, const AnalyzedArticle& b,
                            const CompareOptions& options) {
  return RelationOf(ComputeCompareSide(a), ComputeCompareSide(b), options);
}

Result<Relation> RelationOf(const CompareSide& sa, const CompareSide& sb,
                            const CompareOptions& options) {
  RETURN_IF_ERROR(ValidateOptions(options));
  if (AreIdentical(sa.identical, sb.identical)) return Relation::kIdentical;
  const AnalyzedArticle& a = sa.analyzed;
  const AnalyzedArticle& b = sb.analyzed;
  const RelationThresholds& t = options.thresholds;
  Comparison c;
  CompareScores& s = c.scores;
  BaseScores(a, b, sa.features, sb.features, options, &c);
  if (std::optional<Relation> r = DecidedWithout(s, t, /*story_score_known=*/false)) return *r;
  FactScores(a, b, options, &c);
  s.story_score = StoryScore(s.content_similarity, s.name_overlap, s.names_a + s.names_b);
  if (std::optional<Relation> r = DecidedWithout(s, t, /*story_score_known=*/true)) return *r;
  ArticleFeatures fa = sa.features;
  ArticleFeatures fb = sb.features;
  for (ArticleFeatures* f : {&fa, &fb}) {
    f->sentences.reserve(f->sentence_tokens.size());
    for (const auto& [first, last] : f->sentence_tokens) {
      f->sentences.push_back(SentenceTermVector(f->words, first, last));
    }
  }
  AlignScores(fa, fb, options, &s);
  return ClassifyRelation(s, t);
}

}  // namespace compare_internal

double SentenceSimilarity(std::string_view a, std::string_view b) {
  return compare_internal::ModelSimilarity(compare_internal::PairFeatures(a, b));
}

}  // namespace twicetold
