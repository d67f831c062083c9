// Main-content extraction from HTML pages: the article body as paragraphs,
// headings and list items, plus page metadata.
//
// The page is decoded to UTF-8 (byte order mark, then the HTTP charset,
// then a <meta> charset in the first 4 KiB, else UTF-8 when valid, else
// windows-1252; converted with ICU) and parsed by gumbo, an HTML5 parser.
// The body is chosen by scoring the blocks of the page (text length,
// commas, link density, class and id hints, as Readability and trafilatura
// do); navigation, comments, share bars, related links, captions, cookie
// and subscription notices are dropped. No site-specific rules.
//
// Body format: blocks separated by one blank line ("\n\n"); list items are
// lines starting with "• " inside one block, so Segment types them. The
// body keeps a map back to the page bytes (Article::body_map semantics).
#ifndef TWICETOLD_HTML_H_
#define TWICETOLD_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold {

struct HtmlOptions {
  // Behaviour.
  // The HTTP Content-Type header value, when known: its charset wins over
  // <meta> (a byte order mark wins over both).
  std::string content_type;
  // Blocks shorter than this many bytes count as no content when scoring
  // (they are still kept inside the chosen article).
  uint32_t min_block_bytes = 25;
  // A body shorter than this many bytes is extracted again without the
  // class and id hints (they sometimes name the article itself), and the
  // longer result is kept (Readability does the same).
  uint32_t retry_below_bytes = 500;
};

struct HtmlExtract {
  std::string title;      // og:title, JSON-LD headline, <h1> or <title>
  std::string body;       // valid UTF-8; may be empty (no article found)
  std::string published;  // ISO 8601 as found (JSON-LD, meta, <time>), or ""
  std::vector<std::string> authors;
  std::string url;        // canonical URL (<link rel=canonical>, og:url)
  std::string site;       // og:site_name or JSON-LD publisher name
  std::string language;   // <html lang>, og:locale, JSON-LD inLanguage
  std::string charset;    // the charset the page was decoded from
  // Where body bytes came from in the page bytes as given to ExtractHtml.
  std::vector<SourceRun> body_map;
};

// Extracts the article of one page. Never fails on malformed HTML (the
// parser recovers as browsers do); errors (kCorruption): "not text" for
// bytes that decode to nothing printable, "unknown charset X" when ICU has
// no converter for a declared charset. Thread-safe.
Result<HtmlExtract> ExtractHtml(std::string_view page, const HtmlOptions& options);

// True when `head` (the first bytes of a file, after any decompression)
// looks like an HTML document: after a byte order mark and whitespace it
// starts with "<!doctype html", "<html", "<head", or an HTML comment
// followed by one of these (case-insensitive).
bool LooksLikeHtml(std::string_view head);

}  // namespace twicetold

#endif  // TWICETOLD_HTML_H_
