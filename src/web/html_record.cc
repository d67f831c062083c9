#include "web/html_record.h"

#include <string>

#include "twicetold/html.h"
#include "web/dom.h"

namespace twicetold::web {

namespace {
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

bool IsHtmlName(std::string_view path) {
  std::string name = LowerAscii(path);
  for (std::string_view z : {".gz", ".zst", ".zstd", ".xz"}) {
    if (EndsWith(name, z)) {
      name.resize(name.size() - z.size());
      break;
    }
  }
  return EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml");
}

Status ParseHtmlArticle(std::string_view bytes, std::string_view content_type,
                        Article* article) {
  HtmlOptions options;
  options.content_type = std::string(content_type);
  Result<HtmlExtract> page = ExtractHtml(bytes, options);
  if (!page.ok()) return page.status();
  if (TrimSpace(page->body).empty()) return CorruptionError("no article text found in HTML");
  article->title = std::move(page->title);
  article->body = std::move(page->body);
  article->published = std::move(page->published);
  article->authors = std::move(page->authors);
  article->url = std::move(page->url);
  article->site = std::move(page->site);
  article->language = std::move(page->language);
  article->body_map = std::move(page->body_map);
  if (article->source.empty()) article->source = article->site;
  return Status::Ok();
}

}  // namespace twicetold::web
