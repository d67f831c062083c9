// Fingerprint and dedup index figures, printed as plain text:
//   (a) a generated corpus of fictional-word articles with planted copies
//       and edits: per-stage and whole fast-path throughput (MB/s, one
//       thread), DedupIndex Add rate, MemoryBytes per article, and recall /
//       precision of the planted pairs;
//   (b) if present, ../shared/data/corpora/allsides.jsonl.xz (read at run
//       time): FingerprintArticle MB/s and duplicate counts.
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target dedup_bench
//   build-rel/dedup_bench [generated_articles=20000] [max_real_articles=all]
//                         [real_corpus=../shared/data/corpora/allsides.jsonl.xz]
// Times are thread CPU time (one core).
#include <time.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "twicetold/clean.h"
#include "twicetold/dedup.h"
#include "twicetold/fingerprint.h"
#include "twicetold/io.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

// Thread CPU time, not wall time: the figures are per core, and on a shared
// machine wall time also counts other processes' turns.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
};

double Seconds(double since) { return Clock::now() - since; }

// Fictional words built from syllables: a vocabulary of a few thousand.
std::string Word(std::mt19937& rng) {
  static const char* kSyllables[] = {
      "bre", "quan", "dor", "op", "al", "tis", "var", "no", "mel", "skad",
      "plim", "ho", "jen", "cras", "ul", "pev", "zin", "fer", "wis", "ban",
      "tor", "ick", "sel", "mun", "gra", "vo", "lek", "stra", "pi", "dun"};
  std::string w;
  for (int i = 0, n = 1 + rng() % 3; i < n; ++i) w += kSyllables[rng() % 30];
  return w;
}

// Paragraphs of sentences with capitals, commas, curly quotes and numbers.
std::vector<std::string> Paragraphs(std::mt19937& rng) {
  std::vector<std::string> out;
  for (int p = 0, np = 4 + rng() % 8; p < np; ++p) {
    std::string para;
    for (int s = 0, ns = 2 + rng() % 4; s < ns; ++s) {
      const bool quote = rng() % 5 == 0;
      std::string sentence = quote ? "\u201c" : "";
      std::string first = Word(rng);
      first[0] = static_cast<char>(first[0] - 'a' + 'A');
      sentence += first;
      for (int w = 0, nw = 8 + rng() % 18; w < nw; ++w) {
        sentence += rng() % 9 == 0 ? ", " : " ";
        sentence += rng() % 40 == 0 ? std::to_string(rng() % 5000) : Word(rng);
      }
      sentence += quote ? ",\u201d " + Word(rng) + " said. " : ". ";
      para += sentence;
    }
    out.push_back(para);
  }
  return out;
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += p + "\n\n";
  return body;
}

// Planted relation of a generated article to an earlier one.
enum class Plant { kNone, kCopy, kLight, kHeavy };

struct Generated {
  std::vector<Article> articles;
  std::vector<Plant> plant;
  std::vector<int64_t> source;  // the planted article's source, or -1
};

// Replaces `fraction` of the words of a body (a word = a run of letters).
std::string EditWords(std::mt19937& rng, const std::string& body, double fraction) {
  std::string out;
  std::uniform_real_distribution<double> u(0, 1);
  for (size_t i = 0; i < body.size();) {
    if (std::isalpha(static_cast<unsigned char>(body[i]))) {
      size_t j = i;
      while (j < body.size() && std::isalpha(static_cast<unsigned char>(body[j]))) ++j;
      out += u(rng) < fraction ? Word(rng) : body.substr(i, j - i);
      i = j;
    } else {
      out += body[i++];
    }
  }
  return out;
}

Generated Generate(size_t n) {
  std::mt19937 rng(2024);
  Generated g;
  for (size_t i = 0; i < n; ++i) {
    Article a;
    a.id = "g" + std::to_string(i);
    const uint32_t kind = i == 0 ? 0 : rng() % 10;
    Plant plant = kind < 7 ? Plant::kNone : static_cast<Plant>(kind - 6);
    int64_t source = -1;
    if (plant == Plant::kNone) {
      a.body = JoinParagraphs(Paragraphs(rng));
    } else {  // any earlier article, itself perhaps a copy or an edit
      source = static_cast<int64_t>(rng() % i);
      a.body = g.articles[source].body;
    }
    if (plant == Plant::kCopy) {
      for (char& c : a.body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (plant == Plant::kLight) {  // ~1% words changed, a line added
      a.body = EditWords(rng, a.body, 0.01) + "Update: " + Word(rng) + " " + Word(rng) + ".\n";
    } else if (plant == Plant::kHeavy) {  // 10% of words changed: J ~ 0.5
      a.body = EditWords(rng, a.body, 0.10);
    }
    g.articles.push_back(std::move(a));
    g.plant.push_back(plant);
    g.source.push_back(source);
  }
  return g;
}

size_t TotalBytes(const std::vector<Article>& articles) {
  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.body.size();
  return bytes;
}

// Times each stage of the fast path separately, then the whole path.
std::vector<Fingerprint> TimeStages(const std::vector<Article>& articles,
                                    const FingerprintOptions& options) {
  const double mb = static_cast<double>(TotalBytes(articles)) / 1e6;
  std::vector<std::string> cleaned, normalized;
  std::vector<std::vector<Token>> tokens;
  auto t = Clock::now();
  for (const auto& a : articles) cleaned.push_back(CleanBody(a.body, options.clean, a.source).text.text);
  const double clean_s = Seconds(t);
  t = Clock::now();
  for (const auto& c : cleaned) normalized.push_back(Normalize(c, {}).text);
  const double norm_s = Seconds(t);
  t = Clock::now();
  for (const auto& n : normalized) tokens.push_back(Tokenize(n));
  const double tok_s = Seconds(t);
  t = Clock::now();
  for (size_t i = 0; i < normalized.size(); ++i) {
    ComputeFingerprint(normalized[i], tokens[i], options);
  }
  const double fp_s = Seconds(t);
  std::vector<Fingerprint> fps;
  t = Clock::now();
  for (const auto& a : articles) fps.push_back(FingerprintArticle(a, options));
  const double all_s = Seconds(t);
  std::printf("  %zu articles, %.1f MB of bodies, one thread (MB/s of body bytes)\n",
              articles.size(), mb);
  std::printf("  CleanBody %.1f  Normalize %.1f  Tokenize %.1f  ComputeFingerprint %.1f\n",
              mb / clean_s, mb / norm_s, mb / tok_s, mb / fp_s);
  std::printf("  time shares: clean %.0f%%  normalize %.0f%%  tokenize %.0f%%  fingerprint %.0f%%\n",
              100 * clean_s / (clean_s + norm_s + tok_s + fp_s),
              100 * norm_s / (clean_s + norm_s + tok_s + fp_s),
              100 * tok_s / (clean_s + norm_s + tok_s + fp_s),
              100 * fp_s / (clean_s + norm_s + tok_s + fp_s));
  std::printf("  FingerprintArticle (whole fast path): %.1f MB/s, %.0f articles/s\n",
              mb / all_s, articles.size() / all_s);
  return fps;
}

std::vector<DedupDecision> RunIndex(const std::vector<Fingerprint>& fps,
                                    const DedupOptions& options, const char* name) {
  auto index = std::move(DedupIndex::Create(options)).value();
  std::vector<DedupDecision> decisions;
  decisions.reserve(fps.size());
  std::vector<std::string> ids;
  for (size_t i = 0; i < fps.size(); ++i) ids.push_back(std::to_string(i));
  const auto t = Clock::now();
  for (size_t i = 0; i < fps.size(); ++i) decisions.push_back(index->Add(ids[i], fps[i]));
  const double s = Seconds(t);
  size_t identical = 0, near = 0;
  for (const auto& d : decisions) {
    identical += d.relation == DedupRelation::kIdentical;
    near += d.relation == DedupRelation::kNearDuplicate;
  }
  std::printf("  %s: Add %.0f articles/s (%.2f us each), MemoryBytes %.0f B/article; "
              "identical %zu, near %zu, origin %zu\n",
              name, fps.size() / s, 1e6 * s / fps.size(),
              static_cast<double>(index->MemoryBytes()) / fps.size(), identical, near,
              fps.size() - identical - near);
  return decisions;
}

// Recall per planted kind (found = not origin and in the source's
// cluster) and precision over all duplicate decisions.
void Score(const Generated& g, const std::vector<DedupDecision>& d) {
  size_t planted[4] = {}, found[4] = {}, claimed = 0, right = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    const int k = static_cast<int>(g.plant[i]);
    const bool dup = d[i].relation != DedupRelation::kOrigin;
    const bool hit = dup && g.source[i] >= 0 && d[i].cluster == d[g.source[i]].cluster;
    ++planted[k];
    found[k] += hit;
    claimed += dup;
    right += hit;
  }
  std::printf("    recall: copies %zu/%zu, light edits %zu/%zu, heavy edits (J~0.5, "
              "below threshold) %zu/%zu; precision %zu/%zu\n",
              found[1], planted[1], found[2], planted[2], found[3], planted[3], right,
              claimed);
}

void Synthetic(size_t n) {
  std::printf("(a) generated corpus with planted copies and edits\n");
  const Generated g = Generate(n);
  const FingerprintOptions options;
  const std::vector<Fingerprint> fps = TimeStages(g.articles, options);
  DedupOptions minhash;
  Score(g, RunIndex(fps, minhash, "minhash"));
  DedupOptions simhash;
  simhash.method = DedupMethod::kSimHash;
  Score(g, RunIndex(fps, simhash, "simhash d=3"));
}

void Real(size_t max_articles, std::string path) {
  if (max_articles == 0) return;
  if (path.empty()) {
    path = std::string(TWICETOLD_SOURCE_DIR) + "/../shared/data/corpora/allsides.jsonl.xz";
  }
  if (!std::filesystem::exists(path)) {
    std::printf("(b) %s not found: skipped\n", path.c_str());
    return;
  }
  std::vector<Article> articles;
  ReadOptions read;
  read.keep_original = false;
  auto summary = ReadInputs(
      {path}, read,
      [&](Article&& a) {
        if (articles.size() < max_articles) articles.push_back(std::move(a));
      },
      [](Rejected&&) {});
  if (!summary.ok()) {
    std::printf("(b) read failed: %s\n", summary.status().ToString().c_str());
    return;
  }
  std::printf("(b) %s: %zu articles used of %llu read\n", path.c_str(), articles.size(),
              static_cast<unsigned long long>(summary->read));
  const std::vector<Fingerprint> fps = TimeStages(articles, FingerprintOptions{});
  RunIndex(fps, DedupOptions{}, "minhash");
  DedupOptions simhash;
  simhash.method = DedupMethod::kSimHash;
  RunIndex(fps, simhash, "simhash d=3");
}

}  // namespace
}  // namespace twicetold

int main(int argc, char** argv) {
  const size_t generated = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
  const size_t max_real = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : SIZE_MAX;
  std::printf("command:");
  for (int i = 0; i < argc; ++i) std::printf(" %s", argv[i]);
  std::printf("\n");
  twicetold::Synthetic(generated);
  twicetold::Real(max_real, argc > 3 ? argv[3] : "");
  return 0;
}
