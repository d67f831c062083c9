#include "twicetold/dedup.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "index/chain_tables.h"
#include "reference/jaccard_reference.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

// Fictional words; a vocabulary large enough that unrelated texts share
// few 5-word shingles.
std::string Word(std::mt19937& rng) {
  static const char* kSyllables[] = {"bre", "quan", "dor", "op", "al", "tis",
                                     "var", "no", "mel", "skad", "plim", "ho",
                                     "jen", "cras", "ul", "pev", "zin", "fer"};
  std::string w;
  for (int i = 0, n = 1 + rng() % 3; i < n; ++i) w += kSyllables[rng() % 18];
  return w;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += i % 11 ? " " : ". ";
    s += words[i];
  }
  return s;
}

// Changes `edits` random words.
std::vector<std::string> Edit(std::mt19937& rng, std::vector<std::string> w, int edits) {
  for (int e = 0; e < edits; ++e) w[rng() % w.size()] = Word(rng);
  return w;
}

std::string Shout(std::string s) {  // same words, other case and spacing
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "  " + s + "\n";
}

Fingerprint Of(std::string_view text, const FingerprintOptions& options) {
  const MappedText n = Normalize(text, NormalizeOptions{});
  return ComputeFingerprint(n.text, Tokenize(n.text), options);
}

// A stream of originals, exact copies (case and spacing changed), light
// edits (near duplicates) and heavy edits (Jaccard near the threshold), in
// random order, plus the odd text without words.
std::vector<Fingerprint> PlantedCorpus(uint32_t seed, size_t n,
                                       const FingerprintOptions& options) {
  std::mt19937 rng(seed);
  std::vector<std::vector<std::string>> texts;
  std::vector<Fingerprint> fps;
  for (size_t i = 0; i < n; ++i) {
    const int kind = texts.empty() ? 0 : static_cast<int>(rng() % 6);
    std::vector<std::string> words;
    if (kind <= 1) {
      for (int k = 0, len = 20 + rng() % 300; k < len; ++k) words.push_back(Word(rng));
    } else {
      const auto& from = texts[rng() % texts.size()];
      words = kind == 2 ? from : Edit(rng, from, kind == 3 ? 1 : kind == 4 ? 3 : 8);
    }
    texts.push_back(words);
    const std::string text = kind == 2 ? Shout(Join(words)) : Join(words);
    fps.push_back(Of(rng() % 50 == 0 ? std::string("--") : text, options));
  }
  return fps;
}

// `reserve`: DedupIndex::Reserve first (RunDedup's path); decisions must
// not change.
void ExpectSameDecisions(const std::vector<Fingerprint>& fps, const DedupOptions& options,
                         bool require_shared_band = true, uint64_t reserve = 0) {
  auto index = DedupIndex::Create(options);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  if (reserve > 0) (*index)->Reserve(reserve);
  const auto expected = reference::BruteForceDedup(fps, options, require_shared_band);
  int near = 0, identical = 0;
  for (size_t i = 0; i < fps.size(); ++i) {
    const DedupDecision got = (*index)->Add(std::to_string(i), fps[i]);
    const DedupDecision& want = expected[i];
    ASSERT_EQ(got.relation, want.relation) << "article " << i;
    ASSERT_EQ(got.duplicate_of, want.duplicate_of) << "article " << i;
    ASSERT_EQ(got.cluster, want.cluster) << "article " << i;
    ASSERT_DOUBLE_EQ(got.similarity, want.similarity) << "article " << i;
    near += got.relation == DedupRelation::kNearDuplicate;
    identical += got.relation == DedupRelation::kIdentical;
  }
  EXPECT_EQ((*index)->size(), fps.size());
  // The corpus really exercises both kinds.
  EXPECT_GT(near, static_cast<int>(fps.size() / 20));
  EXPECT_GT(identical, static_cast<int>(fps.size() / 10));
}

TEST(DedupIndexTest, MinHashMatchesBruteForce) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    DedupOptions options;
    ExpectSameDecisions(PlantedCorpus(seed, 700, options.fingerprint), options);
  }
}

// Tables sized up front (exactly, too small, far too large) decide the same.
TEST(DedupIndexTest, ReservedTablesMatchBruteForce) {
  for (uint64_t reserve : {700u, 40u, 100000u}) {
    for (DedupMethod method : {DedupMethod::kMinHash, DedupMethod::kSimHash}) {
      DedupOptions options;
      options.method = method;
      options.simhash_max_distance = 6;
      ExpectSameDecisions(PlantedCorpus(11, 700, options.fingerprint), options, true, reserve);
    }
  }
}

// With the defaults (4 rows x 32 bands, threshold 0.7) LSH misses a pair at
// the threshold with probability ~1e-4: decisions equal the ideal of
// comparing every pair, no band needed.
TEST(DedupIndexTest, MinHashDefaultsMatchAllPairsWithoutLsh) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    DedupOptions options;
    ExpectSameDecisions(PlantedCorpus(seed, 700, options.fingerprint), options,
                        /*require_shared_band=*/false);
  }
}

TEST(DedupIndexTest, MinHashMatchesBruteForceWithOtherOptions) {
  DedupOptions options;
  options.fingerprint.num_hashes = 64;
  options.fingerprint.bands = 16;
  options.fingerprint.shingle_size = 3;
  options.near_duplicate_jaccard = 0.5;
  ExpectSameDecisions(PlantedCorpus(4, 700, options.fingerprint), options);
}

TEST(DedupIndexTest, SimHashMatchesBruteForce) {
  for (uint32_t d : {3u, 6u}) {
    DedupOptions options;
    options.method = DedupMethod::kSimHash;
    options.simhash_max_distance = d;
    ExpectSameDecisions(PlantedCorpus(5 + d, 700, options.fingerprint), options);
  }
}

TEST(DedupIndexTest, SimHashDistance64MatchesEverything) {
  DedupOptions options;
  options.method = DedupMethod::kSimHash;
  options.simhash_max_distance = 64;
  ExpectSameDecisions(PlantedCorpus(9, 200, options.fingerprint), options);
}

TEST(DedupIndexTest, IdenticalBeatsNearAndJoinsTheCluster) {
  DedupOptions options;
  std::mt19937 rng(1);
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back(Word(rng));
  const auto edited = Edit(rng, words, 2);
  auto index = std::move(DedupIndex::Create(options)).value();
  const Fingerprint original = Of(Join(words), options.fingerprint);
  const Fingerprint near = Of(Join(edited), options.fingerprint);
  EXPECT_EQ(index->Add(std::to_string(index->size()), original).relation, DedupRelation::kOrigin);
  const DedupDecision second = index->Add(std::to_string(index->size()), near);
  EXPECT_EQ(second.relation, DedupRelation::kNearDuplicate);
  EXPECT_EQ(second.duplicate_of, "0");
  EXPECT_GE(second.similarity, 0.7);
  EXPECT_LT(second.similarity, 1.0);
  // A copy of the edit is identical to article 1, though near article 0,
  // and is in article 0's cluster.
  const DedupDecision third = index->Add(std::to_string(index->size()), Of(Shout(Join(edited)), options.fingerprint));
  EXPECT_EQ(third.relation, DedupRelation::kIdentical);
  EXPECT_EQ(third.duplicate_of, "1");
  EXPECT_EQ(third.cluster, "0");
  EXPECT_EQ(third.similarity, 1.0);
}

TEST(DedupIndexTest, TiesGoToTheEarliest) {
  DedupOptions options;
  std::mt19937 rng(2);
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back(Word(rng));
  auto index = std::move(DedupIndex::Create(options)).value();
  // Two earlier articles with equal signatures but different exact hashes
  // (made by hand): a later near duplicate of both joins the first.
  Fingerprint a = Of(Join(words), options.fingerprint);
  Fingerprint b = a;
  b.exact_low ^= 1;
  const Fingerprint c = Of(Join(Edit(rng, words, 2)), options.fingerprint);
  index->Add(std::to_string(index->size()), a);
  EXPECT_EQ(index->Add(std::to_string(index->size()), b).duplicate_of, "0");
  const DedupDecision d = index->Add(std::to_string(index->size()), c);
  EXPECT_EQ(d.relation, DedupRelation::kNearDuplicate);
  EXPECT_EQ(d.duplicate_of, "0");
}

// A text left without words (only punctuation, or every line cleaned away
// as furniture, as happens to short wire notices) is never identical or
// near to anything, not even to another such text: the two dividend notices
// below share no content once cleaned, and must stay apart.
TEST(DedupIndexTest, TextsWithoutWordsAreNeverDuplicates) {
  DedupOptions options;
  auto index = std::move(DedupIndex::Create(options)).value();
  const Fingerprint empty = Of("...", options.fingerprint);
  ASSERT_EQ(empty.words, 0u);
  EXPECT_EQ(index->Add(std::to_string(index->size()), Of("brell quandor opal tisk varno", options.fingerprint)).relation,
            DedupRelation::kOrigin);
  const DedupDecision first = index->Add(std::to_string(index->size()), empty);
  EXPECT_EQ(first.relation, DedupRelation::kOrigin);
  EXPECT_EQ(first.cluster, "1");
  for (const char* text : {" -- ", "", "...", "\n\n"}) {
    const DedupDecision d = index->Add(std::to_string(index->size()), Of(text, options.fingerprint));
    EXPECT_EQ(d.relation, DedupRelation::kOrigin) << "[" << text << "]";
    EXPECT_FALSE(d.duplicate_of.has_value()) << "[" << text << "]";
  }
  // Texts with words still find their identical copies.
  const DedupDecision copy =
      index->Add(std::to_string(index->size()), Of("brell quandor opal tisk varno", options.fingerprint));
  EXPECT_EQ(copy.relation, DedupRelation::kIdentical);
  EXPECT_EQ(copy.duplicate_of, "0");
}

// Memory with default options stays well under 1 KB per article, counted
// from vector capacities.
TEST(DedupIndexTest, MemoryPerArticleIsWellUnderOneKilobyte) {
  for (DedupMethod method : {DedupMethod::kMinHash, DedupMethod::kSimHash}) {
    DedupOptions options;
    options.method = method;
    auto index = std::move(DedupIndex::Create(options)).value();
    std::mt19937_64 rng(3);
    const size_t empty = index->MemoryBytes();
    const size_t n = 20000;
    for (size_t i = 0; i < n; ++i) {
      Fingerprint fp;
      fp.words = 200;  // a text with words: wordless ones are not indexed
      fp.exact_high = rng();
      fp.exact_low = rng();
      fp.simhash = rng();
      fp.minhash.resize(128);
      for (uint32_t& v : fp.minhash) v = static_cast<uint32_t>(rng());
      index->Add(std::to_string(index->size()), fp);
    }
    const double per_article = static_cast<double>(index->MemoryBytes() - empty) / n;
    EXPECT_LT(per_article, method == DedupMethod::kMinHash ? 900 : 200);
    EXPECT_GT(per_article, method == DedupMethod::kMinHash ? 512 : 8);  // signatures at least
  }
}

TEST(DedupOptionsTest, ValidationAndCreateErrors) {
  EXPECT_TRUE(ValidateDedupOptions({}).ok());
  auto with = [](auto change) {
    DedupOptions o;
    change(o);
    return DedupIndex::Create(o).status().code();
  };
  EXPECT_EQ(with([](auto& o) { o.near_duplicate_jaccard = -0.1; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.near_duplicate_jaccard = 1.5; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) {
              o.near_duplicate_jaccard = std::numeric_limits<double>::quiet_NaN();
            }),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.simhash_max_distance = 65; }), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.fingerprint.num_hashes = 96; }),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(DedupIndex::Create(DedupOptions{}).ok());
}

TEST(DedupOptionsTest, RelationNames) {
  EXPECT_EQ(DedupRelationName(DedupRelation::kOrigin), "origin");
  EXPECT_EQ(DedupRelationName(DedupRelation::kIdentical), "identical");
  EXPECT_EQ(DedupRelationName(DedupRelation::kNearDuplicate), "near_duplicate");
}

// ChainTables against a scan of every row: a walk yields every row with
// the key, newest first. Keys come from a small pool that shares low bits
// (slot collisions), high bits, or both, and the tables grow several times.
TEST(ChainTablesTest, WalkYieldsEveryRowWithTheKeyNewestFirst) {
  using index_internal::ChainTables;
  constexpr uint32_t kTables = 3;
  std::mt19937_64 rng(14);
  std::vector<uint64_t> pool;
  for (int i = 0; i < 40; ++i) {
    const uint64_t high = rng() % 4, low = rng() % 8;
    pool.push_back((high << 32) | (low * 1024) | (rng() % 2));
  }
  for (const uint64_t reserve : {0u, 500u, 37u}) {
  ChainTables tables(kTables);
  ChainTables grown(kTables);  // never reserved: the slots Reserve must match
  tables.Reserve(reserve);
  std::vector<std::array<uint64_t, kTables>> keys;
  for (uint32_t row = 0; row < 500; ++row) {
    std::array<uint64_t, kTables> k;
    for (uint64_t& key : k) key = pool[rng() % pool.size()];
    keys.push_back(k);
    tables.Insert(k.data(), [&](uint32_t r, uint32_t t) { return keys[r][t]; });
    grown.Insert(k.data(), [&](uint32_t r, uint32_t t) { return keys[r][t]; });
    for (uint32_t t = 0; t < kTables; ++t) {
      const uint64_t key = pool[rng() % pool.size()];
      std::vector<uint32_t> walked, want;
      tables.Walk(t, key, [&](uint32_t r) {
        if (keys[r][t] == key) walked.push_back(r);
      });
      for (uint32_t r = row + 1; r-- > 0;) {
        if (keys[r][t] == key) want.push_back(r);
      }
      ASSERT_EQ(walked, want) << "row " << row << " table " << t;
    }
  }
  // Reserving for the rows inserted takes the slots growing reached.
  if (reserve == 500) EXPECT_EQ(tables.MemoryBytes(), grown.MemoryBytes());
  }
}

}  // namespace
}  // namespace twicetold

namespace twicetold {
namespace {

// A stream split at any point, its first part replayed from the stored
// decisions into a new index and the rest added, gives the decisions of
// one run over the whole stream.
TEST(DedupReplayTest, SplitRunsEqualOneRun) {
  for (DedupMethod method : {DedupMethod::kMinHash, DedupMethod::kSimHash}) {
    DedupOptions options;
    options.method = method;
    const std::vector<Fingerprint> fps = PlantedCorpus(11, 600, options.fingerprint);
    auto one = std::move(DedupIndex::Create(options)).value();
    std::vector<DedupDecision> want;
    for (size_t i = 0; i < fps.size(); ++i) want.push_back(one->Add(std::to_string(i), fps[i]));
    for (size_t split : {size_t{0}, size_t{1}, size_t{97}, size_t{300}, size_t{599}, fps.size()}) {
      auto index = std::move(DedupIndex::Create(options)).value();
      for (size_t i = 0; i < split; ++i) {
        ASSERT_TRUE(index->Replay(std::to_string(i), fps[i], want[i]).ok()) << i;
      }
      for (size_t i = split; i < fps.size(); ++i) {
        const DedupDecision got = index->Add(std::to_string(i), fps[i]);
        ASSERT_EQ(got, want[i]) << "split " << split << ", article " << i;
      }
      EXPECT_EQ(index->size(), fps.size());
    }
  }
}

TEST(DedupReplayTest, ADecisionThatDiffersIsCorruption) {
  DedupOptions options;
  const std::vector<Fingerprint> fps = PlantedCorpus(12, 50, options.fingerprint);
  auto one = std::move(DedupIndex::Create(options)).value();
  std::vector<DedupDecision> want;
  for (size_t i = 0; i < fps.size(); ++i) want.push_back(one->Add(std::to_string(i), fps[i]));
  size_t dup = 0;
  while (want[dup].relation == DedupRelation::kOrigin) ++dup;
  auto index = std::move(DedupIndex::Create(options)).value();
  for (size_t i = 0; i < dup; ++i) ASSERT_TRUE(index->Replay(std::to_string(i), fps[i], want[i]).ok());
  DedupDecision wrong = want[dup];
  wrong.relation = DedupRelation::kOrigin;
  wrong.duplicate_of.reset();
  wrong.cluster = std::to_string(dup);
  const Status status = index->Replay(std::to_string(dup), fps[dup], wrong);
  EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
}

TEST(DedupVersionTest, NamesTheDecisionOptions) {
  const DedupOptions base;
  const std::string v = DedupVersion(base);
  EXPECT_EQ(v.rfind(FingerprintVersion(base.fingerprint), 0), 0u) << v;
  DedupOptions o = base;
  o.method = DedupMethod::kSimHash;
  EXPECT_NE(DedupVersion(o), v);
  o = base;
  o.near_duplicate_jaccard = 0.701;
  EXPECT_NE(DedupVersion(o), v);
  o = base;
  o.simhash_max_distance = 4;
  EXPECT_NE(DedupVersion(o), v);
  o = base;
  o.fingerprint.bands = 16;
  EXPECT_NE(DedupVersion(o), v);
  // A field added to DedupOptions must be named above (and in DedupVersion).
  static_assert(sizeof(DedupOptions) == sizeof(FingerprintOptions) + 24,
                "DedupOptions changed: update DedupVersion and this test");
}

}  // namespace
}  // namespace twicetold
