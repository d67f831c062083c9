#include "twicetold/analyze.h"

#include <string>
#include <utility>

namespace twicetold {

AnalyzedArticle Analyze(Article article, const AnalyzeOptions& options) {
  AnalyzedArticle out;
  out.article = std::move(article);
  out.cleaned =
      CleanBody(out.article.body, options.clean, out.article.source);
  out.normalized = NormalizeMapped(out.cleaned.text, options.normalize);
  out.segments = Segment(out.normalized.text, options.segment);
  return out;
}

std::string CleanVersion(const CleanOptions& c) {
  std::string out = "clean=";
  for (bool on : {c.remove_repeated_lines, c.remove_captions, c.remove_advertisements,
                  c.remove_furniture, c.remove_blank_filler, c.extract_dateline}) {
    out.push_back(on ? '1' : '0');
  }
  out += "," + std::to_string(c.min_repeated_line_chars);
  if (c.corpus != nullptr) out += ",corpus";
  return out;
}

std::string AnalyzeVersion(const AnalyzeOptions& o) {
  const NormalizeOptions& n = o.normalize;
  std::string out = "text-r" + std::to_string(kTextRulesRevision) + " " + CleanVersion(o.clean);
  out += " norm=";
  for (bool on : {n.fold_typography, n.nfkc, n.case_fold}) out.push_back(on ? '1' : '0');
  out += " seg=" + std::to_string(o.segment.max_heading_words) + "," +
         (o.segment.tokens ? "1" : "0");
  return out;
}

}  // namespace twicetold
