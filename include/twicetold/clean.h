// Boilerplate removal within one article body.
//
// Works line by line on the body as given (not normalized). Conservative:
// removing a real sentence is worse than keeping an ad line, so each rule
// needs strong evidence. Every removal is reported with its reason and its
// byte span in the body; nothing is dropped silently.
//
// Rules:
//   repeated_line  a line (>= min_repeated_line_chars after normalization)
//                  equal, after normalization, to an earlier line: the
//                  later copy is removed;
//   caption        a photo caption or credit line: starts with a credit
//                  label ("Photo:", "Image:", "Credit:", "File photo") or
//                  ends with a parenthesised or slash-separated photo credit
//                  ("(AFP)", "(AP Photo/Jane Doe)", "/ Getty Images");
//   advertisement  a short line (<= 6 words, no sentence punctuation) that
//                  names an ad ("Advertisement", "Sponsored", "Advertisment");
//   furniture      site furniture: "Story continues below", "Please enable
//                  JavaScript...", "Click here to...", newsletter sign-ups,
//                  share/follow prompts, copyright lines, "Read more:";
//   blank_filler   a line that is not empty but has no letters or digits
//                  after normalization (non-breaking spaces, "* * *");
// Datelines ("ERBIL (Kurdistan24) —", "MOSCOW / WASHINGTON —", "LONDON,
// March 3 (Reuters) -") at the start of the body are not boilerplate but
// metadata: cut from the text and returned as CleanedBody::dateline (with
// their span), not as a Removal.
#ifndef TWICETOLD_CLEAN_H_
#define TWICETOLD_CLEAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/normalize.h"
#include "twicetold/span.h"

namespace twicetold {

// Corpus-level furniture: lines that a whole source repeats, known only
// after a pass over the corpus. CleanBody consults it through this
// interface so that cleaning never depends on how it was counted
// (CorpusBoilerplate in corpus_boilerplate.h is the implementation).
// IsFurniture must be thread-safe.
class FurnitureLookup {
 public:
  virtual ~FurnitureLookup() = default;

  // Whether `line` (one line of an article body, as given) is furniture of
  // `source`.
  virtual bool IsFurniture(std::string_view source,
                           std::string_view line) const = 0;
};

enum class RemovalReason {
  kRepeatedLine,
  kCaption,
  kAdvertisement,
  kFurniture,
  kBlankFiller,
  kSourceRepeat,  // a line repeated across many articles of the same source
};
std::string_view RemovalReasonName(RemovalReason reason);  // "repeated_line", ...

struct Removal {
  RemovalReason reason;
  Span span;         // bytes in the body, without the line's newline
  std::string text;  // the removed text, as given
};

struct Dateline {
  std::string place;   // "ERBIL", "MOSCOW / WASHINGTON"
  std::string outlet;  // "Kurdistan24", or empty
  Span span;           // bytes in the body, including the trailing dash
};

struct CleanOptions {
  // Behaviour.
  bool remove_repeated_lines = true;
  uint32_t min_repeated_line_chars = 20;  // shorter repeats ("Photo") stay
  bool remove_captions = true;
  bool remove_advertisements = true;
  bool remove_furniture = true;
  bool remove_blank_filler = true;
  bool extract_dateline = true;
  // Corpus-level furniture (e.g. a frozen CorpusBoilerplate); not owned;
  // null for none. Lines it names for the article's source are removed as
  // source_repeat.
  const FurnitureLookup* corpus = nullptr;
};

struct CleanedBody {
  // The body with removed lines and the dateline cut out (paragraph breaks
  // kept), mapped to byte offsets of the body as given. Every non-space
  // byte of the body is in `text`, in one Removal, or in the dateline.
  MappedText text;
  std::vector<Removal> removed;  // in body order
  std::optional<Dateline> dateline;
};

// Cleans one article body (valid UTF-8). `source` selects the corpus-level
// furniture (options.corpus) that applies. Never fails. Thread-safe.
CleanedBody CleanBody(std::string_view body, const CleanOptions& options,
                      std::string_view source = {});

}  // namespace twicetold

#endif  // TWICETOLD_CLEAN_H_
