// The PostgreSQL store: the SQLite store's schema in a shared database
// (store.h has the contract). Unsigned 64-bit numbers are stored as signed
// BIGINT, as SQLite stores them; the schema version lives in the meta
// table. libpqxx reports errors by exceptions: every entry point runs under
// Guard, which turns them into a Status, so none leaves the library.
#include <pqxx/pqxx>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "store/postgres_store.h"
#include "store/postgres_url.h"

namespace twicetold::store {
namespace {

// Bump when the schema changes, and add the step to kMigrations.
constexpr int kSchemaVersion = 1;

// kMigrations[v] takes a store from schema version v to v + 1.
constexpr const char* kMigrations[] = {
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT NOT NULL,
  headline_only BOOLEAN NOT NULL,
  ingested_at TEXT NOT NULL,
  key_high BIGINT NOT NULL,
  key_low BIGINT NOT NULL,
  version BIGINT NOT NULL,
  previous_seq BIGINT REFERENCES articles(seq),
  story BIGINT NOT NULL,
  relation TEXT NOT NULL,
  duplicate_of TEXT,
  closest TEXT,
  similarity DOUBLE PRECISION NOT NULL
);
CREATE INDEX articles_by_id ON articles(id, seq);
CREATE INDEX articles_by_story ON articles(story, seq);
CREATE TABLE stories (
  story BIGINT PRIMARY KEY,
  origin TEXT NOT NULL,
  title TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  size BIGINT NOT NULL,
  last_seq BIGINT NOT NULL
);
CREATE INDEX stories_by_activity ON stories(last_seq);
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

// Held while the schema is created or migrated, so that two processes
// opening a new store at once do not both create it ("twicetol").
constexpr int64_t kSchemaLockKey = 0x7477696365746f6c;

// Scan reads this many rows per query, so memory stays bounded and `fn`
// runs outside any transaction (it may use the store itself).
constexpr int64_t kScanChunk = 512;

constexpr char kArticleColumns[] =
    "seq, id, title, body, source, url, published, headline_only, ingested_at, "
    "key_high, key_low, version, previous_seq, story, relation, duplicate_of, "
    "closest, similarity";
constexpr char kStoryColumns[] =
    "story, origin, title, first_seen, last_seen, size, last_seq";

std::string NowUtc() {
  const std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// libpq messages end in a newline and continue on tab-indented lines.
std::string OneLine(std::string_view message) {
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A host that drops packets would hold the connect for minutes (TCP's
// timeout): give up after 10 seconds unless the URL says otherwise.
std::string WithConnectTimeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

// The Status code for a server error, by SQLSTATE class.
StatusCode CodeForSqlState(const std::string& state) {
  const std::string cls = state.substr(0, 2);
  // Unreachable server, no space or memory, shutdown, transient conflicts.
  if (cls == "08" || cls == "53" || cls == "57" || cls == "58" || cls == "40" ||
      state == "42501") {
    return StatusCode::kIOError;
  }
  // Text that is not valid in the database's encoding: the caller's input.
  if (state == "22021" || state == "22P05") return StatusCode::kInvalidArgument;
  // Bad stored data, damaged pages, or store tables missing a column.
  if (cls == "22" || state == "XX001" || state == "XX002" || state == "42P01" ||
      state == "42703") {
    return StatusCode::kCorruption;
  }
  // Constraint violations (a dangling previous_seq) and our own SQL: bugs.
  return StatusCode::kInternal;
}

// Runs `fn`, turning any exception into a Status that names the store and
// what was being done. `fn` returns Status or Result<T>.
template <typename Fn>
auto Guard(const std::string& where, std::string_view what, Fn&& fn) -> decltype(fn()) {
  const std::string prefix = where + ": " + std::string(what) + ": ";
  try {
    return fn();
  } catch (const pqxx::broken_connection& e) {
    return IOError(prefix + OneLine(e.what()));
  } catch (const pqxx::in_doubt_error& e) {
    return IOError(prefix + "the connection broke during commit; the batch may or "
                   "may not be stored: " + OneLine(e.what()));
  } catch (const pqxx::sql_error& e) {
    return Status(CodeForSqlState(e.sqlstate()),
                  prefix + OneLine(e.what()) + " (SQLSTATE " + e.sqlstate() + ")");
  } catch (const pqxx::conversion_error& e) {
    return CorruptionError(prefix + "unexpected stored value: " + OneLine(e.what()));
  } catch (const pqxx::range_error& e) {  // a row or column our SQL lacks
    return InternalError(prefix + OneLine(e.what()));
  } catch (const pqxx::failure& e) {
    return IOError(prefix + OneLine(e.what()));
  } catch (const std::bad_alloc&) {
    return ResourceExhaustedError(prefix + "out of memory");
  } catch (const std::exception& e) {
    return InternalError(prefix + OneLine(e.what()));
  }
}

// Text parameters travel as C strings: a NUL byte would silently cut the
// value short, so it is refused instead.
Status CheckNoNul(std::string_view id, std::initializer_list<std::string_view> fields) {
  for (std::string_view f : fields) {
    if (f.find('\0') != std::string_view::npos) {
      return InvalidArgumentError("article " + std::string(id) +
                                  ": a NUL byte cannot be stored in PostgreSQL text");
    }
  }
  return Status::Ok();
}

Status CheckNoNul(const StoredArticle& a) {
  const Article& x = a.article;
  return CheckNoNul(x.id, {x.id, x.title, x.body, x.source, x.url, x.published,
                           a.ingested_at, a.relation, a.duplicate_of.value_or(""),
                           a.closest.value_or("")});
}

Status CheckNoNul(const StoredStory& s) {
  return CheckNoNul(s.origin, {s.origin, s.title, s.first_seen, s.last_seen});
}

const char* OrNull(const std::optional<std::string>& v) {
  return v ? v->c_str() : nullptr;
}

std::optional<std::string> OptionalText(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

uint64_t U64(const pqxx::field& f) { return static_cast<uint64_t>(f.as<int64_t>()); }
int64_t I64(uint64_t v) { return static_cast<int64_t>(v); }

StoredArticle ArticleFromRow(const pqxx::row& r) {
  StoredArticle a;
  a.seq = U64(r[0]);
  a.article.id = r[1].as<std::string>();
  a.article.title = r[2].as<std::string>();
  a.article.body = r[3].as<std::string>();
  a.article.source = r[4].as<std::string>();
  a.article.url = r[5].as<std::string>();
  a.article.published = r[6].as<std::string>();
  a.article.headline_only = r[7].as<bool>();
  a.ingested_at = r[8].as<std::string>();
  a.text_key_high = U64(r[9]);
  a.text_key_low = U64(r[10]);
  a.version = static_cast<uint32_t>(r[11].as<int64_t>());
  if (!r[12].is_null()) a.previous_seq = U64(r[12]);
  a.story = U64(r[13]);
  a.relation = r[14].as<std::string>();
  a.duplicate_of = OptionalText(r[15]);
  a.closest = OptionalText(r[16]);
  a.similarity = r[17].as<double>();
  return a;
}

StoredStory StoryFromRow(const pqxx::row& r) {
  StoredStory s;
  s.story = U64(r[0]);
  s.origin = r[1].as<std::string>();
  s.title = r[2].as<std::string>();
  s.first_seen = r[3].as<std::string>();
  s.last_seen = r[4].as<std::string>();
  s.size = U64(r[5]);
  s.last_seq = U64(r[6]);
  return s;
}

std::vector<StoredArticle> Articles(const pqxx::result& rows) {
  std::vector<StoredArticle> out;
  out.reserve(rows.size());
  for (const pqxx::row& r : rows) out.push_back(ArticleFromRow(r));
  return out;
}

std::optional<StoredArticle> FirstArticle(const pqxx::result& rows) {
  if (rows.empty()) return std::nullopt;
  return ArticleFromRow(rows[0]);
}

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::string url) : url_(std::move(url)), name_(RedactUrl(url_)) {}

  Status Open() {
    Status s = Guard(name_, "cannot connect", [&]() -> Status {
      conn_ = std::make_unique<pqxx::connection>(WithConnectTimeout(url_));
      conn_->set_client_encoding("UTF8");
      // A commit must be durable when it returns, whatever the server's
      // default ("local" and "on" flush the WAL; "off" does not).
      pqxx::nontransaction n(*conn_);
      if (n.exec1("SHOW synchronous_commit")[0].as<std::string>() == "off") {
        n.exec0("SET synchronous_commit = on");
      }
      return Status::Ok();
    });
    if (s.ok() || url_ == name_) return s;
    // libpq quotes a URL it cannot parse, password and all.
    std::string message = s.message();
    for (size_t p = message.find(url_); p != std::string::npos;
         p = message.find(url_, p + name_.size())) {
      message.replace(p, url_.size(), name_);
    }
    return Status(s.code(), std::move(message));
  }

  Status Migrate() {
    return Guard(name_, "cannot create or migrate the store", [&]() -> Status {
      pqxx::work w(*conn_);
      w.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLockKey);
      ASSIGN_OR_RETURN(int version, SchemaVersion(w));
      if (version > kSchemaVersion) {
        return FailedPreconditionError(
            name_ + ": store schema version " + std::to_string(version) +
            " is newer than this twicetold understands (" +
            std::to_string(kSchemaVersion) + "); use a newer twicetold");
      }
      if (version == kSchemaVersion) return Status::Ok();
      for (int v = version; v < kSchemaVersion; ++v) w.exec0(kMigrations[v]);
      w.exec_params0("INSERT INTO meta(key, value) VALUES('schema_version', $1) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     std::to_string(kSchemaVersion));
      w.commit();
      return Status::Ok();
    });
  }

  Status Prepare() {
    return Guard(name_, "cannot prepare queries", [&]() -> Status {
      conn_->prepare("insert_article",
                     std::string("INSERT INTO articles(") + kArticleColumns +
                         ") VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                         "$12, $13, $14, $15, $16, $17, $18)");
      conn_->prepare("upsert_story",
                     std::string("INSERT INTO stories(") + kStoryColumns +
                         ") VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(story) DO "
                         "UPDATE SET origin = excluded.origin, title = excluded.title, "
                         "first_seen = excluded.first_seen, last_seen = "
                         "excluded.last_seen, size = excluded.size, last_seq = "
                         "excluded.last_seq");
      conn_->prepare("reassign",
                     "UPDATE articles SET story = $2, relation = $3, duplicate_of = $4, "
                     "closest = $5, similarity = $6 WHERE seq = $1");
      return Status::Ok();
    });
  }

  Result<StoreVersions> Versions() override {
    return Guard(name_, "reading the store header", [&]() -> Result<StoreVersions> {
      pqxx::nontransaction n(*conn_);
      StoreVersions v;
      v.fingerprint = Meta(n, "fingerprint_version");
      v.model = Meta(n, "model_version");
      return v;
    });
  }

  Status SetVersions(const StoreVersions& v) override {
    RETURN_IF_ERROR(CheckNoNul("header", {v.fingerprint, v.model}));
    return Guard(name_, "cannot write the store header", [&]() -> Status {
      pqxx::work w(*conn_);
      SetMeta(w, "fingerprint_version", v.fingerprint);
      SetMeta(w, "model_version", v.model);
      w.commit();
      return Status::Ok();
    });
  }

  Result<std::optional<StoredArticle>> FindLatest(std::string_view id) override {
    return Guard(name_, "reading an article", [&]() -> Result<std::optional<StoredArticle>> {
      return FirstArticle(Read(std::string("SELECT ") + kArticleColumns +
                                   " FROM articles WHERE id = $1 ORDER BY seq DESC LIMIT 1",
                               std::string(id)));
    });
  }

  Result<std::optional<StoredArticle>> FindBySeq(uint64_t seq) override {
    return Guard(name_, "reading an article", [&]() -> Result<std::optional<StoredArticle>> {
      return FirstArticle(Read(std::string("SELECT ") + kArticleColumns +
                                   " FROM articles WHERE seq = $1",
                               I64(seq)));
    });
  }

  Result<std::vector<StoredArticle>> Versions(std::string_view id) override {
    return Guard(name_, "reading articles", [&]() -> Result<std::vector<StoredArticle>> {
      return Articles(Read(std::string("SELECT ") + kArticleColumns +
                               " FROM articles WHERE id = $1 ORDER BY seq",
                           std::string(id)));
    });
  }

  Status Commit(std::vector<StoredArticle>* articles,
                const std::vector<StoredStory>& stories) override {
    for (const StoredArticle& a : *articles) RETURN_IF_ERROR(CheckNoNul(a));
    for (const StoredStory& s : stories) RETURN_IF_ERROR(CheckNoNul(s));
    return Guard(name_, "cannot commit", [&]() -> Status {
      pqxx::work w(*conn_);
      // Writers take turns, so seq numbers follow commit order.
      w.exec0("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE");
      int64_t last = w.exec1("SELECT coalesce(max(seq), 0) FROM articles")[0].as<int64_t>();
      const std::string now = NowUtc();
      std::vector<int64_t> seqs;
      for (const StoredArticle& a : *articles) {
        seqs.push_back(a.seq != 0 ? I64(a.seq) : last + 1);
        last = std::max(last, seqs.back());
        Insert(w, a, seqs.back(), a.ingested_at.empty() ? now : a.ingested_at);
      }
      UpsertStories(w, stories);
      w.commit();
      // Only a committed batch gets its numbers.
      for (size_t i = 0; i < seqs.size(); ++i) {
        StoredArticle& a = (*articles)[i];
        a.seq = static_cast<uint64_t>(seqs[i]);
        if (a.ingested_at.empty()) a.ingested_at = now;
      }
      return Status::Ok();
    });
  }

  Status Rewrite(const std::vector<StoredArticle>& articles,
                 const std::vector<StoredStory>& stories) override {
    for (const StoredArticle& a : articles) RETURN_IF_ERROR(CheckNoNul(a));
    for (const StoredStory& s : stories) RETURN_IF_ERROR(CheckNoNul(s));
    return Guard(name_, "cannot rewrite assignments", [&]() -> Status {
      pqxx::work w(*conn_);
      w.exec0("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE");
      for (const StoredArticle& a : articles) {
        w.exec_prepared0("reassign", I64(a.seq), I64(a.story), a.relation,
                         OrNull(a.duplicate_of), OrNull(a.closest), a.similarity);
      }
      w.exec0("DELETE FROM stories");
      UpsertStories(w, stories);
      w.commit();
      return Status::Ok();
    });
  }

  Status Scan(uint64_t after_seq,
              const std::function<Status(StoredArticle&&)>& fn) override {
    int64_t after = I64(after_seq);
    for (;;) {
      ASSIGN_OR_RETURN(std::vector<StoredArticle> chunk, ScanChunk(after));
      for (StoredArticle& a : chunk) {
        after = I64(a.seq);
        RETURN_IF_ERROR(fn(std::move(a)));
      }
      if (static_cast<int64_t>(chunk.size()) < kScanChunk) return Status::Ok();
    }
  }

  Result<std::vector<StoredStory>> Stories(uint64_t limit, uint64_t offset,
                                           std::string_view title_query,
                                           std::string_view since) override {
    // COLLATE "C": ASCII-only case folding and byte order, as in SQLite,
    // whatever the database's locale.
    return Guard(name_, "reading stories", [&]() -> Result<std::vector<StoredStory>> {
      const pqxx::result rows = Read(
          std::string("SELECT ") + kStoryColumns + " FROM stories WHERE "
          "($3::text = '' OR strpos(lower(title COLLATE \"C\"), "
          "lower($3::text COLLATE \"C\")) > 0) "
          "AND ($4::text = '' OR last_seen COLLATE \"C\" >= $4::text) "
          "ORDER BY last_seq DESC LIMIT $1 OFFSET $2",
          I64(std::min<uint64_t>(limit, INT64_MAX)),
          I64(std::min<uint64_t>(offset, INT64_MAX)), std::string(title_query),
          std::string(since));
      std::vector<StoredStory> out;
      for (const pqxx::row& r : rows) out.push_back(StoryFromRow(r));
      return out;
    });
  }

  Result<std::optional<StoredStory>> FindStory(uint64_t story) override {
    return Guard(name_, "reading a story", [&]() -> Result<std::optional<StoredStory>> {
      const pqxx::result rows = Read(std::string("SELECT ") + kStoryColumns +
                                         " FROM stories WHERE story = $1",
                                     I64(story));
      if (rows.empty()) return std::optional<StoredStory>();
      return std::optional<StoredStory>(StoryFromRow(rows[0]));
    });
  }

  Result<std::vector<StoredArticle>> Members(uint64_t story) override {
    return Guard(name_, "reading articles", [&]() -> Result<std::vector<StoredArticle>> {
      return Articles(Read(std::string("SELECT ") + kArticleColumns +
                               " FROM articles WHERE story = $1 ORDER BY seq",
                           I64(story)));
    });
  }

  Result<uint64_t> ArticleCount() override { return Count("SELECT count(*) FROM articles"); }
  Result<uint64_t> StoryCount() override { return Count("SELECT count(*) FROM stories"); }
  Result<uint64_t> SizeBytes() override {
    return Count("SELECT pg_total_relation_size('meta') + "
                 "pg_total_relation_size('articles') + pg_total_relation_size('stories')");
  }
  std::string Describe() const override { return name_; }

 private:
  // The schema version, 0 for a database without the store's tables.
  Result<int> SchemaVersion(pqxx::work& w) {
    const pqxx::row r = w.exec1(
        "SELECT to_regclass('meta') IS NOT NULL, to_regclass('articles') IS NOT NULL "
        "OR to_regclass('stories') IS NOT NULL");
    if (!r[0].as<bool>()) {
      if (r[1].as<bool>()) {
        return CorruptionError(name_ + ": not a twicetold store (tables named articles "
                               "or stories without the store's meta table)");
      }
      return 0;
    }
    const pqxx::result v = w.exec("SELECT value FROM meta WHERE key = 'schema_version'");
    int version = 0;
    const std::string text = v.empty() ? "" : v[0][0].as<std::string>();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || version < 1) {
      return CorruptionError(name_ + ": not a twicetold store (its meta table has no "
                             "valid schema_version)");
    }
    return version;
  }

  template <typename... Args>
  pqxx::result Read(const std::string& sql, Args&&... args) {
    pqxx::nontransaction n(*conn_);
    return n.exec_params(sql, std::forward<Args>(args)...);
  }

  Result<std::vector<StoredArticle>> ScanChunk(int64_t after) {
    return Guard(name_, "reading articles", [&]() -> Result<std::vector<StoredArticle>> {
      return Articles(Read(std::string("SELECT ") + kArticleColumns +
                               " FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2",
                           after, kScanChunk));
    });
  }

  Result<uint64_t> Count(const std::string& sql) {
    return Guard(name_, "cannot read", [&]() -> Result<uint64_t> {
      pqxx::nontransaction n(*conn_);
      return U64(n.exec1(sql)[0]);
    });
  }

  static std::string Meta(pqxx::transaction_base& t, const std::string& key) {
    const pqxx::result r = t.exec_params("SELECT value FROM meta WHERE key = $1", key);
    return r.empty() ? std::string() : r[0][0].as<std::string>();
  }

  static void SetMeta(pqxx::transaction_base& t, const std::string& key,
                      const std::string& value) {
    t.exec_params0("INSERT INTO meta(key, value) VALUES($1, $2) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
  }

  static void Insert(pqxx::work& w, const StoredArticle& a, int64_t seq,
                     const std::string& ingested_at) {
    std::optional<std::string> previous;
    if (a.previous_seq) previous = std::to_string(I64(*a.previous_seq));
    const Article& x = a.article;
    w.exec_prepared0("insert_article", seq, x.id, x.title, x.body, x.source, x.url,
                     x.published, x.headline_only, ingested_at, I64(a.text_key_high),
                     I64(a.text_key_low), static_cast<int64_t>(a.version),
                     OrNull(previous), I64(a.story), a.relation,
                     OrNull(a.duplicate_of), OrNull(a.closest), a.similarity);
  }

  static void UpsertStories(pqxx::work& w, const std::vector<StoredStory>& stories) {
    for (const StoredStory& s : stories) {
      w.exec_prepared0("upsert_story", I64(s.story), s.origin, s.title, s.first_seen,
                       s.last_seen, I64(s.size), I64(s.last_seq));
    }
  }

  std::string url_;   // as given: libpq needs the password
  std::string name_;  // the URL with its password redacted, for messages
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  auto store = std::make_unique<PostgresStore>(url);
  RETURN_IF_ERROR(store->Open());
  RETURN_IF_ERROR(store->Migrate());
  RETURN_IF_ERROR(store->Prepare());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace twicetold::store
