#include "story/story_features.h"

// Inlined: XXH3 of short keys (tokens, fixed-size runs) costs less than
// the call into the shared library. The same function, the same hashes.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "compare/features.h"
#include "core/iso_date.h"
#include "text/terms.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold::story_internal {
namespace {

using compare_internal::ArticleFeatures;

// A headline names the event in a few words; they count as much as this
// many mentions in the body. Words in more than ~a fifth of background
// articles ("says", "new") add nothing, as in compare's body vectors.
constexpr double kTitleBoost = 2.0;
constexpr double kMinTitleIdf = 2.5;

// Body and title weights by stem key, sorted by key, distinct.
using Weights = std::vector<std::pair<uint64_t, double>>;

// Adds the title's terms to `weights` (the body's: sorted, distinct). Each
// key's weight is summed in the order body, then title tokens in order,
// as `(*map)[stem] += w` over the body then the title would.
void AddTitleTerms(std::string_view title, const NormalizeOptions& normalize, Weights* weights) {
  if (title.empty()) return;
  MappedText text = Normalize(title, normalize);
  const size_t body = weights->size();
  for (const Token& token : Tokenize(text.text)) {
    text_internal::TokenKeys keys = text_internal::KeysOfToken(token.span.In(text.text));
    if (keys.idf < kMinTitleIdf) continue;
    const double w = keys.idf * kTitleBoost;
    auto it = std::lower_bound(weights->begin(), weights->begin() + body,
                               std::make_pair(keys.stem_id, -HUGE_VAL));
    if (it == weights->begin() + body || it->first != keys.stem_id) {
      it = std::find_if(weights->begin() + body, weights->end(),
                        [&keys](const auto& e) { return e.first == keys.stem_id; });
    }
    if (it == weights->end()) {
      weights->emplace_back(keys.stem_id, w);
    } else {
      it->second += w;
    }
  }
  // Keys are distinct, so sorting the title's new keys and merging them
  // with the sorted body part orders them as sorting the whole would.
  std::sort(weights->begin() + body, weights->end());
  std::inplace_merge(weights->begin(), weights->begin() + body, weights->end());
}

// The kMaxTerms heaviest terms, keyed by 32 bits of the stem hash, with
// unit norm, sorted by key.
CompactVector TopTerms(const Weights& weights) {
  std::vector<std::pair<double, uint64_t>> ranked;
  ranked.reserve(weights.size());
  for (const auto& [key, w] : weights) ranked.emplace_back(w, key);
  size_t keep = std::min(kMaxTerms, ranked.size());
  // Ties broken by key (keys are distinct): a total order, so selecting the
  // first `keep` and sorting them gives what a partial sort gives.
  auto heavier = [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  };
  std::nth_element(ranked.begin(), ranked.begin() + keep, ranked.end(), heavier);
  std::sort(ranked.begin(), ranked.begin() + keep, heavier);
  double norm = 0;
  for (size_t i = 0; i < keep; ++i) norm += ranked[i].first * ranked[i].first;
  norm = std::sqrt(norm);
  CompactVector out;
  out.reserve(keep);
  for (size_t i = 0; i < keep; ++i) {
    out.push_back({static_cast<uint32_t>(ranked[i].second),
                   static_cast<float>(ranked[i].first / norm)});
  }
  std::sort(out.begin(), out.end(),
            [](const WeightedTerm& x, const WeightedTerm& y) { return x.key < y.key; });
  // Two stems may share 32 bits; merge them so keys stay strictly increasing.
  size_t w = 0;
  for (size_t r = 0; r < out.size(); ++r) {
    if (w > 0 && out[w - 1].key == out[r].key) {
      out[w - 1].weight += out[r].weight;
    } else {
      out[w++] = out[r];
    }
  }
  out.resize(w);
  return out;
}

// Sorts `v` and drops repeats. Long vectors by LSD radix sort (four 8-bit
// digits), which orders them exactly as std::sort does.
void SortUnique(std::vector<uint32_t>* v) {
  const size_t n = v->size();
  if (n < 128) {
    std::sort(v->begin(), v->end());
  } else {
    uint32_t counts[4][256] = {};
    for (uint32_t x : *v) {
      for (int d = 0; d < 4; ++d) ++counts[d][(x >> (8 * d)) & 0xff];
    }
    thread_local std::vector<uint32_t> scratch;
    scratch.resize(n);
    uint32_t* from = v->data();
    uint32_t* to = scratch.data();
    for (int d = 0; d < 4; ++d) {
      uint32_t offset = 0;
      for (uint32_t& c : counts[d]) {
        uint32_t k = c;
        c = offset;
        offset += k;
      }
      for (size_t i = 0; i < n; ++i) to[counts[d][(from[i] >> (8 * d)) & 0xff]++] = from[i];
      std::swap(from, to);
    }
    // Four passes: the sorted values are back in *v.
  }
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::vector<uint32_t> ProseRuns(const ArticleFeatures& f) {
  std::vector<uint32_t> out;
  const std::vector<uint64_t>& ids = f.words.word_ids;
  out.reserve(ids.size());
  size_t quoted_in_window = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    quoted_in_window += f.in_quote[i];
    if (i >= kProseRunWords) quoted_in_window -= f.in_quote[i - kProseRunWords];
    if (i + 1 < kProseRunWords || quoted_in_window > 0) continue;
    const uint64_t* first = ids.data() + i + 1 - kProseRunWords;
    out.push_back(static_cast<uint32_t>(
        XXH3_64bits(first, kProseRunWords * sizeof(uint64_t))));
  }
  SortUnique(&out);
  out.shrink_to_fit();
  return out;
}

}  // namespace

size_t CountShared(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t shared = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

double Dot(const CompactVector& a, const CompactVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].key < b[j].key) {
      ++i;
    } else if (b[j].key < a[i].key) {
      ++j;
    } else {
      sum += static_cast<double>(a[i++].weight) * b[j++].weight;
    }
  }
  return sum;
}

StoryFeatures ComputeStoryFeatures(Article article, const StoryOptions& options) {
  StoryFeatures out;
  out.day = ParseIsoDays(article.published);
  AnalyzedArticle analyzed = Analyze(std::move(article), options.analyze);
  for (const Removal& r : analyzed.cleaned.removed) {
    out.source_repeat_lines += r.reason == RemovalReason::kSourceRepeat;
  }
  compare_internal::FeatureOptions feature_options;
  feature_options.sentences = false;
  feature_options.content = false;
  ArticleFeatures f = compare_internal::ComputeFeatures(analyzed, feature_options);
  // Folded once for the identical key and the event facts.
  const text_internal::FoldedWords folded =
      text_internal::FoldWords(analyzed.normalized.text, analyzed.segments.tokens);
  out.identical = text_internal::IdenticalKeyOf(folded);
  out.words = static_cast<uint32_t>(f.words.word_ids.size());
  out.prose_runs = ProseRuns(f);
  out.event = ExtractEventFacts(analyzed, out.day, folded);

  Weights weights = std::move(f.body.entries);
  AddTitleTerms(analyzed.article.title, options.analyze.normalize, &weights);
  out.terms = TopTerms(weights);

  // The most salient rare names: those that weigh most in the body.
  std::vector<std::pair<double, uint64_t>> names;
  for (uint64_t name : f.rare_names) {
    auto it = std::lower_bound(weights.begin(), weights.end(), std::make_pair(name, -HUGE_VAL));
    names.emplace_back(it == weights.end() || it->first != name ? 0.0 : it->second, name);
  }
  std::sort(names.begin(), names.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  if (names.size() > kMaxNames) names.resize(kMaxNames);
  for (const auto& [w, name] : names) out.names.push_back(static_cast<uint32_t>(name));
  std::sort(out.names.begin(), out.names.end());
  out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
  out.article = std::move(analyzed.article);
  return out;
}

}  // namespace twicetold::story_internal
