// The text blocks of a parsed page (paragraphs, headings, list items),
// with their byte map back to the page. Internal to src/web.
#ifndef TWICETOLD_WEB_HTML_BLOCKS_H_
#define TWICETOLD_WEB_HTML_BLOCKS_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "twicetold/document.h"
#include "web/charset.h"

namespace twicetold::web {

enum class BlockType { kParagraph, kHeading, kListItem, kPre };

struct TextBlock {
  std::string text;              // whitespace collapsed, trimmed
  std::vector<SourceRun> runs;   // `body` offsets are into `text`
  BlockType type = BlockType::kParagraph;
  const GumboNode* element = nullptr;  // the innermost block element holding it
  const GumboNode* list = nullptr;     // list items: their <ul>/<ol>
  GumboTag heading = GUMBO_TAG_UNKNOWN;  // headings: h1..h6
  uint32_t link_bytes = 0;       // bytes of `text` inside <a>
};

// Elements never read: scripts, forms controls, navigation, asides,
// footers, figures (captions), hidden elements, and elements whose class
// or id names boilerplate (comments, share bars, related links, cookie and
// subscription notices, ads) unless they also name content. With
// `use_names` false, class and id are not looked at (the retry when the
// names removed the article itself).
bool IsSkipped(const GumboNode* element, bool use_names = true);

// Splits the page below `root` into text blocks in document order.
// `page` maps offsets of the parsed UTF-8 text to the page as given.
std::vector<TextBlock> CollectBlocks(const GumboNode* root, const DecodedPage& page,
                                     bool use_names);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_HTML_BLOCKS_H_
