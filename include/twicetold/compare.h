// Comparing two versions of a story: how they relate, which passages
// correspond, which quotes changed and which facts only one version has.
//
// Representation: every Span in this header is a byte range into
// AnalyzedArticle::normalized.text of the article it belongs to (A or B);
// map it to the article body with AnalyzedArticle::ToBody() and to code
// points with CodePointIndex at the JSON edge.
//
// Words: the Segment tokens of the normalized text, case-folded. Shingles
// are runs of `shingle_size` consecutive words. Term vectors use Snowball
// English stems weighted by TF-IDF, with the IDF taken from a background
// model shipped with the library (document frequencies of stems over the
// AllSides news corpus, see doc/background_idf.md and
// eval/make_background_idf.sh); names, numbers and quoted words count more.
//
// Relations (in order of decreasing overlap):
//   identical       the same normalized body (whitespace runs ignored);
//   near_duplicate  a copy with small edits (high shingle Jaccard or
//                   containment);
//   rewrite         derived from the other or a common source: long
//                   verbatim runs shared outside quotations, aligned
//                   sentences in the same order, heavy rewording allowed.
//                   Shared quotations alone never make a rewrite;
//   same_story      the same event reported independently;
//   related         same actors or topic, a different event;
//   unrelated.
// The thresholds in RelationThresholds come from eval/relation_eval (see the
// figures recorded next to each field).
#ifndef TWICETOLD_COMPARE_H_
#define TWICETOLD_COMPARE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/quote.h"
#include "twicetold/span.h"
#include "twicetold/status.h"

namespace twicetold {

enum class Relation {
  kIdentical,
  kNearDuplicate,
  kRewrite,
  kSameStory,
  kRelated,
  kUnrelated,
};
std::string_view RelationName(Relation relation);  // "near_duplicate", ...

// Thresholds of the relation model. Defaults tuned by eval/relation_eval on
// ../shared/data/stories (ECB+ train topics, BASIL); see doc/compare.md.
struct RelationThresholds {
  // near_duplicate: shingle Jaccard at least this, or the smaller text
  // contained in the larger at least `near_duplicate_containment`.
  double near_duplicate_jaccard = 0.7;
  double near_duplicate_containment = 0.9;
  // rewrite: the longest verbatim run outside quotations has at least
  // `rewrite_min_run` words, or runs of >= `min_run_words` outside quotes
  // cover at least `rewrite_run_coverage` of the shorter text; and the
  // aligned sentences agree in order at least `rewrite_min_order`.
  uint32_t rewrite_min_run = 12;
  double rewrite_run_coverage = 0.08;
  double rewrite_min_order = 0.6;
  double rewrite_min_term_similarity = 0.3;
  // same_story / related: on the combined story score (see StoryScore()).
  double same_story_score = 0.30;
  double related_score = 0.12;
};

struct CompareOptions {
  // Behaviour.
  uint32_t shingle_size = 5;    // words per shingle for Jaccard/containment
  uint32_t min_run_words = 6;   // shorter shared runs are not reported
  uint32_t max_runs = 10;       // longest runs kept in Comparison::runs
  // Sentence alignment: a sentence links to its most similar counterpart
  // when the similarity reaches `align_threshold` (see AlignSentences).
  double align_threshold = 0.45;
  double edited_threshold = 0.7;   // word-level similarity for kEdited
  bool align = true;               // fill Comparison::alignment
  bool quotes = true;              // fill quotes_a, quotes_b, quote_pairs
  bool facts = true;               // fill Comparison::facts
  RelationThresholds thresholds;
  QuoteOptions quote;
  QuoteCompareOptions quote_compare;
};

// Pair evidence. Fractions are in [0, 1].
struct CompareScores {
  double jaccard = 0;           // word-shingle Jaccard
  double containment_a_in_b = 0;  // |S(A) & S(B)| / |S(A)|
  double containment_b_in_a = 0;  // |S(A) & S(B)| / |S(B)|
  uint32_t words_a = 0;
  uint32_t words_b = 0;
  uint32_t longest_run = 0;                 // words, anywhere
  uint32_t longest_run_outside_quotes = 0;  // words, outside quotations in both
  // Fraction of the shorter text's words covered by shared runs of at least
  // min_run_words that lie outside quotations.
  double run_coverage_outside_quotes = 0;
  double term_similarity = 0;   // weighted TF-IDF cosine of the bodies
  double name_overlap = 0;      // Jaccard of name keys
  uint32_t shared_names = 0;
  uint32_t names_a = 0;
  uint32_t names_b = 0;
  uint32_t shared_quotes = 0;   // quote pairs found in both (not only_a/only_b)
  uint32_t quotes_a = 0;
  uint32_t quotes_b = 0;
  // Of the aligned sentence pairs, the fraction in the same relative order
  // in both texts (pairs of links that are not crossed); 1 if < 2 links.
  double order_agreement = 1;
  double aligned_fraction_a = 0;  // sentences of A with a counterpart
  double aligned_fraction_b = 0;
  double story_score = 0;         // see StoryScore()
};

// A maximal run of words shared verbatim (after case folding).
struct SharedRun {
  Span a;              // in A's normalized text
  Span b;              // in B's normalized text
  uint32_t words = 0;
  bool in_quote_a = false;  // lies inside a quotation in A
  bool in_quote_b = false;
};

enum class MatchKind { kSame, kEdited, kParaphrased, kOnlyA, kOnlyB };
std::string_view MatchKindName(MatchKind kind);  // "same", "only_a", ...

// One entry of the alignment: a link between sentence `a` of A and sentence
// `b` of B, or a sentence with no counterpart (only_a / only_b).
struct AlignedPair {
  std::optional<uint32_t> a;  // index into A's segments.sentences
  std::optional<uint32_t> b;  // index into B's segments.sentences
  std::optional<Span> a_span; // the sentence in A's normalized text
  std::optional<Span> b_span;
  MatchKind kind = MatchKind::kOnlyA;
  double similarity = 0;      // sentence similarity; 0 for only_a/only_b
};

enum class FactKind { kNumber, kDate, kPerson, kPlace, kOrganization, kName };
std::string_view FactKindName(FactKind kind);  // "number", "person", ...

// A number, date or name mentioned in an article.
struct Fact {
  FactKind kind = FactKind::kName;
  std::string text;  // as first written (normalized text)
  std::string key;   // matching key: case-folded, digits without separators
  Span span;         // first mention, in the article's normalized text
};

struct FactDiff {
  std::vector<Fact> only_a;
  std::vector<Fact> only_b;
};

struct Comparison {
  Relation relation = Relation::kUnrelated;
  CompareScores scores;
  std::vector<SharedRun> runs;          // longest first, at most max_runs
  std::vector<AlignedPair> alignment;   // in A's order, then only_b in B's order
  std::vector<Quote> quotes_a;
  std::vector<Quote> quotes_b;
  std::vector<QuotePair> quote_pairs;   // indices into quotes_a / quotes_b
  FactDiff facts;
  std::string model;                    // relation + IDF model version
};

// Compares two analyzed articles. The result holds no references into `a`
// or `b`. Errors: InvalidArgument for unusable options (shingle_size 0,
// thresholds outside [0, 1]). Deterministic; thread-safe.
Result<Comparison> Compare(const AnalyzedArticle& a, const AnalyzedArticle& b,
                           const CompareOptions& options);

// The relation implied by `scores` (Comparison::relation without `identical`,
// which needs the texts). Exposed for evaluation and for dedup/stories.
Relation ClassifyRelation(const CompareScores& scores,
                          const RelationThresholds& thresholds);

// A single same-event score in [0, 1] combining term similarity and name
// overlap: 0.75 * term_similarity + 0.25 * name_overlap.
double StoryScore(double term_similarity, double name_overlap);

// Similarity in [0, 1] of two sentences (any UTF-8, normalized inside):
// IDF-weighted cosine of stem vectors, the measure the aligner uses.
// Thread-safe.
double SentenceSimilarity(std::string_view a, std::string_view b);

// Numbers, dates and names in `article`, one Fact per distinct key, in
// order of first mention. Names are capitalised word sequences (not a
// sentence's first word alone), classified by simple cue words into person,
// place or organisation, else kName.
std::vector<Fact> ExtractFacts(const AnalyzedArticle& article);

// Identifier of the relation model and background IDF data, e.g.
// "compare-v1 idf:allsides-...". Written into every comparison.
std::string_view CompareModelVersion();

}  // namespace twicetold

#endif  // TWICETOLD_COMPARE_H_
