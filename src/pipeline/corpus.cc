// RunDedup and RunStories: an optional counting pass for corpus furniture,
// then one in-order parallel pass (ordered_pipeline.h). The reader is
// push-based (ReadInputs calls back), the pipeline pulls: a reader thread
// feeds a bounded queue that the pipeline's serial input stage drains.
#include "twicetold/corpus.h"

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/parallel_for.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "fingerprint/fingerprint_internal.h"
#include "pipeline/ordered_pipeline.h"
#include "pipeline/story_stream.h"
#include "story/reorder_buffer.h"
#include "story/story_features.h"

namespace twicetold {
namespace {

// Placed articles whose relations are computed together, in parallel.
constexpr size_t kRelateBatch = 256;

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Progress of one phase, reported from the reading thread.
class PhaseProgress {
 public:
  PhaseProgress(const CorpusOptions& options, std::string_view phase,
                uint64_t total_bytes)
      : callback_(options.progress),
        interval_(options.progress_interval_seconds),
        start_(Clock::now()) {
    progress_.phase = phase;
    progress_.total_bytes = total_bytes;
  }

  void AddBytes(uint64_t n) { progress_.bytes += n; }
  uint64_t bytes() const { return progress_.bytes; }

  void Count(bool accepted) {
    ++progress_.records;
    ++(accepted ? progress_.accepted : progress_.rejected);
    // The clock is read every 64 records only: cheap enough per record.
    if (!callback_ || (progress_.records & 63) != 0) return;
    const double now = SecondsSince(start_);
    if (now - last_report_ < interval_) return;
    last_report_ = now;
    Report(false);
  }

  void Done() {
    if (callback_) Report(true);
  }

 private:
  void Report(bool done) {
    progress_.seconds = SecondsSince(start_);
    progress_.done = done;
    callback_(progress_);
  }

  const ProgressCallback& callback_;
  const double interval_;
  const Clock::time_point start_;
  double last_report_ = 0;
  Progress progress_;
};

// One record of the input, in input order.
struct Record {
  enum class Kind { kEnd, kArticle, kRejected };
  Kind kind = Kind::kEnd;
  Article article;
  Rejected rejected;
};

// Runs ReadInputs on its own thread into a queue of at most `capacity`
// records; Next() pops them in order. Records travel in batches, so the
// threads wake each other once per batch rather than once per record.
class ThreadedReader {
 public:
  ThreadedReader(const std::vector<std::string>& paths, ReadOptions read,
                 size_t capacity, PhaseProgress* progress)
      : read_(std::move(read)) {
    queue_.set_capacity(
        static_cast<std::ptrdiff_t>(std::max<size_t>(2, capacity / kBatch)));
    read_.on_bytes = [progress](uint64_t n) { progress->AddBytes(n); };
    thread_ = std::thread([this, &paths, progress] {
      result_ = ReadInputs(
          paths, read_,
          [&](Article&& article) {
            progress->Count(true);
            Push({Record::Kind::kArticle, std::move(article), {}});
          },
          [&](Rejected&& rejected) {
            progress->Count(false);
            Push({Record::Kind::kRejected, {}, std::move(rejected)});
          });
      progress->Done();
      Push(Record{});
      Flush();
    });
  }
  ~ThreadedReader() {
    if (thread_.joinable()) {
      queue_.abort();  // only if the consumer stopped early
      thread_.join();
    }
  }

  std::optional<Record> Next() {
    if (next_ == batch_.size()) {
      batch_.clear();
      next_ = 0;
      queue_.pop(batch_);
    }
    Record record = std::move(batch_[next_++]);
    if (record.kind == Record::Kind::kEnd) return std::nullopt;
    return record;
  }

  Result<ReadSummary> Join() {
    thread_.join();
    return result_;
  }

 private:
  // 64, not 16: a quarter of the thread wake-ups (2,400 context switches
  // on 20,000 articles became 630); the queue still holds at least two.
  static constexpr size_t kBatch = 64;

  void Push(Record&& record) {
    filling_.push_back(std::move(record));
    if (filling_.size() == kBatch) Flush();
  }

  void Flush() {
    if (aborted_ || filling_.empty()) return;
    try {
      queue_.push(std::move(filling_));
    } catch (const oneapi::tbb::user_abort&) {
      aborted_ = true;
    }
    filling_.clear();
  }

  ReadOptions read_;
  oneapi::tbb::concurrent_bounded_queue<std::vector<Record>> queue_;
  std::vector<Record> filling_;  // reader thread only
  std::vector<Record> batch_;    // consumer only
  size_t next_ = 0;
  Result<ReadSummary> result_ = ReadSummary{};
  bool aborted_ = false;
  std::thread thread_;
};

Result<std::string> SlurpStdin() {
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    ssize_t got = ::read(STDIN_FILENO, buf, sizeof(buf));
    if (got == 0) return bytes;
    if (got > 0) {
      bytes.append(buf, static_cast<size_t>(got));
    } else if (errno != EINTR) {
      return IOError(std::string("cannot read standard input: ") +
                     std::strerror(errno));
    }
  }
}

// Size of the inputs as stored; 0 when one of them is of unknown size.
uint64_t TotalBytes(const std::vector<std::string>& paths,
                    const std::string* stdin_bytes) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") {
      if (stdin_bytes == nullptr) return 0;
      total += stdin_bytes->size();
    } else if (fs::is_directory(path, ec)) {
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else if (fs::is_regular_file(path, ec)) {
      total += fs::file_size(path, ec);
    }
  }
  return total;
}

template <typename Payload>
struct Processed {
  Record record;
  Payload payload{};
};

// Everything RunDedup and RunStories share. `prepare(const Article&,
// const CleanOptions-free corpus)` runs in parallel and returns a Payload;
// `consume(const Article&, Payload&&)` runs in input order.
class CorpusRun {
 public:
  CorpusRun(const std::vector<std::string>& paths, const CorpusOptions& options)
      : paths_(paths), options_(options), corpus_(options.boilerplate),
        start_(Clock::now()) {}

  // Buffers standard input when it must be read twice, then counts.
  Status CountingPass() {
    if (!options_.corpus_boilerplate) return Status::Ok();
    for (const std::string& path : paths_) {
      if (path != "-" || stdin_) continue;
      Result<std::string> bytes = SlurpStdin();
      if (!bytes.ok()) return bytes.status();
      stdin_ = std::make_unique<std::string>(std::move(bytes).value());
    }
    ReadOptions read = options_.read;
    read.keep_original = false;
    read.stdin_bytes = stdin_.get();
    held_.budget_bytes = options_.hold_decompressed_bytes;
    if (held_.budget_bytes > 0) read.decompressed_cache = &held_;
    PhaseProgress progress(options_, "counting lines", Total());
    read.on_bytes = [&](uint64_t n) { progress.AddBytes(n); };
    Result<ReadSummary> counted = ReadInputs(
        paths_, read,
        [&](Article&& article) {
          progress.Count(true);
          ++counted_articles_;
          corpus_.Observe(article);
        },
        [&](Rejected&&) { progress.Count(false); });
    progress.Done();
    if (!counted.ok()) return counted.status();
    corpus_.Freeze();
    summary_.furniture_lines = corpus_.furniture_lines();
    return Status::Ok();
  }

  // Articles the counting pass read (0 without one).
  uint64_t counted_articles() const { return counted_articles_; }

  const CorpusBoilerplate* corpus() const {
    return options_.corpus_boilerplate ? &corpus_ : nullptr;
  }

  template <typename Payload, typename Prepare, typename Consume>
  Status MainPass(std::string_view phase, const Prepare& prepare,
                  const Consume& consume, const RejectedCallback& on_rejected) {
    const uint32_t threads = pipeline::EffectiveThreads(options_.threads);
    const uint32_t tokens =
        options_.in_flight != 0 ? options_.in_flight : 64 * threads;
    ReadOptions read = options_.read;
    read.stdin_bytes = stdin_ ? stdin_.get() : read.stdin_bytes;
    // Files the counting pass kept are read from memory; no more are kept.
    held_.fill = false;
    if (!held_.files.empty()) read.decompressed_cache = &held_;
    PhaseProgress progress(options_, phase, Total());
    ThreadedReader reader(paths_, read, tokens, &progress);
    using Item = Processed<Payload>;
    pipeline::RunOrdered<Record, Item>(
        threads, tokens, [&] { return reader.Next(); },
        [&](Record&& record) {
          Item item;
          if (record.kind == Record::Kind::kArticle) {
            item.payload = prepare(record.article);
          }
          item.record = std::move(record);
          return item;
        },
        [&](Item&& item) {
          if (item.record.kind == Record::Kind::kRejected) {
            on_rejected(std::move(item.record.rejected));
            return;
          }
          summary_.body_bytes += item.record.article.body.size();
          consume(item.record.article, std::move(item.payload));
        });
    Result<ReadSummary> read_summary = reader.Join();
    summary_.held_decompressed_bytes = held_.held_bytes;
    held_.files.clear();
    if (!read_summary.ok()) return read_summary.status();
    summary_.read = *read_summary;
    summary_.input_bytes = progress.bytes();
    return Status::Ok();
  }

  // The main pass counts what cleaning actually removed: an article made
  // mostly of its source's recurring lines keeps them (clean.h).
  void CountRemoved(uint32_t lines) { summary_.lines_removed += lines; }

  CorpusSummary Finish(size_t index_bytes, size_t peak_index_bytes) {
    summary_.index_bytes = index_bytes;
    summary_.peak_index_bytes = peak_index_bytes;
    summary_.seconds = SecondsSince(start_);
    return summary_;
  }

 private:
  uint64_t Total() const { return TotalBytes(paths_, stdin_.get()); }

  const std::vector<std::string>& paths_;
  const CorpusOptions& options_;
  CorpusBoilerplate corpus_;
  std::unique_ptr<std::string> stdin_;
  DecompressedCache held_;  // compressed inputs decoded by the counting pass
  uint64_t counted_articles_ = 0;
  CorpusSummary summary_;
  Clock::time_point start_;
};

Status ValidateCorpusOptions(const CorpusOptions& options) {
  if (options.progress_interval_seconds < 0) {
    return InvalidArgumentError("progress_interval_seconds must not be negative");
  }
  if (options.boilerplate.min_fraction < 0 ||
      options.boilerplate.min_fraction > 1) {
    return InvalidArgumentError("boilerplate min_fraction must be in [0, 1]");
  }
  if (options.read.max_record_bytes == 0 || options.read.body_field.empty()) {
    return InvalidArgumentError("invalid read options");
  }
  return Status::Ok();
}

}  // namespace

Result<CorpusSummary> RunDedup(const std::vector<std::string>& paths,
                               const CorpusOptions& corpus,
                               const DedupOptions& dedup,
                               const DedupCallback& on_article,
                               const RejectedCallback& on_rejected) {
  RETURN_IF_ERROR(ValidateCorpusOptions(corpus));
  if (!on_article || !on_rejected) {
    return InvalidArgumentError("callbacks must be set");
  }
  CorpusRun run(paths, corpus);
  DedupOptions options = dedup;
  options.fingerprint.clean.corpus = nullptr;
  Result<std::unique_ptr<DedupIndex>> index = DedupIndex::Create(options);
  if (!index.ok()) return index.status();
  RETURN_IF_ERROR(run.CountingPass());
  // The counting pass knows how many articles come: the LSH tables take
  // their final size now instead of rehashing as they grow.
  (*index)->Reserve(run.counted_articles());
  FingerprintOptions fingerprint = options.fingerprint;
  fingerprint.clean.corpus = run.corpus();
  const bool simhash = options.method == DedupMethod::kSimHash;  // else unread
  RETURN_IF_ERROR(run.MainPass<Fingerprint>(
      "deduplicating",
      [&](const Article& article) {
        return fingerprint_internal::FingerprintArticle(article, fingerprint, simhash);
      },
      [&](const Article& article, Fingerprint&& fp) {
        run.CountRemoved(fp.source_repeat_lines);
        on_article(article, (*index)->Add(article.id, fp));
      },
      on_rejected));
  const size_t bytes = (*index)->MemoryBytes();
  return run.Finish(bytes, bytes);
}

Result<CorpusSummary> RunStoryStream(const std::vector<std::string>& paths,
                                     const CorpusOptions& corpus,
                                     const StoryOptions& story_options,
                                     StoryClusterer& clusterer,
                                     const StoryStreamHooks& hooks,
                                     const RejectedCallback& on_rejected) {
  RETURN_IF_ERROR(ValidateCorpusOptions(corpus));
  if (!hooks.deliver || !on_rejected || hooks.batch == 0) {
    return InvalidArgumentError("callbacks must be set");
  }
  CorpusRun run(paths, corpus);
  RETURN_IF_ERROR(run.CountingPass());
  StoryOptions options = story_options;
  options.analyze.clean.corpus = run.corpus();
  // Prepared articles are put in published order (a bounded reorder
  // buffer), placed one by one, and their relations to their closest
  // members computed in parallel batches; results keep placement order.
  ReorderBuffer<StoryFeaturesPtr> reorder(options.reorder_window);
  std::vector<StoryPlacement> batch;
  Status failed;  // the first delivery error; nothing is placed after it
  auto flush = [&] {
    if (!failed.ok() || batch.empty()) return;
    oneapi::tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
      StoryClusterer::Relate(&batch[i], options);
    });
    failed = hooks.deliver(batch);
    batch.clear();
  };
  auto place = [&](StoryFeaturesPtr features) {
    if (!failed.ok()) return;
    if (hooks.admit && !hooks.admit(features->article)) return;
    batch.push_back(clusterer.Place(std::move(features)));
    if (batch.size() >= hooks.batch) flush();
  };
  RETURN_IF_ERROR(run.MainPass<StoryFeaturesPtr>(
      "clustering",
      [&](const Article& article) {
        return StoryClusterer::Prepare(article, options);  // a copy
      },
      [&](const Article&, StoryFeaturesPtr&& features) {
        run.CountRemoved(features->source_repeat_lines);
        std::optional<double> day = features->day;
        reorder.Push(day, std::move(features));
        while (std::optional<StoryFeaturesPtr> next = reorder.Pop()) place(std::move(*next));
      },
      on_rejected));
  while (std::optional<StoryFeaturesPtr> next = reorder.Pop(/*drain=*/true)) {
    place(std::move(*next));
  }
  flush();
  RETURN_IF_ERROR(failed);
  return run.Finish(clusterer.MemoryBytes(), clusterer.PeakMemoryBytes());
}

Result<CorpusSummary> RunStories(const std::vector<std::string>& paths,
                                 const CorpusOptions& corpus,
                                 const StoryOptions& story_options,
                                 const StoryCallback& on_article,
                                 const RejectedCallback& on_rejected,
                                 std::vector<Story>* stories) {
  if (!on_article || !on_rejected) {
    return InvalidArgumentError("callbacks must be set");
  }
  Result<std::unique_ptr<StoryClusterer>> clusterer =
      StoryClusterer::Create(story_options);
  if (!clusterer.ok()) return clusterer.status();
  StoryStreamHooks hooks;
  hooks.batch = kRelateBatch;
  hooks.deliver = [&](std::vector<StoryPlacement>& batch) {
    for (const StoryPlacement& p : batch) on_article(*p.article, p.assignment);
    return Status::Ok();
  };
  Result<CorpusSummary> summary = RunStoryStream(paths, corpus, story_options,
                                                 **clusterer, hooks, on_rejected);
  if (summary.ok() && stories != nullptr) *stories = (*clusterer)->Stories();
  return summary;
}

}  // namespace twicetold
