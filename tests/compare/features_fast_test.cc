// The fast paths of compare's features against plain references: the
// per-thread token-key cache, the in-place damped and term vectors and the
// bit-parallel LCS / longest run behind
// PairFeatures. Each must give exactly what the plain code gives.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xxhash.h>

#include "compare/align.h"
#include "compare/features.h"
#include "compare/similarity.h"
#include "text/folded_words.h"
#include "text/lexicon.h"
#include "text/terms.h"
#include "twicetold/identical.h"

namespace twicetold {
namespace {

using compare_internal::TermVector;

std::string RandomWord(std::mt19937_64& rng) {
  static const std::vector<std::string> kPieces = {"a", "B", "run", "ning", "S", "é", "Über",
                                                   "9", "-", "ed", "walk", "ly", "É", "'s"};
  std::string w;
  size_t n = 1 + rng() % 4;
  for (size_t i = 0; i < n; ++i) w += kPieces[rng() % kPieces.size()];
  return w;
}

TEST(KeysOfTokenTest, EqualsFoldStemAndIdfOfTheToken) {
  std::mt19937_64 rng(5);
  const auto& idf = text_internal::BackgroundIdf::Get();
  // Repeats (cache hits) and many distinct tokens (growth, and a clear once
  // the cache is full) must all give the uncached keys.
  for (int i = 0; i < 300000; ++i) {
    std::string raw = i % 3 == 0 ? RandomWord(rng) : "tok" + std::to_string(i) + "X";
    text_internal::TokenKeys got = text_internal::KeysOfToken(raw);
    if (i % 97 != 0 && i % 3 != 0) continue;  // check a sample of the distinct ones
    std::string folded = text_internal::FoldWord(raw);
    uint64_t stem = text_internal::HashKey(text_internal::StemWord(folded));
    ASSERT_EQ(got.word_id, text_internal::HashKey(folded)) << raw;
    ASSERT_EQ(got.stem_id, stem) << raw;
    ASSERT_EQ(got.idf, idf.Idf(stem)) << raw;
    bool upper = raw[0] == 'B' || raw[0] == 'S' || raw.rfind("Über", 0) == 0 ||
                 raw.rfind("É", 0) == 0;
    ASSERT_EQ(got.capitalised, upper) << raw;
  }
}

TEST(KeysOfTokenTest, AnEmptyTokenHasTheKeysOfTheEmptyString) {
  text_internal::TokenKeys k = text_internal::KeysOfToken("");
  EXPECT_EQ(k.word_id, text_internal::HashKey(""));
  EXPECT_FALSE(k.capitalised);
}

// The damped vector as first written: sort, then mean weight * (1 + ln tf)
// per key, then MakeTermVector over a std::map.
TermVector ReferenceDamped(std::vector<std::pair<uint64_t, double>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::map<uint64_t, std::vector<double>> groups;
  for (const auto& [k, w] : pairs) groups[k].push_back(w);
  TermVector v;
  double sq = 0;
  for (const auto& [k, ws] : groups) {
    double sum = 0;
    for (double w : ws) sum += w;
    double tf = static_cast<double>(ws.size());
    v.entries.emplace_back(k, sum / tf * (1.0 + std::log(tf)));
  }
  for (const auto& e : v.entries) sq += e.second * e.second;
  v.norm = std::sqrt(sq);
  return v;
}

TEST(TermVectorTest, DampedAndMadeVectorsAreBitIdenticalToReferences) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::pair<uint64_t, double>> pairs;
    size_t n = rng() % 60;
    for (size_t i = 0; i < n; ++i) {
      pairs.emplace_back(rng() % 20, 0.1 + static_cast<double>(rng() % 1000) / 77.0);
    }
    TermVector got = compare_internal::DampedVector(pairs);
    TermVector want = ReferenceDamped(pairs);
    ASSERT_EQ(got.entries, want.entries);
    ASSERT_EQ(got.norm, want.norm);
    // MakeTermVector: sums per key in sorted order.
    std::map<uint64_t, double> sums;
    auto sorted = pairs;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [k, w] : sorted) sums[k] += w;
    TermVector made = compare_internal::MakeTermVector(pairs);
    std::vector<std::pair<uint64_t, double>> want_made(sums.begin(), sums.end());
    ASSERT_EQ(made.entries, want_made);
  }
}

// The bucketed sort against std::sort: long and short vectors, keys spread
// over 64 bits and keys crowded into a few buckets (long buckets), many
// repeated keys and repeated (key, weight) pairs.
TEST(TermVectorTest, SortTermPairsEqualsStdSort) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<std::pair<uint64_t, double>> pairs;
    const size_t n = rng() % 2000;
    const int mode = trial % 4;
    std::vector<uint64_t> vocab(1 + rng() % 300);
    for (uint64_t& k : vocab) k = rng();
    for (size_t i = 0; i < n; ++i) {
      uint64_t key = mode == 0   ? rng()
                     : mode == 1 ? vocab[rng() % vocab.size()]
                     : mode == 2 ? rng() % 50
                                 : (rng() % 8) << 61 | rng() % 3;
      pairs.emplace_back(key, 0.5 * static_cast<double>(rng() % 7));
    }
    std::vector<std::pair<uint64_t, double>> want = pairs;
    std::sort(want.begin(), want.end());
    compare_internal::SortTermPairs(&pairs);
    ASSERT_EQ(pairs, want) << "trial " << trial;
  }
}

compare_internal::WordSequence Sequence(std::mt19937_64& rng, size_t n, uint64_t vocab) {
  compare_internal::WordSequence w;
  for (size_t i = 0; i < n; ++i) {
    uint64_t id = rng() % vocab;
    w.spans.push_back({0, 0});
    w.word_ids.push_back(id);
    w.stem_ids.push_back(id);
    w.idf.push_back(1.0 + static_cast<double>(id % 5));
    w.is_number.push_back(0);
    w.is_capitalised.push_back(0);
  }
  return w;
}

// Across the 64-token boundary of the bit-parallel path, and beyond it on
// both sides: the LCS feature equals the table LCS (LcsSimilarity) and the
// longest run equals brute force.
TEST(PairFeaturesTest, LcsAndLongestRunEqualTheTableAtEveryLength) {
  std::mt19937_64 rng(13);
  for (int trial = 0; trial < 400; ++trial) {
    uint64_t vocab = 2 + trial % 9;
    size_t na = rng() % 140, nb = trial % 5 == 0 ? na : rng() % 140;
    auto a = Sequence(rng, na, vocab);
    auto b = trial % 5 == 0 ? a : Sequence(rng, nb, vocab);
    if (trial % 7 == 0 && nb > 3) b.stem_ids[nb / 2] = 999;  // a near copy
    auto f = compare_internal::PairFeatures(a, 0, na, b, 0, nb);
    double lcs = compare_internal::LcsSimilarity(a.stem_ids.data(), na, b.stem_ids.data(), nb);
    ASSERT_EQ(f[compare_internal::kLcs], lcs) << "trial " << trial;
    size_t run = 0;
    for (size_t i = 0; i < na; ++i) {
      for (size_t j = 0; j < nb; ++j) {
        size_t k = 0;
        while (i + k < na && j + k < nb && a.stem_ids[i + k] == b.stem_ids[j + k]) ++k;
        run = std::max(run, k);
      }
    }
    double shorter = std::min(na, nb);
    double want = shorter > 0 ? run / shorter : (na + nb == 0 ? 1.0 : 0.0);
    ASSERT_EQ(f[compare_internal::kLongestRun], want) << "trial " << trial;
  }
}

// QuotedRegions jumps from mark to mark with memchr; the reference looks at
// every byte.
std::vector<Span> QuotedRegionsByByte(std::string_view text, const std::vector<Span>& blocks) {
  std::vector<Span> out;
  for (const Span& block : blocks) {
    bool open = false;
    uint32_t start = 0;
    for (uint32_t i = block.begin; i < block.end && i < text.size(); ++i) {
      if (text[i] != '"') continue;
      if (!open) {
        start = i + 1;
      } else {
        out.push_back({start, i});
      }
      open = !open;
    }
    if (open) out.push_back({start, block.end});
  }
  return out;
}

TEST(QuotedRegionsTest, EqualsTheByteLoop) {
  std::mt19937_64 rng(11);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string text;
    size_t n = rng() % 80;
    for (size_t i = 0; i < n; ++i) text += "ab \"\n"[rng() % 5];
    std::vector<Span> blocks;
    uint32_t at = 0;
    while (at < text.size() + 3 && blocks.size() < 6) {  // some past the end
      uint32_t len = static_cast<uint32_t>(rng() % 20);
      blocks.push_back({at, at + len});
      at += len + static_cast<uint32_t>(rng() % 3);
    }
    std::vector<Span> got = compare_internal::QuotedRegions(text, blocks);
    std::vector<Span> want = QuotedRegionsByByte(text, blocks);
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].begin, want[i].begin);
      EXPECT_EQ(got[i].end, want[i].end);
    }
  }
}

// ComputeIdenticalKey lower-cases ASCII words in place; the reference joins
// FoldWord of every token, as identical.h defines the key.
TEST(IdenticalKeyTest, EqualsTheJoinedFoldedWords) {
  std::mt19937_64 rng(13);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string text;
    std::vector<Token> tokens;
    std::string joined;
    size_t n = rng() % 12;
    for (size_t i = 0; i < n; ++i) {
      std::string w = RandomWord(rng);
      Token t;
      t.span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + w.size())};
      tokens.push_back(t);
      text += w + " ";
      if (i > 0) joined += ' ';
      joined += text_internal::FoldWord(w);
    }
    IdenticalKey got = ComputeIdenticalKey(text, tokens);
    XXH128_hash_t h = XXH3_128bits(joined.data(), joined.size());
    EXPECT_EQ(got.high, h.high64);
    EXPECT_EQ(got.low, h.low64);
    // The words folded once for the key and story's event facts.
    text_internal::FoldedWords folded = text_internal::FoldWords(text, tokens);
    EXPECT_EQ(text_internal::IdenticalKeyOf(folded), got);
    ASSERT_EQ(folded.ends.size(), tokens.size());
    for (size_t t = 0; t < tokens.size(); ++t) {
      EXPECT_EQ(folded.Word(t), text_internal::FoldWord(tokens[t].span.In(text)));
    }
  }
}

// The eight-bytes-at-a-time ASCII fold against FoldWord: every ASCII byte,
// lengths across the 8-byte steps, and a non-ASCII byte anywhere.
TEST(IdenticalKeyTest, FoldAsciiWordToEqualsFoldWord) {
  std::mt19937_64 rng(23);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string w(rng() % 40, ' ');
    for (char& c : w) c = static_cast<char>(rng() % 128);
    const bool ascii = rng() % 4 != 0 || w.empty();
    if (!ascii) w[rng() % w.size()] = static_cast<char>(0x80 + rng() % 128);
    std::string to(w.size(), '#');
    ASSERT_EQ(text_internal::FoldAsciiWordTo(w, to.data()), ascii);
    if (ascii) ASSERT_EQ(to, text_internal::FoldWord(w));
  }
}

// Words that fold longer than they are written ("İ" to "i̇", "ΐ" to
// three code points), packed without separators so that the folded words
// outgrow FoldWords's first buffer.
TEST(IdenticalKeyTest, FoldWordsGrowsForWordsThatFoldLonger) {
  std::mt19937_64 rng(19);
  static const std::vector<std::string> kWords = {"İ", "ΐ", "A", "ŉ", "Bc", "ß"};
  for (int iter = 0; iter < 500; ++iter) {
    std::string text;
    std::vector<Token> tokens;
    const size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      const std::string& w = kWords[rng() % kWords.size()];
      Token t;
      t.span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + w.size())};
      tokens.push_back(t);
      text += w;
    }
    text_internal::FoldedWords folded = text_internal::FoldWords(text, tokens);
    std::string joined;
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (t > 0) joined += ' ';
      joined += text_internal::FoldWord(tokens[t].span.In(text));
      ASSERT_EQ(folded.Word(t), text_internal::FoldWord(tokens[t].span.In(text)));
    }
    ASSERT_EQ(folded.joined, joined);
    ASSERT_EQ(text_internal::IdenticalKeyOf(folded), ComputeIdenticalKey(text, tokens));
  }
}

// MonthIndex turns most words away by length and first letter; the
// reference tries every month.
int MonthIndexOfEveryMonth(std::string_view folded) {
  static const std::vector<std::string_view> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view full = kMonths[m];
    if (folded == full) return static_cast<int>(m) + 1;
    if (folded.size() >= 3 && full.substr(0, 3) == folded.substr(0, 3) &&
        full.starts_with(folded)) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

TEST(MonthIndexTest, EqualsTryingEveryMonth) {
  std::vector<std::string> words = {"", "m", "ma", "may", "mayo", "dec", "sept", "septe",
                                    "june", "jun", "ju", "a", "au", "aug", "xmas", "é"};
  for (std::string_view month : {"january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"}) {
    for (size_t n = 0; n <= month.size() + 1; ++n) {
      words.push_back(std::string(month.substr(0, n)));
      words.push_back(std::string(month.substr(0, n)) + "s");
    }
  }
  std::mt19937_64 rng(17);
  for (int i = 0; i < 20000; ++i) words.push_back(text_internal::FoldWord(RandomWord(rng)));
  for (const std::string& w : words) {
    EXPECT_EQ(text_internal::MonthIndex(w), MonthIndexOfEveryMonth(w)) << w;
  }
}

}  // namespace
}  // namespace twicetold
