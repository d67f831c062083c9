#include "twicetold/analyze.h"

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

}  // namespace twicetold
