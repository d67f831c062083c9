// Event facts of an article, for telling one event from another event of
// the same kind: where (places named after "in", "at", "near", "outside",
// and the dateline), which years are mentioned, when (days and months,
// with relative dates such as "on Tuesday", "yesterday" or "last March"
// resolved against the publication date), and who (the surnames of the
// people named first). Two reports of two fires in two towns share every
// word but these; agreeing facts pull reports together,
// conflicting ones keep them apart (EventFactFactor). Deterministic from
// the article alone (a store's replay recomputes them). Thread-safe.
#ifndef TWICETOLD_STORY_EVENT_FACTS_H_
#define TWICETOLD_STORY_EVENT_FACTS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "text/folded_words.h"
#include "twicetold/analyze.h"
#include "twicetold/story.h"

namespace twicetold::story_internal {

// Six sorted distinct lists, of at most kMaxEventFacts entries each (the
// first mentioned, which in news are the lede's), kept one after another
// in one vector (the clusterer holds one per active article):
//   places   32-bit hashes of folded place names (as int32)
//   years    years mentioned, 1900-2099
//   days     resolved days, days since 1970-01-01
//   months   resolved months (year * 12 + month - 1), with those of `days`
//   numbers  32-bit hashes of folded words with a digit that are neither
//            years nor the day after a month: counts, ages, scores, model
//            numbers ("8900", "q10")
//   people   32-bit hashes of the folded last words of capitalised runs of
//            two or more words that are neither places nor organisations
//            ("Eric Allen Kirkpatrick" -> "kirkpatrick"; not "New Zealand",
//            "Police Department" or "Monday Night")
struct EventFacts {
  std::vector<int32_t> keys;
  std::array<uint8_t, 6> sizes = {};  // of the six lists, in that order

  std::span<const int32_t> places() const { return Part(0); }
  std::span<const int32_t> years() const { return Part(1); }
  std::span<const int32_t> days() const { return Part(2); }
  std::span<const int32_t> months() const { return Part(3); }
  std::span<const int32_t> numbers() const { return Part(4); }
  std::span<const int32_t> people() const { return Part(5); }
  bool empty() const { return keys.empty(); }

 private:
  std::span<const int32_t> Part(int k) const {
    size_t begin = 0;
    for (int i = 0; i < k; ++i) begin += sizes[i];
    return std::span<const int32_t>(keys).subspan(begin, sizes[k]);
  }
};

inline constexpr size_t kMaxEventFacts = 8;

// The event facts of `article`. `published_day` (days since 1970, as from
// ParseIsoDays) resolves relative dates; without it only dates that name
// their year count.
EventFacts ExtractEventFacts(const AnalyzedArticle& article,
                             std::optional<double> published_day);

// The same, reading the folded words of the article's tokens from `words`
// (text_internal::FoldWords of its normalized text and tokens).
EventFacts ExtractEventFacts(const AnalyzedArticle& article, std::optional<double> published_day,
                             const text_internal::FoldedWords& words);

// How one kind of fact relates two articles.
enum class FactMatch { kUnknown, kAgree, kConflict };

// Per kind: kUnknown when either side has none; kAgree when they share one
// (days within a day of each other; for "when", a shared month counts when
// either side names no day); kConflict otherwise.
struct EventFactMatches {
  FactMatch place = FactMatch::kUnknown;
  FactMatch year = FactMatch::kUnknown;
  FactMatch when = FactMatch::kUnknown;
  FactMatch number = FactMatch::kUnknown;
  FactMatch person = FactMatch::kUnknown;  // kUnknown when place or time agrees
  // Another place and another time (year or date), nothing agreeing: on
  // ECB+ 13% of pairs of two events of one topic, 2% of pairs of one event.
  bool PlaceAndTimeConflict() const;
};
EventFactMatches MatchEventFacts(const EventFacts& a, const EventFacts& b);

// Tallies, per kind, how many members of a story agree and conflict with
// an article; the factor on the story score is, per kind with any known
// pair, (1 + agree weight)^p * (conflict weight)^(1 - p), p the share of
// agreeing pairs among known ones (EventFactWeights). A story half of
// whose members name one town and half another neither pulls nor repels
// a report of either town as much as a story of one town does. Then, over
// the pairs whose places are both known, the share q of PlaceAndTimeConflict
// pairs multiplies the factor by place_and_time_conflict^q.
class EventVotes {
 public:
  void Count(const EventFactMatches& m);
  double Factor(const EventFactWeights& weights) const;

 private:
  uint32_t agree_[5] = {}, conflict_[5] = {};
  uint32_t places_known_ = 0, place_and_time_ = 0;
};

// Members of a story compared with an article: the most recent ones.
inline constexpr size_t kMaxFactVoters = 64;

}  // namespace twicetold::story_internal

#endif  // TWICETOLD_STORY_EVENT_FACTS_H_
