// Fuzzes Normalize and NormalizeMapped (include/twicetold/normalize.h).
//
// Input: byte 0 picks the options (bit 0 fold_typography, bit 1 nfkc,
// bit 2 case_fold; bits 3-5 the options of a second pass), the rest is the
// text, any bytes. Asserts the MappedText contract, that every map entry
// lands on a character boundary of valid input, that NormalizeMapped over
// the identity map agrees exactly with Normalize, that Normalize with the
// display options is idempotent, and that a second pass
// over the first one's map still satisfies the contract against the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "twicetold/normalize.h"

namespace {

using twicetold::MappedText;
using twicetold::NormalizeOptions;

NormalizeOptions OptionsFromBits(uint8_t bits) {
  NormalizeOptions options;
  options.fold_typography = (bits & 1) != 0;
  options.nfkc = (bits & 2) != 0;
  options.case_fold = (bits & 4) != 0;
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fz = twicetold::fuzz;
  if (size == 0) return 0;
  const NormalizeOptions first = OptionsFromBits(data[0]);
  const NormalizeOptions second = OptionsFromBits(data[0] >> 3);
  const std::string_view input(reinterpret_cast<const char*>(data) + 1,
                               size - 1);

  const MappedText out = twicetold::Normalize(input, first);
  fz::CheckMappedText(out, input.size());
  if (fz::IsValidUtf8(input)) fz::CheckMapBoundaries(out, input);

  const MappedText via_identity =
      twicetold::NormalizeMapped(MappedText::Identity(input), first);
  FUZZ_CHECK(via_identity.text == out.text);
  FUZZ_CHECK(via_identity.to_original == out.to_original);

  // With display options (folding and NFKC, no case folding) a second
  // Normalize changes nothing.
  if (first.fold_typography && first.nfkc && !first.case_fold) {
    FUZZ_CHECK(twicetold::Normalize(out.text, first).text == out.text);
  }

  const MappedText twice = twicetold::NormalizeMapped(out, second);
  fz::CheckMappedText(twice, input.size());
  if (fz::IsValidUtf8(input)) fz::CheckMapBoundaries(twice, input);
  return 0;
}
