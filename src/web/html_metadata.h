// Page metadata: title, date, authors, canonical URL, site name, language,
// from JSON-LD, OpenGraph and other <meta> tags, <time> and <html lang>.
// Internal to src/web.
#ifndef TWICETOLD_WEB_HTML_METADATA_H_
#define TWICETOLD_WEB_HTML_METADATA_H_

#include <gumbo.h>

#include <string>
#include <vector>

namespace twicetold::web {

struct PageMetadata {
  std::string title;
  std::string published;
  std::vector<std::string> authors;
  std::string url;
  std::string site;
  std::string language;
};

// Reads the metadata of a parsed page. Precedence, per field: JSON-LD
// (an Article-like object), then OpenGraph / article:* / name= meta tags,
// then the document itself (<title>, the first <time datetime>, <html
// lang>). Values are trimmed; dates are kept only when they start with
// YYYY-MM-DD.
PageMetadata ReadMetadata(const GumboNode* root);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_HTML_METADATA_H_
