// PostgreSQL support is a module (src/store/postgres_module.h): a program
// that links the library does not load libpq until it opens a postgres://
// store, and then finds libtwicetold_postgres.so itself. When the module
// is missing, broken or from another build, opening gives a clear error
// naming the file and where it was looked for, never a crash. (The store
// tests of store_test run on PostgreSQL through the module too.)
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <link.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/postgres_loader.h"
#include "twicetold/store.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// True when a shared object whose file name starts with `prefix` is loaded.
bool IsLoaded(std::string_view prefix) {
  std::pair<std::string_view, bool> query(prefix, false);
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        auto* want = static_cast<std::pair<std::string_view, bool>*>(data);
        const std::string name = fs::path(info->dlpi_name).filename().string();
        if (name.starts_with(want->first)) want->second = true;
        return 0;
      },
      &query);
  return query.second;
}

// Taken before main(), before any test has opened a store.
const bool libpq_at_startup = IsLoaded("libpq.so");
const bool module_at_startup = IsLoaded("libtwicetold_postgres.so");

// A fresh, empty directory for this test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("twicetold_postgres_module_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A local TCP port bound but not listening: connecting is refused.
class RefusingPort {
 public:
  RefusingPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof(addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), size) == 0 &&
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) == 0) {
      port_ = ntohs(addr.sin_port);
    }
  }
  ~RefusingPort() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

TEST(PostgresModuleTest, ProgramsStartWithoutLibpq) {
  EXPECT_FALSE(libpq_at_startup);
  EXPECT_FALSE(module_at_startup);
}

TEST(PostgresModuleTest, AMissingModuleIsAClearError) {
  TempDir empty;
  TempDir also_empty;
  Result<store::PostgresModuleOpenFn> open =
      store::LoadPostgresModule({empty.path().string(), also_empty.path().string()});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), StatusCode::kNotFound) << open.status().ToString();
  const std::string& message = open.status().message();
  EXPECT_THAT(message, HasSubstr("PostgreSQL support (libtwicetold_postgres.so) not found"));
  EXPECT_THAT(message, HasSubstr("looked in " + empty.path().string() + ", " +
                                 also_empty.path().string()));
  EXPECT_THAT(message, HasSubstr("No such file or directory"));  // dlerror()
  EXPECT_THAT(message, HasSubstr("TWICETOLD_MODULE_DIR"));

  Result<store::PostgresModuleOpenFn> nowhere = store::LoadPostgresModule({});
  ASSERT_FALSE(nowhere.ok());
  EXPECT_THAT(nowhere.status().message(), HasSubstr("looked in no directory"));
}

TEST(PostgresModuleTest, AFileThatIsNotAModuleIsRefused) {
  TempDir dir;
  const fs::path file = dir.path() / "libtwicetold_postgres.so";
  std::ofstream(file) << "not a shared object\n";
  Result<store::PostgresModuleOpenFn> open = store::LoadPostgresModule({dir.path().string()});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), StatusCode::kFailedPrecondition) << open.status().ToString();
  EXPECT_THAT(open.status().message(),
              HasSubstr("PostgreSQL support (libtwicetold_postgres.so) cannot be loaded"));
  EXPECT_THAT(open.status().message(), HasSubstr(file.string()));  // dlerror() names it
}

TEST(PostgresModuleTest, AModuleOfAnotherBuildIsRefusedBeforeItIsCalled) {
  Result<store::PostgresModuleOpenFn> open =
      store::LoadPostgresModule({TWICETOLD_STALE_MODULE_DIR});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), StatusCode::kFailedPrecondition) << open.status().ToString();
  EXPECT_THAT(open.status().message(), HasSubstr("is from another build of twicetold"));
  EXPECT_THAT(open.status().message(), HasSubstr("\"twicetold postgres module 1; another-build\""));
  EXPECT_THAT(open.status().message(), HasSubstr(store::kPostgresModuleAbi));
}

TEST(PostgresModuleTest, TheFirstDirectoryHoldingTheModuleWins) {
  TempDir empty;
  Result<store::PostgresModuleOpenFn> open =
      store::LoadPostgresModule({empty.path().string(), TWICETOLD_MODULE_DIR_OF_BUILD});
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  // The stale module first: it is refused, not skipped.
  EXPECT_FALSE(store::LoadPostgresModule({TWICETOLD_STALE_MODULE_DIR,
                                          TWICETOLD_MODULE_DIR_OF_BUILD}).ok());
}

TEST(PostgresModuleTest, DirectoriesAreTheVariableThenThisProgramsThenTheBuildTree) {
  ASSERT_EQ(::setenv("TWICETOLD_MODULE_DIR", "/opt/twicetold/lib", 1), 0);
  const std::vector<std::string> dirs = store::PostgresModuleDirs();
  ::unsetenv("TWICETOLD_MODULE_DIR");
  const std::string program_dir = fs::read_symlink("/proc/self/exe").parent_path().string();
  const std::string build_dir = fs::path(TWICETOLD_MODULE_DIR_OF_BUILD).lexically_normal().string();
  std::vector<std::string> expected = {"/opt/twicetold/lib", program_dir};
  if (build_dir != program_dir) expected.push_back(build_dir);
  EXPECT_EQ(dirs, expected);

  ::setenv("TWICETOLD_MODULE_DIR", "", 1);  // empty: not a directory
  EXPECT_EQ(store::PostgresModuleDirs().front(), program_dir);
  ::unsetenv("TWICETOLD_MODULE_DIR");
}

// OpenStore's own search: the variable names an empty directory, and the
// module is found beside this program (the build tree).
TEST(PostgresModuleTest, OpenStoreLoadsTheModuleForThePostgresUrl) {
  TempDir empty;
  ASSERT_EQ(::setenv("TWICETOLD_MODULE_DIR", empty.path().c_str(), 1), 0);
  Result<std::unique_ptr<Store>> sqlite = OpenStore((empty.path() / "s.db").string());
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().ToString();

  RefusingPort port;
  ASSERT_NE(port.port(), 0);
  const std::string where = "127.0.0.1:" + std::to_string(port.port());
  Result<std::unique_ptr<Store>> pg = OpenStore("postgresql://twicetold:s3cret@" + where + "/x");
  ::unsetenv("TWICETOLD_MODULE_DIR");
  ASSERT_FALSE(pg.ok());
  // The module ran: the error is the server's, not the loader's.
  EXPECT_EQ(pg.status().code(), StatusCode::kIOError) << pg.status().ToString();
  EXPECT_THAT(pg.status().message(), HasSubstr("cannot connect"));
  EXPECT_THAT(pg.status().message(), HasSubstr("postgresql://twicetold:***@" + where + "/x"));
  EXPECT_THAT(pg.status().message(), Not(HasSubstr("s3cret")));
  EXPECT_TRUE(IsLoaded("libtwicetold_postgres.so"));
  EXPECT_TRUE(IsLoaded("libpq.so"));
}

}  // namespace
}  // namespace twicetold
