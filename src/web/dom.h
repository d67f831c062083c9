// Small helpers over gumbo's DOM. Internal to src/web.
#ifndef TWICETOLD_WEB_DOM_H_
#define TWICETOLD_WEB_DOM_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace twicetold::web {

inline bool IsElement(const GumboNode* node) {
  return node != nullptr &&
         (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

inline GumboTag TagOf(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

// The attribute's value, or "" when absent.
inline std::string_view Attr(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string_view() : std::string_view(attr->value);
}

inline bool HasAttr(const GumboNode* node, const char* name) {
  return IsElement(node) &&
         gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

inline const GumboVector& ChildrenOf(const GumboNode* node) {
  return node->v.element.children;
}

inline const GumboNode* ChildAt(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// `s` without leading and trailing ASCII whitespace.
inline std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsHtmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsHtmlSpace(s.back())) s.remove_suffix(1);
  return s;
}

// All text below `node`, whitespace runs collapsed to one space, trimmed;
// stops after `limit` bytes.
std::string TextContent(const GumboNode* node, size_t limit = 1 << 16);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_DOM_H_
