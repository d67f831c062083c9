// Corpus-level boilerplate: lines repeated across many articles of one
// source ("Story Continued Below", "Sign up for our newsletter", a
// copyright line) are site furniture, whatever their wording.
//
// Two passes: Observe() every article (counts each distinct short line
// once per article, per source), then Freeze(); after that, IsFurniture()
// answers for CleanBody (CleanOptions::corpus), which removes such lines
// with reason "source_repeat" and keeps every span pointing into the body
// as given, unless they would take more than half of an article's text (a
// templated item, such as a dividend notice, is content). Articles without
// a source are neither counted nor cleaned: without a source, a line shared
// by many articles is as likely a copied story as site furniture.
#ifndef TWICETOLD_CORPUS_BOILERPLATE_H_
#define TWICETOLD_CORPUS_BOILERPLATE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "twicetold/clean.h"
#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold {

struct CorpusBoilerplateOptions {
  // A line (compared after trimming, squeezing whitespace and case folding)
  // is furniture when it appears in at least `min_articles` articles of one
  // source and in at least `min_fraction` of that source's articles.
  uint32_t min_articles = 5;
  double min_fraction = 0.0;
  // Longer lines are paragraphs of news, never counted.
  uint32_t max_line_bytes = 200;
  // Lines with fewer letters than this are never furniture ("--", "1.").
  uint32_t min_letters = 4;
};

// Observe() is not thread-safe (one counting pass, or one instance per
// thread merged with Merge()); after Freeze(), IsFurniture() is
// thread-safe.
class CorpusBoilerplate final : public FurnitureLookup {
 public:
  explicit CorpusBoilerplate(const CorpusBoilerplateOptions& options);
  ~CorpusBoilerplate() override;
  CorpusBoilerplate(CorpusBoilerplate&&) noexcept;
  CorpusBoilerplate& operator=(CorpusBoilerplate&&) noexcept;

  void Observe(const Article& article);
  void Merge(const CorpusBoilerplate& other);
  void Freeze();  // drops the counts of lines that are not furniture

  // Whether `line` (one line of an article body, as given) is furniture of
  // `source`. False before Freeze().
  bool IsFurniture(std::string_view source,
                   std::string_view line) const override;

  uint64_t furniture_lines() const;  // distinct (source, line) pairs
  size_t MemoryBytes() const;

  // The whole state (counts before Freeze, furniture after) as bytes, so
  // that counting can be split across processes (the Dask path counts per
  // partition, merges and freezes, then ships the furniture to workers).
  // A transfer format between processes of one build, not a storage
  // format: "tt-cbp1", then little-endian fields (see the .cc).
  std::string Serialize() const;
  // The instance Serialize() wrote, with `options` (which must be the
  // writer's). Corruption for bytes that are not such a state.
  static Result<CorpusBoilerplate> Deserialize(
      std::string_view bytes, const CorpusBoilerplateOptions& options);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace twicetold

#endif  // TWICETOLD_CORPUS_BOILERPLATE_H_
