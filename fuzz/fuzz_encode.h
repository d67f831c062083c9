// Compressors for the fuzz targets that feed the readers real compressed
// streams. Each uses the smallest window its format allows: the readers
// still decode real streams, but neither side allocates (and, under ASan,
// maps and zeroes) megabytes per input. On an encoder error the bytes are
// returned as they are (then they are garbage for the decompressor, which
// the targets also want).
#ifndef TWICETOLD_FUZZ_FUZZ_ENCODE_H_
#define TWICETOLD_FUZZ_FUZZ_ENCODE_H_

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace twicetold::fuzz {

inline std::string Gzip(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 9 + 16, 1, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::string(in);
  }
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string Zstd(std::string_view in) {
  static ZSTD_CCtx* const cctx = [] {
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 1);
    ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, 10);
    return c;
  }();
  std::string out(ZSTD_compressBound(in.size()), '\0');
  size_t n = ZSTD_compress2(cctx, out.data(), out.size(), in.data(), in.size());
  if (ZSTD_isError(n)) return std::string(in);
  out.resize(n);
  return out;
}

inline std::string Xz(std::string_view in) {
  lzma_options_lzma lzma2;
  if (lzma_lzma_preset(&lzma2, 0)) return std::string(in);
  lzma2.dict_size = LZMA_DICT_SIZE_MIN;
  lzma2.mf = LZMA_MF_HC3;
  lzma2.nice_len = 8;
  lzma_filter filters[] = {{LZMA_FILTER_LZMA2, &lzma2},
                           {LZMA_VLI_UNKNOWN, nullptr}};
  std::string out(lzma_stream_buffer_bound(in.size()), '\0');
  size_t pos = 0;
  if (lzma_stream_buffer_encode(filters, LZMA_CHECK_CRC64, nullptr,
                                reinterpret_cast<const uint8_t*>(in.data()),
                                in.size(), reinterpret_cast<uint8_t*>(out.data()),
                                &pos, out.size()) != LZMA_OK) {
    return std::string(in);
  }
  out.resize(pos);
  return out;
}

}  // namespace twicetold::fuzz

#endif  // TWICETOLD_FUZZ_FUZZ_ENCODE_H_
