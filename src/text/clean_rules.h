// Private line classifiers for CleanBody (include/twicetold/clean.h).
//
// Each classifier looks at one line of an article body. Most work on a
// "folded" line: Normalize()d (typography folded, NFKC), whitespace runs
// collapsed to one ASCII space and trimmed, so NBSP, curly quotes and em
// dashes do not defeat the patterns. The dateline matcher works on the line
// as given, because it must report exact byte offsets.
#ifndef TWICETOLD_TEXT_CLEAN_RULES_H_
#define TWICETOLD_TEXT_CLEAN_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace twicetold {
namespace clean_internal {

// One line, folded for classification.
struct FoldedLine {
  std::string text;        // normalized, spaces collapsed, trimmed
  std::string key;         // `text` ASCII-lowercased: the repeat key
  uint32_t words = 0;      // space-separated tokens in `text`
  uint32_t chars = 0;      // code points in `text`
  bool has_alnum = false;  // any letter or digit (Unicode)
  // `text` holds a character that (?i) matching folds to an ASCII letter
  // (U+017F long s, U+212A Kelvin sign). NFKC removes both, so this is only
  // set if ICU normalization was unavailable; the rules then skip their
  // literal prefilters, which look for ASCII literals in `key`.
  bool exotic_case = false;
};

// Folds `line` (valid UTF-8, no newline) into `out`, reusing its buffers.
// Lines of ASCII and the common typographic characters (curly quotes, en
// and em dashes, ellipsis, NBSP) are folded by a byte loop without ICU; the
// result is the same as for Normalize() then collapsing spaces.
void FoldLineInto(std::string_view line, FoldedLine* out);

// Same, returning a new FoldedLine.
FoldedLine FoldLine(std::string_view line);

// True when the line has visible characters but no letter or digit
// ("\u00a0", "* * *", "•"). An empty folded line from a non-empty input also
// counts (only invisibles). The caller excludes ASCII-whitespace-only lines.
bool IsBlankFiller(const FoldedLine& folded);

// Site furniture: "Story continues below", "Please enable JavaScript",
// "Click here to ...", newsletter sign-ups, copyright and share/follow
// prompts, "Read more:", short "X contributed to this report." credits.
// Each pattern has its own word limit so long real sentences never match.
bool IsFurniture(const FoldedLine& folded);

// A short line (<= 6 words, no sentence punctuation) naming an ad.
bool IsAdvertisement(const FoldedLine& folded);

// A photo caption or credit line (<= 60 words): starts with a credit label
// or ends with a parenthesised / slash-separated photo credit.
bool IsCaption(const FoldedLine& folded);

// A dateline at the start of `line` (as given): byte offsets within `line`.
struct DatelineMatch {
  uint32_t begin = 0;  // first byte of the place
  uint32_t end = 0;    // one past the dash
  uint32_t rest = 0;   // first byte after the dash and following spaces
  std::string place;
  std::string outlet;
};
std::optional<DatelineMatch> MatchDateline(std::string_view line);

// For tests: MayStartDateline is the exact prefilter MatchDateline applies
// before its regex (false only when DatelineRegexMatches is false), and
// DatelineRegexMatches is that regex alone, anchored at the line start.
bool MayStartDateline(std::string_view line);
bool DatelineRegexMatches(std::string_view line);

}  // namespace clean_internal
}  // namespace twicetold

#endif  // TWICETOLD_TEXT_CLEAN_RULES_H_
