// CorpusBoilerplate against a slow reference (a map from (source, folded
// line) to the set of articles holding it), and its use by CleanBody.
#include "twicetold/corpus_boilerplate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "twicetold/clean.h"

namespace twicetold {
namespace {

// The reference key: words split on ASCII whitespace, joined by one space,
// ASCII-lowercased.
std::string RefKey(const std::string& line) {
  std::string key, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!key.empty()) key += ' ';
    key += word;
    word.clear();
  };
  for (unsigned char c : line) {
    if (std::isspace(c)) {
      flush();
    } else {
      word += static_cast<char>(std::tolower(c));
    }
  }
  flush();
  return key;
}

int RefLetters(const std::string& key) {
  int n = 0;
  for (unsigned char c : key) n += std::isalpha(c) || c >= 0xC0;
  return n;
}

struct Reference {
  CorpusBoilerplateOptions options;
  std::map<std::string, int> articles;  // per source
  std::map<std::pair<std::string, std::string>, std::set<int>> holders;

  // Articles without a source are not counted (nor cleaned).
  void Observe(const Article& a, int number) {
    if (a.source.empty()) return;
    ++articles[a.source];
    size_t begin = 0;
    for (;;) {
      size_t nl = a.body.find('\n', begin);
      std::string line = a.body.substr(begin, nl == std::string::npos
                                                  ? std::string::npos
                                                  : nl - begin);
      if (Eligible(line)) holders[{a.source, RefKey(line)}].insert(number);
      if (nl == std::string::npos) break;
      begin = nl + 1;
    }
  }
  // Short enough as given (trimmed) and with enough letters to count.
  bool Eligible(const std::string& line) const {
    const size_t b = line.find_first_not_of(" \t\r\n\f\v");
    const size_t e = line.find_last_not_of(" \t\r\n\f\v");
    const size_t trimmed = b == std::string::npos ? 0 : e + 1 - b;
    return trimmed <= options.max_line_bytes &&
           RefLetters(RefKey(line)) >= static_cast<int>(options.min_letters);
  }
  bool IsFurniture(const std::string& source, const std::string& line) const {
    if (source.empty() || !Eligible(line)) return false;
    return KeyIsFurniture(source, RefKey(line));
  }
  bool KeyIsFurniture(const std::string& source, const std::string& key) const {
    auto it = holders.find({source, key});
    if (it == holders.end()) return false;
    const size_t n = it->second.size();
    return n >= options.min_articles &&
           n >= options.min_fraction * articles.at(source);
  }
};

const std::vector<std::string> kLines = {
    "Story Continued Below", "  story   continued below ", "STORY CONTINUED BELOW",
    "Sign up for our newsletter", "The senator said the vote would come soon.",
    "1.", "--", "abc", "Read more", "Copyright 2020 Example News. All rights reserved.",
    "A rather long line that goes on and on about the budget and the "
    "committee and the hearing that was held on Tuesday afternoon in the "
    "capital, where the members argued for several hours about the details "
    "of the spending plan and its effects on the states.",
    "Café owners said the rules were unclear.",
    "Spaced    out     line     that    shrinks    when    squeezed   ok"};

std::vector<Article> RandomArticles(std::mt19937& rng, int n) {
  std::vector<Article> out;
  const std::vector<std::string> sources = {"", "Alpha", "Beta", "Gamma"};
  for (int i = 0; i < n; ++i) {
    Article a;
    a.id = std::to_string(i);
    a.source = sources[rng() % sources.size()];
    int lines = 1 + rng() % 6;
    for (int k = 0; k < lines; ++k) {
      if (k) a.body += (rng() % 3 == 0) ? "\r\n" : "\n";
      a.body += kLines[rng() % kLines.size()];
    }
    out.push_back(a);
  }
  return out;
}

TEST(CorpusBoilerplateTest, MatchesReferenceOnRandomCorpora) {
  std::mt19937 rng(7);
  for (int round = 0; round < 40; ++round) {
    CorpusBoilerplateOptions options;
    options.min_articles = 1 + rng() % 6;
    options.min_fraction = (rng() % 4) * 0.15;
    options.max_line_bytes = 20 + rng() % 200;
    options.min_letters = 1 + rng() % 5;
    const auto articles = RandomArticles(rng, 5 + rng() % 60);
    // One instance, and the same articles split over two merged instances.
    CorpusBoilerplate whole(options), left(options), right(options);
    Reference ref{options, {}, {}};
    for (size_t i = 0; i < articles.size(); ++i) {
      whole.Observe(articles[i]);
      (i % 2 ? left : right).Observe(articles[i]);
      ref.Observe(articles[i], static_cast<int>(i));
    }
    left.Merge(right);
    whole.Freeze();
    left.Freeze();
    uint64_t expected_distinct = 0;
    for (const auto& [pair, holders] : ref.holders) {
      expected_distinct += ref.KeyIsFurniture(pair.first, pair.second);
    }
    EXPECT_EQ(whole.furniture_lines(), expected_distinct);
    for (const std::string source : {"", "Alpha", "Beta", "Gamma", "Delta"}) {
      for (const std::string& line : kLines) {
        const bool expected = ref.articles.count(source) &&
                              ref.IsFurniture(source, line);
        EXPECT_EQ(whole.IsFurniture(source, line), expected)
            << "round " << round << " source '" << source << "' line '"
            << line << "'";
        EXPECT_EQ(left.IsFurniture(source, line), expected) << "merged";
      }
    }
  }
}

// Counting split over processes: partial counts travel serialized, are
// merged and frozen, and the frozen state travels again (the Dask path).
TEST(CorpusBoilerplateTest, SerializedStatesMergeAndFreezeAlike) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    CorpusBoilerplateOptions options;
    options.min_articles = 1 + rng() % 4;
    options.min_fraction = (rng() % 3) * 0.2;
    const auto articles = RandomArticles(rng, 5 + rng() % 60);
    CorpusBoilerplate whole(options);
    std::vector<CorpusBoilerplate> parts;
    for (int p = 0; p < 3; ++p) parts.emplace_back(options);
    for (size_t i = 0; i < articles.size(); ++i) {
      whole.Observe(articles[i]);
      parts[i % 3].Observe(articles[i]);
    }
    whole.Freeze();
    CorpusBoilerplate merged(options);
    for (const CorpusBoilerplate& part : parts) {
      Result<CorpusBoilerplate> copy =
          CorpusBoilerplate::Deserialize(part.Serialize(), options);
      ASSERT_TRUE(copy.ok()) << copy.status().ToString();
      merged.Merge(*copy);
    }
    merged.Freeze();
    Result<CorpusBoilerplate> shipped =
        CorpusBoilerplate::Deserialize(merged.Serialize(), options);
    ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
    EXPECT_EQ(shipped->furniture_lines(), whole.furniture_lines());
    for (const std::string source : {"", "Alpha", "Beta", "Gamma"}) {
      for (const std::string& line : kLines) {
        EXPECT_EQ(shipped->IsFurniture(source, line), whole.IsFurniture(source, line));
      }
    }
  }
}

TEST(CorpusBoilerplateTest, DeserializeRefusesOtherBytes) {
  const CorpusBoilerplateOptions options;
  CorpusBoilerplate c(options);
  Article a;
  a.source = "Alpha";
  a.body = "Sign up for our newsletter today\nNews.";
  c.Observe(a);
  const std::string bytes = c.Serialize();
  for (const std::string& bad :
       {std::string(), std::string("tt-cbp1"), bytes.substr(0, bytes.size() - 1),
        bytes + "x", "xx" + bytes.substr(2)}) {
    const Result<CorpusBoilerplate> r = CorpusBoilerplate::Deserialize(bad, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  }
  EXPECT_TRUE(CorpusBoilerplate::Deserialize(bytes, options).ok());
}

TEST(CorpusBoilerplateTest, NothingIsFurnitureBeforeFreeze) {
  CorpusBoilerplateOptions options;
  options.min_articles = 1;
  CorpusBoilerplate corpus(options);
  corpus.Observe({"1", "", "Story Continued Below", "S"});
  EXPECT_FALSE(corpus.IsFurniture("S", "Story Continued Below"));
  corpus.Freeze();
  EXPECT_TRUE(corpus.IsFurniture("S", "story continued below"));
  EXPECT_FALSE(corpus.IsFurniture("T", "story continued below"));
}

TEST(CorpusBoilerplateTest, ALineCountsOncePerArticle) {
  CorpusBoilerplateOptions options;
  options.min_articles = 3;
  CorpusBoilerplate corpus(options);
  corpus.Observe({"1", "", "Ad line here\nAd line here\nAd line here", "S"});
  corpus.Observe({"2", "", "Ad line here", "S"});
  corpus.Freeze();
  EXPECT_FALSE(corpus.IsFurniture("S", "Ad line here"));
}

// Every non-space byte of the body is in the text, a removal or the
// dateline.
void ExpectEveryByteAccounted(const std::string& body, const CleanedBody& c) {
  std::vector<bool> covered(body.size(), false);
  for (uint32_t i = 0; i < c.text.text.size(); ++i) {
    if (c.text.text[i] != '\n') covered[c.text.to_original[i]] = true;
  }
  for (const Removal& r : c.removed) {
    for (uint32_t i = r.span.begin; i < r.span.end; ++i) covered[i] = true;
  }
  if (c.dateline) {
    for (uint32_t i = c.dateline->span.begin; i < c.dateline->span.end; ++i) {
      covered[i] = true;
    }
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(body[i]))) {
      // Multi-byte characters map to their first byte in the text.
      bool cont = (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80;
      if (!cont) EXPECT_TRUE(covered[i]) << "byte " << i << " of " << body;
    }
  }
}

TEST(CorpusBoilerplateTest, CleanBodyRemovesTheSourcesFurnitureOnly) {
  CorpusBoilerplateOptions options;
  options.min_articles = 3;
  CorpusBoilerplate corpus(options);
  const std::string furniture = "Example Daily is read by curious people";
  for (int i = 0; i < 3; ++i) {
    corpus.Observe({std::to_string(i), "", "Para " + std::to_string(i) +
                    " of news.\n\n" + furniture, "Daily"});
  }
  corpus.Observe({"x", "", "Other news.\n\n" + furniture, "Weekly"});
  corpus.Freeze();
  CleanOptions clean;
  clean.corpus = &corpus;
  const std::string body =
      "The mayor spoke on Monday about the new bridge, the harbour budget and "
      "the tram.\n\n  " +
      furniture + "  \r\n\nShe left before the vote.";
  const CleanedBody daily = CleanBody(body, clean, "Daily");
  ASSERT_EQ(daily.removed.size(), 1u);
  EXPECT_EQ(daily.removed[0].reason, RemovalReason::kSourceRepeat);
  EXPECT_EQ(daily.removed[0].text, "  " + furniture + "  ");
  EXPECT_EQ(daily.text.text.find("curious"), std::string::npos);
  EXPECT_NE(daily.text.text.find("She left"), std::string::npos);
  ExpectEveryByteAccounted(body, daily);
  const CleanedBody weekly = CleanBody(body, clean, "Weekly");
  EXPECT_TRUE(weekly.removed.empty());
  EXPECT_NE(weekly.text.text.find("curious"), std::string::npos);
  const CleanedBody none = CleanBody(body, CleanOptions{}, "Daily");
  EXPECT_TRUE(none.removed.empty());
  EXPECT_EQ(RemovalReasonName(RemovalReason::kSourceRepeat), "source_repeat");
}

// A short templated item made mostly of the source's recurring lines is
// content: stripping it would leave nothing, and every such item would look
// identical to every other.
TEST(CorpusBoilerplateTest, AnArticleMostlyOfRecurringLinesKeepsThem) {
  CorpusBoilerplateOptions options;
  options.min_articles = 3;
  CorpusBoilerplate corpus(options);
  for (int i = 0; i < 4; ++i) {
    corpus.Observe({std::to_string(i), "",
                    "Quarterly dividend declared\nPayable on the first of May\nAcme Widgets " +
                        std::to_string(i),
                    "Wire"});
  }
  corpus.Freeze();
  CleanOptions clean;
  clean.corpus = &corpus;
  const CleanedBody item = CleanBody(
      "Quarterly dividend declared\nPayable on the first of May\nAcme Widgets 9", clean, "Wire");
  EXPECT_TRUE(item.removed.empty());
  EXPECT_NE(item.text.text.find("Quarterly dividend"), std::string::npos);
}

}  // namespace
}  // namespace twicetold
