// Text normalization with a map back to original byte offsets.
//
// Representation: a MappedText holds UTF-8 `text` and `to_original`, with
// to_original.size() == text.size() + 1. to_original[i] is the byte offset in
// the original input where the character containing normalized byte i came
// from; to_original[text.size()] is the end of the original input (or, for
// a text that drops trailing input, as CleanBody's does, the end of the
// last original byte kept). Entries
// are non-decreasing and always land on UTF-8 character boundaries of the
// original, so any normalized span [b, e) maps to the original span
// [to_original[b], to_original[e]).
//
// What Normalize does, in order (each step switchable in NormalizeOptions):
//   - invalid UTF-8 sequences become U+FFFD (callers usually reject earlier);
//   - "\r\n" and lone "\r" become "\n"; U+2028 becomes "\n", U+2029 "\n\n";
//   - typographic folding: curly, low and angle quotes to ' and ", every
//     dash and minus to '-', U+2014/U+2015 (em dash, bar) to " - " unless
//     already spaced, '…' to "...", every space character and tab to ' ',
//     soft hyphens, zero-width and other default-ignorable characters dropped;
//   - NFKC (ICU), in boundary-delimited segments so composition is correct;
//   - optional case folding (for matching keys, not for display).
// What it does not do: collapse runs of spaces, strip accents, transliterate.
// ASCII runs take a fast path that does not call ICU.
#ifndef TWICETOLD_NORMALIZE_H_
#define TWICETOLD_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace twicetold {

struct MappedText {
  std::string text;
  std::vector<uint32_t> to_original;  // text.size() + 1 entries

  // Original byte span of the normalized byte span [begin, end).
  uint32_t OriginalBegin(size_t begin) const { return to_original[begin]; }
  uint32_t OriginalEnd(size_t end) const { return to_original[end]; }

  // Identity mapping over `text`.
  static MappedText Identity(std::string_view text);
};

struct NormalizeOptions {
  // Behaviour.
  bool fold_typography = true;  // quotes, dashes, spaces, ellipses, invisibles
  bool nfkc = true;             // Unicode compatibility composition
  bool case_fold = false;       // full case folding, for matching keys
};

// Normalizes `input` (any bytes; invalid UTF-8 becomes U+FFFD). Offsets in
// the result map to byte offsets in `input`. Never fails.
MappedText Normalize(std::string_view input, const NormalizeOptions& options);

// Normalizes `input.text` and composes the maps, so the result maps to
// whatever `input` maps to.
MappedText NormalizeMapped(const MappedText& input,
                           const NormalizeOptions& options);

}  // namespace twicetold

#endif  // TWICETOLD_NORMALIZE_H_
