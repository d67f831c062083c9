// The fast aligner, run finder and cosine against the oracles in
// tests/reference/compare_reference.h on random inputs (fixed seeds).
#include <algorithm>
#include <random>
#include <set>
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

// Features of a text given as sentences of token ids, derived like
// RandomWordSequence: ids double as words, two words share each stem.
compare_internal::ArticleFeatures FeaturesOf(const std::vector<std::vector<uint64_t>>& sentences) {
  compare_internal::ArticleFeatures f;
  for (const auto& sentence : sentences) {
    uint32_t first = f.words.word_ids.size();
    for (uint64_t id : sentence) {
      f.words.spans.push_back({0, 0});
      f.words.word_ids.push_back(id);
      f.words.stem_ids.push_back(id / 2);
      f.words.idf.push_back(1.0 + static_cast<double>(id / 2 % 5));
      f.words.is_number.push_back(id % 7 == 0);
      f.words.is_capitalised.push_back(id % 5 == 0);
    }
    uint32_t last = f.words.word_ids.size();
    f.sentence_tokens.push_back({first, last});
    f.sentences.push_back(compare_internal::SentenceTermVector(f.words, first, last));
  }
  return f;
}

// B: A's sentences reordered, some edited, split, merged or dropped, plus
// new sentences and short "headings" cut from A's sentences.
std::vector<std::vector<uint64_t>> Rewrite(std::mt19937_64& rng,
                                           const std::vector<std::vector<uint64_t>>& a,
                                           uint64_t vocab) {
  std::vector<std::vector<uint64_t>> b;
  for (size_t k = 0; k < a.size(); ++k) {
    switch (rng() % 6) {
      case 0: break;                                          // dropped
      case 1: b.push_back(Mutate(rng, a[k], vocab)); break;   // edited
      case 2: {                                               // merged with the next
        auto m = a[k];
        if (k + 1 < a.size()) m.insert(m.end(), a[k + 1].begin(), a[k + 1].end());
        b.push_back(m);
        break;
      }
      case 3:                                                 // a heading, then the sentence
        b.push_back(std::vector<uint64_t>(a[k].begin(), a[k].begin() + a[k].size() / 3));
        b.push_back(a[k]);
        break;
      case 4: b.push_back(RandomWords(rng, 1 + rng() % 12, vocab)); break;  // new
      default: b.push_back(a[k]);
    }
  }
  for (size_t k = 0; k + 1 < b.size(); k += 1 + rng() % 4) std::swap(b[k], b[k + 1]);
  return b;
}

TEST(AlignSentencesTest, EqualsReferenceDefinitionOnRandomInputs) {
  std::mt19937_64 rng(5);
  int with_links = 0, with_extra = 0;
  for (int trial = 0; trial < 300; ++trial) {
    uint64_t vocab = 6 + trial % 40;
    std::vector<std::vector<uint64_t>> a;
    size_t n = rng() % 20;
    for (size_t k = 0; k < n; ++k) a.push_back(RandomWords(rng, rng() % 14, vocab));
    auto b = trial % 4 == 0 ? std::vector<std::vector<uint64_t>>{} : Rewrite(rng, a, vocab);
    if (trial % 5 == 1) {  // unrelated texts
      b.clear();
      for (size_t k = 0; k < n; ++k) b.push_back(RandomWords(rng, rng() % 14, vocab));
    }
    compare_internal::AlignOptions o;
    o.threshold = 0.2 + (trial % 7) / 10.0;
    o.context_threshold = o.threshold / 2;
    o.candidates = 1 + trial % 5;
    o.min_cosine = (trial % 3) / 10.0;
    o.short_coverage = 0.3 + (trial % 4) / 10.0;
    o.short_tokens = 2 + trial % 6;
    o.short_min_shared = 1 + trial % 2;
    auto fa = FeaturesOf(a), fb = FeaturesOf(b);
    auto got = compare_internal::AlignSentences(fa, fb, o);
    ASSERT_EQ(got, reference::Align(fa, fb, o)) << "trial " << trial;
    with_links += !got.empty();
    with_extra += std::any_of(got.begin(), got.end(), [](const AlignLink& l) { return !l.primary; });
  }
  // The inputs exercise every step.
  EXPECT_GT(with_links, 150);
  EXPECT_GT(with_extra, 50);
}

TEST(AlignSentencesTest, PrimaryLinksAreOneToOne) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 100; ++trial) {
    std::vector<std::vector<uint64_t>> a;
    for (int k = 0; k < 15; ++k) a.push_back(RandomWords(rng, 3 + rng() % 10, 30));
    auto links = compare_internal::AlignSentences(FeaturesOf(a), FeaturesOf(Rewrite(rng, a, 30)),
                                                  compare_internal::AlignOptions{});
    std::set<uint32_t> seen_a, seen_b;
    for (const AlignLink& l : links) {
      if (!l.primary) continue;
      EXPECT_TRUE(seen_a.insert(l.a).second);
      EXPECT_TRUE(seen_b.insert(l.b).second);
    }
  }
}

// A text compared with itself aligns every sentence with itself, also when
// one sentence repeats more often than there are candidates per sentence
// (a list item or caption a scraper left in five times).
TEST(AlignSentencesTest, RepeatedSentencesAlignWithTheirOwnCopies) {
  const std::vector<uint64_t> repeated = {10, 12, 14};
  std::mt19937_64 rng(3);
  for (uint32_t copies = 2; copies <= 9; ++copies) {
    std::vector<std::vector<uint64_t>> a;
    for (uint32_t k = 0; k < copies; ++k) {
      a.push_back(repeated);
      a.push_back(RandomWords(rng, 4 + k % 3, 40));
    }
    compare_internal::AlignOptions o;
    const auto f = FeaturesOf(a);
    const auto links = compare_internal::AlignSentences(f, f, o);
    std::vector<AlignLink> expected;
    for (uint32_t i = 0; i < a.size(); ++i) expected.push_back({i, i, links[i].similarity, true});
    ASSERT_EQ(links.size(), a.size()) << copies << " copies";
    EXPECT_EQ(links, expected) << copies << " copies";
    EXPECT_EQ(links, reference::Align(f, f, o)) << copies << " copies";
  }
}

}  // namespace
}  // namespace twicetold
