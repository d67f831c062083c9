// CompareQuotes on each relation, and the word diff against a plain LCS
// dynamic program on random word sequences.
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "quote/word_diff.h"
#include "reference/quote_lcs.h"
#include "twicetold/quote.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

using quote_internal::DiffWords;
using quote_internal::EditOp;

Quote Q(std::string text, std::string speaker = "") {
  Quote q;
  q.text = std::move(text);
  q.speaker = std::move(speaker);
  return q;
}

std::vector<QuotePair> Compare(const std::vector<Quote>& a,
                               const std::vector<Quote>& b) {
  return CompareQuotes(a, b, QuoteCompareOptions());
}

std::string DiffString(const std::vector<WordDiff>& diff) {
  std::string out;
  for (const WordDiff& d : diff) {
    const char* sign = d.op == WordDiff::Op::kEqual    ? "="
                       : d.op == WordDiff::Op::kDelete ? "-"
                                                       : "+";
    out += std::string(sign) + "[" + d.words + "]";
  }
  return out;
}

TEST(CompareQuotes, IdenticalIgnoresMarksEllipsisCaseAndPunctuation) {
  const auto pairs = Compare({Q("Not easy, let me tell you... What a mess.")},
                             {Q("not easy, let me tell you \u2026 what a mess")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kIdentical);
  EXPECT_TRUE(pairs[0].diff.empty());
}

TEST(CompareQuotes, Extended) {
  const auto pairs = Compare({Q("So far we have found no answer", "Ana Ruiz")},
                             {Q("So far we have found no answer on borders")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kExtended);
  EXPECT_EQ(pairs[0].speaker, "Ana Ruiz");
  EXPECT_EQ(DiffString(pairs[0].diff),
            "=[So far we have found no answer]+[on borders]");
}

TEST(CompareQuotes, Trimmed) {
  const auto pairs = Compare({Q("We will build the road and the new bridge")},
                             {Q("We will build the road")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kTrimmed);
}

TEST(CompareQuotes, AlteredWithWordDiff) {
  const auto pairs = Compare({Q("The plan is fair and it is final")},
                             {Q("The plan is fair but it is not final")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kAltered);
  EXPECT_EQ(DiffString(pairs[0].diff),
            "=[The plan is fair]-[and]+[but]=[it is]+[not]=[final]");
}

TEST(CompareQuotes, SameSpeakerPairsOnASmallerSharedCore) {
  const std::vector<Quote> a = {
      Q("What matters is that all is fair and open, nothing is settled "
        "without Vantia", "Ivo Petrov")};
  const std::vector<Quote> b = {
      Q("There will be no quick fixes, nothing can be settled without Vantia",
        "Ivo Petrov")};
  auto pairs = Compare(a, b);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kAltered);
  // Without a shared speaker the same texts are too far apart to pair.
  pairs = Compare({Q(a[0].text)}, {Q(b[0].text)});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kOnlyA);
  EXPECT_EQ(pairs[1].relation, QuoteRelation::kOnlyB);
}

TEST(CompareQuotes, UnrelatedQuotesStayApart) {
  const auto pairs = Compare({Q("some solutions can be discussed", "Ivo Petrov")},
                             {Q("Some formulations cannot work for us, and "
                                "talks will continue", "Ivo Petrov")});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kOnlyA);
  EXPECT_EQ(*pairs[0].a, 0u);
  EXPECT_EQ(pairs[1].relation, QuoteRelation::kOnlyB);
  EXPECT_EQ(*pairs[1].b, 0u);
}

TEST(CompareQuotes, BestMatchWinsAndEachQuoteAppearsOnce) {
  const std::vector<Quote> a = {Q("we are ready to talk today"),
                                Q("we are ready to talk")};
  const std::vector<Quote> b = {Q("we are ready to talk")};
  const auto pairs = Compare(a, b);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kOnlyA);
  EXPECT_EQ(pairs[1].relation, QuoteRelation::kIdentical);
  EXPECT_EQ(*pairs[1].a, 1u);
}

TEST(CompareQuotes, HeadingPartOfAPairedQuoteIsTrimmed) {
  // A's full quote pairs with B's reworded one; B's heading repeats part of
  // it and pairs with it too, as trimmed, rather than standing alone.
  const std::vector<Quote> a = {
      Q("Not a simple winter, believe me. What a season.", "Ivo Marek")};
  const std::vector<Quote> b = {
      Q("Not a Simple Winter", "Ivo Marek"),
      Q("We are on the roads day and night. Not a simple winter... What a "
        "season.",
        "Ivo Marek")};
  const auto pairs = Compare(a, b);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kAltered);
  EXPECT_EQ(*pairs[0].b, 1u);
  EXPECT_EQ(pairs[1].relation, QuoteRelation::kTrimmed);
  EXPECT_EQ(*pairs[1].a, 0u);
  EXPECT_EQ(*pairs[1].b, 0u);
  EXPECT_EQ(DiffString(pairs[1].diff),
            "=[Not a simple winter]-[believe me What a season]");
  // The other way round (the short one in A) it is extended.
  const auto back = Compare(b, a);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].relation, QuoteRelation::kExtended);
  EXPECT_EQ(*back[0].b, 0u);
}

TEST(CompareQuotes, WordsOutOfOrderStayAlone) {
  const auto pairs =
      Compare({Q("the river will rise again this spring")},
              {Q("the road will be closed for a week"), Q("spring river")});
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0].relation, QuoteRelation::kOnlyA);
  EXPECT_EQ(pairs[1].relation, QuoteRelation::kOnlyB);
  EXPECT_EQ(pairs[2].relation, QuoteRelation::kOnlyB);
}

std::vector<std::string> RandomWords(std::mt19937& rng, size_t max_len) {
  static const char* kVocab[] = {"a", "b", "c", "d", "e"};
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<size_t> word(0, 4);
  std::vector<std::string> out(len(rng));
  for (auto& w : out) w = kVocab[word(rng)];
  return out;
}

TEST(DiffWords, MatchesLcsDynamicProgramAndRebuildsBothSides) {
  std::mt19937 rng(20251202);
  for (int iter = 0; iter < 3000; ++iter) {
    const auto a = RandomWords(rng, 14);
    const auto b = RandomWords(rng, 14);
    const std::vector<EditOp> ops = DiffWords(a, b);
    std::vector<std::string> rebuilt_a, rebuilt_b;
    size_t i = 0, j = 0, equal = 0;
    for (EditOp op : ops) {
      if (op == EditOp::kEqual) {
        ASSERT_EQ(a.at(i), b.at(j));
        ++equal;
      }
      if (op != EditOp::kInsert) rebuilt_a.push_back(a.at(i++));
      if (op != EditOp::kDelete) rebuilt_b.push_back(b.at(j++));
    }
    ASSERT_EQ(rebuilt_a, a);
    ASSERT_EQ(rebuilt_b, b);
    ASSERT_EQ(equal, reference::QuoteLcsLength(a, b)) << "iteration " << iter;
  }
}

std::vector<std::string> Keys(const Quote& q) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(q.text)) out.emplace_back(t.span.In(q.text));
  return out;
}

// Obviously correct: whether `s` can be had from `l` by deleting words.
bool IsSubsequence(const std::vector<std::string>& s,
                   const std::vector<std::string>& l) {
  if (s.empty()) return true;
  if (l.empty()) return false;
  if (s.back() == l.back()) {
    return IsSubsequence({s.begin(), s.end() - 1}, {l.begin(), l.end() - 1});
  }
  return IsSubsequence(s, {l.begin(), l.end() - 1});
}

// Every quote is in a pair; a quote is in several only as the longer side
// of pairs whose other quote is contained in it, word order kept, and is in
// no other pair.
TEST(CompareQuotes, EveryQuotePairedOnceOrAsAContainerOnRandomInputs) {
  std::mt19937 rng(7);
  int containers = 0;
  for (int iter = 0; iter < 300; ++iter) {
    std::vector<Quote> a, b;
    for (int k = rng() % 5; k > 0; --k) {
      std::string t;
      for (const auto& w : RandomWords(rng, 6)) t += w + " ";
      a.push_back(Q(t, rng() % 2 ? "X" : ""));
    }
    for (int k = rng() % 5; k > 0; --k) {
      std::string t;
      for (const auto& w : RandomWords(rng, 6)) t += w + " ";
      b.push_back(Q(t, rng() % 2 ? "X" : ""));
    }
    std::vector<int> seen_a(a.size()), seen_b(b.size());
    const std::vector<QuotePair> pairs = Compare(a, b);
    for (const QuotePair& p : pairs) {
      if (p.a) ++seen_a.at(*p.a);
      if (p.b) ++seen_b.at(*p.b);
      ASSERT_TRUE(p.a || p.b);
      ASSERT_EQ(p.a && p.b, p.relation != QuoteRelation::kOnlyA &&
                                p.relation != QuoteRelation::kOnlyB);
    }
    // Per quote in several pairs: all of them but one (its own counterpart)
    // are contained quotations, each in no other pair.
    auto contained = [](const Quote& part, const Quote& whole) {
      const auto sk = Keys(part), lk = Keys(whole);
      return sk.size() >= 2 && sk.size() < lk.size() && IsSubsequence(sk, lk);
    };
    std::vector<int> others_a(a.size()), others_b(b.size());
    for (const QuotePair& p : pairs) {
      if (!p.a || !p.b) continue;
      if (seen_a[*p.a] > 1 && !(contained(b[*p.b], a[*p.a]) &&
                                p.relation == QuoteRelation::kTrimmed)) {
        ++others_a[*p.a];
      }
      if (seen_b[*p.b] > 1 && !(contained(a[*p.a], b[*p.b]) &&
                                p.relation == QuoteRelation::kExtended)) {
        ++others_b[*p.b];
      }
      if (seen_a[*p.a] > 1 || seen_b[*p.b] > 1) ++containers;
    }
    for (int o : others_a) ASSERT_LE(o, 1);
    for (int o : others_b) ASSERT_LE(o, 1);
    for (int s : seen_a) ASSERT_GE(s, 1);
    for (int s : seen_b) ASSERT_GE(s, 1);
  }
  EXPECT_GT(containers, 0);  // the case occurs on these inputs
}

TEST(QuoteRelationName, AllNames) {
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kIdentical), "identical");
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kExtended), "extended");
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kTrimmed), "trimmed");
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kAltered), "altered");
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kOnlyA), "only_a");
  EXPECT_EQ(QuoteRelationName(QuoteRelation::kOnlyB), "only_b");
}

}  // namespace
}  // namespace twicetold
