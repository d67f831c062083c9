#include "compare/align.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <utility>

#include "compare/similarity.h"

namespace twicetold::compare_internal {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// One candidate: its cosine, how far it sits from the same relative
// position (RelativeDistance), its index. The better first: higher cosine,
// then nearer, then lower index.
struct Ranked {
  double cosine;
  uint64_t distance;
  uint32_t index;
};
bool Better(const Ranked& x, const Ranked& y) {
  if (x.cosine != y.cosine) return x.cosine > y.cosine;
  return x.distance != y.distance ? x.distance < y.distance : x.index < y.index;
}

// How far sentence i of A (of na) and sentence j of B (of nb) are from the
// same relative position, |i/na - j/nb| scaled by na * nb (exact integers).
uint64_t RelativeDistance(uint32_t i, uint32_t na, uint32_t j, uint32_t nb) {
  const uint64_t x = uint64_t{i} * nb, y = uint64_t{j} * na;
  return x > y ? x - y : y - x;
}

void KeepTop(std::vector<Ranked>* v, uint32_t k) {
  if (v->size() > k) {
    std::partial_sort(v->begin(), v->begin() + k, v->end(), Better);
    v->resize(k);
  }
}

// The sentence vectors of one side, inverted: for each stem key, the
// sentences holding it with the key's weight there.
class Postings {
 public:
  struct Entry {
    uint32_t sentence;
    double weight;
  };

  explicit Postings(const std::vector<TermVector>& vectors) {
    std::vector<std::pair<uint64_t, Entry>> all;
    for (uint32_t j = 0; j < vectors.size(); ++j) {
      for (const auto& [key, w] : vectors[j].entries) all.push_back({key, {j, w}});
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first < y.first : x.second.sentence < y.second.sentence;
    });
    size_t slots = 16;
    while (slots < 2 * all.size()) slots *= 2;
    mask_ = slots - 1;
    slots_.assign(slots, Slot{});
    entries_.reserve(all.size());
    for (size_t k = 0; k < all.size(); ++k) {
      if (k == 0 || all[k].first != all[k - 1].first) {
        size_t i = Home(all[k].first);
        while (slots_[i].end != 0) i = (i + 1) & mask_;
        slots_[i] = {all[k].first, static_cast<uint32_t>(k), static_cast<uint32_t>(k)};
        last_ = i;
      }
      entries_.push_back(all[k].second);
      slots_[last_].end = static_cast<uint32_t>(k + 1);
    }
  }

  // The entries of `key` (empty when no sentence holds it).
  std::pair<const Entry*, const Entry*> Find(uint64_t key) const {
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.end == 0) return {nullptr, nullptr};
      if (s.key == key) return {entries_.data() + s.begin, entries_.data() + s.end};
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;
    uint32_t end = 0;  // 0: an empty slot (a used one holds at least one entry)
  };
  size_t Home(uint64_t key) const { return (key ^ (key >> 29)) & mask_; }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  size_t mask_ = 0;
  size_t last_ = 0;
};

// Step 1: candidate pairs (i, j), sorted and distinct. Only pairs sharing a
// stem are scored (the others have cosine 0), and their dot products are
// accumulated through b's postings: for each j, the products of the shared
// keys are added in increasing key order from 0, exactly as Cosine's merge
// adds them, so the cosines are bit-identical to Cosine(a[i], b[j]).
std::vector<std::pair<uint32_t, uint32_t>> CandidatePairs(
    const std::vector<TermVector>& a, const std::vector<TermVector>& b, uint32_t k,
    double min_cosine) {
  const Postings postings(b);
  std::vector<std::vector<Ranked>> for_b(b.size());
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<Ranked> for_a;
  std::vector<uint8_t> seen(b.size(), 0);
  std::vector<double> dot(b.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < a.size(); ++i) {
    touched.clear();
    for (const auto& [key, w] : a[i].entries) {
      auto [first, last] = postings.Find(key);
      for (const Postings::Entry* p = first; p != last; ++p) {
        if (!seen[p->sentence]) {
          seen[p->sentence] = 1;
          dot[p->sentence] = 0;
          touched.push_back(p->sentence);
        }
        dot[p->sentence] += w * p->weight;
      }
    }
    for_a.clear();
    for (uint32_t j : touched) {
      seen[j] = 0;
      // As Cosine(a[i], b[j]).
      double s = a[i].norm <= 0 || b[j].norm <= 0
                     ? 0
                     : std::min(1.0, dot[j] / (a[i].norm * b[j].norm));
      if (s <= 0 || s < min_cosine) continue;
      const uint64_t d = RelativeDistance(i, a.size(), j, b.size());
      for_a.push_back({s, d, j});
      for_b[j].push_back({s, d, i});
    }
    KeepTop(&for_a, k);
    for (const Ranked& r : for_a) pairs.emplace_back(i, r.index);
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    KeepTop(&for_b[j], k);
    for (const Ranked& r : for_b[j]) pairs.emplace_back(r.index, j);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

struct Scored {
  uint32_t a = 0;
  uint32_t b = 0;
  double s = 0;
};

// Step 3: greedy one-to-one matching in order of decreasing s. A pair
// skipped because one side is taken stays ineligible, so this equals
// "repeatedly take the best pair of two unlinked sentences".
std::vector<AlignLink> PrimaryLinks(std::vector<Scored> scored, double threshold,
                                    std::vector<uint8_t>* linked_a,
                                    std::vector<uint8_t>* linked_b) {
  std::sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    if (x.s != y.s) return x.s > y.s;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::vector<AlignLink> links;
  for (const Scored& p : scored) {
    if (p.s < threshold) break;
    if ((*linked_a)[p.a] || (*linked_b)[p.b]) continue;
    (*linked_a)[p.a] = (*linked_b)[p.b] = 1;
    links.push_back({p.a, p.b, p.s, true});
  }
  return links;
}

// Step 3b: context links. Each round scans every scored pair for the best
// eligible one; there are few rounds (one per new link), and few pairs.
void ContextLinks(const std::vector<Scored>& scored, double threshold,
                  std::vector<AlignLink>* links, std::vector<uint8_t>* linked_a,
                  std::vector<uint8_t>* linked_b) {
  std::set<std::pair<uint32_t, uint32_t>> linked;
  for (const AlignLink& l : *links) linked.insert({l.a, l.b});
  auto next_to_link = [&linked](uint32_t i, uint32_t j) {
    return (i > 0 && j > 0 && linked.count({i - 1, j - 1})) || linked.count({i + 1, j + 1});
  };
  for (;;) {
    const Scored* best = nullptr;
    for (const Scored& p : scored) {  // sorted by (a, b): strict > keeps ties low
      if (p.s < threshold || (*linked_a)[p.a] || (*linked_b)[p.b]) continue;
      if (best != nullptr && p.s <= best->s) continue;
      if (next_to_link(p.a, p.b)) best = &p;
    }
    if (best == nullptr) return;
    (*linked_a)[best->a] = (*linked_b)[best->b] = 1;
    linked.insert({best->a, best->b});
    links->push_back({best->a, best->b, best->s, true});
  }
}

// Step 3c: sentences without a weighted term (punctuation only, stop
// words only) have no candidates. Each such sentence of A left unlinked
// links to the next unlinked one of B with the same words, in order, so
// that comparing a text with itself aligns every sentence with itself.
void UnweightedLinks(const ArticleFeatures& a, const ArticleFeatures& b,
                     std::vector<AlignLink>* links, std::vector<uint8_t>* linked_a,
                     std::vector<uint8_t>* linked_b) {
  auto same_words = [&a, &b](uint32_t i, uint32_t j) {
    const auto [a0, a1] = a.sentence_tokens[i];
    const auto [b0, b1] = b.sentence_tokens[j];
    const auto x = a.words.word_ids.begin();
    const auto y = b.words.word_ids.begin();
    return std::equal(x + a0, x + a1, y + b0, y + b1);
  };
  uint32_t next = 0;
  for (uint32_t i = 0; i < a.sentences.size(); ++i) {
    if ((*linked_a)[i] || a.sentences[i].norm > 0) continue;
    for (uint32_t j = next; j < b.sentences.size(); ++j) {
      if ((*linked_b)[j] || b.sentences[j].norm > 0 || !same_words(i, j)) continue;
      (*linked_a)[i] = (*linked_b)[j] = 1;
      links->push_back({i, j, 1.0, true});
      next = j + 1;
      break;
    }
  }
}

// One side's view for step 4: sentence x of `xs` against its candidates.
struct SideView {
  const ArticleFeatures& xs;
  const ArticleFeatures& ys;
  bool x_is_a;
};

// Step 4 for one unlinked sentence x with its candidates `mine` (pairs of
// (index of y, s), y ascending). Appends at most one link.
void ExtraLink(const SideView& v, uint32_t x, const std::vector<std::pair<uint32_t, double>>& mine,
               const AlignOptions& o, std::vector<AlignLink>* links) {
  auto add = [&](uint32_t y, double s) {
    links->push_back(v.x_is_a ? AlignLink{x, y, s, false} : AlignLink{y, x, s, false});
  };
  uint32_t best = kNone;
  double best_s = 0;
  for (const auto& [y, s] : mine) {
    if (best == kNone || s > best_s) best = y, best_s = s;
  }
  if (best == kNone) return;
  if (best_s >= o.threshold) return add(best, best_s);  // 4a
  auto [x0, x1] = v.xs.sentence_tokens[x];
  if (x1 - x0 > o.short_tokens) return;
  uint32_t pick = kNone;  // 4b
  double pick_cov = 0, pick_s = 0;
  for (const auto& [y, s] : mine) {
    auto [y0, y1] = v.ys.sentence_tokens[y];
    Coverage c = CoverageOf(v.xs.words, x0, x1, v.ys.words, y0, y1, o.content_idf);
    if (c.shared_content < o.short_min_shared || c.fraction < o.short_coverage) continue;
    if (pick == kNone || c.fraction > pick_cov || (c.fraction == pick_cov && s > pick_s)) {
      pick = y, pick_cov = c.fraction, pick_s = s;
    }
  }
  if (pick != kNone) add(pick, pick_s);
}

}  // namespace

Coverage CoverageOf(const WordSequence& xs, uint32_t x0, uint32_t x1,
                    const WordSequence& ys, uint32_t y0, uint32_t y1,
                    double content_idf) {
  std::vector<std::pair<uint64_t, double>> stems;
  for (uint32_t t = x0; t < x1; ++t) stems.emplace_back(xs.stem_ids[t], xs.idf[t]);
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end(),
                          [](const auto& p, const auto& q) { return p.first == q.first; }),
              stems.end());
  Coverage c;
  double mass = 0, found = 0;
  for (const auto& [stem, idf] : stems) {
    mass += idf;
    if (std::find(ys.stem_ids.begin() + y0, ys.stem_ids.begin() + y1, stem) ==
        ys.stem_ids.begin() + y1) {
      continue;
    }
    found += idf;
    if (idf >= content_idf) ++c.shared_content;
  }
  c.fraction = mass > 0 ? found / mass : 0;
  return c;
}

std::vector<AlignLink> AlignSentences(const ArticleFeatures& a,
                                      const ArticleFeatures& b,
                                      const AlignOptions& o) {
  // Profiles are built on first use: most sentences are candidates, but
  // building one per pair would dominate the cost.
  std::vector<std::optional<SentenceProfile>> pa(a.sentences.size()), pb(b.sentences.size());
  auto profile = [](const ArticleFeatures& f, uint32_t k,
                    std::vector<std::optional<SentenceProfile>>* cache) -> const SentenceProfile& {
    auto& p = (*cache)[k];
    if (!p) p = MakeProfile(f.words, f.sentence_tokens[k].first, f.sentence_tokens[k].second);
    return *p;
  };
  std::vector<Scored> scored;
  for (auto [i, j] : CandidatePairs(a.sentences, b.sentences, o.candidates, o.min_cosine)) {
    double s = ModelSimilarity(PairFeatures(profile(a, i, &pa), profile(b, j, &pb)));
    scored.push_back({i, j, s});
  }
  std::vector<uint8_t> linked_a(a.sentences.size(), 0), linked_b(b.sentences.size(), 0);
  std::vector<AlignLink> links = PrimaryLinks(scored, o.threshold, &linked_a, &linked_b);
  ContextLinks(scored, o.context_threshold, &links, &linked_a, &linked_b);
  UnweightedLinks(a, b, &links, &linked_a, &linked_b);
  // Candidates per sentence, in increasing index of the other side (scored
  // is sorted by (a, b)).
  std::vector<std::vector<std::pair<uint32_t, double>>> of_a(a.sentences.size()),
      of_b(b.sentences.size());
  for (const Scored& p : scored) {
    of_a[p.a].emplace_back(p.b, p.s);
    of_b[p.b].emplace_back(p.a, p.s);
  }
  for (auto& v : of_b) std::sort(v.begin(), v.end());
  for (uint32_t i = 0; i < of_a.size(); ++i) {
    if (!linked_a[i]) ExtraLink({a, b, true}, i, of_a[i], o, &links);
  }
  for (uint32_t j = 0; j < of_b.size(); ++j) {
    if (!linked_b[j]) ExtraLink({b, a, false}, j, of_b[j], o, &links);
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
