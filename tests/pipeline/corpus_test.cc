// RunDedup as a caller sees it: same output for any thread count, input
// order, every record accounted for, per-source furniture removed, standard
// input read twice, progress reported per phase.
#include "twicetold/corpus.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "io/io_test_util.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;

std::string RandomText(std::mt19937& rng, int words) {
  static const std::vector<std::string> kWords = {
      "council", "vote", "budget", "river", "bridge", "mayor", "school",
      "storm", "police", "market", "court", "judge", "rain", "plan", "city",
      "state", "tax", "road", "fire", "water", "report", "union", "strike"};
  std::string text;
  for (int i = 0; i < words; ++i) {
    text += kWords[rng() % kWords.size()] + std::to_string(rng() % 50);
    text += (i % 12 == 11) ? ".\n\n" : " ";
  }
  return text;
}

std::string Line(const std::string& id, const std::string& source,
                 const std::string& text) {
  nlohmann::json j = {{"id", id}, {"source", source}, {"text", text}};
  return j.dump() + "\n";
}

struct Fixture {
  fs::path dir;
  fs::path file;
  uint64_t records = 0;
  uint64_t bad = 0;
  std::string furniture = "Example Daily is read by curious people";
};

// 60 articles from three sources with duplicates, furniture in every
// "Daily" article, once in a "Weekly" one, and three bad records.
Fixture WriteFixture() {
  Fixture f;
  f.dir = fs::temp_directory_path() /
          ("twicetold_corpus_test_" + std::to_string(::getpid()));
  fs::create_directories(f.dir);
  f.file = f.dir / "corpus.jsonl";
  std::ofstream out(f.file, std::ios::binary);
  std::mt19937 rng(11);
  std::vector<std::string> texts;
  for (int i = 0; i < 60; ++i) {
    std::string text;
    if (i % 7 == 3 && !texts.empty()) {
      text = texts[rng() % texts.size()];  // an exact copy
    } else if (i % 7 == 5 && !texts.empty()) {
      text = texts[rng() % texts.size()] + "\n\nOne more line at the end.";
    } else {
      text = RandomText(rng, 150);
    }
    texts.push_back(text);
    std::string source = i % 3 == 0 ? "Daily" : (i % 3 == 1 ? "Weekly" : "Times");
    if (source == "Daily") text += "\n\n" + f.furniture;
    if (i == 10) text = f.furniture + "\n\n" + text;  // Weekly: once
    out << Line("a" + std::to_string(i), source, text);
    ++f.records;
    if (i % 20 == 7) {
      out << (i == 7 ? "{not json\n" : "{\"id\": \"no-text\"}\n");
      ++f.records;
      ++f.bad;
    }
  }
  out << "{\"id\": \"bad-utf8\", \"text\": \"\xC3(\"}\n";
  ++f.records;
  ++f.bad;
  return f;
}

struct DedupRun {
  std::vector<std::string> events;  // "id cluster dup relation" / "rejected N"
  CorpusSummary summary;
};

DedupRun RunOnce(const std::vector<std::string>& paths, uint32_t threads,
            CorpusOptions corpus = {}) {
  corpus.threads = threads;
  corpus.in_flight = 3;  // small: items overtake each other in the middle
  DedupRun run;
  Result<CorpusSummary> summary = RunDedup(
      paths, corpus, DedupOptions{},
      [&](const Article& a, const DedupDecision& d) {
        run.events.push_back(
            a.id + " " + d.cluster + " " + d.duplicate_of.value_or("-") + " " +
            std::string(DedupRelationName(d.relation)));
      },
      [&](Rejected&& r) {
        run.events.push_back("rejected " + std::to_string(r.location.line));
      });
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  if (summary.ok()) run.summary = *summary;
  return run;
}

TEST(CorpusTest, SameOutputForOneAndTwoThreadsInInputOrder) {
  const Fixture f = WriteFixture();
  const DedupRun one = RunOnce({f.file.string()}, 1);
  const DedupRun two = RunOnce({f.file.string()}, 2);
  EXPECT_EQ(one.events, two.events);
  ASSERT_EQ(one.events.size(), f.records);
  // Input order: the i-th accepted article is a<i>, rejections in place.
  int next = 0;
  for (const std::string& e : one.events) {
    if (e.rfind("rejected", 0) == 0) continue;
    EXPECT_EQ(e.substr(0, e.find(' ')), "a" + std::to_string(next++));
  }
  EXPECT_EQ(one.events[8], "rejected 9");  // the line after a7
  EXPECT_EQ(one.summary.read.read, f.records);
  EXPECT_EQ(one.summary.read.rejected, f.bad);
  EXPECT_EQ(one.summary.read.accepted + one.summary.read.rejected,
            one.summary.read.read);
  EXPECT_EQ(one.summary.input_bytes, fs::file_size(f.file));
  EXPECT_GT(one.summary.index_bytes, 0u);
  fs::remove_all(f.dir);
}

TEST(CorpusTest, CopiesAreDuplicatesAndFurnitureDoesNotHideThem) {
  const Fixture f = WriteFixture();
  const DedupRun run = RunOnce({f.file.string()}, 2);
  std::map<std::string, std::string> by_id;
  for (const std::string& e : run.events) by_id[e.substr(0, e.find(' '))] = e;
  // i % 7 == 3 copies an earlier text, i % 7 == 5 copies one and adds a line.
  for (int i = 3; i < 60; ++i) {
    if (i % 7 != 3 && i % 7 != 5) continue;
    const std::string& e = by_id["a" + std::to_string(i)];
    EXPECT_EQ(e.find(" origin"), std::string::npos) << e;
  }
  // a24 (Daily, furniture appended) copies a20 (Times): identical once the
  // furniture is gone, only a near duplicate when it stays.
  EXPECT_EQ(by_id["a24"], "a24 a20 a20 identical");
  CorpusOptions off;
  off.corpus_boilerplate = false;
  const DedupRun without = RunOnce({f.file.string()}, 2, off);
  for (const std::string& e : without.events) {
    if (e.rfind("a24 ", 0) == 0) EXPECT_EQ(e, "a24 a20 a20 near_duplicate");
  }
  fs::remove_all(f.dir);
}

TEST(CorpusTest, FurnitureOfOneSourceIsRemovedAndCounted) {
  const Fixture f = WriteFixture();
  const DedupRun with = RunOnce({f.file.string()}, 2);
  EXPECT_EQ(with.summary.furniture_lines, 1u);
  EXPECT_EQ(with.summary.lines_removed, 20u);  // every Daily article, not Weekly
  CorpusOptions off;
  off.corpus_boilerplate = false;
  const DedupRun without = RunOnce({f.file.string()}, 2, off);
  EXPECT_EQ(without.summary.furniture_lines, 0u);
  EXPECT_EQ(without.summary.lines_removed, 0u);
  fs::remove_all(f.dir);
}

TEST(CorpusTest, ProgressReportsEachPhaseOnceDone) {
  const Fixture f = WriteFixture();
  CorpusOptions corpus;
  corpus.progress_interval_seconds = 0;
  std::vector<Progress> done;
  uint64_t calls = 0;
  corpus.progress = [&](const Progress& p) {
    ++calls;
    if (p.done) {
      done.push_back(p);
      done.back().phase = p.phase == "counting lines" ? "counting lines" : "main";
    }
  };
  RunOnce({f.file.string()}, 2, corpus);
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].phase, "counting lines");
  for (const Progress& p : done) {
    EXPECT_EQ(p.records, f.records);
    EXPECT_EQ(p.rejected, f.bad);
    EXPECT_EQ(p.bytes, fs::file_size(f.file));
    EXPECT_EQ(p.total_bytes, fs::file_size(f.file));
  }
  EXPECT_GE(calls, 2u);
  fs::remove_all(f.dir);
}

TEST(CorpusTest, StandardInputIsReadTwiceFromMemory) {
  const Fixture f = WriteFixture();
  const DedupRun from_file = RunOnce({f.file.string()}, 2);
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(f.file.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_GE(::dup2(fd, STDIN_FILENO), 0);
  const DedupRun from_stdin = RunOnce({"-"}, 2);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ::close(fd);
  EXPECT_EQ(from_stdin.events, from_file.events);
  EXPECT_EQ(from_stdin.summary.lines_removed, from_file.summary.lines_removed);
  fs::remove_all(f.dir);
}

// A compressed input is decoded once: the counting pass keeps it in memory
// (within CorpusOptions::hold_decompressed_bytes) for the main pass, with
// the same results as decoding it twice.
TEST(CorpusTest, CompressedInputIsDecodedOnceWithinBudget) {
  const Fixture f = WriteFixture();
  std::ifstream in(f.file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  const fs::path gz = f.dir / "corpus.jsonl.gz";
  testing::WriteFile(gz.string(), testing::Gzip(bytes));
  const DedupRun plain = RunOnce({f.file.string()}, 2);
  const DedupRun held = RunOnce({gz.string()}, 2);
  CorpusOptions twice;
  twice.hold_decompressed_bytes = 0;
  const DedupRun decoded_twice = RunOnce({gz.string()}, 2, twice);
  EXPECT_EQ(held.events, plain.events);
  EXPECT_EQ(decoded_twice.events, plain.events);
  EXPECT_EQ(held.summary.lines_removed, plain.summary.lines_removed);
  EXPECT_EQ(held.summary.input_bytes, fs::file_size(gz));
  EXPECT_GE(held.summary.held_decompressed_bytes, bytes.size());
  EXPECT_EQ(decoded_twice.summary.held_decompressed_bytes, 0u);
  EXPECT_EQ(plain.summary.held_decompressed_bytes, 0u);
  fs::remove_all(f.dir);
}

std::vector<std::string> StoryEvents(const fs::path& file, uint32_t threads,
                                     std::vector<Story>* stories,
                                     CorpusSummary* summary) {
  CorpusOptions corpus;
  corpus.threads = threads;
  corpus.in_flight = 3;
  std::vector<std::string> events;
  Result<CorpusSummary> result = RunStories(
      {file.string()}, corpus, StoryOptions{},
      [&](const Article& a, const StoryAssignment& s) {
        events.push_back(a.id + " " + s.id + " " +
                         std::to_string(s.story));
      },
      [&](Rejected&& r) {
        events.push_back("rejected " + std::to_string(r.location.line));
      },
      stories);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (result.ok()) *summary = *result;
  return events;
}

TEST(CorpusTest, StoriesAreTheSameForOneAndTwoThreads) {
  const Fixture f = WriteFixture();
  std::vector<Story> one_stories, two_stories;
  CorpusSummary one_summary, two_summary;
  const auto one = StoryEvents(f.file, 1, &one_stories, &one_summary);
  const auto two = StoryEvents(f.file, 2, &two_stories, &two_summary);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one.size(), f.records);
  ASSERT_EQ(one_stories.size(), two_stories.size());
  ASSERT_FALSE(one_stories.empty());
  uint64_t members = 0;
  for (size_t i = 0; i < one_stories.size(); ++i) {
    EXPECT_EQ(one_stories[i].members, two_stories[i].members);
    members += one_stories[i].members.size();
  }
  EXPECT_EQ(members, one_summary.read.accepted);
  EXPECT_EQ(one_summary.lines_removed, 20u);
  EXPECT_GT(one_summary.peak_index_bytes, 0u);
  fs::remove_all(f.dir);
}

TEST(CorpusTest, InvalidOptionsAreErrors) {
  CorpusOptions corpus;
  corpus.boilerplate.min_fraction = 2;
  auto r = RunDedup({"x"}, corpus, DedupOptions{},
                    [](const Article&, const DedupDecision&) {},
                    [](Rejected&&) {});
  EXPECT_FALSE(r.ok());
  DedupOptions dedup;
  dedup.near_duplicate_jaccard = 1.5;
  r = RunDedup({"x"}, CorpusOptions{}, dedup,
               [](const Article&, const DedupDecision&) {}, [](Rejected&&) {});
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace twicetold
