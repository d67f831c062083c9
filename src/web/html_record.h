// Turning an HTML page into an Article (for the file and WARC readers).
// Internal to src/web.
#ifndef TWICETOLD_WEB_HTML_RECORD_H_
#define TWICETOLD_WEB_HTML_RECORD_H_

#include <string_view>

#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold::web {

// True when `path` names an HTML file: .html / .htm / .xhtml, optionally
// followed by .gz / .zst / .zstd / .xz (case-insensitive).
bool IsHtmlName(std::string_view path);

// Fills title, body, published, authors, url, site, language, body_map
// (and source from the site name) of `article` from the page `bytes`.
// `content_type` is the HTTP Content-Type when known. Errors (kCorruption):
// "no article text found in HTML", or an ExtractHtml error.
Status ParseHtmlArticle(std::string_view bytes, std::string_view content_type,
                        Article* article);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_HTML_RECORD_H_
