#include "allocator.h"

#include <signal.h>

#include <cstdlib>
#include <system_error>
#include <thread>

#ifdef TWICETOLD_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace twicetold::cli {
namespace {

#ifdef TWICETOLD_WITH_MIMALLOC
void SetUnlessInEnvironment(mi_option_t option, const char* variable, long value) {
  if (std::getenv(variable) == nullptr) mi_option_set(option, value);
}
#endif

}  // namespace

int RunWithAllocator(bool huge_pages, const std::function<int()>& program) {
#ifdef TWICETOLD_WITH_MIMALLOC
  if (huge_pages) {
    // 2 MiB pages where the kernel allows them (transparent huge pages in
    // "madvise" or "always" mode; otherwise mimalloc falls back to 4 KiB
    // pages by itself), and no lazily committed first segment per thread
    // (a lazy segment never gets them).
    SetUnlessInEnvironment(mi_option_large_os_pages, "MIMALLOC_LARGE_OS_PAGES", 1);
    SetUnlessInEnvironment(mi_option_eager_commit_delay, "MIMALLOC_EAGER_COMMIT_DELAY", 0);
  }
  int result = 0;
  std::thread worker;
  try {
    worker = std::thread([&] { result = program(); });
  } catch (const std::system_error&) {  // no thread to be had: run here
    return program();
  }
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  worker.join();
  return result;
#else
  (void)huge_pages;
  return program();
#endif
}

std::string AllocatorDescription() {
#ifdef TWICETOLD_WITH_MIMALLOC
  const int v = mi_version();  // 209 for 2.0.9
  return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
         std::to_string(v % 10) +
         (mi_option_is_enabled(mi_option_large_os_pages) ? ", large pages" : "");
#else
  return "system malloc";
#endif
}

}  // namespace twicetold::cli
