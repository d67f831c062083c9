#include "twicetold/story.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/iso_date.h"
#include "story/story_features.h"

namespace twicetold {

using ::twicetold::CompactVector;
using story_internal::Dot;

void StoryFeaturesDeleter::operator()(StoryFeatures* f) const { delete f; }

Status ValidateStoryOptions(const StoryOptions& o) {
  if (!(o.window_days > 0)) return InvalidArgumentError("window_days must be > 0");
  if (o.max_active_articles == 0) {
    return InvalidArgumentError("max_active_articles must be >= 1");
  }
  for (double t : {o.join_threshold, o.join_threshold_undated}) {
    if (!(t > 0 && t <= 1)) return InvalidArgumentError("join thresholds must be in (0, 1]");
  }
  if (o.max_candidates == 0) return InvalidArgumentError("max_candidates must be >= 1");
  return Status::Ok();
}

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// Postings scanned per term, newest first: a word shared by thousands of
// recent articles ("Trump") still finds the recent ones, at bounded cost.
constexpr size_t kMaxPostingsPerTerm = 256;
// A story's centroid keeps its heaviest terms only.
constexpr size_t kMaxCentroidTerms = 64;
// Below this compact cosine to the closest member no rewrite is possible
// (every rewrite rule needs term similarity >= 0.3), so the relation is
// decided from the compact features without the full comparison.
constexpr double kFullCompareGate = 0.25;

// What is kept of an article while its story is active.
struct ActiveArticle {
  CompactVector terms;
  std::vector<uint32_t> names;
  Article article;  // for the full comparison with later members
};

// What is kept of every article, active or not.
struct ArticleRecord {
  uint32_t story = 0;
  float day = std::numeric_limits<float>::quiet_NaN();  // NaN: undated
  uint32_t words = 0;
  bool active = true;
  std::string title;  // first words of the body when the title is empty
};

struct StoryState {
  std::vector<uint32_t> members;
  std::map<uint32_t, double> centroid;  // key -> summed weight (bounded)
  double last_day = -std::numeric_limits<double>::infinity();
  uint64_t last_article = 0;
  bool active = true;
};

std::string ShortTitle(const Article& a) {
  if (!a.title.empty()) return a.title;
  std::string out;
  int words = 0;
  for (size_t i = 0; i < a.body.size() && words < 12; ++i) {
    char c = a.body[i];
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
        ++words;
      }
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

double NameOverlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t shared = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return static_cast<double>(2 * shared) / static_cast<double>(a.size() + b.size());
}

}  // namespace

class StoryClusterer::Impl {
 public:
  explicit Impl(const StoryOptions& options) : options_(options) {}

  StoryAssignment Add(StoryFeatures&& f);
  std::vector<Story> Stories() const;
  uint64_t size() const { return records_.size(); }
  size_t MemoryBytes() const;
  size_t peak_bytes() const { return peak_bytes_; }

 private:
  double DayOf(const StoryFeatures& f);
  void RetireOldStories(double day);
  void RetireStory(uint32_t story);
  void CompactIndex();
  // Compact cosines to active members sharing terms with `terms`.
  std::vector<std::pair<uint32_t, double>> MemberSimilarities(const CompactVector& terms);
  double CentroidCosine(const StoryState& story, const CompactVector& terms) const;
  double TimeFactor(const StoryState& story, double day) const;
  void Insert(uint32_t article, uint32_t story, StoryFeatures&& f, double day);
  Relation RelationTo(uint32_t closest, const StoryFeatures& f, double similarity);
  void TrackMemory();

  StoryOptions options_;
  std::vector<ArticleRecord> records_;
  std::vector<StoryState> stories_;
  std::unordered_map<uint64_t, ActiveArticle> active_;  // by article number
  // key -> (article, its weight for the key), in stream order.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, float>>> postings_;
  std::unordered_map<uint64_t, uint32_t> exact_;  // exact hash -> first article
  double latest_day_ = std::numeric_limits<double>::quiet_NaN();
  uint64_t dead_postings_ = 0;
  uint64_t live_postings_ = 0;
  uint64_t active_text_bytes_ = 0;
  size_t peak_bytes_ = 0;
  uint32_t oldest_active_story_ = 0;
};

// Undated articles take the latest date seen so far: in a stream sorted by
// date they belong to "now".
double StoryClusterer::Impl::DayOf(const StoryFeatures& f) {
  if (f.day.has_value()) {
    if (std::isnan(latest_day_) || *f.day > latest_day_) latest_day_ = *f.day;
    return *f.day;
  }
  return latest_day_;
}

void StoryClusterer::Impl::RetireOldStories(double day) {
  for (uint32_t s = oldest_active_story_; s < stories_.size(); ++s) {
    StoryState& story = stories_[s];
    if (!story.active) continue;
    bool expired = !std::isnan(day) && std::isfinite(story.last_day) &&
                   story.last_day < day - options_.window_days;
    if (expired) RetireStory(s);
  }
  // Without dates, memory is bounded by the number of active articles:
  // the stories that were extended longest ago leave first.
  while (active_.size() > options_.max_active_articles) {
    uint32_t oldest = kNone;
    for (uint32_t s = oldest_active_story_; s < stories_.size(); ++s) {
      if (stories_[s].active &&
          (oldest == kNone || stories_[s].last_article < stories_[oldest].last_article)) {
        oldest = s;
      }
    }
    if (oldest == kNone) break;
    RetireStory(oldest);
  }
  while (oldest_active_story_ < stories_.size() &&
         !stories_[oldest_active_story_].active) {
    ++oldest_active_story_;
  }
  if (dead_postings_ > live_postings_ && dead_postings_ > 4096) CompactIndex();
}

void StoryClusterer::Impl::RetireStory(uint32_t s) {
  StoryState& story = stories_[s];
  story.active = false;
  story.centroid.clear();
  for (uint32_t m : story.members) {
    auto it = active_.find(m);
    if (it == active_.end()) continue;
    dead_postings_ += it->second.terms.size();
    live_postings_ -= it->second.terms.size();
    active_text_bytes_ -= it->second.article.body.size();
    active_.erase(it);
    records_[m].active = false;
  }
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
  for (auto it = exact_.begin(); it != exact_.end();) {
    it = records_[it->second].active ? std::next(it) : exact_.erase(it);
  }
  dead_postings_ = 0;
}

std::vector<std::pair<uint32_t, double>> StoryClusterer::Impl::MemberSimilarities(
    const CompactVector& terms) {
  std::unordered_map<uint32_t, double> dot;
  for (const auto& [key, weight] : terms) {
    auto it = postings_.find(key);
    if (it == postings_.end()) continue;
    const auto& list = it->second;
    size_t scanned = 0;
    for (auto p = list.rbegin(); p != list.rend() && scanned < kMaxPostingsPerTerm; ++p) {
      if (!records_[p->first].active) continue;
      ++scanned;
      dot[p->first] += static_cast<double>(weight) * p->second;
    }
  }
  std::vector<std::pair<uint32_t, double>> out(dot.begin(), dot.end());
  std::sort(out.begin(), out.end());
  return out;
}

double StoryClusterer::Impl::CentroidCosine(const StoryState& story,
                                            const CompactVector& terms) const {
  double dot = 0, norm = 0;
  for (const auto& [key, w] : story.centroid) norm += w * w;
  if (norm == 0) return 0;
  for (const auto& t : terms) {
    auto it = story.centroid.find(t.key);
    if (it != story.centroid.end()) dot += it->second * t.weight;
  }
  return dot / std::sqrt(norm);
}

// 1 within a couple of days of the story's newest member, then decaying;
// 1 when either date is unknown.
double StoryClusterer::Impl::TimeFactor(const StoryState& story, double day) const {
  if (std::isnan(day) || !std::isfinite(story.last_day)) return 1;
  double gap = std::abs(day - story.last_day);
  if (gap > options_.window_days) return 0;
  constexpr double kGrace = 2;
  return gap <= kGrace ? 1 : std::exp(-(gap - kGrace) / options_.window_days);
}

void StoryClusterer::Impl::Insert(uint32_t article, uint32_t s, StoryFeatures&& f,
                                  double day) {
  StoryState& story = stories_[s];
  story.members.push_back(article);
  if (!std::isnan(day)) story.last_day = std::max(story.last_day, day);
  story.last_article = article;
  for (const auto& t : f.terms) {
    story.centroid[t.key] += t.weight;
    postings_[t.key].emplace_back(article, t.weight);
  }
  live_postings_ += f.terms.size();
  if (story.centroid.size() > kMaxCentroidTerms * 2) {
    std::vector<std::pair<double, uint32_t>> ranked;
    for (const auto& [k, w] : story.centroid) ranked.emplace_back(w, k);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    ranked.resize(kMaxCentroidTerms);
    story.centroid.clear();
    for (const auto& [w, k] : ranked) story.centroid[k] = w;
  }
  exact_.emplace(uint64_t{f.exact_high} ^ (f.exact_low * 0x9E3779B97F4A7C15ULL), article);
  active_text_bytes_ += f.analyzed.article.body.size();
  active_[article] = ActiveArticle{std::move(f.terms), std::move(f.names),
                                   std::move(f.analyzed.article)};
}

Relation StoryClusterer::Impl::RelationTo(uint32_t closest, const StoryFeatures& f,
                                          double similarity) {
  const ActiveArticle& other = active_.at(closest);
  if (similarity >= kFullCompareGate) {
    AnalyzedArticle earlier = Analyze(other.article, options_.analyze);
    CompareOptions compare = options_.compare;
    compare.align = false;
    compare.quotes = false;
    compare.facts = false;
    Result<Comparison> c = Compare(earlier, f.analyzed, compare);
    if (c.ok()) return c->relation;
  }
  // Below the gate: no copy relation is possible; same_story or related is
  // read from the compact vectors with compare's thresholds.
  CompareScores s;
  s.term_similarity = similarity;
  s.content_similarity = similarity;
  s.topic_similarity = similarity;
  s.name_overlap = NameOverlap(other.names, f.names);
  uint32_t names_total = static_cast<uint32_t>(other.names.size() + f.names.size());
  s.story_score = StoryScore(similarity, s.name_overlap, names_total);
  std::optional<double> d1 = ParseIsoDays(other.article.published);
  if (d1 && f.day) s.days_apart = std::abs(*d1 - *f.day);
  return ClassifyRelation(s, options_.compare.thresholds);
}

StoryAssignment StoryClusterer::Impl::Add(StoryFeatures&& f) {
  const uint32_t article = static_cast<uint32_t>(records_.size());
  double day = DayOf(f);
  RetireOldStories(day);
  StoryAssignment out;
  out.article = article;

  // An exact copy of an active article joins it.
  uint64_t exact_key = f.exact_high ^ (f.exact_low * 0x9E3779B97F4A7C15ULL);
  auto copy = exact_.find(exact_key);
  std::vector<std::pair<uint32_t, double>> sims = MemberSimilarities(f.terms);
  uint32_t best_story = kNone, closest = kNone;
  // A story's score over the join threshold that applies to it; the best
  // story with a margin of at least 1 is joined.
  double best_margin = 0, closest_sim = 0;
  if (copy != exact_.end() && records_[copy->second].active) {
    closest = copy->second;
    best_story = records_[closest].story;
    best_margin = closest_sim = 1;
  } else {
    // Best member similarity per story, then the story score.
    std::unordered_map<uint32_t, std::pair<uint32_t, double>> per_story;
    for (const auto& [m, sim] : sims) {
      auto& slot = per_story.try_emplace(records_[m].story, m, -1.0).first->second;
      if (sim > slot.second) slot = {m, sim};
    }
    std::vector<std::pair<double, uint32_t>> ranked;
    for (const auto& [s, best] : per_story) ranked.emplace_back(best.second, s);
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    if (ranked.size() > options_.max_candidates) ranked.resize(options_.max_candidates);
    for (const auto& [member_sim, s] : ranked) {
      double centroid = CentroidCosine(stories_[s], f.terms);
      double threshold = std::isnan(day) || !std::isfinite(stories_[s].last_day)
                             ? options_.join_threshold_undated
                             : options_.join_threshold;
      double score = std::max(member_sim, centroid) * TimeFactor(stories_[s], day);
      double margin = score / std::max(threshold, 1e-9);
      if (margin > best_margin) {
        best_margin = margin;
        best_story = s;
        closest = per_story[s].first;
        closest_sim = member_sim;
      }
    }
    if (best_margin < 1) best_story = kNone;
  }

  ArticleRecord record;
  record.day = f.day ? static_cast<float>(*f.day) : std::numeric_limits<float>::quiet_NaN();
  record.words = f.words;
  record.title = ShortTitle(f.analyzed.article);
  if (best_story == kNone) {
    best_story = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
    out.similarity = 0;
  } else {
    out.closest = closest;
    out.similarity = closest_sim;
    bool identical = copy != exact_.end() && copy->second == closest;
    out.relation = identical ? Relation::kIdentical : RelationTo(closest, f, closest_sim);
  }
  record.story = best_story;
  out.story = best_story;
  records_.push_back(std::move(record));
  Insert(article, best_story, std::move(f), day);
  TrackMemory();
  return out;
}

size_t StoryClusterer::Impl::MemoryBytes() const {
  size_t bytes = records_.capacity() * sizeof(ArticleRecord);
  for (const ArticleRecord& r : records_) bytes += r.title.capacity() > 15 ? r.title.capacity() : 0;
  bytes += stories_.capacity() * sizeof(StoryState);
  for (const StoryState& s : stories_) {
    bytes += s.members.capacity() * sizeof(uint32_t);
    bytes += s.centroid.size() * (sizeof(std::pair<uint32_t, double>) + 32);
  }
  // Hash tables: buckets plus one node per element.
  bytes += active_.bucket_count() * sizeof(void*) +
           active_.size() * (sizeof(ActiveArticle) + 16);
  for (const auto& [a, state] : active_) {
    bytes += state.terms.capacity() * sizeof(WeightedTerm) +
             state.names.capacity() * sizeof(uint32_t);
  }
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
  if ((records_.size() & 255) == 0) peak_bytes_ = std::max(peak_bytes_, MemoryBytes());
}

std::vector<Story> StoryClusterer::Impl::Stories() const {
  std::vector<Story> out;
  out.reserve(stories_.size());
  for (uint32_t s = 0; s < stories_.size(); ++s) {
    const StoryState& state = stories_[s];
    Story story;
    story.story = s;
    story.members.assign(state.members.begin(), state.members.end());
    // Origin: earliest dated member; among equals the most words, then the
    // first in the stream. Undated members come after every dated one.
    uint32_t origin = state.members.front();
    auto before = [this](uint32_t a, uint32_t b) {
      const ArticleRecord& x = records_[a];
      const ArticleRecord& y = records_[b];
      bool xd = !std::isnan(x.day), yd = !std::isnan(y.day);
      if (xd != yd) return xd;
      if (xd && x.day != y.day) return x.day < y.day;
      if (x.words != y.words) return x.words > y.words;
      return a < b;
    };
    double first = std::numeric_limits<double>::infinity(), last = -first;
    for (uint32_t m : state.members) {
      if (before(m, origin)) origin = m;
      if (!std::isnan(records_[m].day)) {
        first = std::min<double>(first, records_[m].day);
        last = std::max<double>(last, records_[m].day);
      }
    }
    story.origin = origin;
    story.title = records_[origin].title;
    if (std::isfinite(first)) {
      story.first_seen = FormatIsoDate(first);
      story.last_seen = FormatIsoDate(last);
    }
    out.push_back(std::move(story));
  }
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

StoryAssignment StoryClusterer::Add(StoryFeaturesPtr features) {
  return impl_->Add(std::move(*features));
}

std::vector<Story> StoryClusterer::Stories() const { return impl_->Stories(); }
uint64_t StoryClusterer::size() const { return impl_->size(); }
size_t StoryClusterer::MemoryBytes() const { return impl_->MemoryBytes(); }
size_t StoryClusterer::PeakMemoryBytes() const {
  return std::max(impl_->peak_bytes(), impl_->MemoryBytes());
}

}  // namespace twicetold
