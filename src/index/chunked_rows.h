// Fixed-stride rows stored in chunks: the signature store of the dedup
// index and the chain links of ChainTables. Not thread-safe.
#ifndef TWICETOLD_INDEX_CHUNKED_ROWS_H_
#define TWICETOLD_INDEX_CHUNKED_ROWS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "core/heap_bytes.h"

namespace twicetold::index_internal {

// Asks the kernel to map the whole pages inside [p, p + bytes) now, in one
// call (MADV_POPULATE_WRITE, Linux 5.14+), instead of one page fault per
// page as rows are first written: a new chunk of signatures is 32 pages,
// and on virtual machines each fault is expensive (they were 5% of dedup's
// time). Contents are unchanged; on any error nothing happens.
inline void PrefaultPages(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + page - 1) & ~(page - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(page - 1);
  if (end > begin) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
  }
#else
  (void)p;
  (void)bytes;
#endif
}

// Rows of `stride` values in fixed chunks of kRowsPerChunk rows, so that
// growth wastes at most one chunk instead of the up to 2x capacity of a
// doubling vector (signatures are most of the index's memory).
template <typename T>
class ChunkedRows {
 public:
  static constexpr size_t kRowsPerChunk = 256;

  explicit ChunkedRows(size_t stride) : stride_(stride) {}

  // Appends a row of `stride` values, uninitialised when `values` is null.
  T* Append(const T* values) {
    if (rows_ % kRowsPerChunk == 0) {
      // Not value-initialised: every row is written before it is read, and
      // zeroing each new chunk was 3% of dedup.
      chunks_.push_back(std::make_unique_for_overwrite<T[]>(kRowsPerChunk * stride_));
      PrefaultPages(chunks_.back().get(), kRowsPerChunk * stride_ * sizeof(T));
    }
    T* row = Row(rows_++);
    if (values != nullptr) std::copy(values, values + stride_, row);
    return row;
  }
  T* Row(size_t r) {
    return chunks_[r / kRowsPerChunk].get() + (r % kRowsPerChunk) * stride_;
  }
  const T* Row(size_t r) const {
    return chunks_[r / kRowsPerChunk].get() + (r % kRowsPerChunk) * stride_;
  }
  size_t MemoryBytes() const {
    return HeapBytes(chunks_) + chunks_.size() * kRowsPerChunk * stride_ * sizeof(T);
  }

 private:
  size_t stride_;
  size_t rows_ = 0;
  std::vector<std::unique_ptr<T[]>> chunks_;
};

}  // namespace twicetold::index_internal

#endif  // TWICETOLD_INDEX_CHUNKED_ROWS_H_
