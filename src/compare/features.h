// Per-article features used by Compare: folded word ids, stems with IDF,
// quotation regions, sentence term vectors and the body term vector.
#ifndef TWICETOLD_COMPARE_FEATURES_H_
#define TWICETOLD_COMPARE_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/span.h"

namespace twicetold::compare_internal {

// A sparse vector sorted by key, with its Euclidean norm.
struct TermVector {
  std::vector<std::pair<uint64_t, double>> entries;  // strictly increasing keys
  double norm = 0;
};

// Sorts (key, weight) pairs into the order std::sort gives (a multiset has
// one sorted order). Long vectors are bucketed by the top bits of the key,
// then each bucket is sorted: term keys are hashes, so buckets are small.
void SortTermPairs(std::vector<std::pair<uint64_t, double>>* pairs);

// Builds a TermVector from (key, weight) pairs in any order, summing the
// weights of equal keys.
TermVector MakeTermVector(std::vector<std::pair<uint64_t, double>> pairs);

// MakeTermVector of pairs already sorted by (key, weight), without sorting.
TermVector SortedTermVector(std::vector<std::pair<uint64_t, double>> pairs);

// Like MakeTermVector, but each key weighs its tokens' mean weight times
// (1 + ln count).
TermVector DampedVector(std::vector<std::pair<uint64_t, double>> pairs);

// Cosine of two vectors (0 when either is empty). A merge over sorted keys.
double Cosine(const TermVector& a, const TermVector& b);

// Word-level view of a text: per token its folded-word id, stem id, IDF.
struct WordSequence {
  std::vector<Span> spans;        // byte spans of the tokens
  std::vector<uint64_t> word_ids; // text_internal::KeysOfToken ids
  std::vector<uint64_t> stem_ids; // HashKey(StemWord(FoldWord(token)))
  std::vector<double> idf;        // background IDF of the stem
  std::vector<uint8_t> is_number;
  std::vector<uint8_t> is_capitalised;  // first character is an upper-case letter
};

// Tokenizes-free construction from given token spans over `text`.
WordSequence MakeWordSequence(std::string_view text, std::vector<Span> tokens);

// IDF-weighted term-count vector of tokens [first, last) of `words`.
TermVector SentenceTermVector(const WordSequence& words, uint32_t first,
                              uint32_t last);

struct ArticleFeatures {
  WordSequence words;
  std::vector<uint8_t> in_quote;  // token lies inside a double quotation
  std::vector<std::pair<uint32_t, uint32_t>> sentence_tokens;  // [first, last)
  std::vector<TermVector> sentences;
  TermVector body;                // boosted TF-IDF of the whole body
  TermVector content;             // the same without names (event words)
  // Rare content words only (no names, no numbers), IDF-weighted: what the
  // article is about beyond its beat's common vocabulary.
  TermVector topic;
  std::vector<uint64_t> rare_names;  // sorted distinct stem ids of rare names
};

// Which parts of ArticleFeatures to compute; the others stay empty.
struct FeatureOptions {
  bool sentences = true;  // `sentences` (the aligner needs them)
  bool content = true;    // `content` and `topic`
};

// With `sentences` false, ArticleFeatures::sentences stays empty (the
// aligner needs it; whole-body similarity does not).
ArticleFeatures ComputeFeatures(const AnalyzedArticle& article, bool sentences = true);
ArticleFeatures ComputeFeatures(const AnalyzedArticle& article, const FeatureOptions& options);

// Regions inside double quotation marks of normalized text: within each
// block, marks alternate open/close; an unclosed quotation runs to the end
// of its block (a quotation continued over paragraphs reopens each one).
std::vector<Span> QuotedRegions(std::string_view text,
                                const std::vector<Span>& blocks);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_FEATURES_H_
