// The SQLite store: what is committed is there after reopening, versions
// chain, the header records versions, and files that are not a store (or
// are damaged, or newer) are refused with a clear error, never a crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "twicetold/store.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("twicetold_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<Store> MustOpen(const std::string& path) {
    Result<std::unique_ptr<Store>> store = OpenStore(path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  fs::path dir_;
};

StoredArticle Make(const std::string& id, const std::string& body, uint64_t story,
                   const std::string& relation) {
  StoredArticle a;
  a.article.id = id;
  a.article.title = "Title of " + id;
  a.article.body = body;
  a.article.source = "Wire";
  a.article.published = "2026-05-04";
  a.text_key_high = std::hash<std::string>{}(body);
  a.text_key_low = 0x8000000000000001ULL;  // > INT64_MAX: stored as a signed integer
  a.story = story;
  a.relation = relation;
  if (relation != "origin") a.closest = "a1";
  return a;
}

TEST_F(StoreTest, CommittedArticlesAndStoriesSurviveReopening) {
  const std::string path = Path("s.db");
  {
    auto store = MustOpen(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->Versions().value(), StoreVersions{});
    ASSERT_TRUE(store->SetVersions({"fp-x", "story-y"}).ok());
    std::vector<StoredArticle> batch = {Make("a1", "Body one \xE2\x80\x94 dash", 0, "origin"),
                                        Make("a2", "Body two", 0, "rewrite")};
    ASSERT_TRUE(store->Commit(&batch, {{0, "a1", "Title of a1", "2026-05-04",
                                        "2026-05-04", 2, 2}}).ok());
    EXPECT_EQ(batch[0].seq, 1u);
    EXPECT_EQ(batch[1].seq, 2u);
    EXPECT_FALSE(batch[0].ingested_at.empty());
  }
  auto store = MustOpen(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->Versions().value(), (StoreVersions{"fp-x", "story-y"}));
  auto a2 = store->FindLatest("a2").value();
  ASSERT_TRUE(a2.has_value());
  EXPECT_EQ(a2->seq, 2u);
  EXPECT_EQ(a2->relation, "rewrite");
  EXPECT_EQ(a2->closest, "a1");
  EXPECT_EQ(a2->duplicate_of, std::nullopt);
  EXPECT_EQ(a2->text_key_low, 0x8000000000000001ULL);
  auto a1 = store->FindLatest("a1").value();
  ASSERT_TRUE(a1.has_value());
  EXPECT_EQ(a1->article.body, "Body one \xE2\x80\x94 dash");
  EXPECT_FALSE(store->FindLatest("nope").value().has_value());
  std::vector<std::string> seen;
  ASSERT_TRUE(store->Scan(0, [&](StoredArticle&& a) {
    seen.push_back(a.article.id);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(store->ArticleCount().value(), 2u);
  EXPECT_EQ(store->StoryCount().value(), 1u);
  auto stories = store->Stories(10, 0, "", "").value();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].origin, "a1");
  EXPECT_EQ(store->Members(0).value().size(), 2u);
  EXPECT_EQ(store->Stories(10, 0, "TITLE OF", "").value().size(), 1u);
  EXPECT_EQ(store->Stories(10, 0, "nothing like it", "").value().size(), 0u);
  EXPECT_EQ(store->Stories(10, 0, "", "2026-06-01").value().size(), 0u);
  EXPECT_GT(store->SizeBytes().value(), 0u);
}

TEST_F(StoreTest, VersionsOfOneIdChain) {
  auto store = MustOpen(Path("v.db"));
  ASSERT_TRUE(store);
  std::vector<StoredArticle> first = {Make("x", "First text", 0, "origin")};
  ASSERT_TRUE(store->Commit(&first, {}).ok());
  StoredArticle update = Make("x", "Second text", 0, "update");
  update.version = 2;
  update.previous_seq = first[0].seq;
  std::vector<StoredArticle> second = {update};
  ASSERT_TRUE(store->Commit(&second, {}).ok());
  auto versions = store->Versions("x").value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].previous_seq, versions[0].seq);
  EXPECT_EQ(store->FindLatest("x").value()->article.body, "Second text");
  // A previous_seq that does not exist is refused, and nothing is written.
  StoredArticle dangling = Make("y", "Text", 1, "origin");
  dangling.previous_seq = 999;
  std::vector<StoredArticle> bad = {Make("z", "ok", 1, "origin"), dangling};
  EXPECT_FALSE(store->Commit(&bad, {}).ok());
  EXPECT_EQ(store->ArticleCount().value(), 2u);
}

TEST_F(StoreTest, GarbageTruncatedAndForeignFilesAreRefusedClearly) {
  const std::string garbage = Path("garbage.db");
  std::ofstream(garbage) << std::string(5000, 'x');
  Result<std::unique_ptr<Store>> g = OpenStore(garbage);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kCorruption) << g.status().ToString();
  EXPECT_THAT(g.status().message(), HasSubstr("garbage.db"));

  // A real store cut in half, and one with bytes flipped in every page.
  const std::string good = Path("good.db");
  {
    auto store = MustOpen(good);
    ASSERT_TRUE(store);
    std::vector<StoredArticle> batch;
    for (int i = 0; i < 300; ++i) {
      batch.push_back(Make("id" + std::to_string(i), std::string(400, 'a' + i % 26), i, "origin"));
    }
    ASSERT_TRUE(store->Commit(&batch, {}).ok());
  }
  // Fold the WAL into the file so the copies below hold everything.
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(good.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE",
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const auto size = fs::file_size(good);
  ASSERT_GT(size, 8192u);
  const std::string truncated = Path("truncated.db");
  fs::copy_file(good, truncated);
  fs::resize_file(truncated, size / 2);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    const std::string damaged = Path("damaged" + std::to_string(round) + ".db");
    fs::copy_file(good, damaged);
    std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
    for (int i = 0; i < 40; ++i) {
      f.seekp(static_cast<std::streamoff>(rng() % size));
      f.put(static_cast<char>(rng()));
    }
    f.close();
    // Open and read everything: either it works (the flips hit unused
    // bytes) or a clear error comes back; never a crash.
    Result<std::unique_ptr<Store>> d = OpenStore(damaged);
    if (!d.ok()) {
      EXPECT_THAT(d.status().message(), HasSubstr(damaged));
      continue;
    }
    uint64_t n = 0;
    Status s = (*d)->Scan(0, [&](StoredArticle&&) { ++n; return Status::Ok(); });
    if (!s.ok()) EXPECT_THAT(s.message(), HasSubstr(damaged));
  }
  Result<std::unique_ptr<Store>> t = OpenStore(truncated);
  if (t.ok()) {
    Status s = (*t)->Scan(0, [](StoredArticle&&) { return Status::Ok(); });
    EXPECT_FALSE(s.ok()) << "half a store read as whole";
    EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
  } else {
    EXPECT_EQ(t.status().code(), StatusCode::kCorruption) << t.status().ToString();
  }

  const std::string foreign = Path("foreign.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(foreign.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> f = OpenStore(foreign);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(f.status().message(), HasSubstr("not a twicetold store"));

  const std::string newer = Path("newer.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(newer.c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> n = OpenStore(newer);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(n.status().message(), HasSubstr("newer"));

  Result<std::unique_ptr<Store>> missing_dir = OpenStore(Path("no/such/dir/x.db"));
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_EQ(missing_dir.status().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace twicetold
