// ExtractHtml: decode, parse, collect blocks, pick the article by scoring
// (after Readability's algorithm), drop in-article furniture, join.
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "twicetold/html.h"
#include "web/charset.h"
#include "web/dom.h"
#include "web/html_blocks.h"
#include "web/html_metadata.h"

namespace twicetold {
namespace {

using web::BlockType;
using web::TextBlock;

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

// Text below one element, summed over the blocks inside it.
struct NodeStats {
  uint32_t text_bytes = 0;
  uint32_t link_bytes = 0;
  double score = 0;       // content score (Readability), before link density
  bool candidate = false;  // received score from a paragraph
};

using StatsMap = std::unordered_map<const GumboNode*, NodeStats>;

int CountCommas(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    else if (s.substr(i, 3) == "\xEF\xBC\x8C" || s.substr(i, 3) == "\xE3\x80\x81") ++n;
  }
  return n;
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Readability's class weight: +25 for names that say content, -25 for
// names that say furniture.
double ClassWeight(const GumboNode* n) {
  double weight = 0;
  for (const char* attr : {"class", "id"}) {
    const std::string name = web::LowerAscii(web::Attr(n, attr));
    if (name.empty()) continue;
    if (ContainsAny(name, {"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
                           "foot", "footnote", "gdpr", "masthead", "media", "meta",
                           "outbrain", "promo", "related", "scroll", "share", "shoutbox",
                           "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
                           "widget"})) {
      weight -= 25;
    }
    if (ContainsAny(name, {"article", "body", "content", "entry", "hentry", "h-entry",
                           "main", "page", "post", "text", "blog", "story"})) {
      weight += 25;
    }
  }
  return weight;
}

double TagWeight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

double LinkDensity(const NodeStats& s) {
  return s.text_bytes == 0 ? 0 : double(s.link_bytes) / s.text_bytes;
}

double FinalScore(const StatsMap& stats, const GumboNode* n) {
  auto it = stats.find(n);
  if (it == stats.end()) return 0;
  return it->second.score * (1 - LinkDensity(it->second));
}

void ScoreBlocks(const std::vector<TextBlock>& blocks, const HtmlOptions& options,
                 StatsMap* stats) {
  for (const TextBlock& b : blocks) {
    for (const GumboNode* n = b.element; n != nullptr; n = n->parent) {
      NodeStats& s = (*stats)[n];
      s.text_bytes += static_cast<uint32_t>(b.text.size());
      s.link_bytes += b.link_bytes;
    }
  }
  for (const TextBlock& b : blocks) {
    if (b.type == BlockType::kHeading || b.text.size() < options.min_block_bytes ||
        b.element == nullptr) {
      continue;
    }
    const double content = 1 + CountCommas(b.text) + std::min<double>(b.text.size() / 100, 3);
    // A block that is its element's own text scores its parent; text
    // directly inside a container scores the container.
    const GumboTag tag = web::TagOf(b.element);
    const GumboNode* start = (tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI ||
                              tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
                              tag == GUMBO_TAG_BLOCKQUOTE)
                                 ? b.element->parent
                                 : b.element;
    int level = 0;
    for (const GumboNode* n = start; n != nullptr && web::IsElement(n) && level < 5;
         n = n->parent, ++level) {
      NodeStats& s = (*stats)[n];
      if (!s.candidate) {
        s.candidate = true;
        s.score = TagWeight(web::TagOf(n)) + ClassWeight(n);
      }
      const double divider = level == 0 ? 1 : (level == 1 ? 2 : level * 3);
      s.score += content / divider;
    }
  }
}

const GumboNode* TopCandidate(const StatsMap& stats) {
  const GumboNode* top = nullptr;
  double best = 0;
  for (const auto& [node, s] : stats) {
    if (!s.candidate) continue;
    const double score = s.score * (1 - LinkDensity(s));
    // Ties go to the earlier node in the page, for determinism.
    if (top == nullptr || score > best ||
        (score == best && node->index_within_parent < top->index_within_parent)) {
      top = node;
      best = score;
    }
  }
  return top;
}

bool IsAncestor(const GumboNode* a, const GumboNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

// Readability: when several strong candidates share an ancestor, the
// article is that ancestor; a top candidate alone in its parent is
// replaced by the parent.
const GumboNode* Promote(const StatsMap& stats, const GumboNode* top) {
  const double top_score = FinalScore(stats, top);
  std::vector<const GumboNode*> strong;
  for (const auto& [node, s] : stats) {
    if (node != top && s.candidate && FinalScore(stats, node) >= 0.75 * top_score &&
        !IsAncestor(node, top) && !IsAncestor(top, node)) {
      strong.push_back(node);
    }
  }
  if (strong.size() >= 3) {
    for (const GumboNode* p = top->parent; p != nullptr && web::TagOf(p) != GUMBO_TAG_BODY;
         p = p->parent) {
      int holds = 0;
      for (const GumboNode* s : strong) holds += IsAncestor(p, s) ? 1 : 0;
      if (holds >= 3) return p;
    }
  }
  while (top->parent != nullptr && web::IsElement(top->parent) &&
         web::TagOf(top->parent) != GUMBO_TAG_BODY) {
    int elements = 0;
    const GumboVector& kids = web::ChildrenOf(top->parent);
    for (unsigned i = 0; i < kids.length; ++i) {
      elements += web::IsElement(static_cast<const GumboNode*>(kids.data[i])) ? 1 : 0;
    }
    if (elements != 1) break;
    top = top->parent;
  }
  return top;
}

// The top candidate and those of its siblings that look like more of the
// article (Readability's sibling rule).
std::unordered_set<const GumboNode*> ArticleRoots(const StatsMap& stats,
                                                  const GumboNode* top) {
  std::unordered_set<const GumboNode*> roots = {top};
  const GumboNode* parent = top->parent;
  if (parent == nullptr || !web::IsElement(parent)) return roots;
  const double top_score = FinalScore(stats, top);
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string_view top_class = web::Attr(top, "class");
  const GumboVector& kids = web::ChildrenOf(parent);
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* sib = static_cast<const GumboNode*>(kids.data[i]);
    if (sib == top || !web::IsElement(sib)) continue;
    double bonus = 0;
    if (!top_class.empty() && web::Attr(sib, "class") == top_class) bonus = top_score * 0.2;
    if (FinalScore(stats, sib) + bonus >= threshold) {
      roots.insert(sib);
      continue;
    }
    auto it = stats.find(sib);
    if (web::TagOf(sib) != GUMBO_TAG_P || it == stats.end()) continue;
    const double density = LinkDensity(it->second);
    const uint32_t len = it->second.text_bytes;
    const std::string text = web::TextContent(sib, 4096);
    if ((len > 80 && density < 0.25) ||
        (len > 0 && len <= 80 && density == 0 && !text.empty() && text.back() == '.')) {
      roots.insert(sib);
    }
  }
  return roots;
}

bool InArticle(const std::unordered_set<const GumboNode*>& roots, const GumboNode* n) {
  for (; n != nullptr; n = n->parent) {
    if (roots.count(n) != 0) return true;
  }
  return false;
}

std::string Folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (c >= 'A' && c <= 'Z') out.push_back(char(c - 'A' + 'a'));
  }
  return out;
}

// In-article furniture: link lists, the headline repeated, short notices.
bool IsFurniture(const TextBlock& b, const std::string& folded_title) {
  const double density = b.text.empty() ? 0 : double(b.link_bytes) / b.text.size();
  if (density > 0.5) return true;
  if (b.type == BlockType::kHeading) {
    if (b.heading == GUMBO_TAG_H1) return true;
    if (!folded_title.empty() && Folded(b.text) == folded_title) return true;
  }
  if (b.text.size() > 200) return false;
  const std::string lower = web::LowerAscii(b.text);
  // Newsletter and follow-us notices, wherever they start.
  if (ContainsAny(lower, {"newsletter", "follow us on", "follow him on", "follow her on",
                          "follow me on"})) {
    return true;
  }
  if (b.text.size() > 120) return false;
  for (std::string_view start :
       {"advertisement", "share this", "share on", "click here", "sign up", "subscribe",
        "follow us", "read more", "related:", "recommended", "you may also like",
        "read next", "most read", "image:", "photo:", "image copyright", "getty images",
        "skip advertisement", "supported by", "continue reading", "story continues"}) {
    if (lower.rfind(start, 0) == 0) return true;
  }
  return false;
}

void Append(const TextBlock& b, std::string_view prefix, HtmlExtract* out) {
  out->body += prefix;
  const uint32_t at = static_cast<uint32_t>(out->body.size());
  out->body += b.text;
  for (const SourceRun& r : b.runs) out->body_map.push_back({at + r.body, r.original, r.length});
}

void JoinBlocks(const std::vector<const TextBlock*>& kept, HtmlExtract* out) {
  const TextBlock* prev = nullptr;
  for (const TextBlock* b : kept) {
    const bool item = b->type == BlockType::kListItem;
    std::string_view prefix;
    if (prev == nullptr) {
      prefix = item ? "\xE2\x80\xA2 " : "";
    } else if (item && prev->type == BlockType::kListItem && prev->list == b->list) {
      prefix = "\n\xE2\x80\xA2 ";
    } else {
      prefix = item ? "\n\n\xE2\x80\xA2 " : "\n\n";
    }
    Append(*b, prefix, out);
    prev = b;
  }
}

// One extraction pass: blocks, scores, the article's roots, the kept
// blocks joined into out->body and out->body_map.
void ExtractBody(const GumboNode* root, const web::DecodedPage& page,
                 const HtmlOptions& options, const std::string& folded_title, bool use_names,
                 HtmlExtract* out) {
  std::vector<TextBlock> blocks = web::CollectBlocks(root, page, use_names);
  StatsMap stats;
  ScoreBlocks(blocks, options, &stats);
  const GumboNode* top = TopCandidate(stats);
  std::unordered_set<const GumboNode*> roots;
  if (top != nullptr) roots = ArticleRoots(stats, Promote(stats, top));
  std::vector<const TextBlock*> kept;
  for (const TextBlock& b : blocks) {
    if ((roots.empty() || InArticle(roots, b.element)) && !IsFurniture(b, folded_title)) {
      kept.push_back(&b);
    }
  }
  JoinBlocks(kept, out);
}

}  // namespace

Result<HtmlExtract> ExtractHtml(std::string_view page, const HtmlOptions& options) {
  Result<web::DecodedPage> decoded =
      web::DecodePage(page, web::CharsetFromContentType(options.content_type));
  if (!decoded.ok()) return decoded.status();
  std::unique_ptr<GumboOutput, GumboDeleter> dom(gumbo_parse_with_options(
      &kGumboDefaultOptions, decoded->utf8.data(), decoded->utf8.size()));
  if (dom == nullptr) return InternalError("HTML parser failed");
  web::PageMetadata meta = web::ReadMetadata(dom->root);
  // Metadata comes from gumbo's text and attribute values, which may hold
  // ill-formed bytes (see ReplaceIllFormedUtf8); the body is checked as its
  // blocks are collected.
  for (std::string* field : {&meta.title, &meta.published, &meta.url, &meta.site,
                             &meta.language}) {
    *field = web::ReplaceIllFormedUtf8(std::move(*field));
  }
  for (std::string& author : meta.authors) author = web::ReplaceIllFormedUtf8(std::move(author));
  HtmlExtract out;
  out.charset = decoded->charset;
  const std::string folded_title = Folded(meta.title);
  ExtractBody(dom->root, *decoded, options, folded_title, /*use_names=*/true, &out);
  // Readability's retry: class and id hints sometimes remove the article
  // itself ("pagerow" reads as "pager"); then look again without them.
  if (out.body.size() < options.retry_below_bytes) {
    HtmlExtract again;
    ExtractBody(dom->root, *decoded, options, folded_title, /*use_names=*/false, &again);
    if (again.body.size() > out.body.size()) {
      out.body = std::move(again.body);
      out.body_map = std::move(again.body_map);
    }
  }
  out.title = std::move(meta.title);
  out.published = std::move(meta.published);
  out.authors = std::move(meta.authors);
  out.url = std::move(meta.url);
  out.site = std::move(meta.site);
  out.language = std::move(meta.language);
  return out;
}

bool LooksLikeHtml(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (int comments = 0; comments < 8; ++comments) {
    head = web::TrimSpace(head);
    const std::string lower = web::LowerAscii(head.substr(0, 16));
    if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 ||
        lower.rfind("<head", 0) == 0) {
      return true;
    }
    if (lower.rfind("<!--", 0) != 0) return false;
    const size_t end = head.find("-->");
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + 3);
  }
  return false;
}

}  // namespace twicetold
