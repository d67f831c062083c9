#include "compare/align.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace twicetold::compare_internal {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

struct Best {
  uint32_t index = kNone;
  double similarity = 0;
  // Strictly greater wins, so among equals the first (lowest) index stays
  // as long as candidates are offered in increasing index order.
  void Offer(uint32_t i, double s) {
    if (index == kNone || s > similarity) {
      index = i;
      similarity = s;
    }
  }
};

}  // namespace

std::vector<AlignLink> AlignSentences(const std::vector<TermVector>& a,
                                      const std::vector<TermVector>& b,
                                      double threshold) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  for (uint32_t j = 0; j < b.size(); ++j) {
    for (const auto& e : b[j].entries) postings[e.first].push_back(j);
  }
  std::vector<Best> best_a(b.size());  // per B sentence, its best A sentence
  std::vector<AlignLink> links;
  std::vector<uint32_t> candidates;
  std::vector<uint8_t> seen(b.size(), 0);
  for (uint32_t i = 0; i < a.size(); ++i) {
    candidates.clear();
    for (const auto& e : a[i].entries) {
      auto it = postings.find(e.first);
      if (it == postings.end()) continue;
      for (uint32_t j : it->second) {
        if (!seen[j]) candidates.push_back(j);
        seen[j] = 1;
      }
    }
    std::sort(candidates.begin(), candidates.end());
    Best best_b;
    for (uint32_t j : candidates) {
      seen[j] = 0;
      double s = Cosine(a[i], b[j]);
      if (s <= 0) continue;
      best_b.Offer(j, s);
      best_a[j].Offer(i, s);
    }
    if (best_b.index != kNone && best_b.similarity >= threshold) {
      links.push_back({i, best_b.index, best_b.similarity});
    }
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    if (best_a[j].index != kNone && best_a[j].similarity >= threshold) {
      links.push_back({best_a[j].index, j, best_a[j].similarity});
    }
  }
  std::sort(links.begin(), links.end(), [](const AlignLink& x, const AlignLink& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  links.erase(std::unique(links.begin(), links.end(),
                          [](const AlignLink& x, const AlignLink& y) {
                            return x.a == y.a && x.b == y.b;
                          }),
              links.end());
  return links;
}

double OrderAgreement(const std::vector<AlignLink>& links) {
  uint64_t agree = 0, total = 0;
  for (size_t k = 0; k < links.size(); ++k) {
    for (size_t l = k + 1; l < links.size(); ++l) {
      if (links[k].a == links[l].a || links[k].b == links[l].b) continue;
      ++total;
      if ((links[k].a < links[l].a) == (links[k].b < links[l].b)) ++agree;
    }
  }
  return total == 0 ? 1.0 : static_cast<double>(agree) / static_cast<double>(total);
}

double LcsSimilarity(const uint64_t* x, uint32_t nx, const uint64_t* y,
                     uint32_t ny) {
  if (nx + ny == 0) return 1.0;
  std::vector<uint32_t> prev(ny + 1, 0), cur(ny + 1, 0);
  for (uint32_t i = 1; i <= nx; ++i) {
    for (uint32_t j = 1; j <= ny; ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1
                                    : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return 2.0 * prev[ny] / static_cast<double>(nx + ny);
}

}  // namespace twicetold::compare_internal
