// Fits and evaluates twicetold::SentenceSimilarity (a logistic regression
// over word-overlap features, src/compare/similarity.h) on
// ../shared/data/pairs:
//   1. fits the weights on the even lines of MSRP train and checks them on
//      the odd lines, and the other way round (Newton's method, L2 1.0),
//      printing the even-line weights as the C++ constants to paste into
//      src/compare/similarity.cc;
//   2. the shipped SentenceSimilarity (the mean of that model and the stem
//      cosine) and, as the baseline, the IDF stem cosine alone: MSRP F1 and accuracy of "paraphrase iff similarity >=
//      t", with t chosen on one half and reported on the other (2-fold);
//   3. STS news: Pearson r against the gold 0-5 scores, per subset.
// Usage: sentence_similarity_eval DATA_DIR   (DATA_DIR = ../shared/data)
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/similarity.h"
#include "twicetold/compare.h"

namespace {

using twicetold::compare_internal::kSentenceFeatures;
using twicetold::compare_internal::SentenceFeatures;
constexpr int kDims = kSentenceFeatures + 1;  // bias first
using Weights = std::array<double, kDims>;

struct Row {
  SentenceFeatures features;
  double shipped;  // SentenceSimilarity
  double label;
  std::string id;
};

std::vector<Row> Load(const std::string& path) {
  std::vector<Row> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string a = j["a"].get<std::string>(), b = j["b"].get<std::string>();
    out.push_back({twicetold::compare_internal::PairFeatures(a, b),
                   twicetold::SentenceSimilarity(a, b), j["label"].get<double>(),
                   j["id"].get<std::string>()});
  }
  return out;
}

double Dot(const Weights& w, const SentenceFeatures& f) {
  double z = w[0];
  for (int k = 0; k < kSentenceFeatures; ++k) z += w[k + 1] * f[k];
  return z;
}

// Solves m x = v in place (Gaussian elimination, partial pivoting).
Weights Solve(std::array<Weights, kDims> m, Weights v) {
  for (int c = 0; c < kDims; ++c) {
    int p = c;
    for (int r = c + 1; r < kDims; ++r) {
      if (std::abs(m[r][c]) > std::abs(m[p][c])) p = r;
    }
    std::swap(m[c], m[p]);
    std::swap(v[c], v[p]);
    for (int r = c + 1; r < kDims; ++r) {
      double f = m[r][c] / m[c][c];
      for (int k = c; k < kDims; ++k) m[r][k] -= f * m[c][k];
      v[r] -= f * v[c];
    }
  }
  Weights x{};
  for (int c = kDims - 1; c >= 0; --c) {
    double s = v[c];
    for (int k = c + 1; k < kDims; ++k) s -= m[c][k] * x[k];
    x[c] = s / m[c][c];
  }
  return x;
}

// L2-regularised logistic regression on the rows of one fold (i % 2).
Weights Fit(const std::vector<Row>& rows, int fold) {
  constexpr double kL2 = 1.0;
  Weights w{};
  for (int iter = 0; iter < 30; ++iter) {
    std::array<Weights, kDims> h{};
    Weights g{};
    for (size_t i = 0; i < rows.size(); ++i) {
      if (static_cast<int>(i % 2) != fold) continue;
      std::array<double, kDims> x;
      x[0] = 1;
      for (int k = 0; k < kSentenceFeatures; ++k) x[k + 1] = rows[i].features[k];
      double p = 1 / (1 + std::exp(-Dot(w, rows[i].features)));
      double y = rows[i].label > 0.5;
      for (int r = 0; r < kDims; ++r) {
        g[r] += (p - y) * x[r];
        for (int c = 0; c < kDims; ++c) h[r][c] += p * (1 - p) * x[r] * x[c];
      }
    }
    for (int r = 1; r < kDims; ++r) {
      g[r] += kL2 * w[r];
      h[r][r] += kL2;
    }
    Weights d = Solve(h, g);
    for (int r = 0; r < kDims; ++r) w[r] -= d[r];
  }
  return w;
}

struct F1Result { double f1 = 0, accuracy = 0; };

F1Result Evaluate(const std::vector<double>& score, const std::vector<Row>& rows,
                  int fold, double t) {
  double tp = 0, fp = 0, fn = 0, correct = 0, n = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<int>(i % 2) != fold) continue;
    bool predicted = score[i] >= t;
    bool gold = rows[i].label > 0.5;
    tp += predicted && gold;
    fp += predicted && !gold;
    fn += !predicted && gold;
    correct += predicted == gold;
    ++n;
  }
  double f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
  return {f1, n ? correct / n : 0};
}

double BestThreshold(const std::vector<double>& score, const std::vector<Row>& rows,
                     int fold) {
  double best_t = 0.5, best_f1 = -1;
  for (int k = 0; k <= 100; ++k) {
    double t = k / 100.0;
    double f1 = Evaluate(score, rows, fold, t).f1;
    if (f1 > best_f1) { best_f1 = f1; best_t = t; }
  }
  return best_t;
}

// 2-fold MSRP figures of `score`: threshold chosen on one half, F1 and
// accuracy on the other.
void Report(const char* name, const std::vector<double>& score,
            const std::vector<Row>& rows) {
  double f1_sum = 0, acc_sum = 0;
  for (int fold = 0; fold < 2; ++fold) {
    double t = BestThreshold(score, rows, 1 - fold);
    F1Result r = Evaluate(score, rows, fold, t);
    f1_sum += r.f1;
    acc_sum += r.accuracy;
    std::printf("  %s, MSRP %s lines (t = %.2f from the other half): F1 %.3f, accuracy %.3f\n",
                name, fold ? "odd" : "even", t, r.f1, r.accuracy);
  }
  std::printf("  %s, MSRP 2-fold mean: F1 %.3f, accuracy %.3f\n", name, f1_sum / 2,
              acc_sum / 2);
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  double n = static_cast<double>(x.size()), mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

void PrintWeights(const Weights& w) {
  std::printf("constexpr double kBias = %.4f;\nconstexpr SentenceFeatures kWeights = {", w[0]);
  for (int k = 1; k < kDims; ++k) std::printf("%s%.4f", k > 1 ? ", " : "", w[k]);
  std::printf("};\n");
}

void FitAndCheck(const std::vector<Row>& msrp) {
  double mean_f1 = 0, mean_acc = 0;
  for (int fold = 0; fold < 2; ++fold) {
    Weights w = Fit(msrp, fold);
    std::vector<double> p;
    for (const Row& r : msrp) p.push_back(1 / (1 + std::exp(-Dot(w, r.features))));
    double t = BestThreshold(p, msrp, fold);
    F1Result fit = Evaluate(p, msrp, fold, t), held = Evaluate(p, msrp, 1 - fold, t);
    mean_f1 += held.f1 / 2;
    mean_acc += held.accuracy / 2;
    std::printf("fitted on %s lines: F1 %.3f / accuracy %.3f there; on the %s lines "
                "(held out, t = %.2f) F1 %.3f / accuracy %.3f\n",
                fold ? "odd" : "even", fit.f1, fit.accuracy, fold ? "even" : "odd", t,
                held.f1, held.accuracy);
    if (fold == 0) PrintWeights(w);
  }
  std::printf("held-out 2-fold mean: F1 %.3f, accuracy %.3f\n", mean_f1, mean_acc);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sentence_similarity_eval DATA_DIR\n";
    return 2;
  }
  const std::string data = argv[1];
  std::printf("command: %s %s\nmodel: %s\n", argv[0], data.c_str(),
              std::string(twicetold::CompareModelVersion()).c_str());

  std::vector<Row> msrp = Load(data + "/pairs/msrp-train.jsonl");
  FitAndCheck(msrp);
  std::vector<double> shipped, cosine;
  for (const Row& r : msrp) {
    shipped.push_back(r.shipped);
    cosine.push_back(r.features[twicetold::compare_internal::kCosine]);
  }
  std::printf("MSRP train (n=%zu), threshold chosen on one half, reported on the other:\n",
              msrp.size());
  Report("SentenceSimilarity", shipped, msrp);
  Report("cosine alone (baseline)", cosine, msrp);

  std::vector<Row> sts = Load(data + "/pairs/sts-news.jsonl");
  std::map<std::string, std::array<std::vector<double>, 3>> subsets;
  for (const Row& r : sts) {
    auto& v = subsets[r.id.substr(0, r.id.find(':'))];
    v[0].push_back(r.shipped);
    v[1].push_back(r.features[twicetold::compare_internal::kCosine]);
    v[2].push_back(r.label);
  }
  double sum = 0, sum_cos = 0;
  for (const auto& [name, v] : subsets) {
    double r = Pearson(v[0], v[2]), rc = Pearson(v[1], v[2]);
    sum += r;
    sum_cos += rc;
    std::printf("STS %s: Pearson r %.3f (cosine alone %.3f, n=%zu)\n", name.c_str(), r,
                rc, v[0].size());
  }
  std::printf("STS mean over %zu subsets: Pearson r %.3f (cosine alone %.3f)\n",
              subsets.size(), sum / subsets.size(), sum_cos / subsets.size());
  return 0;
}
