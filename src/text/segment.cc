#include "twicetold/segment.h"

#include <array>

#include "text/sentence_splitter.h"
#include "text/word_tokenizer.h"

namespace twicetold {
namespace {

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Unambiguous bullets: a line starting with one of these is a list item.
constexpr std::array<std::string_view, 9> kBullets = {
    "\u2022", "\u00b7", "\u25aa", "\u25e6", "\u2023",
    "\u25cf", "\u25a0", "\u25ba", "\u2043"};

size_t SkipBlanks(std::string_view line, size_t i) {
  while (i < line.size() && IsBlank(line[i])) ++i;
  return i;
}

// Length of an ambiguous marker at line[i] ("-", "*", "12.", "3)", "a)"),
// which must be followed by a blank; 0 if none.
size_t AmbiguousMarkerLength(std::string_view line, size_t i) {
  size_t j = i;
  if (line[j] == '-' || line[j] == '*') {
    ++j;
  } else if (IsDigit(line[j])) {
    while (j < line.size() && j - i < 3 && IsDigit(line[j])) ++j;
    if (j >= line.size() || (line[j] != '.' && line[j] != ')')) return 0;
    ++j;
  } else if (IsAsciiAlpha(line[j]) && j + 1 < line.size() &&
             line[j + 1] == ')') {
    j += 2;
  } else {
    return 0;
  }
  return j < line.size() && IsBlank(line[j]) ? j - i : 0;
}

// Offset in `line` where list-item content starts, or 0 if the line does
// not start a list item. Ambiguous markers count only where a list can
// start (`list_context`): hard-wrapped news text has lines like "1986. The"
// or "- and" that are not list items.
size_t ListContentStart(std::string_view line, bool list_context) {
  size_t i = SkipBlanks(line, 0);
  if (i >= line.size()) return 0;
  for (std::string_view bullet : kBullets) {
    if (line.substr(i).starts_with(bullet)) {
      return SkipBlanks(line, i + bullet.size());
    }
  }
  if (!list_context) return 0;
  size_t len = AmbiguousMarkerLength(line, i);
  return len == 0 ? 0 : SkipBlanks(line, i + len);
}

bool EndsWithColon(std::string_view line) {
  size_t e = line.size();
  while (e > 0 && IsBlank(line[e - 1])) --e;
  return e > 0 && line[e - 1] == ':';
}

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && (IsBlank(text[s.begin]) || text[s.begin] == '\n'))
    ++s.begin;
  while (s.end > s.begin &&
         (IsBlank(text[s.end - 1]) || text[s.end - 1] == '\n'))
    --s.end;
  return s;
}

// A short line with a letter that does not end in sentence punctuation
// (ignoring closing quotes and brackets).
bool LooksLikeHeading(std::string_view line, uint32_t max_words) {
  size_t e = line.size();
  while (e > 0 && (line[e - 1] == '"' || line[e - 1] == '\'' ||
                   line[e - 1] == ')' || line[e - 1] == ']')) {
    --e;
  }
  if (e == 0) return false;
  switch (line[e - 1]) {
    case '.':
    case '!':
    case '?':
    case ':':
    case ';':
    case ',':
      return false;
  }
  uint32_t words = 0;
  bool has_letter = false, in_word = false;
  for (char c : line) {
    const bool blank = IsBlank(c);
    if (!blank && !in_word) ++words;
    in_word = !blank;
    has_letter |= IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
  }
  return has_letter && words <= max_words;
}

// Builds the blocks of one blank-line-separated group of lines.
class BlockBuilder {
 public:
  BlockBuilder(std::string_view text, const SegmentOptions& options,
               std::vector<Block>* out)
      : text_(text), options_(options), out_(out) {}

  // Adds line [begin, end) (no '\n') of the current group.
  void AddLine(uint32_t begin, uint32_t end) {
    std::string_view line = text_.substr(begin, end - begin);
    const bool context = lines_ == 0 || in_list_ || prev_colon_;
    const size_t content = ListContentStart(line, context);
    if (content != 0) {
      Flush();
      start_ = begin + static_cast<uint32_t>(content);
      in_list_ = true;
    } else if (lines_ == 0) {
      start_ = begin;
    }
    end_ = end;
    ++lines_;
    prev_colon_ = EndsWithColon(line);
  }

  // Ends the group: emits its last pending block.
  void EndGroup() {
    Flush();
    in_list_ = prev_colon_ = false;
  }

 private:
  void Flush() {
    if (lines_ == 0) return;
    Block block;
    block.span = Trim(text_, {start_, end_});
    if (in_list_) {
      block.kind = BlockKind::kListItem;
    } else if (lines_ == 1 && LooksLikeHeading(block.span.In(text_),
                                               options_.max_heading_words)) {
      block.kind = BlockKind::kHeading;
    }
    if (!block.span.empty()) out_->push_back(block);
    lines_ = 0;
  }

  std::string_view text_;
  const SegmentOptions& options_;
  std::vector<Block>* out_;
  uint32_t start_ = 0, end_ = 0;  // pending block: raw line range
  uint32_t lines_ = 0;            // lines in the pending block
  bool in_list_ = false;          // pending block is a list item
  bool prev_colon_ = false;       // previous line ended with ':'
};

void SplitBlocks(std::string_view text, const SegmentOptions& options,
                 std::vector<Block>* out) {
  BlockBuilder builder(text, options, out);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t content = SkipBlanks(text, pos);
    if (content >= nl) {
      builder.EndGroup();
    } else {
      builder.AddLine(static_cast<uint32_t>(pos), static_cast<uint32_t>(nl));
    }
    pos = nl + 1;
  }
  builder.EndGroup();
}

}  // namespace

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kListItem:
      return "list_item";
  }
  return "paragraph";
}

Segmentation Segment(std::string_view text, const SegmentOptions& options) {
  Segmentation out;
  SplitBlocks(text, options, &out.blocks);
  std::vector<uint32_t> break_scratch;
  std::vector<Span> word_scratch;
  for (uint32_t i = 0; i < out.blocks.size(); ++i) {
    const Span span = out.blocks[i].span;
    const std::string_view block = span.In(text);
    const bool fast = FastPathApplies(block);
    AppendSentences(block, span.begin, i, fast, &break_scratch, &out.sentences);
    if (options.tokens) {
      AppendTokens(block, span.begin, fast, &word_scratch, &out.tokens);
    }
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  thread_local std::vector<Span> scratch;  // reused: one allocation per call
  AppendTokens(text, 0, FastPathApplies(text), &scratch, &tokens);
  return tokens;
}

}  // namespace twicetold
