#include "quote/quote_marks.h"

#include <optional>
#include <string>
#include <utility>

#include "text/lexicon.h"

namespace twicetold::quote_internal {
namespace {

// Non-ASCII bytes count as letters: after normalization they are mostly
// accented letters (dashes, quotes and spaces were folded to ASCII).
bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
         (u >= 'A' && u <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Characters after which a mark can open a quotation.
bool OpensAfter(char c) {
  return IsSpace(c) || c == '(' || c == '[' || c == '-' || c == '"' ||
         c == '/' || c == ':';
}

char At(std::string_view text, int64_t pos) {
  if (pos < 0 || pos >= static_cast<int64_t>(text.size())) return ' ';
  return text[pos];
}

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpace(text[s.end - 1])) --s.end;
  // A comma or semicolon before the closing mark belongs to the sentence
  // around the quotation ("...," he said), not to the quoted words.
  while (s.end > s.begin && (text[s.end - 1] == ',' || text[s.end - 1] == ';')) {
    --s.end;
  }
  return s;
}

struct SingleCandidates {
  std::vector<uint32_t> opens;
  std::vector<uint32_t> closes;
  std::vector<bool> weak;  // per close: "s' " may be a plural possessive
};

// '' is never a single mark: a double one (apostrophe_pairs) or none.
bool InApostrophePair(std::string_view text, uint32_t pos) {
  return At(text, pos + 1) == '\'' || At(text, static_cast<int64_t>(pos) - 1) == '\'';
}

SingleCandidates FindSingleCandidates(std::string_view text, Span region) {
  SingleCandidates c;
  for (uint32_t pos = region.begin; pos < region.end; ++pos) {
    if (text[pos] != '\'' || IsApostrophe(text, pos) || InApostrophePair(text, pos)) continue;
    const char prev = pos == region.begin ? ' ' : text[pos - 1];
    const char next = pos + 1 >= region.end ? ' ' : text[pos + 1];
    if (OpensAfter(prev) && !IsSpace(next)) {
      c.opens.push_back(pos);
    } else if (!IsSpace(prev) && !IsWordByte(next)) {
      c.closes.push_back(pos);
      c.weak.push_back((prev == 's' || prev == 'S') && IsSpace(next) &&
                       IsWordByte(At(text, pos + 2)));
    }
  }
  return c;
}

// Close paired with the open at `open`: the first strong close before the
// next open, else the first weak one; nullopt means the mark was an
// apostrophe ('em, 'tis).
std::optional<size_t> PickClose(const SingleCandidates& c, uint32_t open,
                                uint32_t next_open) {
  std::optional<size_t> weak;
  for (size_t i = 0; i < c.closes.size(); ++i) {
    if (c.closes[i] <= open) continue;
    if (c.closes[i] > next_open) break;
    if (!c.weak[i]) return i;
    if (!weak) weak = i;
  }
  return weak;
}

void FindSingleQuotes(std::string_view text, Span region, uint32_t block,
                      std::vector<MarkedQuote>* out) {
  const SingleCandidates c = FindSingleCandidates(text, region);
  uint32_t consumed = region.begin;
  for (size_t i = 0; i < c.opens.size(); ++i) {
    const uint32_t open = c.opens[i];
    if (open < consumed) continue;
    uint32_t next_open = region.end;
    for (size_t j = i + 1; j < c.opens.size(); ++j) {
      if (c.opens[j] > open) { next_open = c.opens[j]; break; }
    }
    const std::optional<size_t> close = PickClose(c, open, next_open);
    if (!close) continue;
    const uint32_t end = c.closes[*close];
    const Span part = Trim(text, {open + 1, end});
    if (!part.empty()) {
      MarkedQuote q;
      q.parts = {part};
      q.first_block = q.last_block = block;
      q.outer = {open, end + 1};
      q.single = true;
      out->push_back(q);
    }
    consumed = end + 1;
  }
}

// A height's inch mark: a digit, an apostrophe, one or two digits, then
// the '"' at `pos` (6'3", 5'11").
bool IsInchMark(std::string_view text, uint32_t pos) {
  int64_t i = static_cast<int64_t>(pos) - 1;
  int digits = 0;
  while (i >= 0 && IsDigit(text[i]) && digits < 3) {
    --i;
    ++digits;
  }
  return (digits == 1 || digits == 2) && i >= 1 && text[i] == '\'' && IsDigit(text[i - 1]);
}

// Length of the double mark at `pos`: 1 for '"', 2 for "''" (two
// apostrophes standing for a double mark, as ASCII archives do) when
// `apostrophe_pairs`, else 0. The inch mark of a height (6'3") is not a
// quotation mark.
uint32_t DoubleMarkAt(std::string_view text, uint32_t pos, uint32_t end,
                      bool apostrophe_pairs) {
  if (text[pos] == '"') return IsInchMark(text, pos) ? 0 : 1;
  if (apostrophe_pairs && text[pos] == '\'' && pos + 1 < end && text[pos + 1] == '\'') {
    return 2;
  }
  return 0;
}

// Where a mark stands tells its direction, whatever the alternation says:
// after a space and before a word it opens ("said "We), after a word or
// punctuation and before a space or punctuation it closes (done," he).
// Anything else (inside a word, between two spaces) could be either.
bool ClearlyOpens(char prev, char next) {
  return (IsSpace(prev) || prev == '(' || prev == '[') && IsWordByte(next);
}
bool ClearlyCloses(char prev, char next) {
  const bool after_text = !IsSpace(prev) && !OpensAfter(prev);
  const bool before_gap = IsSpace(next) || next == ',' || next == '.' || next == ';' ||
                          next == ')' || next == ']' || next == '?' || next == '!';
  return after_text && before_gap;
}

bool StartsWithDouble(std::string_view text, const Block& block, bool apostrophe_pairs) {
  return !block.span.empty() &&
         DoubleMarkAt(text, block.span.begin, block.span.end, apostrophe_pairs) > 0;
}

// Double-quoted quotations, following open quotations across blocks.
class DoubleScanner {
 public:
  DoubleScanner(std::string_view text, const std::vector<Block>& blocks,
                bool apostrophe_pairs)
      : text_(text), blocks_(blocks), apostrophe_pairs_(apostrophe_pairs) {}

  std::vector<MarkedQuote> Run() {
    for (uint32_t b = 0; b < blocks_.size(); ++b) ScanBlock(b);
    return std::move(out_);
  }

 private:
  void ScanBlock(uint32_t b) {
    const Span span = blocks_[b].span;
    uint32_t pos = span.begin;
    if (open_) {  // continuing from the previous block: skip its re-opening
      pos += DoubleMarkAt(text_, pos, span.end, apostrophe_pairs_);
      part_begin_ = pos;
    }
    while (pos < span.end) {
      const uint32_t len = DoubleMarkAt(text_, pos, span.end, apostrophe_pairs_);
      if (len == 0) {
        ++pos;
        continue;
      }
      const char prev = pos == span.begin ? ' ' : text_[pos - 1];
      const char next = pos + len >= span.end ? ' ' : text_[pos + len];
      if (open_ && ClearlyOpens(prev, next)) {
        // The open quotation lost its closing mark (or began at a stray
        // one): it ends here, unclosed, and this mark opens the next.
        AddPart(b, pos);
        current_.outer.end = pos;
        Finish(false);
      }
      if (!open_) {
        if (ClearlyCloses(prev, next)) {  // a stray closing mark opens nothing
          pos += len;
          continue;
        }
        current_ = MarkedQuote();
        current_.first_block = b;
        current_.outer.begin = pos;
        part_begin_ = pos + len;
        open_ = true;
      } else {
        AddPart(b, pos);
        current_.outer.end = pos + len;
        Finish(true);
      }
      pos += len;
    }
    if (!open_) return;
    AddPart(b, span.end);
    const bool continues =
        b + 1 < blocks_.size() && StartsWithDouble(text_, blocks_[b + 1], apostrophe_pairs_);
    if (!continues) {
      current_.outer.end = span.end;
      Finish(false);
    }
  }

  void AddPart(uint32_t b, uint32_t end) {
    const Span part = Trim(text_, {part_begin_, end});
    if (part.empty()) return;
    current_.parts.push_back(part);
    current_.last_block = b;
  }

  void Finish(bool closed) {
    open_ = false;
    if (current_.parts.empty()) return;
    current_.first_block = std::min(current_.first_block, current_.last_block);
    current_.closed = closed;
    out_.push_back(std::move(current_));
  }

  std::string_view text_;
  const std::vector<Block>& blocks_;
  const bool apostrophe_pairs_;
  std::vector<MarkedQuote> out_;
  MarkedQuote current_;
  bool open_ = false;
  uint32_t part_begin_ = 0;
};

}  // namespace

bool IsApostrophe(std::string_view text, uint32_t pos) {
  const char prev = At(text, static_cast<int64_t>(pos) - 1);
  const char next = At(text, pos + 1);
  if (IsWordByte(prev) && IsWordByte(next)) return true;  // don't, Trump's
  // rock 'n' roll: one letter between two marks, set off by spaces.
  if (!IsWordByte(prev) && IsWordByte(next) && At(text, pos + 2) == '\'' &&
      !IsWordByte(At(text, pos + 3))) {
    return true;
  }
  if (IsWordByte(prev) && !IsWordByte(next) && pos >= 2 &&
      At(text, static_cast<int64_t>(pos) - 2) == '\'' &&
      !IsWordByte(At(text, static_cast<int64_t>(pos) - 3))) {
    return true;
  }
  if (!IsWordByte(prev) && IsDigit(next)) {               // '90s, '08
    uint32_t i = pos + 1;
    while (IsDigit(At(text, i))) ++i;
    return i - pos - 1 == 2;
  }
  return false;
}

std::vector<MarkedQuote> FindMarkedQuotes(std::string_view text,
                                          const std::vector<Block>& blocks,
                                          bool apostrophe_pairs) {
  std::vector<MarkedQuote> doubles = DoubleScanner(text, blocks, apostrophe_pairs).Run();
  // Single-quoted quotations outside every double-quoted one, block by block.
  std::vector<MarkedQuote> out;
  size_t d = 0;
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    uint32_t from = blocks[b].span.begin;
    const uint32_t block_end = blocks[b].span.end;
    while (from < block_end) {
      while (d < doubles.size() && doubles[d].outer.end <= from) {
        out.push_back(doubles[d++]);
      }
      uint32_t to = block_end;
      if (d < doubles.size() && doubles[d].outer.begin < block_end) {
        to = std::max(from, doubles[d].outer.begin);
      }
      FindSingleQuotes(text, {from, to}, b, &out);
      if (to == block_end) break;
      from = std::max(to, doubles[d].outer.end);
    }
  }
  while (d < doubles.size()) out.push_back(doubles[d++]);
  return out;
}

namespace {

// When and where the words were said, which belongs to the speech verb, not
// to the quoted words: "on Monday", "last week", "yesterday", "in a
// statement", "in an interview".
bool StartsAttributionAdjunct(std::string_view w1, std::string_view w2, std::string_view w3) {
  if (w1 == "yesterday" || w1 == "today" || w1 == "tonight") return true;
  if (w1 == "on" || w1 == "last" || w1 == "this" || w1 == "earlier") {
    const std::string lower = text_internal::Lower(w2);
    static constexpr std::string_view kTimes[] = {"week",  "month",   "year",
                                                  "night", "morning", "afternoon",
                                                  "evening"};
    for (std::string_view t : kTimes) {
      if (lower == t) return true;
    }
    return text_internal::IsWeekday(lower);
  }
  static constexpr std::string_view kMedia[] = {"statement", "interview", "tweet",   "speech",
                                                "email",     "letter",    "post",    "release",
                                                "video",     "column"};
  if (w1 == "in" && (w2 == "a" || w2 == "an")) {
    for (std::string_view m : kMedia) {
      if (w3 == m) return true;
    }
  }
  return false;
}

}  // namespace

bool SentenceGoesOnAfter(std::string_view text, const std::vector<Block>& blocks,
                         const MarkedQuote& q) {
  if (!q.closed || q.last_block >= blocks.size()) return false;
  // The last character of the quoted words, before the closing mark(s).
  int64_t last = static_cast<int64_t>(q.outer.end) - 1;
  while (last > q.outer.begin && (text[last] == '"' || text[last] == '\'')) --last;
  while (last > q.outer.begin && IsSpace(text[last])) --last;
  const char c = text[last];
  if (c == '.' || c == '?' || c == '!' || c == ',' || c == ';' || c == ':') return false;
  // The next word in the block, past any further marks and spaces.
  const uint32_t block_end = blocks[q.last_block].span.end;
  uint32_t pos = q.outer.end;
  while (pos < block_end && (IsSpace(text[pos]) || text[pos] == '"' || text[pos] == '\'')) ++pos;
  if (pos >= block_end) return false;
  if (!(text[pos] >= 'a' && text[pos] <= 'z') && !IsDigit(text[pos]) && text[pos] != '(') {
    return false;
  }
  const auto word_at = [&](uint32_t at) {
    while (at < block_end && IsSpace(text[at])) ++at;
    uint32_t end = at;
    while (end < block_end && IsWordByte(text[end])) ++end;
    return std::pair<std::string_view, uint32_t>(text.substr(at, end - at), end);
  };
  const auto [word, after] = word_at(pos);
  if (word == "and" || word == "or" || word == "but" || word == "who" || word == "which" ||
      word == "whom" || word == "whose") {
    return false;
  }
  const auto [second, after_second] = word_at(after);
  return !StartsAttributionAdjunct(word, second, word_at(after_second).first);
}

}  // namespace twicetold::quote_internal
