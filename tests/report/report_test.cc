// The comparison reports a user reads: the JSON contract, code-point spans
// that point at the text they name, and an HTML page that shows article
// markup as text.
#include "twicetold/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using json = nlohmann::json;

AnalyzedArticle Make(const std::string& id, const std::string& title,
                     const std::string& body) {
  Article article;
  article.id = id;
  article.title = title;
  article.body = body;
  return Analyze(std::move(article), AnalyzeOptions{});
}

// Code points [begin, end) of UTF-8 `s`.
std::string Slice(const std::string& s, const json& span) {
  std::u32string cps;
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  const size_t b = span[0], e = span[1];
  return s.substr(starts[b], starts[e] - starts[b]);
}

const std::string kBodyA =
    "GRANVIK (Tidewater Post) \u2014 The council of Granvik approved a new "
    "ferry timetable on Monday after a four-hour debate.\n\n"
    "\u201cThe island cannot wait another winter for a reliable crossing,\u201d "
    "said council leader Ilse Marr.\n\n"
    "The plan adds 14 crossings a week and costs 2.3 million crowns.\n\n"
    "Advertisement";
const std::string kBodyB =
    "The Granvik council on Monday approved a new ferry timetable after a long "
    "debate.\n\n"
    "\u201cThe island cannot wait another winter for a reliable crossing, and "
    "nobody here will accept excuses,\u201d council leader Ilse Marr said.\n\n"
    "The plan adds 14 crossings a week. <script>alert('x')</script>";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = Make("a", "Ferry timetable approved", kBodyA);
    b_ = Make("b", "Granvik <b>ferry</b> plan", kBodyB);
    Result<Comparison> c = Compare(a_, b_, CompareOptions{});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    comparison_ = *c;
  }
  AnalyzedArticle a_, b_;
  Comparison comparison_;
};

TEST_F(ReportTest, JsonFollowsTheContract) {
  const json j = json::parse(ComparisonToJson(a_, b_, comparison_));
  for (const char* key : {"relation", "scores", "a", "b", "alignment", "quotes", "facts"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["relation"], RelationName(comparison_.relation));
  EXPECT_EQ(j["a"]["title"], "Ferry timetable approved");
  ASSERT_EQ(j["a"]["removed"].size(), 1u);
  EXPECT_EQ(j["a"]["removed"][0]["reason"], "advertisement");
  EXPECT_EQ(Slice(kBodyA, j["a"]["removed"][0]["span"]), "Advertisement");
  EXPECT_EQ(j["a"]["dateline"]["outlet"], "Tidewater Post");
  EXPECT_TRUE(j["b"]["dateline"].is_null());
  // Every alignment span names a sentence of its own article.
  for (const json& p : j["alignment"]) {
    EXPECT_THAT(std::string(p["kind"]),
                ::testing::AnyOf("same", "edited", "paraphrased", "only_a", "only_b"));
    if (!p["a"].is_null()) EXPECT_FALSE(Slice(kBodyA, p["a"]).empty());
    if (!p["b"].is_null()) EXPECT_FALSE(Slice(kBodyB, p["b"]).empty());
  }
  EXPECT_FALSE(j["facts"]["only_a"]["numbers"].empty());  // 2.3 million
}

TEST_F(ReportTest, JsonQuoteIsExtendedWithAWordDiffAndExactSpans) {
  const json j = json::parse(ComparisonToJson(a_, b_, comparison_));
  json q;
  for (const json& pair : j["quotes"]) {
    if (pair["speaker"] == "Ilse Marr") q = pair;
  }
  ASSERT_FALSE(q.is_null());
  EXPECT_EQ(q["relation"], "extended");
  EXPECT_EQ(q["speaker"], "Ilse Marr");
  EXPECT_EQ(Slice(kBodyA, q["a"]["span"]), q["a"]["text"]);
  EXPECT_EQ(Slice(kBodyB, q["b"]["span"]), q["b"]["text"]);
  bool inserted = false;
  for (const json& d : q["diff"]) {
    if (d["op"] == "insert") inserted = std::string(d["words"]).find("excuses") != std::string::npos;
  }
  EXPECT_TRUE(inserted);
}

TEST_F(ReportTest, HtmlEscapesArticleTextAndMarksChanges) {
  const std::string html = ComparisonToHtml(a_, b_, comparison_);
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  // Escaped, whatever words of it the passage diff marks.
  std::string unmarked = html;
  for (const std::string tag : {"<ins>", "</ins>", "<del>", "</del>"}) {
    for (size_t at; (at = unmarked.find(tag)) != std::string::npos;) unmarked.erase(at, tag.size());
  }
  EXPECT_THAT(unmarked, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<b>ferry</b>")));
  EXPECT_THAT(html, HasSubstr("Granvik &lt;b&gt;ferry&lt;/b&gt; plan"));
  EXPECT_THAT(html, HasSubstr("<ins>"));  // words B added somewhere
  EXPECT_THAT(html, HasSubstr("Ilse Marr"));
  EXPECT_THAT(html, Not(HasSubstr("http")));  // self-contained: no external resources
}

TEST_F(ReportTest, TextSummaryNamesRelationAndQuotes) {
  const std::string text = ComparisonToText(a_, b_, comparison_);
  EXPECT_THAT(text, HasSubstr("relation: " + std::string(RelationName(comparison_.relation))));
  EXPECT_THAT(text, HasSubstr("extended   Ilse Marr"));
  EXPECT_THAT(text, HasSubstr("{+and nobody here will accept excuses+}"));
}

}  // namespace
}  // namespace twicetold
