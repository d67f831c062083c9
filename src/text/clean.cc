#include "twicetold/clean.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/clean_rules.h"
#include "text/text_only.h"

namespace twicetold {
namespace {

using clean_internal::FoldedLine;

// Datelines are looked for only this many kept lines into the body: a
// subtitle or a caption may precede the first paragraph, but a dash-led
// upper-case opening deeper in the article is not a dateline.
constexpr int kDatelineSearchLines = 3;

struct Line {
  uint32_t begin = 0;       // first byte of the line
  uint32_t end = 0;         // one past the last byte, before "\r\n" / "\n"
  uint32_t keep_begin = 0;  // first kept byte (after a dateline)
  bool empty = false;       // only ASCII whitespace
  bool removed = false;
  bool blank_filler = false;
};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

void SplitLinesInto(std::string_view body, std::vector<Line>& lines) {
  lines.clear();
  size_t begin = 0;
  while (begin <= body.size()) {
    size_t nl = body.find('\n', begin);
    size_t next = nl == std::string_view::npos ? body.size() : nl;
    Line line;
    line.begin = static_cast<uint32_t>(begin);
    line.end = static_cast<uint32_t>(next);
    if (line.end > line.begin && body[line.end - 1] == '\r') --line.end;
    line.keep_begin = line.begin;
    line.empty = true;
    for (size_t i = line.begin; i < line.end && line.empty; ++i) {
      line.empty = IsAsciiSpace(body[i]);
    }
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    begin = nl + 1;
  }
}

std::vector<Line> SplitLines(std::string_view body) {
  std::vector<Line> lines;
  SplitLinesInto(body, lines);
  return lines;
}

// The first rule that fires on a line, in order of certainty. A repeat is
// checked first so that of two identical captions the first is reported as
// a caption and the second as a repeat.
std::optional<RemovalReason> Classify(const FoldedLine& folded,
                                      bool removable_repeat,
                                      const CleanOptions& options) {
  if (options.remove_blank_filler && clean_internal::IsBlankFiller(folded)) {
    return RemovalReason::kBlankFiller;
  }
  if (options.remove_repeated_lines && removable_repeat) {
    return RemovalReason::kRepeatedLine;
  }
  if (options.remove_furniture && clean_internal::IsFurniture(folded)) {
    return RemovalReason::kFurniture;
  }
  if (options.remove_advertisements &&
      clean_internal::IsAdvertisement(folded)) {
    return RemovalReason::kAdvertisement;
  }
  if (options.remove_captions && clean_internal::IsCaption(folded)) {
    return RemovalReason::kCaption;
  }
  return std::nullopt;
}

bool EndsLikeSentence(const std::string& text) {
  size_t end = text.find_last_not_of("\"')");
  if (end == std::string::npos) return false;
  char c = text[end];
  return c == '.' || c == '!' || c == '?';
}

// Folded non-empty lines of one body. Kept per thread and reused, so a
// body costs no allocation per line once the buffers have grown.
struct FoldScratch {
  std::vector<size_t> index;       // line number of each folded line
  std::vector<FoldedLine> folded;  // only the first index.size() are live
  std::vector<bool> repeat;
  std::vector<uint8_t> furniture;  // per folded line: corpus furniture to remove
  std::unordered_set<std::string_view> seen;
};

FoldScratch& ThreadFoldScratch() {
  thread_local FoldScratch scratch;
  return scratch;
}

// Marks later copies of earlier lines that may be removed. Scraping
// duplicates captions, galleries and furniture, which show up as a copy
// right after its original, as runs of copies, or as non-sentences. A lone
// full sentence repeated between different paragraphs is more likely a
// writer's refrain (one column on real data repeated "Yet the stock market
// sits at all-time highs." a dozen times), so it stays.
void FindRemovableRepeats(FoldScratch& scratch, const CleanOptions& options) {
  const size_t n = scratch.index.size();
  const std::vector<FoldedLine>& folded = scratch.folded;
  scratch.repeat.assign(n, false);
  // A lone line repeats nothing; hashing it (often a whole body without
  // line breaks) into the set below cost 2% of dedup.
  if (n < 2) return;
  std::vector<bool> copy(n, false);
  scratch.seen.clear();
  for (size_t i = 0; i < n; ++i) {
    if (!folded[i].has_alnum) continue;
    bool inserted = scratch.seen.insert(folded[i].key).second;
    copy[i] = folded[i].chars >= options.min_repeated_line_chars && !inserted;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!copy[i]) continue;
    bool after_original = i > 0 && folded[i - 1].key == folded[i].key;
    bool in_run = (i > 0 && copy[i - 1]) || (i + 1 < n && copy[i + 1]);
    scratch.repeat[i] =
        after_original || in_run || !EndsLikeSentence(folded[i].text);
  }
}

// Corpus furniture is checked before the per-article rules: it is the
// stronger evidence (the same line in many articles of the source), and it
// makes the source_repeat count equal to the lines IsFurniture() names.
void ClassifyLines(std::string_view body, std::string_view source,
                   const CleanOptions& options, std::vector<Line>& lines,
                   std::vector<Removal>& removed) {
  // Non-empty lines only, so "previous" and "next" skip blank lines.
  FoldScratch& scratch = ThreadFoldScratch();
  scratch.index.clear();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty) continue;
    const size_t k = scratch.index.size();
    scratch.index.push_back(i);
    if (scratch.folded.size() <= k) scratch.folded.emplace_back();
    clean_internal::FoldLineInto(
        body.substr(lines[i].begin, lines[i].end - lines[i].begin),
        &scratch.folded[k]);
  }
  FindRemovableRepeats(scratch, options);
  // Corpus furniture lines of this article. A templated item made mostly of
  // the source's recurring lines (a dividend notice, a results table) is
  // content, not furniture: when they would take more than half of the
  // article's text, none is removed.
  std::vector<uint8_t>& furniture = scratch.furniture;
  furniture.assign(scratch.index.size(), 0);
  if (options.corpus != nullptr) {
    size_t furniture_bytes = 0, total_bytes = 0;
    for (size_t k = 0; k < scratch.index.size(); ++k) {
      const Line& line = lines[scratch.index[k]];
      std::string_view text = body.substr(line.begin, line.end - line.begin);
      total_bytes += text.size();
      if (options.corpus->IsFurniture(source, text)) {
        furniture[k] = 1;
        furniture_bytes += text.size();
      }
    }
    if (2 * furniture_bytes > total_bytes) furniture.assign(furniture.size(), 0);
  }
  for (size_t k = 0; k < scratch.index.size(); ++k) {
    Line& line = lines[scratch.index[k]];
    std::optional<RemovalReason> reason;
    if (furniture[k]) {
      reason = RemovalReason::kSourceRepeat;
    } else {
      reason = Classify(scratch.folded[k], scratch.repeat[k], options);
    }
    if (!reason) continue;
    Span span{line.begin, line.end};
    line.removed = true;
    line.blank_filler = *reason == RemovalReason::kBlankFiller;
    removed.push_back({*reason, span, std::string(span.In(body))});
  }
}

// Finds a dateline at the start of one of the first kept lines; cuts it
// from that line and records it.
std::optional<Dateline> ExtractDateline(std::string_view body,
                                        std::vector<Line>& lines) {
  int looked = 0;
  for (Line& line : lines) {
    if (line.empty || line.removed) continue;
    if (looked++ == kDatelineSearchLines) break;
    std::string_view text = body.substr(line.begin, line.end - line.begin);
    std::optional<clean_internal::DatelineMatch> m =
        clean_internal::MatchDateline(text);
    if (!m) continue;
    Dateline dateline{m->place, m->outlet,
                      Span{line.begin + m->begin, line.begin + m->end}};
    line.keep_begin = line.begin + m->rest;
    if (line.keep_begin >= line.end) line.removed = true;
    return dateline;
  }
  return std::nullopt;
}

// Appends body[begin, end) (whole characters). Every byte of a character
// maps to the character's first byte, as the MappedText contract asks
// (unless `with_map` is false: then only the text is appended).
void AppendVerbatim(std::string_view body, uint32_t begin, uint32_t end,
                    bool with_map, MappedText& out) {
  out.text.append(body.substr(begin, end - begin));
  if (!with_map) return;
  const size_t at = out.to_original.size();
  out.to_original.resize(at + (end - begin));
  uint32_t* map = out.to_original.data() + at;
  uint8_t high = 0;
  for (uint32_t i = begin; i < end; ++i) high |= static_cast<uint8_t>(body[i]);
  if (high < 0x80) {  // ASCII: every byte is a character (vectorizes)
    for (uint32_t i = begin; i < end; ++i) map[i - begin] = i;
    return;
  }
  uint32_t char_start = begin;
  for (uint32_t i = begin; i < end; ++i) {
    if ((static_cast<uint8_t>(body[i]) & 0xC0) != 0x80) char_start = i;
    map[i - begin] = char_start;
  }
}

// Rebuilds the text from the kept parts of lines. A gap between two kept
// lines is copied as given unless something was cut from it; then it
// becomes "\n\n" if it held a paragraph break (an empty or filler line) and
// "\n" otherwise, so removals never leave runs of blank lines. Appends to
// `out`, which must be empty; to_original is left empty unless `map`.
void Assemble(std::string_view body, const std::vector<Line>& lines, bool map,
              MappedText& out) {
  out.text.reserve(body.size());
  if (map) out.to_original.reserve(body.size() + 1);
  uint32_t gap_begin = 0;
  bool have_kept = false, gap_cut = false, gap_break = false;
  for (const Line& line : lines) {
    if (line.removed || line.empty) {
      gap_cut |= line.removed;
      gap_break |= line.empty || line.blank_filler;
      continue;
    }
    gap_cut |= line.keep_begin != line.begin;
    if (!gap_cut) {
      AppendVerbatim(body, gap_begin, line.keep_begin, map, out);
    } else if (have_kept) {
      out.text.append(gap_break ? "\n\n" : "\n");
      if (map) out.to_original.resize(out.text.size(), gap_begin);
    }
    AppendVerbatim(body, line.keep_begin, line.end, map, out);
    gap_begin = line.end;
    have_kept = true;
    gap_cut = gap_break = false;
  }
  if (!gap_cut) AppendVerbatim(body, gap_begin, body.size(), map, out);
  // The end maps to the end of what was kept, so a span that ends the text
  // does not stretch over trailing lines that were cut.
  if (map) {
    out.to_original.push_back(gap_cut ? gap_begin
                                      : static_cast<uint32_t>(body.size()));
  }
}

}  // namespace

std::string_view RemovalReasonName(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::kRepeatedLine:
      return "repeated_line";
    case RemovalReason::kCaption:
      return "caption";
    case RemovalReason::kAdvertisement:
      return "advertisement";
    case RemovalReason::kFurniture:
      return "furniture";
    case RemovalReason::kBlankFiller:
      return "blank_filler";
    case RemovalReason::kSourceRepeat:
      return "source_repeat";
  }
  return "unknown";
}

CleanedBody CleanBody(std::string_view body, const CleanOptions& options,
                      std::string_view source) {
  CleanedBody result;
  std::vector<Line> lines = SplitLines(body);
  ClassifyLines(body, source, options, lines, result.removed);
  if (options.extract_dateline) {
    result.dateline = ExtractDateline(body, lines);
  }
  std::stable_sort(result.removed.begin(), result.removed.end(),
                   [](const Removal& a, const Removal& b) {
                     return a.span.begin < b.span.begin;
                   });
  Assemble(body, lines, /*map=*/true, result.text);
  return result;
}

namespace text_internal {

// CleanBody without the map, the sorted removals or the dateline record:
// the same lines are classified and cut, so the text is the same. Lines
// are split into a vector kept per thread.
std::string_view CleanBodyTextOnly(std::string_view body, const CleanOptions& options,
                                   std::string_view source, std::string* buffer,
                                   uint32_t* source_repeat_lines) {
  thread_local std::vector<Removal> removed;
  thread_local std::vector<Line> lines;
  removed.clear();
  SplitLinesInto(body, lines);
  ClassifyLines(body, source, options, lines, removed);
  if (options.extract_dateline) ExtractDateline(body, lines);
  *source_repeat_lines = 0;
  for (const Removal& r : removed) {
    *source_repeat_lines += r.reason == RemovalReason::kSourceRepeat;
  }
  // Nothing cut: Assemble would copy every gap and line verbatim, in
  // order, which is the body.
  bool cut = false;
  for (const Line& line : lines) cut |= line.removed || line.keep_begin != line.begin;
  if (!cut) return body;
  MappedText out;
  out.text = std::move(*buffer);
  out.text.clear();
  Assemble(body, lines, /*map=*/false, out);
  *buffer = std::move(out.text);
  return *buffer;
}

}  // namespace text_internal

}  // namespace twicetold
