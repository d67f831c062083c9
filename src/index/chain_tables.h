// Several hash tables over numbered rows, as LSH bands and SimHash blocks
// need: a key maps to the chain of rows that have it. Not thread-safe.
#ifndef TWICETOLD_INDEX_CHAIN_TABLES_H_
#define TWICETOLD_INDEX_CHAIN_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/heap_bytes.h"
#include "index/chunked_rows.h"

namespace twicetold::index_internal {

// `num_tables` hash tables over rows 0, 1, 2, ..., each mapping a 64-bit key
// to the chain of rows that have it, newest first. Flat arrays instead of
// node-based maps: a table is a power-of-two array of chain heads, and each
// row keeps one "next" link per table, so memory is a few bytes per row and
// table and MemoryBytes() is exact. Different keys may share a slot (the
// table keeps no keys): callers filter the rows a walk yields.
class ChainTables {
 public:
  static constexpr uint32_t kNone = 0;  // "no row" in heads and chains (rows are +1)

  explicit ChainTables(uint32_t num_tables)
      : num_tables_(num_tables),
        heads_(size_t{num_tables} * slots_, kNone),
        next_(num_tables) {}

  uint32_t rows() const { return rows_; }

  // Takes now the slots that inserting rows up to `rows` in all would grow
  // to (Grow's rule; never fewer than now), so those inserts never
  // relink. Only before the first insert.
  void Reserve(uint64_t rows) {
    if (rows_ != 0) return;
    uint64_t slots = slots_;
    while (rows > 0 && rows - 1 >= 2 * slots && slots < (uint64_t{1} << 31)) slots *= 2;
    if (slots == slots_) return;
    slots_ = static_cast<uint32_t>(slots);
    AllocateHeads();
  }

  // Adds the next row with one key per table. `key_of(row, table)` must
  // give the keys of earlier rows: growing the tables re-inserts them.
  template <typename KeyOf>
  void Insert(const uint64_t* keys, const KeyOf& key_of) {
    if (rows_ >= 2 * slots_) Grow(key_of);
    next_.Append(nullptr);
    for (uint32_t t = 0; t < num_tables_; ++t) Link(rows_, t, keys[t]);
    ++rows_;
  }

  // Calls fn(row) for every row in the slot of `key` in table `table`,
  // newest first.
  template <typename Fn>
  void Walk(uint32_t table, uint64_t key, const Fn& fn) const {
    for (uint32_t r = heads_[Slot(table, key)]; r != kNone;
         r = next_.Row(r - 1)[table]) {
      fn(r - 1);
    }
  }

  // Prefetch hints, for callers that walk many tables in a row: the slot
  // of `key` in `table`; then, once that has arrived, FirstRow reads it,
  // prefetches the first row's link and returns that row (-1 if none), so
  // the caller can prefetch the row's data too. The walks then wait on
  // memory in parallel rather than one table after another.
  void PrefetchSlot(uint32_t table, uint64_t key) const {
    __builtin_prefetch(&heads_[Slot(table, key)]);
  }
  int64_t FirstRow(uint32_t table, uint64_t key) const {
    const uint32_t r = heads_[Slot(table, key)];
    if (r == kNone) return -1;
    __builtin_prefetch(next_.Row(r - 1) + table);
    return int64_t{r} - 1;
  }

  // The row after `row` in its chain of table `table` (-1 if none), with
  // that row's link prefetched: a second step of the prefetching above,
  // for chains longer than one row.
  int64_t NextRow(uint32_t table, uint32_t row) const {
    const uint32_t r = next_.Row(row)[table];
    if (r == kNone) return -1;
    __builtin_prefetch(next_.Row(r - 1) + table);
    return int64_t{r} - 1;
  }

  size_t MemoryBytes() const { return HeapBytes(heads_) + next_.MemoryBytes(); }

 private:
  size_t Slot(uint32_t table, uint64_t key) const {
    return size_t{table} * slots_ + (key & (slots_ - 1));
  }

  void Link(uint32_t row, uint32_t table, uint64_t key) {
    uint32_t& head = heads_[Slot(table, key)];
    next_.Row(row)[table] = head;
    head = row + 1;
  }

  // Doubles the slots (average chain length stays <= 2) and relinks every
  // row in order, which keeps chains newest first.
  template <typename KeyOf>
  void Grow(const KeyOf& key_of) {
    slots_ *= 2;
    AllocateHeads();
    for (uint32_t row = 0; row < rows_; ++row) {
      for (uint32_t t = 0; t < num_tables_; ++t) Link(row, t, key_of(row, t));
    }
  }

  // heads_ = num_tables_ * slots_ empty heads, in memory prefaulted in one
  // call (PrefaultPages) before it is filled.
  void AllocateHeads() {
    const size_t n = size_t{num_tables_} * slots_;
    std::vector<uint32_t>().swap(heads_);
    heads_.reserve(n);
    PrefaultPages(heads_.data(), n * sizeof(uint32_t));
    heads_.assign(n, kNone);
  }

  uint32_t num_tables_;
  uint32_t slots_ = 16;
  uint32_t rows_ = 0;
  std::vector<uint32_t> heads_;  // num_tables_ * slots_ chain heads
  ChunkedRows<uint32_t> next_;   // per row, one link per table
};

}  // namespace twicetold::index_internal

#endif  // TWICETOLD_INDEX_CHAIN_TABLES_H_
