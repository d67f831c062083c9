// CompareQuotes: pairing quotations of two versions and classifying them.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "quote/word_diff.h"
#include "text/lexicon.h"
#include "twicetold/quote.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

using quote_internal::DiffWords;
using quote_internal::EditOp;

constexpr size_t kMinContainedWords = 2;  // a contained quotation's minimum

// A quotation as words: `keys` (lower-cased) are compared, `words` shown.
// Tokenize drops marks and punctuation, so curly vs straight marks, ellipsis
// styles and trailing punctuation never count.
struct QuoteWords {
  std::vector<std::string> words;
  std::vector<std::string> keys;
};

QuoteWords ToWords(const Quote& quote) {
  QuoteWords out;
  for (const Token& t : Tokenize(quote.text)) {
    out.words.emplace_back(t.span.In(quote.text));
    out.keys.push_back(text_internal::Lower(out.words.back()));
  }
  return out;
}

// Upper bound on the common subsequence: the size of the multiset
// intersection. Cheap, and lets most unrelated pairs skip the diff.
size_t SharedBound(const QuoteWords& a, const QuoteWords& b) {
  std::unordered_map<std::string_view, int> counts;
  for (const std::string& k : a.keys) ++counts[k];
  size_t shared = 0;
  for (const std::string& k : b.keys) {
    auto it = counts.find(k);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return shared;
}

size_t CountEqual(const std::vector<EditOp>& ops) {
  return std::count(ops.begin(), ops.end(), EditOp::kEqual);
}

struct Candidate {
  uint32_t a = 0;
  uint32_t b = 0;
  double shared = 0;  // common words / words of the shorter quotation
  double dice = 0;    // 2 * common words / words of both
  size_t common = 0;
};

bool SameSpeaker(const Quote& a, const Quote& b) {
  return !a.speaker.empty() && a.speaker == b.speaker;
}

std::optional<Candidate> Score(const Quote& qa, const Quote& qb,
                               const QuoteWords& a, const QuoteWords& b,
                               const QuoteCompareOptions& options) {
  const size_t shorter = std::min(a.keys.size(), b.keys.size());
  if (shorter == 0) {
    // A quotation without words ("...") has nothing to share; it pairs only
    // with the same text, so a version compared with itself pairs every
    // quote (found by fuzz/fuzz_quotes.cc).
    if (a.keys.empty() && b.keys.empty() && qa.text == qb.text) {
      return Candidate{0, 0, 1.0, 1.0, 0};
    }
    return std::nullopt;
  }
  const double needed = SameSpeaker(qa, qb)
                            ? options.min_shared_fraction_same_speaker
                            : options.min_shared_fraction;
  const size_t bound = SharedBound(a, b);
  if (bound < 1 || static_cast<double>(bound) < needed * shorter) {
    return std::nullopt;
  }
  const size_t common = CountEqual(DiffWords(a.keys, b.keys));
  const double shared = static_cast<double>(common) / shorter;
  if (common < 1 || shared < needed) return std::nullopt;
  // A one-word overlap pairs only one-word quotations.
  if (common < 2 && shorter > 1) return std::nullopt;
  const double dice =
      2.0 * common / static_cast<double>(a.keys.size() + b.keys.size());
  return Candidate{0, 0, shared, dice, common};
}

std::vector<WordDiff> GroupDiff(const QuoteWords& a, const QuoteWords& b,
                                const std::vector<EditOp>& ops) {
  std::vector<WordDiff> out;
  size_t i = 0;
  size_t j = 0;
  for (EditOp op : ops) {
    const WordDiff::Op kind = op == EditOp::kEqual    ? WordDiff::Op::kEqual
                              : op == EditOp::kDelete ? WordDiff::Op::kDelete
                                                      : WordDiff::Op::kInsert;
    const std::string& word = op == EditOp::kInsert ? b.words[j] : a.words[i];
    if (op != EditOp::kInsert) ++i;
    if (op != EditOp::kDelete) ++j;
    if (!out.empty() && out.back().op == kind) {
      out.back().words += ' ';
      out.back().words += word;
    } else {
      out.push_back({kind, word});
    }
  }
  return out;
}

QuotePair Classify(uint32_t ia, uint32_t ib, const Quote& qa, const Quote& qb,
                   const QuoteWords& a, const QuoteWords& b) {
  QuotePair pair{ia, ib, QuoteRelation::kAltered,
                 qa.speaker.empty() ? qb.speaker : qa.speaker, {}};
  if (a.keys == b.keys) {
    pair.relation = QuoteRelation::kIdentical;
    return pair;
  }
  const std::vector<EditOp> ops = DiffWords(a.keys, b.keys);
  const size_t common = CountEqual(ops);
  if (common == a.keys.size()) pair.relation = QuoteRelation::kExtended;
  if (common == b.keys.size()) pair.relation = QuoteRelation::kTrimmed;
  pair.diff = GroupDiff(a, b, ops);
  return pair;
}

std::vector<Candidate> Candidates(const std::vector<Quote>& a,
                                  const std::vector<Quote>& b,
                                  const std::vector<QuoteWords>& wa,
                                  const std::vector<QuoteWords>& wb,
                                  const QuoteCompareOptions& options) {
  std::vector<Candidate> out;
  for (uint32_t i = 0; i < a.size(); ++i) {
    for (uint32_t j = 0; j < b.size(); ++j) {
      if (auto c = Score(a[i], b[j], wa[i], wb[j], options)) {
        c->a = i;
        c->b = j;
        out.push_back(*c);
      }
    }
  }
  // Most shared words first (a short fragment contained in a long quotation
  // must not take the place of that quotation's real counterpart), then the
  // closest in length, then the same speaker, then text order.
  std::stable_sort(out.begin(), out.end(), [&](const Candidate& x,
                                               const Candidate& y) {
    if (x.common != y.common) return x.common > y.common;
    if (x.dice != y.dice) return x.dice > y.dice;
    return SameSpeaker(a[x.a], b[x.b]) && !SameSpeaker(a[y.a], b[y.b]);
  });
  return out;
}

// Whether `shorter`'s words occur in order within `longer` (a subsequence).
bool WordsInOrder(const std::vector<std::string>& shorter,
                  const std::vector<std::string>& longer) {
  size_t i = 0;
  for (size_t j = 0; j < longer.size() && i < shorter.size(); ++j) {
    if (longer[j] == shorter[i]) ++i;
  }
  return i == shorter.size();
}

// For a quotation left unpaired, the longer quotation of the other version
// that contains its words in order (a heading that repeats part of a quote,
// "Not an Easy Situation"), paired or not: the same speaker first, then the
// fewest words, then text order. Needs two words or more.
std::optional<uint32_t> Container(const Quote& q, const QuoteWords& w,
                                  const std::vector<Quote>& other,
                                  const std::vector<QuoteWords>& other_words,
                                  const std::vector<bool>& excluded) {
  if (w.keys.size() < kMinContainedWords) return std::nullopt;
  std::optional<uint32_t> best;
  for (uint32_t i = 0; i < other.size(); ++i) {
    if (excluded[i]) continue;
    const std::vector<std::string>& keys = other_words[i].keys;
    if (keys.size() <= w.keys.size() || !WordsInOrder(w.keys, keys)) continue;
    if (best) {
      const bool same = SameSpeaker(q, other[i]);
      const bool best_same = SameSpeaker(q, other[*best]);
      if (same != best_same ? !same
                            : keys.size() >= other_words[*best].keys.size()) {
        continue;
      }
    }
    best = i;
  }
  return best;
}

}  // namespace

std::vector<QuotePair> CompareQuotes(const std::vector<Quote>& a,
                                     const std::vector<Quote>& b,
                                     const QuoteCompareOptions& options) {
  std::vector<QuoteWords> wa, wb;
  for (const Quote& q : a) wa.push_back(ToWords(q));
  for (const Quote& q : b) wb.push_back(ToWords(q));
  std::vector<std::optional<uint32_t>> match_a(a.size()), match_b(b.size());
  for (const Candidate& c : Candidates(a, b, wa, wb, options)) {
    if (match_a[c.a] || match_b[c.b]) continue;
    match_a[c.a] = c.b;
    match_b[c.b] = c.a;
  }
  // Second pass: unpaired quotations contained in a longer one of the other
  // version pair with it, which may already have its counterpart. A quote
  // is a container or contained, never both.
  std::vector<std::optional<uint32_t>> inside_a(a.size()), inside_b(b.size());
  std::vector<bool> container_b(b.size(), false), contained_a(a.size(), false);
  for (uint32_t i = 0; i < a.size(); ++i) {
    if (match_a[i]) continue;
    inside_a[i] =
        Container(a[i], wa[i], b, wb, std::vector<bool>(b.size(), false));
    if (inside_a[i]) {
      container_b[*inside_a[i]] = true;
      contained_a[i] = true;
    }
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    if (!match_b[j] && !container_b[j]) {
      inside_b[j] = Container(b[j], wb[j], a, wa, contained_a);
    }
  }
  std::vector<bool> container_a(a.size(), false);
  for (const std::optional<uint32_t>& i : inside_b) {
    if (i) container_a[*i] = true;
  }
  std::vector<QuotePair> out;
  for (uint32_t i = 0; i < a.size(); ++i) {
    if (const std::optional<uint32_t> j =
            match_a[i] ? match_a[i] : inside_a[i]) {
      out.push_back(Classify(i, *j, a[i], b[*j], wa[i], wb[*j]));
    } else if (!container_a[i]) {
      out.push_back({i, std::nullopt, QuoteRelation::kOnlyA, a[i].speaker, {}});
    }
    for (uint32_t j = 0; j < b.size(); ++j) {  // B's parts of this quotation
      if (inside_b[j] == i)
        out.push_back(Classify(i, j, a[i], b[j], wa[i], wb[j]));
    }
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    if (!match_b[j] && !inside_b[j] && !container_b[j]) {
      out.push_back({std::nullopt, j, QuoteRelation::kOnlyB, b[j].speaker, {}});
    }
  }
  return out;
}

}  // namespace twicetold
