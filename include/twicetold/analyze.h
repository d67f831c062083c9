// AnalyzedArticle: everything computed once per article and shared by
// everything downstream (relate, compare, quotes, report).
//
// Pipeline: CleanBody (boilerplate out, dateline to metadata) -> Normalize
// (typography, NFKC) -> Segment (blocks, sentences, tokens). All spans in
// `segments` are byte offsets into `normalized.text`; `normalized` maps them
// back to byte offsets in `article.body`.
#ifndef TWICETOLD_ANALYZE_H_
#define TWICETOLD_ANALYZE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "twicetold/clean.h"
#include "twicetold/document.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"
#include "twicetold/span.h"

namespace twicetold {

struct AnalyzeOptions {
  CleanOptions clean;
  NormalizeOptions normalize;  // display normalization (no case folding)
  SegmentOptions segment;
};

// Revision of the text rules: cleaning (src/text/clean_rules.cc, clean.cc),
// normalization (normalize.cc), segmentation and word tokenization
// (segment.cc, sentence_splitter.cc, word_tokenizer.cc). Bump it by hand, in
// the same commit, with any change to those rules that can change a
// cleaned, normalized or tokenized text: fingerprint, compare and story
// versions all name it, so results and stores made under other rules are
// told apart (options are named separately, see AnalyzeVersion).
inline constexpr uint32_t kTextRulesRevision = 1;

// "text-r1 clean=111111,20 norm=110 seg=12,1": the rules revision and every
// option of `options` that can change an analysis. A frozen corpus
// furniture table (CleanOptions::corpus) appends ",corpus" to the cleaning
// part; its contents depend on the corpus and are not named.
std::string AnalyzeVersion(const AnalyzeOptions& options);

// The cleaning part of AnalyzeVersion: "clean=111111,20" (",corpus").
std::string CleanVersion(const CleanOptions& options);

struct AnalyzedArticle {
  Article article;
  CleanedBody cleaned;      // maps into article.body
  MappedText normalized;    // cleaned + normalized, maps into article.body
  Segmentation segments;    // spans into normalized.text

  // Text of a span of normalized.text.
  std::string_view Text(Span normalized_span) const {
    return normalized_span.In(normalized.text);
  }
  // Byte span in article.body of a span of normalized.text.
  Span ToBody(Span normalized_span) const {
    return {normalized.to_original[normalized_span.begin],
            normalized.to_original[normalized_span.end]};
  }
};

// Cleans, normalizes and segments `article`. Never fails (the reader has
// already validated the body). Thread-safe.
AnalyzedArticle Analyze(Article article, const AnalyzeOptions& options);

}  // namespace twicetold

#endif  // TWICETOLD_ANALYZE_H_
