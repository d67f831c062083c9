// The fast aligner, run finder and cosine against the oracles in
// tests/reference/compare_reference.h on random inputs (fixed seeds).
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "compare/align.h"
#include "compare/similarity.h"
#include "compare/features.h"
#include "compare/runs.h"
#include "reference/compare_reference.h"

namespace twicetold {
namespace {

using compare_internal::AlignLink;
using compare_internal::Match;
using compare_internal::TermVector;

std::vector<uint64_t> RandomWords(std::mt19937_64& rng, size_t n, uint64_t vocab) {
  std::uniform_int_distribution<uint64_t> word(0, vocab - 1);
  std::vector<uint64_t> out(n);
  for (auto& w : out) w = word(rng);
  return out;
}

// Copies random stretches of `a` into `b` so long shared runs occur.
std::vector<uint64_t> Mutate(std::mt19937_64& rng, const std::vector<uint64_t>& a,
                             uint64_t vocab) {
  std::vector<uint64_t> b;
  std::uniform_int_distribution<int> coin(0, 9);
  for (uint64_t w : a) {
    int c = coin(rng);
    if (c == 0) continue;                         // delete
    if (c == 1) b.push_back(rng() % vocab);       // insert
    b.push_back(c == 2 ? rng() % vocab : w);      // substitute or keep
  }
  return b;
}

TEST(MaximalMatchesTest, EqualsQuadraticDpOnRandomInputs) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    uint64_t vocab = 2 + trial % 20;
    auto a = RandomWords(rng, rng() % 60, vocab);
    auto b = trial % 2 ? Mutate(rng, a, vocab) : RandomWords(rng, rng() % 60, vocab);
    uint32_t min_length = 1 + trial % 4;
    ASSERT_EQ(compare_internal::MaximalMatches(a, b, min_length),
              reference::MaximalMatches(a, b, min_length))
        << "trial " << trial;
  }
}

TEST(MaximalMatchesTest, FindsTheLongestSharedRun) {
  std::vector<uint64_t> a = {1, 2, 3, 4, 5, 9, 9};
  std::vector<uint64_t> b = {7, 1, 2, 3, 4, 5, 8};
  auto runs = compare_internal::SelectDisjoint(
      compare_internal::MaximalMatches(a, b, 2), 10);
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs[0], (Match{0, 1, 5}));
}

TEST(SelectDisjointTest, ChosenRunsNeverOverlap) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 100; ++trial) {
    auto a = RandomWords(rng, 80, 4);
    auto b = Mutate(rng, a, 4);
    auto chosen = compare_internal::SelectDisjoint(
        compare_internal::MaximalMatches(a, b, 2), 1000);
    for (size_t i = 0; i < chosen.size(); ++i) {
      if (i > 0) {
        EXPECT_LE(chosen[i].length, chosen[i - 1].length);
      }
      for (size_t j = i + 1; j < chosen.size(); ++j) {
        const Match& x = chosen[i];
        const Match& y = chosen[j];
        EXPECT_FALSE(x.a_pos < y.a_pos + y.length && y.a_pos < x.a_pos + x.length);
        EXPECT_FALSE(x.b_pos < y.b_pos + y.length && y.b_pos < x.b_pos + x.length);
      }
    }
  }
}

std::vector<std::pair<uint64_t, double>> RandomPairs(std::mt19937_64& rng, size_t n,
                                                     uint64_t vocab) {
  std::vector<std::pair<uint64_t, double>> out;
  std::uniform_real_distribution<double> weight(0.5, 5.0);
  for (size_t i = 0; i < n; ++i) out.emplace_back(rng() % vocab, weight(rng));
  return out;
}

TEST(CosineTest, MatchesMapOracle) {
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 500; ++trial) {
    auto x = RandomPairs(rng, rng() % 12, 15);
    auto y = RandomPairs(rng, rng() % 12, 15);
    EXPECT_NEAR(compare_internal::Cosine(compare_internal::MakeTermVector(x),
                                         compare_internal::MakeTermVector(y)),
                reference::Cosine(x, y), 1e-9);
  }
}

std::vector<TermVector> RandomSentences(std::mt19937_64& rng, size_t n, uint64_t vocab) {
  std::vector<TermVector> out;
  for (size_t i = 0; i < n; ++i) {
    // Integer weights make exact ties (and so tie-breaking) common.
    std::vector<std::pair<uint64_t, double>> p;
    size_t len = rng() % 8;
    for (size_t k = 0; k < len; ++k) p.emplace_back(rng() % vocab, 1.0 + rng() % 2);
    out.push_back(compare_internal::MakeTermVector(p));
  }
  return out;
}

TEST(AlignSentencesTest, EqualsAllPairsOracleOnRandomInputs) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 400; ++trial) {
    uint64_t vocab = 3 + trial % 30;
    auto a = RandomSentences(rng, rng() % 25, vocab);
    auto b = RandomSentences(rng, rng() % 25, vocab);
    if (trial % 3 == 0 && !a.empty()) {
      b = a;  // reordered copies with exact duplicates
      std::shuffle(b.begin(), b.end(), rng);
    }
    double threshold = 0.05 + (trial % 10) / 10.0;
    ASSERT_EQ(compare_internal::AlignSentences(a, b, threshold),
              reference::Align(a, b, threshold))
        << "trial " << trial;
  }
}

TEST(AlignSentencesTest, MergedSentenceLinksToBothParts) {
  auto v = [](std::vector<uint64_t> keys) {
    std::vector<std::pair<uint64_t, double>> p;
    for (uint64_t k : keys) p.emplace_back(k, 1.0);
    return compare_internal::MakeTermVector(p);
  };
  std::vector<TermVector> a = {v({1, 2, 3}), v({4, 5, 6}), v({7, 8, 9})};
  std::vector<TermVector> b = {v({7, 8, 9}), v({1, 2, 3, 4, 5, 6})};
  auto links = compare_internal::AlignSentences(a, b, 0.5);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].a, 0u);
  EXPECT_EQ(links[0].b, 1u);
  EXPECT_EQ(links[1].a, 1u);
  EXPECT_EQ(links[1].b, 1u);
  EXPECT_EQ(links[2].a, 2u);
  EXPECT_EQ(links[2].b, 0u);
  EXPECT_DOUBLE_EQ(links[2].similarity, 1.0);
  // One crossed pair of links out of the three distinct-(a, b) pairs.
  EXPECT_NEAR(compare_internal::OrderAgreement(links), 0.0, 1e-12);
}

TEST(OrderAgreementTest, CountsCrossedLinks) {
  std::vector<AlignLink> same = {{0, 0, 1}, {1, 1, 1}, {2, 2, 1}};
  EXPECT_DOUBLE_EQ(compare_internal::OrderAgreement(same), 1.0);
  std::vector<AlignLink> swapped = {{0, 1, 1}, {1, 0, 1}, {2, 2, 1}};
  EXPECT_NEAR(compare_internal::OrderAgreement(swapped), 2.0 / 3.0, 1e-12);
}

TEST(LcsSimilarityTest, KnownValues) {
  std::vector<uint64_t> x = {1, 2, 3, 4};
  std::vector<uint64_t> y = {1, 3, 4, 5};
  EXPECT_DOUBLE_EQ(compare_internal::LcsSimilarity(x.data(), 4, y.data(), 4), 0.75);
  EXPECT_DOUBLE_EQ(compare_internal::LcsSimilarity(x.data(), 0, y.data(), 0), 1.0);
}

// A random word sequence over a small vocabulary: ids double as stems and
// words, some tokens are numbers or capitalised.
compare_internal::WordSequence RandomWordSequence(std::mt19937_64& rng, size_t n, uint64_t vocab) {
  compare_internal::WordSequence w;
  for (size_t i = 0; i < n; ++i) {
    uint64_t id = rng() % vocab;
    w.spans.push_back({0, 0});
    w.word_ids.push_back(id);
    w.stem_ids.push_back(id / 2);  // two words share each stem
    w.idf.push_back(1.0 + static_cast<double>(id / 2 % 5));
    w.is_number.push_back(id % 7 == 0);
    w.is_capitalised.push_back(id % 5 == 0);
  }
  return w;
}

TEST(PairFeaturesTest, OverlapFeaturesEqualSetOracleOnRandomInputs) {
  using compare_internal::SentenceFeature;
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 500; ++trial) {
    uint64_t vocab = 2 + trial % 25;
    auto a = RandomWordSequence(rng, rng() % 15, vocab);
    auto b = trial % 4 == 0 ? a : RandomWordSequence(rng, rng() % 15, vocab);
    auto got = compare_internal::PairFeatures(a, 0, a.spans.size(), b, 0, b.spans.size());
    auto want = reference::OverlapFeatures(a, b);
    for (int k : {compare_internal::kWeightedMin, compare_internal::kWeightedMax,
                  compare_internal::kBigramMin, compare_internal::kBigramMax,
                  compare_internal::kLongestRun, compare_internal::kLengthRatio,
                  compare_internal::kNumberMismatch, compare_internal::kNameMismatch}) {
      EXPECT_NEAR(got[k], want[k], 1e-9) << "trial " << trial << " feature " << k;
    }
    for (double v : got) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
  }
}

}  // namespace
}  // namespace twicetold
