#include "twicetold/ingest.h"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>
#include <xxhash.h>

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/story_stream.h"
#include "story/story_features.h"
#include "twicetold/fingerprint.h"

namespace twicetold {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Stored articles replayed per parallel Prepare.
constexpr size_t kReplayBatch = 512;

struct TextKey {
  uint64_t high = 0;
  uint64_t low = 0;
  bool operator==(const TextKey&) const = default;
};

// The text as given (title, a NUL, body): what makes a version new.
TextKey KeyOf(const Article& a) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, a.title.data(), a.title.size());
  XXH3_128bits_update(state, "", 1);
  XXH3_128bits_update(state, a.body.data(), a.body.size());
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return {h.high64, h.low64};
}

// The newest stored (or placed) version of an id.
struct Latest {
  uint64_t seq = 0;
  TextKey key;
  uint32_t version = 0;
};

StoredStory ToStored(const Story& story, uint64_t last_seq) {
  StoredStory s;
  s.story = story.story;
  s.origin = story.origin;
  s.title = story.title;
  s.first_seen = story.first_seen;
  s.last_seen = story.last_seen;
  s.size = story.members.size();
  s.last_seq = last_seq;
  return s;
}

bool IsCopy(Relation r) {
  return r == Relation::kIdentical || r == Relation::kNearDuplicate ||
         r == Relation::kExcerpt || r == Relation::kRewrite;
}

// Writes `a` into `row` as `stories` names it; a later version of a stored
// id (row->previous_seq set) is an `update` of that id instead.
void SetAssignment(const StoryAssignment& a, StoredArticle* row) {
  row->story = a.story;
  row->similarity = a.similarity;
  row->closest = a.closest;
  row->duplicate_of.reset();
  if (row->previous_seq) {
    row->relation = "update";
    row->closest = row->duplicate_of = row->article.id;
  } else {
    row->relation = a.relation ? std::string(RelationName(*a.relation)) : "origin";
    if (a.relation && IsCopy(*a.relation)) row->duplicate_of = a.closest;
  }
}

// Rebuilds a clusterer from every stored article, in ingestion order, and
// the id -> newest version map.
class Restorer {
 public:
  // `threads` (0: all cores) bounds the parallel Prepare of each batch.
  Restorer(const StoryOptions& options, const ProgressCallback& progress, uint32_t threads,
           StoryClusterer* clusterer, std::unordered_map<std::string, Latest>* latest)
      : options_(options), progress_(progress),
        arena_(threads == 0 ? oneapi::tbb::task_arena::automatic : static_cast<int>(threads)),
        clusterer_(clusterer), latest_(latest) {}

  Status Add(StoredArticle&& a) {
    batch_.push_back(std::move(a));
    return batch_.size() >= kReplayBatch ? Flush() : Status::Ok();
  }

  Status Flush() {
    std::vector<StoryFeaturesPtr> features(batch_.size());
    arena_.execute([&] {
      oneapi::tbb::parallel_for(size_t{0}, batch_.size(), [&](size_t i) {
        features[i] = StoryClusterer::Prepare(batch_[i].article, options_);
      });
    });
    for (size_t i = 0; i < batch_.size(); ++i) {
      StoredArticle& a = batch_[i];
      StoryAssignment known;
      known.id = a.article.id;
      known.story = a.story;
      RETURN_IF_ERROR(clusterer_->Replay(std::move(features[i]), known));
      (*latest_)[a.article.id] = {a.seq, {a.text_key_high, a.text_key_low}, a.version};
      last_seq_ = a.seq;
      ++replayed_;
    }
    batch_.clear();
    Report(false);
    return Status::Ok();
  }

  // Progress of the replay, as records of the phase "replaying the store".
  void Report(bool done) {
    if (!progress_) return;
    Progress p;
    p.phase = "replaying the store";
    p.records = p.accepted = replayed_;
    p.seconds = SecondsSince(start_);
    p.done = done;
    progress_(p);
  }

  uint64_t replayed() const { return replayed_; }
  uint64_t last_seq() const { return last_seq_; }

 private:
  const StoryOptions& options_;
  const ProgressCallback& progress_;
  oneapi::tbb::task_arena arena_;
  const Clock::time_point start_ = Clock::now();
  StoryClusterer* clusterer_;
  std::unordered_map<std::string, Latest>* latest_;
  std::vector<StoredArticle> batch_;
  uint64_t replayed_ = 0;
  uint64_t last_seq_ = 0;
};

}  // namespace

StoreVersions CurrentStoreVersions(const StoryOptions& options) {
  return {FingerprintVersion(FingerprintOptions{}), StoryModelVersion(options)};
}

Status CheckStoreVersions(Store& store, const StoryOptions& options) {
  ASSIGN_OR_RETURN(StoreVersions have, store.Versions());
  const StoreVersions want = CurrentStoreVersions(options);
  if (have == want) return Status::Ok();
  ASSIGN_OR_RETURN(uint64_t count, store.ArticleCount());
  if (count == 0) return Status::Ok();
  return FailedPreconditionError(
      store.Describe() + " was written with model \"" + have.model +
      "\" and fingerprint \"" + have.fingerprint + "\"; this twicetold uses \"" +
      want.model + "\" and \"" + want.fingerprint +
      "\". Run `twicetold reindex --db ...` to re-cluster it with the current model");
}

class StoryIngester::Impl {
 public:
  Impl(Store& store, const IngestOptions& options, std::unique_ptr<StoryClusterer> clusterer)
      : store_(store), options_(options), clusterer_(std::move(clusterer)) {}

  Status Restore() {
    const Clock::time_point start = Clock::now();
    Restorer restorer(options_.story, options_.corpus.progress, options_.corpus.threads,
                      clusterer_.get(), &latest_);
    RETURN_IF_ERROR(store_.Scan(0, [&](StoredArticle&& a) { return restorer.Add(std::move(a)); }));
    RETURN_IF_ERROR(restorer.Flush());
    restorer.Report(true);
    replayed_ = restorer.replayed();
    replay_seconds_ = SecondsSince(start);
    next_seq_ = restorer.last_seq() + 1;
    return Status::Ok();
  }

  // Decides, just before placement, whether `article` is new, a new
  // version of a stored id, or already stored (false: skip it).
  bool Admit(const Article& article) {
    const TextKey key = KeyOf(article);
    std::optional<Latest> previous;
    if (auto it = latest_.find(article.id); it != latest_.end()) {
      if (it->second.key == key) {
        ++skipped_;
        return false;
      }
      previous = it->second;
    }
    const uint64_t seq = next_seq_++;
    latest_[article.id] = {seq, key, previous ? previous->version + 1 : 1};
    pending_.push_back({seq, key, previous});
    return true;
  }

  // Stores a related batch of admitted articles (in admission order) in
  // one transaction, then appends the stored rows to `out`.
  Status Deliver(std::vector<StoryPlacement>& batch, std::vector<StoredArticle>* out) {
    std::vector<StoredArticle> rows;
    rows.reserve(batch.size());
    std::map<uint64_t, uint64_t> touched;  // story -> newest seq in the batch
    for (size_t i = 0; i < batch.size(); ++i) {
      rows.push_back(Row(batch[i], pending_[i]));
      uint64_t& last = touched[rows.back().story];
      last = std::max(last, rows.back().seq);
    }
    std::vector<StoredStory> stories;
    for (const auto& [story, last_seq] : touched) {
      ASSIGN_OR_RETURN(Story summary, clusterer_->StoryOf(story));
      stories.push_back(ToStored(summary, last_seq));
    }
    Status committed = store_.Commit(&rows, stories);
    pending_.erase(pending_.begin(),
                   pending_.begin() + static_cast<std::ptrdiff_t>(batch.size()));
    RETURN_IF_ERROR(committed);
    for (StoredArticle& row : rows) {
      if (row.version > 1) ++updates_; else ++added_;
      out->push_back(std::move(row));
    }
    return Status::Ok();
  }

  Result<IngestSummary> IngestInputs(const std::vector<std::string>& paths,
                                     const IngestCallback& on_article,
                                     const RejectedCallback& on_rejected) {
    if (!on_article || !on_rejected) return InvalidArgumentError("callbacks must be set");
    ResetCounts();
    StoryStreamHooks hooks;
    hooks.batch = options_.commit_every;
    hooks.admit = [this](const Article& article) { return Admit(article); };
    hooks.deliver = [&](std::vector<StoryPlacement>& batch) -> Status {
      std::vector<StoredArticle> rows;
      RETURN_IF_ERROR(Deliver(batch, &rows));
      for (const StoredArticle& row : rows) on_article(row);
      return Status::Ok();
    };
    IngestSummary summary;
    ASSIGN_OR_RETURN(summary.corpus, RunStoryStream(paths, options_.corpus, options_.story,
                                                    *clusterer_, hooks, on_rejected));
    return Finish(std::move(summary));
  }

  Result<std::vector<StoredArticle>> Add(std::vector<Article> articles, uint64_t* skipped) {
    ResetCounts();
    std::vector<StoryFeaturesPtr> features(articles.size());
    oneapi::tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
      features[i] = StoryClusterer::Prepare(std::move(articles[i]), options_.story);
    });
    std::vector<StoryPlacement> batch;
    for (StoryFeaturesPtr& f : features) {
      if (Admit(f->article)) batch.push_back(clusterer_->Place(std::move(f)));
    }
    oneapi::tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
      StoryClusterer::Relate(&batch[i], options_.story);
    });
    std::vector<StoredArticle> rows;
    if (!batch.empty()) RETURN_IF_ERROR(Deliver(batch, &rows));
    if (skipped != nullptr) *skipped = skipped_;
    return rows;
  }

  uint64_t replayed() const { return replayed_; }
  double replay_seconds() const { return replay_seconds_; }

 private:
  // What Admit decided for an article, until its batch is delivered.
  struct Pending {
    uint64_t seq = 0;
    TextKey key;
    std::optional<Latest> previous;
  };

  StoredArticle Row(const StoryPlacement& p, const Pending& decided) const {
    StoredArticle row;
    row.seq = decided.seq;
    row.article = *p.article;
    row.text_key_high = decided.key.high;
    row.text_key_low = decided.key.low;
    if (decided.previous) {
      row.version = decided.previous->version + 1;
      row.previous_seq = decided.previous->seq;
    }
    SetAssignment(p.assignment, &row);
    return row;
  }

  void ResetCounts() { added_ = updates_ = skipped_ = 0; }

  Result<IngestSummary> Finish(IngestSummary summary) {
    summary.added = added_;
    summary.updates = updates_;
    summary.skipped = skipped_;
    summary.replayed = replayed_;
    summary.replay_seconds = replay_seconds_;
    ASSIGN_OR_RETURN(summary.stored, store_.ArticleCount());
    ASSIGN_OR_RETURN(summary.stories, store_.StoryCount());
    return summary;
  }

  Store& store_;
  const IngestOptions options_;
  std::unique_ptr<StoryClusterer> clusterer_;
  std::unordered_map<std::string, Latest> latest_;  // id -> newest version
  std::deque<Pending> pending_;                     // admitted, not yet stored
  uint64_t next_seq_ = 1;
  uint64_t replayed_ = 0;
  double replay_seconds_ = 0;
  uint64_t added_ = 0;
  uint64_t updates_ = 0;
  uint64_t skipped_ = 0;
};

Result<std::unique_ptr<StoryIngester>> StoryIngester::Open(Store& store,
                                                           const IngestOptions& options) {
  if (options.commit_every == 0) return InvalidArgumentError("commit_every must be >= 1");
  RETURN_IF_ERROR(CheckStoreVersions(store, options.story));
  RETURN_IF_ERROR(store.SetVersions(CurrentStoreVersions(options.story)));
  ASSIGN_OR_RETURN(std::unique_ptr<StoryClusterer> clusterer,
                   StoryClusterer::Create(options.story));
  auto impl = std::make_unique<Impl>(store, options, std::move(clusterer));
  RETURN_IF_ERROR(impl->Restore());
  return std::unique_ptr<StoryIngester>(new StoryIngester(std::move(impl)));
}

StoryIngester::StoryIngester(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryIngester::~StoryIngester() = default;

Result<IngestSummary> StoryIngester::IngestInputs(const std::vector<std::string>& paths,
                                                  const IngestCallback& on_article,
                                                  const RejectedCallback& on_rejected) {
  return impl_->IngestInputs(paths, on_article, on_rejected);
}

Result<std::vector<StoredArticle>> StoryIngester::Add(std::vector<Article> articles,
                                                      uint64_t* skipped) {
  return impl_->Add(std::move(articles), skipped);
}

uint64_t StoryIngester::replayed() const { return impl_->replayed(); }
double StoryIngester::replay_seconds() const { return impl_->replay_seconds(); }

Result<IngestSummary> Reindex(Store& store, const IngestOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<StoryClusterer> clusterer,
                   StoryClusterer::Create(options.story));
  const Clock::time_point start = Clock::now();
  std::vector<StoredArticle> all;
  RETURN_IF_ERROR(store.Scan(0, [&](StoredArticle&& a) {
    all.push_back(std::move(a));
    return Status::Ok();
  }));
  std::vector<StoryFeaturesPtr> features(all.size());
  oneapi::tbb::parallel_for(size_t{0}, all.size(), [&](size_t i) {
    features[i] = StoryClusterer::Prepare(all[i].article, options.story);
  });
  std::vector<StoryPlacement> placements;
  placements.reserve(all.size());
  for (StoryFeaturesPtr& f : features) placements.push_back(clusterer->Place(std::move(f)));
  oneapi::tbb::parallel_for(size_t{0}, placements.size(), [&](size_t i) {
    StoryClusterer::Relate(&placements[i], options.story);
  });
  std::unordered_map<uint64_t, uint64_t> last_seq;  // story -> newest member
  for (size_t i = 0; i < all.size(); ++i) {
    StoredArticle& row = all[i];
    const StoryAssignment& a = placements[i].assignment;
    SetAssignment(a, &row);
    last_seq[row.story] = row.seq;
  }
  std::vector<StoredStory> stories;
  for (const Story& s : clusterer->Stories()) stories.push_back(ToStored(s, last_seq[s.story]));
  RETURN_IF_ERROR(store.Rewrite(all, stories));
  RETURN_IF_ERROR(store.SetVersions(CurrentStoreVersions(options.story)));
  IngestSummary summary;
  summary.replayed = all.size();
  summary.replay_seconds = SecondsSince(start);
  summary.stored = all.size();
  summary.stories = stories.size();
  return summary;
}

}  // namespace twicetold
