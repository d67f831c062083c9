// A counting hash table: how many articles had each key, each article
// counted once. Used by the corpus boilerplate pass. Not thread-safe.
#ifndef TWICETOLD_INDEX_COUNT_TABLE_H_
#define TWICETOLD_INDEX_COUNT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace twicetold::index_internal {

// Counts per 64-bit key (0 is reserved for an empty slot), with the few
// fields corpus boilerplate needs kept in the entry. Open addressing with
// linear probing: 32 bytes per distinct (source, line) key, far less than a
// node-based map. `last_article` makes a key count once per article
// without a per-article set.
class CountTable {
 public:
  struct Entry {
    uint64_t key = 0;
    uint32_t count = 0;
    uint32_t last_article = 0;  // 1-based article number; 0 = none
    uint32_t source = 0;        // index into the owner's sources
    uint16_t ends = 0;          // the owner's line digest (fits the padding)
  };

  // Adds `n` to `key`'s count unless `article` (1-based; 0 = always)
  // already counted it.
  void Add(uint64_t key, uint32_t source, uint16_t ends, uint32_t n,
           uint32_t article) {
    if ((size_ + 1) * 2 > entries_.size()) Grow();
    Entry& e = Find(key);
    if (e.key == 0) {
      e.key = key;
      e.source = source;
      e.ends = ends;
      ++size_;
    }
    if (article != 0 && e.last_article == article) return;
    e.count += n;
    if (article != 0) e.last_article = article;
  }

  const std::vector<Entry>& entries() const { return entries_; }
  size_t MemoryBytes() const { return entries_.capacity() * sizeof(Entry); }
  void Clear() {
    std::vector<Entry>().swap(entries_);
    size_ = 0;
  }

 private:
  Entry& Find(uint64_t key) {
    const size_t mask = entries_.size() - 1;
    size_t i = (key * 0x9E3779B97F4A7C15ULL >> 20) & mask;
    while (entries_[i].key != 0 && entries_[i].key != key) i = (i + 1) & mask;
    return entries_[i];
  }
  void Grow() {
    std::vector<Entry> old = std::move(entries_);
    entries_.assign(old.empty() ? 1024 : old.size() * 2, Entry{});
    for (const Entry& e : old) {
      if (e.key != 0) Find(e.key) = e;
    }
  }

  std::vector<Entry> entries_;
  size_t size_ = 0;
};

}  // namespace twicetold::index_internal

#endif  // TWICETOLD_INDEX_COUNT_TABLE_H_
