// The main() of every test program. A test that cannot run (data outside
// the repository is missing) calls GTEST_SKIP(); GoogleTest would still
// exit 0 and CTest would report the program as passed. Here a run with
// no failure but at least one skipped test exits with kSkipExitCode,
// which cmake/twicetold_test.cmake declares as SKIP_RETURN_CODE, so CTest
// reports it as skipped and lists why in the output.
#include <gtest/gtest.h>

#include <cstdio>

namespace {

constexpr int kSkipExitCode = 77;

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (RUN_ALL_TESTS() != 0) return 1;
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  if (unit.skipped_test_count() == 0) return 0;
  std::fprintf(stderr, "%d test(s) skipped: reported to CTest as skipped\n",
               unit.skipped_test_count());
  return kSkipExitCode;
}
