// Memory accounting for the hand-written tables: what a vector holds on the
// heap, counted by capacity (what is reserved, not what is used).
#ifndef TWICETOLD_CORE_HEAP_BYTES_H_
#define TWICETOLD_CORE_HEAP_BYTES_H_

#include <cstddef>
#include <vector>

namespace twicetold {

template <typename T>
size_t HeapBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace twicetold

#endif  // TWICETOLD_CORE_HEAP_BYTES_H_
