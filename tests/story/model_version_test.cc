// Every input that changes a result changes its version string: for each
// field of each options struct, a perturbed copy must name a different
// version. The static_asserts on the structs' sizes make a new field fail
// to compile here until it is perturbed below (and named by its version).
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/story.h"

namespace twicetold {
namespace {

static_assert(sizeof(NormalizeOptions) == 3, "NormalizeOptions changed: update this test");
static_assert(sizeof(SegmentOptions) == 8, "SegmentOptions changed: update this test");
static_assert(sizeof(CleanOptions) == 24, "CleanOptions changed: update this test");
static_assert(sizeof(AnalyzeOptions) == 40, "AnalyzeOptions changed: update this test");
static_assert(sizeof(RelationThresholds) == 160, "RelationThresholds changed: update this test");
static_assert(sizeof(QuoteOptions) == 8, "QuoteOptions changed: update this test");
static_assert(sizeof(QuoteCompareOptions) == 16, "QuoteCompareOptions changed: update this test");
static_assert(sizeof(CompareOptions) == 224, "CompareOptions changed: update this test");
static_assert(sizeof(EventFactWeights) == 88, "EventFactWeights changed: update this test");
static_assert(sizeof(StoryOptions) == 400, "StoryOptions changed: update this test");

template <typename Options>
using Perturbation = std::function<void(Options&)>;

// The analysis options, as part of any options struct that holds them.
template <typename Options>
std::vector<Perturbation<Options>> AnalyzePerturbations(AnalyzeOptions Options::*analyze) {
  return {
      [=](Options& o) { (o.*analyze).clean.remove_repeated_lines = false; },
      [=](Options& o) { (o.*analyze).clean.min_repeated_line_chars = 21; },
      [=](Options& o) { (o.*analyze).clean.remove_captions = false; },
      [=](Options& o) { (o.*analyze).clean.remove_advertisements = false; },
      [=](Options& o) { (o.*analyze).clean.remove_furniture = false; },
      [=](Options& o) { (o.*analyze).clean.remove_blank_filler = false; },
      [=](Options& o) { (o.*analyze).clean.extract_dateline = false; },
      [=](Options& o) {
        (o.*analyze).clean.corpus = reinterpret_cast<const FurnitureLookup*>(&o);
      },
      [=](Options& o) { (o.*analyze).normalize.fold_typography = false; },
      [=](Options& o) { (o.*analyze).normalize.nfkc = false; },
      [=](Options& o) { (o.*analyze).normalize.case_fold = true; },
      [=](Options& o) { (o.*analyze).segment.max_heading_words = 13; },
      [=](Options& o) { (o.*analyze).segment.tokens = false; },
  };
}

// CompareOptions fields that change a comparison's values. Not named by
// design: align, quotes, facts and max_runs (what is filled, not how).
template <typename Options>
std::vector<Perturbation<Options>> ComparePerturbations(CompareOptions Options::*compare) {
  auto t = [=](Options& o) -> RelationThresholds& { return (o.*compare).thresholds; };
  return {
      [=](Options& o) { (o.*compare).shingle_size = 4; },
      [=](Options& o) { (o.*compare).min_run_words = 7; },
      [=](Options& o) { (o.*compare).align_threshold = 0.351; },
      [=](Options& o) { (o.*compare).edited_threshold = 0.71; },
      [=](Options& o) { t(o).near_duplicate_jaccard = 0.701; },
      [=](Options& o) { t(o).excerpt_min_words = 31; },
      [=](Options& o) { t(o).excerpt_max_length_ratio = 0.751; },
      [=](Options& o) { t(o).excerpt_containment = 0.501; },
      [=](Options& o) { t(o).excerpt_run_coverage = 0.501; },
      [=](Options& o) { t(o).excerpt_aligned_run_coverage = 0.301; },
      [=](Options& o) { t(o).excerpt_aligned = 0.601; },
      [=](Options& o) { t(o).rewrite_floor_run = 26; },
      [=](Options& o) { t(o).rewrite_paraphrase_min_sentences = 4; },
      [=](Options& o) { t(o).rewrite_containment = 0.501; },
      [=](Options& o) { t(o).rewrite_min_run = 15; },
      [=](Options& o) { t(o).rewrite_run_coverage = 0.081; },
      [=](Options& o) { t(o).rewrite_min_order = 0.601; },
      [=](Options& o) { t(o).rewrite_min_term_similarity = 0.301; },
      [=](Options& o) { t(o).rewrite_paraphrase_term_similarity = 0.761; },
      [=](Options& o) { t(o).rewrite_paraphrase_aligned = 0.651; },
      [=](Options& o) { t(o).same_story_score = 0.281; },
      [=](Options& o) { t(o).related_term_similarity = 0.081; },
      [=](Options& o) { t(o).related_topic_similarity = 0.051; },
      [=](Options& o) { t(o).max_story_gap_days = 7.5; },
      [=](Options& o) { (o.*compare).quote.max_fragment_words = 5; },
      [=](Options& o) { (o.*compare).quote.unattributed_fragments = true; },
      [=](Options& o) { (o.*compare).quote.embedded_phrases = false; },
      [=](Options& o) { (o.*compare).quote.apostrophe_pairs = true; },
      [=](Options& o) { (o.*compare).quote_compare.min_shared_fraction = 0.51; },
      [=](Options& o) { (o.*compare).quote_compare.min_shared_fraction_same_speaker = 0.26; },
  };
}

template <typename Options>
void ExpectEachChangesTheVersion(const std::vector<Perturbation<Options>>& perturbations,
                                 const std::function<std::string(const Options&)>& version) {
  const std::string base = version(Options{});
  std::set<std::string> seen = {base};
  for (size_t i = 0; i < perturbations.size(); ++i) {
    Options o;
    perturbations[i](o);
    const std::string v = version(o);
    EXPECT_NE(v, base) << "perturbation " << i << " leaves the version unchanged";
    EXPECT_TRUE(seen.insert(v).second) << "perturbation " << i << " gives a version seen before";
  }
}

struct Wrapped {
  AnalyzeOptions analyze;
  CompareOptions compare;
};

TEST(ModelVersionTest, AnalyzeVersionNamesEveryAnalysisOption) {
  ExpectEachChangesTheVersion<Wrapped>(
      AnalyzePerturbations(&Wrapped::analyze),
      [](const Wrapped& w) { return AnalyzeVersion(w.analyze); });
  EXPECT_EQ(AnalyzeVersion({}).rfind("text-r" + std::to_string(kTextRulesRevision) + " ", 0),
            0u);
}

TEST(ModelVersionTest, CompareModelVersionNamesEveryRelationInput) {
  ExpectEachChangesTheVersion<Wrapped>(
      ComparePerturbations(&Wrapped::compare),
      [](const Wrapped& w) { return CompareModelVersion(w.compare); });
  const std::string v = CompareModelVersion();
  EXPECT_EQ(v, CompareModelVersion(CompareOptions{}));
  EXPECT_NE(v.find(" text-r" + std::to_string(kTextRulesRevision) + " "), std::string::npos) << v;
  EXPECT_NE(v.find(" idf:"), std::string::npos) << v;
  // Output toggles do not change the model.
  CompareOptions o;
  o.align = o.quotes = o.facts = false;
  o.max_runs = 1;
  EXPECT_EQ(CompareModelVersion(o), v);
}

TEST(ModelVersionTest, StoryModelVersionNamesEveryOption) {
  std::vector<Perturbation<StoryOptions>> p = {
      [](StoryOptions& o) { o.window_days = 7.5; },
      [](StoryOptions& o) { o.max_story_age_days = 7.5; },
      [](StoryOptions& o) { o.max_active_articles = 199999; },
      [](StoryOptions& o) { o.join_threshold = 0.201; },
      [](StoryOptions& o) { o.join_threshold_undated = 0.301; },
      [](StoryOptions& o) { o.reorder_window = 4095; },
      [](StoryOptions& o) { o.max_candidates = 63; },
      [](StoryOptions& o) { o.event_facts.place_agree = 0.61; },
      [](StoryOptions& o) { o.event_facts.place_conflict = 0.99; },
      [](StoryOptions& o) { o.event_facts.year_agree = 0.31; },
      [](StoryOptions& o) { o.event_facts.year_conflict = 0.71; },
      [](StoryOptions& o) { o.event_facts.when_agree = 0.31; },
      [](StoryOptions& o) { o.event_facts.when_conflict = 0.99; },
      [](StoryOptions& o) { o.event_facts.number_agree = 0.21; },
      [](StoryOptions& o) { o.event_facts.number_conflict = 0.91; },
      [](StoryOptions& o) { o.event_facts.person_agree = 0.21; },
      [](StoryOptions& o) { o.event_facts.person_conflict = 0.81; },
      [](StoryOptions& o) { o.event_facts.place_and_time_conflict = 0.11; },
  };
  for (auto& q : AnalyzePerturbations(&StoryOptions::analyze)) p.push_back(q);
  for (auto& q : ComparePerturbations(&StoryOptions::compare)) p.push_back(q);
  ExpectEachChangesTheVersion<StoryOptions>(p, &StoryModelVersion);
}

}  // namespace
}  // namespace twicetold
