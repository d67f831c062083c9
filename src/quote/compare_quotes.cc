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
  std::vector<QuotePair> out;
  for (uint32_t i = 0; i < a.size(); ++i) {
    if (match_a[i]) {
      out.push_back(Classify(i, *match_a[i], a[i], b[*match_a[i]], wa[i],
                             wb[*match_a[i]]));
    } else {
      out.push_back({i, std::nullopt, QuoteRelation::kOnlyA, a[i].speaker, {}});
    }
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    if (!match_b[j]) {
      out.push_back({std::nullopt, j, QuoteRelation::kOnlyB, b[j].speaker, {}});
    }
  }
  return out;
}

}  // namespace twicetold
