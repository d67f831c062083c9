// A map from 128-bit exact hashes to the first article that had them.
// Not thread-safe.
#ifndef TWICETOLD_INDEX_EXACT_MAP_H_
#define TWICETOLD_INDEX_EXACT_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/hash.h"
#include "core/heap_bytes.h"

namespace twicetold::index_internal {

// Exact-hash map: 128-bit hash -> first article with it. Open addressing
// (linear probing, load <= 1/2) over indices into a flat entry array.
class ExactMap {
 public:
  static constexpr uint32_t kNone = 0;  // an empty slot (entries are +1)

  // The article first added with this hash, or -1.
  int64_t Find(uint64_t high, uint64_t low) const {
    for (size_t s = Start(low);; s = (s + 1) & (slots_.size() - 1)) {
      const uint32_t e = slots_[s];
      if (e == kNone) return -1;
      const Entry& entry = entries_[e - 1];
      if (entry.high == high && entry.low == low) return entry.article;
    }
  }

  // Adds a hash not present yet.
  void Insert(uint64_t high, uint64_t low, uint32_t article) {
    entries_.push_back({high, low, article});
    if (2 * entries_.size() > slots_.size()) {
      slots_.assign(2 * slots_.size(), kNone);
      for (size_t e = 0; e < entries_.size(); ++e) Place(e);
    } else {
      Place(entries_.size() - 1);
    }
  }

  size_t MemoryBytes() const { return HeapBytes(entries_) + HeapBytes(slots_); }

 private:
  struct Entry {
    uint64_t high;
    uint64_t low;
    uint32_t article;
  };

  size_t Start(uint64_t low) const { return Mix64(low) & (slots_.size() - 1); }

  void Place(size_t entry) {
    size_t s = Start(entries_[entry].low);
    while (slots_[s] != kNone) s = (s + 1) & (slots_.size() - 1);
    slots_[s] = static_cast<uint32_t>(entry + 1);
  }

  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(16, kNone);
};

}  // namespace twicetold::index_internal

#endif  // TWICETOLD_INDEX_EXACT_MAP_H_
