// gzip / zstd inputs: detection, multi-member, damage, and bounded memory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <lzma.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/io_test_util.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

using namespace std::string_literals;
using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::Gzip;
using testing::MustRead;
using testing::TempDir;
using testing::WriteFile;
using testing::Zstd;

std::string Lines(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) {
    out += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Body number " +
           std::to_string(i) + " with some words to compress.\"}\n";
  }
  return out;
}

std::vector<std::string> Ids(const ReadResult& r) {
  std::vector<std::string> ids;
  for (const Article& a : r.articles) ids.push_back(a.id);
  return ids;
}

TEST(CompressionTest, GzipAndZstdJsonLinesAndText) {
  TempDir dir;
  ReadResult r = MustRead({WriteFile(dir / "a.jsonl.gz", Gzip(Lines(0, 3))),
                           WriteFile(dir / "b.jsonl.zst", Zstd(Lines(3, 5))),
                           WriteFile(dir / "c.txt.zst", Zstd("Title\n\nBody z\n")),
                           WriteFile(dir / "d.txt.gz", Gzip("Title\n\nBody g\n"))});
  EXPECT_THAT(Ids(r), ::testing::ElementsAre("r0", "r1", "r2", "r3", "r4", dir / "c.txt.zst",
                                             dir / "d.txt.gz"));
  EXPECT_EQ(r.articles[5].body, "Body z");
  EXPECT_EQ(r.articles[5].original, "Title\n\nBody z\n");  // decompressed bytes
  EXPECT_EQ(r.articles[6].body, "Body g");
  EXPECT_TRUE(r.rejected.empty());
}

TEST(CompressionTest, DetectedByMagicNotExtension) {
  TempDir dir;
  ReadResult r = MustRead({WriteFile(dir / "gz_inside.jsonl", Gzip(Lines(0, 1))),
                           WriteFile(dir / "plain_inside.jsonl.gz", Lines(1, 2)),
                           WriteFile(dir / "x.jsonl.xz", "\xFD" "7zXZ\0\0\0\0"s)});
  EXPECT_THAT(Ids(r), ::testing::ElementsAre("r0", "r1"));
  ASSERT_EQ(r.rejected.size(), 1u);  // an xz header with nothing valid after it
  EXPECT_THAT(r.rejected[0].reason, ::testing::HasSubstr("xz stream"));
}

std::string Xz(const std::string& data) {
  std::string out(lzma_stream_buffer_bound(data.size()), '\0');
  size_t pos = 0;
  EXPECT_EQ(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                                    reinterpret_cast<const uint8_t*>(data.data()),
                                    data.size(), reinterpret_cast<uint8_t*>(out.data()),
                                    &pos, out.size()),
            LZMA_OK);
  out.resize(pos);
  return out;
}

TEST(CompressionTest, XzConcatenatedAndTruncated) {
  TempDir dir;
  const std::string text = Lines(0, 6);
  const std::string xz = Xz(text.substr(0, 40)) + Xz(text.substr(40));
  ReadResult whole = MustRead({WriteFile(dir / "a.jsonl.xz", xz)});
  EXPECT_EQ(whole.articles.size(), 6u);
  EXPECT_TRUE(whole.rejected.empty());
  ReadResult cut = MustRead({WriteFile(dir / "b.jsonl.xz", xz.substr(0, xz.size() - 9))});
  ASSERT_EQ(cut.rejected.size(), 1u);
  EXPECT_THAT(cut.rejected[0].reason, ::testing::HasSubstr("xz"));
  EXPECT_EQ(cut.summary.read, cut.summary.accepted + cut.summary.rejected);
}

TEST(CompressionTest, MultiMemberGzipAndMultiFrameZstd) {
  TempDir dir;
  std::string text = Lines(0, 6);
  size_t cut = text.size() / 2 + 7;  // a record split across members
  std::string gz = Gzip(text.substr(0, cut)) + Gzip("") + Gzip(text.substr(cut));
  std::string zst = Zstd(text.substr(0, cut)) + Zstd(text.substr(cut));
  ReadResult r = MustRead({WriteFile(dir / "m.jsonl.gz", gz), WriteFile(dir / "m.jsonl.zst", zst)});
  EXPECT_THAT(Ids(r), ::testing::ElementsAre("r0", "r1", "r2", "r3", "r4", "r5", "r0", "r1", "r2",
                                             "r3", "r4", "r5"));
  EXPECT_TRUE(r.rejected.empty());
}

TEST(CompressionTest, TruncatedGzipKeepsRecordsBeforeDamage) {
  TempDir dir;
  std::string gz = Gzip(Lines(0, 2000));
  std::string path = WriteFile(dir / "t.jsonl.gz", gz.substr(0, gz.size() / 2));
  ReadResult r = MustRead({path});
  ASSERT_GT(r.articles.size(), 100u);
  ASSERT_LT(r.articles.size(), 2000u);
  for (size_t i = 0; i < r.articles.size(); ++i) {
    ASSERT_EQ(r.articles[i].id, "r" + std::to_string(i));
  }
  ASSERT_EQ(r.rejected.size(), 1u);  // the damaged tail, once
  EXPECT_EQ(r.rejected[0].reason, "truncated gzip stream");
  EXPECT_EQ(r.rejected[0].location.line, r.articles.size() + 1);
}

TEST(CompressionTest, TruncatedOrCorruptStreams) {
  TempDir dir;
  std::string gz = Gzip(Lines(0, 50));
  std::string zst = Zstd(Lines(0, 50));
  std::string flipped = gz;
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 8; ++i) flipped[i] ^= 0x5A;
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 6] ^= 1;
  ReadResult r = MustRead({WriteFile(dir / "t.jsonl.zst", zst.substr(0, zst.size() - 9)),
                           WriteFile(dir / "c.jsonl.gz", flipped),
                           WriteFile(dir / "crc.jsonl.gz", bad_crc),
                           WriteFile(dir / "t.txt.gz", Gzip("Title\n\nBody\n").substr(0, 15))});
  ASSERT_EQ(r.rejected.size(), 4u);
  EXPECT_EQ(r.rejected[0].reason, "truncated zstd stream");
  EXPECT_THAT(r.rejected[1].reason, StartsWith("corrupt gzip stream"));
  EXPECT_EQ(r.rejected[2].reason, "corrupt gzip stream: incorrect data check");
  EXPECT_EQ(r.rejected[2].location.line, 51u);  // all 50 records were delivered
  EXPECT_EQ(r.rejected[3].location.ToString(), dir / "t.txt.gz");
  EXPECT_EQ(r.rejected[3].reason, "truncated gzip stream");
  EXPECT_GE(r.articles.size(), 50u);
}

// Peak resident memory of this process, in bytes.
uint64_t PeakRss() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

TEST(CompressionTest, HugeLineIsSkippedWithoutBufferingIt) {
  TempDir dir;
  std::string path = dir / "big.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"before\",\"text\":\"ok\"}\n{\"text\":\"";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 50; ++i) out << chunk;  // 50 MB on one line
    out << "\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n";
  }
  ReadResult r = MustRead({path});
  EXPECT_THAT(Ids(r), ::testing::ElementsAre("before", "after"));
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].reason, "record larger than 10485760 bytes");
  EXPECT_EQ(r.rejected[0].location.line, 2u);
}

TEST(CompressionTest, DecompressionBombStaysSmall) {
  TempDir dir;
  std::string path = dir / "bomb.jsonl.gz";
  {
    // 256 MB of one line, compressed in streaming fashion (~250 KB on disk).
    std::string prefix = "{\"id\":\"a\",\"text\":\"ok\"}\n{\"text\":\"";
    std::string chunk(1 << 20, 'x');
    z_stream z{};
    ASSERT_EQ(deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
    std::ofstream out(path, std::ios::binary);
    std::string buf(1 << 16, '\0');
    auto feed = [&](const std::string& in, int flush) {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      z.avail_in = static_cast<uInt>(in.size());
      do {
        z.next_out = reinterpret_cast<Bytef*>(buf.data());
        z.avail_out = static_cast<uInt>(buf.size());
        deflate(&z, flush);
        out.write(buf.data(), static_cast<std::streamsize>(buf.size() - z.avail_out));
      } while (z.avail_out == 0);
    };
    feed(prefix, Z_NO_FLUSH);
    for (int i = 0; i < 256; ++i) feed(chunk, Z_NO_FLUSH);
    feed("\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n", Z_FINISH);
    deflateEnd(&z);
  }
  uint64_t before = PeakRss();
  ReadResult r = MustRead({path});
  uint64_t growth = PeakRss() - before;
  EXPECT_THAT(Ids(r), ::testing::ElementsAre("a", "b"));
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_THAT(r.rejected[0].reason, HasSubstr("record larger than"));
  // Buffering the line would cost 256 MB; the limit allows ~10 MB.
  EXPECT_LT(growth, 48ull << 20);
}

TEST(CompressionTest, OversizedTextFileAndSmallLimit) {
  TempDir dir;
  ReadOptions options;
  options.max_record_bytes = 20;
  ReadResult r = MustRead({WriteFile(dir / "a.txt", "Title\n\n" + std::string(100, 'b')),
                           WriteFile(dir / "b.jsonl",
                                     "{\"text\":\"12345678\"}\n{\"text\":\"123456789\"}\r\n"
                                     "{\"text\":\"1234567890\"}\n{\"text\":\"1\"}")},
                          options);
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_EQ(r.rejected[0].reason, "record larger than 20 bytes");
  EXPECT_EQ(r.rejected[1].location.line, 3u);  // 21 bytes
  ASSERT_EQ(r.articles.size(), 3u);            // 19, 20 (+\r) and 12 bytes fit
  EXPECT_EQ(r.articles[1].original, "{\"text\":\"123456789\"}");
}

// A DecompressedCache keeps each compressed file's decoded bytes for the
// next read: the second read gets the same records, progress adds up to
// the stored size again, and it no longer needs the file at all.
TEST(DecompressedCacheTest, SecondReadComesFromMemory) {
  TempDir dir;
  const std::string gz = WriteFile(dir / "a.jsonl.gz", Gzip(Lines(0, 500)));
  const std::string zst = WriteFile(dir / "b.jsonl.zst", Zstd(Lines(500, 600)));
  const std::string plain = WriteFile(dir / "c.jsonl", Lines(600, 610));
  DecompressedCache cache;
  cache.budget_bytes = 1 << 20;
  ReadOptions options;
  options.decompressed_cache = &cache;
  uint64_t progress = 0;
  options.on_bytes = [&](uint64_t n) { progress += n; };
  const ReadResult first = MustRead({gz, zst, plain}, options);
  const uint64_t stored = std::filesystem::file_size(gz) +
                          std::filesystem::file_size(zst) +
                          std::filesystem::file_size(plain);
  EXPECT_EQ(progress, stored);
  ASSERT_EQ(cache.files.size(), 2u);  // plain files are not kept
  auto joined = [](const DecompressedCache::File& file) {
    std::string all;
    for (const std::string& chunk : file.chunks) all += chunk;
    EXPECT_EQ(all.size(), file.size);
    return all;
  };
  EXPECT_EQ(joined(cache.files.at(gz)), Lines(0, 500));
  EXPECT_EQ(joined(cache.files.at(zst)), Lines(500, 600));
  EXPECT_GE(cache.held_bytes, Lines(0, 600).size());
  EXPECT_LE(cache.held_bytes, cache.budget_bytes);
  std::filesystem::remove(gz);
  std::filesystem::remove(zst);
  cache.fill = false;
  progress = 0;
  const ReadResult second = MustRead({gz, zst, plain}, options);
  EXPECT_EQ(progress, stored);
  EXPECT_EQ(Ids(second), Ids(first));
  ASSERT_EQ(second.articles.size(), 610u);
  EXPECT_EQ(second.articles[3].body, first.articles[3].body);
  EXPECT_EQ(second.articles[3].location.file, gz);
}

// A file that would pass the budget is not kept (and read again later).
TEST(DecompressedCacheTest, BudgetBoundsWhatIsKept) {
  TempDir dir;
  const std::string big = WriteFile(dir / "big.jsonl.gz", Gzip(Lines(0, 2000)));
  const std::string small = WriteFile(dir / "small.jsonl.gz", Gzip(Lines(0, 20)));
  DecompressedCache cache;
  cache.budget_bytes = 200 << 10;  // Lines(0, 2000) needs 256 KiB of chunks
  ReadOptions options;
  options.decompressed_cache = &cache;
  const ReadResult r = MustRead({big, small}, options);
  EXPECT_EQ(r.articles.size(), 2020u);
  EXPECT_EQ(cache.files.count(big), 0u);
  EXPECT_EQ(cache.files.count(small), 1u);
  EXPECT_LE(cache.held_bytes, cache.budget_bytes);
  cache.budget_bytes = 0;
  DecompressedCache none;
  options.decompressed_cache = &none;
  MustRead({small}, options);
  EXPECT_TRUE(none.files.empty());
  EXPECT_EQ(none.held_bytes, 0u);
}

}  // namespace
}  // namespace twicetold
