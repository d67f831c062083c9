// The sentence similarity model behind twicetold::SentenceSimilarity: a
// handful of word-overlap features combined by a logistic regression whose
// weights were fitted by eval/sentence_similarity_eval on MSRP train (see
// eval/sentence_similarity_eval.md), averaged with the stem cosine.
#ifndef TWICETOLD_COMPARE_SIMILARITY_H_
#define TWICETOLD_COMPARE_SIMILARITY_H_

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>
#include <string_view>

#include "compare/features.h"

namespace twicetold::compare_internal {

// Features of a sentence pair, each in [0, 1]; the order is the order of
// the model weights.
enum SentenceFeature {
  kCosine = 0,        // IDF-weighted stem cosine (the aligner's measure)
  kWeightedMin,       // IDF mass of a side's distinct stems found in the other,
  kWeightedMax,       //   min and max over the two directions
  kBigramMin,         // distinct stem bigrams found in the other side,
  kBigramMax,         //   min and max over the two directions
  kLcs,               // 2 * LCS(stems) / (|A| + |B|)
  kLongestRun,        // longest common run of stems / shorter length
  kLengthRatio,       // shorter / longer token count
  kNumberMismatch,    // 1 - Jaccard of the number tokens (0 if none)
  kNameMismatch,      // names of one side absent from the other / all names
  kUnmatchedIdf,      // highest IDF of a stem only one side has / 12
  kSentenceFeatures,  // count
};
using SentenceFeatures = std::array<double, kSentenceFeatures>;

// What PairFeatures needs of one sentence (tokens [first, last) of a
// WordSequence), computed once per sentence. Refers to the WordSequence's
// stems, which must outlive it.
struct SentenceProfile {
  std::span<const uint64_t> stem_sequence;         // the tokens' stems, in order
  TermVector vector;                               // SentenceTermVector
  std::vector<std::pair<uint64_t, double>> stems;  // distinct, with IDF
  std::vector<uint64_t> bigrams;                   // distinct stem bigrams
  std::vector<uint64_t> numbers;                   // distinct word ids
  std::vector<uint64_t> names;                     // distinct word ids
  std::vector<uint64_t> words;                     // distinct word ids
  double idf_mass = 0;                             // of `stems`
};
SentenceProfile MakeProfile(const WordSequence& w, uint32_t first, uint32_t last);

// PairFeatures of two profiled sentences (equal to the overload below on
// their token ranges).
SentenceFeatures PairFeatures(const SentenceProfile& a, const SentenceProfile& b);

// Features of tokens [a0, a1) of `a` against [b0, b1) of `b`. A name is a
// capitalised token that is not its sentence's first. Both empty gives
// features of a perfect match.
SentenceFeatures PairFeatures(const WordSequence& a, uint32_t a0, uint32_t a1,
                              const WordSequence& b, uint32_t b0, uint32_t b1);

// The same for two raw sentences (normalized and tokenized inside).
SentenceFeatures PairFeatures(std::string_view a, std::string_view b);

// The similarity SentenceSimilarity reports, in [0, 1]: the mean of the
// fitted logistic model on `f` (rescaled so that a perfect match scores 1)
// and f[kCosine]. A perfect match scores 1.
double ModelSimilarity(const SentenceFeatures& f);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_SIMILARITY_H_
