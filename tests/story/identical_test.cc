// "Identical" is one definition (identical.h): dedup's exact hash, compare's
// `identical` relation and the story clusterer's exact-copy key agree on
// every pair below.
#include "twicetold/identical.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "story/story_features.h"
#include "twicetold/compare.h"
#include "twicetold/fingerprint.h"
#include "twicetold/story.h"

namespace twicetold {
namespace {

Article MakeArticle(std::string id, std::string body) {
  Article a;
  a.id = std::move(id);
  a.body = std::move(body);
  a.published = "2026-03-01";
  return a;
}

struct Pair {
  const char* a;
  const char* b;
  bool identical;
};

const std::vector<Pair>& Pairs() {
  static const std::vector<Pair> kPairs = {
      {"The minister said peace is near.", "The minister said peace is near.", true},
      {"The minister said peace is near.", "  The   minister said\n\npeace is near.  ", true},
      {"The minister said peace is near.", "THE MINISTER SAID PEACE IS NEAR.", true},
      {"She said \u201cpeace is near\u201d \u2014 today.", "She said \"peace is near\" - today.",
       true},
      {"The minister said: peace, is near!", "The minister said peace is near", true},
      {"\uFB01nal vote on Stra\u00DFe", "final vote on STRASSE", true},
      {"Caf\u00E9 closes", "Cafe\u0301 closes", true},  // NFC vs NFD
      {"The minister said peace is near.", "The minister said peace is far.", false},
      {"The minister said peace is near.", "The minister said peace is near now.", false},
      {"Peace is near, the minister said.", "The minister said peace is near.", false},
      {"...", "...", false},  // no words: a copy of nothing
      {"", " -- ", false},
  };
  return kPairs;
}

TEST(IdenticalTest, DedupCompareAndStoriesAgree) {
  const FingerprintOptions fingerprint;
  const StoryOptions story;
  for (const Pair& p : Pairs()) {
    const Article a = MakeArticle("a", p.a), b = MakeArticle("b", p.b);
    const bool dedup = AreIdentical(FingerprintArticle(a, fingerprint).identical(),
                                    FingerprintArticle(b, fingerprint).identical());
    Result<Comparison> c =
        Compare(Analyze(a, story.analyze), Analyze(b, story.analyze), CompareOptions{});
    ASSERT_TRUE(c.ok());
    const bool compare = c->relation == Relation::kIdentical;
    const bool stories =
        AreIdentical(story_internal::ComputeStoryFeatures(a, story).identical,
                     story_internal::ComputeStoryFeatures(b, story).identical);
    EXPECT_EQ(dedup, p.identical) << "[" << p.a << "] [" << p.b << "]";
    EXPECT_EQ(compare, p.identical) << "[" << p.a << "] [" << p.b << "]";
    EXPECT_EQ(stories, p.identical) << "[" << p.a << "] [" << p.b << "]";
  }
}

// The clusterer calls a copy identical exactly when the key says so.
TEST(IdenticalTest, TheClustererUsesTheKey) {
  for (const Pair& p : Pairs()) {
    auto c = std::move(StoryClusterer::Create({})).value();
    c->Add(StoryClusterer::Prepare(MakeArticle("a", p.a), {}));
    const StoryAssignment b = c->Add(StoryClusterer::Prepare(MakeArticle("b", p.b), {}));
    EXPECT_EQ(b.relation == Relation::kIdentical, p.identical)
        << "[" << p.a << "] [" << p.b << "]";
  }
}

}  // namespace
}  // namespace twicetold
