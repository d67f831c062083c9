#include "store/postgres_url.h"

#include <algorithm>
#include <string>

namespace twicetold::store {

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t host_end = std::min(out.find_first_of("/?#", start), out.size());
    const size_t at = out.rfind('@', host_end);
    const size_t colon = out.find(':', start);
    if (at != std::string::npos && at >= start && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p)) {
    p += 9;
    const size_t end = std::min(out.find('&', p), out.size());
    out.replace(p, end - p, "***");
  }
  return out;
}

}  // namespace twicetold::store
