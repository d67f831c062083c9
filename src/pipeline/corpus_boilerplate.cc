#include "twicetold/corpus_boilerplate.h"

#include <xxhash.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "index/count_table.h"

namespace twicetold {
namespace {

using index_internal::CountTable;

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// The comparison key of one line: ASCII whitespace trimmed and squeezed to
// one space, ASCII letters lowercased, other bytes as given. Cheap on
// purpose: it runs on every line of every article, in both passes. Returns
// false when the trimmed line is longer than max_line_bytes or has too few
// letters to count (a non-ASCII lead byte counts as a letter: most are, in
// news text).
bool LineKey(std::string_view line, const CorpusBoilerplateOptions& options,
             std::string* key) {
  size_t b = 0, e = line.size();
  while (b < e && IsSpace(line[b])) ++b;
  while (e > b && IsSpace(line[e - 1])) --e;
  // Most lines are paragraphs of news, longer than the limit as given:
  // they cost nothing here (this runs on every line, three times per run).
  const size_t limit = options.max_line_bytes;
  if (e - b > limit) return false;
  // Branch-free: every byte is written, and the output advances except on
  // the second and later bytes of a space run (the line is trimmed, so a run
  // never starts or ends it). Branchy code mispredicted on every space.
  key->resize(e - b);
  char* out = key->data();
  size_t n = 0;
  uint32_t letters = 0;
  bool prev_space = false;
  for (size_t i = b; i < e; ++i) {
    const unsigned char c = line[i];
    const bool space = c == ' ' || static_cast<unsigned char>(c - '\t') < 5;
    const unsigned char lower =
        c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0);
    out[n] = static_cast<char>(space ? ' ' : lower);
    n += !(space && prev_space);
    letters += !space && (static_cast<unsigned char>(lower - 'a') < 26 ||
                          c >= 0xC0);
    prev_space = space;
  }
  key->resize(n);
  return letters >= options.min_letters;
}

// A 12-bit digest of the first and last non-space bytes of `line`, ASCII
// lowercased: equal for a line and its LineKey, so lines whose digest no
// furniture key has are not furniture. 0 for a blank line.
size_t EndsBit(std::string_view line) {
  size_t b = 0, e = line.size();
  while (b < e && IsSpace(line[b])) ++b;
  while (e > b && IsSpace(line[e - 1])) --e;
  if (b == e) return 0;
  const auto lower = [](unsigned char c) -> size_t {
    return (c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0)) & 63;
  };
  return lower(line[b]) << 6 | lower(line[e - 1]);
}

uint64_t SourceHash(std::string_view source) {
  return XXH3_64bits(source.data(), source.size());
}

// One key per (source, line); 0 marks an empty slot.
uint64_t PairKey(uint64_t source_hash, std::string_view line_key) {
  uint64_t h =
      XXH3_64bits_withSeed(line_key.data(), line_key.size(), source_hash);
  return h == 0 ? 1 : h;
}

}  // namespace

namespace {

// Serialize / Deserialize: fixed-width little-endian integers.
constexpr std::string_view kMagic = "tt-cbp1";

template <typename T>
void Put(std::string* out, T value) {
  for (size_t i = 0; i < sizeof(T); ++i) {
    out->push_back(static_cast<char>(static_cast<uint64_t>(value) >> (8 * i)));
  }
}

template <typename T>
bool Get(std::string_view* in, T* value) {
  if (in->size() < sizeof(T)) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) {
    v |= uint64_t{static_cast<unsigned char>((*in)[i])} << (8 * i);
  }
  *value = static_cast<T>(v);
  in->remove_prefix(sizeof(T));
  return true;
}

}  // namespace

class CorpusBoilerplate::Impl {
 public:
  explicit Impl(const CorpusBoilerplateOptions& options) : options_(options) {}

  void Observe(const Article& article) {
    // Without a source, lines shared by many articles are as likely copies
    // of one story as site furniture: they are never counted.
    if (article.source.empty()) return;
    const uint64_t source_hash = SourceHash(article.source);
    const uint32_t source = SourceIndex(source_hash);
    ++articles_[source];
    const uint32_t number = static_cast<uint32_t>(++observed_);
    std::string_view body = article.body;
    size_t begin = 0;
    for (;;) {
      size_t nl = body.find('\n', begin);
      size_t end = nl == std::string_view::npos ? body.size() : nl;
      if (LineKey(body.substr(begin, end - begin), options_, &key_)) {
        counts_.Add(PairKey(source_hash, key_), source,
                    static_cast<uint16_t>(EndsBit(key_)), 1, number);
      }
      if (nl == std::string_view::npos) break;
      begin = nl + 1;
    }
  }

  // Instances count disjoint articles, so counts add.
  void Merge(const Impl& other) {
    std::vector<uint32_t> map(other.source_hashes_.size());
    for (size_t i = 0; i < map.size(); ++i) {
      map[i] = SourceIndex(other.source_hashes_[i]);
      articles_[map[i]] += other.articles_[i];
    }
    for (const CountTable::Entry& e : other.counts_.entries()) {
      if (e.key != 0) {
        counts_.Add(e.key, map[e.source], e.ends, e.count, 0);
      }
    }
    observed_ += other.observed_;
  }

  void Freeze() {
    furniture_.clear();
    ends_.reset();
    for (const CountTable::Entry& e : counts_.entries()) {
      if (e.key == 0 || e.count < options_.min_articles) continue;
      const double needed = options_.min_fraction * articles_[e.source];
      if (e.count >= needed) {
        furniture_.push_back(e.key);
        ends_.set(e.ends);
      }
    }
    std::sort(furniture_.begin(), furniture_.end());
    furniture_.shrink_to_fit();
    counts_.Clear();
    frozen_ = true;
  }

  bool IsFurniture(std::string_view source, std::string_view line) const {
    if (!frozen_ || furniture_.empty() || source.empty()) return false;
    if (!ends_.test(EndsBit(line))) return false;  // most lines stop here
    thread_local std::string key;  // no allocation per line
    if (!LineKey(line, options_, &key)) return false;
    return std::binary_search(furniture_.begin(), furniture_.end(),
                              PairKey(SourceHash(source), key));
  }

  uint64_t furniture_lines() const { return furniture_.size(); }

  // Layout: magic, frozen (u8), observed (u64), sources (u64: n, then n x
  // {hash u64, articles u64}), counts (u64: n, then n x {key u64, count
  // u32, source u32, ends u16}), furniture (u64: n, then n x key u64),
  // ends bitset (4096 bits as 512 bytes).
  std::string Serialize() const {
    std::string out(kMagic);
    Put(&out, uint8_t{frozen_});
    Put(&out, observed_);
    Put(&out, uint64_t{source_hashes_.size()});
    for (size_t i = 0; i < source_hashes_.size(); ++i) {
      Put(&out, source_hashes_[i]);
      Put(&out, articles_[i]);
    }
    uint64_t n = 0;
    for (const CountTable::Entry& e : counts_.entries()) n += e.key != 0;
    Put(&out, n);
    for (const CountTable::Entry& e : counts_.entries()) {
      if (e.key == 0) continue;
      Put(&out, e.key);
      Put(&out, e.count);
      Put(&out, e.source);
      Put(&out, e.ends);
    }
    Put(&out, uint64_t{furniture_.size()});
    for (uint64_t key : furniture_) Put(&out, key);
    for (size_t byte = 0; byte < ends_.size() / 8; ++byte) {
      uint8_t bits = 0;
      for (size_t b = 0; b < 8; ++b) bits |= uint8_t(ends_.test(byte * 8 + b)) << b;
      Put(&out, bits);
    }
    return out;
  }

  bool Deserialize(std::string_view in) {
    if (in.substr(0, kMagic.size()) != kMagic) return false;
    in.remove_prefix(kMagic.size());
    uint8_t frozen = 0;
    uint64_t n = 0;
    if (!Get(&in, &frozen) || !Get(&in, &observed_) || !Get(&in, &n)) return false;
    frozen_ = frozen != 0;
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t hash = 0, articles = 0;
      if (!Get(&in, &hash) || !Get(&in, &articles)) return false;
      articles_[SourceIndex(hash)] += articles;
    }
    if (!Get(&in, &n)) return false;
    for (uint64_t i = 0; i < n; ++i) {
      CountTable::Entry e;
      if (!Get(&in, &e.key) || !Get(&in, &e.count) || !Get(&in, &e.source) ||
          !Get(&in, &e.ends) || e.key == 0 || e.source >= source_hashes_.size() ||
          e.ends >= ends_.size()) {
        return false;
      }
      counts_.Add(e.key, e.source, e.ends, e.count, 0);
    }
    if (!Get(&in, &n) || n > in.size() / sizeof(uint64_t)) return false;
    furniture_.resize(n);
    for (uint64_t& key : furniture_) {
      if (!Get(&in, &key)) return false;
    }
    for (size_t byte = 0; byte < ends_.size() / 8; ++byte) {
      uint8_t bits = 0;
      if (!Get(&in, &bits)) return false;
      for (size_t b = 0; b < 8; ++b) ends_.set(byte * 8 + b, (bits >> b) & 1);
    }
    return in.empty() && std::is_sorted(furniture_.begin(), furniture_.end());
  }

  size_t MemoryBytes() const {
    return counts_.MemoryBytes() + furniture_.capacity() * sizeof(uint64_t) +
           source_hashes_.capacity() * sizeof(uint64_t) +
           articles_.capacity() * sizeof(uint64_t) +
           index_.size() * (sizeof(uint64_t) + sizeof(uint32_t) + 16);
  }

 private:
  uint32_t SourceIndex(uint64_t source_hash) {
    auto [it, added] = index_.try_emplace(
        source_hash, static_cast<uint32_t>(source_hashes_.size()));
    if (added) {
      source_hashes_.push_back(source_hash);
      articles_.push_back(0);
    }
    return it->second;
  }

  CorpusBoilerplateOptions options_;
  // EndsBit of every furniture line, after Freeze: IsFurniture skips
  // building the key of a line whose ends match none.
  std::bitset<4096> ends_;
  std::unordered_map<uint64_t, uint32_t> index_;  // source hash -> index
  std::vector<uint64_t> source_hashes_;
  std::vector<uint64_t> articles_;  // per source index
  CountTable counts_;
  std::vector<uint64_t> furniture_;  // sorted pair keys, after Freeze
  uint64_t observed_ = 0;
  bool frozen_ = false;
  std::string key_;  // scratch for Observe
};

CorpusBoilerplate::CorpusBoilerplate(const CorpusBoilerplateOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}
CorpusBoilerplate::~CorpusBoilerplate() = default;
CorpusBoilerplate::CorpusBoilerplate(CorpusBoilerplate&&) noexcept = default;
CorpusBoilerplate& CorpusBoilerplate::operator=(CorpusBoilerplate&&) noexcept =
    default;

void CorpusBoilerplate::Observe(const Article& article) {
  impl_->Observe(article);
}
void CorpusBoilerplate::Merge(const CorpusBoilerplate& other) {
  impl_->Merge(*other.impl_);
}
void CorpusBoilerplate::Freeze() { impl_->Freeze(); }
bool CorpusBoilerplate::IsFurniture(std::string_view source,
                                    std::string_view line) const {
  return impl_->IsFurniture(source, line);
}
uint64_t CorpusBoilerplate::furniture_lines() const {
  return impl_->furniture_lines();
}
size_t CorpusBoilerplate::MemoryBytes() const { return impl_->MemoryBytes(); }

std::string CorpusBoilerplate::Serialize() const { return impl_->Serialize(); }

Result<CorpusBoilerplate> CorpusBoilerplate::Deserialize(
    std::string_view bytes, const CorpusBoilerplateOptions& options) {
  CorpusBoilerplate out(options);
  if (!out.impl_->Deserialize(bytes)) {
    return CorruptionError("not a serialized corpus boilerplate state (" +
                           std::to_string(bytes.size()) + " bytes)");
  }
  return out;
}

}  // namespace twicetold
