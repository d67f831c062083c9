// The SQLite store: one file, WAL journal, synchronous=FULL, a versioned
// schema migrated on open (store.h has the contract).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>

#include "store/sqlite_store.h"

namespace twicetold::store {
namespace {

// Bump when the schema changes, and add the step to kMigrations.
constexpr int kSchemaVersion = 1;

// kMigrations[v] takes a store from schema version v to v + 1.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT NOT NULL,
  headline_only INTEGER NOT NULL,
  ingested_at TEXT NOT NULL,
  key_high INTEGER NOT NULL,
  key_low INTEGER NOT NULL,
  version INTEGER NOT NULL,
  previous_seq INTEGER REFERENCES articles(seq),
  story INTEGER NOT NULL,
  relation TEXT NOT NULL,
  duplicate_of TEXT,
  closest TEXT,
  similarity REAL NOT NULL
);
CREATE INDEX articles_by_id ON articles(id, seq);
CREATE INDEX articles_by_story ON articles(story, seq);
CREATE TABLE stories (
  story INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  title TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  size INTEGER NOT NULL,
  last_seq INTEGER NOT NULL
);
CREATE INDEX stories_by_activity ON stories(last_seq);
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

constexpr char kArticleColumns[] =
    "seq, id, title, body, source, url, published, headline_only, ingested_at, "
    "key_high, key_low, version, previous_seq, story, relation, duplicate_of, "
    "closest, similarity";

std::string NowUtc() {
  const std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

  void Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void OptionalText(int i, const std::optional<std::string>& v) {
    if (v) Text(i, *v); else sqlite3_bind_null(stmt_, i);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

  std::string ColumnText(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
  }
  std::optional<std::string> ColumnOptionalText(int i) const {
    if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) return std::nullopt;
    return ColumnText(i);
  }
  int64_t ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }
  double ColumnReal(int i) const { return sqlite3_column_double(stmt_, i); }
  bool ColumnNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

StoredArticle ArticleFromRow(const Statement& s) {
  StoredArticle a;
  a.seq = static_cast<uint64_t>(s.ColumnInt(0));
  a.article.id = s.ColumnText(1);
  a.article.title = s.ColumnText(2);
  a.article.body = s.ColumnText(3);
  a.article.source = s.ColumnText(4);
  a.article.url = s.ColumnText(5);
  a.article.published = s.ColumnText(6);
  a.article.headline_only = s.ColumnInt(7) != 0;
  a.ingested_at = s.ColumnText(8);
  a.text_key_high = static_cast<uint64_t>(s.ColumnInt(9));
  a.text_key_low = static_cast<uint64_t>(s.ColumnInt(10));
  a.version = static_cast<uint32_t>(s.ColumnInt(11));
  if (!s.ColumnNull(12)) a.previous_seq = static_cast<uint64_t>(s.ColumnInt(12));
  a.story = static_cast<uint64_t>(s.ColumnInt(13));
  a.relation = s.ColumnText(14);
  a.duplicate_of = s.ColumnOptionalText(15);
  a.closest = s.ColumnOptionalText(16);
  a.similarity = s.ColumnReal(17);
  return a;
}

StoredStory StoryFromRow(const Statement& s) {
  StoredStory st;
  st.story = static_cast<uint64_t>(s.ColumnInt(0));
  st.origin = s.ColumnText(1);
  st.title = s.ColumnText(2);
  st.first_seen = s.ColumnText(3);
  st.last_seen = s.ColumnText(4);
  st.size = static_cast<uint64_t>(s.ColumnInt(5));
  st.last_seq = static_cast<uint64_t>(s.ColumnInt(6));
  return st;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Init() {
    // A missing or damaged header shows here, before anything is written.
    RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL"));
    RETURN_IF_ERROR(Exec("PRAGMA synchronous=FULL"));
    RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
    sqlite3_busy_timeout(db_, 10000);
    ASSIGN_OR_RETURN(int64_t version, QueryInt("PRAGMA user_version"));
    if (version > kSchemaVersion) {
      return FailedPreconditionError(
          path_ + ": store schema version " + std::to_string(version) +
          " is newer than this twicetold understands (" +
          std::to_string(kSchemaVersion) + "); use a newer twicetold");
    }
    if (version < 0) {
      // PRAGMA user_version is a signed 32-bit field of the header: a
      // negative one was written by something else (or damaged), and must
      // not index kMigrations.
      return CorruptionError(path_ + ": not a twicetold store (schema version " +
                             std::to_string(version) + ")");
    }
    if (version == 0) {
      // A file with tables but no version is not ours.
      ASSIGN_OR_RETURN(int64_t tables,
                       QueryInt("SELECT count(*) FROM sqlite_master"));
      if (tables != 0) {
        return CorruptionError(path_ + ": not a twicetold store (an SQLite "
                               "database with other tables)");
      }
    }
    for (int64_t v = version; v < kSchemaVersion; ++v) {
      RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Status s = Exec(kMigrations[v]);
      if (s.ok()) s = Exec("PRAGMA user_version=" + std::to_string(v + 1));
      if (!s.ok()) {
        (void)Exec("ROLLBACK");
        return s;
      }
      RETURN_IF_ERROR(Exec("COMMIT"));
    }
    // Damage past the header shows at the first read; check the pages the
    // store needs now, so a corrupt file is refused at open.
    ASSIGN_OR_RETURN(std::string check, QueryText("PRAGMA quick_check"));
    if (check != "ok") {
      // SQLite lists the problems on several lines: one line for the error.
      for (size_t p = check.find('\n'); p != std::string::npos; p = check.find('\n', p)) {
        check.replace(p, 1, "; ");
      }
      return CorruptionError(path_ + ": damaged store: " + check);
    }
    return Status::Ok();
  }

  Result<StoreVersions> Versions() override {
    StoreVersions v;
    ASSIGN_OR_RETURN(v.fingerprint, Meta("fingerprint_version"));
    ASSIGN_OR_RETURN(v.model, Meta("model_version"));
    return v;
  }

  Status SetVersions(const StoreVersions& v) override {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = SetMeta("fingerprint_version", v.fingerprint);
    if (s.ok()) s = SetMeta("model_version", v.model);
    return Finish(s);
  }

  Result<std::optional<StoredArticle>> FindLatest(std::string_view id) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("SELECT ") + kArticleColumns +
                            " FROM articles WHERE seq = "
                            "(SELECT max(seq) FROM articles WHERE id = ?1)", &s));
    s.Text(1, id);
    ASSIGN_OR_RETURN(std::optional<StoredArticle> found, One(s));
    if (found && found->article.id != id) return IndexMismatch("id");
    return found;
  }

  Result<std::optional<StoredArticle>> FindBySeq(uint64_t seq) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("SELECT ") + kArticleColumns +
                            " FROM articles WHERE seq = ?1", &s));
    s.Int(1, static_cast<int64_t>(seq));
    return One(s);
  }

  Result<std::vector<StoredArticle>> Versions(std::string_view id) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("SELECT ") + kArticleColumns +
                            " FROM articles WHERE seq IN "
                            "(SELECT seq FROM articles WHERE id = ?1) ORDER BY seq", &s));
    s.Text(1, id);
    ASSIGN_OR_RETURN(std::vector<StoredArticle> versions, All(s));
    for (const StoredArticle& a : versions) {
      if (a.article.id != id) return IndexMismatch("id");
    }
    return versions;
  }

  Status Commit(std::vector<StoredArticle>* articles,
                const std::vector<StoredStory>& stories) override {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    return Finish(InsertAll(articles, stories));
  }

  Status Rewrite(const std::vector<StoredArticle>& articles,
                 const std::vector<StoredStory>& stories) override {
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = [&]() -> Status {
      Statement u;
      RETURN_IF_ERROR(Prepare(
          "UPDATE articles SET story = ?2, relation = ?3, duplicate_of = ?4, "
          "closest = ?5, similarity = ?6 WHERE seq = ?1", &u));
      for (const StoredArticle& a : articles) {
        sqlite3_reset(u.get());
        u.Int(1, static_cast<int64_t>(a.seq));
        u.Int(2, static_cast<int64_t>(a.story));
        u.Text(3, a.relation);
        u.OptionalText(4, a.duplicate_of);
        u.OptionalText(5, a.closest);
        u.Real(6, a.similarity);
        RETURN_IF_ERROR(Step(u));
      }
      RETURN_IF_ERROR(Exec("DELETE FROM stories"));
      return UpsertStories(stories);
    }();
    return Finish(s);
  }

  Status Scan(uint64_t after_seq,
              const std::function<Status(StoredArticle&&)>& fn) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("SELECT ") + kArticleColumns +
                            " FROM articles WHERE seq > ?1 ORDER BY seq", &s));
    s.Int(1, static_cast<int64_t>(after_seq));
    for (;;) {
      const int rc = sqlite3_step(s.get());
      if (rc == SQLITE_DONE) return Status::Ok();
      if (rc != SQLITE_ROW) return Error("reading articles");
      RETURN_IF_ERROR(fn(ArticleFromRow(s)));
    }
  }

  Result<std::vector<StoredStory>> Stories(uint64_t limit, uint64_t offset,
                                           std::string_view title_query,
                                           std::string_view since) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(
        "SELECT story, origin, title, first_seen, last_seen, size, last_seq "
        "FROM stories WHERE (?3 = '' OR instr(lower(title), lower(?3)) > 0) "
        "AND (?4 = '' OR last_seen >= ?4) "
        "ORDER BY last_seq DESC LIMIT ?1 OFFSET ?2", &s));
    s.Int(1, static_cast<int64_t>(std::min<uint64_t>(limit, INT64_MAX)));
    s.Int(2, static_cast<int64_t>(std::min<uint64_t>(offset, INT64_MAX)));
    s.Text(3, title_query);
    s.Text(4, since);
    std::vector<StoredStory> out;
    for (;;) {
      const int rc = sqlite3_step(s.get());
      if (rc == SQLITE_DONE) return out;
      if (rc != SQLITE_ROW) return Error("reading stories");
      out.push_back(StoryFromRow(s));
    }
  }

  Result<std::optional<StoredStory>> FindStory(uint64_t story) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(
        "SELECT story, origin, title, first_seen, last_seen, size, last_seq "
        "FROM stories WHERE story = ?1", &s));
    s.Int(1, static_cast<int64_t>(story));
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE) return std::optional<StoredStory>();
    if (rc != SQLITE_ROW) return Error("reading a story");
    return std::optional<StoredStory>(StoryFromRow(s));
  }

  Result<std::vector<StoredArticle>> Members(uint64_t story) override {
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("SELECT ") + kArticleColumns +
                            " FROM articles WHERE seq IN "
                            "(SELECT seq FROM articles WHERE story = ?1) ORDER BY seq", &s));
    s.Int(1, static_cast<int64_t>(story));
    ASSIGN_OR_RETURN(std::vector<StoredArticle> members, All(s));
    for (const StoredArticle& a : members) {
      if (a.story != story) return IndexMismatch("story");
    }
    return members;
  }

  Result<uint64_t> ArticleCount() override {
    ASSIGN_OR_RETURN(int64_t n, QueryInt("SELECT count(*) FROM articles"));
    return static_cast<uint64_t>(n);
  }
  Result<uint64_t> StoryCount() override {
    ASSIGN_OR_RETURN(int64_t n, QueryInt("SELECT count(*) FROM stories"));
    return static_cast<uint64_t>(n);
  }
  Result<uint64_t> SizeBytes() override {
    std::error_code ec;
    uint64_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
      const auto n = std::filesystem::file_size(path_ + suffix, ec);
      if (!ec) total += n;
    }
    return total;
  }
  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  Status Error(std::string_view what) const {
    const int code = sqlite3_extended_errcode(db_);
    std::string message = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
    // SQLite may quote a damaged schema, line breaks and all: one line.
    std::replace(message.begin(), message.end(), '\n', ' ');
    switch (code & 0xff) {
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return CorruptionError(message);
      case SQLITE_FULL:
      case SQLITE_IOERR:
      case SQLITE_CANTOPEN:
      case SQLITE_READONLY:
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return IOError(message);
      default:
        return InternalError(message);
    }
  }

  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) {
      return Status::Ok();
    }
    sqlite3_free(err);
    return Error("cannot run " + sql.substr(0, sql.find_first_of("\n(")));
  }

  // Commits when `s` is ok, else rolls back; returns the first error.
  Status Finish(Status s) {
    if (s.ok()) {
      s = Exec("COMMIT");
      if (s.ok()) return s;
    }
    (void)Exec("ROLLBACK");
    return s;
  }

  Status Prepare(const std::string& sql, Statement* s) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), s->out(),
                           nullptr) != SQLITE_OK) {
      return Error("cannot prepare a query");
    }
    return Status::Ok();
  }

  Status Step(Statement& s) {
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
    return Error("cannot write");
  }

  Result<int64_t> QueryInt(const std::string& sql) {
    Statement s;
    RETURN_IF_ERROR(Prepare(sql, &s));
    if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("cannot read");
    return s.ColumnInt(0);
  }

  Result<std::string> QueryText(const std::string& sql) {
    Statement s;
    RETURN_IF_ERROR(Prepare(sql, &s));
    if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("cannot read");
    return s.ColumnText(0);
  }

  Result<std::string> Meta(std::string_view key) {
    Statement s;
    RETURN_IF_ERROR(Prepare("SELECT value FROM meta WHERE key = ?1", &s));
    s.Text(1, key);
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE) return std::string();
    if (rc != SQLITE_ROW) return Error("reading the store header");
    return s.ColumnText(0);
  }

  Status SetMeta(std::string_view key, std::string_view value) {
    Statement s;
    RETURN_IF_ERROR(Prepare(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &s));
    s.Text(1, key);
    s.Text(2, value);
    return Step(s);
  }

  // A lookup through an index found rows that do not hold the key: the
  // index and the table disagree, which quick_check (run at open) does not
  // compare. Found by fuzz_store (regress_index_mismatch). The lookups find
  // seqs through the index and read the rows by seq: SQLite reads a column
  // the index holds (id, story) from the index, where it always matches.
  Status IndexMismatch(std::string_view column) const {
    return CorruptionError(path_ + ": damaged store: the index on articles." +
                           std::string(column) + " does not match the table");
  }

  Result<std::optional<StoredArticle>> One(Statement& s) {
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
    if (rc != SQLITE_ROW) return Error("reading an article");
    return std::optional<StoredArticle>(ArticleFromRow(s));
  }

  Result<std::vector<StoredArticle>> All(Statement& s) {
    std::vector<StoredArticle> out;
    for (;;) {
      const int rc = sqlite3_step(s.get());
      if (rc == SQLITE_DONE) return out;
      if (rc != SQLITE_ROW) return Error("reading articles");
      out.push_back(ArticleFromRow(s));
    }
  }

  Status InsertAll(std::vector<StoredArticle>* articles,
                   const std::vector<StoredStory>& stories) {
    ASSIGN_OR_RETURN(int64_t last, QueryInt("SELECT coalesce(max(seq), 0) FROM articles"));
    Statement s;
    RETURN_IF_ERROR(Prepare(std::string("INSERT INTO articles(") + kArticleColumns +
                            ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                            "?12, ?13, ?14, ?15, ?16, ?17, ?18)", &s));
    const std::string now = NowUtc();
    for (StoredArticle& a : *articles) {
      if (a.seq == 0) a.seq = static_cast<uint64_t>(last + 1);
      last = std::max(last, static_cast<int64_t>(a.seq));
      if (a.ingested_at.empty()) a.ingested_at = now;
      sqlite3_reset(s.get());
      s.Int(1, static_cast<int64_t>(a.seq));
      s.Text(2, a.article.id);
      s.Text(3, a.article.title);
      s.Text(4, a.article.body);
      s.Text(5, a.article.source);
      s.Text(6, a.article.url);
      s.Text(7, a.article.published);
      s.Int(8, a.article.headline_only ? 1 : 0);
      s.Text(9, a.ingested_at);
      s.Int(10, static_cast<int64_t>(a.text_key_high));
      s.Int(11, static_cast<int64_t>(a.text_key_low));
      s.Int(12, a.version);
      if (a.previous_seq) s.Int(13, static_cast<int64_t>(*a.previous_seq));
      else sqlite3_bind_null(s.get(), 13);
      s.Int(14, static_cast<int64_t>(a.story));
      s.Text(15, a.relation);
      s.OptionalText(16, a.duplicate_of);
      s.OptionalText(17, a.closest);
      s.Real(18, a.similarity);
      RETURN_IF_ERROR(Step(s));
    }
    return UpsertStories(stories);
  }

  Status UpsertStories(const std::vector<StoredStory>& stories) {
    Statement s;
    RETURN_IF_ERROR(Prepare(
        "INSERT INTO stories(story, origin, title, first_seen, last_seen, size, last_seq) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(story) DO UPDATE SET "
        "origin = excluded.origin, title = excluded.title, first_seen = "
        "excluded.first_seen, last_seen = excluded.last_seen, size = excluded.size, "
        "last_seq = excluded.last_seq", &s));
    for (const StoredStory& st : stories) {
      sqlite3_reset(s.get());
      s.Int(1, static_cast<int64_t>(st.story));
      s.Text(2, st.origin);
      s.Text(3, st.title);
      s.Text(4, st.first_seen);
      s.Text(5, st.last_seen);
      s.Int(6, static_cast<int64_t>(st.size));
      s.Int(7, static_cast<int64_t>(st.last_seq));
      RETURN_IF_ERROR(Step(s));
    }
    return Status::Ok();
  }

  sqlite3* db_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                     SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": cannot open store: " +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return IOError(std::move(message));
  }
  auto store = std::make_unique<SqliteStore>(db, path);
  if (Status s = store->Init(); !s.ok()) {
    if (s.code() == StatusCode::kInternal || s.code() == StatusCode::kIOError) {
      // SQLite reports a file that is not a database at its first read;
      // a damaged header's format bytes show as "unsupported file format".
      if (s.message().find("not a database") != std::string::npos ||
          s.message().find("malformed") != std::string::npos ||
          s.message().find("unsupported file format") != std::string::npos) {
        return CorruptionError(s.message());
      }
    }
    return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace twicetold::store
