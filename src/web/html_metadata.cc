#include "web/html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

#include "core/iso_date.h"
#include "web/dom.h"

namespace twicetold::web {

std::string TextContent(const GumboNode* node, size_t limit) {
  std::string out;
  bool space = false;
  // Iterative: pages can nest deeply.
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      for (const char* p = n->v.text.text; *p != '\0'; ++p) {
        if (IsHtmlSpace(*p)) {
          space = true;
        } else {
          if (space && !out.empty()) out.push_back(' ');
          space = false;
          out.push_back(*p);
        }
      }
      space = space || n->type == GUMBO_NODE_WHITESPACE;
    } else if (IsElement(n)) {
      const GumboTag tag = TagOf(n);
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
      const GumboVector& kids = ChildrenOf(n);
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }
  return out;
}

namespace {

using Json = nlohmann::json;

bool IsDate(std::string_view s) { return ParseIsoDays(s.substr(0, 10)).has_value(); }

void SetOnce(std::string* field, std::string_view value) {
  value = TrimSpace(value);
  if (field->empty() && !value.empty()) *field = std::string(value);
}

void SetDateOnce(std::string* field, std::string_view value) {
  value = TrimSpace(value);
  if (field->empty() && IsDate(value)) *field = std::string(value);
}

void AddAuthor(std::vector<std::string>* authors, std::string_view name) {
  name = TrimSpace(name);
  if (name.empty() || name.size() > 100) return;
  if (name.rfind("http://", 0) == 0 || name.rfind("https://", 0) == 0) return;
  if (std::find(authors->begin(), authors->end(), name) == authors->end()) {
    authors->emplace_back(name);
  }
}

std::string JsonString(const Json& j) { return j.is_string() ? j.get<std::string>() : ""; }

bool IsArticleType(const Json& type) {
  auto article_like = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string s = t.get<std::string>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" ||
           s == "Report" || s == "LiveBlogPosting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), article_like);
  return article_like(type);
}

void ReadJsonLdAuthors(const Json& author, PageMetadata* meta) {
  if (author.is_array()) {
    for (const Json& a : author) ReadJsonLdAuthors(a, meta);
  } else if (author.is_string()) {
    AddAuthor(&meta->authors, author.get<std::string>());
  } else if (author.is_object() && author.contains("name")) {
    AddAuthor(&meta->authors, JsonString(author["name"]));
  }
}

void ReadJsonLdObject(const Json& j, PageMetadata* meta, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const Json& item : j) ReadJsonLdObject(item, meta, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) ReadJsonLdObject(j["@graph"], meta, depth + 1);
  if (!j.contains("@type") || !IsArticleType(j["@type"])) return;
  if (j.contains("headline")) SetOnce(&meta->title, JsonString(j["headline"]));
  if (j.contains("datePublished")) SetDateOnce(&meta->published, JsonString(j["datePublished"]));
  if (j.contains("author") && meta->authors.empty()) ReadJsonLdAuthors(j["author"], meta);
  if (j.contains("inLanguage")) SetOnce(&meta->language, JsonString(j["inLanguage"]));
  if (j.contains("publisher") && j["publisher"].is_object() &&
      j["publisher"].contains("name")) {
    SetOnce(&meta->site, JsonString(j["publisher"]["name"]));
  }
  if (j.contains("mainEntityOfPage") && j["mainEntityOfPage"].is_string()) {
    SetOnce(&meta->url, JsonString(j["mainEntityOfPage"]));
  }
}

void ReadJsonLd(const GumboNode* script, PageMetadata* meta) {
  std::string text;
  const GumboVector& kids = ChildrenOf(script);
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
        k->type == GUMBO_NODE_WHITESPACE) {
      text += k->v.text.text;
    }
  }
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) ReadJsonLdObject(j, meta, 0);
}

// Meta tags go into a second PageMetadata so JSON-LD wins wherever found.
void ReadMeta(const GumboNode* n, PageMetadata* meta) {
  const std::string key = LowerAscii(
      HasAttr(n, "property") ? Attr(n, "property")
                             : (HasAttr(n, "name") ? Attr(n, "name") : Attr(n, "itemprop")));
  const std::string_view content = Attr(n, "content");
  if (key == "og:title") {
    SetOnce(&meta->title, content);
  } else if (key == "og:site_name" || key == "application-name") {
    SetOnce(&meta->site, content);
  } else if (key == "og:url") {
    SetOnce(&meta->url, content);
  } else if (key == "og:locale") {
    std::string locale(TrimSpace(content));
    std::replace(locale.begin(), locale.end(), '_', '-');
    SetOnce(&meta->language, locale);
  } else if (key == "author" || key == "article:author" || key == "parsely-author" ||
             key == "dc.creator" || key == "sailthru.author") {
    AddAuthor(&meta->authors, content);
  } else if (key == "article:published_time" || key == "datepublished" ||
             key == "pubdate" || key == "publishdate" || key == "date" ||
             key == "dc.date" || key == "dc.date.issued" || key == "parsely-pub-date" ||
             key == "sailthru.date" || key == "og:published_time") {
    SetDateOnce(&meta->published, content.empty() ? Attr(n, "datetime") : content);
  } else if (LowerAscii(Attr(n, "http-equiv")) == "content-language") {
    SetOnce(&meta->language, content);
  }
}

struct Collected {
  PageMetadata json_ld, meta, doc;
  bool in_head_title_seen = false;
};

void Collect(const GumboNode* root, Collected* c) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    switch (TagOf(n)) {
      case GUMBO_TAG_SCRIPT:
        if (LowerAscii(Attr(n, "type")) == "application/ld+json") ReadJsonLd(n, &c->json_ld);
        continue;
      case GUMBO_TAG_STYLE:
        continue;
      case GUMBO_TAG_META:
        ReadMeta(n, &c->meta);
        break;
      case GUMBO_TAG_LINK:
        if (LowerAscii(Attr(n, "rel")) == "canonical") SetOnce(&c->doc.url, Attr(n, "href"));
        break;
      case GUMBO_TAG_TITLE:
        SetOnce(&c->doc.title, TextContent(n, 1000));
        break;
      case GUMBO_TAG_HTML:
        SetOnce(&c->doc.language, Attr(n, "lang"));
        break;
      case GUMBO_TAG_TIME:
        SetDateOnce(&c->doc.published, Attr(n, "datetime"));
        break;
      default:
        if (Attr(n, "itemprop") == "datePublished") {
          SetDateOnce(&c->meta.published,
                      HasAttr(n, "content") ? Attr(n, "content") : Attr(n, "datetime"));
        } else if (Attr(n, "rel") == "author" && TagOf(n) == GUMBO_TAG_A) {
          AddAuthor(&c->doc.authors, TextContent(n, 200));
        }
        break;
    }
    const GumboVector& kids = ChildrenOf(n);
    for (unsigned i = kids.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }
}

void Merge(const PageMetadata& from, PageMetadata* into) {
  SetOnce(&into->title, from.title);
  SetOnce(&into->published, from.published);
  if (into->authors.empty()) into->authors = from.authors;
  SetOnce(&into->site, from.site);
  SetOnce(&into->language, from.language);
}

}  // namespace

PageMetadata ReadMetadata(const GumboNode* root) {
  Collected c;
  Collect(root, &c);
  PageMetadata out = c.json_ld;
  // The canonical link names the page; JSON-LD's mainEntityOfPage only
  // when there is none.
  out.url.clear();
  SetOnce(&out.url, c.doc.url);
  SetOnce(&out.url, c.meta.url);
  SetOnce(&out.url, c.json_ld.url);
  Merge(c.meta, &out);
  Merge(c.doc, &out);
  return out;
}

}  // namespace twicetold::web
