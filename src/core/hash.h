// Small hashing helpers shared by the fingerprints and the hash tables.
// Their outputs are part of the fingerprint and index formats: never change
// them without bumping the fingerprint version.
#ifndef TWICETOLD_CORE_HASH_H_
#define TWICETOLD_CORE_HASH_H_

#include <cstdint>

namespace twicetold {

// The splitmix64 finalizer: a bijective 64-bit mix whose every output bit
// depends on every input bit. Deterministic across runs and machines.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace twicetold

#endif  // TWICETOLD_CORE_HASH_H_
