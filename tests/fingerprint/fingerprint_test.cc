#include "twicetold/fingerprint.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fingerprint/fingerprint_internal.h"
#include "reference/jaccard_reference.h"
#include "text/terms.h"
#include "text/word_tokenizer.h"
#include "twicetold/identical.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

// Fictional words; some capitalised at random so folding matters.
const std::vector<std::string>& Vocabulary() {
  static const std::vector<std::string> kWords = {
      "brell", "quandor", "opal", "tisk", "varno", "mell", "dorrin", "skade",
      "plim", "hovar", "jentle", "crask", "ulm", "pevvy", "norrow", "zint",
      "gallup", "ferro", "wist", "bandle"};
  return kWords;
}

std::string RandomWord(std::mt19937& rng, size_t vocabulary) {
  std::string w = Vocabulary()[rng() % vocabulary];
  if (rng() % 4 == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::vector<std::string> RandomWords(std::mt19937& rng, size_t n, size_t vocabulary) {
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) words.push_back(RandomWord(rng, vocabulary));
  return words;
}

// Replaces each word with probability p, and inserts or deletes a word now
// and then, so pairs cover the whole range of Jaccard.
std::vector<std::string> Edit(std::mt19937& rng, std::vector<std::string> words,
                              double p, size_t vocabulary) {
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t i = 0; i < words.size(); ++i) {
    if (u(rng) < p) words[i] = RandomWord(rng, vocabulary);
    if (u(rng) < p / 4) words.insert(words.begin() + i, RandomWord(rng, vocabulary));
    if (u(rng) < p / 4 && words.size() > 1) words.erase(words.begin() + i);
  }
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += i % 7 ? " " : ", ";
    s += words[i];
  }
  return s;
}

Fingerprint Of(std::string_view text, const FingerprintOptions& options = {}) {
  const MappedText n = Normalize(text, NormalizeOptions{});
  return ComputeFingerprint(n.text, Tokenize(n.text), options);
}

double Exact(const std::string& a, const std::string& b, uint32_t k) {
  return reference::ExactJaccard(reference::Shingles(reference::FoldedWords(a), k),
                                 reference::Shingles(reference::FoldedWords(b), k));
}

struct Pair {
  std::string a, b;
};

std::vector<Pair> RandomPairs(uint32_t seed, size_t count, size_t min_words,
                              size_t max_words, size_t vocabulary,
                              double max_edit = 0.4) {
  std::mt19937 rng(seed);
  std::vector<Pair> pairs;
  for (size_t i = 0; i < count; ++i) {
    const size_t n = min_words + rng() % (max_words - min_words + 1);
    const auto words = RandomWords(rng, n, vocabulary);
    const double p = std::uniform_real_distribution<double>(0, max_edit)(rng);
    pairs.push_back({Join(words), Join(Edit(rng, words, p, vocabulary))});
  }
  return pairs;
}

// MinHash against exact shingle Jaccard on texts of a few hundred words:
// error of the size sqrt(J(1-J)/m) predicts, and no bias.
TEST(MinHashTest, EstimatesExactJaccardWithoutBias) {
  const FingerprintOptions options;
  double abs_error = 0, signed_error = 0, predicted = 0, spread = 0;
  const auto pairs = RandomPairs(7, 600, 60, 400, 20);
  for (const Pair& p : pairs) {
    const double j = Exact(p.a, p.b, options.shingle_size);
    const double e = EstimateJaccard(Of(p.a), Of(p.b));
    abs_error += std::abs(e - j);
    signed_error += e - j;
    const double sd = std::sqrt(j * (1 - j) / options.num_hashes);
    predicted += sd * std::sqrt(2 / M_PI);  // E|N(0, sd^2)|
    spread += sd * sd;
  }
  const double n = static_cast<double>(pairs.size());
  EXPECT_LE(abs_error / n, 1.15 * predicted / n + 0.002);
  EXPECT_LE(std::abs(signed_error / n), 4 * std::sqrt(spread) / n + 0.002);
}

// Texts of 2-9 words leave most of the 128 bins empty: only densification
// fills them, and it must not bias the estimate.
TEST(MinHashTest, ShortTextsStayUnbiased) {
  FingerprintOptions options;
  options.shingle_size = 2;
  double signed_error = 0, abs_error = 0;
  const auto pairs = RandomPairs(11, 3000, 2, 9, 6);
  for (const Pair& p : pairs) {
    const double j = Exact(p.a, p.b, options.shingle_size);
    const double e = EstimateJaccard(Of(p.a, options), Of(p.b, options));
    signed_error += e - j;
    abs_error += std::abs(e - j);
  }
  const double n = static_cast<double>(pairs.size());
  // Per pair the error is at most 1 with variance <= 1/4: 4 sigma of the mean.
  EXPECT_LE(std::abs(signed_error / n), 4 * 0.5 / std::sqrt(n));
  EXPECT_LT(abs_error / n, 0.2);  // still informative, not noise
}

TEST(MinHashTest, IdenticalShinglesGiveIdenticalSignatures) {
  const Fingerprint a = Of("Brell quandor opal tisk varno mell");
  const Fingerprint b = Of("brell  QUANDOR, opal; tisk varno mell.");
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(EstimateJaccard(a, b), 1.0);
  EXPECT_EQ(a.minhash.size(), 128u);
  EXPECT_EQ(a.words, 6u);
  EXPECT_EQ(a.shingles, 2u);
}

TEST(MinHashTest, FewerWordsThanShingleSizeGiveOneShingle) {
  const Fingerprint a = Of("brell quandor");
  EXPECT_EQ(a.shingles, 1u);
  EXPECT_EQ(a.minhash.size(), 128u);
  // All bins hold the one shingle.
  for (uint32_t v : a.minhash) EXPECT_EQ(v, a.minhash[0]);
  EXPECT_EQ(EstimateJaccard(a, Of("quandor brell")), 0.0);
}

TEST(MinHashTest, NoWordsGiveEmptySignature) {
  const Fingerprint a = Of(" ... -- !");
  EXPECT_TRUE(a.minhash.empty());
  EXPECT_EQ(a.words, 0u);
  EXPECT_EQ(EstimateJaccard(a, a), 0.0);
  EXPECT_TRUE(BandKeys(a, {}).empty());
  EXPECT_EQ(a.simhash, 0u);
}

// Probability that two texts share a band, 1 - (1 - J^r)^b, checked on
// random pairs: with the default 32 bands of 4 rows every pair at J >= 0.8
// shares one (theory: miss < 1e-7), and for J >= 0.2 the observed rate
// follows the curve for both 4 and 8 rows.
TEST(LshTest, BandKeysFollowTheoreticalRecall) {
  for (uint32_t bands : {32u, 16u}) {
    FingerprintOptions options;
    options.bands = bands;
    const double r = options.num_hashes / bands;
    double observed = 0, predicted = 0, pairs_mid = 0;
    int high = 0, high_hit = 0;
    for (const Pair& p : RandomPairs(13 + bands, 500, 150, 400, 20, 0.15)) {
      const double j = Exact(p.a, p.b, options.shingle_size);
      const auto ka = BandKeys(Of(p.a, options), options);
      const auto kb = BandKeys(Of(p.b, options), options);
      ASSERT_EQ(ka.size(), bands);
      bool shared = false;
      for (uint32_t i = 0; i < bands; ++i) shared |= ka[i] == kb[i];
      const double theory = 1 - std::pow(1 - std::pow(j, r), bands);
      if (j >= 0.8) {
        ++high;
        high_hit += shared;
      }
      if (j >= 0.2) {
        observed += shared;
        predicted += theory;
        ++pairs_mid;
      }
    }
    EXPECT_GT(high, 30);
    if (bands == 32) EXPECT_EQ(high_hit, high);
    ASSERT_GT(pairs_mid, 100);
    EXPECT_NEAR(observed / pairs_mid, predicted / pairs_mid, 0.08) << "bands=" << bands;
  }
}

TEST(LshTest, BandIndexIsMixedIntoKeys) {
  // A signature whose bands are all equal still gets distinct keys.
  const Fingerprint a = Of("brell");
  const auto keys = BandKeys(a, {});
  ASSERT_EQ(keys.size(), 32u);
  for (size_t i = 1; i < keys.size(); ++i) EXPECT_NE(keys[i], keys[0]);
}

TEST(SimHashTest, DistanceMatchesBitByBit) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 10000; ++i) {
    const uint64_t a = rng(), b = i % 3 == 0 ? a ^ (uint64_t{1} << (rng() % 64)) : rng();
    ASSERT_EQ(SimHashDistance(a, b), reference::BitByBitDistance(a, b));
  }
  EXPECT_EQ(SimHashDistance(0, ~0ULL), 64);
  EXPECT_EQ(SimHashDistance(5, 5), 0);
}

// The byte-counter SimHash against the bit-by-bit definition, on sets
// large enough to flush its counters several times.
TEST(SimHashTest, MatchesBitByBitMajority) {
  std::mt19937_64 rng(4);
  for (size_t n : {0, 1, 2, 7, 254, 255, 256, 1000, 3000}) {
    std::vector<uint64_t> shingles(n);
    for (auto& h : shingles) h = rng() & (rng() | rng());  // skewed bits
    EXPECT_EQ(fingerprint_internal::SimHash(shingles),
              reference::SimHashReference(shingles)) << n;
  }
}

TEST(SimHashTest, NearTextsAreCloserThanUnrelatedOnes) {
  std::mt19937 rng(5);
  double near = 0, far = 0;
  for (int i = 0; i < 50; ++i) {
    const auto words = RandomWords(rng, 300, 20);
    const auto edited = Edit(rng, words, 0.005, 20);
    const auto other = RandomWords(rng, 300, 20);
    near += SimHashDistance(Of(Join(words)).simhash, Of(Join(edited)).simhash);
    far += SimHashDistance(Of(Join(words)).simhash, Of(Join(other)).simhash);
  }
  EXPECT_LT(near / 50, 8);
  EXPECT_GT(far / 50, 24);
}

Article MakeArticle(std::string body) {
  Article a;
  a.id = "x";
  a.body = std::move(body);
  return a;
}

TEST(ExactHashTest, IgnoresCaseSpacingAndTypography) {
  const FingerprintOptions options;
  const Fingerprint a = FingerprintArticle(
      MakeArticle("The Minister said \u201cpeace is near\u201d  today.\n\nIt was quiet."),
      options);
  const Fingerprint b = FingerprintArticle(
      MakeArticle("the minister   said \"PEACE is near\" today. It was quiet."), options);
  const Fingerprint c = FingerprintArticle(
      MakeArticle("the minister said \"peace is far\" today. It was quiet."), options);
  EXPECT_EQ(a.exact_high, b.exact_high);
  EXPECT_EQ(a.exact_low, b.exact_low);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_EQ(a.simhash, b.simhash);
  EXPECT_NE(a.exact_low, c.exact_low);
}

// The definition, pinned: XXH3-128 (seed 0) of the folded words joined by
// single spaces.
TEST(ExactHashTest, IsXxh3OfFoldedWordsJoinedBySpaces) {
  const Fingerprint a = Of("  Brell,  QUANDOR\n\"opal\" ");
  const std::string joined = "brell quandor opal";
  const XXH128_hash_t h = XXH3_128bits(joined.data(), joined.size());
  EXPECT_EQ(a.exact_high, h.high64);
  EXPECT_EQ(a.exact_low, h.low64);
}

// The word loop writes folded words through raw pointers into a buffer
// sized up front; a fold that grows ("ß" -> "ss", "ﬁ" -> "fi") must grow
// it. Reference: FoldWord of every token, joined by single spaces.
TEST(ExactHashTest, MatchesSlowJoinOnRandomMixedScriptTexts) {
  const std::vector<std::string> pieces = {
      "Brell", "QUANDOR", "opal", "Straße", "ÄRGER", "ﬁne", "ǅemal", "İstan",
      "ΣΟΦΙΑ", "x", "ß", "ﬀﬃ", "Tisk-varno", "mell's", "42", "dorrin."};
  std::mt19937 rng(5);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
      text += (rng() % 5 == 0) ? "\n\n" : (rng() % 3 == 0 ? "  " : " ");
    }
    const MappedText normalized = Normalize(text, NormalizeOptions{});
    const std::vector<Token> tokens = Tokenize(normalized.text);
    std::string joined;
    for (const Token& t : tokens) {
      if (!joined.empty()) joined.push_back(' ');
      joined += text_internal::FoldWord(t.span.In(normalized.text));
    }
    const Fingerprint fp = ComputeFingerprint(normalized.text, tokens, {});
    const XXH128_hash_t h = XXH3_128bits(joined.data(), joined.size());
    ASSERT_EQ(fp.exact_high, h.high64) << text;
    ASSERT_EQ(fp.exact_low, h.low64) << text;
    ASSERT_EQ(fp.words, tokens.size());
    // The fast path computes the one definition of "identical".
    ASSERT_EQ(fp.identical(), ComputeIdenticalKey(normalized.text, tokens)) << text;
  }
}

// The pure-ASCII word path against the general one and against the
// definition (XXH3 of FoldWord of each token, joined by single spaces) on
// random ASCII texts: capitals, digits, '%', hyphens, apostrophes, words
// longer than its 16-byte copies, every control and punctuation byte.
TEST(ExactHashTest, AsciiWordPathMatchesGeneralPathOnRandomAsciiTexts) {
  const std::vector<std::string> pieces = {
      "Brell", "QUANDOR", "opal", "x", "I", "42", "3.5%", "Tisk-varno", "mell's",
      "dorrin.", "Zz", "AbcdefghijklmnopQRSTUVWXYZ", "antidisestablishmentarianism",
      "@", "[", "`", "{", "~", "\t", "\x01", "\x7f", "--", "e-mail", "U.S."};
  std::mt19937 rng(250);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 4 != 0) text += (rng() % 7 == 0) ? "\n\n" : " ";
    }
    const MappedText normalized = Normalize(text, NormalizeOptions{});
    ASSERT_TRUE(IsAscii(normalized.text));
    const std::vector<Token> tokens = Tokenize(normalized.text);
    std::vector<uint64_t> fast, slow;
    std::string fast_joined, slow_joined;
    const uint64_t seed = rng();
    fingerprint_internal::HashWordsForTest(normalized.text, tokens, seed, true, &fast,
                                           &fast_joined);
    fingerprint_internal::HashWordsForTest(normalized.text, tokens, seed, false, &slow,
                                           &slow_joined);
    std::string joined;
    std::vector<uint64_t> want;
    for (const Token& t : tokens) {
      const std::string folded = text_internal::FoldWord(t.span.In(normalized.text));
      if (!joined.empty()) joined.push_back(' ');
      joined += folded;
      want.push_back(XXH3_64bits_withSeed(folded.data(), folded.size(), seed));
    }
    ASSERT_EQ(fast_joined, joined) << text;
    ASSERT_EQ(slow_joined, joined) << text;
    ASSERT_EQ(fast, want) << text;
    ASSERT_EQ(slow, want) << text;
    // The fused path tokenizes as it hashes.
    std::vector<uint64_t> fused;
    std::string fused_joined;
    fingerprint_internal::HashAsciiTextForTest(normalized.text, seed, &fused, &fused_joined);
    ASSERT_EQ(fused_joined, joined) << text;
    ASSERT_EQ(fused, want) << text;
  }
}

// The fused path's buffers are sized from the text alone (at most
// n / 2 + 1 tokens, n + n / 2 + 1 joined bytes): texts made of the
// tightest shapes ("5%a5%", "a b", one-letter words) and long words.
TEST(ExactHashTest, FusedAsciiPathOnDenseTokens) {
  const std::vector<std::string> pieces = {"5%", "a", "b5%", " ", "-", "x-y", "9",
                                           "%", "Q", "antidisestablishmentarianism"};
  std::mt19937 rng(251);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const std::vector<Token> tokens = Tokenize(text);
    std::vector<uint64_t> want, fused;
    std::string want_joined, fused_joined;
    fingerprint_internal::HashWordsForTest(text, tokens, 99, false, &want, &want_joined);
    fingerprint_internal::HashAsciiTextForTest(text, 99, &fused, &fused_joined);
    ASSERT_EQ(fused_joined, want_joined) << text;
    ASSERT_EQ(fused, want) << text;
  }
}

// Every word length (the fused path hashes 4-16 bytes with both XXH3
// formulas and keeps one; it reads up to 8 bytes before a word, so texts
// start with a word) and lengths past 16, against XXH3 of each folded word.
TEST(ExactHashTest, FusedAsciiPathOnEveryWordLength) {
  std::mt19937 rng(254);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      if (i > 0) text += rng() % 4 ? " " : ", ";
      const size_t len = 1 + rng() % (rng() % 5 == 0 ? 40 : 18);
      for (size_t c = 0; c < len; ++c) {
        const uint32_t r = rng() % 36;
        text += r < 26 ? static_cast<char>((rng() % 2 ? 'a' : 'A') + r)
                       : static_cast<char>('0' + (r - 26));
      }
    }
    const uint64_t seed = rng();
    std::vector<uint64_t> want, fused;
    std::string want_joined, fused_joined;
    fingerprint_internal::HashWordsForTest(text, Tokenize(text), seed, false, &want,
                                           &want_joined);
    fingerprint_internal::HashAsciiTextForTest(text, seed, &fused, &fused_joined);
    ASSERT_EQ(fused_joined, want_joined) << text;
    ASSERT_EQ(fused, want) << text;
  }
}

// FingerprintArticle (fused ASCII path, or tokens for other text) against
// the staged definition: CleanBody, Normalize, Tokenize, ComputeFingerprint,
// on random bodies with lines, furniture, repeats and non-ASCII words.
TEST(FingerprintArticleTest, MatchesStagedPathOnRandomBodies) {
  const std::vector<std::string> pieces = {
      "Brell", "QUANDOR", "opal", "x", "42", "3.5%", "Tisk-varno", "mell's", "U.S.",
      "dorrin.", "Advertisement", "Straße", "caf\u00e9", "\u201cquoted\u201d", "e-mail",
      "5%a", "--", "_", "\t", "Photo: AP", "\u00a3300"};
  std::mt19937 rng(252);
  for (int round = 0; round < 1500; ++round) {
    std::string body;
    const int lines = static_cast<int>(rng() % 12);
    for (int l = 0; l < lines; ++l) {
      const int n = static_cast<int>(rng() % 25);
      for (int i = 0; i < n; ++i) {
        body += pieces[rng() % pieces.size()];
        if (rng() % 5 != 0) body += ' ';
      }
      body += rng() % 3 == 0 ? "\n\n" : "\n";
    }
    for (const bool simhash : {false, true}) {
      FingerprintOptions options;
      options.shingle_size = 1 + rng() % 6;
      options.seed = rng();
      const Fingerprint got =
          fingerprint_internal::FingerprintArticle(MakeArticle(body), options, simhash);
      const CleanedBody cleaned = CleanBody(body, options.clean);
      const MappedText n = Normalize(cleaned.text.text, NormalizeOptions{});
      const Fingerprint want = ComputeFingerprint(n.text, Tokenize(n.text), options);
      ASSERT_EQ(got.exact_high, want.exact_high) << body;
      ASSERT_EQ(got.exact_low, want.exact_low) << body;
      ASSERT_EQ(got.minhash, want.minhash) << body;
      ASSERT_EQ(got.words, want.words) << body;
      if (simhash) {
        ASSERT_EQ(got.simhash, want.simhash) << body;
        ASSERT_EQ(got.shingles, want.shingles) << body;
      }
    }
  }
}

// The MinHash-only path rolls shingles straight into the bins: the same
// signature as listing them (HashShingles) and binning the list, on random
// word-hash sequences (repeats from a small vocabulary, fewer words than a
// shingle, none at all), shingle sizes, signature lengths and seeds.
TEST(MinHashTest, FusedShinglesMatchListedShingles) {
  std::mt19937_64 rng(253);
  for (int round = 0; round < 4000; ++round) {
    const size_t n = round % 10 == 0 ? rng() % 4 : rng() % 400;
    const uint64_t vocabulary = 1 + rng() % 50;
    std::vector<uint64_t> words(n);
    for (uint64_t& w : words) w = rng() % 3 == 0 ? rng() : rng() % vocabulary;
    const uint32_t k = 1 + static_cast<uint32_t>(rng() % 8);
    const uint32_t m = 8u << (rng() % 8);  // 8 .. 1024
    const uint64_t seed = rng();
    std::vector<uint32_t> fused, listed;
    fingerprint_internal::MinHashOfWordsForTest(words, k, seed, m, true, &fused);
    fingerprint_internal::MinHashOfWordsForTest(words, k, seed, m, false, &listed);
    ASSERT_EQ(fused, listed) << "round " << round;
    ASSERT_EQ(fused.size(), n == 0 ? 0u : m);
  }
}

TEST(FingerprintArticleTest, IsCleanNormalizeTokenizeCompute) {
  const std::string body =
      "Advertisement\n\nBrell quandor opal tisk varno mell dorrin.\n\n"
      "Skade plim hovar jentle crask ulm.\n";
  const FingerprintOptions options;
  const Fingerprint direct = FingerprintArticle(MakeArticle(body), options);
  const CleanedBody cleaned = CleanBody(body, options.clean);
  const MappedText n = Normalize(cleaned.text.text, NormalizeOptions{});
  const Fingerprint staged = ComputeFingerprint(n.text, Tokenize(n.text), options);
  EXPECT_EQ(direct.exact_low, staged.exact_low);
  EXPECT_EQ(direct.minhash, staged.minhash);
  EXPECT_EQ(direct.words, 13u);  // the advertisement line is not counted
}

TEST(FingerprintArticleTest, NonAsciiWordsAreFolded) {
  const Fingerprint a = Of("STRASSE Ärger Öl ÉCOLE");
  const Fingerprint b = Of("strasse ärger öl école");
  EXPECT_EQ(a.exact_low, b.exact_low);
}

TEST(OptionsTest, ValidationRejectsBadOptions) {
  EXPECT_TRUE(ValidateFingerprintOptions({}).ok());
  auto with = [](auto change) {
    FingerprintOptions o;
    change(o);
    return ValidateFingerprintOptions(o);
  };
  EXPECT_EQ(with([](auto& o) { o.shingle_size = 0; }).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.num_hashes = 100; }).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.num_hashes = 4; }).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.num_hashes = 2048; }).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.bands = 0; }).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with([](auto& o) { o.bands = 3; }).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(with([](auto& o) { o.num_hashes = 8; o.bands = 8; }).ok());
  EXPECT_TRUE(with([](auto& o) { o.num_hashes = 1024; o.bands = 1; }).ok());
}

TEST(OptionsTest, VersionNamesEveryOption) {
  const std::string base = FingerprintVersion({});
  EXPECT_EQ(base.rfind("fp-v1 text-r1 oph k=5 m=128 b=32 seed=", 0), 0u) << base;
  // A field added to these structs must be perturbed below (and named by
  // FingerprintVersion) before this compiles again.
  static_assert(sizeof(FingerprintOptions) == 24 + sizeof(CleanOptions),
                "FingerprintOptions changed: update FingerprintVersion and this test");
  static_assert(sizeof(CleanOptions) == 24,
                "CleanOptions changed: update CleanVersion and this test");
  std::vector<FingerprintOptions> changed(12);
  changed[0].shingle_size = 4;
  changed[1].num_hashes = 256;
  changed[2].bands = 16;
  changed[3].seed = 1;
  changed[4].clean.remove_repeated_lines = false;
  changed[5].clean.min_repeated_line_chars = 21;
  changed[6].clean.remove_captions = false;
  changed[7].clean.remove_advertisements = false;
  changed[8].clean.remove_furniture = false;
  changed[9].clean.remove_blank_filler = false;
  changed[10].clean.extract_dateline = false;
  changed[11].clean.corpus = reinterpret_cast<const FurnitureLookup*>(&base);
  std::set<std::string> versions = {base};
  for (const auto& o : changed) versions.insert(FingerprintVersion(o));
  EXPECT_EQ(versions.size(), changed.size() + 1);
}

// Golden values on a fixed text with the default options: a change to the
// hashing, shingling, densification, SimHash or band keys shows here (and
// must come with a new FingerprintVersion).
TEST(GoldenTest, MinHashSimHashAndBandKeysArePinned) {
  const Fingerprint fp =
      Of("Brell quandor opal tisk varno mell dorrin skade plim hovar jentle crask ulm "
         "pevvy norrow zint gallup ferro wist bandle.");
  ASSERT_EQ(fp.minhash.size(), 128u);
  EXPECT_EQ(fp.shingles, 16u);
  EXPECT_EQ(fp.minhash[0], 1984832428u);
  EXPECT_EQ(fp.minhash[1], 4020346031u);
  EXPECT_EQ(fp.minhash[64], 290859658u);
  EXPECT_EQ(fp.minhash[127], 290859658u);
  EXPECT_EQ(fp.simhash, 2399090743685194190ULL);
  const std::vector<uint64_t> keys = BandKeys(fp, {});
  ASSERT_EQ(keys.size(), 32u);
  EXPECT_EQ(keys[0], 6690765646293909996ULL);
  EXPECT_EQ(keys[31], 14639183101538979551ULL);
}

TEST(OptionsTest, SeedChangesSignatures) {
  FingerprintOptions other;
  other.seed = 99;
  const std::string text = "brell quandor opal tisk varno mell dorrin skade";
  EXPECT_NE(Of(text).minhash, Of(text, other).minhash);
  EXPECT_EQ(Of(text).exact_low, Of(text, other).exact_low);
}

// Without SimHash (RunDedup's MinHash-only path, which also keeps every
// shingle, repeats included, for MinHash) the signature and exact hash are
// FingerprintArticle's, on random bodies full of repeated words and
// phrases, shorter than a shingle, empty, ASCII or not.
TEST(FingerprintArticleTest, WithoutSimHashOnlySimHashAndCountAreLeftOut) {
  const std::vector<std::string> pieces = {
      "Brell", "quandor", "opal", "opal opal opal", "tisk varno mell dorrin skade",
      "\u201cnorrow\u201d", "\u00e9gallup", "STRASSE", "42", ".", "\n\n", "Advertisement\n"};
  std::mt19937 rng(128);
  Article article;
  article.id = "a";
  for (int round = 0; round < 3000; ++round) {
    article.body.clear();
    const int n = static_cast<int>(rng() % (round % 10 == 0 ? 4 : 80));
    for (int i = 0; i < n; ++i) {
      article.body += pieces[rng() % (round % 2 == 0 ? 5 : pieces.size())];
      article.body += ' ';
    }
    FingerprintOptions options;
    options.shingle_size = 1 + rng() % 6;
    const Fingerprint all = FingerprintArticle(article, options);
    const Fingerprint some = fingerprint_internal::FingerprintArticle(article, options, false);
    ASSERT_EQ(some.simhash, 0u);
    ASSERT_EQ(some.shingles, 0u);
    ASSERT_EQ(some.minhash, all.minhash) << article.body;
    ASSERT_EQ(some.exact_high, all.exact_high);
    ASSERT_EQ(some.exact_low, all.exact_low);
    ASSERT_EQ(some.words, all.words);
    ASSERT_EQ(some.source_repeat_lines, all.source_repeat_lines);
  }
}

}  // namespace
}  // namespace twicetold
