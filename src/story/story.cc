#include "twicetold/story.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/iso_date.h"
#include "core/version_text.h"
#include "compare/relation_of.h"
#include "story/event_facts.h"
#include "story/story_features.h"

namespace twicetold {

void StoryFeaturesDeleter::operator()(StoryFeatures* f) const { delete f; }

Status ValidateStoryOptions(const StoryOptions& o) {
  if (!(o.window_days > 0)) return InvalidArgumentError("window_days must be > 0");
  if (!(o.max_story_age_days >= 0)) {
    return InvalidArgumentError("max_story_age_days must be >= 0");
  }
  if (o.max_active_articles == 0) {
    return InvalidArgumentError("max_active_articles must be >= 1");
  }
  for (double t : {o.join_threshold, o.join_threshold_undated}) {
    if (!(t > 0 && t <= 1)) return InvalidArgumentError("join thresholds must be in (0, 1]");
  }
  if (o.max_candidates == 0) return InvalidArgumentError("max_candidates must be >= 1");
  const EventFactWeights& w = o.event_facts;
  for (double a : {w.place_agree, w.year_agree, w.when_agree, w.number_agree, w.person_agree}) {
    if (!(a >= 0)) return InvalidArgumentError("event fact agreement weights must be >= 0");
  }
  for (double c :
       {w.place_conflict, w.year_conflict, w.when_conflict, w.number_conflict,
        w.person_conflict, w.place_and_time_conflict}) {
    if (!(c > 0 && c <= 1)) {
      return InvalidArgumentError("event fact conflict factors must be in (0, 1]");
    }
  }
  return Status::Ok();
}

namespace {
// "facts=place:0.5/0.6,year:...,when:...": agreement boost / conflict factor.
std::string EventFactsVersion(const EventFactWeights& w) {
  using core::VersionNumber;
  auto kind = [](const char* name, double agree, double conflict) {
    return std::string(name) + ":" + VersionNumber(agree) + "/" + VersionNumber(conflict);
  };
  return "facts=" + kind("place", w.place_agree, w.place_conflict) + "," +
         kind("year", w.year_agree, w.year_conflict) + "," +
         kind("when", w.when_agree, w.when_conflict) + "," +
         kind("number", w.number_agree, w.number_conflict) + "," +
         kind("person", w.person_agree, w.person_conflict) +
         ",place+time:" + VersionNumber(w.place_and_time_conflict);
}
}  // namespace

std::string StoryModelVersion(const StoryOptions& o) {
  using core::VersionNumber;
  return "story-v6 join=" + VersionNumber(o.join_threshold) + "/" +
         VersionNumber(o.join_threshold_undated) + " window=" + VersionNumber(o.window_days) +
         "d age=" + VersionNumber(o.max_story_age_days) +
         "d active=" + std::to_string(o.max_active_articles) +
         " candidates=" + std::to_string(o.max_candidates) +
         " terms=" + std::to_string(story_internal::kMaxTerms) + " " +
         EventFactsVersion(o.event_facts) +
         " reorder=" + std::to_string(o.reorder_window) + " " + AnalyzeVersion(o.analyze) +
         " " + CompareModelVersion(o.compare);
}

// What Relate needs: both articles, the earlier one's names and the
// compact similarity.
struct StoryPlacement::Pending {
  std::shared_ptr<const Article> closest;
  std::vector<uint32_t> closest_names;
  std::shared_ptr<const Article> article;
  std::vector<uint32_t> names;
  double similarity = 0;
  bool shares_prose = false;  // a verbatim run outside quotations is possible
};

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// Postings scanned per term, newest first: a word shared by thousands of
// recent articles ("Trump") still finds the recent ones, at bounded cost.
constexpr size_t kMaxPostingsPerTerm = 256;
// When is the full comparison needed to tell a copy from an independent
// report? The verbatim-prose rewrite needs a run of rewrite_min_run words
// outside quotations (rewrite_min_run - 5 shared 6-word runs) or runs of
// 6+ words covering rewrite_run_coverage of the shorter text (a run of L
// words holds L - 5 >= L / 6 six-word runs); near duplicates and
// containment rewrites share far more. The paraphrased-copy rewrite needs
// term similarity >= 0.76, which the compact vectors track closely. Below
// both, the relation is read from the compact features.
constexpr double kParaphraseGate = 0.6;

// The fewest shared 6-word prose runs any verbatim-prose rewrite has.
size_t MinSharedProseRuns(const RelationThresholds& t, uint32_t shorter_words) {
  size_t by_run = t.rewrite_min_run > story_internal::kProseRunWords
                      ? t.rewrite_min_run - story_internal::kProseRunWords + 1
                      : 1;
  auto by_coverage = static_cast<size_t>(std::ceil(
      t.rewrite_run_coverage * shorter_words / story_internal::kProseRunWords));
  return std::max<size_t>(1, std::min(by_run, by_coverage));
}

// Days within which a story's newest member counts as "the same news
// cycle"; beyond, the score decays over window_days.
constexpr double kGraceDays = 2;

// What is kept of an article while it is active.
struct ActiveArticle {
  IdenticalKey exact_key;
  CompactVector terms;
  std::vector<uint32_t> names;
  std::vector<uint32_t> prose_runs;
  story_internal::EventFacts event;
  std::shared_ptr<const Article> article;  // for comparisons with later members
};

// What is kept of every article, active or not.
struct ArticleRecord {
  std::string id;
  uint32_t story = 0;
  float day = std::numeric_limits<float>::quiet_NaN();  // published; NaN: undated
  double window_day = std::numeric_limits<double>::quiet_NaN();  // day it counts as
  uint32_t words = 0;
  bool active = true;
  bool touched = false;  // scratch of MemberSimilarities, false between calls
  std::string title;  // first words of the body when the title is empty
};

struct StoryState {
  std::vector<uint32_t> members;
  std::unordered_map<uint32_t, double> centroid;  // sum of active members' terms
  double centroid_norm2 = 0;                      // recomputed lazily
  bool norm_dirty = false;
  uint32_t active_members = 0;
  double last_day = -std::numeric_limits<double>::infinity();
  double first_day = std::numeric_limits<double>::infinity();
};

std::string ShortTitle(const Article& a) {
  if (!a.title.empty()) return a.title;
  std::string out;
  int words = 0;
  for (size_t i = 0; i < a.body.size() && words < 12; ++i) {
    char c = a.body[i];
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
      ++words;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Dice coefficient of two sorted distinct name sets (0 when both empty).
double NameOverlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 0;
  return static_cast<double>(2 * story_internal::CountShared(a, b)) /
         static_cast<double>(a.size() + b.size());
}

size_t EventBytes(const story_internal::EventFacts& e) {
  return e.keys.capacity() * sizeof(int32_t);
}

struct IdenticalKeyHash {
  size_t operator()(const IdenticalKey& k) const { return k.low ^ (k.high * 0x9E3779B97F4A7C15ULL); }
};

}  // namespace

class StoryClusterer::Impl {
 public:
  explicit Impl(const StoryOptions& options) : options_(options) {}

  StoryPlacement Place(StoryFeatures&& f);
  Status Replay(StoryFeatures&& f, const StoryAssignment& known);
  std::vector<Story> Stories() const;
  Story StoryOf(uint32_t story) const;
  uint64_t story_count() const { return stories_.size(); }
  uint64_t size() const { return records_.size(); }
  size_t MemoryBytes() const;
  size_t peak_bytes() const { return peak_bytes_; }
  size_t text_bytes() const { return text_bytes_; }
  const StoryOptions& options() const { return options_; }

 private:
  struct Choice {
    uint32_t story = kNone;
    uint32_t closest = kNone;
    double similarity = 0;
  };

  double WindowDay(const StoryFeatures& f);
  void RetireOld(double day);
  void Retire(uint32_t article);
  void CompactIndex();
  std::vector<std::pair<uint32_t, double>> MemberSimilarities(const CompactVector& terms);
  double CentroidCosine(StoryState& story, const CompactVector& terms) const;
  double TimeFactor(const StoryState& story, double day) const;
  double EventFactor(const StoryState& story, const story_internal::EventFacts& event) const;
  Choice ChooseStory(const StoryFeatures& f, double day);
  void Insert(uint32_t article, uint32_t story, StoryFeatures&& f,
              std::shared_ptr<const Article> text, double day);
  void TrackMemory();

  StoryOptions options_;
  std::vector<ArticleRecord> records_;
  // MemberSimilarities's scratch, with ArticleRecord::touched.
  std::vector<double> dot_;  // by article number, 0 between calls
  std::vector<uint32_t> touched_;
  // ChooseStory's scratch: by story, its most similar member and the
  // similarity; {kNone, -1} between calls.
  std::vector<std::pair<uint32_t, double>> best_member_;
  std::vector<StoryState> stories_;
  std::unordered_map<uint32_t, ActiveArticle> active_;  // by article number
  std::deque<uint32_t> active_order_;                  // active articles, stream order
  // key -> (article, its weight for the key), in stream order.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> postings_;
  // Identical key -> the first active article with it (erased when it
  // retires). Texts without words are left out: they are copies of nothing.
  std::unordered_map<IdenticalKey, uint32_t, IdenticalKeyHash> exact_;
  double latest_day_ = std::numeric_limits<double>::quiet_NaN();
  uint64_t dead_postings_ = 0;
  uint64_t live_postings_ = 0;
  size_t text_bytes_ = 0;
  size_t peak_bytes_ = 0;
};

// Undated articles take the latest date seen so far: in a stream sorted by
// date they belong to "now".
double StoryClusterer::Impl::WindowDay(const StoryFeatures& f) {
  if (f.day.has_value()) {
    if (std::isnan(latest_day_) || *f.day > latest_day_) latest_day_ = *f.day;
    return *f.day;
  }
  return latest_day_;
}

void StoryClusterer::Impl::RetireOld(double day) {
  while (!active_order_.empty()) {
    uint32_t oldest = active_order_.front();
    double d = records_[oldest].window_day;
    bool expired = !std::isnan(day) && !std::isnan(d) && d < day - options_.window_days;
    if (!expired && active_order_.size() < options_.max_active_articles) break;
    active_order_.pop_front();
    Retire(oldest);
  }
  if (dead_postings_ > live_postings_ && dead_postings_ > 4096) CompactIndex();
}

void StoryClusterer::Impl::Retire(uint32_t article) {
  auto it = active_.find(article);
  if (it == active_.end()) return;
  StoryState& story = stories_[records_[article].story];
  for (const WeightedTerm& t : it->second.terms) {
    auto c = story.centroid.find(t.key);
    if (c == story.centroid.end()) continue;
    c->second -= t.weight;
    if (c->second <= 1e-6) story.centroid.erase(c);
  }
  story.norm_dirty = true;
  --story.active_members;
  auto copy = exact_.find(it->second.exact_key);
  if (copy != exact_.end() && copy->second == article) exact_.erase(copy);
  dead_postings_ += it->second.terms.size();
  live_postings_ -= it->second.terms.size();
  text_bytes_ -= it->second.article->body.size() +
                 it->second.prose_runs.capacity() * sizeof(uint32_t);
  active_.erase(it);
  records_[article].active = false;
}

void StoryClusterer::Impl::CompactIndex() {
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [this](const auto& p) { return !records_[p.first].active; }),
               list.end());
    if (list.empty()) {
      it = postings_.erase(it);
    } else {
      list.shrink_to_fit();
      ++it;
    }
  }
  dead_postings_ = 0;
}

// Compact cosines to the active articles sharing terms with `terms`, by
// article number.
std::vector<std::pair<uint32_t, double>> StoryClusterer::Impl::MemberSimilarities(
    const CompactVector& terms) {
  // Sums by article number in a scratch array (an entry counts from the
  // first time it is touched, as a map's would, even if it stays 0).
  dot_.resize(records_.size(), 0.0);
  touched_.clear();
  for (const auto& [key, weight] : terms) {
    auto it = postings_.find(key);
    if (it == postings_.end()) continue;
    const auto& list = it->second;
    size_t scanned = 0;
    for (auto p = list.rbegin(); p != list.rend() && scanned < kMaxPostingsPerTerm; ++p) {
      if (!records_[p->first].active) continue;
      ++scanned;
      if (!records_[p->first].touched) {
        records_[p->first].touched = true;
        touched_.push_back(p->first);
      }
      dot_[p->first] += static_cast<double>(weight) * p->second;
    }
  }
  std::sort(touched_.begin(), touched_.end());
  std::vector<std::pair<uint32_t, double>> out;
  out.reserve(touched_.size());
  for (uint32_t a : touched_) {
    out.emplace_back(a, dot_[a]);
    dot_[a] = 0.0;
    records_[a].touched = false;
  }
  return out;
}

double StoryClusterer::Impl::CentroidCosine(StoryState& story,
                                            const CompactVector& terms) const {
  if (story.norm_dirty) {
    story.centroid_norm2 = 0;
    for (const auto& [key, w] : story.centroid) story.centroid_norm2 += w * w;
    story.norm_dirty = false;
  }
  if (story.centroid_norm2 <= 0) return 0;
  double dot = 0;
  for (const WeightedTerm& t : terms) {
    auto it = story.centroid.find(t.key);
    if (it != story.centroid.end()) dot += it->second * t.weight;
  }
  return dot / std::sqrt(story.centroid_norm2);
}

// 1 within kGraceDays of the story's newest member, then decaying over
// window_days; and decaying likewise once the story is older than
// max_story_age_days, so a beat covered every day does not grow into one
// endless story. 1 when either date is unknown.
double StoryClusterer::Impl::TimeFactor(const StoryState& story, double day) const {
  if (std::isnan(day) || !std::isfinite(story.last_day)) return 1;
  double factor = 1;
  double gap = std::abs(day - story.last_day);
  if (gap > kGraceDays) factor *= std::exp(-(gap - kGraceDays) / options_.window_days);
  double age = day - story.first_day;
  if (age > options_.max_story_age_days) {
    factor *= std::exp(-(age - options_.max_story_age_days) / options_.window_days);
  }
  return factor;
}

// Agreeing event facts raise the score, conflicting ones lower it: the
// votes of the story's most recent active members (the active members are
// the tail of its member list: articles retire in stream order).
double StoryClusterer::Impl::EventFactor(const StoryState& story,
                                         const story_internal::EventFacts& event) const {
  if (event.empty()) return 1;
  story_internal::EventVotes votes;
  size_t voters = 0;
  for (auto m = story.members.rbegin();
       m != story.members.rend() && voters < story_internal::kMaxFactVoters; ++m, ++voters) {
    auto it = active_.find(*m);
    if (it == active_.end()) break;
    votes.Count(story_internal::MatchEventFacts(event, it->second.event));
  }
  return votes.Factor(options_.event_facts);
}

// The story to join (kNone: a new one) and the closest member in it.
StoryClusterer::Impl::Choice StoryClusterer::Impl::ChooseStory(const StoryFeatures& f,
                                                               double day) {
  Choice choice;
  auto copy = exact_.find(f.identical);
  if (copy != exact_.end()) {
    return {records_[copy->second].story, copy->second, 1.0};
  }
  // The most similar active member of each story sharing terms, in a
  // scratch array by story (kNone: not seen yet); `stories` lists those seen.
  best_member_.resize(stories_.size(), {kNone, -1.0});
  std::vector<uint32_t> stories;
  for (const auto& [m, sim] : MemberSimilarities(f.terms)) {
    auto& best = best_member_[records_[m].story];
    if (best.first == kNone) {
      stories.push_back(records_[m].story);
      best.first = m;
    }
    if (sim > best.second) best = {m, sim};
  }
  struct Ranked {
    double similarity;
    uint32_t story;
    uint32_t member;  // the story's most similar member
  };
  std::vector<Ranked> ranked;
  ranked.reserve(stories.size());
  for (uint32_t s : stories) {
    ranked.push_back({best_member_[s].second, s, best_member_[s].first});
    best_member_[s] = {kNone, -1.0};
  }
  // The max_candidates first in a total order (stories are distinct): the
  // order `stories` came in does not matter, and a partial sort gives the
  // same first ones as a full sort.
  const size_t keep = std::min<size_t>(ranked.size(), options_.max_candidates);
  std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                    [](const Ranked& x, const Ranked& y) {
                      return x.similarity != y.similarity ? x.similarity > y.similarity
                                                          : x.story < y.story;
                    });
  ranked.resize(keep);
  // Each story's score over the threshold that applies to it; the best
  // margin of at least 1 wins.
  // Ties go to the story ranked first.
  double best_margin = 0;
  for (const auto& [member_sim, s, member] : ranked) {
    StoryState& story = stories_[s];
    bool dated = !std::isnan(day) && std::isfinite(story.last_day);
    double threshold = dated ? options_.join_threshold : options_.join_threshold_undated;
    double score = CentroidCosine(story, f.terms) * TimeFactor(story, day) *
                   EventFactor(story, f.event);
    double margin = score / threshold;
    if (margin >= 1 && margin > best_margin) {
      best_margin = margin;
      choice = {s, member, member_sim};
    }
  }
  return choice;
}

void StoryClusterer::Impl::Insert(uint32_t article, uint32_t s, StoryFeatures&& f,
                                  std::shared_ptr<const Article> text, double day) {
  StoryState& story = stories_[s];
  story.members.push_back(article);
  ++story.active_members;
  if (!std::isnan(day)) {
    story.last_day = std::max(story.last_day, day);
    story.first_day = std::min(story.first_day, day);
  }
  for (const WeightedTerm& t : f.terms) {
    story.centroid[t.key] += t.weight;
    postings_[t.key].emplace_back(article, t.weight);
  }
  story.norm_dirty = true;
  live_postings_ += f.terms.size();
  if (f.identical.words > 0) exact_.emplace(f.identical, article);
  text_bytes_ += text->body.size();
  text_bytes_ += f.prose_runs.capacity() * sizeof(uint32_t);
  active_[article] = ActiveArticle{f.identical, std::move(f.terms), std::move(f.names),
                                   std::move(f.prose_runs), std::move(f.event), std::move(text)};
  active_order_.push_back(article);
}

StoryPlacement StoryClusterer::Impl::Place(StoryFeatures&& f) {
  const uint32_t article = static_cast<uint32_t>(records_.size());
  const double day = WindowDay(f);
  RetireOld(day);
  Choice choice = ChooseStory(f, day);

  StoryPlacement out;
  out.assignment.id = f.article.id;
  ArticleRecord record;
  record.id = f.article.id;
  record.day = f.day ? static_cast<float>(*f.day) : std::numeric_limits<float>::quiet_NaN();
  record.window_day = day;
  record.words = f.words;
  record.title = ShortTitle(f.article);
  auto text = std::make_shared<const Article>(std::move(f.article));
  out.article = text;
  if (choice.story == kNone) {
    choice.story = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
  } else {
    const ActiveArticle& closest = active_.at(choice.closest);
    out.assignment.closest = records_[choice.closest].id;
    out.assignment.similarity = choice.similarity;
    auto copy = exact_.find(f.identical);
    if (copy != exact_.end() && copy->second == choice.closest) {
      out.assignment.relation = Relation::kIdentical;
    } else {
      auto pending = std::make_shared<StoryPlacement::Pending>();
      pending->closest = closest.article;
      pending->closest_names = closest.names;
      pending->article = text;
      pending->names = f.names;
      pending->similarity = choice.similarity;
      uint32_t shorter = std::min(records_[choice.closest].words, f.words);
      pending->shares_prose =
          story_internal::CountShared(closest.prose_runs, f.prose_runs) >=
          MinSharedProseRuns(options_.compare.thresholds, shorter);
      out.pending = std::move(pending);
    }
  }
  record.story = choice.story;
  out.assignment.story = choice.story;
  records_.push_back(std::move(record));
  Insert(article, choice.story, std::move(f), std::move(text), day);
  TrackMemory();
  return out;
}

// Place without choosing: the same retirements, record and insertion, so
// the state after it is the state after Place (the only state ChooseStory
// touches is the lazily recomputed centroid norm, a function of the
// centroid).
Status StoryClusterer::Impl::Replay(StoryFeatures&& f, const StoryAssignment& known) {
  if (f.article.id != known.id) {
    return InvalidArgumentError("story replay: article " + std::to_string(records_.size()) +
                                " is " + f.article.id + ", stored as " + known.id);
  }
  if (known.story > stories_.size()) {
    return InvalidArgumentError("story replay: " + known.id + " is stored in story " +
                                std::to_string(known.story) + " but only " +
                                std::to_string(stories_.size()) + " exist");
  }
  const uint32_t article = static_cast<uint32_t>(records_.size());
  const double day = WindowDay(f);
  RetireOld(day);
  const auto story = static_cast<uint32_t>(known.story);
  if (story == stories_.size()) stories_.emplace_back();
  ArticleRecord record;
  record.id = f.article.id;
  record.story = story;
  record.day = f.day ? static_cast<float>(*f.day) : std::numeric_limits<float>::quiet_NaN();
  record.window_day = day;
  record.words = f.words;
  record.title = ShortTitle(f.article);
  records_.push_back(std::move(record));
  auto text = std::make_shared<const Article>(std::move(f.article));
  Insert(article, story, std::move(f), std::move(text), day);
  TrackMemory();
  return Status::Ok();
}

size_t StoryClusterer::Impl::MemoryBytes() const {
  size_t bytes = records_.capacity() * sizeof(ArticleRecord) + dot_.capacity() * sizeof(double) +
                 touched_.capacity() * sizeof(uint32_t);
  for (const ArticleRecord& r : records_) {
    bytes += r.title.capacity() > 15 ? r.title.capacity() : 0;
    bytes += r.id.capacity() > 15 ? r.id.capacity() : 0;
  }
  bytes += stories_.capacity() * sizeof(StoryState);
  for (const StoryState& s : stories_) {
    bytes += s.members.capacity() * sizeof(uint32_t);
    bytes += s.centroid.bucket_count() * sizeof(void*) + s.centroid.size() * 32;
  }
  // Hash tables: buckets plus one node per element.
  bytes += active_.bucket_count() * sizeof(void*) +
           active_.size() * (sizeof(ActiveArticle) + 16);
  for (const auto& [a, state] : active_) {
    bytes += state.terms.capacity() * sizeof(WeightedTerm) +
             state.names.capacity() * sizeof(uint32_t) + EventBytes(state.event);
  }
  bytes += active_order_.size() * sizeof(uint32_t);
  bytes += postings_.bucket_count() * sizeof(void*) +
           postings_.size() * (sizeof(std::vector<std::pair<uint32_t, float>>) + 24);
  for (const auto& [k, list] : postings_) {
    bytes += list.capacity() * sizeof(std::pair<uint32_t, float>);
  }
  bytes += exact_.bucket_count() * sizeof(void*) + exact_.size() * 32;
  return bytes;
}

void StoryClusterer::Impl::TrackMemory() {
  // Sampled: MemoryBytes walks the tables.
  if ((records_.size() & 1023) == 0) peak_bytes_ = std::max(peak_bytes_, MemoryBytes());
}

Story StoryClusterer::Impl::StoryOf(uint32_t s) const {
  // Origin order: dated before undated, earlier first, then more words,
  // then earlier in the stream.
  auto before = [this](uint32_t a, uint32_t b) {
    const ArticleRecord& x = records_[a];
    const ArticleRecord& y = records_[b];
    bool xd = !std::isnan(x.day), yd = !std::isnan(y.day);
    if (xd != yd) return xd;
    if (xd && x.day != y.day) return x.day < y.day;
    if (x.words != y.words) return x.words > y.words;
    return a < b;
  };
  {
    const StoryState& state = stories_[s];
    Story story;
    story.story = s;
    story.members.reserve(state.members.size());
    uint32_t origin = state.members.front();
    double first = std::numeric_limits<double>::infinity(), last = -first;
    for (uint32_t m : state.members) {
      story.members.push_back(records_[m].id);
      if (before(m, origin)) origin = m;
      if (!std::isnan(records_[m].day)) {
        first = std::min<double>(first, records_[m].day);
        last = std::max<double>(last, records_[m].day);
      }
    }
    story.origin = records_[origin].id;
    story.title = records_[origin].title;
    if (std::isfinite(first)) {
      story.first_seen = FormatIsoDate(first);
      story.last_seen = FormatIsoDate(last);
    }
    return story;
  }
}

std::vector<Story> StoryClusterer::Impl::Stories() const {
  std::vector<Story> out;
  out.reserve(stories_.size());
  for (uint32_t s = 0; s < stories_.size(); ++s) out.push_back(StoryOf(s));
  return out;
}

StoryClusterer::StoryClusterer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryClusterer::~StoryClusterer() = default;

Result<std::unique_ptr<StoryClusterer>> StoryClusterer::Create(
    const StoryOptions& options) {
  RETURN_IF_ERROR(ValidateStoryOptions(options));
  return std::unique_ptr<StoryClusterer>(
      new StoryClusterer(std::make_unique<Impl>(options)));
}

StoryFeaturesPtr StoryClusterer::Prepare(Article article, const StoryOptions& options) {
  return StoryFeaturesPtr(new StoryFeatures(
      story_internal::ComputeStoryFeatures(std::move(article), options)));
}

StoryPlacement StoryClusterer::Place(StoryFeaturesPtr features) {
  return impl_->Place(std::move(*features));
}

void StoryClusterer::Relate(StoryPlacement* placement, const StoryOptions& options) {
  if (placement->pending == nullptr) return;
  const StoryPlacement::Pending& p = *placement->pending;
  Relation relation = Relation::kSameStory;
  bool decided = false;
  if (p.shares_prose || p.similarity >= kParaphraseGate) {
    compare_internal::CompareSide earlier =
        compare_internal::ComputeCompareSide(Analyze(*p.closest, options.analyze));
    compare_internal::CompareSide later =
        compare_internal::ComputeCompareSide(Analyze(*p.article, options.analyze));
    CompareOptions compare = options.compare;
    compare.align = false;
    compare.quotes = false;
    compare.facts = false;
    // Only the relation is needed: RelationOf gives Compare's, skipping
    // the alignment and the facts when the cheaper scores decide it.
    Result<Relation> r = compare_internal::RelationOf(earlier, later, compare);
    if (r.ok()) {
      relation = *r;
      decided = true;
    }
  }
  if (!decided) {
    // No copy relation is possible; same_story or related is read from the
    // compact vectors with compare's thresholds.
    CompareScores s;
    s.term_similarity = s.content_similarity = s.topic_similarity = p.similarity;
    s.name_overlap = NameOverlap(p.closest_names, p.names);
    s.story_score = StoryScore(p.similarity, s.name_overlap,
                               static_cast<uint32_t>(p.closest_names.size() + p.names.size()));
    std::optional<double> d0 = ParseIsoDays(p.closest->published);
    std::optional<double> d1 = ParseIsoDays(p.article->published);
    if (d0 && d1) s.days_apart = std::abs(*d0 - *d1);
    relation = ClassifyRelation(s, options.compare.thresholds);
  }
  placement->assignment.relation = relation;
  placement->pending.reset();
}

Status StoryClusterer::Replay(StoryFeaturesPtr features, const StoryAssignment& known) {
  return impl_->Replay(std::move(*features), known);
}

StoryAssignment StoryClusterer::Add(StoryFeaturesPtr features) {
  StoryPlacement placement = Place(std::move(features));
  Relate(&placement, impl_->options());
  return placement.assignment;
}

std::vector<Story> StoryClusterer::Stories() const { return impl_->Stories(); }

Result<Story> StoryClusterer::StoryOf(uint64_t story) const {
  if (story >= impl_->story_count()) {
    return NotFoundError("no story " + std::to_string(story));
  }
  return impl_->StoryOf(static_cast<uint32_t>(story));
}
uint64_t StoryClusterer::size() const { return impl_->size(); }
size_t StoryClusterer::MemoryBytes() const { return impl_->MemoryBytes(); }
size_t StoryClusterer::PeakMemoryBytes() const {
  return std::max(impl_->peak_bytes(), impl_->MemoryBytes());
}
size_t StoryClusterer::TextBytes() const { return impl_->text_bytes(); }

}  // namespace twicetold
