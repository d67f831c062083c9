#include "web/html_blocks.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "web/dom.h"

namespace twicetold::web {
namespace {

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_OPTION: case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Class and id hints, looked at one class name (or the id) at a time:
// a name that says boilerplate (comments, share bars, related links,
// cookie and subscription notices, ads) marks furniture unless the same
// name also says content ("entry-content-read-more" is content) or is a
// taxonomy class ("category-advertising"). Readability's "unlikely
// candidates" apply to the names as a whole, unless they say content.
bool IsBoilerplateToken(std::string_view token) {
  if (token.rfind("category-", 0) == 0 || token.rfind("tag-", 0) == 0) return false;
  if (!ContainsAny(token, {"share", "sharing", "social", "newsletter", "subscri", "cookie",
                           "consent", "gdpr", "promo", "outbrain", "taboola", "caption",
                           "comment", "disqus", "related", "recommend", "advert", "sponsor",
                           "breadcrumb", "byline", "author-info", "author-bio", "signup",
                           "sign-up", "popup", "toolbar", "skip-link", "screen-reader",
                           "sr-only", "visually-hidden", "visuallyhidden", "most-popular",
                           "trending", "more-stories", "see-also", "print-only"})) {
    return false;
  }
  return !ContainsAny(token, {"content", "article", "body", "entry", "main", "story", "text"});
}

bool IsBoilerplateName(std::string_view names) {
  size_t start = 0;
  while (start < names.size()) {
    size_t end = names.find(' ', start);
    if (end == std::string_view::npos) end = names.size();
    if (end > start && IsBoilerplateToken(names.substr(start, end - start))) return true;
    start = end + 1;
  }
  const bool unlikely = ContainsAny(
      names, {"-ad-", "ai2html", "banner", "combx", "community", "cover-wrap", "disqus",
              "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
              "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
              "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
              "yom-remote"});
  const bool maybe = ContainsAny(names, {"and", "article", "body", "column", "content",
                                         "main", "shadow"});
  return unlikely && !maybe;
}

bool IsHidden(const GumboNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  const std::string style = LowerAscii(Attr(n, "style"));
  if (!style.empty()) {
    std::string compact;
    for (char c : style) {
      if (c != ' ') compact.push_back(c);
    }
    if (ContainsAny(compact, {"display:none", "visibility:hidden"})) return true;
  }
  const std::string role = LowerAscii(Attr(n, "role"));
  return role == "navigation" || role == "complementary" || role == "banner" ||
         role == "contentinfo" || role == "dialog" || role == "menu" || role == "alert";
}

}  // namespace

bool IsSkipped(const GumboNode* n, bool use_names) {
  const GumboTag tag = TagOf(n);
  if (IsDroppedTag(tag)) return true;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return false;
  if (IsHidden(n)) return true;
  if (!use_names) return false;
  std::string names = LowerAscii(Attr(n, "class"));
  names += ' ';
  names += LowerAscii(Attr(n, "id"));
  if (names.size() <= 1) return false;
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_A) {
    return false;
  }
  return IsBoilerplateName(names);
}

namespace {

constexpr int kMaxDepth = 400;

class BlockBuilder {
 public:
  BlockBuilder(const DecodedPage& page, bool use_names) : page_(page), use_names_(use_names) {}

  void Walk(const GumboNode* node, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      return AddText(node);
    }
    if (!IsElement(node) || depth > kMaxDepth || IsSkipped(node, use_names_)) return;
    const GumboTag tag = TagOf(node);
    if (tag == GUMBO_TAG_BR) return LineBreak();
    const bool block = IsBlockTag(tag);
    if (block) {
      Flush();
      blocks_stack_.push_back(node);
    }
    const Context saved = ctx_;
    if (IsHeadingTag(tag)) ctx_.heading = tag;
    if (tag == GUMBO_TAG_LI) ctx_.item = true;
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) ctx_.list = node;
    if (tag == GUMBO_TAG_PRE) ctx_.pre = true;
    if (tag == GUMBO_TAG_A) ctx_.link = true;
    const GumboVector& kids = ChildrenOf(node);
    for (unsigned i = 0; i < kids.length; ++i) {
      Walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }
    ctx_ = saved;
    if (block) {
      Flush();
      blocks_stack_.pop_back();
    }
  }

  std::vector<TextBlock> Take() {
    Flush();
    return std::move(blocks_);
  }

 private:
  struct Context {
    GumboTag heading = GUMBO_TAG_UNKNOWN;
    const GumboNode* list = nullptr;
    bool item = false;
    bool pre = false;
    bool link = false;
  };

  void LineBreak() {
    if (cur_.text.empty()) return;
    if (pending_break_) return Flush();  // <br><br> ends a paragraph
    pending_break_ = true;
  }

  void Flush() {
    while (!cur_.text.empty() && (cur_.text.back() == ' ' || cur_.text.back() == '\n')) {
      cur_.text.pop_back();
    }
    if (!cur_.text.empty()) {
      // Runs past the trimmed end shrink or go.
      const uint32_t end = static_cast<uint32_t>(cur_.text.size());
      while (!cur_.runs.empty() && cur_.runs.back().body >= end) cur_.runs.pop_back();
      if (!cur_.runs.empty() && cur_.runs.back().body + cur_.runs.back().length > end) {
        cur_.runs.back().length = end - cur_.runs.back().body;
      }
      blocks_.push_back(std::move(cur_));
    }
    cur_ = TextBlock();
    pending_space_ = false;
    pending_break_ = false;
  }

  void StartBlockIfEmpty() {
    if (!cur_.text.empty()) return;
    cur_.element = blocks_stack_.empty() ? nullptr : blocks_stack_.back();
    if (ctx_.heading != GUMBO_TAG_UNKNOWN) {
      cur_.type = BlockType::kHeading;
      cur_.heading = ctx_.heading;
    } else if (ctx_.item) {
      cur_.type = BlockType::kListItem;
      cur_.list = ctx_.list;
    } else if (ctx_.pre) {
      cur_.type = BlockType::kPre;
    }
  }

  // Appends one byte that came from parsed-text offset `from`.
  void Emit(char c, uint32_t from) {
    const uint32_t at = static_cast<uint32_t>(cur_.text.size());
    const uint32_t orig = page_.PageOffset(from);
    cur_.text.push_back(c);
    if (ctx_.link) ++cur_.link_bytes;
    if (!cur_.runs.empty()) {
      SourceRun& last = cur_.runs.back();
      if (last.body + last.length == at && last.original + last.length == orig) {
        ++last.length;
        return;
      }
    }
    cur_.runs.push_back({at, orig, 1});
  }

  void EmitSeparatorsBefore(char c) {
    if (IsHtmlSpace(c) && !ctx_.pre) return;
    StartBlockIfEmpty();
    if (pending_break_ && !cur_.text.empty()) {
      Emit('\n', space_from_);
    } else if (pending_space_ && !cur_.text.empty() && cur_.text.back() != ' ' &&
               cur_.text.back() != '\n') {
      Emit(' ', space_from_);
    }
    pending_break_ = false;
    pending_space_ = false;
  }

  void AddText(const GumboNode* node);

  const DecodedPage& page_;
  const bool use_names_;
  std::vector<TextBlock> blocks_;
  std::vector<const GumboNode*> blocks_stack_;
  TextBlock cur_;
  Context ctx_;
  bool pending_space_ = false;
  bool pending_break_ = false;
  uint32_t space_from_ = 0;
};

bool IsEntityChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsReferenceDigit(char c, bool hex) {
  if (c >= '0' && c <= '9') return true;
  return hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
}

// One decoded character at dec[j]: a well-formed UTF-8 character, or the
// lone byte gumbo's overflowing numeric decoder writes.
size_t DecodedCharLength(std::string_view dec, size_t j) {
  return std::max<size_t>(1, WellFormedUtf8Length(dec, j));
}

// A character reference: its bytes in the source and in the decoded text.
struct Reference {
  size_t source = 0;   // 0: the '&' is literal
  size_t decoded = 0;
};

// &#123; or &#x1F; (';' optional): the digits end the reference, whatever
// follows ("&#x123456t" is the reference "&#x123456", then "t"), and it
// decodes to one character. Without a digit the '&' is literal.
Reference NumericReference(std::string_view src, size_t i, std::string_view dec, size_t j) {
  size_t k = i + 2;
  const bool hex = k < src.size() && (src[k] == 'x' || src[k] == 'X');
  if (hex) ++k;
  const size_t digits = k;
  while (k < src.size() && IsReferenceDigit(src[k], hex)) ++k;
  if (k == digits) return {};
  if (k < src.size() && src[k] == ';') ++k;
  return {k - i, DecodedCharLength(dec, j)};
}

// &name; decodes to one or two characters (&nGt; is U+226B U+20D2); without
// ';' the parser takes the longest known name that prefixes the letters
// ("&copyright" is "©right"). So the reference ends where the rest of the
// letters (and the byte after them) reappear verbatim in the decoded text:
// one decoded character first ("&copyr" is not "©" "r"), longest first.
Reference NamedReference(std::string_view src, size_t i, std::string_view dec, size_t j) {
  // The longest name, "CounterClockwiseContourIntegral", has 31 letters;
  // the bound keeps a long run of letters from costing its square.
  constexpr size_t kMaxNameLetters = 32;
  size_t end = i + 1;
  while (end < src.size() && end - i <= kMaxNameLetters && IsEntityChar(src[end])) ++end;
  if (end < src.size() && src[end] == ';') ++end;
  const size_t one = DecodedCharLength(dec, j);
  const size_t two = j + one < dec.size() ? one + DecodedCharLength(dec, j + one) : one;
  for (const size_t d : {one, two}) {
    for (size_t q = end; q > i + 1; --q) {
      const size_t rest = end - q + 1;
      if (dec.substr(j + d, rest) == src.substr(q, rest)) return {q - i, d};
    }
  }
  return {end - i, one};
}

// The reference at src[i] == '&' that decoded to dec[j], or source 0 when the
// '&' stands for itself.
Reference ReferenceAt(std::string_view src, size_t i, std::string_view dec, size_t j) {
  if (i + 1 < src.size() && src[i + 1] == '#') return NumericReference(src, i, dec, j);
  if (dec[j] == '&' && src.substr(i, 4) != "&amp" && src.substr(i, 4) != "&AMP") return {};
  return NamedReference(src, i, dec, j);
}

// Walks the decoded text and its source together so that each decoded byte
// gets the offset of the source byte it came from: equal bytes match one to
// one, a character reference (ReferenceAt) maps its decoded bytes to its
// '&', '\r' is dropped (the parser folds CR LF). On any other mismatch the
// rest of the node maps to where the walk stopped, at most the node's last
// source byte (one past it can be past the page). A byte of the decoded
// text that starts no well-formed UTF-8 character (gumbo's decoder
// overflows on a numeric reference past 2^31) becomes U+FFFD, mapped like
// the byte.
void BlockBuilder::AddText(const GumboNode* node) {
  const GumboText& t = node->v.text;
  const std::string_view dec(t.text);
  const std::string_view src(t.original_text.data, t.original_text.length);
  const uint32_t base = static_cast<uint32_t>(t.start_pos.offset);
  size_t i = 0;
  size_t j = 0;
  size_t checked_until = 0;  // dec[j, checked_until) is well-formed
  const size_t last = src.empty() ? 0 : src.size() - 1;
  bool synced = src.size() >= 1;
  while (j < dec.size()) {
    const char c = dec[j];
    uint32_t from = base + static_cast<uint32_t>(std::min(i, last));
    size_t take = 1;
    if (synced) {
      while (i < src.size() && src[i] == '\r' && c != '\r') ++i;
      from = base + static_cast<uint32_t>(std::min(i, last));
      const Reference ref =
          i < src.size() && src[i] == '&' ? ReferenceAt(src, i, dec, j) : Reference();
      if (ref.source > 0) {
        take = ref.decoded;
        i += ref.source;
      } else if (i < src.size() && src[i] == c) {
        ++i;
      } else {
        synced = false;
      }
    }
    for (size_t k = 0; k < take && j < dec.size(); ++k, ++j) {
      if (j >= checked_until) {
        const size_t n = WellFormedUtf8Length(dec, j);
        if (n == 0) {
          EmitSeparatorsBefore('\xEF');
          for (const char r : {'\xEF', '\xBF', '\xBD'}) Emit(r, from);
          continue;
        }
        checked_until = j + n;
      }
      const char b = dec[j];
      if (IsHtmlSpace(b) && !ctx_.pre) {
        if (!pending_space_) space_from_ = from;
        pending_space_ = true;
        continue;
      }
      EmitSeparatorsBefore(b);
      Emit(b == '\r' ? '\n' : b, from);
    }
  }
}

}  // namespace

std::vector<TextBlock> CollectBlocks(const GumboNode* root, const DecodedPage& page,
                                     bool use_names) {
  BlockBuilder builder(page, use_names);
  builder.Walk(root, 0);
  return builder.Take();
}

}  // namespace twicetold::web
