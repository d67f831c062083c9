#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/heap_bytes.h"
#include "core/version_text.h"
#include "fingerprint/fingerprint_internal.h"
#include "index/chain_tables.h"
#include "index/chunked_rows.h"
#include "index/exact_map.h"
#include "twicetold/dedup.h"

namespace twicetold {
namespace {

using index_internal::ChainTables;
using index_internal::ChunkedRows;
using index_internal::ExactMap;

// A verified candidate: the earlier article and its similarity score
// (higher is more similar; for SimHash, 64 - distance).
struct Best {
  int64_t row = -1;
  uint32_t score = 0;
};

}  // namespace

class DedupIndex::Impl {
 public:
  explicit Impl(const DedupOptions& options)
      : options_(options),
        m_(options.fingerprint.num_hashes),
        rows_per_band_(m_ / options.fingerprint.bands),
        signatures_(m_),
        tables_(NumTables(options)) {}

  DedupDecision Add(std::string_view id, const Fingerprint& fp);
  void Reserve(uint64_t articles) {
    if (!scan_all()) tables_.Reserve(articles);
    cluster_.reserve(articles);
    ids_.reserve(articles);
    row_article_.reserve(articles);
  }
  uint64_t size() const { return cluster_.size(); }
  size_t MemoryBytes() const;
  const DedupOptions& options() const { return options_; }

 private:
  bool simhash() const { return options_.method == DedupMethod::kSimHash; }

  // SimHash with distance >= 64 matches everything: no blocks, every
  // earlier row is a candidate.
  bool scan_all() const { return simhash() && options_.simhash_max_distance >= 64; }

  static uint32_t NumTables(const DedupOptions& o) {
    if (o.method == DedupMethod::kMinHash) return o.fingerprint.bands;
    if (o.simhash_max_distance >= 64) return 0;  // scan_all()
    return o.simhash_max_distance + 1;
  }

  // Bits [lo, hi) of a SimHash form block `block` (pigeonhole: texts within
  // d bits agree on at least one of d + 1 blocks).
  uint64_t BlockBits(uint64_t simhash, uint32_t block) const {
    const uint32_t n = NumTables(options_);
    const uint32_t lo = block * 64 / n, hi = (block + 1) * 64 / n;
    const uint64_t mask = hi - lo == 64 ? ~0ULL : (uint64_t{1} << (hi - lo)) - 1;
    return (simhash >> lo) & mask;
  }

  uint64_t KeyOfRow(uint32_t row, uint32_t table) const {
    if (simhash()) return Mix64(BlockBits(simhashes_[row], table) ^ (uint64_t{table} << 58));
    return fingerprint_internal::BandKey(Rows(row) + size_t{table} * rows_per_band_,
                                         rows_per_band_, table, options_.fingerprint.seed);
  }

  const uint32_t* Rows(uint32_t row) const { return signatures_.Row(row); }

  void Keys(const Fingerprint& fp, std::vector<uint64_t>* keys) const;
  bool SameBucket(const Fingerprint& fp, uint32_t row, uint32_t table) const;
  void Candidates(const Fingerprint& fp, const std::vector<uint64_t>& keys);
  Best Verify(const Fingerprint& fp) const;
  void Store(const Fingerprint& fp, const std::vector<uint64_t>& keys, uint32_t article);

  DedupOptions options_;
  uint32_t m_;
  uint32_t rows_per_band_;
  std::vector<uint32_t> cluster_;        // per article: its cluster
  std::vector<std::string> ids_;         // per article: its id
  ExactMap exact_;
  // Rows: articles indexed for near duplicates (neither identical to an
  // earlier one nor without words). An identical copy is left out: it has
  // the signature of its earlier twin, which wins every tie, so it could
  // never be the one a later article joins.
  std::vector<uint32_t> row_article_;    // row -> article number
  ChunkedRows<uint32_t> signatures_;     // kMinHash: m_ values per row
  std::vector<uint64_t> simhashes_;      // kSimHash: one per row
  ChainTables tables_;
  std::vector<uint32_t> candidates_;     // scratch: rows to verify
  std::vector<uint64_t> keys_;           // scratch: keys of the new article
};

void DedupIndex::Impl::Keys(const Fingerprint& fp, std::vector<uint64_t>* keys) const {
  keys->clear();
  const uint32_t n = NumTables(options_);
  for (uint32_t t = 0; t < n; ++t) {
    keys->push_back(simhash()
                        ? Mix64(BlockBits(fp.simhash, t) ^ (uint64_t{t} << 58))
                        : fingerprint_internal::BandKey(
                              fp.minhash.data() + size_t{t} * rows_per_band_,
                              rows_per_band_, t, options_.fingerprint.seed));
  }
}

// Whether `row` really shares table `table`'s band (or block) with fp, not
// just its slot.
bool DedupIndex::Impl::SameBucket(const Fingerprint& fp, uint32_t row,
                                  uint32_t table) const {
  if (simhash()) return BlockBits(fp.simhash, table) == BlockBits(simhashes_[row], table);
  const size_t at = size_t{table} * rows_per_band_;
  // An inline loop, not std::equal: that calls memcmp for a few bytes, and
  // every table of every article walks its slot's chain.
  const uint32_t* a = fp.minhash.data() + at;
  const uint32_t* b = Rows(row) + at;
  uint32_t differ = 0;
  for (uint32_t i = 0; i < rows_per_band_; ++i) differ |= a[i] ^ b[i];
  return differ == 0;
}

void DedupIndex::Impl::Candidates(const Fingerprint& fp,
                                  const std::vector<uint64_t>& keys) {
  candidates_.clear();
  if (scan_all()) {
    for (uint32_t r = 0; r < row_article_.size(); ++r) candidates_.push_back(r);
    return;
  }
  // Every table's slot, then every slot's first row (its link and its
  // band), is asked of memory before any walk: one wait instead of one per
  // table, as the walks' rows are scattered over the index.
  for (uint32_t t = 0; t < keys.size(); ++t) tables_.PrefetchSlot(t, keys[t]);
  if (!simhash()) {
    // Chains hold two rows on average (ChainTables::Grow): the second rows
    // are asked for in a second round, once the first rows' links are in.
    int64_t first[64];
    const uint32_t rounds = keys.size() <= 64 ? 2 : 1;
    for (uint32_t t = 0; t < keys.size(); ++t) {
      const int64_t row = tables_.FirstRow(t, keys[t]);
      if (row >= 0) __builtin_prefetch(Rows(static_cast<uint32_t>(row)) + size_t{t} * rows_per_band_);
      if (rounds == 2) first[t] = row;
    }
    if (rounds == 2) {
      for (uint32_t t = 0; t < keys.size(); ++t) {
        if (first[t] < 0) continue;
        const int64_t row = tables_.NextRow(t, static_cast<uint32_t>(first[t]));
        if (row >= 0) __builtin_prefetch(Rows(static_cast<uint32_t>(row)) + size_t{t} * rows_per_band_);
      }
    }
  }
  for (uint32_t t = 0; t < keys.size(); ++t) {
    tables_.Walk(t, keys[t], [&](uint32_t row) {
      if (SameBucket(fp, row, t)) candidates_.push_back(row);
    });
  }
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()),
                    candidates_.end());
}

// The most similar candidate passing the threshold; ties go to the lowest
// row, which is the earliest article.
Best DedupIndex::Impl::Verify(const Fingerprint& fp) const {
  Best best;
  for (uint32_t row : candidates_) {
    uint32_t score;
    bool pass;
    if (simhash()) {
      const int d = SimHashDistance(fp.simhash, simhashes_[row]);
      score = static_cast<uint32_t>(64 - d);
      pass = static_cast<uint32_t>(d) <= options_.simhash_max_distance;
    } else {
      score = static_cast<uint32_t>(
          fingerprint_internal::EqualCount(fp.minhash.data(), Rows(row), m_));
      // The same double EstimateJaccard computes, so decisions match it.
      pass = static_cast<double>(score) / static_cast<double>(m_) >=
             options_.near_duplicate_jaccard;
    }
    if (pass && (best.row < 0 || score > best.score)) best = {row, score};
  }
  return best;
}

void DedupIndex::Impl::Store(const Fingerprint& fp, const std::vector<uint64_t>& keys,
                             uint32_t article) {
  if (simhash()) {
    simhashes_.push_back(fp.simhash);
  } else {
    signatures_.Append(fp.minhash.data());
  }
  if (!scan_all()) {
    tables_.Insert(keys.data(), [this](uint32_t row, uint32_t table) {
      return KeyOfRow(row, table);
    });
  }
  row_article_.push_back(article);
}

DedupDecision DedupIndex::Impl::Add(std::string_view id, const Fingerprint& fp) {
  const uint32_t article = static_cast<uint32_t>(cluster_.size());
  ids_.emplace_back(id);
  uint32_t cluster = article;
  Best best;
  DedupDecision decision;
  // Without words there is nothing to compare: every such text (only
  // punctuation, or all lines cleaned away as furniture) has the exact hash
  // of the empty text, so it is never identical or near to anything.
  const int64_t twin = fp.words == 0 ? -1 : exact_.Find(fp.exact_high, fp.exact_low);
  if (twin >= 0) {
    cluster = cluster_[twin];
    decision.duplicate_of = ids_[twin];
    decision.relation = DedupRelation::kIdentical;
    decision.similarity = 1.0;
  } else if (fp.words > 0) {
    exact_.Insert(fp.exact_high, fp.exact_low, article);
    // A signature of the wrong size (other options) is never compared.
    if (!fp.minhash.empty() && fp.minhash.size() == m_) {
      Keys(fp, &keys_);
      Candidates(fp, keys_);
      best = Verify(fp);
      if (best.row >= 0) {
        const uint32_t earlier = row_article_[best.row];
        cluster = cluster_[earlier];
        decision.duplicate_of = ids_[earlier];
        decision.relation = DedupRelation::kNearDuplicate;
        decision.similarity = simhash() ? best.score / 64.0
                                        : static_cast<double>(best.score) / m_;
      }
      Store(fp, keys_, article);
    }
  }
  cluster_.push_back(cluster);
  decision.cluster = ids_[cluster];
  return decision;
}

// Every heap block the index owns: vector capacities and whole chunks (the
// index has no node-based containers). malloc's own per-block overhead
// (~16 B per vector or chunk) is not counted.
size_t DedupIndex::Impl::MemoryBytes() const {
  size_t id_bytes = HeapBytes(ids_);
  for (const std::string& id : ids_) {
    if (id.capacity() > 15) id_bytes += id.capacity() + 1;  // beyond SSO
  }
  return sizeof(Impl) + HeapBytes(cluster_) + id_bytes + exact_.MemoryBytes() +
         HeapBytes(row_article_) + signatures_.MemoryBytes() + HeapBytes(simhashes_) +
         tables_.MemoryBytes() + HeapBytes(candidates_) + HeapBytes(keys_);
}

Status ValidateDedupOptions(const DedupOptions& options) {
  RETURN_IF_ERROR(ValidateFingerprintOptions(options.fingerprint));
  const double j = options.near_duplicate_jaccard;
  if (!(j >= 0.0 && j <= 1.0)) {  // also rejects NaN
    return InvalidArgumentError("near_duplicate_jaccard must be in [0, 1], got " +
                                std::to_string(j));
  }
  if (options.simhash_max_distance > 64) {
    return InvalidArgumentError("simhash_max_distance must be at most 64, got " +
                                std::to_string(options.simhash_max_distance));
  }
  return Status::Ok();
}

std::string DedupVersion(const DedupOptions& options) {
  return FingerprintVersion(options.fingerprint) + " dedup-v1 " +
         (options.method == DedupMethod::kSimHash ? "simhash" : "minhash") +
         " j=" + core::VersionNumber(options.near_duplicate_jaccard) +
         " d=" + std::to_string(options.simhash_max_distance);
}

std::string_view DedupRelationName(DedupRelation relation) {
  switch (relation) {
    case DedupRelation::kOrigin: return "origin";
    case DedupRelation::kIdentical: return "identical";
    case DedupRelation::kNearDuplicate: return "near_duplicate";
  }
  return "origin";
}

Result<std::unique_ptr<DedupIndex>> DedupIndex::Create(const DedupOptions& options) {
  RETURN_IF_ERROR(ValidateDedupOptions(options));
  return std::unique_ptr<DedupIndex>(new DedupIndex(std::make_unique<Impl>(options)));
}

DedupIndex::DedupIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DedupIndex::~DedupIndex() = default;

DedupDecision DedupIndex::Add(std::string_view id, const Fingerprint& fingerprint) {
  return impl_->Add(id, fingerprint);
}

Status DedupIndex::Replay(std::string_view id, const Fingerprint& fingerprint,
                          const DedupDecision& known) {
  const DedupDecision got = impl_->Add(id, fingerprint);
  // The similarity follows from the rest (and a store may round it).
  if (got.cluster == known.cluster && got.duplicate_of == known.duplicate_of &&
      got.relation == known.relation) {
    return Status::Ok();
  }
  return CorruptionError("dedup replay: article " + std::to_string(size() - 1) + " (" +
                         std::string(id) + ") is now " +
                         std::string(DedupRelationName(got.relation)) + " in cluster " +
                         got.cluster + ", stored as " +
                         std::string(DedupRelationName(known.relation)) + " in cluster " +
                         known.cluster);
}
void DedupIndex::Reserve(uint64_t articles) { impl_->Reserve(articles); }
uint64_t DedupIndex::size() const { return impl_->size(); }
size_t DedupIndex::MemoryBytes() const { return impl_->MemoryBytes(); }
const DedupOptions& DedupIndex::options() const { return impl_->options(); }

}  // namespace twicetold
