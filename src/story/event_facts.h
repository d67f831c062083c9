// Event facts of an article, for telling one event from another event of
// the same kind: where (places named after "in", "at", "near", "outside",
// and the dateline), which years are mentioned, and when (days and months,
// with relative dates such as "on Tuesday", "yesterday" or "last March"
// resolved against the publication date). Two reports of two fires in two
// towns share every word but these; agreeing facts pull reports together,
// conflicting ones keep them apart (EventFactFactor). Deterministic from
// the article alone (a store's replay recomputes them). Thread-safe.
#ifndef TWICETOLD_STORY_EVENT_FACTS_H_
#define TWICETOLD_STORY_EVENT_FACTS_H_

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/story.h"

namespace twicetold::story_internal {

// Each vector sorted and distinct; at most kMaxEventFacts entries each (the
// first mentioned, which in news are the lede's).
struct EventFacts {
  std::vector<uint32_t> places;  // 32-bit hashes of folded place names
  std::vector<uint32_t> years;   // years mentioned, 1900-2099
  std::vector<int32_t> days;     // resolved days, days since 1970-01-01
  std::vector<int32_t> months;   // resolved months (year * 12 + month - 1),
                                 // including those of `days`
  bool empty() const {
    return places.empty() && years.empty() && days.empty() && months.empty();
  }
};

inline constexpr size_t kMaxEventFacts = 8;

// The event facts of `article`. `published_day` (days since 1970, as from
// ParseIsoDays) resolves relative dates; without it only dates that name
// their year count.
EventFacts ExtractEventFacts(const AnalyzedArticle& article,
                             std::optional<double> published_day);

// The event facts of a story's active members, as counts (a multiset):
// members are added when they join and removed when they leave the window.
class StoryEventFacts {
 public:
  void Add(const EventFacts& f) { Update(f, +1); }
  void Remove(const EventFacts& f) { Update(f, -1); }

  bool HasPlace(uint32_t key) const { return places_.count(key) > 0; }
  bool HasYear(uint32_t year) const { return years_.count(year) > 0; }
  bool HasDay(int32_t day) const { return days_.count(day) > 0; }
  bool HasMonth(int32_t month) const { return months_.count(month) > 0; }
  bool any_place() const { return !places_.empty(); }
  bool any_year() const { return !years_.empty(); }
  bool any_day() const { return !days_.empty(); }
  bool any_month() const { return !months_.empty(); }
  size_t MemoryBytes() const;

 private:
  void Update(const EventFacts& f, int delta);
  std::unordered_map<uint32_t, uint32_t> places_, years_;
  std::unordered_map<int32_t, uint32_t> days_, months_;
};

// How one kind of fact relates an article to a story.
enum class FactMatch { kUnknown, kAgree, kConflict };

// Per kind: kUnknown when either side has none; kAgree when they share one
// (days within a day of each other; for "when", a shared month counts when
// either side has no day); kConflict otherwise.
struct EventFactMatches {
  FactMatch place = FactMatch::kUnknown;
  FactMatch year = FactMatch::kUnknown;
  FactMatch when = FactMatch::kUnknown;
};
EventFactMatches MatchEventFacts(const EventFacts& article, const StoryEventFacts& story);

// The factor applied to a story score: the product over kinds of
// (1 + agree) on agreement and `conflict` on conflict (EventFactWeights).
double EventFactFactor(const EventFactMatches& matches, const EventFactWeights& weights);

}  // namespace twicetold::story_internal

#endif  // TWICETOLD_STORY_EVENT_FACTS_H_
