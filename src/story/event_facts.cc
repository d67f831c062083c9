#include "story/event_facts.h"

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/iso_date.h"
#include "text/lexicon.h"
#include "text/terms.h"

namespace twicetold::story_internal {
namespace {

using text_internal::FoldWord;
using text_internal::IsFactTitle;
using text_internal::IsNameStopWord;
using text_internal::IsOrgWord;
using text_internal::IsPlaceStart;
using text_internal::IsWeekday;
using text_internal::MonthIndex;

// Words before a place name. "to" and "from" precede people and outlets as
// often as places.
inline bool IsPlaceCue(std::string_view folded) {
  // By length first: most words are out after one look.
  switch (folded.size()) {
    case 2:
      return folded == "in" || folded == "at";
    case 4:
      return folded == "near";
    case 7:
      return folded == "outside";
    default:
      return false;
  }
}

int32_t HashText(std::string_view s) {
  return static_cast<int32_t>(static_cast<uint32_t>(XXH3_64bits(s.data(), s.size())));
}

std::optional<int> SmallNumber(std::string_view raw, int lo, int hi) {
  if (raw.empty() || raw.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : raw) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

// Days since 1970 of a civil date; nullopt for impossible dates.
std::optional<int32_t> CivilDay(int year, int month, int day) {
  char iso[40];  // room for any three ints: an impossible date is never cut short
  std::snprintf(iso, sizeof(iso), "%04d-%02d-%02d", year, month, day);
  std::optional<double> d = ParseIsoDays(iso);
  if (!d) return std::nullopt;
  return static_cast<int32_t>(std::floor(*d));
}

struct Civil {
  int year = 0, month = 0;
};
// The year and month FormatIsoDate prints, read from the same calendar
// fields without the text; outside four-digit years, read back from the
// text as before (its "%04d" year is then not four characters).
Civil CivilOf(int32_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days(day)}};
  const int year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999) return {year, static_cast<int>(static_cast<unsigned>(ymd.month()))};
  std::string iso = FormatIsoDate(day);
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2))};
}

int32_t MonthNumber(int year, int month) { return year * 12 + month - 1; }

// Monday = 0; 1970-01-01 was a Thursday.
int WeekdayOf(int32_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }
int WeekdayIndex(std::string_view folded) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (kDays[i] == folded) return i;
  }
  return -1;
}

// Collects facts in text order, at most kMaxEventFacts of each kind.
class EventScanner {
 public:
  EventScanner(const AnalyzedArticle& a, std::optional<double> published,
               const text_internal::FoldedWords& words)
      : text_(a.normalized.text), tokens_(a.segments.tokens) {
    if (published) today_ = static_cast<int32_t>(std::floor(*published));
    folded_.reserve(tokens_.size());
    for (size_t t = 0; t < tokens_.size(); ++t) folded_.push_back(words.Word(t));
    if (a.cleaned.dateline && !a.cleaned.dateline->place.empty()) {
      AddCapped(&lists_[kPlaces], HashText(FoldWord(a.cleaned.dateline->place)));
    }
  }

  EventFacts Run() {
    size_t run_end = 0;
    for (size_t t = 0; t < tokens_.size(); ++t) {
      if (IsPlaceCue(folded_[t])) Place(t + 1);
      if (auto y = Year(t)) {
        AddCapped(&lists_[kYears], *y);
      } else if (HasDigit(t) && !(t > 0 && IsDateWord(t - 1))) {
        AddCapped(&lists_[kNumbers], HashText(folded_[t]));
      }
      When(t);
      if (t >= run_end && lists_[kPeople].size() < kMaxEventFacts && Capitalised(t)) {
        run_end = Person(t);  // t starts a capitalised run: the last one ended before it
      }
    }
    for (int32_t d : lists_[kDays]) {
      Civil c = CivilOf(d);
      AddCapped(&lists_[kMonths], MonthNumber(c.year, c.month));
    }
    EventFacts out;
    for (int k = 0; k < kLists; ++k) {
      std::sort(lists_[k].begin(), lists_[k].end());
      out.sizes[k] = static_cast<uint8_t>(lists_[k].size());
      out.keys.insert(out.keys.end(), lists_[k].begin(), lists_[k].end());
    }
    out.keys.shrink_to_fit();
    return out;
  }

 private:
  std::string_view Raw(size_t t) const { return tokens_[t].span.In(text_); }
  bool Capitalised(size_t t) const {
    std::string_view r = Raw(t);
    return !r.empty() && r[0] >= 'A' && r[0] <= 'Z';
  }
  bool Adjacent(size_t t) const {  // token t + 1 follows t after spaces only
    for (uint32_t i = tokens_[t].span.end; i < tokens_[t + 1].span.begin; ++i) {
      if (text_[i] != ' ') return false;
    }
    return true;
  }
  bool AfterInitial(size_t t) const {  // token t + 1 follows t after ". " only
    const uint32_t end = tokens_[t].span.end;
    return tokens_[t + 1].span.begin == end + 2 && text_[end] == '.' && text_[end + 1] == ' ';
  }
  static std::string_view WithoutPossessive(std::string_view w) {
    if (w.size() > 2 && w.ends_with("'s")) w.remove_suffix(2);
    return w;
  }
  static bool IsNameSuffix(std::string_view w) {
    return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
  }
  bool HasDigit(size_t t) const {
    if (tokens_[t].kind == TokenKind::kNumber) return true;
    std::string_view r = Raw(t);
    return std::any_of(r.begin(), r.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  bool IsDateWord(size_t t) const {
    return IsWeekday(folded_[t]) || MonthIndex(folded_[t]) != 0;
  }
  std::optional<int> Year(size_t t) const {
    if (tokens_[t].kind != TokenKind::kNumber || Raw(t).size() != 4) return std::nullopt;
    return SmallNumber(Raw(t), 1900, 2099);
  }

  static void AddCapped(std::vector<int32_t>* v, int32_t x) {
    if (v->size() < kMaxEventFacts && std::find(v->begin(), v->end(), x) == v->end()) {
      v->push_back(x);
    }
  }

  // A capitalised run right after a place cue ("in Port Elwood", "at
  // Mount Carrow"), not a date or a title.
  void Place(size_t t) {
    if (t >= tokens_.size() || !Adjacent(t - 1) || !Capitalised(t) || IsDateWord(t) ||
        IsFactTitle(folded_[t])) {
      return;
    }
    std::string key(folded_[t]);
    size_t e = t + 1;
    while (e < tokens_.size() && Adjacent(e - 1) && Capitalised(e) && !IsDateWord(e)) {
      key += ' ';
      key += folded_[e++];
    }
    if (key.size() > 2 && key.ends_with("'s")) key.resize(key.size() - 2);
    AddCapped(&lists_[kPlaces], HashText(key));
  }

  // A capitalised run that starts at t: two or more words after leading
  // function words, days, months and titles ("On Friday Constable Tim
  // Fanning" -> "Tim Fanning"), with no organisation word, not starting
  // like a place and not right after a place cue. Its key is its last word.
  // Returns the end of the run.
  size_t Person(size_t t) {
    const size_t n = tokens_.size();
    size_t e = t + 1;
    for (;;) {
      if (e < n && Adjacent(e - 1) && Capitalised(e)) {
        ++e;
      } else if (e < n && Raw(e - 1).size() == 1 && Capitalised(e) && AfterInitial(e - 1)) {
        ++e;  // after an initial: "Donald J. Trump"
      } else {
        break;
      }
    }
    if (e - t < 2) return e;  // most runs: one capitalised word, no lookup
    if (t > 0 && IsPlaceCue(folded_[t - 1])) return e;
    size_t b = t;
    while (b < e && (IsNameStopWord(folded_[b]) || IsFactTitle(folded_[b]))) ++b;
    if (e - b < 2 || IsPlaceStart(folded_[b])) return e;
    for (size_t i = b; i < e; ++i) {
      if (IsOrgWord(WithoutPossessive(folded_[i])) || IsNameStopWord(folded_[i])) return e;
    }
    size_t last = e - 1;
    while (last > b && IsNameSuffix(WithoutPossessive(folded_[last]))) --last;  // "Jr", "III"
    AddCapped(&lists_[kPeople], HashText(WithoutPossessive(folded_[last])));
    return e;
  }

  void AddDay(std::optional<int32_t> day) {
    if (day) AddCapped(&lists_[kDays], *day);
  }
  void AddMonth(int year, int month) { AddCapped(&lists_[kMonths], MonthNumber(year, month)); }

  void When(size_t t) {
    const std::string_view w = folded_[t];
    const bool capitalised = Capitalised(t);
    if (today_) {
      // "yesterday", "today", "tonight", "night": 5, 7 or 9 letters.
      if (w.size() == 5 || w.size() == 7 || w.size() == 9) {
        if (w == "yesterday") return AddDay(*today_ - 1);
        if (w == "today" || w == "tonight") return AddDay(*today_);
        if (w == "night" && t > 0 && folded_[t - 1] == "last") return AddDay(*today_ - 1);
      }
      int wd = capitalised ? WeekdayIndex(w) : -1;
      if (wd >= 0) return Weekday(t, wd);
    }
    int month = capitalised ? MonthIndex(w) : 0;
    if (month != 0) MonthDate(t, month);
  }

  // "Tuesday" is the latest Tuesday on or before the publication day
  // ("last Tuesday": strictly before); "next Tuesday" is left alone.
  void Weekday(size_t t, int wd) {
    bool last = t > 0 && folded_[t - 1] == "last";
    if (t > 0 && (folded_[t - 1] == "next" || folded_[t - 1] == "coming")) return;
    int back = (WeekdayOf(*today_) - wd + 7) % 7;
    if (last && back == 0) back = 7;
    AddDay(*today_ - back);
  }

  // "March 10, 2016", "March 10" (the publication's year, or the one
  // before when that would be well after publication), "March 2016",
  // "last March" / "in March" (the latest March not after publication).
  void MonthDate(size_t t, int month) {
    const size_t n = tokens_.size();
    std::optional<int> day, year;
    size_t e = t + 1;
    if (e < n) day = SmallNumber(Raw(e), 1, 31);
    if (day) ++e;
    if (e < n && Raw(e) == ",") ++e;
    if (e < n) year = Year(e);
    if (folded_[t] == "may" && !day && !year) return;  // the verb
    if (year && day) return AddDay(CivilDay(*year, month, *day));
    if (year) return AddMonth(*year, month);
    if (!today_) return;
    Civil now = CivilOf(*today_);
    if (day) {
      std::optional<int32_t> d = CivilDay(now.year, month, *day);
      if (d && *d > *today_ + 7) d = CivilDay(now.year - 1, month, *day);
      return AddDay(d);
    }
    bool in = t > 0 && (folded_[t - 1] == "last" || folded_[t - 1] == "in");
    if (!in) return;
    bool strictly = folded_[t - 1] == "last";
    int y = (month < now.month || (!strictly && month == now.month)) ? now.year : now.year - 1;
    AddMonth(y, month);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<std::string_view> folded_;  // views into the FoldedWords
  std::optional<int32_t> today_;
  enum { kPlaces, kYears, kDays, kMonths, kNumbers, kPeople, kLists };
  std::vector<int32_t> lists_[kLists];
};

}  // namespace

EventFacts ExtractEventFacts(const AnalyzedArticle& article,
                             std::optional<double> published_day) {
  return ExtractEventFacts(
      article, published_day,
      text_internal::FoldWords(article.normalized.text, article.segments.tokens));
}

EventFacts ExtractEventFacts(const AnalyzedArticle& article, std::optional<double> published_day,
                             const text_internal::FoldedWords& words) {
  return EventScanner(article, published_day, words).Run();
}

namespace {

// Whether two sorted lists share an element within `slack` of each other.
bool ShareWithin(std::span<const int32_t> a, std::span<const int32_t> b, int32_t slack) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] + slack < b[j]) {
      ++i;
    } else if (b[j] + slack < a[i]) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

FactMatch MatchKeys(std::span<const int32_t> a, std::span<const int32_t> b, int32_t slack = 0) {
  if (a.empty() || b.empty()) return FactMatch::kUnknown;
  return ShareWithin(a, b, slack) ? FactMatch::kAgree : FactMatch::kConflict;
}

double Weigh(uint32_t agree, uint32_t conflict, double agree_weight, double conflict_weight) {
  if (agree + conflict == 0) return 1;
  // Unanimous votes, the usual case: pow(x, 1) is x and pow(x, 0) is 1
  // exactly, so these are the values of the formula below, without pow.
  if (conflict == 0) return 1 + agree_weight;
  if (agree == 0) return conflict_weight;
  double p = static_cast<double>(agree) / (agree + conflict);
  return std::pow(1 + agree_weight, p) * std::pow(conflict_weight, 1 - p);
}

}  // namespace

EventFactMatches MatchEventFacts(const EventFacts& a, const EventFacts& b) {
  EventFactMatches m;
  m.place = MatchKeys(a.places(), b.places());
  m.year = MatchKeys(a.years(), b.years());
  // When: days within a day of each other; a shared month only when one
  // side names no day (a month is too coarse to keep two days apart).
  m.when = MatchKeys(a.days(), b.days(), 1);
  if (m.when == FactMatch::kUnknown) m.when = MatchKeys(a.months(), b.months());
  m.number = MatchKeys(a.numbers(), b.numbers());
  m.person = MatchKeys(a.people(), b.people());
  // Reports of one event quote different people; other people say little
  // when the place or the time agrees.
  if (m.person == FactMatch::kConflict &&
      (m.place == FactMatch::kAgree || m.year == FactMatch::kAgree ||
       m.when == FactMatch::kAgree)) {
    m.person = FactMatch::kUnknown;
  }
  return m;
}

bool EventFactMatches::PlaceAndTimeConflict() const {
  bool agree = place == FactMatch::kAgree || year == FactMatch::kAgree || when == FactMatch::kAgree;
  return !agree && place == FactMatch::kConflict &&
         (year == FactMatch::kConflict || when == FactMatch::kConflict);
}

void EventVotes::Count(const EventFactMatches& m) {
  places_known_ += m.place != FactMatch::kUnknown;
  place_and_time_ += m.PlaceAndTimeConflict();
  const FactMatch kinds[5] = {m.place, m.year, m.when, m.number, m.person};
  for (int k = 0; k < 5; ++k) {
    agree_[k] += kinds[k] == FactMatch::kAgree;
    conflict_[k] += kinds[k] == FactMatch::kConflict;
  }
}

double EventVotes::Factor(const EventFactWeights& w) const {
  return Weigh(agree_[0], conflict_[0], w.place_agree, w.place_conflict) *
         Weigh(agree_[1], conflict_[1], w.year_agree, w.year_conflict) *
         Weigh(agree_[2], conflict_[2], w.when_agree, w.when_conflict) *
         Weigh(agree_[3], conflict_[3], w.number_agree, w.number_conflict) *
         Weigh(agree_[4], conflict_[4], w.person_agree, w.person_conflict) *
         Weigh(places_known_ - place_and_time_, place_and_time_, 0, w.place_and_time_conflict);
}

}  // namespace twicetold::story_internal
