// The JSON output contracts of json.h: field order, null for what is
// absent, ids looked up by number, and code-point spans that name the text
// of the body as given.
#include "twicetold/json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "report/json_util.h"
#include "twicetold/analyze.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

using json = nlohmann::json;

AnalyzedArticle Make(const std::string& body) {
  Article article;
  article.id = "a1";
  article.title = "Caf\u00e9 reopens";
  article.source = "Tidewater Post";
  article.body = body;
  return Analyze(std::move(article), AnalyzeOptions{});
}

// Code points [begin, end) of UTF-8 `s`.
std::string Slice(const std::string& s, const json& span) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  const size_t b = span[0], e = span[1];
  return s.substr(starts[b], starts[e] - starts[b]);
}

// Multi-byte characters before every span, so byte offsets would be wrong.
const std::string kBody =
    "GRANVIK (Tidewater Post) \u2014 The caf\u00e9 on \u00d8stergade reopened on "
    "Monday after a fire in March.\n\n"
    "\u201cWe never thought we would bake here again,\u201d said owner Ilse "
    "Marr.\n\n"
    "Advertisement";

TEST(JsonTest, CleanedArticleFieldsInOrder) {
  const AnalyzedArticle a = Make(kBody);
  const std::string line = CleanedArticleToJson(a);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const json j = json::parse(line);
  EXPECT_EQ(j.size(), 14u);  // parsed keys are sorted: check the line's order
  size_t at = 0;
  for (const char* key : {"\"id\"", "\"title\"", "\"source\"", "\"url\"", "\"published\"",
                          "\"text\"", "\"authors\"", "\"site\"", "\"language\"",
                          "\"dateline\"", "\"body\"", "\"paragraphs\"",
                          "\"sentences\"", "\"removed\""}) {
    const size_t next = line.find(key, at);
    ASSERT_NE(next, std::string::npos) << key;
    at = next;
  }
  EXPECT_EQ(j["text"], kBody);
  EXPECT_EQ(j["authors"], json::array());  // page metadata: none for plain text
  EXPECT_EQ(j["site"], "");
  EXPECT_EQ(j["dateline"]["place"], "GRANVIK");
  EXPECT_EQ(j["dateline"]["outlet"], "Tidewater Post");
  for (const json& p : j["paragraphs"]) EXPECT_EQ(Slice(kBody, p["span"]), p["text"]);
  ASSERT_EQ(j["removed"].size(), 1u);
  EXPECT_EQ(Slice(kBody, j["removed"][0]["span"]), "Advertisement");
  ASSERT_FALSE(j["sentences"].empty());
  EXPECT_EQ(Slice(kBody, j["sentences"][0]["span"]).rfind("The caf\u00e9", 0), 0u);
}

TEST(JsonTest, CleanedArticleWithoutDatelineSaysNull) {
  const json j = json::parse(CleanedArticleToJson(Make("Just one line of news here.")));
  EXPECT_TRUE(j["dateline"].is_null());
  EXPECT_TRUE(j["removed"].empty());
}

TEST(JsonTest, QuotesSpansNameTheBody) {
  const AnalyzedArticle a = Make(kBody);
  const std::vector<Quote> quotes = ExtractQuotes(a, QuoteOptions{});
  const json j = json::parse(QuotesToJson(a, quotes));
  EXPECT_EQ(j["id"], "a1");
  ASSERT_EQ(j["quotes"].size(), 1u);
  const json& q = j["quotes"][0];
  EXPECT_EQ(Slice(kBody, q["span"]), "We never thought we would bake here again");
  EXPECT_EQ(q["speaker"], "Ilse Marr");
  ASSERT_FALSE(q["speaker_span"].is_null());
  EXPECT_EQ(Slice(kBody, q["speaker_span"]), "Ilse Marr");
}

TEST(JsonTest, QuotesOfAnArticleWithoutQuotes) {
  EXPECT_EQ(QuotesToJson(Make("No one said anything."), {}), R"({"id":"a1","quotes":[]})");
}

TEST(JsonTest, DedupDecisionNamesIds) {
  Article article;
  article.id = "c";
  DedupDecision near{"a", "b", DedupRelation::kNearDuplicate, 0.75};
  EXPECT_EQ(DedupDecisionToJson(article, near),
            R"({"id":"c","cluster":"a","duplicate_of":"b","relation":"near_duplicate",)"
            R"("similarity":0.75})");
  DedupDecision origin{"c", std::nullopt, DedupRelation::kOrigin, 0};
  EXPECT_EQ(DedupDecisionToJson(article, origin),
            R"({"id":"c","cluster":"c","duplicate_of":null,"relation":"origin","similarity":0.0})");
}

// The hand-written dedup line against the generic encoder: every
// similarity k/1024 (the fast path's whole domain) and values outside it,
// ids with quotes, backslashes, control bytes, UTF-8 and invalid UTF-8.
TEST(JsonTest, DedupDecisionLineMatchesGenericEncoder) {
  const std::vector<std::string> ids = {"a", "d000001", "", "x\"y", "back\\slash",
                                        "tab\t", "\x7f", "caf\u00e9", "bad\xC3(", "~ {}"};
  const auto check = [&](const Article& article, const DedupDecision& d) {
    ASSERT_EQ(DedupDecisionToJson(article, d),
              report_internal::DedupDecisionToJsonGeneric(article, d))
        << article.id << " " << d.similarity;
  };
  Article article;
  for (int k = 0; k <= 1024; ++k) {
    article.id = "id" + std::to_string(k);
    check(article, {"c", "dup", DedupRelation::kNearDuplicate, k / 1024.0});
  }
  for (double x : {0.3, 1.0 / 3, 1e-9, 0.5000001, -0.5, 1.5, 2048.0 / 1024 - 1e-12}) {
    check(article, {"c", std::nullopt, DedupRelation::kNearDuplicate, x});
  }
  std::mt19937 rng(1024);
  for (int round = 0; round < 3000; ++round) {
    article.id = ids[rng() % ids.size()];
    DedupDecision d;
    d.cluster = ids[rng() % ids.size()];
    if (rng() % 2) d.duplicate_of = ids[rng() % ids.size()];
    d.relation = static_cast<DedupRelation>(rng() % 3);
    d.similarity = static_cast<double>(rng() % 129) / 128;
    check(article, d);
  }
}

TEST(JsonTest, StoryAssignmentNamesIds) {
  StoryAssignment origin;
  origin.id = "c";
  origin.story = 4;
  EXPECT_EQ(StoryRelationName(origin), "origin");
  EXPECT_EQ(StoryAssignmentToJson(origin),
            R"({"id":"c","story":4,"relation":"origin","duplicate_of":null,)"
            R"("closest":null,"similarity":0.0})");
  StoryAssignment rewrite{"c", 1, Relation::kRewrite, "b", 0.5};
  EXPECT_EQ(StoryAssignmentToJson(rewrite),
            R"({"id":"c","story":1,"relation":"rewrite","duplicate_of":"b",)"
            R"("closest":"b","similarity":0.5})");
  // Only copies have a duplicate_of; every joined member has a closest.
  StoryAssignment same{"c", 1, Relation::kSameStory, "a", 0.25};
  EXPECT_EQ(StoryAssignmentToJson(same),
            R"({"id":"c","story":1,"relation":"same_story","duplicate_of":null,)"
            R"("closest":"a","similarity":0.25})");
}

TEST(JsonTest, StorySummary) {
  Story story;
  story.story = 3;
  story.members = {"a", "c"};
  story.origin = "c";
  story.title = "Caf\u00e9 reopens";
  story.first_seen = "2024-03-01";
  EXPECT_EQ(StoryToJson(story),
            "{\"story\":3,\"size\":2,\"origin\":\"c\",\"members\":[\"a\",\"c\"],"
            "\"title\":\"Caf\u00e9 reopens\",\"first_seen\":\"2024-03-01\","
            "\"last_seen\":null}");
}

}  // namespace
}  // namespace twicetold
