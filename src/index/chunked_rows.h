// Fixed-stride rows stored in chunks: the signature store of the dedup
// index and the chain links of ChainTables. Not thread-safe.
#ifndef TWICETOLD_INDEX_CHUNKED_ROWS_H_
#define TWICETOLD_INDEX_CHUNKED_ROWS_H_

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include "core/heap_bytes.h"

namespace twicetold::index_internal {

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
