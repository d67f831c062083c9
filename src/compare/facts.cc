#include "compare/facts.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/lexicon.h"
#include "text/terms.h"

namespace twicetold {
namespace {

using text_internal::FoldWord;
using text_internal::IsFactOrgCue;
using text_internal::IsFactSentenceStarter;
using text_internal::IsFactTitle;
using text_internal::IsPlacePreposition;
using text_internal::IsWeekday;
using text_internal::MonthIndex;

std::string StripPossessive(std::string word) {
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
    word.resize(word.size() - 2);
  }
  return word;
}

bool IsYear(std::string_view raw) {
  if (raw.size() != 4) return false;
  for (char c : raw) {
    if (c < '0' || c > '9') return false;
  }
  return raw[0] == '1' || raw[0] == '2';
}

bool IsDay(std::string_view raw) {
  if (raw.empty() || raw.size() > 2) return false;
  for (char c : raw) {
    if (c < '0' || c > '9') return false;
  }
  int d = std::stoi(std::string(raw));
  return d >= 1 && d <= 31;
}

std::string NumberKey(std::string_view raw) {
  std::string key;
  for (char c : raw) {
    if (c != ',') key.push_back(c);
  }
  return FoldWord(key);
}

bool OnlySpacesBetween(std::string_view text, uint32_t from, uint32_t to,
                       bool allow_dot) {
  for (uint32_t i = from; i < to; ++i) {
    char c = text[i];
    if (c == ' ') continue;
    if (allow_dot && c == '.' && i == from) continue;
    return false;
  }
  return true;
}

// Scans one article. Not thread-hostile: all state is local.
class FactScanner {
 public:
  explicit FactScanner(const AnalyzedArticle& article)
      : text_(article.normalized.text), seg_(article.segments) {
    for (size_t t = 0; t < seg_.tokens.size(); ++t) folded_.push_back(FoldWord(Raw(t)));
    MarkSentenceStarts();
  }

  std::vector<Fact> Run() {
    size_t t = 0;
    while (t < seg_.tokens.size()) {
      size_t next = TryDate(t);
      if (next == t) next = TryNumber(t);
      if (next == t) next = TryName(t);
      t = next == t ? t + 1 : next;
    }
    return std::move(facts_);
  }

 private:
  std::string_view Raw(size_t t) const { return seg_.tokens[t].span.In(text_); }
  bool Capitalised(size_t t) const {
    std::string_view r = Raw(t);
    return !r.empty() && r[0] >= 'A' && r[0] <= 'Z';
  }
  bool Adjacent(size_t t, bool allow_dot) const {
    return OnlySpacesBetween(text_, seg_.tokens[t].span.end,
                             seg_.tokens[t + 1].span.begin, allow_dot);
  }

  void MarkSentenceStarts() {
    starts_.assign(seg_.tokens.size(), 0);
    in_heading_.assign(seg_.tokens.size(), 0);
    size_t t = 0;
    for (const Sentence& s : seg_.sentences) {
      while (t < seg_.tokens.size() && seg_.tokens[t].span.begin < s.span.begin) ++t;
      if (t < seg_.tokens.size()) starts_[t] = 1;
      bool heading = s.block < seg_.blocks.size() &&
                     seg_.blocks[s.block].kind == BlockKind::kHeading;
      for (size_t k = t; heading && k < seg_.tokens.size() &&
                         seg_.tokens[k].span.end <= s.span.end; ++k) {
        in_heading_[k] = 1;
      }
    }
    // A word capitalised mid-sentence somewhere is a name at a start too.
    for (size_t i = 0; i < seg_.tokens.size(); ++i) {
      if (!starts_[i] && !in_heading_[i] && Capitalised(i)) {
        mid_capitalised_.insert(folded_[i]);
      }
    }
  }

  void Add(FactKind kind, size_t first, size_t last, std::string key) {
    for (const Fact& f : facts_) {
      if (f.key == key && f.kind == kind) return;
    }
    Span span{seg_.tokens[first].span.begin, seg_.tokens[last - 1].span.end};
    facts_.push_back({kind, std::string(span.In(text_)), std::move(key), span});
  }

  size_t TryDate(size_t t) {
    const size_t n = seg_.tokens.size();
    if (IsWeekday(folded_[t]) && Capitalised(t)) {
      Add(FactKind::kDate, t, t + 1, folded_[t]);
      return t + 1;
    }
    int month = Capitalised(t) ? MonthIndex(folded_[t]) : 0;
    if (month != 0) {
      size_t e = t + 1;
      // Appended piece by piece: "lit" + std::string(...) trips GCC 12's
      // -Wrestrict false positive in Release builds.
      std::string key = "m";
      key += std::to_string(month);
      if (e < n && IsDay(Raw(e))) (key += " d") += Raw(e++);
      if (e < n && IsYear(Raw(e))) (key += " y") += Raw(e++);
      // "May" alone is a verb far more often than a month.
      if (folded_[t] == "may" && e == t + 1) return t;
      Add(FactKind::kDate, t, e, key);
      return e;
    }
    if (IsYear(Raw(t))) {
      std::string key = "y";
      key += Raw(t);
      Add(FactKind::kDate, t, t + 1, key);
      return t + 1;
    }
    return t;
  }

  size_t TryNumber(size_t t) {
    if (seg_.tokens[t].kind != TokenKind::kNumber) return t;
    Add(FactKind::kNumber, t, t + 1, NumberKey(Raw(t)));
    return t + 1;
  }

  size_t TryName(size_t t) {
    // Headings are in title case: every word is capitalised there.
    if (!Capitalised(t) || in_heading_[t]) return t;
    size_t e = t + 1;
    const size_t n = seg_.tokens.size();
    while (e < n && !starts_[e] && Adjacent(e - 1, true)) {
      if (Capitalised(e)) {
        ++e;
      } else if ((folded_[e] == "of" || folded_[e] == "de") && e + 1 < n &&
                 Capitalised(e + 1) && Adjacent(e, false)) {
        e += 2;
      } else {
        break;
      }
    }
    size_t first = t;
    if (starts_[t] && IsFactSentenceStarter(folded_[t])) ++first;
    bool person = false;
    while (first < e && IsFactTitle(folded_[first])) {
      person = true;
      ++first;
    }
    // "Russian President X": a capitalised word right before a title.
    for (size_t k = first; k + 1 < e; ++k) {
      if (IsFactTitle(folded_[k + 1]) && !IsFactTitle(folded_[k])) {
        size_t f = k + 1;
        while (f < e && IsFactTitle(folded_[f])) ++f;
        if (f < e) { first = f; person = true; }
        break;
      }
    }
    if (first >= e) return e;
    if (e - first == 1 && starts_[first] && !mid_capitalised_.count(folded_[first])) {
      return e;
    }
    if (e - first == 1 && !person && IsModifier(first)) return e;
    AddName(first, e, person);
    return e;
  }

  // A lone capitalised adjective of origin qualifying the next word
  // ("Western sanctions", "European governments"): no name of its own.
  bool IsModifier(size_t t) const {
    const size_t next = t + 1;
    if (next >= seg_.tokens.size() || starts_[next] || !Adjacent(t, false) ||
        Capitalised(next) || seg_.tokens[next].kind == TokenKind::kNumber) {
      return false;
    }
    const std::string& w = folded_[t];
    for (std::string_view suffix : {"ern", "ean", "ian", "ese", "ish", "ic"}) {
      if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
    }
    return false;
  }

  void AddName(size_t first, size_t e, bool person) {
    std::string key;
    bool org = false;
    for (size_t k = first; k < e; ++k) {
      std::string w = StripPossessive(folded_[k]);
      if (IsFactOrgCue(w)) org = true;
      if (!key.empty()) key.push_back(' ');
      key += w;
    }
    FactKind kind = FactKind::kName;
    if (org) {
      kind = FactKind::kOrganization;
    } else if (person || e - first >= 2) {
      kind = FactKind::kPerson;
    } else if (first > 0 && IsPlacePreposition(folded_[first - 1])) {
      kind = FactKind::kPlace;
    }
    Add(kind, first, e, std::move(key));
  }

  std::string_view text_;
  const Segmentation& seg_;
  std::vector<std::string> folded_;
  std::vector<uint8_t> starts_;
  std::vector<uint8_t> in_heading_;
  std::unordered_set<std::string> mid_capitalised_;
  std::vector<Fact> facts_;
};

bool IsNameKind(FactKind k) {
  return k == FactKind::kPerson || k == FactKind::kPlace ||
         k == FactKind::kOrganization || k == FactKind::kName;
}

// Date keys are "m12 d2 y2025" or a weekday; two dates agree when every
// part present in both is equal.
bool DatesAgree(std::string_view x, std::string_view y) {
  auto part = [](std::string_view key, char tag) -> std::string {
    size_t p = key.find(tag);
    if (p == std::string_view::npos || (p > 0 && key[p - 1] != ' ')) return "";
    size_t e = key.find(' ', p);
    return std::string(key.substr(p, e == std::string_view::npos ? key.size() - p : e - p));
  };
  if (IsWeekday(x) || IsWeekday(y)) return x == y;
  for (char tag : {'m', 'd', 'y'}) {
    std::string a = part(x, tag), b = part(y, tag);
    if (!a.empty() && !b.empty() && a != b) return false;
  }
  return true;
}

}  // namespace

std::vector<Fact> ExtractFacts(const AnalyzedArticle& article) {
  return FactScanner(article).Run();
}

namespace compare_internal {

std::vector<Fact> FactsMissingFrom(const std::vector<Fact>& facts_a,
                                   const std::vector<Fact>& facts_b,
                                   const AnalyzedArticle& b) {
  // Which words of a's names are among b's words (its tokens folded, without
  // "'s"): a's few name words looked up per token of b, instead of a set of
  // every word of b.
  auto name_words = [](const std::string& key) {
    std::vector<std::string> words;
    size_t p = 0;
    while (p <= key.size()) {
      size_t e = std::min(key.find(' ', p), key.size());
      words.push_back(key.substr(p, e - p));
      p = e + 1;
    }
    return words;
  };
  std::unordered_map<std::string, bool> in_b;
  for (const Fact& f : facts_a) {
    if (!IsNameKind(f.kind)) continue;
    for (std::string& w : name_words(f.key)) in_b.emplace(std::move(w), false);
  }
  if (!in_b.empty()) {
    for (const Token& t : b.segments.tokens) {
      auto it = in_b.find(StripPossessive(FoldWord(b.Text(t.span))));
      if (it != in_b.end()) it->second = true;
    }
  }
  std::vector<Fact> out;
  for (const Fact& f : facts_a) {
    bool present = false;
    if (f.kind == FactKind::kNumber) {
      for (const Fact& g : facts_b) present |= g.kind == f.kind && g.key == f.key;
    } else if (f.kind == FactKind::kDate) {
      for (const Fact& g : facts_b) {
        present |= g.kind == f.kind && DatesAgree(f.key, g.key);
      }
    } else if (IsNameKind(f.kind)) {
      const std::vector<std::string> words = name_words(f.key);
      present = true;
      for (const std::string& w : words) present &= in_b.at(w);
      if (f.kind == FactKind::kPerson) present |= in_b.at(words.back());
    }
    if (!present) out.push_back(f);
  }
  return out;
}

}  // namespace compare_internal
}  // namespace twicetold
