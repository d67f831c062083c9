// Evaluates twicetold::SentenceSimilarity (the measure the sentence aligner
// uses) on ../shared/data/pairs:
//   MSRP train: F1 and accuracy of "paraphrase iff similarity >= t", with t
//     chosen on one half (even / odd lines) and reported on the other half,
//     both ways (2-fold), plus the mean;
//   STS news: Pearson r against the gold 0-5 scores, per subset.
// Usage: sentence_similarity_eval DATA_DIR   (DATA_DIR = ../shared/data)
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "twicetold/compare.h"

namespace {

struct Scored {
  double similarity;
  double label;
  std::string id;
};

std::vector<Scored> Score(const std::string& path) {
  std::vector<Scored> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    out.push_back({twicetold::SentenceSimilarity(j["a"].get<std::string>(),
                                                 j["b"].get<std::string>()),
                   j["label"].get<double>(), j["id"].get<std::string>()});
  }
  return out;
}

struct F1Result { double f1 = 0, accuracy = 0; };

F1Result Evaluate(const std::vector<Scored>& rows, int fold, double t) {
  double tp = 0, fp = 0, fn = 0, correct = 0, n = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<int>(i % 2) != fold) continue;
    bool predicted = rows[i].similarity >= t;
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

double BestThreshold(const std::vector<Scored>& rows, int fold) {
  double best_t = 0.5, best_f1 = -1;
  for (int k = 0; k <= 100; ++k) {
    double t = k / 100.0;
    double f1 = Evaluate(rows, fold, t).f1;
    if (f1 > best_f1) { best_f1 = f1; best_t = t; }
  }
  return best_t;
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sentence_similarity_eval DATA_DIR\n";
    return 2;
  }
  const std::string data = argv[1];
  std::cout << "command: " << argv[0] << " " << data << "\n";
  std::cout << "model: " << twicetold::CompareModelVersion() << "\n";

  std::vector<Scored> msrp = Score(data + "/pairs/msrp-train.jsonl");
  double f1_sum = 0;
  for (int fold = 0; fold < 2; ++fold) {
    double t = BestThreshold(msrp, 1 - fold);
    F1Result r = Evaluate(msrp, fold, t);
    f1_sum += r.f1;
    std::cout << "MSRP train, " << (fold ? "odd" : "even")
              << " lines (threshold " << t << " chosen on the other half): F1 "
              << r.f1 << ", accuracy " << r.accuracy << "\n";
  }
  std::cout << "MSRP train 2-fold mean F1: " << f1_sum / 2 << " (n=" << msrp.size() << ")\n";

  std::vector<Scored> sts = Score(data + "/pairs/sts-news.jsonl");
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> subsets;
  for (const Scored& s : sts) {
    auto& [x, y] = subsets[s.id.substr(0, s.id.find(':'))];
    x.push_back(s.similarity);
    y.push_back(s.label);
  }
  for (const auto& [name, xy] : subsets) {
    std::cout << "STS " << name << ": Pearson r " << Pearson(xy.first, xy.second)
              << " (n=" << xy.first.size() << ")\n";
  }
  return 0;
}
